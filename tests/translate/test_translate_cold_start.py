"""Under `backend = "auto"` with no model on disk, the neural engines' libraries are never
imported: torch, transformers and ctranslate2 take seconds to import, only to learn there is no model."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NEURAL_LIBRARIES = ("torch", "transformers", "ctranslate2")

RUN_AND_LIST_MODULES = f"""
import json, sys
from pressnlp.cli import main
code = main(["run", "releases", "-o", "out", "--no-progress"])
print(json.dumps({{"code": code, "loaded": [name for name in {NEURAL_LIBRARIES!r} if name in sys.modules]}}))
"""


def test_a_default_run_without_models_never_imports_the_neural_libraries(tmp_path):
    release = sorted((REPO / "corpus" / "pl").glob("*.txt"))[0]
    (tmp_path / "releases").mkdir()
    shutil.copy(release, tmp_path / "releases")
    environment = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "1",
                   "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST_MODULES], cwd=tmp_path, env=environment,
                          capture_output=True, text=True, check=True, timeout=300)
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    record = json.loads((tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8"))
    assert outcome["code"] == 0 and record["language"]["code"] == "pl"
    assert record["translation"]["backend"].startswith("lexicon")  # auto fell through to the gist
    assert outcome["loaded"] == []
