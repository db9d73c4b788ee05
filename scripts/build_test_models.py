"""Build the tiny models the tests load from tests/data/models (pressnlp.testing.TINY_MODELS).

Tests never train the models whose exact outputs they assert: training rounds differently on every
CPU, so each model is trained here once, single-threaded from a seed (the same seed rebuilds the
same weights on the same machine), and committed. A model is kept only when every output the tests
assert is the expected one and clearly chosen: at each greedy step (each token, for the tagger) the
winning logit beats the runner-up by MIN_MARGIN_TO_COMMIT, far above the ~1e-5 by which kernels of
other CPUs move scores; otherwise the next seed is tried. Weights are stored as float16 (loaded as
float32) to keep each fixture a few hundred KB. tests/data/models/manifest.json records the seed,
steps, smallest margins and library versions of each build.

Usage: python scripts/build_test_models.py [--check] [NAME ...]
  --check  write nothing: rebuild each model with its recorded seed in a temporary folder, fail when
           its tokenizer or config files differ from the committed ones or the committed weights miss
           the margin here; say whether the rebuilt weights are identical (they differ on other CPUs).
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from pressnlp.testing import MIN_MARGIN_TO_COMMIT, TINY_MODELS, Decision, TinyModel

logger = logging.getLogger("build_test_models")

REPO_ROOT = Path(__file__).resolve().parent.parent
MODELS = REPO_ROOT / "tests" / "data" / "models"
MANIFEST = MODELS / "manifest.json"
WEIGHTS = "model.safetensors"


def store_half_precision(folder: Path) -> None:
    """Rewrite the weights as float16: half the bytes. config.json keeps dtype float32, so
    transformers (and the CTranslate2 converter through it) loads them as float32."""
    from safetensors.torch import load_file, save_file

    tensors = load_file(folder / WEIGHTS)
    save_file({name: tensor.half().contiguous() for name, tensor in tensors.items()}, folder / WEIGHTS,
              metadata={"format": "pt"})


def build(model: TinyModel, seed: int, out: Path) -> list[Decision]:
    """Train `model` from `seed` into `out`, store it, and return its decisions on what tests assert."""
    model.build(out, seed=seed, steps=model.steps)
    store_half_precision(out)
    return model.decisions(out)


def smallest_margins(decisions: list[Decision]) -> dict[str, float]:
    margins: dict[str, float] = {}
    for decision in decisions:
        margins[decision.engine] = round(min(margins.get(decision.engine, decision.margin), decision.margin), 3)
    return margins


def versions() -> dict[str, str]:
    import sentencepiece
    import tokenizers
    import torch
    import transformers

    return {"torch": torch.__version__, "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__, "sentencepiece": sentencepiece.__version__}


def build_and_commit(model: TinyModel, first_seed: int, attempts: int) -> dict:
    """The first seed whose model passes the margin check, written to tests/data/models/<name>."""
    for seed in range(first_seed, first_seed + attempts):
        with tempfile.TemporaryDirectory() as work:
            out = Path(work) / model.name
            decisions = build(model, seed, out)
            problems = model.problems(decisions, MIN_MARGIN_TO_COMMIT)
            if problems:
                logger.warning("%s seed %d: %d asserted outputs wrong or unclear, e.g. %s", model.name, seed,
                               len(problems), problems[0])
                continue
            shutil.rmtree(MODELS / model.name, ignore_errors=True)
            shutil.copytree(out, MODELS / model.name)
        entry = {"seed": seed, "steps": model.steps, "min_margin": smallest_margins(decisions), **versions()}
        logger.info("%s: seed %d, smallest margins %s", model.name, seed, entry["min_margin"])
        return entry
    raise SystemExit(f"{model.name}: no seed in {first_seed}..{first_seed + attempts - 1} gives clear outputs")


def check(model: TinyModel, entry: dict) -> list[str]:
    """What is wrong with the committed model: files a rebuild makes differently, unclear outputs."""
    committed = MODELS / model.name
    failures = [f"{model.name}: {problem}" for problem in model.problems(model.decisions(committed),
                                                                        MIN_MARGIN_TO_COMMIT)]
    with tempfile.TemporaryDirectory() as work:
        rebuilt = Path(work) / model.name
        model.build(rebuilt, seed=entry["seed"], steps=entry["steps"])
        store_half_precision(rebuilt)
        names = sorted({path.name for path in [*committed.iterdir(), *rebuilt.iterdir()]} - {WEIGHTS})
        failures += [f"{model.name}/{name} differs from a rebuild" for name in names
                     if not (committed / name).is_file() or not (rebuilt / name).is_file()
                     or (committed / name).read_bytes() != (rebuilt / name).read_bytes()]
        same = (committed / WEIGHTS).read_bytes() == (rebuilt / WEIGHTS).read_bytes()
    logger.info("%s: rebuilt weights %s", model.name,
                "identical" if same else "differ (expected on another CPU or library version)")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"models to build (default: all of {', '.join(TINY_MODELS)})")
    parser.add_argument("--check", action="store_true", help="write nothing; compare with a rebuild")
    parser.add_argument("--seed", type=int, default=0, help="first seed to try (default 0)")
    parser.add_argument("--attempts", type=int, default=5, help="seeds to try before giving up (default 5)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(TINY_MODELS))
    if unknown:
        parser.error(f"unknown models {unknown}; known: {', '.join(TINY_MODELS)}")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    names = args.names or list(TINY_MODELS)
    manifest = json.loads(MANIFEST.read_text("utf-8")) if MANIFEST.is_file() else {}
    if args.check:
        failures = [failure for name in names for failure in check(TINY_MODELS[name], manifest[name])]
        for failure in failures:
            logger.error(failure)
        return 1 if failures else 0
    for name in names:
        manifest[name] = build_and_commit(TINY_MODELS[name], args.seed, args.attempts)
    MANIFEST.write_text(json.dumps(dict(sorted(manifest.items())), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
