"""Run-level evaluation on a hand-made run folder: split filtering, missing records, the table,
the JSON, the datasets loaders and the PNG charts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressnlp.core.errors import PressnlpError
from pressnlp.evaluation import evaluate_run, load_gold_dataset, load_results_dataset
from pressnlp.evaluation.plots import write_plots

GOLD = [
    {"id": "pl/a.txt", "split": "dev", "language": "pl", "date": "2024-03-14",
     "facts": {"partners": [{"name": "Górnośląsko-Zagłębiowska Metropolia", "aliases": ["GZM"]}],
               "dates": [{"text": "15 marca 2024 r.", "value": "2024-03-15"}],
               "themes": ["energy"],
               "contacts": [{"kind": "phone", "value": "+48327284600"}]},
     "summary_en": "GZM will install solar panels on public buildings.",
     "translation_en": "GZM will install solar panels on public buildings in March."},
    {"id": "pl/b.txt", "split": "test", "language": "pl", "date": None,
     "facts": {"partners": [{"name": "Urząd Miasta Łodzi", "aliases": []}],
               "dates": [{"text": "w 2025 roku", "value": "2025"}, {"text": "wiosną", "value": None}],
               "themes": ["mobility", "digital"],
               "contacts": [{"kind": "url", "value": "uml.lodz.pl/rowery"}]},
     "summary_en": "Łódź opens a bike-sharing app."},
    {"id": "en/c.txt", "split": "test", "language": "en", "date": None,
     "facts": {"partners": [], "dates": [], "themes": ["health-social"], "contacts": []},
     "summary_en": "A clinic opens."},
]

RECORDS = [
    {"id": "en/x.txt", "language": {"code": "en"}, "facts": {}, "errors": []},  # no gold: not scored
    {"id": "pl/a.txt", "language": {"code": "pl"},
     "facts": {"partners": [{"name": "GZM", "name_en": None, "aliases": []}],
               "dates": [{"text": "15 marca 2024 r.", "value": "2024-03-15", "start": 0, "end": 16}],
               "themes": [{"id": "energy", "label": "Energy", "score": 0.9, "evidence": []}],
               "contacts": [{"kind": "phone", "value": "+48 32 728 46 00"}]},
     "summary": {"method": "textrank", "text": "GZM zainstaluje panele.",
                 "en": "GZM will install solar panels on public buildings."},
     "translation": {"backend": "lexicon:test", "text": "GZM will install solar panels on public buildings in March."},
     "errors": []},
    {"id": "pl/b.txt", "language": {"code": "cs"},
     "facts": {"partners": [{"name": "Urzad Miasta Lodzi", "aliases": []}, {"name": "MPK Łódź", "aliases": []}],
               "dates": [{"text": "wiosną", "value": "2024-03/2024-05", "start": 5, "end": 11}],
               "themes": [{"id": "mobility", "label": "", "score": 0.7, "evidence": []}],
               "contacts": [{"kind": "url", "value": "https://www.uml.lodz.pl/rowery/"}]},
     "summary": {"method": "textrank", "text": "Łódź uruchamia aplikację.", "en": "Łódź opens an app."},
     "translation": None,
     "errors": [{"stage": "translate", "type": "DocumentTimeout",
                 "message": "stage 'translate' exceeded its time budget of 60 s (limits.doc_timeout_s)"}]},
]


@pytest.fixture
def run(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in GOLD), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                                       encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"stages": {"translate": {"backend": "lexicon:test"}}}))
    return gold, out


def test_all_gold_documents_are_scored_micro_averaged(run):
    gold, out = run
    result = evaluate_run(gold, out)
    fields = result.report.fields
    # partners: a (GZM alias) tp; b Łódź tp + MPK fp
    assert (fields["partners"].tp, fields["partners"].fp, fields["partners"].fn) == (2, 1, 0)
    # dates: a tp; b gold 2025 missed, the resolved "wiosną" is spurious, gold null not scored
    assert (fields["dates"].tp, fields["dates"].fp, fields["dates"].fn) == (1, 1, 1)
    # themes: energy, mobility tp; digital and health-social missed (c has no record)
    assert (fields["themes"].tp, fields["themes"].fp, fields["themes"].fn) == (2, 0, 2)
    assert (fields["contacts"].tp, fields["contacts"].fp, fields["contacts"].fn) == (2, 0, 0)
    total = result.all_fields
    assert (total.tp, total.fp, total.fn) == (7, 2, 3)
    assert total.f1 == pytest.approx(2 * 7 / (2 * 7 + 2 + 3))
    assert result.missing_ids == ["en/c.txt"]
    assert result.report.unscored_ids == ["en/x.txt"]
    assert result.report.language["accuracy"] == 0.3333  # rounded to 4 places
    assert result.run_stages == {"translate": {"backend": "lexicon:test"}}


def test_split_keeps_only_its_gold_lines(run):
    gold, out = run
    result = evaluate_run(gold, out, split="test")
    assert [doc["id"] for doc in result.report.documents] == ["pl/b.txt", "en/c.txt"]
    assert result.report.translation is None  # the only translation_en is in dev
    assert set(result.report.unscored_ids) == {"en/x.txt", "pl/a.txt"}
    dev = evaluate_run(gold, out, split="dev")
    assert dev.report.translation["backends"]["lexicon:test"]["chrf"] == pytest.approx(100.0)
    assert dev.all_fields.f1 == pytest.approx(1.0)


def test_an_unknown_split_names_the_splits_there(run):
    gold, out = run
    with pytest.raises(PressnlpError, match="split 'train'.*dev, test"):
        evaluate_run(gold, out, split="train")


def test_missing_results_say_how_to_make_them(run, tmp_path):
    gold, _ = run
    with pytest.raises(PressnlpError, match="pressnlp run"):
        evaluate_run(gold, tmp_path / "nowhere")


def test_a_results_file_can_be_given_instead_of_the_folder(run):
    gold, out = run
    assert evaluate_run(gold, out / "results.jsonl").to_dict()["fields"] == evaluate_run(gold, out).to_dict()["fields"]


def test_json_has_figures_and_the_per_document_why(run):
    gold, out = run
    data = json.loads(evaluate_run(gold, out, split="test").to_json())
    assert data["schema"] == "pressnlp.evaluation/1"
    assert data["split"] == "test"
    assert data["fields"]["partners"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
                                          "f1": 0.6667}
    b = data["documents"][0]
    assert b["id"] == "pl/b.txt"
    assert b["partners"]["spurious"] == [{"name": "MPK Łódź", "aliases": []}]
    assert b["dates"]["missed"] == [{"text": "w 2025 roku", "value": "2025"}]
    assert b["errors"] == ["translate: stage 'translate' exceeded its time budget of 60 s (limits.doc_timeout_s)"]
    assert b["language"] == {"predicted": "cs", "gold": "pl"}
    assert data["missing_ids"] == ["en/c.txt"]
    assert data["summary"]["documents"] == 2


def test_table_shows_figures_and_what_was_missed_and_spurious(run):
    gold, out = run
    table = evaluate_run(gold, out, split="test").table()
    lines = table.splitlines()
    partners = next(line for line in lines if line.startswith("partners"))
    assert partners.split() == ["partners", "0.500", "1.000", "0.667", "1", "1", "0"]
    assert "accuracy 0.000 (0/2)" in table
    assert "+ partners: MPK Łódź" in table
    assert '- dates: "w 2025 roku" 2025' in table
    assert '+ dates: "wiosną" 2024-03/2024-05' in table
    assert "- themes: digital" in table
    assert "language cs (gold pl)" in table
    assert "error translate: stage 'translate' exceeded its time budget" in table
    assert "no result record for 1 gold documents: en/c.txt" in table


def test_scores_per_gold_language_in_the_table_and_the_json(run):
    gold, out = run
    result = evaluate_run(gold, out)
    # pl: a and b (b's record says cs, but the gold language groups it); en: c has no record
    table = result.table()
    section = table.split("per language")[1].split("\n\n")[0].splitlines()
    assert section[1].split() == ["language", "documents", "partners", "canonical", "names", "dates", "themes",
                                  "contacts", "all", "fields"]
    rows = {line.split()[0]: line.split()[1:] for line in section[3:]}
    assert rows["en"] == ["1", "-", "-", "-", "0.000", "-", "0.000"]
    # pl partners: 2 tp, 1 fp; canonical names: "GZM" (a gold alias) and "Urzad Miasta Lodzi" match
    assert rows["pl"][:3] == ["2", "0.800", "0.800"]
    languages = json.loads(result.to_json())["languages"]
    assert languages["pl"]["documents"] == 2
    assert languages["pl"]["partners"] == {"tp": 2, "fp": 1, "fn": 0, "precision": 0.6667, "recall": 1.0,
                                           "f1": 0.8}
    assert languages["pl"]["canonical_names"]["tp"] == 2
    assert languages["en"]["themes"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert languages["pl"]["all_fields"]["tp"] == result.all_fields.tp  # en adds only a miss
    assert result.to_dict()["canonical_names"]["tp"] == 2


def test_table_limits_documents_to_the_lowest_f1(run):
    gold, out = run
    table = evaluate_run(gold, out).table(document_rows=1)
    assert "the 1 lowest of 3" in table
    detail = table.split("missed (-) and spurious (+) per document")[1]
    assert "en/c.txt" in detail and "pl/a.txt" not in detail and "pl/b.txt" not in detail


def test_gold_and_results_load_as_datasets(run):
    gold, out = run
    gold_set = load_gold_dataset(gold, split="test")
    assert gold_set.num_rows == 2
    assert gold_set[0]["facts"]["dates"][1] == {"text": "wiosną", "value": None}
    results = load_results_dataset(out)
    assert sorted(results["id"]) == ["en/x.txt", "pl/a.txt", "pl/b.txt"]


def test_plots_are_png_files(run, tmp_path):
    gold, out = run
    paths = write_plots(evaluate_run(gold, out), tmp_path / "plots")
    assert [p.name for p in paths] == ["fields.png", "languages.png", "documents.png"]
    for path in paths:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(data) > 10_000  # a drawn chart, not an empty canvas


def test_the_corpus_gold_taken_as_predictions_scores_perfectly(tmp_path):
    """Every gold line of the real corpus, turned into a result record, matches itself: no key
    function loses or merges items of real annotations."""
    gold_path = Path(__file__).resolve().parents[2] / "corpus" / "gold.jsonl"
    if not gold_path.is_file():
        pytest.skip("corpus/gold.jsonl is not built (scripts/build_gold.py)")
    records = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        facts = gold["facts"]
        records.append({
            "id": gold["id"], "language": {"code": gold["language"]},
            "facts": {"partners": facts["partners"], "dates": facts["dates"],
                      "themes": [{"id": theme} for theme in facts["themes"]], "contacts": facts["contacts"]},
            "summary": {"text": gold["summary_en"], "en": gold["summary_en"]},
            "translation": {"backend": "gold", "text": gold["translation_en"]} if gold.get("translation_en") else None,
            "errors": []})
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    result = evaluate_run(gold_path, out, split="test")
    for name, field_score in result.report.fields.items():
        assert field_score.fp == field_score.fn == 0, name
        assert field_score.tp > 0, name
    assert result.report.language["accuracy"] == 1.0
    assert result.report.summary["rougeL"] == pytest.approx(1.0)
    assert result.report.translation["chrf"] == pytest.approx(100.0)
