"""The glossary file is read again when it changes (the web page edits it while the server runs),
and the user's own glossary is the default when a config names none."""
from __future__ import annotations

import logging
import os
import pickle

import pytest
from test_translate_stage import FAKE, _record, _stage

from pressnlp.core.errors import ConfigError
from pressnlp.core.pipeline import Pipeline
from pressnlp.stages.translate import glossary as glossary_module
from pressnlp.stages.translate.glossary import default_glossary_path
from pressnlp.testing import UppercaseTranslator

TEXT = "Metropolia buduje dworzec."


def _translate(stage) -> str:
    return stage.process_batch([_record(TEXT)])[0]["translation"]["text"]


@pytest.fixture(autouse=True)
def _fresh_calls():
    UppercaseTranslator.calls.clear()


def test_an_edited_glossary_applies_to_the_next_batch_and_memory_entries_stay_right(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")
    stage = _stage(tmp_path, memory=True, glossary=str(path))
    assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    identity = stage.describe()["glossary"]

    path.write_text('"Metropolia" = "Metropolitan Area"\n', encoding="utf-8")
    UppercaseTranslator.calls.clear()
    assert _translate(stage) == "Metropolitan Area BUDUJE DWORZEC."
    # The engine saw "XZ0 buduje dworzec." both times: its stored translation is still right,
    # and the new term is what is put back into it.
    assert UppercaseTranslator.calls == []
    assert stage.describe()["glossary"] != identity  # runs cached under the old glossary are redone

    path.write_text('"Metropolia" = "Metropolis"\n"dworzec" = "station"\n', encoding="utf-8")
    assert _translate(stage) == "Metropolis BUDUJE station."
    assert UppercaseTranslator.calls == [["XZ0 buduje XZ1."]]  # other masked text: translated anew


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")
    stage = _stage(tmp_path, glossary=str(path))
    assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    before = path.stat()
    path.write_text('"Metropolia" = "Metropolia"\n', encoding="utf-8")  # same length, same inode
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a coarse clock: same mtime
    assert path.stat().st_size == before.st_size
    assert _translate(stage) == "Metropolia BUDUJE DWORZEC."


def test_an_old_unchanged_file_is_only_stat_ed(tmp_path, monkeypatch):
    path = tmp_path / "glossary.toml"
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")
    an_hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(an_hour_ago, an_hour_ago))
    reads = []
    read = glossary_module.GlossaryFile._read
    monkeypatch.setattr(glossary_module.GlossaryFile, "_read", lambda self: reads.append(1) or read(self))
    stage = _stage(tmp_path, glossary=str(path))
    for _ in range(3):
        assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    assert len(reads) == 1


def test_a_broken_edit_keeps_the_terms_read_before(tmp_path, caplog):
    path = tmp_path / "glossary.toml"
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")
    stage = _stage(tmp_path, glossary=str(path))
    assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    path.write_text('"Metropolia" = \n', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    assert "keeping the 1 terms read before" in caplog.text
    path.unlink()
    assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    # A file that is broken from the start still stops the run before it begins.
    path.write_text('"Metropolia" = \n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        _stage(tmp_path, glossary=str(path)).setup()


def test_the_users_glossary_is_the_default_when_the_config_names_none(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = default_glossary_path()
    assert path == tmp_path / "config" / "pressnlp" / "glossary.toml"
    config = {"pipeline": {"stages": ["read", "detect", "translate"]},
              "stages": {"translate": {"backend": FAKE, "memory": False}}}
    pipeline = Pipeline.from_config(config, cache_dir=tmp_path)
    stage = pipeline.stages[2]
    without = pipeline.fingerprint()
    assert stage.describe()["glossary"] is None
    assert _translate(stage) == "METROPOLIA BUDUJE DWORZEC."

    path.parent.mkdir(parents=True)
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")  # e.g. saved on the web page
    assert _translate(stage) == "Metropolis BUDUJE DWORZEC."
    assert stage.describe()["glossary"] is not None
    assert pipeline.fingerprint() != without  # cached records are not reused under the new glossary

    other = tmp_path / "other.toml"
    other.write_text('"dworzec" = "station"\n', encoding="utf-8")
    assert _translate(_stage(tmp_path, glossary=str(other))) == "METROPOLIA BUDUJE station."  # a named file wins


def test_default_glossary_without_xdg_config_home_and_broken_from_the_start(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    path = default_glossary_path()
    assert path == tmp_path / ".config" / "pressnlp" / "glossary.toml"
    path.parent.mkdir(parents=True)
    path.write_text("Metropolia = [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a translation string") as error:
        _stage(tmp_path).setup()
    assert str(path) in str(error.value)


def test_a_stage_in_use_still_pickles_for_a_worker_process(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text('"Metropolia" = "Metropolis"\n', encoding="utf-8")
    stage = _stage(tmp_path, memory=True, glossary=str(path))
    _translate(stage)
    copy = pickle.loads(pickle.dumps(stage))  # locks and the SQLite connection stay behind
    path.write_text('"Metropolia" = "Metropolitan Area"\n', encoding="utf-8")
    assert _translate(copy) == "Metropolitan Area BUDUJE DWORZEC."
    assert copy._memory.hits == 1 and not copy._memory.failed
