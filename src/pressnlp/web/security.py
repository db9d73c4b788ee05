"""ASGI middleware that guards every request: a body size limit enforced while the body arrives,
and the security headers (a CSP with a per-response nonce for our one inline script) together
with the refusal of state-changing requests sent by other sites."""
from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pressnlp.web.errors import BodyTooLarge

FORM_OVERHEAD_BYTES = 256 * 1024  # multipart boundaries, the text box and the name field


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
            if declared is not None and declared.isdigit() and int(declared) > limit + FORM_OVERHEAD_BYTES:
                raise BodyTooLarge(limit)
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit + FORM_OVERHEAD_BYTES:
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
