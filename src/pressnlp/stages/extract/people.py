"""People a release quotes or names as its contact, with role and organisation.

Three places name them: quote attributions ("– mówi Kamila Okoń z Departamentu …", "said Dr
Jane Doe, CEO of X", "říká prof. Ing. Martin Veselý"), attributing phrases before a name
("według Kamili Okoń", "according to …"), and the press-contact block. Polish names are put in
the nominative with Morfeusz ("Kamili Okoń" -> "Kamila Okoń"); titles stay out of names.
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import SurnameRules, analyse_pl, nominative_person
from pressnlp.stages.extract.lexicon import all_org_heads, lexicon
from pressnlp.stages.extract.organisations import OrganisationFinder, OrgMention
from pressnlp.stages.extract.text import Doc, Token

log = logging.getLogger(__name__)

# Lower-case particles inside names: "Marieke van Dijk", "Ursula von der Leyen".
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "del", "della", "du", "le", "la",
                        "ten", "ter", "bin", "al", "dos", "das", "y"})
# A quotation closes (or a dash opens the attribution) right before the verb, perhaps with an
# auxiliary in between: "” – mówi", "," said", "», ha afirmado", "», a déclaré".
_QUOTE_OR_DASH = re.compile(r"[”\"»“'’,–—-]\s*(?:\w{1,4}\s+){0,2}$")
_TAIL_STOP = re.compile(r"\s(?:who|which|że|który|która|które|którzy|kde|který|která|що|qui|que|der|die|das)\s"
                        r"|[\n„“\"«»(]|\s[–—]\s|(?i:\btel\b|\be-?mail\b|\bmobile?\b|\bkom\b|\bphone\b)")
_TRAILING_LINKS = re.compile(r"(?:[\s,]+(?:at|of|in|for|from|w|we|z|ze|na|ds\.?|de|du|des|der|des|"
                             r"bei|von|vom|ve|v|z|у|в|з|із|del|de la))+\s*$", re.IGNORECASE)
_MAX_NAME_WORDS = 4


@dataclass
class Person:
    name: str
    start: int
    end: int
    source: str  # "quote", "attribution", "contact"
    role: str | None = None
    organisation: str | None = None
    organisation_spans: list[tuple[int, int]] = field(default_factory=list)


@cache
def surname_rules() -> SurnameRules:
    """Oblique surname endings for names Morfeusz does not know (lang/pl/names.toml)."""
    table = tomllib.loads(resources.files("pressnlp.lang").joinpath("pl/names.toml").read_text("utf-8"))
    endings = table.get("surname_endings", {})

    def pairs(gender: str) -> tuple[tuple[str, str], ...]:
        rows = endings.get(gender, {})
        return tuple(sorted(rows.items(), key=lambda item: len(item[0]), reverse=True))

    return SurnameRules(feminine=pairs("feminine"), masculine=pairs("masculine"))


def find_people(doc: Doc, finder: OrganisationFinder) -> list[Person]:
    """Every distinct person quoted or given as a contact, in order of first mention."""
    cached = doc.cache.get("people")
    if cached is None:
        cached = doc.cache["people"] = _PeopleFinder(doc, finder).run()
    return cached


class _PeopleFinder:
    def __init__(self, doc: Doc, finder: OrganisationFinder):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = doc.lexicon
        self.en = lexicon("en")
        self.organisations = [m for m in finder.find(doc) if m.kind in ("name", "gazetteer")]
        self.acronyms = [m for m in finder.find(doc) if m.kind == "acronym"]
        self._in_organisations = {token.start for m in self.organisations
                                  for token in doc.tokens[doc.token_index(m.start):doc.token_index(m.end)]}
        self.verbs = self.lex.attribution_verbs | self.en.attribution_verbs
        self.titles = {t.rstrip(".") for t in self.lex.titles | self.en.titles}
        self.role_words = self.lex.not_names | self.en.not_names
        self.heads = all_org_heads()
        self.people: list[Person] = []

    def run(self) -> list[Person]:
        self.contact_block_people()
        self.attributions()
        self.attributing_phrases()
        return _merge(sorted(self.people, key=lambda p: p.start))

    # --- names --------------------------------------------------------------------------------
    def name_at(self, index: int, limit: int = 8) -> tuple[int, int] | None:
        """The first personal name starting within `limit` tokens of `index`: (first, last)
        token indexes. Titles, role words and acronyms before it are skipped."""
        tokens = self.tokens
        i = index
        stop = min(len(tokens), index + limit)
        while i < stop:
            token = tokens[i]
            if token.text in ".,:" and i > index and tokens[i - 1].text.rstrip(".") in self.titles:
                i += 1
                continue
            if self._is_name_word(token):
                run = self._name_run(i)
                if run:
                    return run
            if token.text in ("\n",) or token.text in '„“"«»()':
                return None
            i += 1
        return None

    def _is_name_word(self, token: Token) -> bool:
        if not token.is_word or not token.is_capitalised or token.is_acronym:
            return False
        if any(ch.isdigit() for ch in token.text):
            return False
        if token.text.rstrip(".") in self.titles or self._is_role_word(token):
            return False
        return True

    def _is_role_word(self, token: Token) -> bool:
        parts = re.split(r"[-–]", token.text)
        return all(part in self.role_words for part in parts if part)

    def _name_run(self, first: int) -> tuple[int, int] | None:
        tokens = self.tokens
        run = [first]
        j = first + 1
        while j < len(tokens) and len(run) < _MAX_NAME_WORDS + 2:
            gap = self.text[tokens[j - 1].end:tokens[j].start]
            if gap not in (" ", "\u00a0"):
                break
            token = tokens[j]
            if self._is_organisation_word(token):
                break
            if self._is_name_word(token):
                run.append(j)
            elif token.text in _PARTICLES and j + 1 < len(tokens) and self._is_name_word(tokens[j + 1]):
                run.append(j)
            else:
                break
            j += 1
        words = [i for i in run if tokens[i].text not in _PARTICLES]
        if len(words) < 2 or self._is_organisation_word(tokens[first]):
            return None
        opening = tokens[run[0]].text
        if self.doc.language == "pl" and not (_is_given_name(opening) or not analyse_pl(opening)):
            # Polish names start with a given name (or a foreign word): not "Śląskiego Komendanta"
            given = [i for i in run if _is_given_name(tokens[i].text)]
            if not given:
                return None
        # Words before the first given name that Morfeusz knows as something else are not part
        # of the name: "prezes firmy Iwona Dziedzic", "Katowic Marcin Krupa".
        given = [i for i in run if _is_given_name(tokens[i].text)]
        if given and given[0] != run[0]:
            leading = run[:run.index(given[0])]
            if all(analyse_pl(tokens[i].text) for i in leading):
                run = run[run.index(given[0]):]
        if len([i for i in run if tokens[i].text not in _PARTICLES]) < 2:
            return None
        return run[0], run[min(len(run), _MAX_NAME_WORDS) - 1]

    def _is_organisation_word(self, token: Token) -> bool:
        """Inside an organisation's name, or an organisation head word itself ("Agencja")."""
        if token.start in self._in_organisations:
            return True
        return bool(lemmas(token.text, self.doc.language) & self.heads)

    def person(self, first: int, last: int, source: str, *, oblique: bool = False) -> Person:
        tokens = self.tokens
        words = [tokens[i].text for i in range(first, last + 1)]
        if self.doc.language == "pl" or oblique:
            words = nominative_person(words, surname_rules()) if _is_polish_name(words) else words
        name = " ".join(words)
        return Person(name=name, start=tokens[first].start, end=tokens[last].end, source=source)

    # --- where names are ------------------------------------------------------------------------
    def attributions(self) -> None:
        for i, token in enumerate(self.tokens):
            if not token.is_word or token.is_capitalised and not self._sentence_start(token):
                continue
            if not (lemmas(token.text, self.doc.language) | {token.text.lower()}) & self.verbs:
                continue
            if self.doc.in_boilerplate(token.start):
                continue
            before = self.text[max(0, token.start - 14):token.start]
            after_quote = bool(_QUOTE_OR_DASH.search(before))
            found = self.name_at(i + 1)
            if found and (after_quote or self._sentence_start(token) or self._after_as(i)):
                person = self.person(*found, source="quote")
                between = self.text[token.end:person.start].strip()
                self.describe(person, found[1], prefix=between if after_quote else "", tail=after_quote)
                self.people.append(person)
            elif after_quote or self._quote_before_name(i):
                found = self.name_before(i)
                if found:
                    person = self.person(*found, source="quote")
                    self.describe(person, found[1], prefix="", tail=True, stop=token.start)
                    self.people.append(person)

    def _sentence_start(self, token: Token) -> bool:
        return token.start in self.doc.sentence_starts

    def _after_as(self, index: int) -> bool:
        """"Jak podkreśla X", "As X said": a verb right after a sentence-initial 'as'."""
        previous = [t for t in self.tokens[max(0, index - 2):index] if t.is_word]
        return bool(previous) and previous[-1].text.lower() in ("jak", "as", "wie", "comme", "como", "jak") \
            and self._sentence_start(previous[-1])

    def _quote_before_name(self, index: int) -> bool:
        """'…”, Jane Doe, CEO of X, said.': a quote closes shortly before the verb."""
        sentence_start, _ = self.doc.sentence_of(self.tokens[index].start)
        window = self.text[max(sentence_start, self.tokens[index].start - 120):self.tokens[index].start]
        return bool(re.search(r"[”\"»]\s*[,–—-]", window))

    def name_before(self, index: int) -> tuple[int, int] | None:
        """The name closing the clause before a verb: "Jane Doe said", "Jane Doe, CEO, said"."""
        j = index - 1
        while j >= 0 and not self.tokens[j].is_word and self.tokens[j].text not in '”"»':
            j -= 1
        # skip a role phrase set off by commas
        k = j
        while k >= 0 and self.tokens[k].text not in '”"»\n' and index - k < 25:
            if self.tokens[k].text == "," and k + 1 < index:
                candidate = self._name_ending_at(k - 1)
                if candidate:
                    return candidate
            k -= 1
        return self._name_ending_at(j)

    def _name_ending_at(self, last: int) -> tuple[int, int] | None:
        if last < 1 or not self._is_name_word(self.tokens[last]):
            return None
        first = last
        while first - 1 >= 0 and last - first < _MAX_NAME_WORDS - 1 and (
                self._is_name_word(self.tokens[first - 1]) or self.tokens[first - 1].text in _PARTICLES):
            if self.text[self.tokens[first - 1].end:self.tokens[first].start] != " ":
                break
            first -= 1
        run = self._name_run(first)
        return run if run and run[1] == last else None

    def attributing_phrases(self) -> None:
        """"według Kamili Okoń", "zdaniem Agaty Lipińskiej", "according to Dr Jane Doe"."""
        phrases = self.lex.attribution_before + self.en.attribution_before
        first_words = {phrase[0] for phrase in phrases}
        words = [t for t in self.tokens if t.is_word]
        for i, word in enumerate(words):
            if word.text.lower() not in first_words:
                continue
            for phrase in phrases:
                if [w.text.lower() for w in words[i:i + len(phrase)]] != list(phrase):
                    continue
                index = self.doc.token_index(words[i + len(phrase) - 1].end)
                found = self.name_at(index, limit=4)
                if found:
                    person = self.person(*found, source="attribution", oblique=True)
                    self.describe(person, found[1], prefix="", tail=True, links_only=True)
                    self.people.append(person)

    def contact_block_people(self) -> None:
        block = self.doc.contact_block
        if not block:
            return
        start, end = block
        lines = [(s, e) for s, e in self.doc.lines if start <= s < end]
        for n, (line_start, line_end) in enumerate(lines):
            line = self.text[line_start:line_end]
            offset = line_start
            if n == 0:
                colon = line.find(":")
                if colon < 0 or not line[colon + 1:].strip():
                    continue
                offset = line_start + colon + 1
            if "@" in self.text[offset:line_end] and " " not in self.text[offset:line_end].strip():
                continue
            found = self._name_in_line(offset, line_end)
            if not found:
                continue
            person = self.person(*found, source="contact")
            rest = self.text[person.end:line_end]
            if rest.strip(" ,;"):
                self.describe(person, found[1], prefix="", tail=True, stop=line_end)
            following = [self.text[s:e].strip() for s, e in lines[n + 1:n + 3]]
            self._role_from_lines(person, following, lines[n + 1:n + 3])
            self.people.append(person)

    def _name_in_line(self, offset: int, line_end: int) -> tuple[int, int] | None:
        """A name at the start of a contact line, after titles ("mł. bryg. Kamil Duda") or after
        an organisation and a colon ("University of Edinburgh: Rachel Dunlop, …")."""
        starts = [offset]
        colon = self.text.find(":", offset, min(line_end, offset + 80))
        if colon > 0:
            starts.append(colon + 1)
        for start in starts:
            found = self.name_at(self.doc.token_index(start), limit=8)
            if found and self.tokens[found[0]].start <= start + 40 and self.tokens[found[1]].end <= line_end:
                return found
        return None

    def _role_from_lines(self, person: Person, following: list[str], spans: list[tuple[int, int]]) -> None:
        """'Joanna Pawlik / rzeczniczka prasowa / Górnośląsko-Zagłębiowska Metropolia'."""
        for text, (start, end) in zip(following, spans, strict=False):
            if not text or re.search(r"@|\d{3}|www\.|https?:", text):
                break
            organisation = self._organisation_in(start, end)
            if organisation and person.organisation is None:
                person.organisation = organisation.name
                person.organisation_spans.append((organisation.start, organisation.end))
            elif person.role is None and text[:1].islower():
                person.role = text.rstrip(" ,.")

    # --- role and organisation ------------------------------------------------------------------
    def describe(self, person: Person, last: int, *, prefix: str, tail: bool, stop: int | None = None,
                 links_only: bool = False) -> None:
        """Role and organisation from the words around the name: "prezes firmy Iwona Dziedzic",
        "Kamila Okoń z Departamentu …", "Hannah Oduya, Communications Officer, GMCA".
        `links_only`: only an affiliation ("z …", "from …") follows the name, not a role after a
        comma ("Według Jana Nowaka z ARP, …" goes on with what he said)."""
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
        cut = _TAIL_STOP.search(raw)
        if cut:
            raw = raw[:cut.start()]
        raw = raw.rstrip(" .,;:")
        if not raw.strip(" ,"):
            return
        text = raw.lstrip(" ,")
        tail_start = end_of_name + (len(raw) - len(text))
        first_word = text.split(" ", 1)[0].lower()
        linked = first_word in (self.lex.affiliation_links | self.en.affiliation_links)
        if not linked and (links_only or not raw.startswith(",")):
            return
        if any(text.startswith(t) for t in ("Ph.D", "PhD", "CSc", "MBA")):
            text = text.split(",", 1)[1].lstrip() if "," in text else ""
            tail_start = end_of_name + len(raw) - len(text)
        organisation = self._organisation_in(tail_start, tail_start + len(text))
        if organisation is None and not links_only:
            acronym = self._acronym_in(tail_start, tail_start + len(text))
            if acronym:  # "rzeczniczka prasowa WPT"
                person.role = person.role or (_TRAILING_LINKS.sub("", self.text[tail_start:acronym.start]).strip(" ,")
                                              or None)
                person.organisation = acronym.name
                return
        if organisation:
            role_text = self.text[tail_start:organisation.start]
            role_text = _TRAILING_LINKS.sub("", role_text).strip(" ,")
            if role_text.lower() in (self.lex.affiliation_links | self.en.affiliation_links):
                role_text = ""
            person.role = person.role or (role_text or None)
            person.organisation = organisation.name
            person.organisation_spans.append((organisation.start, organisation.end))
        elif text and first_word not in (self.lex.affiliation_links | self.en.affiliation_links):
            person.role = person.role or text

    def _acronym_in(self, start: int, end: int) -> OrgMention | None:
        """The last acronym at the end of a role: "rzeczniczka prasowa WPT"."""
        inside = [m for m in self.acronyms if start <= m.start and m.end <= end and not self.text[m.end:end].strip()]
        return inside[-1] if inside else None

    def _organisation_in(self, start: int, end: int) -> OrgMention | None:
        """The longest organisation mention inside [start, end), or the whole text there when it
        is a capitalised name no rule recognised ("Thales UK")."""
        inside = [m for m in self.organisations if start <= m.start and m.end <= end]
        if inside:
            return max(inside, key=lambda m: (m.kind == "name", m.end - m.start))
        return None


def _is_given_name(word: str) -> bool:
    return any("imię" in r.labels for r in analyse_pl(word))


def _is_polish_name(words: list[str]) -> bool:
    return bool(words) and _is_given_name(words[0])


def _merge(people: list[Person]) -> list[Person]:
    """One person per name; later mentions fill in a missing role or organisation."""
    merged: dict[str, Person] = {}
    for person in people:
        key = normalise(person.name)
        known = merged.get(key) or _same_surname(person, merged)
        if known is None:
            merged[key] = person
            continue
        known.role = known.role or person.role
        known.organisation = known.organisation or person.organisation
        known.organisation_spans.extend(person.organisation_spans)
    return list(merged.values())


def _same_surname(person: Person, merged: dict[str, Person]) -> Person | None:
    """'Jakub Wojtkowiak' and 'Jakuba Wojtkowiaka' normalised differently only when the
    nominative could not be found; match on the given name's first letters and surname stem."""
    words = person.name.split()
    for other in merged.values():
        other_words = other.name.split()
        if len(other_words) == len(words) and all(
                _stem(a) == _stem(b) for a, b in zip(words, other_words, strict=True)):
            return other
    return None


def _stem(word: str) -> str:
    return word[:max(3, len(word) - 3)].lower()
