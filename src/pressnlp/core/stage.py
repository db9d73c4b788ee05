"""The stage protocol: a named, configurable step that takes record dicts and returns them.

A stage declares the record fields it `requires` and `provides` so a pipeline can be checked
when it is built, and its options as a dataclass so configs are validated against real types.
Most stages see only records; one that needs a document's working data (the read stage: the
file's bytes) overrides `process_documents`, which the pipeline calls with each record's context.
"""
from __future__ import annotations

import dataclasses
import logging
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

from pressnlp.core.document import DocumentContext
from pressnlp.core.errors import ConfigError, OptionError

log = logging.getLogger(__name__)

# Where a stage leaves, on a record, why it did not apply to it (see Stage.skip); transient,
# like every "_" key, so it never reaches the written record.
SKIP_REASON_KEY = "_skip_reason"
# Set on the log records of run warnings (StageContext.warn), which the run summary and the
# manifest list again: an output that prints that list can leave them out of its live log.
RUN_WARNING = "pressnlp_run_warning"


@dataclass
class NoOptions:
    """Options of a stage that has none."""


@dataclass
class StageContext:
    """What a stage may know about the run it is part of (never who scheduled it)."""

    target_language: str = "en"
    cache_dir: Path | None = None
    config_source: str | None = None
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """A warning users must see: logged now and kept for the run summary and manifest."""
        if message not in self.warnings:
            log.warning(message, extra={RUN_WARNING: True})
            self.warnings.append(message)


def not_a_run_warning(record: logging.LogRecord) -> bool:
    """Logging filter for outputs that list the run's warnings at the end (see RUN_WARNING)."""
    return not getattr(record, RUN_WARNING, False)


class Stage:
    """Base class of pipeline stages.

    Subclasses set `name`, `requires`, `provides`, an `Options` dataclass, and implement
    `process` (one record) or `process_batch` (many at once, e.g. to batch a neural model).
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None, context: StageContext | None = None):
        self.options = options if options is not None else self.Options()
        self.context = context or StageContext()

    def setup(self) -> None:
        """Load models and data once per process, before the first batch."""

    def preload(self) -> None:
        """Load, beyond `setup`, what `process` would load on first use (a language's data), in a
        parent process whose forked workers then share it; start no thread, keep no file open."""

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError(f"stage '{self.name}' implements neither process nor process_batch")

    def process_batch(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.process(record) for record in records]

    def process_documents(self, records: list[dict[str, Any]],
                          contexts: list[DocumentContext]) -> list[dict[str, Any]]:
        """What the pipeline calls: records with their working data, in the same order. The
        default hands the records alone to `process_batch`."""
        return self.process_batch(records)

    def skip(self, record: dict[str, Any], reason: str) -> None:
        """Say that this stage does not apply to `record` (e.g. no model for its language), in
        words a user can act on: the record gets status "skipped" with this reason instead of "ok",
        and no error. The stage leaves its fields empty (null) as for a document it has nothing
        to do for; later stages run as usual."""
        record[SKIP_REASON_KEY] = reason

    def describe(self) -> dict[str, Any]:
        """Identity of what produces the output (backend, model, version): goes into the manifest
        and into the cache key, so a changed model re-processes documents."""
        return {}


# --- options -----------------------------------------------------------------------------------

def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is Literal:
        return " | ".join(repr(arg) for arg in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(arg) for arg in typing.get_args(hint))
    if origin is not None:
        args = ", ".join(_type_name(arg) for arg in typing.get_args(hint))
        return f"{origin.__name__}[{args}]"
    return "null" if hint is type(None) else getattr(hint, "__name__", str(hint))


def _coerce(value: Any, hint: Any, key: str, source: str | None) -> Any:
    """Check a TOML value against a declared option type; return it in that type."""
    origin = typing.get_origin(hint)
    bad = ConfigError(f"expected {_type_name(hint)}, got {type(value).__name__} {value!r}",
                      source=source, key=key)
    if hint is Any:
        return value
    if origin is Literal:
        if value not in typing.get_args(hint):
            raise bad
        return value
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None) and value is None:
                return None
            try:
                return _coerce(value, arg, key, source)
            except ConfigError:
                continue
        raise bad
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise bad
        return build_options(hint, value, prefix=key, source=source)
    if origin is list:
        if not isinstance(value, list):
            raise bad
        (item_hint,) = typing.get_args(hint) or (Any,)
        return [_coerce(item, item_hint, f"{key}[{i}]", source) for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise bad
        _, value_hint = typing.get_args(hint) or (str, Any)
        return {k: _coerce(v, value_hint, f"{key}.{k}", source) for k, v in value.items()}
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is Path and isinstance(value, str):
        return Path(value)
    if hint is bool and not isinstance(value, bool):
        raise bad
    if hint is int and isinstance(value, bool):
        raise bad
    if isinstance(hint, type) and not isinstance(value, hint):
        raise bad
    return value


def build_options(options_cls: type, raw: dict[str, Any], *, prefix: str, source: str | None = None) -> Any:
    """Validated options object from a config table; unknown keys name the valid ones."""
    hints = typing.get_type_hints(options_cls)
    fields = {f.name for f in dataclasses.fields(options_cls)}
    unknown = sorted(set(raw) - fields)
    if unknown:
        valid = ", ".join(sorted(fields)) or "(none)"
        raise ConfigError(f"unknown option '{unknown[0]}'; valid options: {valid}",
                          source=source, key=f"{prefix}.{unknown[0]}")
    values = {name: _coerce(value, hints[name], f"{prefix}.{name}", source) for name, value in raw.items()}
    try:
        return options_cls(**values)
    except OptionError as exc:
        raise ConfigError(str(exc), source=source, key=f"{prefix}.{exc.key}") from exc
    except (TypeError, ValueError) as exc:
        raise ConfigError(str(exc), source=source, key=prefix) from exc


def options_to_dict(options: Any) -> dict[str, Any]:
    """Options as TOML-ready data (paths as strings, None left out since TOML has no null)."""
    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                    if getattr(value, f.name) is not None}
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if v is not None}
        return value
    return plain(options)
