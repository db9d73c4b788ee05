"""What one Polish release loads before its record is written (issue 15): only what that release
needs. The built data (scripts/build_lang_data.py) stands in for what start-up computed."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("morfeusz2")

REPO = Path(__file__).resolve().parents[1]
NOT_NEEDED = ("simplemma", "pyarrow", "dask", "distributed", "torch", "transformers", "ctranslate2", "fastapi")

RUN_AND_REPORT = f"""
import json, sys
from pressnlp.cli import main
code = main(["run", "releases", "-o", "out", "--no-progress"])
from pressnlp.stages.translate.lexicon.analysis import analyse_word
print(json.dumps({{"code": code, "loaded": [name for name in {NOT_NEEDED!r} if name in sys.modules],
                  "analysed_chunks": analyse_word.cache_info().currsize}}))
"""


@pytest.fixture(scope="module")
def one_polish_release(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cold")
    release = sorted((REPO / "corpus" / "pl").glob("*.txt"))[0]
    (folder / "releases").mkdir()
    shutil.copy(release, folder / "releases")
    environment = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "XDG_CONFIG_HOME": str(folder / "config"),
                   "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", RUN_AND_REPORT], cwd=folder, env=environment,
                          capture_output=True, text=True, check=True, timeout=300)
    record = json.loads((folder / "out" / "results.jsonl").read_text(encoding="utf-8"))
    return json.loads(done.stdout.strip().splitlines()[-1]), record


def test_one_polish_release_loads_no_lemmatiser_dictionary_nor_optional_library(one_polish_release):
    """simplemma's dictionaries served the gist's English word list and an English apposition check;
    the one is generated data now, the other is asked last."""
    outcome, record = one_polish_release
    assert outcome["code"] == 0 and record["language"]["code"] == "pl" and record["translation"]["text"]
    assert outcome["loaded"] == []


def test_the_gist_lexicon_is_not_analysed_word_by_word_at_start(one_polish_release):
    """Morfeusz analyses the release's words, not the lexicon's ~6,000 keys (lexicon.generated.json)."""
    outcome, record = one_polish_release
    assert 0 < outcome["analysed_chunks"] < 2000
    assert len(record["text"].split()) < 2000
