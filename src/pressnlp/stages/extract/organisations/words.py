"""What the organisation rules ask of the tokens of one release: is this a name word, a head
noun, an adjective, a connector; do two tokens join. The word lists are the release's language's,
English (names are quoted in English everywhere) and, for heads and legal forms, every language's."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from pressnlp import lang
from pressnlp.lang.labels import is_release_label, release_label, trailing_label
from pressnlp.lang.morphology import lemmas
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma
from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.text import Doc, Token, per_word

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
        connectors = self.lex.connectors | self.en.connectors | self.all.foreign_connectors
        self.connectors = {c.rstrip(".") for c in connectors}
        self.descriptors = self.lex.descriptors | self.en.descriptors
        self.programme_words = self.lex.programme_words | self.en.programme_words
        self.documents = self.lex.documents | self.en.documents
        self.not_names = self.lex.not_names | self.en.not_names
        self.units = self.lex.units | self.en.units
        self.parented_units = self.lex.parented_units | self.en.parented_units
        self.functions = self.lex.functions | self.en.functions
        self.function_prefixes = self.lex.function_prefixes + self.en.function_prefixes
        # a person's title ends a name as a function does: "Město Ostrava Ing. Jan Novák", "Gminy Pani X"
        self.person_titles = {title.rstrip(".") for title in self.lex.titles | self.en.titles if title[:1].isupper()}
        self.organs = sorted(set(self.lex.organs) | set(self.en.organs), key=len, reverse=True)
        self.abbreviations = dict(self.lex.name_abbreviations)
        self.number_marks = {mark.rstrip(".") for mark in self.lex.number_marks | self.en.number_marks}
        self._compound_heads = frozenset(head for head in self.lex.org_heads if len(head) >= 3)
        self._compound_head_sizes = sorted({len(head) for head in self._compound_heads})

    @per_word
    def is_head(self, token: Token) -> bool:
        if not token.is_word or token.text.isdigit():
            return False
        word = self._without_possessive(token.text.lower())
        if word in self.heads:
            return True
        if self.lex.compound_heads and token.is_capitalised:
            forms = {word} | lemmas(token.text, self.language)  # "Landkreises"
            if forms & self.lex.not_heads:
                return False  # "Modellregion", "Partnerland"
            if self.is_plural_territory(token) or any(word == head + ending for head in forms & self.heads
                                                      for ending in self.lex.genitive_endings):
                return True  # "der Städte X und Y", "des Freistaats X"
            # a head ending the form after three letters or more: its suffixes of the heads' sizes
            return any(form[-size:] in self._compound_heads
                       for form in forms for size in self._compound_head_sizes if size < len(form) - 2)
        return bool(lemmas(token.text, self.language) & self.heads)

    @per_word
    def is_english_head(self, token: Token) -> bool:
        """A head noun of English that is none of the release's language ("University", "Union" in
        a Polish release): the name around it is English and puts its head last."""
        word = token.text.lower()
        return (self.language != "en" and word in self.en.org_heads and word not in self.lex.org_heads
                and not lemmas(token.text, self.language) & self.lex.org_heads)

    @per_word
    def is_given_name(self, token: Token) -> bool:
        """A given name: Polish ones through Morfeusz; in releases in other languages also those
        of every pack's given_names.txt, as written or through the lemma ("Petra" -> "petr")."""
        if not token.is_capitalised or token.is_acronym:
            return False  # Morfeusz reads "and" as a name too
        if is_given_name(token.text):
            return True
        if self.language == "pl":
            return False
        return bool(({token.text.lower()} | lemmas(token.text, self.language)) & self.all.given_names)

    def is_plural_territory(self, token: Token) -> bool:
        """A territory's plural that only its lemma shows, where every noun has a capital: "der
        Städte X und Y" names two towns; "des Landes" (a genitive) is no plural."""
        word = token.text.lower()
        if not self.lex.capitalised_nouns or word in self.heads:
            return False
        found = (lemmas(token.text, self.language) & self.lex.territories) - {word}  # "Landeshauptstadt" is one
        return bool(found) and not any(word == territory + ending for territory in found
                                       for ending in self.lex.genitive_endings)

    def is_suspended(self, token: Token) -> bool:
        """The first part of a compound whose last part another word gives ("Stadt- und
        Regionalentwicklung"): no head of its own."""
        after = self.text[token.end:token.end + 2]
        return after[:1] == "-" and (len(after) == 1 or after[1].isspace() or after[1] == ",")

    def is_nominative_given_name(self, token: Token) -> bool:
        """A given name as its own nominative and no form of another ("Pavel", not "Jana", which is
        also Jan's genitive): a person's name, where a patron's stands in the genitive
        ("Univerzita Jana Evangelisty Purkyně"); releases in languages other than Polish."""
        written = token.text.lower()
        return (self.language != "pl" and token.is_capitalised and written in self.all.given_names
                and lemmas(token.text, self.language) & self.all.given_names == {written})

    @per_word
    def is_descriptor(self, token: Token) -> bool:
        """A descriptor noun in any form ("spółka", "miastem", "company"), which may introduce a name."""
        return bool(({token.text.lower()} | lemmas(token.text, self.language)) & self.descriptors)

    @per_word
    def is_function(self, token: Token) -> bool:
        """A person's function or title ("Starosta", "Rector", "Präsident"), where a name ends."""
        if not token.is_word or not token.is_capitalised:
            return False
        if token.text in self.person_titles:
            return True
        word = token.text.lower()
        if word.rpartition("-")[2] in self.functions:  # "Vice-Chancellor", "Pro-Rector"
            return True
        forms = {word} | lemmas(token.text, self.language)
        return bool(forms & self.functions) or any(
            form.startswith(prefix) and form[len(prefix):] in self.functions
            for prefix in self.function_prefixes for form in forms)

    def in_capitals_line(self, token: Token) -> bool:
        """Whether the token is on a line written in capitals with two words or more (a label such
        as "INFORMACJA PRASOWA", a heading or a slogan) or on a label line ("Tlačové správy"):
        capitals there do not mark names."""
        return token.start in self._capitals_offsets

    @cached_property
    def _capitals_offsets(self) -> frozenset[int]:
        """Every offset inside those lines: one set lookup per token (the runs ask it of every token)."""
        spans = self.doc.cache.get("capitals_lines")
        if spans is None:
            spans = self.doc.cache["capitals_lines"] = _capitals_lines(self.text, frozenset(self.connectors))
        return frozenset(offset for start, end in spans for offset in range(start, end))

    @per_word
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

    @per_word
    def name_word(self, token: Token) -> bool:
        if not token.is_word or not token.is_capitalised:
            return False
        if ROMAN_NUMERAL.match(token.text) and len(token.text) <= 4:
            return False
        return not self._is_weekday(token.text)  # "Hochschule am Mittwoch": a date ends a name

    def _is_weekday(self, word: str) -> bool:
        """A weekday of the release's language or of English ("Mittwoch", "Monday")."""
        return any(word in days or word.casefold() in days for days in self._weekdays)

    @cached_property
    def _weekdays(self) -> list[dict[str, int]]:
        packs = [lang.find(code) for code in {self.language, "en"}]
        return [pack.dates.weekdays for pack in packs if pack is not None and pack.dates is not None]

    @per_word
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


_LINE = re.compile(r"[^\n]+")


def _capitals_lines(text: str, connectors: frozenset[str]) -> list[tuple[int, int]]:
    """Lines in capitals, and label lines ("Tlačové správy", "Press releases"), whose capital
    letters mark no names."""
    spans = []
    for line in _LINE.finditer(text):
        label = _label_span(line.group())
        if label:
            spans.append((line.start() + label[0], line.start() + label[1]))
            continue
        if _title_case(line.group(), connectors):
            spans.append(line.span())
            continue
        if line.group() != line.group().upper():  # a small letter
            continue
        words = [word for word in line.group().split() if sum(ch.isalpha() for ch in word) >= 2]
        if len(words) >= 2:
            spans.append(line.span())
    return spans


def _title_case(line: str, connectors: frozenset[str]) -> bool:
    """A headline in Title Case: four words or more, every one capitalised, function words too
    ("University Of Xton Scientists Win Millions For Labs"), which names write in lower case."""
    split = line.split()
    if any(word[0].isalpha() and not word[0].isupper() for word in split):
        return False  # most lines: a word in lower case, found before counting the words
    words = [word for word in split if any(ch.isalpha() for ch in word)]
    if len(words) < 4:
        return False
    return any(word.lower() in connectors for word in words[1:])


def _label_span(line: str) -> tuple[int, int] | None:
    """Where the label is on a label line: the words of the label only, not an issuer before or
    after it ("Landratsamt X – Pressestelle")."""
    if not is_release_label(line):
        return _label_after_issuer(line)
    for part in (line.strip(), line.strip().rpartition(" | " if " | " in line else " – ")[2]):
        match = release_label(part)
        if match:
            start = line.index(part)
            return start + match.start("label"), start + match.end("label")
    return None


def _label_after_issuer(line: str) -> tuple[int, int] | None:
    """A short line of an issuer and a label with no separator: "University of X Media Release."."""
    return trailing_label(line) if 2 < len(line.split()) <= 8 else None


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """A Polish given name in any form (Morfeusz's "imię" label); remembered per word, since the
    rules for names and people ask it of every word of every capitalised run."""
    return any("imię" in r.labels for r in analyse_pl(word))


@lru_cache(maxsize=100_000)
def is_genitive(word: str) -> bool:
    return any("gen" in r.cases for r in analyse_pl(word))


# Adjectives made from place names end so ("wielkopolski", "śląski", "łódzki").
PLACE_ADJECTIVE_ENDINGS = ("ski", "cki", "dzki")


def place_nominative_word(word: str) -> str:
    """A place name as the nominative singular of its only geographic reading, else as written."""
    places = {clean_lemma(r.lemma) for r in analyse_pl(word) if "nazwa_geograficzna" in r.labels}
    return places.pop() if len(places) == 1 else word


def capitalise_name(name: str) -> str:
    """Every word and every part of a hyphenated word with a capital: "warmińsko-mazurskie" ->
    "Warmińsko-Mazurskie", the way a region's or a body's name is written."""
    return " ".join("-".join(part[:1].upper() + part[1:] for part in word.split("-")) for word in name.split())


def place_adjective(word: str, *, strict: bool = False) -> str | None:
    """The capitalised lemma of a Polish adjective of a place ("Nowosolskiego" -> "Nowosolski");
    `strict`: only one with a place adjective's ending ("wielkopolski", not "obecny")."""
    prefix, dash, last = word.rpartition("-")  # "kujawsko-pomorski": the last part inflects
    for reading in analyse_pl(last):
        found = prefix.lower() + dash + clean_lemma(reading.lemma)
        if reading.pos == "adj" and (not strict or found.endswith(PLACE_ADJECTIVE_ENDINGS)):
            return capitalise_name(found)
    return None
