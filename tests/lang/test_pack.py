"""The Language API: packs found by code, loaded once, each data file read into a typed property."""
from __future__ import annotations

import re

import pytest

from pressnlp import lang
from pressnlp.lang.dates.lexicon import Lexicon
from pressnlp.lang.pack import Boilerplate, Simplemma


def test_a_pack_is_found_by_code_and_loaded_once():
    polish = lang.get("pl")
    assert polish.code == "pl" and polish.name == "Polish"
    assert lang.get("pl") is polish
    assert lang.find("pl") is polish
    assert {"pl", "en", "de", "cs", "sk", "uk", "fr", "es"} <= set(lang.available())


@pytest.mark.parametrize("code", [None, "", "und", "xx"])
def test_find_gives_none_where_there_is_no_pack(code):
    assert lang.find(code) is None


def test_an_unknown_code_names_the_packs_there_are():
    with pytest.raises(lang.UnknownLanguage, match="no language pack for 'xx'; available: .*pl"):
        lang.get("xx")


def test_typed_properties_read_the_pack_files():
    polish = lang.get("pl")
    assert "się" in polish.stopwords
    assert {"mln", "zł", "S.A", "s.a"} <= polish.abbreviations  # as written and lower-cased
    assert {"ul", "dr", "m.in"} <= polish.never_final
    assert polish.alphabet == frozenset("ąćęłńóśźż")
    assert isinstance(polish.dates, Lexicon) and polish.dates.month("września") == 9
    assert any(re.match(pattern, "Kontakt dla mediów", re.IGNORECASE) for pattern in polish.boilerplate.closing)


def test_a_file_a_pack_lacks_is_an_empty_table():
    italian = lang.get("it")
    assert italian.stopwords == frozenset() and italian.abbreviations == frozenset()
    assert italian.dates is None
    assert italian.boilerplate == Boilerplate()
    assert italian.alphabet == frozenset("àèéìíîòóùú")


def test_an_empty_alphabet_differs_from_none():
    # English uses no marked letter (every one counts against it); a pack without the file is never penalised.
    assert lang.get("en").alphabet == frozenset()
    assert lang.get("af").alphabet is not None


@pytest.mark.parametrize("code", lang.available())
def test_every_pack_loads_and_its_word_lists_are_clean(code):
    pack = lang.get(code)
    assert pack.code == code and pack.name
    for words in (pack.stopwords, pack.never_final):
        assert all(word == word.lower() for word in words), code
    if pack.alphabet is not None:
        assert all(letter.isalpha() and letter == letter.lower() for letter in pack.alphabet), code
    boilerplate = pack.boilerplate
    for pattern in (*boilerplate.closing, *boilerplate.line_starts, *boilerplate.line_contains,
                    *boilerplate.phone_labels):
        re.compile(pattern)
    if pack.dates is not None:
        assert pack.dates.language == code


def test_morphology_is_morfeusz_for_polish_simplemma_or_none_for_others():
    from pressnlp.lang.pl.morphology import PolishMorphology

    assert isinstance(lang.get("pl").morphology, PolishMorphology)
    assert isinstance(lang.get("de").morphology, Simplemma)
    assert lang.get("de").morphology.lemma("Häuser") == "haus"
    assert type(lang.get("lt").morphology) is lang.Morphology
    assert lang.get("lt").morphology.lemmas("Vilniuje") == {"vilniuje"}


def test_detect_ranks_are_distinct():
    ranks = [rank for code in lang.available() if (rank := lang.get(code).detect_rank) is not None]
    assert len(ranks) == len(set(ranks))
