"""The words the extractors rely on: a typed, cached view over the language packs.

Each pack's `extract.toml` (lang/<code>/; lang/pl/extract.toml says what every key means) and
`not_organisations.txt` hold what the extractors know of that language; `lang/data/` holds what
belongs to no one language (pressnlp.lang.shared). Python keeps the algorithms: a contributor
improves recall for their language by editing those files, not the code.

`lexicon(code)` is one language's words; `everywhere()` the words of every language at once, for
the rules that apply across languages because names and roles are quoted across them ("Politechnika
Śląska" in an English release, "said Marieke van Dijk" in a Polish one).
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

from pressnlp import lang
from pressnlp.lang.pack import Language
from pressnlp.lang.shared import shared

log = logging.getLogger(__name__)

FALLBACK_LANGUAGE = "en"
DATA_FILE = "extract.toml"
NOT_ORGANISATIONS_FILE = "not_organisations.txt"
GIVEN_NAMES_FILE = "given_names.txt"

Phrases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Lexicon:
    """The extractors' words of one language (see lang/pl/extract.toml for what each list means).
    Words compared in lower case are stored lower-cased; names and titles as written."""

    language: str
    # [organisations]
    org_heads: frozenset[str]
    units: frozenset[str]
    unit_institutions: Phrases  # a unit's head with words that make the name an institution ("zespół szkoła")
    parented_units: frozenset[str]
    not_heads: frozenset[str]
    weak_heads: frozenset[str]
    plural_name_heads: frozenset[str]  # heads whose plural with a place adjective names one body
    agency_words: frozenset[str]
    municipal: frozenset[str]
    adjectival_levels: frozenset[str]  # municipal levels named by a place adjective ("powiat milicki")
    level_kinds: frozenset[str]  # adjectives of a level's kind, not of its place ("powiat grodzki")
    territorial_levels: tuple[str, ...]
    territorial_bodies: frozenset[str]
    named_by_level: frozenset[str]  # levels whose name, not their office's, a partner is reported by
    level_organs: frozenset[str]  # organs whose name with their town's ("Rada města X") is reported as the town
    organ_heads: frozenset[str]  # of the territorial bodies, the organs ("sejmik"), named after the body itself
    region_bodies: frozenset[str]  # words that make a body the region's without naming it ("marszałkowski")
    descriptors: frozenset[str]
    name_descriptors: frozenset[str]  # descriptors that, capitalised, belong to a company's name ("Grupa X S.A.")
    connectors: frozenset[str]
    seat_prepositions: frozenset[str]  # before the seat at the end of a name ("… w Warszawie")
    names_without_seat: bool  # partners are reported without that seat, which becomes an alias
    connector_phrases: tuple[tuple[str, ...], ...]  # lower-case phrases inside a name, as written ("na rzecz")
    legal_forms: tuple[str, ...]  # longest first
    programme_words: frozenset[str]
    programme_announcers: frozenset[str]  # lower-case words before a programme's name; programme_words if none
    not_names: frozenset[str]
    apposition_stops: frozenset[str]
    not_organisations: frozenset[str]  # from not_organisations.txt
    functions: frozenset[str]
    office_titles: tuple[tuple[str, str], ...]  # (the words before the function, the function), lower case
    function_prefixes: tuple[str, ...]  # "wice" + "wójt": a deputy's function
    function_offices: tuple[tuple[str, str], ...]  # (function lemma, name pattern with "{}" for the place)
    acronym_offices: tuple[tuple[str, str], ...]  # (acronym as written, name pattern with "{}" for the place)
    function_places: tuple[tuple[str, str], ...]  # (function lemma, name pattern with "{}" for the place's name)
    states: frozenset[str]  # names of foreign states, nominative: no function_places town, no part of a name
    name_abbreviations: tuple[tuple[str, str], ...]  # (abbreviation with its dot, the word it stands for)
    municipal_abbreviations: tuple[tuple[str, str], ...]  # (abbreviation of a level, the level in the nominative)
    function_bodies: tuple[tuple[str, str], ...]  # (function lemma, head of the body it heads)
    place_nouns: frozenset[str]  # lemmas before a municipal descriptor that make it a place
    networks: frozenset[str]  # names of networks written before their members' names and a dash
    leaders: frozenset[str]
    organs: Phrases
    number_marks: frozenset[str]
    documents: frozenset[str]
    subsidiary_suffixes: frozenset[str]
    stock_exchanges: frozenset[str]
    buildings: frozenset[str]  # last words that make a headed name a building's ("County Hall")
    place_modifiers: frozenset[str]
    # [grammar]
    head_initial: bool
    sentence_case: bool
    compound_heads: bool
    adjective_endings: tuple[str, ...]
    complement_endings: tuple[str, ...]
    complement_words: frozenset[str]
    territories: frozenset[str]
    field_links: frozenset[str]
    head_genders: tuple[tuple[str, str], ...]  # (ending of a head's lemma, gender), longest first
    adjective_nominatives: tuple[tuple[str, dict[str, str]], ...]  # (lemma ending, gender or "p" -> ending)
    adjective_lemma_endings: tuple[tuple[str, str], ...]  # (inflected ending, lemma ending), longest first
    plural_endings: tuple[str, ...]
    genitive_endings: tuple[str, ...]
    capitalised_nouns: bool
    coordinators: frozenset[str]
    list_coordinators: frozenset[str]  # coordinators of whole names, never inside one ("oraz", "sowie")
    genitive_links: frozenset[str]
    articles: frozenset[str]
    indefinite_articles: frozenset[str]
    possessive_endings: tuple[str, ...]
    acronym_endings: tuple[str, ...]  # case endings written after an acronym and a hyphen ("IBL-u")
    possessive_determiners: frozenset[str]
    locative_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    prepositions: frozenset[str]
    # [roles]
    funder_cues: Phrases
    example_markers: tuple[str, ...]  # as written, lower case: a list of examples follows ("m.in.", "w tym")
    passing_before: Phrases  # lemma phrases before a body named in passing: a seat in it, a source of figures
    attendance_words: frozenset[str]  # lemmas of a sentence naming guests ("obecny", "gość")
    guest_functions: frozenset[str]  # functions before a body in such a sentence that make it a guest's ("członek")
    partner_cues: Phrases
    # [people]
    titles: frozenset[str]
    degrees: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_before: Phrases
    attribution_split: Phrases  # a verb of saying and its separated particle: ("stellt", "fest")
    attribution_as: frozenset[str]
    affiliation_links: frozenset[str]
    role_links: frozenset[str]
    clause_openers: frozenset[str]
    name_particles: frozenset[str]
    given_names: frozenset[str]  # from given_names.txt, lower case
    function_words: frozenset[str]  # lower case: words of a function line under a name ("rzecznik prasowy")
    not_person_words: frozenset[str]  # capitalised words never in a personal name ("Twitter")
    credit_labels: frozenset[str]  # lower case: "Foto", "Dodane przez": a name after one is a credit
    # gender -> (oblique ending, nominative ending), longest first: "podle Radky Šustrové"
    oblique_endings: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    contact_headers: tuple[str, ...]  # longest first
    # [contacts]
    region: str
    other_regions: tuple[str, ...]  # where national numbers the region rejects may come from ("US" for en)
    domain_regions: frozenset[str]  # countries the release's own web domains may place it in ("IE" for en)
    contact_labels: frozenset[str]
    email_at: frozenset[str]  # "(at)", "(małpa)": the word for "@" in a hidden e-mail
    email_dot: frozenset[str]  # "[dot]", "(kropka)"
    currencies: frozenset[str]
    not_phone_before: frozenset[str]
    not_phone_after: frozenset[str]
    # [boilerplate]
    boilerplate_cues: tuple[str, ...]
    background_headers: tuple[str, ...]


def _lower(values: list[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def _phrases(values: list[str]) -> Phrases:
    return tuple(tuple(value.lower().split()) for value in values)


def _longest_first(values: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(values, key=lambda value: (-len(value), value)))


def read_lexicon(pack: Language) -> Lexicon:
    """The Lexicon of a pack's data files (absent files and keys are empty lists)."""
    table = pack.toml(DATA_FILE)
    orgs: dict[str, Any] = table.get("organisations", {})
    grammar: dict[str, Any] = table.get("grammar", {})
    roles: dict[str, Any] = table.get("roles", {})
    people: dict[str, Any] = table.get("people", {})
    contacts: dict[str, Any] = table.get("contacts", {})
    boilerplate: dict[str, Any] = table.get("boilerplate", {})
    return Lexicon(
        language=pack.code,
        org_heads=_lower(orgs.get("heads", [])),
        units=_lower(orgs.get("units", [])),
        unit_institutions=_phrases(orgs.get("unit_institutions", [])),
        parented_units=_lower(orgs.get("parented_units", [])),
        not_heads=_lower(orgs.get("not_heads", [])),
        weak_heads=_lower(orgs.get("weak_heads", [])),
        plural_name_heads=_lower(orgs.get("plural_name_heads", [])),
        agency_words=_lower(orgs.get("agency_words", [])),
        municipal=_lower(orgs.get("municipal", [])),
        adjectival_levels=_lower(orgs.get("adjectival_levels", [])),
        level_kinds=_lower(orgs.get("level_kinds", [])),
        territorial_levels=tuple(value.lower() for value in orgs.get("territorial_levels", [])),
        territorial_bodies=_lower(orgs.get("territorial_bodies", [])),
        named_by_level=_lower(orgs.get("named_by_level", [])),
        level_organs=_lower(orgs.get("level_organs", [])),
        organ_heads=_lower(orgs.get("organ_heads", [])),
        region_bodies=_lower(orgs.get("region_bodies", [])),
        descriptors=_lower(orgs.get("descriptors", [])),
        name_descriptors=_lower(orgs.get("name_descriptors", [])),
        connectors=_lower(orgs.get("connectors", [])),
        seat_prepositions=frozenset(orgs.get("seat_prepositions", [])),
        names_without_seat=bool(orgs.get("names_without_seat", False)),
        connector_phrases=tuple(tuple(phrase.split()) for phrase in orgs.get("connector_phrases", [])),
        legal_forms=_longest_first(set(orgs.get("legal_forms", []))),
        programme_words=_lower(orgs.get("programme_words", [])),
        programme_announcers=_lower(orgs.get("programme_announcers", [])),
        not_names=frozenset(orgs.get("not_names", [])),
        apposition_stops=_lower(orgs.get("apposition_stops", [])),
        not_organisations=frozenset(pack.lines(NOT_ORGANISATIONS_FILE)),
        functions=_lower(orgs.get("functions", [])),
        office_titles=tuple(tuple(phrase.lower().rsplit(" ", 1)) for phrase in orgs.get("office_titles", [])),
        function_prefixes=tuple(_lower(orgs.get("function_prefixes", []))),
        function_offices=tuple((row[0].lower(), row[1]) for row in orgs.get("function_offices", [])),
        acronym_offices=tuple((row[0], row[1]) for row in orgs.get("acronym_offices", [])),
        function_places=tuple((row[0].lower(), row[1]) for row in orgs.get("function_places", [])),
        states=frozenset(orgs.get("states", [])),
        name_abbreviations=tuple((row[0], row[1]) for row in orgs.get("name_abbreviations", [])),
        municipal_abbreviations=tuple((row[0], row[1]) for row in orgs.get("municipal_abbreviations", [])),
        function_bodies=tuple((row[0].lower(), row[1]) for row in orgs.get("function_bodies", [])),
        place_nouns=_lower(orgs.get("place_nouns", [])),
        networks=frozenset(orgs.get("networks", [])),
        leaders=_lower(orgs.get("leaders", [])),
        organs=_phrases(orgs.get("organs", [])),
        number_marks=frozenset(orgs.get("number_marks", [])),
        documents=_lower(orgs.get("documents", [])),
        subsidiary_suffixes=frozenset(orgs.get("subsidiary_suffixes", [])),
        stock_exchanges=frozenset(orgs.get("stock_exchanges", [])),
        buildings=_lower(orgs.get("buildings", [])),
        place_modifiers=frozenset(orgs.get("place_modifiers", [])),
        head_initial=bool(grammar.get("head_initial", False)),
        sentence_case=bool(grammar.get("sentence_case", False)),
        compound_heads=bool(grammar.get("compound_heads", False)),
        adjective_endings=tuple(grammar.get("adjective_endings", [])),
        complement_endings=tuple(grammar.get("complement_endings", [])),
        complement_words=_lower(grammar.get("complement_words", [])),
        territories=_lower(grammar.get("territories", [])),
        field_links=_lower(grammar.get("field_links", [])),
        plural_endings=tuple(grammar.get("plural_endings", [])),
        genitive_endings=tuple(grammar.get("genitive_endings", [])),
        capitalised_nouns=bool(grammar.get("capitalised_nouns", False)),
        head_genders=tuple(sorted(((ending, row[0]) for row in grammar.get("head_genders", []) for ending in row[1:]),
                                  key=lambda pair: -len(pair[0]))),
        adjective_nominatives=tuple((row[0], dict(zip("mfnp", row[1:], strict=True)))
                                    for row in grammar.get("adjective_nominatives", [])),
        adjective_lemma_endings=tuple(sorted(((row[0], row[1]) for row in grammar.get("adjective_lemma_endings", [])),
                                             key=lambda pair: -len(pair[0]))),
        coordinators=_lower(grammar.get("coordinators", [])),
        list_coordinators=_lower(grammar.get("list_coordinators", [])),
        genitive_links=_lower(grammar.get("genitive_links", [])),
        articles=_lower(grammar.get("articles", [])),
        indefinite_articles=_lower(grammar.get("indefinite_articles", [])),
        possessive_endings=tuple(grammar.get("possessive_endings", [])),
        acronym_endings=_longest_first(set(grammar.get("acronym_endings", []))),
        possessive_determiners=_lower(grammar.get("possessive_determiners", [])),
        locative_prepositions=_lower(grammar.get("locative_prepositions", [])),
        agent_prepositions=_lower(grammar.get("agent_prepositions", [])),
        prepositions=_lower(grammar.get("prepositions", [])),
        funder_cues=_phrases(roles.get("funder_cues", [])),
        example_markers=tuple(marker.lower() for marker in roles.get("example_markers", [])),
        passing_before=_phrases(roles.get("passing_before", [])),
        attendance_words=_lower(roles.get("attendance_words", [])),
        guest_functions=_lower(roles.get("guest_functions", [])),
        partner_cues=_phrases(roles.get("partner_cues", [])),
        titles=frozenset(people.get("titles", [])),
        degrees=frozenset(people.get("degrees", [])),
        attribution_verbs=_lower(people.get("attribution_verbs", [])),
        attribution_before=_phrases(people.get("attribution_before", [])),
        attribution_split=_phrases(people.get("attribution_split", [])),
        attribution_as=_lower(people.get("attribution_as", [])),
        affiliation_links=_lower(people.get("affiliation_links", [])),
        role_links=_lower(people.get("role_links", [])),
        clause_openers=_lower(people.get("clause_openers", [])),
        name_particles=frozenset(people.get("name_particles", [])),
        given_names=_lower(list(pack.words(GIVEN_NAMES_FILE))),
        function_words=_lower(people.get("function_words", [])),
        not_person_words=_lower(people.get("not_person_words", [])),
        credit_labels=_lower(people.get("credit_labels", [])),
        oblique_endings=tuple((gender, tuple(sorted(((row[0], row[1]) for row in rows), key=lambda p: -len(p[0]))))
                              for gender, rows in people.get("oblique_endings", {}).items()),
        contact_headers=_longest_first(_lower(people.get("contact_headers", []))),
        region=contacts.get("region", ""),
        other_regions=tuple(contacts.get("other_regions", [])),
        domain_regions=frozenset(contacts.get("domain_regions", [])),
        contact_labels=_lower(contacts.get("labels", [])),
        email_at=_lower(contacts.get("email_at", [])),
        email_dot=_lower(contacts.get("email_dot", [])),
        currencies=frozenset(contacts.get("currencies", [])),
        not_phone_before=_lower(contacts.get("not_phone_before", [])),
        not_phone_after=_lower(contacts.get("not_phone_after", [])),
        boilerplate_cues=tuple(_lower(boilerplate.get("cues", []))),
        background_headers=tuple(_lower(boilerplate.get("background_headers", []))),
    )


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of `language`; English words when its pack has no extraction data or there is
    no pack (with the phone region lang/data/extract.toml gives such a language)."""
    pack = lang.find(language)
    if pack is not None and pack.resource(DATA_FILE) is not None:
        return read_lexicon(pack)
    log.debug("no extract lexicon for %r; using %r", language, FALLBACK_LANGUAGE)
    english = lexicon(FALLBACK_LANGUAGE) if language != FALLBACK_LANGUAGE else read_lexicon(lang.get("en"))
    region = shared().toml(DATA_FILE).get("contacts", {}).get("regions", {}).get(language)
    return dataclasses.replace(english, region=region) if region else english


@dataclass(frozen=True)
class Everywhere:
    """The words of every pack and of lang/data/ at once (see the module's docstring)."""

    org_heads: frozenset[str]
    legal_forms: tuple[str, ...]  # longest first
    subsidiary_suffixes: frozenset[str]
    stock_exchanges: frozenset[str]
    place_modifiers: frozenset[str]
    foreign_connectors: frozenset[str]  # lang/data's: connectors of languages without a pack
    not_organisations: frozenset[str]  # legal forms not included: they are words of legal_forms
    coordinators: frozenset[str]
    genitive_links: frozenset[str]
    articles: frozenset[str]
    possessive_endings: tuple[str, ...]
    locative_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    affiliation_links: frozenset[str]
    role_links: frozenset[str]
    attribution_as: frozenset[str]
    clause_openers: frozenset[str]
    degrees: frozenset[str]
    name_particles: frozenset[str]
    given_names: frozenset[str]  # of every pack but Polish (whose names Morfeusz knows)
    functions: frozenset[str]  # [organisations] functions and [people] function_words of every pack
    function_words: frozenset[str]
    not_person_words: frozenset[str]
    credit_labels: frozenset[str]
    contact_labels: frozenset[str]  # phone labels of boilerplate.toml included
    not_phone_after: frozenset[str]  # lower case, currencies included
    email_at: frozenset[str]
    email_dot: frozenset[str]


@cache
def everywhere() -> Everywhere:
    lexicons = [lexicon(code) for code in lang.available()] + [read_lexicon(shared())]

    def union(name: str) -> frozenset[str]:
        return frozenset().union(*(getattr(each, name) for each in lexicons))

    return Everywhere(
        org_heads=union("org_heads"),
        legal_forms=_longest_first(union("legal_forms")),
        subsidiary_suffixes=union("subsidiary_suffixes"),
        stock_exchanges=union("stock_exchanges"),
        place_modifiers=union("place_modifiers"),
        foreign_connectors=lexicons[-1].connectors,
        not_organisations=union("not_organisations") | union("currencies"),
        coordinators=union("coordinators"),
        genitive_links=union("genitive_links"),
        articles=union("articles"),
        possessive_endings=tuple(sorted(union("possessive_endings"))),
        locative_prepositions=union("locative_prepositions"),
        agent_prepositions=union("agent_prepositions"),
        affiliation_links=union("affiliation_links"),
        role_links=union("role_links"),
        attribution_as=union("attribution_as"),
        clause_openers=union("clause_openers"),
        degrees=union("degrees"),
        name_particles=union("name_particles"),
        given_names=union("given_names"),
        functions=union("functions") | union("function_words"),
        function_words=union("function_words"),
        not_person_words=union("not_person_words"),
        credit_labels=union("credit_labels"),
        contact_labels=union("contact_labels") | _lower([label for code in lang.available()
                                                          for label in lang.get(code).boilerplate.phone_labels]),
        not_phone_after=union("not_phone_after") | _lower(list(union("currencies"))),
        email_at=union("email_at"),
        email_dot=union("email_dot"),
    )
