"""A person's role and organisation, read from the words around their name: "prezes firmy
Iwona Dziedzic", "Kamila Okoń z Departamentu …", "Hannah Oduya, Communications Officer, GMCA",
and the lines after a name in a contact block."""
from __future__ import annotations

import re
from functools import cache

from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.organisations import OrgMention
from pressnlp.stages.extract.people.person import Person
from pressnlp.stages.extract.text import Doc


class RoleReader:
    """Fills in the role and organisation of people named in one Doc."""

    def __init__(self, doc: Doc, titles: set[str], organisations: list[OrgMention], acronyms: list[OrgMention]):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.titles = titles
        self.links = doc.lexicon.affiliation_links | lexicon("en").affiliation_links
        self.organisations = organisations
        self.acronyms = acronyms

    def describe(self, person: Person, last: int, *, prefix: str, tail: bool, stop: int | None = None,
                 links_only: bool = False) -> None:
        """Role and organisation from the words between the verb and the name (`prefix`) and, with
        `tail`, after the name (up to `stop`). `links_only`: only an affiliation ("z …", "from …")
        follows the name, not a role after a comma ("Według Jana Nowaka z ARP, …" goes on with
        what he said)."""
        # words between the verb and the name, titles left out: "prezes firmy" in "mówi prezes
        # firmy Iwona Dziedzic"; "dr hab. inż." is no role
        prefix = " ".join(w for w in prefix.split() if w.rstrip(".") not in self.titles).strip(" ,")
        if prefix and prefix[:1].islower() and len(prefix) < 80:
            person.role = prefix
        if not tail:
            return
        end_of_name = self.tokens[last].end
        sentence_start, sentence_end = self.doc.sentence_of(end_of_name - 1)
        limit = min(sentence_end, stop) if stop and stop > end_of_name else sentence_end
        raw = self.text[end_of_name:limit]
        cut = _tail_stop().search(raw)
        if cut:
            raw = raw[:cut.start()]
        raw = raw.rstrip(" .,;:")
        if not raw.strip(" ,"):
            return
        text = raw.lstrip(" ,")
        tail_start = end_of_name + (len(raw) - len(text))
        first_word = text.split(" ", 1)[0].lower()
        linked = first_word in self.links
        if not linked and (links_only or not raw.startswith(",")):
            return
        if text.startswith(_degrees()):
            text = text.split(",", 1)[1].lstrip() if "," in text else ""
            tail_start = end_of_name + len(raw) - len(text)
        organisation = self.organisation_in(tail_start, tail_start + len(text))
        if organisation is None and not links_only:
            acronym = self._acronym_in(tail_start, tail_start + len(text))
            if acronym:  # "rzeczniczka prasowa WPT"
                person.role = person.role or (_trailing_links().sub("", self.text[tail_start:acronym.start]).strip(" ,")
                                              or None)
                person.organisation = acronym.name
                return
        if organisation:
            role_text = self.text[tail_start:organisation.start]
            role_text = _trailing_links().sub("", role_text).strip(" ,")
            if role_text.lower() in self.links:
                role_text = ""
            person.role = person.role or (role_text or None)
            person.organisation = organisation.name
            person.organisation_spans.append((organisation.start, organisation.end))
        elif text and first_word not in self.links:
            person.role = person.role or text

    def role_from_lines(self, person: Person, following: list[str], spans: list[tuple[int, int]]) -> None:
        """'Joanna Pawlik / rzeczniczka prasowa / Górnośląsko-Zagłębiowska Metropolia'."""
        for text, (start, end) in zip(following, spans, strict=False):
            if not text or re.search(r"@|\d{3}|www\.|https?:", text):
                break
            organisation = self.organisation_in(start, end)
            if organisation and person.organisation is None:
                person.organisation = organisation.name
                person.organisation_spans.append((organisation.start, organisation.end))
            elif person.role is None and text[:1].islower():
                person.role = text.rstrip(" ,.")

    def organisation_in(self, start: int, end: int) -> OrgMention | None:
        """The longest organisation mention inside [start, end), names before gazetteer matches."""
        inside = [m for m in self.organisations if start <= m.start and m.end <= end]
        if inside:
            return max(inside, key=lambda m: (m.kind == "name", m.end - m.start))
        return None

    def _acronym_in(self, start: int, end: int) -> OrgMention | None:
        """The last acronym at the end of a role: "rzeczniczka prasowa WPT"."""
        inside = [m for m in self.acronyms if start <= m.start and m.end <= end and not self.text[m.end:end].strip()]
        return inside[-1] if inside else None


@cache
def _trailing_links() -> re.Pattern[str]:
    """Links at the end of a role, before its organisation: "Communications Officer at", "prezes
    ds.", "Vice-Chancellor of the"; every language's, as roles are quoted across languages."""
    words = everywhere()
    links = words.affiliation_links | words.locative_prepositions | words.role_links | words.articles
    alternatives = "|".join(re.escape(link.removesuffix(".")) + (r"\.?" if link.endswith(".") else "")
                            for link in sorted(links))
    return re.compile(rf"(?:[\s,]+(?:{alternatives}))+\s*$", re.IGNORECASE)


@cache
def _tail_stop() -> re.Pattern[str]:
    """Where a role read after a name ends: a clause ("X, który…"), a line break or an opening
    quote or bracket, a dash between spaces, a contact label ("tel.")."""
    words = everywhere()
    clause = "|".join(re.escape(word) for word in sorted(words.clause_openers))
    labels = "|".join(re.escape(word) for word in sorted(words.contact_labels))
    return re.compile(rf"\s(?:{clause})\s|[\n„“\"«»(]|\s[–—]\s|(?i:\b(?:{labels})\b)")


@cache
def _degrees() -> tuple[str, ...]:
    """Degrees after a name, without their final dot ("Ph.D" matches "Ph.D.," too)."""
    return tuple(sorted({degree.rstrip(".") for degree in everywhere().degrees}))
