"""Cold start, throughput and peak memory of `pressnlp run` beside the DIY glue, on generated corpora.

    python scripts/bench.py [--sizes 1,100,1000] [--jobs 1,2] [--memory off,on] [--no-glue]
                            [--engine local|dask] [--config pipeline.toml] [--seed 7] [--workdir DIR]
                            [--json FILE]

For each size, scripts/make_corpus.py writes a corpus (reused when it is already there; a corpus
of one release is one Polish .txt); for each translation-memory setting and -j value `pressnlp
run` processes it into a fresh output folder (and a fresh cache folder, so the memory starts
empty), as a subprocess, so what is measured is what a user gets: interpreter start, model
loading, workers, writing. The last of these runs is repeated on the same folder (the warm,
incremental re-run: every document is unchanged). The DIY glue (scripts/bench_glue.py:
langdetect, dateparser, phonenumbers, regular expressions, trafilatura; no translation or
summary) runs on the same folder at each -j in the same run. Reported per run: wall seconds,
seconds until the first record is written, releases/s, milliseconds per release for each stage
(OUT/manifest.json timings, time inside the stage in its worker), and peak memory three ways: the
largest single process (exact, from wait4), the largest worker process (sampled every 0.1 s; "-"
with no workers; its RSS, and its PSS / USS: pages it shares with the parent and the other workers
split among them / its own pages only) and the sum over the process tree (sampled; as RSS, where
pages forked workers share count once per process, and as PSS, where they count once in all).
Prints a Markdown table.

Large sizes: `--sizes 10000` (or 10_000) works like the others. Generating the corpus takes ~40 s
(make_corpus.py writes ~250 releases/s, 1,000 files a folder, ~75 MB) and is done once per
--workdir and seed; each output folder takes ~200 MB there. At the rates of a 2-core machine (glue
~4 releases/s, pressnlp 3-5) one run of 10,000 takes 30-60 min, so run one setting at a time, e.g.

    python scripts/bench.py --sizes 10000 --jobs 2 --memory off --json bench-10000.json

(glue -j 2, pressnlp -j 2 cold, its warm re-run: ~1.5 h), then `--jobs 1` or `--memory on` the same
way, or `--no-glue` once the glue's figure is known.
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
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

logger = logging.getLogger("bench")

REPO_ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", "detect", "translate", "extract", "summarize")
SAMPLE_SECONDS = 0.1


@dataclass
class RunFigures:
    """One run of pressnlp or the glue."""

    tool: str
    memory: str  # translation memory: "on", "off", "-" (the glue, or a given config)
    releases: int
    jobs: int
    warm: bool
    seconds: float
    first_record_s: float | None
    exit_code: int
    max_process_mib: float
    worker_peak_mib: float | None
    tree_peak_mib: float
    worker_pss_mib: float | None = None
    worker_uss_mib: float | None = None
    tree_pss_mib: float | None = None
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
    """Samples the memory of a process and all its descendants until stopped: the peak of their
    summed RSS and of their summed PSS (the memory they really take: a page shared by n processes
    counts 1/n in each), and each process's own peaks; also notes when `first_record()` first holds."""

    def __init__(self, pid: int, first_record: Callable[[], bool]) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.started = time.perf_counter()
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self.process_peaks: dict[int, int] = {}
        self.shared_peaks: dict[int, tuple[int, int]] = {}  # pid -> peak (PSS, USS)
        self.first_record_s: float | None = None
        self._first_record = first_record
        self._finished = threading.Event()

    def run(self) -> None:
        while not self._finished.is_set():
            if self.first_record_s is None and self._first_record():
                self.first_record_s = time.perf_counter() - self.started
            total = total_pss = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.process_peaks[process.pid] = max(self.process_peaks.get(process.pid, 0), rss)
                total_pss += self._note_shared(process.pid)
            self.peak_bytes = max(self.peak_bytes, total)
            self.peak_pss_bytes = max(self.peak_pss_bytes, total_pss)
            self._finished.wait(SAMPLE_SECONDS / 2 if self.first_record_s is None else SAMPLE_SECONDS)

    def _note_shared(self, pid: int) -> int:
        """A process's PSS (its share of pages it shares) and USS (its own pages), from
        /proc/PID/smaps_rollup (Linux 4.14+; 0 elsewhere); returns the PSS."""
        try:
            fields = {line.split(":")[0]: int(line.split()[1]) * 1024
                      for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]}
        except (OSError, ValueError, IndexError):
            return 0
        pss, uss = fields.get("Pss", 0), fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        old_pss, old_uss = self.shared_peaks.get(pid, (0, 0))
        self.shared_peaks[pid] = (max(old_pss, pss), max(old_uss, uss))
        return pss

    @property
    def worker_shared_peaks(self) -> tuple[int, int] | tuple[None, None]:
        """The largest worker's peak PSS and USS; Nones without workers or smaps_rollup."""
        workers = [peaks for pid, peaks in self.shared_peaks.items() if pid != self.root.pid]
        if not workers:
            return None, None
        return max(pss for pss, _ in workers), max(uss for _, uss in workers)

    @property
    def worker_peak_bytes(self) -> int | None:
        """The largest peak among the child processes (the root's workers), None without any."""
        children = [peak for pid, peak in self.process_peaks.items() if pid != self.root.pid]
        return max(children) if children else None

    def stop(self) -> None:
        self._finished.set()
        self.join()


def make_corpus(size: int, seed: int, workdir: Path) -> Path:
    """A generated corpus of `size` releases, reused when an earlier run left it complete; one
    release is a Polish .txt, the case of a communications officer with one file."""
    corpus = workdir / f"corpus-{size}-seed{seed}"
    if (corpus / "gold.jsonl").is_file():
        return corpus
    logger.info("generating %d releases into %s", size, corpus)
    one = ["--languages", "pl", "--formats", "txt"] if size == 1 else []
    subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "make_corpus.py"), str(corpus),
                    "-n", str(size), "--seed", str(seed), *one], check=True, stdout=subprocess.DEVNULL)
    return corpus


def pressnlp_command(corpus: Path, out: Path, jobs: int, engine: str | None, config: Path | None) -> list[str]:
    command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-o", str(out), "-j", str(jobs),
               "--no-progress"]
    if engine:
        command += ["--engine", engine]
    if config:
        command += ["-c", str(config)]
    return command


def memory_config(workdir: Path, memory: str) -> Path:
    """A config that only switches the translation memory on or off."""
    path = workdir / f"memory-{memory}.toml"
    path.write_text(f"version = 1\n[stages.translate]\nmemory = {'true' if memory == 'on' else 'false'}\n",
                    encoding="utf-8")
    return path


def any_file(folder: Path) -> Callable[[], bool]:
    """True once `folder` (where pressnlp writes a record per document) holds a file."""
    def found() -> bool:
        return folder.is_dir() and any(path.is_file() for path in folder.rglob("*.json"))
    return found


def non_empty(path: Path) -> Callable[[], bool]:
    return lambda: path.is_file() and path.stat().st_size > 0


def run_and_sample(command: list[str], log_path: Path, first_record: Callable[[], bool],
                   environment: dict[str, str] | None = None) -> tuple[int, float, Any, TreeMemorySampler]:
    """Run `command`, waiting with wait4 so its rusage (largest process among it and its reaped
    workers) belongs to this run alone. Its stderr goes to `log_path`."""
    with log_path.open("w", encoding="utf-8") as log_file:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log_file, env=environment)
        sampler = TreeMemorySampler(process.pid, first_record)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    if process.returncode not in (0, 1):  # 1: some documents failed, which the table reports
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{tail}")
    return process.returncode, seconds, usage, sampler


def _mib(count: int | None) -> float | None:
    return None if count is None else round(count / 2**20, 1)


def sampled(sampler: TreeMemorySampler, usage: Any) -> dict[str, Any]:
    """The RunFigures fields a run's sampler and rusage give."""
    worker_pss, worker_uss = sampler.worker_shared_peaks
    return {"first_record_s": None if sampler.first_record_s is None else round(sampler.first_record_s, 2),
            "max_process_mib": round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
            "worker_peak_mib": _mib(sampler.worker_peak_bytes), "tree_peak_mib": _mib(sampler.peak_bytes),
            "worker_pss_mib": _mib(worker_pss), "worker_uss_mib": _mib(worker_uss),
            "tree_pss_mib": _mib(sampler.peak_pss_bytes or None)}


def measure(command: list[str], releases: int, jobs: int, warm: bool, out: Path, memory: str) -> RunFigures:
    """One `pressnlp run`, with its own empty cache folder unless it is the warm re-run."""
    cache = out.with_name(f"{out.name}-cache")
    if not warm:
        shutil.rmtree(cache, ignore_errors=True)
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    log_path = out.with_name(f"{out.name}{'-warm' if warm else ''}.log")
    first = any_file(out / "docs") if not warm else (lambda: False)
    code, seconds, usage, sampler = run_and_sample(command, log_path, first, environment)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest.get("counts", {})
    figures = RunFigures(
        tool="pressnlp", memory=memory, releases=releases, jobs=jobs, warm=warm, seconds=round(seconds, 2),
        exit_code=code, **sampled(sampler, usage),
        stage_ms={name: entry.get("mean_ms", 0.0) for name, entry in manifest.get("timings", {}).items()},
        processed=counts.get("processed", 0), cached=counts.get("cached", 0), failed=counts.get("failed", 0))
    logger.info("pressnlp, %d releases -j %d, memory %s%s: %.1f s, %.1f releases/s, %d failed", releases, jobs,
                memory, " (warm)" if warm else "", figures.seconds, figures.releases_per_second, figures.failed)
    return figures


def measure_glue(corpus: Path, releases: int, jobs: int, workdir: Path) -> RunFigures:
    out = workdir / f"glue-{releases}-j{jobs}.jsonl"
    out.unlink(missing_ok=True)
    command = [sys.executable, str(REPO_ROOT / "scripts" / "bench_glue.py"), str(corpus), str(out), "-j", str(jobs)]
    code, seconds, usage, sampler = run_and_sample(command, out.with_suffix(".log"), non_empty(out))
    figures = RunFigures(
        tool="DIY glue", memory="-", releases=releases, jobs=jobs, warm=False, seconds=round(seconds, 2),
        exit_code=code, **sampled(sampler, usage), processed=sum(1 for _ in out.open(encoding="utf-8")))
    logger.info("glue, %d releases -j %d: %.1f s, %.1f releases/s", releases, jobs, figures.seconds,
                figures.releases_per_second)
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
    headers = ["releases", "tool", "memory", "-j", "run", "seconds", "first record s", "releases/s", "ms/release",
               *(f"{name} ms" for name in stages), "largest process MiB", "largest worker MiB",
               "worker PSS / USS MiB", "process tree MiB", "tree PSS MiB", "failed"]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for run in runs:
        cells = [f"{run.releases:,}", run.tool, run.memory, str(run.jobs), "warm re-run" if run.warm else "cold",
                 f"{run.seconds:.1f}", "-" if run.first_record_s is None else f"{run.first_record_s:.1f}",
                 f"{run.releases_per_second:.1f}", f"{run.ms_per_release:.1f}",
                 *("-" if run.warm or name not in run.stage_ms else f"{run.stage_ms[name]:.1f}" for name in stages),
                 f"{run.max_process_mib:.0f}", "-" if run.worker_peak_mib is None else f"{run.worker_peak_mib:.0f}",
                 "-" if run.worker_pss_mib is None else f"{run.worker_pss_mib:.0f} / {run.worker_uss_mib:.0f}",
                 f"{run.tree_peak_mib:.0f}", "-" if run.tree_pss_mib is None else f"{run.tree_pss_mib:.0f}",
                 str(run.failed)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def scaling_notes(runs: list[RunFigures]) -> list[str]:
    """The issue's targets, stated as measured ratios: pressnlp against the glue, -j 2 against -j 1,
    and the largest size against 1,000."""
    notes = []
    cold = {(run.tool, run.memory, run.releases, run.jobs): run for run in runs if not run.warm}
    for (tool, memory, releases, jobs), run in sorted(cold.items()):
        glue = cold.get(("DIY glue", "-", releases, jobs))
        if tool == "pressnlp" and glue:
            notes.append(f"{releases:,} releases, -j {jobs}, memory {memory}: pressnlp takes "
                         f"{run.seconds / glue.seconds:.2f}x the glue's wall time "
                         f"({glue.seconds / run.seconds:.2f}x its releases/s), "
                         f"{run.max_process_mib / glue.max_process_mib:.1f}x its largest process")
        if jobs == 2 and (tool, memory, releases, 1) in cold:
            setting = "" if memory == "-" else f", memory {memory}"
            notes.append(f"{tool}, {releases:,} releases{setting}: -j 2 is "
                         f"{cold[(tool, memory, releases, 1)].seconds / run.seconds:.2f}x as fast as -j 1")
        base = cold.get((tool, memory, 1000, jobs))
        if releases > 1000 and base:
            notes.append(f"{tool} -j {jobs}, memory {memory}: time per release at {releases:,} is "
                         f"{run.ms_per_release / base.ms_per_release:.2f}x that at 1,000; largest-process peak "
                         f"memory {run.max_process_mib / base.max_process_mib:.2f}x")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="worker counts to compare, comma-separated")
    parser.add_argument("--memory", default="off,on",
                        help="translation memory settings to compare (ignored with --config)")
    parser.add_argument("--no-glue", action="store_true", help="leave out the DIY glue")
    parser.add_argument("--engine", choices=("local", "dask"), help="passed to `pressnlp run --engine`")
    parser.add_argument("-c", "--config", type=Path, help="pipeline config (default: the packaged default pipeline)")
    parser.add_argument("--seed", type=int, default=7, help="make_corpus.py seed")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/pressnlp-bench"),
                        help="corpora (kept and reused) and output folders")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    sizes = [int(size) for size in args.sizes.split(",")]
    jobs_values = [int(jobs) for jobs in args.jobs.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)
    configs = {"-": args.config} if args.config else {
        memory: memory_config(args.workdir, memory) for memory in args.memory.split(",")}
    load_before = os.getloadavg()[0]  # other work on the machine skews every figure: say how much
    runs: list[RunFigures] = []
    words: dict[int, float] = {}
    for size in sizes:
        corpus = make_corpus(size, args.seed, args.workdir)
        if not args.no_glue:
            runs.extend(measure_glue(corpus, size, jobs, args.workdir) for jobs in jobs_values)
        for memory, config in configs.items():
            for jobs in jobs_values:
                out = args.workdir / f"out-{size}-memory{memory}-j{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                command = pressnlp_command(corpus, out, jobs, args.engine, config)
                runs.append(measure(command, size, jobs, warm=False, out=out, memory=memory))
                words.setdefault(size, mean_words(out))
        # the warm re-run repeats the last cold run's command on its output folder
        runs.append(measure(command, size, jobs, warm=True, out=out, memory=memory))

    cores = os.cpu_count()
    print(f"`python scripts/bench.py {' '.join(argv if argv is not None else sys.argv[1:])}`"
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
