"""The HTML pages through FastAPI's test client: process, result, downloads, runs, errors."""
from __future__ import annotations

import copy
import io
import json
from urllib.parse import quote

import docx
import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import POLISH_RELEASE, finished_page, sample_record, write_run

from pressnlp.web.app import create_app
from pressnlp.web.runs import RunLibrary


def _finish(client, response):
    url = str(response.url)
    assert "/jobs/" in url
    return finished_page(client, url)


def test_index_offers_text_box_and_upload(client):
    page = client.get("/")
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.text)
    assert tree.xpath("//form[@action='/process']//textarea[@name='text']")
    upload = tree.xpath("//input[@type='file'][@name='file']")[0]
    assert upload.get("accept") == ".txt,.md,.html,.htm,.docx,.pdf"
    assert "read → detect" in page.text


def test_pasted_release_goes_through_a_job_to_the_result_page(client):
    response = client.post("/process", data={"text": POLISH_RELEASE, "name": "gzm-autobusy"},
                           files={"file": ("", b"")}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/jobs/")
    page = _finish(client, client.get(response.headers["location"]))
    tree = lxml_html.fromstring(page.text)
    assert tree.xpath("string(//h1)") == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
    assert "Polish" in tree.xpath("string(//span[@class='language'])")
    assert tree.xpath("string(//dd[@class='release-date'])") == "14 March 2024 2024-03-14"
    downloads = tree.xpath("//div[@class='downloads']/a/@href")
    assert [href.rsplit("/", 1)[1] for href in downloads] == ["json", "md", "docx"]
    # The index lists the processed release.
    assert "Metropolia GZM kupi nowe autobusy" in client.get("/").text


def test_uploaded_cp1250_text_is_decoded(client):
    text = "Śląskie miasta łączą siły\n\nKatowice, 2 lutego 2024 r.\n\nGmina Żywiec i Łódź podpisały porozumienie."
    response = client.post("/process", files={"file": ("komunikat.txt", text.encode("cp1250"), "text/plain")})
    page = _finish(client, response)
    assert "Śląskie miasta łączą siły" in page.text
    assert "cp1250" in page.text


def test_downloads_json_markdown_docx(client):
    response = client.post("/api/process?wait=30", data={"text": POLISH_RELEASE, "name": "pl/autobusy.txt"})
    job = response.json()
    assert job["state"] == "done"
    record = client.get(f"/jobs/{job['id']}/download/json")
    # Named by its title, not by the name it was sent with.
    assert record.headers["content-disposition"] == (
        'attachment; filename="metropolia-gzm-kupi-nowe-autobusy-wodorowe-dla-katowic.en.json"')
    assert json.loads(record.content)["schema"] == "pressnlp.result/1"
    markdown = client.get(f"/jobs/{job['id']}/download/md")
    assert markdown.text.startswith("# Metropolia GZM kupi nowe autobusy")
    word = client.get(f"/jobs/{job['id']}/download/docx")
    document = docx.Document(io.BytesIO(word.content))
    assert document.paragraphs[0].text == "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"
    assert client.get(f"/jobs/{job['id']}/download/exe").status_code == 404


def test_wrong_file_type_is_refused_with_a_page(client):
    page = client.post("/process", files={"file": ("virus.exe", b"MZ\x90\x00", "application/octet-stream")})
    assert page.status_code == 415
    assert "virus.exe: this type of file is not accepted" in page.text
    assert "Traceback" not in page.text
    fake = client.post("/process", files={"file": ("release.docx", b"just text", "application/octet-stream")})
    assert fake.status_code == 415
    assert "not a Word .docx file" in fake.text
    binary = client.post("/process", files={"file": ("release.txt", b"abc\x00\x01\x02", "text/plain")})
    assert binary.status_code == 415


def test_too_big_upload_is_refused_with_a_page(client):
    page = client.post("/process", files={"file": ("big.txt", b"a" * 250_000, "text/plain")})
    assert page.status_code == 413
    assert "larger than the limit" in lxml_html.fromstring(page.text).xpath("string(//p[@id='error-message'])")
    huge = client.post("/process", files={"file": ("huge.txt", b"a" * 2_000_000, "text/plain")})
    assert huge.status_code == 413


def test_empty_submission_asks_for_text(client):
    page = client.post("/process", data={"text": "   "})
    assert page.status_code == 400
    assert "Paste the text of a release or choose a file." in page.text


def test_unreadable_file_gives_the_readers_message(client):
    response = client.post("/process", files={"file": ("broken.docx", b"PK\x03\x04 this zip ends here")})
    page = _finish(client, response)
    assert page.status_code == 422
    assert "broken.docx" in page.text
    assert "Traceback" not in page.text
    message = lxml_html.fromstring(page.text).xpath("string(//p[@id='error-message'])")
    assert len(message) > len("broken.docx: ")


def test_unknown_job_and_page_are_404_pages(client):
    page = client.get("/jobs/nope")
    assert page.status_code == 404
    assert "No such job" in page.text
    assert client.get("/no/such/page").status_code == 404


def test_run_browser_lists_and_filters(client):
    page = client.get("/runs")
    assert "out" in page.text
    listing = client.get("/runs/out")
    rows = lxml_html.fromstring(listing.text).xpath("//table[@id='run-records']/tbody/tr")
    assert len(rows) == 3
    assert "using the dictionary gist backend" in listing.text  # the run's warnings

    def ids(**params):
        tree = lxml_html.fromstring(client.get("/runs/out", params=params).text)
        return tree.xpath("//table[@id='run-records']//span[@class='release-id']/text()")

    assert ids(language="en") == ["en/2024-05-dublin-cycle.txt"]
    assert ids(theme="digital") == ["pl/2024-03-other.txt"]
    assert ids(partner="kansas") == ["pl/2024-03-other.txt", "pl/2022-04-gzm-kansas-city.txt"]
    assert ids(partner="Unia Europejska", date_from="2022-01-01", date_to="2022-12-31") == [
        "pl/2022-04-gzm-kansas-city.txt"]
    assert ids(date_from="2024-03-31") == ["en/2024-05-dublin-cycle.txt", "pl/2024-03-other.txt"]
    assert ids(q="efektywnosc energetyczna") == ["pl/2024-03-other.txt", "pl/2022-04-gzm-kansas-city.txt"]
    assert ids(q="cycle network") == ["en/2024-05-dublin-cycle.txt"]
    assert ids(q="zzzz") == []
    bad_date = client.get("/runs/out", params={"date_from": "March"})
    assert bad_date.status_code == 400
    assert "expected a date like 2024-03-15" in bad_date.text


def test_run_release_opens_the_same_result_page(client):
    record = sample_record()
    page = client.get(f"/runs/out/release?id={quote(record['id'])}")
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.text)
    rows = tree.xpath("//table[@class='pairs']/tbody/tr")
    assert len(rows) == len(record["translation"]["segments"])
    first = rows[1].xpath("td")
    source, target = record["translation"]["segments"][1]["source"], record["translation"]["segments"][1]["target"]
    assert first[1].text_content() == record["text"][source[0]:source[1]]
    assert first[2].text_content() == record["translation"]["text"][target[0]:target[1]]
    assert tree.xpath("//table[@class='pairs']//mark[@class='glossary']/text()") == ["IURC programme"]
    assert tree.xpath("//table[@class='pairs']//mark[@class='partner']/text()")[:2] == [
        "Górnośląsko-Zagłębiowska Metropolia", "Metropolią Kansas City"]
    partner_rows = tree.xpath("//div[@class='partners']//tbody/tr")
    assert [row.xpath("string(td[2])") for row in partner_rows] == [
        "Upper Silesian-Zagłębie Metropolis", "Kansas City Metropolis", "European Union"]
    assert tree.xpath("//div[@class='contacts']//button[@class='copy']/@data-copy") == [
        "info-na@iurc.eu", "iurc.eu/na/", "+48327284600", "Kamila Okoń"]
    assert tree.xpath("//div[@class='contacts']//a/@href") == [
        "mailto:info-na@iurc.eu", "https://iurc.eu/na/", "tel:+48327284600"]
    assert "The Upper Silesian-Zagłębie Metropolis signed a letter of intent" in tree.xpath(
        "string(//p[@class='summary-en'])")
    download = client.get(f"/runs/out/download/docx?id={quote(record['id'])}")
    assert download.status_code == 200
    assert download.headers["content-disposition"] == (
        'attachment; filename="gzm-i-metropolia-kansas-city-razem-na-rzecz-zrownowazonego.en.docx"')


def test_run_browsing_cannot_leave_the_run_folder(client, run_folder):
    (run_folder.parent / "secret.json").write_text('{"id": "top secret"}', encoding="utf-8")
    for trick in ("../secret.json", "..%2Fsecret.json", "%2e%2e/secret.json", "pl/../../secret.json",
                  "/etc/passwd", "..\\secret.json"):
        page = client.get(f"/runs/out/release?id={trick}")
        assert page.status_code == 400, trick
        assert "Not a release id of this run." in page.text
        assert "top secret" not in page.text
    assert client.get("/runs/out/release?id=pl/secret.json").status_code == 404
    assert client.get("/runs/..%2F..%2Fetc").status_code == 404
    assert client.get("/runs/../out").status_code in (400, 404)


def test_security_headers_and_nonce(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    nonce = lxml_html.fromstring(page.text).xpath("//script/@nonce")[0]
    assert f"script-src 'nonce-{nonce}'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/").headers["content-security-policy"] != policy  # a fresh nonce each time


def test_cross_site_form_post_is_refused(client):
    response = client.post("/process", data={"text": "Ala ma kota."}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    same_site = client.post("/process", data={"text": "Ala ma kota."}, headers={"Origin": "http://testserver"},
                            follow_redirects=False)
    assert same_site.status_code == 303


@pytest.fixture
def big_client(processor, tmp_path):
    """A run of 30 releases over three years, some naming the Metropolis only by its acronym."""
    records = []
    for number in range(30):
        record = copy.deepcopy(sample_record())
        record["id"] = f"pl/{number:02d}.txt"
        record["date"] = f"{2021 + number % 3}-{1 + number % 12:02d}-{1 + number:02d}"
        record["title"] = f"Komunikat {number:02d}"
        record["translation"]["title"] = f"Release {number:02d}"
        if number % 3 == 0:  # only "GZM": one organisation with "Górnośląsko-Zagłębiowska Metropolia" (alias GZM)
            record["facts"]["partners"] = [{"name": "GZM", "name_en": None, "aliases": [], "role": "issuer",
                                            "mentions": []}]
        records.append(record)
    run = write_run(tmp_path / "big", records)
    with TestClient(create_app(processor, RunLibrary([run]))) as client:
        yield client


def _listed(client, **params):
    response = client.get("/runs/big", params=params)
    tree = lxml_html.fromstring(response.text)
    return response, tree, tree.xpath("//table[@id='run-records']//span[@class='release-id']/text()")


def test_run_browser_pages_of_25_newest_first(big_client):
    _, tree, first = _listed(big_client)
    assert len(first) == 25
    dates = [cell.xpath("string(span[@class='iso'])") for cell in tree.xpath("//td[@data-label='Date']")]
    assert dates == sorted(dates, reverse=True)
    assert tree.xpath("string(//p[@id='run-count'])") == "Releases 1–25 of 30, newest first."
    pager = tree.xpath("//nav[@class='pager']")[0]
    assert pager.get("aria-label") == "Pages of releases"
    assert pager.xpath("string(.//*[@aria-current='page'])") == "1"
    (next_link,) = pager.xpath(".//a[@rel='next']/@href")
    _, second_tree, second = _listed(big_client, page=2)
    assert next_link.endswith("page=2")
    assert len(second) == 5 and not set(first) & set(second)
    assert _listed(big_client, page=0)[2] == first  # out of range: the nearest page
    assert _listed(big_client, page=99)[2] == second
    _, _, by_name = _listed(big_client, sort="name")
    assert by_name[:3] == ["pl/00.txt", "pl/01.txt", "pl/02.txt"]  # "Release 00", "Release 01", ...


def test_run_browser_finds_words_in_their_other_forms(big_client):
    everything = _listed(big_client, page=1)[2] + _listed(big_client, page=2)[2]
    # The text says "efektywność energetyczną"; "cooperation" and "meeting" are in the translation.
    assert _listed(big_client, q="efektywności energetycznej")[2] == everything[:25]
    assert len(_listed(big_client, q="meetings")[2]) == 25
    assert _listed(big_client, q="efektywnosci")[2] == []  # typed without diacritics: no lemma to find


def test_partner_facet_groups_an_organisation_by_its_names(big_client):
    _, tree, _ = _listed(big_client)
    options = tree.xpath("//select[@name='partner']/option/text()")
    metropolis = [option for option in options if option.startswith(("Górnośląsko", "GZM"))]
    assert metropolis == ["Górnośląsko-Zagłębiowska Metropolia (30)"]  # one organisation, not two
    _, tree, found = _listed(big_client, partner="Górnośląsko-Zagłębiowska Metropolia")
    assert tree.xpath("string(//p[@id='run-count'])").endswith("of 30, newest first.")
    _, tree, found = _listed(big_client, partner="Metropolia Kansas City")
    assert tree.xpath("string(//p[@id='run-count'])").endswith("of 20, newest first.")


def test_impossible_dates_and_addresses_are_said_plainly(big_client):
    response, tree, found = _listed(big_client, date_from="2024-13-01")
    assert response.status_code == 400
    assert tree.xpath("string(//p[@id='filter-problem'])") == (
        "Released from: '2024-13-01' is not a date; expected a date like 2024-03-15")
    assert tree.xpath("//input[@name='date_from']/@aria-invalid") == ["true"]
    assert len(found) == 25  # the other filters still apply
    assert big_client.get("/runs/big", params={"date_to": "2023-02-29"}).status_code == 400
    word = big_client.get("/runs/big", params={"page": "two"})
    assert word.status_code == 400
    page = lxml_html.fromstring(word.text)
    assert page.xpath("string(//h1)") == "This address cannot be used"
    assert "page" in page.xpath("string(//p[@id='error-message'])")
    assert page.xpath("//details[@class='detail']")  # the validation text folded away


def test_pages_are_accessible(client):
    """An h1 everywhere, a skip link, labelled inputs, copy buttons named by what they copy."""
    release_url = f"/runs/out/release?id={quote(sample_record()['id'])}"
    for url in ("/", "/runs", "/runs/out", "/glossary", "/api", release_url):
        tree = lxml_html.fromstring(client.get(url).text)
        assert len(tree.xpath("//h1")) == 1, url
        assert tree.xpath("//a[@class='skip-link']/@href") == ["#main"] and tree.xpath("//main[@id='main']"), url
        for field in tree.xpath("//input[not(@type='hidden') and not(@type='submit')] | //textarea | //select"):
            named = (field.get("aria-label") or field.get("aria-labelledby")
                     or tree.xpath(f"//label[@for='{field.get('id')}']") or field.xpath("ancestor::label"))
            assert named, (url, lxml_html.tostring(field))
    release = lxml_html.fromstring(client.get(release_url).text)
    names = release.xpath("//button[@class='copy']/@aria-label")
    assert names[0] == "Copy email info-na@iurc.eu" and len(set(names)) == len(names)


def test_dates_in_words_with_iso_beside(client):
    tree = lxml_html.fromstring(client.get(f"/runs/out/release?id={quote(sample_record()['id'])}").text)
    rows = [[cell.text_content().strip() for cell in row.xpath("td")]
            for row in tree.xpath("//div[@class='dates']//tbody/tr")]
    assert rows == [["5 April 2022", "5 kwietnia 2022 r.", "2022-04-05"],
                    ["September 2022", "we wrześniu 2022 r.", "2022-09"]]
    assert tree.xpath("string(//dd[@class='release-date'])") == "5 April 2022 2022-04-05"


def test_the_start_page_reads_as_text(client):
    """No markup leaks into what a user sees (the paste box's example once read '…autobusyplaceholder=')."""
    tree = lxml_html.fromstring(client.get("/").text)
    (box,) = tree.xpath("//textarea")
    assert set(box.attrib) == {"id", "name", "placeholder", "aria-describedby"}
    assert "placeholder" not in box.get("placeholder") and "=" not in box.get("placeholder")
    visible = tree.xpath("string(//h1)") + tree.xpath("string(//form[@id='process-form'])")
    assert "<" not in visible and "placeholder" not in visible
