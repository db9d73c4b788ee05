"""Abstractive summaries from a transformers seq2seq model on disk (BART, mT5, Marian-style).

Never the default: no summarisation model ships with pressnlp, and a generated summary may say
what the release does not. Generation is greedy or beam search, never sampling, so the same
input gives the same summary.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pressnlp.core.errors import StageError

log = logging.getLogger(__name__)


class AbstractiveSummarizer:
    """A seq2seq model and its tokenizer, loaded once."""

    def __init__(self, model_path: Path, *, device: str = "cpu", num_beams: int = 4,
                 max_input_tokens: int = 512, max_new_tokens: int = 96, prefix: str = ""):
        self.model_path = Path(model_path)
        self.device = device
        self.num_beams = num_beams
        self.max_input_tokens = max_input_tokens
        self.max_new_tokens = max_new_tokens
        self.prefix = prefix
        self._model: Any = None
        self._tokenizer: Any = None

    def load(self) -> None:
        if self._model is not None:
            return
        if not self.model_path.is_dir():
            raise StageError(f"summarization model folder not found: {self.model_path} "
                             "(stages.summarize.abstractive.model_path)")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError as exc:
            raise StageError("abstractive summaries need the neural extra: "
                             "pip install 'pressnlp[neural]'") from exc
        log.info("loading summarization model from %s", self.model_path)
        self._tokenizer = AutoTokenizer.from_pretrained(self.model_path)
        self._model = AutoModelForSeq2SeqLM.from_pretrained(self.model_path).to(self.device).eval()

    def summarize(self, text: str) -> str:
        import torch

        self.load()
        inputs = self._tokenizer(self.prefix + text, return_tensors="pt", truncation=True,
                                 max_length=self.max_input_tokens).to(self.device)
        with torch.no_grad():
            output = self._model.generate(**inputs, num_beams=self.num_beams, do_sample=False,
                                          max_new_tokens=self.max_new_tokens)
        return self._tokenizer.decode(output[0], skip_special_tokens=True).strip()
