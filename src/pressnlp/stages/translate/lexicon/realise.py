"""English for each unit of a sentence: the lexicon's words inflected from the Polish tag (plural
nouns, comparison, verb groups), names, numbers and placeholders copied, function words whose
English depends on a neighbour."""
from __future__ import annotations

import re
import unicodedata

from pressnlp.lang.en.grammar import EnglishGrammar
from pressnlp.lang.pl.gist import GistWords
from pressnlp.stages.translate.lexicon import english as inflection
from pressnlp.stages.translate.lexicon.analysis import (
    ADJECTIVAL,
    PERSONAL_NAME_LABELS,
    Reading,
    adjective_nominative,
    gerund_noun,
    participle_adjective,
)
from pressnlp.stages.translate.lexicon.lexicon import Entry
from pressnlp.stages.translate.lexicon.lookup import CLASSES, Dictionary, only_a_persons_name
from pressnlp.stages.translate.lexicon.order import named_territory
from pressnlp.stages.translate.lexicon.units import VERB_POS, Unit
from pressnlp.stages.translate.lexicon.verbs import existential, person_key, verb_phrase

_PUNCTUATION_MAP = {"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "‚": "'", "‘": "'", "’": "'"}
_YEAR_END = re.compile(r"(?<!\d)\d{4}$")  # "2024", "08.11.2021"
# English forms of a verb's term read as a gerund or participle
_NON_FINITE = {"ger": "present_participle", "pact": "present_participle", "ppas": "past_participle"}
# A third person singular pronoun of one gender: the English pack's key suffix for it
_GENDERS = {frozenset({"m1"}): "_masculine", frozenset({"f"}): "_feminine"}


class Realiser:
    """The English text of one unit in its sentence."""

    def __init__(self, dictionary: Dictionary, polish: GistWords, english: EnglishGrammar,
                 weekdays: frozenset[str]):
        self.dictionary = dictionary
        self.lexicon = dictionary.lexicon
        self.polish = polish
        self.english = english
        self.weekdays = weekdays  # English weekday names: "w sobotę" -> "on Saturday"

    def render(self, unit: Unit, units: list[Unit], index: int) -> str:
        token, reading = unit.token, unit.reading
        if unit.keep_form:
            return self._name_form(unit)
        if unit.negative_english:
            return unit.negative_english
        if reading.pos == "romandig" and index + 1 < len(units) and units[index + 1].is_noun:
            return inflection.roman_ordinal(token.form) or token.form
        if token.verbatim or reading.pos in ("dig", "romandig"):
            return token.form
        if unit.is_punctuation:
            return _PUNCTUATION_MAP.get(token.form, token.form)
        if unit.is_term:
            return self._term(unit)
        if reading.pos == "brev" and self._is_year_word(units, index):
            return ""
        if reading.lemma == self.polish.year_noun and reading.pos == "subst" and self._is_year_word(units, index):
            return ""
        if unit.is_verb or reading.pos == "pred":
            return self._verb(unit)
        if reading.pos in ("ppron12", "ppron3"):
            # a sense beats the pronoun: "im." before a name is "named after", not "them"
            return unit.sense.english_for(False) if unit.sense else self._pronoun(unit, units, index)
        special = self._function_word_in_context(unit, units, index)
        if special is not None:
            return special
        if unit.token.form.lower() in self.polish.copula.polish \
                and reading.pos in ("pred", "subst", "part", "conj", "adj"):
            copula = self._copula(units, index)
            if copula:
                return copula
        if reading.pos == "siebie":
            return self.english.reflexive_pronoun
        if reading.pos == "ger":
            return self._gerund(unit)
        if reading.pos in ("ppas", "pact"):
            return self._participle(unit)
        if reading.pos == "adv":
            return self._adverb(unit)
        if reading.pos == "brev":
            return self._abbreviation(unit)
        return self._word(unit, units[index + 1] if index + 1 < len(units) else None,
                          units[index - 1] if index else None)

    @staticmethod
    def _name_form(unit: Unit, capitalise: bool = False) -> str:
        """A name word as written, an adjective in the nominative ("Rudę Śląską" -> "Śląska"; a
        lower-case one too with `capitalise`)."""
        token, reading = unit.token, unit.reading
        if reading.pos == "adj" and (token.capitalised or capitalise) and reading.gender:
            number = "pl" if reading.is_plural else "sg"
            gender = next(iter(sorted(reading.gender - {"m1"} if number == "pl" and reading.gender != {"m1"}
                                      else reading.gender)))
            nominative = adjective_nominative(reading.lemma, gender, number)
            if nominative:
                return nominative[0].upper() + nominative[1:]
        return token.form

    def _is_year_word(self, units: list[Unit], index: int) -> bool:
        """"r."/"roku" right after a year number says nothing English needs ("2024 r." -> "2024")."""
        if not index:
            return False
        previous = units[index - 1].token
        lemma = units[index].reading.lemma
        return lemma in self.polish.year_words and previous.reading.pos == "dig" \
            and _YEAR_END.search(previous.form) is not None

    def _function_word_in_context(self, unit: Unit, units: list[Unit], index: int) -> str | None:
        """Function words whose English depends on a neighbour: "co godzinę" (every hour),
        ", czy ..." (whether), "w sobotę" (on Saturday), "żaden z" (none of), "ale i" (but also)."""
        words = self.polish
        form = unit.token.form.lower()
        following = units[index + 1] if index + 1 < len(units) else None
        previous = units[index - 1] if index else None
        if form in words.every.polish and following is not None and (
                following.reading.pos == "dig" or following.lemma in words.time_units):
            return words.every.english
        if form in words.whether.polish and unit.reading.pos in ("conj", "part", "qub"):
            if unit.initial:
                return ""  # a yes/no question: English inverts instead
            if previous is not None and previous.is_punctuation:
                return words.whether.english
        if unit.lemma in words.who.polish and previous is not None and previous.token.form == "," and index > 1 \
                and _names_a_person(units, index - 2) \
                and any("nom" in r.case for r in unit.token.readings if r.lemma == unit.lemma):
            return words.who.english  # "Pan Jan Nowak, który", "Anna Nowak, która": who
        genitive = any("gen" in r.case for r in unit.token.readings if r.lemma == unit.lemma)
        if unit.lemma in words.whose.polish and genitive and previous is not None \
                and previous.token.form == "," and following is not None \
                and (following.is_noun or following.reading.pos in ADJECTIVAL):
            return words.whose.english
        for word, pos in ((words.of_partitive, "prep"), (words.also_after_but, "conj")):
            if form in word.polish and unit.reading.pos == pos and previous and previous.lemma in word.after:
                return word.english
        # "w (najbliższy) poniedziałek": the weekday may follow an adjective
        for day in units[index + 1:index + 3]:
            if form not in words.on_weekday.polish:
                break
            entry = self.lexicon.lookup(day.lemma, ("name",))
            if entry and entry.english in self.weekdays:
                return words.on_weekday.english
            if day.reading.pos != "adj":
                break
        return None

    def _copula(self, units: list[Unit], index: int) -> str | None:
        """Polish "X to Y" means "X is Y"; "To ..." opening a sentence is "This is ..."."""
        following = next((u for u in units[index + 1:] if not u.dropped), None)
        if following is None or following.is_punctuation or following.is_verb:
            return None
        if units[index].initial:
            return self.polish.copula.english
        previous = units[index - 1]
        # a closing quote ends a title that is the subject: "„Lato w parku” to festyn" -> "… is a festival"
        if previous.is_punctuation and previous.token.form not in ("–", "-", "—", ",", "”", '"', "»"):
            return None
        nominal = previous.is_noun or previous.reading.pos in ("adj", "dig", "num", "ppron3", "ppron12") \
            or previous.tokens[0].capitalised  # a name morfeusz does not know: "Andrzej Byrt to …"
        if nominal or previous.is_punctuation:
            plural = following.reading.is_plural and following.is_noun
            return self.english.be_form("present", "third_plural" if plural else "third_singular")
        return None

    def _term(self, unit: Unit) -> str:
        entry = unit.sense or unit.entry
        assert entry is not None
        if entry.word_class == "v" and unit.reading.pos in VERB_POS | {"pred"}:
            return verb_phrase(entry.english, unit, self.english)
        if entry.word_class == "v" and unit.reading.pos in _NON_FINITE:
            # "podpisania umowy": signing an agreement; "mających miejsce": taking place
            return inflection.inflect_phrase(entry.english, _NON_FINITE[unit.reading.pos])
        plural = unit.reading.is_plural and entry.word_class == "n"
        text = entry.english_for(plural)
        if plural and "|" not in entry.english:
            text = inflection.pluralize(text)
        if unit.tokens[0].capitalised and entry.word_class == "n" and (not unit.initial or unit.name_start):
            text = inflection.title_case(text)
        return text

    def _word(self, unit: Unit, following: Unit | None = None, previous: Unit | None = None) -> str:
        token, reading = unit.token, unit.reading
        if _brand_spelling(token.form) or (token.capitalised and following is not None
                                           and following.token.form in self.polish.legal_forms):
            return token.form  # "PRom", "eKultura"; a company's name before "S.A.": never a word or a surname
        if only_a_persons_name(reading):
            return reading.lemma  # people keep their names, in the nominative
        # FreeDict would turn names into words ("Lis" -> "fox"): not for names or capitalised words
        dictionary = not reading.is_proper_name and (unit.initial or not token.capitalised)
        entry = unit.sense or self.dictionary.lookup(reading, token.form, dictionary)
        if entry is None and token.capitalised and reading.pos == "adj" and not reading.is_proper_name:
            # a common adjective inside an institution's name: an international word's respelling,
            # checked against English ("Instytut Geologiczny" -> "Geological"); no guess through
            # another word, and FreeDict stays out, it knows surnames as words
            derived = self.dictionary.deriver.international(reading.lemma, "adj")
            entry = Entry(reading.lemma, derived, "adj", "derived") if derived else None
        if entry is None:
            if reading.is_proper_name or (token.capitalised and reading.pos == "subst"):
                return reading.lemma if reading.is_proper_name else token.form
            if token.capitalised and reading.pos == "adj" and not unit.initial:
                return self._name_form(unit)  # a name's adjective in the nominative: "Hotelu Ambasadorskim"
            if reading.pos == "adj" and previous is not None and previous.lemma in self.polish.territorial_units:
                name = self._name_form(unit, capitalise=True)  # "powiatu staszowskiego" -> "Staszowski"
                return name[0].upper() + name[1:]
            return token.form
        unit.used = entry
        if entry.word_class == "pron" and any("gen" in r.case for r in token.readings) and following is not None \
                and (following.is_noun or following.reading.pos in ADJECTIVAL):
            # a pronoun in the genitive before a noun is its possessive: "Państwa serca" -> "your hearts"
            pronouns = self.english.pronouns.values()
            possessive = next((p.possessive for p in pronouns if p.objective == entry.english), None)
            if possessive:
                return possessive
        if reading.is_proper_name and entry.english == _without_diacritics(reading.lemma):
            return reading.lemma  # "Toruń", not "Torun": English writes Polish places as they are
        listed_form = entry.polish.lower() != reading.lemma.lower()  # "władze": already plural
        after_a_number = previous is not None and previous.reading.pos == "dig"
        plural = reading.is_plural and "pt" not in reading.values and not listed_form \
            and not (reading.lemma in self.polish.numeral_nouns and after_a_number) \
            and not (following is not None and named_territory(unit, following, self.polish)) \
            and not self._abstract_singular(unit, previous)  # "Gminy Ełk", "przedsiębiorczości"
        text = entry.english_for(plural)
        if entry.word_class == "n" and plural and "|" not in entry.english:
            text = inflection.pluralize(text)
        elif entry.word_class == "adj" and reading.values & {"com", "sup"} and not listed_form:
            text = inflection.compare(text, next(iter(reading.values & {"com", "sup"})))
        elif entry.word_class == "det" and reading.lemma in self.polish.who.polish and reading.gender == {"m1"}:
            text = self.polish.who.english
        elif reading.pos == "adjp":
            text = f"in {text}"
        if token.capitalised and entry.word_class in ("n", "adj") and (not unit.initial or unit.name_start):
            text = inflection.title_case(text)
        return text

    def _abstract_singular(self, unit: Unit, previous: Unit | None) -> bool:
        """An abstract noun in the genitive, whose plural is spelt like its singular ("rozwoju
        innowacyjności") after a noun or preposition, stays singular; counted ("wiele możliwości") or
        an object ("Omówiono możliwości") it may be plural."""
        lemma = unit.reading.lemma
        governed = previous is not None and (previous.is_noun or previous.is_term or previous.reading.pos == "prep")
        return governed and "gen" in unit.reading.case and lemma.endswith(self.polish.abstract_endings) and any(
            r.lemma == lemma and "sg" in r.number for r in unit.token.readings)

    def _adverb(self, unit: Unit) -> str:
        if unit.sense is not None:  # "pokazuje, jak …": how
            return unit.sense.english_for(False)
        reading = unit.reading
        degree = next(iter(reading.values & {"com", "sup"}), "")
        entry = self.dictionary.lookup(reading, unit.token.form)
        if entry is not None and entry.word_class in ("adv", "part"):
            by_form = entry.polish.lower() == unit.token.form.lower()
            return entry.english if by_form or not degree else inflection.compare(entry.english, degree)
        adjective = self.dictionary.adjective_of_adverb(reading.lemma)
        if adjective is None:
            return entry.english if entry else unit.token.form
        return inflection.compare(inflection.adverb_from_adjective(adjective), degree)

    def _abbreviation(self, unit: Unit) -> str:
        token = unit.token
        if unit.sense is not None:
            return unit.sense.english_for(False)
        dotted = token.form + "." if len(unit.tokens) > 1 or "pun" in token.reading.values else token.form
        for key in (dotted, token.form, token.reading.lemma.replace("_", " ")):
            entry = self.lexicon.lookup(key, CLASSES["brev"])
            if entry:
                return entry.english_for(False)
        return dotted if len(unit.tokens) > 1 else token.form

    def _gerund(self, unit: Unit) -> str:
        reading = unit.reading
        noun = gerund_noun(reading.lemma, "neg" in reading.values)
        if unit.sense and unit.sense.word_class == "v":  # a verb's sense: "zakładanie domów" -> "setting up"
            return inflection.inflect_phrase(unit.sense.english, "present_participle")
        text = unit.sense.english_for(False) if unit.sense else None
        text = text or (self.dictionary.dictionary_english(noun, "n", freedict=False) if noun else None)
        if not text and noun and self.dictionary.own(reading) is None:
            # FreeDict's noun only when our lexicon lacks the verb too: its first sense of a verbal
            # noun is often another word spelt alike ("utrzymanie": board, "wypracowanie": essay),
            # where our verb's -ing form keeps the meaning ("maintaining", "developing")
            text = self.dictionary.dictionary_english(noun, "n")
        if text:
            return inflection.pluralize(text) if reading.is_plural else text
        base = self.dictionary.verb_base(unit)
        if base is None:
            return unit.token.form
        return inflection.inflect_phrase(base, "present_participle")

    def _participle(self, unit: Unit) -> str:
        """Our adjective of the participle, else our verb's participle, else FreeDict's adjective
        ("wskazany": indicated, not FreeDict's "desirable")."""
        reading = unit.reading
        adjective = participle_adjective(reading.lemma, reading.pos)
        text = self.dictionary.dictionary_english(adjective, "adj", freedict=False) if adjective else None
        if not text and self.lexicon.lookup(reading.lemma, ("v",)) is None and adjective:
            text = self.dictionary.dictionary_english(adjective, "adj")
        if text:
            return ("not " if "neg" in reading.values else "") + text
        base = self.dictionary.verb_base(unit)
        if base is None:
            return unit.token.form
        form = "past_participle" if reading.pos == "ppas" else "present_participle"
        text = inflection.inflect_phrase(base, form)
        return ("not " if "neg" in reading.values else "") + text

    def _pronoun(self, unit: Unit, units: list[Unit], index: int) -> str:
        reading = unit.reading
        person = next(iter(reading.person), "ter")
        number = "pl" if reading.is_plural else "sg"
        key = person_key(person, number)
        if key == "third_singular" and not _refers_to_a_thing(reading, units[:index]):
            key += _GENDERS.get(reading.gender, "")
        pronoun = self.english.pronouns[key]
        if "nom" in reading.case:
            return pronoun.nominative
        following = units[index + 1] if index + 1 < len(units) else None
        if "gen" in reading.case and following and (following.is_noun or following.reading.pos in ADJECTIVAL):
            return pronoun.possessive
        return pronoun.objective

    def _verb(self, unit: Unit) -> str:
        if unit.grammar.existential:
            return existential(unit)
        base = self.dictionary.verb_base(unit)
        if base is None:  # an unknown verb keeps its negation: "not przystał"
            grammar = unit.grammar
            negation = ("never " if grammar.never else "not ") if grammar.negated else ""
            return negation + unit.token.form
        return verb_phrase(base, unit, self.english)



def _refers_to_a_thing(pronoun: Reading, before: list[Unit]) -> bool:
    """A feminine or masculine pronoun whose nearest earlier noun of its gender is no person:
    "uczelnia i jej oferta" -> "its offer" (Polish gives things a gender; English "it")."""
    if pronoun.gender not in _GENDERS or pronoun.gender == frozenset({"m1"}):
        return False
    noun = next((u for u in reversed(before) if u.is_noun and u.reading.gender & pronoun.gender), None)
    return noun is not None and not _person(noun.reading) and not noun.reading.is_proper_name


def _names_a_person(units: list[Unit], index: int) -> bool:
    """The unit at `index` is a person: its reading, or a name morfeusz does not know after a
    first name ("Marcin Kierwiński")."""
    unit = units[index]
    if _person(unit.reading):
        return True
    unknown_name = unit.reading.pos == "ign" and unit.tokens[0].capitalised
    return unknown_name and index > 0 and any("imię" in r.names for r in units[index - 1].token.readings)


def _person(reading: Reading) -> bool:
    """A noun or name of a person: masculine personal, or a first name or surname."""
    return reading.gender == {"m1"} or bool(set(reading.names) & PERSONAL_NAME_LABELS)


def _brand_spelling(form: str) -> bool:
    """A capital after the first letter of a word that also has small letters: a brand or an
    acronym written as its owner writes it ("PRom", "eKultura", "InnoCentrum")."""
    return any(c.isupper() for c in form[1:]) and any(c.islower() for c in form) and form.isalpha()


def _without_diacritics(text: str) -> str:
    """"Łódź" -> "Lodz": the lexicon's English of a place that is only the Polish name unaccented."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
