"""Contacts: e-mail addresses, web addresses, phone numbers (E.164) and the people a release
quotes or gives as its contact. Page boilerplate (footers, cookie banners) is skipped.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

from pressnlp import lang
from pressnlp.stages.extract.base import Extractor
from pressnlp.stages.extract.lexicon import everywhere
from pressnlp.stages.extract.people import find_people
from pressnlp.stages.extract.text import Doc

log = logging.getLogger(__name__)

KINDS = ("email", "url", "phone", "person")
# Top-level domains a bare web address ("iurc.eu/na/") may end in; anything else needs a
# scheme or "www." so that "m.in." or "S.A." are never read as addresses.
_TLDS = ("pl|eu|com|org|net|info|gov|edu|int|io|uk|de|cz|sk|ua|fr|es|ie|it|nl|be|at|ch|se|no|dk|fi|lt|lv|"
         "ee|hu|ro|bg|hr|si|pt|gr|lu|li|us|ca|au|nz|za|mt|cy|biz|app|dev|online|site|city|travel|museum|media")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(
    r"(?<![@\w.-])(?:https?://[^\s<>\"“”„«»]+|www\.[^\s<>\"“”„«»]+"
    rf"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w-])(?:/[^\s<>\"“”„«»]*)?)",
    re.IGNORECASE)
_TRAILING = ".,;:!?)]}'’”»"
_DATE_LIKE = re.compile(r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s*[-–/]\s*\d{2,4})\s*$")
# Fewest digits of a national number (no country code) taken as a phone: shorter ones are
# reference numbers, years and ranges far more often than phones.
_MIN_NATIONAL_DIGITS = 8
# The country code closing a web or e-mail domain: "www.x.ie/…", "info@x.co.nz".
_DOMAIN_END = re.compile(r"(?:www\.|@|://)[\w.-]*?\.([a-z]{2})(?![\w.-])", re.IGNORECASE)
_INTERNATIONAL_00 = re.compile(r"(?<![\d+])00(?=[1-9]\d(?:[\s\d().-]{6,}))")


@dataclass
class ContactOptions:
    kinds: list[str] = field(default_factory=lambda: list(KINDS))
    """Kinds of contact to report: email, url, phone, person."""
    default_region: str = "PL"
    """Country for phone numbers without a country code when the language gives none."""
    regions: dict[str, str] = field(default_factory=dict)
    """Language -> country for phone numbers, overriding the language packs' `contacts.region`
    (e.g. en = "IE")."""
    include_boilerplate: bool = False
    """Also report contacts found in page boilerplate (site footers, cookie banners)."""


class ContactExtractor(Extractor):
    name = "contacts"
    Options = ContactOptions

    def setup(self) -> None:
        unknown = sorted(set(self.options.kinds) - set(KINDS))
        if unknown:
            from pressnlp.core.errors import ConfigError

            raise ConfigError(f"unknown contact kind '{unknown[0]}'; valid: {', '.join(KINDS)}",
                              key="stages.extract.contacts.kinds")

    def describe(self) -> dict[str, Any]:
        return {"kinds": list(self.options.kinds)}

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        contacts: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()

        def add(item: dict[str, Any], key: str) -> None:
            if (item["kind"], key) not in seen:
                seen.add((item["kind"], key))
                contacts.append(item)

        kinds = set(self.options.kinds)
        emails = list(self._emails(doc))
        if "email" in kinds:
            for value, _span in emails:
                add({"kind": "email", "value": value}, value)
        if "url" in kinds:
            email_spans = [span for _, span in emails]
            for value in self._urls(doc, email_spans):
                add({"kind": "url", "value": value}, _url_key(value))
        if "phone" in kinds:
            for value in self._phones(doc):
                add({"kind": "phone", "value": value}, re.sub(r"\D", "", value))
        if "person" in kinds:
            for person in find_people(doc, self.shared.finder):
                add({"kind": "person", "value": person.name, "role": person.role,
                     "organization": person.organisation}, person.name.casefold())
        return contacts

    def _usable(self, doc: Doc, offset: int) -> bool:
        return self.options.include_boilerplate or not doc.in_boilerplate(offset)

    def _emails(self, doc: Doc):
        found = []
        for match in _EMAIL.finditer(doc.text):
            value = match.group().rstrip(_TRAILING)
            found.append((match.start(), value.lower(), (match.start(), match.start() + len(value))))
        hidden = _obfuscated_at().search(doc.text) and _obfuscated_email().finditer(doc.text)
        for match in hidden or ():
            domain = re.split(_obfuscated_dot().pattern, match["domain"], flags=re.IGNORECASE)
            value = f"{match['local']}@{'.'.join(part.strip() for part in domain)}".lower()
            found.append((match.start(), value, match.span()))
        for start, value, span in sorted(found):
            if self._usable(doc, start):
                yield value, span

    def _urls(self, doc: Doc, email_spans: list[tuple[int, int]]):
        for match in _URL.finditer(doc.text):
            if any(start <= match.start() < end for start, end in email_spans):
                continue
            value = _strip_trailing(match.group())
            if "." not in value.split("//")[-1] or not self._usable(doc, match.start()):
                continue
            yield value

    def _phones(self, doc: Doc):
        import phonenumbers

        region = self.region(doc)
        # "0048 22 ..." is international in every country whose exit code is 00, but the
        # matcher only knows that for the region it is given; make the prefix explicit.
        text = _INTERNATIONAL_00.sub("+ ", doc.text)
        found: list[tuple[int, int, str]] = []
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            if not self._usable(doc, match.start) or self._not_a_phone(doc, text, match):
                continue
            found.append((match.start, match.end,
                          phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)))
        for other in doc.lexicon.other_regions if region == (doc.lexicon.region or region) else ():
            for candidate in _NUMBER_RUN.finditer(text):
                start, end = candidate.span()
                if any(s < end and start < e for s, e, _ in found) or not self._usable(doc, start):
                    continue
                number = _valid_number(candidate.group(), other)
                if number and not self._not_a_phone(doc, text, SimpleNamespace(raw_string=candidate.group(),
                                                                               start=start, end=end)):
                    found.append((start, end, number))
        found.extend(_number_alternatives(text, found))
        for match in _labelled_number().finditer(text):
            start, end = match.span("number")
            if any(s < end and start < e for s, e, _ in found) or not self._usable(doc, start):
                continue
            number = _old_national_number(match["number"], region)
            if number:
                found.append((start, end, number))
        for *_, number in sorted(found):
            yield number

    def region(self, doc: Doc) -> str:
        """Region for national numbers: the options, then the country the release's own
        international numbers point to, then its language."""
        language = doc.language
        if language in self.options.regions:
            return self.options.regions[language]
        counted: dict[str, int] = {}
        import phonenumbers

        for match in re.finditer(r"\+\s?(\d{1,3})[\s\d().-]{7,}", doc.text):
            code = match.group(1)
            for size in (1, 2, 3):
                regions = phonenumbers.region_codes_for_country_code(int(code[:size]))
                if regions and regions[0] != "001" and len(code) >= size:
                    counted[regions[0]] = counted.get(regions[0], 0) + 1
                    break
        default = doc.lexicon.region or self.options.default_region
        if not counted:
            counted = self._domain_regions(doc)
        if counted:
            best = max(counted, key=lambda r: (counted[r], r == default))
            return best
        return default

    def _domain_regions(self, doc: Doc) -> dict[str, int]:
        """The countries the release's own web and e-mail addresses name by their domain, among
        those its language pack allows ("www.x.ie" in an English release)."""
        allowed = doc.lexicon.domain_regions
        counted: dict[str, int] = {}
        if not allowed:
            return counted
        for match in _DOMAIN_END.finditer(doc.text):
            region = match.group(1).upper()
            if region in allowed and self._usable(doc, match.start()):
                counted[region] = counted.get(region, 0) + 1
        return counted

    @staticmethod
    def _not_a_phone(doc: Doc, text: str, match: Any) -> bool:
        """Dates, amounts and registry numbers that happen to look like phone numbers."""
        raw = match.raw_string
        if _DATE_LIKE.match(raw):
            return True
        if not raw.lstrip("( ").startswith("+") and len(re.sub(r"\D", "", raw)) < _MIN_NATIONAL_DIGITS:
            return True
        before = text[max(0, match.start - 24):match.start].lower()
        words = re.findall(r"[\w.]+", before)
        cues = doc.lexicon.not_phone_before
        # "freephone number 1800 …", "tel. nr 601 …": the number word belongs to a phone label
        labelled = len(words) > 1 and any(label in words[-2] for label in _phone_labels())
        if words and not labelled and (words[-1] in cues or (len(words) > 1 and words[-2] in cues
                                                             and words[-1] in (":", "nr"))):
            return True
        after = text[match.end:match.end + 12].lower()
        return bool(_not_phone_after().match(after))


@cache
def _obfuscated_dot() -> re.Pattern[str]:
    """"." or a bracketed word for it: "[dot]", "(kropka)"."""
    words = "|".join(re.escape(word) for word in sorted(everywhere().email_dot))
    return re.compile(rf"\s*(?:\.|[(\[{{]\s*(?:{words})\s*[)\]}}])\s*")


@cache
def _obfuscated_at() -> re.Pattern[str]:
    """The bracketed "at" of a hidden e-mail, looked for before the whole address (speed)."""
    at = "|".join(re.escape(word) for word in sorted(everywhere().email_at))
    return re.compile(rf"[(\[{{]\s*(?:{at})\s*[)\]}}]", re.IGNORECASE)


@cache
def _obfuscated_email() -> re.Pattern[str]:
    """"name(at)domain.de", "name [at] domain [dot] pl": the word for "at" in brackets."""
    at = "|".join(re.escape(word) for word in sorted(everywhere().email_at))
    dot = _obfuscated_dot().pattern
    return re.compile(
        rf"(?<![\w.+-])(?P<local>[\w+-]+(?:\.[\w+-]+)*)\s*[(\[{{]\s*(?:{at})\s*[)\]}}]\s*"
        rf"(?P<domain>[\w-]+(?:{dot}[\w-]+)*(?:{dot}(?:{_TLDS})))(?![\w-])", re.IGNORECASE)


@cache
def _labelled_number() -> re.Pattern[str]:
    """A number after a phone label ("tel.: 012/ 4451 203", "tel./fax (0-32) 445 12 03"), for
    the forms the phone matcher rejects."""
    labels = "|".join(re.escape(label) for label in sorted(_phone_labels(), key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{labels}))[\w.]*(?:\s*/\s*(?i:{labels})[\w.]*)*\s*:?\s*"
                      r"(?P<number>\(?0[\d \t\u00a0()/.-]{7,}\d)")


@cache
def _phone_labels() -> tuple[str, ...]:
    return tuple(sorted({label for code in lang.available() for label in lang.get(code).boilerplate.phone_labels}))


# "07621/410-1213, -2183 oder -5030": other extensions of the same number, after a comma, a slash or
# a short word
_ALTERNATIVE_ENDING = re.compile(r"[^\S\n]*(?:,|/|\w{1,5})[^\S\n]*[-–](\d{2,5})(?!\d)")


def _number_alternatives(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The numbers written as other endings after a phone number ("0761/410-1213, -2183")."""
    alternatives = []
    for _start, end, number in found:
        position = end
        while match := _ALTERNATIVE_ENDING.match(text, position):
            ending = match.group(1)
            alternatives.append((match.start(1), match.end(1), number[:-len(ending)] + ending))
            position = match.end()
    return alternatives


# A run of digits that may be a phone number the region's matcher did not take: "(202) 478-4665".
_NUMBER_RUN = re.compile(r"(?<![\w+])\(?\d[\d \u00a0().-]{8,}\d(?!\d)")


def _valid_number(raw: str, region: str) -> str | None:
    """E.164 of `raw` read in `region`, when it is a valid number there."""
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _old_national_number(raw: str, region: str) -> str | None:
    """E.164 of a national number written with a trunk "0" its country no longer dials
    ("012/ 445 12 03" for Kraków's "12 445 12 03"), or None when it is no valid number."""

    digits = re.sub(r"\D", "", raw)
    return _valid_number(digits, region) or _valid_number(digits[1:], region)


@cache
def _not_phone_after() -> re.Pattern[str]:
    """Currencies, units and counts after a number ("48 mln zł", "120 km"), in every language."""
    words = "|".join(re.escape(word) for word in sorted(everywhere().not_phone_after))
    return re.compile(rf"\s*(?:{words})")


def _strip_trailing(value: str) -> str:
    while value and value[-1] in _TRAILING:
        if value[-1] == ")" and value.count("(") >= value.count(")"):
            break
        value = value[:-1]
    return value


def _url_key(value: str) -> str:
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value.casefold())
    return key.removeprefix("www.").rstrip("/")
