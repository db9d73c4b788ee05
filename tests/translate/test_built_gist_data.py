"""The gist translator's generated data (scripts/build_lang_data.py): the English word list it
checks its output against (lang/en/words.generated.txt.xz) and Morfeusz's analysis of the Polish
lexicon's terms (lang/pl/lexicon.generated.json). Fresh, equal to computing them, read without
the tools that compute them."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pressnlp import lang
from pressnlp.stages.translate.lexicon.untranslated import english_words, english_words_from_simplemma

pytest.importorskip("morfeusz2")

from pressnlp.stages.translate.lexicon.lexicon import (  # noqa: E402
    Lexicon,
    built_analysis,
    default_lexicon,
    read_entries,
)


def test_the_generated_list_is_simplemmas_english_dictionary():
    """Stale after a simplemma upgrade: run scripts/build_lang_data.py."""
    assert english_words() == english_words_from_simplemma()
    assert {"transport", "plan", "charity", "charities"} <= english_words()
    assert "dróg" not in english_words() and "" not in english_words()


def test_the_list_loads_without_simplemma():
    code = ("import sys\n"
            "from pressnlp.stages.translate.lexicon.untranslated import english_words\n"
            "assert 'housing' in english_words()\n"
            "print('simplemma' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_built_lexicon_is_the_one_morfeusz_gives():
    """Stale after an edit of lang/pl/lexicon/*.tsv: run scripts/build_lang_data.py."""
    files = lang.get("pl").gist_lexicon
    assert built_analysis(files) is not None, "run scripts/build_lang_data.py"
    analysed_now = Lexicon(entry for text in files.values() for entry in read_entries(text, "pressnlp"))
    built = default_lexicon()
    assert built.single == analysed_now.single and built.terms == analysed_now.terms
    term = next(term for term in built.terms["odnawialny"] if term.entry.polish == "odnawialne źródła energii")
    assert term.forms == ("odnawialne", "źródła", "energii") and "źródło" in term.words[1]


def test_the_analysis_of_other_lexicon_files_is_not_used():
    files = lang.get("pl").gist_lexicon
    edited = {**files, "extra.tsv": "zielony ład\tGreen Deal\tname\n"}
    assert built_analysis(edited) is None
