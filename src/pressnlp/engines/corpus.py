"""Finding the releases of a corpus folder: supported files, minus `.pressnlpignore` patterns."""
from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pressnlp.io.readers import format_for_path

log = logging.getLogger(__name__)

IGNORE_FILE = ".pressnlpignore"


@dataclass
class CorpusFile:
    id: str
    path: Path
    format: str
    sha256: str = ""
    size: int = 0
    error: str | None = None


def _ignore_patterns(corpus: Path) -> list[str]:
    ignore_file = corpus / IGNORE_FILE
    if not ignore_file.is_file():
        return []
    lines = ignore_file.read_text(encoding="utf-8").splitlines()
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


def discover(corpus: Path, *, exclude: list[Path] = ()) -> tuple[list[CorpusFile], list[str]]:
    """Releases sorted by id, and the ids of files skipped as unsupported or ignored.

    Hidden files and folders are skipped, linked folders are not followed (no loops), and a file
    that cannot be read still becomes a CorpusFile with `error` set, so it gets an error record.
    """
    patterns = _ignore_patterns(corpus)
    excluded = {p.resolve() for p in exclude}
    files: list[CorpusFile] = []
    skipped: list[str] = []
    for folder, dirs, names in os.walk(corpus, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() not in excluded)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = base / name
            rel = path.relative_to(corpus).as_posix()
            fmt = format_for_path(name)
            if fmt is None or _ignored(rel, patterns):
                skipped.append(rel)
                continue
            item = CorpusFile(id=rel, path=path, format=fmt)
            try:
                item.sha256, item.size = _fingerprint(path)
            except OSError as exc:
                item.error = f"cannot read {rel}: {exc.strerror or exc}"
            files.append(item)
    files.sort(key=lambda f: f.id)
    log.debug("skipped %d files: %s", len(skipped), skipped[:20])
    return files, skipped
