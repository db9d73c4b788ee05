"""Lemmas of a word in any language: through the language's pack, the word itself without one."""
from __future__ import annotations

from pressnlp.lang.morphology import lemma, lemmas, match_case, morphology_of


def test_polish_goes_through_morfeusz():
    assert lemma("Metropolią", "pl") == "metropolia"
    assert {"energia", "energii"} <= lemmas("energii", "pl")


def test_simplemma_languages_get_its_lemma_and_the_word():
    assert lemma("said", "en") == "say"
    assert lemmas("said", "en") == {"said", "say"}


def test_a_code_without_a_pack_or_a_lemmatiser_keeps_the_word():
    assert lemma("Vilniuje", "lt") == "vilniuje"
    assert lemmas("Słowo", "und") == {"słowo"}
    assert morphology_of("xx").possible_lemmas("Słowo") == {"słowo"}


def test_match_case_copies_the_model_capitalisation():
    assert match_case("urząd", "URZĘDU") == "URZĄD"
    assert match_case("urząd", "Urzędu") == "Urząd"
    assert match_case("urząd", "u") == "urząd"
