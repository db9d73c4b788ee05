"""Lemmas of the packs' own extraction words (theme cues, gazetteer names), computed when the
data is built (`scripts/build_lang_data.py`), not at start-up: lemmatising them there decoded
simplemma's dictionaries for seven languages, ~10 s before the first release.

A pack with words to lemmatise carries `lemmas.generated.toml`: `[inputs]` (digests of the files
the words come from, and the lemmatisers' versions: what makes the table stale) and
`[lemmas.<language>]` (word -> lemma by `<language>`'s morphology; a theme cue's by
`cue_lemma`). A word no table holds (a user's taxonomy, a pack installed without the file) is
lemmatised as before, so a table only ever saves time.
"""
from __future__ import annotations

from functools import cache

from pressnlp import lang
from pressnlp.lang.morphology import lemma, morphology_of

GENERATED_FILE = "lemmas.generated.toml"
SOURCES = ("themes.toml", "gazetteer.tsv")
"""The pack files whose words the generated table holds."""
LEMMATISERS = ("simplemma", "morfeusz2")
"""Distributions whose version the table records: another version may give other lemmas."""


@cache
def built_tables() -> dict[str, dict[str, str]]:
    """language -> word -> lemma, from every pack's generated file."""
    tables: dict[str, dict[str, str]] = {}
    for code in lang.available():
        for language, words in lang.get(code).toml(GENERATED_FILE).get("lemmas", {}).items():
            tables.setdefault(language, {}).update(words)
    return tables


def built_lemma(word: str, language: str) -> str:
    """`lemma(word, language)`, read from the generated tables when they hold the word."""
    found = built_tables().get(language, {}).get(word)
    return found if found is not None else lemma(word, language)


def built_cue_lemma(word: str, language: str) -> str:
    """`cue_lemma(word, language)`, read from the generated tables when they hold the word."""
    found = built_tables().get(language, {}).get(word)
    return found if found is not None else cue_lemma(word, language)


def cue_lemma(word: str, language: str) -> str:
    """The lemma a theme cue is matched through: the word itself when it is a dictionary form of
    its own ("mieszkanie", a flat, is a noun; its gerund reading's "mieszkać", to live, would match
    every "mieszkamy"), else `lemma(word, language)`."""
    own = word.lower()
    return own if own in morphology_of(language).possible_lemmas(word) else lemma(word, language)
