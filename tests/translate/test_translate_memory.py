"""The translation memory shared by the threads of a web server and by `-j` worker processes."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from test_translate_stage import _record, _stage

from pressnlp.stages.translate.memory import TranslationMemory
from pressnlp.testing import UppercaseTranslator

# A worker process: stores and looks up entries of its own and one entry every worker writes.
_WORKER = """
import sys
from pathlib import Path
from pressnlp.stages.translate.memory import TranslationMemory

memory = TranslationMemory(Path(sys.argv[1]))
name = sys.argv[2]
for i in range(100):
    memory.store("test", [(f"{name}-{i}", f"zdanie {i}", f"sentence {i}"), ("shared", "wspólne", name)])
    assert memory.lookup([f"{name}-{i}"]) == {f"{name}-{i}": f"sentence {i}"}
sys.exit(1 if memory.failed else 0)
"""
# Another process in the middle of a write to the file, before it is in WAL mode (what a worker
# that created a fresh cache file does while the next one opens it).
_WRITER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("CREATE TABLE IF NOT EXISTS other (x)")
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO other VALUES (1)")
print("writing", flush=True)
time.sleep(0.3)
connection.execute("COMMIT")
"""


def test_one_stage_serves_several_threads_with_its_memory(tmp_path):
    UppercaseTranslator.calls.clear()
    stage = _stage(tmp_path, memory=True)
    texts = [f"Zdanie numer {n} o dworcu.\n\nKontakt dla mediów." for n in range(8)]
    stage.process_batch([_record(texts[0])])  # the memory is opened in this thread
    with ThreadPoolExecutor(2) as pool:
        outputs = list(pool.map(lambda text: stage.process_batch([_record(text)])[0]["translation"]["text"], texts))
    assert outputs == [text.upper() for text in texts]
    assert not stage._memory.failed
    UppercaseTranslator.calls.clear()
    with ThreadPoolExecutor(1) as pool:  # yet another thread: everything comes from the memory
        pool.submit(stage.process_batch, [_record(text) for text in texts]).result()
    assert UppercaseTranslator.calls == []
    assert stage._memory.misses == 9  # 8 numbered sentences and the contact line, once each


def test_worker_processes_share_one_memory_file(tmp_path):
    path = tmp_path / "cache" / "translation-memory.sqlite"  # created by whichever worker is first
    workers = [subprocess.Popen([sys.executable, "-c", _WORKER, str(path), name]) for name in ("a", "b", "c")]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0, 0]
    memory = TranslationMemory(path)
    keys = [f"{name}-{i}" for name in "abc" for i in range(100)]
    assert len(memory.lookup(keys)) == 300
    assert memory.lookup(["shared"])["shared"] in "abc"


def test_a_process_writing_the_new_file_is_waited_for(tmp_path):
    """SQLite refuses the switch to WAL at once, without waiting, while another process writes
    the file; the memory retries instead of giving up for the whole run."""
    path = tmp_path / "translation-memory.sqlite"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline() == "writing\n"
        memory = TranslationMemory(path)
        memory.store("test", [("key", "zdanie", "sentence")])
        assert not memory.failed
        assert memory.lookup(["key"]) == {"key": "sentence"}
    finally:
        assert writer.wait(timeout=30) == 0
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)
