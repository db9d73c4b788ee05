"""A language pack: everything pressnlp knows about one language, as data files in one folder.

Packs are found by ISO 639-1 code through the `pressnlp.languages` entry-point group (ours are
registered the same way in pyproject.toml), so another package adds a language by shipping a
folder of data files and one entry point, without touching pressnlp. A pack is loaded on first
use and cached: a run that never meets Czech never reads Czech data (as Babel's `Locale.parse`).

The data files of a pack are plain TOML / TSV / word lists; which files exist and what they mean
is listed in `lang/README.md`. Each has a typed, cached property here (`pack.stopwords`,
`pack.dates`, …); a missing file is an empty list, so a pack holds only what it knows. Python keeps
the algorithms; a pack answers "what words" — and, for a language with an analyser, "what forms".
"""
from __future__ import annotations

import csv
import io
import logging
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from pressnlp.lang.dates.lexicon import Lexicon

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "pressnlp.languages"


class UnknownLanguage(LookupError):
    """No pack is registered for a language code."""


class Morphology:
    """Word forms of one language. This base knows none: every word is its own lemma.

    `lemma` is one guess (for building keys), `possible_lemmas` every candidate (for matching
    without a tagger), `lemmas` the candidates plus the word itself."""

    def lemma(self, word: str) -> str:
        return word.lower()

    def possible_lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the word may have, lower-cased; the lower-cased word when none is known."""
        return frozenset({word.lower()})

    def preload(self) -> None:
        """Load now what lemmatising loads on first use (a parent process, before forking workers)."""
        self.lemma("a")

    def lemmas(self, word: str) -> frozenset[str]:
        return self.possible_lemmas(word) | {word.lower()}

    def is_common_word(self, word: str) -> bool:
        """True when the word is known to be of the general vocabulary and never a name ("Firma",
        not "Solaris"); False when unknown, which is all this base can say."""
        return False


class Simplemma(Morphology):
    """simplemma's lookup tables: one lemma a word, no analysis (languages without their own analyser)."""

    def __init__(self, code: str):
        self.code = code

    def lemma(self, word: str) -> str:
        return _simplemma_lemma(word.lower(), self.code)

    def possible_lemmas(self, word: str) -> frozenset[str]:
        return frozenset({self.lemma(word)})

    def preload(self) -> None:
        _simplemma_dictionaries().decode(self.code)
        super().preload()


@lru_cache(maxsize=200_000)
def _simplemma_lemma(word: str, language: str) -> str:
    try:
        return _simplemma().lemmatize(word, language).lower()
    except ValueError:  # a language simplemma does not have
        return word


class _ReadThenDecoded:
    """simplemma's dictionaries (a simplemma DictionaryFactory): each read in place at first
    (`StreamDictionaryFactory`: the German one in ~1 s, where decoding it into a dict takes ~3 s,
    each lookup ~15 µs), decoded once a language has been looked up as often as its dictionary has
    entries over `decode_after_every` (then a lookup is a dict's). A few releases pay a few lookups,
    a large corpus the decoding once. The same data either way: the lemmas do not change."""

    def __init__(self, languages: int, decode_after_every: int = 8):
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory, StreamDictionaryFactory

        self.decode_after_every = decode_after_every
        self._streamed = StreamDictionaryFactory(cache_max_size=languages)
        self._decoded = DefaultDictionaryFactory(cache_max_size=languages)
        self._lookups_left: dict[str, int] = {}

    def get_dictionary(self, lang: str) -> Any:
        left = self._lookups_left.get(lang)
        if left is None:
            left = len(self._streamed.get_dictionary(lang)) // self.decode_after_every
        if left <= 0:
            return self._decoded.get_dictionary(lang)
        self._lookups_left[lang] = left - 1
        return self._streamed.get_dictionary(lang)

    def decode(self, lang: str) -> None:
        """Decode `lang`'s dictionary now (a parent before forking: its workers share it)."""
        try:
            self._decoded.get_dictionary(lang)
        except ValueError:  # a language simplemma does not have
            return
        self._lookups_left[lang] = 0


@cache
def _simplemma_dictionaries() -> _ReadThenDecoded:
    """Keeping the dictionary of every pack loaded: simplemma's default keeps 8, and a run over more
    languages (or a parent preloading them for its workers) would drop and reload dictionaries."""
    return _ReadThenDecoded(languages=len(available()))


@cache
def _simplemma() -> Any:
    """simplemma's default lemmatiser over `_simplemma_dictionaries()`."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_simplemma_dictionaries()))


@dataclass(frozen=True)
class Boilerplate:
    """What must never reach a summary, as regular expressions matched case-insensitively
    (boilerplate.toml). Every pack's patterns apply to every release: a Polish release often
    carries an English "More information" line."""

    closing: tuple[str, ...] = ()
    """First line of the closing block (contacts, "about us"); "starts" patterns, anchored."""
    line_starts: tuple[str, ...] = ()
    """A line that starts with one of these is boilerplate wherever it stands."""
    line_contains: tuple[str, ...] = ()
    """A line that contains one of these anywhere is boilerplate."""
    phone_labels: tuple[str, ...] = ()
    """Words before a phone number ("tel", "phone"): a sentence with one is contact detail."""
    release_labels: tuple[str, ...] = ()
    """Names of the kind of document ("PRESS RELEASE") on a line above the headline (`lang.labels`)."""


class Language:
    """One language's knowledge. Subclass it in `lang/<code>/__init__.py`; the data folder is the
    subclass's package. Override a property to add behaviour the data cannot express (Polish
    morphology through Morfeusz)."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""  # English name, for messages ("German")
    uses_simplemma: ClassVar[bool] = False
    """Lemmas through simplemma; otherwise (and unless a subclass brings an analyser) none."""
    detect_rank: ClassVar[int | None] = None
    """Place among the languages the detect stage considers by default (lower first; an exact tie
    goes to the lower rank); None: a candidate only when configured."""

    def __init__(self) -> None:
        if not self.code:
            raise ValueError(f"{type(self).__qualname__} has no code")

    # --- where the data lives -------------------------------------------------------------------
    @cached_property
    def folder(self) -> Traversable:
        """The pack's data folder: the package its class is defined in."""
        return resources.files(type(self).__module__)

    def resource(self, name: str) -> Traversable | None:
        """A data file of this pack (path relative to the pack's folder), or None when absent."""
        found = self.folder.joinpath(*name.split("/"))
        return found if found.is_file() else None

    # --- readers: a missing file is an empty table, so a pack holds only what it knows ---------------
    def text(self, name: str) -> str:
        found = self.resource(name)
        return found.read_text("utf-8") if found is not None else ""

    def toml(self, name: str) -> dict[str, Any]:
        return tomllib.loads(self.text(name))

    def words(self, name: str) -> frozenset[str]:
        """A word list: whitespace-separated words, `#` starts a comment."""
        return frozenset(word for line in self.text(name).splitlines() for word in line.split("#", 1)[0].split())

    def lines(self, name: str) -> tuple[str, ...]:
        """One entry a line (entries may contain spaces), `#` lines and blank lines skipped."""
        return tuple(stripped for line in self.text(name).splitlines()
                     if (stripped := line.strip()) and not stripped.startswith("#"))

    def tsv(self, name: str) -> list[list[str]]:
        """Tab-separated rows, `#` lines and blank lines skipped."""
        rows = csv.reader(io.StringIO(self.text(name)), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in rows if row and any(row) and not row[0].startswith("#")]

    # --- what the pack holds, typed (lang/README.md lists the files) ----------------------------
    @cached_property
    def stopwords(self) -> frozenset[str]:
        """Function words that say nothing about a text's topic, lower case (stopwords.txt)."""
        return frozenset(word.lower() for word in self.words("stopwords.txt"))

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Abbreviations without their final full stop, as written and lower-cased (abbreviations.txt)."""
        written = self.words("abbreviations.txt")
        return written | {word.lower() for word in written}

    @cached_property
    def never_final(self) -> frozenset[str]:
        """Abbreviations that stand before a name or a number ("dr Nowak", "ul. Mickiewicza",
        "tel. 32 …"), lower case: a full stop after one never ends a sentence (never_final.txt)."""
        return frozenset(word.lower() for word in self.words("never_final.txt"))

    @cached_property
    def alphabet(self) -> frozenset[str] | None:
        """Letters beyond a–z (for Cyrillic: beyond those all Cyrillic alphabets share) that the
        orthography uses, lower case (alphabet.txt; may be empty, as English's). None without the
        file: the detector then never counts a letter against this language."""
        if self.resource("alphabet.txt") is None:
            return None
        return frozenset("".join(self.words("alphabet.txt")))

    @cached_property
    def dates(self) -> Lexicon | None:
        """Date words and grammar tables (dates.toml); None when the pack has none."""
        if self.resource("dates.toml") is None:
            return None
        # Imported here: the date grammar (pressnlp.lang.dates) asks the packs for their words.
        from pressnlp.lang.dates.lexicon import Lexicon

        return Lexicon.from_table(self.toml("dates.toml"))

    @cached_property
    def boilerplate(self) -> Boilerplate:
        """Patterns of lines a summary leaves out (boilerplate.toml)."""
        table = self.toml("boilerplate.toml")
        return Boilerplate(**{key: tuple(values) for key, values in table.items()})

    @cached_property
    def morphology(self) -> Morphology:
        """Lemmas of this language's words: simplemma's when `uses_simplemma`, else none."""
        return Simplemma(self.code) if self.uses_simplemma else Morphology()

    def preload(self) -> None:
        """Read every data file and load the lemmatiser now rather than on first use: a parent
        process does so before forking workers, which then share the pages."""
        for name in ("stopwords", "abbreviations", "never_final", "alphabet", "dates", "boilerplate"):
            getattr(self, name)
        self.morphology.preload()

    def __repr__(self) -> str:
        return f"<Language {self.code}>"


# --- finding packs -------------------------------------------------------------------------------

@cache
def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


@cache
def available() -> tuple[str, ...]:
    """Codes of every registered language pack, sorted."""
    return tuple(sorted(_entry_points()))


@cache
def get(code: str) -> Language:
    """The language pack for `code`, loaded on first use and cached for the process."""
    found = _entry_points().get(code)
    if found is None:
        raise UnknownLanguage(f"no language pack for '{code}'; available: {', '.join(available())}")
    pack_cls = found.load()
    if not (isinstance(pack_cls, type) and issubclass(pack_cls, Language)):
        raise TypeError(f"entry point '{code}' ({found.value}) is not a pressnlp Language subclass")
    pack = pack_cls()
    if pack.code != code:
        raise ValueError(f"entry point '{code}' ({found.value}) names a pack for '{pack.code}'")
    return pack


def find(code: str | None) -> Language | None:
    """The pack for `code`, or None for an unknown code, "und" or None (callers fall back)."""
    if not code or code == "und":
        return None
    try:
        return get(code)
    except UnknownLanguage:
        return None


def clear_cache() -> None:
    """Forget the registered packs and every loaded one: after installing a pack at run time
    (tests, notebooks). Tables built from all packs are keyed by `available()`, so they follow."""
    _entry_points.cache_clear()
    available.cache_clear()
    get.cache_clear()
