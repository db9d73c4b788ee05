"""English inflection for the lexicon backend: plurals, verb forms, comparison.

The lexicon stores English base forms only; Polish tags say number, person and tense, so the
forms are made here. Regular rules plus two small tables (irregular verbs, irregular or
uncountable plurals) in data/ cover what press releases need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_VOWELS = "aeiou"
# Short verbs that double their final consonant before -ed/-ing although stress rules would
# have to be known to tell (commit -> committed, plan -> planned).
_DOUBLING = frozenset({
    "plan", "stop", "ship", "drop", "shop", "chat", "admit", "commit", "submit", "permit",
    "refer", "prefer", "occur", "transfer", "control", "regret", "equip", "fit", "jog", "map",
    "tap", "nod", "rob", "rub", "skip", "slip", "step", "swap", "tag", "trim", "wrap", "ban",
    "scan", "log", "beg", "dig", "hug", "pin", "plug", "travel", "cancel", "label", "model",
    "signal", "fulfil", "enrol", "instal", "compel", "excel", "propel", "expel", "patrol",
})
_MODALS = frozenset({"can", "must", "should", "may", "might", "will", "would", "could"})
_PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "with", "to", "from", "by"})
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "with", "by"})


@dataclass(frozen=True)
class VerbForms:
    """The forms of one English verb (the first word of a phrasal verb)."""

    base: str
    third_person: str
    past: str
    past_participle: str
    present_participle: str


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _irregular_verbs() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in _data_rows("english_irregular_verbs.tsv")}


@cache
def _irregular_plurals() -> dict[str, str]:
    return {row[0]: row[1] for row in _data_rows("english_plurals.tsv")}


def is_modal(word: str) -> bool:
    """Modal verbs take a bare infinitive and no -s."""
    return word in _MODALS


def _doubles_final(word: str) -> bool:
    return word in _DOUBLING or (
        len(word) >= 3 and _syllables(word) == 1 and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS and word[-3] not in _VOWELS
    )


def _suffix(word: str, suffix: str) -> str:
    """Attach -ed or -ing to a regular verb with English spelling rules."""
    if suffix == "ed":
        if word.endswith("e"):
            return word + "d"
        if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
            return word[:-1] + "ied"
    else:
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
            return word[:-1] + "ing"
    if _doubles_final(word):
        return word + word[-1] + suffix
    return word + suffix


def _third_person(word: str) -> str:
    if word in ("be",):
        return "is"
    if word == "have":
        return "has"
    if is_modal(word):
        return word
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


@cache
def verb_forms(base: str) -> VerbForms:
    """All forms of a verb given its base form."""
    past, participle = _irregular_verbs().get(base, (None, None))
    return VerbForms(
        base=base,
        third_person=_third_person(base),
        past=past or _suffix(base, "ed"),
        past_participle=participle or _suffix(base, "ed"),
        present_participle="being" if base == "be" else _suffix(base, "ing"),
    )


def inflect_phrase(phrase: str, form: str) -> str:
    """Inflect the first word of a verb phrase ("take part" -> "took part").

    `form` is a VerbForms field name: base, third_person, past, past_participle,
    present_participle.
    """
    head, _, rest = phrase.partition(" ")
    inflected = getattr(verb_forms(head), form)
    return f"{inflected} {rest}" if rest else inflected


def pluralize_word(word: str) -> str:
    """The plural of one English noun (a word that already looks plural is left alone)."""
    lowered = word.lower()
    table = _irregular_plurals()
    if lowered in table:
        plural = table[lowered]
        return plural[0].upper() + plural[1:] if word[:1].isupper() else plural
    if not word or not word[-1].isalpha() or word.isupper() or lowered in table.values():
        return word
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "as", "os")):
        return word
    if lowered.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if lowered.endswith("y") and len(word) > 1 and lowered[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if lowered.endswith("fe") and lowered not in ("safe", "cafe"):
        return word[:-2] + "ves"
    return word + "s"


def pluralize(phrase: str) -> str:
    """The plural of an English noun phrase: the word before its first preposition ("calls for
    applications"), otherwise the last word."""
    if phrase.lower() in _irregular_plurals():
        return pluralize_word(phrase)
    words = phrase.split(" ")
    head = next((i - 1 for i, word in enumerate(words) if i and word in _PREPOSITIONS), len(words) - 1)
    words[head] = pluralize_word(words[head])
    return " ".join(words)


def _syllables(word: str) -> int:
    return max(1, len(re.findall(r"[aeiouy]+", word.lower().rstrip("e"))))


_IRREGULAR_COMPARISON = {
    "good": ("better", "best"), "well": ("better", "best"), "bad": ("worse", "worst"),
    "badly": ("worse", "worst"), "many": ("more", "most"), "much": ("more", "most"),
    "little": ("less", "least"), "far": ("further", "furthest"), "old": ("older", "oldest"),
    "early": ("earlier", "earliest"),
}


def compare(adjective: str, degree: str) -> str:
    """Comparative ("com") or superlative ("sup") of an adjective or adverb."""
    if degree not in ("com", "sup") or " " in adjective or not adjective.isalpha():
        return adjective
    index = 0 if degree == "com" else 1
    if adjective in _IRREGULAR_COMPARISON:
        return _IRREGULAR_COMPARISON[adjective][index]
    if adjective.endswith("ly") and adjective != "early":  # adverbs: more quickly
        return ("more " if index == 0 else "most ") + adjective
    if _syllables(adjective) == 1 or (adjective.endswith("y") and _syllables(adjective) == 2):
        stem = adjective
        if stem.endswith("y") and stem[-2:-1] not in _VOWELS:
            stem = stem[:-1] + "i"
        elif stem.endswith("e"):
            stem = stem[:-1]
        elif _doubles_final(stem):
            stem += stem[-1]
        return stem + ("er" if index == 0 else "est")
    return ("more " if index == 0 else "most ") + adjective


def adverb_from_adjective(adjective: str) -> str:
    """Regular -ly adverb (effective -> effectively, easy -> easily, possible -> possibly)."""
    if " " in adjective or not adjective.isalpha() or adjective[0].isupper():
        return adjective
    if adjective.endswith("ly"):
        return adjective
    if adjective.endswith("y") and len(adjective) > 2:
        return adjective[:-1] + "ily"
    if adjective.endswith("le") and len(adjective) > 3:
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def title_case(phrase: str) -> str:
    """Capitalise the words of a name, leaving small function words alone (Office of the City)."""
    words = phrase.split(" ")
    return " ".join(
        word if (i and word in _SMALL_WORDS) or not word else word[0].upper() + word[1:]
        for i, word in enumerate(words)
    )


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def roman_ordinal(numeral: str) -> str | None:
    """"II" -> "second", "XXI" -> "21st": Polish writes ordinals as Roman numerals ("II etap")."""
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    values = [_ROMAN[c] for c in numeral]
    number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    if number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
