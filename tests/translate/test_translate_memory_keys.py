"""Translation-memory keys and the pipeline fingerprint follow the files a translation is made
from: changed dictionary data or model files never meet translations made with the old ones."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pressnlp
from pressnlp import models
from pressnlp.core.pipeline import Pipeline
from pressnlp.models import model_digest

SENTENCE = "Miasto Katowice buduje nowy dworzec w centrum."
# The gist through the pipeline with the translation memory in `cache`: what it translated, how
# the memory served, the fingerprint. Run here and, for another install, as a script.
_RUN = """
import json, sys
import pressnlp
from pressnlp.core.pipeline import Pipeline

def gist_run(cache, sentence):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "translate"]},
                                     "stages": {"translate": {"backend": "lexicon"}}}, cache_dir=cache)
    record = pipeline.process_text(sentence, id="doc.txt")
    memory = pipeline.stages[-1]._memory
    return {"package": pressnlp.__file__, "text": record["translation"]["text"], "hits": memory.hits,
            "misses": memory.misses, "fingerprint": pipeline.fingerprint()}

if __name__ == "__main__":
    print(json.dumps(gist_run(sys.argv[1], sys.argv[2])))
"""


def _gist_run(cache: Path) -> dict:
    namespace: dict = {}
    exec(_RUN, namespace)  # noqa: S102 - the very script the other install runs
    return namespace["gist_run"](cache, SENTENCE)


def test_changed_lexicon_data_never_meets_a_stale_memory_entry(tmp_path):
    """An install whose lexicon data changed (an upgrade, an edited TSV) translates afresh, with the
    same memory file, and re-processes documents (new fingerprint)."""
    pytest.importorskip("morfeusz2")
    cache = tmp_path / "cache"
    first = _gist_run(cache)
    assert "station" in first["text"] and first["misses"] > 0
    again = _gist_run(cache)
    assert again["text"] == first["text"] and again["misses"] == 0 and again["hits"] > 0  # the memory serves

    site = tmp_path / "site"  # the same package with one lexicon entry changed, in a process of its own
    shutil.copytree(Path(pressnlp.__file__).parent, site / "pressnlp", ignore=shutil.ignore_patterns("__pycache__"))
    nouns = site / "pressnlp" / "lang" / "pl" / "lexicon" / "nouns_core.tsv"
    data = nouns.read_text(encoding="utf-8")
    assert "dworzec\tstation\tn\n" in data
    nouns.write_text(data.replace("dworzec\tstation\tn\n", "dworzec\tterminus\tn\n"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _RUN, str(cache), SENTENCE], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    upgraded = json.loads(done.stdout.splitlines()[-1])
    assert Path(upgraded["package"]).is_relative_to(site)
    assert "terminus" in upgraded["text"] and "station" not in upgraded["text"]
    assert upgraded["hits"] == 0
    assert upgraded["fingerprint"] != first["fingerprint"]


def _fake_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"model_type": "marian", "d_model": 8}', encoding="utf-8")
    (folder / "source.spm").write_bytes(b"pieces")
    (folder / "model.safetensors").write_bytes(bytes(range(256)) * 256)
    return folder


def test_model_digest_follows_the_files_that_translate(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "WHOLE_FILE_LIMIT", 1024)  # the weights are sampled, as a real model's are
    folder = _fake_model(tmp_path / "opus-mt-pl-en")

    def digest() -> str:
        model_digest.cache_clear()  # computed once per process; here the files change in between
        return model_digest(folder)

    original = digest()
    assert digest() == original
    (folder / ".cache" / "huggingface").mkdir(parents=True)
    (folder / ".cache" / "huggingface" / "download.lock").write_text("2024-06-01T10:00:00")
    assert digest() == original  # download metadata is not the model
    (folder / "model.safetensors").write_bytes(bytes(reversed(range(256))) * 256)  # retrained: same size
    retrained = digest()
    assert retrained != original
    (folder / "config.json").write_text('{"model_type": "marian", "d_model": 16}', encoding="utf-8")
    assert digest() not in (original, retrained)


def test_the_fingerprint_changes_when_the_model_files_do(tmp_path):
    folder = _fake_model(tmp_path / "opus-mt-pl-en")
    config = {"pipeline": {"stages": ["read", "detect", "translate"]},
              "stages": {"translate": {"backend": "marian", "models": {"pl": str(folder)}}}}
    model_digest.cache_clear()
    before = Pipeline.from_config(config)
    assert before.describe()["translate"]["data"] == {"pl": model_digest(folder)}
    (folder / "config.json").write_text('{"model_type": "marian", "d_model": 16}', encoding="utf-8")
    model_digest.cache_clear()
    assert Pipeline.from_config(config).fingerprint() != before.fingerprint()


@pytest.mark.neural
def test_neural_memory_keys_carry_the_model_digest(tiny_ct2, tmp_path):
    from test_translate_stage import _stage

    translator = _stage(tmp_path, backend="ctranslate2", models={"pl": str(tiny_ct2)}).translator("pl")
    assert translator.describe()["files"] == model_digest(tiny_ct2)
