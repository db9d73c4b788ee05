"""The scorer of SPEC.md section 3 on hand-made records whose figures are worked out by hand."""
from __future__ import annotations

import pytest

from pressnlp.evaluation.scoring import contact_key, match_pairs, rouge, score, score_canonical_names, score_field


@pytest.mark.parametrize(("contact", "key"), [
    ({"kind": "email", "value": "Info-NA@IURC.eu"}, ("email", "info-na@iurc.eu")),
    ({"kind": "phone", "value": "+48 32 728 46 00"}, ("phone", "48327284600")),
    ({"kind": "url", "value": "https://www.GZM.org.pl/"}, ("url", "gzm.org.pl")),
    ({"kind": "url", "value": "iurc.eu/na/"}, ("url", "iurc.eu/na")),
    ({"kind": "person", "value": "Kamila  Okoń"}, ("person", "kamila okon")),
    ({"kind": "fax", "value": "1"}, None),
    ({"kind": "email", "value": ""}, None),
])
def test_contact_keys(contact, key):
    assert contact_key(contact) == key


def test_partner_matches_through_any_name_and_each_gold_item_once():
    gold = [{"name": "Górnośląsko-Zagłębiowska Metropolia", "aliases": ["GZM"]},
            {"name": "Metropolia Kansas City", "aliases": []}]
    predicted = [
        {"name": "GZM", "name_en": None, "aliases": []},                      # alias of gold 0
        {"name": "Górnośląsko-Zagłębiowska Metropolia", "aliases": ["GZM"]},  # gold 0 again
        {"name": "Metropolii Kansas City", "name_en": "Kansas City Metropolis", "aliases": []},
    ]
    detail = score_field("partners", predicted, gold)
    assert (detail.score.tp, detail.score.fp, detail.score.fn) == (1, 2, 1)
    assert detail.missed == [gold[1]]


def test_matching_is_maximal_not_greedy():
    # Prediction 0 could take gold 0 or 1; prediction 1 only gold 0. Greedy would give 1 pair.
    pairs = match_pairs([{"a", "b"}, {"a"}], [{"a"}, {"b"}], lambda p, g: bool(p & g))
    assert pairs == [(0, 1), (1, 0)]


def test_dates_without_value_are_not_scored_and_duplicates_count_once():
    gold = [{"text": "w 2023 roku", "value": "2023"}, {"text": "wiosną", "value": None}]
    predicted = [{"text": "w 2023 roku", "value": "2023"}, {"text": "2023", "value": "2023"},
                 {"text": "latem", "value": None}]
    detail = score_field("dates", predicted, gold)
    assert (detail.score.tp, detail.score.fp, detail.score.fn) == (1, 1, 0)


def test_corpus_score_is_micro_averaged_with_missing_records():
    gold = [
        {"id": "a", "language": "pl", "facts": {"partners": [], "dates": [], "themes": ["energy", "mobility"],
                                                "contacts": [{"kind": "phone", "value": "+48327284600"}]}},
        {"id": "b", "language": "en", "facts": {"partners": [], "dates": [], "themes": ["digital"],
                                                "contacts": []}},
    ]
    records = [
        {"id": "a", "language": {"code": "pl"},
         "facts": {"partners": [], "dates": [],
                   "themes": [{"id": "energy", "label": "", "score": 1.0, "evidence": []},
                              {"id": "digital", "label": "", "score": 0.5, "evidence": []}],
                   "contacts": [{"kind": "phone", "value": "+48 32 728 46 00"},
                                {"kind": "email", "value": "x@y.pl"}]}},
        {"id": "extra", "facts": None},
    ]
    report = score(records, gold)
    themes = report.fields["themes"]
    assert (themes.tp, themes.fp, themes.fn) == (1, 1, 2)
    assert themes.precision == pytest.approx(0.5)
    assert themes.recall == pytest.approx(1 / 3)
    assert themes.f1 == pytest.approx(0.4)
    contacts = report.fields["contacts"]
    assert (contacts.tp, contacts.fp, contacts.fn) == (1, 1, 0)
    assert report.language["accuracy"] == 0.5
    assert report.unscored_ids == ["extra"]
    assert report.documents[1]["found"] is False
    assert report.documents[1]["themes"]["missed"] == ["digital"]
    # per gold language: "a" is Polish, "b" (no record) English
    assert {language: (s["themes"].tp, s["themes"].fp, s["themes"].fn)
            for language, s in report.by_language.items()} == {"en": (0, 0, 1), "pl": (1, 1, 1)}
    assert report.language_documents() == {"pl": 1, "en": 1}
    unlabelled = score(records, [{**gold[0], "language": None}], text_metrics=False)
    assert list(unlabelled.by_language) == ["und"] and unlabelled.language_documents() == {"und": 1}


GOLD_PARTNERS = [
    {"name": "Urząd Marszałkowski Województwa Śląskiego", "aliases": ["UMWS", "Silesian Marshal's Office"]},
    {"name": "Politechnika Śląska", "aliases": ["Silesian University of Technology"]}]


@pytest.mark.parametrize(("predicted", "partners", "canonical"), [
    # the name itself is the gold name, or one of the gold organisation's names (its acronym, its English name)
    ({"name": "Urząd Marszałkowski Województwa Śląskiego", "aliases": []}, 1, 1),
    ({"name": "UMWS", "aliases": []}, 1, 1),
    ({"name": "Silesian Marshal's Office", "aliases": []}, 1, 1),
    ({"name": "urzad marszalkowski wojewodztwa slaskiego", "aliases": []}, 1, 1),  # as normalise() compares
    # an inflected or half-converted name matches as a partner through its alias or name_en only
    ({"name": "Urzędzie Marszałkowskim Województwa Śląskiego", "aliases": ["UMWS"]}, 1, 0),
    ({"name": "Urząd Marszałkowskiego Województwa Śląskiego", "name_en": "Silesian Marshal's Office",
      "aliases": []}, 1, 0),
    ({"name": "Marszałek Województwa Śląskiego", "aliases": []}, 0, 0),
])
def test_canonical_names_need_the_predicted_name_itself(predicted, partners, canonical):
    assert score_field("partners", [predicted], GOLD_PARTNERS).score.tp == partners
    detail = score_canonical_names([predicted], GOLD_PARTNERS)
    assert (detail.score.tp, detail.score.fp, detail.score.fn) == (canonical, 1 - canonical, 2 - canonical)


def test_canonical_names_are_scored_beside_partners_not_in_them():
    gold = [{"id": "a", "language": "pl", "facts": {"partners": GOLD_PARTNERS}}]
    records = [{"id": "a", "facts": {"partners": [{"name": "Politechniki Śląskiej", "aliases": ["Politechnika Śląska"]},
                                                  {"name": "UMWS", "aliases": []}]}}]
    report = score(records, gold, text_metrics=False)
    assert (report.fields["partners"].tp, report.fields["partners"].fp) == (2, 0)
    assert (report.canonical_names.tp, report.canonical_names.fp, report.canonical_names.fn) == (1, 1, 1)
    assert report.documents[0]["canonical_names"]["spurious"] == [records[0]["facts"]["partners"][0]]
    assert list(report.fields) == ["partners", "dates", "themes", "contacts"]
    assert list(report.by_language["pl"]) == ["partners", "canonical_names", "dates", "themes", "contacts"]


def test_rouge_by_hand():
    scores = rouge("the cat sat", "the cat sat down")
    assert scores["rouge1"] == pytest.approx(2 * 1 * 0.75 / 1.75)
    assert scores["rouge2"] == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3))
    assert scores["rougeL"] == pytest.approx(scores["rouge1"])
    assert rouge("", "anything")["rougeL"] == 0.0
