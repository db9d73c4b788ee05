"""Shapes of third-party release pages that date a release or look like facts and are not:
page-metadata lines, an invitation's event line, a date line under the signature, opening hours,
the date lines of other news under the release. Every text here is made up."""
from __future__ import annotations

import datetime as dt

import pytest

from pressnlp.core.stage import StageContext
from pressnlp.lang.dates import find_dates, find_release_date
from pressnlp.stages.extract.dates import DateExtractor, DateOptions
from pressnlp.stages.extract.text import Doc


def _facts(text: str, language: str) -> list[tuple[str, str | None]]:
    extractor = DateExtractor(DateOptions(), StageContext())
    extractor.setup()
    return [(item["text"], item["value"]) for item in extractor.extract(Doc(text, language))]


@pytest.mark.parametrize(("text", "language", "release"), [
    # a CMS's "created" line with a weekday and a comma after the day
    ("Nowe boisko dla szkoły\n\nUtworzono: środa, 12, czerwiec 2019\n\nW dniu 10 czerwca br. odebrano boisko.",
     "pl", "2019-06-12"),
    ("Two colleges sign a pact\n\nAuthored on 03/27/2023 - 09:10\n\nThe deans signed it on Friday.", "en",
     "2023-03-27"),
    # a date line that runs into the lead under a long contact header
    ("Acme Announces a Deal\n\nContacts:\nAnn Smith\nDirector\n(555) 010-1234\nBob Jones\nAgency, Inc.\n"
     "(555) 010-9876\n\nSpringfield, IL – May 9, 2011 — Acme Corp. today announced a deal with Beta.", "en",
     "2011-05-09"),
    # an invitation: its event line is not its date; the date under the signature is
    ("Pozvánka na tiskovou konferenci\n\nKDY: Středa 4. března 2026 v 10:00 hod.\n\nKDE: Radnice\n\n"
     "Těšíme se na vás.\n\nJana Malá\n2. března 2026", "cs", "2026-03-02"),
])
def test_release_dates_of_page_shapes(text, language, release):
    assert find_release_date(text, language)[0] == release


def test_the_event_line_of_an_invitation_is_a_fact_and_the_closing_date_is_not():
    text = ("Zaproszenie na konferencję\n\nKiedy: wtorek, 5 maja 2026 r.\n\nSerdecznie zapraszamy.\n\n"
            "Anna Nowak, rzeczniczka\n28 kwietnia 2026 r.")
    assert _facts(text, "pl") == [("wtorek, 5 maja 2026 r.", "2026-05-05")]


def test_updated_lines_at_the_bottom_are_no_facts():
    text = ("Szpital podpisał list intencyjny\n\nData utworzenia: 02.03.2021\n\nList podpisano 1 marca 2021 r.\n"
            "Data utworzenia: 02.03.2021\nOstatnia aktualizacja: Jan Kowal\nData aktualizacji: 19.03.2021 - 10:05")
    assert _facts(text, "pl") == [("1 marca 2021 r.", "2021-03-01")]
    text = ("Kreise vertiefen Freundschaft\n\nDie Landkreise vereinbarten am 3. Mai 2024 einen Austausch.\n\n"
            "Inhalt zuletzt aktualisiert am: 21.06.2024")
    assert _facts(text, "de") == [("am 3. Mai 2024", "2024-05-03")]


def test_other_news_under_the_release_and_their_teasers_are_no_facts():
    text = ("Ministr jmenoval ředitele\n\npondělí 7.03.2022\n\nMinistr dnes jmenoval ředitele ústavu.\n\n"
            "Další zprávy\n\nMinistr navštívil školu\n\nčtvrtek 3.03.2022\nMinistr ve čtvrtek dne 3. března "
            "2022 navštívil školu.")
    assert _facts(text, "cs") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a table of opening hours: weekdays with hours are habits
    ("Urząd jest czynny:\n- w poniedziałek: 7:30 – 15:30\n- we wtorek: 8:00 – 17:00", []),
    ("Punkt działa od soboty w godz. 10–14.", []),
    ("Biuro jest otwarte od poniedziałku do piątku.", []),
    # a weekday with one clock time is a day
    ("Sesja odbędzie się we wtorek o godz. 10:00.", [("we wtorek", "2024-03-19")]),
    # a day and a month in figures alone in brackets
    ("Porządek wtorkowej (12.03.) sesji rady.", [("12.03.", "2024-03-12")]),
    ("Zob. pkt (3.1.) regulaminu.", []),
    # the preposition before a weekday belongs to the date in brackets after it
    ("Zapraszamy od wtorku (19 marca) od godz. 8:00.", [("od wtorku (19 marca", "2024-03-19/")]),
])
def test_weekdays_of_opening_hours_and_of_a_bracketed_date(text, expected):
    found = find_dates(text, "pl", dt.date(2024, 3, 14), nearest_year=True)
    assert [(match.text, match.value) for match in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Kooperation wurde bereits 2009 vereinbart.", [("bereits 2009", "2009")]),
    ("Nachdem 1996 die Kreise fusionierten, ging es weiter.", [("Nachdem 1996", "1996")]),
    ("Es kamen 2.000 Besucher.", []),
])
def test_german_bare_years_after_adverbs_of_time(text, expected):
    assert [(match.text, match.value) for match in find_dates(text, "de")] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Budowa ruszy jesienią 2026 r., a skończy się w 2028 roku.", "pl",
     [("jesienią 2026 r.", None), ("w 2028 roku", "2028")]),
    ("The works start in the spring of 2027.", "en", [("in the spring of 2027", None)]),
    ("Die Halle öffnet im Herbst 2026.", "de", [("im Herbst 2026", None)]),
    ("Hala se otevře letos v létě.", "cs", [("letos v létě", None)]),
    ("Program potrwa w latach 2024–2027.", "pl", [("w latach 2024–2027", "2024/2027")]),
])
def test_a_season_with_a_year_is_a_date_without_a_value(text, language, expected):
    assert [(match.text, match.value) for match in find_dates(text, language)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The borough will invest £3m in 2026-27.", [("in 2026-27", "2026-04/2027-03")]),  # a UK financial year
    ("The 2026/27 season starts soon.", [("2026/27", "2026/2027")]),  # no currency: two calendar years
    ("The £3m scheme runs in 2026/2027.", [("in 2026/2027", "2026/2027")]),  # written in full: calendar years
])
def test_a_short_year_pair_in_a_release_in_pounds_is_a_uk_financial_year(text, expected):
    assert [(match.text, match.value) for match in find_dates(text, "en")] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Send bids by 5pm on Friday 6 March 2026.", "en", [("by 5pm on Friday 6 March 2026", "/2026-03-06")]),
    ("Zgłoszenia przyjmujemy do godz. 15:00 w dniu 6 marca 2026 r.", "pl",
     [("do godz. 15:00 w dniu 6 marca 2026 r.", "/2026-03-06")]),
    ("Anträge bis 12 Uhr am 6. März 2026.", "de", [("bis 12 Uhr am 6. März 2026", "/2026-03-06")]),
    # hours on a day, not a deadline
    ("Punkt czynny od 8:00 do 16:00 w dniu 6 marca 2026 r.", "pl", [("w dniu 6 marca 2026 r.", "2026-03-06")]),
])
def test_a_deadline_at_a_clock_time_on_a_day(text, language, expected):
    assert [(match.text, match.value) for match in find_dates(text, language)] == expected
