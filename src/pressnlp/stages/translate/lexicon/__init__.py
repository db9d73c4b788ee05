"""Offline dictionary gist translation, Polish -> English (backend "lexicon").

Not a translation: a readable word-by-word gist for when no neural model can be loaded.
morfeusz2 analyses the Polish (all readings; `disambiguate` chooses one), our lexicon in the
Polish pack (lang/pl/lexicon/: thousands of lemmas and multi-word terms of press releases) gives
the English, FreeDict pol-eng fills gaps (the Polish pack ships it converted, CC BY-SA 3.0: see
freedict.py), and `compose` applies English inflection and word order. Settings
(`[stages.translate.backend_options.lexicon]`): `freedict` (default true) and `freedict_path`
(another FreeDict release: its dictd files without suffix, instead of the pack's table).
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
from functools import cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pressnlp import lang
from pressnlp._version import __version__
from pressnlp.stages.translate.base import BackendUnavailable, Translator, TranslatorSettings
from pressnlp.stages.translate.lexicon.freedict import TABLE_NAME, FreeDict
from pressnlp.stages.translate.lexicon.untranslated import untranslated_spans

log = logging.getLogger(__name__)

LEXICON_NAME = "pressnlp-pl-en"
LEXICON_VERSION = 1


# The language packs' data files the gist reads besides the Polish lexicon.
_PACK_DATA = {"pl": ("gist.toml", "derivation.toml", "senses.tsv", "rare_readings.tsv", TABLE_NAME),
              "en": ("grammar.toml", "irregular_verbs.tsv", "plurals.tsv")}


@cache
def implementation_digest() -> str:
    """Hash of this package's code and of the pack data it reads: any change gives new
    translation-memory keys."""
    digest = hashlib.sha256()
    for item in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if item.name.endswith(".py"):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    texts = dict(lang.get("pl").gist_lexicon)
    for code, names in _PACK_DATA.items():
        texts.update((f"{code}/{name}", lang.get(code).text(name)) for name in names)
    for name, text in texts.items():
        digest.update(name.encode())
        digest.update(text.encode())
    return digest.hexdigest()[:12]


@cache
def _files_digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()[:12]


def _freedict_base(extra: dict[str, Any]) -> Path | None:
    """The dictd release these backend options name instead of the pack's table, if any."""
    path = extra.get("freedict_path")
    return Path(path) if path and extra.get("freedict", True) else None


def data_digest(extra: dict[str, Any]) -> str:
    """Digest of everything a gist is made from, under these backend options: this package's code
    and data, the pressnlp release (the morphology helpers it uses), the morfeusz2 release (its
    dictionary ships with it), simplemma's (its English word list marks untranslated words) and
    the FreeDict release named by `freedict_path`. Any change gives new
    translation-memory keys and a new pipeline fingerprint."""
    try:
        morfeusz = version("morfeusz2")
    except PackageNotFoundError:
        morfeusz = "none"
    parts = [implementation_digest(), f"pressnlp {__version__}", f"morfeusz2 {morfeusz}",
             f"simplemma {version('simplemma')}"]
    base = _freedict_base(extra)
    if base is not None:
        parts.append(_files_digest(base.with_suffix(".index"), base.with_suffix(".dict.dz")))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class LexiconTranslator(Translator):
    """Polish -> English gist from morfeusz2 lemmas, our lexicon and (optionally) FreeDict."""

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        if (source_language, target_language) != ("pl", "en"):
            raise BackendUnavailable(
                f"the lexicon backend translates Polish to English only, not {source_language}→{target_language}")
        if importlib.util.find_spec("morfeusz2") is None:
            raise BackendUnavailable("the lexicon backend needs morfeusz2 (pip install morfeusz2)")
        from pressnlp.stages.translate.lexicon.compose import Composer
        from pressnlp.stages.translate.lexicon.lexicon import default_lexicon

        self.freedict = None
        freedict_base = _freedict_base(settings.extra)
        if freedict_base is not None:
            self.freedict = FreeDict.load(freedict_base)
            if self.freedict is None:
                log.warning("FreeDict pol-eng not found at %s; the lexicon backend uses its own lexicon only",
                            freedict_base)
        elif settings.extra.get("freedict", True):
            self.freedict = _pack_freedict()
        self.lexicon = default_lexicon()
        self.composer = Composer(self.lexicon, self.freedict)
        suffix = "+freedict" if self.freedict else ""
        self.backend_id = f"lexicon:{LEXICON_NAME}/{LEXICON_VERSION}{suffix}"

    def translate_batch(self, sentences: list[str]) -> list[str]:
        return [self.composer.translate(sentence) for sentence in sentences]

    @classmethod
    def data_digest(cls, source_language: str, target_language: str, settings: TranslatorSettings) -> str:
        return data_digest(settings.extra)

    def describe(self) -> dict[str, Any]:
        return {
            "backend": self.backend_id,
            "kind": "dictionary gist (word by word), not a neural translation",
            "lexicon": {"name": LEXICON_NAME, "version": LEXICON_VERSION,
                        "digest": data_digest(self.settings.extra), **self.lexicon.size},
            "freedict": self.freedict.origin if self.freedict else None,
        }

    def untranslated(self, source: str, translation: str) -> list[tuple[int, int]]:
        return untranslated_spans(source, translation)


@cache
def _pack_freedict() -> FreeDict:
    """FreeDict as the Polish pack ships it (loaded once per process)."""
    return FreeDict.from_table(lang.get("pl").text(TABLE_NAME), f"lang/pl/{TABLE_NAME}")
