"""Polish tokens with all their morfeusz2 readings, ready to be disambiguated.

morfeusz2 returns a graph of segments (a word may split into a verb and an agglutinate, as
"zorganizowali|śmy") with every reading of each segment. Here the text is cut at whitespace and
at placeholders, each chunk is analysed, one path through its graph is kept, and each token keeps
its readings with the tag parsed into grammatical categories.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from pressnlp.lang.pl.morphology import morfeusz
from pressnlp.stages.translate.base import PLACEHOLDER_RE

NUMBERS = frozenset({"sg", "pl"})
CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
PERSONS = frozenset({"pri", "sec", "ter"})

# Parts of speech of the SGJP tagset grouped by what the English side needs.
NOMINAL = frozenset({"subst", "depr", "ger", "ppron12", "ppron3", "siebie", "num", "numcol"})
ADJECTIVAL = frozenset({"adj", "pact", "ppas", "adjc"})
VERBAL = frozenset({"fin", "praet", "inf", "impt", "imps", "pcon", "pant", "bedzie", "winien",
                    "pred", "ger", "pact", "ppas", "aglt"})
CONTENT = frozenset({"subst", "depr", "ger", "adj", "adja", "adjc", "adjp", "adv", "fin", "praet",
                     "inf", "impt", "imps", "pcon", "pant", "pact", "ppas", "bedzie", "winien",
                     "pred"})
# morfeusz's labels of the names of people and of places
PERSONAL_NAME_LABELS = frozenset({"imię", "nazwisko"})
PLACE_NAME_LABEL = "nazwa_geograficzna"
# morfeusz's labels of proper names (common nouns carry "nazwa_pospolita" or nothing)
_COMMON_NOUN_LABELS = frozenset({"nazwa_pospolita", "nazwa pospolita", ""})  # spelt with a space for "25-lecie"

_WHITESPACE_CHUNK = re.compile(r"\S+")


@dataclass(frozen=True)
class Reading:
    """One morphological interpretation of a token."""

    lemma: str
    tag: str
    names: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    pos: str = field(init=False)
    values: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        fields = self.tag.split(":")
        object.__setattr__(self, "pos", fields[0])
        object.__setattr__(self, "values", frozenset(v for f in fields[1:] for v in f.split(".")))

    @property
    def number(self) -> frozenset[str]:
        return self.values & NUMBERS

    @property
    def case(self) -> frozenset[str]:
        return self.values & CASES

    @property
    def gender(self) -> frozenset[str]:
        return self.values & GENDERS

    @property
    def person(self) -> frozenset[str]:
        return self.values & PERSONS

    @property
    def is_proper_name(self) -> bool:
        return self.pos == "subst" and any(n not in _COMMON_NOUN_LABELS for n in self.names)

    @property
    def is_plural(self) -> bool:
        return self.number == {"pl"}

    def agrees_with(self, other: Reading) -> bool:
        """Same case, number and gender possible: adjective and noun of one phrase."""
        return all(
            not a or not b or a & b
            for a, b in ((self.case, other.case), (self.number, other.number),
                         (self.gender, other.gender))
        )


@dataclass
class Token:
    """A segment of the sentence: its surface form, readings and spacing."""

    form: str
    readings: list[Reading]
    space_before: bool
    verbatim: bool = False  # placeholders: copied untouched, never analysed
    chosen: Reading | None = None

    @property
    def reading(self) -> Reading:
        return self.chosen or self.readings[0]

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(r.lemma.lower() for r in self.readings)

    @property
    def capitalised(self) -> bool:
        return self.form[:1].isupper()

    @property
    def is_punctuation(self) -> bool:
        return not self.verbatim and self.reading.pos == "interp"


def strip_lemma(lemma: str) -> str:
    """SGJP lemmas carry homonym marks ("do:P", "oko:Sn_ncol"); drop them."""
    if ":" in lemma and not lemma.startswith(":"):
        return lemma.split(":", 1)[0]
    return lemma


@cache
def analyse_word(chunk: str) -> tuple[tuple[str, tuple[Reading, ...]], ...]:
    """Segments of a whitespace-free chunk with their readings (cached: words repeat a lot)."""
    if "\ufffd" in chunk:  # undecodable bytes: an unknown word, as Morfeusz would say (less its stderr)
        return ((chunk, (Reading(chunk, "ign", (), ()),)),)
    edges: dict[int, dict[int, list[tuple[str, Reading]]]] = {}
    for start, end, (form, lemma, tag, names, qualifiers) in morfeusz().analyse(chunk):
        reading = Reading(strip_lemma(lemma), tag, tuple(names), tuple(qualifiers))
        edges.setdefault(start, {}).setdefault(end, []).append((form, reading))
    path = _best_path(edges)
    return tuple((group[0][0], tuple(r for _, r in group)) for group in path)


def _edge_score(group: list[tuple[str, Reading]]) -> float:
    """How plausible a segment is: a verb with an agglutinate beats a rare noun ("miałem")."""
    best = max(group, key=lambda item: item[1].pos not in ("subst", "ign"))[1]
    return 1.0 if best.pos not in ("subst", "ign") else 0.0


# An agglutinate ("-m", "-śmy") belongs to a past-tense verb or a conditional "by" ("zrobiła|m",
# "żeby|śmy"); after another word the whole word is meant ("czym" is "co", not "czy" + "-m").
_STRAY_AGGLUTINATE = 2.0
_AGGLUTINATE_HOSTS = frozenset({"praet", "winien"})


def _hosts_agglutinate(host: list[tuple[str, Reading]], following: list[tuple[str, Reading]]) -> bool:
    if not all(reading.pos == "aglt" for _, reading in following):
        return True
    return any(reading.pos in _AGGLUTINATE_HOSTS or reading.lemma.endswith("by") for _, reading in host)


def _best_path(edges: dict[int, dict[int, list[tuple[str, Reading]]]]) -> list:
    """One path through morfeusz's segment graph, preferring the best-scored segments."""
    if not edges:
        return []
    final = max(end for targets in edges.values() for end in targets)
    best: dict[int, tuple[float, list]] = {final: (0.0, [])}
    for node in sorted(edges, reverse=True):
        options = []
        for end, group in edges[node].items():
            if end in best:
                score, rest = best[end]
                if rest and not _hosts_agglutinate(group, rest[0]):
                    score -= _STRAY_AGGLUTINATE
                options.append((score + _edge_score(group) - 0.1, [group, *rest]))
        if options:
            best[node] = max(options, key=lambda option: option[0])
    return best.get(min(edges), (0.0, []))[1]


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence; placeholders (see base.PLACEHOLDER_RE) become verbatim tokens."""
    tokens: list[Token] = []
    position = 0
    for match in [*PLACEHOLDER_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        for chunk in _WHITESPACE_CHUNK.finditer(text, position, end):
            space = chunk.start() > 0 and text[chunk.start() - 1].isspace()
            for form, readings in analyse_word(chunk.group(0)):
                tokens.append(Token(form, list(readings), space))
                space = False
        if match:
            space = match.start() > 0 and text[match.start() - 1].isspace()
            tokens.append(Token(match.group(0), [Reading(match.group(0), "ign")], space, verbatim=True))
            position = match.end()
    _initials(tokens)
    return tokens


def _initials(tokens: list[Token]) -> None:
    """A capital letter with a dot before a capitalised word is a name's initial ("dr A. Jurasza",
    "ul. I. Miecznikowa"), after a number a house number's letter ("210 A"), not the word "a" or
    "i": copied as written."""
    for index, letter in enumerate(tokens):
        if len(letter.form) != 1 or not letter.form.isupper():
            continue
        dot, name = (tokens[index + 1:index + 3] + [None, None])[:2]
        initial = dot is not None and name is not None and dot.form == "." and not dot.space_before \
            and name.capitalised and len(name.form) > 1
        # a house or room number's letter: "pok. 210 A", "ul. Polna 12 A"
        after_number = index > 0 and tokens[index - 1].form.isdigit() and (dot is None or dot.is_punctuation)
        if initial or after_number:
            letter.readings = [Reading(letter.form, "ign")]


def term_key_candidates(key: str, is_function_word: Callable[[str], bool]) -> list[frozenset[str]]:
    """What each word of a multi-word lexicon key matches: its form, and for content words also
    its lemmas, so "odnawialne źródła energii" matches "odnawialnych źródeł energii"."""
    candidates = []
    for token in tokenize(key):
        form = token.form.lower()
        lemmas = {r.lemma.lower() for r in token.readings if r.pos in CONTENT}
        abbreviation = all(r.pos == "brev" for r in token.readings)
        function = is_function_word(form) or any(is_function_word(r.lemma) for r in token.readings)
        if token.is_punctuation or abbreviation or function:
            candidates.append(frozenset({form}))
        else:
            candidates.append(frozenset({form} | lemmas))
    return candidates


@cache
def gerund_noun(lemma: str, negated: bool) -> str | None:
    """Nominative singular of a gerund ("finansować" -> "finansowanie"), to look the noun up."""
    wanted = "neg" if negated else "aff"
    for form, _, tag, _, _ in morfeusz().generate(lemma):
        values = tag.split(":")
        if values[0] == "ger" and "nom" in values[2].split(".") and values[1] == "sg" \
                and wanted in values:
            return form
    return None


@cache
def participle_adjective(lemma: str, pos: str) -> str | None:
    """Masculine nominative singular of a participle ("zrealizowany"), to look it up as an
    adjective."""
    for form, _, tag, _, _ in morfeusz().generate(lemma):
        values = tag.split(":")
        if values[0] == pos and values[1] == "sg" and "nom" in values[2].split(".") \
                and "m3" in values[3].split(".") and "aff" in values:
            return form
    return None


@cache
def plural_nominative(lemma: str) -> str | None:
    """Nominative plural of a noun ("władza" -> "władze"): plural senses are listed under it."""
    for form, _, tag, _, _ in morfeusz().generate(lemma):
        values = tag.split(":")
        if values[0] == "subst" and values[1] == "pl" and "nom" in values[2].split("."):
            return form
    return None


@cache
def adjective_nominative(lemma: str, gender: str, number: str = "sg") -> str | None:
    """Nominative of an adjective in a gender and number ("śląski", "f" -> "śląska"; "wielki",
    "f", "pl" -> "wielkie")."""
    for form, _, tag, _, _ in morfeusz().generate(lemma):
        values = tag.split(":")
        if values[0] == "adj" and values[1] == number and "nom" in values[2].split(".") \
                and gender in values[3].split(".") and "pos" in values:
            return form
    return None
