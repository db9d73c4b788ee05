"""Turn one analysed Polish sentence into English gist.

The steps, in order, each in a module of its own:
1. analysis: tokens with their morfeusz readings, one chosen per token (`analysis`,
   `disambiguate`, scored with what the lexicon knows: `lookup`); units: multi-word terms
   (longest match) or single tokens (`units`); senses chosen by neighbouring words (`senses`);
2. clause grammar: what particles, auxiliaries and conjunctions tell the verbs around them
   (`clause`);
3. English words for every unit from the lexicon (FreeDict when ours lacks the lemma), inflected
   from the Polish tag: plural nouns, verb person and tense, comparison (`realise`, `verbs`,
   `english`);
4. word order: a subject after its verb goes before it when the cases say which phrase is the
   subject ("Umowę podpisał prezes" -> "the president signed the agreement", `roles`); postposed
   adjectives go before their noun ("transport publiczny" -> "public transport"), a genitive
   after a noun gets "of" ("rozwój transportu" -> "development of transport"), "the" where English needs it (`order`);
5. spacing and capitals as in the source; names, numbers, placeholders copied.

The Polish words this grammar reacts to ("nie", "się", street words …) and the English tables
(pronouns, modals, irregular forms) are data of the language packs (`lang.get("pl").gist_words`,
`lang.get("en").grammar`).
"""
from __future__ import annotations

from pressnlp import lang
from pressnlp.stages.translate.lexicon.analysis import CONTENT, Reading, Token, tokenize
from pressnlp.stages.translate.lexicon.clause import ClauseGrammar
from pressnlp.stages.translate.lexicon.disambiguate import disambiguate
from pressnlp.stages.translate.lexicon.freedict import FreeDict
from pressnlp.stages.translate.lexicon.lexicon import Lexicon
from pressnlp.stages.translate.lexicon.lookup import Dictionary
from pressnlp.stages.translate.lexicon.order import add_articles, join, reorder
from pressnlp.stages.translate.lexicon.realise import Realiser
from pressnlp.stages.translate.lexicon.roles import impersonal_objects_first, subject_first
from pressnlp.stages.translate.lexicon.senses import choose_senses
from pressnlp.stages.translate.lexicon.units import Unit, sentence_units


class Composer:
    """Polish sentence -> English gist, with our lexicon and optionally FreeDict."""

    def __init__(self, lexicon: Lexicon, freedict: FreeDict | None = None):
        polish, english = lang.get("pl"), lang.get("en")
        self.lexicon = lexicon
        self.polish = polish.gist_words
        self.english = english.grammar
        self.dictionary = Dictionary(lexicon, freedict, self.polish, polish.rare_readings, polish.gist_derivation)
        self.clause = ClauseGrammar(self.dictionary, self.polish)
        self.senses = polish.gist_senses
        self.realiser = Realiser(self.dictionary, self.polish, self.english, frozenset(english.dates.weekdays))

    def translate(self, sentence: str) -> str:
        tokens = tokenize(sentence)
        if not tokens:
            return sentence
        units = self.units(tokens)
        self.clause.apply(units)
        choose_senses(units, self.senses)
        for index, unit in enumerate(units):
            if not unit.dropped:
                unit.text = self.realiser.render(unit, units, index)
        kept = impersonal_objects_first(subject_first([u for u in units if not u.dropped and u.text], self.polish))
        ordered = add_articles(reorder(kept, self.polish), self.english)
        return join(ordered, tokens)

    def units(self, tokens: list[Token]) -> list[Unit]:
        """The units of a tokenised sentence, each token's reading chosen."""
        disambiguate(tokens, self.lexical_score, self.polish.numeral_nouns)
        return sentence_units(tokens, self.lexicon)

    def lexical_score(self, token: Token, reading: Reading) -> float:
        """What the lexicon says about a reading, for disambiguation (see `Dictionary.lexical_score`)."""
        return self.dictionary.lexical_score(token, reading)

    def coverage(self, sentence: str) -> tuple[int, int]:
        """(content tokens our lexicon translates, content tokens) of a sentence. Content tokens
        are nouns, adjectives, verbs and adverbs that are not proper names; a token inside a
        matched multi-word term counts as known."""
        known = total = 0
        for unit in self.units(tokenize(sentence)):
            for token in unit.tokens:
                reading = token.reading
                if token.verbatim or reading.pos not in CONTENT or reading.is_proper_name:
                    continue
                total += 1
                known += unit.is_term or self.dictionary.own(reading, token.form) is not None
        return known, total
