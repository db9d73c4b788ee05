"""The JSON API and the glossary editor, through FastAPI's test client."""
from __future__ import annotations

import time
import tomllib

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import POLISH_RELEASE, english_record, sample_record

from pressnlp.core.errors import PressnlpError
from pressnlp.stages.translate.glossary import load_glossary
from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor


def test_openapi_document_describes_the_api(client):
    document = client.get("/openapi.json").json()
    assert document["info"]["title"] == "pressnlp"
    assert {"/api/process", "/api/jobs/{job_id}", "/api/runs", "/api/runs/{name}/records",
            "/api/runs/{name}/records/{record_id}", "/api/glossary"} <= set(document["paths"])
    assert set(document["paths"]["/api/glossary"]) == {"get", "put"}
    assert "/runs/{name}" not in document["paths"]  # pages are not API


def test_process_queues_then_reports_progress_and_record(client):
    queued = client.post("/api/process", data={"text": POLISH_RELEASE})
    assert queued.status_code in (200, 202)
    job = queued.json()
    assert job["stages"] == ["read", "detect"]
    deadline = time.monotonic() + 60
    while (status := client.get(f"/api/jobs/{job['id']}").json())["state"] != "done" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status["state"] == "done"
    assert status["done_stages"] == 2
    record = status["record"]
    assert record["schema"] == "pressnlp.result/1"
    assert record["language"]["code"] == "pl"
    assert record["title"] == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"


def test_process_file_with_wait_returns_the_record(client):
    data = "Łódzkie szkoły dostaną pracownie\n\nŁódź, 5 maja 2023 r.\n\nMiasto kupi sprzęt.".encode("cp1250")
    response = client.post("/api/process?wait=30", files={"file": ("lodz.txt", data, "text/plain")})
    assert response.status_code == 200
    record = response.json()["record"]
    assert record["id"] == "lodzkie-szkoly-dostana-pracownie.txt"  # named by its title
    assert record["source"]["encoding"] == "cp1250"
    assert record["title"] == "Łódzkie szkoły dostaną pracownie"


def test_api_errors_are_json(client):
    wrong = client.post("/api/process", files={"file": ("a.exe", b"MZ")})
    assert wrong.status_code == 415
    assert wrong.json()["detail"].startswith("a.exe: this type of file is not accepted")
    assert client.post("/api/process", data={}).json() == {"detail": "Paste the text of a release or choose a file."}
    assert client.get("/api/jobs/missing").status_code == 404
    assert client.get("/api/runs/missing/records").json()["detail"].startswith("No run named 'missing'")


def test_runs_and_records(client):
    runs = client.get("/api/runs").json()
    assert [run["name"] for run in runs] == ["web", "out"]  # the releases of the page come first
    assert runs[1] == {"name": "out", "records": 3, "started": "2024-06-01T10:00:00Z", "url": "/api/runs/out/records"}
    # Newest first: the second Polish release is the one of 2022.
    listing = client.get("/api/runs/out/records", params={"language": "pl", "limit": 1, "offset": 1}).json()
    assert listing["total"] == 2
    assert [r["id"] for r in listing["records"]] == ["pl/2022-04-gzm-kansas-city.txt"]
    summary = listing["records"][0]
    assert summary["title_en"] == "GZM and the Kansas City Metropolis together for sustainable development"
    assert summary["themes"] == ["energy", "mobility", "international-cooperation"]
    record = client.get(summary["url"]).json()
    assert record == sample_record()
    assert client.get("/api/runs/out/records/en/2024-05-dublin-cycle.txt").json() == english_record()
    assert client.get("/api/runs/out/records", params={"date_to": "2024-05-02"}).json()["total"] == 2


@pytest.mark.parametrize("trick", ["../results.jsonl", "..%2Fresults.jsonl", "%2e%2e/%2e%2e/etc/passwd",
                                   "pl/%2E%2E/%2E%2E/manifest.json", "..%5Cmanifest.json"])
def test_record_ids_cannot_escape_the_run(client, trick):
    response = client.get(f"/api/runs/out/records/{trick}")
    assert response.status_code in (400, 404)
    assert "schema" not in response.text and "started" not in response.text


def test_trusted_hosts_refuse_other_host_names(processor):
    app = create_app(processor, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/").status_code == 200
    with TestClient(app, base_url="http://attacker.example") as rebound:
        assert rebound.get("/").status_code == 400


@pytest.fixture
def glossary_client(tmp_path):
    """A pipeline with the translate stage and a configured glossary file (never translating here)."""
    path = tmp_path / "terms.toml"
    path.write_text('"Urząd Marszałkowski" = "Marshal\'s Office"\n', encoding="utf-8")
    config = {"pipeline": {"stages": ["read", "detect", "translate"]},
              "stages": {"translate": {"glossary": str(path), "backend": "lexicon"}}}
    processor = Processor(config, cache_dir=tmp_path / "cache")
    with TestClient(create_app(processor), raise_server_exceptions=False) as client:
        yield client, path, processor
    processor.close()


def test_glossary_api_reads_and_replaces_the_file(glossary_client):
    client, path, processor = glossary_client
    document = client.get("/api/glossary").json()
    assert document == {"path": str(path), "format": "toml", "configured": True,
                        "entries": [{"term": "Urząd Marszałkowski", "translation": "Marshal's Office", "forms": []}]}
    before = processor.pipeline
    update = {"entries": [{"term": "GZM", "translation": None},
                          {"term": "Metropolia", "translation": "Metropolis", "forms": ["Metropolii"]},
                          {"term": "  Urząd   Marszałkowski ", "translation": "Marshal's Office"}]}
    saved = client.put("/api/glossary", json=update).json()
    assert [entry["term"] for entry in saved["entries"]] == ["GZM", "Metropolia", "Urząd Marszałkowski"]
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "GZM": "", "Metropolia": {"translation": "Metropolis", "forms": ["Metropolii"]},
        "Urząd Marszałkowski": "Marshal's Office"}
    entries = load_glossary(path, "pl").entries
    assert [(e.term, e.translation, e.forms) for e in entries] == [
        ("GZM", None, ()), ("Metropolia", "Metropolis", ("Metropolii",)),
        ("Urząd Marszałkowski", "Marshal's Office", ())]
    # The next release uses the new terms, from the same pipeline (no rebuild, no model reloaded).
    done = client.post("/api/process?wait=30", data={"text": "Metropolia GZM.\n\nKatowice, 1 marca 2024 r."}).json()
    translation = done["record"]["translation"]
    assert [translation["text"][s:e] for s, e in translation["glossary"]] == ["Metropolis", "GZM"]
    assert processor.pipeline is before
    duplicate = client.put("/api/glossary", json={"entries": [{"term": "GZM"}, {"term": "GZM", "translation": "x"}]})
    assert duplicate.status_code == 400
    assert duplicate.json()["detail"] == "glossary term 'GZM' appears twice; keep one row for it"
    assert "Metropolia" in path.read_text(encoding="utf-8")  # a refused update leaves the file alone


def test_glossary_page_edits_rows(glossary_client):
    client, path, _ = glossary_client
    page = lxml_html.fromstring(client.get("/glossary").text)
    assert page.xpath("//input[@name='term']/@value")[0] == "Urząd Marszałkowski"
    saved = client.post("/glossary", data={"term": ["Urząd Marszałkowski", "Śląskie", ""],
                                           "translation": ["Marshal's Office", "", ""],
                                           "forms": ["", "Śląskiego | Śląskim", ""]})
    assert saved.status_code == 200
    assert "Saved 2 terms." in saved.text
    assert tomllib.loads(path.read_text(encoding="utf-8"))["Śląskie"] == {"keep": True,
                                                                         "forms": ["Śląskiego", "Śląskim"]}


def test_glossary_csv_keeps_its_format(tmp_path):
    from pressnlp.web.glossary import Term, read_terms, write_terms

    path = tmp_path / "terms.csv"
    write_terms(path, [Term("Sejmik, Województwa", "Regional Assembly", ["Sejmiku"]), Term("UE", None)])
    assert path.read_text(encoding="utf-8").splitlines()[0] == "term,translation,forms"
    assert read_terms(path) == [Term("Sejmik, Województwa", "Regional Assembly", ["Sejmiku"]), Term("UE", None)]
    with pytest.raises(PressnlpError, match="cannot contain '|'"):
        write_terms(path, [Term("A", "B", ["x|y"])])


def test_user_glossary_is_used_when_the_config_names_none(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    processor = Processor({"pipeline": {"stages": ["read", "detect", "translate"]},
                           "stages": {"translate": {"backend": "lexicon"}}}, cache_dir=tmp_path / "cache")
    try:
        assert processor.glossary_path == tmp_path / "pressnlp" / "glossary.toml"
        assert not processor.glossary_configured
        translate = processor.pipeline.stages[2]
        assert translate.describe()["glossary"] is None  # no file yet
        text = "Metropolia GZM zaprasza.\n\nKatowice, 1 marca 2024 r."
        with TestClient(create_app(processor)) as client:
            before = client.post("/api/process?wait=30", data={"text": text}).json()["record"]["translation"]
            client.put("/api/glossary", json={"entries": [{"term": "Metropolia GZM", "translation": "GZM Metropolis"}]})
            after = client.post("/api/process?wait=30", data={"text": text}).json()["record"]["translation"]
        assert "GZM Metropolis" not in before["text"]
        assert [after["text"][s:e] for s, e in after["glossary"]] == ["GZM Metropolis"]
        assert processor.pipeline.stages[2] is translate and translate.describe()["glossary"] is not None
    finally:
        processor.close()
