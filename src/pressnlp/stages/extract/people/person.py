"""A person a release names, and one person per name."""
from __future__ import annotations

from dataclasses import dataclass, field

from pressnlp.lang.normalise import normalise


@dataclass
class Person:
    name: str
    start: int
    end: int
    source: str  # "quote", "attribution", "contact"
    role: str | None = None
    organisation: str | None = None
    organisation_spans: list[tuple[int, int]] = field(default_factory=list)


def merge_people(people: list[Person]) -> list[Person]:
    """One person per name; later mentions fill in a missing role or organisation. Of two forms of
    one name the shorter is kept: a case ending lengthens a name ("Michala Ďurčeka", "Jana Nowaka")."""
    merged: dict[str, Person] = {}
    for person in people:
        key = normalise(person.name)
        known = merged.get(key) or _same_surname(person, merged)
        if known is None:
            merged[key] = person
            continue
        if len(person.name) < len(known.name):
            known.name = person.name
        known.role = known.role or person.role
        known.organisation = known.organisation or person.organisation
        known.organisation_spans.extend(person.organisation_spans)
    return list(merged.values())


def _same_surname(person: Person, merged: dict[str, Person]) -> Person | None:
    """'Jakub Wojtkowiak' and 'Jakuba Wojtkowiaka' normalised differently only when the
    nominative could not be found; match on the given name's first letters and surname stem."""
    words = person.name.split()
    for other in merged.values():
        other_words = other.name.split()
        if len(other_words) == len(words) and all(
                _same_stem(a, b) for a, b in zip(words, other_words, strict=True)):
            return other
    return None


def _same_stem(one: str, other: str) -> bool:
    """Forms of one word: at most three letters longer, sharing all but the shorter's last two."""
    shorter = min(len(one), len(other))
    stem = max(3, shorter - 2)
    return abs(len(one) - len(other)) <= 3 and one[:stem].lower() == other[:stem].lower()
