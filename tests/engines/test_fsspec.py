"""Corpus and output folders as fsspec URLs (file://, memory://) with the local engine."""
import json

import fsspec
import pytest

from pressnlp import Pipeline
from pressnlp.engines.output import OutputFolder

READ_ONLY = {"pipeline": {"stages": ["read"]}}


@pytest.fixture
def memory_corpus(small_corpus):
    fs = fsspec.filesystem("memory")
    root = f"/corpus-{id(small_corpus)}"
    for path in sorted(small_corpus.rglob("*")):
        if path.is_file():
            fs.pipe_file(f"{root}/{path.relative_to(small_corpus).as_posix()}", path.read_bytes())
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def _lines(text):
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        for run in record["stages"].values():
            run.pop("ms")
    return records


def test_file_urls_give_the_same_records_as_paths(small_corpus, tmp_path):
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, tmp_path / "plain", progress=False)
    pipeline.run(f"file://{small_corpus}", f"file://{tmp_path / 'url'}", progress=False)
    plain = (tmp_path / "plain" / "results.jsonl").read_text(encoding="utf-8")
    url = (tmp_path / "url" / "results.jsonl").read_text(encoding="utf-8")
    assert _lines(plain) == _lines(url)


@pytest.mark.parametrize("workers", [1, 2])
def test_memory_corpus_into_memory_output(memory_corpus, small_corpus, tmp_path, workers, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = f"memory://out-{workers}-{id(tmp_path)}"
    pipeline = Pipeline.from_config(READ_ONLY)
    summary = pipeline.run(memory_corpus, out, workers=workers, batch_size=4, progress=False)
    assert (summary.documents, summary.failed) == (13, 1)
    fs = fsspec.filesystem("memory")
    remote = _lines(fs.cat_file(f"{out}/results.jsonl").decode())
    pipeline.run(small_corpus, tmp_path / "local", progress=False)
    local = _lines((tmp_path / "local" / "results.jsonl").read_text(encoding="utf-8"))
    assert remote == local
    assert fs.exists(f"{out}/docs/a/release-01.txt.json") and fs.exists(f"{out}/manifest.json")
    again = pipeline.run(memory_corpus, out, workers=workers, progress=False)
    assert (again.processed, again.cached) == (0, 13)
    assert OutputFolder(out).state_dir.is_relative_to(tmp_path / "cache")
