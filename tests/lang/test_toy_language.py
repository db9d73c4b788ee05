"""Adding a language is adding a pack: a package with a `Language` subclass and data files, registered
under the `pressnlp.languages` entry points. Here a toy language ("xx", an Esperanto look-alike) is
installed the way pip would install it, into a temporary folder, and the stages use its words."""
from __future__ import annotations

import textwrap

import pytest

from pressnlp import lang
from pressnlp.lang.dates import find_release_date
from pressnlp.lang.segment import split_sentences
from pressnlp.stages.extract import ExtractStage
from pressnlp.stages.summarize import SummarizeStage
from pressnlp.stages.summarize.candidates import candidate_sentences
from pressnlp.stages.summarize.rank import lemma_terms

FILES = {
    "__init__.py": '''
        from pressnlp.lang import Language


        class Toy(Language):
            code = "xx"
            name = "Toy"
        ''',
    "stopwords.txt": "# function words\nla kaj en de al\n",
    "abbreviations.txt": "mlnq\n",
    "dates.toml": '''
        language = "xx"

        [months]
        1 = ["unuo"]
        2 = ["duo"]
        3 = ["trio"]
        4 = ["kvaro"]
        5 = ["kvino"]
        6 = ["seso"]
        7 = ["sepo"]
        8 = ["oko"]
        9 = ["nauo"]
        10 = ["deko"]
        11 = ["dekunuo"]
        12 = ["dekduo"]

        [weekdays]
        1 = ["lundo"]
        2 = ["mardo"]
        3 = ["merkredo"]
        4 = ["jaudo"]
        5 = ["vendredo"]
        6 = ["sabato"]
        7 = ["dimanco"]
        ''',
    "boilerplate.toml": 'closing = ["demandoj al"]\n',
}

TITLE = "La urbo malfermas novan parkon"
RELEASE = ("La urbo malfermas novan parkon\n\n"
           "Publikigita: 14 trio 2024\n\n"
           "La urbo malfermos la novan parkon la 20 kvaro 2024 kaj la laboroj kostos 5 mlnq. 10 firmaoj helpos "
           "en la konstruado de la parko.\n\n"
           "Demandoj al la urbo\nJan Kowalski respondas al demandoj pri la nova parko kaj ĝiaj laboroj ĉiutage.")


@pytest.fixture
def toy_language(tmp_path, monkeypatch):
    """The toy pack, installed into a folder on sys.path; the pack cache is cleared before and after."""
    package = tmp_path / "toylang"
    package.mkdir()
    for name, text in FILES.items():
        (package / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    info = tmp_path / "toylang-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toylang\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[pressnlp.languages]\nxx = toylang:Toy\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    lang.clear_cache()
    yield lang.get("xx")
    lang.clear_cache()


def test_the_pack_is_found_and_its_files_are_read(toy_language):
    assert "xx" in lang.available()
    assert type(toy_language).__module__ == "toylang" and toy_language.name == "Toy"
    assert toy_language.stopwords == {"la", "kaj", "en", "de", "al"}
    assert toy_language.dates.month("trio") == 3


def test_its_abbreviations_keep_a_sentence_together(toy_language):
    text = "La laboroj kostos 5 mlnq. 10 firmaoj helpos."
    assert [text[a:b] for a, b in split_sentences(text, "xx")] == [text]


def test_the_reader_finds_the_release_date_in_its_words(toy_language):
    found = find_release_date(RELEASE)
    assert found is not None and found[0] == "2024-03-14"
    assert RELEASE[slice(*found[1])] == "14 trio 2024"


def test_the_extract_stage_reads_its_dates(toy_language):
    record = {"id": "toy", "text": RELEASE, "title": TITLE, "date": "2024-03-14",
              "language": {"code": "xx", "confidence": 1.0, "detector": "test", "segments": []}}
    facts = ExtractStage().process(record)["facts"]
    assert [(date["text"], date["value"]) for date in facts["dates"]] == [("20 kvaro 2024", "2024-04-20")]


def test_the_summarize_stage_uses_its_stopwords_abbreviations_and_boilerplate(toy_language):
    assert set(lemma_terms("La urbo kaj la parko", "xx")) == {"urbo", "parko"}
    body = RELEASE.split("\n\n")[2]
    # One candidate sentence (the pack's "mlnq." does not end it); the closing block is left out.
    assert [sentence.text for sentence in candidate_sentences(RELEASE, "xx", TITLE)] == [body]
    record = {"id": "toy", "text": RELEASE, "title": TITLE,
              "language": {"code": "xx", "confidence": 1.0, "detector": "test", "segments": []}}
    assert SummarizeStage().process(record)["summary"]["text"] == body


def test_without_the_pack_the_toy_words_mean_nothing():
    assert "xx" not in lang.available()
    assert find_release_date(RELEASE) is None
    assert set(lemma_terms("La urbo kaj la parko", "xx")) == {"la", "urbo", "kaj", "parko"}
    candidates = [sentence.text for sentence in candidate_sentences(RELEASE, "xx", TITLE)]
    assert len(candidates) == 3 and candidates[-1].startswith("Jan Kowalski")
