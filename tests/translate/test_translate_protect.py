"""Protected spans: found, masked as placeholders, restored verbatim whatever the engine did."""
import pytest

from pressnlp.stages.translate.base import PLACEHOLDER_RE
from pressnlp.stages.translate.protect import PROTECT_KINDS, Span, choose_spans, find_protected, mask, unmask

CONTACT = ("Kontakt: Kamila Okoń, kamila.okon@metropoliagzm.pl, tel. +48 32 728 46 00 lub 500 123 456, "
           "https://metropoliagzm.pl/kontakt/. Strona: iurc.eu/na/.")


def _found(sentence: str, kinds=PROTECT_KINDS) -> list[tuple[str, str]]:
    return [(span.kind, sentence[span.start:span.end]) for span in choose_spans(find_protected(sentence, kinds))]


def test_contact_block_spans_are_found_whole():
    assert _found(CONTACT) == [
        ("email", "kamila.okon@metropoliagzm.pl"),
        ("phone", "+48 32 728 46 00"),
        ("phone", "500 123 456"),
        ("url", "https://metropoliagzm.pl/kontakt/"),
        ("url", "iurc.eu/na/"),
    ]


def test_numbers_with_symbol_units_and_acronyms_but_not_word_units_or_dates():
    sentence = "GZM i UE przeznaczą 1 200 000 zł, 3,5 mln zł na 15 km tras i 20% (12.03.2024 r.) na COVID-19."
    assert _found(sentence) == [
        ("acronym", "GZM"), ("acronym", "UE"), ("number", "1 200 000 zł"), ("number", "15 km"),
        ("number", "20%"), ("acronym", "COVID-19"),
    ]


def test_headings_in_capitals_are_words_not_acronyms():
    assert _found("INFORMACJA PRASOWA GZM") == []
    assert _found("Spotkanie GZM w Katowicach") == [("acronym", "GZM")]


def test_a_slogan_in_capitals_is_words_but_acronyms_beside_each_other_stay():
    slogan = find_protected("Kampania „NIE KLIKAJ, ZADZWOŃ!” rusza w maju.", PROTECT_KINDS, "pl")
    assert [s.output for s in slogan if s.kind == "acronym"] == []
    assert [s.output for s in find_protected("Umowę podpisały GZM i ZTM.", PROTECT_KINDS, "pl")] == ["GZM", "ZTM"]


def test_only_requested_kinds():
    assert _found(CONTACT, ["email"]) == [("email", "kamila.okon@metropoliagzm.pl")]


def test_round_trip_through_an_engine_that_moves_spaces_drops_and_invents_placeholders():
    sentence = "Napisz do biuro@gzm.pl albo zadzwoń: +48 32 728 46 00."
    spans = choose_spans(find_protected(sentence, PROTECT_KINDS))
    masked = mask(sentence, spans)
    assert masked.text == "Napisz do XZ0 albo zadzwoń: XZ1."
    # the engine wrote "XZ 0", lost XZ1 and invented XZ7
    restored, offsets = unmask("Write to XZ 0 or call XZ7.", masked)
    assert restored == "Write to biuro@gzm.pl or call +48 32 728 46 00."
    assert [restored[s:e] for s, e, _ in offsets] == ["biuro@gzm.pl", "+48 32 728 46 00"]
    assert not PLACEHOLDER_RE.search(restored)


def test_text_that_looks_like_a_placeholder_survives():
    sentence = "Model XZ3 jest nowy."
    masked = mask(sentence, choose_spans(find_protected(sentence, [])))
    assert unmask(masked.text.replace("jest nowy", "is new"), masked)[0] == "Model XZ3 is new."


def test_overlaps_keep_the_longest_at_the_same_start():
    spans = [Span(0, 3, "acronym", "GZM"), Span(0, 14, "glossary", "GZM Metropolis"), Span(10, 12, "x", "")]
    assert choose_spans(spans) == [Span(0, 14, "glossary", "GZM Metropolis")]


def test_a_sentence_of_only_protected_spans_needs_no_engine():
    masked = mask("biuro@gzm.pl", choose_spans(find_protected("biuro@gzm.pl", PROTECT_KINDS)))
    assert not masked.has_words


@pytest.mark.parametrize("sentence, kept", [
    ("Firma Solaris Bus & Coach dostarczy autobusy.", ["Solaris Bus & Coach"]),
    ("Umowę z Institute of Science and Technology Austria podpisano wczoraj.",
     ["Institute of Science and Technology Austria"]),
    ("Spółka Kowalski & Partnerzy wygrała przetarg.", ["Kowalski & Partnerzy"]),
    ("Umowę podpisały Uniwersytet Jagielloński i Politechnika Krakowska.", []),
    ("Dyrektor Instytutu, Jan Nowak, oraz Anna Kowalska.", []),
])
def test_english_names_inside_a_polish_sentence_are_kept_as_written(sentence, kept):
    spans = [span for span in find_protected(sentence, ["foreign"], "pl") if span.kind == "foreign"]
    assert [sentence[span.start:span.end] for span in spans] == kept
    assert all(span.output == sentence[span.start:span.end] for span in spans)
