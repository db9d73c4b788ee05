"""A Hugging Face hub on 127.0.0.1 for one model folder: the hub's URL layout and headers (repo info,
tree listing, /resolve/ downloads with X-Repo-Commit and ETag), so `pressnlp models fetch` runs its real
download code through huggingface_hub with HF_ENDPOINT pointing here."""
from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

COMMIT = "0123456789abcdef0123456789abcdef01234567"
LFS_FROM = 100_000
"""Files at least this large are listed as LFS files with their SHA-256, as the hub lists weights."""


class FakeHub:
    def __init__(self, repo_id: str, folder: Path):
        self.repo_id, self.folder = repo_id, folder
        self.requests: list[str] = []
        self.corrupt: set[str] = set()
        """Files served with a flipped byte (the listing keeps the true checksum)."""

    def files(self) -> dict[str, bytes]:
        return {path.relative_to(self.folder).as_posix(): path.read_bytes()
                for path in sorted(self.folder.rglob("*")) if path.is_file()}

    def tree(self) -> list[dict]:
        entries = []
        for name, data in self.files().items():
            entry = {"type": "file", "path": name, "size": len(data), "oid": hashlib.sha1(data).hexdigest()}
            if len(data) >= LFS_FROM:
                entry["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134}
            entries.append(entry)
        return entries

    def body(self, name: str) -> bytes | None:
        data = self.files().get(name)
        if data is not None and name in self.corrupt:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        return data


def _handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    info_prefix = f"/api/models/{hub.repo_id}/revision/"
    tree_prefix = f"/api/models/{hub.repo_id}/tree/"
    file_prefix = f"/{hub.repo_id}/resolve/"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str], *, head: bool = False) -> None:
            self.send_response(status)
            for key, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(key, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _route(self, head: bool) -> None:
            path = unquote(urlparse(self.path).path)
            hub.requests.append(f"{self.command} {path}")
            if path.startswith(info_prefix):
                revision = path[len(info_prefix):]
                if revision not in ("main", COMMIT):
                    self._send(404, b'{"error": "Revision Not Found"}',
                               {"X-Error-Code": "RevisionNotFound", "Content-Type": "application/json"})
                    return
                info = {"id": hub.repo_id, "modelId": hub.repo_id, "sha": COMMIT,
                        "siblings": [{"rfilename": name} for name in hub.files()]}
                self._send(200, json.dumps(info).encode(), {"Content-Type": "application/json"}, head=head)
            elif path.startswith(tree_prefix):
                self._send(200, json.dumps(hub.tree()).encode(), {"Content-Type": "application/json"}, head=head)
            elif path.startswith(file_prefix):
                _revision, _, name = path[len(file_prefix):].partition("/")
                data = hub.body(name)
                if data is None:
                    self._send(404, b"Entry not found", {"X-Error-Code": "EntryNotFound"})
                    return
                etag = hashlib.sha256(hub.files()[name]).hexdigest()
                self._send(200, data, {"X-Repo-Commit": COMMIT, "ETag": f'"{etag}"',
                                       "Content-Type": "application/octet-stream"}, head=head)
            else:
                self._send(404, b"Repository not found", {"X-Error-Code": "RepoNotFound"})

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._route(head=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._route(head=True)

    return Handler


@contextmanager
def serve_hub(repo_id: str, folder: Path) -> Iterator[tuple[str, FakeHub]]:
    """(endpoint URL, hub) for as long as the block runs."""
    hub = FakeHub(repo_id, folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hub
    finally:
        server.shutdown()
        server.server_close()
