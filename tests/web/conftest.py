"""Fixtures of the web tests: a processor over the fast stages, run folders, hand-made records."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402
from web_samples import english_record, sample_record, write_run  # noqa: E402

from pressnlp.web.app import create_app  # noqa: E402
from pressnlp.web.jobs import Processor  # noqa: E402
from pressnlp.web.runs import RunLibrary  # noqa: E402
from pressnlp.web.store import WebStore  # noqa: E402


@pytest.fixture(scope="session")
def processor(tmp_path_factory) -> Processor:
    """The fast stages only (read, detect): these tests are about the app, not about the stages.
    Its glossary path is chosen when it is built: a temporary config folder, not the user's; its
    releases are kept in a temporary store."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))
        built = Processor({"pipeline": {"stages": ["read", "detect"]}}, cache_dir=tmp_path_factory.mktemp("cache"),
                          store=WebStore(tmp_path_factory.mktemp("store")))
    yield built
    built.close()


@pytest.fixture
def run_folder(tmp_path) -> Path:
    second = copy.deepcopy(sample_record())
    second.update(id="pl/2024-03-other.txt", date="2024-03", title="Inny komunikat",
                  translation=dict(second["translation"], title="Another release"))
    second["facts"]["themes"] = [{"id": "digital", "label": "Digital services and smart city", "score": 0.7,
                                  "evidence": ["aplikacja"]}]
    return write_run(tmp_path / "out", [sample_record(), english_record(), second],
                     manifest={"started": "2024-06-01T10:00:00Z", "corpus": "/data/corpus",
                               "warnings": ["translate: using the dictionary gist backend"]})


@pytest.fixture
def client(processor, run_folder) -> TestClient:
    app = create_app(processor, RunLibrary([run_folder]), max_upload_bytes=200_000)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
