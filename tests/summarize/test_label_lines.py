"""A release that opens with a label line still gets its summary; an empty summary is an error."""
from __future__ import annotations

import pytest

from pressnlp.core.errors import StageError
from pressnlp.stages.summarize import SummarizeStage

BODY = ("Gmina Przykładowo rozpoczęła budowę szkoły podstawowej dla 400 uczniów. "
        "Inwestycja kosztuje 30 mln zł i potrwa do końca 2026 roku.")


def summarize(text: str) -> dict:
    record = {"id": "t", "text": text, "title": None, "language": {"code": "pl"}}
    return SummarizeStage().process(record)["summary"]


@pytest.mark.parametrize("label", ["INFORMACJA PRASOWA", "KOMUNIKAT PRASOWY | DLA INWESTORÓW",
                                   "Informacja prasowa nr 14", "*Informacja dla mediów*"])
def test_a_label_line_above_the_headline_does_not_open_the_closing_block(label):
    contact = "Kontakt dla mediów\nAnna Nowak, tel. 601 234 567"
    summary = summarize(f"{label}\n\nGmina buduje nową szkołę\n\n{BODY}\n\n{contact}")
    assert summary["text"] == BODY


def test_the_closing_block_still_ends_the_body():
    summary = summarize(f"Gmina buduje nową szkołę\n\n{BODY}\n\nInformacja prasowa\nAnna Nowak jest rzeczniczką gminy "
                        "od pięciu lat i odpowiada na pytania.")
    assert "rzeczniczką" not in summary["text"]


def test_a_release_of_list_items_is_summarised_from_them():
    summary = summarize("Gmina buduje nową szkołę\n\n- budowa szkoły dla 400 uczniów\n- koszt 30 mln zł")
    assert "400 uczniów" in summary["text"]


def test_text_with_nothing_to_summarise_is_an_error_not_an_empty_summary():
    with pytest.raises(StageError, match="summarised"):
        summarize("Kontakt\nAnna Nowak\ntel. 601 234 567\nanna.nowak@example.pl")
