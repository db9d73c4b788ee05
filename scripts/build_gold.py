"""Build corpus/gold.jsonl from the per-helper parts in data/gold-parts/*.jsonl.

Each corpus helper owns one part file, so nobody edits a shared file at the same
time; this script merges them into the single sorted file the tests and the
evaluation read. The output is deterministic: lines sorted by id, UTF-8, keys in
the order the part wrote them, non-ASCII kept as is.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pressnlp.core.errors import PressnlpError
from pressnlp.evaluation.data import read_jsonl

logger = logging.getLogger("build_gold")

REPO_ROOT = Path(__file__).resolve().parent.parent


class GoldPartError(PressnlpError):
    """Two part files hold a line with the same id."""


def merge_parts(part_paths: list[Path]) -> list[dict]:
    """Merge parts sorted by id; the same id in two lines is an error, not a silent overwrite."""
    seen: dict[str, Path] = {}
    merged = []
    for path in sorted(part_paths):
        for record in read_jsonl(path):
            if record["id"] in seen:
                raise GoldPartError(f"id {record['id']!r} appears in {seen[record['id']]} and {path}")
            seen[record["id"]] = path
            merged.append(record)
    return sorted(merged, key=lambda record: record["id"])


def write_gold(records: list[dict], output: Path) -> None:
    """Write one JSON object a line, UTF-8, ending with a newline."""
    output.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    output.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--parts",
        type=Path,
        default=REPO_ROOT / "data" / "gold-parts",
        help="folder with the *.jsonl parts (default: data/gold-parts)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=REPO_ROOT / "corpus" / "gold.jsonl",
        help="file to write (default: corpus/gold.jsonl)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    part_paths = sorted(args.parts.glob("*.jsonl"))
    if not part_paths:
        logger.error("no *.jsonl parts in %s", args.parts)
        return 1
    try:
        records = merge_parts(part_paths)
    except PressnlpError as error:  # a bad line or an id in two parts
        logger.error("%s", error)
        return 1
    write_gold(records, args.output)
    logger.info("wrote %d gold lines from %d parts to %s", len(records), len(part_paths), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
