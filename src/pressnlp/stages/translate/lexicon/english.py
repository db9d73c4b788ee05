"""English inflection for the lexicon backend: plurals, verb forms, comparison.

The lexicon stores English base forms only; Polish tags say number, person and tense, so the
forms are made here: regular spelling rules in code, and the English pack's tables
(`lang.get("en").grammar`: irregular verbs and plurals, modals, irregular comparison …) for the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pressnlp import lang
from pressnlp.lang.en.grammar import EnglishGrammar

_VOWELS = "aeiou"


def _grammar() -> EnglishGrammar:
    return lang.get("en").grammar


@dataclass(frozen=True)
class VerbForms:
    """The forms of one English verb (the first word of a phrasal verb)."""

    base: str
    third_person: str
    past: str
    past_participle: str
    present_participle: str


def is_modal(word: str) -> bool:
    """Modal verbs take a bare infinitive and no -s."""
    return word in _grammar().modals


def _doubles_final(word: str) -> bool:
    return word in _grammar().doubling_verbs or (
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
    irregular = _grammar().third_person.get(word)
    if irregular:
        return irregular
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
    past, participle = _grammar().irregular_verbs.get(base, (None, None))
    return VerbForms(
        base=base,
        third_person=_third_person(base),
        past=past or _suffix(base, "ed"),
        past_participle=participle or _suffix(base, "ed"),
        present_participle=_suffix(base, "ing"),
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
    table = _grammar().plurals
    if lowered in table:
        plural = table[lowered]
        return plural[0].upper() + plural[1:] if word[:1].isupper() else plural
    if not word or not word[-1].isalpha() or word.isupper() or lowered in table.values():
        return word
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "as", "os")):
        return word
    if lowered.endswith(("as", "os")) and lowered not in _grammar().singular_as_os_nouns:
        return word  # "areas", "photos": already a plural ("gas", "atlas" are listed singulars)
    if lowered.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if lowered.endswith("y") and len(word) > 1 and lowered[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if lowered.endswith("fe") and lowered not in _grammar().regular_fe_nouns:
        return word[:-2] + "ves"
    return word + "s"


def pluralize(phrase: str) -> str:
    """The plural of an English noun phrase: the word before its first preposition ("calls for
    applications"), otherwise the last word."""
    grammar = _grammar()
    if phrase.lower() in grammar.plurals:
        return pluralize_word(phrase)
    words = phrase.split(" ")
    head = next((i - 1 for i, word in enumerate(words) if i and word in grammar.prepositions), len(words) - 1)
    words[head] = pluralize_word(words[head])
    return " ".join(words)


def _syllables(word: str) -> int:
    return max(1, len(re.findall(r"[aeiouy]+", word.lower().rstrip("e"))))


def compare(adjective: str, degree: str) -> str:
    """Comparative ("com") or superlative ("sup") of an adjective or adverb."""
    if degree not in ("com", "sup") or " " in adjective or not adjective.isalpha():
        return adjective
    index = 0 if degree == "com" else 1
    irregular = _grammar().comparison.get(adjective)
    if irregular:
        return irregular[index]
    if adjective.endswith("ly"):  # adverbs: more quickly
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
    small = _grammar().title_small_words
    words = phrase.split(" ")
    return " ".join(
        word if (i and word in small) or not word else word[0].upper() + word[1:]
        for i, word in enumerate(words)
    )


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_ordinal(numeral: str) -> str | None:
    """"II" -> "second", "XXI" -> "21st": Polish writes ordinals as Roman numerals ("II etap")."""
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    values = [_ROMAN[c] for c in numeral]
    number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    ordinals = _grammar().ordinals
    if number <= len(ordinals):
        return ordinals[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
