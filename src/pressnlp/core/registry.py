"""Registries: pluggable parts are found by name through entry-point groups.

Stages (`pressnlp.stages`), translation backends (`pressnlp.translators`), language detectors
(`pressnlp.detectors`) and extractors (`pressnlp.extractors`) each have a registry. Our own parts are
registered the same way (in pyproject.toml), so the core knows none of them, and a third-party
package adds one by declaring an entry point, without touching pressnlp. `register` adds a class
in-process (tests, notebooks). Names are stable; a part whose behaviour changes gets a new name
("lexicon.v2"), so old configs keep meaning what they meant.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points
from typing import Generic, TypeVar

from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import Stage

log = logging.getLogger(__name__)

T = TypeVar("T")


class Registry(Generic[T]):
    """Classes of one kind (subclasses of `base`) by name: in-process registrations, then entry points."""

    def __init__(self, group: str, base: type[T], kind: str, *, key: str | None = None):
        self.group = group
        self.base = base
        self.kind = kind  # "stage", "translation backend", … — for messages
        self.key = key  # the config key that names a part of this kind, for messages
        self._local: dict[str, type[T]] = {}
        self._loaded: dict[str, type[T]] = {}

    def register(self, cls: type[T], name: str | None = None) -> type[T]:
        """Register `cls` under `name` (default: its `name` attribute); usable as a decorator."""
        name = name or getattr(cls, "name", "")
        if not name:
            raise ValueError(f"{cls.__qualname__} has no name")
        self._local[name] = cls
        return cls

    def _entry_points(self) -> dict[str, EntryPoint]:
        return _group_entry_points(self.group, tuple(sys.path))

    def available(self) -> list[str]:
        return sorted(set(self._entry_points()) | set(self._local))

    def get(self, name: str, *, source: str | None = None) -> type[T]:
        """The class registered as `name`; an unknown name lists the valid ones."""
        if name in self._local:
            return self._local[name]
        if name in self._loaded:
            return self._loaded[name]
        found = self._entry_points().get(name)
        if found is None:
            raise ConfigError(f"unknown {self.kind} '{name}'; valid {self.kind}s: {', '.join(self.available())}",
                              source=source, key=self.key)
        try:
            cls = found.load()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in is a user-facing problem, not a crash
            raise ConfigError(f"{self.kind} '{name}' could not be loaded from {found.value}: "
                              f"{type(exc).__name__}: {exc}", source=source, key=self.key) from exc
        if not (isinstance(cls, type) and issubclass(cls, self.base)):
            raise ConfigError(f"entry point '{name}' ({found.value}) is not a pressnlp {self.base.__name__} subclass",
                              source=source, key=self.key)
        self._loaded[name] = cls
        return cls


@lru_cache(maxsize=64)
def _group_entry_points(group: str, search_path: tuple[str, ...]) -> dict[str, EntryPoint]:
    """A group's entry points by name, found once per import path: each search reads every
    installed distribution's metadata (~7 ms), and building a pipeline asks for a dozen parts.
    A plug-in whose folder is put on sys.path is found at the next call."""
    return {ep.name: ep for ep in entry_points(group=group)}


STAGES: Registry[Stage] = Registry("pressnlp.stages", Stage, "stage", key="pipeline.stages")
register = STAGES.register
available_stages = STAGES.available


def get_stage(name: str, *, source: str | None = None) -> type[Stage]:
    stage_cls = STAGES.get(name, source=source)
    if stage_cls.name != name:
        log.debug("stage %s registered under entry point name %s", stage_cls.name, name)
    return stage_cls
