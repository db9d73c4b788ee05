"""The sub-extractor protocol: one class per fact type, each with its own options."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pressnlp.core.stage import StageContext
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

    def __init__(self, options: Any, context: StageContext, shared: Shared | None = None):
        self.options = options
        self.context = context
        self.shared = shared or Shared(OrganisationFinder())

    def setup(self) -> None:
        """Load data files (gazetteer, taxonomy) once per process."""

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:
        """What identifies this extractor's output (data versions, user files)."""
        return {}
