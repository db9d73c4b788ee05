"""What the route modules share, handed to each route as a FastAPI dependency: the processor (the
pipeline and its job queue), the run folders, the app's settings; plus page rendering with the
app's templates and the look-ups that answer 404. `create_app` puts the shared objects on
`app.state`; nothing here is global.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from pressnlp.report.html import configure_environment, template_loader
from pressnlp.web.jobs import Job, Processor
from pressnlp.web.runs import RunFolder, RunLibrary, looks_like_path_trick


@dataclass(frozen=True)
class Settings:
    """How the app treats requests, as `create_app` was told."""

    max_upload_bytes: int


def page_templates() -> Jinja2Templates:
    """The web pages' templates, then the report's (the release partial both show); autoescaped."""
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("pressnlp.web", "templates"), template_loader()])
    return Jinja2Templates(env=configure_environment(jinja2.Environment(loader=loader, autoescape=True)))


def _processor(request: Request) -> Processor:
    return request.app.state.processor


def _runs(request: Request) -> RunLibrary:
    return request.app.state.runs


def _settings(request: Request) -> Settings:
    return request.app.state.settings


ProcessorDep = Annotated[Processor, Depends(_processor)]
RunsDep = Annotated[RunLibrary, Depends(_runs)]
SettingsDep = Annotated[Settings, Depends(_settings)]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def job_or_404(processor: Processor, job_id: str) -> Job:
    job = processor.get(job_id)
    if job is None:
        raise HTTPException(404, "No such job: it may have been forgotten after a restart of the server.")
    return job


def run_or_404(runs: RunLibrary, name: str) -> RunFolder:
    run = runs.get(name)
    if run is None:
        raise HTTPException(404, f"No run named {name!r}; runs: {', '.join(r.name for r in runs) or 'none'}.")
    return run


def record_or_404(run: RunFolder, record_id: str) -> dict[str, Any]:
    if looks_like_path_trick(record_id):
        raise HTTPException(400, "Not a release id of this run.")
    record = run.record(record_id)
    if record is None:
        raise HTTPException(404, f"No release {record_id!r} in run {run.name!r}.")
    return record
