"""Themes: the 1-4 taxonomy topics a release is about, scored from weighted keywords matched
on lemmas (Morfeusz for Polish, simplemma otherwise), the title counting more than the body.

Keyword matching is transparent and cheap (a release costs a few milliseconds), every score
comes with the words that produced it (`evidence`), and users steer it by editing a TOML file.
"""
from __future__ import annotations

import logging
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from pressnlp import lang
from pressnlp.core.errors import ConfigError
from pressnlp.lang.morphology import lemmas
from pressnlp.lang.shared import shared
from pressnlp.stages.extract.base import Extractor
from pressnlp.stages.extract.built_lemmas import built_cue_lemma
from pressnlp.stages.extract.text import Doc, Token, WordMemo, tokenise

log = logging.getLogger(__name__)

# What separates the items of an enumeration, besides each language's coordinators ("i", "and").
LIST_SEPARATORS = frozenset({",", ";", "/"})
# Words between two listed cues that still keep them in one item ("ochrony zdrowia, kultury").
LIST_GAP_WORDS = 2
LIST_GAP_CHARS = 60  # longer gaps hold more words than that: no need to look

TAXONOMY_FILE = "taxonomy.toml"  # ids and labels, in lang/data/
CUES_FILE = "themes.toml"  # cue words, in each language pack
# Keywords of this language also count in every release (names and terms are often English).
SHARED_LANGUAGE = "en"
SHORT_FOREIGN_CUE = 3  # letters: a shared cue this short is an acronym in other languages ("SME", "ICT")
# A cue written "~partnerstwo" counts only beside a cue of its theme without the mark: a partnership
# is international cooperation only when something in the release is international.
DEPENDENT_MARK = "~"


@dataclass
class ThemeOptions:
    taxonomy: Path | None = None
    """A TOML taxonomy of your own: a [themes.<id>] table per theme with its `label` and a
    [themes.<id>.keywords] table of `<language> = { "word" = weight, … }`."""
    mode: Literal["replace", "extend"] = "extend"
    """'replace': use only your taxonomy; 'extend': add its themes and keywords to the default."""
    title_weight: float = 3.0
    """How many body occurrences one occurrence in the title is worth."""
    max_themes: int = 3
    """At most this many themes (SPEC allows 4; 3 scored best on the corpus dev split)."""
    min_themes: int = 1
    relative_threshold: float = 0.3
    """A theme is kept when its raw score reaches this share of the best theme's."""
    min_score: float = 0.6
    """...and its normalised score (0..1) reaches this (0.6 = a raw score of 12 with the
    default saturation: about four decisive keywords)."""
    close_share: float = 0.6
    """A theme almost as strong as the best (this share of its raw score) is kept with less
    evidence: a short release states its second subject in few words."""
    close_min_score: float = 0.4
    """...when its normalised score reaches this."""
    saturation: float = 8.0
    """Raw score at which the normalised score is 0.5 (score = raw / (raw + saturation))."""
    max_count: int = 4
    """One keyword counts at most this many times, so a repeated word cannot decide alone."""
    reference_words: int = 300
    """Releases shorter than this many words need proportionally less keyword evidence."""
    listed_weight: float = 0.25
    """What a cue counts for in an enumeration of subject areas ("kultury, sportu i zdrowia")."""
    list_themes: int = 3
    """An enumeration is one of at least this many items naming at least this many themes."""


@dataclass(frozen=True)
class CueMatch:
    """One occurrence of a cue phrase: in the title or at [start, end) of the text."""

    theme: str
    key: tuple[str, ...]
    weight: float
    factor: float
    in_title: bool
    start: int
    end: int
    surface: str
    dependent: bool = False


def _link(previous: CueMatch, match: CueMatch, text: str, separators: frozenset[str]) -> int | None:
    """How two cues in text order are linked in an enumeration: 1 when a separator stands
    between them (a new item), 0 when they are parts of one item, None when not listed together."""
    if previous.in_title != match.in_title:
        return None
    if match.start < previous.end:
        return 0
    gap = text[previous.end:match.start]
    if len(gap) > LIST_GAP_CHARS or any(mark in gap for mark in ".!?:()\n"):
        return None
    between = _gap_words(gap)
    if sum(1 for word in between if word not in separators and word[0].isalnum()) > LIST_GAP_WORDS:
        return None
    return 1 if any(word in separators for word in between) else 0


@lru_cache(maxsize=4096)
def _gap_words(gap: str) -> tuple[str, ...]:
    """The tokens between two cues, lower-cased; the same few gaps (", ", " i ") come back."""
    return tuple(token.text.lower() for token in tokenise(gap))


@lru_cache(maxsize=100_000)
def _in_order(forms: frozenset[str]) -> tuple[str, ...]:
    """A word's lemmas sorted, once per word rather than once per occurrence."""
    return tuple(sorted(forms))


class CompoundCues:
    """Cue words inside the compounds of a language that writes them as one word (German
    "Forschungsbereich", "Wärmeplanung", "Stadtverwaltung"): a cue as the compound's first part
    (with a linking "s", "n", "en" or "e") or as its last part (the compound's head)."""

    LINKS = ("es", "en", "er", "s", "n", "e", "")
    MIN_CUE = 5  # shorter cues ("wald", "bus") end too many names and unrelated words (Greifswald)
    MIN_REST = 3  # letters after a first part ("Wärme|planung")
    MIN_FIRST = 5  # letters before a last part: "Stadt|verwaltung", but not "Tran|sport"

    def __init__(self, cues: dict[str, tuple[str, tuple[str, ...], float, bool]]):
        self.cues = {word: cue for word, cue in cues.items() if len(word) >= self.MIN_CUE and word.isalpha()}
        # "hochschule" is "hochschul" in "Hochschulkooperation"
        stems = {word[:-1]: word for word in self.cues if word.endswith("e")}
        self.stems = {**stems, **{word: word for word in self.cues}}
        alternatives = "|".join(sorted(map(re.escape, self.stems), key=len, reverse=True)) or "(?!)"
        links = "|".join(self.LINKS)
        self.first = re.compile(rf"({alternatives})(?:{links})(?=\w{{{self.MIN_REST},}}$)")
        self.last = re.compile(rf"(?<=\w{{{self.MIN_FIRST}}})({alternatives})$")

    def matches(self, token: Token, token_lemmas: Iterable[str], text: str, factor: float,
                in_title: bool) -> list[CueMatch]:
        word = token.text.lower()
        found = []
        for pattern, candidates in ((self.first, (word,)), (self.last, (word, *sorted(token_lemmas)))):
            for candidate in candidates:
                match = pattern.match(candidate) if pattern is self.first else pattern.search(candidate)
                if match:
                    theme_id, key, weight, dependent = self.cues[self.stems[match.group(1)]]
                    found.append(CueMatch(theme_id, key, weight, factor, in_title, token.start,
                                          token.end, text[token.start:token.end], dependent))
                    break
        return found


@dataclass
class Theme:
    id: str
    label: str
    # lemma sequence -> (weight, keyword as written), per language
    keywords: dict[str, dict[tuple[str, ...], tuple[float, str]]] = field(default_factory=dict)


def load_taxonomy(text: str, source: str) -> dict[str, Theme]:
    """Themes from taxonomy TOML text (labels and keywords per language in one file)."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid taxonomy TOML: {exc}", source=source) from exc
    themes: dict[str, Theme] = {}
    for theme_id, body in table.get("themes", {}).items():
        if not isinstance(body, dict) or "label" not in body:
            raise ConfigError(f"theme '{theme_id}' needs a label", source=source, key=f"themes.{theme_id}")
        theme = themes[theme_id] = Theme(theme_id, body["label"])
        for language, words in body.get("keywords", {}).items():
            theme.keywords[language] = _compile(words, language, source, f"themes.{theme_id}.keywords.{language}")
    return themes


def _compile(words: dict[str, Any], language: str, source: str, key: str) -> dict[tuple[str, ...], tuple[float, str]]:
    """Keyword phrase -> weight, keyed by the phrase's lemmas (the built-in cues' lemmas are
    generated with the packs; a user's are lemmatised here, once)."""
    compiled: dict[tuple[str, ...], tuple[float, str]] = {}
    for phrase, weight in words.items():
        if not isinstance(weight, (int, float)):
            raise ConfigError(f"weight of '{phrase}' must be a number", source=source, key=key)
        lemmas_ = tuple(built_cue_lemma(word, language) for word in phrase_words(phrase))
        if lemmas_:
            compiled[lemmas_] = (float(weight), phrase)
    return compiled


def phrase_words(phrase: str) -> list[str]:
    """The words of a cue phrase, each matched through its lemma."""
    return [token.text for token in tokenise(phrase) if token.is_word]


def cue_words(pack: lang.Language) -> set[str]:
    """Every word of a pack's cue phrases (what scripts/build_lang_data.py lemmatises)."""
    return {word for words in pack.toml(CUES_FILE).values() for phrase in words for word in phrase_words(phrase)}


@cache
def builtin_taxonomy() -> dict[str, Theme]:
    """The shared ids and labels (lang/data/taxonomy.toml) with every pack's cue words
    (lang/<code>/themes.toml)."""
    labels = shared().toml(TAXONOMY_FILE).get("themes", {})
    themes = {theme_id: Theme(theme_id, body["label"]) for theme_id, body in labels.items()}
    for code in lang.available():
        source = f"lang/{code}/{CUES_FILE}"
        for theme_id, words in lang.get(code).toml(CUES_FILE).items():
            if theme_id not in themes:
                raise ConfigError(f"cue words for theme '{theme_id}', which lang/data/{TAXONOMY_FILE} does not "
                                  f"list", source=source, key=theme_id)
            themes[theme_id].keywords[code] = _compile(words, code, source, theme_id)
    return themes


def merge_taxonomies(base: dict[str, Theme], extra: dict[str, Theme]) -> dict[str, Theme]:
    merged = {theme_id: Theme(t.id, t.label, {lang: dict(k) for lang, k in t.keywords.items()})
              for theme_id, t in base.items()}
    for theme_id, theme in extra.items():
        target = merged.setdefault(theme_id, Theme(theme_id, theme.label))
        target.label = theme.label
        for language, keywords in theme.keywords.items():
            target.keywords.setdefault(language, {}).update(keywords)
    return merged


class ThemeExtractor(Extractor):
    name = "themes"
    Options = ThemeOptions

    def setup(self) -> None:
        themes = builtin_taxonomy()
        if self.options.taxonomy is not None:
            path = Path(self.options.taxonomy)
            try:
                text = path.read_text("utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot read taxonomy: {exc}", key="stages.extract.themes.taxonomy") from exc
            own = load_taxonomy(text, str(path))
            themes = own if self.options.mode == "replace" else merge_taxonomies(themes, own)
        self.themes = themes
        self._index: dict[str, dict[str, list[tuple[tuple[str, ...], str, float, bool, bool]]]] = {}
        self._compounds: dict[str, CompoundCues] = {}
        self._starting: WordMemo[tuple[tuple[tuple[str, ...], str, float, bool, bool], ...]] = WordMemo()

    def describe(self) -> dict[str, Any]:
        return {"taxonomy": str(self.options.taxonomy) if self.options.taxonomy else "builtin",
                "mode": self.options.mode}

    def index(self, language: str) -> dict[str, list[tuple[tuple[str, ...], str, float, bool, bool]]]:
        """First lemma -> (phrase lemmas, theme id, weight, only in capitals, dependent) for one
        language's keywords and the shared ones."""
        if language not in self._index:
            index: dict[str, list[tuple[tuple[str, ...], str, float, bool, bool]]] = {}
            for theme in self.themes.values():
                for source_language in dict.fromkeys((language, SHARED_LANGUAGE)):
                    for key, (weight, phrase) in theme.keywords.get(source_language, {}).items():
                        foreign = source_language != language
                        if foreign:
                            # another language's cue matches as written: its lemma may be a word of
                            # this language ("parking" -> "park", a park in Polish)
                            key = tuple(word.lower() for word in phrase_words(phrase))
                        # and a short one only as an acronym: "SME", not Slovak "sme" (we are)
                        capitals = foreign and len(key) == 1 and len(key[0]) <= SHORT_FOREIGN_CUE
                        dependent = phrase.startswith(DEPENDENT_MARK)
                        index.setdefault(key[0], []).append((key, theme.id, weight, capitals, dependent))
            self._index[language] = index
        return self._index[language]

    def cues_starting(self, word: str, language: str) -> tuple[tuple[tuple[str, ...], str, float, bool, bool], ...]:
        """The cues whose first lemma is one of the word's, in a fixed order (the order of the
        sums in raw_scores, so of their last bits, and of themes that tie); asked of every word
        of every release, so remembered per word."""
        index = self.index(language)
        return self._starting.get(word, language, lambda: tuple(
            cue for first in _in_order(lemmas(word, language)) for cue in index.get(first, ())))

    def compounds(self, language: str) -> CompoundCues:
        if language not in self._compounds:
            # as written: a lemmatiser's reading of a bare cue can be another word ("wärme" -> "wärmen")
            cues = {phrase.lower().removeprefix(DEPENDENT_MARK): (theme.id, key, weight,
                                                                  phrase.startswith(DEPENDENT_MARK))
                    for theme in self.themes.values()
                    for key, (weight, phrase) in theme.keywords.get(language, {}).items() if len(key) == 1}
            self._compounds[language] = CompoundCues(cues)
        return self._compounds[language]

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        raw, evidence = self.raw_scores(doc)
        if not raw:
            return []
        best = max(raw.values())
        words = sum(1 for token in doc.tokens if token.is_word)
        scale = max(1.0, self.options.reference_words / max(words, 1))
        chosen = []
        for theme_id, value in sorted(raw.items(), key=lambda item: -item[1]):
            score = value * scale / (value * scale + self.options.saturation)
            keep = (value >= self.options.relative_threshold * best and score >= self.options.min_score
                    or value >= self.options.close_share * best and score >= self.options.close_min_score)
            if keep or len(chosen) < self.options.min_themes:
                chosen.append({"id": theme_id, "label": self.themes[theme_id].label,
                               "score": round(score, 3), "evidence": evidence[theme_id]})
            if len(chosen) >= self.options.max_themes:
                break
        return chosen

    def raw_scores(self, doc: Doc) -> tuple[dict[str, float], dict[str, list[str]]]:
        """Weighted keyword counts per theme (title weighted) and the surface forms matched."""
        matches = self._discount_lists(doc, self._drop_unanchored(self._drop_overridden(self.matches(doc))))
        counts: dict[tuple[str, tuple[str, ...]], float] = {}
        weights: dict[tuple[str, tuple[str, ...]], float] = {}
        evidence: dict[str, dict[str, float]] = {}  # theme -> surface form -> weight seen
        for match in matches:
            slot = (match.theme, match.key)
            counts[slot] = counts.get(slot, 0.0) + match.factor
            weights[slot] = match.weight
            forms_seen = evidence.setdefault(match.theme, {})
            surface = match.surface.lower()
            forms_seen[surface] = forms_seen.get(surface, 0.0) + match.weight * match.factor
        raw: dict[str, float] = {}
        for (theme_id, key), count in counts.items():
            # Diminishing returns: the fourth "energia" adds less than the first.
            capped = min(count, float(self.options.max_count))
            raw[theme_id] = raw.get(theme_id, 0.0) + weights[(theme_id, key)] * math.sqrt(capped)
        strongest = {theme_id: sorted(forms, key=lambda form: -forms[form])[:8] for theme_id, forms in evidence.items()}
        return raw, strongest

    def matches(self, doc: Doc) -> list[CueMatch]:
        """Every cue phrase found in the title and the body (boilerplate and contact block left
        out), in text order."""
        compounds = self.compounds(doc.language) if doc.lexicon.compound_heads else None
        found: list[CueMatch] = []
        title = doc.title or ""
        body_start = len(title) if title and doc.text.startswith(title) else 0
        for text, offset, factor in ((title, None, self.options.title_weight), (doc.text, body_start, 1.0)):
            tokens = [t for t in (tokenise(text) if offset is None else doc.tokens) if t.is_word]
            if offset is not None:
                tokens = [t for t in tokens if t.start >= offset and not doc.in_boilerplate(t.start)
                          and not doc.in_contact_block(t.start)]
            for i, token in enumerate(tokens):
                whole_word = False
                for key, theme_id, weight, capitals, dependent in self.cues_starting(token.text, doc.language):
                    if capitals and not token.is_acronym:
                        continue
                    if len(key) > 1 and not all(i + k < len(tokens)
                                                and key[k] in lemmas(tokens[i + k].text, doc.language)
                                                for k in range(1, len(key))):
                        continue
                    whole_word |= len(key) == 1
                    start, end = token.start, tokens[i + len(key) - 1].end
                    found.append(CueMatch(theme_id, key, weight, factor, offset is None, start, end,
                                          text[start:end], dependent))
                if not whole_word and compounds is not None:
                    found.extend(compounds.matches(token, lemmas(token.text, doc.language), text, factor,
                                                   offset is None))
        return found

    @staticmethod
    def _drop_unanchored(matches: list[CueMatch]) -> list[CueMatch]:
        """Dependent cues ("~partnerstwo") of a theme none of whose other cues occurs."""
        anchored = {m.theme for m in matches if not m.dependent}
        return [m for m in matches if not m.dependent or m.theme in anchored]

    @staticmethod
    def _drop_overridden(matches: list[CueMatch]) -> list[CueMatch]:
        """A phrase decides what its words mean: "festiwal nauki" is science, so its "festiwal"
        does not count for culture. A cue inside a longer cue of another theme is dropped."""
        phrases = [m for m in matches if len(m.key) > 1]
        return [m for m in matches
                if not any(p.in_title == m.in_title and p.theme != m.theme and len(p.key) > len(m.key)
                           and p.start <= m.start and m.end <= p.end for p in phrases)]

    def _discount_lists(self, doc: Doc, matches: list[CueMatch]) -> list[CueMatch]:
        """Cues named side by side in an enumeration of several subject areas ("kultury, sportu,
        zdrowia i edukacji") say what an organisation may do, not what the release is about: each
        counts `listed_weight` of a cue in running text."""
        separators = doc.lexicon.coordinators | LIST_SEPARATORS
        groups: list[tuple[list[CueMatch], int]] = []  # (matches, items)
        for match in sorted(matches, key=lambda m: (m.in_title, m.start)):
            link = _link(groups[-1][0][-1], match, doc.title or "" if match.in_title else doc.text,
                         separators) if groups else None
            if link is None:
                groups.append(([match], 1))
            else:
                groups[-1] = (groups[-1][0] + [match], groups[-1][1] + link)
        discounted = {id(m) for group, items in groups
                      if items >= self.options.list_themes and len({m.theme for m in group}) >= self.options.list_themes
                      for m in group}
        return [replace(m, factor=m.factor * self.options.listed_weight) if id(m) in discounted else m
                for m in matches]
