"""CTranslate2: the same models converted (int8 on CPU by default), the fast path."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pressnlp.models import CONVERSION_INFO, resolve_converted_model
from pressnlp.stages.translate.base import BackendUnavailable, TranslatorSettings
from pressnlp.stages.translate.neural import NeuralTranslator, decoding_limit, load_tokenizer

log = logging.getLogger(__name__)

# Used when the conversion did not record the model's position limit; Marian models have 512.
DEFAULT_POSITION_LIMIT = 512


class _MarianPieces:
    """Marian's tokenization straight from its sentencepiece files: the fast path then needs
    neither transformers nor torch (a smaller install, less memory). Pieces outside the model's
    vocabulary become <unk> inside CTranslate2, as they do in MarianTokenizer."""

    SPECIAL = frozenset({"</s>", "<unk>", "<pad>"})

    def __init__(self, folder: Path):
        import sentencepiece

        self.source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self.target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))

    def encode(self, text: str) -> list[str]:
        return [*self.source.encode(text, out_type=str), "</s>"]

    def decode(self, tokens: list[str]) -> str:
        return self.target.decode_pieces([t for t in tokens if t not in self.SPECIAL]).strip()


class _TransformersTokens:
    """Any other model's own tokenizer, through transformers."""

    def __init__(self, folder: Path):
        self.tokenizer = load_tokenizer(folder)

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.convert_ids_to_tokens(self.tokenizer(text).input_ids)

    def decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(tokens), skip_special_tokens=True)


class CTranslate2Translator(NeuralTranslator):
    """ctranslate2.Translator on a directory made by `pressnlp models convert`.

    Backend options (`[stages.translate.backend_options.ctranslate2]`): compute_type (default
    "int8" on CPU, the converted type elsewhere), threads (intra-op threads, 0 = automatic).
    Output length is bounded from each batch's input length (`max_decoding_length`), never by
    CTranslate2's default of 256 tokens.
    """

    libraries = ("ctranslate2",)

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        try:
            import ctranslate2
        except ImportError as exc:
            raise BackendUnavailable(f"ctranslate2 cannot be imported ({exc}): {self.install_hint}") from exc
        device, _, index = settings.device.partition(":")
        self.compute_type = settings.extra.get("compute_type") or ("int8" if device == "cpu" else "default")
        try:
            self.translator = ctranslate2.Translator(
                str(self.model_path), device=device, device_index=int(index or 0),
                compute_type=self.compute_type, intra_threads=int(settings.extra.get("threads", 0)))
        except (RuntimeError, ValueError) as exc:
            raise BackendUnavailable(f"cannot load the CTranslate2 model in {self.model_path}: {exc}") from exc
        marian = all((self.model_path / name).is_file() for name in ("source.spm", "target.spm"))
        self.tokens = _MarianPieces(self.model_path) if marian else _TransformersTokens(self.model_path)
        self.backend_id = f"ctranslate2:{settings.model}"
        self._position_limit = _position_limit(self.model_path)
        log.info("loaded %s from %s (%s, %s)", self.backend_id, self.model_path, device, self.compute_type)

    @staticmethod
    def locate(settings: TranslatorSettings, *, download: bool = False) -> Path:
        return resolve_converted_model(settings.model, model_dir=settings.model_dir)  # never downloaded

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokens.encode(sentence))

    def engine_settings(self) -> dict[str, Any]:
        return {"compute_type": self.compute_type}

    def translate_chunk(self, sentences: list[str]) -> list[str]:
        tokens = [self.tokens.encode(sentence) for sentence in sentences]
        results = self.translator.translate_batch(
            tokens, beam_size=self.settings.beam_size, max_input_length=0,
            max_decoding_length=decoding_limit(max(map(len, tokens)), self._position_limit))
        return [self.tokens.decode(result.hypotheses[0]) for result in results]


def _position_limit(folder: Path) -> int:
    """The source model's position limit, recorded by `convert_model` beside the converted weights."""
    try:
        info = json.loads((folder / CONVERSION_INFO).read_text("utf-8"))
        return int(info["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_POSITION_LIMIT
