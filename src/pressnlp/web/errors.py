"""Errors as pages with a message (JSON for the API), never a traceback."""
from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pressnlp.core.errors import PressnlpError
from pressnlp.web.dependencies import render

log = logging.getLogger(__name__)

_TITLES = {400: "This request cannot be used", 403: "Refused", 404: "Not found",
           413: "File too large", 415: "File type not accepted", 422: "This file could not be read"}


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the upload is larger than the limit of {limit / 1024 / 1024:.0f} MB")


def error_page(request: Request, status_code: int, message: str, hint: str | None = None) -> Response:
    """The error page, or `{"detail": message}` for the API and clients that ask for JSON."""
    if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"detail": message}, status_code=status_code)
    return render(request, "error.html", status_code, title=_TITLES.get(status_code, "Something went wrong"),
                  message=message, hint=hint)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return error_page(request, exc.status_code, str(exc.detail))


async def _pressnlp_error(request: Request, exc: PressnlpError) -> Response:
    return error_page(request, 400, str(exc))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg')}"
                         for error in exc.errors())
    return error_page(request, 422, f"invalid request: {problems}")


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    return error_page(request, 500, "Something went wrong on the server; the server log has the details.")


EXCEPTION_HANDLERS = {StarletteHTTPException: _http_error, PressnlpError: _pressnlp_error,
                      RequestValidationError: _validation_error, Exception: _unexpected_error}
