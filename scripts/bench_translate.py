#!/usr/bin/env python
"""Benchmark: transformers fp32 against CTranslate2 int8 on the opus-mt-pl-en architecture.

Real weights cannot be downloaded here, so the model is randomly initialised with the same shape
as Helsinki-NLP/opus-mt-pl-en (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocabulary 58,101);
speed and memory depend on the shape, not on the values. Random weights never emit </s>, so both
engines generate exactly --max-tokens tokens per sentence (forced minimum = maximum): equal work.
Sentences are tokenized once beforehand; each engine runs in its own process so that the timings
and the peak RSS are the engine's own. Prints a Markdown table.

    .venv/bin/python scripts/bench_translate.py [--sentences 500] [--threads 2] [--beam-size 4]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
VOCAB_SIZE = 58_101  # opus-mt-pl-en's vocabulary size


def corpus_sentences(count: int, seed: int = 0) -> list[str]:
    """`count` Polish sentences from corpus/pl (txt, md), topped up with generated ones."""
    from pressnlp.lang.segment import split_sentences

    sentences: list[str] = []
    for path in sorted((ROOT / "corpus" / "pl").glob("*")):
        if path.suffix in (".txt", ".md"):
            text = path.read_text("utf-8", errors="replace")
            sentences += [text[s:e] for s, e in split_sentences(text, "pl") if len(text[s:e].split()) >= 4]
    rng = random.Random(seed)
    words = [w for s in sentences for w in re.findall(r"\w+", s)] or "miasto projekt umowa rok nowy".split()
    while len(sentences) < count:
        sentences.append(" ".join(rng.choice(words) for _ in range(rng.randint(8, 30))).capitalize() + ".")
    rng.shuffle(sentences)
    return sentences[:count]


def build_model(out: Path, texts: list[str], threads: int) -> Path:
    """A randomly initialised MarianMT with opus-mt-pl-en's shape, saved like an opus-mt download."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    from pressnlp.testing import build_marian_vocabulary

    torch.set_num_threads(threads)
    out.mkdir(parents=True, exist_ok=True)
    vocab = build_marian_vocabulary(out, texts, pieces=8000, size=VOCAB_SIZE)  # the real size
    pad = vocab["<pad>"]
    tokenizer = MarianTokenizer(str(out / "source.spm"), str(out / "target.spm"), str(out / "vocab.json"),
                                source_lang="pl", target_lang="en")
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=512, encoder_layers=6, decoder_layers=6,
        encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048,
        activation_function="swish", max_position_embeddings=512, scale_embedding=True, pad_token_id=pad,
        eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0, share_encoder_decoder_embeddings=True)
    torch.manual_seed(0)
    model = MarianMTModel(config)
    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    return out


def tokenize(model: Path, sentences: list[str]) -> list[dict[str, list]]:
    """Model pieces and ids of each sentence, computed once here so that the timed workers run the
    engines only (and the CTranslate2 worker needs neither transformers nor torch)."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model))
    encoded = [tokenizer(sentence).input_ids for sentence in sentences]
    return [{"ids": ids, "pieces": tokenizer.convert_ids_to_tokens(ids), "pad": tokenizer.pad_token_id}
            for ids in sorted(encoded, key=len)]


def worker(engine: str, model: Path, inputs: list[dict[str, list]], args: argparse.Namespace) -> dict[str, float]:
    """Translate pre-tokenized, length-sorted inputs in batches with one engine; time, tokens, peak RSS."""
    batches = [inputs[i:i + args.batch_size] for i in range(0, len(inputs), args.batch_size)]
    started = time.perf_counter()
    if engine == "transformers":
        import torch
        from transformers import AutoModelForSeq2SeqLM

        torch.set_num_threads(args.threads)
        seq2seq = AutoModelForSeq2SeqLM.from_pretrained(str(model)).eval()
        loaded = time.perf_counter()

        def run(batch: list[dict[str, list]]) -> int:
            pad, width = batch[0]["pad"], max(len(item["ids"]) for item in batch)
            ids = torch.tensor([item["ids"] + [pad] * (width - len(item["ids"])) for item in batch])
            with torch.inference_mode():
                output = seq2seq.generate(input_ids=ids, attention_mask=(ids != pad).long(),
                                          num_beams=args.beam_size, max_new_tokens=args.max_tokens,
                                          min_new_tokens=args.max_tokens)
            return int((output != pad).sum())
    else:
        import ctranslate2

        translator = ctranslate2.Translator(str(model), device="cpu", compute_type="int8",
                                            intra_threads=args.threads)
        loaded = time.perf_counter()

        def run(batch: list[dict[str, list]]) -> int:
            results = translator.translate_batch([item["pieces"] for item in batch], beam_size=args.beam_size,
                                                 max_input_length=0, max_decoding_length=args.max_tokens,
                                                 min_decoding_length=args.max_tokens)
            return sum(len(result.hypotheses[0]) for result in results)

    run(batches[0][:2])  # warm-up, not timed
    begin, begin_cpu = time.perf_counter(), time.process_time()
    generated = sum(run(batch) for batch in batches)
    seconds = time.perf_counter() - begin
    return {"seconds": seconds, "cpu_seconds": time.process_time() - begin_cpu,
            "load_seconds": loaded - started, "sentences": len(inputs),
            "source_tokens": sum(len(item["ids"]) for item in inputs), "generated_tokens": generated,
            "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, because ru_maxrss survives fork+exec and would
    report the parent's peak (the parent built the model)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-tokens", type=int, default=48, help="generated tokens per sentence, both engines")
    parser.add_argument("--workdir", type=Path, help="keep the models here (default: a temporary folder)")
    parser.add_argument("--worker", choices=["transformers", "ctranslate2"], help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        inputs = json.loads(args.input.read_text("utf-8"))
        print(json.dumps(worker(args.worker, args.model, inputs, args)))
        return

    from pressnlp.models import convert_model

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as temporary:
        work = args.workdir or Path(temporary)
        sentences = corpus_sentences(args.sentences)
        source = build_model(work / "opus-mt-pl-en-random", sentences, args.threads)
        converted = convert_model(source, work / "opus-mt-pl-en-random-ct2", "int8", force=True)
        (work / "inputs.json").write_text(json.dumps(tokenize(source, sentences), ensure_ascii=False), "utf-8")
        results = {}
        for engine, model in (("transformers", source), ("ctranslate2", converted)):
            command = [sys.executable, __file__, "--worker", engine, "--model", str(model),
                       "--input", str(work / "inputs.json"), "--threads", str(args.threads),
                       "--beam-size", str(args.beam_size), "--batch-size", str(args.batch_size),
                       "--max-tokens", str(args.max_tokens)]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            results[engine] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{args.sentences} corpus sentences, opus-mt-pl-en shape (random weights), {args.threads} threads, "
          f"beam {args.beam_size}, batch {args.batch_size}, {args.max_tokens} generated tokens each; "
          f"load average before/after: {load_before:.1f}/{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print("| engine | sentences/s | generated tokens/s | source tokens/s | wall s | CPU s | load s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    names = {"transformers": "transformers fp32", "ctranslate2": "CTranslate2 int8"}
    for engine, r in results.items():
        print(f"| {names[engine]} | {r['sentences'] / r['seconds']:.2f} | {r['generated_tokens'] / r['seconds']:.0f} "
              f"| {r['source_tokens'] / r['seconds']:.0f} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} "
              f"| {r['load_seconds']:.1f} | {r['peak_rss_mb']:.0f} |")
    hf, ct2 = results["transformers"], results["ctranslate2"]
    print(f"\nCTranslate2 int8 vs transformers fp32: {hf['seconds'] / ct2['seconds']:.2f}x the speed (wall), "
          f"{hf['cpu_seconds'] / ct2['cpu_seconds']:.2f}x (CPU time), "
          f"{hf['peak_rss_mb'] / ct2['peak_rss_mb']:.2f}x less peak memory")


if __name__ == "__main__":
    main()
