"""What every extractor needs to know about one release, computed once and shared: tokens with
offsets, sentences, paragraphs, the press-contact block, boilerplate and background paragraphs.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache, wraps
from typing import Any, Generic, Protocol, TypeVar

from pressnlp.lang.dates import find_release_date
from pressnlp.lang.segment import split_paragraphs, split_sentences
from pressnlp.stages.extract.lexicon import Lexicon, everywhere, lexicon

log = logging.getLogger(__name__)

Span = tuple[int, int]

# A word: letters/digits, with inner hyphens, apostrophes, dots or ampersands between
# letters ("Górnośląsko-Zagłębiowska", "O'Sullivan", "IB.SH", "S.A").
_WORD = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*")
_TOKEN = re.compile(rf"{_WORD.pattern}|[^\w\s]")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word or a punctuation mark with its offsets; the flags are computed once, since the
    extractors ask them of every token many times. Treated as immutable but not declared frozen:
    a frozen dataclass is built five times slower, and a release has ~700 tokens."""

    start: int
    end: int
    text: str
    is_word: bool = field(default=False, compare=False)
    is_capitalised: bool = field(default=False, compare=False)
    is_acronym: bool = field(default=False, compare=False)
    """GZM, NCBiR, DfE, IB.SH, ČR: at least two capitals and no more small letters."""

    @classmethod
    def of(cls, start: int, end: int, text: str) -> Token:
        return cls(start, end, text, text[0].isalnum(), text[0].isupper(), _is_acronym(text))


@lru_cache(maxsize=100_000)
def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return len(letters) >= 2 and upper >= 2 and upper >= len(letters) - upper and text[0].isupper()


def tokenise(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if "." in word and len(word) > 4 and not word.lower().startswith("www."):
            tokens.extend(_split_at_missing_space(match.start(), word))
        else:
            tokens.append(Token.of(match.start(), match.end(), word))
    return tokens


def _split_at_missing_space(start: int, word: str) -> list[Token]:
    """'Płockim.Porozumienie' is two sentences with the space after the full stop missing: a dot
    between a small letter and a capitalised word ends a word; 'S.A', 'IB.SH', 'www.Xyz.pl' stay."""
    tokens = []
    piece_start = 0
    for position, character in enumerate(word):
        following = word[position + 1:position + 3]
        if (character == "." and position > 1 and word[position - 1].islower() and len(following) == 2
                and following[0].isupper() and following[1].islower()):
            tokens.append(Token.of(start + piece_start, start + position, word[piece_start:position]))
            tokens.append(Token.of(start + position, start + position + 1, "."))
            piece_start = position + 1
    tokens.append(Token.of(start + piece_start, start + len(word), word[piece_start:]))
    return tokens


class _OfDoc(Protocol):
    doc: Doc


_Owner = TypeVar("_Owner", bound=_OfDoc)
_Answer = TypeVar("_Answer")
_MEMO_SIZE = 200_000


class WordMemo(Generic[_Answer]):
    """Answers about a word in a language, remembered: the rules ask the same words thousands of
    times per release. Bounded: when full it forgets everything at once (cheap, and a batch run
    meets few new words after its first releases)."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str], _Answer] = {}

    def get(self, word: str, language: str, compute: Callable[[], _Answer]) -> _Answer:
        key = (language, word)
        try:
            return self._answers[key]
        except KeyError:
            if len(self._answers) >= _MEMO_SIZE:
                self._answers.clear()
            answer = self._answers[key] = compute()
            return answer


def per_word(predicate: Callable[[_Owner, Token], _Answer]) -> Callable[[_Owner, Token], _Answer]:
    """Remembers a method's answer about a token that depends only on the token's text and the
    release's language (`self.doc.language`; the word lists are per process)."""
    memo: WordMemo[_Answer] = WordMemo()

    @wraps(predicate)
    def remembered(owner: _Owner, token: Token) -> _Answer:
        return memo.get(token.text, owner.doc.language, lambda: predicate(owner, token))

    return remembered


def is_initial(tokens: list[Token], index: int) -> bool:
    """A person's initial: one capital letter with a full stop right after it ("J." of "J. Nováková")."""
    token = tokens[index]
    return (len(token.text) == 1 and token.text.isupper() and index + 1 < len(tokens)
            and tokens[index + 1].text == "." and tokens[index + 1].start == token.end)


def words_of(text: str) -> list[str]:
    """The words of a short text (a name), without building tokens."""
    return _WORD.findall(text)


class Terminology(Protocol):
    """A user's glossary as the extractors ask it (core.document.GLOSSARY_NOTE)."""

    def english_name(self, name: str) -> str | None: ...


class Doc:
    """One release as the extractors see it; every analysis is computed on first use."""

    def __init__(self, text: str, language: str, *, title: str | None = None,
                 reference: date | None = None):
        self.text = text
        self.language = language
        self.title = title
        self.reference = reference
        self.lexicon: Lexicon = lexicon(language)
        self.terminology: Terminology | None = None
        """The user's glossary, when the translate stage used one for this document."""
        # Analyses one extractor computes and another reuses (organisation mentions, people).
        self.cache: dict[str, Any] = {}

    # --- tokens and segments ---------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[Token]:
        return tokenise(self.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after `offset`."""
        return bisect_right(self._token_starts, offset - 1)

    @cached_property
    def dateline(self) -> tuple[str, Span] | None:
        """(ISO date, span) of the release's own date line; the extract stage sets it when the
        read stage found it already."""
        return find_release_date(self.text, self.language)

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.text, self.language)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return split_paragraphs(self.text)

    @cached_property
    def lines(self) -> list[Span]:
        return [(m.start(), m.end()) for m in _LINE.finditer(self.text) if m.group().strip()]

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Offsets where a sentence (or line) begins: capitals there say nothing about names."""
        starts = {start for start, _ in self.sentences} | {start for start, _ in self.lines}
        # Text after an opening quote or dash starts a sentence too ("– Cieszymy się...").
        for match in re.finditer(r"(?:^|[\s(])[–—\-\"„“«»]\s*(?=\w)", self.text):
            starts.add(match.end())
        return frozenset(starts)

    @cached_property
    def _sentence_starts_sorted(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_of(self, offset: int) -> Span:
        """The sentence around an offset ((offset, offset) between sentences)."""
        index = bisect_right(self._sentence_starts_sorted, offset) - 1
        if index >= 0:
            start, end = self.sentences[index]
            if start <= offset < end:
                return start, end
        return offset, offset

    # --- regions ----------------------------------------------------------------------------
    @cached_property
    def lead(self) -> Span:
        """Title, date line and first body paragraph: where a release names who speaks. A long
        title (one line, no full stop at its end) is no body paragraph."""
        paragraphs = self.paragraphs
        if len(paragraphs) > 1 and "\n" not in self.text[slice(*paragraphs[0])].strip() and not (
                self.text[slice(*paragraphs[0])].rstrip().endswith(".")):
            paragraphs = paragraphs[1:]
        body = [p for p in paragraphs if p[1] - p[0] > 120]
        end = body[0][1] if body else (self.paragraphs[0][1] if self.paragraphs else 0)
        return 0, end

    @cached_property
    def contact_block(self) -> Span | None:
        """The press-contact block ("Kontakt dla mediów:", "Media enquiries"): from its heading
        to the end of the short lines that follow it."""
        headers = self.lexicon.contact_headers + lexicon("en").contact_headers
        header_lines = [i for i, (start, end) in enumerate(self.lines)
                        if _is_contact_header(self.text[start:end], headers)]
        if not header_lines:
            return None
        # The last heading, or an earlier one when only short lines separate them
        # ("Kontakt dla mediów:" / name / "rzecznik prasowy" / …).
        first = header_lines[-1]
        for index in reversed(header_lines[:-1]):
            between = self.lines[index + 1:first]
            if any(end - start > 160 for start, end in between):
                break
            first = index
        start, end = self.lines[first]
        for line_start, line_end in self.lines:
            if line_start <= start:
                continue
            if line_end - line_start > 160 or self.in_boilerplate(line_start):
                break
            end = line_end
        return start, end

    @cached_property
    def boilerplate(self) -> list[Span]:
        """Lines of page furniture: cookie banners, footers, share buttons, copyright."""
        pattern = _cue_pattern(self.lexicon.boilerplate_cues + lexicon("en").boilerplate_cues)
        return [(start, end) for start, end in self.lines if pattern.search(self.text, start, end)]

    @cached_property
    def background(self) -> list[Span]:
        """Paragraphs after a heading such as "About GZM" / "O nas" / "Background information",
        or from one that opens a paragraph ("Hintergrund: Die Kooperation begann …"), up to the
        contact block: standard text about the issuer, not about this news."""
        headers = self.lexicon.background_headers + lexicon("en").background_headers
        contact_start = self.contact_block[0] if self.contact_block else len(self.text)
        for start, end in self.lines:
            if start >= contact_start:
                continue
            written = self.text[start:end].strip().lower()
            if len(written) > 60 and any(written.startswith(header + ":") for header in headers):
                return [(start, contact_start)]
            line = written.rstrip(":")
            if len(line) > 60:
                continue
            if any(line == header or line.startswith(header + " ") for header in headers):
                return [(end, contact_start)]
        return []

    @cached_property
    def _boilerplate_starts(self) -> list[int]:
        return [start for start, _ in self.boilerplate]

    def in_boilerplate(self, offset: int) -> bool:
        # boilerplate spans are lines: sorted and disjoint, so the one that may hold `offset` is
        # the last that starts at or before it (the themes ask this of every token)
        index = bisect_right(self._boilerplate_starts, offset) - 1
        return index >= 0 and offset < self.boilerplate[index][1]

    def in_background(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.background)

    @cached_property
    def credit_lines(self) -> list[Span]:
        """Short lines that credit an author, a photo or a source ("By University Communications",
        "Autor: …", "Foto: …"): who wrote or pictured the release takes no part in its news."""
        pattern = _credit_label()
        return [(start, end) for start, end in self.lines
                if len(self.text[start:end].split()) <= 8 and pattern.match(self.text, start, end)
                and not self.text[start:end].rstrip().endswith(".")]

    def in_credit_line(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.credit_lines)

    def in_contact_block(self, offset: int) -> bool:
        block = self.contact_block
        return bool(block and block[0] <= offset < block[1])


# Most words of a contact heading before its colon ("Kontakt dla inwestorów i mediów:").
_MAX_HEADER_WORDS = 5


@lru_cache(maxsize=1)
def _credit_label() -> re.Pattern[str]:
    """A credit label of any pack opening a line, then a colon or a space ("Autor: ", "By ")."""
    labels = sorted(everywhere().credit_labels, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(label) for label in labels)})(?::\s*|\s+)(?=\w)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Cue phrases as whole words, case-insensitive ("rodo" must not match "Narodowy")."""
    alternatives = "|".join(re.escape(cue) for cue in sorted(set(cues), key=len, reverse=True))
    # the cues' first letters first: `re` then skips most positions without trying every cue
    first_letters = "".join(sorted({re.escape(cue[0]) for cue in cues if cue}))
    lookahead = f"(?=[{first_letters}])" if first_letters and all(cues) else ""
    return re.compile(rf"(?<!\w){lookahead}(?:{alternatives})(?!\w)", re.IGNORECASE)


def _is_contact_header(line: str, headers: tuple[str, ...]) -> bool:
    """A heading line ("Kontakt dla mediów:") or a line that starts with one and a colon; also a
    one-word heading said more fully before a colon ("Kontakt dla inwestorów i mediów:")."""
    text = line.strip().lower()
    if text.rstrip(":").strip() in headers:
        return True
    if text.startswith(headers) and any(text.startswith(header) and text[len(header):].lstrip().startswith(":")
                                        for header in headers):
        return True
    label, colon, _ = text.partition(":")
    words = label.split()
    return bool(colon) and 1 < len(words) <= _MAX_HEADER_WORDS and words[0] in headers
