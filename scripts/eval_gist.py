#!/usr/bin/env python
"""Measure the lexicon backend on the corpus: chrF, BLEU, lexicon coverage and speed.

    .venv/bin/python scripts/eval_gist.py [--split dev] [--no-freedict] [--show 3]

Each Polish release with a reference (`translation_en` in the gold) goes through read, detect
and translate (backend lexicon, no translation memory); its translated text is scored against
the reference as one segment (sacrebleu, corpus-level over documents, plus per document).
Coverage is the share of content tokens (nouns, adjectives, verbs, adverbs; proper names and
words morfeusz does not know excluded) whose lemma or term our own lexicon has. Untranslated is
the share of lower-case words of the English text that are Polish words left as they were
(`lexicon.untranslated`, what `translation.untranslated` marks); `--folder` measures only that,
on any folder of Polish releases without references.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pressnlp.lang.segment import split_sentences
from pressnlp.stages.translate.base import TranslatorSettings
from pressnlp.stages.translate.lexicon import LexiconTranslator
from pressnlp.stages.translate.lexicon.untranslated import lowercase_words


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    """Gold lines of Polish releases that have a reference translation."""
    lines = [json.loads(line) for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return [g for g in lines if g.get("language") == "pl" and g.get("translation_en")]


def gist_pipeline(freedict: bool):  # noqa: ANN201 - pressnlp.api.Pipeline, imported late
    from pressnlp.api import Pipeline

    return Pipeline.from_config({
        "pipeline": {"stages": ["read", "detect", "translate"]},
        "stages": {"translate": {"backend": "lexicon", "memory": False,
                                 "backend_options": {"lexicon": {"freedict": freedict}}}},
    })


def untranslated_words(record: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(lower-case words the stage marked as left in Polish, lower-case words, those words) of a
    record's translation (`translation.untranslated`)."""
    translation = record.get("translation") or {}
    text = translation.get("text", "")
    marked = {start for start, _ in translation.get("untranslated", ())}
    words = lowercase_words(text)
    left = [word.group() for word in words if word.start() in marked]
    return len(left), len(words), left


def evaluate_folder(folder: Path, freedict: bool) -> dict[str, Any]:
    """Untranslated rate of the gist on every Polish release of a folder (no references needed)."""
    pipeline = gist_pipeline(freedict)
    left = total = documents = 0
    words: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        record = pipeline.process_file(path, id=str(path.relative_to(folder)))
        if (record.get("language") or {}).get("code") != "pl":
            continue
        k, t, found = untranslated_words(record)
        left, total, documents = left + k, total + t, documents + 1
        words += found
    return {"documents": documents, "untranslated": left / total if total else 0.0, "words": total,
            "left": words}


def evaluate(corpus: Path, split: str, freedict: bool) -> dict[str, Any]:
    """Scores of the lexicon backend on the releases of one split."""
    import sacrebleu

    pipeline = gist_pipeline(freedict)
    translator = LexiconTranslator("pl", "en", TranslatorSettings(extra={"freedict": freedict}))
    documents = []
    known = total = sentences = left = lowercase = 0
    left_words: list[str] = []
    seconds = 0.0
    for gold in load_gold(corpus):
        if gold.get("split") != split:
            continue
        record = pipeline.process_file(corpus / gold["id"], id=gold["id"])
        text = record["text"]
        pieces = [text[start:end] for start, end in split_sentences(text, "pl")]
        began = time.perf_counter()
        translator.translate_batch(pieces)
        seconds += time.perf_counter() - began
        sentences += len(pieces)
        for piece in pieces:
            k, t = translator.composer.coverage(piece)
            known, total = known + k, total + t
        hypothesis = (record.get("translation") or {}).get("text", "")
        k, t, found = untranslated_words(record)
        left, lowercase = left + k, lowercase + t
        left_words += found
        documents.append({"id": gold["id"], "hypothesis": hypothesis, "reference": gold["translation_en"],
                          "chrf": sacrebleu.sentence_chrf(hypothesis, [gold["translation_en"]]).score,
                          "bleu": sacrebleu.sentence_bleu(hypothesis, [gold["translation_en"]]).score})
    hypotheses = [d["hypothesis"] for d in documents]
    references = [[d["reference"] for d in documents]]
    return {
        "split": split, "documents": len(documents), "backend": translator.backend_id,
        "chrf": sacrebleu.corpus_chrf(hypotheses, references).score if documents else 0.0,
        "bleu": sacrebleu.corpus_bleu(hypotheses, references).score if documents else 0.0,
        "coverage": known / total if total else 0.0, "content_tokens": total,
        "untranslated": left / lowercase if lowercase else 0.0, "left": left_words,
        "sentences_per_second": sentences / seconds if seconds else 0.0, "per_document": documents,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--no-freedict", action="store_true", help="our lexicon only")
    parser.add_argument("--show", type=int, default=0, help="print the first N translations")
    parser.add_argument("--folder", type=Path, help="untranslated rate only, on this folder's Polish releases")
    parser.add_argument("--left", type=int, default=0, help="print the N most frequent words left in Polish")
    args = parser.parse_args(argv)
    if args.folder:
        found = evaluate_folder(args.folder, freedict=not args.no_freedict)
        print(f"{args.folder}  documents={found['documents']}  untranslated {found['untranslated']:.2%} "
              f"of {found['words']} lower-case words")
        _print_left(found["left"], args.left)
        return
    result = evaluate(args.corpus, args.split, freedict=not args.no_freedict)
    print(f"{result['backend']}  split={result['split']}  documents={result['documents']}")
    print(f"chrF {result['chrf']:.1f}  BLEU {result['bleu']:.1f}  coverage {result['coverage']:.1%} "
          f"of {result['content_tokens']} content tokens  untranslated {result['untranslated']:.2%}  "
          f"{result['sentences_per_second']:.0f} sentences/s")
    _print_left(result["left"], args.left)
    for document in result["per_document"]:
        print(f"  {document['id']:60} chrF {document['chrf']:5.1f}  BLEU {document['bleu']:5.1f}")
    for document in result["per_document"][:args.show]:
        print(f"\n== {document['id']}\n{document['hypothesis']}")


def _print_left(words: list[str], count: int) -> None:
    if count:
        print("left in Polish:", ", ".join(f"{w} {n}" for w, n in Counter(words).most_common(count)))


if __name__ == "__main__":
    main()
