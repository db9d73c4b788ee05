"""End to end in a real browser: headless Chromium driven by Playwright against the served app.

Uses the Debian Chromium (`make browser` installs it); Playwright never downloads a browser.
One server and one browser serve the whole module. Screenshots go to the test's temporary
folder, and the start page, a result page and the run browser, at desktop and phone width, are
also copied to $PRESSNLP_SCREENSHOTS when that names a folder.
"""
from __future__ import annotations

import copy
import json
import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from web_samples import HOSTILE, POLISH_RELEASE, XSS_SCRIPT, sample_record, write_run

from pressnlp import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.report import write_report
from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor
from pressnlp.web.runs import RunLibrary
from pressnlp.web.store import WebStore

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
RESULT_TIMEOUT_MS = 45_000
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

CP1250_RELEASE = """Śląskie gminy łączą siły w sprawie żłobków

Bielsko-Biała, 12 lutego 2024 r.

Gmina Żywiec i Miasto Bielsko-Biała podpisały porozumienie o wspólnym naborze do żłobków. \
Rodzice złożą wnioski do 15 marca 2024 r.

Kontakt: Łukasz Wróbel, e-mail: lukasz.wrobel@zywiec.pl
"""
RUN_RELEASES = {
    "pl/2024-03-gzm-autobusy.txt": POLISH_RELEASE,
    "pl/2024-02-zlobki.txt": CP1250_RELEASE,
    "en/2024-05-dublin-cycle.txt": "Dublin opens a new cycle network\n\nDublin, 3 May 2024\n\n"
                                   "Dublin City Council and the National Transport Authority opened 12 km of "
                                   "protected cycle lanes.\n\nContact: press@dublincity.ie\n",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _server(processor: Processor, runs: RunLibrary):
    """The app on a free localhost port, in a thread; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    app = create_app(processor, runs, allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _big_run(folder: Path) -> Path:
    """30 releases over three years: enough for two pages."""
    records = []
    for number in range(30):
        record = copy.deepcopy(sample_record())
        record.update(id=f"pl/{number:02d}.txt", date=f"{2021 + number % 3}-{1 + number % 12:02d}-{1 + number:02d}",
                      title=f"Komunikat {number:02d}")
        record["translation"]["title"] = f"Release {number:02d}"
        records.append(record)
    return write_run(folder, records)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app with the default pipeline, its releases kept in a store, and two runs to browse:
    one made by the pipeline, one of 30 hand-made releases."""
    tmp = tmp_path_factory.mktemp("e2e")
    corpus = tmp / "corpus"
    for name, text in RUN_RELEASES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:  # the default glossary: not the user's
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp / "config"))
        processor = Processor(None, cache_dir=tmp / "cache", store=WebStore(tmp / "store"))
        Pipeline.from_config(None, cache_dir=tmp / "run-cache").run(corpus, tmp / "out", workers=1, progress=False)
    with _server(processor, RunLibrary([tmp / "out", _big_run(tmp / "big")])) as base:
        yield base, tmp
    processor.close()


@pytest.fixture(scope="module")
def browser(served):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api")
    base, tmp = served
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True, viewport=DESKTOP)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        context.set_default_timeout(RESULT_TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A tab that records every dialog (none may ever open) and every console error (a script
    blocked by the Content-Security-Policy shows up there)."""
    tab = browser.new_page()
    tab.dialogs, tab.console_errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    tab.close()


def _screenshot(page, tmp: Path, name: str, *, share: bool = False) -> Path:
    path = tmp / "screens" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.screenshot(path=str(path.with_name(path.stem + "-full.png")), full_page=True)
    target = os.environ.get("PRESSNLP_SCREENSHOTS")
    if share and target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / name)
    return path


def _horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _at_both_widths(page, tmp: Path, name: str) -> None:
    """The page at desktop and at phone width: screenshots of both, and no sideways scrolling on a phone."""
    _screenshot(page, tmp, f"{name}-desktop.png", share=True)
    page.set_viewport_size(PHONE)
    try:
        page.wait_for_timeout(100)
        _screenshot(page, tmp, f"{name}-phone.png", share=True)
        assert _horizontal_overflow(page) <= 0, f"{name}: wider than a 390 px phone"
    finally:
        page.set_viewport_size(DESKTOP)


def _process(page, base: str) -> None:
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/jobs/*")
    page.wait_for_selector("article.release", timeout=RESULT_TIMEOUT_MS)


def test_paste_a_polish_release_read_it_in_english_and_take_it_away(page, served):
    sync_api = pytest.importorskip("playwright.sync_api")
    base, tmp = served
    page.goto(base)
    page.fill("textarea[name=text]", POLISH_RELEASE)
    _process(page, base)
    assert page.inner_text("h1") == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
    assert page.inner_text("article .language") == "Polish"
    assert page.inner_text("article .release-date") == "14 March 2024 2024-03-14"
    # Side by side: every English cell filled, and not a copy of its Polish neighbour.
    rows = page.locator("table.pairs tbody tr")
    assert rows.count() >= 5
    english = page.locator("table.pairs td[lang=en]").all_inner_texts()
    polish = page.locator("table.pairs td[lang=pl]").all_inner_texts()
    assert all(cell.strip() for cell in english)
    assert sum(en != pl for en, pl in zip(english, polish, strict=True)) >= 4
    backend = page.inner_text("article .backend")
    assert backend
    if backend.startswith("lexicon"):
        assert page.locator("p.notice.gist").is_visible()
    partners = page.locator(".partners tbody tr").all_inner_texts()
    assert any("Metropolia" in row for row in partners), partners
    contacts = page.locator(".contacts .contact-value").all_inner_texts()
    assert "anna.nowak@metropoliagzm.pl" in contacts
    copy_button = page.get_by_role("button", name="Copy email anna.nowak@metropoliagzm.pl")
    copy_button.click()
    sync_api.expect(copy_button).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == "anna.nowak@metropoliagzm.pl"
    sync_api.expect(copy_button).to_have_text("Copy")
    _at_both_widths(page, tmp, "result-page")

    with page.expect_download() as download_info:
        page.click("#download-docx")
    saved = tmp / "release.docx"
    download_info.value.save_as(saved)
    assert download_info.value.suggested_filename == "metropolia-gzm-kupi-nowe-autobusy-wodorowe-dla-katowic.en.docx"
    document = docx.Document(str(saved))
    assert document.core_properties.author == "pressnlp"
    title = page.inner_text("article .title-en") if page.locator("article .title-en").count() else None
    assert document.paragraphs[0].text == (title or "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic")
    facts = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert ["Contact", "anna.nowak@metropoliagzm.pl", "email"] in facts
    assert any(row[0] == "Partner" for row in facts)
    assert page.dialogs == [] and page.console_errors == []


def test_upload_a_cp1250_text_file(page, served):
    base, tmp = served
    path = tmp / "komunikat-cp1250.txt"
    path.write_bytes(CP1250_RELEASE.encode("cp1250"))
    page.goto(base)
    page.set_input_files("input[type=file]", str(path))
    _process(page, base)
    assert page.inner_text("h1") == "Śląskie gminy łączą siły w sprawie żłobków"
    assert page.console_errors == []
    assert "cp1250" in page.inner_text("article .meta")
    assert "lukasz.wrobel@zywiec.pl" in page.locator(".contacts .contact-value").all_inner_texts()


def test_a_release_full_of_markup_stays_text(page, served):
    base, _ = served
    page.goto(base)
    page.fill("textarea[name=text]", f"{HOSTILE} tytuł\n\nKatowice, 1 marca 2024 r.\n\nTreść {HOSTILE} komunikatu.")
    page.fill("input[name=name]", HOSTILE)
    _process(page, base)
    assert page.inner_text("h1") == f"{HOSTILE} tytuł"
    assert XSS_SCRIPT in page.inner_text("table.pairs")
    assert page.locator("article img, article script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.console_errors == []


def test_browse_a_run_filter_search_and_open_a_release(page, served):
    base, tmp = served
    page.goto(f"{base}/runs")
    page.click("a[href='/runs/out']")
    rows = page.locator("#run-records tbody tr")
    assert rows.count() == 3
    _at_both_widths(page, tmp, "run-browser")
    page.get_by_text("Filter by language, theme, partner or date").click()
    page.select_option("select[name=language]", "pl")
    page.click("form.filters button[type=submit]")
    assert rows.count() == 2
    page.fill("input[name=q]", "żłobek")  # the text says "żłobków": found through its lemma
    page.click("form.filters button[type=submit]")
    assert rows.count() == 1
    page.click("#run-records tbody tr a")
    page.wait_for_selector("article.release")
    assert page.inner_text("article .release-id") == "pl/2024-02-zlobki.txt"
    assert page.inner_text("h1") == "Śląskie gminy łączą siły w sprawie żłobków"
    assert page.console_errors == []


def test_report_html_filters_with_its_own_script(page, served):
    _, tmp = served
    records = [json.loads(line) for line in (tmp / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    write_report(records, tmp / "out" / "report.html", json.loads((tmp / "out" / "manifest.json").read_text()))
    page.goto((tmp / "out" / "report.html").as_uri())
    count = page.locator("#filter-count")
    assert count.inner_text() == "3 of 3 shown"
    page.select_option("#filter-language", "en")
    assert count.inner_text() == "1 of 3 shown"
    assert page.locator("article.release:visible").count() == 1
    page.select_option("#filter-language", "")
    page.fill("#filter-text", "zlobkow")  # typed without diacritics, found with them
    assert count.inner_text() == "1 of 3 shown"
    assert not page.locator("article.release:visible table.pairs").is_visible()
    page.click("#toggle-pairs")
    assert page.locator("article.release:visible table.pairs").is_visible()
    assert page.console_errors == []


def test_the_start_page_reads_as_text_and_fits_a_phone(page, served):
    base, tmp = served
    page.goto(base)
    visible = page.inner_text("header") + page.inner_text("h1") + page.inner_text("#process-form")
    assert "<" not in visible and "placeholder" not in visible and "&#10;" not in visible
    attributes = page.evaluate("Array.from(document.querySelector('textarea').attributes, a => a.name)")
    assert sorted(attributes) == ["aria-describedby", "id", "name", "placeholder"]
    assert page.get_attribute("textarea", "placeholder").startswith("Metropolia GZM kupi nowe autobusy\n\n")
    # Text and a file together: the page says at once that only one can be processed.
    page.fill("textarea[name=text]", POLISH_RELEASE)
    assert page.locator("#both-given").is_hidden()
    path = tmp / "other.txt"
    path.write_text("Inny komunikat\n\nTreść.", encoding="utf-8")
    page.set_input_files("input[type=file]", str(path))
    assert page.locator("#both-given").is_visible()
    page.set_input_files("input[type=file]", [])
    page.fill("textarea[name=text]", "")
    _at_both_widths(page, tmp, "start-page")
    page.set_viewport_size(PHONE)
    try:  # the menu wraps between its links, never inside one
        heights = page.eval_on_selector_all(".topbar nav a", "links => links.map(a => a.getClientRects().length)")
        assert heights == [1] * len(heights)
    finally:
        page.set_viewport_size(DESKTOP)
    assert page.console_errors == []


def test_keyboard_skip_link_and_labels(page, served):
    sync_api = pytest.importorskip("playwright.sync_api")
    base, _ = served
    page.goto(base)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    sync_api.expect(page.get_by_label("Paste the release")).to_be_visible()
    sync_api.expect(page.get_by_label("or choose a file")).to_be_visible()
    page.goto(f"{base}/glossary")
    term_fields = page.get_by_role("textbox", name="Term (source language)")
    assert term_fields.count() >= 3
    assert page.get_by_role("button", name="Remove this term").count() == term_fields.count()


def test_api_submissions_json_form_and_multipart(page, served):
    """What scripts send: JSON, a UTF-8 form, multipart with a file; all read as Polish."""
    base, _ = served
    api = page.request
    as_json = api.post(f"{base}/api/process?wait=120", data={"text": POLISH_RELEASE})
    as_form = api.post(f"{base}/api/process?wait=120", form={"text": CP1250_RELEASE})
    as_multipart = api.post(f"{base}/api/process?wait=120", multipart={
        "file": {"name": "zlobki.txt", "mimeType": "text/plain", "buffer": CP1250_RELEASE.encode("cp1250")}})
    for response, title in ((as_json, "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"),
                            (as_form, "Śląskie gminy łączą siły w sprawie żłobków"),
                            (as_multipart, "Śląskie gminy łączą siły w sprawie żłobków")):
        assert response.status == 200, response.text()
        record = response.json()["record"]
        assert (record["title"], record["language"]["code"]) == (title, "pl")


def test_libretranslate_endpoint_from_a_page(page, served):
    """A LibreTranslate client (a script in a page, fetch with JSON) gets LibreTranslate's answer."""
    base, _ = served
    page.goto(f"{base}/api")
    answer = page.evaluate("""async () => {
        const response = await fetch('/translate', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({q: ['Metropolia GZM kupi nowe autobusy wodorowe dla Katowic.', 'Żłobki',
                                      'Rodzice złożą wnioski do żłobków do 15 marca.'],
                                  source: 'auto', target: 'en', format: 'text', api_key: ''})});
        return {status: response.status, body: await response.json()};
    }""")
    assert answer["status"] == 200, answer["body"]
    body = answer["body"]
    assert len(body["translatedText"]) == 3 and all(text.strip() for text in body["translatedText"])
    # A word alone is too short to tell: it takes the language of the request as a whole.
    assert [detected["language"] for detected in body["detectedLanguage"]] == ["pl", "pl", "pl"]
    assert body["gist"] == [backend.startswith("lexicon") for backend in body["backend"]]
    languages = page.evaluate("fetch('/languages').then(r => r.json())")
    assert {"code": "pl", "name": "Polish", "targets": ["en"]} in languages
    refused = page.evaluate("""fetch('/translate', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({q: 'x', source: 'pl', target: 'xx'})}).then(async r => [r.status, await r.json()])""")
    assert refused[0] == 400 and "xx is not supported" in refused[1]["error"]


def test_run_browser_pages_and_sorts(page, served):
    base, _ = served
    page.goto(f"{base}/runs/big")
    rows = page.locator("#run-records tbody tr")
    assert rows.count() == 25
    dates = page.locator("#run-records td[data-label=Date] .iso").all_inner_texts()
    assert dates == sorted(dates, reverse=True)
    page.get_by_role("link", name="Next →").click()
    assert page.inner_text("#run-count") == "Releases 26–30 of 30, newest first."
    assert page.locator("nav.pager [aria-current=page]").inner_text() == "2"
    page.select_option("select[name=sort]", "name")
    page.click("form.filters button[type=submit]")
    assert page.locator("#run-records tbody tr a").first.inner_text() == "Release 00"
    page.get_by_role("link", name="Page 2").click()
    assert page.locator("#run-records tbody tr a").first.inner_text() == "Release 25"
    page.set_viewport_size(PHONE)
    try:
        assert _horizontal_overflow(page) <= 0
    finally:
        page.set_viewport_size(DESKTOP)


GATE = threading.Event()


@register
class HeldAtSetupStage(Stage):
    """Models that load slowly: the restarted server's pipeline is not ready until the test says so."""

    name = "test-e2e-held-at-setup"
    requires = ("text",)
    provides = ()

    def setup(self):
        GATE.wait(timeout=60)

    def process(self, record):
        return record


def test_a_processed_release_opens_after_a_restart_and_new_ones_wait_for_the_warm_up(page, served):
    base, tmp = served
    page.goto(base)
    page.fill("textarea[name=text]", CP1250_RELEASE)
    _process(page, base)
    address = page.url.removeprefix(base)
    title = page.inner_text("h1")
    GATE.clear()
    restarted = Processor({"pipeline": {"stages": ["read", "test-e2e-held-at-setup", "detect"]}},
                          cache_dir=tmp / "cache-2", store=WebStore(tmp / "store"))
    try:
        with _server(restarted, RunLibrary()) as second:
            page.goto(second + address)  # a new server: the job is not in its memory, the store has it
            assert page.inner_text("h1") == title
            page.goto(f"{second}/runs/web")
            assert page.locator("#run-records tbody tr").count() >= 1
            page.goto(second)
            assert page.locator("#warming-up").is_visible()
            page.fill("textarea[name=text]", POLISH_RELEASE)
            page.click("button[type=submit]")
            page.wait_for_url(f"{second}/jobs/*")
            assert page.get_attribute("#job-steps li[data-stage='warming up']", "class") == "current"
            assert page.get_attribute("#job-announce", "aria-live") == "polite"
            assert page.inner_text("#job-announce") == "Warming up"
            assert page.get_attribute("#job-progress", "role") == "progressbar"
            GATE.set()
            page.wait_for_selector("article.release", timeout=RESULT_TIMEOUT_MS)
            assert page.inner_text("h1") == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
    finally:
        GATE.set()
        restarted.close()
    assert page.console_errors == []
