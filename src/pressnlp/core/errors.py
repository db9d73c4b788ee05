"""Exceptions with messages written for people, not tracebacks."""
from __future__ import annotations


class PressnlpError(Exception):
    """Base of every error a user can cause (bad config, bad input, busy output folder)."""


class ConfigError(PressnlpError):
    """A pipeline config that cannot be used; names the file and key when known."""

    def __init__(self, message: str, *, source: str | None = None, key: str | None = None):
        self.source = source
        self.key = key
        where = ", ".join(part for part in (source, f"key '{key}'" if key else None) if part)
        super().__init__(f"{where}: {message}" if where else message)


class OptionError(ValueError):
    """Raised by an options dataclass for one bad option; the config loader adds file and full key."""

    def __init__(self, message: str, *, key: str):
        self.key = key
        super().__init__(message)


class StageError(PressnlpError):
    """A stage could not handle one document; becomes an entry in the record's `errors`."""


class RunLockedError(PressnlpError):
    """Another run is writing into the same output folder."""
