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
    intransitive: frozenset[str]
    giving: frozenset[str]
    receiving: frozenset[str]
    received: frozenset[str]
    condition_words: frozenset[str]
    never: str
    question_words: frozenset[str]
    negative_words: dict[str, NegativeWord]
    quantity_nouns: frozenset[str]
    numeral_nouns: frozenset[str]
    abstract_endings: tuple[str, ...]
    not_postposed: frozenset[str]
    postposed_demonstratives: frozenset[str]
    apposition_nouns: frozenset[str]
    legal_forms: frozenset[str]
    adverb_endings: tuple[tuple[str, str], ...]  # adverb ending -> adjective ending, in order
    street_words: frozenset[str]
    name_joiners: frozenset[str]
    territorial_units: frozenset[str]
    patron_institutions: frozenset[str]
    year_noun: str
    year_words: frozenset[str]  # the noun and the lemmas of its abbreviations
    time_units: frozenset[str]
    every: ContextWord
    whether: ContextWord
    on_weekday: ContextWord
    who: ContextWord
    whose: ContextWord
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
            intransitive=frozenset(clause["intransitive"]), giving=frozenset(clause["giving"]),
            receiving=frozenset(clause["receiving"]), received=frozenset(clause["received"]),
            condition_words=frozenset(clause["condition_words"]), never=clause["never"],
            question_words=frozenset(clause["question_words"]),
            negative_words={lemma: NegativeWord(**forms) for lemma, forms in table["negative_words"].items()},
            quantity_nouns=frozenset(phrases["quantity_nouns"]),
            numeral_nouns=frozenset(phrases["numeral_nouns"]), abstract_endings=tuple(phrases["abstract_endings"]),
            not_postposed=frozenset(phrases["not_postposed"]),
            postposed_demonstratives=frozenset(phrases["postposed_demonstratives"]),
            apposition_nouns=frozenset(phrases["apposition_nouns"]), legal_forms=frozenset(names["legal_forms"]),
            adverb_endings=tuple((adverb, adjective) for adverb, adjective in table["adverbs"]["endings"]),
            street_words=frozenset(names["street_words"]), name_joiners=frozenset(names["name_joiners"]),
            territorial_units=frozenset(names["territorial_units"]),
            patron_institutions=frozenset(names["patron_institutions"]),
            year_noun=year["noun"], year_words=frozenset([year["noun"], *year["abbreviations"]]),
            time_units=frozenset(table["in_context"]["every"]["time_units"]),
            **in_context,
        )


Endings = tuple[tuple[str, tuple[str, ...]], ...]


def _endings(rows: list[list[Any]]) -> Endings:
    return tuple((polish, tuple(english)) for polish, english in rows)


@dataclass(frozen=True)
class Derivation:
    """How the gist guesses English for a lemma no dictionary has (derivation.toml)."""

    negation_prefix: str
    negation_english: str
    adjective_to_noun: Endings  # adjective ending -> noun endings to try on its stem
    prefixes: tuple[tuple[str, str], ...]  # Polish prefix -> English prefix
    verb_prefixes: tuple[str, ...]
    nouns: Endings  # transliteration: Polish ending -> English endings, per part of speech
    adjectives: Endings
    verbs: Endings
    letters: Endings  # Polish letters -> English spellings
    min_stem: int
    numbered: tuple[tuple[str, str], ...]  # "50-letni": word after a number -> English after it

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Derivation:
        spelling = table["transliteration"]
        return cls(
            negation_prefix=table["negation"]["prefix"], negation_english=table["negation"]["english"],
            adjective_to_noun=_endings(table["adjective_to_noun"]["endings"]),
            prefixes=tuple((polish, english) for polish, english in table["prefixes"]["english"]),
            verb_prefixes=tuple(table["verb_prefixes"]["prefixes"]),
            nouns=_endings(spelling["nouns"]), adjectives=_endings(spelling["adjectives"]),
            verbs=_endings(spelling["verbs"]), letters=_endings(spelling["letters"]), min_stem=spelling["min_stem"],
            numbered=tuple((polish, english) for polish, english in table["numbered"]["english"]),
        )


@dataclass(frozen=True)
class Sense:
    """Another English for a word when its neighbours say so (senses.tsv): "po polskiej stronie"
    is the Polish side, not the Polish website."""

    word: str
    english: str
    pos: str
    before: frozenset[str] = frozenset()  # one of the three words before is one of these
    after: frozenset[str] = frozenset()  # one of the two words after is one of these
    forms: frozenset[str] = frozenset()  # the word is written exactly so
    next_case: frozenset[str] = frozenset()  # the next word's case is one of these (morfeusz: loc, gen …)

    @classmethod
    def from_line(cls, line: str) -> Sense:
        word, english, pos, *rest = line.split("\t")
        cues: dict[str, frozenset[str]] = {}
        for cue in (rest[0] if rest else "").split():
            kind, _, values = cue.partition(":")
            if kind not in ("before", "after", "form", "case"):
                raise ValueError(f"senses.tsv: unknown cue {cue!r} in {line!r}")
            cues[{"form": "forms", "case": "next_case"}.get(kind, kind)] = frozenset(values.split("|"))
        return cls(word, english, pos, **cues)
