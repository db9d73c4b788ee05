"""Senses chosen by neighbouring words and release formulas (lang/pl/senses.tsv, phrases.tsv):
short made-up sentences, one a rule."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")


def test_roads_are_not_expensive(gist):
    assert "roads" in gist("Powiat remontuje pięć dróg.")
    assert "expensive" in gist("Bilety są drogie.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Most powstanie po czeskiej stronie rzeki.", "on the Czech side"),
    ("Obie strony umowy ją podpisały.", "parties"),
    ("Wyniki są na stronie urzędu.", "website"),
])
def test_strona_by_its_neighbours(gist, polish, english):
    assert english in gist(polish)


def test_pt_before_a_quoted_title_is_entitled(gist):
    text = gist("Muzeum otwiera wystawę pt. „Stare mapy”.")
    assert "entitled" in text and "Friday" not in text and "entitled." not in text
    assert "Friday" in gist("Urząd jest czynny w pt. do 15.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Szanowni Państwo, dziękujemy.", "Ladies and Gentlemen"),
    ("Zapraszamy Państwa na festyn.", "invite you"),
    ("Z uwagi na pogodę festyn przełożono.", "Due to"),
    ("Firma podwoi moce produkcyjne.", "production capacit"),
    ("Impreza odbędzie się na terenie parku.", "in the park"),
])
def test_release_formulas(gist, polish, english):
    assert english in gist(polish)


def test_do_before_a_date_is_until(gist):
    assert "until 4 May" in gist("Zgłoszenia przyjmujemy do 4 maja.")
    assert "to the school" in gist("Droga do szkoły jest krótka.")
