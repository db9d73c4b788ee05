#!/usr/bin/env python
"""Convert FreeDict pol-eng (dictd files) into the Polish pack's table lang/pl/freedict-pol-eng.tsv.

The table is shipped rather than built at install time: a wheel runs no install step, many
machines that run pressnlp have no internet and no root to install `dict-freedict-pol-eng`, and a
gist must come out the same on every machine (SPEC §1, reproducible records). FreeDict's licence,
CC BY-SA 3.0, allows redistributing the converted data with attribution under the same licence,
which the table's header gives. Get the dictd files without installing anything:

    apt-get download dict-freedict-pol-eng && dpkg-deb -x dict-freedict-pol-eng_*.deb freedict
    .venv/bin/python scripts/build_freedict.py freedict/usr/share/dictd/freedict-pol-eng
"""
from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from pressnlp import lang
from pressnlp.stages.translate.lexicon.freedict import TABLE_NAME, FreeDict

HEADER = """\
# FreeDict Polish-English ({title}, edition {edition}), converted by scripts/build_freedict.py:
# for each headword and part of speech, the most frequent English word across its senses.
# headword <TAB> part of speech (the gist lexicon's) <TAB> English.
# Source: FreeDict, https://freedict.org/ (Debian package dict-freedict-pol-eng); made by WikDict
# (http://www.wikdict.com/) from Wiktionary (https://www.wiktionary.org/) via DBnary.
# Copyright 2000-2022 FreeDict contributors and the Wiktionary contributors; maintainer Karl Bartel.
# Licence: Creative Commons Attribution-ShareAlike 3.0 Unported,
# https://creativecommons.org/licenses/by-sa/3.0/ - this converted table is under the same licence
# (not under pressnlp's Apache-2.0). Changes: senses reduced to one English word per part of speech.
"""


def database_info(base: Path) -> tuple[str, str]:
    """(title, edition) from the dictd body's own header."""
    body = gzip.decompress(base.with_suffix(".dict.dz").read_bytes()).decode("utf-8", "replace")
    edition = re.search(r"Edition:\s*(\S+)", body)
    title = re.search(r"^(.*FreeDict.*dictionary)\s*$", body, re.MULTILINE)
    return (title.group(1).strip() if title else "FreeDict pol-eng", edition.group(1) if edition else "unknown")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", type=Path, help="the dictd files without their suffix (…/freedict-pol-eng)")
    args = parser.parse_args(argv)
    title, edition = database_info(args.base)
    target = Path(str(lang.get("pl").folder)) / TABLE_NAME
    dictionary = FreeDict.from_dictd(args.base)
    target.write_text(HEADER.format(title=title, edition=edition) + dictionary.table(), encoding="utf-8")
    print(f"{target}: {len(dictionary)} headwords")


if __name__ == "__main__":
    main()
