"""Output folders of `pressnlp run`, browsable from the web page.

Records are read from each folder's results.jsonl and looked up by id in memory: an id from a
request is never joined into a file path, so no request can read a file outside the folders the
server was started with.
"""
from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.lang.normalise import normalise
from pressnlp.report.views import searchable_text

log = logging.getLogger(__name__)

RESULTS_FILE = "results.jsonl"
MANIFEST_FILE = "manifest.json"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def looks_like_path_trick(value: str) -> bool:
    """Ids with '..' segments, absolute paths, backslashes or NULs are refused outright (they
    would find nothing anyway; refusing says so clearly)."""
    parts = value.replace("\\", "/").split("/")
    return ".." in parts or value.startswith(("/", "\\")) or "\x00" in value or "\\" in value


def _date_bounds(value: str) -> tuple[str, str] | None:
    """First and last day a release date stands for ("2024-03" -> 2024-03-01 .. 2024-03-31)."""
    day = value[:10]
    if not _ISO_DAY.match(day):
        return None
    if len(day) == 4:
        return f"{day}-01-01", f"{day}-12-31"
    if len(day) == 7:
        return f"{day}-01", f"{day}-31"
    return day, day


@dataclass
class RecordFilter:
    """The filters of the run browser; empty fields do not filter."""

    q: str = ""
    language: str = ""
    theme: str = ""
    partner: str = ""
    date_from: str = ""
    date_to: str = ""

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name).strip()
            if value and not _ISO_DAY.match(value):
                raise PressnlpError(f"{name.replace('_', ' ')}: expected a date like 2024-03-15, got {value!r}")
            setattr(self, name, value)

    @property
    def active(self) -> bool:
        return any((self.q.strip(), self.language, self.theme, self.partner.strip(), self.date_from, self.date_to))

    def matches(self, record: dict[str, Any], haystack: str) -> bool:
        if self.language and (record.get("language") or {}).get("code") != self.language:
            return False
        facts = record.get("facts") or {}
        if self.theme and self.theme not in {theme.get("id") for theme in facts.get("themes") or []}:
            return False
        if self.partner.strip() and not self._partner_matches(facts.get("partners") or []):
            return False
        if (self.date_from or self.date_to) and not self._date_matches(record.get("date")):
            return False
        words = normalise(self.q).split()
        return all(word in haystack for word in words)

    def _partner_matches(self, partners: list[dict[str, Any]]) -> bool:
        wanted = normalise(self.partner)
        for partner in partners:
            names = [partner.get("name"), partner.get("name_en"), *(partner.get("aliases") or [])]
            if any(isinstance(name, str) and wanted in normalise(name) for name in names):
                return True
        return False

    def _date_matches(self, date: Any) -> bool:
        bounds = _date_bounds(date) if isinstance(date, str) else None
        if bounds is None:
            return False
        first, last = bounds
        from_day = _date_bounds(self.date_from)[0] if self.date_from else None
        to_day = _date_bounds(self.date_to)[1] if self.date_to else None
        return (from_day is None or last >= from_day) and (to_day is None or first <= to_day)


@dataclass
class _Loaded:
    signature: tuple[int, int]
    records: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]]
    haystacks: list[str]


@dataclass
class RunFolder:
    """One output folder; its results are re-read when results.jsonl changes."""

    name: str
    root: Path
    _loaded: _Loaded | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def results_path(self) -> Path:
        return self.root / RESULTS_FILE

    def _load(self) -> _Loaded:
        try:
            stat = self.results_path.stat()
        except FileNotFoundError:
            return _Loaded((0, 0), [], {}, [])
        signature = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if self._loaded is None or self._loaded.signature != signature:
                records = []
                with self.results_path.open(encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if not line.strip():
                            continue
                        try:
                            record = json.loads(line)
                        except json.JSONDecodeError as exc:
                            log.warning("%s line %d: not JSON (%s); skipped", self.results_path, number, exc)
                            continue
                        if isinstance(record, dict) and isinstance(record.get("id"), str):
                            records.append(record)
                self._loaded = _Loaded(signature, records, {record["id"]: record for record in records},
                                       [searchable_text(record) for record in records])
            return self._loaded

    @property
    def records(self) -> list[dict[str, Any]]:
        return self._load().records

    def record(self, record_id: str) -> dict[str, Any] | None:
        """The record with this id, looked up in results.jsonl (never opened as a path)."""
        if looks_like_path_trick(record_id):
            return None
        return self._load().by_id.get(record_id)

    def search(self, record_filter: RecordFilter) -> list[dict[str, Any]]:
        loaded = self._load()
        return [record for record, haystack in zip(loaded.records, loaded.haystacks, strict=True)
                if record_filter.matches(record, haystack)]

    def manifest(self) -> dict[str, Any] | None:
        try:
            value = json.loads((self.root / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def facets(self) -> dict[str, Any]:
        """Values the filters offer: languages, themes and partner names found in the run."""
        languages: Counter[str] = Counter()
        themes: dict[str, str] = {}
        theme_counts: Counter[str] = Counter()
        partners: Counter[str] = Counter()
        for record in self.records:
            languages[(record.get("language") or {}).get("code") or "und"] += 1
            facts = record.get("facts") or {}
            for theme in facts.get("themes") or []:
                if theme.get("id"):
                    themes[theme["id"]] = theme.get("label") or theme["id"]
                    theme_counts[theme["id"]] += 1
            for partner in facts.get("partners") or []:
                if partner.get("name"):
                    partners[partner["name"]] += 1
        return {"languages": languages.most_common(),
                "themes": sorted(((tid, themes[tid], count) for tid, count in theme_counts.items()),
                                 key=lambda item: item[1].casefold()),
                "partners": [name for name, _ in partners.most_common(300)]}


class RunLibrary:
    """The output folders given with `--runs`, each under a short unique name for URLs."""

    def __init__(self, folders: list[str | Path] | tuple[str | Path, ...] = ()):
        self._runs: dict[str, RunFolder] = {}
        for folder in folders:
            root = Path(folder).expanduser().resolve()
            if not root.is_dir():
                raise PressnlpError(f"--runs {folder}: not a folder")
            if not (root / RESULTS_FILE).is_file():
                log.warning("--runs %s: no %s yet; the run shows as empty until it has one", folder, RESULTS_FILE)
            base = _UNSAFE_NAME.sub("-", root.name).strip("-.") or "run"
            name, suffix = base, 2
            while name in self._runs:
                name, suffix = f"{base}-{suffix}", suffix + 1
            self._runs[name] = RunFolder(name, root)

    def __iter__(self):
        return iter(self._runs.values())

    def get(self, name: str) -> RunFolder | None:
        return self._runs.get(name)
