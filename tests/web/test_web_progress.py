"""Slow work: the page shows which stage a release is in and stays usable; `serve` wiring."""
from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import POLISH_RELEASE

import pressnlp.web
from pressnlp.core.errors import PressnlpError
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor

WARM_UP_ID = "warm-up"  # the release the processor warms its pipeline up with

GATE = threading.Event()


@register
class WaitForGateStage(Stage):
    """Stands for a slow model: holds a release until the test opens the gate."""

    name = "test-wait-for-gate"
    requires = ("text",)
    provides = ()

    def process(self, record):
        if record["id"] == WARM_UP_ID:
            return record
        if not GATE.wait(timeout=30):
            raise TimeoutError("the test never opened the gate")
        return record


@pytest.fixture
def slow_client(tmp_path):
    GATE.clear()
    processor = Processor({"pipeline": {"stages": ["read", "test-wait-for-gate", "detect"]}}, cache_dir=tmp_path)
    with TestClient(create_app(processor)) as client:
        yield client
    GATE.set()
    processor.close()


def _status(client, job_id, until, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/jobs/{job_id}").json()
        if until(status):
            return status
        time.sleep(0.02)
    raise AssertionError(f"job never reached the expected state: {status}")


def test_progress_names_the_running_stage_and_queues_the_next_release(slow_client):
    first = slow_client.post("/api/process", data={"text": POLISH_RELEASE}).json()
    second = slow_client.post("/api/process", data={"text": POLISH_RELEASE, "name": "second"}).json()
    running = _status(slow_client, first["id"], lambda s: s["stage"] == "test-wait-for-gate")
    assert running["state"] == "running"
    assert running["done_stages"] == 1
    assert slow_client.get(f"/api/jobs/{second['id']}").json()["state"] == "queued"
    # The page stays usable while the worker is busy, and the job page shows the steps.
    assert slow_client.get("/").status_code == 200
    page = lxml_html.fromstring(slow_client.get(f"/jobs/{first['id']}").text)
    steps = {step.text: step.get("class") for step in page.xpath("//ol[@id='job-steps']/li")}
    assert steps == {"read": "done", "test-wait-for-gate": "current", "detect": ""}
    assert page.xpath("//section[@id='job']/@data-status-url") == [f"/api/jobs/{first['id']}"]
    GATE.set()
    done = _status(slow_client, second["id"], lambda s: s["state"] == "done")
    assert done["done_stages"] == 3
    assert done["record"]["language"]["code"] == "pl"
    assert 'id="job"' not in slow_client.get(f"/jobs/{first['id']}").text  # the result page now


def test_serve_binds_localhost_and_answers_only_to_local_names(tmp_path, monkeypatch):
    config = tmp_path / "pipeline.toml"
    config.write_text('version = 1\n[pipeline]\nstages = ["read", "detect"]\n', encoding="utf-8")
    (tmp_path / "out").mkdir()
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(app=app, **options))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    pressnlp.web.serve(str(config), "127.0.0.1", 8123, [str(tmp_path / "out")])
    assert (tmp_path / "data" / "pressnlp" / "web-runs" / "sources").is_dir()  # the default store
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    with TestClient(started["app"], base_url="http://localhost:8123") as local:
        assert [run["name"] for run in local.get("/api/runs").json()] == ["web", "out"]
    with TestClient(started["app"], base_url="http://rebound.example") as other:
        assert other.get("/").status_code == 400
    with pytest.raises(PressnlpError, match="--runs .*missing: not a folder"):
        pressnlp.web.serve(str(config), "127.0.0.1", 8123, [str(tmp_path / "missing")])
    with pytest.raises(PressnlpError, match="config file not found"):
        pressnlp.web.serve(str(tmp_path / "nope.toml"), "127.0.0.1", 8123, [])


def test_api_page_lists_the_operations(slow_client):
    page = lxml_html.fromstring(slow_client.get("/api").text)
    paths = page.xpath("//section/h2/code/text()")
    assert "/api/process" in paths and "/api/runs/{name}/records/{record_id}" in paths
    assert "text" in page.xpath("//td/code/text()")
    assert slow_client.get("/docs").status_code == 404  # no page that loads scripts from a CDN
