"""The words the extractors rely on, per language, loaded from lang/<code>/extract.toml.

Data stays apart from the algorithms (like spaCy's lang/ modules): a user improves recall for
their language by editing a TOML file, not the code.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

log = logging.getLogger(__name__)

LANG_PACKAGE = "pressnlp.lang"
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Lexicon:
    """Organisation, people, contact and boilerplate words of one language (see the data files
    for what each list means)."""

    language: str
    org_heads: frozenset[str]
    units: frozenset[str]
    weak_heads: frozenset[str]
    municipal: frozenset[str]
    territorial_levels: tuple[str, ...]
    territorial_bodies: frozenset[str]
    descriptors: frozenset[str]
    connectors: frozenset[str]
    locative_connectors: frozenset[str]
    legal_forms: tuple[str, ...]
    programme_words: frozenset[str]
    not_names: frozenset[str]
    funder_cues: tuple[tuple[str, ...], ...]
    partner_cues: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_before: tuple[tuple[str, ...], ...]
    affiliation_links: frozenset[str]
    contact_headers: tuple[str, ...]
    region: str
    not_phone_before: frozenset[str]
    boilerplate_cues: tuple[str, ...]
    background_headers: tuple[str, ...]


def available_languages() -> list[str]:
    """Languages with an extract.toml under pressnlp/lang/."""
    root = resources.files(LANG_PACKAGE)
    return sorted(entry.name for entry in root.iterdir()
                  if entry.is_dir() and entry.joinpath("extract.toml").is_file())


@cache
def _raw(language: str) -> dict:
    path = resources.files(LANG_PACKAGE).joinpath(language, "extract.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text("utf-8"))


def _phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(value.lower().split()) for value in values)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of `language`, or of English when there is none for it."""
    table = _raw(language)
    if not table:
        log.debug("no extract lexicon for %r; using %r", language, FALLBACK_LANGUAGE)
        return lexicon(FALLBACK_LANGUAGE) if language != FALLBACK_LANGUAGE else _build("en", {})
    return _build(language, table)


def _build(language: str, table: dict) -> Lexicon:
    orgs = table.get("organisations", {})
    roles = table.get("roles", {})
    people = table.get("people", {})
    contacts = table.get("contacts", {})
    boilerplate = table.get("boilerplate", {})

    def lower(values: list[str]) -> frozenset[str]:
        return frozenset(value.lower() for value in values)

    return Lexicon(
        language=language,
        org_heads=lower(orgs.get("heads", [])),
        units=lower(orgs.get("units", [])),
        weak_heads=lower(orgs.get("weak_heads", [])),
        municipal=lower(orgs.get("municipal", [])),
        territorial_levels=tuple(value.lower() for value in orgs.get("territorial_levels", [])),
        territorial_bodies=lower(orgs.get("territorial_bodies", [])),
        descriptors=lower(orgs.get("descriptors", [])),
        connectors=lower(orgs.get("connectors", [])),
        locative_connectors=lower(orgs.get("locative_connectors", [])),
        legal_forms=tuple(sorted(set(orgs.get("legal_forms", [])), key=len, reverse=True)),
        programme_words=lower(orgs.get("programme_words", [])),
        not_names=frozenset(orgs.get("not_names", [])),
        funder_cues=_phrases(roles.get("funder_cues", [])),
        partner_cues=_phrases(roles.get("partner_cues", [])),
        titles=frozenset(people.get("titles", [])),
        attribution_verbs=lower(people.get("attribution_verbs", [])),
        attribution_before=_phrases(people.get("attribution_before", [])),
        affiliation_links=lower(people.get("affiliation_links", [])),
        contact_headers=tuple(sorted(lower(people.get("contact_headers", [])), key=len, reverse=True)),
        region=contacts.get("region", "PL"),
        not_phone_before=lower(contacts.get("not_phone_before", [])),
        boilerplate_cues=tuple(lower(boilerplate.get("cues", []))),
        background_headers=tuple(lower(boilerplate.get("background_headers", []))),
    )


@cache
def all_org_heads() -> frozenset[str]:
    """Organisation heads of every language: names are quoted across languages ("Politechnika
    Śląska" in an English release), and a capitalised head word is rarely anything else."""
    heads: set[str] = set()
    for language in available_languages():
        heads |= lexicon(language).org_heads
    return frozenset(heads)


@cache
def all_legal_forms() -> tuple[str, ...]:
    forms: set[str] = set()
    for language in available_languages():
        forms |= set(lexicon(language).legal_forms)
    return tuple(sorted(forms, key=len, reverse=True))
