"""Stage `summarize` on hand-made releases: selection, alignment to English, limits (issue 6)."""
from __future__ import annotations

import pytest

from pressnlp.stages.summarize import SummarizeOptions, SummarizeStage
from pressnlp.stages.summarize.boilerplate import is_date_line, word_count
from pressnlp.stages.summarize.candidates import candidate_sentences
from pressnlp.stages.summarize.rank import lemma_terms

POLISH_RELEASE = "\n\n".join([
    "Metropolia kupi czterdzieści autobusów wodorowych",
    "Katowice, 5 kwietnia 2024 r.",
    "Górnośląsko-Zagłębiowska Metropolia podpisała umowę na dostawę czterdziestu autobusów wodorowych "
    "dla linii metropolitalnych. Pojazdy wyjadą na ulice w 2025 r.",
    "Autobusy będą tankowane w nowej stacji w Gliwicach, którą buduje spółka miejska. Stacja ma "
    "kosztować 60 mln zł i zostanie otwarta jesienią.",
    "Więcej informacji o projekcie znajduje się na stronie www.metropoliagzm.pl/wodor.",
    "Kontakt dla mediów:\nKamila Okoń\ntel. 32 728 46 00\ne-mail: media@metropoliagzm.pl",
])

# A hand-made English translation and its alignment: sentence 1 of the body was translated in two
# clause segments, the others in one each.
ENGLISH_TRANSLATION = (
    "The metropolis will buy forty hydrogen buses\n\n"
    "Katowice, 5 April 2024\n\n"
    "The Upper Silesian-Zagłębie Metropolis has signed a contract, for the delivery of forty hydrogen "
    "buses for metropolitan lines. The vehicles will hit the streets in 2025.\n\n"
    "The buses will be refuelled at a new station in Gliwice, built by a municipal company. The station "
    "is to cost PLN 60 million and will open in the autumn."
)


def sentence_span(text: str, sentence: str) -> list[int]:
    start = text.index(sentence)
    return [start, start + len(sentence)]


def polish_translation() -> dict:
    source, target = POLISH_RELEASE, ENGLISH_TRANSLATION
    first = "Górnośląsko-Zagłębiowska Metropolia podpisała umowę na dostawę czterdziestu autobusów wodorowych " \
            "dla linii metropolitalnych."
    split_at = source.index("na dostawę")
    pairs = [
        (sentence_span(source, "Metropolia kupi czterdzieści autobusów wodorowych"),
         sentence_span(target, "The metropolis will buy forty hydrogen buses")),
        (sentence_span(source, "Katowice, 5 kwietnia 2024 r."), sentence_span(target, "Katowice, 5 April 2024")),
        ([source.index(first), split_at - 1],
         sentence_span(target, "The Upper Silesian-Zagłębie Metropolis has signed a contract,")),
        ([split_at, source.index(first) + len(first)],
         sentence_span(target, "for the delivery of forty hydrogen buses for metropolitan lines.")),
        (sentence_span(source, "Pojazdy wyjadą na ulice w 2025 r."),
         sentence_span(target, "The vehicles will hit the streets in 2025.")),
        (sentence_span(source, "Autobusy będą tankowane w nowej stacji w Gliwicach, którą buduje spółka miejska."),
         sentence_span(target, "The buses will be refuelled at a new station in Gliwice, "
                               "built by a municipal company.")),
        (sentence_span(source, "Stacja ma kosztować 60 mln zł i zostanie otwarta jesienią."),
         sentence_span(target, "The station is to cost PLN 60 million and will open in the autumn.")),
    ]
    return {"source_language": "pl", "target_language": "en", "backend": "hand-made", "title": None,
            "text": target, "segments": [{"source": s, "target": t} for s, t in pairs]}


def polish_record(translation: dict | None = None) -> dict:
    return {"id": "gzm", "text": POLISH_RELEASE, "title": "Metropolia kupi czterdzieści autobusów wodorowych",
            "language": {"code": "pl", "confidence": 1.0, "detector": "test", "segments": []},
            "translation": translation}


def summarize(record: dict, **options) -> dict:
    return SummarizeStage(SummarizeOptions(**options)).process(record)["summary"]


@pytest.mark.parametrize("method", ["textrank", "lead"])
def test_en_is_exactly_the_aligned_translation_of_the_selected_sentences(method):
    translation = polish_translation()
    summary = summarize(polish_record(translation), method=method, max_sentences=3, max_words=200)
    english_of = {POLISH_RELEASE[s["source"][0]:s["source"][1]]: ENGLISH_TRANSLATION[s["target"][0]:s["target"][1]]
                  for s in translation["segments"]}
    chosen = [source for source in english_of if source in summary["text"]]
    assert summary["method"] == method
    assert summary["text"] == " ".join(chosen)
    assert summary["en"] == " ".join(english_of[source] for source in chosen)
    assert "Katowice" not in summary["en"] and "Metropolis will buy" not in summary["en"]


def test_lead_takes_the_first_body_sentences_after_title_and_dateline():
    summary = summarize(polish_record(polish_translation()), method="lead", max_sentences=2)
    assert summary["text"] == ("Górnośląsko-Zagłębiowska Metropolia podpisała umowę na dostawę czterdziestu "
                               "autobusów wodorowych dla linii metropolitalnych. Pojazdy wyjadą na ulice w 2025 r.")
    assert summary["en"] == ("The Upper Silesian-Zagłębie Metropolis has signed a contract, for the delivery of "
                             "forty hydrogen buses for metropolitan lines. The vehicles will hit the streets in 2025.")


def test_en_is_null_without_translation_and_equal_to_text_for_english():
    assert summarize(polish_record(None))["en"] is None
    english = {"text": ENGLISH_TRANSLATION, "title": None, "translation": None,
               "language": {"code": "en", "confidence": 1.0, "detector": "test", "segments": []}}
    summary = summarize(english)
    assert summary["text"] and summary["en"] == summary["text"]


def test_boilerplate_is_never_a_candidate():
    texts = [sentence.text for sentence in candidate_sentences(POLISH_RELEASE, "pl", None)]
    assert texts == [
        "Górnośląsko-Zagłębiowska Metropolia podpisała umowę na dostawę czterdziestu autobusów wodorowych "
        "dla linii metropolitalnych.",
        "Pojazdy wyjadą na ulice w 2025 r.",
        "Autobusy będą tankowane w nowej stacji w Gliwicach, którą buduje spółka miejska.",
        "Stacja ma kosztować 60 mln zł i zostanie otwarta jesienią.",
    ]


@pytest.mark.parametrize(("line", "language", "expected"), [
    ("Katowice, 5 kwietnia 2024 r.", "pl", True),
    ("Edinburgh, 6 February 2024", "en", True),
    ("Liberec, 9. dubna 2024", "cs", True),
    ("2024-04-05", "pl", True),
    ("Pojazdy wyjadą na ulice w 2025 r.", "pl", False),
    ("Research work starts on 1 March 2024.", "en", False),
])
def test_date_lines(line, language, expected):
    assert is_date_line(line, language) is expected


@pytest.mark.parametrize(("max_sentences", "max_words"), [(1, 80), (2, 25), (3, 40), (2, 5)])
@pytest.mark.parametrize("method", ["textrank", "lead"])
def test_length_limits_hold(method, max_sentences, max_words):
    summary = summarize(polish_record(polish_translation()), method=method, max_sentences=max_sentences,
                        max_words=max_words)
    assert 0 < word_count(summary["text"]) <= max_words
    assert word_count(summary["en"]) <= max_words
    sentences = [s for s in candidate_sentences(POLISH_RELEASE, "pl", None) if s.text in summary["text"]]
    assert len(sentences) <= max_sentences
    if max_words == 5:  # no sentence fits: the best one is cut, visibly
        assert summary["text"].endswith("…") and summary["en"].endswith("…")


def test_redundant_sentences_are_not_selected_together():
    text = "\n\n".join([
        "Nowa linia tramwajowa w Gliwicach",
        "Miasto Gliwice zbuduje nową linię tramwajową do dzielnicy Sikornik za 300 mln zł.",
        "Gliwice zbudują nową linię tramwajową do dzielnicy Sikornik, która będzie kosztować 300 mln zł.",
        "Pierwsze tramwaje pojadą po nowych torach w grudniu 2026 r. z centrum do pętli przy szpitalu.",
        "Na trasie powstanie osiem przystanków i dwa parkingi dla rowerów przy pętli końcowej.",
    ])
    record = {"text": text, "title": None, "translation": None,
              "language": {"code": "pl", "confidence": 1.0, "detector": "test", "segments": []}}
    lead = summarize(dict(record), method="lead")["text"]
    ranked = summarize(dict(record), method="textrank")["text"]
    assert "Miasto Gliwice zbuduje" in lead and "Gliwice zbudują" in lead
    assert ("Miasto Gliwice zbuduje" in ranked) != ("Gliwice zbudują" in ranked)


def test_polish_inflected_forms_share_lemmas():
    assert lemma_terms("z Metropolią", "pl") == lemma_terms("Metropolii", "pl") == {"metropolia": 1.0}
    assert lemma_terms("autobusów wodorowych", "pl") == {"autobus": 1.0, "wodorowy": 1.0}
    # Ambiguous forms share their lemmas: "nową" and "nowych" both count for "nowy".
    assert lemma_terms("nową", "pl")["nowy"] > 0 and lemma_terms("nowych", "pl")["nowy"] > 0
    assert not lemma_terms("i oraz że się będzie", "pl")


def test_same_input_same_summary():
    first = [summarize(polish_record(polish_translation()), method=m) for m in ("textrank", "lead")]
    again = [summarize(polish_record(polish_translation()), method=m) for m in ("textrank", "lead")]
    assert first == again
