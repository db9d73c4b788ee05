"""Themes: weighted lemma keywords, title weight, normalised scores, user taxonomies."""
from __future__ import annotations

from pathlib import Path

import pytest

from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import StageContext
from pressnlp.stages.extract.text import Doc
from pressnlp.stages.extract.themes import ThemeExtractor, ThemeOptions, load_taxonomy

ENERGY_PL = ("Metropolia przeznaczy 48 mln zł na fotowoltaikę na dachach szkół. Instalacje fotowoltaiczne "
             "o mocy 17,6 MW pokryją zużycie energii, a pompy ciepła zastąpią kotły. Efektywność energetyczna "
             "budynków wzrośnie, a rachunki za prąd spadną. Magazyny energii przyjmą nadwyżki.")


def themes(text, language="pl", title=None, **options):
    extractor = ThemeExtractor(ThemeOptions(**options), StageContext())
    extractor.setup()
    return extractor.extract(Doc(text, language, title=title))


def test_polish_keywords_match_inflected_forms():
    found = themes(ENERGY_PL)
    assert found[0]["id"] == "energy"
    assert found[0]["label"] == "Energy and energy efficiency"
    # evidence lists what matched, as written
    assert {"fotowoltaikę", "efektywność energetyczna", "pompy ciepła"} <= set(found[0]["evidence"])


def test_english_keywords():
    text = ("Dublin City Council approved 42 km of protected cycle lanes. Cycling and bus routes will connect "
            "the city, and pedestrian crossings make active travel safer for commuters.")
    assert themes(text, "en")[0]["id"] == "mobility"


def test_scores_are_normalised_sorted_and_limited():
    text = ENERGY_PL + " Szkoły i uczniowie skorzystają, a nauczyciele dostaną scenariusze lekcji. " * 2
    found = themes(text)
    assert 1 <= len(found) <= 3
    scores = [t["score"] for t in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s < 1 for s in scores)


def test_title_counts_more_than_body():
    body = "Program obejmie szkoły i uczniów, a także panele słoneczne."
    plain = {t["id"]: t["score"] for t in themes(body, min_score=0.0, relative_threshold=0.0, max_themes=4)}
    titled = {t["id"]: t["score"] for t in themes(body, title="Fotowoltaika i energia dla szkół",
                                                  min_score=0.0, relative_threshold=0.0, max_themes=4)}
    assert titled["energy"] > plain["energy"]


def test_one_theme_even_for_a_weak_text():
    assert len(themes("Krótka informacja o spotkaniu z mieszkańcami w urzędzie.", min_score=0.99)) == 1


def test_text_without_keywords_has_no_theme():
    assert themes("Lorem ipsum dolor sit amet.", "en") == []


@pytest.fixture
def own_taxonomy(tmp_path: Path) -> Path:
    path = tmp_path / "themes.toml"
    path.write_text('[themes.beekeeping]\nlabel = "Bees and honey"\n'
                    '[themes.beekeeping.keywords]\npl = { "pszczoła" = 3, "miód" = 3 }\n'
                    'en = { "bee" = 3, "honey" = 3 }\n', encoding="utf-8")
    return path


def test_user_taxonomy_extends_or_replaces(own_taxonomy: Path):
    text = "Pszczoły z miejskiej pasieki dały 200 kg miodu. " + ENERGY_PL
    extended = [t["id"] for t in themes(text, taxonomy=own_taxonomy, relative_threshold=0.0, min_score=0.0)]
    assert "beekeeping" in extended and "energy" in extended
    replaced = [t["id"] for t in themes(text, taxonomy=own_taxonomy, mode="replace")]
    assert replaced == ["beekeeping"]


def test_bad_taxonomy_is_a_config_error(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text('[themes.x]\nlabel = "X"\n[themes.x.keywords]\npl = { "a" = "heavy" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="weight"):
        load_taxonomy(path.read_text("utf-8"), str(path))


def ids(text, language="pl", title=None, **options):
    return [t["id"] for t in themes(text, language, title, **options)]


def test_a_phrase_decides_what_its_words_mean():
    """"Festiwal Nauki" is science: its "festiwal" does not count for culture."""
    text = ("Uczelnia zaprasza na Festiwal Nauki. Festiwal nauki to pokazy naukowców, laboratoria otwarte "
            "dla uczniów i wykłady o badaniach.")
    found = themes(text, min_score=0.0, relative_threshold=0.0, max_themes=13)
    assert found[0]["id"] == "innovation-research"
    assert "culture-tourism-sport" not in [t["id"] for t in found]


def test_words_in_an_enumeration_of_subject_areas_count_less():
    listed = "Fundacja wspiera organizacje działające w obszarze kultury, sportu, zdrowia i edukacji."
    running = "Fundacja wspiera kulturę. Organizuje sport. Dba o zdrowie. Prowadzi edukację."
    extractor = ThemeExtractor(ThemeOptions(), StageContext())
    extractor.setup()
    in_list, _ = extractor.raw_scores(Doc(listed, "pl"))
    in_text, _ = extractor.raw_scores(Doc(running, "pl"))
    assert in_list["culture-tourism-sport"] < in_text["culture-tourism-sport"]
    # two areas side by side are no enumeration: "energia i klimat" keeps its weight
    pair, _ = extractor.raw_scores(Doc("Program obejmuje kulturę i sport.", "pl"))
    alone, _ = extractor.raw_scores(Doc("Program obejmuje kulturę. Program obejmuje sport.", "pl"))
    assert pair["culture-tourism-sport"] == pytest.approx(alone["culture-tourism-sport"])


def test_german_compounds_hold_cue_words():
    text = ("Die Universität erhält einen neuen Forschungsbereich. Die Gruppe prüft Werkstoffe für die "
            "Wärmeplanung der Stadtverwaltung.")
    found = {t["id"]: t["evidence"] for t in themes(text, "de", min_score=0.0, relative_threshold=0.0,
                                                     max_themes=13)}
    assert "forschungsbereich" in found["innovation-research"]
    assert "wärmeplanung" in found["energy"]
    assert "stadtverwaltung" in found["governance-finance"]
    # a short cue or a short first part is no compound: "wald" in Greifswald, "sport" in Transport
    assert "environment-climate" not in ids("Die Stadt Greifswald und die Stadt Ebersdorf feiern.", "de")
    assert "culture-tourism-sport" not in ids("Der Transport der Waren beginnt im Hafen.", "de")


def test_a_second_subject_almost_as_strong_as_the_first_is_kept_in_a_short_release():
    text = ("Politechnika podpisała umowę z powiatem: studenci i absolwenci odbędą praktyki, a naukowcy "
            "poprowadzą badania.")
    # scores as in a release of average length (no boost for a short text), both below min_score
    assert set(ids(text, reference_words=1)) == {"education-employment", "innovation-research"}
    assert len(ids(text, reference_words=1, close_share=1.01)) == 1


@pytest.mark.parametrize(("language", "text", "theme"), [
    ("pl", "Rektor uczelni przywitał studentów pierwszego roku. Uczelnia otwiera nowy kierunek studiów.",
     "education-employment"),
    ("en", "The charity thanked every donor: volunteers collected donations for refugees.", "health-social"),
    ("cs", "Vláda jmenovala nového náměstka ministra. Ministr ocenil práci úřadu.", "governance-finance"),
    ("de", "Der Verein sucht Ehrenamtliche: ehrenamtliches Engagement stärkt die Teilhabe von Geflüchteten.",
     "health-social"),
    ("sk", "Rektor univerzity privítal študentov. Vysoká škola otvára nový študijný program.",
     "education-employment"),
])
def test_subject_area_words_of_each_pack(language, text, theme):
    assert theme in ids(text, language)


def test_shared_english_cues_match_as_written_in_other_languages():
    """English "parking" lemmatises to "park"; a Polish park is no parking."""
    assert "mobility" not in ids("Dzieci posadziły drzewa w parku miejskim.", min_score=0.0, relative_threshold=0.0,
                                 max_themes=13)
    assert "mobility" in ids("Nowy parking przy dworcu ma 200 miejsc.", min_score=0.0, relative_threshold=0.0,
                             max_themes=13)


def test_short_shared_english_cues_are_acronyms_in_other_languages():
    """"SME" is a small firm; Slovak "sme" is "we are"."""
    loose = {"min_score": 0.0, "relative_threshold": 0.0, "max_themes": 13}
    assert "economy-investment" not in ids("Sme radi, že sme vysadili stromy pri rieke.", "sk", **loose)
    assert "economy-investment" in ids("Program wspiera SME w regionie.", **loose)


@pytest.mark.parametrize(("language", "domestic", "international"), [
    ("de", "Der Landkreis und die Stadt besiegeln eine Partnerschaft. Die Zusammenarbeit und der Austausch "
           "der Verwaltungen sollen wachsen.",
     "Der Landkreis und ein Kreis in Polen besiegeln eine Partnerschaft. Die Zusammenarbeit und der Austausch "
     "der Verwaltungen sollen wachsen."),
    ("pl", "Gmina i powiat podpisały porozumienie o partnerstwie. Partnerska współpraca obejmie drogi.",
     "Gmina i miasto z Czech podpisały porozumienie o partnerstwie. Partnerska współpraca obejmie drogi."),
    # an exchange of experience and a study visit happen between Polish counties too
    ("pl", "Dwa powiaty podpisały list intencyjny. Partnerstwo obejmie wymianę doświadczeń i wizyty studyjne.",
     "Powiat i okręg z Litwy podpisały list intencyjny. Partnerstwo obejmie wymianę doświadczeń i wizyty studyjne."),
    ("en", "Two councils signed a letter of intent. The partnership brings study visits and an exchange of staff.",
     "A council and a Dutch province signed a letter of intent. The partnership brings study visits and an "
     "exchange of staff."),
])
def test_partnership_words_are_international_cooperation_only_beside_something_international(
        language, domestic, international):
    assert "international-cooperation" not in {theme["id"] for theme in themes(domestic, language)}
    assert themes(international, language)[0]["id"] == "international-cooperation"


def test_a_dependent_cue_of_a_user_taxonomy(tmp_path: Path):
    taxonomy = tmp_path / "own.toml"
    taxonomy.write_text('[themes.sport]\nlabel = "Sport"\n[themes.sport.keywords]\n'
                        'en = { "~club" = 3, "football" = 3 }\n', "utf-8")
    found = themes("The club met the club again at the club.", "en", taxonomy=taxonomy, mode="replace")
    assert found == []
    found = themes("The football club met the club again.", "en", taxonomy=taxonomy, mode="replace")
    assert found[0]["id"] == "sport" and "club" in found[0]["evidence"]


def test_a_drug_licensing_deal_is_health_and_business():
    text = ("Northwind Therapeutics (NASDAQ: NWTX) signed a license agreement with a pharmaceutical company to "
            "develop drugs for a rare disease. Northwind receives an upfront payment, milestone payments and "
            "royalties on sales; clinical trials of the therapy start next year.")
    assert {"health-social", "economy-investment"} <= {theme["id"] for theme in themes(text, "en")}


def test_a_noun_cue_is_not_matched_by_the_verb_its_gerund_comes_from():
    # "mieszkanie" (a flat) must not fire on "mieszkać" (to live), nor "szkolenie" on "szkolić"
    lives = "Pani Anna mieszka w Gliwicach od lat. Mieszkamy tu wszyscy i szkolimy psy."
    assert "urban-planning-housing" not in {theme["id"] for theme in themes(lives)}
    flats = "Miasto odda 120 nowych mieszkań. Mieszkania komunalne trafią do rodzin z listy."
    assert themes(flats)[0]["id"] == "urban-planning-housing"
