"""The readers and the date extractor on the real corpus, scored against gold (SPEC.md section 3).

Tuned on the dev split; the test split is the report (issue 5: dates F1 >= 0.90). Every release
is read by the same reader the pipeline uses, and its date (not gold's) resolves relative dates.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressnlp.evaluation.scoring import FieldScore, score_field
from pressnlp.io.readers import format_for_path, read_document
from pressnlp.lang.dates import find_release_date, parse_iso_date
from pressnlp.stages.extract.dates import extract_dates

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"


def _gold() -> list[dict]:
    rows: dict[str, dict] = {}
    for part in sorted((ROOT / "data" / "gold-parts").glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return [row for row in rows.values() if (CORPUS / row["id"]).is_file()]


GOLD = _gold()
pytestmark = pytest.mark.skipif(not GOLD, reason="no corpus releases with gold annotations yet")


def _evaluate(split: str) -> tuple[FieldScore, int, int, list[str]]:
    total = FieldScore()
    right_dates = documents = 0
    problems: list[str] = []
    for gold in GOLD:
        if gold.get("split") != split:
            continue
        path = CORPUS / gold["id"]
        result = read_document(path.read_bytes(), format_for_path(path.name))
        documents += 1
        right_dates += result.date == gold.get("date")
        release = find_release_date(result.text, gold["language"])
        items = extract_dates(result.text, gold["language"], parse_iso_date(result.date),
                              ignore_spans=[release[1]] if release else [])
        for item in items:
            if result.text[item["start"]:item["end"]] != item["text"]:
                problems.append(f"{gold['id']}: offsets {item}")
        detail = score_field("dates", items, gold["facts"]["dates"])
        total.add(detail.score)
    return total, right_dates, documents, problems


@pytest.mark.parametrize("split", ["dev", "test"])
def test_dates_f1_and_release_dates_on_the_corpus(split):
    score, right, documents, problems = _evaluate(split)
    if not documents:
        pytest.skip(f"no {split} releases yet")
    print(f"\n{split}: {documents} releases, dates {score.to_dict()}, release date {right}/{documents}")
    assert problems == []
    assert score.f1 >= 0.90
    assert right / documents >= 0.95
