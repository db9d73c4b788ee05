import pytest

RELEASE = """Komunikat prasowy nr {n}

Nabór wniosków nr {n} w programie wsparcia gmin

Katowice, {day} marca 2024 r.

Górnośląsko-Zagłębiowska Metropolia ogłosiła {n}. nabór wniosków w programie wsparcia gmin.
Wnioski można składać do końca kwietnia 2024 r.

Kontakt dla mediów: Anna Nowak, tel. 32 728 46 00, anna.nowak@example.pl
"""


@pytest.fixture
def small_corpus(tmp_path):
    """Twelve Polish releases in two folders, one broken .docx and one file that is not a release."""
    corpus = tmp_path / "corpus"
    for n in range(12):
        folder = corpus / ("a" if n % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"release-{n:02d}.txt").write_text(RELEASE.format(n=n + 1, day=n + 1), encoding="utf-8")
    (corpus / "b" / "broken.docx").write_bytes(b"PK\x03\x04 this zip ends here")
    (corpus / "notes.csv").write_text("not,a,release\n", encoding="utf-8")
    return corpus
