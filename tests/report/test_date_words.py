"""Dates in words for readers (report/dates.py), and stage messages said plainly (report/views.py)."""
from __future__ import annotations

import pytest

from pressnlp.report.dates import date_in_words, value_in_words
from pressnlp.report.views import release_view


@pytest.mark.parametrize(("value", "words"), [
    ("2024-06-12", "12 June 2024"),
    ("2024-06", "June 2024"),
    ("2024", "2024"),
    ("2024-06-12/2024-06-14", "12–14 June 2024"),
    ("2024-06-28/2024-07-03", "28 June – 3 July 2024"),
    ("2023-12-30/2024-01-02", "30 December 2023 – 2 January 2024"),
    ("2024-07/2024-09", "July–September 2024"),
    ("2023-12/2024-02", "December 2023 – February 2024"),
    ("2023/2025", "2023–2025"),
    ("/2023-12", "until December 2023"),
    ("/2025", "until 2025"),
    ("2024-03/", "from March 2024"),
    ("2024-06/2024-06-14", "June 2024 – 14 June 2024"),
])
def test_iso_values_in_words(value, words):
    assert value_in_words(value) == words


@pytest.mark.parametrize("value", [None, "", "2024-13", "June", "x/2024", "/", 2024])
def test_what_is_not_an_iso_date_has_no_words(value):
    assert value_in_words(value) is None


@pytest.mark.parametrize(("text", "words"), [
    ("w czerwcu", "June (year not stated)"),
    ("14 czerwca", "14 June (year not stated)"),
    ("w dniach 12–14 czerwca", "12–14 June (year not stated)"),
    ("w III kwartale", "July–September (year not stated)"),
    ("w przyszły wtorek", None),  # a weekday alone says no month
])
def test_unresolved_dates_are_worded_from_their_text(text, words):
    assert date_in_words(None, text, "pl") == words


def test_a_reader_language_without_wording_reads_english():
    assert value_in_words("/2023-12", reader="xx") == "until December 2023"


def test_stage_messages_are_plain_with_the_detail_apart():
    record = {"id": "de/x.txt", "language": {"code": "de"}, "date": "2024-03", "translation": None,
              "stages": {"read": {"status": "ok"}, "translate": {"status": "failed"}},
              "errors": [{"stage": "translate", "type": "BackendUnavailable",
                          "message": "no translation backend for de→en: ctranslate2: no model configured"}]}
    view = release_view(record)
    (problem,) = view.problems
    assert problem.summary == "No translation from German is available here; the text is shown as written."
    assert problem.detail.startswith("no translation backend for de→en")
    assert view.date_words == "March 2024"
    skipped = dict(record, errors=[], stages={"translate": {"status": "skipped",
                                                           "reason": "no translation model for German is installed"}})
    view = release_view(skipped)
    assert view.problems == []
    assert [note.summary for note in view.skipped] == [
        "Translation was skipped: no translation model for German is installed"]
