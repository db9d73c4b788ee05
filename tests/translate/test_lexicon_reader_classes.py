"""Classes of error a reader's check of real releases found in the dictionary gist (session 5):
impersonal "-no/-to" verbs, "były" as a verb, objects before the verb that the cases or the verb
decide, name initials, genitive plurals spelt like the singular, coordinated postposed adjectives,
numbered compounds. Short made-up sentences; each test pins only the words its rule decides."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")


def before(text: str, first: str, second: str) -> bool:
    """Both words are in the text, `first` before `second`."""
    return first in text and second in text and text.index(first) < text.index(second)


@pytest.mark.parametrize(("polish", "subject", "verb"), [
    ("Wczoraj podpisano porozumienie z gminą.", "agreement", "was signed"),
    ("Wczoraj podpisano umowę partnerską z miastem.", "partner agreement", "was signed"),
    ("Na sesji omówiono plany rozwoju miasta.", "plans", "were discussed"),
    ("W maju podpisano z gminą umowę dofinansowania.", "agreement", "was signed"),
])
def test_an_impersonal_verb_becomes_a_passive_with_its_object_first(gist, polish, subject, verb):
    assert before(gist(polish), subject, verb)


def test_a_negated_impersonal_verb_stays_negated(gist):
    assert "not signed" in gist("Nie podpisano umowy z wykonawcą.")


@pytest.mark.parametrize("polish", ["Obecni byli: wójt i skarbnik.", "Goście byli zadowoleni."])
def test_byli_before_a_pause_is_the_verb_be(gist, polish):
    text = gist(polish)
    assert "were" in text and "former" not in text


def test_byly_before_a_noun_stays_former(gist):
    assert "former" in gist("Spotkał się z nim były prezes spółki.")


def test_a_dative_object_before_the_verb_goes_after_it_with_the_subjects_appositions(gist):
    text = gist("Spotkaniu przewodniczyli Jan Nowak, wójt gminy, oraz Anna Kowalska, starosta.")
    assert before(text, "Jan Nowak", "chaired") and before(text, "Anna Kowalska", "chaired")
    assert before(text, "chaired", "meeting")


@pytest.mark.parametrize(("polish", "receiver", "received"), [
    ("Dotacje otrzymały gminy Rytwiany i Szydłów.", "unicipalities", "grants"),
    ("Ponad 2 mln zł otrzyma powiat na remont drogi.", "county", "million"),
])
def test_a_verb_of_receiving_takes_a_grant_or_sum_before_it_as_its_object(gist, polish, receiver, received):
    text = gist(polish)
    assert before(text, receiver, "receive") and before(text, "receive", received)


def test_a_name_initial_is_not_a_conjunction(gist):
    text = gist("Szpital nr 1 im. dr A. Nowaka jest nowy.")
    assert "A. Nowak" in text and "and." not in text and "named after" in text


def test_a_genitive_plural_spelt_like_the_singular_agrees_with_its_adjective(gist):
    assert "road investments" in gist("Trwa realizacja inwestycji drogowych.")


def test_coordinated_postposed_adjectives_go_before_their_noun(gist):
    assert "student and academic life" in gist("Wspieramy organizację życia studenckiego i akademickiego.")


def test_a_numeral_opens_a_genitive(gist):
    assert "of both organisations" in gist("Celem jest rozwój współpracy obu organizacji.")


@pytest.mark.parametrize(("polish", "english"), [
    ("W konkursie nagrodzono 50-letnią mieszkankę.", "50-year"),
    ("Szkoła obchodzi 25-lecie.", "25-year anniversary"),
])
def test_a_numbered_compound_is_translated(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "english"), [
    ("Radni podjęli odpowiednią uchwałę.", "adopted"),
    ("Spółka podpisała umowę, tym razem z uczelnią.", "this time"),
    ("Miasto podpisało umowę intencyjną z izbą.", "letter of intent"),
    ("Urząd będzie nieczynny w piątek.", "closed"),
    ("Prezydent m. st. Warszawy otworzył wystawę.", "capital city of Warsaw"),
])
def test_press_release_formulas(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "place"), [
    ("Spotkanie odbyło się w Sękocinie Starym.", "Sękocin Stary"),
    ("Trwa remont drogi w Czaplach Wielkich.", "Czaple Wielkie"),
    ("Delegacja przyjechała z Nowego Targu.", "Nowy Targ"),
])
def test_an_adjective_inside_a_place_name_stays_polish_in_the_nominative(gist, polish, place):
    assert place in gist(polish)


def test_an_adjective_inside_an_institutions_name_is_respelt_not_guessed_through_another_word(gist):
    assert "Geological" in gist("Państwowy Instytut Geologiczny podpisał umowę.")
    assert "Whale" not in gist("Uchwała Walnego Zgromadzenia Spółki.")


def test_byla_after_a_predicate_adjective_is_the_verb_unless_the_clause_has_its_own(gist):
    assert "former" not in gist("Ważna była środa.")
    assert "former president" in gist("Nowy były prezes spółki przyszedł.")


def test_an_unknown_adjective_after_a_territorial_unit_is_its_name(gist):
    assert "Staszowski" in gist("Dotacje trafią do gmin powiatu staszowskiego.")


def test_a_plural_object_before_an_impersonal_verb_makes_it_plural(gist):
    assert "were built" in gist("Nowe drogi wybudowano w zeszłym roku.")
    assert "was built" in gist("Drogę wybudowano w zeszłym roku.")


def test_who_after_an_unknown_surname_after_a_first_name(gist):
    assert "who" in gist("Głos zabrał Marcin Kierwiński, który zapewnił, że pomoże.")


def test_a_verb_term_that_opens_with_its_object_takes_its_subject_first(gist):
    assert "Jan Nowak took the floor" in gist("Jako pierwszy głos zabrał Jan Nowak.")


def test_an_impersonal_verb_after_and_takes_its_own_object_not_the_previous_clauses(gist):
    text = gist("Na spotkaniu zapadły pierwsze deklaracje i określono jej zakres.")
    assert "scope was defined" in text and "were defined" not in text


def test_polite_panstwo_is_you_and_the_polish_state_stays_a_state(gist):
    assert "you" in gist("W razie zmian zostaną Państwo poinformowani.")
    assert "State" in gist("Państwo Polskie wspiera gminy.")


@pytest.mark.parametrize(("polish", "subject", "verb"), [
    ("W przyszłym roku planowana jest budowa nowej hali.", "construction", "is planned"),
    ("Planowane jest także utworzenie nowego parku.", "park", "is planned"),
    ("W czerwcu zostanie zorganizowany festyn rodzinny.", "fair", "will be organised"),
    ("Wkrótce zostaną ogłoszone wyniki konkursu.", "results", "will be announced"),
])
def test_a_passive_with_its_subject_after_it_puts_the_subject_first(gist, polish, subject, verb):
    assert before(gist(polish), subject, verb)


@pytest.mark.parametrize(("polish", "subject", "verb"), [
    ("W ramach projektu planuje się budowę ścieżki rowerowej.", "construction", "is planned"),
    ("Przeprowadza się remonty dróg gminnych.", "enovations", "are carried out"),
])
def test_a_reflexive_impersonal_becomes_a_passive_with_its_object_first(gist, polish, subject, verb):
    assert before(gist(polish), subject, verb)


def test_a_reflexive_impersonal_before_an_infinitive_says_it(gist):
    assert "it is planned to build" in gist("W przyszłości planuje się wybudować nową szkołę.")


def test_a_negated_reflexive_impersonal_stays_negated(gist):
    assert "construction of the new bridge is not planned" in gist("Nie planuje się budowy nowego mostu.").lower()


@pytest.mark.parametrize("polish", ["W sobotę odbędzie się koncert orkiestry.", "Gmina stara się pozyskać środki."])
def test_a_reflexive_verb_of_its_own_or_with_a_subject_is_no_passive(gist, polish):
    assert "planned" not in gist(polish) and " is " not in gist(polish)


@pytest.mark.parametrize(("polish", "subject", "verb", "obj"), [
    ("Szkoła, którą odwiedził prof. Jan Nowak, ma nowe laboratorium.", "Jan Nowak", "visited", "which"),
    ("Powstanie nowy instytut, którym pokieruje dr Anna Kowalska.", "Anna Kowalska", "will direct", "which"),
    ("Umowę podpisali wójt i burmistrz.", "mayor", "signed", "agreement"),
    ("Konferencję zorganizowało stowarzyszenie.", "association", "organised", "conference"),
])
def test_cases_decide_who_acts_when_the_subject_follows_the_verb(gist, polish, subject, verb, obj):
    text = gist(polish)
    assert before(text, subject, verb) and (before(text, verb, obj) if obj != "which" else before(text, obj, subject))


@pytest.mark.parametrize(("polish", "whole"), [
    ("Powstaną tam ogrody deszczowe, ławki i plac zabaw.", "gardens, benches"),
    ("W nim będą badane fundamenty i wieże turbin wiatrowych stawianych na morzu.", "foundations and towers"),
])
def test_a_subject_after_its_verb_moves_whole_or_not_at_all(gist, polish, whole):
    assert whole in gist(polish)


@pytest.mark.parametrize(("polish", "subject", "verb", "obj"), [
    ("Umowę podpisali w poniedziałek rektor uczelni i prezydent miasta.", "president", "signed", "agreement"),
    ("Nagrodę odebrał z rąk ministra dyrektor szkoły.", "head teacher", "collected", "award"),
    ("Budynek wyremontowała firma z Krakowa.", "from Kraków", "renovated", "building"),
])
def test_an_adverbial_between_verb_and_subject_and_the_subjects_origin_stay_in_place(gist, polish, subject, verb, obj):
    text = gist(polish)
    assert before(text, subject, verb) and before(text, verb, obj)


@pytest.mark.parametrize(("polish", "english"), [
    ("W dniu 15 stycznia zostało uroczyście podpisane porozumienie o współpracy.", "was ceremonially signed"),
    ("Powstanie szpital, który powstanie na terenie gminy Wieliczka.", "municipality Wieliczka"),
])
def test_a_passive_participle_after_an_adverb_and_a_name_after_its_noun_stay_in_the_verb_group_and_phrase(
        gist, polish, english):
    assert english in gist(polish)


def test_a_reflexive_impersonal_before_that_says_it(gist):
    assert "It is estimated" in gist("Szacuje się, że w regionie mieszka 100 osób.")


@pytest.mark.parametrize(("polish", "english"), [
    ("W mieście odbędą się imprezy sportowe i kulturalne.", "sports and cultural events will take place"),
    ("W umowie wyróżnia się kwestię organizacji wydarzeń naukowych i kulturalnych.", "cultural events is"),
])
def test_coordinated_adjectives_after_a_noun_stay_in_its_phrase(gist, polish, english):
    assert english in gist(polish)
