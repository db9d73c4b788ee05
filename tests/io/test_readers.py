"""Readers on real files the tests make: code pages, BOM/CRLF, Markdown, HTML with boilerplate,
docx with a table, PDF with Polish letters, and inputs that must fail with a clear StageError."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pressnlp import Pipeline
from pressnlp.core.errors import StageError
from pressnlp.io.readers import SUPPORTED_FORMATS, format_for_path, read_document
from pressnlp.io.readers import docx as docx_reader

TITLE = "Metropolia zbuduje żółte ścieżki rowerowe"
RELEASE = (f"{TITLE}\n\nKatowice, 14 marca 2024 r.\n\n"
           "Górnośląsko-Zagłębiowska Metropolia podpisała umowę na budowę 42 km ścieżek. "
           "Źródła finansowania: środki własne i dotacja. Prace ruszą we wrześniu 2024 r.\n\n"
           "Kontakt dla mediów:\nKamila Okoń, rzeczniczka\ntel. 32 728 46 00")
FONT_CANDIDATES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]


def _dejavu() -> Path | None:
    try:
        import matplotlib
        FONT_CANDIDATES.append(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf")
    except ImportError:
        pass
    return next((path for path in FONT_CANDIDATES if path.exists()), None)


# --- formats --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [
    ("a.txt", "txt"), ("b.MD", "md"), ("c.markdown", "md"), ("d.html", "html"), ("e.HTM", "html"),
    ("f.docx", "docx"), ("g.pdf", "pdf"), ("h.doc", None), ("i.png", None), ("noext", None)])
def test_format_for_path(name, fmt):
    assert format_for_path(name) == fmt
    assert fmt is None or fmt in SUPPORTED_FORMATS


def test_unknown_format_is_a_stage_error():
    with pytest.raises(StageError, match="supported"):
        read_document(b"text", "rtf")


# --- plain text and encodings -----------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_polish_code_pages(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(RELEASE.encode(encoding))
    result = read_document(path.read_bytes(), "txt")
    assert result.encoding == encoding
    assert result.text == RELEASE
    assert result.title == TITLE
    assert result.date == "2024-03-14"


def test_short_iso_8859_2_text_is_not_read_as_another_latin_charset():
    text = "Zażółć gęślą jaźń. Świętokrzyskie, ścieżka źródła, ąę śś. Spółka z o.o. otrzymała środki."
    assert read_document(text.encode("iso-8859-2"), "txt").text == text
    assert read_document(text.encode("cp1250"), "txt").text == text


@pytest.mark.parametrize(("text", "encoding"), [
    ("La Métropole de Lyon lance la rénovation énergétique : être prêt, où ça, à côté.", "cp1252"),
    ("El Ayuntamiento de València destinará 14 millones. ¿Qué pasará? Año, niño, acción.", "cp1252"),
    ("Technická univerzita otevřela centrum. Šetrnější postupy, žádné těžké kovy, ťukání.", "iso-8859-2"),
    ("Bratislavský kraj otvorí prvý úsek. Ľudia, vínna cesta, štyri turistické chodníky.", "iso-8859-2"),
    ("Львівська міська рада спільно з містом Люблін завершує облаштування укриттів у школах.", "cp1251"),
])
def test_other_languages_in_legacy_code_pages(text, encoding):
    result = read_document(text.encode(encoding), "txt")
    assert (result.text, result.encoding) == (text, encoding)


def test_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + RELEASE.replace("\n", "\r\n").encode("utf-8"))
    result = read_document(path.read_bytes(), "txt")
    assert result.encoding == "utf-8"
    assert result.text == RELEASE
    assert "\r" not in result.text and "\ufeff" not in result.text


def test_invalid_utf8_sequences_are_replaced_not_fatal():
    broken = b"\n\nZepsuty bajt: \xff\xfe koniec i \xe2\x82" + " ucięty znak.".encode()
    data = RELEASE.encode("utf-8") + broken
    result = read_document(data, "txt")
    assert result.encoding == "utf-8"
    assert "\ufffd" in result.text
    assert result.text.startswith(RELEASE)


def test_text_layout_is_normalised():
    messy = "  Tytuł  \t\n\n\n\nAkapit   pierwszy,\u00a0z twardą spacją.   \nDruga linia.\n\n\n\n\nKoniec.  \n"
    result = read_document(messy.encode("utf-8"), "txt")
    assert result.text == "Tytuł\n\nAkapit pierwszy, z twardą spacją.\nDruga linia.\n\nKoniec."
    decomposed = "Zaz\u0307o\u0301ł\u0107".encode()  # NFD input
    assert read_document(decomposed, "txt").text == "Zażółć"


def test_empty_text_file_reads_as_empty():
    result = read_document(b"", "txt")
    assert result.text == "" and result.title is None and result.date is None


@pytest.mark.parametrize(("data", "fmt", "message"), [
    (bytes(range(256)) * 40, "txt", "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "html", "PNG"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "txt", "PNG"),
    (b"Hello\x00world\x00" * 50, "md", "NUL"),
])
def test_binary_input_is_refused(data, fmt, message):
    with pytest.raises(StageError, match=message):
        read_document(data, fmt)


# --- Markdown ---------------------------------------------------------------------------------------

def test_markdown_is_stripped_to_clean_text():
    source = (
        "# Hackathon **Gdynia** Smart City\n\n"
        "Gdynia, 21 października 2024 r.\n\n"
        "Zgłoszenia *do 31 października* na stronie [formularza](https://ppnt.pl/zgloszenia) "
        "lub <https://ppnt.pl/hackathon>.\nDruga linia akapitu.\n\n"
        "## Nagrody\n\n- pierwsza: **10 000 zł**\n- druga: `5 000 zł`\n\n"
        "1. rejestracja\n2. zespoły\n")
    result = read_document(source.encode("utf-8"), "md")
    assert result.title == "Hackathon Gdynia Smart City"
    assert result.date == "2024-10-21"
    assert result.text == (
        "Hackathon Gdynia Smart City\n\nGdynia, 21 października 2024 r.\n\n"
        "Zgłoszenia do 31 października na stronie formularza lub https://ppnt.pl/hackathon. "
        "Druga linia akapitu.\n\nNagrody\n\npierwsza: 10 000 zł\ndruga: 5 000 zł\n\n"
        "1. rejestracja\n2. zespoły")


# --- HTML -------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8">
<title>Nowe linie nocne | Zarząd Transportu Metropolitalnego</title>
<meta property="og:title" content="Nowe linie nocne od lipca">
{meta}
<link rel="stylesheet" href="https://cdn.example.com/style.css">
<script src="https://cdn.example.com/tracker.js"></script>
</head><body>
<div id="cookie-consent" class="cookie-banner"><p>Ta strona używa plików cookies. Korzystając ze strony
wyrażasz zgodę na ich używanie zgodnie z polityką prywatności.</p><button>Akceptuję</button></div>
<header><nav><ul><li><a href="/">Start</a></li><li><a href="/rozklady">Rozkłady jazdy</a></li>
<li><a href="/bilety">Bilety</a></li><li><a href="/kontakt">Kontakt</a></li></ul></nav></header>
<main><article>
<h1>Nowe linie nocne od lipca</h1>
<p class="article__date">Katowice, 12 czerwca 2024 r.</p>
<p>Zarząd Transportu Metropolitalnego uruchomi od 1 lipca do 30 września 2024 roku cztery wakacyjne linie
autobusowe, które dowiozą pasażerów nad Pogorię, do Parku Śląskiego i nad Zalew Chechło.</p>
<p>Nocna linia N7 połączy Gliwice, Zabrze, Rudę Śląską i Katowice. Autobusy będą kursować co 30 minut
przez całą noc, a bilety będzie można kupić w aplikacji oraz u kierowcy.</p>
<p>Kontakt dla mediów:<br>Agnieszka Ryś<br>tel. +48 512 907 344</p>
</article>
<aside class="sidebar"><h2>Inne aktualności</h2><ul>
<li><span class="date">18.05.2024</span> <a href="/a">Remont torowiska na Chorzowskiej zakończony</a></li>
<li><span class="date">02.05.2024</span> <a href="/b">Nowy rozkład linii 820 od maja</a></li>
<li><span class="date">15.04.2024</span> <a href="/c">Bilet metropolitalny tańszy dla studentów</a></li>
</ul></aside></main>
<footer><p>© 2024 Zarząd Transportu Metropolitalnego. Wszelkie prawa zastrzeżone.</p>
<p>ul. Barbary 21A, 40-053 Katowice</p></footer>
</body></html>"""


def test_html_release_without_boilerplate():
    page = PAGE.format(meta='<meta property="article:published_time" content="2024-06-12T10:00:00+02:00">')
    result = read_document(page.encode("utf-8"), "html")
    assert result.title == "Nowe linie nocne od lipca"
    assert result.date == "2024-06-12"
    assert result.encoding == "utf-8"
    assert result.text.startswith("Nowe linie nocne od lipca\n\nKatowice, 12 czerwca 2024 r.\n\n"
                                  "Zarząd Transportu Metropolitalnego uruchomi od 1 lipca")
    assert "Nocna linia N7 połączy Gliwice" in result.text
    assert "Kontakt dla mediów:\nAgnieszka Ryś\ntel. +48 512 907 344" in result.text
    for boilerplate in ("cookies", "Rozkłady jazdy", "Inne aktualności", "torowiska", "prawa zastrzeżone",
                        "ul. Barbary"):
        assert boilerplate not in result.text
    assert "\n\n\n" not in result.text


def test_html_date_from_the_date_line_not_the_sidebar():
    result = read_document(PAGE.format(meta="").encode("utf-8"), "html")
    assert result.date == "2024-06-12"


def test_html_in_a_legacy_code_page():
    page = PAGE.format(meta="").replace('charset="utf-8"', 'charset="iso-8859-2"').replace("©", "(c)")
    result = read_document(page.encode("iso-8859-2"), "html")
    assert result.encoding == "iso-8859-2"
    assert "Rudę Śląską" in result.text


def test_html_nested_ten_thousand_levels_does_not_crash():
    page = "<html><body>" + "<div>" * 10_000 + "<p>Głęboko zagnieżdżony komunikat prasowy.</p>" + \
           "</div>" * 10_000 + "</body></html>"
    result = read_document(page.encode("utf-8"), "html")
    assert result.text == "Głęboko zagnieżdżony komunikat prasowy."


def test_html_over_the_size_cap_skips_trafilatura(monkeypatch):
    from pressnlp.io.readers import html as html_reader

    monkeypatch.setattr(html_reader, "MAX_TRAFILATURA_CHARS", 100)
    monkeypatch.setattr(html_reader.trafilatura, "extract", None)  # must not be called
    result = read_document(PAGE.format(meta="").encode("utf-8"), "html")
    assert "Nocna linia N7 połączy Gliwice" in result.text
    for furniture in ("Rozkłady jazdy", "Inne aktualności", "prawa zastrzeżone"):
        assert furniture not in result.text


def test_html_short_page_falls_back_to_plain_text():
    page = "<html><head><title>Krótko</title></head><body><nav>Menu</nav><p>Jedno zdanie.</p></body></html>"
    result = read_document(page.encode("utf-8"), "html")
    assert "Jedno zdanie." in result.text
    assert "Menu" not in result.text


# --- docx -------------------------------------------------------------------------------------------

def _docx_bytes(*, core_title: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = core_title
    document.add_heading("Harmonogram naborów na 2024 rok", level=1)
    document.add_paragraph("Kraków, 14.02.2024")
    document.add_paragraph("Zarząd Województwa Małopolskiego przyjął harmonogram jedenastu naborów "
                           "wniosków o łącznej alokacji 1,2 mld zł.")
    document.add_paragraph("Małe i średnie przedsiębiorstwa", style="List Bullet")
    document.add_paragraph("Gminy i powiaty", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Działanie", "Termin", "Alokacja"),
                                       ("1.2 Badania", "04.03.2024–30.04.2024", "180"),
                                       ("2.5 OZE", "III kwartał 2024 r.", "175")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Szczegóły na stronie www.fundusze.malopolska.pl.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_lists_and_table():
    result = read_document(_docx_bytes(), "docx")
    assert result.title == "Harmonogram naborów na 2024 rok"
    assert result.date == "2024-02-14"
    assert result.encoding is None
    assert result.text == (
        "Harmonogram naborów na 2024 rok\n\nKraków, 14.02.2024\n\n"
        "Zarząd Województwa Małopolskiego przyjął harmonogram jedenastu naborów wniosków o łącznej "
        "alokacji 1,2 mld zł.\n\nMałe i średnie przedsiębiorstwa\nGminy i powiaty\n\n"
        "Działanie | Termin | Alokacja\n1.2 Badania | 04.03.2024–30.04.2024 | 180\n"
        "2.5 OZE | III kwartał 2024 r. | 175\n\nSzczegóły na stronie www.fundusze.malopolska.pl.")


def test_docx_title_from_core_properties():
    assert read_document(_docx_bytes(core_title="Nabory 2024"), "docx").title == "Nabory 2024"


def test_truncated_docx_is_a_stage_error():
    data = _docx_bytes()
    with pytest.raises(StageError, match="docx"):
        read_document(data[: len(data) // 2], "docx")


def test_docx_zip_bomb_is_refused_before_inflating(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (8 * 1024 * 1024))  # 8 MB of zeros -> ~8 kB
    with pytest.raises(StageError, match="zip bomb"):
        read_document(buffer.getvalue(), "docx")
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(StageError, match="inflate"):
        read_document(_docx_bytes(), "docx")


def test_html_keeps_the_articles_own_footer_and_drops_the_sites():
    body = "".join(f"<p>Akapit numer {n} komunikatu o nowej linii tramwajowej w Katowicach i jej trasie.</p>"
                   for n in range(8))
    page = f"""<html><head><title>Nowa linia | Miasto</title></head><body>
    <nav><a href="/">Start</a></nav>
    <div class="page"><article><h1>Nowa linia tramwajowa</h1><div class="body">{body}</div>
    <footer class="article__contact"><h3>Kontakt dla mediów</h3>
    <p>Anna Nowak<br>
    rzeczniczka prasowa<br>
    tel. 32 111 22 33</p></footer></article></div>
    <footer class="site"><p>Urząd Miasta, tel. 32 999 88 77, kontakt@miasto.pl</p></footer>
    </body></html>"""
    text = read_document(page.encode("utf-8"), "html").text
    assert text.endswith("Kontakt dla mediów\n\nAnna Nowak\nrzeczniczka prasowa\ntel. 32 111 22 33")
    assert "32 999 88 77" not in text and "Start" not in text


# --- PDF --------------------------------------------------------------------------------------------

def _pdf_bytes(font: Path, *, title: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(font))
    if title:
        pdf.set_title(title)
    pdf.set_font("DejaVu", size=16)
    pdf.multi_cell(0, 10, "Nowy oddział geriatryczny w Gdańsku")
    pdf.ln(4)
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, "Gdańsk, 10 marca 2025 r.")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Uniwersyteckie Centrum Kliniczne otworzy oddział, w którym pacjenci będą mieli "
                         "zapewnioną opiekę lekarzy, pielęgniarek i fizjoterapeutów. Zadanie obejmie moderni-\n"
                         "zację pomieszczeń. " + "Żółte ściany, źródła światła i łóżka wymieniono. " * 3)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Kontakt dla mediów:\nAnna Nowak\ntel. 58 349 20 00")
    return bytes(pdf.output())


def test_pdf_with_polish_letters():
    font = _dejavu()
    if font is None:
        pytest.skip("no DejaVuSans.ttf (fonts-dejavu or matplotlib) to embed Polish letters in a PDF")
    result = read_document(_pdf_bytes(font), "pdf")
    assert result.title == "Nowy oddział geriatryczny w Gdańsku"
    assert result.date == "2025-03-10"
    paragraphs = result.text.split("\n\n")
    assert paragraphs[:2] == ["Nowy oddział geriatryczny w Gdańsku", "Gdańsk, 10 marca 2025 r."]
    body = paragraphs[2]
    assert "\n" not in body  # wrapped lines of one paragraph are joined
    assert "modernizację pomieszczeń" in body  # the line-end hyphen is gone
    assert "Żółte ściany, źródła światła i łóżka wymieniono." in body
    assert paragraphs[3] == "Kontakt dla mediów:\nAnna Nowak\ntel. 58 349 20 00"


def test_pdf_title_from_metadata():
    font = _dejavu()
    if font is None:
        pytest.skip("no DejaVuSans.ttf (fonts-dejavu or matplotlib) to embed Polish letters in a PDF")
    assert read_document(_pdf_bytes(font, title="Oddział geriatryczny UCK"), "pdf").title == \
        "Oddział geriatryczny UCK"


def test_pdf_title_wrapped_in_large_type_is_one_line():
    from fpdf import FPDF

    font = _dejavu()
    if font is None:
        pytest.skip("no DejaVuSans.ttf (fonts-dejavu or matplotlib) to embed Polish letters in a PDF")
    title = "Uniwersytet Jagielloński pokieruje europejskim konsorcjum badającym katalizatory"
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_title(title)
    pdf.set_font("DejaVu", size=20)
    pdf.multi_cell(120, 10, title)
    pdf.ln(6)
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(0, 5, "Zespół z Wydziału Chemii będzie koordynował międzynarodowy projekt. " * 4)
    result = read_document(bytes(pdf.output()), "pdf")
    assert result.text.split("\n\n")[0] == title


def test_pdf_paragraph_running_over_a_page_break_stays_one_paragraph():
    from fpdf import FPDF

    font = _dejavu()
    if font is None:
        pytest.skip("no DejaVuSans.ttf (fonts-dejavu or matplotlib) to embed Polish letters in a PDF")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, "Pierwszy akapit. " * 30)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Zespoły z Krakowa i Leuven zsyntetyzują materiały, wspomagając się modelowaniem. " * 40
                   + "To koniec akapitu.")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Ostatni akapit.")
    assert pdf.page_no() == 2
    paragraphs = read_document(bytes(pdf.output()), "pdf").text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].endswith("To koniec akapitu.") and paragraphs[2] == "Ostatni akapit."


def test_pdf_without_text_layer_is_a_stage_error():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scan": drawing, no text
    with pytest.raises(StageError, match="no text layer"):
        read_document(bytes(pdf.output()), "pdf")


def test_broken_pdf_is_a_stage_error():
    with pytest.raises(StageError, match="PDF"):
        read_document(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "pdf")


# --- through the read stage -------------------------------------------------------------------------

def test_read_stage_records_encoding_title_and_date(tmp_path):
    path = tmp_path / "komunikat.txt"
    path.write_bytes(RELEASE.encode("cp1250"))
    record = Pipeline.from_config({"pipeline": {"stages": ["read"]}}).process_file(path)
    assert record["errors"] == []
    assert record["source"]["encoding"] == "cp1250"
    assert (record["title"], record["date"]) == (TITLE, "2024-03-14")
    assert record["text"] == RELEASE


def test_read_stage_turns_a_bad_file_into_an_error_record(tmp_path):
    path = tmp_path / "obraz.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    record = Pipeline.from_config({"pipeline": {"stages": ["read"]}}).process_file(path)
    assert record["errors"] and "PNG" in str(record["errors"])
