"""The lexicon backend end to end: sentences in, English gist out; the stage; a real release."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.stages.translate.base import BackendUnavailable, TranslatorSettings, create_translator  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_multi_word_terms_in_any_case(gist):
    assert "Marshal's Office" in gist("Wniosek złożono w Urzędzie Marszałkowskim.")
    assert "renewable energy sources" in gist("Rozwijamy odnawialne źródła energii.")
    assert "renewable energy sources" in gist("Inwestujemy w rozwój odnawialnych źródeł energii.")
    assert "local government" in gist("Samorząd terytorialny ma nowe zadania.")
    assert "Ltd." in gist("Umowę podpisała spółka Rail Sp. z o.o. z Sanoka.")
    assert "under" in gist("Projekt powstał w ramach programu.")


def test_postposed_adjective_goes_before_the_noun(gist):
    assert "municipal buses" in gist("Kupiliśmy autobusy miejskie.")
    assert "Silesian Theatre" in gist("Spektakl pokaże Teatr Śląski.")
    # an adjective before its own noun stays where it is
    assert "announced new principles" in gist("Firma ogłosiła nowe zasady.")


def test_genitive_becomes_of(gist):
    assert "development of the city" in gist("Rozwój miasta jest ważny.").lower()


def test_plural_nouns_and_agreement(gist):
    assert "new electric buses" in gist("Kupiliśmy nowe autobusy elektryczne.")
    assert "children" in gist("Dzieci odwiedziły muzeum.").lower()
    assert "14 photovoltaic installations" in gist("Powstanie 14 instalacji fotowoltaicznych.")


def test_verb_person_tense_and_negation(gist):
    assert "announces" in gist("Urząd ogłasza konkurs.")
    assert "announced" in gist("Urząd ogłosił konkurs.")
    assert "will announce" in gist("Urząd ogłosi konkurs.")
    assert "does not announce" in gist("Urząd nie ogłasza konkursu.")
    assert "did not announce" in gist("Urząd nie ogłosił konkursu.")
    assert gist("Zorganizowaliśmy warsztaty.").startswith("We organised")
    assert "was implemented" in gist("Projekt został zrealizowany w 2023 r.")
    assert "will take place" in gist("Konferencja odbędzie się w Katowicach.")  # "się" taken in


def test_dates_and_numbers_copied(gist):
    text = gist("Umowę podpisano 5 listopada 2021 r. na kwotę 12,5 mln zł.")
    assert "5 November 2021" in text and "12,5" in text and "million" in text
    assert "year" not in text  # "r." after a year says nothing in English


def test_placeholders_and_unknown_words_copied_verbatim(gist):
    sentence = "Napisz na XZ0 lub zadzwoń pod XZ 1, pyta Brzęczyszczykiewicz o Qwrtzyx."
    text = gist(sentence)
    for kept in ("XZ0", "XZ 1", "Brzęczyszczykiewicz", "Qwrtzyx"):
        assert kept in text
    assert "XZ0 or" in text  # and the words around the placeholder are translated


def test_names_of_people_kept_in_the_nominative(gist):
    text = gist("Rozmawialiśmy z Konradem Lisem i Iwoną Dziedzic.")
    assert "Konrad Lis" in text and "Iwona Dziedzic" in text


def test_punctuation_and_capitals_kept(gist):
    text = gist("„To ważny dzień” – powiedział prezydent miasta.")
    assert text.startswith('"This is')
    assert '" –' in text and text.endswith(".")


def test_batch_keeps_order_and_length(translator):
    sentences = ["Miasto.", "", "Urząd ogłosił konkurs.", "XZ3"]
    out = translator.translate_batch(sentences)
    assert len(out) == 4 and out[1] == "" and out[3] == "XZ3" and "announced" in out[2]


def test_backend_is_labelled_as_a_gist(translator):
    assert translator.backend_id.startswith("lexicon:pressnlp-pl-en/")
    description = translator.describe()
    assert "gist" in description["kind"] and description["lexicon"]["lemmas"] >= 3000


def test_other_language_pairs_are_refused():
    with pytest.raises(BackendUnavailable):
        create_translator("lexicon", "de", "en", TranslatorSettings())


def test_through_the_translate_stage_with_protected_spans():
    from pressnlp.core.pipeline import Pipeline

    pipeline = Pipeline.from_config({
        "pipeline": {"stages": ["read", "detect", "translate"]},
        "stages": {"translate": {"backend": "lexicon", "memory": False,
                                 "backend_options": {"lexicon": {"freedict": False}}}},
    })
    text = ("Miasto ogłasza nabór wniosków\n\nUrząd Miasta Gliwice ogłosił nabór wniosków w ramach "
            "programu. Informacje: nabor@gliwice.eu, tel. 32 239 11 00.\n\nZapraszamy do udziału.")
    record = pipeline.process_text(text, id="pl/test.txt")
    translation = record["translation"]
    assert translation["backend"].startswith("lexicon:")
    assert "nabor@gliwice.eu" in translation["text"]
    assert translation["text"].count("\n\n") == text.count("\n\n")  # paragraphs kept
    assert "call for applications" in translation["text"]


def test_coverage_on_real_corpus_releases(translator):
    """At least 90% of content tokens of the Polish releases are translated by our own lexicon."""
    from pressnlp import Pipeline
    from pressnlp.lang.segment import split_sentences

    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    releases = [g["id"] for g in gold if g.get("language") == "pl" and g["id"].endswith(".txt")]
    if not releases:
        pytest.skip("no Polish .txt releases in corpus/")
    reader = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
    known = total = 0
    for release in releases:
        text = reader.process_file(CORPUS / release, id=release)["text"]
        for start, end in split_sentences(text, "pl"):
            k, t = translator.composer.coverage(text[start:end])
            known, total = known + k, total + t
    assert total > 1000
    assert known / total >= 0.90, f"coverage {known / total:.1%} of {total} content tokens"


def test_undecodable_characters_are_copied_as_unknown_words(gist, capfd):
    out = gist("Gmina ogłosiła nab\ufffdr wniosków.")
    assert "\ufffd" in out and "announced" in out
    assert "invalid utf8" not in capfd.readouterr().err
