"""report.html, `pressnlp show`, the Markdown and DOCX exports, and the view they share."""
from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from pressnlp.report import render_report, show, to_docx, to_markdown, write_report
from pressnlp.report.views import contact_href, language_shares, marked_pieces, release_view
from pressnlp.schema import record_problems

SAMPLE = Path(__file__).parent / "data" / "release_pl.json"


@pytest.fixture
def record() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def gist_record(record) -> dict:
    gist = copy.deepcopy(record)
    gist["id"] = "pl/gist.txt"
    gist["translation"]["backend"] = "lexicon:pressnlp-pl-en/1+freedict"
    return gist


@pytest.fixture
def failed_record() -> dict:
    return {"schema": "pressnlp.result/1", "id": "pl/broken.docx",
            "source": {"path": "pl/broken.docx", "sha256": "0" * 64, "format": "docx", "encoding": None, "bytes": 20},
            "language": None, "title": None, "date": None, "text": "", "translation": None, "facts": None,
            "summary": None, "stages": {"read": {"status": "failed", "ms": 1.0}},
            "errors": [{"stage": "read", "type": "StageError", "message": "not a valid .docx file"}]}


def test_sample_record_follows_the_spec(record):
    assert record_problems(record) == []
    text = record["text"]
    for date in record["facts"]["dates"]:
        assert text[date["start"]:date["end"]] == date["text"]


def test_view_pairs_sentences_and_marks_facts(record):
    view = release_view(record)
    assert len(view.pairs) == len(record["translation"]["segments"])
    second = view.pairs[1]
    assert [(piece.text, piece.kind) for piece in second.source][:2] == [
        ("Górnośląsko-Zagłębiowska Metropolia", "partner"), (" podpisała list intencyjny z ", None)]
    assert "".join(piece.text for piece in second.target).startswith("The Upper Silesian-Zagłębie Metropolis signed")
    assert view.marked_kinds == ["date", "glossary", "partner", "protected"]
    assert not view.is_gist and view.backend == "marian:Helsinki-NLP/opus-mt-pl-en"


def test_words_a_gist_left_untranslated_are_marked(gist_record):
    text = gist_record["translation"]["text"]
    start = text.index("cooperation")
    gist_record["translation"]["untranslated"] = [[start, start + len("cooperation")]]
    assert record_problems(gist_record) == []
    view = release_view(gist_record)
    assert "untranslated" in view.marked_kinds
    tree = lxml_html.fromstring(render_report([gist_record]))
    assert tree.xpath("//table[@class='pairs']//mark[@class='untranslated']/text()") == ["cooperation"]
    assert "left untranslated" in tree.xpath("string(//p[@class='legend'])")


def test_marked_pieces_clip_and_skip_overlaps():
    text = "abcdefghij"
    pieces = marked_pieces(text, 2, 8, [(0, 4, "a"), (3, 6, "b"), (6, 20, "c")])
    assert [(p.text, p.kind) for p in pieces] == [("cd", "a"), ("ef", "b"), ("gh", "c")]
    assert [(p.text, p.kind) for p in marked_pieces(text, 0, 3, [])] == [("abc", None)]


def test_contact_links_only_for_what_they_claim_to_be():
    assert contact_href({"kind": "url", "value": "iurc.eu/na/"}) == "https://iurc.eu/na/"
    assert contact_href({"kind": "url", "value": "http://example.org/a?b=1"}) == "http://example.org/a?b=1"
    assert contact_href({"kind": "url", "value": "javascript:alert(1)"}) is None
    assert contact_href({"kind": "url", "value": "data:text/html,<b>"}) is None
    assert contact_href({"kind": "email", "value": "a.b@example.pl"}) == "mailto:a.b@example.pl"
    assert contact_href({"kind": "email", "value": "x@y\" onclick=\"z"}) is None
    assert contact_href({"kind": "phone", "value": "+48 32 728 46 00"}) == "tel:+48327284600"
    assert contact_href({"kind": "person", "value": "Anna Nowak"}) is None


def test_language_shares_of_a_mixed_release():
    shares = language_shares({"segments": [{"start": 0, "end": 300, "code": "pl"},
                                           {"start": 302, "end": 402, "code": "en"}]})
    assert [(s.code, s.name, s.percent) for s in shares] == [("pl", "Polish", 75), ("en", "English", 25)]


def test_report_lists_every_release_self_contained(tmp_path, record, gist_record, failed_record):
    out = tmp_path / "report.html"
    manifest = {"corpus": "/data/corpus", "started": "2024-06-01T10:00:00Z", "seconds": 12.5,
                "warnings": ["translate: using the dictionary gist backend"]}
    write_report([record, gist_record, failed_record], out, manifest)
    page = out.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    releases = tree.xpath("//article[@class='release']")
    assert [r.xpath("string(.//p[@class='release-id'])") for r in releases] == [
        "pl/2022-04-gzm-kansas-city.txt", "pl/gist.txt", "pl/broken.docx"]
    # No external assets: no stylesheets, script sources, images or frames; the only links that
    # leave the page are the releases' own web contacts.
    assert not tree.xpath("//link | //script[@src] | //img | //iframe")
    leaving = [href for href in tree.xpath("//@href | //@src") if not href.startswith(("#", "mailto:", "tel:"))]
    assert leaving == ["https://iurc.eu/na/", "https://iurc.eu/na/"]
    first, gist, failed = releases
    assert first.xpath("string(.//p[@class='title-en'])") == (
        "GZM and the Kansas City Metropolis together for sustainable development")
    assert len(first.xpath(".//table[@class='pairs']/tbody/tr")) == len(record["translation"]["segments"])
    assert not first.xpath(".//p[contains(@class, 'gist')]")
    assert "Not a real translation." in gist.xpath("string(.//p[@class='notice gist'])")
    assert gist.get("data-gist") == "yes"
    assert "not a valid .docx file" in failed.xpath("string(.//div[@class='errors'])")
    assert "1 release translated by the dictionary gist." in page
    assert "translate: using the dictionary gist backend" in page
    index_rows = tree.xpath("//tr[@data-target]")
    assert [row.get("data-target") for row in index_rows] == ["release-1", "release-2", "release-3"]
    assert "kansas city metropolis" in index_rows[0].get("data-search")


def test_report_summary_partners_dates_contacts(record):
    tree = lxml_html.fromstring(render_report([record]))
    assert tree.xpath("string(//p[@class='summary-en'])") == record["summary"]["en"]
    assert tree.xpath("//div[@class='dates']//td[@class='iso']/text()") == ["2022-04-05", "2022-09"]
    assert tree.xpath("//div[@class='partners']//span[@class='tag']/text()") == ["issuer", "partner", "funder"]
    assert tree.xpath("//button[@class='copy']/@data-copy")[0] == "info-na@iurc.eu"


def test_long_reports_leave_out_late_sentence_tables(record, gist_record):
    tree = lxml_html.fromstring(render_report([record, gist_record], sentence_tables=1))
    first, second = tree.xpath("//article[@class='release']")
    assert first.xpath(".//table[@class='pairs']") and not second.xpath(".//table[@class='pairs']")
    assert "pressnlp serve --runs" in second.xpath("string(.//section[@class='side-by-side'])")
    assert second.xpath(".//div[@class='partners']//tbody/tr")  # facts stay


def test_report_of_no_releases():
    page = render_report([])
    assert "pressnlp report: 0 releases" in page


def test_show_prints_facts_and_summaries(record, gist_record):
    text = show(record)
    assert text.splitlines()[0] == "pl/2022-04-gzm-kansas-city.txt"
    assert "  Metropolia Kansas City = Kansas City Metropolis  [partner]" in text
    assert "  2022-09                  we wrześniu 2022 r." in text
    assert "  email   info-na@iurc.eu" in text
    assert "  person  Kamila Okoń, Departament Infrastruktury i Środowiska GZM" in text
    assert "SUMMARY (ENGLISH)\n  The Upper Silesian-Zagłębie Metropolis signed" in text
    assert "SUMMARY (POLISH)" in text
    assert "DICTIONARY GIST" not in text
    assert "<< DICTIONARY GIST, not a translation" in show(gist_record)


def test_show_of_a_failed_record(failed_record):
    text = show(failed_record)
    assert "PROBLEMS\n  read: not a valid .docx file" in text
    assert "PARTNERS\n  none found" in text


@pytest.fixture
def untranslated_record(record) -> dict:
    """The sample release as a run without a model for its language writes it."""
    untranslated = copy.deepcopy(record)
    untranslated["translation"] = None
    untranslated["summary"]["en"] = None
    untranslated["stages"]["translate"] = {"status": "skipped", "ms": 0.1, "reason": (
        'no translation model for Polish (pl): add one under [stages.translate] models = '
        '{ pl = "Helsinki-NLP/opus-mt-pl-en" } and put it in models/ (`pressnlp models fetch pl` does it; '
        'see models/README.md)')}
    return untranslated


def test_every_view_says_why_a_stage_was_skipped(untranslated_record):
    assert record_problems(untranslated_record) == []
    reason = untranslated_record["stages"]["translate"]["reason"]
    text = show(untranslated_record)
    said = f"Translation was skipped: {reason}"
    assert "NOT DONE\n  Translation was skipped: no translation model for Polish (pl)" in text
    assert "PROBLEMS" not in text
    assert to_markdown(untranslated_record).replace("\\", "").count(said) == 1
    assert sum(reason in p.text for p in docx.Document(io.BytesIO(to_docx(untranslated_record))).paragraphs) == 1
    tree = lxml_html.fromstring(render_report([untranslated_record]))
    assert not tree.xpath("//div[@class='errors']")
    assert [" ".join(p.text_content().split()) for p in tree.xpath("//p[contains(@class, 'skipped')]")] == [said]


def test_markdown_export(record):
    markdown = to_markdown(record)
    assert markdown.startswith("# GZM and the Kansas City Metropolis together for sustainable development\n")
    assert "| Metropolia Kansas City | Kansas City Metropolis | partner |" in markdown
    assert "| email | info-na@iurc.eu |  |" in markdown
    assert "## English translation\n\nKatowice, 5 April 2022." in markdown


def test_docx_export_has_translation_and_facts_table(record, gist_record):
    document = docx.Document(io.BytesIO(to_docx(record)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "GZM and the Kansas City Metropolis together for sustainable development"
    assert any(p.startswith("The Upper Silesian-Zagłębie Metropolis signed a letter of intent") for p in paragraphs)
    assert "Katowice, 5 April 2022." in paragraphs
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Fact", "Value", "Details"]
    assert ["Partner", "Kansas City Metropolis", "partner, Metropolia Kansas City"] in rows
    assert ["Date", "September 2022 (2022-09)", "we wrześniu 2022 r."] in rows
    assert ["Contact", "info-na@iurc.eu", "email"] in rows
    gist = [p.text for p in docx.Document(io.BytesIO(to_docx(gist_record))).paragraphs]
    notices = [p for p in gist if "Dictionary gist" in p]
    assert len(notices) == 1 and notices[0].count("Dictionary gist") == 1  # said once
    properties = docx.Document(io.BytesIO(to_docx(record))).core_properties
    assert properties.title == "GZM and the Kansas City Metropolis together for sustainable development"
    assert properties.author == "pressnlp" and properties.created.year >= 2025


def test_docx_export_drops_characters_xml_cannot_hold(record):
    record["translation"]["text"] = "Bell\x07 and form\x0c feed"
    document = docx.Document(io.BytesIO(to_docx(record)))
    assert "Bell and form feed" in [p.text for p in document.paragraphs]
