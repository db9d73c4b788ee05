"""The optional `ner` backend of the partners extractor, with a tiny BERT token classifier the
test trains in seconds on toy Polish sentences (pressnlp.testing.build_tiny_token_classifier):
NER adds organisations the rules cannot find, with exact offsets and nominative names, merged
with the rule mentions; without it nothing changes; a bad model path is a config error."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pressnlp import Pipeline
from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import StageContext, build_options, options_to_dict
from pressnlp.evaluation.scoring import score
from pressnlp.stages.extract import ExtractStage
from pressnlp.stages.extract.ner import NerOptions, NerTagger
from pressnlp.stages.extract.text import Doc

pytest.importorskip("transformers")
pytestmark = pytest.mark.neural

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

RELEASE = """Srebrna Sowa i Politechnika Śląska rozpoczynają wspólny projekt

Katowice, 5 maja 2024 r.

Srebrna Sowa (FSS) podpisała umowę z Politechniką Śląską. Współpraca ze Srebrną Sową potrwa dwa lata, \
a jej efekty oceni Górnośląsko-Zagłębiowska Metropolia (GZM). FSS zaprasza na konferencję w Katowicach.
"""
# Named only in oblique cases: the partner's name must be the nominative.
INFLECTED = """Nowa aplikacja dla mieszkańców Gliwic

Współpraca z Zielonym Mostem zaczęła się w marcu. Eksperci Zielonego Mostu przedstawili wyniki badań \
prezydent Katarzynie Kuczyńskiej-Budce.
"""


@pytest.fixture(scope="module")
def tiny_ner(tmp_path_factory) -> Path:
    import torch

    from pressnlp.testing import build_tiny_token_classifier

    # One thread: on a busy two-core machine, competing threads made this tiny model 30x slower.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield build_tiny_token_classifier(tmp_path_factory.mktemp("tiny-ner"))
    torch.set_num_threads(threads)


def spans(text: str, *surfaces: str) -> list[list[int]]:
    """[start, end] of the first occurrence of each surface, searching on after the previous one."""
    found, cursor = [], 0
    for surface in surfaces:
        start = text.index(surface, cursor)
        found.append([start, start + len(surface)])
        cursor = start + len(surface)
    return found


def by_name(facts: dict) -> dict[str, dict]:
    return {partner["name"]: partner for partner in facts["partners"]}


def test_ner_adds_an_organisation_the_rules_miss(extract, tiny_ner):
    rules = by_name(extract(RELEASE))
    assert "Srebrna Sowa" not in rules and "FSS" in rules  # the rules see only the acronym

    merged = by_name(extract(RELEASE, partners={"ner": {"model": str(tiny_ner)}}))
    sowa = merged["Srebrna Sowa"]
    # every mention, the bracketed acronym's included, with exact offsets
    assert sowa["mentions"] == spans(RELEASE, "Srebrna Sowa", "Srebrna Sowa", "FSS", "Srebrną Sową", "FSS")
    assert sowa["aliases"] == ["FSS"] and "FSS" not in merged
    assert sowa["role"] == "issuer"  # first in the lead
    # the rules' partners are still there, with the same mentions
    for name in ("Politechnika Śląska", "Górnośląsko-Zagłębiowska Metropolia"):
        assert merged[name]["mentions"] == rules[name]["mentions"]
        assert merged[name]["aliases"] == rules[name]["aliases"]
    assert set(merged) == {"Srebrna Sowa", "Politechnika Śląska", "Górnośląsko-Zagłębiowska Metropolia"}


def test_ner_names_are_nominative(extract, tiny_ner):
    assert extract(INFLECTED)["partners"] == []
    partners = extract(INFLECTED, partners={"ner": {"model": str(tiny_ner)}})["partners"]
    assert [(p["name"], p["mentions"]) for p in partners] == [
        ("Zielony Most", spans(INFLECTED, "Zielonym Mostem", "Zielonego Mostu"))]


def test_long_release_is_tagged_in_windows_the_model_can_read(tiny_ner):
    filler = " ".join(["Spotkanie odbyło się w Katowicach we wtorek.",
                       "Nowe autobusy wyjadą na ulice w czerwcu.",
                       "Marek Wiśniewski zaprasza na konferencję w Warszawie."] * 6)
    # one sentence longer than the model's 64 positions: split by the tokenizer, with overlap
    towns = ", ".join(["Sosnowca", "Bytomia", "Gliwic", "Zabrza", "Chorzowa", "Tychów"] * 5)
    text = (f"{filler}\n\nMieszkańcy {towns} i Katowic mogą składać wnioski do Srebrnej Sowy.\n\n{filler} "
            "Współpraca z Zielonym Mostem zaczęła się w marcu.\n")
    tagger = NerTagger(NerOptions(model=tiny_ner))
    tagger.load()
    doc = Doc(text, "pl")
    chunks = tagger.chunks(doc)
    assert tagger.max_tokens == 64 and len(chunks) >= 5
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    tokenizer = tagger._tokenizer
    fitting = [len(tokenizer(text[start:end])["input_ids"]) <= 64 for start, end in chunks]
    assert fitting.count(False) == 1  # only the long sentence needs the tokenizer's windows
    found = [text[doc.tokens[part[0]].start:doc.tokens[part[-1]].end] for part in tagger.entities(doc)]
    assert found == ["Srebrnej Sowy", "Zielonym Mostem"]


def test_without_ner_nothing_changes(tiny_ner):
    default = ExtractStage()
    assert "ner" not in default.describe()["partners"]
    assert "ner" not in options_to_dict(default.options)["partners"]  # same config, same cache key
    default.setup()
    assert default.extractors[0].ner is None

    described = ExtractStage(build_options(ExtractStage.Options, {"partners": {"ner": {"model": str(tiny_ner)}}},
                                           prefix="stages.extract")).describe()["partners"]["ner"]
    assert described["model"] == str(tiny_ner.resolve()) and described["labels"] == ["ORG", "ORGANIZATION", "ORGNAME"]


def test_missing_model_is_a_config_error_naming_the_option(tmp_path, tiny_ner):
    def build(ner: dict) -> Pipeline:
        return Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "extract"]},
                                     "stages": {"extract": {"partners": {"ner": ner}}}})

    with pytest.raises(ConfigError) as missing:
        build({"model": "/nonexistent/ner-pl"})
    assert "stages.extract.partners.ner.model" in str(missing.value)
    assert "/nonexistent/ner-pl" in str(missing.value) and "not found" in str(missing.value)

    with pytest.raises(ConfigError) as not_a_model:
        build({"model": str(tmp_path)}).setup()
    assert "stages.extract.partners.ner.model" in str(not_a_model.value) and str(tmp_path) in str(not_a_model.value)

    with pytest.raises(ConfigError) as no_label:
        build({"model": str(tiny_ner), "labels": ["PER"]}).setup()
    assert "B-ORG" in str(no_label.value) and "stages.extract.partners.ner.labels" in str(no_label.value)


@pytest.mark.skipif(not (CORPUS / "gold.jsonl").is_file(), reason="no corpus with gold annotations")
def test_corpus_dev_partners_keep_their_score_with_a_toy_model(tiny_ner):
    """NER only adds: every rule partner keeps its mentions (perhaps under a merged name) and
    recall cannot fall. A toy model trained on sixteen sentences tags unfamiliar capitalised words,
    so precision may fall a little: on the corpus the one loss is an English title naming two
    cities for their universities ("Edinburgh and Wrocław open a joint laboratory")."""
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    gold = [line for line in gold if line.get("split") == "dev" and (CORPUS / line["id"]).is_file()]
    reader = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
    records = []
    for line in gold:
        record = reader.process_file(CORPUS / line["id"], id=line["id"])
        record["language"] = {"code": line["language"], "confidence": 1.0, "detector": "gold", "segments": []}
        records.append(record)
    results = {}
    for label, options in (("rules", {}), ("ner", {"partners": {"ner": {"model": str(tiny_ner)}}})):
        stage = ExtractStage(build_options(ExtractStage.Options, options, prefix="stages.extract"), StageContext())
        stage.setup()
        results[label] = [stage.process(copy.deepcopy(record)) for record in records]
    for rules, ner in zip(results["rules"], results["ner"], strict=True):
        spans_ner = [set(map(tuple, p["mentions"])) for p in ner["facts"]["partners"]]
        for partner in rules["facts"]["partners"]:
            assert any(set(map(tuple, partner["mentions"])) <= mentions for mentions in spans_ner), \
                (rules["id"], partner["name"])
    rules_score, ner_score = (score(results[label], gold, fields=["partners"], text_metrics=False).fields["partners"]
                              for label in ("rules", "ner"))
    assert ner_score.recall >= rules_score.recall
    assert ner_score.f1 >= rules_score.f1 - 0.02, (rules_score.f1, ner_score.f1)
