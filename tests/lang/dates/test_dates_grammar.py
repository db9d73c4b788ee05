"""The date grammar, one case per form it must read, in Polish, English and the other languages.

Each case: (language, text, the expected date text, the expected ISO value). The reference
(release) date is Thursday 14 March 2024 unless a case says otherwise.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pressnlp import lang
from pressnlp.lang.dates import available_languages, find_dates, find_release_date, metadata_dates
from pressnlp.stages.extract.dates import extract_dates

REFERENCE = dt.date(2024, 3, 14)

POLISH = [
    ("Umowę podpisano 15 marca 2024 r. w Katowicach.", "15 marca 2024 r.", "2024-03-15"),
    ("Termin składania: 15.03.2024 r.", "15.03.2024 r.", "2024-03-15"),
    ("Wydarzenie 2024-03-15 w Spodku.", "2024-03-15", "2024-03-15"),
    ("Projekt ruszył we wrześniu 2021 r. i trwa.", "we wrześniu 2021 r.", "2021-09"),
    ("Sieć rozbudowano w 2023 roku.", "w 2023 roku", "2023"),
    ("Konferencja odbędzie się w dniach 12–14 czerwca 2024 r. w MCK.",
     "w dniach 12–14 czerwca 2024 r.", "2024-06-12/2024-06-14"),
    ("Linie kursują od 1 lipca do 30 września 2024 roku.",
     "od 1 lipca do 30 września 2024 roku", "2024-07-01/2024-09-30"),
    ("Prace potrwają do końca 2025 r.", "do końca 2025 r.", "/2025-12"),
    ("Program trwał do grudnia 2023 r.", "do grudnia 2023 r.", "/2023-12"),
    ("Budowa ruszy w III kwartale 2024 r.", "w III kwartale 2024 r.", "2024-07/2024-09"),
    ("Nabór w pierwszym półroczu 2025 r.", "w pierwszym półroczu 2025 r.", "2025-01/2025-06"),
    ("Spotkanie we wtorek 5 listopada.", "we wtorek 5 listopada", "2024-11-05"),
    ("Wyniki poznamy w czerwcu.", "w czerwcu", "2024-06"),
    ("Umowa zostanie podpisana w przyszłym tygodniu.", "w przyszłym tygodniu", "2024-03-18/2024-03-24"),
    ("Zapisy ruszają jutro.", "jutro", "2024-03-15"),
    ("Kolejna edycja w przyszłym roku.", "w przyszłym roku", "2025"),
    ("Nabór trwa do 19.04.2024.", "do 19.04.2024", "/2024-04-19"),
    ("Od 1 stycznia 2025 r. obowiązuje nowa taryfa.", "Od 1 stycznia 2025 r.", "2025-01-01/"),
    ("Start od II kwartału 2024 r.", "od II kwartału 2024 r.", "2024-04/"),
    ("Harmonogram: maj–czerwiec 2024 r.", "maj–czerwiec 2024 r.", "2024-05/2024-06"),
    ("Nabór 15.07.2024–30.09.2024.", "15.07.2024–30.09.2024", "2024-07-15/2024-09-30"),
    ("Projekt realizowany w latach 2025–2028.", "w latach 2025–2028", "2025/2028"),
    ("Sezon od maja do października 2023 r.", "od maja do października 2023 r.", "2023-05/2023-10"),
    ("Wystawa od 28 czerwca 2025 r. do 11 stycznia 2026 r.",
     "od 28 czerwca 2025 r. do 11 stycznia 2026 r.", "2025-06-28/2026-01-11"),
    ("Instalacje ruszą w marcu br.", "w marcu br.", "2024-03"),
    ("Do końca przyszłego roku powstanie 20 instalacji.", "Do końca przyszłego roku", "/2025-12"),
    ("Otwarcie w sobotę 16 marca.", "w sobotę 16 marca", "2024-03-16"),
    ("Dotacje wypłacimy w 2025 r.", "w 2025 r.", "2025"),
    ("Gala odbędzie się 14 marca (czwartek) 2024 r. w hali.", "14 marca (czwartek) 2024 r.", "2024-03-14"),
    ("Hala powstanie w pierwszej połowie 2026 roku.", "w pierwszej połowie 2026 roku", "2026-01/2026-06"),
    ("Zajęcia w roku szkolnym 2025/2026 są bezpłatne.", "2025/2026", "2025/2026"),
    ("Budżet na rok akademicki 2025/26 przyjęto.", "2025/26", "2025/2026"),
    ("Zgłoszenia do 4 lut 2025 r. w sekretariacie.", "do 4 lut 2025 r.", "/2025-02-04"),
    ("Termin minął 12 wrz. 2023.", "12 wrz. 2023", "2023-09-12"),
    ("Sesja we wtorek – 19 marca br. w sali.", "we wtorek – 19 marca br.", "2024-03-19"),
    ("Zapraszamy w poniedziałek\n18 marca o 10.", "w poniedziałek\n18 marca", "2024-03-18"),
    ("Prace zakończą się w roku bieżącym.", "w roku bieżącym", "2024"),
    ("Z dniem 1 lipca 2024 r. urząd przyjmuje wnioski.", "Z dniem 1 lipca 2024 r.", "2024-07-01/"),
    ("Plan na pierwszą połowę 2026 roku gotowy.", "na pierwszą połowę 2026 roku", "2026-01/2026-06"),
    ("Zgodnie z ustawą z dnia 8 marca 1990 r. (Dz. U. z 2023 r. poz. 40) gmina od 1 maja 2024 r. płaci.",
     "od 1 maja 2024 r.", "2024-05-01/"),
]

ENGLISH = [
    ("The lab opened on 14 March 2024.", "on 14 March 2024", "2024-03-14"),
    ("The forum runs March 14–16, 2024 in Brussels.", "March 14–16, 2024", "2024-03-14/2024-03-16"),
    ("Lines run from 1 July to 30 September 2024.", "from 1 July to 30 September 2024",
     "2024-07-01/2024-09-30"),
    ("All sites will open by the end of 2025.", "by the end of 2025", "/2025-12"),
    ("Construction starts in Q3 2024.", "in Q3 2024", "2024-07/2024-09"),
    ("The board meets next Tuesday.", "next Tuesday", "2024-03-19"),
    ("Design starts in the third quarter of 2024.", "in the third quarter of 2024", "2024-07/2024-09"),
    ("Results are due in the first half of 2025.", "in the first half of 2025", "2025-01/2025-06"),
    ("Applications are open until 15 April 2024.", "until 15 April 2024", "/2024-04-15"),
    ("It was opened on Monday, 11 March, by the mayor.", "on Monday, 11 March", "2024-03-11"),
    ("Houses built between 1965 and 1978 qualify.", "between 1965 and 1978", "1965/1978"),
    ("Works begin in May.", "in May", "2024-05"),
    ("Deadline: July 1, 2024.", "July 1, 2024", "2024-07-01"),
    ("The call is open from February 3, 2025 until May 16, 2025.",
     "from February 3, 2025 until May 16, 2025", "2025-02-03/2025-05-16"),
    ("Pilots ran from October 2023 to March 2024.", "from October 2023 to March 2024", "2023-10/2024-03"),
    ("Funding is available from 2025.", "from 2025", "2025/"),
    ("The summer school runs between June and September 2025.", "between June and September 2025",
     "2025-06/2025-09"),
    ("Reviews close by October 17, 2024.", "by October 17, 2024", "/2024-10-17"),
    ("The homes follow the programme for the years 2024–2028.", "for the years 2024–2028", "2024/2028"),
    ("The exercise took place November 6–7, 2024.", "November 6–7, 2024", "2024-11-06/2024-11-07"),
    ("Webinars on February 25 and March 4.", "on February 25", "2024-02-25"),
    ("It was founded in 1583.", None, None),
    ("The fair runs March 3–5, 2025 in Leeds.", "March 3–5, 2025", "2025-03-03/2025-03-05"),
    ("Tickets are on sale until 4 Feb 2025.", "until 4 Feb 2025", "/2025-02-04"),
    ("The hub has been open since May 2023.", "since May 2023", "2023-05/"),
    ("Trams will run every ten minutes from June 2025.", "from June 2025", "2025-06/"),
    ("The 2025-26 budget adds two clinics.", "2025-26", "2025/2026"),
    ("Pupils start the 2024/25 year with new books.", "2024/25", "2024/2025"),
    ("The fair takes place on November 28 this year.", "on November 28 this year", "2024-11-28"),
]

OTHERS = [
    ("de", "Leipzig, 14. März 2024", "14. März 2024", "2024-03-14"),
    ("de", "Die Anlage soll ab dem vierten Quartal 2026 liefern.", "ab dem vierten Quartal 2026", "2026-10/"),
    ("de", "Vom 8. bis 10. April 2024 informieren die Stadtwerke.", "Vom 8. bis 10. April 2024",
     "2024-04-08/2024-04-10"),
    ("de", "Das zweite Modul folgt bis Ende 2027.", "bis Ende 2027", "/2027-12"),
    ("de", "Die Bauarbeiten beginnen im Mai.", "im Mai", "2024-05"),
    ("cs", "Přihlášky do 31. května 2024.", "do 31. května 2024", "/2024-05-31"),
    ("cs", "Provoz ve druhém pololetí 2025.", "ve druhém pololetí 2025", "2025-07/2025-12"),
    ("cs", "Hotovo do konce roku 2026.", "do konce roku 2026", "/2026-12"),
    ("cs", "Den otevřených dveří v sobotu 20. dubna.", "v sobotu 20. dubna", "2024-04-20"),
    ("sk", "Otvorenie v sobotu 15. júna.", "v sobotu 15. júna", "2024-06-15"),
    ("sk", "Práce v rokoch 2025 až 2026.", "v rokoch 2025 až 2026", "2025/2026"),
    ("sk", "Trasa bude hotová do konca septembra 2024.", "do konca septembra 2024", "/2024-09"),
    ("sk", "Súťaž potrvá do 3. feb. 2025.", "do 3. feb. 2025", "/2025-02-03"),
    ("sk", "Štúdium v akademickom roku 2025/2026 je zdarma.", "roku 2025/2026", "2025/2026"),
    ("cs", "Lhůta skončila 3. led. 2024.", "3. led. 2024", "2024-01-03"),
    ("de", "Die Messe öffnet am 3. Jan. 2025.", "am 3. Jan. 2025", "2025-01-03"),
    ("de", "Das Werk liefert im ersten Halbjahr 2026.", "im ersten Halbjahr 2026", "2026-01/2026-06"),
    ("uk", "Укриття мають бути готові до 2 вересня 2024 року.", "до 2 вересня 2024 року", "/2024-09-02"),
    ("uk", "Роботи тривали 26–28 серпня 2024 року.", "26–28 серпня 2024 року", "2024-08-26/2024-08-28"),
    ("uk", "У 2025 році буде ще 5 шкіл.", "У 2025 році", "2025"),
    ("uk", "Ремонт у третьому кварталі 2024 року.", "у третьому кварталі 2024 року", "2024-07/2024-09"),
    ("fr", "Les travaux débutent en janvier 2025.", "en janvier 2025", "2025-01"),
    ("fr", "Réunions du 4 au 22 novembre 2024.", "du 4 au 22 novembre 2024", "2024-11-04/2024-11-22"),
    ("fr", "Objectif : d'ici à la fin de 2029.", "d'ici à la fin de 2029", "/2029-12"),
    ("fr", "Immeubles construits entre 1962 et 1975.", "entre 1962 et 1975", "1962/1975"),
    ("fr", "Réunion publique lundi 18 mars.", "lundi 18 mars", "2024-03-18"),
    ("es", "Abrirá el 1 de enero de 2025.", "el 1 de enero de 2025", "2025-01-01"),
    ("es", "Obras entre julio y septiembre de 2025.", "entre julio y septiembre de 2025", "2025-07/2025-09"),
    ("es", "Alegaciones hasta el 15 de enero de 2025.", "hasta el 15 de enero de 2025", "/2025-01-15"),
    ("es", "Del 1 de julio al 30 de septiembre de 2024.", "Del 1 de julio al 30 de septiembre de 2024",
     "2024-07-01/2024-09-30"),
    # figures with a space after each dot, and a day and month in figures after a weekday
    ("cs", "Kontrola proběhla 4. 2. 2019 v Olomouci.", "4. 2. 2019", "2019-02-04"),
    ("sk", "Stretnutie bude v utorok 19. 3. na úrade.", "v utorok 19. 3.", "2024-03-19"),
    ("cs", "Jednání se koná v pondělí 18. 3. v Brně.", "v pondělí 18. 3.", "2024-03-18"),
    # a locating word between the weekday and the day
    ("cs", "Vystoupí v neděli dne 17. března 2024 v rozhlase.", "v neděli dne 17. března 2024", "2024-03-17"),
    # two days side by side are one span; "back to" is a year, not an open end
    ("de", "Das Forum tagt am 18. und 19. September 2024 in Halle.", "am 18. und 19. September 2024",
     "2024-09-18/2024-09-19"),
    ("cs", "Tradice sahá do roku 1994.", "do roku 1994", "1994"),
]

SPANS_AND_REACH = [
    ("pl", "Współpraca sięga swoimi korzeniami do 1994 r.", "do 1994 r.", "1994"),
    ("pl", "Umowa obowiązuje do 1994 r.", "do 1994 r.", "/1994"),
    ("en", "A partnership dating back to 1994 continues.", "to 1994", "1994"),
    ("pl", "Targi odbędą się 5 i 6 czerwca w hali.", "5 i 6 czerwca", "2024-06-05/2024-06-06"),
    ("pl", "Dyżury 5 i 12 czerwca w hali.", "12 czerwca", "2024-06-12"),
    ("en", "Workshops run between 10 and 14 March 2025 in Leeds.", "10 and 14 March 2025", "2025-03-10/2025-03-14"),
]


@pytest.mark.parametrize(("language", "text", "expected_text", "value"), SPANS_AND_REACH)
def test_back_to_and_day_pairs(language, text, expected_text, value):
    assert _only(text, language) == [(expected_text, value)]


def _only(text: str, language: str, reference: dt.date | None = REFERENCE) -> list[tuple[str, str | None]]:
    return [(match.text, match.value) for match in find_dates(text, language, reference, nearest_year=True)]


@pytest.mark.parametrize(("text", "expected_text", "value"), POLISH)
def test_polish(text, expected_text, value):
    assert _only(text, "pl") == [(expected_text, value)]


@pytest.mark.parametrize(("text", "expected_text", "value"), ENGLISH)
def test_english(text, expected_text, value):
    found = _only(text, "en")
    if expected_text is None:
        assert found == []
    else:
        assert found[0] == (expected_text, value)


@pytest.mark.parametrize(("language", "text", "expected_text", "value"), OTHERS)
def test_other_languages(language, text, expected_text, value):
    assert _only(text, language)[0] == (expected_text, value)


@pytest.mark.parametrize("text", [
    "Kwota 2 500 zł na 1200 uczniów.",
    "Kontakt: tel. 32 728 46 00, +48 601 552 903.",
    "Projekt dofinansowano z programu Fundusze Europejskie dla Śląskiego 2021-2027.",
    "Punkt czynny od poniedziałku do piątku w godz. 10.00–18.00.",
    "Aplikacja w wersji 2.10.1 działa na Androidzie 12.",
    "Biuro mieści się przy ul. 3 Maja 12 w Katowicach.",
    "Coś sie zmieniło w sie i lis biegł przez pole.",
    "Wyniki 2025-27 i 2024/2023 to nie lata szkolne.",
    "Linie W1–W4 kursują w soboty i niedziele.",
])
def test_numbers_that_are_not_dates(text):
    assert _only(text, "pl") == []


def test_english_modal_may_is_not_a_month():
    assert _only("Residents may apply online. Prices may 5 times rise.", "en") == []


def test_dateparser_pitfalls_are_read_right():
    """The two failures that made us write the grammar: "się" is not August, and "we wrześniu
    2021 r." is September 2021."""
    found = _only("Okazało się, że we wrześniu 2021 r. zmieniło się wszystko.", "pl")
    assert found == [("we wrześniu 2021 r.", "2021-09")]


def test_relative_dates_need_a_reference():
    assert _only("Zapisy ruszają jutro, w czerwcu i w przyszłym roku.", "pl", None) == [
        ("jutro", None), ("w czerwcu", None), ("w przyszłym roku", None)]


def test_weekday_picks_the_year_in_which_it_falls_on_that_weekday():
    # 5 November is a Tuesday in 2024, a Wednesday in 2025: a January 2025 release means 2024.
    assert _only("we wtorek 5 listopada", "pl", dt.date(2025, 1, 20)) == [("we wtorek 5 listopada", "2024-11-05")]


def test_month_without_year_is_the_nearest_one():
    november = dt.date(2024, 11, 20)
    assert _only("W styczniu ruszy aplikacja.", "pl", november) == [("W styczniu", "2025-01")]
    assert _only("In March the pilot ended.", "en", dt.date(2024, 6, 20)) == [("In March", "2024-03")]
    same_year = find_dates("W styczniu ruszy aplikacja.", "pl", november, nearest_year=False)
    assert same_year[0].value == "2024-01"


def test_weekday_alone_is_the_nearest_such_day():
    wednesday = dt.date(2024, 5, 8)
    assert _only("The council voted on Monday.", "en", wednesday) == [("on Monday", "2024-05-06")]
    assert _only("Podpisanie w piątek.", "pl", wednesday) == [("w piątek", "2024-05-10")]


def test_every_language_file_loads_with_twelve_months_and_seven_weekdays():
    assert set(available_languages()) >= {"pl", "en", "de", "cs", "sk", "uk", "fr", "es"}
    for language in available_languages():
        lexicon = lang.get(language).dates
        assert set(lexicon.months.values()) == set(range(1, 13)), language
        assert set(lexicon.weekdays.values()) == set(range(1, 8)), language


def test_polish_months_are_known_in_every_case():
    lexicon = lang.get("pl").dates
    for form in ("styczeń", "stycznia", "styczniu", "wrzesień", "września", "wrześniu", "listopadzie"):
        assert lexicon.month(form) in {1, 9, 11}


@pytest.mark.parametrize(("text", "iso"), [
    ("Tytuł komunikatu\n\nKatowice, 14 marca 2024 r.\n\nTreść.", "2024-03-14"),
    ("Title\n\nEdinburgh, 6 February 2024\n\nBody.", "2024-02-06"),
    ("Titel\n\nLeipzig, 14. März 2024\n\nText.", "2024-03-14"),
    ("Title\n\nMarch 14, 2024\n\nBody.", "2024-03-14"),
    ("Tytuł\n\nData publikacji: 14.03.2024\n\nTreść.", "2024-03-14"),
    ("Název\n\nLiberec, 14. března 2024\n\nText.", "2024-03-14"),
    ("Názov\n\nBratislava 12. júna 2024\n\nText.", "2024-06-12"),
    ("Заголовок\n\nЛьвів, 14 березня 2024 р.\n\nТекст.", "2024-03-14"),
    ("Titre\n\nLyon, le 14 mars 2024\n\nTexte.", "2024-03-14"),
    ("Título\n\nValència, 14 de marzo de 2024\n\nTexto.", "2024-03-14"),
    ("Tytuł\n\n2024-03-15\n\nTreść.", "2024-03-15"),
    ("Bratislava 12. júna 2024\n\nMesto otvorilo novú knižnicu.", "2024-06-12"),
    ("Brno 3. března 2025 – Město otevřelo novou knihovnu pro všechny obyvatele kraje.", "2025-03-03"),
    ("KATOWICE, 14 marca 2024 r. – Spółka podpisała umowę o budowie nowej hali w mieście.", "2024-03-14"),
    ("Název\n\npátek 11.01.2019\n\nText.", "2019-01-11"),
    ("Zprávy, Věda a výzkum 3. 4. 2024\n\nNázev\n\nText.", "2024-04-03"),
    ("Titel\n\nXstadt, 20. März 2025. Die Stadtwerke bauen auf der alten Deponie einen Solarpark mit vielen "
     "Modulen und zehn Megawatt Leistung.", "2025-03-20"),
    ("Title\n\nSPRINGTOWN, Ohio (February 18, 2025) — The university will host a summit on grid resilience "
     "with partners from the whole region.", "2025-02-18"),
    ("Title\n\nRIVERTON, Canada, Jan. 21, 2026 /PRNewswire/ -- The alliance signed a memorandum with a media "
     "group on January 20 to exchange programmes.", "2026-01-21"),
    ("Title\n\n08 July 2014: The mayor opened the new depot and thanked everyone who worked on it over the "
     "last three years, from the planners to the crews on site.", "2014-07-08"),
    # a release label with its number and "of" before the date, or "of" alone
    ("Titel\n\nvom 26.10.2017\n\nAm 7. November treffen sich die Bürgermeister.", "2017-10-26"),
    ("Titel\n\nPressemitteilung Nr. 134 / 2005 vom 27.07.2005\n\nText.", "2005-07-27"),
    ("Titel\n\n(Pressemitteilung 254/2016 vom 23.06.2016)\n\nText.", "2016-06-23"),
    ("Tytuł\n\nKomunikat prasowy nr 5/2024 z dnia 14.03.2024 r.\n\nTreść.", "2024-03-14"),
    ("Název\n\nTisková zpráva ze dne 3. 4. 2025\n\nText.", "2025-04-03"),
    ("Názov\n\nTlačová správa zo dňa 3. 4. 2025\n\nText.", "2025-04-03"),
    ("Titre\n\nCommuniqué de presse du 3 avril 2025\n\nTexte.", "2025-04-03"),
])
def test_release_date_line(text, iso):
    found = find_release_date(text)
    assert found is not None and found[0] == iso
    start, end = found[1]
    assert text[start:end].strip()


def test_a_date_line_compiles_only_the_grammars_of_languages_whose_months_it_names():
    """Each language's grammar takes ~20 ms to compile; the languages are tried in order."""
    from pressnlp.lang.dates.grammar import _grammar

    _grammar.cache_clear()
    assert find_release_date("Tytuł\n\nKatowice, 14 marca 2024 r.\n\nTreść.")[0] == "2024-03-14"
    assert _grammar.cache_info().currsize == 1
    # a numeric date can be any language's: each is tried up to the first that finds it
    assert find_release_date("Název\n\n11.01.2019\n\nText.")[0] == "2019-01-11"


def test_a_title_that_mentions_a_date_is_not_the_date_line():
    assert find_release_date("Konferencja 15 marca 2024 r. w Katowicach\n\nTreść bez daty.") is None
    body = "Tytuł\n\n" + "Umowę podpisano 15 marca 2024 r. w obecności wielu gości z całego regionu. " * 3
    assert find_release_date(body) is None
    assert find_release_date("Konference, která změní město 3. 4. 2024\n\nText.") is None
    assert find_release_date("Konferencja 15 marca 2024. Zapraszamy wszystkich\n\nTreść.") is None
    # "vom" after words that are no release label is a sentence's
    assert find_release_date("Titel\n\nDer Vertrag vom 26.10.2017 wurde in Leipzig erneuert, sagte der "
                             "Bürgermeister am Rande der Sitzung.\n\nText.") is None


def test_extract_dates_offsets_are_exact_and_the_date_line_is_skipped():
    text = ("Metropolia podpisała umowę\n\nKatowice, 14 marca 2024 r.\n\n"
            "Dziś Metropolia ogłosiła, że od 1 lipca do 30 września 2024 roku kursują linie, "
            "a do końca 2025 r. powstanie 20 instalacji. Nabór do końca 2025 r. także.")
    release = find_release_date(text)
    items = extract_dates(text, "pl", REFERENCE, ignore_spans=[release[1]])
    assert [item["value"] for item in items] == ["2024-07-01/2024-09-30", "/2025-12"]
    for item in items:
        assert text[item["start"]:item["end"]] == item["text"]
    everything = extract_dates(text, "pl", REFERENCE, unique_values=False, skip_reference_day=False)
    assert [item["value"] for item in everything] == [
        "2024-03-14", "2024-03-14", "2024-07-01/2024-09-30", "/2025-12", "/2025-12"]


@pytest.mark.parametrize(("text", "reference", "value"), [
    ("od 15 grudnia do 15 stycznia", dt.date(2024, 11, 20), "2024-12-15/2025-01-15"),
    ("od 1 lipca do 30 września", dt.date(2024, 3, 1), "2024-07-01/2024-09-30"),
    ("15 stycznia", dt.date(2024, 12, 10), "2025-01-15"),
    ("15 grudnia", dt.date(2024, 1, 10), "2023-12-15"),
    ("29 lutego", dt.date(2025, 1, 10), "2024-02-29"),
    ("w lutym", dt.date(2024, 8, 20), "2024-02"),
    ("w drugim półroczu", dt.date(2024, 3, 14), "2024-07/2024-12"),
    ("w I kwartale przyszłego roku", dt.date(2024, 3, 14), "2025-01/2025-03"),
    ("I półrocze 2025 r.", dt.date(2024, 3, 14), "2025-01/2025-06"),
])
def test_year_of_dates_without_one(text, reference, value):
    assert [match.value for match in find_dates(text, "pl", reference, nearest_year=True)] == [value]


def test_page_metadata_at_the_bottom_dates_a_release_without_a_date_line():
    text = ("Aktuality\n\nPodpis memoranda\n\nUniverzita podpísala memorandum 5. októbra 2019.\n\n"
            "Dátum vloženia: 7.10.2019\nDátum aktualizácie: 13.10.2019")
    assert find_release_date(text, "sk")[0] == "2019-10-07"
    assert [item["value"] for item in extract_dates_of(text, "sk")] == ["2019-10-05"]


def test_page_metadata_dates_are_no_facts():
    text = ("Memorandum podpísané\nDátum vloženia: 7.10.2019\nDátum aktualizácie: 13.10.2019 10:22\n\n"
            "Univerzita podpísala memorandum 5. októbra 2019.")
    assert find_release_date(text, "sk")[0] == "2019-10-07"
    assert [item["value"] for item in extract_dates_of(text, "sk")] == ["2019-10-05"]


def extract_dates_of(text: str, language: str) -> list[dict]:
    release = find_release_date(text, language)
    metadata = [span for _, span in metadata_dates(text)]
    return extract_dates(text, language, REFERENCE, ignore_spans=[release[1], *metadata])


def test_the_tense_of_the_sentence_picks_the_side_of_the_release_date():
    may = dt.date(2025, 5, 14)  # a Wednesday
    assert _only("Der Kreistag hatte die Einführung im Dezember beschlossen.", "de", may) == [
        ("im Dezember", "2024-12")]
    assert _only("Die Linie wird im Dezember eröffnet.", "de", may) == [("im Dezember", "2025-12")]
    # without a tense word, the nearest Monday (two days back); with one, the next
    assert _only("Sesja w poniedziałek.", "pl", may) == [("w poniedziałek", "2025-05-12")]
    assert _only("Sesja odbędzie się w poniedziałek.", "pl", may) == [("w poniedziałek", "2025-05-19")]
    assert _only("Umowę podpisano w styczniu, a prace odbyły się w lutym.", "pl", dt.date(2024, 11, 20))[1] == (
        "w lutym", "2024-02")


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Eine Delegation war bereits im vergangenen Oktober zu Gast.", ("im vergangenen Oktober", "2024-10")),
    ("de", "Der Vertrag soll im kommenden Februar verlängert werden.", ("im kommenden Februar", "2026-02")),
    ("en", "The two cities first met last October.", ("last October", "2024-10")),
    ("en", "The board meets again next March.", ("next March", "2026-03")),
    ("pl", "Delegacja gościła u nas w ubiegłym październiku.", ("w ubiegłym październiku", "2024-10")),
])
def test_a_month_named_next_or_last_lies_on_that_side_of_the_release_date(language, text, expected):
    """Even in a sentence without a tense word, and for a month that is nearer on the other side."""
    assert _only(text, language, dt.date(2025, 6, 23)) == [expected]
