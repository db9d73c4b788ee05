"""Hand-made records of SPEC.md section 1 for the web and report tests: a Polish release, an
English one, and one with markup and script in every field."""
from __future__ import annotations

import json
import time
from pathlib import Path

SAMPLE = Path(__file__).parents[1] / "report" / "data" / "release_pl.json"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
HOSTILE = f"{XSS_SCRIPT} {XSS_IMG}"

POLISH_RELEASE = """Metropolia GZM kupi nowe autobusy wodorowe dla Katowic

Katowice, 14 marca 2024 r.

Górnośląsko-Zagłębiowska Metropolia podpisała umowę z firmą Solaris Bus & Coach na dostawę 20 autobusów \
wodorowych. Pojazdy wyjadą na ulice Katowic i Gliwic we wrześniu 2025 r.

Projekt finansuje Narodowy Fundusz Ochrony Środowiska i Gospodarki Wodnej.

Kontakt dla mediów: Anna Nowak, tel. 32 728 46 00, e-mail: anna.nowak@metropoliagzm.pl
"""


def sample_record() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def english_record() -> dict:
    """An English release: no translation, summary only in `text`."""
    text = "Dublin, 3 May 2024\n\nDublin City Council opens a cycle network with the National Transport Authority."
    return {
        "schema": "pressnlp.result/1", "id": "en/2024-05-dublin-cycle.txt",
        "source": {"path": "en/2024-05-dublin-cycle.txt", "sha256": "0" * 64, "format": "txt",
                   "encoding": "utf-8", "bytes": len(text)},
        "language": {"code": "en", "confidence": 0.98, "detector": "langdetect",
                     "segments": [{"start": 0, "end": len(text), "code": "en"}]},
        "title": "Dublin opens a cycle network", "date": "2024-05-03", "text": text, "translation": None,
        "facts": {"partners": [{"name": "Dublin City Council", "name_en": "Dublin City Council", "aliases": [],
                                "role": "issuer", "mentions": [[20, 39]]}],
                  "dates": [{"text": "3 May 2024", "value": "2024-05-03", "start": 8, "end": 18}],
                  "themes": [{"id": "mobility", "label": "Transport and sustainable mobility", "score": 0.9,
                              "evidence": ["cycle network"]}],
                  "contacts": []},
        "summary": {"method": "textrank", "text": "Dublin City Council opens a cycle network.", "en": None},
        "stages": {"read": {"status": "ok", "ms": 1.0}}, "errors": [],
    }


def hostile_record() -> dict:
    """Markup and script in every field a page shows, including a javascript: URL contact."""
    text = f"{HOSTILE}\n\nKatowice {HOSTILE} koniec."
    record = sample_record()
    record.update({
        "id": f"pl/{XSS_SCRIPT}.txt", "title": HOSTILE, "date": HOSTILE, "text": text,
        "source": {"path": f"pl/{XSS_IMG}.txt", "sha256": "0" * 64, "format": HOSTILE, "encoding": HOSTILE,
                   "bytes": len(text)},
        "language": {"code": HOSTILE, "confidence": 0.5, "detector": HOSTILE,
                     "segments": [{"start": 0, "end": len(text), "code": HOSTILE}]},
        "translation": {"source_language": "pl", "target_language": "en", "backend": f"lexicon:{HOSTILE}",
                        "title": HOSTILE, "text": text,
                        "segments": [{"source": [0, len(HOSTILE)], "target": [0, len(HOSTILE)]}],
                        "glossary": [[0, 10]], "protected": [[12, 20]]},
        "facts": {
            "partners": [{"name": HOSTILE, "name_en": HOSTILE, "aliases": [HOSTILE], "role": HOSTILE,
                          "mentions": [[0, 8]]}],
            "dates": [{"text": HOSTILE, "value": HOSTILE, "start": 0, "end": 5}],
            "themes": [{"id": HOSTILE, "label": HOSTILE, "score": 0.5, "evidence": [HOSTILE]}],
            "contacts": [{"kind": "email", "value": HOSTILE}, {"kind": "url", "value": "javascript:alert(1)"},
                         {"kind": "phone", "value": HOSTILE},
                         {"kind": "person", "value": HOSTILE, "role": HOSTILE, "organization": HOSTILE}]},
        "summary": {"method": HOSTILE, "text": HOSTILE, "en": HOSTILE},
        "errors": [{"stage": HOSTILE, "type": "StageError", "message": HOSTILE}],
    })
    return record


def write_run(folder: Path, records: list[dict], manifest: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ordered = sorted(records, key=lambda record: record["id"])
    (folder / "results.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered),
                                          encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def finished_page(client, job_url: str):
    """Follow a job page until the result is there (the app processes in a background thread)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(job_url)
        if 'id="job"' not in page.text:
            return page
        time.sleep(0.05)
    raise AssertionError("the job did not finish")
