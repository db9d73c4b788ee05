"""Language knowledge: one pack per language (`lang/<code>/`, data files plus a small class) and the
shared helpers that work on any language (segmenting, normalising). Imports nothing else of pressnlp.

    >>> from pressnlp import lang
    >>> lang.get("pl").words("stopwords.txt")
"""
from pressnlp.lang.pack import Language, UnknownLanguage, available, find, get

__all__ = ["Language", "UnknownLanguage", "available", "find", "get"]
