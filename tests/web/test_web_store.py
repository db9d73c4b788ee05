"""Releases processed on the page are kept: a run folder of their own, listed by the run browser,
still there after a restart, processed again from their own bytes."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import POLISH_RELEASE, finished_page

from pressnlp import Pipeline
from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor
from pressnlp.web.runs import RunLibrary
from pressnlp.web.store import WebStore, slug

CONFIG = {"pipeline": {"stages": ["read", "detect"]}}
SLUG = "metropolia-gzm-kupi-nowe-autobusy-wodorowe-dla-katowic"


def _serve(store_dir, cache):
    processor = Processor(CONFIG, cache_dir=cache, store=WebStore(store_dir))
    return processor, TestClient(create_app(processor, RunLibrary()), raise_server_exceptions=False)


@pytest.fixture
def store_dir(tmp_path):
    return tmp_path / "web-runs"


def test_slug():
    assert slug("Metropolia GZM kupi nowe autobusy wodorowe dla Katowic") == SLUG
    assert slug("Łódź: 20 żłobków!") == "lodz-20-zlobkow"
    assert slug("Київ") == "" and slug(None) == ""
    assert len(slug("słowo " * 40)) <= 60


def test_a_processed_release_is_kept_like_a_run_and_opens_after_a_restart(store_dir, tmp_path):
    processor, client = _serve(store_dir, tmp_path / "cache")
    with client:
        submitted = client.post("/process", data={"text": POLISH_RELEASE}, follow_redirects=False)
        job_url = submitted.headers["location"]
        first = lxml_html.fromstring(finished_page(client, job_url).text)
        assert first.xpath("string(//h1)") == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
        listing = lxml_html.fromstring(client.get("/runs/web").text)
        assert listing.xpath("//table[@id='run-records']//span[@class='release-id']/text()") == [f"{SLUG}.txt"]
        assert "Processed on this page" in listing.xpath("string(//h1)")
    processor.close()

    # The run folder is what `pressnlp run` writes: results, per-document files, manifest, and the
    # submitted bytes as its corpus; a run over that corpus finds every record current.
    records = [json.loads(line) for line in (store_dir / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == [f"{SLUG}.txt"]
    assert records[0]["source"]["path"] == f"{SLUG}.txt"
    assert (store_dir / "sources" / f"{SLUG}.txt").read_text(encoding="utf-8") == POLISH_RELEASE
    assert (store_dir / "docs" / f"{SLUG}.txt.json").is_file()
    assert json.loads((store_dir / "manifest.json").read_text())["counts"] == {"documents": 1}
    summary = Pipeline.from_config(CONFIG, cache_dir=tmp_path / "cache").run(store_dir / "sources", store_dir,
                                                                             progress=False)
    assert (summary.documents, summary.cached, summary.processed) == (1, 1, 0)

    # A new server (a restart) still opens the job's address, its downloads and the run.
    processor, client = _serve(store_dir, tmp_path / "cache")
    with client:
        again = client.get(job_url)
        assert again.status_code == 200
        assert lxml_html.fromstring(again.text).xpath("string(//h1)") == first.xpath("string(//h1)")
        download = client.get(f"{job_url}/download/json")
        assert download.headers["content-disposition"] == f'attachment; filename="{SLUG}.en.json"'
        assert json.loads(download.content)["id"] == f"{SLUG}.txt"
        assert client.get("/jobs/never-was").status_code == 404
    processor.close()


def test_process_again_keeps_the_id_and_other_bytes_get_their_own(store_dir, tmp_path):
    processor, client = _serve(store_dir, tmp_path / "cache")
    with client:
        record = client.post("/api/process?wait=60", json={"text": POLISH_RELEASE}).json()["record"]
        page = lxml_html.fromstring(client.get(f"/runs/web/release?id={record['id']}").text)
        (action,) = page.xpath("//form[button[@id='reprocess']]/@action")
        again = client.post(action, follow_redirects=False)
        assert again.status_code == 303
        finished_page(client, again.headers["location"])
        # Same title, other text: a release of its own, not a replacement.
        other = client.post("/api/process?wait=60", json={"text": POLISH_RELEASE + "\nDodatkowe zdanie.\n"}).json()
        assert other["record"]["id"] == f"{SLUG}-2.txt"
        ids = [r["id"] for r in client.get("/api/runs/web/records").json()["records"]]
        assert sorted(ids) == [f"{SLUG}-2.txt", f"{SLUG}.txt"]
        refused = client.post("/runs/web/reprocess?id=../../etc/passwd", follow_redirects=False)
        assert refused.status_code == 404
    processor.close()
