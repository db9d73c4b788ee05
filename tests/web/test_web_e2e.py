"""End to end in a real browser: headless Chromium driven by Playwright against the served app.

Uses the Debian Chromium (`make browser` installs it); Playwright never downloads a browser.
Screenshots go to the test's temporary folder, and the result page and the run browser are also
copied to $PRESSNLP_SCREENSHOTS when that names a folder.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import docx
import pytest
from web_samples import HOSTILE, POLISH_RELEASE, XSS_SCRIPT

from pressnlp import Pipeline
from pressnlp.report import write_report
from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor
from pressnlp.web.runs import RunLibrary

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
RESULT_TIMEOUT_MS = 45_000

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


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app with the default pipeline on a free localhost port, and a run made by it."""
    uvicorn = pytest.importorskip("uvicorn")
    tmp = tmp_path_factory.mktemp("e2e")
    corpus = tmp / "corpus"
    for name, text in RUN_RELEASES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:  # the default glossary: not the user's
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp / "config"))
        processor = Processor(None, cache_dir=tmp / "cache")
        Pipeline.from_config(None, cache_dir=tmp / "run-cache").run(corpus, tmp / "out", workers=1, progress=False)
    port = _free_port()
    app = create_app(processor, RunLibrary([tmp / "out"]), allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", tmp
    server.should_exit = True
    thread.join(timeout=10)
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
            accept_downloads=True, viewport={"width": 1280, "height": 900})
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
    assert page.inner_text("article h2") == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
    assert page.inner_text("article .language") == "Polish"
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
    copy_button = page.locator(".contacts button.copy[data-copy='anna.nowak@metropoliagzm.pl']")
    copy_button.click()
    sync_api.expect(copy_button).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == "anna.nowak@metropoliagzm.pl"
    _screenshot(page, tmp, "result-page.png", share=True)

    with page.expect_download() as download_info:
        page.click("#download-docx")
    saved = tmp / "release.docx"
    download_info.value.save_as(saved)
    document = docx.Document(str(saved))
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
    assert page.inner_text("article h2") == "Śląskie gminy łączą siły w sprawie żłobków"
    assert page.console_errors == []
    assert "cp1250" in page.inner_text("article .meta")
    assert "lukasz.wrobel@zywiec.pl" in page.locator(".contacts .contact-value").all_inner_texts()


def test_a_release_full_of_markup_stays_text(page, served):
    base, _ = served
    page.goto(base)
    page.fill("textarea[name=text]", f"{HOSTILE} tytuł\n\nKatowice, 1 marca 2024 r.\n\nTreść {HOSTILE} komunikatu.")
    page.fill("input[name=name]", HOSTILE)
    _process(page, base)
    assert page.inner_text("article h2") == f"{HOSTILE} tytuł"
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
    _screenshot(page, tmp, "run-browser.png", share=True)
    page.select_option("select[name=language]", "pl")
    page.click("form.filters button[type=submit]")
    assert rows.count() == 2
    page.fill("input[name=q]", "żłobków")
    page.click("form.filters button[type=submit]")
    assert rows.count() == 1
    page.click("#run-records tbody tr a")
    page.wait_for_selector("article.release")
    assert page.inner_text("article .release-id") == "pl/2024-02-zlobki.txt"
    assert page.inner_text("article h2") == "Śląskie gminy łączą siły w sprawie żłobków"
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
