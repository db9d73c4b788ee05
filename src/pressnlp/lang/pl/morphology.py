"""Polish morphology through Morfeusz 2 (analysis and generation): `lang.get("pl").morphology`.

Names in Polish releases appear in every grammatical case ("z Metropolią Kansas City",
"według Kamili Okoń"); reporting them canonically needs the analyser's readings and the
generator's forms. The same few thousand words are looked up again and again, so every
lookup is cached per process (bounded LRU caches, keyed by the word).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pressnlp.lang.morphology import match_case
from pressnlp.lang.pack import Morphology

log = logging.getLogger(__name__)

NUMBERS = frozenset({"sg", "pl"})
CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
GENDERS = frozenset({"m1", "m2", "m3", "f", "n", "n1", "n2", "p1", "p2", "p3"})
# Parts of speech that agree with a noun in number, case and gender.
ADJECTIVAL = frozenset({"adj", "ppas", "pact"})
NOMINAL = frozenset({"subst", "depr"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One morphological interpretation of a word form."""

    form: str
    lemma: str
    tag: str
    labels: tuple[str, ...] = ()

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]

    @property
    def numbers(self) -> frozenset[str]:
        return _tag_values(self.tag, NUMBERS)

    @property
    def cases(self) -> frozenset[str]:
        return _tag_values(self.tag, CASES)

    @property
    def genders(self) -> frozenset[str]:
        return _tag_values(self.tag, GENDERS)

    @property
    def signature(self) -> tuple[str, ...]:
        """The tag without number, case and gender: part of speech, degree, aspect, negation."""
        return _tag_signature(self.tag)


@lru_cache(maxsize=4096)
def _tag_signature(tag: str) -> tuple[str, ...]:
    agreement = NUMBERS | CASES | GENDERS
    return tuple(field for field in tag.split(":") if not set(field.split(".")) <= agreement)


@lru_cache(maxsize=4096)
def _tag_values(tag: str, kind: frozenset[str]) -> frozenset[str]:
    """The values of one grammatical category in a tag such as 'adj:sg:gen.loc:f:pos'."""
    for field in tag.split(":")[1:]:
        values = frozenset(field.split("."))
        if values <= kind:
            return values
    return frozenset()


def clean_lemma(lemma: str) -> str:
    """Morfeusz lemma without its homonym marker: 'Okoń:Sf' -> 'Okoń',
    'Grzegorz:Sm1~owie~ze' -> 'Grzegorz'."""
    if ":" not in lemma:
        return lemma
    head, _, marker = lemma.partition(":")
    return head if head and marker[:1].isalpha() else lemma


@cache
def morfeusz():  # noqa: ANN201 - morfeusz2 ships no type information
    """The process-wide Morfeusz instance (loading takes ~50 ms, analysis is then fast)."""
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False)


@lru_cache(maxsize=200_000)
def analyse_pl(word: str) -> tuple[Reading, ...]:
    """Readings of a Polish word form as one segment; () for words Morfeusz does not know.

    Forms that Morfeusz splits into several segments ("dałbym") are returned empty: names
    and keywords are single segments, and partial readings would mislead agreement checks.
    """
    if not word or "\ufffd" in word:  # undecodable bytes: Morfeusz would only complain on stderr
        return ()
    readings = []
    paths = morfeusz().analyse(word)
    last = max((end for _start, end, _interp in paths), default=0)
    for start, end, (form, lemma, tag, labels, _qualifiers) in paths:
        if start == 0 and end == last and tag != "ign":
            readings.append(Reading(form, lemma, tag, tuple(labels)))
    return tuple(readings)


@lru_cache(maxsize=50_000)
def generate_pl(lemma: str) -> tuple[Reading, ...]:
    """Every form of a Polish lemma (as Morfeusz writes the lemma, homonym marker included)."""
    try:
        forms = morfeusz().generate(lemma)
    except RuntimeError:  # an unknown lemma
        return ()
    return tuple(Reading(form, lem, tag, tuple(labels)) for form, lem, tag, labels, _q in forms)


# Morfeusz's labels of proper names: brands, places, surnames, first names, organisations.
_NAME_LABELS = frozenset({"marka", "nazwa_geograficzna", "nazwisko", "imię", "nazwa_organizacji", "nazwa_osobliwa",
                          "nazwa_własna"})


class PolishMorphology(Morphology):
    """The Polish pack's morphology: one Morfeusz for the process, its lookups cached."""

    def lemma(self, word: str) -> str:
        return _lemma(word)

    def possible_lemmas(self, word: str) -> frozenset[str]:
        """The lemmas of Morfeusz's readings ("nową": "nowy" and "nowa"); the word when it has none."""
        found = frozenset(clean_lemma(reading.lemma).lower() for reading in analyse_pl(word))
        return found or frozenset({word.lower()})

    def analyse(self, word: str) -> tuple[Reading, ...]:
        return analyse_pl(word)

    def is_common_word(self, word: str) -> bool:
        readings = analyse_pl(word)
        return bool(readings) and not any(set(reading.labels) & _NAME_LABELS for reading in readings)

    @property
    def morfeusz(self):  # noqa: ANN201 - morfeusz2 ships no type information
        return morfeusz()


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    """The first common-noun/adjective/verb reading's lemma, else the first reading's; the
    lower-cased word when Morfeusz does not know it."""
    readings = analyse_pl(word)
    preferred = [r for r in readings if "nazwisko" not in r.labels and "imię" not in r.labels]
    chosen = (preferred or list(readings))[:1]
    return clean_lemma(chosen[0].lemma).lower() if chosen else word.lower()


# --- Polish inflection ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Agreement:
    """Number, case and gender a noun phrase is in."""

    number: str
    case: str
    genders: frozenset[str]


def inflect_pl(reading: Reading, number: str, case: str, genders: frozenset[str]) -> str | None:
    """The form of `reading`'s lemma with the same part of speech, degree, aspect and negation
    in the given number, case and one of the genders; None when Morfeusz cannot generate it."""
    best: Reading | None = None
    for form in generate_pl(reading.lemma):
        if form.signature != reading.signature or number not in form.numbers or case not in form.cases:
            continue
        if genders and form.genders and not (genders & form.genders):
            continue
        # Forms Morfeusz qualifies (archaic, colloquial) come after plain ones.
        if best is None or (best.labels and not form.labels):
            best = form
    return best.form if best else None


def _agreeing(readings: Iterable[Reading], number: str, case: str, genders: frozenset[str],
              parts: frozenset[str]) -> Reading | None:
    for reading in readings:
        if reading.pos in parts and number in reading.numbers and case in reading.cases:
            if not genders or not reading.genders or genders & reading.genders:
                return reading
    return None


def _compound_last(word: str) -> tuple[str, str]:
    """A hyphenated adjective inflects in its last part only: 'Górnośląsko-Zagłębiowskiej'. Its
    first parts end in -o; other hyphenated words are place names ("Kędzierzyn-Koźle"), whose
    last part alone may read as an adjective ("koźle")."""
    prefix, dash, last = word.rpartition("-")
    return (prefix + dash, last) if dash and last and prefix.lower().endswith("o") else ("", word)


def nominative_place(word: str) -> str | None:
    """The nominative of a hyphenated place name whose parts are all in one oblique case
    ("Kędzierzynem-Koźlem" -> "Kędzierzyn-Koźle", "Bielsku-Białej" -> "Bielsko-Biała"); None
    when the word is no such name."""
    parts = word.split("-")
    if len(parts) < 2 or not all(part[:1].isupper() for part in parts):
        return None
    readings = [[r for r in analyse_pl(part) if any("geograficzn" in label for label in r.labels)
                 and (r.pos in NOMINAL or r.pos in ADJECTIVAL)] for part in parts]
    if not all(readings):
        return None
    shared = frozenset.intersection(*(frozenset().union(*(r.cases for r in found)) for found in readings))
    if not shared or "nom" in shared:
        return None
    case = sorted(shared)[0]
    forms = []
    for part, found in zip(parts, readings, strict=True):
        reading = next(r for r in found if case in r.cases)
        form = inflect_pl(reading, "sg" if "sg" in reading.numbers else "pl", "nom", reading.genders)
        if not form:
            return None
        forms.append(match_case(form, part))
    return "-".join(forms)


def _adjective_chain(words: Sequence[str], indexes: Iterable[int], agreement: Agreement,
                     *, after_head: bool = False) -> list[tuple[int, Reading]]:
    """Consecutive words (in the order given) that agree with the head as adjectives. After the
    head, an adjective right before a noun in its own case modifies that noun instead:
    "Oddziału Geriatrycznego | Uniwersyteckiego Centrum Klinicznego"."""
    chain: list[tuple[int, Reading]] = []
    for index in indexes:
        if after_head and chain == [] and _compound_first_part(words[index]):
            continue  # "Izby Przemysłowo Handlowej", a compound adjective written apart or with a spaced dash
        _, last = _compound_last(words[index])
        reading = _agreeing(analyse_pl(last), agreement.number, agreement.case, agreement.genders,
                            ADJECTIVAL)
        if reading is None:
            break
        # the first adjective after the head is the head's: "Urzędu Marszałkowskiego Województwa"
        if after_head and chain and index + 1 < len(words) and _noun_in_case(words[index + 1], agreement.case):
            break
        chain.append((index, reading))
    return chain


def _compound_first_part(word: str) -> bool:
    """The first part of a compound adjective on its own: an adverb in -o ("Przemysłowo") and
    nothing else."""
    readings = analyse_pl(word)
    return word.endswith("o") and bool(readings) and all(r.pos in ("adv", "adja") for r in readings)


def _noun_in_case(word: str, case: str) -> bool:
    readings = analyse_pl(word)
    return any(r.pos in NOMINAL and case in r.cases for r in readings) and not any(
        r.pos in ADJECTIVAL for r in readings)


def nominative_phrase(words: Sequence[str], head: int, head_lemma: str | None = None) -> list[str]:
    """The nominative of a Polish noun phrase given as words, with the index of its head noun.

    The head and the adjectives agreeing with it change case; everything else stays as written
    (genitive complements, names, acronyms): "Urzędzie Marszałkowskim Województwa Śląskiego" ->
    "Urząd Marszałkowski Województwa Śląskiego". `head_lemma` restricts the head's readings
    ("Radzie" is the council, not the village Radzie). The agreement (number, case, gender) is the
    head reading that the most neighbouring adjectives agree with, then singular (names of
    organisations are singular unless their adjectives say otherwise: "Kolei Śląskich"), then
    nominative (nothing to change).
    """
    words = list(words)
    place = nominative_place(words[head])
    if place:
        words[head] = place
        return words
    head_readings = [r for r in analyse_pl(words[head]) if r.pos in NOMINAL
                     and (head_lemma is None or clean_lemma(r.lemma).lower() == head_lemma)]
    best: tuple[tuple[int, bool, bool], Reading, Agreement, list[tuple[int, Reading]]] | None = None
    for reading in head_readings:
        for number in sorted(reading.numbers):
            for case in sorted(reading.cases):
                agreement = Agreement(number, case, reading.genders)
                chain = (_adjective_chain(words, range(head - 1, -1, -1), agreement)
                         + _adjective_chain(words, range(head + 1, len(words)), agreement, after_head=True))
                rank = (len(chain), number == "sg", case == "nom")
                if best is None or rank > best[0]:
                    best = (rank, reading, agreement, chain)
    if best is None:
        return words
    _rank, reading, agreement, chain = best
    if agreement.case == "nom":
        return words
    head_form = inflect_pl(reading, agreement.number, "nom", agreement.genders)
    if head_form:
        words[head] = match_case(head_form, words[head])
    genders = agreement.genders & (reading.genders or agreement.genders)
    for index, adjective in chain:
        prefix, last = _compound_last(words[index])
        form = inflect_pl(adjective, agreement.number, "nom", genders)
        if form:
            words[index] = prefix + match_case(form, last)
    return words


@dataclass(frozen=True)
class SurnameRules:
    """Endings of oblique surname forms Morfeusz does not know, per gender ('f' or 'm'):
    ordered (oblique ending, nominative ending) pairs, longest first."""

    feminine: tuple[tuple[str, str], ...] = ()
    masculine: tuple[tuple[str, str], ...] = ()


def nominative_person(words: Sequence[str], rules: SurnameRules = SurnameRules()) -> list[str]:
    """The nominative of a Polish personal name ("Kamili Okoń" -> "Kamila Okoń", "Jana
    Kowalskiego" -> "Jan Kowalski"). Given names decide gender and case; surnames follow
    Morfeusz where it knows them, adjectival declension where it does not, then `rules`.
    A name already in the nominative, or one whose case cannot be told, is returned as is."""
    words = list(words)
    if not words:
        return words
    given = [r for r in analyse_pl(words[0]) if "imię" in r.labels and r.pos in NOMINAL]
    options: list[tuple[tuple[bool, bool], str, str]] = []
    for reading in given:
        gender = "f" if "f" in reading.genders else "m1" if "m1" in reading.genders else None
        if gender is None or "sg" not in reading.numbers:
            continue
        for case in reading.cases:
            surname_ok = all(_surname_fits(word, gender, case) for word in words[1:])
            known = all(_known_surname(word, gender, case) for word in words[1:])
            options.append(((surname_ok, known, case == "nom"), gender, case))
    if not options:
        return words
    (surname_ok, _known, _nom), gender, case = max(options)
    if case == "nom" or not surname_ok:
        return words
    result = []
    for word in words:
        parts = word.split("-")
        result.append("-".join(_person_part_nominative(part, gender, case, rules) for part in parts))
    return result


def _surname_fits(word: str, gender: str, case: str) -> bool:
    """False only when Morfeusz knows the word and no reading fits a name in this case.

    Surnames that are common nouns ("Lis", "Kwiecień") keep the noun's gender, so for men nouns
    fit by case alone; women's surnames that are not declined forms do not inflect at all. A
    surname ending in "á" is a Czech or Slovak woman's ("Horáková"): no man's."""
    if not analyse_pl(word):
        return gender == "f" or not word.endswith("á")
    readings = [r for r in analyse_pl(word) if case in r.cases and "sg" in r.numbers]
    if gender == "f":
        return any("f" in r.genders for r in readings) or not _declined_feminine(word)
    return any(r.pos in NOMINAL or not r.genders or gender in r.genders for r in readings)


def _known_surname(word: str, gender: str, case: str) -> bool:
    """Whether Morfeusz reads the word as a surname (or a -ski/-cki adjective) in this case."""
    for part in word.split("-"):
        for reading in analyse_pl(part):
            if case not in reading.cases or "sg" not in reading.numbers or gender not in reading.genders:
                continue
            if "nazwisko" in reading.labels:
                return True
            if reading.pos == "adj" and clean_lemma(reading.lemma).endswith(("ski", "cki", "dzki")):
                return True
    return False


def _declined_feminine(word: str) -> bool:
    """Whether a woman's surname looks declined (adjectival -skiej, -ą, or a vowel ending)."""
    lowered = word.lower()
    if lowered.endswith(("skiej", "ckiej", "dzkiej", "ską", "cką", "dzką")):
        return True
    return lowered.endswith(("ej", "ą")) and any(r.pos == "adj" for r in analyse_pl(word)) \
        or lowered[-1:] in "aeiouyąęó"


def _person_part_nominative(word: str, gender: str, case: str, rules: SurnameRules) -> str:
    readings = [r for r in analyse_pl(word) if case in r.cases and "sg" in r.numbers]
    for label in ("imię", "nazwisko"):
        for reading in readings:
            if label in reading.labels and reading.pos in NOMINAL and gender in reading.genders:
                return match_case(clean_lemma(reading.lemma), word)
    for reading in readings:
        if reading.pos == "adj" and gender in reading.genders:
            form = inflect_pl(reading, "sg", "nom", frozenset({gender}))
            if form:
                return match_case(form, word)
    if gender != "f":
        for reading in readings:
            if reading.pos in NOMINAL:
                return match_case(clean_lemma(reading.lemma), word)
    elif not _declined_feminine(word):
        return word
    table = rules.feminine if gender == "f" else rules.masculine
    lowered = word.lower()
    for oblique, nominative in table:
        if lowered.endswith(oblique) and len(lowered) > len(oblique) + 1:
            return match_case(lowered[: -len(oblique)] + nominative, word)
    return word
