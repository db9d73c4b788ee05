"""`pressnlp models convert` through the real command, and a run that uses the converted model."""
import json

import pytest

from pressnlp.cli import main


@pytest.mark.neural
def test_models_convert_command_then_a_run_with_the_converted_model(tiny_marian, tmp_path, capsys):
    target = tmp_path / "tiny-ct2"
    assert main(["models", "convert", str(tiny_marian), str(target), "--quantization", "int8"]) == 0
    assert f"-> {target} (int8)" in capsys.readouterr().out
    assert (target / "model.bin").is_file() and (target / "source.spm").is_file()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "komunikat.txt").write_text("Tytuł\n\nMetropolia podpisała umowę z gminą.\n", encoding="utf-8")
    config = tmp_path / "ct2.toml"
    config.write_text(f'[pipeline]\nstages = ["read", "detect", "translate"]\n'
                      f'[stages.translate]\nbackend = "ctranslate2"\nmodels = {{ pl = "{target}" }}\n',
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "-o", str(out), "-c", str(config), "--no-progress"]) == 0
    record = json.loads((out / "results.jsonl").read_text(encoding="utf-8"))
    assert record["translation"]["backend"].startswith("ctranslate2:")
    assert record["translation"]["text"].count("\n\n") == 1  # title and paragraph kept apart
