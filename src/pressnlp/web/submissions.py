"""Request bodies as fields, the way clients send them: JSON (what LibreTranslate, DeepL and most
scripts send), URL-encoded forms and multipart forms, each decoded by the charset it declares.

Starlette decodes URL-encoded forms as Latin-1 and falls back to Latin-1 for multipart fields
that are not valid in their charset, which turns "Zażółć" into mojibake without a word; here a
body that cannot be decoded is refused with a message that says so (HTTP 400).
"""
from __future__ import annotations

import codecs
import io
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import python_multipart
from fastapi import HTTPException, Request
from python_multipart.exceptions import FormParserError

MAX_FIELDS = 20


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


@dataclass
class Fields:
    """The fields of a request body: values as JSON gave them (strings or lists), or form strings."""

    values: dict[str, Any] = field(default_factory=dict)
    upload: Upload | None = None
    is_json: bool = False

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        return value if isinstance(value, str) else None


def _charset(content_type: str) -> str:
    """The charset a Content-Type declares (UTF-8 when it declares none), checked to exist."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip('"') or "utf-8"
            try:
                return codecs.lookup(name).name
            except LookupError:
                raise HTTPException(400, f"The body declares the charset {name!r}, which is not known; "
                                         "send it as UTF-8.") from None
    return "utf-8"


def _undecodable(charset: str) -> HTTPException:
    return HTTPException(400, f"The body is not valid {charset} text; send it as UTF-8 "
                              "(Content-Type: …; charset=utf-8).")


async def read_fields(request: Request, *, max_files: int = 1) -> Fields:
    """The request's body as fields; query parameters do not count. Refuses undecodable bodies,
    malformed JSON and more than `max_files` files (HTTP 400)."""
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    body = await request.body()
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            value = json.loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise _undecodable("UTF-8") from None
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"The body is not valid JSON ({exc.msg} at character {exc.pos}).") from None
        if not isinstance(value, dict):
            raise HTTPException(400, "The JSON body must be an object, such as {\"text\": \"…\"}.")
        return Fields(values=value, is_json=True)
    if media_type == "application/x-www-form-urlencoded":
        charset = _charset(content_type)
        try:
            pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, encoding=charset, errors="strict",
                              max_num_fields=MAX_FIELDS)
        except (UnicodeDecodeError, UnicodeEncodeError):
            raise _undecodable(charset) from None
        except ValueError:
            raise HTTPException(400, f"Too many fields in the form (at most {MAX_FIELDS}).") from None
        return Fields(values=dict(pairs))
    if media_type == "multipart/form-data":
        return _multipart(content_type, body, max_files)
    if not body:
        return Fields()
    raise HTTPException(415, "Send the release as JSON, a form or multipart form data, "
                             f"not {media_type or 'an untyped body'}.")


def _multipart(content_type: str, body: bytes, max_files: int) -> Fields:
    charset = _charset(content_type)
    values: dict[str, Any] = {}
    uploads: list[Upload] = []

    def on_field(part: Any) -> None:
        if len(values) >= MAX_FIELDS:
            raise HTTPException(400, f"Too many fields in the form (at most {MAX_FIELDS}).")
        name = (part.field_name or b"").decode(charset, "replace")
        try:
            values[name] = (part.value or b"").decode(charset)
        except UnicodeDecodeError:
            raise _undecodable(charset) from None

    def on_file(part: Any) -> None:
        handle = part.file_object
        handle.seek(0)
        data = handle.read()
        handle.close()
        filename = (part.file_name or b"").decode("utf-8", "replace")
        if not filename and not data:
            return  # the browser's "no file chosen"
        uploads.append(Upload(filename, data))

    headers = {"Content-Type": content_type, "Content-Length": str(len(body))}
    try:
        python_multipart.parse_form(headers, io.BytesIO(body), on_field, on_file)
    except FormParserError as exc:
        raise HTTPException(400, f"The multipart body cannot be read ({exc}).") from None
    if len(uploads) > max_files:
        raise HTTPException(400, f"Too many files: send at most {max_files}.")
    return Fields(values=values, upload=uploads[0] if uploads else None)
