"""Configs: defaults, merging, validation errors that name the file, key and what was expected."""
import pytest

from pressnlp.core.config import load_config
from pressnlp.core.errors import ConfigError
from pressnlp.core.pipeline import Pipeline


def test_default_config_lists_the_five_stages():
    config = load_config(None)
    assert config.pipeline.stages == ["read", "detect", "translate", "extract", "summarize"]
    assert config.run.workers == 1


def test_user_file_overrides_only_what_it_names(tmp_path):
    path = tmp_path / "pipeline.toml"
    path.write_text('version = 1\n[pipeline]\nstages = ["read"]\n[run]\nworkers = 2\n'
                    '[stages.read]\nmax_file_bytes = 1000\n', encoding="utf-8")
    pipeline = Pipeline.from_config(path)
    assert [stage.name for stage in pipeline.stages] == ["read"]
    assert pipeline.config.run.workers == 2
    assert pipeline.config.run.batch_size == 16
    assert pipeline.stages[0].options.max_file_bytes == 1000


@pytest.mark.parametrize(("toml", "expected"), [
    ('[pipeline]\nstages = ["read", "nosuch"]\n', "unknown stage 'nosuch'; valid stages: "),
    ('[pipeline]\nstages = ["read"]\n[stages.read]\nmax_bytes = 5\n',
     "unknown option 'max_bytes'; valid options: max_file_bytes"),
    ('[pipeline]\nstages = ["read"]\n[stages.read]\nmax_file_bytes = "big"\n', "expected int, got str"),
    ('[pipeline]\nstages = ["read"]\n[run]\nworkers = 0\n', "workers and batch_size must be at least 1"),
    ('version = 7\n', "unsupported config version 7"),
    ('[pipelin]\n', "unknown section 'pipelin'"),
    ('[pipeline\nstages = 1', "TOML syntax error"),
    ('[pipeline]\nstages = ["read"]\n[stages.detect]\nmin_paragraph_chars = 3\n',
     "options given for stage 'detect', which is not in pipeline.stages"),
])
def test_bad_configs_name_file_key_and_expectation(tmp_path, toml, expected):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        Pipeline.from_config(path)
    assert expected in str(error.value)
    assert str(path) in str(error.value)


def test_unknown_stage_lists_our_stages():
    with pytest.raises(ConfigError) as error:
        Pipeline.from_config({"pipeline": {"stages": ["reed"]}})
    for name in ("read", "detect", "translate", "extract", "summarize"):
        assert name in str(error.value)


def test_missing_requirement_fails_at_build_time():
    with pytest.raises(ConfigError, match="stage 'detect' requires text, which no earlier stage provides"):
        Pipeline.from_config({"pipeline": {"stages": ["detect"]}})


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        Pipeline.from_config(tmp_path / "nope.toml")
