"""Bad input never stops a run: every hostile file gets a correct record or a clear error, and the
good releases beside them come out exactly as they do alone."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
import zlib

import pytest
from hostile import (
    BAD_INPUTS,
    POLISH_RELEASE,
    copy_good_releases,
    docx_bytes,
    pdf_bomb,
    write_bad_inputs,
    zip_bomb_docx,
)

from pressnlp.core.errors import StageError
from pressnlp.io.readers import read_document
from pressnlp.schema import validate_jsonl

# id -> (stage whose error the record carries, or None for a clean record; words the message has)
OUTCOMES: dict[str, tuple[str | None, str]] = {
    "empty.txt": (None, ""),
    "whitespace.txt": (None, ""),
    "binary.txt": ("read", "binary data"),
    "image.html": ("read", "PNG image"),
    "broken-utf8.txt": (None, ""),
    "huge.txt": ("read", "stages.read.max_file_bytes"),
    "one-line.txt": ("translate", "limits.max_text_chars"),
    "deep.html": (None, ""),
    "scripts-only.html": ("read", "no readable text"),
    "truncated.docx": ("read", "truncated"),
    "bomb.docx": ("read", "zip bomb"),
    "scan.pdf": ("read", "no text layer"),
    "loop/x.txt": ("read", "symbolic links"),
    "loop/y.txt": ("read", "symbolic links"),
    "nazwy/komunikat z ąęśćźżół i spacjami.txt": (None, ""),
    "nazwy/nowa\nlinia.txt": (None, ""),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, warm_default, results_by_id):
    """The default pipeline over the hostile files plus five good releases, and over the good ones alone."""
    base = tmp_path_factory.mktemp("bad-inputs")
    corpus = base / "corpus"
    write_bad_inputs(corpus)
    good_ids = copy_good_releases(corpus)
    alone = base / "good-alone"
    copy_good_releases(alone)
    pipeline = warm_default.pipeline
    summary = pipeline.run(corpus, base / "out", progress=False)
    pipeline.run(alone, base / "out-good", progress=False)
    return {"summary": summary, "out": base / "out",
            "records": results_by_id(base / "out", timings=False),
            "alone": results_by_id(base / "out-good", timings=False), "good_ids": good_ids}


def test_every_bad_file_gets_a_record_with_a_clear_outcome(bad_run):
    records = bad_run["records"]
    assert set(records) == set(OUTCOMES) | set(bad_run["good_ids"])
    assert set(BAD_INPUTS) - set(OUTCOMES) == {"loop/up"}
    assert not any(doc_id.startswith("loop/up/") for doc_id in records), "a folder link was followed"
    for doc_id, (stage, words) in OUTCOMES.items():
        record = records[doc_id]
        if stage is None:
            assert record["errors"] == [], doc_id
            assert all(run["status"] == "ok" for run in record["stages"].values()), doc_id
        else:
            assert len(record["errors"]) == 1, (doc_id, record["errors"])
            error = record["errors"][0]
            assert error["stage"] == stage and words in error["message"], (doc_id, error)
            assert record["stages"][stage]["status"] == "failed"
    summary = bad_run["summary"]
    failed = sum(1 for stage, _ in OUTCOMES.values() if stage)
    assert (summary.documents, summary.processed, summary.failed) == (len(records), len(records), failed)
    assert summary.exit_code == 1


def test_bad_run_results_follow_the_schema(bad_run):
    assert list(validate_jsonl(bad_run["out"] / "results.jsonl")) == []


def test_good_releases_come_out_as_they_do_alone(bad_run):
    assert sorted(bad_run["alone"]) == sorted(bad_run["good_ids"])
    for doc_id in bad_run["good_ids"]:
        assert bad_run["records"][doc_id] == bad_run["alone"][doc_id], doc_id
        assert bad_run["records"][doc_id]["facts"]["partners"], doc_id


def test_what_the_readable_oddities_contain(bad_run):
    records = bad_run["records"]
    for doc_id in ("empty.txt", "whitespace.txt"):
        record = records[doc_id]
        assert record["text"] == "" and record["language"]["code"] == "und" and record["summary"]["text"] == ""
    broken = records["broken-utf8.txt"]
    assert broken["source"]["encoding"] == "utf-8"
    assert "Górnośląsko-Zagłębiowska Metropolia" in broken["text"] and "\ufffd" in broken["text"]
    assert broken["date"] == "2024-03-14" and broken["language"]["code"] == "pl"
    assert "Zażółć gęślą jaźń." in records["deep.html"]["text"]
    one_line = records["one-line.txt"]
    assert len(one_line["text"]) > 900_000 and "\n" not in one_line["text"]
    assert one_line["language"]["code"] == "pl" and one_line["stages"]["extract"]["status"] == "ok"
    assert records["huge.txt"]["source"]["bytes"] == 50 * 1024 * 1024
    spaced, newline = records["nazwy/komunikat z ąęśćźżół i spacjami.txt"], records["nazwy/nowa\nlinia.txt"]
    assert spaced["title"].startswith("Górnośląsko-Zagłębiowska Metropolia przyznała")
    same = {key: value for key, value in spaced.items() if key not in ("id", "source")}
    assert same == {key: value for key, value in newline.items() if key not in ("id", "source")}


def test_bad_run_writes_only_inside_its_output_folder(bad_run):
    out = bad_run["out"].resolve()
    written = [path for path in out.rglob("*") if path.is_file()]
    assert all(path.resolve().is_relative_to(out) for path in written)
    documents = [path for path in written if path.relative_to(out).parts[0] == "docs"]
    assert len(documents) == len(bad_run["records"])
    assert {json.loads(path.read_text(encoding="utf-8"))["id"] for path in documents} == set(bad_run["records"])


def test_zip_bomb_is_refused_before_anything_is_inflated(monkeypatch):
    bomb = zip_bomb_docx()
    assert len(bomb) < 3_000_000
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 2 * 1024**3

    def no_inflating(*args, **kwargs):
        raise AssertionError("a member of the zip bomb was opened for reading")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    with pytest.raises(StageError, match="zip bomb"):
        read_document(bomb, "docx")


def test_pdf_builder_makes_a_readable_document():
    assert read_document(pdf_bomb(inflated_mib=1), "pdf").text == "Komunikat prasowy"


def test_pdf_bomb_gets_a_clear_error_having_inflated_a_bounded_amount(monkeypatch):
    """The work is bounded by bytes inflated, not by a clock: a small share of the 1 GiB bomb at most."""
    inflated = []
    real_decompressobj = zlib.decompressobj

    class CountingDecompressor:
        def __init__(self, *args, **kwargs):
            self._inner = real_decompressobj(*args, **kwargs)

        def decompress(self, data, *args, **kwargs):
            out = self._inner.decompress(data, *args, **kwargs)
            inflated.append(len(out))
            return out

        def __getattr__(self, name):
            return getattr(self._inner, name)

    monkeypatch.setattr(zlib, "decompressobj", CountingDecompressor)
    with pytest.raises(StageError, match="PDF bomb"):
        read_document(pdf_bomb(), "pdf")
    assert inflated, "pypdf inflated the stream through zlib.decompressobj"
    assert sum(inflated) <= 256 * 1024**2


def test_docx_builder_makes_a_readable_document():
    """The truncated and hostile .docx files start from this one: it must read, or those tests prove nothing."""
    text = read_document(docx_bytes(POLISH_RELEASE.split("\n\n")), "docx").text
    assert "Górnośląsko-Zagłębiowska Metropolia" in text and "anna.nowak@metropoliagzm.pl" in text


# --- unreadable files: root reads everything, so the run drops the capabilities that let it ---

def _without_root_file_access() -> list[str]:
    """A command prefix under which files without read permission cannot be read."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable to the run")
    # setpriv --reuid=nobody cannot work here: the interpreter may live under /root (mode 0700).
    # Dropping the two capabilities that bypass file permissions makes root an ordinary owner.
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
            "--inh-caps=-dac_override,-dac_read_search"]


@pytest.fixture(scope="module")
def unreadable_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("unreadable")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "tajne.txt").write_text(POLISH_RELEASE, encoding="utf-8")
    (corpus / "pusty.txt").write_bytes(b"")
    locked = corpus / "zamknięty"
    locked.mkdir()
    (locked / "komunikat.txt").write_text(POLISH_RELEASE, encoding="utf-8")
    prefix = _without_root_file_access()
    os.chmod(corpus / "tajne.txt", 0)
    os.chmod(locked, 0)
    try:
        probe = subprocess.run([*prefix, "cat", str(corpus / "tajne.txt")], capture_output=True)
        if probe.returncode == 0:
            pytest.skip("this machine lets the run read a file without read permission")
        env = {**os.environ, "HOME": str(base), "XDG_CACHE_HOME": str(base / "cache")}
        config = base / "read.toml"  # reading is what permissions stop; the rest would only load models
        config.write_text('[pipeline]\nstages = ["read"]\n', encoding="utf-8")
        process = subprocess.run([*prefix, sys.executable, "-m", "pressnlp.cli", "run", str(corpus),
                                  "-o", str(base / "out"), "-c", str(config), "--no-progress"],
                                 capture_output=True, text=True, env=env, timeout=300)
    finally:
        os.chmod(corpus / "tajne.txt", 0o644)
        os.chmod(locked, 0o755)
    return process, base / "out"


def test_a_file_without_read_permission_gets_an_error_record(unreadable_run, results_by_id):
    process, out = unreadable_run
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr
    records = results_by_id(out, timings=False)
    secret = records["tajne.txt"]
    assert secret["errors"] == [{"stage": "read", "type": "OSError",
                                 "message": "cannot read tajne.txt: Permission denied"}]
    assert records["pusty.txt"]["errors"] == []
    assert list(validate_jsonl(out / "results.jsonl")) == []


def test_a_folder_without_read_permission_is_reported(unreadable_run, results_by_id):
    process, out = unreadable_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    records = results_by_id(out, timings=False)
    reported = any("zamknięty" in doc_id for doc_id in records) or any(
        "zamknięty" in warning for warning in manifest["warnings"])
    assert reported, "the releases in an unreadable folder vanished without an error or a warning"
