"""Language of a text and of each of its paragraphs, with the corrections press releases need.

Three corrections on top of a plain detector:
- an alphabet prior on short text: a letter such as "ł", "ř", "ľ" or "ß" counts against every
  candidate whose orthography lacks it (its pack's alphabet.txt), bounded so it only settles near-ties
  (a Polish place name in an English title must not turn the title Polish);
- a document prior for paragraphs: a paragraph is first read as being in the document's main
  language, so only clear evidence (an English quote) makes it a segment of its own;
- short paragraphs (a name, a phone line, a heading) are not guessed at all: they take the
  language of the paragraph before them (or after, at the start).

One shortcut, for speed, with a backend that allows it (`Detector.settles_clear_paragraphs`): a
long paragraph of a document whose function words and marked letters leave only one candidate
(`clear_language`) is given that language without asking the backend; titles, short paragraphs
and everything unclear still go to the backend.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from pressnlp import lang
from pressnlp.lang.segment import split_paragraphs
from pressnlp.stages.detect.backends import Detector

UNDETERMINED = "und"

SHORT_TEXT_LETTERS = 120
"""Below this many letters a text is "short": the alphabet prior applies."""
LETTER_PENALTY = 0.05
"""Factor for each marked letter in the text that a candidate's alphabet lacks."""
MAX_LETTER_PENALTIES = 2
"""At most this many penalties per candidate, so the prior breaks ties but never overrules."""
PRIOR_FLOOR = 1e-3
"""Added to every backend probability before the prior: a backend may give a language exactly 0
(lingua's letter rules do, wrongly, on some Czech sentences), which no evidence could lift."""
DOCUMENT_PRIOR = 0.8
"""Prior probability that a paragraph is in the document's main language."""
MIN_TEXT_SHARE = 0.4
"""Text whose letters are under this share of its visible characters is not language."""
MAX_GARBAGE_SHARE = 0.02
"""Text with more control, private-use or replacement characters than this is binary."""
FUNCTION_WORD_SHARE = 0.2
"""A paragraph is clear (`clear_language`) only when at least this share of its words are its
language's stopwords."""
UNMARKED_EXCLUSIVE_SHARE = 0.1
UNMARKED_EXCLUSIVE_RATIO = 3
UNMARKED_UNLISTED_SHARE = 0.25
"""A language without marked letters (English) has no letter to tell it apart; its paragraph is
clear when its own function words (those the other language's list lacks) make up at least
UNMARKED_EXCLUSIVE_SHARE of the words and outnumber the other language's own ones
UNMARKED_EXCLUSIVE_RATIO to 1 (plus one), and, against a candidate without a stopword list, when
its function words make up UNMARKED_UNLISTED_SHARE of the words."""

_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\d+")
_WORD = re.compile(r"[^\W\d_]+")


def alphabets() -> dict[str, frozenset[str]]:
    """Marked letters of each language's alphabet, from the packs that have one."""
    return _alphabets(lang.available())


@cache
def _alphabets(codes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {code: alphabet for code in codes if (alphabet := lang.get(code).alphabet) is not None}


def marked_letters() -> frozenset[str]:
    """Every letter some alphabet marks: the only letters the prior looks at."""
    return _marked_letters(lang.available())


@cache
def _marked_letters(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*_alphabets(codes).values())


def detectable_text(text: str) -> str:
    """The text without what carries no language: addresses, e-mails and numbers."""
    return _NOISE.sub(" ", text)


def letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))


def is_language(text: str) -> bool:
    """False for empty text and for what a decoder made of binary data (symbols, control bytes)."""
    visible = garbage = letters = 0
    for char, count in Counter(text).items():  # each distinct character once: a text has few
        if char.isspace():
            continue
        visible += count
        if unicodedata.category(char) in ("Cc", "Co", "Cs", "Cn") or char == "\ufffd":
            garbage += count
        elif char.isalpha():
            letters += count
    return bool(visible) and garbage <= MAX_GARBAGE_SHARE * visible and letters >= MIN_TEXT_SHARE * visible


def alphabet_prior(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """Weight per candidate from the marked letters in `text` (1.0 = no evidence against it).

    Capitalised words are left out when there are others: they are mostly names, and a Polish
    place name ("Wrocław") says nothing about the language of an English title around it."""
    words = _WORD.findall(text)
    evidence = [word for word in words if not word[0].isupper()] or words
    marked = marked_letters()
    found = {char for word in evidence for char in word.lower() if char in marked}
    table = alphabets()
    weights = {}
    for code in languages:
        if code not in table:
            weights[code] = 1.0
            continue
        foreign = len(found - table[code])
        weights[code] = LETTER_PENALTY ** min(foreign, MAX_LETTER_PENALTIES)
    return weights


def _normalised(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {code: value / total for code, value in scores.items()} if total > 0 else {}


def _best(scores: dict[str, float]) -> tuple[str, float]:
    """Highest score; ties go to the earlier language in the candidate order (stable output)."""
    code = max(scores, key=lambda key: scores[key])
    return code, scores[code]


@dataclass(frozen=True)
class Guess:
    """A language decision: ISO 639-1 code (or "und") and the probability behind it."""

    code: str
    confidence: float


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    code: str
    """"" until decided: short paragraphs get their neighbours' language."""


class LanguageIdentifier:
    """A backend plus the corrections above; `identify` for one text, `analyse` for a document."""

    def __init__(self, backend: Detector):
        self.backend = backend
        self.languages = backend.languages

    def probabilities(self, text: str) -> dict[str, float]:
        """Normalised probabilities over the candidates; empty when the text gives nothing."""
        cleaned = detectable_text(text)
        return self._probabilities(cleaned, letter_count(cleaned))

    def _probabilities(self, cleaned: str, letters: int) -> dict[str, float]:
        """`probabilities` of a text already stripped by `detectable_text`, with `letters` letters."""
        if letters == 0:
            return {}
        raw = self.backend.probabilities(cleaned)
        scores = {code: raw.get(code, 0.0) for code in self.languages}
        if letters < SHORT_TEXT_LETTERS:
            prior = alphabet_prior(cleaned, self.languages)
            with_prior = {code: (scores[code] + PRIOR_FLOOR) * prior[code] for code in self.languages}
            if sum(with_prior.values()) > 0:
                scores = with_prior
        return _normalised(scores)

    def identify(self, text: str) -> Guess:
        """Language of one text taken as a whole."""
        if not is_language(text):
            return Guess(UNDETERMINED, 0.0)
        scores = self.probabilities(text)
        if not scores:
            return Guess(UNDETERMINED, 0.0)
        return Guess(*_best(scores))

    def analyse(self, text: str, min_paragraph_letters: int) -> tuple[Guess, list[Paragraph]]:
        """Document language and the language of every paragraph."""
        if not is_language(text):
            return Guess(UNDETERMINED, 0.0), []
        spans = split_paragraphs(text)
        cleaned = [detectable_text(text[start:end]) for start, end in spans]
        letters = [letter_count(paragraph) for paragraph in cleaned]
        scored = [self._paragraph_probabilities(paragraph, count) if count >= min_paragraph_letters else {}
                  for paragraph, count in zip(cleaned, letters, strict=True)]
        document = self._document_guess(text, scored, letters)
        if document.code == UNDETERMINED:
            return document, []
        paragraphs = [Paragraph(start, end, self._paragraph_code(scores, document.code) if scores else "")
                      for (start, end), scores in zip(spans, scored, strict=True)]
        return document, _inherit_short(paragraphs, document.code)

    def _paragraph_probabilities(self, cleaned: str, letters: int) -> dict[str, float]:
        """A long paragraph that `clear_language` settles is that language, when the backend allows
        it; any other goes to the backend."""
        if letters >= SHORT_TEXT_LETTERS and self.backend.settles_clear_paragraphs and \
                (code := self.clear_language(cleaned)) is not None:
            return {code: 1.0}
        return self._probabilities(cleaned, letters)

    def clear_language(self, text: str) -> str | None:
        """The candidate that a text's function words and marked letters leave alone, or None.

        The candidate is the one whose stopwords are the most frequent, at least FUNCTION_WORD_SHARE
        of the words; the text must have no marked letter its alphabet lacks, and against every other
        candidate a marked letter that one lacks ("ł" against all but Polish, "ř" against Slovak).
        Function words do not count against a candidate with letters of its own: Czech without
        diacritics shares enough of Slovak's that the backend, rightly unsure, must decide. Only a
        language without marked letters (English) is told apart by its function words."""
        words = [word.lower() for word in _WORD.findall(text)]
        stopwords = self._stopwords
        if not words or not stopwords:
            return None
        hits = {code: [word for word in words if word in listed] for code, listed in stopwords.items()}
        code = max(hits, key=lambda key: len(hits[key]))
        own = hits[code]
        table = alphabets()
        alphabet = table.get(code)
        if len(own) < FUNCTION_WORD_SHARE * len(words) or alphabet is None:
            return None
        marked = marked_letters()
        found = {char for word in words for char in word if char in marked}
        if found - alphabet:
            return None
        for other in self.languages:
            if other == code or (other in table and found - table[other]):
                continue
            if alphabet or not self._function_words_beat(own, words, stopwords[code], stopwords.get(other)):
                return None
        return code

    @staticmethod
    def _function_words_beat(own: list[str], words: list[str], listed: frozenset[str],
                            other_listed: frozenset[str] | None) -> bool:
        """Whether function words alone set a text in a language without marked letters (its
        stopwords `listed`, the text's `own` hits among them) apart from another candidate."""
        if other_listed is None:
            return len(own) >= UNMARKED_UNLISTED_SHARE * len(words)
        mine = sum(word not in other_listed for word in own)
        theirs = sum(word in other_listed and word not in listed for word in words)
        return mine >= UNMARKED_EXCLUSIVE_RATIO * theirs + 1 and mine >= UNMARKED_EXCLUSIVE_SHARE * len(words)

    @cached_property
    def _stopwords(self) -> dict[str, frozenset[str]]:
        """Stopwords of the candidates whose pack lists them, in candidate order."""
        return {code: pack.stopwords for code in self.languages
                if (pack := lang.find(code)) is not None and pack.stopwords}

    def _document_guess(self, text: str, scored: list[dict[str, float]], letters: list[int]) -> Guess:
        """Letter-weighted vote of the long paragraphs (the whole text when there are none)."""
        if not any(scored):
            return self.identify(text)
        total = {code: 0.0 for code in self.languages}
        for count, scores in zip(letters, scored, strict=True):
            for code, value in scores.items():
                total[code] += count * value
        return Guess(*_best(_normalised(total)))

    def _paragraph_code(self, scores: dict[str, float], document_code: str) -> str:
        others = (1.0 - DOCUMENT_PRIOR) / max(len(self.languages) - 1, 1)
        posterior = {code: value * (DOCUMENT_PRIOR if code == document_code else others)
                     for code, value in scores.items()}
        return _best(posterior)[0] if sum(posterior.values()) > 0 else document_code


def _inherit_short(paragraphs: list[Paragraph], document_code: str) -> list[Paragraph]:
    """Give each undecided (short) paragraph the language before it, else the one after it."""
    decided = [paragraph.code for paragraph in paragraphs]
    following = document_code
    after = [""] * len(decided)
    for i in range(len(decided) - 1, -1, -1):
        after[i] = following
        following = decided[i] or following
    previous = ""
    result = []
    for paragraph, nxt in zip(paragraphs, after, strict=True):
        code = paragraph.code or previous or nxt
        previous = code
        result.append(Paragraph(paragraph.start, paragraph.end, code))
    return result


def segments(paragraphs: list[Paragraph], length: int) -> list[dict[str, int | str]]:
    """Contiguous runs of same-language paragraphs covering [0, length): each run starts where
    its first paragraph starts (the first at 0), so the gaps between paragraphs go to the run
    before them."""
    runs: list[dict[str, int | str]] = []
    for paragraph in paragraphs:
        if runs and runs[-1]["code"] == paragraph.code:
            continue
        if runs:
            runs[-1]["end"] = paragraph.start
        runs.append({"start": 0 if not runs else paragraph.start, "end": length, "code": paragraph.code})
    return runs


def rounded(value: float) -> float:
    """Confidence as written into records: four decimals, never NaN."""
    return 0.0 if math.isnan(value) else round(value, 4)
