"""The translate stage with real neural backends, on the committed tiny MarianMT model, loaded
through the same code as opus-mt models (paths, model_dir layout, conversion).

Exact translations are asserted because the model chooses each of them clearly (see
pressnlp.testing, "margins"; tests/test_tiny_models.py checks it on this machine). CTranslate2 runs
in float32 wherever its text is asserted; int8, its CPU default, is checked for what holds."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pressnlp.core.document import new_record
from pressnlp.core.stage import StageContext, build_options
from pressnlp.stages.translate import TranslateStage
from pressnlp.testing import (
    TOY_LINES_PL_EN,
    TOY_SENTENCES_PL_EN,
    build_tiny_marian,
    clause_forms,
    ctranslate2_decisions,
    seq2seq_decisions,
    toy_pairs_pl_en,
)

pytestmark = pytest.mark.neural

ENGLISH = dict(toy_pairs_pl_en())
# CTranslate2 computes in int8 on CPU unless told otherwise; in float32 it computes what transformers does.
CT2_FLOAT32 = {"ctranslate2": {"compute_type": "float32"}}


def _record(text: str, title: str | None = None) -> dict:
    record = new_record("doc.txt", {"path": "doc.txt"})
    record.update(text=text, title=title, language={"code": "pl", "confidence": 1.0, "detector": "test",
                                                    "segments": [{"start": 0, "end": len(text), "code": "pl"}]})
    return record


def _stage(tmp_path, **options) -> TranslateStage:
    options = {"beam_size": 1, "memory": False, "backend_options": CT2_FLOAT32, **options}
    return TranslateStage(build_options(TranslateStage.Options, options, prefix="stages.translate"),
                          StageContext(cache_dir=tmp_path))


def _translate(stage: TranslateStage, text: str, title: str | None = None) -> dict:
    record = stage.process_batch([_record(text, title)])[0]
    assert record["errors"] == []
    return record["translation"]


def test_marian_from_a_path_translates_and_keeps_the_layout(tiny_marian, tmp_path):
    stage = _stage(tmp_path, backend="marian", models={"pl": str(tiny_marian)})
    text = ("Nowy dworzec\n\nProjekt jest gotowy. Miasto buduje nową drogę.\nUmowa została podpisana.\n\n"
            "Informacja prasowa\n- Zapraszamy na konferencję.\n- Pociąg jedzie do Katowic.")
    translation = _translate(stage, text, title="Nowy dworzec")
    assert translation["backend"] == f"marian:{tiny_marian}"
    assert translation["title"] == "New station"
    assert translation["text"] == (
        "New station\n\nThe project is ready. The city is building a new road.\nThe agreement has been signed.\n\n"
        "Press release\n- We invite you to the conference.\n- The train goes to Katowice.")


def test_ctranslate2_conversion_gives_the_same_greedy_output(tiny_marian, tiny_ct2, tmp_path):
    text = "\n".join(pl for pl, _ in toy_pairs_pl_en())
    marian = _translate(_stage(tmp_path, backend="marian", models={"pl": str(tiny_marian)}), text)
    ct2 = _translate(_stage(tmp_path, backend="ctranslate2", models={"pl": str(tiny_ct2)}), text)
    assert ct2["backend"] == f"ctranslate2:{tiny_ct2}"
    assert ct2["text"] == marian["text"] == "\n".join(en for _, en in toy_pairs_pl_en())


def test_auto_finds_converted_then_transformers_models_in_model_dir(tiny_marian, tiny_ct2, tmp_path):
    model_dir = tmp_path / "models"
    shutil.copytree(tiny_marian, model_dir / "Helsinki-NLP" / "opus-mt-pl-en")
    stage = _stage(tmp_path, model_dir=str(model_dir))  # default backend and models
    assert stage.describe()["plan"] == {"pl": "marian:Helsinki-NLP/opus-mt-pl-en"}
    assert _translate(stage, "Dziękujemy za uwagę.")["text"] == "Thank you for your attention."
    shutil.copytree(tiny_ct2, model_dir / "Helsinki-NLP" / "opus-mt-pl-en-ct2")
    stage = _stage(tmp_path, model_dir=str(model_dir))
    assert stage.describe()["plan"] == {"pl": "ctranslate2:Helsinki-NLP/opus-mt-pl-en"}
    translation = _translate(stage, "Dziękujemy za uwagę.")
    assert translation["backend"] == "ctranslate2:Helsinki-NLP/opus-mt-pl-en"
    assert translation["text"] == "Thank you for your attention."
    assert stage.context.warnings == []


@pytest.mark.parametrize("backend", ["marian", "ctranslate2"])
def test_protected_spans_and_glossary_come_out_verbatim(backend, tiny_marian, tiny_ct2, tmp_path):
    model = str(tiny_marian if backend == "marian" else tiny_ct2)
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("term,translation\nMetropolia GZM,GZM Metropolis\nUrząd Marszałkowski,Marshal's Office\n",
                        encoding="utf-8")
    stage = _stage(tmp_path, backend=backend, models={"pl": model}, glossary=str(glossary))
    text = ("Kontakt: jan.kowalski@metropoliagzm.pl, +48 32 728 46 00.\n"
            "Strona projektu to https://metropoliagzm.pl/dworzec/.\n"
            "Koszt wynosi 1 200 000 zł.\n"
            "Metropolia GZM podpisała umowę z Urzędem Marszałkowskim.\n"
            "PKP podpisała umowę z UE.")
    translation = _translate(stage, text)
    assert translation["text"].split("\n") == [
        "Contact: jan.kowalski@metropoliagzm.pl, +48 32 728 46 00.",
        "The project website is https://metropoliagzm.pl/dworzec/.",
        "The cost is 1 200 000 zł.",
        "GZM Metropolis signed an agreement with Marshal's Office.",
        "PKP signed an agreement with EU.",
    ]
    spans = [translation["text"][s:e] for s, e in translation["protected"]]
    assert spans == ["jan.kowalski@metropoliagzm.pl", "+48 32 728 46 00", "https://metropoliagzm.pl/dworzec/",
                     "1 200 000 zł", "PKP"]
    assert [translation["text"][s:e] for s, e in translation["glossary"]] == [
        "GZM Metropolis", "Marshal's Office", "EU"]


def _long_release(sentences: list[str], words: int) -> tuple[str, dict[str, str]]:
    """A release of `words`+ words: paragraphs of known sentences around long sentences made of
    their clauses, with the English each sentence must come out as."""
    expected = {pl: ENGLISH[pl] for pl in sentences}
    heading, heading_en = TOY_LINES_PL_EN[1]
    expected[heading] = heading_en
    paragraphs = [heading]
    rotation = 0
    while sum(len(p.split()) for p in paragraphs) < words:
        shift = rotation % len(sentences)
        order = sentences[shift:] + sentences[:shift]
        first, *middle, last = order[: 3 + rotation % 4]
        clauses = [clause_forms(first)[0], *(clause_forms(s)[1] for s in middle), clause_forms(last)[2]]
        long_sentence = " ".join(clauses)
        expected[long_sentence] = " ".join(ENGLISH[clause] for clause in clauses)
        paragraphs.append(" ".join([order[0], long_sentence, order[1]]))
        rotation += 1
    return "\n\n".join(paragraphs), expected


def test_a_long_release_comes_out_whole_and_aligned(tiny_marian, tmp_path):
    def stage():
        return _stage(tmp_path, backend="marian", models={"pl": str(tiny_marian)}, max_input_tokens=limit,
                      memory=True)

    # The input limit: every clause fits, no two clauses do (the tiny model knows single clauses only).
    counter = _stage(tmp_path, backend="marian", models={"pl": str(tiny_marian)}).translator("pl")
    plain = [pl for pl, _ in TOY_SENTENCES_PL_EN if "XZ" not in pl]
    sizes = {pl: [counter.count_tokens(clause) for clause in clause_forms(pl)] for pl in plain}
    limit = max(max(size) for size in sizes.values())
    usable = [pl for pl in plain if 2 * min(sizes[pl]) - 1 > limit]
    assert len(usable) >= 5
    text, expected = _long_release(usable, words=1500)
    first = stage()
    translation = _translate(first, text)
    assert len(translation["segments"]) == text.count(".") + 1  # and the heading
    for segment in translation["segments"]:
        source = text[slice(*segment["source"])]
        assert translation["text"][slice(*segment["target"])] == expected[source]
    assert len(translation["text"].split("\n\n")) == len(text.split("\n\n"))
    # a second run of the same release is served by the translation memory
    again = stage()
    assert _translate(again, text)["text"] == translation["text"]
    assert again._memory.misses == 0 and again._memory.hits == first._memory.misses > 0


def test_ctranslate2_backend_runs_without_torch_and_knows_the_position_limit(tiny_ct2):
    """The fast path loads only ctranslate2 and sentencepiece: a light install, little memory."""
    script = (
        "import sys\n"
        "from pressnlp.stages.translate.base import TranslatorSettings, create_translator\n"
        f"t = create_translator('ctranslate2', 'pl', 'en', TranslatorSettings(model={str(tiny_ct2)!r}, beam_size=1,\n"
        "                                                                      extra={'compute_type': 'float32'}))\n"
        "print(t.translate_batch(['Dziękujemy za uwagę.'])[0], t.max_tokens,\n"
        "      'torch' in sys.modules, 'transformers' in sys.modules, sep='|')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "Thank you for your attention.|128|False|False"


def test_int8_translates_like_float32_on_nearly_every_toy_sentence(tiny_ct2):
    """int8, CTranslate2's CPU default, is not exact: quantising weights and activations moves each
    logit by up to a few tenths (the toy model's smallest margin, 4.2 logits in float32, is 4.1 in
    int8 where it was built), and int8 kernels differ more between CPUs than float32 ones (VNNI or
    not, oneDNN or MKL). So only agreement on most sentences is asserted, not the text of each."""
    sources = list(ENGLISH)
    float32 = ctranslate2_decisions(tiny_ct2, sources, compute_type="float32")
    int8 = ctranslate2_decisions(tiny_ct2, sources, compute_type="int8")
    agreeing = sum(a.output == b.output for a, b in zip(float32, int8, strict=True))
    assert agreeing >= 0.9 * len(sources)


def _loss(model_dir: Path, pairs: list[tuple[str, str]]) -> float:
    """Mean cross-entropy of the reference translations, teacher-forced."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(model_dir)).eval()
    batch = tokenizer([pl for pl, _ in pairs], text_target=[en for _, en in pairs], padding=True, return_tensors="pt")
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    with torch.inference_mode():
        return float(model(**batch).loss)


def test_training_a_tiny_marian_still_works(tmp_path):
    """The builder the committed model came from still trains: the loss falls and most toy pairs
    are learned. Nothing exact: training rounds differently on every CPU."""
    pairs = toy_pairs_pl_en()
    untrained = build_tiny_marian(tmp_path / "untrained", steps=0)
    trained = build_tiny_marian(tmp_path / "trained")
    assert _loss(trained, pairs) < _loss(untrained, pairs) / 10
    learned = [d.output == ENGLISH[d.source] for d in seq2seq_decisions(trained, [pl for pl, _ in pairs])]
    assert sum(learned) >= 0.7 * len(pairs)
