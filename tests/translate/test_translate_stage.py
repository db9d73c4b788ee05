"""The translate stage around any engine: layout, alignment, long sentences, protected spans,
glossary, memory, languages without a backend. The engine is `pressnlp.testing.UppercaseTranslator`,
which upper-cases words and, like a real model, drops words past its input limit."""
from __future__ import annotations

import pytest

from pressnlp.core.document import new_record
from pressnlp.core.errors import ConfigError
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import Registry, register
from pressnlp.core.stage import SKIP_REASON_KEY, Stage, StageContext, build_options
from pressnlp.schema import record_problems
from pressnlp.stages.translate import TranslateStage, base
from pressnlp.testing import UppercaseTranslator

FAKE = "pressnlp.testing:UppercaseTranslator"

RELEASE = """Nowy dworzec w Katowicach

Metropolia buduje nowy dworzec. Prace potrwają do 2025 r. i obejmą peron nr 2.
Drugi wiersz akapitu.

Co zyskają pasażerowie:
- windy i ruchome schody,
- nowe kasy.

Kontakt: biuro@metropoliagzm.pl, tel. +48 32 728 46 00"""


def _record(text: str, language: str = "pl", title: str | None = None, segments=None) -> dict:
    record = new_record("doc.txt", {"path": "doc.txt"})
    record["text"] = text
    record["title"] = title
    record["language"] = {"code": language, "confidence": 1.0, "detector": "test",
                          "segments": segments or [{"start": 0, "end": len(text), "code": language}]}
    return record


def _stage(tmp_path, **options) -> TranslateStage:
    options = {"backend": FAKE, "memory": False, **options}
    return TranslateStage(build_options(TranslateStage.Options, options, prefix="stages.translate"),
                          StageContext(cache_dir=tmp_path))


@pytest.fixture(autouse=True)
def _fresh_calls():
    UppercaseTranslator.calls.clear()


def test_layout_and_segment_offsets(tmp_path):
    record = _stage(tmp_path).process_batch([_record(RELEASE, title="Nowy dworzec w Katowicach")])[0]
    translation = record["translation"]
    assert translation["backend"] == "upper:pl-en"
    assert translation["title"] == "NOWY DWORZEC W KATOWICACH"
    # every line break and paragraph break where it was; list markers as written
    assert translation["text"] == """NOWY DWORZEC W KATOWICACH

METROPOLIA BUDUJE NOWY DWORZEC. PRACE POTRWAJĄ DO 2025 R. I OBEJMĄ PERON NR 2.
DRUGI WIERSZ AKAPITU.

CO ZYSKAJĄ PASAŻEROWIE:
- WINDY I RUCHOME SCHODY,
- NOWE KASY.

KONTAKT: biuro@metropoliagzm.pl, TEL. +48 32 728 46 00"""
    sources = [RELEASE[s:e] for s, e in (seg["source"] for seg in translation["segments"])]
    targets = [translation["text"][s:e] for s, e in (seg["target"] for seg in translation["segments"])]
    assert sources[1:3] == ["Metropolia buduje nowy dworzec.", "Prace potrwają do 2025 r. i obejmą peron nr 2."]
    assert len(sources) == 8
    for source, target in zip(sources, targets, strict=True):
        assert target.upper() == source.upper()
    protected = [translation["text"][s:e] for s, e in translation["protected"]]
    assert protected == ["biuro@metropoliagzm.pl", "+48 32 728 46 00"]


def test_long_sentences_are_split_never_cut(tmp_path):
    words = [f"słowo{i}" for i in range(60)]
    sentence = ", ".join(" ".join(words[i:i + 5]) for i in range(0, 60, 5)) + "."
    record = _stage(tmp_path, max_input_tokens=8).process_batch([_record(sentence)])[0]
    assert record["translation"]["text"].split() == sentence.upper().split()
    assert all(len(piece.split()) <= 8 for batch in UppercaseTranslator.calls for piece in batch)


def test_batches_are_sorted_by_length_and_bounded(tmp_path):
    text = "\n\n".join(" ".join(["zdanie"] * n) + "." for n in (7, 1, 5, 3, 6, 2, 4))
    _stage(tmp_path, batch_size=3).process_batch([_record(text)])
    assert [len(batch) for batch in UppercaseTranslator.calls] == [3, 3, 1]
    lengths = [len(piece.split()) for batch in UppercaseTranslator.calls for piece in batch]
    assert lengths == sorted(lengths)


def test_glossary_keep_terms_and_builtin_acronyms(tmp_path):
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('"Urząd Marszałkowski" = "Marshal\'s Office"\n', encoding="utf-8")
    text = "Przedstawiciele Urzędu Marszałkowskiego, Zielonej Doliny i UE."
    record = _stage(tmp_path, glossary=str(glossary), keep=["Zielona Dolina"]).process_batch([_record(text)])[0]
    translation = record["translation"]
    assert translation["text"] == "PRZEDSTAWICIELE Marshal's Office, Zielonej Doliny I EU."
    assert [translation["text"][s:e] for s, e in translation["glossary"]] == [
        "Marshal's Office", "Zielonej Doliny", "EU"]


def test_memory_translates_repeated_sentences_once(tmp_path):
    text = "Kontakt dla mediów.\n\nPierwsze zdanie.\n\nKontakt dla mediów."
    stage = _stage(tmp_path, memory=True)
    first = stage.process_batch([_record(text)])[0]["translation"]["text"]
    assert sorted(UppercaseTranslator.calls[0]) == ["Kontakt dla mediów.", "Pierwsze zdanie."]
    assert (tmp_path / "translation-memory.sqlite").is_file()
    UppercaseTranslator.calls.clear()
    again = _stage(tmp_path, memory=True)  # a later run: a new stage, the same cache folder
    assert again.process_batch([_record(text)])[0]["translation"]["text"] == first
    assert UppercaseTranslator.calls == []
    assert again._memory.hits == 2 and again._memory.misses == 0
    other = _stage(tmp_path, memory=True, max_input_tokens=9)  # other settings: other keys
    other.process_batch([_record(text)])
    assert other._memory.hits == 0


def test_an_unusable_memory_does_not_stop_translation(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    stage = TranslateStage(build_options(TranslateStage.Options, {"backend": FAKE}, prefix="stages.translate"),
                           StageContext(cache_dir=blocked))
    assert stage.process_batch([_record("Dzień dobry.")])[0]["translation"]["text"] == "DZIEŃ DOBRY."
    assert stage._memory.failed


def test_a_missing_glossary_stops_the_pipeline_when_it_is_built(tmp_path):
    from pressnlp.core.pipeline import Pipeline

    missing = tmp_path / "missing.toml"
    with pytest.raises(ConfigError, match=f"key 'stages.translate.glossary': glossary file not found: {missing}"):
        Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "translate"]},
                              "stages": {"translate": {"glossary": str(missing)}}})


def test_target_language_and_undetermined_sources_are_not_translated(tmp_path):
    records = _stage(tmp_path).process_batch([_record("Plain English text.", "en"), _record("12345", "und")])
    assert [r["translation"] for r in records] == [None, None]
    assert UppercaseTranslator.calls == []


def test_mixed_language_release_keeps_the_english_quote(tmp_path):
    text = "Metropolia podpisała umowę.\n\n“We are proud to join,” said the mayor.\n\nProjekt ruszy w maju."
    english = text.index("“")
    segments = [{"start": 0, "end": english - 2, "code": "pl"},
                {"start": english, "end": text.index("\n\nProjekt"), "code": "en"},
                {"start": text.index("Projekt"), "end": len(text), "code": "pl"}]
    record = _stage(tmp_path).process_batch([_record(text, segments=segments)])[0]
    assert record["translation"]["text"] == (
        "METROPOLIA PODPISAŁA UMOWĘ.\n\n“We are proud to join,” said the mayor.\n\nPROJEKT RUSZY W MAJU.")


def _only_backends(monkeypatch, **backends: type[base.Translator]) -> None:
    """The translation backends registered for one test (none of ours, whatever is installed)."""
    registry = Registry("pressnlp.tests.no-entry-points", base.Translator, "translation backend")
    for name, backend in backends.items():
        registry.register(backend, name)
    monkeypatch.setattr(base, "TRANSLATORS", registry)


def test_backends_are_found_by_name_in_the_registry(tmp_path, monkeypatch):
    from pressnlp.stages.translate.lexicon import LexiconTranslator

    assert {"marian", "ctranslate2", "lexicon"} <= set(base.TRANSLATORS.available())
    assert base.backend_class("lexicon") is LexiconTranslator  # the entry point in pyproject.toml
    _only_backends(monkeypatch, upper=UppercaseTranslator)
    record = _stage(tmp_path, backend="upper").process_batch([_record("Dzień dobry.")])[0]
    assert record["translation"]["text"] == "DZIEŃ DOBRY."
    with pytest.raises(ConfigError, match="unknown backend 'lexicon'; valid: auto, upper, or package.module:Class"):
        _stage(tmp_path, backend="lexicon")


def test_a_language_without_any_backend_is_skipped_with_a_reason_not_an_error(tmp_path, monkeypatch):
    _only_backends(monkeypatch)
    stage = _stage(tmp_path, backend="auto", models={"pl": "Helsinki-NLP/opus-mt-pl-en"},
                   model_dir=str(tmp_path / "models"))
    german, polish = stage.process_batch([_record("Guten Tag.", "de"), _record("Dzień dobry.", "pl")])
    for record in (german, polish):
        assert record["translation"] is None and record["errors"] == []
    assert german[SKIP_REASON_KEY] == (
        'no translation model for German (de): add one under [stages.translate] models = '
        '{ de = "Helsinki-NLP/opus-mt-de-en" } and put it in ' f'{tmp_path / "models"}/ '
        '(`pressnlp models fetch de` does it; see models/README.md)')
    # a configured model that is not on disk: where to put it
    assert polish[SKIP_REASON_KEY].startswith(
        "the translation model Helsinki-NLP/opus-mt-pl-en for Polish (pl) is not available here: run "
        f"`pressnlp models fetch pl` on a machine with internet, or put it in {tmp_path / 'models'}/")
    # one warning per language, with the details of what was tried when a model was configured
    assert len(stage.context.warnings) == 2
    assert stage.context.warnings[0] == f"translate: {german[SKIP_REASON_KEY]}"
    assert "marian:" in stage.context.warnings[1]


def test_a_corpus_language_without_a_model_runs_through_the_pipeline_without_errors(tmp_path):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "translate", "summarize"]},
                                     "stages": {"translate": {"memory": False}}}, cache_dir=tmp_path)
    text = ("Die Stadtwerke Leipzig bauen eine Großwärmepumpe am Klärwerk Rosental. Sie soll ab 2026 "
            "Wärme aus gereinigtem Abwasser gewinnen und damit tausende Haushalte mit Fernwärme versorgen.")
    record = pipeline.process_text(text, id="de.txt")
    assert record["language"]["code"] == "de"
    assert record["errors"] == [] and record["translation"] is None
    run = record["stages"]["translate"]
    assert run["status"] == "skipped" and "no translation model for German (de)" in run["reason"]
    # summarize is not held back: a source-language summary, no English one (as SPEC allows)
    assert record["stages"]["summarize"]["status"] == "ok"
    assert record["summary"]["text"] and record["summary"]["en"] is None
    assert record_problems(record) == []


def test_auto_falls_back_to_the_gist_backend_with_a_warning(tmp_path, monkeypatch):
    _only_backends(monkeypatch, lexicon=UppercaseTranslator)
    stage = _stage(tmp_path, backend="auto", model_dir=str(tmp_path / "none"),
                   models={"pl": "Helsinki-NLP/opus-mt-pl-en-not-here"})
    assert stage.describe()["plan"] == {"pl": "lexicon"}
    assert "dictionary gist" in stage.describe()["note"]
    record = stage.process_batch([_record("Dzień dobry.")])[0]
    assert record["translation"]["text"] == "DZIEŃ DOBRY."
    (warning,) = stage.context.warnings
    assert "dictionary gist" in warning and "Helsinki-NLP/opus-mt-pl-en-not-here" in warning


def test_options_are_validated(tmp_path):
    with pytest.raises(ConfigError, match="backend"):
        _stage(tmp_path, backend="google")
    with pytest.raises(ConfigError, match="protect"):
        _stage(tmp_path, protect=["emails"])
    with pytest.raises(ConfigError, match="beam_size"):
        _stage(tmp_path, beam_size=0)


@register
class _PolishText(Stage):
    """Stands in for the read and detect stages in the pipeline test."""

    name = "test-polish-text"
    requires = ("source",)
    provides = ("text", "title", "language")

    def process_documents(self, records, contexts):
        for record, context in zip(records, contexts, strict=True):
            record["text"] = context.content.decode("utf-8")
            record["language"] = {"code": "pl", "confidence": 1.0, "detector": "test",
                                  "segments": [{"start": 0, "end": len(record["text"]), "code": "pl"}]}
        return records


def test_in_a_pipeline(tmp_path):
    pipeline = Pipeline.from_config(
        {"pipeline": {"stages": ["test-polish-text", "translate"]},
         "stages": {"translate": {"backend": FAKE, "memory": False}}}, cache_dir=tmp_path)
    record = pipeline.process_text("Metropolia buduje dworzec.\n\nKontakt: biuro@gzm.pl", id="a.txt")
    assert record["errors"] == []
    assert record["stages"]["translate"]["status"] == "ok"
    assert record["translation"]["text"] == "METROPOLIA BUDUJE DWORZEC.\n\nKONTAKT: biuro@gzm.pl"
