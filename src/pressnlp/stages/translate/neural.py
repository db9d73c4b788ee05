"""What the two neural backends share: a model folder, loading a tokenizer, bounding output
length, batching, describing the output."""
from __future__ import annotations

import abc
import importlib.util
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pressnlp.models import ModelNotFound, model_digest
from pressnlp.stages.translate.base import BackendUnavailable, Translator, TranslatorSettings

# Generated length allowed per input token, plus a margin: English runs ~1.3x Polish in pieces,
# so the bound never cuts a real translation but stops a degenerate one from looping on.
OUTPUT_PER_INPUT_TOKEN = 2
OUTPUT_MARGIN = 16


def decoding_limit(longest_input: int, cap: int) -> int:
    """Maximum number of generated tokens for a batch whose longest input has this many tokens."""
    return min(cap, OUTPUT_PER_INPUT_TOKEN * longest_input + OUTPUT_MARGIN)


def batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + max(1, size)]


def load_tokenizer(path: Path) -> Any:
    """The model's own tokenizer (sentencepiece for Marian), from its directory."""
    try:
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise BackendUnavailable("transformers is not installed: pip install 'pressnlp[neural]'") from exc
    try:
        return AutoTokenizer.from_pretrained(str(path))
    except (OSError, ValueError) as exc:
        raise BackendUnavailable(f"cannot load the tokenizer in {path}: {exc}") from exc


class NeuralTranslator(Translator):
    """A model from a local folder that translates batches of sentences (Marian through
    transformers, CTranslate2). A subclass names the `libraries` it imports and implements
    `locate` and `translate_chunk`; its constructor calls this one first (which sets
    `model_path`), then imports its libraries, loads the model and sets `backend_id` and
    `_position_limit`."""

    libraries: tuple[str, ...] = ()  # top-level packages the engine imports; checked, not imported, first
    install_hint = "pip install 'pressnlp[neural]'"
    model_path: Path
    _position_limit: int  # the model's longest input and output, in tokens

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        if not settings.model:
            raise BackendUnavailable(f"no model configured for {source_language}→{target_language}")
        missing = [name for name in self.libraries if importlib.util.find_spec(name) is None]
        if missing:
            raise BackendUnavailable(f"{'/'.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed: "
                                     f"{self.install_hint}")
        # The folder before the libraries: importing torch or ctranslate2 takes seconds, and under
        # `backend = "auto"` with no model on disk they would be imported only to learn that.
        self.model_path = self.find_model()

    @staticmethod
    @abc.abstractmethod
    def locate(settings: TranslatorSettings, *, download: bool = False) -> Path:
        """The folder of `settings.model` that this backend loads; ModelNotFound when there is none."""

    def find_model(self) -> Path:
        """The folder of the configured model; when there is none, this backend is unavailable
        here (so that `auto` falls back to the next one)."""
        try:
            return self.locate(self.settings, download=self.settings.allow_download)
        except ModelNotFound as exc:
            raise BackendUnavailable(str(exc)) from exc

    @classmethod
    def data_digest(cls, source_language: str, target_language: str, settings: TranslatorSettings) -> str | None:
        try:
            return model_digest(cls.locate(settings)) if settings.model else None
        except ModelNotFound:
            return None

    @property
    def max_tokens(self) -> int:
        return min(self.settings.max_input_tokens, self._position_limit)

    def describe(self) -> dict[str, Any]:
        return {"backend": self.backend_id, "path": str(self.model_path), "files": model_digest(self.model_path),
                "device": self.settings.device, **self.engine_settings(), "beam_size": self.settings.beam_size}

    def engine_settings(self) -> dict[str, Any]:
        """Settings of the engine, besides device and beam size, that change its output."""
        return {}

    def translate_batch(self, sentences: list[str]) -> list[str]:
        translations: list[str] = []
        for chunk in batches(sentences, self.settings.batch_size):
            translations.extend(self.translate_chunk(list(chunk)))
        return translations

    @abc.abstractmethod
    def translate_chunk(self, sentences: list[str]) -> list[str]:
        """Translations of at most `batch_size` sentences, which go through the model together."""
