"""Language knowledge: one pack per language (`lang/<code>/`, data files plus a small class) and the
shared algorithms that work on any language's pack (segmenting, dates, lemmas). Imports nothing
else of pressnlp.

    >>> from pressnlp import lang
    >>> "się" in lang.get("pl").stopwords
    True
"""
from pressnlp.lang.pack import Language, Morphology, UnknownLanguage, available, clear_cache, find, get

__all__ = ["Language", "Morphology", "UnknownLanguage", "available", "clear_cache", "find", "get"]
