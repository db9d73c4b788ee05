"""Releases sent the way clients send them (JSON, forms in their charset, multipart), and the
LibreTranslate-compatible API answered the way its clients expect."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from web_samples import POLISH_RELEASE

from pressnlp.web.app import create_app
from pressnlp.web.jobs import Processor

TITLE = "Metropolia GZM kupi nowe autobusy wodorowe dla Katowic"


def _done(client, response):
    assert response.status_code == 200, response.text
    status = response.json()
    assert status["state"] == "done", status
    return status["record"]


def test_json_body_is_a_release(client):
    record = _done(client, client.post("/api/process?wait=30", json={"text": POLISH_RELEASE, "name": "autobusy"}))
    assert record["title"] == TITLE
    assert record["language"]["code"] == "pl"


def test_utf8_form_body_is_decoded_by_its_charset(client):
    body = "text=" + quote(POLISH_RELEASE, encoding="utf-8")
    record = _done(client, client.post("/api/process?wait=30", content=body.encode("ascii"), headers={
        "content-type": "application/x-www-form-urlencoded; charset=utf-8"}))
    assert record["title"] == TITLE  # not "Metropolia GZM ..." in mojibake
    assert "Górnośląsko-Zagłębiowska" in record["text"]
    assert record["language"]["code"] == "pl"
    latin2 = "text=" + quote("Zażółć gęślą jaźń.\n\nKatowice, 1 marca 2024 r.", encoding="iso-8859-2")
    record = _done(client, client.post("/api/process?wait=30", content=latin2.encode("ascii"), headers={
        "content-type": "application/x-www-form-urlencoded; charset=ISO-8859-2"}))
    assert record["title"] == "Zażółć gęślą jaźń."


@pytest.mark.parametrize(("body", "content_type", "message"), [
    (b"text=Za%C5%BC%C3", "application/x-www-form-urlencoded; charset=utf-8", "not valid utf-8 text"),
    (b"text=abc", "application/x-www-form-urlencoded; charset=klingon", "charset 'klingon', which is not known"),
    (b'{"text": "Za\xbf\xf3\xb3\xe6"}', "application/json", "not valid UTF-8 text"),
    (b'{"text": ', "application/json", "The body is not valid JSON"),
    (b'["text"]', "application/json", "must be an object"),
    (b'{"text": 12}', "application/json", "'text' must be a string"),
    (b"--B\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nZa\xbf\xf3\r\n--B--\r\n",
     "multipart/form-data; boundary=B", "not valid utf-8 text"),
])
def test_undecodable_bodies_are_refused_and_say_why(client, body, content_type, message):
    response = client.post("/api/process", content=body, headers={"content-type": content_type})
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_multipart_text_and_file(client):
    record = _done(client, client.post("/api/process?wait=30", files={"text": (None, POLISH_RELEASE.encode())}))
    assert record["title"] == TITLE
    both = client.post("/api/process", data={"text": POLISH_RELEASE},
                       files={"file": ("other.txt", b"Inny komunikat\n\nTekst.", "text/plain")})
    assert both.status_code == 400
    assert both.json()["detail"].startswith("You pasted text and chose a file: keep one of them")


def test_the_form_page_keeps_the_text_when_both_are_given(client):
    page = client.post("/process", data={"text": POLISH_RELEASE, "name": "autobusy"},
                       files={"file": ("other.txt", b"Inny komunikat", "text/plain")})
    assert page.status_code == 400
    tree = lxml_html.fromstring(page.text)
    assert "keep one of them" in tree.xpath("string(//p[@id='error-message'])")
    assert tree.xpath("string(//textarea[@name='text'])").strip() == POLISH_RELEASE.strip()
    assert tree.xpath("//input[@name='name']/@value") == ["autobusy"]


def test_head_is_answered_like_get(client):
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("text/html")
    assert client.head("/runs").status_code == 200


@pytest.fixture(scope="module")
def translating(tmp_path_factory):
    """A pipeline that translates with the dictionary gist (no model) and a glossary."""
    tmp = tmp_path_factory.mktemp("libretranslate")
    glossary = tmp / "glossary.toml"
    glossary.write_text('"Metropolia GZM" = "GZM Metropolis"\n', encoding="utf-8")
    processor = Processor({"pipeline": {"stages": ["read", "detect", "translate"]},
                           "stages": {"translate": {"backend": "lexicon", "glossary": str(glossary)}}},
                          cache_dir=tmp / "cache")
    with TestClient(create_app(processor), raise_server_exceptions=False) as client:
        yield client
    processor.close()


def test_libretranslate_translate_json(translating):
    response = translating.post("/translate", json={"q": "Metropolia GZM kupi nowe autobusy dla Katowic.",
                                                    "source": "auto", "target": "en", "api_key": "ignored"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"translatedText", "detectedLanguage", "backend", "gist"}
    assert "GZM Metropolis" in body["translatedText"] and "kupi" not in body["translatedText"]
    assert body["detectedLanguage"]["language"] == "pl"
    assert 0 < body["detectedLanguage"]["confidence"] <= 100  # a percentage, as LibreTranslate gives
    assert body["backend"].startswith("lexicon") and body["gist"] is True
    assert response.headers["access-control-allow-origin"] == "*"


def test_libretranslate_list_in_list_out_and_form_bodies(translating):
    listed = translating.post("/translate", json={"q": ["Nowe autobusy.", "Metropolia GZM."], "source": "pl",
                                                  "target": "en"}).json()
    assert len(listed["translatedText"]) == 2 and listed["translatedText"][1] == "GZM Metropolis."
    assert "detectedLanguage" not in listed  # only for source=auto
    assert listed["gist"] == [True, True]
    form = translating.post("/translate", data={"q": "Metropolia GZM.", "source": "pl", "target": "en"}).json()
    assert form["translatedText"] == "GZM Metropolis."
    short = translating.post("/translate", json={"q": ["Metropolia GZM kupi nowe autobusy dla Katowic.", "Autobusy"],
                                                 "source": "auto", "target": "en"}).json()
    # Too short to tell alone: a text of 40 characters or fewer takes the language of the whole request.
    assert [detected["language"] for detected in short["detectedLanguage"]] == ["pl", "pl"]
    english = translating.post("/translate", json={"q": "Good morning.", "source": "en", "target": "en"}).json()
    assert english == {"translatedText": "Good morning.", "backend": None, "gist": False}


def test_libretranslate_html_keeps_the_markup(translating):
    body = translating.post("/translate", json={"q": '<p class="lead">Metropolia GZM <b>kupi</b> autobusy.</p>',
                                                "source": "pl", "target": "en", "format": "html"}).json()
    tree = lxml_html.fragment_fromstring(body["translatedText"])
    assert tree.tag == "p" and tree.get("class") == "lead"
    assert tree.xpath("string(b)") and "kupi" not in tree.text_content()
    assert tree.text_content().startswith("GZM Metropolis")


@pytest.mark.parametrize(("payload", "message"), [
    ({"source": "pl", "target": "en"}, "Invalid request: missing q parameter"),
    ({"q": "x", "target": "en"}, "Invalid request: missing source parameter"),
    ({"q": "x", "source": "pl"}, "Invalid request: missing target parameter"),
    ({"q": "x", "source": "pl", "target": "de"}, "de is not supported"),
    ({"q": "x", "source": "pl", "target": "en", "format": "pdf"}, "pdf format is not supported"),
    ({"q": "Die Stadt Berlin lädt zur Konferenz über den Verkehr ein.", "source": "de", "target": "en"},
     "de is not available for translation into en"),
])
def test_libretranslate_errors_are_400_with_error(translating, payload, message):
    response = translating.post("/translate", json=payload)
    assert response.status_code == 400
    assert set(response.json()) == {"error"} and message in response.json()["error"]


def test_libretranslate_languages_and_detect(translating):
    languages = translating.get("/languages").json()
    assert {"code": "pl", "name": "Polish", "targets": ["en"]} in languages
    assert all(set(language) == {"code", "name", "targets"} for language in languages)
    assert "de" not in [language["code"] for language in languages]  # no translation from German here
    detected = translating.post("/detect", data={"q": "Metropolia GZM kupi nowe autobusy dla Katowic."}).json()
    assert detected[0]["language"] == "pl"


def test_libretranslate_accepts_other_origins(translating):
    """Browser extensions post from their own origin; /translate changes nothing, so it is open."""
    response = translating.post("/translate", json={"q": "Nowe autobusy.", "source": "pl", "target": "en"},
                                headers={"Origin": "moz-extension://1234"})
    assert response.status_code == 200
    preflight = translating.options("/translate", headers={"Origin": "https://example.org",
                                                           "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == "*"
    # The page's own forms stay closed to other sites.
    refused = translating.post("/process", data={"text": "x"}, headers={"Origin": "https://example.org"})
    assert refused.status_code == 403
