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


def test_simplemma_dictionaries_give_the_same_lemmas_read_in_place_and_decoded():
    """A dictionary is read in place for the first lookups and decoded after many: the same lemmas."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    from pressnlp.lang.pack import _ReadThenDecoded

    words = ["Häuser", "Landkreises", "gegangen", "Präsidentin", "Bürgermeisterinnen", "xyzzyq"]
    streamed = _ReadThenDecoded(languages=1, decode_after_every=1)  # decoded after a million lookups
    decoded = _ReadThenDecoded(languages=1, decode_after_every=10**9)  # decoded at once
    assert type(streamed.get_dictionary("de")).__name__ == "StreamMap"
    assert type(decoded.get_dictionary("de")).__name__ != "StreamMap"

    def lemmas_with(factory) -> list[str]:
        lemmatiser = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
        return [lemmatiser.lemmatize(word, "de") for word in words]

    assert lemmas_with(streamed) == lemmas_with(decoded)
    assert lemmas_with(decoded)[:3] == ["Haus", "Landkreis", "gehen"]
