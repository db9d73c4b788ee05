"""English for lemmas no dictionary has: derivation to a known lemma, then transliteration checked
against the English word list. Short made-up phrases, one a rule."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.stages.translate.base import TranslatorSettings  # noqa: E402
from pressnlp.stages.translate.lexicon import LexiconTranslator  # noqa: E402


@pytest.fixture(scope="module")
def translator() -> LexiconTranslator:
    return LexiconTranslator("pl", "en", TranslatorSettings())


@pytest.fixture(scope="module")
def deriver(translator):
    return translator.composer.dictionary.deriver


def gist(translator: LexiconTranslator, sentence: str) -> str:
    return translator.translate_batch([sentence])[0]


def test_adjective_through_the_noun_it_is_made_from(translator, deriver):
    assert deriver.english("powodziowy", "adj") == "flood"  # "powodzi" is a form of "powódź"
    assert "flood risk" in gist(translator, "Gmina zmniejszy ryzyko powodziowe.")


def test_negated_adjective_through_the_word_without_nie(deriver):
    assert deriver.english("niewodny", "adj") == "not " + deriver.english("wodny", "adj")


def test_perfective_verb_through_its_base(translator):
    assert "configured" in gist(translator, "Firma skonfigurowała serwer.")


def test_international_words_only_when_english(deriver):
    assert deriver.english("transdukcja", "n") == "transduction"
    assert deriver.english("modulować", "v") == "modulate"
    assert deriver.english("pawilon", "n") is None  # "pavilon" is no English word: left as it is


def test_compound_through_prefix_and_rest(translator, deriver):
    assert deriver.english("wielotygodniowy", "adj") == "multi-weekly"
    assert "multi-weekly" in gist(translator, "Był to wielotygodniowy kurs.")


def test_names_are_not_derived(deriver):
    assert deriver.english("Kowalski", "adj") is None


def test_compound_written_as_one_word_where_english_does(deriver):
    assert deriver.english("teleopieka", "n") == "telecare"
