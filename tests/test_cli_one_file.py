"""`pressnlp translate FILE|-` and `pressnlp process FILE|-`: one release from the terminal or a
script, through the same pipeline, config and glossary as `pressnlp run`."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import docx
import pytest

from pressnlp.cli import main

RELEASE = """Metropolia GZM kupi nowe autobusy

Katowice, 14 marca 2024 r.

Metropolia GZM podpisała umowę z firmą Solaris na dostawę autobusów wodorowych.

Kontakt: biuro@metropoliagzm.pl
"""


@pytest.fixture
def config(tmp_path):
    """The dictionary gist (no model needed) and a glossary the translation must respect."""
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('"Metropolia GZM" = "GZM Metropolis"\n', encoding="utf-8")
    path = tmp_path / "pipeline.toml"
    path.write_text(f'version = 1\n[pipeline]\nstages = ["read", "detect", "translate", "extract"]\n'
                    f'[stages.translate]\nbackend = "lexicon"\nglossary = "{glossary}"\n', encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_translate_prints_the_english_of_a_file_with_the_glossary(tmp_path, config, capsys):
    release = tmp_path / "autobusy.txt"
    release.write_text(RELEASE, encoding="utf-8")
    assert main(["translate", str(release), "-c", config]) == 0
    english = capsys.readouterr().out
    assert english.splitlines()[0].count("GZM Metropolis") == 1  # the glossary's term, in the title line
    assert "biuro@metropoliagzm.pl" in english  # kept as written
    assert "Metropolia" not in english and "podpisała" not in english
    assert english.count("\n\n") == RELEASE.strip().count("\n\n")  # the paragraphs stay


def test_translate_to_markdown_and_word_files(tmp_path, config, capsys):
    release = tmp_path / "autobusy.txt"
    release.write_text(RELEASE, encoding="utf-8")
    assert main(["translate", str(release), "-c", config, "--format", "md", "-o", str(tmp_path / "out.md")]) == 0
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ") and "GZM Metropolis" in markdown
    assert "14 March 2024 (2024-03-14)" in markdown  # the release date in words
    assert main(["translate", str(release), "-c", config, "--format", "docx", "-o", str(tmp_path / "out.docx")]) == 0
    document = docx.Document(str(tmp_path / "out.docx"))
    assert document.core_properties.author == "pressnlp"
    assert any("GZM Metropolis" in paragraph.text for paragraph in document.paragraphs)
    assert capsys.readouterr().out == ""


def test_process_reads_standard_input_and_prints_one_json_line(tmp_path):
    """What `cat release.txt | pressnlp process - --jsonl | jq .facts.partners` relies on."""
    config = tmp_path / "facts.toml"
    config.write_text('version = 1\n[pipeline]\nstages = ["read", "detect", "extract"]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pressnlp.cli", "process", "-", "--jsonl", "-c", str(config)],
                          input=RELEASE.encode("utf-8"), capture_output=True, env=os.environ.copy(), timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema"] == "pressnlp.result/1" and record["id"] == "stdin"
    assert record["title"] == "Metropolia GZM kupi nowe autobusy"
    assert record["language"]["code"] == "pl"
    assert {"kind": "email", "value": "biuro@metropoliagzm.pl"} in record["facts"]["contacts"]


def test_translate_reads_standard_input(config, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RELEASE.encode("cp1250"))))
    assert main(["translate", "-", "-c", config]) == 0
    assert "GZM Metropolis" in capsys.readouterr().out


def test_process_prints_the_record_of_an_html_file(tmp_path, config, capsys):
    page = tmp_path / "komunikat.html"
    page.write_text("<html><body><h1>Metropolia GZM kupi nowe autobusy</h1><p>Katowice, 14 marca 2024 r.</p>"
                    "<p>Metropolia GZM kupi autobusy.</p></body></html>", encoding="utf-8")
    assert main(["process", str(page), "-c", config]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"]["format"] == "html" and record["date"] == "2024-03-14"


@pytest.mark.parametrize(("arguments", "stdin", "code", "message"), [
    (["process", "missing.txt"], b"", 2, "missing.txt: file not found"),
    (["translate", "-"], b"  \n", 2, "stdin: no text to process"),
    (["process", "{tmp}/release.xyz"], b"", 2, "unsupported file type '.xyz'"),
    (["translate", "{tmp}/broken.docx"], b"", 1, "broken.docx: not a valid .docx file"),
])
def test_bad_input_exits_non_zero_with_one_line(tmp_path, config, capsys, monkeypatch, arguments, stdin, code, message):
    (tmp_path / "release.xyz").write_text("text", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this zip ends here")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    assert main([argument.format(tmp=tmp_path) for argument in arguments] + ["-c", config]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    errors = [line for line in captured.err.splitlines() if line.startswith("pressnlp: error:")]
    assert len(errors) == 1 and message in errors[0]


def test_a_reader_that_has_gone_gets_no_traceback(tmp_path):
    """`pressnlp process x.txt | head -c 1`: a closed pipe ends the command quietly, as it ends cat."""
    config = tmp_path / "read.toml"
    config.write_text('version = 1\n[pipeline]\nstages = ["read"]\n', encoding="utf-8")
    release = tmp_path / "short.txt"
    release.write_text("Umowa podpisana\n\nGmina i powiat podpisały umowę o współpracy.\n", encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read what the command writes
    try:
        done = subprocess.run([sys.executable, "-m", "pressnlp.cli", "process", str(release), "-c", str(config)],
                              stdout=writer, stderr=subprocess.PIPE, env=os.environ.copy(), timeout=120, check=False)
    finally:
        os.close(writer)
    errors = done.stderr.decode()
    assert done.returncode == 141, errors
    assert "Traceback" not in errors
