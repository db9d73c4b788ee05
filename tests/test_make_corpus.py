"""scripts/make_corpus.py: deterministic, fast, and its gold is grounded in its documents (issue 3)."""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import phonenumbers
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = REPO_ROOT / "scripts" / "make_corpus.py"
SCHEMA_PATH = REPO_ROOT / "src" / "pressnlp" / "schema" / "gold.schema.json"


def load_generator():
    """Import the script as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


make_corpus = load_generator()


def tree_digest(root: Path) -> str:
    """One hash over every file's relative path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_gold(root: Path) -> list[dict]:
    return [json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def document_text(root: Path, doc_id: str) -> str:
    text = (root / doc_id).read_text(encoding="utf-8")
    return html.unescape(text) if doc_id.endswith(".html") else text


@pytest.fixture(scope="module")
def corpus_1000(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    make_corpus.main([str(out), "-n", "1000", "--seed", "11"])
    return out


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    make_corpus.main([str(tmp_path / "a"), "-n", "50", "--seed", "3"])
    make_corpus.main([str(tmp_path / "b"), "-n", "50", "--seed", "3"])
    make_corpus.main([str(tmp_path / "c"), "-n", "50", "--seed", "4"])
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")


def test_release_does_not_depend_on_corpus_size(tmp_path):
    make_corpus.main([str(tmp_path / "small"), "-n", "5", "--seed", "9"])
    make_corpus.main([str(tmp_path / "large"), "-n", "20", "--seed", "9"])
    for record in read_gold(tmp_path / "small"):
        assert (tmp_path / "small" / record["id"]).read_bytes() == (tmp_path / "large" / record["id"]).read_bytes()


def test_writes_1000_releases_in_bounded_buckets(corpus_1000):
    out = corpus_1000
    files = [p for p in out.rglob("*") if p.is_file() and p.name not in {"gold.jsonl", ".pressnlpignore"}]
    assert len(files) == 1000
    assert len(read_gold(out)) == 1000
    assert max(Counter(p.parent for p in files).values()) <= make_corpus.FILES_PER_BUCKET


def test_languages_formats_and_split_are_mixed(corpus_1000):
    gold = read_gold(corpus_1000)
    languages = Counter(record["language"] for record in gold)
    formats = Counter(Path(record["id"]).suffix for record in gold)
    assert set(languages) == {"pl", "en", "de"} and languages["pl"] > languages["de"]
    assert set(formats) == {".txt", ".md", ".html"}
    dev_share = sum(record["split"] == "dev" for record in gold) / len(gold)
    assert 0.55 <= dev_share <= 0.65
    themes = Counter(theme for record in gold for theme in record["facts"]["themes"])
    assert len(themes) == 13


def test_language_and_format_options(tmp_path):
    make_corpus.main([str(tmp_path), "-n", "30", "--seed", "1", "--languages", "de", "--formats", "html"])
    gold = read_gold(tmp_path)
    assert {record["language"] for record in gold} == {"de"}
    assert all(record["id"].startswith("de/") and record["id"].endswith(".html") for record in gold)
    with pytest.raises(SystemExit):
        make_corpus.main([str(tmp_path), "-n", "3", "--languages", "xx"])


def test_generated_gold_validates_against_the_schema(corpus_1000):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    invalid = {
        record["id"]: next(validator.iter_errors(record)).message
        for record in read_gold(corpus_1000)
        if not validator.is_valid(record)
    }
    assert invalid == {}


def test_generated_gold_is_grounded_in_the_documents(corpus_1000):
    out = corpus_1000
    problems = []
    for record in read_gold(out):
        text = document_text(out, record["id"])
        facts = record["facts"]
        problems += [(record["id"], date["text"]) for date in facts["dates"] if date["text"] not in text]
        for contact in facts["contacts"]:
            if contact["kind"] in ("email", "url", "person") and contact["value"] not in text:
                problems.append((record["id"], contact["value"]))
            if contact["kind"] == "phone":
                number = phonenumbers.parse(contact["value"], None)
                if not phonenumbers.is_valid_number(number):
                    problems.append((record["id"], contact["value"]))
        assert 2 <= len(facts["partners"]) and facts["dates"] and facts["themes"]
    assert problems == []


def test_release_structure_and_length(corpus_1000):
    out = corpus_1000
    for record in read_gold(out)[:200]:
        text = document_text(out, record["id"])
        if record["id"].endswith(".html"):
            article = text.split("<article>")[1].split("</article>")[0]
            assert "<aside" in text and "<footer>" in text and "cookie" in text
        else:
            article = text
        words = len(article.split())
        assert 250 <= words <= 900, (record["id"], words)
        assert "„" in text or "\u201c" in text, "a quote"
        # the release's own date is not a gold date
        assert record["date"] not in {date["value"] for date in record["facts"]["dates"]}


def test_boilerplate_is_not_gold(corpus_1000):
    out = corpus_1000
    for record in read_gold(out):
        if not record["id"].endswith(".html"):
            continue
        page = document_text(out, record["id"])
        footer = page.split("<footer>")[1]
        emails = {contact["value"] for contact in record["facts"]["contacts"] if contact["kind"] == "email"}
        assert not any(email in footer for email in emails)
        sidebar_dates = page.split('<aside class="sidebar">')[1].split("</aside>")[0]
        assert not any(date["text"] in sidebar_dates for date in record["facts"]["dates"])


def test_polish_names_appear_in_every_case_under_their_nominative_gold(corpus_1000):
    out = corpus_1000
    polish = [record for record in read_gold(out) if record["language"] == "pl"]
    forms_by_name = {
        row[0].split("|")[0]: row[0].split("|") for row in make_corpus.PL_FIXED_ORGS + make_corpus.PL_FUNDERS
    }
    seen_cases = set()
    for record in polish:
        text = document_text(out, record["id"])
        for partner in record["facts"]["partners"]:
            forms = forms_by_name.get(partner["name"])
            if forms:
                seen_cases |= {
                    case
                    for case, form in zip(make_corpus.PL_CASES, forms, strict=False)
                    if form != forms[0] and form in text
                }
    assert seen_cases == {"gen", "dat", "acc", "ins", "loc"}


def test_acronyms_are_introduced_in_brackets_then_used_alone(corpus_1000):
    out = corpus_1000
    reused = 0
    for record in read_gold(out)[:300]:
        text = document_text(out, record["id"])
        for partner in record["facts"]["partners"]:
            acronym = next((alias for alias in partner["aliases"] if alias.isupper() or alias.startswith("NFO")), None)
            if acronym and f"({acronym})" in text:
                after = text.split(f"({acronym})", 1)[1]
                reused += f" {acronym} " in after or f" {acronym}." in after or f" {acronym}," in after
    assert reused >= 50


def test_polish_dates_take_every_form(corpus_1000):
    out = corpus_1000
    polish = [record for record in read_gold(out) if record["language"] == "pl"]
    date_texts = [date["text"] for record in polish for date in record["facts"]["dates"]]
    for form in ("w dniach ", " kwartale ", "do końca ", " roku", "we wtorek", "r."):
        assert any(form in text for text in date_texts), form
    assert any(text.count(".") == 2 and text[:2].isdigit() for text in date_texts)  # 15.03.2024
    assert any(text[:4].isdigit() and text[4] == "-" for text in date_texts)  # 2024-03-15
    nominative_aliases = [partner for record in polish for partner in record["facts"]["partners"] if partner["aliases"]]
    assert nominative_aliases
