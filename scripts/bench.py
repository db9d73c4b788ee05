"""Throughput, per-stage time and peak memory of `pressnlp run` on generated corpora.

    python scripts/bench.py [--sizes 100,1000,10000] [--jobs 1,2] [--engine local|dask]
                            [--config pipeline.toml] [--seed 7] [--workdir DIR] [--json FILE]

For each size, scripts/make_corpus.py writes a corpus (reused when it is already there); for
each -j value `pressnlp run` processes it into a fresh output folder, as a subprocess, so what
is measured is what a user gets: interpreter start, model loading, workers, writing. Then the
same command runs once more on the same folder (the warm, incremental re-run: every document is
unchanged). Reported per run: wall seconds, releases/s, milliseconds per release for each stage
(OUT/manifest.json timings, time inside the stage in its worker), and peak memory two ways: the
largest single process (exact, from wait4) and the sum over the process tree (sampled every
0.1 s; shared pages of forked workers count once per process). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

logger = logging.getLogger("bench")

REPO_ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", "detect", "translate", "extract", "summarize")
SAMPLE_SECONDS = 0.1


@dataclass
class RunFigures:
    """One `pressnlp run` invocation."""

    releases: int
    jobs: int
    warm: bool
    seconds: float
    exit_code: int
    max_process_mib: float
    tree_peak_mib: float
    stage_ms: dict[str, float] = field(default_factory=dict)
    processed: int = 0
    cached: int = 0
    failed: int = 0

    @property
    def releases_per_second(self) -> float:
        return self.releases / self.seconds if self.seconds else 0.0

    @property
    def ms_per_release(self) -> float:
        return 1000 * self.seconds / self.releases if self.releases else 0.0


class TreeMemorySampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_bytes = 0
        self._finished = threading.Event()

    def run(self) -> None:
        while not self._finished.is_set():
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_bytes = max(self.peak_bytes, total)
            self._finished.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._finished.set()
        self.join()


def make_corpus(size: int, seed: int, workdir: Path) -> Path:
    """A generated corpus of `size` releases, reused when an earlier run left it complete."""
    corpus = workdir / f"corpus-{size}-seed{seed}"
    if (corpus / "gold.jsonl").is_file():
        return corpus
    logger.info("generating %d releases into %s", size, corpus)
    subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "make_corpus.py"), str(corpus),
                    "-n", str(size), "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    return corpus


def pressnlp_command(corpus: Path, out: Path, jobs: int, engine: str | None, config: str | None) -> list[str]:
    command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-o", str(out), "-j", str(jobs),
               "--no-progress"]
    if engine:
        command += ["--engine", engine]
    if config:
        command += ["-c", config]
    return command


def measure(command: list[str], releases: int, jobs: int, warm: bool, out: Path) -> RunFigures:
    """Run `command`, waiting with wait4 so its rusage (largest process among it and its reaped
    workers) belongs to this run alone. Its stderr goes to a log file next to `out`."""
    log_path = out.with_name(f"{out.name}{'-warm' if warm else ''}.log")
    with log_path.open("w", encoding="utf-8") as log_file:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log_file)
        sampler = TreeMemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    if process.returncode not in (0, 1):  # 1: some documents failed, which the table reports
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{tail}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest.get("counts", {})
    figures = RunFigures(
        releases=releases, jobs=jobs, warm=warm, seconds=round(seconds, 2), exit_code=process.returncode,
        max_process_mib=round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        tree_peak_mib=round(sampler.peak_bytes / 2**20, 1),
        stage_ms={name: entry.get("mean_ms", 0.0) for name, entry in manifest.get("timings", {}).items()},
        processed=counts.get("processed", 0), cached=counts.get("cached", 0), failed=counts.get("failed", 0))
    logger.info("%d releases -j %d%s: %.1f s, %.1f releases/s, %d failed", releases, jobs,
                " (warm)" if warm else "", figures.seconds, figures.releases_per_second, figures.failed)
    return figures


def mean_words(out: Path) -> float:
    """Words per release in the cleaned text of a run, to say what "a release" was here."""
    counts = []
    with (out / "results.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            counts.append(len((json.loads(line).get("text") or "").split()))
    return sum(counts) / len(counts) if counts else 0.0


def markdown(runs: list[RunFigures]) -> str:
    stages = [name for name in STAGES if any(name in run.stage_ms for run in runs)]
    stages += sorted({name for run in runs for name in run.stage_ms} - set(stages))
    headers = ["releases", "-j", "run", "seconds", "releases/s", "ms/release",
               *(f"{name} ms" for name in stages), "largest process MiB", "process tree MiB", "failed"]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for run in runs:
        cells = [f"{run.releases:,}", str(run.jobs), "warm re-run" if run.warm else "cold",
                 f"{run.seconds:.1f}", f"{run.releases_per_second:.1f}", f"{run.ms_per_release:.1f}",
                 *("-" if run.warm else f"{run.stage_ms.get(name, 0.0):.1f}" for name in stages),
                 f"{run.max_process_mib:.0f}", f"{run.tree_peak_mib:.0f}", str(run.failed)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def scaling_notes(runs: list[RunFigures]) -> list[str]:
    """The issue's targets, stated as measured ratios between the largest size and 1,000."""
    notes = []
    cold = {(run.releases, run.jobs): run for run in runs if not run.warm}
    for (releases, jobs), run in sorted(cold.items()):
        if releases <= 1000 or (1000, jobs) not in cold:
            continue
        base = cold[(1000, jobs)]
        notes.append(f"-j {jobs}: time per release at {releases:,} is {run.ms_per_release / base.ms_per_release:.2f}x "
                     f"that at 1,000; largest-process peak memory {run.max_process_mib / base.max_process_mib:.2f}x, "
                     f"process-tree peak {run.tree_peak_mib / base.tree_peak_mib:.2f}x")
    for releases in sorted({run.releases for run in runs}):
        if (releases, 1) in cold and (releases, 2) in cold:
            speedup = cold[(releases, 1)].seconds / cold[(releases, 2)].seconds
            notes.append(f"{releases:,} releases: -j 2 is {speedup:.2f}x as fast as -j 1")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="worker counts to compare, comma-separated")
    parser.add_argument("--engine", choices=("local", "dask"), help="passed to `pressnlp run --engine`")
    parser.add_argument("-c", "--config", help="pipeline config (default: the packaged default pipeline)")
    parser.add_argument("--seed", type=int, default=7, help="make_corpus.py seed")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/pressnlp-bench"),
                        help="corpora (kept and reused) and output folders")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    sizes = [int(size) for size in args.sizes.split(",")]
    jobs_values = [int(jobs) for jobs in args.jobs.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]  # other work on the machine skews every figure: say how much
    runs: list[RunFigures] = []
    words: dict[int, float] = {}
    for size in sizes:
        corpus = make_corpus(size, args.seed, args.workdir)
        for jobs in jobs_values:
            out = args.workdir / f"out-{size}-j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            command = pressnlp_command(corpus, out, jobs, args.engine, args.config)
            runs.append(measure(command, size, jobs, warm=False, out=out))
            words.setdefault(size, mean_words(out))
        # the warm re-run repeats the last cold run's command on its output folder
        runs.append(measure(command, size, jobs, warm=True, out=out))

    cores = os.cpu_count()
    print(f"`python scripts/bench.py --sizes {args.sizes} --jobs {args.jobs}"
          f"{' --engine ' + args.engine if args.engine else ''}{' -c ' + args.config if args.config else ''}`"
          f" on {cores} cores ({platform.processor() or platform.machine()}; load average {load_before:.1f} "
          f"before, {os.getloadavg()[0]:.1f} after), Python {platform.python_version()}; "
          f"releases of {', '.join(f'{w:.0f}' for w in words.values())} words on average\n")
    print(markdown(runs))
    notes = scaling_notes(runs)
    if notes:
        print()
        print("\n".join(f"- {note}" for note in notes))
    if args.json:
        args.json.write_text(json.dumps({"cores": cores, "sizes": sizes, "words": words,
                                         "runs": [asdict(run) for run in runs]}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
