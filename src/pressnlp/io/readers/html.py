"""HTML pages: the release without navigation, sidebars, footers and cookie banners.

trafilatura finds the main content; we rebuild its paragraphs from its XML output. Nothing is
ever fetched: trafilatura gets the page as a string and lxml parses without network access.
trafilatura drops date lines (class "date") as boilerplate, so the date line under the <h1> is
put back. A tiny page, or one trafilatura cannot handle (RecursionError), falls back to lxml's
text of the body without scripts, styles, menus, sidebars and footers; a page no parser can build
(10,000 nested divs: libxml2 drops what lies deeper than its depth limit) to tag stripping.
"""
from __future__ import annotations

import copy
import html as html_lib
import json
import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from pressnlp.core.errors import StageError
from pressnlp.io.readers.encoding import decode_text, normalise_encoding, refuse_binary
from pressnlp.lang.dates import find_release_date, parse_iso_date
from pressnlp.lang.labels import is_release_label

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Publication-date metadata, in the order we trust it.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date",
              "dc.date.issued", "dcterms.created", "dcterms.issued", "publish-date", "pubdate",
              "sailthru.date", "parsely-pub-date")
_SITE_SUFFIX = re.compile(r"\s+[|–—•·-]\s+[^|–—•·]+$")  # "Release | City of Katowice"
_INVISIBLE_PARTS = re.compile(r"<!--.*?-->|<(script|style|noscript|template|nav|footer|aside|head)\b.*?</\1\s*>",
                              re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|section|article|main|ul|ol|table|blockquote)\b[^>]*>",
                        re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_DATELINE_WINDOW = 4
MAX_TRAFILATURA_CHARS = 5_000_000  # bigger pages are not press releases; spare the slow path
_SHORT_PAGE = 200  # characters of extracted text under which trafilatura's choice is not trusted
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d(?!\d)")
_FURNITURE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "button", "svg", "iframe")
_BLOCKS = ("p", "div", "section", "article", "main", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
           "br", "table", "ul", "ol", "blockquote", "pre", "dd", "dt")


@dataclass(frozen=True)
class HtmlContent:
    blocks: list[str]
    title: str | None
    date: str | None  # from the page's metadata; the date line is looked for later
    encoding: str


def decode_html(data: bytes) -> tuple[str, str]:
    """The page as text: BOM, then a declared <meta charset>, then detection."""
    refuse_binary(data, "HTML")
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(b"\xef\xbb\xbf"):
        try:
            name = normalise_encoding(declared.group(1).decode("ascii"))
            return data.decode(name, errors="replace"), name
        except (LookupError, UnicodeDecodeError):
            logger.debug("declared charset %r unknown; detecting", declared.group(1))
    return decode_text(data, "HTML")


def read_html(data: bytes) -> HtmlContent:
    page, encoding = decode_html(data)
    if not page.strip():
        return HtmlContent([], None, None, encoding)
    tree = _parse(page)
    blocks: list[str] = []
    if len(page) > MAX_TRAFILATURA_CHARS:
        logger.warning("HTML page of %d characters: plain text extraction instead of trafilatura", len(page))
    else:
        try:
            blocks = _trafilatura_blocks(page)
        except RecursionError:
            logger.warning("HTML nested too deeply for trafilatura; using plain text extraction")
    blocks = _with_article_tail(tree, blocks)
    if sum(len(block) for block in blocks) < _SHORT_PAGE:
        # trafilatura keeps the whole body of a tiny page, menus included; prune furniture ourselves
        blocks = _plain_blocks(page) or blocks or _tag_stripped_blocks(page)
    if not blocks:
        raise StageError("the HTML page contains no readable text")
    title = next((candidate for candidate in (_meta_title(tree), _first_heading(tree, blocks), _title_element(tree))
                  if candidate and not is_release_label(candidate)), None)
    if title and " ".join(blocks[0].split()) != " ".join(title.split()):
        blocks.insert(0, title)  # the text starts with its title, as a plain-text release does
    dateline = _dateline(tree)
    if dateline and not any(dateline[0] in block for block in blocks[:3]):
        # trafilatura drops date lines (class "date", "dateline") as boilerplate; put it back
        blocks.insert(1 if title else 0, dateline[0])
    date = _meta_date(tree) or (dateline[1] if dateline else None) or _time_element_date(tree)
    return HtmlContent(blocks, title, date, encoding)


def _with_article_tail(tree: etree._Element | None, blocks: list[str]) -> list[str]:
    """trafilatura keeps the article's main text but drops boxes at its end that belong to it, such
    as a press contact in the article's own <footer>: put back what follows its last block there."""
    articles = tree.xpath("//article") if tree is not None and blocks else []
    if len(articles) != 1:
        return blocks
    extracted = {" ".join(block.split()) for block in blocks}
    own = _element_blocks(articles[0])
    matched = [i for i, block in enumerate(own) if " ".join(block.split()) in extracted]
    if not matched:
        return blocks
    return blocks + [block for block in own[matched[-1] + 1:] if " ".join(block.split()) not in extracted]


def _element_blocks(element: etree._Element) -> list[str]:
    """Paragraphs of one element (a copy: the page tree is left as it was); <br> is a line break."""
    element = copy.deepcopy(element)
    for furniture in list(element.iter("script", "style", "noscript", "template", "nav", "aside", "form",
                                       "button", "svg", "iframe")):
        if furniture.getparent() is not None:
            furniture.drop_tree()
    for node in element.iter():
        if isinstance(node.tag, str):  # source line breaks are spaces in HTML; only tags break lines
            node.text = re.sub(r"\s+", " ", node.text) if node.text else node.text
            node.tail = re.sub(r"\s+", " ", node.tail) if node.tail else node.tail
    for line_break in element.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    for block in element.iter(*_BLOCKS):
        if block.tag != "br":
            block.tail = "\n\n" + (block.tail or "")
    text = "".join(element.itertext())
    blocks = ("\n".join(" ".join(line.split()) for line in part.strip().split("\n"))
              for part in re.split(r"\n\s*\n", text))
    return [block for block in blocks if block.strip()]


def _parse(page: str) -> etree._Element | None:
    try:
        return lxml_html.document_fromstring(page, parser=lxml_html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError):
        return None


def _trafilatura_blocks(page: str) -> list[str]:
    # with_metadata=False: its date search (htmldate) costs a second a page; we read metadata here.
    xml = trafilatura.extract(page, output_format="xml", include_tables=True, include_comments=False,
                              include_images=False, include_links=False, favor_recall=True,
                              with_metadata=False, deduplicate=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False,
                                                                         no_network=True))
    main = root.find("main")
    blocks = [_xml_block(element) for element in (main if main is not None else root)]
    return [block for block in blocks if block.strip()]


def _xml_block(element: etree._Element) -> str:
    """One paragraph from trafilatura's XML: <p>/<head>/<quote>, <list> items, <table> rows."""
    if element.tag == "list":
        return "\n".join(_inline(item) for item in element.iter("item"))
    if element.tag == "table":
        return "\n".join(" | ".join(_inline(cell) for cell in row.iter("cell")) for row in element.iter("row"))
    return _inline(element)


def _inline(element: etree._Element) -> str:
    """Text of an element, <lb/> as a line break, runs of spaces collapsed."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


def _plain_blocks(page: str) -> list[str]:
    """Fallback: the body's text, block elements as paragraphs, without page furniture."""
    parser = lxml_html.HTMLParser(no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = lxml_html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return []
    for element in list(root.iter(*_FURNITURE)):
        in_content = element.tag == "header" and element.xpath("ancestor::article | ancestor::main")
        if element.getparent() is not None and not in_content:
            element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = "".join(root.itertext())
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]


def _tag_stripped_blocks(page: str) -> list[str]:
    """Last resort for pages no parser builds a tree of (libxml2 stops at 256–2048 levels of
    nesting and drops what lies deeper): tags removed by pattern, block tags as paragraph breaks."""
    text = _INVISIBLE_PARTS.sub(" ", page)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html_lib.unescape(_ANY_TAG.sub("", text))
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]


def _meta_title(tree: etree._Element | None) -> str | None:
    if tree is None:
        return None
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content'):
        values = [value.strip() for value in tree.xpath(xpath) if value.strip()]
        if values:
            return " ".join(values[0].split())
    return None


def _first_heading(tree: etree._Element | None, blocks: list[str]) -> str | None:
    """The first <h1> that belongs to the release (its text is in the extracted blocks); when that
    <h1> is a label ("Pressemitteilung"), the next <h1> or <h2>, the headline."""
    if tree is None:
        return None
    content = " ".join(" ".join(blocks).split())
    after_label = False
    for heading in tree.iter("h1", "h2"):
        if heading.tag == "h2" and not after_label:
            continue
        text = " ".join(heading.text_content().split())
        if not text or text not in content:
            continue
        if not is_release_label(text):
            return text
        after_label = True
    return None


def _title_element(tree: etree._Element | None) -> str | None:
    """<title> without the site name after a separator ("Release | City of Katowice")."""
    if tree is None:
        return None
    for element in tree.iter("title"):
        text = " ".join(element.text_content().split())
        if text:
            return _SITE_SUFFIX.sub("", text) or text
    return None


def _dateline(tree: etree._Element | None) -> tuple[str, str] | None:
    """(line, ISO date) of a date line among the short elements right after the <h1>."""
    if tree is None:
        return None
    for heading in tree.iter("h1"):
        lines = []
        for element in heading.itersiblings():
            text = " ".join(element.text_content().split())
            if text:
                lines.append(text)
            if len(lines) >= _DATELINE_WINDOW:
                break
        text = "\n".join(lines)
        found = find_release_date(text, max_lines=_DATELINE_WINDOW)
        if found:
            line_start = text.rfind("\n", 0, found[1][0]) + 1
            line_end = text.find("\n", found[1][1])
            return text[line_start:line_end if line_end >= 0 else None], found[0]
    return None


def _time_element_date(tree: etree._Element | None) -> str | None:
    """<time datetime> inside the page's <article> or <main>, never in a sidebar."""
    if tree is None:
        return None
    for element in tree.xpath("//article//time[@datetime] | //main//time[@datetime]"):
        if element.xpath("ancestor::aside | ancestor::nav | ancestor::footer"):
            continue
        value = element.get("datetime", "").strip()
        if _ISO_DAY.match(value):
            date = parse_iso_date(value[:10])
            if date is not None:
                return date.isoformat()
    return None


def _meta_date(tree: etree._Element | None) -> str | None:
    """Publication date from <meta> tags or JSON-LD, as YYYY-MM-DD."""
    if tree is None:
        return None
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META and meta.get("content"):
            found.setdefault(key, meta.get("content").strip())
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        published = _json_ld_date(script.text or "")
        if published:
            found.setdefault("datepublished", published)
    for key in _DATE_META:
        value = found.get(key, "")
        date = parse_iso_date(value[:10]) if _ISO_DAY.match(value) else None
        if date is not None:
            return date.isoformat()
    return None


def _json_ld_date(source: str) -> str | None:
    try:
        data = json.loads(source)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
