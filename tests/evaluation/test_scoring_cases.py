"""More hand-made scorer cases: aliases in both directions, diacritics and ł in names, URL and
phone variants, dates that gold leaves unresolved, ROUGE on non-ASCII words, and chrF/BLEU
reported per translation backend."""
from __future__ import annotations

import pytest

from pressnlp.evaluation.scoring import rouge, score, score_field


def _counts(detail):
    return detail.score.tp, detail.score.fp, detail.score.fn


def test_predicted_english_name_matches_a_gold_alias():
    gold = [{"name": "Górnośląsko-Zagłębiowska Metropolia", "aliases": ["GZM", "Upper Silesian-Zagłębie Metropolis"]}]
    predicted = [{"name": "Metropolia", "name_en": "Upper Silesian–Zaglebie metropolis", "aliases": []}]
    assert _counts(score_field("partners", predicted, gold)) == (1, 0, 0)


def test_predicted_alias_matches_the_gold_name():
    gold = [{"name": "NCBR", "aliases": []}]
    predicted = [{"name": "Narodowe Centrum Badań i Rozwoju", "aliases": ["NCBR"]}]
    assert _counts(score_field("partners", predicted, gold)) == (1, 0, 0)


def test_gold_name_en_is_not_a_matching_name():
    # A gold partner's names are its name and aliases only (SPEC 3); a stray name_en is ignored.
    gold = [{"name": "Urząd Miasta Łodzi", "aliases": [], "name_en": "Lodz City Hall"}]
    predicted = [{"name": "Lodz City Hall", "aliases": []}]
    assert _counts(score_field("partners", predicted, gold)) == (0, 1, 1)


@pytest.mark.parametrize("written", ["Urzad Miasta Lodzi", "URZĄD MIASTA ŁODZI", "urząd  miasta łodzi.",
                                     "Urząd Miasta Łodzi"])
def test_partner_names_match_without_diacritics_case_or_punctuation(written):
    gold = [{"name": "Urząd Miasta Łodzi", "aliases": []}]
    assert _counts(score_field("partners", [{"name": written, "aliases": []}], gold)) == (1, 0, 0)


@pytest.mark.parametrize(("predicted", "matches"), [
    ("http://www.tul.cz/recyklace-baterii/", True),
    ("HTTPS://TUL.cz/Recyklace-Baterii", True),
    ("tul.cz/recyklace-baterii", True),
    ("www.tul.cz/recyklace-baterii/dalsi", False),
    ("ftp.tul.cz/recyklace-baterii", False),
])
def test_url_keys(predicted, matches):
    gold = [{"kind": "url", "value": "www.tul.cz/recyklace-baterii"}]
    detail = score_field("contacts", [{"kind": "url", "value": predicted}], gold)
    assert _counts(detail) == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(("predicted", "matches"), [
    ("+48 (32) 728-46-00", True),
    ("+48.32.728.46.00", True),
    ("+48327284600", True),
    ("32 728 46 00", False),  # no country code: the scorer wants E.164 from the extractor
    ("+48 32 728 46 01", False),
])
def test_phone_keys(predicted, matches):
    gold = [{"kind": "phone", "value": "+48327284600"}]
    detail = score_field("contacts", [{"kind": "phone", "value": predicted}], gold)
    assert _counts(detail) == ((1, 0, 0) if matches else (0, 1, 1))


def test_contacts_of_another_kind_never_match():
    gold = [{"kind": "email", "value": "kamila.okon@gzm.org.pl"}]
    predicted = [{"kind": "url", "value": "kamila.okon@gzm.org.pl"}, {"kind": "person", "value": "Kamila Okoń"}]
    assert _counts(score_field("contacts", predicted, gold)) == (0, 2, 1)


def test_person_names_match_without_diacritics():
    gold = [{"kind": "person", "value": "Łukasz Żółtowski"}]
    detail = score_field("contacts", [{"kind": "person", "value": "LUKASZ ZOLTOWSKI"}], gold)
    assert _counts(detail) == (1, 0, 0)


def test_a_document_whose_gold_dates_are_all_unresolved_scores_nothing():
    gold = [{"text": "wiosną", "value": None}, {"text": "wkrótce", "value": None}]
    detail = score_field("dates", [], gold)
    assert _counts(detail) == (0, 0, 0)
    assert detail.missed == []


def test_a_resolved_prediction_against_unresolved_gold_is_spurious():
    gold = [{"text": "wiosną", "value": None}]
    predicted = [{"text": "wiosną", "value": "2024-03/2024-05", "start": 0, "end": 6}]
    detail = score_field("dates", predicted, gold)
    assert _counts(detail) == (0, 1, 0)
    assert detail.spurious == predicted


def test_date_intervals_match_only_exactly():
    gold = [{"text": "w dniach 12–14 czerwca 2024 r.", "value": "2024-06-12/2024-06-14"},
            {"text": "do grudnia 2023 r.", "value": "/2023-12"}]
    predicted = [{"value": "2024-06-12/2024-06-14"}, {"value": "2023-12"}]
    detail = score_field("dates", predicted, gold)
    assert _counts(detail) == (1, 1, 1)
    assert detail.missed == [gold[1]]


def test_rouge_keeps_non_ascii_words_whole():
    # rouge-score's default tokenizer would cut "Górnośląsko" into "g rno l sko" and match pieces.
    scores = rouge("Górnośląsko Zagłębiowska", "Gornoslasko Zaglebiowska")
    assert scores["rouge1"] == 0.0
    assert rouge("Metropolia GZM", "metropolia gzm")["rougeL"] == pytest.approx(1.0)


def test_english_source_summary_text_is_scored_and_other_sources_need_en():
    gold = [{"id": "en", "language": "en", "facts": {}, "summary_en": "The city opens a lab."},
            {"id": "pl", "language": "pl", "facts": {}, "summary_en": "The city opens a lab."}]
    records = [{"id": "en", "language": {"code": "en"}, "summary": {"text": "The city opens a lab.", "en": None}},
               {"id": "pl", "language": {"code": "pl"}, "summary": {"text": "The city opens a lab.", "en": None}}]
    report = score(records, gold)
    assert report.documents[0]["summary"]["rouge1"] == pytest.approx(1.0)
    assert report.documents[1]["summary"]["rouge1"] == 0.0
    assert report.summary["rouge1"] == pytest.approx(0.5)


def test_translation_is_scored_per_backend():
    reference = "The metropolis will install solar panels on forty public buildings."
    gold = [{"id": str(i), "language": "pl", "facts": {}, "translation_en": reference} for i in range(3)]
    records = [
        {"id": "0", "translation": {"backend": "marian:opus-mt-pl-en", "text": reference}},
        {"id": "1", "translation": {"backend": "lexicon:gist",
                                    "text": "metropolis install panel solar forty building"}},
        {"id": "2", "translation": None},
    ]
    translation = score(records, gold).translation
    backends = translation["backends"]
    assert set(backends) == {"marian:opus-mt-pl-en", "lexicon:gist", "none"}
    assert backends["marian:opus-mt-pl-en"]["chrf"] == pytest.approx(100.0)
    assert backends["marian:opus-mt-pl-en"]["bleu"] == pytest.approx(100.0)
    assert 0 < backends["lexicon:gist"]["chrf"] < 100
    assert backends["none"]["chrf"] == 0.0
    assert translation["documents"] == 3
    assert backends["marian:opus-mt-pl-en"]["chrf"] > translation["chrf"] > backends["none"]["chrf"]
