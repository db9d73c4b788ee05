"""Markup in documents is shown as text everywhere: web result page, run list, report.html, exports."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import HOSTILE, XSS_IMG, XSS_SCRIPT, hostile_record, sample_record, write_run

from pressnlp.report import render_report, show, to_markdown
from pressnlp.web.app import create_app
from pressnlp.web.runs import RunLibrary


def assert_inert(page: str) -> None:
    """No markup from the record became elements: no injected script, no event handler, no
    javascript: link, and the hostile text is still there as text."""
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = lxml_html.fromstring(page)
    for script in tree.xpath("//script"):
        assert "alert(1)" not in (script.text or "")
        assert script.get("nonce")
    assert not tree.xpath("//img")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.tag
        for name in ("href", "src", "action"):
            assert not element.get(name, "").lower().startswith("javascript:"), element.get(name)
    assert HOSTILE in tree.text_content()


@pytest.fixture
def hostile_client(processor, tmp_path):
    run = write_run(tmp_path / "hostile", [hostile_record(), sample_record()])
    with TestClient(create_app(processor, RunLibrary([run]))) as client:
        yield client


def test_web_result_page_of_a_hostile_record(hostile_client):
    page = hostile_client.get(f"/runs/hostile/release?id={quote(hostile_record()['id'])}")
    assert page.status_code == 200
    assert_inert(page.text)
    # The translation column shows the hostile segment as text, marks and all.
    tree = lxml_html.fromstring(page.text)
    assert tree.xpath("string(//table[@class='pairs']//td[@lang='en'])") == HOSTILE


def test_run_list_of_a_hostile_record(hostile_client):
    page = hostile_client.get("/runs/hostile")
    assert_inert(page.text)
    hrefs = lxml_html.fromstring(page.text).xpath("//table[@id='run-records']//a/@href")
    assert f"/runs/hostile/release?id={quote(hostile_record()['id'])}" in hrefs


def test_api_record_round_trips_hostile_text(hostile_client):
    record = hostile_client.get(f"/api/runs/hostile/records/{quote(hostile_record()['id'], safe='/')}").json()
    assert record == hostile_record()


def test_pasted_hostile_release_is_shown_as_text(hostile_client):
    release = f"{HOSTILE} tytuł\n\nKatowice, 1 marca 2024 r.\n\nTreść {HOSTILE} komunikatu."
    job = hostile_client.post("/api/process?wait=30", data={"text": release, "name": HOSTILE}).json()
    page = hostile_client.get(job["result_url"])
    assert page.status_code == 200
    assert_inert(page.text)
    assert lxml_html.fromstring(page.text).xpath("string(//article//h1)") == f"{HOSTILE} tytuł"


def test_report_html_of_a_hostile_record():
    page = render_report([hostile_record(), sample_record()], {"warnings": [HOSTILE], "corpus": HOSTILE})
    assert_inert(page)
    tree = lxml_html.fromstring(page)
    nonce = tree.xpath("//script/@nonce")[0]
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert f"script-src 'nonce-{nonce}'" in policy


def test_markdown_and_terminal_keep_markup_inert():
    markdown = to_markdown(hostile_record())
    assert re.search(r"(?<!\\)<", markdown) is None  # every "<" escaped
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(markdown)  # raw HTML allowed: none may get through
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    terminal = show(dict(hostile_record(), title="Title\x1b[2J\x1b[31mred"))
    assert "\x1b" not in terminal
    assert "Title[2J[31mred" in terminal
