"""`pressnlp serve`: a local web page for people who will not open a terminal.

Needs the `web` extra (fastapi, uvicorn, jinja2, python-multipart).
"""
from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

from pressnlp.core.errors import PressnlpError

log = logging.getLogger(__name__)

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(config: str | None = None, host: str = "127.0.0.1", port: int = 8000, runs: list[str] | None = None,
          store: str | Path | None = None) -> None:
    """Serve the app until interrupted; it answers at once while the pipeline is built and warmed
    up in the background. Releases processed on the page are kept in `store` (default: the
    user's data folder, $XDG_DATA_HOME/pressnlp/web-runs).

    Bound to the loopback interface unless `host` says otherwise; then only requests addressed
    to localhost are answered (no DNS-rebinding tricks). Another host is reachable by other
    machines and has no authentication, which is logged as a warning."""
    try:
        import uvicorn

        from pressnlp.web.app import create_app
        from pressnlp.web.jobs import Processor
        from pressnlp.web.runs import RunLibrary
        from pressnlp.web.store import WebStore, default_store_dir
    except ImportError as exc:
        raise PressnlpError(f"the web app needs the 'web' extra: pip install 'pressnlp[web]' ({exc})") from exc

    library = RunLibrary([Path(folder) for folder in runs or ()])
    web_store = WebStore(Path(store) if store else default_store_dir())
    processor = Processor(config, store=web_store)
    log.info("releases processed on the page are kept in %s", web_store.root)
    if _is_loopback(host):
        allowed_hosts = [*LOOPBACK_NAMES, host]
    else:
        log.warning("serving on %s: other machines can reach this page, and it has no login", host)
        allowed_hosts = None
    app = create_app(processor, library, allowed_hosts=allowed_hosts)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        processor.close()
