"""The benchmark scripts' own logic: measuring a real (tiny) run, the tables, and how peers'
output is turned into SPEC items."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    pytest.importorskip("psutil")
    return _load("bench")


@pytest.fixture(scope="module")
def peers():
    return _load("bench_peers")


def test_measure_runs_pressnlp_and_reads_its_manifest(bench, tmp_path):
    corpus = bench.make_corpus(5, seed=3, workdir=tmp_path)
    assert len(list(corpus.rglob("*.*"))) >= 5
    config = tmp_path / "read.toml"
    config.write_text('version = 1\n[pipeline]\nstages = ["read"]\n')
    out = tmp_path / "out"
    command = bench.pressnlp_command(corpus, out, 1, None, str(config))
    cold = bench.measure(command, 5, 1, warm=False, out=out, memory="off")
    assert (cold.processed, cold.cached, cold.failed, cold.exit_code) == (5, 0, 0, 0)
    assert set(cold.stage_ms) == {"read"} and cold.stage_ms["read"] > 0
    # a Python interpreter with pressnlp loaded; the sampled tree peak can miss a peak between samples
    assert cold.max_process_mib > 20 and cold.tree_peak_mib > 20 and cold.tree_pss_mib > 20
    warm = bench.measure(command, 5, 1, warm=True, out=out, memory="off")
    assert (warm.processed, warm.cached) == (0, 5)
    assert bench.mean_words(out) > 100


def _figures(bench, releases, jobs, warm, seconds, process_mib, tree_mib, stage_ms, workers=None):
    """`workers`: the largest worker's (RSS, PSS, USS) and the tree's PSS, in MiB."""
    rss, pss, uss, tree_pss = workers or (None, None, None, None)
    return bench.RunFigures(tool="pressnlp", memory="off", releases=releases, jobs=jobs, warm=warm, seconds=seconds,
                            first_record_s=None, exit_code=0, max_process_mib=process_mib, worker_peak_mib=rss,
                            tree_peak_mib=tree_mib, worker_pss_mib=pss, worker_uss_mib=uss, tree_pss_mib=tree_pss,
                            stage_ms=stage_ms)


def test_markdown_and_scaling_notes(bench):
    runs = [_figures(bench, 1000, 1, False, 50.0, 500.0, 500.0, {"read": 2.0, "extract": 20.0}),
            _figures(bench, 1000, 2, False, 25.0, 510.0, 1000.0, {"read": 2.0, "extract": 20.0}),
            _figures(bench, 10000, 2, False, 275.0, 561.0, 1100.0, {"read": 2.0, "extract": 22.0},
                     workers=(540.0, 301.0, 60.0, 650.0)),
            _figures(bench, 10000, 2, True, 5.0, 100.0, 100.0, {"read": 2.0})]
    table = bench.markdown(runs).splitlines()
    assert table[0].split(" | ")[9:11] == ["read ms", "extract ms"]
    assert ("| 10,000 | pressnlp | off | 2 | cold | 275.0 | - | 36.4 | 27.5 | 2.0 | 22.0 | 561 | 540 | 301 / 60 | 1100 "
            "| 650 | 0 |") in table
    assert ("| 10,000 | pressnlp | off | 2 | warm re-run | 5.0 | - | 2000.0 | 0.5 | - | - | 100 | - | - | 100 | - "
            "| 0 |") in table
    notes = bench.scaling_notes(runs)
    assert "pressnlp, 1,000 releases, memory off: -j 2 is 2.00x as fast as -j 1" in notes
    assert ("pressnlp -j 2, memory off: time per release at 10,000 is 1.10x that at 1,000; largest-process peak "
            "memory 1.10x") in notes


def _document(peers, text: str, language: str, date: str | None):
    gold = {"id": "x", "language": language, "date": date, "facts": {"dates": []}, "summary_en": ""}
    record = {"id": "x", "text": text, "date": date, "language": {"code": language}, "translation": None,
              "stages": {}}
    return peers.Document(gold, record)


def test_dateparser_matches_become_spec_values_at_their_granularity(peers):
    pytest.importorskip("dateparser")
    text = "Katowice, 14 marca 2024 r.\n\nW czerwcu 2024 r. ruszy budowa. Prace potrwają do 30 września 2025 r."
    doc = _document(peers, text, "pl", "2024-03-14")
    ignored = doc.release_line()
    assert ignored and text[ignored[0][0]:ignored[0][1]].startswith("14 marca 2024")
    values = [item["value"] for item in peers.dateparser_dates(doc, ignored)]
    assert values == ["2024-06", "2025-09-30"]


def test_sumy_picks_whole_sentences_in_document_order(peers):
    pytest.importorskip("sumy")
    from sumy.summarizers.text_rank import TextRankSummarizer

    sentences = ["The city opens a new tram line to the university campus.",
                 "The tram line links the campus with the central station.",
                 "Tickets for the tram line cost the same as on other lines in the city.",
                 "The weather was sunny."]
    doc = _document(peers, " ".join(sentences), "en", None)
    summary = peers.sumy_summary(TextRankSummarizer, doc, max_sentences=2, max_words=80)
    picked = [s for s in sentences if s in summary]
    assert len(picked) == 2 and summary == " ".join(picked)  # joined in the order of the text
    assert peers.sumy_summary(TextRankSummarizer, doc, max_sentences=2, max_words=5).endswith("…")


def test_peer_table_puts_ratios_against_ours(peers):
    rows = [peers.ToolFigures("dates", "ours", "F1", 0.9, "", 1.0, 100),
            peers.ToolFigures("dates", "dateparser", "F1", 0.3, "", 20.0, 100)]
    table = peers.markdown(rows).splitlines()
    assert table[2].endswith("| 10.0 | 1.00x | 1.00x |")
    assert table[3].endswith("| 200.0 | 0.33x | 20.00x |")
    json.dumps([row.__dict__ for row in rows])
