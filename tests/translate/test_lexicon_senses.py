"""Senses chosen by neighbouring words and release formulas (lang/pl/senses.tsv, phrases.tsv):
short made-up sentences, one a rule."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.stages.translate.base import TranslatorSettings  # noqa: E402
from pressnlp.stages.translate.lexicon import LexiconTranslator  # noqa: E402


@pytest.fixture(scope="module")
def translator() -> LexiconTranslator:
    return LexiconTranslator("pl", "en", TranslatorSettings(extra={"freedict": False}))


def gist(translator: LexiconTranslator, sentence: str) -> str:
    return translator.translate_batch([sentence])[0]


def test_roads_are_not_expensive(translator):
    assert "roads" in gist(translator, "Powiat remontuje pięć dróg.")
    assert "expensive" in gist(translator, "Bilety są drogie.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Most powstanie po czeskiej stronie rzeki.", "on the Czech side"),
    ("Obie strony umowy ją podpisały.", "parties"),
    ("Wyniki są na stronie urzędu.", "website"),
])
def test_strona_by_its_neighbours(translator, polish, english):
    assert english in gist(translator, polish)


def test_pt_before_a_quoted_title_is_entitled(translator):
    text = gist(translator, "Muzeum otwiera wystawę pt. „Stare mapy”.")
    assert "entitled" in text and "Friday" not in text and "entitled." not in text
    assert "Friday" in gist(translator, "Urząd jest czynny w pt. do 15.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Szanowni Państwo, dziękujemy.", "Ladies and Gentlemen"),
    ("Zapraszamy Państwa na festyn.", "invite you"),
    ("Z uwagi na pogodę festyn przełożono.", "Due to"),
    ("Firma podwoi moce produkcyjne.", "production capacit"),
    ("Impreza odbędzie się na terenie parku.", "in the park"),
])
def test_release_formulas(translator, polish, english):
    assert english in gist(translator, polish)


def test_do_before_a_date_is_until(translator):
    assert "until 4 May" in gist(translator, "Zgłoszenia przyjmujemy do 4 maja.")
    assert "to the school" in gist(translator, "Droga do szkoły jest krótka.")
