"""Lemmas of words in any language, through the language's pack: Morfeusz for Polish
(`lang/pl/morphology.py`), simplemma for the packs that ask for it, the word itself otherwise.

The same few thousand words are looked up again and again, so lookups are cached per process
(bounded LRU caches, keyed by word and language).
"""
from __future__ import annotations

from functools import lru_cache

from pressnlp.lang.pack import Morphology, find

_NO_MORPHOLOGY = Morphology()


def morphology_of(language: str) -> Morphology:
    """The morphology of `language`'s pack; for a code without a pack, one that knows no word."""
    pack = find(language)
    return pack.morphology if pack is not None else _NO_MORPHOLOGY


@lru_cache(maxsize=200_000)
def lemmas(word: str, language: str) -> frozenset[str]:
    """Every plausible lemma of a word, lower-cased, the word itself included.

    Matching keywords against all candidate lemmas (not one guessed lemma) keeps recall on
    ambiguous Polish forms without a tagger: "środowiska" is both 'środowisko' and a form of
    nothing else, "energii" only 'energia'."""
    return morphology_of(language).lemmas(word)


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """One lemma for a word (for Polish the first common-noun/adjective/verb reading's); the
    lower-cased word when unknown."""
    return morphology_of(language).lemma(word)


def match_case(form: str, model: str) -> str:
    """`form` written with the capitalisation of `model` ('urząd', 'URZĘDU' -> 'URZĄD')."""
    if not form or not model:
        return form
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[0].isupper():
        return form[0].upper() + form[1:]
    return form
