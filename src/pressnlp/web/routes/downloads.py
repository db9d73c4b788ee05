"""A processed release to take away, as JSON, Markdown or Word, from a job or from a run."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from pressnlp.io.writers import dumps_json
from pressnlp.report.exports import to_docx, to_markdown
from pressnlp.web.dependencies import ProcessorDep, RunsDep, job_or_404, record_or_404, run_or_404

MEDIA_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

router = APIRouter()


def _download_name(record_id: str, extension: str) -> str:
    stem = Path(record_id.replace("\\", "/").split("/")[-1]).stem or "release"
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
    disposition = f'attachment; filename="{_download_name(str(record.get("id") or "release"), fmt)}"'
    return Response(body, media_type=MEDIA_TYPES[fmt], headers={"content-disposition": disposition})


@router.get("/jobs/{job_id}/download/{fmt}", include_in_schema=False)
def job_download(job_id: str, fmt: str, processor: ProcessorDep) -> Response:
    job = job_or_404(processor, job_id)
    if job.record is None:
        raise HTTPException(404, "This release is not processed yet.")
    return _download(job.record, fmt)


@router.get("/runs/{name}/download/{fmt}", include_in_schema=False)
def run_download(name: str, fmt: str, record_id: Annotated[str, Query(alias="id")], runs: RunsDep) -> Response:
    return _download(record_or_404(run_or_404(runs, name), record_id), fmt)
