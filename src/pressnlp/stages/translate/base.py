"""The contract between the translate stage and its backends (marian, ctranslate2, lexicon, ...).

The stage does everything that must behave the same whatever engine translates: segmentation,
protected spans, glossary, translation memory, long-sentence splitting. A backend only turns a
batch of plain sentences into sentences of the target language. That keeps the engines small and
makes the glossary and the protected spans hold in every one of them.

Writing a backend:
- subclass `Translator`, set `backend_id` in `__init__` ("<backend>:<model or data id>"); it is
  written to `translation.backend`;
- `describe()` goes into translation-memory keys and `data_digest()` into the pipeline
  fingerprint: both must change whenever the output would (other model, changed model files or
  dictionary data), or a cache serves translations made with the old ones;
- the constructor signature is `Backend(source_language, target_language, settings)` with
  `settings` a `TranslatorSettings`; raise `BackendUnavailable` (message for people) when the
  backend cannot serve this language pair here (no model found, library not installed) so that
  `backend = "auto"` can fall back to the next one;
- `translate_batch` keeps order and length, and copies every placeholder (see `PLACEHOLDER_FORMAT`)
  verbatim into the output sentence; the stage puts the protected text back afterwards;
- register it as an entry point of the group `pressnlp.translators` (ours are in pyproject.toml),
  `TRANSLATORS.register(Class, "name")` in-process, or name it "package.module:Class" in the config.
"""
from __future__ import annotations

import abc
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.errors import ConfigError, PressnlpError
from pressnlp.core.registry import Registry

# --- protected spans ---------------------------------------------------------------------------

# A protected span (email, URL, phone, number with unit, acronym, glossary term) is replaced by
# this token before translation. Letters and digits only, so sentencepiece vocabularies have
# every piece of it and neural models copy it like a product code; every backend must copy it
# verbatim (the lexicon backend: leave tokens matching PLACEHOLDER_RE untouched).
PLACEHOLDER_FORMAT = "XZ{index}"
# Tolerant of a space a model may insert between the letters and the number.
PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z0-9])XZ ?(\d{1,3})(?!\d)")


def placeholder(index: int) -> str:
    """The token that stands for the protected span number `index` of a sentence."""
    return PLACEHOLDER_FORMAT.format(index=index)


# --- backends ----------------------------------------------------------------------------------


class BackendUnavailable(PressnlpError):
    """This backend cannot translate this language pair here (no model, no library, no lexicon)."""


@dataclass
class TranslatorSettings:
    """What the stage tells a backend; backends ignore what does not concern them."""

    model: str | None = None  # model id ("Helsinki-NLP/opus-mt-pl-en") or path, for neural backends
    model_dir: Path = Path("models")  # where `models/<id>` is looked up before the HF cache
    device: str = "cpu"  # "cpu", "cuda", "cuda:1"
    beam_size: int = 4
    batch_size: int = 16
    max_input_tokens: int = 256  # model input limit in tokens; longer sentences are split first
    allow_download: bool = False  # fetch from the Hugging Face hub when not found locally
    extra: dict[str, Any] = field(default_factory=dict)  # backend-specific options from the config


class Translator(abc.ABC):
    """One loaded engine for one language pair; created once per process and reused."""

    backend_id: str = ""

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        self.source_language = source_language
        self.target_language = target_language
        self.settings = settings

    @abc.abstractmethod
    def translate_batch(self, sentences: list[str]) -> list[str]:
        """Translations of `sentences`, same order and length; placeholders copied verbatim."""

    def describe(self) -> dict[str, Any]:
        """Identity of the output (backend, model path, data version) for the manifest; also the
        translation-memory key, so it must change whenever the output would."""
        return {"backend": self.backend_id}

    @classmethod
    def data_digest(cls, source_language: str, target_language: str, settings: TranslatorSettings) -> str | None:
        """Digest of the files this backend would translate with (model, dictionary data), found
        without loading anything: it goes into the pipeline fingerprint, so that changed files
        re-process documents. None: no files, or none found here."""
        return None

    def untranslated(self, source: str, translation: str) -> list[tuple[int, int]]:
        """[start, end) in `translation` of words left in the source language (a gist's gaps),
        for `translation.untranslated`; a neural backend leaves none it could tell."""
        return []

    def count_tokens(self, sentence: str) -> int:
        """Length of `sentence` in the unit `max_tokens` limits (model pieces for neural models)."""
        return len(sentence.split())

    @property
    def max_tokens(self) -> int | None:
        """The longest input the engine translates without cutting it; None: no limit."""
        return None


# Backends by name: the `pressnlp.translators` entry points (marian, ctranslate2, lexicon, plug-ins).
TRANSLATORS: Registry[Translator] = Registry("pressnlp.translators", Translator, "translation backend",
                                             key="stages.translate.backend")
# What `backend = "auto"` tries, in order.
AUTO_ORDER: tuple[str, ...] = ("ctranslate2", "marian", "lexicon")


def check_backend_name(name: str) -> None:
    """ValueError unless `name` is a registered backend or a plug-in class as "package.module:Class"."""
    if ":" not in name and name not in TRANSLATORS.available():
        raise ValueError(f"unknown backend '{name}'; valid: auto, {', '.join(TRANSLATORS.available())}, "
                         "or package.module:Class")


def backend_class(name: str) -> type[Translator]:
    """The backend class registered as `name`, or given as "package.module:Class"; a backend that
    cannot be found or imported is unavailable here (so `auto` tries the next one)."""
    if ":" not in name:
        try:
            return TRANSLATORS.get(name)
        except ConfigError as exc:
            raise BackendUnavailable(str(exc)) from exc
    module_name, class_name = name.split(":", 1)
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise BackendUnavailable(f"translation backend '{name}' cannot be imported: {exc}") from exc
    found = getattr(module, class_name, None)
    if not (isinstance(found, type) and issubclass(found, Translator)):
        raise BackendUnavailable(f"'{name}' is not a Translator subclass")
    return found


def create_translator(name: str, source_language: str, target_language: str,
                      settings: TranslatorSettings) -> Translator:
    """A ready translator; raises BackendUnavailable when it cannot serve this pair here."""
    return backend_class(name)(source_language, target_language, settings)
