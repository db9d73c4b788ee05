"""Translate stage: release text into the target language, keeping layout, terms and protected spans.

Backends (marian, ctranslate2, lexicon) implement `base.Translator`; the stage does the rest.
"""
from pressnlp.stages.translate.base import BackendUnavailable, Translator, TranslatorSettings
from pressnlp.stages.translate.stage import TranslateOptions, TranslateStage

__all__ = ["BackendUnavailable", "TranslateOptions", "TranslateStage", "Translator", "TranslatorSettings"]
