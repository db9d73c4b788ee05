"""Glossary: fixed translations and kept terms, matched in Polish inflected forms."""
from pathlib import Path

import pytest

from pressnlp.core.errors import ConfigError, PressnlpError
from pressnlp.stages.translate.glossary import (
    Glossary,
    GlossaryEntry,
    load_glossary,
    read_glossary,
    write_glossary,
)


def _matches(glossary: Glossary, sentence: str) -> list[tuple[str, str]]:
    return [(sentence[s.start:s.end], s.output) for s in glossary.find(sentence)]


def test_inflected_polish_forms_match_through_lemmas():
    glossary = Glossary([GlossaryEntry("Urząd Marszałkowski", "Marshal's Office"),
                         GlossaryEntry("Górnośląsko-Zagłębiowska Metropolia", "GZM Metropolis")], "pl")
    sentence = "Przedstawiciele Urzędu Marszałkowskiego odwiedzili Górnośląsko-Zagłębiowską Metropolię."
    assert _matches(glossary, sentence) == [("Urzędu Marszałkowskiego", "Marshal's Office"),
                                            ("Górnośląsko-Zagłębiowską Metropolię", "GZM Metropolis")]
    assert _matches(glossary, "W Urzędzie Marszałkowskim.") == [("Urzędzie Marszałkowskim", "Marshal's Office")]


def test_words_unknown_to_the_dictionary_match_by_stem_and_kept_terms_keep_their_form():
    glossary = Glossary([GlossaryEntry("Zielonobeskidzka Agencja", None)], "pl")
    assert _matches(glossary, "Dzięki Zielonobeskidzkiej Agencji.") == [
        ("Zielonobeskidzkiej Agencji", "Zielonobeskidzkiej Agencji")]


def test_words_must_be_adjacent_and_other_words_do_not_match():
    glossary = Glossary([GlossaryEntry("Urząd Marszałkowski", "Marshal's Office")], "pl")
    assert _matches(glossary, "Urząd, marszałkowski budżet.") == []
    assert _matches(glossary, "Urząd Miasta.") == []


def test_listed_forms_for_languages_without_morphology():
    glossary = Glossary([GlossaryEntry("Stadtwerke", "municipal utility", ("Stadtwerken",))], "de")
    assert _matches(glossary, "Mit den Stadtwerken.") == [("Stadtwerken", "municipal utility")]


def test_toml_and_csv_files(tmp_path):
    toml = tmp_path / "g.toml"
    toml.write_text('"GZM" = ""\n"Metropolia" = {translation = "Metropolis", forms = ["Metropolii"]}\n'
                    '"Rada" = {keep = true}\n', encoding="utf-8")
    entries = load_glossary(toml, "pl").entries
    assert entries == [GlossaryEntry("GZM", None), GlossaryEntry("Metropolia", "Metropolis", ("Metropolii",)),
                       GlossaryEntry("Rada", None)]
    csv = tmp_path / "g.csv"
    csv.write_text("term,translation,forms\nGZM,,\nMetropolia,Metropolis,Metropolii|Metropolią\n", encoding="utf-8")
    assert load_glossary(csv, "pl").entries == [
        GlossaryEntry("GZM", None), GlossaryEntry("Metropolia", "Metropolis", ("Metropolii", "Metropolią"))]


def test_bad_file_names_the_term(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('"GZM" = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="GZM"):
        load_glossary(bad, "pl")


@pytest.mark.parametrize("name", ["g.toml", "g.csv"])
def test_what_is_written_reads_back_the_same(tmp_path, name):
    path = tmp_path / name
    entries = [GlossaryEntry("Urząd \"Marszałkowski\"", "Marshal's Office, Silesia"),
               GlossaryEntry("GZM", None), GlossaryEntry("Śląskie", None, ("Śląskiego", "Śląskim")),
               GlossaryEntry("Metropolia", "Metropolis", ("Metropolii",))]
    assert write_glossary(path, entries) == entries
    assert read_glossary(path) == entries


def test_a_csv_form_with_a_bar_is_refused_and_the_file_keeps_its_terms(tmp_path):
    path = tmp_path / "g.csv"
    write_glossary(path, [GlossaryEntry("GZM", None)])
    with pytest.raises(PressnlpError, match="cannot contain '|'"):
        write_glossary(path, [GlossaryEntry("A", "B", ("x|y",))])
    assert read_glossary(path) == [GlossaryEntry("GZM", None)]


def test_a_whole_name_covered_by_terms_gets_their_english_and_partial_cover_gets_none():
    glossary = Glossary([GlossaryEntry("Urząd Miasta", "City Hall"), GlossaryEntry("Rybnik", None)], "pl")
    assert glossary.english_name("Urzędu Miasta Rybnika") == "City Hall Rybnika"
    assert glossary.english_name("Urząd Miasta Rybnika Wschód") is None
    assert glossary.english_name("Rybnik") is None  # only kept terms: nothing translated


def test_glossary_terms_name_partners_in_english(tmp_path):
    """A user's term for an organisation sets the partner's name_en, as it sets the translation."""
    from pressnlp.api import Pipeline

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    release = corpus / "pl" / "2023-03-rybnicki-klaster-energii-fotowoltaika.txt"
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('"Rybnicki Klaster Energii" = "Rybnik Energy Cluster"\n'
                        '"Urząd Miasta Rybnika" = "Rybnik City Hall"\n', encoding="utf-8")
    config = {"stages": {"translate": {"glossary": str(glossary)}}}
    record = Pipeline.from_config(config).process_file(release)
    names = {partner["name"]: partner["name_en"] for partner in record["facts"]["partners"]}
    assert names["Rybnicki Klaster Energii"] == "Rybnik Energy Cluster"
    assert names["Miasto Rybnik"] == "Rybnik City Hall"  # the term for its office, one of its aliases
    assert "Rybnik Energy Cluster" in record["translation"]["text"]
    default = Pipeline.from_config({}).process_file(release)
    assert {p["name"]: p["name_en"] for p in default["facts"]["partners"]}["Rybnicki Klaster Energii"] != \
        "Rybnik Energy Cluster"


def test_the_built_in_glossary_gives_institutions_their_official_english_names():
    """Gazetteer institutions translate to their official names, inflected forms too; a name
    English keeps as it is stays as written (no word-by-word translation)."""
    from pressnlp.api import Pipeline

    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "translate"]}})
    text = ("Naukowcy z Uniwersytetu Warszawskiego współpracują z Bankiem Gospodarstwa Krajowego. "
            "Projekt wspiera Narodowe Centrum Badań i Rozwoju.")
    record = pipeline.process_bytes(text.encode(), id="t.txt", format="txt")
    english = record["translation"]["text"]
    assert "University of Warsaw" in english
    assert "Bank Gospodarstwa Krajowego" in english
    assert "National Centre for Research and Development" in english


def test_a_short_unknown_name_does_not_match_common_words_by_its_stem():
    glossary = Glossary([GlossaryEntry("Energa", "Energa")], "pl")
    assert _matches(glossary, "Magazyn energii zasili basen.") == []
    assert _matches(glossary, "Umowę podpisała Energa.") == [("Energa", "Energa")]
