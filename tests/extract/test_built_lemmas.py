"""The lemmas of the packs' theme cues and gazetteer names are generated data
(scripts/build_lang_data.py): fresh, equal to what the lemmatisers say, and read at start-up
without loading a lemmatiser."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pressnlp import lang
from pressnlp.lang.morphology import lemma
from pressnlp.stages.extract.built_lemmas import GENERATED_FILE, built_tables, cue_lemma
from pressnlp.stages.extract.themes import cue_words, load_taxonomy

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_lang_data.py"
# Languages whose lemmatiser loads in well under a second: the spot check (--check redoes all).
SPOT_CHECKED = ("pl", "en", "fr", "cs")


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_lang_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated(pack: lang.Language) -> dict:
    return tomllib.loads(pack.text(GENERATED_FILE))


def test_generated_lemmas_are_fresh(build):
    """Stale after an edit of themes.toml or gazetteer.tsv, or another simplemma or morfeusz2:
    run scripts/build_lang_data.py."""
    packs = build.our_packs()
    assert {"pl", "en", "cs"} <= {pack.code for pack in packs}
    for pack in packs:
        needed = build.needed_words(pack)
        table = generated(pack)
        assert bool(table) == bool(needed), f"lang/{pack.code}/{GENERATED_FILE}: run scripts/build_lang_data.py"
        if needed:
            assert table["inputs"] == build.inputs(pack), f"lang/{pack.code}: run scripts/build_lang_data.py"
            assert {language: set(words) for language, words in table["lemmas"].items()} == needed


def test_generated_lemmas_are_the_lemmatisers(build):
    tables = built_tables()
    for language in SPOT_CHECKED:
        assert tables[language], language
        cues = cue_words(lang.get(language))
        wrong = {word: tabled for word, tabled in tables[language].items()
                 if (cue_lemma if word in cues else lemma)(word, language) != tabled}
        assert not wrong, f"{language}: run scripts/build_lang_data.py ({len(wrong)} lemmas differ)"
    assert tables["pl"]["energii"] == "energia"


def test_check_mode_finds_a_stale_file_and_writing_fixes_it(build, tmp_path, monkeypatch, capsys):
    polish = lang.get("pl")
    stale = tmp_path / GENERATED_FILE
    fresh = polish.text(GENERATED_FILE)
    assert '\nenergii = "energia"\n' in fresh
    stale.write_text(fresh.replace('\nenergii = "energia"\n', '\nenergii = "energii"\n'), "utf-8")
    monkeypatch.setattr(build, "our_packs", lambda: [polish])
    monkeypatch.setattr(build, "target", lambda pack: stale)
    assert build.main(["--check"]) == 1
    assert f"stale: {stale}" in capsys.readouterr().out
    assert 'energii = "energii"' in stale.read_text("utf-8")  # --check writes nothing
    assert build.main([]) == 0
    assert stale.read_text("utf-8") == fresh
    assert build.main(["--check"]) == 0


def test_builtin_data_loads_without_a_lemmatiser():
    code = ("import sys\n"
            "from pressnlp.stages.extract.gazetteer import load_gazetteer\n"
            "from pressnlp.stages.extract.themes import builtin_taxonomy\n"
            "assert builtin_taxonomy()['energy'].keywords['cs'] and load_gazetteer().entries\n"
            "print(sorted({'simplemma', 'morfeusz2'} & set(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_users_cue_words_are_lemmatised_at_load():
    assert "elektrowniach" not in built_tables()["pl"]
    themes = load_taxonomy('[themes.wind]\nlabel = "Wind"\n[themes.wind.keywords.pl]\n"elektrowniach wiatrowych" = 2\n',
                           "own.toml")
    assert themes["wind"].keywords["pl"] == {("elektrownia", "wiatrowy"): (2.0, "elektrowniach wiatrowych")}
