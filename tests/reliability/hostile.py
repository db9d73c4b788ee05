"""Hostile inputs for the reliability tests, built on the fly, and a guard that refuses network access.

Every builder writes its file in well under a second, without ever holding the inflated size of a
bomb in memory or on disk.
"""
from __future__ import annotations

import errno
import io
import random
import shutil
import socket
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
POLISH_RELEASE = (
    "Górnośląsko-Zagłębiowska Metropolia przyznała 12 mln zł na rozwój ścieżek rowerowych.\n\n"
    "Katowice, 14 marca 2024 r.\n\n"
    "Zarząd Metropolii zatwierdził listę 24 gmin, które otrzymają dofinansowanie. Prace ruszą "
    "w III kwartale 2024 r., a zakończą się do grudnia 2025 r.\n\n"
    "Kontakt dla mediów: Anna Nowak, tel. 32 728 46 00, anna.nowak@metropoliagzm.pl\n")
GOOD_RELEASES = 5


@dataclass
class NetworkGuard:
    """Refuses every Internet connection and name lookup in this process, and remembers the attempts."""

    attempts: list[str] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

        def refuse(what: str) -> OSError:
            self.attempts.append(what)
            return OSError(errno.ENETUNREACH, f"network blocked by the test: {what}")

        def connect(sock: socket.socket, address: object) -> None:
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                raise refuse(f"connect {address}")
            return real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: object) -> int:
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                raise refuse(f"connect_ex {address}")
            return real_connect_ex(sock, address)

        def lookup(host: object, *args: object, **kwargs: object) -> None:
            raise refuse(f"getaddrinfo {host}")

        def create_connection(address: object, *args: object, **kwargs: object) -> None:
            raise refuse(f"create_connection {address}")

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", lookup)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        return self


def good_releases() -> list[Path]:
    """Five real Polish releases of the corpus (plain text, so the run stays quick)."""
    releases = sorted((REPO / "corpus" / "pl").glob("*.txt"))
    if len(releases) < GOOD_RELEASES:
        pytest.skip(f"corpus/pl has {len(releases)} .txt releases; these tests need {GOOD_RELEASES}")
    return releases[:GOOD_RELEASES]


def copy_good_releases(corpus: Path) -> list[str]:
    """Copy the good releases to CORPUS/good/; returns their document ids."""
    folder = corpus / "good"
    folder.mkdir(parents=True, exist_ok=True)
    for release in good_releases():
        shutil.copyfile(release, folder / release.name)
    return [f"good/{release.name}" for release in good_releases()]


# --- hostile files ---------------------------------------------------------------------------

def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx(inflated_bytes: int = 2 * 1024**3) -> bytes:
    """A .docx whose word/document.xml is `inflated_bytes` of zeros, honestly deflated (about
    1,000:1, so 2 GiB is ~2 MB) with a correct CRC: a real bomb, built without inflating it.

    Every 1 MiB block is deflated after a full flush, so all blocks compress to the same bytes
    and the stream is one block repeated."""
    block = bytes(1 << 20)
    if inflated_bytes % len(block):
        raise ValueError("inflated size must be a whole number of MiB")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = inflated_bytes // len(block)
    stream = repeated * count + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    members = [("[Content_Types].xml", docx_member("[Content_Types].xml"), None),
               ("word/document.xml", stream, (crc, inflated_bytes))]
    return _zip(members)


def docx_member(name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes(["x"]))) as archive:
        return archive.read(name)


def _zip(members: list[tuple[str, bytes, tuple[int, int] | None]]) -> bytes:
    """A zip archive from members that are either plain bytes (stored deflated here) or an already
    deflated stream with its (crc, size): enough of the format for our bombs, nothing more."""
    out = io.BytesIO()
    central = []
    for name, data, deflated in members:
        if deflated is None:
            crc, size = zlib.crc32(data), len(data)
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = compressor.compress(data) + compressor.flush()
        else:
            crc, size = deflated
        encoded = name.encode()
        offset = out.tell()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(data), size)
        out.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data)
        central.append(b"PK\x01\x02" + struct.pack("<H", 20) + fields
                       + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central),
                                                       len(directory), start, 0))
    return out.getvalue()


def textless_pdf() -> bytes:
    """A one-page PDF with a drawn rectangle and no text layer (what a scan without OCR looks like)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def write_large_text(path: Path, size: int) -> None:
    """`size` bytes of Polish lines, written in big blocks (fast even for 50 MB)."""
    line = "Zażółć gęślą jaźń w Katowicach, 14 marca 2024 r.\n".encode()
    block = line * ((16 << 20) // len(line) + 1)
    with path.open("wb") as handle:
        remaining = size
        while remaining:
            piece = block[:remaining]
            handle.write(piece)
            remaining -= len(piece)


def single_line(size: int) -> str:
    """About `size` bytes of Polish words on one line: no newline, no sentence end."""
    words = ("metropolia", "gmina", "dofinansowanie", "ścieżka", "rowerowa", "żółty", "przejście",
             "Katowice", "samorząd", "inwestycja", "mieszkańców", "zielony")
    rng = random.Random(11)
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        parts.append(word)
        length += len(word.encode()) + 1
    return " ".join(parts)


BAD_INPUTS: dict[str, str] = {
    # file name -> what it is (the table of the report is built from this)
    "empty.txt": "empty file",
    "whitespace.txt": "whitespace only",
    "binary.txt": "random binary bytes named .txt",
    "image.html": "a PNG image named .html",
    "broken-utf8.txt": "Polish UTF-8 with invalid byte sequences",
    "huge.txt": "a 50 MiB text file (over stages.read.max_file_bytes)",
    "one-line.txt": "1 MB of Polish words on a single line",
    "deep.html": "HTML nested 10,000 levels deep",
    "scripts-only.html": "HTML with only <script> and <style>",
    "truncated.docx": "a .docx cut in half",
    "bomb.docx": "a 2 MB .docx inflating to 2 GiB",
    "scan.pdf": "a PDF page with a drawn rectangle and no text layer",
    "loop/x.txt": "symlink x.txt -> y.txt -> x.txt",
    "loop/up": "a folder link to its own parent (not followed)",
    "nazwy/komunikat z ąęśćźżół i spacjami.txt": "name with spaces and Polish letters",
    "nazwy/nowa\nlinia.txt": "name with a newline",
}


def write_bad_inputs(corpus: Path) -> None:
    """The hostile files of BAD_INPUTS, under `corpus`."""
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "whitespace.txt").write_bytes(b" \n\t\r\n   \n\n\t ")
    (corpus / "binary.txt").write_bytes(random.Random(3).randbytes(4096))
    (corpus / "image.html").write_bytes(png_bytes())
    broken = POLISH_RELEASE.encode().replace(b"rowerowych", b"rower\xff\xfeowych").replace(
        b"dofinansowanie", b"dofinan\xc3\x28sowanie") + b"\x80\xbf\n"
    (corpus / "broken-utf8.txt").write_bytes(broken)
    write_large_text(corpus / "huge.txt", 50 * 1024 * 1024)
    (corpus / "one-line.txt").write_text(single_line(1_000_000), encoding="utf-8")
    (corpus / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>Zażółć gęślą jaźń.</p>"
                                      + "</div>" * 10_000 + "</body></html>", encoding="utf-8")
    (corpus / "scripts-only.html").write_text(
        "<html><head><style>body { color: red; }</style><script>var x = 1;</script></head>"
        "<body><script>document.write('Komunikat prasowy');</script><style>p {}</style></body></html>",
        encoding="utf-8")
    whole = docx_bytes(POLISH_RELEASE.split("\n\n"))
    (corpus / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    (corpus / "bomb.docx").write_bytes(zip_bomb_docx())
    (corpus / "scan.pdf").write_bytes(textless_pdf())
    loop = corpus / "loop"
    loop.mkdir()
    (loop / "x.txt").symlink_to("y.txt")
    (loop / "y.txt").symlink_to("x.txt")
    (loop / "up").symlink_to("..", target_is_directory=True)
    names = corpus / "nazwy"
    names.mkdir()
    (names / "komunikat z ąęśćźżół i spacjami.txt").write_text(POLISH_RELEASE, encoding="utf-8")
    (names / "nowa\nlinia.txt").write_text(POLISH_RELEASE, encoding="utf-8")


def pdf_bomb(inflated_mib: int = 1024) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated_mib` MiB (spaces after one line of
    text), about 1 MB on disk: the PDF sibling of the .docx zip bomb."""
    compressor = zlib.compressobj(9)
    line = compressor.compress(b"BT /F1 12 Tf 72 712 Td (Komunikat prasowy) Tj ET\n")
    padding = b" " * (1 << 20)
    stream = line + b"".join(compressor.compress(padding) for _ in range(inflated_mib)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(out)
