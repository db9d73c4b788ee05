"""Which words of a gist are Polish words left as they were, for `translation.untranslated`.

Found on the output rather than inside the composer, so that a translation from the memory is
marked the same way: a word of the English text that stands as written in its source sentence,
is no English word (simplemma's English word list) and is a Polish word (Morfeusz knows it, not
as a proper name; or it has letters only Polish uses). Names copied on purpose are not marked.
"""
from __future__ import annotations

import lzma
import re
from functools import cache

from pressnlp import lang
from pressnlp.lang.pl.morphology import analyse_pl

# An address: a word inside it ("gliwice.pl", "biuro@uwr.edu.pl") is no word left untranslated.
_ADDRESS = re.compile(r"\S*(?:@|://|www\.|[^\W\d_]\.[^\W\d_]{2})\S*")
# A word: letters, with inner hyphens ("biało-czerwony"); digits and placeholders are not words.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


ENGLISH_WORDS_FILE = "words.generated.txt.xz"
"""In the English pack: `english_words_from_simplemma()`, one a line under a header line, written by
scripts/build_lang_data.py. Reading it takes ~20 ms; decoding simplemma's dictionary took ~1 s."""


def english_words_from_simplemma() -> frozenset[str]:
    """Lower-cased English words: the forms and lemmas of simplemma's English dictionary."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("en")
    words: set[str] = set()
    for form, lemma in table.items():
        for word in (form, lemma):
            words.add((word.decode() if isinstance(word, bytes) else word).lower())
    return frozenset(words)


@cache
def english_words() -> frozenset[str]:
    """`english_words_from_simplemma()`, read from the English pack's generated file."""
    packed = lang.get("en").resource(ENGLISH_WORDS_FILE)
    if packed is None:
        raise FileNotFoundError(f"lang/en/{ENGLISH_WORDS_FILE} is missing: run scripts/build_lang_data.py")
    _header, *words = lzma.decompress(packed.read_bytes()).decode("utf-8").split("\n")
    return frozenset(words)


@cache
def is_polish_word(word: str) -> bool:
    """A Polish word that is no English word and no name ("dróg", "retencyjnych"; not "plan")."""
    lowered = word.lower()
    if lowered in english_words() or all(part in english_words() for part in lowered.split("-")):
        return False
    readings = analyse_pl(word) or analyse_pl(lowered)
    if readings:
        # a capitalised word Morfeusz knows as a name (its lemma capitalised) was kept on purpose
        return word.islower() or not any(reading.lemma[:1].isupper() for reading in readings)
    return bool(_POLISH_LETTERS & set(word)) and word.islower()


def _words(text: str) -> list[re.Match[str]]:
    """The words of a text outside e-mail and web addresses."""
    addresses = [match.span() for match in _ADDRESS.finditer(text)]
    return [match for match in WORD.finditer(text) if not any(start <= match.start() < end for start, end in addresses)]


def untranslated_spans(source: str, translation: str) -> list[tuple[int, int]]:
    """[start, end) of the words of `translation` left as written in `source` that are Polish."""
    source_words = {match.group() for match in WORD.finditer(source)}
    return [match.span() for match in _words(translation)
            if match.group() in source_words and is_polish_word(match.group())]


def lowercase_words(text: str) -> list[re.Match[str]]:
    """The lower-case words of a text outside addresses: what the untranslated rate counts."""
    return [match for match in _words(text) if match.group()[0].islower()]
