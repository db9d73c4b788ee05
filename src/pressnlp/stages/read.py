"""Stage `read`: bytes of a file (or a pasted text) to clean text, title and release date."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressnlp.core.errors import StageError
from pressnlp.core.stage import Stage
from pressnlp.io.readers import read_document


@dataclass
class ReadOptions:
    max_file_bytes: int = 50_000_000
    """Files larger than this get an error record instead of being read."""


class ReadStage(Stage):
    name = "read"
    requires = ("source",)
    provides = ("text", "title", "date")
    Options = ReadOptions

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        source = record["source"]
        data = record.pop("_content", None)
        if data is None:
            location = record.get("_location")
            if location is None:
                raise StageError("record has neither content nor a file location to read")
            data = _read_limited(Path(location), self.options.max_file_bytes)
        if len(data) > self.options.max_file_bytes:
            raise StageError(f"file is {len(data):,} bytes, over the limit of "
                             f"{self.options.max_file_bytes:,} (stages.read.max_file_bytes)")
        result = read_document(data, source["format"])
        source["encoding"] = result.encoding
        record["text"] = result.text
        record["title"] = result.title
        record["date"] = result.date
        return record


def _read_limited(path: Path, limit: int) -> bytes:
    """Read at most limit+1 bytes, so a huge file is refused without loading it whole."""
    with path.open("rb") as handle:
        return handle.read(limit + 1)
