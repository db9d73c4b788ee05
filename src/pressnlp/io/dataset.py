"""Results as Hugging Face `datasets` objects, for researchers' own analysis."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def to_dataset(out: str | Path) -> Any:
    """The records of a run folder (`OUT/results.jsonl`) as a `datasets.Dataset`."""
    import datasets

    path = Path(out)
    results = path / "results.jsonl" if path.is_dir() else path
    if not results.exists():
        raise FileNotFoundError(f"{results}: no results file; run `pressnlp run CORPUS -o {out}` first")
    return datasets.Dataset.from_json(str(results))
