"""What the two neural backends share: loading a tokenizer, bounding output length, batching."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pressnlp.stages.translate.base import BackendUnavailable

# Generated length allowed per input token, plus a margin: English runs ~1.3x Polish in pieces,
# so the bound never cuts a real translation but stops a degenerate one from looping on.
OUTPUT_PER_INPUT_TOKEN = 2
OUTPUT_MARGIN = 16


def decoding_limit(longest_input: int, cap: int) -> int:
    """Maximum number of generated tokens for a batch whose longest input has this many tokens."""
    return min(cap, OUTPUT_PER_INPUT_TOKEN * longest_input + OUTPUT_MARGIN)


def batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + max(1, size)]


def load_tokenizer(path: Path) -> Any:
    """The model's own tokenizer (sentencepiece for Marian), from its directory."""
    try:
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise BackendUnavailable("transformers is not installed: pip install 'pressnlp[neural]'") from exc
    try:
        return AutoTokenizer.from_pretrained(str(path))
    except (OSError, ValueError) as exc:
        raise BackendUnavailable(f"cannot load the tokenizer in {path}: {exc}") from exc
