"""Stage `summarize`: a short summary in the source language and, without translating again,
in English.

`record["summary"]` = {"method", "text", "en"}: `text` is made of source sentences (or generated,
for `abstractive`); `en` is the translation of exactly those sentences, read off
translation.segments; for English sources `en` equals `text`; null when translation did not run.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from pressnlp.core.errors import StageError
from pressnlp.core.stage import Stage
from pressnlp.stages.summarize import rank
from pressnlp.stages.summarize.abstractive import AbstractiveSummarizer
from pressnlp.stages.summarize.align import aligned_english
from pressnlp.stages.summarize.boilerplate import word_count
from pressnlp.stages.summarize.candidates import Sentence, candidate_sentences, fallback_sentences

log = logging.getLogger(__name__)

ENGLISH = "en"


@dataclass
class AbstractiveOptions:
    model_path: Path | None = None
    """Folder of a transformers seq2seq summarisation model (required for method 'abstractive')."""
    device: str = "cpu"
    num_beams: int = 4
    max_input_tokens: int = 512
    """Longer inputs are truncated by the tokenizer (the body comes first, contacts are left out)."""
    max_new_tokens: int = 96
    prefix: str = ""
    """Text put before the input, for models trained with one (T5: "summarize: ")."""


@dataclass
class SummarizeOptions:
    method: Literal["textrank", "lead", "abstractive"] = "textrank"
    """textrank: graph ranking of lemma TF-IDF sentence vectors with a lead prior and MMR;
    lead: the first sentences of the body; abstractive: a seq2seq model from a path."""
    max_sentences: int = 2
    """At most this many sentences (extractive methods)."""
    max_words: int = 80
    """At most this many words in `text`; a single sentence that is longer is cut with "…"."""
    redundancy: float = 0.3
    """MMR trade-off: 0 ranks by centrality alone, higher values avoid repeating a sentence."""
    abstractive: AbstractiveOptions = field(default_factory=AbstractiveOptions)


class SummarizeStage(Stage):
    name = "summarize"
    requires = ("text", "language")
    provides = ("summary",)
    Options = SummarizeOptions

    def __init__(self, options: SummarizeOptions | None = None, context=None):
        super().__init__(options, context)
        self._generator: AbstractiveSummarizer | None = None

    def setup(self) -> None:
        if self.options.method != "abstractive" or self._generator is not None:
            return
        settings = self.options.abstractive
        if settings.model_path is None:
            raise StageError("summarize method 'abstractive' needs stages.summarize.abstractive.model_path")
        self._generator = AbstractiveSummarizer(
            settings.model_path, device=settings.device, num_beams=settings.num_beams,
            max_input_tokens=settings.max_input_tokens, max_new_tokens=settings.max_new_tokens,
            prefix=settings.prefix)
        self._generator.load()

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        language = (record.get("language") or {}).get("code") or "und"
        text = record.get("text") or ""
        sentences = candidate_sentences(text, language, record.get("title")) or fallback_sentences(text, language)
        if not sentences and word_count(text) > 0:
            # An empty summary of a release with text must not pass as a result.
            raise StageError("no sentence of the text can be summarised (it holds only headings, "
                             "lists, contact details or fragments)")
        if self.options.method == "abstractive":
            record["summary"] = self._abstractive(sentences, language)
            return record
        chosen = self._lead(sentences) if self.options.method == "lead" else self._textrank(sentences, language)
        record["summary"] = self._extractive_summary(record, chosen, language)
        return record

    # --- selection --------------------------------------------------------------------------
    def _lead(self, sentences: list[Sentence]) -> list[Sentence]:
        chosen: list[Sentence] = []
        used = 0
        for sentence in sentences:
            if len(chosen) == self.options.max_sentences or used + sentence.word_count > self.options.max_words:
                break
            chosen.append(sentence)
            used += sentence.word_count
        return chosen or sentences[:1]

    def _textrank(self, sentences: list[Sentence], language: str) -> list[Sentence]:
        if len(sentences) <= 1:
            return sentences
        vectors = rank.tfidf_matrix([rank.lemma_terms(s.text, language) for s in sentences])
        similarity = vectors @ vectors.T
        scores = rank.personalised_pagerank(similarity, rank.position_prior([s.paragraph for s in sentences]))
        picked = rank.mmr_select(scores, similarity, [s.word_count for s in sentences],
                                 max_sentences=self.options.max_sentences, max_words=self.options.max_words,
                                 redundancy=self.options.redundancy)
        return [sentences[i] for i in picked] or [sentences[int(np.argmax(scores))]]

    # --- output -----------------------------------------------------------------------------
    def _extractive_summary(self, record: dict[str, Any], chosen: list[Sentence], language: str) -> dict:
        """Selected sentences joined in document order; a lone over-long sentence is cut."""
        text = " ".join(sentence.text for sentence in chosen)
        translation = record.get("translation")
        if language == ENGLISH:
            english: str | None = text
        elif translation and translation.get("target_language", ENGLISH) == ENGLISH:
            english = aligned_english(translation, [(s.start, s.end) for s in chosen])
        else:
            english = None
        text = _cut(text, self.options.max_words)
        english = _cut(english, self.options.max_words) if english is not None else None
        return {"method": self.options.method, "text": text, "en": english}

    def _abstractive(self, sentences: list[Sentence], language: str) -> dict:
        self.setup()
        assert self._generator is not None
        body = " ".join(sentence.text for sentence in sentences)
        text = self._generator.summarize(body) if body else ""
        # A generated summary has no source sentences, so the alignment cannot put it into English.
        return {"method": "abstractive", "text": text, "en": text if language == ENGLISH else None}

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {"method": self.options.method}
        if self.options.method == "abstractive":
            described["model"] = str(self.options.abstractive.model_path)
        return described


def _cut(text: str, max_words: int) -> str:
    """At most max_words words (boilerplate.word_count); a cut text ends with an ellipsis."""
    if word_count(text) <= max_words:
        return text
    kept: list[str] = []
    for token in text.split():
        if word_count(" ".join([*kept, token])) > max_words:
            break
        kept.append(token)
    return " ".join(kept) + "…"
