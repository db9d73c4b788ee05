"""Gold annotations and run results, read as plain records or as `datasets.Dataset` objects.

The scorer works on plain dicts; researchers who want to slice the same data themselves get it
as Hugging Face datasets from the same loaders, so both see exactly the same documents.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.io.dataset import require_datasets, to_dataset


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON-lines file, each with a string "id" (gold lines, result records);
    blank lines are skipped and a bad line is an error naming the file and the line."""
    if not path.is_file():
        raise PressnlpError(f"{path}: file not found")
    lines = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PressnlpError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise PressnlpError(f"{path}:{number}: expected an object with a string 'id'")
            lines.append(item)
    return lines


def load_gold(path: str | Path, split: str | None = None) -> list[dict[str, Any]]:
    """Gold lines (SPEC.md section 2), only those whose "split" is `split` when one is given."""
    lines = read_jsonl(Path(path))
    if split is None:
        return lines
    selected = [line for line in lines if line.get("split") == split]
    if not selected:
        seen = sorted({str(line["split"]) for line in lines if line.get("split") is not None})
        raise PressnlpError(f"{path}: no gold lines with split '{split}'; "
                            f"splits in the file: {', '.join(seen) or 'none'}")
    return selected


def results_path(out: str | Path) -> Path:
    """`OUT/results.jsonl` for a run folder, or the path itself for a results file."""
    path = Path(out)
    return path / "results.jsonl" if path.is_dir() else path


def load_results(out: str | Path) -> list[dict[str, Any]]:
    """The result records of a run folder (or of a results.jsonl file)."""
    path = results_path(out)
    if not path.exists():
        raise PressnlpError(f"{path}: no results file; run `pressnlp run CORPUS -o {out}` first")
    return read_jsonl(path)


def load_gold_dataset(path: str | Path, split: str | None = None) -> Any:
    """The gold lines as a `datasets.Dataset` (one row a document, nested facts kept)."""
    return require_datasets().Dataset.from_list(load_gold(path, split))


def load_results_dataset(out: str | Path) -> Any:
    """The result records of a run as a `datasets.Dataset` (the same as `pressnlp.to_dataset`)."""
    return to_dataset(results_path(out))
