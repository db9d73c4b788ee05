"""An organisation mention, the key that mentions of one organisation share, and acronyms
spelled by a name's initials."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressnlp.lang.morphology import lemma
from pressnlp.stages.extract.text import words_of


@dataclass
class OrgMention:
    """One place in the text where an organisation is named."""

    start: int
    end: int
    name: str  # canonical name (nominative for Polish), legal form included when written
    key: str  # what mentions of the same organisation share
    kind: str  # "name", "acronym", "head" (a bare head word such as "Metropolia"), "gazetteer"
    head: str | None = None  # lemma of the head noun
    acronym: str | None = None  # a bracketed acronym right after the name
    legal_form: str | None = None
    is_unit: bool = False  # a department of something else
    is_programme: bool = False
    described: bool = False  # introduced as an organisation: "spółka X", "X, the charity"
    english: bool = False  # an English name in a release in another language
    opens_sentence: bool = False  # the sentence's subject, in the nominative where names inflect
    words: list[str] = field(default_factory=list)  # lemmas of the words as written, for containment
    organ: str | None = None  # the organ's name when the mention names its town by level ("Rada města X")


def name_key(words: list[str]) -> str:
    return " ".join(words)


def key_words(name: str, language: str) -> list[str]:
    """The words two mentions of one organisation share: for Polish the canonical (nominative)
    name's words, elsewhere lemmas, so "Technické univerzity" and "Technická univerzita" meet."""
    words = words_of(name)
    if language == "pl":
        return [w.lower() for w in words]
    return [w.lower() if sum(ch.isupper() for ch in w) >= 2 else lemma(w, language) for w in words]


def initials_match(acronym: str, words: list[str]) -> bool:
    """Whether an acronym is spelled by the initials of a name's words, skipping or using small
    connecting words ("DfE" = Department for Education, "GZM" = Górnośląsko-Zagłębiowska
    Metropolia, "NCBiR" = Narodowe Centrum Badań i Rozwoju)."""
    letters = [ch for ch in acronym if ch.isalpha()]
    parts: list[tuple[str, bool]] = []  # (initial, optional)
    for word in words:
        if sum(ch.isupper() for ch in word) >= 2:  # an acronym inside the name: "… PAN"
            parts.extend((ch, False) for ch in word if ch.isalpha())
            continue
        for piece in re.split(r"[-–]", word):
            if piece:
                parts.append((piece[0], not piece[0].isupper()))
    return _spell(letters, parts)


def _spell(letters: list[str], parts: list[tuple[str, bool]]) -> bool:
    if not letters:
        return all(optional for _, optional in parts)
    if not parts:
        return False
    initial, optional = parts[0]
    if initial.casefold() == letters[0].casefold() and _spell(letters[1:], parts[1:]):
        return True
    return optional and _spell(letters, parts[1:])
