"""The translate stage with real neural backends, on a tiny MarianMT model trained by the fixture,
loaded through the same code as opus-mt models (paths, model_dir layout, conversion)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pressnlp.core.document import new_record
from pressnlp.core.stage import StageContext, build_options
from pressnlp.stages.translate import TranslateStage
from pressnlp.testing import TOY_LINES_PL_EN, TOY_SENTENCES_PL_EN, clause_forms, toy_pairs_pl_en

pytestmark = pytest.mark.neural

ENGLISH = dict(toy_pairs_pl_en())


def _record(text: str, title: str | None = None) -> dict:
    record = new_record("doc.txt", {"path": "doc.txt"})
    record.update(text=text, title=title, language={"code": "pl", "confidence": 1.0, "detector": "test",
                                                    "segments": [{"start": 0, "end": len(text), "code": "pl"}]})
    return record


def _stage(tmp_path, **options) -> TranslateStage:
    options = {"beam_size": 1, "memory": False, **options}
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
        f"t = create_translator('ctranslate2', 'pl', 'en', TranslatorSettings(model={str(tiny_ct2)!r}, beam_size=1))\n"
        "print(t.translate_batch(['Dziękujemy za uwagę.'])[0], t.max_tokens,\n"
        "      'torch' in sys.modules, 'transformers' in sys.modules, sep='|')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "Thank you for your attention.|128|False|False"
