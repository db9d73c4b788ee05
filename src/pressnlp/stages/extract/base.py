"""The extractor protocol: one class per fact type, found by name through the
`pressnlp.extractors` entry points (ours are declared in pyproject.toml, like a plug-in's).

An extractor sets `name` (the facts field it fills, and its name in `[stages.extract]
extractors`), an `Options` dataclass, and implements `extract`; the extract stage builds it
with its options, the run's context and what the extractors share.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pressnlp.core.registry import Registry
from pressnlp.core.stage import NoOptions, StageContext
from pressnlp.stages.extract.organisations import OrganisationFinder
from pressnlp.stages.extract.text import Doc


@dataclass
class Shared:
    """What several extractors use: the organisation finder (partners, and the organisations of
    quoted people) with the gazetteer it was built from."""

    finder: OrganisationFinder


class Extractor:
    """Finds one kind of fact in a Doc. `setup` loads data once; `extract` must be cheap
    enough to run on every release (the stage's target is 50 releases/s on one core)."""

    name: ClassVar[str] = ""
    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None, context: StageContext | None = None, shared: Shared | None = None):
        self.options = options if options is not None else self.Options()
        self.context = context or StageContext()
        self.shared = shared or Shared(OrganisationFinder())

    def setup(self) -> None:
        """Load data files (gazetteer, taxonomy) once per process."""

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:
        """What identifies this extractor's output (data versions, user files)."""
        return {}


EXTRACTORS: Registry[Extractor] = Registry("pressnlp.extractors", Extractor, "extractor",
                                           key="stages.extract.extractors")
