"""Output folders of `pressnlp run`, browsable from the web page.

Records are read from each folder's results.jsonl and looked up by id in memory: an id from a
request is never joined into a file path, so no request can read a file outside the folders the
server was started with.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.lang.morphology import lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.report.views import searchable_text

log = logging.getLogger(__name__)

RESULTS_FILE = "results.jsonl"
STORE_RUN_NAME = "web"
STORE_RUN_LABEL = "Processed on this page"
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


def _is_date(value: str) -> bool:
    """2024, 2024-03 or 2024-03-15, and a day, month that exist (not 2024-13-01, not 2023-02-29)."""
    if not _ISO_DAY.match(value):
        return False
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


_DATE_LABELS = {"date_from": "Released from", "date_to": "Released to"}
SORTS = {"date": "newest first", "name": "by name"}


@dataclass
class RecordFilter:
    """The filters of the run browser; empty fields do not filter. A date that is not a date
    raises PressnlpError with a message for people."""

    q: str = ""
    language: str = ""
    theme: str = ""
    partner: str = ""
    date_from: str = ""
    date_to: str = ""

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name).strip()
            if value and not _is_date(value):
                raise PressnlpError(f"{_DATE_LABELS[name]}: {value!r} is not a date; "
                                    "expected a date like 2024-03-15")
            setattr(self, name, value)

    @property
    def active(self) -> bool:
        return any((self.q.strip(), self.language, self.theme, self.partner.strip(), self.date_from, self.date_to))

    def matches(self, record: dict[str, Any], partner_names: frozenset[str] | None) -> bool:
        """Everything but the words of `q` (the run's search index answers those); `partner_names`:
        the normalised names of the organisation chosen, None to match `partner` as a substring."""
        if self.language and (record.get("language") or {}).get("code") != self.language:
            return False
        facts = record.get("facts") or {}
        if self.theme and self.theme not in {theme.get("id") for theme in facts.get("themes") or []}:
            return False
        if self.partner.strip() and not self._partner_matches(facts.get("partners") or [], partner_names):
            return False
        return not (self.date_from or self.date_to) or self._date_matches(record.get("date"))

    def _partner_matches(self, partners: list[dict[str, Any]], wanted: frozenset[str] | None) -> bool:
        typed = normalise(self.partner)
        for partner in partners:
            names = {normalise(name) for name in partner_names(partner)}
            if (wanted is not None and names & wanted) or (wanted is None and any(typed in name for name in names)):
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


def partner_names(partner: dict[str, Any]) -> list[str]:
    """Every name an organisation goes by in a record: canonical, English, aliases."""
    names = [partner.get("name"), partner.get("name_en"), *(partner.get("aliases") or [])]
    return [name for name in names if isinstance(name, str) and name.strip()]


@dataclass(frozen=True)
class Organisation:
    """One organisation of a run: the partners of its records that share a name or an alias."""

    name: str  # the canonical name its records give most often
    names: frozenset[str]  # every name and alias, normalised
    records: int


def organisations(records: list[dict[str, Any]]) -> list[Organisation]:
    """Partners grouped across records by normalised name and aliases ("GZM" and
    "Górnośląsko-Zagłębiowska Metropolia" are one when a record lists one as the other's alias),
    most frequent first."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    mentions: list[tuple[int, str, str]] = []
    for number, record in enumerate(records):
        for partner in (record.get("facts") or {}).get("partners") or []:
            keys = [key for key in (normalise(name) for name in partner_names(partner)) if key]
            if not keys or not isinstance(partner.get("name"), str):
                continue
            for key in keys[1:]:
                parent[root(key)] = root(keys[0])
            mentions.append((number, keys[0], partner["name"]))
    groups: dict[str, tuple[Counter[str], set[int]]] = {}
    for number, key, name in mentions:
        names, seen = groups.setdefault(root(key), (Counter(), set()))
        names[name] += 1
        seen.add(number)
    members: dict[str, set[str]] = {}
    for key in parent:
        members.setdefault(root(key), set()).add(key)
    found = [Organisation(names.most_common(1)[0][0], frozenset(members[key]), len(seen))
             for key, (names, seen) in groups.items()]
    return sorted(found, key=lambda org: (-org.records, org.name.casefold()))


_WORD = re.compile(r"\w+")
_PREFIX = 3


def _prefix(word: str) -> str:
    return normalise(word)[:_PREFIX]


class SearchIndex:
    """Words of a run's records, found as written (substring of the normalised text, so "lodz"
    finds "Łódź") or through their lemmas in the record's language ("fotowoltaiki" finds
    "fotowoltaika", "cycling" finds "cycle").

    Lemmas come from `pressnlp.lang.morphology.lemmas`. Only the words of the run that begin like
    the query word or one of its lemmas are analysed (inflection keeps the start of a word), so a
    search costs a few hundred look-ups however large the run."""

    def __init__(self, records: list[dict[str, Any]], target_language: str = "en"):
        self.haystacks = [searchable_text(record) for record in records]
        self.words: list[frozenset[str]] = []
        self.vocabulary: dict[str, dict[str, set[str]]] = {}  # language -> prefix -> words
        for record in records:
            words: set[str] = set()
            source_language = (record.get("language") or {}).get("code") or "und"
            translation = record.get("translation") or {}
            summary = record.get("summary") or {}
            names = [name for partner in (record.get("facts") or {}).get("partners") or []
                     for name in partner_names(partner)]
            for language, texts in ((source_language, (record.get("id"), record.get("title"), record.get("text"),
                                                       summary.get("text"), *names)),
                                    (target_language, (translation.get("title"), translation.get("text"),
                                                       summary.get("en")))):
                for text in texts:
                    if isinstance(text, str):
                        found = {word.lower() for word in _WORD.findall(text) if not word.isdigit()}
                        words |= found
                        by_prefix = self.vocabulary.setdefault(language, {})
                        for word in found:
                            by_prefix.setdefault(_prefix(word), set()).add(word)
            self.words.append(frozenset(words))

    def _forms(self, query_word: str) -> set[str]:
        """Words of the run that share a lemma with `query_word`, in any of the run's languages."""
        forms: set[str] = set()
        for language, by_prefix in self.vocabulary.items():
            wanted = lemmas(query_word, language)
            candidates = set().union(*(by_prefix.get(_prefix(form), set()) for form in wanted | {query_word}))
            forms.update(word for word in candidates if lemmas(word, language) & wanted)
        return forms

    def matching(self, query: str) -> list[bool]:
        """For each record: does it contain every word of `query`?"""
        words = [word for word in _WORD.findall(query.lower())]
        matched = [True] * len(self.haystacks)
        for word in words:
            folded = normalise(word)
            forms = self._forms(word) if not word.isdigit() else set()
            for number, (haystack, record_words) in enumerate(zip(self.haystacks, self.words, strict=True)):
                if matched[number] and folded not in haystack and not (forms & record_words):
                    matched[number] = False
        return matched


def _release_day(record: dict[str, Any]) -> str:
    date = record.get("date")
    return date[:10] if isinstance(date, str) and _ISO_DAY.match(date[:10]) else ""


def _display_title(record: dict[str, Any]) -> str:
    return ((record.get("translation") or {}).get("title") or record.get("title") or record.get("id") or "").casefold()


def sort_records(records: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """Newest first (undated last, ties by id), or by the title a reader sees."""
    if sort == "name":
        return sorted(records, key=lambda record: (_display_title(record), record["id"]))
    by_id = sorted(records, key=lambda record: record["id"])
    dated = sorted((record for record in by_id if _release_day(record)), key=_release_day, reverse=True)
    return dated + [record for record in by_id if not _release_day(record)]


@dataclass
class _Loaded:
    signature: tuple[int, int]
    records: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]]
    index: SearchIndex | None = None
    organisations: list[Organisation] | None = None


@dataclass
class RunFolder:
    """One output folder; its results are re-read when results.jsonl changes."""

    name: str
    root: Path
    label: str = ""
    _loaded: _Loaded | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def results_path(self) -> Path:
        return self.root / RESULTS_FILE

    def _load(self) -> _Loaded:
        try:
            stat = self.results_path.stat()
        except FileNotFoundError:
            return _Loaded((0, 0), [], {})
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
                self._loaded = _Loaded(signature, records, {record["id"]: record for record in records})
            return self._loaded

    @property
    def records(self) -> list[dict[str, Any]]:
        return self._load().records

    def record(self, record_id: str) -> dict[str, Any] | None:
        """The record with this id, looked up in results.jsonl (never opened as a path)."""
        if looks_like_path_trick(record_id):
            return None
        return self._load().by_id.get(record_id)

    def _index(self, loaded: _Loaded) -> SearchIndex:
        target = ((self.manifest() or {}).get("config") or {}).get("pipeline", {}).get("target_language", "en")
        with self._lock:
            if loaded.index is None:
                loaded.index = SearchIndex(loaded.records, target)
            return loaded.index

    def organisations(self) -> list[Organisation]:
        loaded = self._load()
        with self._lock:
            if loaded.organisations is None:
                loaded.organisations = organisations(loaded.records)
            return loaded.organisations

    def search(self, record_filter: RecordFilter, sort: str = "date") -> list[dict[str, Any]]:
        loaded = self._load()
        wanted = normalise(record_filter.partner)
        chosen = next((org.names for org in self.organisations() if wanted and wanted in org.names), None)
        found = [record for record in loaded.records if record_filter.matches(record, chosen)]
        if record_filter.q.strip():
            matching = self._index(loaded).matching(record_filter.q)
            keep = {id(record) for record, hit in zip(loaded.records, matching, strict=True) if hit}
            found = [record for record in found if id(record) in keep]
        return sort_records(found, sort)

    def manifest(self) -> dict[str, Any] | None:
        try:
            value = json.loads((self.root / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def facets(self) -> dict[str, Any]:
        """Values the filters offer: languages, themes and organisations found in the run."""
        languages: Counter[str] = Counter()
        themes: dict[str, str] = {}
        theme_counts: Counter[str] = Counter()
        for record in self.records:
            languages[(record.get("language") or {}).get("code") or "und"] += 1
            for theme in (record.get("facts") or {}).get("themes") or []:
                if theme.get("id"):
                    themes[theme["id"]] = theme.get("label") or theme["id"]
                    theme_counts[theme["id"]] += 1
        return {"languages": languages.most_common(),
                "themes": sorted(((tid, themes[tid], count) for tid, count in theme_counts.items()),
                                 key=lambda item: item[1].casefold()),
                "partners": self.organisations()[:300]}


class RunLibrary:
    """The output folders given with `--runs`, each under a short unique name for URLs, and the
    web page's own run folder (`add_store`), listed first."""

    def __init__(self, folders: list[str | Path] | tuple[str | Path, ...] = ()):
        self._runs: dict[str, RunFolder] = {}
        self.store_run: RunFolder | None = None
        for folder in folders:
            root = Path(folder).expanduser().resolve()
            if not root.is_dir():
                raise PressnlpError(f"--runs {folder}: not a folder")
            if not (root / RESULTS_FILE).is_file():
                log.warning("--runs %s: no %s yet; the run shows as empty until it has one", folder, RESULTS_FILE)
            self._add(root, _UNSAFE_NAME.sub("-", root.name).strip("-.") or "run")

    def _add(self, root: Path, base: str, label: str | None = None) -> RunFolder:
        name, suffix = base, 2
        while name in self._runs:
            name, suffix = f"{base}-{suffix}", suffix + 1
        self._runs[name] = RunFolder(name, root, label=label or name)
        return self._runs[name]

    def add_store(self, root: Path) -> RunFolder:
        """The folder of releases processed on the page, as the run named "web", listed first."""
        if self.store_run is None:
            self.store_run = self._add(root, STORE_RUN_NAME, STORE_RUN_LABEL)
            self._runs = {self.store_run.name: self.store_run, **self._runs}
        return self.store_run

    def __iter__(self):
        return iter(self._runs.values())

    def get(self, name: str) -> RunFolder | None:
        return self._runs.get(name)
