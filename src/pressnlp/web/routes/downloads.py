"""A processed release to take away, as JSON, Markdown or Word, from a job or from a run."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from pressnlp.io.writers import dumps_json
from pressnlp.report.exports import to_docx, to_markdown
from pressnlp.web.dependencies import ProcessorDep, RunsDep, job_record_or_404, record_or_404, run_or_404
from pressnlp.web.store import slug

MEDIA_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

router = APIRouter()


def download_name(record: dict[str, Any], extension: str) -> str:
    """A release is named by its title ("metropolia-gzm-kupi-nowe-autobusy.en.docx"); without
    one, by the name of its file."""
    title = record.get("title") if isinstance(record.get("title"), str) else None
    stem = slug(title) or Path(str(record.get("id") or "").replace("\\", "/").split("/")[-1]).stem
    return f"{_FILENAME_UNSAFE.sub('_', stem)[:80] or 'release'}.en.{extension}"


def _download(record: dict[str, Any], fmt: str) -> Response:
    if fmt not in MEDIA_TYPES:
        raise HTTPException(404, f"unknown download format {fmt!r}; available: {', '.join(MEDIA_TYPES)}")
    if fmt == "json":
        body: bytes = (dumps_json(record, indent=2) + "\n").encode("utf-8")
    elif fmt == "md":
        body = to_markdown(record).encode("utf-8")
    else:
        body = to_docx(record)
    disposition = f'attachment; filename="{download_name(record, fmt)}"'
    return Response(body, media_type=MEDIA_TYPES[fmt], headers={"content-disposition": disposition})


@router.get("/jobs/{job_id}/download/{fmt}", include_in_schema=False)
def job_download(job_id: str, fmt: str, processor: ProcessorDep, runs: RunsDep) -> Response:
    return _download(job_record_or_404(processor, runs, job_id), fmt)


@router.get("/runs/{name}/download/{fmt}", include_in_schema=False)
def run_download(name: str, fmt: str, record_id: Annotated[str, Query(alias="id")], runs: RunsDep) -> Response:
    return _download(record_or_404(run_or_404(runs, name), record_id), fmt)
