"""Processing a release: the form page, the job page that follows it, and the same as JSON API.

Uploads are size-limited and type-checked before they are queued."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile

from pressnlp.io.readers import format_for_path
from pressnlp.report.views import release_view
from pressnlp.web.dependencies import ProcessorDep, SettingsDep, job_or_404, render
from pressnlp.web.errors import BodyTooLarge, error_page
from pressnlp.web.jobs import DONE, FAILED, Job, Processor

ACCEPTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

router = APIRouter()


class JobStatus(BaseModel):
    id: str
    name: str
    state: str = Field(description="queued, running, done or failed")
    stage: str | None = Field(description="the stage running now")
    stages: list[str]
    done_stages: int
    elapsed_s: float
    error: str | None = Field(description="why the job failed (the same message as the CLI)")
    result_url: str
    record: dict[str, Any] | None = Field(default=None, description="the result record (SPEC.md section 1) when done")


def _job_status(job: Job) -> JobStatus:
    return JobStatus(**job.status(), record=job.record if job.state == DONE else None)


def _check_upload(name: str, data: bytes, limit: int) -> str:
    """The reader format of an upload; refuses other types and content that is not what its
    extension says (HTTP 415), and files over the limit (413)."""
    fmt = format_for_path(name)
    if fmt is None or Path(name).suffix.lower() not in ACCEPTED_EXTENSIONS:
        raise HTTPException(415, f"{name}: this type of file is not accepted; "
                                 f"accepted: {', '.join(ACCEPTED_EXTENSIONS)}")
    if len(data) > limit:
        raise BodyTooLarge(limit)
    if not data:
        raise HTTPException(400, f"{name}: the file is empty")
    if fmt == "docx" and not data.startswith(b"PK\x03\x04"):
        raise HTTPException(415, f"{name}: not a Word .docx file (its content is not a DOCX package)")
    if fmt == "pdf" and b"%PDF-" not in data[:1024]:
        raise HTTPException(415, f"{name}: not a PDF file (no PDF header)")
    if fmt in ("txt", "md", "html") and b"\x00" in data[:8192]:
        raise HTTPException(415, f"{name}: binary content in a .{fmt} file")
    return fmt


async def _submit(processor: Processor, limit: int, text: str | None, upload: StarletteUploadFile | None,
                  name: str | None) -> Job:
    """Queue an uploaded file, else pasted text."""
    if upload is not None and upload.filename:
        data = await upload.read(limit + 1)
        fmt = _check_upload(upload.filename, data, limit)
        return processor.submit(data, name=(name or "").strip() or upload.filename, fmt=fmt)
    if text and text.strip():
        data = text.encode("utf-8")
        if len(data) > limit:
            raise BodyTooLarge(limit)
        return processor.submit(data, name=(name or "").strip() or "pasted text", fmt="txt")
    raise HTTPException(400, "Paste the text of a release or choose a file.")


def _read_failed(record: dict[str, Any]) -> bool:
    return (record.get("stages") or {}).get("read", {}).get("status") == "failed"


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request, processor: ProcessorDep, settings: SettingsDep) -> HTMLResponse:
    return render(request, "index.html", jobs=processor.recent(), stages=processor.stage_names,
                  accept=",".join(ACCEPTED_EXTENSIONS),
                  max_upload_mb=max(1, round(settings.max_upload_bytes / 1024 / 1024)))


@router.post("/process", include_in_schema=False)
async def process_form(request: Request, processor: ProcessorDep, settings: SettingsDep) -> Response:
    async with request.form(max_files=1, max_fields=10) as form:
        upload, text, name = form.get("file"), form.get("text"), form.get("name")
        job = await _submit(processor, settings.max_upload_bytes, text if isinstance(text, str) else None,
                            upload if isinstance(upload, StarletteUploadFile) else None,
                            name if isinstance(name, str) else None)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(request: Request, job_id: str, processor: ProcessorDep) -> Response:
    job = job_or_404(processor, job_id)
    if job.state == FAILED:
        return error_page(request, 422, f"{job.name}: {job.error}")
    if job.state != DONE or job.record is None:
        return render(request, "job.html", job=job)
    if _read_failed(job.record):
        message = "; ".join(error.get("message", "") for error in job.record.get("errors") or []
                            if error.get("stage") == "read")
        return error_page(request, 422, f"{job.name}: {message}",
                          hint="Check that the file opens on your computer, or paste its text instead.")
    return render(request, "result.html", v=release_view(job.record, target_language=processor.target_language),
                  pairs_open=True, back_url="/", back_label="Process another release",
                  download_base=f"/jobs/{job.id}/download/", download_query="")


@router.post("/api/process", response_model=JobStatus, status_code=202, tags=["process"])
async def api_process(
    processor: ProcessorDep,
    settings: SettingsDep,
    text: Annotated[str | None, Form(description="the release as text")] = None,
    file: Annotated[UploadFile | None, File(description="a release file: " + " ".join(ACCEPTED_EXTENSIONS))] = None,
    name: Annotated[str | None, Form(description="a name (id) for the release")] = None,
    wait: Annotated[float, Query(ge=0, le=300, description="seconds to wait for the result")] = 0,
) -> Response:
    """Queue a release (text or file); poll `GET /api/jobs/{id}`, or pass `wait` to get the record at once."""
    job = await _submit(processor, settings.max_upload_bytes, text, file, name)
    if wait:
        await run_in_threadpool(processor.wait, job, wait)
    return JSONResponse(_job_status(job).model_dump(), status_code=200 if job.state in (DONE, FAILED) else 202)


@router.get("/api/jobs/{job_id}", response_model=JobStatus, tags=["process"])
def api_job(job_id: str, processor: ProcessorDep) -> JobStatus:
    """Where a queued release stands; the record once it is done."""
    return _job_status(job_or_404(processor, job_id))
