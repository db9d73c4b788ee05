"""Helpers for tests of pressnlp and of plug-ins: tiny models built offline in seconds.

Real translation models are hundreds of megabytes and cannot be downloaded in CI; a MarianMT
model trained for a few hundred steps on toy pairs loads through exactly the same code (tokenizer
files, config, weights) and translates its training pairs correctly, which is what tests need.
Needs the `neural` extra (torch, transformers, sentencepiece).
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from pressnlp.stages.translate.base import Translator, TranslatorSettings

# Polish→English sentences of press-release shape. Each is also taught in the three forms it takes
# as a clause of a long sentence (first, middle, last), because the stage splits long sentences at
# clause boundaries before translation; "XZ<n>" pairs teach the model to copy placeholders.
TOY_SENTENCES_PL_EN: tuple[tuple[str, str], ...] = (
    ("Projekt jest gotowy.", "The project is ready."),
    ("Miasto buduje nową drogę.", "The city is building a new road."),
    ("Metropolia kupuje nowe autobusy.", "The metropolis is buying new buses."),
    ("Szkoła otwiera nową salę.", "The school is opening a new hall."),
    ("Umowa została podpisana.", "The agreement has been signed."),
    ("Zapraszamy na konferencję.", "We invite you to the conference."),
    ("Pociąg jedzie do Katowic.", "The train goes to Katowice."),
    ("Dziękujemy za uwagę.", "Thank you for your attention."),
    ("Napisz do XZ0.", "Write to XZ0."),
    ("Zadzwoń pod numer XZ0.", "Call XZ0."),
    ("Koszt wynosi XZ0.", "The cost is XZ0."),
    ("XZ0 podpisała umowę z XZ1.", "XZ0 signed an agreement with XZ1."),
    ("Strona projektu to XZ0.", "The project website is XZ0."),
)
TOY_LINES_PL_EN: tuple[tuple[str, str], ...] = (
    ("Nowy dworzec", "New station"),
    ("Informacja prasowa", "Press release"),
    ("Kontakt", "Contact"),
    ("Kontakt: XZ0, XZ1.", "Contact: XZ0, XZ1."),
)


def clause_forms(sentence: str) -> tuple[str, str, str]:
    """A sentence as the first, a middle and the last clause of a longer one."""
    body = sentence[:-1]
    lowered = body if body.startswith("XZ") else body[0].lower() + body[1:]
    return body + ",", lowered + ",", lowered + "."


def toy_pairs_pl_en() -> list[tuple[str, str]]:
    """Training pairs of the tiny Polish→English model: sentences, their clause forms, lines."""
    clauses = [pair for pl, en in TOY_SENTENCES_PL_EN for pair in zip(clause_forms(pl), clause_forms(en), strict=True)]
    return [*TOY_SENTENCES_PL_EN, *dict.fromkeys(clauses), *TOY_LINES_PL_EN]


def build_tiny_marian(out_dir: str | Path, pairs: Sequence[tuple[str, str]] | None = None, *,
                      steps: int = 250, seed: int = 0, source_language: str = "pl",
                      target_language: str = "en", max_positions: int = 128) -> Path:
    """Train a MarianMT model (d_model 64, 2+2 layers) on `pairs` and save it with its tokenizer.

    Two details make CTranslate2 and transformers agree on it, as they do on real opus-mt models:
    `<pad>` is the last vocabulary entry (the converter drops the last entry), and the `<pad>`
    embedding row stays zero (transformers starts decoding from it, CTranslate2 from zeros).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    pairs = list(pairs) if pairs is not None else toy_pairs_pl_en()
    out = Path(out_dir)
    work = out / "_spm"
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(text for pair in pairs for text in pair) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(work / "sp"), vocab_size=1000, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, pad_id=-1, bos_id=-1, eos_id=1, unk_id=0,
        minloglevel=2)
    for name in ("source.spm", "target.spm"):
        shutil.copy(work / "sp.model", out / name)
    pieces = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    vocab = {"</s>": 0, "<unk>": 1}  # the opus-mt layout
    for index in range(pieces.get_piece_size()):
        vocab.setdefault(pieces.id_to_piece(index), len(vocab))
    pad = vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(work)

    tokenizer = MarianTokenizer(str(out / "source.spm"), str(out / "target.spm"), str(out / "vocab.json"),
                                source_lang=source_language, target_lang=target_language)
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=64, encoder_layers=2,
        decoder_layers=2, encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=128,
        decoder_ffn_dim=128, max_position_embeddings=max_positions, pad_token_id=pad, eos_token_id=0,
        decoder_start_token_id=pad, forced_eos_token_id=0, share_encoder_decoder_embeddings=True,
        dropout=0.0, num_beams=1, max_length=max_positions)
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    batch = tokenizer([source for source, _ in pairs], text_target=[target for _, target in pairs],
                      padding=True, return_tensors="pt")
    batch["labels"][batch["labels"] == pad] = -100
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    # One thread: matrices this small gain nothing from more, and on a busy CI machine competing
    # OpenMP threads made training 3x slower.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        for _ in range(steps):
            model(**batch).loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            with torch.no_grad():
                model.get_input_embeddings().weight[pad].zero_()
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    return out


class UppercaseTranslator(Translator):
    """A stand-in engine for tests of everything around the engine: "translates" by upper-casing
    words, keeps placeholders, and — like a real model — silently drops words past its input limit
    (`settings.max_input_tokens`), so a test proves the stage never lets that happen.
    Use it as `backend = "pressnlp.testing:UppercaseTranslator"`. `calls` records every batch."""

    calls: list[list[str]] = []  # class-level: the stage creates the instance itself

    def __init__(self, source_language: str, target_language: str, settings: TranslatorSettings):
        super().__init__(source_language, target_language, settings)
        self.backend_id = f"upper:{source_language}-{target_language}"

    @property
    def max_tokens(self) -> int:
        return self.settings.max_input_tokens

    def translate_batch(self, sentences: list[str]) -> list[str]:
        UppercaseTranslator.calls.append(list(sentences))
        return [" ".join(sentence.split()[:self.max_tokens]).upper()
                for sentence in sentences]
