"""Senses chosen by neighbouring words and release formulas (lang/pl/senses.tsv, phrases.tsv):
short made-up sentences, one a rule."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")


def test_roads_are_not_expensive(gist):
    assert "roads" in gist("Powiat remontuje pięć dróg.")
    assert "expensive" in gist("Bilety są drogie.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Most powstanie po czeskiej stronie rzeki.", "on the Czech side"),
    ("Obie strony umowy ją podpisały.", "parties"),
    ("Wyniki są na stronie urzędu.", "website"),
])
def test_strona_by_its_neighbours(gist, polish, english):
    assert english in gist(polish)


def test_pt_before_a_quoted_title_is_entitled(gist):
    text = gist("Muzeum otwiera wystawę pt. „Stare mapy”.")
    assert "entitled" in text and "Friday" not in text and "entitled." not in text
    assert "Friday" in gist("Urząd jest czynny w pt. do 15.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Szanowni Państwo, dziękujemy.", "Ladies and Gentlemen"),
    ("Zapraszamy Państwa na festyn.", "invite you"),
    ("Z uwagi na pogodę festyn przełożono.", "Due to"),
    ("Firma podwoi moce produkcyjne.", "production capacit"),
    ("Impreza odbędzie się na terenie parku.", "in the park"),
])
def test_release_formulas(gist, polish, english):
    assert english in gist(polish)


def test_do_before_a_date_is_until(gist):
    assert "until 4 May" in gist("Zgłoszenia przyjmujemy do 4 maja.")
    assert "to the school" in gist("Droga do szkoły jest krótka.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Wartość inwestycji wynosi 12 milionów złotych.", "12 million zlotys"),
    ("Gmina otrzyma 300 tys. złotych.", "300 thousand zlotys"),
    ("Dotacja to 2 tysiące złotych.", "2 thousand zlotys"),
])
def test_zlotys_after_numbers_are_money_not_gold(gist, polish, english):
    text = gist(polish)
    assert english in text and "gold" not in text


def test_gold_is_still_gold(gist):
    assert "gold" in gist("Odznaka jest złota.").lower()


def test_an_adjective_with_no_noun_after_a_preposition_is_the_noun(gist):
    assert "for roads and pavements" in gist("Pieniądze trafią na drogi i chodniki.")
    assert "new and old schools" in gist("Pieniądze trafią do nowych i starych szkół.")


def test_verbal_nouns_keep_the_verbs_sense(gist):
    text = gist("Środki przeznaczono na utrzymanie dróg.")
    assert "maintenance" in text and "board" not in text


@pytest.mark.parametrize(("polish", "english", "wrong"), [
    ("UMOWA POMIĘDZY GMINĄ KOZY I GMINĄ PORĄBKA", " and ", "first"),
    ("I tak zakończył się festyn.", "And so", " I "),
])
def test_capital_i_is_and(gist, polish, english, wrong):
    text = gist(polish)
    assert english in text and wrong not in text


def test_i_before_a_noun_is_still_the_first(gist):
    assert "First stage" in gist("I etap prac zakończył się.")


def test_panstwa_in_an_institution_is_the_state(gist):
    assert "borders of the State" in gist("Przedstawiciele Straży Granicznej dbają o ochronę granic Państwa.")
    assert "you" in gist("Serdecznie zapraszamy Państwa na spotkanie.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Studenci Uniwersytetu Mikołaja Kopernika wezmą udział.", "Mikołaj Kopernik University"),
    ("Spotkanie z rektorem Akademii Leona Koźmińskiego.", "Leon Koźmiński Academy"),
])
def test_an_institution_named_after_a_person_follows_the_name(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "english"), [
    ("Umowę podpisano z Gminą Sztum.", "Municipality of Sztum"),
    ("Wójt Gminy Kuślin i wójt Gminy Przemęt spotkali się.", "Municipality of Przemęt"),
])
def test_a_territorial_unit_before_its_name_is_of_the_place(gist, polish, english):
    text = gist(polish)
    assert english.lower() in text.lower() and "municipalities" not in text.lower()


@pytest.mark.parametrize(("polish", "english"), [
    ("Szkolenia z zakresu bezpieczeństwa odbędą się w maju.", "in the field of safety"),
    ("Porozumienie podpisał ze strony uczelni rektor.", "on behalf of the university"),
    ("Obecnie dobiegają końca procedury przetargowe.", "procedures come to an end"),
    ("Konferencja odbyła się z inicjatywy rektora.", "on the initiative of the rector"),
    ("Spotkanie odbyło się w siedzibie urzędu.", "at the headquarters of the office"),
])
def test_more_release_formulas(gist, polish, english):
    assert english in gist(polish)


def test_nie_ma_takes_the_genitive_reading(gist):
    assert "There is no city" in gist("Nie ma miasta bez szkoły.")


def test_an_abstract_genitive_stays_singular(gist):
    text = gist("Celem jest rozwój przedsiębiorczości.")
    assert "entrepreneurship" in text and "entrepreneurships" not in text
    assert "many opportunities" in gist("Gmina ma wiele możliwości.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Propozycje te zaakceptuje rada.", "these proposals"),
    ("Załącznik ten zawiera listę.", "This attachment"),
])
def test_a_demonstrative_after_its_noun_goes_before_it(gist, polish, english):
    assert english in gist(polish)


def test_to_after_a_noun_is_still_the_copula(gist):
    assert "Support is help" in gist("Wsparcie to pomoc dla gmin.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Dzień poświęcono w całości współpracy.", "entirely"),
    ("Uczelnie biorą udział w różnego rodzaju projektach.", "various kinds of projects"),
    ("Razem możemy powalczyć o pieniądze.", "fight for funds"),
])
def test_idioms_as_data(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "english"), [
    ("Powstaną dwie hale o łącznej powierzchni 900 m2.", "with a total area of"),
    ("Region odchodzi od węgla.", "moves away from coal"),
    ("Dla uczniów przygotowano zajęcia z biologii.", "classes were prepared in"),
    ("Raport pokazuje, jak traktujemy przyrodę.", "shows, how we treat"),
    ("W razie potrzeby centrum wzywa pogotowie.", "If necessary"),
])
def test_senses_and_formulas_of_measures_and_classes(gist, polish, english):
    assert english in gist(polish)


def test_w_tym_before_a_locative_is_in_this(gist):
    assert "In this city" in gist("W tym mieście powstanie park.")
    assert "including two" in gist("Gmina ma 5 szkół, w tym dwie nowe.")


def test_a_verb_term_yields_to_an_adjective_of_its_object(gist):
    text = gist("Podpisanie umowy partnerskiej odbyło się w maju.")
    assert "partner agreement" in text and "agreement partner" not in text
    assert "Signing an agreement" in gist("Podpisanie umowy odbyło się w maju.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Od 20 lat działa w gminie.", "For 20 years"),
    ("Liczymy, że współpraca będzie owocna.", "We expect"),
    ("Otrzymał odznakę nadawaną przez ministra.", "granted by the minister"),
])
def test_senses_of_time_expectation_and_awards(gist, polish, english):
    assert english in gist(polish)


def test_a_hospital_department_keeps_its_subject_before_a_coordinated_genitive(gist):
    text = gist("Oddział Kardiologii i Chirurgii otrzymał sprzęt.")
    assert "Surgery received equipment" in text and "Department" in text
    assert "Municipalities received grants" in gist("Dotacje otrzymały gminy.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Gliwice przedstawiają plan za 96 mln zł.", "for 96 million"),
    ("Prosimy o potwierdzenie obecności do godz. 12.00.", "confirmation of presence until 12.00"),
])
def test_prices_and_deadlines(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "english"), [
    ("Wójt Gminy Kuślin podpisał umowę.", "Head of the Municipality of Kuślin"),
    ("Dzisiaj w siedzibie Starostwa Powiatowego podpisano umowę.", "County Office"),
    ("Uczniowie Zespołu Szkół nr 2 wzięli udział.", "School Complex"),
])
def test_local_government_names(gist, polish, english):
    text = gist(polish)
    assert english in text and "County County" not in text


def test_a_noun_term_yields_to_an_adjective_of_its_genitive(gist):
    assert "Technical Schools" in gist("Uczniowie Zespołu Szkół Technicznych wzięli udział.")
