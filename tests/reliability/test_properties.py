"""Property-based tests of the detect, extract and summarize stages: any Unicode text, no exception,
and every offset they give indexes the text."""
from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from pressnlp.core.document import new_record, public_view
from pressnlp.core.errors import StageError
from pressnlp.schema import record_problems
from pressnlp.stages.summarize.boilerplate import word_count

POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
# Pieces of real releases that the extractors react to: names, dates, contacts, abbreviations.
FRAGMENTS = (
    "Górnośląsko-Zagłębiowska Metropolia", "Urząd Marszałkowski Województwa Śląskiego", "GZM",
    "Metropolią Kansas City", "Sp. z o.o.", "S.A.", "m.in.", "np.", "ul. Barbary 21a", "dr hab. Jan Kowalski",
    "prof. Anna Nowak", "Katowice, 14 marca 2024 r.", "w III kwartale 2024 r.", "do grudnia 2023 r.",
    "w dniach 12–14 czerwca 2024 r.", "od 1.02.2024 do 31.03.2024", "2024-03-14", "roku", "r.", "godz. 10:00",
    "tel. 32 728 46 00", "+48 600 100 200", "(32) 728-46-00", "anna.nowak@metropoliagzm.pl", "a@b", "@@",
    "https://metropoliagzm.pl/aktualnosci?id=1", "www.gzm.org.pl", "12 mln zł", "1 234,56 zł", "UE",
    "Kontakt dla mediów:", "The City of Katowice signed an agreement.", "Die Stadt Kattowitz.", "Київ",
    # whole paragraphs, so that mixed-language texts and themes come up too
    "Zarząd Metropolii przeznaczy 40 mln zł na instalacje fotowoltaiczne i termomodernizację szkół, "
    "a gminy kupią nowe autobusy elektryczne dla komunikacji miejskiej.\n\n",
    "The metropolitan authority will invest in solar panels and electric buses, and the university "
    "will open a new research laboratory for hydrogen technologies.\n\n",
    "Die Stadt fördert den öffentlichen Nahverkehr und baut neue Radwege entlang des Flusses.\n\n",
)
SEPARATORS = (" ", "\n", "\n\n", ". ", ", ", "\t", "\r\n", "", "\u00a0", "\u2028", "—")

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
polish_words = st.text(string.ascii_letters + POLISH_LETTERS + string.digits + ".,;:!?()-–„”\"' @/+", max_size=30)
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS), polish_words, unicode_text),
                 max_size=30).map("".join)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def _record(text: str) -> dict:
    record = new_record("property.txt", {"path": "property.txt", "sha256": "0" * 64, "format": "txt",
                                         "encoding": "utf-8", "bytes": len(text.encode())})
    record.update(text=text, title=None, date=None)
    return record


def _run(stages, text: str, *names: str) -> dict:
    record = _record(text)
    for name in names:
        (record,) = stages[name].process_batch([record])
    return record


def _stages(warm_default) -> dict:
    return {stage.name: stage for stage in warm_default.pipeline.stages}


@PROPERTY_SETTINGS
@given(text=texts)
def test_detect_segments_cover_the_text(warm_default, text):
    record = _run(_stages(warm_default), text, "detect")
    language = record["language"]
    assert language["code"] == "und" or (len(language["code"]) == 2 and language["code"].islower())
    assert 0.0 <= language["confidence"] <= 1.0
    segments = language["segments"]
    if not text:
        assert segments == []
        return
    assert segments[0]["start"] == 0 and segments[-1]["end"] == len(text)
    assert all(s["start"] < s["end"] for s in segments)
    assert all(a["end"] == b["start"] for a, b in zip(segments, segments[1:], strict=False))
    assert record_problems(public_view(record)) == []


@PROPERTY_SETTINGS
@given(text=texts)
def test_extract_offsets_index_the_text(warm_default, text):
    record = _run(_stages(warm_default), text, "detect", "extract")
    facts = record["facts"]
    for partner in facts["partners"]:
        assert partner["name"].strip()
        for start, end in partner["mentions"]:
            assert 0 <= start < end <= len(text) and text[start:end].strip(), (partner, text[start:end])
    for date in facts["dates"]:
        assert 0 <= date["start"] < date["end"] <= len(text)
        assert text[date["start"]:date["end"]] == date["text"]
    scores = [theme["score"] for theme in facts["themes"]]
    assert scores == sorted(scores, reverse=True)
    assert all(contact["value"] for contact in facts["contacts"])
    assert record_problems(public_view(record)) == []


@PROPERTY_SETTINGS
@given(text=texts)
def test_a_text_with_words_gets_a_summary_or_fails_saying_why(warm_default, text):
    stages = _stages(warm_default)
    record = _run(stages, text, "detect")
    try:
        (record,) = stages["summarize"].process_batch([record])
    except StageError:
        assert word_count(text) > 0  # only a text with words but nothing to summarise in it fails
        return
    assert bool(record["summary"]["text"]) == (word_count(text) > 0)
    assert record_problems(public_view(record)) == []
