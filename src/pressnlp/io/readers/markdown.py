"""Markdown to clean text with markdown-it-py: the syntax goes, the words and the layout stay.

Headings, paragraphs and code blocks become paragraphs; a list or a table is one paragraph with
one item (or row, cells joined by " | ") a line; a link becomes its visible text (an autolink's
visible text is its URL, so web addresses survive); emphasis markers and inline HTML go.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_TAG = re.compile(r"<[^>]+>")


def markdown_to_blocks(source: str) -> tuple[list[str], str | None]:
    """(paragraph blocks, title from the first heading)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[str] = []
    title: str | None = None
    lines: list[str] = []  # the lines of the list or table being collected
    row: list[str] = []
    depth = 0  # list and table nesting
    ordinal: list[int] = []  # the next number of each open ordered list (0 for bullets)
    in_heading = in_cell = False
    marker = ""  # "3. " for the first line of an ordered list item
    for token in tokens:
        kind = token.type
        if kind in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
            ordinal.append(int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0)
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
            ordinal.pop()
            if depth == 0:
                blocks.append("\n".join(lines))
                lines = []
        elif kind == "table_open":
            depth += 1
        elif kind == "table_close":
            depth -= 1
            if depth == 0:
                blocks.append("\n".join(lines))
                lines = []
        elif kind == "list_item_open":
            marker = _list_marker(ordinal)
        elif kind in {"th_open", "td_open", "th_close", "td_close"}:
            in_cell = kind.endswith("_open")
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            lines.append(" | ".join(row))
        elif kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if in_heading and title is None and text.strip():
                title = " ".join(text.split())
            if in_cell:
                row.append(" ".join(text.split()))
            elif depth:
                lines.append(marker + text)
                marker = ""
            else:
                blocks.append(text)
        elif kind in {"fence", "code_block"}:
            (lines if depth else blocks).append(token.content.rstrip("\n"))
        elif kind == "html_block":
            text = _TAG.sub("", token.content).strip()
            if text:
                (lines if depth else blocks).append(text)
    return blocks, title


def _list_marker(ordinal: list[int]) -> str:
    """Ordered items keep their number ("2. "); bullets lose their marker."""
    if not ordinal or not ordinal[-1]:
        return ""
    number = ordinal[-1]
    ordinal[-1] += 1
    return f"{number}. "


def _inline_text(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)
