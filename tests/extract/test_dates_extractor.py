"""The `dates` sub-extractor on a Doc, as the extract stage runs it."""
from __future__ import annotations

import datetime as dt

from pressnlp.core.stage import StageContext
from pressnlp.stages.extract.dates import DateExtractor, DateOptions
from pressnlp.stages.extract.text import Doc

TEXT = ("Metropolia rozdzieli 48 mln zł na fotowoltaikę\n\nKatowice, 20 lutego 2024 r.\n\n"
        "Dziś zarząd przyjął regulamin. Nabór potrwa od 4 do 29 marca 2024 r., a instalacje powstaną "
        "w III kwartale 2024 r. Do końca przyszłego roku na dachach pojawi się 120 instalacji. "
        "Nabór od 4 do 29 marca 2024 r. poprowadzi Departament Energii.")


def _extract(options: DateOptions, reference: dt.date | None = None) -> list[dict]:
    extractor = DateExtractor(options, StageContext())
    extractor.setup()
    return extractor.extract(Doc(TEXT, "pl", reference=reference))


def test_dates_of_the_subject_each_once_without_the_release_date():
    items = _extract(DateOptions())
    assert [(item["text"], item["value"]) for item in items] == [
        ("od 4 do 29 marca 2024 r.", "2024-03-04/2024-03-29"),
        ("w III kwartale 2024 r.", "2024-07/2024-09"),
        ("Do końca przyszłego roku", "/2025-12"),  # resolved against the date line's 2024-02-20
    ]
    for item in items:
        assert TEXT[item["start"]:item["end"]] == item["text"]


def test_options_keep_the_release_date_and_repeated_values():
    items = _extract(DateOptions(skip_release_date=False, unique_values=False), dt.date(2024, 2, 20))
    assert [item["value"] for item in items] == [
        "2024-02-20", "2024-02-20", "2024-03-04/2024-03-29", "2024-07/2024-09", "/2025-12",
        "2024-03-04/2024-03-29"]


UNDATED = ("Stowarzyszenie zaprasza na spotkanie\n\nW dniu 12 maja 2022 r. odbyło się pierwsze spotkanie. "
           "Kolejne inicjatywy zrealizujemy w bieżącym roku, a podsumowanie w czerwcu.")


def test_a_release_without_its_own_date_resolves_relative_dates_against_the_latest_day_it_states():
    extractor = DateExtractor(DateOptions(), StageContext())
    items = [(item["text"], item["value"]) for item in extractor.extract(Doc(UNDATED, "pl"))]
    assert items == [("W dniu 12 maja 2022 r.", "2022-05-12"), ("w bieżącym roku", "2022"),
                     ("w czerwcu", "2022-06")]
    unanchored = DateExtractor(DateOptions(anchor_undated=False), StageContext())
    assert [item["value"] for item in unanchored.extract(Doc(UNDATED, "pl"))] == ["2022-05-12", None]



def test_an_undated_release_anchors_on_the_end_of_a_span_of_days_in_that_days_year():
    text = ("Wizyta w gminie partnerskiej\n\nW dniach od 30 września do 3 października 2016 roku odbyła się "
            "wizyta. 1 października podpisano porozumienie.\n\nOd 2 października urząd będzie czynny dłużej, "
            "a od 5 października 2016 r. także w soboty.")
    extractor = DateExtractor(DateOptions(), StageContext())
    values = [item["value"] for item in extractor.extract(Doc(text, "pl"))]
    # "1 października" from the span's year; "Od 2 października", said of the future, is not pushed a year on
    assert values == ["2016-09-30/2016-10-03", "2016-10-01", "2016-10-02/", "2016-10-05/"]


def test_a_repeated_date_line_is_not_a_fact():
    """A web page repeats its headline and date line; neither copy is a date of the subject."""
    text = ("Miasto buduje park\n\nXowo, 20.02.2025\n\nInwestycje\n\nMiasto buduje park\n\nXowo, 20.02.2025\n\n"
            "Prace potrwają do końca 2025 r.")
    extractor = DateExtractor(DateOptions(), StageContext())
    assert [item["value"] for item in extractor.extract(Doc(text, "pl"))] == ["/2025-12"]


def test_polish_abbreviated_last_and_this_year():
    text = "Gmina otwiera biuro\n\nW październiku ub. roku złożono wniosek, a 28 stycznia br. podpisano umowę."
    extractor = DateExtractor(DateOptions(), StageContext())
    items = extractor.extract(Doc(text, "pl", reference=dt.date(2017, 3, 2)))
    assert [item["value"] for item in items] == ["2016-10", "2017-01-28"]


def test_yesterday_restates_the_day_of_writing_and_is_no_fact_but_its_date_in_figures_is():
    text = "Gmina otrzymała dotację\n\nWczoraj podpisano umowę, a wczoraj (21.07) odebrano czek. Jutro spotkanie."
    extractor = DateExtractor(DateOptions(), StageContext())
    items = extractor.extract(Doc(text, "pl", reference=dt.date(2021, 7, 22)))
    assert [(item["text"], item["value"]) for item in items] == [("21.07", "2021-07-21"), ("Jutro", "2021-07-23")]
