"""English for a Polish lemma that neither our lexicon nor FreeDict has, guessed from its make-up.

Tried in order (the rules are data: lang/pl/derivation.toml): a number joined to a word ("50-letni"
-> "50-year"); a negated adjective through the
word without "nie"; an adjective made from a noun through that noun ("rankingowy" -> "ranking");
a perfective verb through its imperfective base ("skonfigurować" -> "konfigurować"); an
international word by respelling ("transdukcja" -> "transduction"), accepted only when the
result is an English word; a compound through its prefix and the rest ("wielotygodniowy" ->
"multi-weekly", "teleopieka" -> "telecare"). None when nothing checks out: the word then stays as written and is marked.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice, product

from pressnlp.lang.pl.gist import Derivation, Endings
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma

# The most respellings of one stem tried (a stem with many ambiguous letters).
_MAX_SPELLINGS = 64
# Lexicon classes by the word class asked for
_CLASSES = {"n": ("n",), "adj": ("adj",), "v": ("v",), "adv": ("adv",)}


class Deriver:
    """English of unknown lemmas from derivation and transliteration rules."""

    def __init__(self, known: Callable[[str, str], str | None], rules: Derivation, english_words: frozenset[str]):
        self._known = known  # (lemma, word class) -> English from the dictionaries, or None
        self.rules = rules
        self.english_words = english_words
        self.english = lru_cache(maxsize=20_000)(self._english)

    def _english(self, lemma: str, word_class: str, depth: int = 0) -> str | None:
        """English for `lemma` as a word of `word_class` ("n", "adj", "v", "adv"), or None."""
        if not lemma.islower() or word_class not in _CLASSES:
            return None
        steps = (self._numbered, self._negated, self._from_noun, self._from_base_verb, self._transliterated,
                 self._compound)
        for step in steps:
            found = step(lemma, word_class, depth)
            if found:
                return found
        return None

    def international(self, lemma: str, word_class: str) -> str | None:
        """Only the respelling of an international word ("geologiczny" -> "geological"): for names,
        where a guess through another word misleads ("Walne Zgromadzenie": "walny" is not "wal")."""
        return self._transliterated(lemma, word_class, 0) if lemma.islower() else None

    def _known_or_derived(self, lemma: str, word_class: str, depth: int) -> str | None:
        found = self._known(lemma, word_class)
        if found is None and depth < 1:
            found = self.english(lemma, word_class, depth + 1)
        return found

    def _numbered(self, lemma: str, word_class: str, depth: int) -> str | None:
        """"50-letni" -> "50-year", "3-osobowy" -> "3-person"."""
        number, hyphen, rest = lemma.partition("-")
        if not hyphen or not number.isdigit():
            return None
        english = dict(self.rules.numbered).get(rest)
        return f"{number}-{english}" if english else None

    def _negated(self, lemma: str, word_class: str, depth: int) -> str | None:
        prefix = self.rules.negation_prefix
        rest = lemma[len(prefix):]
        if word_class != "adj" or not lemma.startswith(prefix) or len(rest) < 4 or not analyse_pl(rest):
            return None
        found = self._known_or_derived(rest, "adj", depth)
        return f"{self.rules.negation_english} {found}" if found else None

    def _from_noun(self, lemma: str, word_class: str, depth: int) -> str | None:
        if word_class != "adj":
            return None
        for ending, noun_endings in self.rules.adjective_to_noun:
            stem = lemma[:-len(ending)]
            if not lemma.endswith(ending) or len(stem) < 3:
                continue
            for noun in _nouns_of_forms(stem + noun_ending for noun_ending in noun_endings):
                found = self._known(noun, "n")
                if found:
                    return found
        return None

    def _from_base_verb(self, lemma: str, word_class: str, depth: int) -> str | None:
        if word_class != "v":
            return None
        for prefix in sorted(self.rules.verb_prefixes, key=len, reverse=True):
            rest = lemma[len(prefix):]
            if lemma.startswith(prefix) and len(rest) >= 4:
                found = self._known(rest, "v")
                if found:
                    return found
        return None

    def _transliterated(self, lemma: str, word_class: str, depth: int) -> str | None:
        rules = {"n": self.rules.nouns, "adj": self.rules.adjectives, "v": self.rules.verbs}.get(word_class, ())
        for ending, english_endings in rules:
            stem = lemma[:len(lemma) - len(ending)]
            if not lemma.endswith(ending) or len(stem) < self.rules.min_stem:
                continue
            for spelled in _spellings(stem, self.rules.letters):
                for english_ending in english_endings:
                    if spelled + english_ending in self.english_words:
                        return spelled + english_ending
        return None

    def _compound(self, lemma: str, word_class: str, depth: int) -> str | None:
        for prefix, english_prefix in sorted(self.rules.prefixes, key=lambda p: len(p[0]), reverse=True):
            rest = lemma[len(prefix):]
            if lemma.startswith(prefix) and len(rest) >= 4 and analyse_pl(rest):
                found = self._known_or_derived(rest, word_class, depth)
                if found:  # written as one word where English does ("telecare"), else hyphenated
                    joined = english_prefix.rstrip("-") + found
                    return joined if joined in self.english_words else english_prefix + found
        return None


def _nouns_of_forms(forms: Iterator[str]) -> Iterator[str]:
    """Common-noun lemmas of which Morfeusz reads these forms ("powodzi" -> "powódź")."""
    for form in forms:
        for reading in analyse_pl(form):
            lemma = clean_lemma(reading.lemma)
            if reading.tag.startswith("subst") and lemma.islower():
                yield lemma


def _spellings(stem: str, letters: Endings) -> Iterator[str]:
    """English spellings of a Polish stem, the first alternative of each letter first."""
    pieces: list[tuple[str, ...]] = []
    position = 0
    while position < len(stem):
        for polish, english in letters:
            if stem.startswith(polish, position):
                pieces.append(english)
                position += len(polish)
                break
        else:
            pieces.append((stem[position],))
            position += 1
    return ("".join(choice) for choice in islice(product(*pieces), _MAX_SPELLINGS))
