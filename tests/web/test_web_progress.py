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
    running = _status(slow_client, first["id"], lambda s: s["stage"] == "test-wait-for-gate", timeout=60)
    assert running["state"] == "running"
    assert running["done_stages"] == 1
    assert slow_client.get(f"/api/jobs/{second['id']}").json()["state"] == "queued"
    # The page stays usable while the worker is busy, and the job page shows the steps.
    assert slow_client.get("/").status_code == 200
    page = lxml_html.fromstring(slow_client.get(f"/jobs/{first['id']}").text)
    steps = {step.text: step.get("class") for step in page.xpath("//ol[@id='job-steps']/li")}
    steps.pop("warming up", None)  # a step of its own when the release came before the warm-up ended
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


SETUP_GATE = threading.Event()


@register
class SlowToLoadStage(Stage):
    """Stands for models that take long to load: setup waits until the test opens the gate."""

    name = "test-slow-to-load"
    requires = ("text",)
    provides = ()

    def setup(self):
        if not SETUP_GATE.wait(timeout=30):
            raise TimeoutError("the test never opened the gate")

    def process(self, record):
        return record


def test_the_page_answers_while_the_pipeline_warms_up(tmp_path):
    """The server answers at once; a release sent meanwhile waits with a 'warming up' step."""
    SETUP_GATE.clear()
    processor = Processor({"pipeline": {"stages": ["read", "test-slow-to-load", "detect"]}}, cache_dir=tmp_path)
    try:
        with TestClient(create_app(processor)) as client:
            index = lxml_html.fromstring(client.get("/").text)
            assert "warming up" in index.xpath("string(//p[@id='warming-up'])")
            job = client.post("/api/process", json={"text": POLISH_RELEASE}).json()
            assert (job["state"], job["stage"], job["warming_up"]) == ("queued", "warming up", True)
            page = lxml_html.fromstring(client.get(f"/jobs/{job['id']}").text)
            steps = {step.text: step.get("class") for step in page.xpath("//ol[@id='job-steps']/li")}
            assert steps["warming up"] == "current"
            assert page.xpath("//*[@id='job-announce']/@aria-live") == ["polite"]
            assert page.xpath("string(//*[@id='job-announce'])") == "Warming up"
            assert page.xpath("//*[@role='progressbar']/@aria-valuenow") == ["0"]
            SETUP_GATE.set()
            done = _status(client, job["id"], lambda s: s["state"] == "done", timeout=60)
            assert not done["warming_up"] and done["record"]["language"]["code"] == "pl"
            assert not lxml_html.fromstring(client.get("/").text).xpath("//p[@id='warming-up']")
    finally:
        SETUP_GATE.set()
        processor.close()


def test_a_pipeline_that_cannot_be_built_is_said_on_the_page(tmp_path):
    processor = Processor({"pipeline": {"stages": ["read", "detect"]},
                           "stages": {"detect": {"detector": "no-such-detector"}}}, cache_dir=tmp_path)
    try:
        assert processor.wait_until_ready(timeout=60)
        with TestClient(create_app(processor)) as client:
            index = lxml_html.fromstring(client.get("/").text)
            assert "could not be started" in index.xpath("string(//div[@class='errors'])")
            failed = client.post("/api/process?wait=30", json={"text": POLISH_RELEASE}).json()
            assert failed["state"] == "failed" and "could not be built" in failed["error"]
    finally:
        processor.close()
