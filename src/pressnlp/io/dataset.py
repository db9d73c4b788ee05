"""Results as Hugging Face `datasets` objects, for researchers' own analysis (the `data` extra)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError


def to_dataset(out: str | Path) -> Any:
    """The records of a run folder (`OUT/results.jsonl`) as a `datasets.Dataset` with the fixed
    result schema (SPEC fields)."""
    datasets = require_datasets()
    from pressnlp.io.arrow import records_to_table

    path = Path(out)
    results = path / "results.jsonl" if path.is_dir() else path
    if not results.exists():
        raise FileNotFoundError(f"{results}: no results file; run `pressnlp run CORPUS -o {out}` first")
    with results.open(encoding="utf-8") as handle:
        table = records_to_table(json.loads(line) for line in handle if line.strip())
    return datasets.Dataset(table)


def require_datasets() -> Any:
    """The `datasets` library, or an error that says which extra to install."""
    try:
        import datasets
    except ImportError as exc:
        raise PressnlpError("to_dataset needs the 'data' extra: pip install 'pressnlp[data]'") from exc
    return datasets
