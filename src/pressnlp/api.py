"""The Python API: the core pipeline plus what needs the readers and the engines.

    from pressnlp import Pipeline
    pipeline = Pipeline.from_config("pipeline.toml")
    pipeline.process_file("corpus/pl/2024-03-gzm-rowery.txt")
    pipeline.run("corpus", "out", workers=2)

The core pipeline (build, check, process records) imports only core, lang and schema; this
subclass adds reading a file by path and running over a corpus folder, so the engines, which
drive core pipelines, never import back into the core. The readers and the engines are imported
on first use: `import pressnlp` stays quick.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressnlp.core import pipeline as core
from pressnlp.core.errors import PressnlpError

if TYPE_CHECKING:
    from pressnlp.engines.runner import RunSummary

__all__ = ["Pipeline"]


class Pipeline(core.Pipeline):
    """A pipeline that also reads files and runs over corpus folders."""

    def process_file(self, path: str | Path, *, id: str | None = None) -> dict[str, Any]:
        """Process one release file; its format comes from its extension."""
        from pressnlp.io.readers import format_for_path

        path = Path(path)
        fmt = format_for_path(path.name)
        if fmt is None:
            raise PressnlpError(f"{path}: unsupported file type '{path.suffix}'")
        return self.process_bytes(path.read_bytes(), id=id or path.name, format=fmt)

    def run(self, corpus: str | Path, out: str | Path, **options: Any) -> RunSummary:
        """Process a corpus folder into an output folder (options: see `engines.runner.run_corpus`)."""
        from pressnlp.engines.runner import run_corpus

        return run_corpus(self, corpus, out, **options)
