"""Marian (and other seq2seq) models through transformers: the reference neural backend."""
from __future__ import annotations

import logging
from pathlib import Path

from pressnlp.models import resolve_model
from pressnlp.stages.translate.base import BackendUnavailable, TranslatorSettings
from pressnlp.stages.translate.neural import NeuralTranslator, decoding_limit, load_tokenizer

log = logging.getLogger(__name__)


class MarianTranslator(NeuralTranslator):
    """transformers AutoModelForSeq2SeqLM + AutoTokenizer on the configured device."""

    libraries = ("torch", "transformers")

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        try:
            import torch
            from transformers import AutoModelForSeq2SeqLM
        except ImportError as exc:
            raise BackendUnavailable(f"torch/transformers cannot be imported ({exc}): {self.install_hint}") from exc
        self._torch = torch
        self.tokenizer = load_tokenizer(self.model_path)
        try:
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(self.model_path))
            self.model.to(settings.device).eval()
        except Exception as exc:  # noqa: BLE001 - any load failure lets `auto` fall back to the next backend
            raise BackendUnavailable(f"cannot load the model in {self.model_path}: {exc}") from exc
        self.backend_id = f"marian:{settings.model}"
        self._position_limit = int(getattr(self.model.config, "max_position_embeddings", 512) or 512)
        log.info("loaded %s from %s on %s", self.backend_id, self.model_path, settings.device)

    @staticmethod
    def locate(settings: TranslatorSettings, *, download: bool = False) -> Path:
        return resolve_model(settings.model, model_dir=settings.model_dir, allow_download=download)

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(sentence).input_ids)

    def translate_chunk(self, sentences: list[str]) -> list[str]:
        encoded = self.tokenizer(sentences, return_tensors="pt", padding=True)
        encoded = {key: value.to(self.settings.device) for key, value in encoded.items()}
        longest = int(encoded["attention_mask"].sum(dim=1).max())
        with self._torch.inference_mode():
            generated = self.model.generate(
                **encoded, num_beams=self.settings.beam_size,
                max_new_tokens=decoding_limit(longest, self._position_limit))
        return self.tokenizer.batch_decode(generated, skip_special_tokens=True)
