"""Stage `read`: bytes of a file (or a pasted text) to clean text, title and release date."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pressnlp.core.document import DocumentContext
from pressnlp.core.errors import StageError
from pressnlp.core.stage import Stage
from pressnlp.io.location import read_location
from pressnlp.io.readers import read_document

DATELINE = "read.dateline"
"""Key of the context note that says where the release's date line is in `text`: (ISO date,
span) or None when it has none (`lang.dates.find_release_date`), so later stages need not look again."""


@dataclass
class ReadOptions:
    max_file_bytes: int = 50_000_000
    """Files larger than this get an error record instead of being read."""


class ReadStage(Stage):
    name = "read"
    requires = ("source",)
    provides = ("text", "title", "date")
    Options = ReadOptions

    def process_documents(self, records: list[dict[str, Any]],
                          contexts: list[DocumentContext]) -> list[dict[str, Any]]:
        return [self._read(record, context) for record, context in zip(records, contexts, strict=True)]

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        raise StageError("the read stage reads the bytes that come with a document's context; "
                         "run it in a pipeline (process_text, process_bytes, process_file)")

    def _read(self, record: dict[str, Any], context: DocumentContext) -> dict[str, Any]:
        source = record["source"]
        data = context.content
        if data is None:
            if context.location is None:
                raise StageError("record has neither content nor a file location to read")
            data = read_location(context.location, self.options.max_file_bytes)
        if len(data) > self.options.max_file_bytes:
            raise StageError(f"file is over the limit of {self.options.max_file_bytes:,} bytes "
                             f"(stages.read.max_file_bytes)")
        source["sha256"] = hashlib.sha256(data).hexdigest()
        source["bytes"] = len(data)
        result = read_document(data, source["format"])
        source["encoding"] = result.encoding
        record["text"] = result.text
        record["title"] = result.title
        record["date"] = result.date
        context.notes[DATELINE] = result.dateline
        return record
