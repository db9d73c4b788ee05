"""Words a gist leaves in Polish: found, put into `translation.untranslated`, nothing else marked."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.core.pipeline import Pipeline  # noqa: E402
from pressnlp.schema import record_problems  # noqa: E402
from pressnlp.stages.translate.lexicon.untranslated import (  # noqa: E402
    is_polish_word,
    lowercase_words,
    untranslated_spans,
)


def test_polish_words_not_english_words_nor_names():
    assert is_polish_word("dróg") and is_polish_word("wniosków")
    assert not is_polish_word("plan") and not is_polish_word("transport")  # English as well
    assert not is_polish_word("Warszawa")  # a name, copied on purpose
    assert is_polish_word("źdźbłownice")  # unknown to Morfeusz, but only Polish has such letters


def test_spans_only_of_words_copied_from_the_source():
    source = "Remont dróg w Gliwicach, kontakt: drogi@gliwice.pl."
    translation = "Repair of dróg in Gliwice, contact: drogi@gliwice.pl."
    assert [translation[s:e] for s, e in untranslated_spans(source, translation)] == ["dróg"]
    # "dróg" is not in this source: a word the translation made up is not "left in Polish"
    assert untranslated_spans("Remont ulic.", translation) == []
    # the rate counts lower-case words outside addresses: "of", "dróg", "in", "contact"
    assert [word.group() for word in lowercase_words(translation)] == ["of", "dróg", "in", "contact"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config({
        "pipeline": {"stages": ["read", "detect", "translate"]},
        "stages": {"translate": {"backend": "lexicon", "memory": False}},
    })


def test_stage_marks_what_the_gist_left(pipeline):
    text = ("Gmina kupi nowe źdźbłownice dla szkół.\n\nWnioski można składać w urzędzie miasta do końca "
            "maja. Kontakt: biuro@example.pl.")
    record = pipeline.process_text(text, id="pl/untranslated.txt")
    assert record_problems(record) == []
    translation = record["translation"]
    marked = [translation["text"][start:end] for start, end in translation["untranslated"]]
    assert marked == ["źdźbłownice"]


def test_stage_leaves_the_field_out_when_all_is_translated(pipeline):
    record = pipeline.process_text("Miasto buduje nowe drogi.\n\nZapraszamy mieszkańców.", id="pl/all.txt")
    assert "untranslated" not in record["translation"]
