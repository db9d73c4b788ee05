"""The evaluation corpus keeps its promises (issue 3).

These tests read corpus/gold.jsonl (built by scripts/build_gold.py from
data/gold-parts/) and the release files under corpus/, and check that every gold
line is well formed and grounded in its document, and that the corpus as a whole
has the languages, formats, themes and split the issue asks for.
"""

from __future__ import annotations

import fnmatch
import functools
import html
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import phonenumbers
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "corpus"
GOLD_PATH = CORPUS / "gold.jsonl"
SCHEMA_PATH = REPO_ROOT / "src" / "pressnlp" / "schema" / "gold.schema.json"
SOURCES = REPO_ROOT / "data" / "corpus-sources"
IGNORE_FILE = CORPUS / ".pressnlpignore"

THEME_IDS = (
    "energy",
    "mobility",
    "education-employment",
    "innovation-research",
    "environment-climate",
    "economy-investment",
    "international-cooperation",
    "digital",
    "health-social",
    "culture-tourism-sport",
    "urban-planning-housing",
    "public-safety",
    "governance-finance",
)
OTHER_LANGUAGES = {"de", "cs", "sk", "uk", "fr", "es"}

# Letters whose byte differs between cp1250 and ISO-8859-2 (ą ś ź Ą Ś Ź): a Polish
# text decoded with the wrong one loses them, so the right codec scores higher.
POLISH_TELLTALE_LETTERS = set("ąśźĄŚŹ")
# Function words that are frequent in English and are not Polish words.
ENGLISH_MARKERS = {
    "the",
    "and",
    "of",
    "is",
    "for",
    "with",
    "that",
    "this",
    "our",
    "are",
    "will",
    "be",
    "by",
    "as",
    "from",
    "have",
    "has",
    "it",
    "was",
    "at",
    "an",
}


def load_gold() -> list[dict]:
    if not GOLD_PATH.exists():
        return []
    return [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


GOLD = load_gold()
GOLD_IDS = [record["id"] for record in GOLD]


def gold_params() -> list:
    return [pytest.param(record, id=record["id"]) for record in GOLD]


def ignore_patterns() -> list[str]:
    lines = IGNORE_FILE.read_text(encoding="utf-8").splitlines() if IGNORE_FILE.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def is_ignored(relative: str, patterns: list[str]) -> bool:
    """gitignore-style match: a pattern without '/' matches the name at any depth."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        if "/" in pattern.lstrip("/"):
            hit = fnmatch.fnmatchcase(relative, pattern.lstrip("/"))
        else:
            hit = any(fnmatch.fnmatchcase(part, pattern) for part in relative.split("/"))
        if hit:
            ignored = not negate
    return ignored


def release_files() -> list[str]:
    """Ids of every release under corpus/: all files except dotfiles and ignored ones."""
    patterns = ignore_patterns()
    ids = []
    for path in CORPUS.rglob("*"):
        relative = path.relative_to(CORPUS).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in relative.split("/")):
            if not is_ignored(relative, patterns):
                ids.append(relative)
    return sorted(ids)


def legacy_encoding(data: bytes) -> str:
    """Tell cp1250 from ISO-8859-2 for bytes that are not UTF-8."""

    def score(encoding: str) -> int:
        return sum(char in POLISH_TELLTALE_LETTERS for char in data.decode(encoding, errors="replace"))

    return max(("cp1250", "iso-8859-2"), key=score)


@functools.cache
def file_encoding(doc_id: str) -> str:
    """utf-8, utf-8-sig, cp1250 or iso-8859-2, judged from the bytes alone."""
    data = (CORPUS / doc_id).read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return legacy_encoding(data)
    return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def docx_text(path: Path) -> str:
    import docx  # python-docx, a test dependency

    document = docx.Document(str(path))
    blocks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.extend(cell.text for cell in row.cells)
    return "\n\n".join(blocks)


@functools.cache
def document_text(doc_id: str) -> str:
    """The text a reader sees; HTML stays a whole page (with its boilerplate), unescaped."""
    path = CORPUS / doc_id
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return (SOURCES / doc_id).with_suffix(".md").read_text(encoding="utf-8")
    if suffix == ".docx":
        return docx_text(path)
    text = path.read_bytes().decode(file_encoding(doc_id))
    return html.unescape(text) if suffix in {".html", ".htm"} else text


def release_body(doc_id: str) -> str:
    """Words of the release itself: for HTML the <main>, else <article>, else <body>, without tags."""
    text = document_text(doc_id)
    if not doc_id.lower().endswith((".html", ".htm")):
        return text
    raw = (CORPUS / doc_id).read_bytes().decode(file_encoding(doc_id))
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    for tag in ("main", "article", "body"):
        match = re.search(rf"(?is)<{tag}\b[^>]*>(.*)</{tag}>", raw)
        if match:
            raw = match.group(1)
            break
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def squeeze(text: str) -> str:
    return " ".join(text.split())


# "name(at)domain.de", "name [at] domain.ie", "name(małpa)domain.pl": releases hide e-mails from
# harvesters this way; the gold holds the address itself.
OBFUSCATED_AT = re.compile(r"\s*[(\[]\s*(?:at|małpa|malpa)\s*[)\]]\s*", re.IGNORECASE)


def readable_emails(text: str) -> str:
    return OBFUSCATED_AT.sub("@", text)


def word_count(text: str) -> int:
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def has_english_paragraph(text: str) -> bool:
    """A Polish release is mixed when one of its paragraphs reads as English."""
    for paragraph in re.split(r"\n\s*\n", text):
        words = re.findall(r"[A-Za-z]+", paragraph.lower())
        hits = sum(word in ENGLISH_MARKERS for word in words)
        if hits >= 4 and hits >= 0.15 * len(re.findall(r"\w+", paragraph)):
            return True
    return False


# --- every gold line --------------------------------------------------------


def test_gold_file_exists_and_ids_are_unique():
    assert GOLD, f"{GOLD_PATH} is missing or empty: run scripts/build_gold.py"
    duplicates = [doc_id for doc_id, count in Counter(GOLD_IDS).items() if count > 1]
    assert not duplicates


def test_gold_schema_is_valid_draft_2020_12():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.fixture(scope="module")
def gold_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@pytest.mark.parametrize("record", gold_params())
def test_gold_line_validates(record, gold_validator):
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in gold_validator.iter_errors(record)
    ]
    assert not errors


@pytest.mark.parametrize("record", gold_params())
def test_gold_id_is_a_release_file(record):
    assert (CORPUS / record["id"]).is_file()


@pytest.mark.parametrize("record", gold_params())
def test_gold_texts_occur_in_document(record):
    text = squeeze(document_text(record["id"]))
    missing = [date["text"] for date in record["facts"]["dates"] if squeeze(date["text"]) not in text]
    for contact in record["facts"]["contacts"]:
        if contact["kind"] == "email" and contact["value"] not in readable_emails(text).casefold():
            missing.append(contact["value"])
        if contact["kind"] == "url" and contact["value"] not in text:
            missing.append(contact["value"])
    assert not missing


@pytest.mark.parametrize("record", gold_params())
def test_person_names_occur_in_document(record):
    text = document_text(record["id"]).casefold()
    missing = []
    for contact in record["facts"]["contacts"]:
        if contact["kind"] != "person":
            continue
        name = contact["value"].casefold()
        surname_stem = name.split()[-1][:4]
        if name not in text and not re.search(r"\b" + re.escape(surname_stem), text):
            missing.append(contact["value"])
    assert not missing


@pytest.mark.parametrize("record", gold_params())
def test_phones_are_valid_e164(record):
    for contact in record["facts"]["contacts"]:
        if contact["kind"] == "phone":
            number = phonenumbers.parse(contact["value"], None)
            assert phonenumbers.is_valid_number(number), contact["value"]
            assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == contact["value"]


@pytest.mark.parametrize("record", gold_params())
def test_references_are_present(record):
    assert record["summary_en"].strip()
    if record["language"] != "en":
        assert record.get("translation_en", "").strip(), "non-English release needs translation_en"


@pytest.mark.parametrize("record", gold_params())
def test_release_length_is_150_to_1500_words(record):
    assert 150 <= word_count(release_body(record["id"])) <= 1500


# --- the corpus as a whole --------------------------------------------------


def test_every_release_file_has_exactly_one_gold_line():
    files = set(release_files())
    assert files, "no release files found under corpus/"
    assert sorted(files - set(GOLD_IDS)) == [], "release files without a gold line"
    assert sorted(set(GOLD_IDS) - files) == [], "gold lines without a release file (or ignored by .pressnlpignore)"


def test_pressnlpignore_hides_the_corpus_own_files():
    patterns = ignore_patterns()
    for name in ("gold.jsonl", "ANNOTATION.md", "README.md"):
        assert is_ignored(name, patterns), name
    assert not is_ignored("en/2024-03-ec-hydrogen-valleys.md", patterns)


def test_language_counts():
    languages = Counter(record["language"] for record in GOLD)
    other = {code: count for code, count in languages.items() if code in OTHER_LANGUAGES}
    mixed = [
        record["id"]
        for record in GOLD
        if record["language"] == "pl" and has_english_paragraph(document_text(record["id"]))
    ]
    assert languages["pl"] >= 24, languages
    assert languages["en"] >= 8, languages
    assert sum(other.values()) >= 6 and len(other) >= 4, languages
    assert len(mixed) >= 2, f"mixed Polish/English releases found: {mixed}"


def test_format_and_encoding_counts():
    suffixes = Counter(Path(doc_id).suffix.lower() for doc_id in GOLD_IDS)
    encodings = Counter(file_encoding(doc_id) for doc_id in GOLD_IDS if doc_id.endswith(".txt"))
    assert encodings["cp1250"] >= 2, encodings
    assert encodings["iso-8859-2"] >= 1, encodings
    assert suffixes[".md"] >= 2, suffixes
    assert suffixes[".html"] >= 4, suffixes
    assert suffixes[".docx"] >= 2, suffixes
    assert suffixes[".pdf"] >= 2, suffixes


@pytest.mark.parametrize("doc_id", [doc_id for doc_id in GOLD_IDS if doc_id.endswith(".html")])
def test_html_pages_carry_real_boilerplate(doc_id):
    page = (CORPUS / doc_id).read_bytes().decode(file_encoding(doc_id)).lower()
    for marker in ("<title", "<footer", "<aside", "breadcrumb", "cookie"):
        assert marker in page, marker
    assert "<nav" in page or "menu" in page


def test_every_theme_in_at_least_two_releases():
    per_theme = Counter(theme for record in GOLD for theme in set(record["facts"]["themes"]))
    assert {theme: per_theme[theme] for theme in THEME_IDS if per_theme[theme] < 2} == {}


def test_split_is_about_60_40_and_spread():
    splits = Counter(record["split"] for record in GOLD)
    assert 0.5 <= splits["dev"] / len(GOLD) <= 0.7, splits
    for group in ("pl", "en"):
        in_group = {record["split"] for record in GOLD if record["language"] == group}
        assert in_group == {"dev", "test"}, group
    html_splits = {record["split"] for record in GOLD if record["id"].endswith(".html")}
    assert html_splits == {"dev", "test"}
