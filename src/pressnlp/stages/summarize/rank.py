"""Extractive ranking: lemma TF-IDF sentence vectors, graph centrality with a lead prior, MMR.

Sentences are compared through lemmas, not word forms, because a Polish noun appears in up to
seven cases ("metropolia", "metropolii", "metropolią"); stopwords are left out so that shared
grammar does not count as shared content. Centrality is PageRank personalised with a position
prior: a random reader jumps back to the top of a release more often than to its end, which is
how releases are written (the lead says what happened).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from pressnlp import lang
from pressnlp.lang.morphology import morphology_of
from pressnlp.stages.summarize.boilerplate import words

DAMPING = 0.6
"""PageRank damping: the share of a score that flows along similarity edges."""
POSITION_DECAY = 0.5
"""Prior weight of the i-th body sentence is 1 / (i + 1) ** POSITION_DECAY."""
LEAD_PARAGRAPH_BONUS = 3.0
"""Extra prior weight for sentences of the first body paragraph."""
DUPLICATE_SIMILARITY = 0.6
"""A sentence at least this similar (cosine) to one already chosen says the same again: skipped."""
ITERATIONS = 100
TOLERANCE = 1e-10


def lemma_terms(text: str, language: str) -> Counter[str]:
    """Content terms of a sentence with their weights: lemmas without stopwords, numbers kept.

    Without a tagger a Polish form may have several lemmas ("nową": the adjective "nowy" or the
    noun "nowa"); each gets an equal share of the word instead of one guessed lemma, so two
    forms of a word always share the right lemma."""
    pack = lang.find(language)
    stop = pack.stopwords if pack is not None else frozenset()
    morphology = morphology_of(language)
    terms: Counter[str] = Counter()
    for word in words(text):
        lowered = word.lower()
        if lowered in stop:
            continue
        candidates = {lowered} if word.isdigit() else morphology.possible_lemmas(word) - stop
        candidates = {term for term in candidates if len(term) > 1 or term.isdigit()}
        for term in candidates:
            terms[term] += 1.0 / len(candidates)
    return terms


def tfidf_matrix(sentences: Sequence[Counter[str]]) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf over the given sentences)."""
    vocabulary = sorted({term for terms in sentences for term in terms})
    index = {term: i for i, term in enumerate(vocabulary)}
    frequency = Counter(term for terms in sentences for term in terms)
    count = len(sentences)
    matrix = np.zeros((count, len(vocabulary)))
    for row, terms in enumerate(sentences):
        for term, tf in terms.items():
            idf = math.log((1 + count) / (1 + frequency[term])) + 1.0
            matrix[row, index[term]] = math.log1p(tf) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def position_prior(paragraphs: Sequence[int]) -> np.ndarray:
    """Teleport distribution over sentences in document order (paragraph 0 is the lead)."""
    weights = np.array([(LEAD_PARAGRAPH_BONUS if paragraph == 0 else 1.0) / (i + 1) ** POSITION_DECAY
                        for i, paragraph in enumerate(paragraphs)])
    return weights / weights.sum()


def personalised_pagerank(similarity: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """Stationary scores of a walk that follows similarity edges and jumps by the prior."""
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    out_degree = weights.sum(axis=1)
    dangling = out_degree == 0
    transition = np.divide(weights, out_degree[:, None], out=np.zeros_like(weights),
                           where=~dangling[:, None])
    transition[dangling] = prior  # a sentence like no other sends its score by the prior
    scores = prior.copy()
    for _ in range(ITERATIONS):
        updated = (1 - DAMPING) * prior + DAMPING * transition.T @ scores
        if np.abs(updated - scores).sum() < TOLERANCE:
            return updated
        scores = updated
    return scores


def mmr_select(scores: np.ndarray, similarity: np.ndarray, word_counts: Sequence[int], *,
               max_sentences: int, max_words: int, redundancy: float) -> list[int]:
    """Maximal marginal relevance: repeatedly take the sentence with the best score minus its
    similarity to what is already taken, while it fits the length limits; near-duplicates of a
    chosen sentence are never taken. Ties go to the earlier sentence (deterministic)."""
    relevance = scores / scores.max() if scores.size and scores.max() > 0 else scores
    chosen: list[int] = []
    used_words = 0
    remaining = list(range(len(scores)))
    while remaining and len(chosen) < max_sentences:
        fitting = [i for i in remaining if used_words + word_counts[i] <= max_words
                   and all(similarity[i, j] < DUPLICATE_SIMILARITY for j in chosen)]
        if not fitting:
            break

        def gain(i: int) -> float:
            overlap = max((similarity[i, j] for j in chosen), default=0.0)
            return (1 - redundancy) * relevance[i] - redundancy * overlap

        best = max(fitting, key=lambda i: (gain(i), -i))
        chosen.append(best)
        used_words += word_counts[best]
        remaining.remove(best)
    return sorted(chosen)
