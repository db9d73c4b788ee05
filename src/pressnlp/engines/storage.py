"""Where a corpus is read from and results are written to: any fsspec location.

Local folders keep their fast paths (os.walk without following linked folders, tmp-file-and-rename
writes); other file systems (memory://, s3://, gs://, az://) go through fsspec, where a single
object write is already atomic.
"""
from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections.abc import Iterator
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

from pressnlp.io.writers import FILE_MODE, atomic_write_bytes


class Storage:
    def __init__(self, location: str | Path):
        self.location = str(location)
        self.fs, root = fsspec.core.url_to_fs(self.location)
        self.local = isinstance(self.fs, LocalFileSystem)
        self.root = root.rstrip("/") if root not in ("/", "") else root

    @property
    def shared_between_processes(self) -> bool:
        """memory:// lives inside one process: workers cannot read it, so the driver ships bytes."""
        return "memory" not in _protocols(self.fs)

    def path(self, rel: str) -> str:
        return posixpath.join(self.root, rel) if rel else self.root

    def url(self, rel: str) -> str:
        """A location another process can open (plain path for local files)."""
        return self.path(rel) if self.local else self.fs.unstrip_protocol(self.path(rel))

    def local_path(self, rel: str = "") -> Path:
        if not self.local:
            raise ValueError(f"{self.location} is not a local folder")
        return Path(self.path(rel))

    def is_dir(self) -> bool:
        return self.fs.isdir(self.root)

    def write_bytes(self, rel: str, data: bytes, *, durable: bool = True) -> None:
        """Atomic; `durable`: on disk before it replaces the old file (see `atomic_write_bytes`)."""
        if self.local:
            atomic_write_bytes(self.path(rel), data, durable=durable)
        else:
            self.fs.pipe_file(self.path(rel), data)

    @contextlib.contextmanager
    def writer(self, rel: str, mode: str = "w") -> Iterator:
        """A file handle whose content appears at `rel` only when the block ends without error;
        streamed through a temporary file, so large results never sit in memory."""
        if self.local:
            target = Path(self.path(rel))
            target.parent.mkdir(parents=True, exist_ok=True)
            directory = target.parent
        else:
            directory = None
        encoding = None if "b" in mode else "utf-8"
        handle = tempfile.NamedTemporaryFile(mode, encoding=encoding, dir=directory, delete=False,
                                             prefix=f".{rel.rsplit('/', 1)[-1]}.", suffix=".tmp")
        try:
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            if self.local:
                os.chmod(handle.name, FILE_MODE)
                os.replace(handle.name, target)
            else:
                self.fs.put_file(handle.name, self.path(rel))
        finally:
            Path(handle.name).unlink(missing_ok=True)

    def read_bytes(self, rel: str) -> bytes:
        return self.fs.cat_file(self.path(rel))

    def list_files(self, rel: str = "") -> dict[str, dict]:
        """Files under `rel` (recursively) as {relative path: fsspec info}."""
        base = self.path(rel)
        if not self.fs.exists(base):
            return {}
        found = self.fs.find(base, detail=True, withdirs=False)
        prefix = self.root.rstrip("/") + "/"
        return {path[len(prefix):] if path.startswith(prefix) else path: info for path, info in found.items()}


def _protocols(fs: fsspec.AbstractFileSystem) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pressnlp"
