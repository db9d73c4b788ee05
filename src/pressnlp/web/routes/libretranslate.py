"""A LibreTranslate-compatible API, so CAT tools, browser extensions and scripts that already
speak it use pressnlp unchanged: `POST /translate`, `POST /detect`, `GET /languages`.

Shapes follow LibreTranslate: `q` is a string or a list (a list in, a list out); `source` may be
"auto", and then `detectedLanguage` says what was found (confidence 0–100); `format` is "text"
or "html" (the text between the tags is translated, the markup kept); `api_key` is accepted and
ignored; errors are HTTP 400 with `{"error": "..."}`. One field is ours: `backend` names what
translated each text, so a client can tell a dictionary gist ("lexicon:...", with `gist` true)
from a neural translation. Translation runs in the same worker as the releases of the page, with
the same glossary. Any origin may call these three (they change nothing), as with LibreTranslate.
"""
from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from lxml import etree
from lxml import html as lxml_html
from pydantic import BaseModel, Field

from pressnlp.core.errors import PressnlpError
from pressnlp.report.views import is_gist_backend, language_name
from pressnlp.web.dependencies import ProcessorDep
from pressnlp.web.jobs import Processor, Snippet
from pressnlp.web.submissions import read_fields

CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Authorization, Content-Type",
                "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Max-Age": "86400"}
MAX_TEXTS = 200
MAX_CHARACTERS = 100_000

router = APIRouter(tags=["LibreTranslate-compatible"])


class TranslateRequest(BaseModel):
    q: str | list[str] = Field(description="text to translate, or a list of texts")
    source: str = Field(description="source language code, or 'auto'")
    target: str = Field(description="target language code (this server translates into its target language)")
    format: str = Field(default="text", description="text or html")
    api_key: str | None = Field(default=None, description="accepted and ignored")


class DetectedLanguage(BaseModel):
    confidence: float = Field(description="0 to 100")
    language: str


class TranslateResponse(BaseModel):
    translatedText: str | list[str]  # noqa: N815 - LibreTranslate's field names
    detectedLanguage: DetectedLanguage | list[DetectedLanguage] | None = None  # noqa: N815
    backend: str | None | list[str | None] = Field(
        description="what translated the text (pressnlp): 'lexicon:...' is a dictionary gist; null: already "
                    "in the target language")
    gist: bool | list[bool] = Field(description="true for a word-by-word dictionary gist (pressnlp)")


class Language(BaseModel):
    code: str
    name: str
    targets: list[str]


class BadRequest(Exception):
    """A request LibreTranslate would answer with 400 and {"error": ...}."""


def error(message: str, status_code: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status_code, headers=CORS_HEADERS)


async def _payload(request: Request) -> dict[str, Any]:
    """JSON, form or multipart fields, over the query string (as LibreTranslate's request.values)."""
    values: dict[str, Any] = dict(request.query_params)
    fields = await read_fields(request, max_files=0)
    if not fields.is_json:
        # Line endings as LibreTranslate has them for form bodies: LF only.
        values.update({key: "\n".join(value.splitlines()) if isinstance(value, str) else value
                       for key, value in fields.values.items()})
    else:
        values.update(fields.values)
    return values


def _text_nodes(fragment: lxml_html.HtmlElement) -> list[tuple[Any, str]]:
    """(element, "text" or "tail") of every piece of text with a letter in it, in document order."""
    nodes = []
    for element in fragment.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            if element.tail and any(ch.isalpha() for ch in element.tail):
                nodes.append((element, "tail"))
            continue
        if element.text and any(ch.isalpha() for ch in element.text):
            nodes.append((element, "text"))
        if element is not fragment and element.tail and any(ch.isalpha() for ch in element.tail):
            nodes.append((element, "tail"))
    return nodes


async def _translate_html(processor: Processor, markup: str, source: str | None) -> tuple[str, Snippet]:
    """The markup with the text between its tags translated; the snippet says language and backend."""
    fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    nodes = _text_nodes(fragment)
    detected_confidence: float | None = 1.0
    if source is None:
        detected = await asyncio.wrap_future(processor.detect(fragment.text_content()))
        source, detected_confidence = detected.language, detected.confidence
    texts = [getattr(element, where) for element, where in nodes]
    done = await asyncio.wrap_future(processor.translate(texts, source)) if texts else []
    for (element, where), snippet in zip(nodes, done, strict=True):
        setattr(element, where, snippet.text)
    inner = (fragment.text or "") + "".join(etree.tostring(child, encoding="unicode", method="html")
                                            for child in fragment)
    backend = next((snippet.backend for snippet in done if snippet.backend), None)
    return inner, Snippet(inner, source, detected_confidence, backend)


async def _translate(processor: Processor, texts: list[str], source: str | None, fmt: str) -> list[Snippet]:
    if fmt == "html":
        results = []
        for text in texts:
            _, snippet = await _translate_html(processor, text, source)
            results.append(snippet)
        return results
    return await asyncio.wrap_future(processor.translate(texts, source))


def _check(payload: dict[str, Any], processor: Processor) -> tuple[list[str], bool, str | None, str]:
    """The texts, whether a list was sent, the source (None: auto) and the format; BadRequest otherwise."""
    q, source, target = payload.get("q"), payload.get("source"), payload.get("target")
    for name, value in (("q", q), ("source", source), ("target", target)):
        if not value:
            raise BadRequest(f"Invalid request: missing {name} parameter")
    batch = isinstance(q, list)
    texts = q if batch else [q]
    if not all(isinstance(text, str) for text in texts):
        raise BadRequest("Invalid request: q must be a string or a list of strings")
    if len(texts) > MAX_TEXTS or sum(len(text) for text in texts) > MAX_CHARACTERS:
        raise BadRequest(f"Invalid request: request exceeds text limit ({MAX_TEXTS} texts, "
                         f"{MAX_CHARACTERS:,} characters)")
    if not isinstance(source, str) or not isinstance(target, str):
        raise BadRequest("Invalid request: source and target must be language codes")
    if target != processor.target_language:
        raise BadRequest(f"{target} is not supported: this server translates into "
                         f"{language_name(processor.target_language)} ({processor.target_language}) only")
    fmt = payload.get("format") or "text"
    if fmt not in ("text", "html"):
        raise BadRequest(f"{fmt} format is not supported")
    return texts, batch, None if source == "auto" else source.lower(), fmt


@router.post("/translate", response_model=TranslateResponse, openapi_extra={"requestBody": {"content": {
    "application/json": {"schema": TranslateRequest.model_json_schema()},
    "application/x-www-form-urlencoded": {"schema": TranslateRequest.model_json_schema()}}}})
async def translate(request: Request, processor: ProcessorDep) -> Response:
    """Translate text, as LibreTranslate does (plus `backend` and `gist`)."""
    try:
        texts, batch, source, fmt = _check(await _payload(request), processor)
        snippets = await _translate(processor, texts, source, fmt)
    except HTTPException as exc:
        return error(str(exc.detail), exc.status_code)
    except (BadRequest, PressnlpError) as exc:
        return error(str(exc))
    body: dict[str, Any] = {"translatedText": [s.text for s in snippets] if batch else snippets[0].text}
    if source is None:
        detected = [{"confidence": round(100 * (s.confidence or 0.0), 1), "language": s.language} for s in snippets]
        body["detectedLanguage"] = detected if batch else detected[0]
    backends = [s.backend for s in snippets]
    body["backend"] = backends if batch else backends[0]
    body["gist"] = [is_gist_backend(b) for b in backends] if batch else is_gist_backend(backends[0])
    return JSONResponse(body, headers=CORS_HEADERS)


@router.post("/detect", response_model=list[DetectedLanguage])
async def detect(request: Request, processor: ProcessorDep) -> Response:
    """The language of a text, as LibreTranslate's /detect answers it."""
    try:
        q = (await _payload(request)).get("q")
        if not q or not isinstance(q, str):
            raise BadRequest("Invalid request: missing q parameter")
        snippet = await asyncio.wrap_future(processor.detect(q))
    except HTTPException as exc:
        return error(str(exc.detail), exc.status_code)
    except (BadRequest, PressnlpError) as exc:
        return error(str(exc))
    return JSONResponse([{"confidence": round(100 * (snippet.confidence or 0.0), 1), "language": snippet.language}],
                        headers=CORS_HEADERS)


@router.get("/languages", response_model=list[Language])
async def languages(processor: ProcessorDep) -> Response:
    """The languages this server translates from, each with its one target; and the target."""
    try:
        sources = await asyncio.wrap_future(processor.source_languages())
    except PressnlpError as exc:
        return error(str(exc), 500)
    target = processor.target_language
    listed = [{"code": code, "name": language_name(code), "targets": [target]} for code in sources]
    listed.append({"code": target, "name": language_name(target), "targets": []})
    return JSONResponse(sorted(listed, key=lambda language: language["code"]), headers=CORS_HEADERS)


@router.options("/translate", include_in_schema=False)
@router.options("/detect", include_in_schema=False)
@router.options("/languages", include_in_schema=False)
def preflight() -> Response:
    """Browsers ask before a cross-origin JSON POST; the answer allows it."""
    return Response(status_code=204, headers=CORS_HEADERS)
