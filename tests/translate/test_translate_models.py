"""Model resolution: local first, the hub only when allowed, errors that say what to do."""
import pytest

from pressnlp import models
from pressnlp.models import ModelNotFound, resolve_converted_model, resolve_model


def _model(folder, marker="config.json"):
    folder.mkdir(parents=True)
    (folder / marker).write_text("{}")
    return folder


def test_explicit_path_then_model_dir_layouts(tmp_path):
    explicit = _model(tmp_path / "anywhere" / "my-model")
    assert resolve_model(str(explicit), model_dir=tmp_path / "models") == explicit
    nested = _model(tmp_path / "models" / "Helsinki-NLP" / "opus-mt-pl-en")
    assert resolve_model("Helsinki-NLP/opus-mt-pl-en", model_dir=tmp_path / "models") == nested
    flat = _model(tmp_path / "flat" / "Helsinki-NLP--opus-mt-de-en")
    assert resolve_model("Helsinki-NLP/opus-mt-de-en", model_dir=tmp_path / "flat") == flat


def test_a_folder_without_the_model_files_does_not_count(tmp_path):
    (tmp_path / "models" / "Helsinki-NLP" / "opus-mt-pl-en").mkdir(parents=True)
    with pytest.raises(ModelNotFound):
        resolve_model("Helsinki-NLP/opus-mt-pl-en", model_dir=tmp_path / "models")


def test_missing_model_says_where_it_looked_and_never_downloads_when_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    asked = []
    monkeypatch.setattr(models, "_hf_snapshot", lambda name, local_only: asked.append(local_only))
    with pytest.raises(ModelNotFound) as error:
        resolve_model("Helsinki-NLP/opus-mt-xx-en", model_dir=tmp_path / "models", allow_download=True)
    assert asked == [True]  # the cache was consulted, the hub was not
    message = str(error.value)
    assert "Hugging Face cache" in message and str(tmp_path / "models") in message and "HF_HUB_OFFLINE" in message


def test_hub_only_on_opt_in(tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    snapshot = _model(tmp_path / "snapshot")
    monkeypatch.setattr(models, "_hf_snapshot", lambda name, local_only: None if local_only else snapshot)
    with pytest.raises(ModelNotFound, match="allow_download"):
        resolve_model("org/model", model_dir=tmp_path / "models")
    assert resolve_model("org/model", model_dir=tmp_path / "models", allow_download=True) == snapshot


def test_converted_models_are_found_beside_their_source_and_missing_ones_name_the_command(tmp_path):
    converted = _model(tmp_path / "models" / "Helsinki-NLP" / "opus-mt-pl-en-ct2", "model.bin")
    assert resolve_converted_model("Helsinki-NLP/opus-mt-pl-en", model_dir=tmp_path / "models") == converted
    assert resolve_converted_model(str(converted)) == converted
    with pytest.raises(ModelNotFound, match="pressnlp models convert Helsinki-NLP/opus-mt-de-en"):
        resolve_converted_model("Helsinki-NLP/opus-mt-de-en", model_dir=tmp_path / "models")
