"""CTranslate2: the same models converted (int8 on CPU by default), the fast path."""
from __future__ import annotations

import logging
from typing import Any

from pressnlp.models import ModelNotFound, resolve_converted_model
from pressnlp.stages.translate.base import BackendUnavailable, Translator, TranslatorSettings
from pressnlp.stages.translate.neural import batches, decoding_limit, load_tokenizer

log = logging.getLogger(__name__)

# CTranslate2 has no position limit of its own to ask; Marian models use 512 positions.
DEFAULT_POSITION_LIMIT = 512


class CTranslate2Translator(Translator):
    """ctranslate2.Translator on a directory made by `pressnlp models convert`.

    Backend options (`[stages.translate.backend_options.ctranslate2]`): compute_type (default
    "int8" on CPU, the converted type elsewhere), threads (intra-op threads, 0 = automatic).
    """

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        if not settings.model:
            raise BackendUnavailable(f"no model configured for {source_language}→{target_language}")
        try:
            import ctranslate2
        except ImportError as exc:
            raise BackendUnavailable("ctranslate2 is not installed: pip install 'pressnlp[neural]'") from exc
        try:
            self.model_path = resolve_converted_model(settings.model, model_dir=settings.model_dir)
        except ModelNotFound as exc:
            raise BackendUnavailable(str(exc)) from exc
        device, _, index = settings.device.partition(":")
        self.compute_type = settings.extra.get("compute_type") or ("int8" if device == "cpu" else "default")
        try:
            self.translator = ctranslate2.Translator(
                str(self.model_path), device=device, device_index=int(index or 0),
                compute_type=self.compute_type, intra_threads=int(settings.extra.get("threads", 0)))
        except (RuntimeError, ValueError) as exc:
            raise BackendUnavailable(f"cannot load the CTranslate2 model in {self.model_path}: {exc}") from exc
        self.tokenizer = load_tokenizer(self.model_path)
        self.backend_id = f"ctranslate2:{settings.model}"
        self._position_limit = int(settings.extra.get("max_positions", DEFAULT_POSITION_LIMIT))
        log.info("loaded %s from %s (%s, %s)", self.backend_id, self.model_path, device, self.compute_type)

    @property
    def max_tokens(self) -> int:
        return min(self.settings.max_input_tokens, self._position_limit)

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(sentence).input_ids)

    def describe(self) -> dict[str, Any]:
        return {"backend": self.backend_id, "path": str(self.model_path), "device": self.settings.device,
                "compute_type": self.compute_type, "beam_size": self.settings.beam_size}

    def translate_batch(self, sentences: list[str]) -> list[str]:
        translations: list[str] = []
        for chunk in batches(sentences, self.settings.batch_size):
            tokens = [self.tokenizer.convert_ids_to_tokens(self.tokenizer(s).input_ids) for s in chunk]
            results = self.translator.translate_batch(
                tokens, beam_size=self.settings.beam_size, max_input_length=0,
                max_decoding_length=decoding_limit(max(map(len, tokens)), self._position_limit))
            translations.extend(
                self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]),
                                      skip_special_tokens=True)
                for result in results)
        return translations
