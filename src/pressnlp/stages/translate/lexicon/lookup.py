"""English entries for the readings of a sentence's words: our lexicon first, FreeDict for gaps,
then what derivation and transliteration can tell (`derive`).

The same lookups score readings for disambiguation (`lexical_score`): a reading the lexicon
translates is more likely meant than one it knows only as another part of speech.
"""
from __future__ import annotations

from pressnlp.lang.pl.gist import Derivation, GistWords
from pressnlp.stages.translate.lexicon.analysis import (
    ADJECTIVAL,
    CONTENT,
    PERSONAL_NAME_LABELS,
    PLACE_NAME_LABEL,
    Reading,
    Token,
    participle_adjective,
    plural_nominative,
)
from pressnlp.stages.translate.lexicon.derive import Deriver
from pressnlp.stages.translate.lexicon.freedict import FreeDict
from pressnlp.stages.translate.lexicon.lexicon import Entry, Lexicon
from pressnlp.stages.translate.lexicon.units import VERB_POS, Unit
from pressnlp.stages.translate.lexicon.untranslated import english_words

# Which lexicon parts of speech can translate a reading of each morfeusz part of speech.
CLASSES: dict[str, tuple[str, ...]] = {
    "subst": ("n", "name", "pron", "num", "adj"), "depr": ("n", "name"),
    "adj": ("adj", "det", "num", "n"), "adja": ("adj",), "adjc": ("adj",), "adjp": ("adj",),
    "adv": ("adv", "part", "conj", "comp", "num", "prep", "adj"), "num": ("num", "n", "det"), "numcol": ("num", "n"),
    "prep": ("prep",), "conj": ("conj", "comp", "part", "adv"), "comp": ("comp", "conj", "adv"),
    "qub": ("part", "adv", "conj", "comp", "pron"), "part": ("part", "adv", "conj"),
    "pred": ("pred", "v", "adv", "part"), "interj": ("part",), "brev": ("n", "name", "adv", "prep", "adj"),
}
# Classes of a listed form that belongs to another lemma than the reading's ("zdaniem": according to)
_FORM_CLASSES = ("adv", "prep", "conj", "comp", "part", "pron", "det", "num", "pred")
# The word class a derivation is asked for, by morfeusz part of speech
_DERIVED_CLASS = {"subst": "n", "depr": "n", "adj": "adj", "adja": "adj", "adjc": "adj", "adjp": "adj", "adv": "adv"}


def only_a_persons_name(reading: Reading) -> bool:
    """A proper name morfeusz knows as a person's and not as a place's ("Warszawa" is both)."""
    return reading.is_proper_name and bool(set(reading.names) & PERSONAL_NAME_LABELS) \
        and PLACE_NAME_LABEL not in reading.names


class Dictionary:
    """Our lexicon and (optionally) FreeDict, looked up by morfeusz reading."""

    def __init__(self, lexicon: Lexicon, freedict: FreeDict | None, polish: GistWords,
                 rare: frozenset[tuple[str, str, str]], derivation: Derivation):
        self.lexicon = lexicon
        self.freedict = freedict
        self.polish = polish
        self.deriver = Deriver(self.dictionary_english, derivation, english_words())
        self._rare = rare
        self._lexical_cache: dict[tuple[str, str, tuple[str, ...]], float] = {}

    def lexical_score(self, token: Token, reading: Reading) -> float:
        """What the lexicon says about a reading, for disambiguation: +1 translated (pronouns
        are translated by code), -1 the lemma is listed only as another part of speech, 0 an
        unknown lemma; -3 for a reading listed as rare."""
        if (token.form.lower(), reading.lemma, reading.pos) in self._rare or \
                (token.form, reading.lemma, reading.pos) in self._rare:
            return -3.0
        key = (reading.lemma, reading.tag, reading.names)
        if key not in self._lexical_cache:
            entry = self.own(reading) if reading.pos not in ("ppron12", "ppron3", "siebie") else None
            if entry is not None and reading.pos == "subst" and "pt" in reading.values and entry.word_class == "adj":
                score = 0.0  # a plural-only noun known only as the adjective spelt alike: "drogi" (roads, not dear)
            elif reading.pos in ("ppron12", "ppron3", "siebie") or entry is not None:
                score = 1.0
            elif reading.lemma in self.lexicon and reading.pos not in ("ppas", "pact", "ger") \
                    and not reading.is_proper_name:
                score = -1.0
            else:
                score = 0.0
            self._lexical_cache[key] = score
        return self._lexical_cache[key]

    def own(self, reading: Reading, form: str | None = None) -> Entry | None:
        """Our entry for a reading: a listed inflected form ("należy", "wcześniej") first, then
        the lemma; participles and gerunds via their adjective or noun, else their verb.
        Names of people are never looked up ("Kwiecień" the surname is not April)."""
        if only_a_persons_name(reading):
            return None
        if reading.is_proper_name:  # places, organisations: only their own English names
            # a name that is a noun is not a common adjective of the same spelling ("Drogi" the place is not "drogi")
            return self.lexicon.lookup(reading.lemma, ("name", "adj") if reading.pos in ADJECTIVAL else ("name",))
        if reading.pos in ("ppas", "pact"):
            adjective = participle_adjective(reading.lemma, reading.pos)
            return (self.lexicon.lookup(adjective, ("adj",)) if adjective else None) or \
                self.lexicon.lookup(reading.lemma, ("v",))
        if reading.pos in VERB_POS or reading.pos == "ger":
            # a verb listed only with "się" ("dowiedzieć się") is still known without it
            return self.lexicon.lookup(form or "", ("v",)) or self.lexicon.lookup(reading.lemma, ("v",)) \
                or self.lexicon.lookup(f"{reading.lemma} {self.polish.reflexive}", ("v",))
        classes = CLASSES.get(reading.pos, ())
        if not classes:
            return None
        case = reading.case if reading.pos == "prep" else frozenset()
        # a listed form of the reading's own class, or a function word or adverb ("zdaniem":
        # according to), never another content word ("drogi" the plural of "droga" is no adjective);
        # a listed plural ("władze": authorities) only of the reading's class
        keys = [(form, (classes[0], *_FORM_CLASSES))] if form and form.lower() != reading.lemma.lower() else []
        if reading.pos == "subst" and reading.is_plural:
            keys.append((plural_nominative(reading.lemma), ("n", "name")))
        for key, key_classes in keys:
            entry = self.lexicon.lookup(key, key_classes, case) if key else None
            if entry:
                return entry
        entry = self.lexicon.lookup(reading.lemma, classes, case)
        if entry is None and reading.pos == "adv" and self.adjective_of_adverb(reading.lemma):
            return Entry(reading.lemma, self.adjective_of_adverb(reading.lemma) or "", "adj")
        return entry

    def lookup(self, reading: Reading, form: str | None = None, dictionary: bool = True) -> Entry | None:
        """Our entry, else FreeDict's first sense of the lemma (when loaded), else a derived one;
        with `dictionary` False (names) our entry only."""
        entry = self.own(reading, form)
        if entry is not None or not dictionary or reading.pos not in CONTENT:
            return entry
        classes = CLASSES.get(reading.pos, ("v",))
        found = self.freedict.lookup(reading.lemma, classes) if self.freedict else None
        if found:
            text, pos = found
            return Entry(reading.lemma, text, pos if pos in ("n", "adj", "adv", "name") else classes[0], "freedict")
        word_class = _DERIVED_CLASS.get(reading.pos)
        derived = self.deriver.english(reading.lemma, word_class) if word_class else None
        return Entry(reading.lemma, derived, word_class, "derived") if derived and word_class else None

    def dictionary_english(self, lemma: str, word_class: str, freedict: bool = True) -> str | None:
        """English of a lemma of one word class from our lexicon or (unless `freedict` is False)
        FreeDict; no derivation."""
        entry = self.lexicon.lookup(lemma, (word_class,))
        if entry is not None:
            return entry.english_for(False)
        found = self.freedict.lookup(lemma, (word_class,)) if self.freedict and freedict else None
        return found[0] if found and found[1] == word_class else None

    def adjective_of_adverb(self, adverb: str) -> str | None:
        """English adjective behind a Polish adverb: "skutecznie" -> "skuteczny" -> "effective"."""
        for ending, adjective_ending in self.polish.adverb_endings:
            if not adverb.endswith(ending):
                continue
            entry = self.lexicon.lookup(adverb[:-len(ending)] + adjective_ending, ("adj",))
            if entry:
                return entry.english
        return None

    def reflexive_entry(self, unit: Unit) -> Entry | None:
        """The lexicon's entry for the verb with "się" ("odbyć się": take place), if it has one."""
        return self.lexicon.lookup(f"{unit.reading.lemma} {self.polish.reflexive}", ("v",))

    def verb_base(self, unit: Unit) -> str | None:
        """The English base form of a unit's verb ("be" for a passive auxiliary)."""
        reading = unit.reading
        if unit.sense is not None:
            return unit.sense.english
        if unit.is_term:
            return unit.entry.english
        if unit.grammar.aux_be:
            return "be"
        if unit.grammar.reflexive:
            entry = self.reflexive_entry(unit)
            if entry:
                return entry.english
        entry = self.own(reading, unit.token.form) if reading.pos != "pred" else None
        if entry is None and reading.pos == "pred":
            entry = self.lexicon.lookup(reading.lemma, CLASSES["pred"])
        if entry is None:
            return self.dictionary_english(reading.lemma, "v") or self.deriver.english(reading.lemma, "v")
        return entry.english
