"""The title is the headline, never the label line above it ("PRESS RELEASE"), in every pack's language."""
from __future__ import annotations

import pytest

from pressnlp import lang
from pressnlp.io.readers import read_document
from pressnlp.lang.labels import headline_after_label, is_release_label

HEADLINE = "Nowa linia tramwajowa połączy dwie dzielnice"
BODY = "Miasto rozpoczęło budowę linii tramwajowej o długości 6 km. Prace potrwają do końca 2026 roku."


@pytest.mark.parametrize("label", [
    "INFORMACJA PRASOWA", "Informacja prasowa nr 14", "KOMUNIKAT PRASOWY | DLA INWESTORÓW", "*Informacja dla mediów*",
    "PRESS RELEASE", "NEWS RELEASE", "For Immediate Release", "For Immediate Release Contact: Jane Roe",
    "TISKOVÁ ZPRÁVA", "TLAČOVÁ SPRÁVA", "Pressemitteilung 14. März 2024", "Presseinformation Nr. 12",
    "COMMUNIQUÉ DE PRESSE", "ПРЕС-РЕЛІЗ", "NOTA DE PRENSA", "# Tisková zpráva",
])
def test_label_lines_are_recognised_and_never_the_title(label):
    assert is_release_label(label)
    text = f"{label}\n\n{HEADLINE}\n\n{BODY}"
    assert read_document(text.encode(), "txt").title == HEADLINE


@pytest.mark.parametrize("line", [
    "Komunikat w sprawie remontu ulicy Długiej", "Pressemitteilungen der Stadt im Überblick",
    "Press releases are published on Mondays", HEADLINE,
])
def test_headlines_that_begin_like_a_label_are_not_labels(line):
    assert not is_release_label(line)


def test_every_pack_with_boilerplate_names_its_labels():
    """A language pack that knows what boilerplate looks like also knows its label lines."""
    for code in lang.available():
        pack = lang.get(code)
        if pack.boilerplate.closing:
            assert pack.boilerplate.release_labels, code


def test_a_headline_on_the_label_line_is_the_title_when_nothing_else_is():
    line = "PRESS RELEASE: Riverside Council opens a new public library"
    assert headline_after_label(line) == "Riverside Council opens a new public library"
    long_lead = "Riverside Council today opened " + "a new public library and " * 8 + "a park."
    assert read_document(f"{line}\n\n{long_lead}".encode(), "txt").title == headline_after_label(line)


def test_contact_lines_above_the_headline_are_skipped():
    contact = "Contact: Jane Roe, jane.roe@example.org, tel. +44 20 7946 0000"
    text = f"For immediate release\n{contact}\n\n{HEADLINE}\n\n{BODY}"
    assert read_document(text.encode(), "txt").title == HEADLINE


def test_a_format_title_that_is_only_a_label_gives_way_to_the_headline():
    page = (f"<html>\n<head><title>Pressemitteilung</title></head>\n<body>\n<article>\n<h1>Pressemitteilung</h1>\n"
            f"<h2>{HEADLINE}</h2>\n" + f"<p>{BODY}</p>\n" * 4 + "</article>\n</body>\n</html>")
    assert read_document(page.encode(), "html").title == HEADLINE
    markdown = f"# INFORMACJA PRASOWA\n\n## {HEADLINE}\n\n{BODY}\n"
    assert read_document(markdown.encode(), "md").title == HEADLINE


def test_a_title_with_years_and_amounts_is_not_taken_for_contact_detail():
    headline = "Budżet na lata 2025-2026 to 1 500 000 zł na drogi"
    assert read_document(f"{headline}\n\n{BODY}".encode(), "txt").title == headline


@pytest.mark.parametrize("label", ["Press releases", "Tlačové správy", "TISKOVÉ SDĚLENÍ", "Aktualności",
                                   "News Release from the Association of Universities",
                                   "RELEASE UPON RECEIPT For more information, contact:"])
def test_section_names_and_release_instructions_are_labels_too(label):
    assert read_document(f"{label}\n\n{HEADLINE}\n\n{BODY}".encode(), "txt").title == HEADLINE


def test_a_salutation_is_not_a_title():
    assert read_document(f"Szanowni Państwo,\n\n{BODY}".encode(), "txt").title != "Szanowni Państwo,"


@pytest.mark.parametrize("line", ["Nr. 07/2025", "12.05.2024", "2024/118"])
def test_a_line_without_a_word_is_not_a_title(line):
    assert read_document(f"{line}\n\n{HEADLINE}\n\n{BODY}".encode(), "txt").title == HEADLINE


def test_a_headline_that_ends_with_a_date_is_the_title_and_the_date_line_under_it_dates_the_release():
    headline = "Spotkanie dyrektorów szkół z regionu, 20.03.2024 r."
    document = read_document(f"{headline}\n\n28.03.2024\n\n{BODY}".encode(), "txt")
    assert (document.title, document.date) == (headline, "2024-03-28")
