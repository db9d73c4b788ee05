"""Data of no one language, in `lang/data/`: the theme taxonomy's ids and labels (SPEC.md section
4), symbols (units, currency codes), and what the extractors know of languages whose pack holds no
extraction words yet (lang/data/extract.toml).

It is read like a pack (the same readers, the same file names as `lang/<code>/`) but registered
as no language: `lang.available()` never lists it, and `lang.get` never returns it.

    >>> from pressnlp.lang.shared import shared
    >>> shared().toml("taxonomy.toml")["themes"]["energy"]["label"]
    'Energy and energy efficiency'
"""
from __future__ import annotations

from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable

from pressnlp.lang.pack import Language


class SharedData(Language):
    code = "mul"  # ISO 639-2 "multiple languages"; no entry point names it
    name = "no one language"

    @cached_property
    def folder(self) -> Traversable:
        return resources.files("pressnlp.lang").joinpath("data")


@cache
def shared() -> SharedData:
    """The shared data, loaded on first use and cached for the process."""
    return SharedData()
