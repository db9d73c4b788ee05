"""The English pack's grammar tables: every person the gist asks for has its pronouns and forms of
"be"; the irregular tables have the columns their readers expect."""
from __future__ import annotations

from pressnlp import lang


def test_pronouns_and_be_for_every_person_and_number():
    grammar = lang.get("en").grammar
    for person in ("first", "second", "third"):
        for number in ("singular", "plural"):
            key = f"{person}_{number}"
            assert grammar.pronouns[key].nominative
            assert grammar.be_form("present", key) in ("am", "is", "are")
            assert grammar.be_form("past", key) in ("was", "were")
    assert grammar.pronouns["third_singular_feminine"] == ("she", "her", "her")
    assert grammar.be_form("present", "second_singular") == "are"


def test_irregular_tables():
    grammar = lang.get("en").grammar
    assert grammar.irregular_verbs["go"] == ("went", "gone")
    assert grammar.plurals["child"] == "children"
    assert all(past and participle for past, participle in grammar.irregular_verbs.values())
    assert grammar.comparison["good"] == ("better", "best")
    assert grammar.ordinals[:2] == ("first", "second") and "can" in grammar.modals
