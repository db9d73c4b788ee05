"""Workers of `-j N` are forked from a parent that has already loaded the pipeline's data, so they
share it instead of loading a copy each; with a runtime that must not be forked, they are spawned."""
import os
import subprocess
import sys

import pytest

from pressnlp import Pipeline
from pressnlp.engines import local

# Placed first in the pipeline, so that on a worker's first document no stage of that worker has
# run yet: what it finds loaded there came from the parent.
PROBE = '''
import os
from pressnlp import lang
from pressnlp.core.stage import Stage
from pressnlp.lang.pack import _simplemma_lemma

SEEN = []

class ProbeStage(Stage):
    name = "probe"
    provides = ("probe",)

    def process(self, record):
        german = lang.get("de")
        SEEN.append(record["id"])
        record["probe"] = {"pid": os.getpid(), "nth": len(SEEN),
                           "german_data": "stopwords" in vars(german) and "morphology" in vars(german),
                           "lemmas_known": _simplemma_lemma.cache_info().currsize}
        return record
'''
CONFIG = {"pipeline": {"stages": ["probe", "read", "detect"]}, "stages": {"detect": {"languages": ["pl", "de"]}}}


@pytest.fixture
def probe_site(plugin_site, monkeypatch):
    site = plugin_site("probestage", PROBE, {"probe": "ProbeStage"})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    return site


def first_documents(records: list[dict]) -> list[dict]:
    """The probe's report on each worker's first document (the parent's warm-up text may have
    gone through the probe before the workers started: their counts go on from there)."""
    firsts: dict[int, dict] = {}
    for record in records:
        probe = record["probe"]
        if probe["pid"] not in firsts or probe["nth"] < firsts[probe["pid"]]["nth"]:
            firsts[probe["pid"]] = probe
    return list(firsts.values())


@pytest.mark.parametrize("long_run", [True, False])
def test_forked_workers_find_the_candidate_languages_loaded_for_a_long_run(small_corpus, tmp_path, probe_site,
                                                                           run_results, long_run):
    # In a process of its own: one that has imported torch (as this suite's neural tests do) spawns.
    threshold = 13 if long_run else 10**9  # the 13 documents count as a long run, or not
    script = (f"from pressnlp import Pipeline\nfrom pressnlp.engines import local\n"
              f"local.PRELOAD_LANGUAGES_FROM = {threshold}\n"
              f"Pipeline.from_config({CONFIG!r}).run({str(small_corpus)!r}, {str(tmp_path / 'out')!r}, "
              f"workers=2, batch_size=2, progress=False)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy())
    assert parent.wait(timeout=600) == 0
    records = [record for record in run_results(tmp_path / "out") if "probe" in record]
    assert len(records) == 13
    assert parent.pid not in {record["probe"]["pid"] for record in records}
    firsts = first_documents(records)
    assert firsts and all(probe["german_data"] == long_run and (probe["lemmas_known"] > 0) == long_run
                          for probe in firsts)


def test_workers_are_spawned_fresh_once_a_runtime_unsafe_to_fork_is_loaded(small_corpus, tmp_path, probe_site,
                                                                            monkeypatch, run_results):
    monkeypatch.setattr(local, "FORK_UNSAFE_MODULES", ("pressnlp",))  # loaded here, as torch would be
    pipeline = Pipeline.from_config(CONFIG)
    pipeline.run(small_corpus, tmp_path / "out", workers=2, batch_size=2, progress=False)
    firsts = first_documents([record for record in run_results(tmp_path / "out") if "probe" in record])
    assert firsts and not any(probe["german_data"] or probe["lemmas_known"] for probe in firsts)


def test_forked_and_single_process_runs_give_the_same_records(small_corpus, tmp_path, run_results):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "translate", "extract", "summarize"]},
                                     "stages": {"translate": {"memory": True}}})
    pipeline.run(small_corpus, tmp_path / "one", workers=1, progress=False)
    pipeline.run(small_corpus, tmp_path / "two", workers=2, batch_size=3, progress=False)
    assert run_results(tmp_path / "two", timings=False) == run_results(tmp_path / "one", timings=False)
