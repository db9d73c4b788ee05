"""The shared text normaliser of SPEC.md section 3: the scorer matches names with it, and the
stages that must agree with the scorer (gazetteer look-ups, merging a partner's mentions) use the
same one, so "Górnośląsko-Zagłębiowska" and "GORNOSLASKO ZAGLEBIOWSKA" are one key everywhere."""
from __future__ import annotations

import functools
import re
import unicodedata

_NON_ALNUM = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=100_000)
def normalise(text: str) -> str:
    """NFKD, combining marks dropped, 'ł'->'l', casefolded, non-alphanumeric runs -> one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.replace("ł", "l").replace("Ł", "L").casefold()
    return _NON_ALNUM.sub(" ", folded).strip()
