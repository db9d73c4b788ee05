"""The English word list the gist checks its output against is generated data
(scripts/build_lang_data.py, lang/en/words.generated.txt.xz): fresh, and read without simplemma."""
from __future__ import annotations

import subprocess
import sys

from pressnlp.stages.translate.lexicon.untranslated import english_words, english_words_from_simplemma


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
