"""English grammar tables (grammar.toml, irregular_verbs.tsv, plurals.tsv) as typed values: what
each table means is said in the data files; the rules that use them are in
stages/translate/lexicon/english.py (inflection) and the gist's English realisation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


class Pronoun(NamedTuple):
    nominative: str
    objective: str
    possessive: str


@dataclass(frozen=True)
class EnglishGrammar:
    irregular_verbs: dict[str, tuple[str, str]]  # base -> (past, past participle)
    plurals: dict[str, str]  # irregular or uncountable noun -> plural
    doubling_verbs: frozenset[str]
    modals: frozenset[str]
    prepositions: frozenset[str]
    title_small_words: frozenset[str]
    determiners: frozenset[str]
    regular_fe_nouns: frozenset[str]
    singular_as_os_nouns: frozenset[str]
    ordinals: tuple[str, ...]  # 1..n
    reflexive_pronoun: str
    third_person: dict[str, str]
    comparison: dict[str, tuple[str, str]]  # comparative, superlative
    be: dict[str, dict[str, str]]  # tense -> "third_singular"/…/"other" -> form
    pronouns: dict[str, Pronoun]  # "third_singular_feminine" -> forms
    conditional: dict[str, str]
    modal_substitutes: dict[str, str]

    @classmethod
    def from_tables(cls, table: dict[str, Any], irregular_verbs: list[list[str]],
                    plurals: list[list[str]]) -> EnglishGrammar:
        return cls(
            irregular_verbs={row[0]: (row[1], row[2]) for row in irregular_verbs},
            plurals={row[0]: row[1] for row in plurals},
            doubling_verbs=frozenset(table["doubling_verbs"]), modals=frozenset(table["modals"]),
            prepositions=frozenset(table["prepositions"]), title_small_words=frozenset(table["title_small_words"]),
            determiners=frozenset(table["determiners"]), regular_fe_nouns=frozenset(table["regular_fe_nouns"]),
            singular_as_os_nouns=frozenset(table["singular_as_os_nouns"]),
            ordinals=tuple(table["ordinals"]), reflexive_pronoun=table["reflexive_pronoun"],
            third_person=dict(table["third_person"]),
            comparison={word: (forms[0], forms[1]) for word, forms in table["comparison"].items()},
            be={tense: dict(forms) for tense, forms in table["be"].items()},
            pronouns={key: Pronoun(*forms) for key, forms in table["pronouns"].items()},
            conditional=dict(table["conditional"]), modal_substitutes=dict(table["modal_substitutes"]),
        )

    def be_form(self, tense: str, person: str) -> str:
        """A form of "be" ("present", "third_singular") -> "is"."""
        forms = self.be[tense]
        return forms.get(person, forms["other"])
