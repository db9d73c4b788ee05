"""The web app: process a release, read it in English, check its facts, take it away; browse runs;
edit the glossary. HTML pages and a JSON API (described at /openapi.json) over the same pieces.

Safety: every template is autoescaped and pages carry a Content-Security-Policy that runs only
our own inline script (per-response nonce); uploads are size-limited and type-checked; run
records are looked up by id, never opened by a path taken from a request; state-changing
requests from other sites are refused; errors are pages with a message, never a traceback.
"""
from __future__ import annotations

import logging
import math
import re
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pressnlp._version import __version__
from pressnlp.core.errors import PressnlpError
from pressnlp.io.readers import format_for_path
from pressnlp.io.writers import dumps_json
from pressnlp.report.exports import to_docx, to_markdown
from pressnlp.report.html import configure_environment, template_loader
from pressnlp.report.views import release_view
from pressnlp.web.glossary import MAX_TERMS, Term, glossary_format, read_terms, write_terms
from pressnlp.web.jobs import DONE, FAILED, Job, Processor
from pressnlp.web.runs import RecordFilter, RunFolder, RunLibrary, looks_like_path_trick

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ACCEPTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
PAGE_SIZE = 100
_FORM_OVERHEAD_BYTES = 256 * 1024  # multipart boundaries, the text box and the name field
_DOWNLOADS = {"json": "application/json", "md": "text/markdown; charset=utf-8",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


# --- API models (the OpenAPI document) ---------------------------------------------------------

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


class RunInfo(BaseModel):
    name: str
    records: int
    started: str | None
    url: str


class RecordSummary(BaseModel):
    id: str
    title: str | None
    title_en: str | None
    language: str | None
    date: str | None
    themes: list[str]
    partners: list[str]
    errors: int
    url: str


class RecordList(BaseModel):
    total: int
    offset: int
    limit: int
    records: list[RecordSummary]


class GlossaryTerm(BaseModel):
    term: str
    translation: str | None = Field(default=None, description="fixed translation; null or empty keeps the term")
    forms: list[str] = Field(default_factory=list, description="inflected forms to match as written")


class GlossaryDocument(BaseModel):
    path: str
    format: str
    configured: bool = Field(description="whether the pipeline config names this file")
    entries: list[GlossaryTerm]


class GlossaryUpdate(BaseModel):
    entries: list[GlossaryTerm]


# --- middleware ----------------------------------------------------------------------------------

class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the upload is larger than the limit of {limit / 1024 / 1024:.0f} MB")


class LimitBody:
    """Refuse request bodies over a size limit while they arrive (not after spooling them)."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        received = 0
        limit = self.limit

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared.isdigit() and int(declared) > limit + _FORM_OVERHEAD_BYTES:
                raise BodyTooLarge(limit)
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit + _FORM_OVERHEAD_BYTES:
                raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


class SecurityHeaders:
    """A per-response nonce for our inline script, the CSP that allows only it, and a refusal of
    state-changing requests sent by other sites (a form on a web page posting to localhost)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        headers = dict(scope.get("headers") or [])
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and not _same_origin(headers):
            response = PlainTextResponse("cross-site request refused", status_code=403)
            await response(scope, receive, send)
            return
        policy = (f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
                  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                  "form-action 'self'")
        extra = [(b"content-security-policy", policy.encode()), (b"x-content-type-options", b"nosniff"),
                 (b"referrer-policy", b"same-origin")]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _same_origin(headers: dict[bytes, bytes]) -> bool:
    """False when the browser says the request comes from another origin (or an opaque one);
    clients that send neither Origin nor Referer (curl, scripts) are not browsers on other sites."""
    origin = headers.get(b"origin") or headers.get(b"referer")
    if origin is None:
        return True
    host = headers.get(b"host", b"").decode("latin-1")
    return urlsplit(origin.decode("latin-1")).netloc == host


# --- helpers ---------------------------------------------------------------------------------------

def _environment() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("pressnlp.web", "templates"), template_loader()])
    return configure_environment(jinja2.Environment(loader=loader, autoescape=True))


def _download_name(record_id: str, extension: str) -> str:
    stem = Path(record_id.replace("\\", "/").split("/")[-1]).stem or "release"
    return f"{_FILENAME_UNSAFE.sub('_', stem)[:80] or 'release'}.en.{extension}"


def _download(record: dict[str, Any], fmt: str) -> Response:
    if fmt not in _DOWNLOADS:
        raise HTTPException(404, f"unknown download format {fmt!r}; available: {', '.join(_DOWNLOADS)}")
    if fmt == "json":
        body: bytes = (dumps_json(record, indent=2) + "\n").encode("utf-8")
    elif fmt == "md":
        body = to_markdown(record).encode("utf-8")
    else:
        body = to_docx(record)
    disposition = f'attachment; filename="{_download_name(str(record.get("id") or "release"), fmt)}"'
    return Response(body, media_type=_DOWNLOADS[fmt], headers={"content-disposition": disposition})


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


def _summary_of(record: dict[str, Any], url: str) -> RecordSummary:
    facts = record.get("facts") or {}
    return RecordSummary(
        id=record["id"], title=record.get("title"), title_en=(record.get("translation") or {}).get("title"),
        language=(record.get("language") or {}).get("code"), date=record.get("date"),
        themes=[t.get("id") for t in facts.get("themes") or [] if t.get("id")],
        partners=[p.get("name") for p in facts.get("partners") or [] if p.get("name")],
        errors=len(record.get("errors") or []), url=url)


def _read_failed(record: dict[str, Any]) -> bool:
    return (record.get("stages") or {}).get("read", {}).get("status") == "failed"


# --- the app ---------------------------------------------------------------------------------------

def create_app(processor: Processor, runs: RunLibrary | None = None, *, allowed_hosts: list[str] | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> FastAPI:
    """The ASGI app over a built pipeline (`processor`) and the run folders to browse."""
    runs = runs if runs is not None else RunLibrary()
    # FastAPI's /docs and /redoc load their scripts from a CDN: our own /api page describes the API.
    app = FastAPI(title="pressnlp", version=__version__, debug=False, docs_url=None, redoc_url=None,
                  description="Process press releases into English and structured facts; browse runs; "
                              "edit the glossary. Records follow SPEC.md section 1 (schema pressnlp.result/1).")
    templates = Jinja2Templates(env=_environment())
    accept = ",".join(ACCEPTED_EXTENSIONS)

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def error_page(request: Request, status_code: int, message: str, hint: str | None = None) -> Response:
        if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"detail": message}, status_code=status_code)
        titles = {400: "This request cannot be used", 403: "Refused", 404: "Not found",
                  413: "File too large", 415: "File type not accepted", 422: "This file could not be read"}
        return page(request, "error.html", status_code, title=titles.get(status_code, "Something went wrong"),
                    message=message, hint=hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(PressnlpError)
    async def pressnlp_error(request: Request, exc: PressnlpError) -> Response:
        return error_page(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg')}"
                             for error in exc.errors())
        return error_page(request, 422, f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s", request.url.path, exc_info=exc)
        return error_page(request, 500, "Something went wrong on the server; the server log has the details.")

    # --- processing ---------------------------------------------------------------------------
    async def _submission(text: str | None, upload: StarletteUploadFile | None, name: str | None) -> Job:
        if upload is not None and upload.filename:
            data = await upload.read(max_upload_bytes + 1)
            fmt = _check_upload(upload.filename, data, max_upload_bytes)
            return processor.submit(data, name=(name or "").strip() or upload.filename, fmt=fmt)
        if text and text.strip():
            data = text.encode("utf-8")
            if len(data) > max_upload_bytes:
                raise BodyTooLarge(max_upload_bytes)
            return processor.submit(data, name=(name or "").strip() or "pasted text", fmt="txt")
        raise HTTPException(400, "Paste the text of a release or choose a file.")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", jobs=processor.recent(), stages=processor.stage_names, accept=accept,
                    max_upload_mb=max(1, round(max_upload_bytes / 1024 / 1024)))

    @app.post("/process", include_in_schema=False)
    async def process_form(request: Request) -> Response:
        async with request.form(max_files=1, max_fields=10) as form:
            upload, text, name = form.get("file"), form.get("text"), form.get("name")
            job = await _submission(text if isinstance(text, str) else None,
                                    upload if isinstance(upload, StarletteUploadFile) else None,
                                    name if isinstance(name, str) else None)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    def _job_or_404(job_id: str) -> Job:
        job = processor.get(job_id)
        if job is None:
            raise HTTPException(404, "No such job: it may have been forgotten after a restart of the server.")
        return job

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> Response:
        job = _job_or_404(job_id)
        if job.state == FAILED:
            return error_page(request, 422, f"{job.name}: {job.error}")
        if job.state != DONE or job.record is None:
            return page(request, "job.html", job=job)
        if _read_failed(job.record):
            message = "; ".join(error.get("message", "") for error in job.record.get("errors") or []
                                if error.get("stage") == "read")
            return error_page(request, 422, f"{job.name}: {message}",
                              hint="Check that the file opens on your computer, or paste its text instead.")
        return page(request, "result.html", v=release_view(job.record, target_language=processor.target_language),
                    pairs_open=True, back_url="/", back_label="Process another release",
                    download_base=f"/jobs/{job.id}/download/", download_query="")

    @app.get("/jobs/{job_id}/download/{fmt}", include_in_schema=False)
    def job_download(job_id: str, fmt: str) -> Response:
        job = _job_or_404(job_id)
        if job.record is None:
            raise HTTPException(404, "This release is not processed yet.")
        return _download(job.record, fmt)

    @app.post("/api/process", response_model=JobStatus, status_code=202, tags=["process"])
    async def api_process(
        text: Annotated[str | None, Form(description="the release as text")] = None,
        file: Annotated[UploadFile | None, File(description="a release file: " + " ".join(ACCEPTED_EXTENSIONS))] = None,
        name: Annotated[str | None, Form(description="a name (id) for the release")] = None,
        wait: Annotated[float, Query(ge=0, le=300, description="seconds to wait for the result")] = 0,
    ) -> Response:
        """Queue a release (text or file); poll `GET /api/jobs/{id}`, or pass `wait` to get the record at once."""
        job = await _submission(text, file, name)
        if wait:
            await run_in_threadpool(processor.wait, job, wait)
        return JSONResponse(_job_status(job).model_dump(), status_code=200 if job.state in (DONE, FAILED) else 202)

    def _job_status(job: Job) -> JobStatus:
        return JobStatus(**job.status(), record=job.record if job.state == DONE else None)

    @app.get("/api/jobs/{job_id}", response_model=JobStatus, tags=["process"])
    def api_job(job_id: str) -> JobStatus:
        """Where a queued release stands; the record once it is done."""
        return _job_status(_job_or_404(job_id))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        document = app.openapi()
        schemas = document.get("components", {}).get("schemas", {})
        operations = []
        for path, methods in document["paths"].items():
            for method, operation in methods.items():
                parameters = [{"name": p["name"], "where": p["in"], "description": p.get("description", "")}
                              for p in operation.get("parameters", [])]
                for content_type, body in operation.get("requestBody", {}).get("content", {}).items():
                    schema = schemas.get(body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1], {})
                    parameters += [{"name": name, "where": f"body ({content_type})",
                                    "description": field.get("description", "")}
                                   for name, field in schema.get("properties", {}).items()]
                operations.append({"method": method.upper(), "path": path,
                                   "description": operation.get("description", ""), "parameters": parameters})
        return page(request, "api.html", operations=operations)

    # --- runs ---------------------------------------------------------------------------------
    def _run_or_404(name: str) -> RunFolder:
        run = runs.get(name)
        if run is None:
            raise HTTPException(404, f"No run named {name!r}; runs: {', '.join(r.name for r in runs) or 'none'}.")
        return run

    def _record_or_404(run: RunFolder, record_id: str) -> dict[str, Any]:
        if looks_like_path_trick(record_id):
            raise HTTPException(400, "Not a release id of this run.")
        record = run.record(record_id)
        if record is None:
            raise HTTPException(404, f"No release {record_id!r} in run {run.name!r}.")
        return record

    def _release_url(run: RunFolder, record_id: str) -> str:
        return f"/runs/{run.name}/release?{urlencode({'id': record_id})}"

    @app.get("/runs", response_class=HTMLResponse, include_in_schema=False)
    def runs_page(request: Request) -> HTMLResponse:
        return page(request, "runs.html", runs=list(runs))

    @app.get("/runs/{name}", response_class=HTMLResponse, include_in_schema=False)
    def run_page(request: Request, name: str, q: str = "", language: str = "", theme: str = "", partner: str = "",
                 date_from: str = "", date_to: str = "", page_number: Annotated[int, Query(alias="page", ge=1)] = 1
                 ) -> HTMLResponse:
        run = _run_or_404(name)
        record_filter = RecordFilter(q, language, theme, partner, date_from, date_to)
        found = run.search(record_filter)
        pages = max(1, math.ceil(len(found) / PAGE_SIZE))
        query = urlencode({key: value for key, value in request.query_params.items() if key != "page"})
        return page(request, "run.html", run=run, f=record_filter, total=len(found), facets=run.facets(),
                    records=found[(page_number - 1) * PAGE_SIZE: page_number * PAGE_SIZE], page=page_number,
                    pages=pages, query_without_page=query, manifest=run.manifest())

    @app.get("/runs/{name}/release", response_class=HTMLResponse, include_in_schema=False)
    def run_release(request: Request, name: str, record_id: Annotated[str, Query(alias="id")]) -> HTMLResponse:
        run = _run_or_404(name)
        record = _record_or_404(run, record_id)
        return page(request, "result.html", v=release_view(record, target_language=processor.target_language),
                    pairs_open=True, back_url=f"/runs/{run.name}", back_label=f"All releases of {run.name}",
                    download_base=f"/runs/{run.name}/download/", download_query="?" + urlencode({"id": record_id}))

    @app.get("/runs/{name}/download/{fmt}", include_in_schema=False)
    def run_download(name: str, fmt: str, record_id: Annotated[str, Query(alias="id")]) -> Response:
        run = _run_or_404(name)
        return _download(_record_or_404(run, record_id), fmt)

    @app.get("/api/runs", response_model=list[RunInfo], tags=["runs"])
    def api_runs() -> list[RunInfo]:
        """The output folders the server was started with (`--runs`)."""
        return [RunInfo(name=run.name, records=len(run.records), started=(run.manifest() or {}).get("started"),
                        url=f"/api/runs/{run.name}/records") for run in runs]

    @app.get("/api/runs/{name}/records", response_model=RecordList, tags=["runs"])
    def api_records(name: str, q: str = "", language: str = "", theme: str = "", partner: str = "",
                    date_from: Annotated[str, Query(description="YYYY-MM-DD; release date on or after")] = "",
                    date_to: Annotated[str, Query(description="YYYY-MM-DD; release date on or before")] = "",
                    offset: Annotated[int, Query(ge=0)] = 0,
                    limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_SIZE) -> RecordList:
        """Releases of a run, filtered (full-text `q`, language, theme id, partner name, date range)."""
        run = _run_or_404(name)
        found = run.search(RecordFilter(q, language, theme, partner, date_from, date_to))
        return RecordList(total=len(found), offset=offset, limit=limit,
                          records=[_summary_of(record, f"/api/runs/{run.name}/records/{record['id']}")
                                   for record in found[offset:offset + limit]])

    @app.get("/api/runs/{name}/records/{record_id:path}", tags=["runs"])
    def api_record(name: str, record_id: str) -> dict[str, Any]:
        """One result record (SPEC.md section 1), by its id (looked up in results.jsonl)."""
        return _record_or_404(_run_or_404(name), record_id)

    # --- glossary -----------------------------------------------------------------------------
    def _glossary_document(terms: list[Term]) -> GlossaryDocument:
        return GlossaryDocument(path=str(processor.glossary_path), format=glossary_format(processor.glossary_path),
                                configured=processor.glossary_configured,
                                entries=[GlossaryTerm(term=t.term, translation=t.translation, forms=t.forms)
                                         for t in terms])

    def _glossary_page(request: Request, terms: list[Term], *, saved: bool = False, error: str | None = None,
                       status_code: int = 200) -> HTMLResponse:
        return page(request, "glossary.html", status_code, terms=terms, saved=saved, error=error,
                    path=processor.glossary_path, format=glossary_format(processor.glossary_path),
                    configured=processor.glossary_configured, blank_rows=3,
                    translate_in_pipeline="translate" in processor.stage_names)

    @app.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
    def glossary_page(request: Request) -> HTMLResponse:
        try:
            return _glossary_page(request, read_terms(processor.glossary_path))
        except PressnlpError as exc:
            return _glossary_page(request, [], error=f"The glossary file cannot be read: {exc}", status_code=400)

    @app.post("/glossary", response_class=HTMLResponse, include_in_schema=False)
    async def glossary_save(request: Request) -> HTMLResponse:
        async with request.form(max_files=0, max_fields=3 * MAX_TERMS + 10) as form:
            rows = zip(form.getlist("term"), form.getlist("translation"), form.getlist("forms"), strict=False)
            terms = [Term(str(term), str(translation), str(forms).split("|")) for term, translation, forms in rows]
        try:
            return _glossary_page(request, write_terms(processor.glossary_path, terms), saved=True)
        except PressnlpError as exc:
            return _glossary_page(request, terms, error=str(exc), status_code=400)

    @app.get("/api/glossary", response_model=GlossaryDocument, tags=["glossary"])
    def api_glossary() -> GlossaryDocument:
        """The glossary the translate stage uses."""
        return _glossary_document(read_terms(processor.glossary_path))

    @app.put("/api/glossary", response_model=GlossaryDocument, tags=["glossary"])
    def api_glossary_put(update: GlossaryUpdate) -> GlossaryDocument:
        """Replace the glossary; the next translation uses it."""
        terms = [Term(entry.term, entry.translation, list(entry.forms)) for entry in update.entries]
        return _glossary_document(write_terms(processor.glossary_path, terms))

    app.add_middleware(LimitBody, limit=max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.state.processor = processor
    app.state.runs = runs
    return app

