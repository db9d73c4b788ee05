"""The Python API (`pressnlp.Pipeline`, `pressnlp.to_dataset`): light to import, and without the
`data` extra everything but Parquet and datasets still works, and those say what to install."""
from __future__ import annotations

import json
import subprocess
import sys

import pressnlp
from pressnlp import api
from pressnlp.core import pipeline as core


def test_import_pressnlp_loads_neither_pyarrow_nor_numpy():
    code = "import sys, pressnlp; print([name for name in ('pyarrow', 'numpy', 'datasets') if name in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_public_pipeline_is_the_core_one_plus_files_and_corpora(tmp_path):
    assert pressnlp.Pipeline is api.Pipeline and issubclass(api.Pipeline, core.Pipeline)
    assert not hasattr(core.Pipeline, "run") and not hasattr(core.Pipeline, "process_file")
    path = tmp_path / "release.md"
    path.write_text("# Tytuł komunikatu\n\nKatowice, 14 marca 2024 r.\n\nTreść.\n", encoding="utf-8")
    record = pressnlp.Pipeline.from_config({"pipeline": {"stages": ["read"]}}).process_file(path)
    assert (record["id"], record["source"]["format"], record["title"], record["date"]) == (
        "release.md", "md", "Tytuł komunikatu", "2024-03-14")


WITHOUT_DATA_EXTRA = """
import json, sys
from pathlib import Path
sys.modules["pyarrow"] = sys.modules["datasets"] = None  # as if the data extra were not installed
from pressnlp import Pipeline, to_dataset
from pressnlp.core.errors import PressnlpError

corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
pipeline = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
found = {"jsonl": pipeline.run(corpus, out / "jsonl", progress=False).processed}
for name, attempt in [("parquet", lambda: pipeline.run(corpus, out / "parquet", formats=["jsonl", "parquet"],
                                                       progress=False)),
                      ("dataset", lambda: to_dataset(out / "jsonl"))]:
    try:
        attempt()
        found[name] = "no error"
    except PressnlpError as exc:
        found[name] = str(exc)
found["parquet_started"] = (out / "parquet").exists()
print(json.dumps(found))
"""


def test_without_the_data_extra_parquet_and_datasets_name_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(2):
        (corpus / f"r{n}.txt").write_text(f"Komunikat {n}\n\nTreść komunikatu.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", WITHOUT_DATA_EXTRA, str(corpus), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["jsonl"] == 2
    assert "pip install 'pressnlp[data]'" in found["parquet"]
    assert found["parquet_started"] is False  # refused before any document was processed
    assert "pip install 'pressnlp[data]'" in found["dataset"]
