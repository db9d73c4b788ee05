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


def build_marian_vocabulary(out: Path, texts: Sequence[str], *, pieces: int, size: int = 0) -> dict[str, int]:
    """Write a Marian model's vocabulary files into `out` as opus-mt ships them: source.spm and
    target.spm (one sentencepiece model of about `pieces` pieces trained on `texts`) and
    vocab.json (</s> 0, <unk> 1, the pieces, <pad> last). With `size`, unused entries fill the
    vocabulary up to that many before <pad>. Returns the vocabulary."""
    import sentencepiece as spm

    work = out / "_spm"
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(texts) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(work / "sp"), vocab_size=pieces, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, pad_id=-1, bos_id=-1, eos_id=1, unk_id=0,
        minloglevel=2)
    for name in ("source.spm", "target.spm"):
        shutil.copy(work / "sp.model", out / name)
    model = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(model.get_piece_size()):
        vocab.setdefault(model.id_to_piece(index), len(vocab))
    while len(vocab) < size - 1:
        vocab[f"<unused{len(vocab)}>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(work)
    return vocab


def build_tiny_marian(out_dir: str | Path, pairs: Sequence[tuple[str, str]] | None = None, *,
                      steps: int = 250, seed: int = 0, source_language: str = "pl",
                      target_language: str = "en", max_positions: int = 128) -> Path:
    """Train a MarianMT model (d_model 64, 2+2 layers) on `pairs` and save it with its tokenizer.

    Two details make CTranslate2 and transformers agree on it, as they do on real opus-mt models:
    `<pad>` is the last vocabulary entry (the converter drops the last entry), and the `<pad>`
    embedding row stays zero (transformers starts decoding from it, CTranslate2 from zeros).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    pairs = list(pairs) if pairs is not None else toy_pairs_pl_en()
    out = Path(out_dir)
    vocab = build_marian_vocabulary(out, [text for pair in pairs for text in pair], pieces=1000)
    pad = vocab["<pad>"]
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


# Polish sentences of press-release shape with the organisations marked in square brackets, for a
# tiny organisation tagger. The invented names have no organisation word, legal form or acronym
# (what the rules cannot find) and appear in several cases; capitalised places, people and
# sentence-initial words are taught as not organisations.
TOY_NER_SENTENCES_PL: tuple[str, ...] = (
    "[Srebrna Sowa] podpisała umowę z miastem Katowice.",
    "Umowę ze [Srebrną Sową] podpisał prezydent Marcin Krupa.",
    "Projekt [Srebrnej Sowy] potrwa do końca roku.",
    "Dzięki [Srebrnej Sowie] powstanie nowy park w Gliwicach.",
    "[Zielony Most] przygotował nową aplikację dla mieszkańców.",
    "Współpraca z [Zielonym Mostem] zaczęła się w marcu.",
    "Eksperci [Zielonego Mostu] ocenią wnioski do czerwca.",
    "Anna Nowak z [Zielonego Mostu] przedstawiła wyniki badań.",
    "[Kwantowe Laboratorium] zbuduje centrum danych w Krakowie.",
    "Inwestycję [Kwantowego Laboratorium] sfinansuje miasto Kraków.",
    "Z [Kwantowym Laboratorium] współpracuje wielu studentów.",
    "Spotkanie odbyło się w Katowicach we wtorek.",
    "Prezydent Gliwic Katarzyna Kuczyńska-Budka otworzyła wystawę.",
    "Mieszkańcy Sosnowca i Bytomia mogą składać wnioski.",
    "Nowe autobusy wyjadą na ulice w czerwcu.",
    "Marek Wiśniewski zaprasza na konferencję w Warszawie.",
)
TOY_NER_LABELS: tuple[str, ...] = ("O", "B-ORG", "I-ORG")


def unmark(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """A sentence with "[...]" marks -> the plain text and the character spans that were marked."""
    text, spans, opened = "", [], 0
    for char in sentence:
        if char == "[":
            opened = len(text)
        elif char == "]":
            spans.append((opened, len(text)))
        else:
            text += char
    return text, spans


def build_tiny_token_classifier(out_dir: str | Path, sentences: Sequence[str] | None = None, *,
                                steps: int = 200, seed: int = 0, max_positions: int = 64) -> Path:
    """Train a BERT token classifier (hidden size 64, 2 layers, labels O/B-ORG/I-ORG) on sentences
    with "[...]"-marked organisations and save it with a cased WordPiece fast tokenizer. Its
    vocabulary is every word of the sentences plus single characters (so unseen words are spelt
    out), built here rather than by the WordPiece trainer, whose ties make it differ run to run.
    Every sub-word of a marked name is labelled (B-ORG on the name's first piece, I-ORG on the
    others), so any aggregation reads it back.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from tokenizers import pre_tokenizers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    examples = [unmark(sentence) for sentence in (sentences or TOY_NER_SENTENCES_PL)]
    split = pre_tokenizers.BertPreTokenizer().pre_tokenize_str
    words = sorted({word for text, _ in examples for word, _ in split(text)})
    characters = sorted({char for word in words for char in word})
    pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words,
              *(char for char in characters if char not in words), *(f"##{char}" for char in characters)]
    tokenizer = BertTokenizerFast(vocab={piece: index for index, piece in enumerate(pieces)}, do_lower_case=False,
                                  strip_accents=False, tokenize_chinese_chars=True, model_max_length=max_positions)

    label_ids = {label: index for index, label in enumerate(TOY_NER_LABELS)}
    batch = tokenizer([text for text, _ in examples], padding=True, return_offsets_mapping=True,
                      return_tensors="pt")
    offsets = batch.pop("offset_mapping").tolist()
    labels = torch.full(batch["input_ids"].shape, -100, dtype=torch.long)
    for row, (_, spans) in enumerate(examples):
        for position, word in enumerate(batch.word_ids(row)):
            if word is None:
                continue
            start, end = offsets[row][position]
            inside = [span for span in spans if span[0] <= start and end <= span[1]]
            label = "O" if not inside else "B-ORG" if start == inside[0][0] else "I-ORG"
            labels[row, position] = label_ids[label]

    config = BertConfig(vocab_size=len(tokenizer), hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=128, max_position_embeddings=max_positions,
                        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
                        num_labels=len(TOY_NER_LABELS), id2label=dict(enumerate(TOY_NER_LABELS)),
                        label2id=label_ids)
    torch.manual_seed(seed)
    model = BertForTokenClassification(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as for the Marian model: small matrices, busy CI machines
    try:
        for _ in range(steps):
            model(**batch, labels=labels).loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    finally:
        torch.set_num_threads(threads)
    model.eval()
    out = Path(out_dir)
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    return out
