"""Polish morphology (Morfeusz): canonical nominative names of organisations and people, lemmas."""
from __future__ import annotations

import pytest

from pressnlp import lang
from pressnlp.lang.morphology import match_case
from pressnlp.lang.pl.morphology import clean_lemma, nominative_person, nominative_phrase
from pressnlp.stages.extract.people import surname_rules


@pytest.mark.parametrize(("words", "head", "expected"), [
    # the head and its agreeing adjectives inflect; genitive complements and names stay
    ("Metropolią Kansas City", 0, "Metropolia Kansas City"),
    ("Górnośląsko-Zagłębiowskiej Metropolii", 1, "Górnośląsko-Zagłębiowska Metropolia"),
    ("Urzędzie Marszałkowskim Województwa Śląskiego", 0, "Urząd Marszałkowski Województwa Śląskiego"),
    ("Zarządem Transportu Metropolitalnego", 0, "Zarząd Transportu Metropolitalnego"),
    ("Narodowym Centrum Badań i Rozwoju", 1, "Narodowe Centrum Badań i Rozwoju"),
    ("Ministerstwie Funduszy i Polityki Regionalnej", 0, "Ministerstwo Funduszy i Polityki Regionalnej"),
    ("Śląskim Urzędem Wojewódzkim", 1, "Śląski Urząd Wojewódzki"),
    ("Uniwersytetem Śląskim w Katowicach", 0, "Uniwersytet Śląski w Katowicach"),
    ("Miastem Katowice", 0, "Miasto Katowice"),
    # plural names stay plural when their adjectives say so
    ("Kolei Śląskich", 0, "Koleje Śląskie"),
    ("Wodociągów Śląskich", 0, "Wodociągi Śląskie"),
    # participles keep their negation: not "Niezjednoczone"
    ("Stanów Zjednoczonych", 0, "Stany Zjednoczone"),
    # already nominative: unchanged
    ("Urząd Marszałkowski", 0, "Urząd Marszałkowski"),
    ("Politechnika Śląska", 0, "Politechnika Śląska"),
    # singular genitive preferred over a plural nominative reading
    ("Stowarzyszenia Metropolia Poznań", 0, "Stowarzyszenie Metropolia Poznań"),
])
def test_nominative_phrase(words, head, expected):
    assert " ".join(nominative_phrase(words.split(), head)) == expected


def test_nominative_phrase_head_lemma_excludes_homonyms():
    # "Radzie" is also a village (nominative); the council is meant
    assert nominative_phrase(["Radzie", "Ministrów"], 0, "rada") == ["Rada", "Ministrów"]


@pytest.mark.parametrize(("name", "expected"), [
    ("Kamili Okoń", "Kamila Okoń"),
    ("Jana Kowalskiego", "Jan Kowalski"),
    ("Agaty Lipińskiej", "Agata Lipińska"),
    ("Ewy Kowalskiej-Nowak", "Ewa Kowalska-Nowak"),
    ("Jakuba Wojtkowiaka", "Jakub Wojtkowiak"),
    ("Tomasza Mazurka", "Tomasz Mazurek"),
    ("Stanisława Kwietnia", "Stanisław Kwiecień"),  # a surname that is also a common noun
    ("Konrada Lisa", "Konrad Lis"),
    ("Jerzego Kani", "Jerzy Kania"),
    ("Anny Lis", "Anna Lis"),  # women's consonant-final surnames do not inflect
    ("Beaty Kołodziej", "Beata Kołodziej"),
    ("Marka Xyzowskiego", "Marek Xyzowski"),  # unknown surname: ending rules
    ("Beaty Xyzowskiej", "Beata Xyzowska"),
    ("Kamila Okoń", "Kamila Okoń"),  # nominative stays
    ("Jan Kowalski", "Jan Kowalski"),
    ("Konrad Lis", "Konrad Lis"),
    ("Ołena Kowalenko", "Ołena Kowalenko"),
    ("Jana Horáková", "Jana Horáková"),  # a Czech woman's name is no man's genitive
])
def test_nominative_person(name, expected):
    assert " ".join(nominative_person(name.split(), surname_rules())) == expected


def test_lemmas_cover_every_reading_and_the_word():
    morphology = lang.get("pl").morphology
    assert {"energia", "energii"} <= morphology.lemmas("energii")
    assert morphology.lemma("Metropolią") == "metropolia"


def test_possible_lemmas_are_the_readings_not_the_form():
    morphology = lang.get("pl").morphology
    assert morphology.possible_lemmas("nową") >= {"nowy", "nowa"}
    assert "nową" not in morphology.possible_lemmas("nową")
    assert morphology.possible_lemmas("Xqzwy") == {"xqzwy"}  # unknown to Morfeusz: the word itself


def test_one_morfeusz_for_the_process():
    from pressnlp.lang.pl.morphology import morfeusz

    assert lang.get("pl").morphology.morfeusz is morfeusz()


def test_clean_lemma_and_match_case():
    assert clean_lemma("Okoń:Sf") == "Okoń"
    assert clean_lemma("Grzegorz:Sm1~owie~ze") == "Grzegorz"
    assert clean_lemma("metropolia") == "metropolia"
    assert match_case("urząd", "URZĘDU") == "URZĄD"
    assert match_case("urząd", "Urzędu") == "Urząd"
