"""The units a Polish sentence is composed from: a multi-word lexicon term or one token.

A unit carries its chosen reading (through its head token), the grammar the clause pass finds
for it (`Grammar`), and at the end its English text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pressnlp.stages.translate.lexicon.analysis import Reading, Token
from pressnlp.stages.translate.lexicon.lexicon import Entry, Lexicon

# morfeusz parts of speech of verb forms and of nouns
# Conjunctions that join two phrases of one kind ("X i Y", "X oraz Y")
COORDINATORS = frozenset({"i", "oraz", "albo", "lub"})
VERB_POS = frozenset({"fin", "praet", "inf", "impt", "imps", "pcon", "pant", "bedzie", "winien"})
NOUN_POS = frozenset({"subst", "ger", "depr"})


@dataclass
class Grammar:
    """What the clause pass learns about a verb (or a predicative) from its neighbours; the English
    verb group is built from it."""

    negated: bool = False  # "nie" before it
    never: bool = False  # negated by "nigdy": English "never" in place of "not"
    reflexive: bool = False  # "się" belongs to it
    # "się" of a transitive verb with no subject: "planuje się budowę" ("object": construction is
    # planned), "planuje się zbudować", "szacuje się, że" ("it": it is planned to build, it is estimated that)
    impersonal_passive: str = ""
    conditional: bool = False  # "by" after a past-tense verb
    future: bool = False  # "będzie" + infinitive: the verb goes after "will"
    plain_present: bool = False  # "jeśli się powiodą": English "if they succeed", not "will"
    person: frozenset[str] = field(default_factory=frozenset)  # given by an agglutinate ("-śmy") or "będzie"
    number: frozenset[str] = field(default_factory=frozenset)
    aux_be: bool = False  # "zostać"/"być" before a passive participle: English "be"
    bare_infinitive: bool = False  # an infinitive after a modal or "aby": no "to"
    subject_given: bool = False  # a personal pronoun before it: English needs no subject added
    tense: str = ""  # "past"/"future" of a predicative ("można było": it was possible)
    existential: bool = False  # "nie ma/było/będzie" + genitive: there is/was/will be no
    existential_plural: bool = False  # ... + a plural noun: there are/were no


@dataclass
class Unit:
    """A term or a token, with the grammar the clause pass adds and the English it gets."""

    tokens: list[Token]
    entry: Entry | None = None  # a multi-word term's entry
    head: Token | None = None  # the token whose grammar a term takes
    grammar: Grammar = field(default_factory=Grammar)
    dropped: bool = False  # its meaning went into a neighbour ("nie", "się", "-śmy") or says nothing
    initial: bool = False  # first word of the sentence: its capital says nothing
    name_start: bool = False  # first word of the sentence followed by a capitalised word: a name
    keep_form: bool = False  # copied as written: street names ("ul. Łąkowej"), "Ruda Śląska"
    negative_english: str = ""  # a negative pronoun's English in its clause: "no one", "anyone"
    text: str = ""  # the English
    used: Entry | None = None  # the entry a single word was translated with
    sense: Entry | None = None  # the sense its neighbours choose (senses.tsv), before the lexicon's

    @property
    def token(self) -> Token:
        return self.head or self.tokens[0]

    @property
    def reading(self) -> Reading:
        return self.token.reading

    @property
    def is_term(self) -> bool:
        return self.entry is not None and len(self.tokens) > 1

    @property
    def pos(self) -> str:
        return "term" if self.is_term else self.reading.pos

    @property
    def space_before(self) -> bool:
        return self.tokens[0].space_before

    @property
    def is_punctuation(self) -> bool:
        return len(self.tokens) == 1 and self.tokens[0].is_punctuation

    @property
    def is_verb(self) -> bool:
        if self.is_term:
            return self.entry.word_class == "v" and self.reading.pos in VERB_POS | {"pred"}
        return self.reading.pos in VERB_POS

    @property
    def is_noun(self) -> bool:
        if self.is_term:  # a verb's term as a gerund ("podpisania umowy") is a noun too
            return (self.entry.word_class in ("n", "name") and self.reading.pos in NOUN_POS) \
                or (self.entry.word_class == "v" and self.reading.pos == "ger")
        return self.reading.pos in NOUN_POS and not self.token.verbatim

    @property
    def lemma(self) -> str:
        return self.reading.lemma.lower()


# Terms whose last word may begin a longer term instead ("budowa drogi" | "droga gminna")
_COMPOUNDING = frozenset({"n", "v"})


def sentence_units(tokens: list[Token], lexicon: Lexicon) -> list[Unit]:
    """Units of a sentence: the longest lexicon term at each token, else the token (an
    abbreviation with its dot)."""
    units: list[Unit] = []
    index = 0
    while index < len(tokens):
        match = None if tokens[index].verbatim else lexicon.match_term(tokens, index)
        if match and match[0].entry.word_class == "v" and tokens[index].reading.pos == "ppas" and match[1] > index + 1:
            match = None  # "podpisana umowa" is a signed agreement (or its subject), not "sign an agreement"
        if match and _adjective_follows_its_object(tokens, match[1], match[0].entry.word_class):
            match = None  # "podpisanie umowy partnerskiej": the partner agreement, not "an agreement partner"
        if match and match[0].entry.word_class in _COMPOUNDING \
                and _last_word_starts_longer_term(lexicon, tokens, match[1]):
            # "budowa drogi gminnej": "droga gminna" (municipal road), not "budowa drogi" + "gminnej";
            # a fixed phrase stays whole ("tym razem z": this time with)
            match = lexicon.match_term(tokens[:match[1] - 1], index)
        if match:
            term, end = match
            covered = tokens[index:end]
            units.append(Unit(covered, term.entry, _term_head(term.entry, covered)))
            if end == len(tokens) and covered[-1].form == "." and not term.entry.english.endswith("."):
                units.append(Unit([covered[-1]]))  # an abbreviation's dot that ends the sentence
            index = end
            continue
        token = tokens[index]
        unit = Unit([token])
        if token.reading.pos == "brev":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            with_dot = following is not None and following.form == "." and "pun" in token.reading.values
            if with_dot and index + 2 < len(tokens):
                unit.tokens.append(following)
                index += 1
        units.append(unit)
        index += 1
    words = [u for u in units if not u.is_punctuation]
    if words:
        words[0].initial = True
        words[0].name_start = len(words) > 1 and words[1].tokens[0].capitalised \
            and words[1].reading.pos not in ("dig", "romandig") and not words[1].token.verbatim
    return units


def _adjective_follows_its_object(tokens: list[Token], end: int, word_class: str) -> bool:
    """A term ending in a noun of its own is followed by an adjective of that noun: a verb term in
    its verbal noun ("podpisanie umowy" partnerskiej) or a noun term ending in a genitive ("Zespół
    Szkół" Technicznych); after a finite verb ("miało miejsce uroczyste podpisanie") the adjective
    opens the subject."""
    if end >= len(tokens) or tokens[end - 1].reading.pos not in NOUN_POS:
        return False
    if word_class == "v":
        if not any(token.reading.pos == "ger" for token in tokens[:end - 1][-2:]):
            return False
    elif word_class != "n" or "gen" not in tokens[end - 1].reading.case:
        return False
    noun, following = tokens[end - 1].reading, tokens[end].reading
    return following.pos == "adj" and noun.agrees_with(following) and bool(noun.case & following.case)


def _last_word_starts_longer_term(lexicon: Lexicon, tokens: list[Token], end: int) -> bool:
    """The last word of a term ending at `end` begins a term that reaches further."""
    overlapping = lexicon.match_term(tokens, end - 1) if end - 1 > 0 else None
    return overlapping is not None and overlapping[1] > end


def _term_head(entry: Entry, tokens: list[Token]) -> Token:
    """The token whose grammar the term takes: its noun (n), its verb (v), else the first."""
    wanted = {"n": NOUN_POS, "name": NOUN_POS, "v": VERB_POS | {"pred"}}.get(entry.word_class)
    if wanted:
        for token in tokens:
            if token.reading.pos in wanted:
                return token
    return tokens[0]
