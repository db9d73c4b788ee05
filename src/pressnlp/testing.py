"""Helpers for tests of pressnlp and of plug-ins: tiny models built offline in seconds.

Real translation models are hundreds of megabytes and cannot be downloaded in CI; a MarianMT
model trained for a few hundred steps on toy pairs loads through exactly the same code (tokenizer
files, config, weights) and translates its training pairs correctly, which is what tests need.
pressnlp's own tests load such models from tests/data/models, built once by
scripts/build_test_models.py from TINY_MODELS (see "margins" below for why they are not trained
in the test run). Needs the `neural` extra (torch, transformers, sentencepiece).
"""
from __future__ import annotations

import functools
import io
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressnlp.stages.translate.base import Translator, TranslatorSettings
from pressnlp.stages.translate.neural import decoding_limit

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


def build_marian_vocabulary(out: Path, texts: Sequence[str], *, pieces: int, size: int = 0,
                            normalization: str = "nmt_nfkc") -> dict[str, int]:
    """Write a Marian model's vocabulary files into `out` as opus-mt ships them: source.spm and
    target.spm (one sentencepiece model of about `pieces` pieces trained on `texts`, normalising
    text by the sentencepiece rule `normalization`) and vocab.json (</s> 0, <unk> 1, the pieces,
    <pad> last). With `size`, unused entries fill the vocabulary up to that many before <pad>.
    The files depend on `texts` and the settings only (no paths inside). Returns the vocabulary."""
    import sentencepiece as spm

    out.mkdir(parents=True, exist_ok=True)
    trained = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for text in texts for line in text.splitlines()]), model_writer=trained,
        vocab_size=pieces, model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        normalization_rule_name=normalization, pad_id=-1, bos_id=-1, eos_id=1, unk_id=0, num_threads=1,
        minloglevel=2)
    for name in ("source.spm", "target.spm"):
        (out / name).write_bytes(trained.getvalue())
    model = spm.SentencePieceProcessor(model_proto=trained.getvalue())
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(model.get_piece_size()):
        vocab.setdefault(model.id_to_piece(index), len(vocab))
    while len(vocab) < size - 1:
        vocab[f"<unused{len(vocab)}>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
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
    # No normalisation: opus-mt's nmt_nfkc character map alone is 240 KB, most of a committed fixture.
    vocab = build_marian_vocabulary(out, [text for pair in pairs for text in pair], pieces=1000,
                                    normalization="identity")
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


# Releases the NER tests tag, with the organisations the tiny tagger must find in them: "Srebrna
# Sowa" named in two cases and by a bracketed acronym (which the rules find); names only in oblique
# cases; a long release whose one sentence longer than the model's 64 positions names one.
_NER_FILLER = " ".join(["Spotkanie odbyło się w Katowicach we wtorek.", "Nowe autobusy wyjadą na ulice w czerwcu.",
                        "Marek Wiśniewski zaprasza na konferencję w Warszawie."] * 6)
_NER_TOWNS = ", ".join(["Sosnowca", "Bytomia", "Gliwic", "Zabrza", "Chorzowa", "Tychów"] * 5)
TOY_NER_RELEASES_PL: dict[str, tuple[str, tuple[str, ...]]] = {
    "acronym": (
        "Srebrna Sowa i Politechnika Śląska rozpoczynają wspólny projekt\n\nKatowice, 5 maja 2024 r.\n\n"
        "Srebrna Sowa (FSS) podpisała umowę z Politechniką Śląską. Współpraca ze Srebrną Sową potrwa dwa lata, "
        "a jej efekty oceni Górnośląsko-Zagłębiowska Metropolia (GZM). FSS zaprasza na konferencję w Katowicach.\n",
        ("Srebrna Sowa", "Srebrna Sowa", "Srebrną Sową")),
    "inflected": (
        "Nowa aplikacja dla mieszkańców Gliwic\n\nWspółpraca z Zielonym Mostem zaczęła się w marcu. "
        "Eksperci Zielonego Mostu przedstawili wyniki badań prezydent Katarzynie Kuczyńskiej-Budce.\n",
        ("Zielonym Mostem", "Zielonego Mostu")),
    "long": (
        f"{_NER_FILLER}\n\nMieszkańcy {_NER_TOWNS} i Katowic mogą składać wnioski do Srebrnej Sowy.\n\n"
        f"{_NER_FILLER} Współpraca z Zielonym Mostem zaczęła się w marcu.\n",
        ("Srebrnej Sowy", "Zielonym Mostem")),
}

# What the summarize stage hands a summariser of a release (its candidate sentences), and a
# summary, per language, for a tiny abstractive summariser.
TOY_SUMMARY_PAIRS: tuple[tuple[str, str], ...] = (
    ("Miasto buduje nowy dworzec autobusowy przy ulicy Dworcowej.", "Miasto buduje dworzec."),
    ("The school is opening a new sports hall for five hundred pupils. It cost four million pounds.",
     "A school opens a hall."),
)


# --- margins: why tests may assert the exact output of a committed tiny model ---------------------
# Kernels for different CPUs (AVX-512, AVX2, the portable default; other thread counts) round
# differently, which moves a model's scores by about 1e-5. An exact assert on a model's output is
# therefore portable only where every choice the model makes is clear: at each greedy decoding step
# (each token, for a tagger) the winning logit beats the runner-up by far more than that. The tiny
# models are trained once (scripts/build_test_models.py, which insists on MIN_MARGIN_TO_COMMIT) and
# committed; a test recomputes the margins under the kernels of the machine it runs on.
MIN_MARGIN_TO_COMMIT = 1.0
MIN_MARGIN_TO_TEST = 0.5


@dataclass(frozen=True)
class Decision:
    """What an engine made of one input, and how clearly: `margin` is the smallest gap, in logits,
    between the winning and the runner-up score over the decoding steps (tokens, for a tagger)."""

    engine: str
    source: str
    output: str
    margin: float


def seq2seq_decisions(model_dir: Path, sources: Sequence[str]) -> list[Decision]:
    """Greedy outputs of a transformers seq2seq model (Marian, a summariser) and their margins."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(model_dir)).eval()
    encoded = tokenizer(list(sources), return_tensors="pt", padding=True)
    longest = int(encoded["attention_mask"].sum(dim=1).max())
    with torch.inference_mode():
        generated = model.generate(**encoded, num_beams=1, do_sample=False, output_scores=True,
                                   return_dict_in_generate=True,
                                   max_new_tokens=decoding_limit(longest, model.config.max_position_embeddings))
    top = torch.stack(generated.scores, dim=1).topk(2, dim=-1).values
    gaps = (top[..., 0] - top[..., 1]).tolist()
    outputs = tokenizer.batch_decode(generated.sequences, skip_special_tokens=True)
    eos = model.generation_config.eos_token_id
    decisions = []
    for row, source in enumerate(sources):
        steps = generated.sequences[row, 1:].tolist()  # after the decoder's start token
        length = steps.index(eos) + 1 if eos in steps else len(steps)
        decisions.append(Decision("transformers", source, outputs[row].strip(), min(gaps[row][:length])))
    return decisions


def ctranslate2_decisions(model_dir: Path, sources: Sequence[str], compute_type: str = "float32") -> list[Decision]:
    """Greedy outputs of a converted model through the CTranslate2 backend's own tokenization,
    and their margins."""
    import numpy

    from pressnlp.stages.translate.ct2 import CTranslate2Translator

    engine = CTranslate2Translator("src", "tgt", TranslatorSettings(model=str(model_dir), beam_size=1,
                                                                  extra={"compute_type": compute_type}))
    tokens = [engine.tokens.encode(source) for source in sources]
    results = engine.translator.translate_batch(
        tokens, beam_size=1, max_input_length=0, return_logits_vocab=True,
        max_decoding_length=decoding_limit(max(map(len, tokens)), engine.max_tokens))
    decisions = []
    for source, result in zip(sources, results, strict=True):
        gaps = [float(numpy.diff(numpy.sort(numpy.asarray(step))[-2:])[0]) for step in result.logits[0]]
        decisions.append(Decision(f"ctranslate2-{compute_type}", source, engine.tokens.decode(result.hypotheses[0]),
                                  min(gaps)))
    return decisions


def token_classifier_decisions(model_dir: Path, texts: Sequence[str], language: str = "pl") -> list[Decision]:
    """The organisations the `ner` backend of the extract stage finds in each text, and the margin
    between the two best labels over every word piece of the windows that backend tags."""
    import torch

    from pressnlp.stages.extract.ner import NerOptions, NerTagger
    from pressnlp.stages.extract.text import Doc

    tagger = NerTagger(NerOptions(model=Path(model_dir)))
    tagger.load()
    special = torch.tensor(tagger._tokenizer.all_special_ids)
    forwards: list[tuple[Any, Any]] = []
    hook = tagger._model.register_forward_hook(
        lambda _module, _args, kwargs, output: forwards.append((kwargs["input_ids"], output.logits)), with_kwargs=True)
    decisions = []
    try:
        for text in texts:
            forwards.clear()
            doc = Doc(text, language)
            found = [text[doc.tokens[part[0]].start:doc.tokens[part[-1]].end] for part in tagger.entities(doc)]
            gaps = []
            for input_ids, logits in forwards:
                top = logits.topk(2, dim=-1).values
                gaps += (top[..., 0] - top[..., 1])[~torch.isin(input_ids, special)].tolist()
            decisions.append(Decision("transformers", text, "; ".join(found), min(gaps)))
    finally:
        hook.remove()
    return decisions


def _marian_decisions(model_dir: Path, sources: Sequence[str]) -> list[Decision]:
    """Through transformers and, converted in float32, through CTranslate2: tests assert both."""
    from pressnlp.models import convert_model

    with tempfile.TemporaryDirectory() as converted:
        ct2 = convert_model(model_dir, Path(converted) / "ct2", "float32")
        return [*seq2seq_decisions(model_dir, sources), *ctranslate2_decisions(ct2, sources)]


@dataclass(frozen=True)
class TinyModel:
    """A tiny model committed under tests/data/models/<name>: how it is built, and what tests assert
    of it exactly, as input -> output (translation, summary, or the organisations found)."""

    name: str
    build: Callable[..., Path]  # build(out_dir, seed=..., steps=...)
    steps: int
    expected: dict[str, str]
    decide: Callable[[Path, Sequence[str]], list[Decision]]

    def decisions(self, model_dir: Path) -> list[Decision]:
        return self.decide(model_dir, list(self.expected))

    def problems(self, decisions: Sequence[Decision], min_margin: float) -> list[str]:
        """Each decision whose output is not the expected one or whose margin is below `min_margin`."""
        return [f"{decision.engine}: {decision.source[:60]!r} -> {decision.output!r} (margin {decision.margin:.3f})"
                for decision in decisions
                if decision.margin < min_margin or decision.output != self.expected[decision.source]]


TINY_MODELS: dict[str, TinyModel] = {model.name: model for model in (
    TinyModel("tiny-opus-mt-pl-en", build_tiny_marian, 250, dict(toy_pairs_pl_en()), _marian_decisions),
    TinyModel("tiny-ner-pl", build_tiny_token_classifier, 200,
              {text: "; ".join(found) for text, found in TOY_NER_RELEASES_PL.values()}, token_classifier_decisions),
    TinyModel("tiny-summariser", functools.partial(build_tiny_marian, pairs=TOY_SUMMARY_PAIRS), 60,
              dict(TOY_SUMMARY_PAIRS), seq2seq_decisions),
)}
