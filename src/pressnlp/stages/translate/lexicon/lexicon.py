"""The bilingual lexicon: the Polish pack's lexicon/*.tsv, single lemmas and multi-word terms.

Each line is `polish <TAB> english <TAB> pos`. A key with several words (or a word and a dot,
as "ul.") is a term, matched on the lemmas of content words and the forms of function words, so
"odnawialne źródła energii" matches any inflection. English "a|b" gives singular|plural forms.

Telling terms from single words and analysing the terms takes Morfeusz through every key (~1 s),
so the Polish pack's lexicon is analysed when its data is built (scripts/build_lang_data.py
writes `ANALYSED_FILE`); a table whose inputs differ from the lexicon's is ignored.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from pressnlp import lang
from pressnlp.stages.translate.lexicon.analysis import Token, term_key_candidates, tokenize

FUNCTION_POS = frozenset({"prep", "conj", "comp", "part", "pron", "det", "num"})


@dataclass(frozen=True)
class Entry:
    """One translation: Polish key, English text and part of speech ("prep:loc" keeps the case
    a preposition must govern for this meaning)."""

    polish: str
    english: str
    pos: str
    source: str = "pressnlp"

    @property
    def word_class(self) -> str:
        return self.pos.split(":", 1)[0]

    @property
    def case(self) -> str | None:
        return self.pos.split(":", 1)[1] if ":" in self.pos else None

    def english_for(self, plural: bool) -> str:
        """The English text, choosing the plural variant of "this|these" entries."""
        singular, _, plural_form = self.english.partition("|")
        return plural_form if plural and plural_form else singular


@dataclass(frozen=True)
class Term:
    """A multi-word entry with what each of its words matches, its words as written, and its
    position among the lexicon's terms (of two equally good matches, the one listed first wins)."""

    entry: Entry
    words: tuple[frozenset[str], ...]
    forms: tuple[str, ...]
    order: int


def read_entries(text: str, source: str = "pressnlp") -> list[Entry]:
    """Entries of one TSV text; comment and blank lines skipped."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise ValueError(f"line {number}: expected 'polish<TAB>english<TAB>pos', got {line!r}")
        entries.append(Entry(parts[0].strip(), parts[1].strip(), parts[2].strip(), source))
    return entries


AnalysedTerms = Mapping[str, list[tuple[str, list[str]]]]
"""A term's key -> each of its words as written (lower case) and what that word matches."""
ANALYSED_FILE = "lexicon.generated.json"
"""In the Polish pack: `{"inputs": lexicon_inputs(...), "terms": Lexicon.analysed_terms()}`."""


class Lexicon:
    """Lookup of lemmas (by part of speech) and of multi-word terms starting at a token."""

    def __init__(self, entries: Iterable[Entry], analysed: AnalysedTerms | None = None):
        """`analysed`: the terms of these entries as `analysed_terms()` gave them when the data was
        built; every key it lacks is a single word. Without it each key is analysed here."""
        self.single: dict[str, list[Entry]] = {}
        multi: list[Entry] = []
        reflexive = f" {lang.get('pl').gist_words.reflexive}"
        for entry in entries:
            key = entry.polish
            if self._is_term(key, analysed):
                multi.append(entry)
                if key.endswith(reflexive) and key.count(" ") == 1:  # "się" may stand before the verb
                    self.single.setdefault(key.lower(), []).append(entry)
            else:
                self.single.setdefault(entry.polish.lower(), []).append(entry)
        self.terms: dict[str, list[Term]] = {}
        for order, entry in enumerate(multi):
            if analysed is not None:
                forms = tuple(form for form, _ in analysed[entry.polish])
                words = tuple(frozenset(matches) for _, matches in analysed[entry.polish])
            else:
                words = tuple(term_key_candidates(entry.polish, self.is_function_word))
                forms = tuple(token.form.lower() for token in tokenize(entry.polish))
            term = Term(entry, words, forms, order)
            for candidate in words[0]:
                self.terms.setdefault(candidate, []).append(term)

    @staticmethod
    def _is_term(key: str, analysed: AnalysedTerms | None) -> bool:
        if analysed is not None:
            return key in analysed
        abbreviation = key.endswith(".") and not any(c.isspace() for c in key)
        return not abbreviation and len(tokenize(key)) > 1

    def analysed_terms(self) -> dict[str, list[tuple[str, list[str]]]]:
        """What `__init__` learnt from Morfeusz, for `analysed` (sorted: the generated file is stable)."""
        terms = {term.entry.polish: term for terms in self.terms.values() for term in terms}
        return {key: [(form, sorted(words)) for form, words in zip(term.forms, term.words, strict=True)]
                for key, term in sorted(terms.items())}

    def is_function_word(self, word: str) -> bool:
        entries = self.single.get(word.lower(), ())
        return bool(entries) and all(e.word_class in FUNCTION_POS for e in entries)

    def lookup(self, lemma: str, classes: tuple[str, ...], case: frozenset[str] = frozenset()) -> Entry | None:
        """The entry of `lemma` whose part of speech comes first in `classes`; for prepositions
        the one whose case fits."""
        entries = self.single.get(lemma.lower())
        if not entries:
            return None
        for word_class in classes:
            fitting = [e for e in entries if e.word_class == word_class]
            if case:
                fitting = [e for e in fitting if e.case in case] or [e for e in fitting if e.case is None] or fitting
            if fitting:
                return fitting[0]
        return None

    def __contains__(self, lemma: str) -> bool:
        return lemma.lower() in self.single

    def match_term(self, tokens: list[Token], start: int) -> tuple[Term, int] | None:
        """The longest term starting at tokens[start], with the index after it. Of terms as long,
        the one with more words as written wins, as a listed form beats a lemma for single words
        ("miejsca pracy" -> "jobs" before "miejsce pracy" -> "job"), then the one listed first."""
        first = tokens[start]
        best: tuple[tuple[int, int, int], Term] | None = None
        for key in {first.form.lower()} | first.lemmas:
            for term in self.terms.get(key, ()):
                end = start + len(term.words)
                if end > len(tokens) or (best and end < best[0][0]) or not all(
                    self._token_matches(tokens[start + i], words) for i, words in enumerate(term.words)
                ):
                    continue
                written = zip(tokens[start:end], term.forms, strict=True)
                as_written = sum(token.form.lower() == form for token, form in written)
                rank = (end, as_written, -term.order)
                if best is None or rank > best[0]:
                    best = (rank, term)
        return (best[1], best[0][0]) if best else None

    @staticmethod
    def _token_matches(token: Token, words: frozenset[str]) -> bool:
        if token.verbatim:
            return False
        return token.form.lower() in words or bool(token.lemmas & words)

    @property
    def size(self) -> dict[str, int]:
        terms = {term.entry for terms in self.terms.values() for term in terms}
        return {"lemmas": len(self.single), "terms": len(terms)}


def lexicon_inputs(files: Mapping[str, str]) -> dict[str, str]:
    """What the analysis of a lexicon depends on: its files' SHA-256 and Morfeusz's version."""
    digests = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in files.items()}
    return digests | {"morfeusz2": version("morfeusz2")}


def built_analysis(files: Mapping[str, str]) -> AnalysedTerms | None:
    """The terms of the lexicon `files` as analysed when the Polish pack's data was built; None
    when that table is of other files (or another Morfeusz)."""
    built = json.loads(lang.get("pl").text(ANALYSED_FILE) or "{}")
    return built["terms"] if built.get("inputs") == lexicon_inputs(files) else None


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the Polish pack (loaded once per process)."""
    files = lang.get("pl").gist_lexicon
    return Lexicon((entry for text in files.values() for entry in read_entries(text, "pressnlp")),
                   built_analysis(files))
