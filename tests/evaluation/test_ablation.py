"""`pressnlp evaluate --without gazetteer` on corpus releases whose partners depend on the
built-in gazetteer: the re-extracted facts are those of a full run with the gazetteer off, and
the evaluation reports both."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pressnlp.api import Pipeline
from pressnlp.core.errors import ConfigError, PressnlpError
from pressnlp.evaluation import evaluate_run
from pressnlp.evaluation.ablation import ABLATIONS, reextract, run_config
from pressnlp.evaluation.data import load_results

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# Releases naming institutions the rules alone miss or cut ("Technologická agentura České
# republiky", "Transport Infrastructure Ireland", "Polregio", "Państwowa Straż Pożarna").
RELEASES = ["cs/2024-04-tul-recyklace-baterii.txt", "en/2024-05-dublin-cycle-network.html",
            "pl/2024-09-psp-gzm-syreny-czujniki-powodziowe.txt", "pl/2025-01-mzkzg-bilet-metropolitalny-plus.txt"]
FACTS_ONLY = {"pipeline": {"stages": ["read", "detect", "extract"]}}


def _partner_names(records: list[dict]) -> dict[str, list[str]]:
    return {record["id"]: sorted(p["name"] for p in record["facts"]["partners"]) for record in records}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The releases run with the built-in gazetteer and without it; plus their gold lines."""
    root = tmp_path_factory.mktemp("ablation")
    corpus = root / "corpus"
    for release in RELEASES:
        (corpus / release).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / release, corpus / release)
    gold = root / "gold.jsonl"
    lines = [line for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in RELEASES]
    assert len(lines) == len(RELEASES)
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with_gazetteer = root / "with"
    without_gazetteer = root / "without"
    Pipeline.from_config(FACTS_ONLY).run(corpus, with_gazetteer, progress=False)
    no_gazetteer = FACTS_ONLY | {"stages": {"extract": {"partners": {"builtin_gazetteer": False}}}}
    Pipeline.from_config(no_gazetteer).run(corpus, without_gazetteer, progress=False)
    return gold, with_gazetteer, without_gazetteer


def test_reextracted_facts_are_those_of_a_run_without_the_gazetteer(runs):
    _, with_gazetteer, without_gazetteer = runs
    records = load_results(with_gazetteer)
    ablated = reextract(records, run_config(with_gazetteer), ABLATIONS["gazetteer"])
    expected = {record["id"]: record["facts"] for record in load_results(without_gazetteer)}
    assert {record["id"]: record["facts"] for record in ablated} == expected
    assert _partner_names(ablated) != _partner_names(records)  # the gazetteer matters here
    assert load_results(with_gazetteer) == records  # the run is left as it was


def test_evaluate_reports_scores_with_and_without_the_gazetteer(runs):
    gold, with_gazetteer, without_gazetteer = runs
    result = evaluate_run(gold, with_gazetteer, without=["gazetteer"])
    ablated = result.ablations["gazetteer"]
    assert ablated.fields["partners"].f1 < result.report.fields["partners"].f1
    assert ablated.fields["partners"].to_dict() == evaluate_run(gold, without_gazetteer).report.fields[
        "partners"].to_dict()
    data = json.loads(result.to_json())["ablations"]["gazetteer"]
    assert data["config"] == {"stages.extract.partners.builtin_gazetteer": False}
    assert set(data["languages"]) == {"cs", "en", "pl"}
    assert data["all_fields"]["f1"] < result.all_fields.f1
    table = result.table()
    assert "without gazetteer:" in table
    partners = next(line for line in table.split("without gazetteer:")[1].splitlines() if line.startswith("partners"))
    assert partners.split()[1:3] == [f"{result.report.fields['partners'].f1:.3f}",
                                     f"{ablated.fields['partners'].f1:.3f}"]


def test_the_command_line_takes_without(runs, tmp_path):
    gold, with_gazetteer, _ = runs
    report = tmp_path / "scores.json"
    command = [sys.executable, "-m", "pressnlp.cli", "evaluate", str(with_gazetteer), "--gold", str(gold)]
    done = subprocess.run([*command, "--without", "gazetteer", "--json", str(report)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "without gazetteer:" in done.stdout
    assert "gazetteer" in json.loads(report.read_text(encoding="utf-8"))["ablations"]
    unknown = subprocess.run([*command, "--without", "lexicon"], capture_output=True, text=True, timeout=300)
    assert unknown.returncode != 0 and "unknown ablation 'lexicon'; known: gazetteer" in unknown.stderr


def test_an_ablation_needs_the_run_folder_and_its_config(runs):
    gold, with_gazetteer, _ = runs
    with pytest.raises(PressnlpError, match="needs a run folder"):
        evaluate_run(gold, with_gazetteer / "results.jsonl", without=["gazetteer"])


def test_the_gazetteer_switch_is_an_option_and_typos_still_fail():
    with pytest.raises(ConfigError, match="unknown option 'builtin_gazeteer'"):
        Pipeline.from_config(FACTS_ONLY | {"stages": {"extract": {"partners": {"builtin_gazeteer": False}}}})
