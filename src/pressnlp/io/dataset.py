"""Results as Hugging Face `datasets` objects, for researchers' own analysis."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pressnlp.io.arrow import records_to_table


def to_dataset(out: str | Path) -> Any:
    """The records of a run folder (`OUT/results.jsonl`) as a `datasets.Dataset` with the fixed
    result schema (SPEC fields)."""
    import datasets

    path = Path(out)
    results = path / "results.jsonl" if path.is_dir() else path
    if not results.exists():
        raise FileNotFoundError(f"{results}: no results file; run `pressnlp run CORPUS -o {out}` first")
    with results.open(encoding="utf-8") as handle:
        table = records_to_table(json.loads(line) for line in handle if line.strip())
    return datasets.Dataset(table)
