"""Safe by default: no network at run time, no external resources or XML entities resolved while
parsing, and no file written outside the output folder whatever the input file names."""
from __future__ import annotations

import http.server
import io
import json
import socket
import threading
import urllib.request
import zipfile

import pytest
from hostile import REPO, docx_bytes

from pressnlp.core.errors import StageError
from pressnlp.io.readers import read_document


@pytest.fixture
def web_server():
    """A web server on 127.0.0.1 that records every path asked for. libxml2 fetches with its own C
    sockets, out of reach of a Python-level block, so the server is what sees such a fetch."""
    requested: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            requested.append(self.path)
            body = b"<!ENTITY leaked 'FETCHED-FROM-THE-NETWORK'>" if self.path.endswith(".dtd") else b"FETCHED"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requested
    server.shutdown()
    server.server_close()


LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))


def hostile_html(base: str, secret_path: str) -> bytes:
    return f"""<!DOCTYPE html [
<!ENTITY secret SYSTEM "file://{secret_path}">
<!ENTITY remote SYSTEM "{base}/entity.xml">
<!ENTITY lol0 "lol">{LAUGHS}
]>
<html><head><title>Komunikat</title>
<link rel="stylesheet" href="{base}/style.css"><script src="{base}/script.js"></script>
<meta http-equiv="refresh" content="0; url={base}/refresh"></head>
<body><article><h1>Metropolia otwiera nowe centrum przesiadkowe</h1>
<p>Katowice, 14 marca 2024 r.</p>
<p>Górnośląsko-Zagłębiowska Metropolia otworzyła centrum przesiadkowe w Katowicach. Z nowego
węzła skorzysta codziennie kilka tysięcy pasażerów komunikacji miejskiej i kolei.</p>
<img src="{base}/image.png" alt="zdjęcie"><iframe src="{base}/frame.html"></iframe>
<object data="{base}/object.swf"></object><p>&secret; &remote; &lol9;</p>
</article></body></html>""".encode()


def hostile_docx(base: str, secret_path: str, *, laughs: bool = False) -> bytes:
    """A .docx whose document.xml declares a local file entity and a remote DTD (and with `laughs`,
    a billion-laughs entity), and whose relationships point at a hyperlink and an image on the web."""
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE w:document SYSTEM "{base}/document.dtd" [
<!ENTITY secret SYSTEM "file://{secret_path}">
<!ENTITY remote SYSTEM "{base}/entity.xml">
<!ENTITY lol0 "lol">{LAUGHS if laughs else ""}
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
<w:p><w:r><w:t>Metropolia otwiera nowe centrum przesiadkowe w Katowicach.</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>Strona projektu</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:t>{"&lol9;" if laughs else "&lol0;"}</w:t></w:r></w:p>
<w:p><w:r><w:t>&secret;&remote;&leaked;</w:t></w:r></w:p>
</w:body></w:document>"""
    external = (f'<Relationship Id="rIdWeb" TargetMode="External" Target="{base}/link" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
                f'<Relationship Id="rIdPicture" TargetMode="External" Target="{base}/picture.png" Type="http://'
                'schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>')
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["x"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = document.encode()
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", external.encode() + b"</Relationships>")
            target.writestr(info.filename, data)
    return out.getvalue()


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TAJNE-HASŁO-123", encoding="utf-8")
    return path


def test_default_pipeline_runs_with_networking_blocked(warm_default, no_network, tmp_path, results_by_id):
    assert warm_default.network_attempts == [], "building the default pipeline or loading its models"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    picked = {}
    for release in sorted((REPO / "corpus" / "pl").iterdir()):
        fmt = release.suffix
        if fmt in (".txt", ".md", ".html", ".docx", ".pdf") and fmt not in picked:
            picked[fmt] = release
            (corpus / release.name).write_bytes(release.read_bytes())
    assert ".html" in picked, "the corpus has no .html release to try"
    summary = warm_default.pipeline.run(corpus, tmp_path / "out", progress=False)
    assert no_network.attempts == []
    assert summary.documents == len(picked) and summary.failed == 0
    assert all(record["text"] for record in results_by_id(tmp_path / "out").values())
    with pytest.raises(OSError, match="network blocked"):  # the guard itself works
        urllib.request.urlopen("http://example.com/", timeout=5)
    with pytest.raises(OSError, match="network blocked"):
        socket.create_connection(("93.184.216.34", 80), timeout=5)
    assert len(no_network.attempts) == 2


def test_html_external_resources_and_entities_are_never_fetched(web_server, secret, no_network):
    base, requested = web_server
    result = read_document(hostile_html(base, str(secret)), "html")
    assert requested == [] and no_network.attempts == []
    assert "Górnośląsko-Zagłębiowska Metropolia otworzyła centrum przesiadkowe" in result.text
    assert result.title == "Metropolia otwiera nowe centrum przesiadkowe" and result.date == "2024-03-14"
    assert "TAJNE" not in result.text and "FETCHED" not in result.text and "lollol" not in result.text


def test_docx_external_relationships_and_entities_are_never_resolved(web_server, secret, no_network):
    base, requested = web_server
    result = read_document(hostile_docx(base, str(secret)), "docx")
    assert requested == [] and no_network.attempts == []
    assert "Metropolia otwiera nowe centrum przesiadkowe w Katowicach." in result.text
    assert "Strona projektu" in result.text
    assert "TAJNE" not in result.text and "FETCHED" not in result.text and "lol" not in result.text


def test_docx_billion_laughs_is_refused_without_expanding(web_server, secret, no_network):
    base, requested = web_server
    with pytest.raises(StageError, match="cannot read the .docx file.*entity"):
        read_document(hostile_docx(base, str(secret), laughs=True), "docx")
    assert requested == [] and no_network.attempts == []


def test_a_run_over_hostile_files_fetches_nothing(warm_default, web_server, secret, no_network, tmp_path,
                                                  results_by_id):
    base, requested = web_server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strona.html").write_bytes(hostile_html(base, str(secret)))
    (corpus / "dokument.docx").write_bytes(hostile_docx(base, str(secret)))
    (corpus / "śmiech.docx").write_bytes(hostile_docx(base, str(secret), laughs=True))
    summary = warm_default.pipeline.run(corpus, tmp_path / "out", progress=False)
    assert requested == [] and no_network.attempts == []
    records = results_by_id(tmp_path / "out")
    assert records["strona.html"]["errors"] == records["dokument.docx"]["errors"] == []
    assert "cannot read the .docx file" in records["śmiech.docx"]["errors"][0]["message"] and summary.failed == 1
    written = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.json*"))
    assert "TAJNE" not in written and "FETCHED" not in written and "lollol" not in written


HOSTILE_NAMES = [
    "\\..\\..\\poza-folderem.txt", "C:\\Windows\\system32.txt", "nowa\nlinia.txt", "powrót\rkaretki.txt",
    "tab\tulator.txt", "~root.txt", "-rf.txt", "$(touch pwned).txt", "a:b*c?d<e>f|g\"h.txt", " spacja .txt",
    "docs.txt", "results.jsonl.txt", "x" * 240 + ".txt",
]


def test_output_stays_inside_the_output_folder_whatever_the_names(tmp_path, results_by_id):
    from pressnlp import Pipeline

    corpus = tmp_path / "corpus"
    for folder in ("", "...dalej", " ", "–"):
        for index, name in enumerate(HOSTILE_NAMES):
            path = corpus / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"Komunikat {index}\n\nTreść komunikatu numer {index}.\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = Pipeline.from_config({"pipeline": {"stages": ["read"]}}).run(corpus, out, progress=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "out"]
    assert not (tmp_path / "pwned").exists()
    written = [path for path in out.rglob("*") if path.is_file()]
    assert all(path.resolve().is_relative_to(out.resolve()) for path in written)
    records = results_by_id(out)
    assert summary.failed == 0 and len(records) == summary.documents == 3 * len(HOSTILE_NAMES)
    documents = [path for path in written if path.relative_to(out).parts[0] == "docs"]
    assert {json.loads(path.read_text(encoding="utf-8"))["id"] for path in documents} == set(records)


def test_a_long_name_in_a_multibyte_alphabet_does_not_stop_the_run(tmp_path):
    from pressnlp import Pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / ("ż" * 125 + ".txt")).write_text("Komunikat\n\nTreść.\n", encoding="utf-8")
    (corpus / ("звіт" * 31 + ".txt")).write_text("Звіт\n\nТекст.\n", encoding="utf-8")
    summary = Pipeline.from_config({"pipeline": {"stages": ["read"]}}).run(corpus, tmp_path / "out", progress=False)
    assert summary.documents == 2 and summary.failed == 0
