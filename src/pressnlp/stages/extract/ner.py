"""Optional `ner` backend for partners: organisation entities from a transformers
token-classification model on disk, added to the rule-based mentions.

The rules stay the backbone: an entity that overlaps anything the rules found is dropped, and
the others become ordinary name mentions (nominative via the same Morfeusz canonicalisation,
bracketed acronyms, legal forms), so grouping, acronym linking and selection treat them exactly
like rule mentions. The model only adds recall: names with no organisation word, no legal form
and no acronym ("Srebrna Sowa podpisała umowę").

The release is tagged in chunks of whole sentences that fit the model's input length (a longer
sentence is split by the tokenizer into overlapping windows), and entities are read off the
Doc's own tokens, so every offset indexes record["text"] exactly. Never downloads anything.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.errors import ConfigError
from pressnlp.lang.morphology import lemmas
from pressnlp.stages.extract.gazetteer import not_organisation_acronyms
from pressnlp.stages.extract.organisations import OrganisationFinder, OrgMention
from pressnlp.stages.extract.people import find_people
from pressnlp.stages.extract.text import Doc, Token, words_of

log = logging.getLogger(__name__)

OPTION_KEY = "stages.extract.partners.ner"
# Tag prefixes of the BIO/BIOES schemes: which open an entity, which continue one.
_OPENING = ("B-", "S-", "U-")
_CONTINUING = ("I-", "E-", "L-")
# Windows of one release tagged in one forward pass.
_WINDOWS_PER_BATCH = 16
# Larger limits are the tokenizer's "no limit" sentinel, not a real input length.
_SANE_MAX_LENGTH = 100_000
# Input length assumed for models whose config names none (relative positions).
_DEFAULT_MAX_LENGTH = 512


@dataclass
class NerOptions:
    """[stages.extract.partners.ner]: a token-classification model that adds organisations."""

    model: Path
    """Folder of a transformers token-classification model (config.json, weights and a fast
    tokenizer's tokenizer.json); read from disk only, never downloaded."""
    device: str = "cpu"
    """Where the model runs: "cpu", "cuda", "cuda:1"."""
    labels: list[str] = field(default_factory=lambda: ["ORG", "ORGANIZATION", "ORGNAME"])
    """Entity types that are organisations, compared case-insensitively and without the B-/I-
    prefix (CoNLL "ORG", NKJP "orgName")."""
    min_score: float = 0.5
    """Entities whose mean word probability is lower are ignored."""


def check_options(options: NerOptions, source: str | None = None) -> None:
    """Fail when the pipeline is built, not on the first release: the model folder must exist
    and transformers must be installed."""
    if not Path(options.model).is_dir():
        raise ConfigError(f"NER model folder not found: {options.model}", source=source,
                          key=f"{OPTION_KEY}.model")
    if importlib.util.find_spec("transformers") is None or importlib.util.find_spec("torch") is None:
        raise ConfigError("the NER backend needs torch and transformers: pip install 'pressnlp[neural]'",
                          source=source, key=f"{OPTION_KEY}.model")


def describe_options(options: NerOptions) -> dict[str, Any]:
    """What identifies the NER output: the model folder and its weights (size and time of the
    weight files, so retraining in place changes the cache key too), labels and threshold."""
    folder = Path(options.model).resolve()
    signature = hashlib.sha256()
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix in (".safetensors", ".bin", ".json"):
            stat = path.stat()
            signature.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return {"model": str(folder), "weights": signature.hexdigest()[:16],
            "labels": sorted({label.upper() for label in options.labels}), "min_score": options.min_score}


@dataclass(frozen=True)
class _Prediction:
    """The model's label for one Doc token, from its first model token."""

    label: str
    score: float
    centrality: int  # distance from the window's edge: overlapping windows keep the most central


class NerTagger:
    """A token-classification model and its tokenizer, loaded once per process."""

    def __init__(self, options: NerOptions):
        self.options = options
        self.organisation_types = frozenset(label.upper() for label in options.labels)
        self._model: Any = None
        self._tokenizer: Any = None
        self._id2label: dict[int, str] = {}
        self.max_tokens = 0

    def load(self) -> None:
        if self._model is not None:
            return
        check_options(self.options)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        folder = str(self.options.model)
        key = f"{OPTION_KEY}.model"
        try:
            tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
            model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot load a token-classification model from {folder}: {exc}", key=key) from exc
        if not tokenizer.is_fast:
            raise ConfigError(f"the NER model in {folder} needs a fast tokenizer (tokenizer.json) for exact "
                              "character offsets", key=key)
        id2label = {int(index): str(label) for index, label in model.config.id2label.items()}
        if not any(_entity_type(label) in self.organisation_types for label in id2label.values()):
            raise ConfigError(f"the NER model in {folder} has no organisation label among "
                              f"{sorted(set(id2label.values()))}; name it in {OPTION_KEY}.labels", key=key)
        positions = getattr(model.config, "max_position_embeddings", None) or _DEFAULT_MAX_LENGTH
        # The tokenizer's own limit is exact; without one, leave room for RoBERTa-style models,
        # whose position ids start at 2.
        declared = tokenizer.model_max_length
        self.max_tokens = min(positions, declared if 0 < declared < _SANE_MAX_LENGTH else positions - 2)
        self._tokenizer = tokenizer
        self._model = model.to(self.options.device).eval()
        self._id2label = id2label
        log.info("NER model %s loaded (%d labels, %d tokens per window)", folder, len(id2label), self.max_tokens)

    # --- mentions ---------------------------------------------------------------------------------
    def add_mentions(self, doc: Doc, rule_mentions: list[OrgMention], finder: OrganisationFinder) -> list[OrgMention]:
        """The rule mentions plus a name mention for every organisation entity that overlaps none
        of them, is not a person's name nor an acronym that never names an organisation ("SOS",
        "CO2"); sorted as the organisation finder sorts its mentions.

        An entity whose only capital is the one its sentence or line starts with counts only when
        the same name is tagged elsewhere too: that capital says nothing ("Kontakt", "Powstanie
        tam"), as for the rules."""
        people = [lemma_set for person in find_people(doc, finder) for lemma_set in _name_lemmas(person.name, doc)]
        candidates: list[tuple[OrgMention, bool]] = []
        for part in self.entities(doc):
            start, end = doc.tokens[part[0]].start, doc.tokens[part[-1]].end
            if any(m.start < end and start < m.end for m in rule_mentions):
                continue
            mention = finder.tagged_name(doc, part)
            if mention is None:
                continue
            surface = doc.text[mention.start:mention.end]
            if surface in not_organisation_acronyms() or all(
                    any(forms & person for person in people) for forms in _name_lemmas(surface, doc)):
                continue
            words = [t for t in doc.tokens[doc.token_index(mention.start):doc.token_index(mention.end)] if t.is_word]
            positional = not any(t.is_capitalised and t.start not in doc.sentence_starts for t in words)
            candidates.append((mention, positional))
        confirmed = {mention.key for mention, positional in candidates if not positional}
        added = [mention for mention, positional in candidates if not positional or mention.key in confirmed]
        for mention in added:
            log.debug("NER organisation %r -> %r", doc.text[mention.start:mention.end], mention.name)
        return sorted(rule_mentions + added, key=lambda m: (m.start, -m.end))

    def entities(self, doc: Doc) -> list[list[int]]:
        """Organisation entities as runs of Doc token indexes (BIO or BIOES tags aggregated over
        words; an entity never crosses a line break)."""
        predictions = self.predict(doc)
        entities: list[tuple[list[int], list[float]]] = []
        current: tuple[list[int], list[float]] | None = None
        current_type = ""
        for index, token in enumerate(doc.tokens):
            prediction = predictions.get(index)
            label, score = (prediction.label, prediction.score) if prediction else ("O", 0.0)
            kind = _entity_type(label)
            line_break = current is not None and "\n" in doc.text[doc.tokens[current[0][-1]].end:token.start]
            continues = (current is not None and kind == current_type and not line_break
                         and not label.startswith(_OPENING))
            if kind == "O" or kind not in self.organisation_types:
                current = None
            elif continues and current is not None:
                current[0].append(index)
                current[1].append(score)
            else:
                current = ([index], [score])
                entities.append(current)
            current_type = kind if current is not None else ""
        return [part for part, scores in entities if sum(scores) / len(scores) >= self.options.min_score]

    def predict(self, doc: Doc) -> dict[int, _Prediction]:
        """Doc token index -> the label of its first model token, over windows of the text."""
        import torch

        self.load()
        chunks = self.chunks(doc)
        starts = [token.start for token in doc.tokens]
        predictions: dict[int, _Prediction] = {}
        for first in range(0, len(chunks), _WINDOWS_PER_BATCH):
            batch_chunks = chunks[first:first + _WINDOWS_PER_BATCH]
            encoded = self._tokenizer(
                [doc.text[start:end] for start, end in batch_chunks], truncation=True,
                max_length=self.max_tokens, stride=min(32, self.max_tokens // 4), return_overflowing_tokens=True,
                return_offsets_mapping=True, padding=True, return_tensors="pt")
            offsets = encoded.pop("offset_mapping").tolist()
            owners = encoded.pop("overflow_to_sample_mapping").tolist()
            inputs = {name: tensor.to(self.options.device) for name, tensor in encoded.items()}
            with torch.inference_mode():
                probabilities = self._model(**inputs).logits.softmax(-1).cpu()
            best_scores, best_ids = probabilities.max(-1)
            for window, owner in enumerate(owners):
                base = batch_chunks[owner][0]
                content = [i for i, word in enumerate(encoded.word_ids(window)) if word is not None]
                for position in content:
                    start, end = offsets[window][position]
                    token_index = _doc_token(doc, starts, base + start, base + end)
                    if token_index is None:
                        continue
                    if base + start > doc.tokens[token_index].start:
                        continue  # a word's label is its first piece's
                    centrality = min(position - content[0], content[-1] - position)
                    known = predictions.get(token_index)
                    if known is not None and known.centrality >= centrality:
                        continue  # overlapping windows: the most central one decides
                    predictions[token_index] = _Prediction(self._id2label[int(best_ids[window, position])],
                                                           float(best_scores[window, position]), centrality)
        return predictions

    def chunks(self, doc: Doc) -> list[tuple[int, int]]:
        """Character spans of consecutive whole sentences whose tokens fit one model input; they
        cover the text from the first sentence to its end."""
        sentences = [span for span in doc.sentences if doc.text[span[0]:span[1]].strip()]
        if not sentences:
            return [(0, len(doc.text))] if doc.text.strip() else []
        lengths = [len(ids) for ids in self._tokenizer([doc.text[s:e] for s, e in sentences],
                                                       add_special_tokens=False, verbose=False)["input_ids"]]
        room = self.max_tokens - len(self._tokenizer("")["input_ids"])
        groups: list[list[int]] = [[]]
        used = 0
        for index, length in enumerate(lengths):
            if groups[-1] and used + length > room:
                groups.append([])
                used = 0
            groups[-1].append(index)
            used += length
        bounds = [sentences[group[0]][0] for group in groups] + [len(doc.text)]
        return list(zip(bounds, bounds[1:], strict=False))


def _entity_type(label: str) -> str:
    """'B-ORG' -> 'ORG', 'orgName' -> 'ORGNAME', 'O' -> 'O'."""
    for prefix in _OPENING + _CONTINUING:
        if label.startswith(prefix):
            return label[len(prefix):].upper()
    return label.upper()


def _doc_token(doc: Doc, starts: list[int], start: int, end: int) -> int | None:
    """The Doc token a model token falls in (its start, or the first token it reaches when it
    starts on a space)."""
    index = bisect_right(starts, start) - 1
    tokens: list[Token] = doc.tokens
    if index >= 0 and start < tokens[index].end:
        return index
    if index + 1 < len(tokens) and tokens[index + 1].start < end:
        return index + 1
    return None


def _name_lemmas(name: str, doc: Doc) -> list[frozenset[str]]:
    """The lemma sets of a name's words ("Pawlika" and "Jan Pawlik" share "pawlik")."""
    return [lemmas(word, doc.language) for word in words_of(name)]
