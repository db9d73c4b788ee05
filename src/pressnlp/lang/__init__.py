"""Language data and small language helpers; imports nothing else of pressnlp."""
from __future__ import annotations

# English names of the languages a user is most likely to meet; other codes are shown as they are.
LANGUAGE_NAMES = {
    "pl": "Polish", "en": "English", "de": "German", "cs": "Czech", "sk": "Slovak", "uk": "Ukrainian",
    "fr": "French", "es": "Spanish", "it": "Italian", "lt": "Lithuanian", "ru": "Russian",
    "und": "undetermined",
}


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ("de" -> "German"), or the code itself."""
    return LANGUAGE_NAMES.get(code, code)
