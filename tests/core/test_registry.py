"""A third-party package adds a stage through the `pressnlp.stages` entry point group."""
import subprocess
import sys

from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import available_stages

PLUGIN = '''
    from dataclasses import dataclass

    from pressnlp.core.stage import Stage


    @dataclass
    class ShoutOptions:
        suffix: str = "!"


    class ShoutStage(Stage):
        name = "shout"
        requires = ("text",)
        provides = ("shouted",)
        Options = ShoutOptions

        def process(self, record):
            record["shouted"] = record["text"].upper() + self.options.suffix
            return record
'''


def test_stage_from_another_package_runs_in_a_pipeline(plugin_site, monkeypatch):
    site = plugin_site("pressnlp_shout", PLUGIN, {"shout": "ShoutStage"})
    monkeypatch.syspath_prepend(str(site))
    assert "shout" in available_stages()
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "shout"]},
                                     "stages": {"shout": {"suffix": "?!"}}})
    record = pipeline.process_text("Ala ma kota.", id="plugin-test")
    assert record["shouted"] == "ALA MA KOTA.?!"
    assert record["stages"]["shout"]["status"] == "ok"


def test_cli_lists_a_plugin_stage(plugin_site):
    site = plugin_site("pressnlp_shout", PLUGIN, {"shout": "ShoutStage"})
    result = subprocess.run([sys.executable, "-m", "pressnlp.cli", "stages"], capture_output=True, text=True,
                            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True)
    assert "shout" in result.stdout and "read" in result.stdout
