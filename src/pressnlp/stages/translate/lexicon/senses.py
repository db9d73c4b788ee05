"""Choose the sense of a word from its neighbours (lang/pl/senses.tsv): "po polskiej stronie" ->
"on the Polish side", "na stronie gminy" -> "on the municipality's website", "pt. „…”" -> "entitled".
"""
from __future__ import annotations

from pressnlp.lang.pl.gist import Sense
from pressnlp.stages.translate.lexicon.lexicon import Entry
from pressnlp.stages.translate.lexicon.units import Unit

_BEFORE, _AFTER = 3, 2  # how many units before and after a cue may stand


def choose_senses(units: list[Unit], senses: dict[str, tuple[Sense, ...]]) -> None:
    """Give each unit whose cues hold the entry of its sense (`unit.sense`)."""
    for index, unit in enumerate(units):
        if unit.token.verbatim:
            continue
        following = units[index + 1:index + 1 + _AFTER]
        # an abbreviation read without its dot ("pt" as "piątek") is looked up with the dot after it
        dot_after = len(unit.tokens) == 1 and bool(following) and following[0].token.form == "."
        written = "".join(token.form for token in unit.tokens).lower() + ("." if dot_after else "")
        # a term by its key ("cieszyć się"), a word by its lemma or as written
        keys = (unit.entry.polish,) if unit.is_term else (unit.lemma, written)
        for sense in (sense for key in keys for sense in senses.get(key, ())):
            if _holds(sense, unit, units[max(0, index - _BEFORE):index], following):
                unit.sense = Entry(sense.word, sense.english, sense.pos, "sense")
                if dot_after and sense.word == written:
                    following[0].dropped = True  # the abbreviation's dot, not the sentence's end
                break


def _holds(sense: Sense, unit: Unit, before: list[Unit], after: list[Unit]) -> bool:
    return (not sense.forms or unit.token.form in sense.forms) \
        and (not sense.next_case or bool(after and not after[0].is_term and after[0].reading.pos != "prep"
                                         and after[0].reading.case & sense.next_case)) \
        and (not sense.before or any(_words(other) & sense.before for other in before)) \
        and (not sense.after or any(_words(other) & sense.after for other in after))


def _words(unit: Unit) -> set[str]:
    """A neighbour as written (lower-cased) and its lemmas, each word of a term."""
    return {word for token in unit.tokens for word in (token.form.lower(), *token.lemmas)}
