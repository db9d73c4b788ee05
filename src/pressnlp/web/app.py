"""The web app: process a release, read it in English, check its facts, take it away; browse runs;
edit the glossary. HTML pages and a JSON API (described at /openapi.json) over the same pieces.

Safety: every template is autoescaped and pages carry a Content-Security-Policy that runs only
our own inline script (per-response nonce); uploads are size-limited and type-checked; run
records are looked up by id, never opened by a path taken from a request; state-changing
requests from other sites are refused; errors are pages with a message, never a traceback.

The routes live in `pressnlp.web.routes`, one module per concern; what they share (the processor,
the run folders, the settings, the templates) is on `app.state`, reached through the
dependencies of `pressnlp.web.dependencies`.
"""
from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from pressnlp._version import __version__
from pressnlp.web.dependencies import Settings, page_templates
from pressnlp.web.errors import EXCEPTION_HANDLERS
from pressnlp.web.jobs import Processor
from pressnlp.web.routes import api_docs, browse, downloads, glossary, process
from pressnlp.web.runs import RunLibrary
from pressnlp.web.security import LimitBody, SecurityHeaders

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def create_app(processor: Processor, runs: RunLibrary | None = None, *, allowed_hosts: list[str] | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> FastAPI:
    """The ASGI app over a built pipeline (`processor`) and the run folders to browse."""
    # FastAPI's /docs and /redoc load their scripts from a CDN: our own /api page describes the API.
    app = FastAPI(title="pressnlp", version=__version__, debug=False, docs_url=None, redoc_url=None,
                  exception_handlers=EXCEPTION_HANDLERS,
                  description="Process press releases into English and structured facts; browse runs; "
                              "edit the glossary. Records follow SPEC.md section 1 (schema pressnlp.result/1).")
    app.state.processor = processor
    app.state.runs = runs if runs is not None else RunLibrary()
    app.state.settings = Settings(max_upload_bytes=max_upload_bytes)
    app.state.templates = page_templates()
    for routes in (process, downloads, api_docs, browse, glossary):
        app.include_router(routes.router)
    app.add_middleware(LimitBody, limit=max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app
