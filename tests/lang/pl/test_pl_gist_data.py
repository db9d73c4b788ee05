"""The Polish pack's data for the dictionary gist: lexicon files, rare readings, and the words the
gist's grammar reacts to (gist.toml) — checked against Morfeusz, so a typo cannot hide."""
from __future__ import annotations

import pytest

from pressnlp import lang

pytest.importorskip("morfeusz2")

from pressnlp.lang.pl.morphology import analyse_pl  # noqa: E402
from pressnlp.stages.translate.lexicon.lexicon import read_entries  # noqa: E402

WORD_CLASSES = {"n", "name", "v", "adj", "adv", "prep", "conj", "comp", "part", "pron", "det", "num", "pred"}
# Entries of a class no lookup asks for: listed so that a new one is noticed ("ok" -> "approx." is
# never used; the gist writes "ok." as it stands).
UNUSED_CLASS = {("ok", "abbr")}
CASES = {"nom", "gen", "dat", "acc", "inst", "loc", "voc"}


def _lemmas(word: str) -> set[str]:
    return {reading.lemma.split(":")[0] for reading in analyse_pl(word)}


def test_every_lexicon_file_has_well_formed_entries():
    files = lang.get("pl").gist_lexicon
    assert len(files) >= 20 and all(name.endswith(".tsv") for name in files)
    for name, text in files.items():
        entries = read_entries(text)
        assert entries, name
        for entry in entries:
            assert entry.word_class in WORD_CLASSES or (entry.polish, entry.pos) in UNUSED_CLASS, (name, entry)
            assert entry.case is None or entry.case in CASES, (name, entry)


def test_rare_readings_are_form_lemma_and_part_of_speech():
    rare = lang.get("pl").rare_readings
    assert ("ma", "mój", "adj") in rare and len(rare) >= 30
    assert all(form and lemma and pos.isalnum() for form, lemma, pos in rare)


def test_gist_words_are_lemmas_morfeusz_knows():
    words = lang.get("pl").gist_words
    lemmas = {words.negation, words.reflexive, words.conditional, words.be, words.have, words.year_noun,
              *words.passive_auxiliaries, *words.condition_words, *words.quantity_nouns, *words.not_postposed,
              *words.time_units, *words.who.polish}
    unknown = sorted(lemma for lemma in lemmas if lemma not in _lemmas(lemma))
    assert not unknown


def test_context_words_have_their_english():
    words = lang.get("pl").gist_words
    assert (words.every.polish, words.every.english) == ({"co"}, "every")
    assert words.on_weekday.polish == {"w", "we"} and words.copula.english == "this is"
