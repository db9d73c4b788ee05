"""Paragraphs and sentences with exact offsets; abbreviations come from the language packs."""
from __future__ import annotations

from pressnlp.lang.segment import split_paragraphs, split_sentences


def sentences(text: str, language: str = "pl") -> list[str]:
    spans = split_sentences(text, language)
    assert all(text[start:end].strip() == text[start:end] for start, end in spans)
    return [text[start:end] for start, end in spans]


def test_paragraphs_are_the_text_between_blank_lines():
    text = "  Tytuł\n\nPierwszy akapit.\nDruga linia.\n \n\nOstatni.  "
    assert [text[start:end] for start, end in split_paragraphs(text)] == [
        "Tytuł", "Pierwszy akapit.\nDruga linia.", "Ostatni."]


def test_every_line_is_at_least_its_own_segment():
    assert sentences("Kontakt\nJan Nowak\ntel. 32 123 45 67") == ["Kontakt", "Jan Nowak", "tel. 32 123 45 67"]


def test_polish_abbreviations_do_not_end_sentences():
    text = "Umowę podpisano w 2024 r. w Katowicach, m.in. z GZM. Projekt kosztował 5 mln zł. 10 osób go oceni."
    assert sentences(text) == ["Umowę podpisano w 2024 r. w Katowicach, m.in. z GZM.",
                               "Projekt kosztował 5 mln zł. 10 osób go oceni."]


def test_an_abbreviation_before_a_capital_ends_the_sentence():
    assert sentences("Prace zakończą się w 2025 r. Projekt jest gotowy.") == [
        "Prace zakończą się w 2025 r.", "Projekt jest gotowy."]


def test_never_final_abbreviations_stand_before_names_in_any_language():
    # "ul." is in the Polish pack's never_final.txt, "Mr." in the English one: both hold everywhere.
    assert sentences("Biuro mieści się przy ul. Mickiewicza 5.") == ["Biuro mieści się przy ul. Mickiewicza 5."]
    assert sentences("Rozmawiał z nim Mr. Smith z Edynburga.", "pl") == ["Rozmawiał z nim Mr. Smith z Edynburga."]
    assert sentences("Obchody prowadził prof. Nowak. Potem był koncert.", "de") == [
        "Obchody prowadził prof. Nowak.", "Potem był koncert."]


def test_initials_and_list_markers_do_not_end_sentences():
    assert sentences("Projekt prowadzi J. Nowak z Katowic.") == ["Projekt prowadzi J. Nowak z Katowic."]
    assert sentences("1. Pierwszy punkt listy") == ["1. Pierwszy punkt listy"]


def test_english_abbreviations_count_in_every_language_and_unknown_codes():
    # "pp." before a number: English's list applies to a German text and to an undetermined one.
    for language in ("de", "und"):
        assert sentences("Siehe pp. 12 im Bericht.", language) == ["Siehe pp. 12 im Bericht."]


def test_a_language_own_abbreviations_apply_only_to_it():
    text = "Die Anlage kostet 5 Mio. 10 Firmen bieten."
    assert sentences(text, "de") == [text]
    assert sentences(text, "pl") == ["Die Anlage kostet 5 Mio.", "10 Firmen bieten."]


def test_a_span_limits_the_split_and_keeps_offsets_into_the_whole_text():
    text = "Tytuł\n\nZdanie pierwsze. Zdanie drugie."
    start = text.index("Zdanie")
    spans = split_sentences(text, "pl", (start, len(text)))
    assert [text[a:b] for a, b in spans] == ["Zdanie pierwsze.", "Zdanie drugie."]


def test_pt_before_a_title_does_not_end_the_sentence():
    assert sentences("Zapraszamy na wykład pt. „Dzieje rzeki” w sobotę. Wstęp wolny.") == [
        "Zapraszamy na wykład pt. „Dzieje rzeki” w sobotę.", "Wstęp wolny."]


def test_a_sentence_runs_on_across_a_hard_line_break():
    text = "Remont potrwa\ndo końca roku, a koszt\nwyniesie 2 mln zł.\nKontakt\nAnna Nowak\ntel. 32 123 45 67"
    assert sentences(text) == ["Remont potrwa\ndo końca roku, a koszt\nwyniesie 2 mln zł.", "Kontakt", "Anna Nowak",
                               "tel. 32 123 45 67"]
