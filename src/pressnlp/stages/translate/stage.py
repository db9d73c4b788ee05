"""The translate stage: release text into the target language, layout, terms and spans intact.

Everything that must hold whatever engine is used happens here, around the backends: paragraphs
and lines are kept, each sentence is masked (protected spans, glossary), split when too long for
the model, looked up in the translation memory, translated in length-sorted batches, restored,
and aligned with its source (`translation.segments`).
"""
from __future__ import annotations

import importlib.util
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pressnlp import lang
from pressnlp.core.document import GLOSSARY_NOTE, DocumentContext
from pressnlp.core.errors import OptionError
from pressnlp.core.stage import Stage
from pressnlp.lang.segment import split_paragraphs, split_sentences
from pressnlp.models import ModelNotFound, resolve_converted_model, resolve_model
from pressnlp.stages.translate.base import (
    AUTO_ORDER,
    BackendUnavailable,
    Translator,
    TranslatorSettings,
    backend_class,
    check_backend_name,
    create_translator,
)
from pressnlp.stages.translate.glossary import (
    Glossary,
    GlossaryEntry,
    GlossaryFile,
    LoadedGlossary,
    default_glossary_path,
    file_digest,
    toml_entries,
)
from pressnlp.stages.translate.memory import TranslationMemory, memory_key
from pressnlp.stages.translate.protect import PROTECT_KINDS, Masked, choose_spans, find_protected, mask, unmask
from pressnlp.stages.translate.split import split_to_fit

log = logging.getLogger(__name__)

DEFAULT_MODELS = {"pl": "Helsinki-NLP/opus-mt-pl-en"}
MEMORY_FILE = "translation-memory.sqlite"
# A list marker or bullet at the start of a line stays as written; only the item is translated.
_LINE_MARKER = re.compile(r"^(?:[-–—•*▪·►]|\d{1,3}[.)]|[a-zA-Z][)])\s+")
_GLOSSARY_KINDS = ("glossary", "term")
ProtectKind = Literal["email", "url", "phone", "number", "acronym", "foreign"]


@dataclass
class TranslateOptions:
    """Options of the translate stage ([stages.translate] in a pipeline config)."""

    # "auto": a converted CTranslate2 model, else transformers, else the dictionary gist (with a
    # warning); or a backend registered in the `pressnlp.translators` entry points ("marian",
    # "ctranslate2", "lexicon", a plug-in's name), or a class given as "package.module:Class".
    backend: str = "auto"
    # Model per source language: a hub id or a path (a converted CTranslate2 directory for ctranslate2).
    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    model_dir: Path = Path("models")  # searched for <model id> and <model id>-ct2 before the HF cache
    allow_download: bool = False  # fetch missing models from the Hugging Face hub (needs internet)
    device: str = "cpu"  # "cpu", "cuda", "cuda:1"
    beam_size: int = 4
    batch_size: int = 16  # sentences per model call
    max_input_tokens: int = 256  # longer sentences are split at clause boundaries, never cut
    # TOML or CSV: term -> fixed translation, or kept as written. Unset: the user's glossary
    # $XDG_CONFIG_HOME/pressnlp/glossary.toml (~/.config/...; the web page edits it), if it exists.
    # Read again when the file changes, from the next batch on.
    glossary: Path | None = None
    builtin_glossary: bool = True  # the small built-in glossary of the source language (e.g. UE -> EU)
    keep: list[str] = field(default_factory=list)  # terms kept as written (inflected forms too)
    protect: list[ProtectKind] = field(default_factory=lambda: list(PROTECT_KINDS))  # never translated
    memory: bool = True  # reuse translations of repeated sentences (SQLite in the cache folder)
    # Backend-specific options, by backend name, e.g. {ctranslate2 = {compute_type = "int8"}}.
    backend_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.backend != "auto":
            check_backend_name(self.backend)
        for name in ("beam_size", "batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_input_tokens < 8:
            raise ValueError("max_input_tokens must be at least 8")
        if self.glossary is not None and not Path(self.glossary).expanduser().is_file():
            raise OptionError(f"glossary file not found: {self.glossary}", key="glossary")
        for language, model in self.models.items():
            if model.startswith(("/", "./", "../", "~")) and not Path(model).expanduser().exists():
                raise OptionError(f"model path not found: {model}", key=f"models.{language}")


@dataclass
class _Unit:
    """One source sentence (or the title) on its way through translation."""

    source: tuple[int, int] | None  # offsets in text; None for the title
    prefix: str  # list marker kept as written
    masked: Masked | None  # None: copied as it is (target-language paragraph, no backend)
    translator: Translator | None = None
    pieces: list[str] = field(default_factory=list)
    original: str = ""


class TranslateStage(Stage):
    name = "translate"
    requires = ("text", "language")
    provides = ("translation",)
    Options = TranslateOptions

    def __init__(self, options: TranslateOptions | None = None, context=None):
        super().__init__(options, context)
        self._translators: dict[str, Translator] = {}
        self._unavailable: dict[str, str] = {}
        self._glossaries: dict[tuple[str, str | None], Glossary] = {}
        self._plans: dict[str, tuple[str, str | None]] = {}
        self._memory: TranslationMemory | None = None
        configured = self.options.glossary
        self._user_glossary = GlossaryFile(
            Path(configured).expanduser() if configured is not None else default_glossary_path(),
            required=configured is not None)
        self._terms: LoadedGlossary | None = None  # the user glossary as the current batch reads it

    # --- identity ---------------------------------------------------------------------------
    def describe(self) -> dict[str, Any]:
        options = self.options
        plans = {language: self._plan(language) for language in sorted(options.models)}
        plan = {language: backend for language, (backend, _) in plans.items()}
        info: dict[str, Any] = {
            "backend": options.backend, "plan": plan, "data": {language: data for language, (_, data) in plans.items()},
            "target_language": self.context.target_language,
            "beam_size": options.beam_size, "max_input_tokens": options.max_input_tokens,
            "protect": sorted(options.protect), "keep": list(options.keep),
            "builtin_glossary": options.builtin_glossary, "glossary": file_digest(self._user_glossary.path),
        }
        gist = sorted(language for language, backend in plan.items() if backend.startswith("lexicon"))
        if gist:
            info["note"] = (f"no neural model found for {', '.join(gist)}: the dictionary gist backend "
                            "translates those languages word by word")
        return info

    def _plan(self, language: str) -> tuple[str, str | None]:
        """Which backend would serve `language` and the digest of the files it would read (model,
        dictionary data), from files on disk only (nothing is loaded)."""
        if language not in self._plans:
            backend = self._planned_backend(language)
            model = self.options.models.get(language)
            label = f"{backend}:{model}" if model and backend in ("marian", "ctranslate2") else backend
            try:
                data = backend_class(backend).data_digest(language, self.context.target_language,
                                                          self._settings(language, backend))
            except BackendUnavailable:
                data = None
            self._plans[language] = (label, data)
        return self._plans[language]

    def _planned_backend(self, language: str) -> str:
        options = self.options
        model = options.models.get(language)
        if options.backend != "auto":
            return options.backend
        if model:
            try:
                if importlib.util.find_spec("ctranslate2"):
                    resolve_converted_model(model, model_dir=options.model_dir)
                    return "ctranslate2"
            except ModelNotFound:
                pass
            if importlib.util.find_spec("transformers"):
                try:
                    resolve_model(model, model_dir=options.model_dir)
                    return "marian"
                except ModelNotFound:
                    pass
        return "lexicon"

    # --- resources ----------------------------------------------------------------------------
    def setup(self) -> None:
        """Open the translation memory and read the glossary (a bad glossary stops the run here)."""
        if self.options.memory and self._memory is None:
            self._memory = TranslationMemory(self._memory_path())
        if self._terms is None:
            self._refresh_glossary()
            if self.options.glossary is None and self._terms.digest is not None:
                log.info("translate: using the glossary %s (set stages.translate.glossary to choose another)",
                         self._user_glossary.path)

    def _refresh_glossary(self) -> LoadedGlossary:
        """The user glossary as the file is now: checked once per batch (a stat call unless it changed)."""
        terms = self._user_glossary.current()
        if self._terms is not None and terms.digest != self._terms.digest:
            self._glossaries = {}
        self._terms = terms
        return terms

    def _memory_path(self) -> Path:
        if self.context.cache_dir is not None:
            return Path(self.context.cache_dir) / MEMORY_FILE
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        return Path(base) / "pressnlp" / MEMORY_FILE

    def _settings(self, language: str, backend: str) -> TranslatorSettings:
        options = self.options
        return TranslatorSettings(
            model=options.models.get(language), model_dir=options.model_dir, device=options.device,
            beam_size=options.beam_size, batch_size=options.batch_size,
            max_input_tokens=options.max_input_tokens, allow_download=options.allow_download,
            extra=dict(options.backend_options.get(backend, {})))

    def translator(self, language: str) -> Translator:
        """The loaded translator for `language` (cached); BackendUnavailable says, for people, why
        there is none and how to add one."""
        if language in self._translators:
            return self._translators[language]
        if language in self._unavailable:
            raise BackendUnavailable(self._unavailable[language])
        target = self.context.target_language
        names = AUTO_ORDER if self.options.backend == "auto" else (self.options.backend,)
        failures: list[str] = []
        for name in names:
            try:
                translator = create_translator(name, language, target, self._settings(language, name))
            except BackendUnavailable as exc:
                failures.append(f"{name}: {exc}")
                continue
            if self.options.backend == "auto" and name == "lexicon":
                log.info("translate: neural backends unavailable for %s→%s: %s", language, target,
                         "; ".join(failures))
                model = self.options.models.get(language)
                hint = (f"put {model} in {self.options.model_dir}/ (converted: {model}-ct2) or set "
                        "allow_download = true" if model else f"configure a model for '{language}' in models")
                self.context.warn(
                    f"translate: no neural model could be loaded for {language}→{target} ({hint}); using the "
                    f"dictionary gist backend '{translator.backend_id}', a word-by-word gist, not a translation")
            self._translators[language] = translator
            return translator
        reason = self._no_backend_reason(language)
        log.info("translate: no backend for %s→%s: %s", language, target, "; ".join(failures))
        self._unavailable[language] = reason
        self.context.warn(f"translate: {reason}" + (f" ({'; '.join(failures)})" if language in self.options.models
                                                     else ""))
        raise BackendUnavailable(reason)

    def _no_backend_reason(self, language: str) -> str:
        """Why `language` has no translation here, and what the user can do about it."""
        options = self.options
        pack = lang.find(language)
        name = f"{pack.name} ({language})" if pack and pack.name else f"'{language}'"
        model = options.models.get(language)
        if options.backend not in ("auto", "marian", "ctranslate2"):
            return f"the translation backend '{options.backend}' cannot translate {name}"
        if model:
            return (f"the translation model {model} for {name} is not available here: run "
                    f"`pressnlp models fetch {language}` on a machine with internet, or put it in "
                    f"{options.model_dir}/ (see models/README.md)")
        example = f"Helsinki-NLP/opus-mt-{language}-{self.context.target_language}"
        return (f"no translation model for {name}: add one under [stages.translate] "
                f"models = {{ {language} = \"{example}\" }} and put it in {options.model_dir}/ "
                f"(`pressnlp models fetch {language}` does it; see models/README.md)")

    def _glossary(self, language: str) -> Glossary:
        """Built-in, user file and `keep` terms of one source language; later ones override."""
        terms = self._terms or self._refresh_glossary()
        key = (language, terms.digest)
        if key not in self._glossaries:
            entries: dict[str, GlossaryEntry] = {}
            if self.options.builtin_glossary:
                entries.update((e.term, e) for e in _builtin_entries(language))
            entries.update((e.term, e) for e in terms.entries)
            entries.update((term, GlossaryEntry(term, None)) for term in self.options.keep)
            self._glossaries[key] = Glossary(entries.values(), language)
        return self._glossaries[key]

    # --- processing ---------------------------------------------------------------------------
    def process_documents(self, records: list[dict[str, Any]],
                          contexts: list[DocumentContext]) -> list[dict[str, Any]]:
        """Also leaves each translated document's glossary in its notes (GLOSSARY_NOTE), so that
        the user's terminology names partners in English the way it translates them."""
        records = self.process_batch(records)
        for record, context in zip(records, contexts, strict=True):
            translation = record.get("translation")
            if translation and (glossary := self._glossary(translation["source_language"])):
                context.notes[GLOSSARY_NOTE] = glossary
        return records

    def process_batch(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.setup()
        self._refresh_glossary()
        target = self.context.target_language
        planned: list[tuple[dict[str, Any], str, Translator, list[_Unit], _Unit | None]] = []
        for record in records:
            record["translation"] = None
            language = (record.get("language") or {}).get("code") or "und"
            if language in ("und", target) or not (record.get("text") or "").strip():
                continue
            try:
                translator = self.translator(language)
            except BackendUnavailable as exc:
                self.skip(record, str(exc))
                continue
            units = self._text_units(record, language)
            title = record.get("title")
            title_unit = self._unit(title, None, language, translator) if title and title.strip() else None
            planned.append((record, language, translator, units, title_unit))

        all_units = [u for _, _, _, units, title in planned for u in [*units, *([title] if title else [])]]
        translated = self._translate_units(all_units)
        for record, language, translator, units, title_unit in planned:
            record["translation"] = self._assemble(record, language, translator, units, title_unit, translated)
        return records

    def _text_units(self, record: dict[str, Any], language: str) -> list[_Unit]:
        text = record["text"]
        segments = (record.get("language") or {}).get("segments") or []
        units: list[_Unit] = []
        for paragraph in split_paragraphs(text):
            paragraph_language = _span_language(paragraph, segments) or language
            if paragraph_language == "und":
                paragraph_language = language
            translator = None
            if paragraph_language != self.context.target_language:
                try:
                    translator = self.translator(paragraph_language)
                except BackendUnavailable:
                    log.debug("%s: paragraph in %s kept as written", record.get("id"), paragraph_language)
            for start, end in split_sentences(text, paragraph_language, span=paragraph):
                units.append(self._unit(text[start:end], (start, end), paragraph_language, translator))
        return units

    def _unit(self, sentence: str, source: tuple[int, int] | None, language: str,
              translator: Translator | None) -> _Unit:
        marker = _LINE_MARKER.match(sentence)
        prefix = marker.group() if marker else ""
        core = sentence[len(prefix):]
        if translator is None:
            return _Unit(source, "", None, original=sentence)
        spans = choose_spans([*self._glossary(language).find(core),
                              *find_protected(core, self.options.protect, language)])
        masked = mask(core, spans)
        unit = _Unit(source, prefix, masked, translator, original=sentence)
        if masked.has_words:
            limit = translator.max_tokens
            unit.pieces = ([masked.text] if limit is None else split_to_fit(
                masked.text, lambda piece: translator.count_tokens(piece) <= limit, language))
        return unit

    def _translate_units(self, units: list[_Unit]) -> dict[tuple[int, str], str]:
        """Translations of every distinct piece, per translator: memory first, then the engine."""
        wanted: dict[int, tuple[Translator, dict[str, None]]] = {}
        for unit in units:
            if unit.translator is not None and unit.pieces:
                wanted.setdefault(id(unit.translator), (unit.translator, {}))[1].update(
                    dict.fromkeys(unit.pieces))
        results: dict[tuple[int, str], str] = {}
        for key, (translator, pieces) in wanted.items():
            for piece, translation in self._translate_pieces(translator, list(pieces)).items():
                results[(key, piece)] = translation
        return results

    def _translate_pieces(self, translator: Translator, pieces: list[str]) -> dict[str, str]:
        setup = {"translator": translator.describe(), "max_tokens": translator.max_tokens}
        keys = {piece: memory_key(setup, piece) for piece in pieces}
        stored = self._memory.lookup(keys.values()) if self._memory else {}
        done = {piece: stored[key] for piece, key in keys.items() if key in stored}
        todo = sorted((piece for piece in pieces if piece not in done), key=translator.count_tokens)
        batch_size = self.options.batch_size
        for start in range(0, len(todo), batch_size):
            chunk = todo[start:start + batch_size]
            outputs = translator.translate_batch(chunk)
            if len(outputs) != len(chunk):
                raise RuntimeError(f"{translator.backend_id} returned {len(outputs)} translations for {len(chunk)}")
            fresh = dict(zip(chunk, (output.strip() for output in outputs), strict=True))
            done.update(fresh)
            if self._memory:
                self._memory.store(translator.backend_id, [(keys[p], p, t) for p, t in fresh.items()])
        return done

    def _render(self, unit: _Unit, results: dict[tuple[int, str], str]) -> tuple[str, list[tuple[int, int, str]]]:
        """Target text of a unit and the (start, end, kind) of the spans restored in it."""
        if unit.masked is None:
            return unit.original, []
        if unit.pieces:
            joined = " ".join(results[(id(unit.translator), piece)] for piece in unit.pieces)
        else:
            joined = unit.masked.text
        restored, spans = unmask(joined, unit.masked)
        offset = len(unit.prefix)
        return unit.prefix + restored, [(s + offset, e + offset, kind) for s, e, kind in spans]

    def _assemble(self, record: dict[str, Any], language: str, translator: Translator, units: list[_Unit],
                  title_unit: _Unit | None, results: dict[tuple[int, str], str]) -> dict[str, Any]:
        text = record["text"]
        parts: list[str] = []
        length = 0
        position = 0
        segments: list[dict[str, list[int]]] = []
        protected: list[list[int]] = []
        glossary: list[list[int]] = []
        untranslated: list[list[int]] = []
        for unit in units:
            start, end = unit.source
            gap = text[position:start]  # paragraph breaks, line breaks, spaces: kept as they are
            parts.append(gap)
            length += len(gap)
            rendered, spans = self._render(unit, results)
            segments.append({"source": [start, end], "target": [length, length + len(rendered)]})
            for span_start, span_end, kind in spans:
                (glossary if kind in _GLOSSARY_KINDS else protected).append(
                    [length + span_start, length + span_end])
            if unit.translator is not None:
                left = unit.translator.untranslated(unit.original, rendered)
                untranslated += [[length + s, length + e] for s, e in left
                                 if not any(a < e and s < b for a, b, _ in spans)]
            parts.append(rendered)
            length += len(rendered)
            position = end
        parts.append(text[position:])
        translation = {
            "source_language": language, "target_language": self.context.target_language,
            "backend": translator.backend_id,
            "title": self._render(title_unit, results)[0] if title_unit else None,
            "text": "".join(parts), "segments": segments, "protected": protected, "glossary": glossary,
        }
        if untranslated:
            translation["untranslated"] = untranslated
        return translation


def _span_language(span: tuple[int, int], segments: list[dict[str, Any]]) -> str | None:
    """Language of the detected segment that overlaps `span` most."""
    best, best_overlap = None, 0
    for segment in segments:
        overlap = min(span[1], segment.get("end", 0)) - max(span[0], segment.get("start", 0))
        if overlap > best_overlap and segment.get("code"):
            best, best_overlap = segment["code"], overlap
    return best


def _builtin_entries(language: str) -> list[GlossaryEntry]:
    """The language pack's own glossary (lang/<code>/glossary.toml), after the official English
    names of the well-known institutions and programmes in its gazetteer ("Uniwersytetu Warszawskiego"
    → "University of Warsaw"; a name English keeps comes out in its base form: "Bankiem Gospodarstwa
    Krajowego" → "Bank Gospodarstwa Krajowego")."""
    pack = lang.find(language)
    if pack is None:
        return []
    from pressnlp.stages.extract.gazetteer import builtin_entries  # the one reader of gazetteer.tsv

    official = [GlossaryEntry(entry.name, entry.name_en) for entry in builtin_entries()
                if entry.language == language and entry.name_en]
    return [*official, *toml_entries(pack.toml("glossary.toml"), f"built-in glossary of {pack.name}")]

