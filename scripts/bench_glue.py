"""The DIY glue that scripts/bench.py measures pressnlp against: what someone would write instead.

    python scripts/bench_glue.py FOLDER OUT.jsonl [-j N]

Per release: text (trafilatura for HTML, the file as it is otherwise), its language (langdetect),
dates (dateparser.search_dates in that language), phone numbers (phonenumbers) and e-mails and
URLs (regular expressions), one JSON line each. No translation, no summary, no cleaning: the
peer does less than pressnlp. It imports nothing of pressnlp, so its start is its own.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
from pathlib import Path
from typing import Any

EXTENSIONS = {".txt", ".md", ".html", ".htm"}
REGIONS = {"pl": "PL", "de": "DE", "en": "GB", "cs": "CZ", "sk": "SK", "uk": "UA", "fr": "FR", "es": "ES"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')]+")


def release(path: Path) -> dict[str, Any]:
    import langdetect
    import phonenumbers
    import trafilatura
    from dateparser.search import search_dates

    langdetect.DetectorFactory.seed = 0
    raw = path.read_text(encoding="utf-8", errors="replace")
    text = (trafilatura.extract(raw) or "") if path.suffix in (".html", ".htm") else raw
    try:
        language = langdetect.detect(text)
    except langdetect.LangDetectException:
        language = "und"
    dates = search_dates(text, languages=[language]) if language in REGIONS else None
    phones = [match.raw_string for match in phonenumbers.PhoneNumberMatcher(text, REGIONS.get(language, "PL"))]
    return {"id": str(path), "language": language, "dates": [found for found, _ in dates or []],
            "phones": phones, "emails": EMAIL.findall(text), "urls": URL.findall(text)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    files = sorted(path for path in args.folder.rglob("*") if path.suffix in EXTENSIONS and path.is_file())
    # the platform's default start method, as glue would use
    pool = multiprocessing.Pool(args.jobs) if args.jobs > 1 else None
    records = pool.imap(release, files, chunksize=8) if pool else map(release, files)
    with args.out.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            out.flush()  # bench.py watches for the first record
    if pool:
        pool.close()
        pool.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
