"""Processing a release: the form page, the job page that follows it (and, once the release is
stored, keeps showing it after a restart), processing a stored release again, and the same as
JSON API.

Uploads are size-limited and type-checked before they are queued; text comes as JSON, a form or
multipart form data, decoded by its charset (`pressnlp.web.submissions`)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from pressnlp.io.readers import format_for_path
from pressnlp.web.dependencies import (
    ProcessorDep,
    RunsDep,
    SettingsDep,
    job_record_or_404,
    render,
    render_release,
    run_or_404,
)
from pressnlp.web.errors import BodyTooLarge, error_page
from pressnlp.web.jobs import DONE, FAILED, Job, Processor
from pressnlp.web.runs import RunLibrary
from pressnlp.web.submissions import Fields, read_fields

ACCEPTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
NAME_LENGTH = 200

router = APIRouter()


class JobStatus(BaseModel):
    id: str
    name: str
    state: str = Field(description="queued, running, done or failed")
    stage: str | None = Field(description="the stage running now; 'warming up' while the server loads its models")
    stages: list[str]
    done_stages: int
    warming_up: bool = Field(description="the release waits for the server to finish loading its models")
    elapsed_s: float
    error: str | None = Field(description="why the job failed (the same message as the CLI)")
    result_url: str
    record: dict[str, Any] | None = Field(default=None, description="the result record (SPEC.md section 1) when done")


class ProcessRequest(BaseModel):
    """A release as JSON."""

    text: str = Field(description="the release as text (title on the first line)")
    name: str | None = Field(default=None, description="a name for the release (default: its first line)")


_FORM_SCHEMA = {"type": "object", "properties": {
    "text": {"type": "string", "description": "the release as text (title on the first line)"},
    "name": {"type": "string", "description": "a name for the release (default: its title or file name)"}}}
_MULTIPART_SCHEMA = {"type": "object", "properties": {
    **_FORM_SCHEMA["properties"],
    "file": {"type": "string", "format": "binary", "description": "a release file: " + " ".join(ACCEPTED_EXTENSIONS)}}}
PROCESS_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ProcessRequest.model_json_schema()},
    "application/x-www-form-urlencoded": {"schema": _FORM_SCHEMA},
    "multipart/form-data": {"schema": _MULTIPART_SCHEMA}}}}


def _job_status(processor: Processor, job: Job) -> JobStatus:
    return JobStatus(**processor.status(job), record=job.record if job.state == DONE else None)


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


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "pasted text")[:NAME_LENGTH]


def _submit(processor: Processor, limit: int, fields: Fields) -> Job:
    """Queue the uploaded file or the pasted text (never both: one would be dropped)."""
    text = fields.text("text") or ""
    name = (fields.text("name") or "").strip()[:NAME_LENGTH]
    upload = fields.upload
    if "text" in fields.values and fields.text("text") is None:
        raise HTTPException(400, "The field 'text' must be a string (the text of the release).")
    if upload is not None and text.strip():
        raise HTTPException(400, "You pasted text and chose a file: keep one of them (empty the text box or "
                                 "remove the file), then press Process again.")
    if upload is not None:
        fmt = _check_upload(upload.filename or "upload", upload.data, limit)
        return processor.submit(upload.data, name=name or upload.filename, fmt=fmt)
    if text.strip():
        data = text.encode("utf-8")
        if len(data) > limit:
            raise BodyTooLarge(limit)
        return processor.submit(data, name=name or _first_line(text), fmt="txt")
    raise HTTPException(400, "Paste the text of a release or choose a file.")


def _read_failed(record: dict[str, Any]) -> bool:
    return (record.get("stages") or {}).get("read", {}).get("status") in ("failed", "error")


def _index(request: Request, processor: Processor, runs: RunLibrary, max_upload_bytes: int, *,
           status_code: int = 200, error: str | None = None, text: str = "", name: str = "") -> HTMLResponse:
    store = runs.store_run
    return render(request, "index.html", status_code, jobs=processor.recent(), stages=processor.stage_names,
                  ready=processor.ready, startup_error=processor.startup_error,
                  stored=len(store.records) if store else 0, store=store,
                  accept=",".join(ACCEPTED_EXTENSIONS), max_upload_mb=max(1, round(max_upload_bytes / 1024 / 1024)),
                  error=error, text=text, release_name=name)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request, processor: ProcessorDep, runs: RunsDep, settings: SettingsDep) -> HTMLResponse:
    return _index(request, processor, runs, settings.max_upload_bytes)


@router.post("/process", include_in_schema=False)
async def process_form(request: Request, processor: ProcessorDep, runs: RunsDep, settings: SettingsDep) -> Response:
    """The form of the start page; a problem shows the form again with the message and the text kept."""
    fields = Fields()
    try:
        fields = await read_fields(request)
        job = _submit(processor, settings.max_upload_bytes, fields)
    except HTTPException as exc:
        return _index(request, processor, runs, settings.max_upload_bytes, status_code=exc.status_code,
                      error=str(exc.detail), text=fields.text("text") or "", name=fields.text("name") or "")
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _result_page(request: Request, record: dict[str, Any], download_base: str, name: str | None = None) -> Response:
    """The release's page; for a file that could not be read, the reader's message under the
    name it was submitted by."""
    if _read_failed(record):
        message = "; ".join(error.get("message", "") for error in record.get("errors") or []
                            if error.get("stage") == "read")
        return error_page(request, 422, f"{name or record.get('id')}: {message}",
                          hint="Check that the file opens on your computer, or paste its text instead.")
    return render_release(request, record, back_url="/", back_label="Process another release",
                          download_base=download_base)


@router.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(request: Request, job_id: str, processor: ProcessorDep, runs: RunsDep) -> Response:
    """The progress of a job, then its result; a stored release after a restart."""
    job = processor.get(job_id)
    if job is not None and job.state == FAILED:
        return error_page(request, 422, f"{job.name}: {job.error}")
    if job is not None and job.state != DONE:
        return render(request, "job.html", job=job, status=processor.status(job))
    return _result_page(request, job_record_or_404(processor, runs, job_id), f"/jobs/{job_id}/download/",
                        job.name if job else None)


@router.post("/runs/{name}/reprocess", include_in_schema=False)
def reprocess(name: str, record_id: Annotated[str, Query(alias="id")], processor: ProcessorDep,
              runs: RunsDep) -> Response:
    """Process a stored release again, from its own bytes, with the glossary and config of today."""
    run = run_or_404(runs, name)
    data = processor.store.source(record_id) if processor.store and run is runs.store_run else None
    if data is None:
        raise HTTPException(404, "Only releases processed on this page can be processed again here.")
    fmt = format_for_path(record_id) or "txt"
    job = processor.submit(data, name=record_id, fmt=fmt, record_id=record_id)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post("/api/process", response_model=JobStatus, status_code=202, tags=["process"],
             openapi_extra=PROCESS_BODY)
async def api_process(
    request: Request,
    processor: ProcessorDep,
    settings: SettingsDep,
    wait: Annotated[float, Query(ge=0, le=300, description="seconds to wait for the result")] = 0,
) -> Response:
    """Queue a release: JSON `{"text", "name"}`, a form, or multipart with a `file`; poll
    `GET /api/jobs/{id}`, or pass `wait` to get the record at once."""
    job = _submit(processor, settings.max_upload_bytes, await read_fields(request))
    if wait:
        await run_in_threadpool(processor.wait, job, wait)
    return JSONResponse(_job_status(processor, job).model_dump(),
                        status_code=200 if job.state in (DONE, FAILED) else 202)


@router.get("/api/jobs/{job_id}", response_model=JobStatus, tags=["process"])
def api_job(job_id: str, processor: ProcessorDep) -> JobStatus:
    """Where a queued release stands; the record once it is done."""
    job = processor.get(job_id)
    if job is None:
        raise HTTPException(404, "No such job: it may have been forgotten after a restart of the server.")
    return _job_status(processor, job)
