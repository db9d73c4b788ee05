"""English for selected source sentences, read off the translation's sentence alignment.

translation.segments pairs source offsets (in record["text"]) with target offsets (in
translation.text). The English of the selected sentences is the target text of every segment
whose source span overlaps one of them, each segment once, in source order: the translator may
split a long sentence into clauses (several segments for one sentence) or segment differently
from us (one segment over two sentences).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

log = logging.getLogger(__name__)

Span = tuple[int, int]


def aligned_english(translation: dict[str, Any], spans: Sequence[Span]) -> str | None:
    """Joined translation of `spans`; None when one of them has no aligned segment."""
    target_text = translation.get("text") or ""
    segments = sorted(translation.get("segments") or [], key=lambda segment: tuple(segment["source"]))
    used: list[int] = []
    for start, end in spans:
        overlapping = [i for i, segment in enumerate(segments) if _overlaps(segment["source"], (start, end))]
        if not overlapping:
            log.warning("no translation segment is aligned with source span %d-%d", start, end)
            return None
        used.extend(i for i in overlapping if i not in used)
    pieces = (target_text[segments[i]["target"][0]:segments[i]["target"][1]].strip() for i in sorted(used))
    return " ".join(piece for piece in pieces if piece)


def _overlaps(source: Sequence[int], span: Span) -> bool:
    return source[0] < span[1] and span[0] < source[1]
