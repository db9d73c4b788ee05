"""The extractors' words come from the language packs (lang/<code>/) and lang/data/, through a
typed view: these tests hold the data files to the keys the code reads."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from pressnlp import lang
from pressnlp.core.errors import ConfigError
from pressnlp.lang.pack import Language
from pressnlp.lang.shared import shared
from pressnlp.stages.extract import themes
from pressnlp.stages.extract.gazetteer import builtin_entries, not_organisation_acronyms
from pressnlp.stages.extract.lexicon import DATA_FILE, everywhere, lexicon, read_lexicon

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "pressnlp" / "stages" / "extract"


def keys_of(table: dict) -> set[str]:
    return {f"{section}.{key}" for section, body in table.items() for key in body}


def test_every_pack_uses_the_keys_the_polish_pack_documents():
    documented = keys_of(lang.get("pl").toml(DATA_FILE))
    for code in lang.available():
        assert keys_of(lang.get(code).toml(DATA_FILE)) <= documented, code
    assert keys_of(shared().toml(DATA_FILE)) - {"contacts.regions"} <= documented


def test_a_pack_of_data_files_only(tmp_path: Path):
    (tmp_path / DATA_FILE).write_text('[organisations]\nheads = ["Urad"]\nlegal_forms = ["d.o.o.", "d.d."]\n'
                                      '[grammar]\nhead_initial = true\ncoordinators = ["in"]\n'
                                      '[contacts]\nregion = "SI"\n', encoding="utf-8")
    (tmp_path / "not_organisations.txt").write_text("# never organisations\nEU\nDDV\n", encoding="utf-8")

    class Toy(Language):
        code = "sl"
        folder = tmp_path

    words = read_lexicon(Toy())
    assert words.org_heads == {"urad"} and words.legal_forms == ("d.o.o.", "d.d.")
    assert words.head_initial and not words.sentence_case and words.coordinators == {"in"}
    assert words.region == "SI" and words.not_organisations == {"EU", "DDV"}
    assert words.titles == frozenset() and words.funder_cues == ()  # what a pack leaves out is empty


def test_a_language_without_a_pack_has_the_english_words_and_its_own_phone_region():
    italian = lexicon("it")
    assert italian.org_heads == lexicon("en").org_heads
    assert italian.region == "IT" and lexicon("sv").region == lexicon("en").region == "GB"


def test_words_of_every_language():
    words = everywhere()
    assert {"uniwersytet", "university", "universität", "univerzita"} <= words.org_heads
    assert {"w", "in", "à", "у"} <= words.locative_prepositions  # one list for every language
    assert words.legal_forms.index("Sp. z o.o.") < words.legal_forms.index("SA")  # longest first
    assert {"van", "von"} <= words.name_particles  # lang/data/ for languages without a pack
    assert {"pln", "eur", "zł"} <= words.not_phone_after


def test_legal_forms_and_currencies_are_never_organisations():
    ignored = not_organisation_acronyms()
    assert {"GmbH", "Sp", "SARL", "PLN", "UE", "GDPR", "MWh"} <= ignored
    assert "GZM" not in ignored


def test_gazetteer_rows_live_in_the_pack_of_their_language():
    entries = builtin_entries()
    assert {"pl", "en", "de", "cs"} <= {entry.language for entry in entries} <= set(lang.available())
    polish = next(entry for entry in entries if entry.name == "Komisja Europejska")
    assert polish.language == "pl" and polish.name_en == "European Commission"


def test_theme_labels_are_shared_and_cues_per_language():
    taxonomy = themes.builtin_taxonomy()
    labels = shared().toml(themes.TAXONOMY_FILE)["themes"]
    assert list(taxonomy) == list(labels)
    energy = taxonomy["energy"]
    assert energy.label == "Energy and energy efficiency"
    with_cues = {code for code in lang.available() if lang.get(code).resource(themes.CUES_FILE)}
    assert set(energy.keywords) == with_cues and {"pl", "en", "uk"} <= with_cues
    assert energy.keywords["pl"][("pompa", "ciepło")] == (3.0, "pompa ciepła")  # lemmatised when loaded


def test_cues_for_a_theme_the_taxonomy_lacks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (tmp_path / themes.CUES_FILE).write_text('beekeeping = { "pszczoła" = 3 }\n', encoding="utf-8")

    class Toy(Language):
        code = "pl"
        folder = tmp_path

    class Packs:
        available = staticmethod(lambda: ("pl",))
        get = staticmethod(lambda code: Toy())

    monkeypatch.setattr(themes, "lang", Packs)
    with pytest.raises(ConfigError, match="theme 'beekeeping'"):
        themes.builtin_taxonomy.__wrapped__()


def test_extractors_read_language_data_only_through_the_packs():
    for path in EXTRACT.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
                    for alias in node.names if node.module.startswith("importlib")}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not {"resources", "importlib.resources"} & imported, path


def test_the_data_files_parse():
    for code in lang.available():
        pack = lang.get(code)
        for name in (DATA_FILE, themes.CUES_FILE):
            tomllib.loads(pack.text(name))
