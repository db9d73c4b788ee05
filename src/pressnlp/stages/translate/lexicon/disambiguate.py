"""Choose one morfeusz reading per token: a small, explainable scoring with Viterbi.

morfeusz gives every reading ("ramach": frame or framework; "z": preposition with the
genitive or the instrumental, or a particle). Each reading gets a score of its own (lexicon
knows the lemma, no archaic or colloquial qualifier, a proper name only for a capitalised word)
and each pair of neighbours a score for fitting together (a preposition and the case it governs,
an adjective agreeing with its noun, a noun followed by a genitive). The best-scoring sequence
is found by Viterbi over the token chain.
"""
from __future__ import annotations

from collections.abc import Callable

from pressnlp.stages.translate.lexicon.analysis import (
    ADJECTIVAL,
    NOMINAL,
    PERSONAL_NAME_LABELS,
    PLACE_NAME_LABEL,
    VERBAL,
    Reading,
    Token,
)

# Readings that are rarely meant in running text.
_PLACE = PLACE_NAME_LABEL
_RARE_POS = {"interj": -3.0, "burk": -2.0, "depr": -2.0, "xxx": -1.0, "brev": -0.5, "ign": -0.5}
_QUALIFIER_PENALTY = -1.5  # "daw." (archaic), "pot." (colloquial), "muz." (musical note) ...
# "hom." marks a form spelt like another of the same lemma, not a rare use: the genitive plural
# "inwestycji", "uczelni", "organizacji" (as the singular) is common; only a tie goes to the singular
_HOMONYM = "hom."
_HOMONYM_PENALTY = -0.1
_PROPER_NAME_LOWERCASE = -3.0
_PROPER_NAME_CAPITALISED = 0.3
_KNOWN_LEMMA = 1.0
_CASE_GOVERNED = 2.0
_CASE_VIOLATED = -2.0
_AGREEMENT = 1.5
_POSTPOSED_AGREEMENT = 1.0
_GENITIVE_ATTRIBUTE = 0.5
_PRONOUN_AFTER_PREPOSITION = -4.0  # "nie", "niego", "nim": forms used only after a preposition
_SUBJECT_VERB = 0.5
_NAME_AS_WRITTEN = 0.5  # a capitalised name whose lemma is its form is likely nominative
_NAME_SEQUENCE = 1.0  # first name + surname agree in case
_LISTED_PLURALE_TANTUM = 0.3
_CAPITALISED_VERB = -1.5  # "Poznania" inside a sentence is the city, not a gerund of "poznać"
_NUMBER_PLURAL = 1.0  # "14 instalacji": after a number other than 1 the noun is plural
_NUMERAL_PLURAL = 0.2
_NUMBER_WORD = "numer"  # the lemma of "nr"
_NOUN_BEFORE_NUMBER = 1.0  # after a numeral word, where the singular's case may also fit
# Of two place names a form may belong to, the shorter lemma is the town ("Płocku": Płock, not the
# village Płocko; "Lublinie": Lublin, not Lublino); the lexicon's names still win.
_LONGER_PLACE_NAME = -0.2

# +1 when the lexicon translates the reading, -1 when it knows the lemma only as another
# part of speech ("a" is a conjunction, not a preposition), 0 when it does not know the lemma,
# lower for readings listed as rare ("ma" as a form of "mój").
LexicalScore = Callable[[Token, Reading], float]


def unary_score(token: Token, reading: Reading, sentence_start: bool, lexical: LexicalScore) -> float:
    """How plausible a reading is on its own."""
    score = _RARE_POS.get(reading.pos, 0.0)
    if reading.qualifiers:
        score += _HOMONYM_PENALTY if reading.qualifiers == (_HOMONYM,) else _QUALIFIER_PENALTY
    if reading.is_proper_name:
        if not token.capitalised:
            score += _PROPER_NAME_LOWERCASE
        elif not sentence_start:
            score += _PROPER_NAME_CAPITALISED
        if reading.lemma == token.form and not sentence_start:
            score += _NAME_AS_WRITTEN
        if _PLACE in reading.names and any(_PLACE in other.names and len(other.lemma) < len(reading.lemma)
                                           for other in token.readings):
            score += _LONGER_PLACE_NAME
    known = lexical(token, reading)
    score += _KNOWN_LEMMA * known
    if known > 0 and "pt" in reading.values:  # a plural-only lemma we list on purpose ("środki")
        score += _LISTED_PLURALE_TANTUM
    if token.capitalised and not sentence_start and reading.pos in VERBAL:
        score += _CAPITALISED_VERB
    if "praep" in reading.values:  # "nie", "niego", "nim" stand only after a preposition
        score += _PRONOUN_AFTER_PREPOSITION
    return score


def pair_score(previous: Reading, current: Reading) -> float:
    """How well two neighbouring readings fit together."""
    if previous.pos == "prep" and "praep" in current.values:
        return _CASE_GOVERNED - _PRONOUN_AFTER_PREPOSITION
    if previous.pos == "prep" and current.pos == "ppron3" and "npraep" in current.values:
        return 0.0  # "przed jego zamknięciem": a possessive, the case is the next noun's
    if previous.pos == "prep":
        if current.pos in NOMINAL or current.pos in ADJECTIVAL:
            return _CASE_GOVERNED if previous.case & current.case else _CASE_VIOLATED
        return 0.0
    if previous.pos in ADJECTIVAL and (current.pos in NOMINAL or current.pos in ADJECTIVAL):
        if previous.agrees_with(current):
            return _AGREEMENT
        # a postposed genitive adjective, then the next genitive: "uczelni publicznych województwa"
        genitives = "gen" in previous.case and current.case == {"gen"} and current.pos in ("subst", "ger")
        return _GENITIVE_ATTRIBUTE if genitives else 0.0
    if previous.pos in ("subst", "ger", "depr") and current.pos in ("adj", "adjc"):
        return _POSTPOSED_AGREEMENT if previous.agrees_with(current) else 0.0
    if "imię" in previous.names and "nazwisko" in current.names:
        return _NAME_SEQUENCE if previous.case & current.case else 0.0
    if previous.pos in ("subst", "ger") and current.pos in ("subst", "ger") and current.case == {"gen"}:
        return _GENITIVE_ATTRIBUTE
    if current.pos == "brev" and current.lemma == _NUMBER_WORD and previous.pos in NOMINAL:
        return _NOUN_BEFORE_NUMBER  # "drogi nr 1431W": the road, not "dear"
    if previous.pos == "dig" and previous.lemma.isdigit() and previous.lemma != "1" and current.pos in NOMINAL:
        return _NUMBER_PLURAL if current.is_plural else 0.0
    if previous.pos == "num" and (current.pos in NOMINAL or current.pos in ADJECTIVAL):
        # "siedem" (a governing numeral, "rec") takes the genitive: "siedem nowych firm", where
        # "nowych" is the adjective of the counted noun, not a noun of its own
        governed = previous.case | ({"gen"} if "rec" in previous.values else set())
        if not current.case & governed:
            return 0.0
        # "obu organizacji", "dwóch uczelni": a numeral counts a plural
        return _AGREEMENT + (_NUMERAL_PLURAL if current.is_plural and current.pos in NOMINAL else 0.0)
    if previous.pos in ("subst", "ppron12", "ppron3") and "nom" in previous.case and current.pos in ("fin", "praet"):
        same_number = previous.number & current.number
        return _SUBJECT_VERB if same_number else 0.0
    return 0.0


def disambiguate(tokens: list[Token], lexical: LexicalScore, numeral_nouns: frozenset[str] = frozenset()) -> None:
    """Set `chosen` on every token to the reading of the best-scoring sequence; `numeral_nouns`
    ("milion") are followed by the noun they count."""
    if not tokens:
        return
    # Viterbi: best[i][k] = (score of the best sequence ending in reading k of token i, back-pointer)
    first_word = next((i for i, t in enumerate(tokens) if not t.is_punctuation), 0)
    best: list[list[tuple[float, int]]] = []
    for index, token in enumerate(tokens):
        start = index == first_word
        column = []
        for reading in token.readings:
            own = unary_score(token, reading, start, lexical)
            if not best:
                column.append((own, -1))
                continue
            previous_token = tokens[index - 1]
            column.append(max(
                (score + own + pair_score(prev, reading), k)
                for k, ((score, _), prev) in enumerate(zip(best[-1], previous_token.readings, strict=True))
            ))
        best.append(column)
    choice = max(range(len(best[-1])), key=lambda k: best[-1][k][0])
    for index in range(len(tokens) - 1, -1, -1):
        tokens[index].chosen = tokens[index].readings[choice]
        choice = best[index][choice][1]
    _prepositions_before_possessives(tokens)
    _names_in_a_list_share_a_case(tokens)
    _be_before_a_pause(tokens)
    _nouns_where_no_noun_follows(tokens, numeral_nouns, lexical)
    _capital_i_as_and(tokens, first_word)


def _prepositions_before_possessives(tokens: list[Token]) -> None:
    """A preposition, a possessive ("jego", "ich"), a noun: the preposition takes the noun's case,
    which a chain of neighbours cannot see."""
    for index in range(len(tokens) - 2):
        preposition, possessive, noun = tokens[index:index + 3]
        if preposition.reading.pos == "prep" and possessive.reading.pos == "ppron3" \
                and "npraep" in possessive.reading.values and noun.reading.pos in NOMINAL:
            fitting = [r for r in preposition.readings if r.pos == "prep" and r.case & noun.reading.case]
            if fitting:
                preposition.chosen = fitting[0]


_LIST_JOINERS = frozenset({",", "i", "oraz", "lub", "albo"})


def _names_in_a_list_share_a_case(tokens: list[Token]) -> None:
    """Capitalised nouns joined by commas or "i" stand in one case: "z Ciechanowa, Radomia i
    Siedlec" are three genitives (Radom, Siedlce), though "Radomia" alone could be a nominative."""
    for index in range(2, len(tokens)):
        first, joiner, name = tokens[index - 2], tokens[index - 1], tokens[index]
        if joiner.form not in _LIST_JOINERS or not (first.capitalised and name.capitalised):
            continue
        case = first.reading.case
        if first.reading.pos not in NOMINAL or not case or name.reading.case & case:
            continue
        fitting = [r for r in name.readings if r.pos in NOMINAL and r.case & case]
        if fitting:
            name.chosen = max(fitting, key=_place_first)


def _place_first(reading: Reading) -> tuple[bool, bool, bool, int]:
    """Of a list item's readings: a place, not a person's name, a proper name, the shorter lemma
    ("Siedlce", not "Siedlece")."""
    return (_PLACE in reading.names, not set(reading.names) & PERSONAL_NAME_LABELS, reading.is_proper_name,
            -len(reading.lemma))


def _nouns_where_no_noun_follows(tokens: list[Token], numeral_nouns: frozenset[str], lexical: LexicalScore) -> None:
    """A word that is an adjective or a noun is the noun when it modifies nothing: after a number or
    a numeral noun it is the counted noun ("12 milionów złotych": zlotys, not gold), after a
    preposition with no noun after it the preposition's noun ("na drogi i chodniki": roads, not
    expensive) — a chain of neighbours sees the agreement, not what is missing after the word."""
    for index in range(1, len(tokens)):
        token, previous = tokens[index], tokens[index - 1].reading
        if token.reading.pos != "adj" or token.capitalised:
            continue
        counted = previous.pos == "dig" or (previous.pos in ("subst", "brev") and previous.lemma in numeral_nouns)
        governed = previous.pos == "prep" and not _modifies_what_follows(tokens, index + 1)
        if not (counted or governed):
            continue
        case = previous.case if governed else token.reading.case
        nouns = [r for r in token.readings if r.pos == "subst" and r.case & case and not r.is_proper_name]
        if nouns:
            token.chosen = max(nouns, key=lambda r: (lexical(token, r), "gen" in r.case))


def _modifies_what_follows(tokens: list[Token], index: int) -> bool:
    """A noun or adjective follows at `index`, or an adjective after a coordinator there ("nowych i
    starych szkół"; "drogi i chodniki" joins two nouns)."""
    if index < len(tokens) and tokens[index].form in _LIST_JOINERS - {","}:
        return index + 1 < len(tokens) and tokens[index + 1].reading.pos in ADJECTIVAL
    return index < len(tokens) and (tokens[index].reading.pos in NOMINAL | ADJECTIVAL)


def _capital_i_as_and(tokens: list[Token], first_word: int) -> None:
    """"I" is the conjunction, not the Roman numeral one, between words in capitals ("GMINĄ MILÓWKA
    I GMINĄ ROZOGI") and opening a sentence when no noun or adjective follows ("I tak ...": and);
    "I etap", "etap I", "I Liceum" keep the numeral."""
    for index, token in enumerate(tokens):
        if token.form != "I" or token.reading.pos != "romandig":
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        in_capitals = 0 < index and following is not None \
            and all(len(t.form) > 1 and t.form.isupper() for t in (tokens[index - 1], following))
        opening = index == first_word and following is not None and following.reading.pos not in NOMINAL | ADJECTIVAL
        conjunction = next((r for r in token.readings if r.pos == "conj"), None)
        if conjunction is not None and (in_capitals or opening):
            token.chosen = conjunction


_BE = "być"


def _be_before_a_pause(tokens: list[Token]) -> None:
    """"były", "byli" with nothing after them to modify are the verb "być", not "former": "Obecni
    byli: …" (present were), "Sygnatariuszami były instytuty:" — a pair score cannot see that a
    comma, colon or sentence end follows, or a predicative adjective before one ("byli zadowoleni")."""
    for index, token in enumerate(tokens):
        if token.reading.pos == "praet" or token.reading.pos not in ADJECTIVAL | NOMINAL:
            continue
        verb = next((r for r in token.readings if r.pos == "praet" and r.lemma == _BE), None)
        if verb is not None and (_pause_after(tokens, index + 1) or _predicate_before(tokens, index)):
            token.chosen = verb


def _predicate_before(tokens: list[Token], index: int) -> bool:
    """An instrumental or an adjective right before "byli" is its predicate: "którego gospodarzami
    byli X i Y" (whose hosts were), "Ważna była środa" (Wednesday was important); "former" opens
    its noun phrase."""
    if index == 0:
        return False
    previous = tokens[index - 1].reading
    return ((previous.pos in NOMINAL and previous.case == {"inst"}) or previous.pos == "adj") \
        and not _verb_follows_in_clause(tokens, index + 1)


def _verb_follows_in_clause(tokens: list[Token], index: int) -> bool:
    """A finite verb before the next punctuation: "Nowy były prezes przyszedł" has its verb."""
    for token in tokens[index:]:
        if token.is_punctuation:
            return False
        if token.reading.pos in ("fin", "praet") and token.reading.lemma != _BE:
            return True
    return False


def _pause_after(tokens: list[Token], index: int) -> bool:
    """Nothing a "były" could modify starts at `index`: the end, punctuation, or a predicative
    adjective or participle before one ("goście byli zadowoleni.")."""
    if index >= len(tokens) or tokens[index].is_punctuation:
        return True
    predicative = tokens[index].reading.pos in ADJECTIVAL
    return predicative and (index + 1 >= len(tokens) or tokens[index + 1].is_punctuation)

