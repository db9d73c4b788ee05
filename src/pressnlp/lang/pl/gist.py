"""The Polish words of the dictionary gist (gist.toml) as typed tables: what each one means is
said in the data file; the grammar that uses them is in stages/translate/lexicon."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ContextWord:
    """A function word whose English depends on a neighbour ("co godzinę": every hour)."""

    polish: frozenset[str]
    english: str
    after: frozenset[str] = frozenset()  # only after these lemmas, when given


@dataclass(frozen=True)
class NegativeWord:
    """English of a negative pronoun ("nikt") by where it stands to the negated verb."""

    negative: str  # before the verb, carrying the clause's one English negation: "no one"
    negated: str  # after a negated verb: "anyone"
    alone: str  # negative, with no noun after it: "none"


@dataclass(frozen=True)
class GistWords:
    """Polish words whose grammar the gist handles itself instead of translating them."""

    negation: str
    reflexive: str
    conditional: str
    be: str
    have: str
    passive_auxiliaries: frozenset[str]
    condition_words: frozenset[str]
    never: str
    question_words: frozenset[str]
    negative_words: dict[str, NegativeWord]
    quantity_nouns: frozenset[str]
    not_postposed: frozenset[str]
    adverb_endings: tuple[tuple[str, str], ...]  # adverb ending -> adjective ending, in order
    street_words: frozenset[str]
    name_joiners: frozenset[str]
    year_noun: str
    year_words: frozenset[str]  # the noun and the lemmas of its abbreviations
    time_units: frozenset[str]
    every: ContextWord
    whether: ContextWord
    on_weekday: ContextWord
    who: ContextWord
    copula: ContextWord
    of_partitive: ContextWord
    also_after_but: ContextWord

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> GistWords:
        clause, phrases, names, year = table["clause"], table["phrases"], table["names"], table["year"]
        in_context = {key: ContextWord(frozenset(value["polish"]), value["english"], frozenset(value.get("after", ())))
                      for key, value in table["in_context"].items()}
        return cls(
            negation=clause["negation"], reflexive=clause["reflexive"], conditional=clause["conditional"],
            be=clause["be"], have=clause["have"],
            passive_auxiliaries=frozenset(clause["passive_auxiliaries"]),
            condition_words=frozenset(clause["condition_words"]), never=clause["never"],
            question_words=frozenset(clause["question_words"]),
            negative_words={lemma: NegativeWord(**forms) for lemma, forms in table["negative_words"].items()},
            quantity_nouns=frozenset(phrases["quantity_nouns"]), not_postposed=frozenset(phrases["not_postposed"]),
            adverb_endings=tuple((adverb, adjective) for adverb, adjective in table["adverbs"]["endings"]),
            street_words=frozenset(names["street_words"]), name_joiners=frozenset(names["name_joiners"]),
            year_noun=year["noun"], year_words=frozenset([year["noun"], *year["abbreviations"]]),
            time_units=frozenset(table["in_context"]["every"]["time_units"]),
            **in_context,
        )
