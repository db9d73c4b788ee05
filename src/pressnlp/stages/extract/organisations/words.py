"""What the organisation rules ask of the tokens of one release: is this a name word, a head
noun, an adjective, a connector; do two tokens join. The word lists are the release's language's,
English (names are quoted in English everywhere) and, for heads and legal forms, every language's."""
from __future__ import annotations

import re

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.pl.morphology import analyse_pl
from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.text import Doc, Token

ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")


class NameWords:
    """Token predicates over one Doc, with the word lists they use."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.language = doc.language
        self.lex = doc.lexicon
        self.en = lexicon("en")
        self.all = everywhere()
        self.heads = self.all.org_heads
        self.connectors = {c.rstrip(".") for c in self.lex.connectors | self.en.connectors}
        self.descriptors = self.lex.descriptors | self.en.descriptors
        self.programme_words = self.lex.programme_words | self.en.programme_words
        self.not_names = self.lex.not_names | self.en.not_names
        self.units = self.lex.units | self.en.units

    def is_head(self, token: Token) -> bool:
        if not token.is_word or token.text.isdigit():
            return False
        word = self._without_possessive(token.text.lower())
        if word in self.heads:
            return True
        if self.lex.compound_heads and token.is_capitalised:
            return any(word.endswith(head) and len(word) > len(head) + 2
                       for head in self.lex.org_heads if len(head) >= 3)
        return bool(lemmas(token.text, self.language) & self.heads)

    def head_lemma(self, token: Token) -> str:
        word = self._without_possessive(token.text.lower())
        if word in self.heads:
            return word
        found = sorted(lemmas(token.text, self.language) & self.heads)
        return found[0] if found else word

    def _without_possessive(self, word: str) -> str:
        for ending in self.all.possessive_endings:
            word = word.removesuffix(ending)
        return word

    def is_sentence_start(self, token: Token) -> bool:
        return token.start in self.doc.sentence_starts

    def joins(self, left: Token, right: Token) -> bool:
        """Whether two tokens are separated by nothing but spaces on one line."""
        gap = self.text[left.end:right.start]
        return "\n" not in gap and not gap.strip()

    def name_word(self, token: Token) -> bool:
        if not token.is_word or not token.is_capitalised:
            return False
        if ROMAN_NUMERAL.match(token.text) and len(token.text) <= 4:
            return False
        return True

    def is_adjective(self, token: Token) -> bool:
        if self.language == "pl":
            last = token.text.rpartition("-")[2]
            return any(r.pos in ("adj", "ppas", "pact") for r in analyse_pl(last))
        return token.text.lower().endswith(self.lex.adjective_endings)

    def trim_connectors(self, part: list[int]) -> list[int]:
        """A run without the connectors and articles at its end."""
        while part and (self.tokens[part[-1]].text.lower() in self.connectors
                        or self.tokens[part[-1]].text.lower() in self.all.articles):
            part = part[:-1]
        return part


def is_given_name(word: str) -> bool:
    return any("imię" in r.labels for r in analyse_pl(word))


def is_genitive(word: str) -> bool:
    return any("gen" in r.cases for r in analyse_pl(word))
