"""Finding the releases of a corpus folder: supported files, minus `.pressnlpignore` patterns."""
from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pressnlp.engines.storage import Storage
from pressnlp.io.readers import format_for_path

log = logging.getLogger(__name__)

IGNORE_FILE = ".pressnlpignore"


@dataclass
class CorpusFile:
    id: str
    location: str
    format: str
    sha256: str = ""
    size: int = 0
    version: str = ""
    """What says the bytes are unchanged: the sha256 locally, the store's own tag (ETag,
    modification time) elsewhere, so a remote corpus is not downloaded twice."""
    error: str | None = None


def _ignore_patterns(corpus: Storage) -> list[str]:
    try:
        lines = corpus.read_bytes(IGNORE_FILE).decode("utf-8").splitlines()
    except (FileNotFoundError, IsADirectoryError):
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _ignored(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p.lstrip("/")) or fnmatch.fnmatchcase(name, p)
               or rel.startswith(p.strip("/") + "/") for p in patterns)


def _fingerprint(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def discover(corpus: Storage, *, exclude: list[str] = ()) -> tuple[list[CorpusFile], list[str]]:
    """Releases sorted by id, and the ids of files skipped as unsupported or ignored.

    Hidden files and folders are skipped, linked folders are not followed (no loops), and a file
    that cannot be read still becomes a CorpusFile with `error` set, so it gets an error record.
    """
    patterns = _ignore_patterns(corpus)
    unreadable: list[tuple[str, str]] = []
    candidates = _walk_local(corpus, exclude, unreadable) if corpus.local else _walk_remote(corpus, exclude)
    files: list[CorpusFile] = []
    skipped: list[str] = []
    for rel, message in unreadable:
        files.append(CorpusFile(id=rel, location=corpus.url(rel), format="folder", error=message))
    for rel, info in candidates:
        fmt = format_for_path(rel.rsplit("/", 1)[-1])
        if fmt is None or _ignored(rel, patterns):
            skipped.append(rel)
            continue
        item = CorpusFile(id=rel, location=corpus.url(rel), format=fmt)
        if corpus.local:
            try:
                item.sha256, item.size = _fingerprint(Path(item.location))
                item.version = item.sha256
            except OSError as exc:
                item.error = f"cannot read {rel}: {exc.strerror or exc}"
        else:
            item.size = int(info.get("size") or 0)
            item.version = str(corpus.fs.ukey(corpus.path(rel)))
        files.append(item)
    files.sort(key=lambda f: f.id)
    log.debug("skipped %d files: %s", len(skipped), skipped[:20])
    return files, skipped


def _walk_local(corpus: Storage, exclude: list[str], unreadable: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    """Files under a local corpus; a folder that cannot be listed goes into `unreadable`, so its
    releases do not vanish without a word."""
    root = corpus.local_path()
    excluded = {Path(p).resolve() for p in exclude}
    found = []

    def report(error: OSError) -> None:
        rel = Path(error.filename).relative_to(root).as_posix() if error.filename else "?"
        unreadable.append((rel, f"cannot list folder {rel}: {error.strerror or error}"))

    for folder, dirs, names in os.walk(root, followlinks=False, onerror=report):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() not in excluded)
        found += [((base / name).relative_to(root).as_posix(), {}) for name in sorted(names)
                  if not name.startswith(".")]
    return found


def _walk_remote(corpus: Storage, exclude: list[str]) -> list[tuple[str, dict]]:
    excluded = [e.rstrip("/") + "/" for e in exclude]
    return [(rel, info) for rel, info in corpus.list_files().items()
            if not any(part.startswith(".") for part in rel.split("/"))
            and not any(corpus.path(rel).startswith(e) or corpus.url(rel).startswith(e) for e in excluded)]
