"""Ablations: the facts of a run extracted again with one part of the extract stage switched off.

`pressnlp evaluate OUT --gold G --without gazetteer` answers "how much of the score is the
built-in gazetteer?" without a second run: the extract stage is rebuilt from the run's own
effective config (OUT/manifest.json), with only the ablated option changed, and run over the
stored records. Extraction reads only a record's text, language, title and date, which the
records keep, so the facts are those a full `pressnlp run` with that option would give (the
tests check this on the corpus); the run's folder is left untouched.
"""
from __future__ import annotations

import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.core.registry import get_stage
from pressnlp.core.stage import StageContext, build_options

log = logging.getLogger(__name__)

EXTRACT = "extract"


@dataclass(frozen=True)
class Ablation:
    """One part of the extract stage that evaluation can switch off."""

    name: str
    option: tuple[str, ...]  # path of the option inside [stages.extract]
    value: Any
    description: str

    @property
    def key(self) -> str:
        return ".".join(("stages", EXTRACT, *self.option))


ABLATIONS = {ablation.name: ablation for ablation in (
    Ablation("gazetteer", ("partners", "builtin_gazetteer"), False,
             "the built-in gazetteer of well-known institutions and programmes (lang/<code>/gazetteer.tsv)"),
)}


def run_config(out_dir: str | Path) -> dict[str, Any]:
    """The effective config a run was made with (OUT/manifest.json, "config")."""
    manifest = Path(out_dir) / "manifest.json"
    if not manifest.is_file():
        raise PressnlpError(f"{out_dir}: no manifest.json; an ablation re-runs the extract stage with the run's "
                            "own config, so it needs a run folder, not a results file")
    try:
        config = json.loads(manifest.read_text(encoding="utf-8"))["config"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise PressnlpError(f"{manifest}: no readable 'config' (the run's effective config)") from exc
    if EXTRACT not in config.get("pipeline", {}).get("stages", []):
        raise PressnlpError(f"{out_dir}: the run has no extract stage, so there is nothing to ablate")
    return config


def reextract(records: list[Mapping[str, Any]], config: Mapping[str, Any], ablation: Ablation) -> list[dict[str, Any]]:
    """Copies of `records` whose facts come from the run's extract stage with `ablation` applied.

    A record without text keeps no facts, as in the run; a document the stage fails on gets empty
    facts (its gold items count as missed), and the failure is logged.
    """
    table = copy.deepcopy(config.get("stages", {}).get(EXTRACT, {}))
    section = table
    for part in ablation.option[:-1]:
        section = section.setdefault(part, {})
    section[ablation.option[-1]] = ablation.value
    stage_cls = get_stage(EXTRACT)
    context = StageContext(target_language=config.get("pipeline", {}).get("target_language", "en"))
    stage = stage_cls(build_options(stage_cls.Options, table, prefix=f"stages.{EXTRACT}"), context)
    stage.setup()
    ablated = []
    for record in records:
        copied = dict(record)
        copied["facts"] = {}
        if isinstance(record.get("text"), str):
            try:
                copied = stage.process(copied)
            except PressnlpError as exc:
                log.warning("%s: extract failed without %s: %s", record.get("id"), ablation.name, exc)
        ablated.append(copied)
    return ablated
