"""Turn one analysed Polish sentence into English gist.

The steps, in order:
1. units: multi-word terms (longest match) or single tokens;
2. clause grammar: "nie" negates the next verb, "się" makes it reflexive and disappears, an
   agglutinate ("-śmy") gives its person to the past-tense verb, "by" makes it conditional,
   "być"/"zostać" + passive participle and "będzie" + infinitive become English auxiliaries;
3. English words for every unit from the lexicon (FreeDict when ours lacks the lemma), inflected
   from the Polish tag: plural nouns, verb person and tense, comparison;
4. word order: postposed adjectives go before their noun ("transport publiczny" -> "public
   transport"), a genitive after a noun gets "of" ("rozwój transportu" -> "development of
   transport");
5. spacing and capitals as in the source; names, numbers, placeholders copied.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressnlp.stages.translate.lexicon import english
from pressnlp.stages.translate.lexicon.analysis import (
    ADJECTIVAL,
    CONTENT,
    Reading,
    Token,
    adjective_nominative,
    gerund_noun,
    participle_adjective,
    plural_nominative,
    tokenize,
)
from pressnlp.stages.translate.lexicon.disambiguate import disambiguate
from pressnlp.stages.translate.lexicon.freedict import FreeDict
from pressnlp.stages.translate.lexicon.lexicon import Entry, Lexicon, rare_readings

# Which lexicon parts of speech can translate a reading of each morfeusz part of speech.
_CLASSES: dict[str, tuple[str, ...]] = {
    "subst": ("n", "name", "pron", "num", "adj"), "depr": ("n", "name"),
    "adj": ("adj", "det", "num", "n"), "adja": ("adj",), "adjc": ("adj",), "adjp": ("adj",),
    "adv": ("adv", "part", "conj", "comp", "num", "prep", "adj"), "num": ("num", "n", "det"), "numcol": ("num", "n"),
    "prep": ("prep",), "conj": ("conj", "comp", "part", "adv"), "comp": ("comp", "conj", "adv"),
    "qub": ("part", "adv", "conj", "comp", "pron"), "part": ("part", "adv", "conj"),
    "pred": ("pred", "v", "adv", "part"), "interj": ("part",), "brev": ("n", "name", "adv", "prep", "adj"),
}
_ALL_CLASSES = ("n", "name", "v", "adj", "adv", "prep", "conj", "comp", "part", "pron", "det", "num", "pred")
_VERB_POS = frozenset({"fin", "praet", "inf", "impt", "imps", "pcon", "pant", "bedzie", "winien"})
_NOUN_POS = frozenset({"subst", "ger", "depr"})
_QUANTITY_LEMMAS = frozenset({"tysiąc", "milion", "miliard", "procent", "rok", "złoty"})
_PUNCTUATION_MAP = {"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "‚": "'", "‘": "'", "’": "'"}
_OPENING = frozenset({'"', "(", "[", "'"})
_SUBJECT = {("pri", "sg"): "I", ("pri", "pl"): "we", ("sec", "sg"): "you", ("sec", "pl"): "you"}
_PERSONAL = {  # (person, number, gender class) -> nominative, object, possessive
    ("pri", "sg", ""): ("I", "me", "my"), ("pri", "pl", ""): ("we", "us", "our"),
    ("sec", "sg", ""): ("you", "you", "your"), ("sec", "pl", ""): ("you", "you", "your"),
    ("ter", "sg", "m1"): ("he", "him", "his"), ("ter", "sg", "f"): ("she", "her", "her"),
    ("ter", "sg", ""): ("it", "it", "its"), ("ter", "pl", ""): ("they", "them", "their"),
}
_BE_PRESENT = {("pri", "sg"): "am", ("ter", "sg"): "is"}
_PERSONAL_NAME_LABELS = frozenset({"imię", "nazwisko"})
_CONDITION_WORDS = frozenset({"jeśli", "jeżeli", "gdy", "kiedy", "zanim", "dopóki", "skoro"})
_TIME_UNITS = frozenset({"sekunda", "minuta", "godzina", "dzień", "tydzień", "miesiąc", "kwartał", "rok", "pół"})
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_STREET_WORDS = frozenset({"ulica", "aleja", "plac", "osiedle", "rondo", "ul", "al", "pl", "os"})
_CONDITIONAL = {"want": "would like", "can": "could", "must": "would have to", "should": "should"}
_YEAR_END = re.compile(r"(?<!\d)\d{4}$")  # "2024", "08.11.2021"
# Auxiliary lemmas: "zostać" + passive participle is the English passive.
_PASSIVE_AUX = frozenset({"być", "zostać", "zostawać"})


@dataclass
class Unit:
    """A term or a token, with the grammar the clause pass adds and the English it gets."""

    tokens: list[Token]
    entry: Entry | None = None
    head: Token | None = None
    text: str = ""
    dropped: bool = False
    negated: bool = False
    reflexive: bool = False
    conditional: bool = False
    future: bool = False  # "będzie" + infinitive: the verb goes after "will"
    person: frozenset[str] = field(default_factory=frozenset)
    number: frozenset[str] = field(default_factory=frozenset)
    aux_be: bool = False  # "zostać"/"być" before a passive participle
    bare_infinitive: bool = False
    possessive: bool = False
    subject_given: bool = False
    initial: bool = False  # first word of the sentence: its capital says nothing
    tense: str = ""  # "past"/"future" of a predicative ("można było": it was possible)
    existential: bool = False  # "nie ma/było/będzie" + genitive: there is/was/will be no
    keep_form: bool = False  # copied as written: street names ("ul. Łąkowej"), "Ruda Śląska"
    name_start: bool = False  # first word of the sentence followed by a capitalised word: a name
    used: Entry | None = None  # the entry a single word was translated with
    plain_present: bool = False  # "jeśli się powiodą": English "if they succeed", not "will"

    @property
    def token(self) -> Token:
        return self.head or self.tokens[0]

    @property
    def reading(self) -> Reading:
        return self.token.reading

    @property
    def pos(self) -> str:
        return "term" if self.entry and len(self.tokens) > 1 else self.reading.pos

    @property
    def space_before(self) -> bool:
        return self.tokens[0].space_before

    @property
    def is_punctuation(self) -> bool:
        return len(self.tokens) == 1 and self.tokens[0].is_punctuation

    @property
    def is_verb(self) -> bool:
        if self.entry and len(self.tokens) > 1:
            return self.entry.word_class == "v" and self.reading.pos in _VERB_POS | {"pred"}
        return self.reading.pos in _VERB_POS

    @property
    def is_noun(self) -> bool:
        if self.entry and len(self.tokens) > 1:
            return self.entry.word_class in ("n", "name") and self.reading.pos in _NOUN_POS
        return self.reading.pos in _NOUN_POS and not self.token.verbatim

    @property
    def lemma(self) -> str:
        return self.reading.lemma.lower()


class Composer:
    """Polish sentence -> English gist, with our lexicon and optionally FreeDict."""

    def __init__(self, lexicon: Lexicon, freedict: FreeDict | None = None):
        self.lexicon = lexicon
        self.freedict = freedict
        self._lexical_cache: dict[tuple[str, str, tuple[str, ...]], float] = {}
        self._rare = rare_readings()

    # --- entry points ------------------------------------------------------------------------

    def translate(self, sentence: str) -> str:
        tokens = tokenize(sentence)
        if not tokens:
            return sentence
        disambiguate(tokens, self.lexical_score)
        units = self.units(tokens)
        self._clause_grammar(units)
        for index, unit in enumerate(units):
            if not unit.dropped:
                unit.text = self._render(unit, units, index)
        ordered = _articles(self._reorder([u for u in units if not u.dropped and u.text]))
        return self._join(ordered, tokens)

    def lexical_score(self, token: Token, reading: Reading) -> float:
        """What the lexicon says about a reading, for disambiguation: +1 translated (pronouns
        are translated by code), -1 the lemma is listed only as another part of speech, 0 an
        unknown lemma; -3 for a reading listed as rare."""
        if (token.form.lower(), reading.lemma, reading.pos) in self._rare or \
                (token.form, reading.lemma, reading.pos) in self._rare:
            return -3.0
        key = (reading.lemma, reading.tag, reading.names)
        if key not in self._lexical_cache:
            if reading.pos in ("ppron12", "ppron3", "siebie") or self._lookup_own(reading) is not None:
                score = 1.0
            elif reading.lemma in self.lexicon and reading.pos not in ("ppas", "pact", "ger") \
                    and not reading.is_proper_name:
                score = -1.0
            else:
                score = 0.0
            self._lexical_cache[key] = score
        return self._lexical_cache[key]

    def coverage(self, sentence: str) -> tuple[int, int]:
        """(content tokens our lexicon translates, content tokens) of a sentence. Content tokens
        are nouns, adjectives, verbs and adverbs that are not proper names; a token inside a
        matched multi-word term counts as known."""
        tokens = tokenize(sentence)
        disambiguate(tokens, self.lexical_score)
        known = total = 0
        for unit in self.units(tokens):
            in_term = unit.entry is not None and len(unit.tokens) > 1
            for token in unit.tokens:
                reading = token.reading
                if token.verbatim or reading.pos not in CONTENT or reading.is_proper_name:
                    continue
                total += 1
                known += in_term or self._lookup_own(reading, token.form) is not None
        return known, total

    # --- units -------------------------------------------------------------------------------

    def units(self, tokens: list[Token]) -> list[Unit]:
        units: list[Unit] = []
        index = 0
        while index < len(tokens):
            match = None if tokens[index].verbatim else self.lexicon.match_term(tokens, index)
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

    # --- clause grammar ----------------------------------------------------------------------

    def _clause_grammar(self, units: list[Unit]) -> None:
        for index, unit in enumerate(units):
            pos, lemma = unit.pos, unit.lemma
            if pos == "aglt":
                verb = _nearest(units, index, lambda u: u.reading.pos == "praet")
                if verb:
                    verb.person, verb.number = unit.reading.person, unit.reading.number
                unit.dropped = True
            elif pos in ("qub", "part", "comp") and lemma == "by" and index and units[index - 1].reading.pos == "praet":
                units[index - 1].conditional = True
                unit.dropped = True
            elif lemma == "się" and pos in ("qub", "part"):
                verb = _nearest(units, index, lambda u: u.is_verb or u.reading.pos in ("ger", "pact", "ppas"))
                if verb:
                    verb.reflexive = True
                unit.dropped = True
            elif lemma == "nie" and pos in ("qub", "part"):
                verb = _next_content(units, index)
                if verb and (verb.is_verb or verb.reading.pos == "pred"):
                    verb.negated = True
                    unit.dropped = True
        for index, unit in enumerate(units):
            if unit.lemma in _STREET_WORDS or unit.token.form.lower() in _STREET_WORDS:
                _mark_keep_form(units, index + 1)
            if index and _place_name_adjective(units[index - 1], unit):
                unit.keep_form = True
            if unit.lemma in _CONDITION_WORDS:
                verb = _next_verb_in_clause(units, index)
                if verb:
                    verb.plain_present = True
            if unit.reading.pos == "comp" and not unit.dropped:
                following = _next_content(units, index)
                entry = self._lookup_own(unit.reading)
                if following and following.reading.pos == "inf" and entry:
                    following.bare_infinitive = entry.english.endswith("to")  # "aby zapytać": to ask
            if unit.reading.pos == "pred":
                for neighbour in units[max(index - 1, 0):index] + units[index + 1:index + 2]:
                    if neighbour.lemma == "być" and not neighbour.dropped and not unit.tense:
                        unit.tense = {"praet": "past", "bedzie": "future"}.get(neighbour.reading.pos, "")
                        neighbour.dropped = bool(unit.tense)
            if unit.reading.pos == "inf" and index + 1 < len(units) and units[index + 1].reading.pos == "bedzie":
                aux = units[index + 1]  # "prowadzić będzie": will run
                unit.future, unit.negated = True, unit.negated or aux.negated
                unit.person, unit.number = aux.reading.person, aux.reading.number
                aux.dropped = True
            if not (unit.is_verb or unit.reading.pos == "pred") or unit.dropped:
                continue
            following = _next_content(units, index)
            if following is None:
                continue
            if unit.reading.pos == "bedzie" and following.reading.pos in ("inf", "praet"):
                following.future, following.negated = True, following.negated or unit.negated
                following.person, following.number = unit.reading.person, unit.reading.number
                unit.dropped = True
            elif unit.lemma in _PASSIVE_AUX and following.reading.pos == "ppas":
                unit.aux_be = True
            elif unit.lemma == "mieć" and following.reading.pos == "inf":
                unit.aux_be = True  # "ma zostać oddana": is to be put into service
            elif unit.negated and _existential(unit) and following.is_noun and "gen" in following.reading.case:
                unit.existential = True
            elif following.reading.pos == "inf" and self._takes_bare_infinitive(unit):
                following.bare_infinitive = True
            if unit.reading.person & {"pri", "sec"} and index and units[index - 1].reading.pos == "ppron12":
                unit.subject_given = True

    def _takes_bare_infinitive(self, verb: Unit) -> bool:
        base = self._verb_base(verb)
        return bool(base) and (english.is_modal(base.split(" ")[0]) or base.endswith(" to"))

    # --- rendering ---------------------------------------------------------------------------

    def _render(self, unit: Unit, units: list[Unit], index: int) -> str:
        token, reading = unit.token, unit.reading
        if unit.keep_form:
            return self._name_form(unit)
        if reading.pos == "romandig" and index + 1 < len(units) and units[index + 1].is_noun:
            return english.roman_ordinal(token.form) or token.form
        if token.verbatim or reading.pos in ("dig", "romandig"):
            return token.form
        if unit.is_punctuation:
            return _PUNCTUATION_MAP.get(token.form, token.form)
        if unit.entry and len(unit.tokens) > 1:
            return self._render_term(unit)
        if reading.pos == "brev" and _is_year_word(units, index):
            return ""
        if reading.lemma == "rok" and reading.pos == "subst" and _is_year_word(units, index):
            return ""
        if unit.is_verb or reading.pos == "pred":
            return self._render_verb(unit)
        if reading.pos in ("ppron12", "ppron3"):
            return self._pronoun(unit, units, index)
        special = self._function_word_in_context(unit, units, index)
        if special is not None:
            return special
        if unit.token.form.lower() == "to" and reading.pos in ("pred", "subst", "part", "conj", "adj"):
            copula = _copula(units, index)
            if copula:
                return copula
        if reading.pos == "siebie":
            return "themselves"
        if reading.pos == "ger":
            return self._render_gerund(unit)
        if reading.pos in ("ppas", "pact"):
            return self._render_participle(unit)
        if reading.pos == "adv":
            return self._render_adverb(unit)
        if reading.pos == "brev":
            return self._render_abbreviation(unit)
        return self._render_word(unit)

    @staticmethod
    def _name_form(unit: Unit) -> str:
        """A name word as written, an adjective in the nominative ("Rudę Śląską" -> "Śląska")."""
        token, reading = unit.token, unit.reading
        if reading.pos == "adj" and token.capitalised and reading.gender:
            gender = next(iter(sorted(reading.gender)))
            nominative = adjective_nominative(reading.lemma, gender)
            if nominative:
                return nominative[0].upper() + nominative[1:]
        return token.form

    def _function_word_in_context(self, unit: Unit, units: list[Unit], index: int) -> str | None:
        """Function words whose English depends on a neighbour: "co godzinę" (every hour),
        ", czy ..." (whether), "w sobotę" (on Saturday)."""
        form = unit.token.form.lower()
        following = units[index + 1] if index + 1 < len(units) else None
        previous = units[index - 1] if index else None
        if form == "co" and following is not None and (
                following.reading.pos == "dig" or following.lemma in _TIME_UNITS):
            return "every"
        if form == "czy" and unit.reading.pos in ("conj", "part", "qub"):
            if unit.initial:
                return ""  # a yes/no question: English inverts instead
            if previous is not None and previous.is_punctuation:
                return "whether"
        if form in ("w", "we") and following is not None:
            entry = self.lexicon.lookup(following.lemma, ("name",))
            if entry and entry.english in _WEEKDAYS:
                return "on"
        return None

    def _render_term(self, unit: Unit) -> str:
        entry = unit.entry
        assert entry is not None
        if entry.word_class == "v" and unit.reading.pos in _VERB_POS | {"pred"}:
            return self._verb_phrase(entry.english, unit)
        plural = unit.reading.is_plural and entry.word_class == "n"
        text = entry.english_for(plural)
        if plural and "|" not in entry.english:
            text = english.pluralize(text)
        if unit.tokens[0].capitalised and entry.word_class == "n" and (not unit.initial or unit.name_start):
            text = english.title_case(text)
        return text

    def _render_word(self, unit: Unit) -> str:
        token, reading = unit.token, unit.reading
        if reading.is_proper_name and set(reading.names) & _PERSONAL_NAME_LABELS:
            return reading.lemma  # people keep their names, in the nominative
        # FreeDict would turn names into words ("Lis" -> "fox"): not for names or capitalised words
        dictionary = not reading.is_proper_name and (unit.initial or not token.capitalised)
        entry = self._lookup(reading, token.form, dictionary)
        if entry is None:
            if reading.is_proper_name or (token.capitalised and reading.pos == "subst"):
                return reading.lemma if reading.is_proper_name else token.form
            return token.form
        unit.used = entry
        listed_form = entry.polish.lower() != reading.lemma.lower()  # "władze": already plural
        plural = reading.is_plural and "pt" not in reading.values and not listed_form
        text = entry.english_for(plural)
        if entry.word_class == "n" and plural and "|" not in entry.english:
            text = english.pluralize(text)
        elif entry.word_class == "adj" and reading.values & {"com", "sup"} and not listed_form:
            text = english.compare(text, next(iter(reading.values & {"com", "sup"})))
        elif entry.word_class == "det" and reading.lemma == "który" and reading.gender == {"m1"}:
            text = "who"
        elif reading.pos == "adjp":
            text = f"in {text}"
        if token.capitalised and entry.word_class in ("n", "adj") and (not unit.initial or unit.name_start):
            text = english.title_case(text)
        return text

    def _render_adverb(self, unit: Unit) -> str:
        reading = unit.reading
        degree = next(iter(reading.values & {"com", "sup"}), "")
        entry = self._lookup(reading, unit.token.form)
        if entry is not None and entry.word_class in ("adv", "part"):
            by_form = entry.polish.lower() == unit.token.form.lower()
            return entry.english if by_form or not degree else english.compare(entry.english, degree)
        adjective = self._adjective_of_adverb(reading.lemma)
        if adjective is None:
            return entry.english if entry else unit.token.form
        return english.compare(english.adverb_from_adjective(adjective), degree)

    def _adjective_of_adverb(self, adverb: str) -> str | None:
        """English adjective behind a Polish adverb: "skutecznie" -> "skuteczny" -> "effective"."""
        stems = []
        if adverb.endswith("nie"):
            stems.append(adverb[:-3] + "ny")
        if adverb.endswith("ie"):
            stems += [adverb[:-2] + "y", adverb[:-2] + "i"]
        if adverb.endswith("o"):
            stems += [adverb[:-1] + "y", adverb[:-1] + "i", adverb[:-1] + "ny"]
        if adverb.endswith("le"):
            stems.append(adverb[:-2] + "ły")
        if adverb.endswith("cie"):
            stems.append(adverb[:-3] + "ty")
        for stem in stems:
            entry = self.lexicon.lookup(stem, ("adj",))
            if entry:
                return entry.english
        return None

    def _render_abbreviation(self, unit: Unit) -> str:
        token = unit.token
        dotted = token.form + "." if len(unit.tokens) > 1 or "pun" in token.reading.values else token.form
        for key in (dotted, token.form, token.reading.lemma.replace("_", " ")):
            entry = self.lexicon.lookup(key, _CLASSES["brev"])
            if entry:
                return entry.english_for(False)
        return dotted if len(unit.tokens) > 1 else token.form

    def _render_gerund(self, unit: Unit) -> str:
        reading = unit.reading
        noun = gerund_noun(reading.lemma, "neg" in reading.values)
        entry = self.lexicon.lookup(noun, ("n",)) if noun else None
        if entry:
            text = entry.english
            return english.pluralize(text) if reading.is_plural else text
        base = self._verb_base(unit)
        if base is None:
            return unit.token.form
        return english.inflect_phrase(base, "present_participle")

    def _render_participle(self, unit: Unit) -> str:
        reading = unit.reading
        adjective = participle_adjective(reading.lemma, reading.pos)
        entry = self.lexicon.lookup(adjective, ("adj",)) if adjective else None
        if entry:
            return ("not " if "neg" in reading.values else "") + entry.english
        base = self._verb_base(unit)
        if base is None:
            return unit.token.form
        form = "past_participle" if reading.pos == "ppas" else "present_participle"
        text = english.inflect_phrase(base, form)
        return ("not " if "neg" in reading.values else "") + text

    def _pronoun(self, unit: Unit, units: list[Unit], index: int) -> str:
        reading = unit.reading
        person = next(iter(reading.person), "ter")
        number = "pl" if reading.is_plural else "sg"
        gender = ""
        if person == "ter" and number == "sg":
            gender = "m1" if reading.gender == {"m1"} else "f" if reading.gender == {"f"} else ""
        nominative, objective, possessive = _PERSONAL[(person, number, gender)]
        if "nom" in reading.case:
            return nominative
        following = units[index + 1] if index + 1 < len(units) else None
        if "gen" in reading.case and following and (following.is_noun or following.reading.pos in ADJECTIVAL):
            return possessive
        return objective

    # --- verbs -------------------------------------------------------------------------------

    def _verb_base(self, unit: Unit) -> str | None:
        reading = unit.reading
        if unit.entry and len(unit.tokens) > 1:
            return unit.entry.english
        if unit.aux_be:
            return "be"
        if unit.reflexive:
            entry = self.lexicon.lookup(f"{reading.lemma} się", ("v",))
            if entry:
                return entry.english
        entry = self._lookup_own(reading, unit.token.form) if reading.pos != "pred" else None
        if entry is None and reading.pos == "pred":
            entry = self.lexicon.lookup(reading.lemma, _CLASSES["pred"])
        if entry is None and self.freedict:
            found = self.freedict.lookup(reading.lemma, ("v",))
            return found[0] if found and found[1] == "v" else None
        return entry.english if entry else None

    def _render_verb(self, unit: Unit) -> str:
        if unit.existential:
            pos = unit.reading.pos
            return {"praet": "there was no", "bedzie": "there will be no"}.get(pos, "there is no")
        base = self._verb_base(unit)
        if base is None:
            return unit.token.form
        return self._verb_phrase(base, unit)

    def _verb_phrase(self, base: str, unit: Unit) -> str:
        """English verb group from the Polish tag: person, tense, aspect, negation, mood."""
        reading = unit.reading
        pos = reading.pos
        person = next(iter(unit.person or reading.person), "ter")
        number = "pl" if (unit.number or reading.number) == {"pl"} else "sg"
        negated = unit.negated
        head = base.split(" ")[0]
        modal = english.is_modal(head)
        if pos == "pred":
            return _predicative(base, unit.tense, negated)
        if pos == "winien":
            return self._with_subject(base + (" not" if negated else ""), person, number, unit)
        if pos in ("inf",):
            if unit.future:
                text = f"will {'not ' if negated else ''}{_future(base)}"
                return self._with_subject(text, person, number, unit)
            prefix = "" if unit.bare_infinitive else "to "
            return f"{'not ' if negated else ''}{prefix}{base}"
        if pos == "praet" and unit.future:
            return self._with_subject(f"will {'not ' if negated else ''}{_future(base)}", person, number, unit)
        if pos == "bedzie":
            text = f"will {'not ' if negated else ''}{base if head != 'be' else 'be'}"
            return self._with_subject(text, person, number, unit)
        if pos == "impt":
            if person == "pri":
                return f"let's {'not ' if negated else ''}{base}"
            return f"do not {base}" if negated else base
        if pos == "imps":
            return f"{'was not' if negated else 'was'} {english.inflect_phrase(base, 'past_participle')}"
        if pos == "pcon":
            return ("not " if negated else "") + english.inflect_phrase(base, "present_participle")
        if pos == "pant":
            return "having " + ("not " if negated else "") + english.inflect_phrase(base, "past_participle")
        if pos == "praet":
            if unit.conditional:
                wanted = _CONDITIONAL.get(head, f"would {head}") + base[len(head):]
                text = wanted.replace(" ", " not ", 1) if negated else wanted
            elif head == "be":
                was = "were" if number == "pl" or person == "sec" else "was"
                text = _replace_head(base, f"{was} not" if negated else was)
            elif modal:
                text = english.inflect_phrase(base, "past") + (" not" if negated else "")
            elif negated:
                text = f"did not {base}"
            else:
                text = english.inflect_phrase(base, "past")
            return self._with_subject(text, person, number, unit)
        # fin: imperfective = present, perfective = future (present after "if", "when")
        if "perf" in reading.values and "imperf" not in reading.values and not modal and not unit.plain_present:
            text = f"will {'not ' if negated else ''}{_future(base)}"
        elif head == "be":
            be = "are" if number == "pl" else _BE_PRESENT.get((person, number), "are")
            text = _replace_head(base, f"{be} not" if negated else be)
        elif modal:
            text = ("cannot" if head == "can" else f"{head} not") if negated else head
            text = text + base[len(head):]
        elif negated:
            does = "does" if (person, number) == ("ter", "sg") else "do"
            text = f"{does} not {base}"
        elif (person, number) == ("ter", "sg"):
            text = english.inflect_phrase(base, "third_person")
        else:
            text = base
        return self._with_subject(text, person, number, unit)

    @staticmethod
    def _with_subject(text: str, person: str, number: str, unit: Unit) -> str:
        """Polish drops "we"/"I"/"you"; English needs them."""
        subject = _SUBJECT.get((person, number))
        return f"{subject} {text}" if subject and not unit.subject_given else text

    # --- lexicon lookups ---------------------------------------------------------------------

    def _lookup_own(self, reading: Reading, form: str | None = None) -> Entry | None:
        """Our entry for a reading: a listed inflected form ("należy", "wcześniej") first, then
        the lemma; participles and gerunds via their adjective or noun, else their verb.
        Names of people are never looked up ("Kwiecień" the surname is not April)."""
        if reading.is_proper_name and set(reading.names) & _PERSONAL_NAME_LABELS:
            return None
        if reading.is_proper_name:  # places, organisations: only their own English names
            return self.lexicon.lookup(reading.lemma, ("name", "adj"))
        if reading.pos in ("ppas", "pact"):
            adjective = participle_adjective(reading.lemma, reading.pos)
            return (self.lexicon.lookup(adjective, ("adj",)) if adjective else None) or \
                self.lexicon.lookup(reading.lemma, ("v",))
        if reading.pos in _VERB_POS or reading.pos == "ger":
            # a verb listed only with "się" ("dowiedzieć się") is still known without it
            return self.lexicon.lookup(form or "", ("v",)) or self.lexicon.lookup(reading.lemma, ("v",)) \
                or self.lexicon.lookup(f"{reading.lemma} się", ("v",))
        classes = _CLASSES.get(reading.pos, ())
        if not classes:
            return None
        case = reading.case if reading.pos == "prep" else frozenset()
        forms = [form] if form and form.lower() != reading.lemma.lower() else []
        if reading.pos == "subst" and reading.is_plural:
            forms.append(plural_nominative(reading.lemma))
        for key in forms:  # a listed form ("zdaniem": according to) may be of any class
            entry = self.lexicon.lookup(key, (*classes, *_ALL_CLASSES), case) if key else None
            if entry:
                return entry
        entry = self.lexicon.lookup(reading.lemma, classes, case)
        if entry is None and reading.pos == "adv" and self._adjective_of_adverb(reading.lemma):
            return Entry(reading.lemma, self._adjective_of_adverb(reading.lemma) or "", "adj")
        return entry

    def _lookup(self, reading: Reading, form: str | None = None, dictionary: bool = True) -> Entry | None:
        """Our entry, else FreeDict's first sense of the lemma (when installed and allowed)."""
        entry = self._lookup_own(reading, form)
        if entry is not None or self.freedict is None or not dictionary or reading.pos not in CONTENT:
            return entry
        classes = _CLASSES.get(reading.pos, ("v",))
        found = self.freedict.lookup(reading.lemma, classes)
        if not found:
            return None
        text, pos = found
        return Entry(reading.lemma, text, pos if pos in ("n", "adj", "adv", "name") else classes[0], "freedict")

    # --- order and spacing -------------------------------------------------------------------

    def _reorder(self, units: list[Unit]) -> list[Unit]:
        """Postposed adjectives before their noun; "of" before a genitive after a noun."""
        result: list[Unit] = []
        index = 0
        while index < len(units):
            unit = units[index]
            result.append(unit)
            index += 1
            if not unit.is_noun:
                continue
            adjectives = []
            if unit.reading.is_proper_name and not (unit.entry and len(unit.tokens) > 1):
                continue
            while index < len(units) and _postposed_adjective(unit, units[index]):
                adjectives.append(units[index])
                index += 1
            if adjectives:
                result[-1:] = [*adjectives, unit]
            if index < len(units) and _starts_genitive(unit, units, index):
                result.append(Unit([Token("of", [Reading("of", "prep:gen")], True)], text="of"))
        return result

    @staticmethod
    def _join(units: list[Unit], tokens: list[Token]) -> str:
        """Words with single spaces; punctuation, numbers and placeholders spaced as in the source."""
        parts: list[str] = []
        previous: Unit | None = None
        for unit in units:
            glue = previous is None
            if previous is not None and not unit.space_before:
                glue = (unit.is_punctuation or unit.token.verbatim or unit.reading.pos == "dig"
                        or (previous.is_punctuation and previous.text in _OPENING | {"-", "/", "–"}))
            parts.append(unit.text if glue else " " + unit.text)
            previous = unit
        text = "".join(parts).strip()
        first = next((t for t in tokens if not t.is_punctuation), None)
        if text and first is not None and first.capitalised:
            position = next((i for i, c in enumerate(text) if c.isalpha()), None)
            if position is not None:
                text = text[:position] + text[position].upper() + text[position + 1:]
        return text


def _articles(units: list[Unit]) -> list[Unit]:
    """English needs articles Polish lacks: "the" before a singular common noun phrase that opens
    the sentence or follows "of" or a preposition (measured on the dev releases: chrF +3,
    BLEU +4; plural phrases and objects of verbs gain nothing)."""
    result: list[Unit] = []
    clause = any(unit.is_verb for unit in units)
    for index, unit in enumerate(units):
        head = _phrase_head(units, index)
        opening_label = not result and not clause  # headings, labels ("Kontakt dla mediów:")
        if head is not None and not opening_label and _wants_article(result[-1] if result else None, head, unit):
            result.append(Unit([Token("the", [Reading("the", "det")], unit.space_before)], text="the"))
        result.append(unit)
    return result


def _phrase_head(units: list[Unit], index: int) -> Unit | None:
    """The noun a phrase starting at `index` ends in (adjectives first), else None."""
    for unit in units[index:index + 4]:
        if unit.is_noun:
            return unit
        if unit.reading.pos not in ("adj", "adjc", "ppas", "pact"):
            return None
        if unit is not units[index] and unit.is_punctuation:
            return None
    return None


_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "that", "those", "our", "its", "their", "his",
                          "her", "my", "your", "every", "each", "all", "no", "some", "any", "another"})


def _wants_article(previous: Unit | None, head: Unit, first: Unit) -> bool:
    reading = head.reading
    if reading.is_proper_name or head.token.verbatim or reading.is_plural:
        return False
    for unit in (first, head):
        if unit.used and unit.used.word_class in ("pron", "det", "num", "name", "prep", "adv"):
            return False
    if first.reading.pos in ("num", "dig") or (first.entry and first.entry.word_class in ("det", "num")):
        return False
    if first.text.split(" ")[0].lower() in _DETERMINERS:
        return False
    if previous is None:
        return True
    return previous.text == "of" or previous.reading.pos == "prep" or bool(
        previous.entry and previous.entry.word_class == "prep")


def _term_head(entry: Entry, tokens: list[Token]) -> Token:
    """The token whose grammar the term takes: its noun (n), its verb (v), else the first."""
    wanted = {"n": _NOUN_POS, "name": _NOUN_POS, "v": _VERB_POS | {"pred"}}.get(entry.word_class)
    if wanted:
        for token in tokens:
            if token.reading.pos in wanted:
                return token
    return tokens[0]


def _nearest(units: list[Unit], index: int, wanted) -> Unit | None:  # noqa: ANN001
    """The closest unit within three on either side (the clause's verb for "się", "-śmy")."""
    for distance in range(1, 4):
        for candidate in (index - distance, index + distance):
            if 0 <= candidate < len(units) and not units[candidate].is_punctuation and wanted(units[candidate]):
                return units[candidate]
    return None


def _next_content(units: list[Unit], index: int) -> Unit | None:
    """The next unit that is not a particle, "się" or an adverb (what "nie" negates)."""
    for unit in units[index + 1:index + 4]:
        if unit.is_punctuation:
            return None
        if unit.dropped or unit.reading.pos in ("qub", "adv", "aglt"):
            continue
        return unit
    return None


def _is_year_word(units: list[Unit], index: int) -> bool:
    """"r."/"roku" right after a year number says nothing English needs ("2024 r." -> "2024")."""
    if not index:
        return False
    previous = units[index - 1].token
    lemma = units[index].reading.lemma
    return lemma in ("rok", "R") and previous.reading.pos == "dig" and _YEAR_END.search(previous.form) is not None


def _postposed_adjective(noun: Unit, candidate: Unit) -> bool:
    """An adjective right after a noun that agrees with it ("transport publiczny")."""
    if candidate.entry and len(candidate.tokens) > 1:
        return False
    reading = candidate.reading
    if reading.pos not in ("adj", "adjc") or candidate.token.verbatim:
        return False
    if reading.lemma in ("który", "jaki", "ten", "taki", "sam", "cały", "każdy", "wszystek"):
        return False
    return noun.reading.agrees_with(reading) and bool(noun.reading.case & reading.case)


def _starts_genitive(noun: Unit, units: list[Unit], index: int) -> bool:
    """A genitive phrase (adjectives, then a noun in the genitive) follows a noun."""
    single = not (noun.entry and len(noun.tokens) > 1)
    if noun.lemma in _QUANTITY_LEMMAS or noun.reading.pos == "brev" or (single and noun.reading.is_proper_name):
        return False
    for unit in units[index:index + 4]:
        reading = unit.reading
        if unit.is_noun:
            return reading.case == {"gen"} or (
                "gen" in reading.case and reading.is_proper_name is False and "nom" not in reading.case
                and "acc" not in reading.case)
        if reading.pos not in ("adj", "adjc", "ppas", "pact") or "gen" not in reading.case:
            return False
    return False


def _next_verb_in_clause(units: list[Unit], index: int) -> Unit | None:
    for unit in units[index + 1:]:
        if unit.is_punctuation:
            return None
        if unit.is_verb:
            return unit
    return None


def _mark_keep_form(units: list[Unit], start: int) -> None:
    """Capitalised words after "ul.", "ulica", "al." ... (and "i" between them) are the name."""
    index = start
    if index < len(units) and units[index].token.form == ".":
        index += 1
    while index < len(units):
        unit = units[index]
        if unit.tokens[0].capitalised and not unit.is_punctuation:
            unit.keep_form = True
        elif not (unit.token.form in ("i", "oraz", "-") and index + 1 < len(units)
                  and units[index + 1].tokens[0].capitalised):
            return
        index += 1


def _place_name_adjective(previous: Unit, unit: Unit) -> bool:
    """"Ruda Śląska", "Dąbrowa Górnicza": a capitalised adjective after a place name is part of it."""
    reading = unit.reading
    return (reading.pos == "adj" and unit.tokens[0].capitalised and not unit.initial
            and previous.reading.is_proper_name and "nazwa_geograficzna" in previous.reading.names
            and previous.reading.agrees_with(reading) and len(previous.tokens) == 1)


def _copula(units: list[Unit], index: int) -> str | None:
    """Polish "X to Y" means "X is Y"; "To ..." opening a sentence is "This is ..."."""
    following = next((u for u in units[index + 1:] if not u.dropped), None)
    if following is None or following.is_punctuation or following.is_verb:
        return None
    if units[index].initial:
        return "this is"
    previous = units[index - 1]
    if previous.is_punctuation and previous.token.form not in ("–", "-", "—", ","):
        return None
    nominal = previous.is_noun or previous.reading.pos in ("adj", "dig", "num", "ppron3", "ppron12")
    if nominal or previous.is_punctuation:
        plural = following.reading.is_plural and following.is_noun
        return "are" if plural else "is"
    return None


def _existential(unit: Unit) -> bool:
    """"nie ma", "nie było", "nie będzie" (third person singular of mieć/być) before a genitive."""
    reading = unit.reading
    if reading.lemma == "mieć":
        return reading.pos == "fin" and reading.person == {"ter"} and reading.number == {"sg"}
    return reading.lemma == "być" and reading.pos in ("praet", "bedzie") and reading.number == {"sg"} \
        and (reading.pos == "bedzie" or reading.gender == {"n"})


def _predicative(base: str, tense: str, negated: bool) -> str:
    """"można" (it is possible to) in the tense of a following "było"/"będzie", negated."""
    if " is " not in f" {base} ":
        return ("not " if negated else "") + base
    verb = {"past": "was", "future": "will be"}.get(tense, "is")
    if negated:
        verb = "will not be" if tense == "future" else f"{verb} not"
    return f" {base} ".replace(" is ", f" {verb} ", 1).strip()


def _future(base: str) -> str:
    """Modals have no future of their own: "będą mogli" -> "will be able to"."""
    head, _, rest = base.partition(" ")
    replacement = {"can": "be able to", "must": "have to", "may": "be allowed to"}.get(head)
    return f"{replacement} {rest}".strip() if replacement else base


def _replace_head(phrase: str, head: str) -> str:
    rest = phrase.partition(" ")[2]
    return f"{head} {rest}" if rest else head
