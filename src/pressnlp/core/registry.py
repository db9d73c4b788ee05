"""Stage registry: stages are found by name through the `pressnlp.stages` entry-point group.

Our own stages are registered the same way (in pyproject.toml), so the core knows no stage and
a third-party package adds one by declaring an entry point, without touching pressnlp.
`register` adds a stage class in-process (tests, notebooks).
"""
from __future__ import annotations

import logging
from importlib.metadata import EntryPoint, entry_points

from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import Stage

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "pressnlp.stages"
_local: dict[str, type[Stage]] = {}
_loaded: dict[str, type[Stage]] = {}


def register(stage_cls: type[Stage]) -> type[Stage]:
    """Register a stage class under its `name` for this process; usable as a decorator."""
    if not stage_cls.name:
        raise ValueError(f"{stage_cls.__qualname__} has no name")
    _local[stage_cls.name] = stage_cls
    return stage_cls


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_stages() -> list[str]:
    return sorted(set(_entry_points()) | set(_local))


def get_stage(name: str, *, source: str | None = None) -> type[Stage]:
    """The stage class registered as `name`; an unknown name lists the valid ones."""
    if name in _local:
        return _local[name]
    if name in _loaded:
        return _loaded[name]
    found = _entry_points().get(name)
    if found is None:
        raise ConfigError(f"unknown stage '{name}'; valid stages: {', '.join(available_stages())}",
                          source=source, key="pipeline.stages")
    try:
        stage_cls = found.load()
    except Exception as exc:  # noqa: BLE001 - a broken plug-in is a user-facing problem, not a crash
        raise ConfigError(f"stage '{name}' could not be loaded from {found.value}: "
                          f"{type(exc).__name__}: {exc}", source=source, key="pipeline.stages") from exc
    if not (isinstance(stage_cls, type) and issubclass(stage_cls, Stage)):
        raise ConfigError(f"entry point '{name}' ({found.value}) is not a pressnlp Stage subclass",
                          source=source, key="pipeline.stages")
    if stage_cls.name != name:
        log.debug("stage %s registered under entry point name %s", stage_cls.name, name)
    _loaded[name] = stage_cls
    return stage_cls
