"""Stage `detect`: the language of a release and the language of each run of its paragraphs.

`record["language"]` = {"code", "confidence", "detector", "segments": [{"start", "end", "code"}]};
"und" with confidence 0 for empty or non-text input. See identify.py for how short titles and
mixed-language releases are handled.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from pressnlp import lang
from pressnlp.core.errors import OptionError
from pressnlp.core.stage import Stage
from pressnlp.stages.detect.backends import DETECTORS, Detector, load_backend
from pressnlp.stages.detect.identify import LanguageIdentifier, rounded, segments

log = logging.getLogger(__name__)


def default_languages() -> list[str]:
    """The languages whose packs rank them among the default candidates, in rank order."""
    ranked = sorted((rank, code) for code in lang.available() if (rank := lang.get(code).detect_rank) is not None)
    return [code for _rank, code in ranked]


@dataclass
class DetectOptions:
    detector: str = "lingua"
    """A detector registered under `pressnlp.detectors`: lingua (better on short text, measured in
    scripts/bench_langid.py) or langdetect. When lingua is not installed, langdetect is used with
    a warning."""
    languages: list[str] = field(default_factory=default_languages)
    """ISO 639-1 codes of the candidate languages; nothing else is ever reported. Default: the
    languages whose pack has a `detect_rank`."""
    min_paragraph_chars: int = 20
    """Paragraphs with fewer letters (URLs, e-mails and numbers not counted) are not detected on
    their own: they take the language of their neighbours."""

    def __post_init__(self) -> None:
        if self.detector not in DETECTORS.available():
            raise OptionError(f"unknown language detector '{self.detector}'; valid: "
                              f"{', '.join(DETECTORS.available())}", key="detector")


class DetectStage(Stage):
    name = "detect"
    requires = ("text",)
    provides = ("language",)
    Options = DetectOptions

    def __init__(self, options: DetectOptions | None = None, context=None):
        super().__init__(options, context)
        self._identifier: LanguageIdentifier | None = None

    def setup(self) -> None:
        if self._identifier is None:
            self._identifier = LanguageIdentifier(self._backend())

    def preload(self) -> None:
        self.setup()
        assert self._identifier is not None
        self._identifier.backend.preload()

    def _backend(self) -> Detector:
        languages = tuple(dict.fromkeys(code.lower() for code in self.options.languages))
        try:
            return load_backend(self.options.detector, languages)
        except ImportError as exc:
            if self.options.detector == "langdetect":
                raise
            self.context.warn(f"detect: {exc}; using langdetect instead")
            return load_backend("langdetect", languages)

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        self.setup()
        assert self._identifier is not None
        text = record.get("text") or ""
        document, paragraphs = self._identifier.analyse(text, self.options.min_paragraph_chars)
        record["language"] = {
            "code": document.code,
            "confidence": rounded(document.confidence),
            "detector": self._identifier.backend.name,
            "segments": segments(paragraphs, len(text)) if paragraphs else _whole(text, document.code),
        }
        return record

    def describe(self) -> dict[str, Any]:
        package = DETECTORS.get(self.options.detector).package
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = None
        return {"detector": self.options.detector, "version": version,
                "languages": sorted(self.options.languages)}


def _whole(text: str, code: str) -> list[dict[str, int | str]]:
    """One segment over the whole text (none for an empty text)."""
    return [{"start": 0, "end": len(text), "code": code}] if text else []
