"""Where a release names people: quote attributions ("– mówi Kamila Okoń z Departamentu …",
"said Dr Jane Doe, CEO of X", "říká prof. Ing. Martin Veselý"), attributing phrases before a
name ("według Kamili Okoń", "according to …"), and the press-contact block."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from pressnlp.lang.morphology import lemmas
from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.organisations import OrganisationFinder
from pressnlp.stages.extract.organisations.words import is_given_name
from pressnlp.stages.extract.people.names import PersonalNames
from pressnlp.stages.extract.people.person import Person, merge_people
from pressnlp.stages.extract.people.roles import RoleReader
from pressnlp.stages.extract.text import Doc, Token, per_word, words_of

# A quotation closes (or a dash opens the attribution) right before the verb, perhaps with an
# auxiliary in between: "” – mówi", "," said", "», ha afirmado", "», a déclaré".
_QUOTE_OR_DASH = re.compile(r"[”\"»“'’,–—-]\s*(?:\w{1,4}\s+){0,2}$")
_QUOTE_OR_DASH_INSIDE = re.compile(r"[”\"»“„«]|\s[–—-]\s")
_DETAIL_IN_LINE = re.compile(r"@|\d{3}")
# A colon that opens a quotation, on its line or at the start of one of the next two.
_COLON_BEFORE_QUOTE = re.compile(r":[^\S\n]*(?:\n[^\S\n]*){0,2}[„“\"«»‚]")
# Most tokens of a function set off after a name before its verb ("Anna Nowak, zastępca dyrektora
# Departamentu Edukacji i Wydawnictw NBP omówiła"), and what no such function holds.
_MAX_APPOSITION_TOKENS = 14
_APPOSITION_STOPS = frozenset('.;:!?„“”"«»()')
# Most tokens between "oraz z" and the next name, a function and its office included ("oraz z
# koordynatorką budżetu w Urzędzie Miasta X Danutą Y").
_MAX_JOINED_TOKENS = 10
# Dashes between the parts of a guest's line in a media invitation.
_DASHES = re.compile(r"\s+[–—-]\s+")
# Fewest words of a quotation after a colon: fewer are a title or a slogan.
_MIN_QUOTE_WORDS = 6


# An e-mail address or a phone number (nine digits or more: not a span of years, "2021-2027").
_DETAIL = re.compile(r"[\w.+-]+@[\w-]+\.|(?<![\w+(])\+?\(?\d(?:[ \u00a0()/.-]{0,2}\d){8,}(?!\d)")


@cache
def _lead_in() -> re.Pattern[str]:
    """What may stand between a name and its e-mail or phone: a comma, a bracket, a dash, "at", a
    contact label ("Jan Nowak, tel. 600 100 200", "Jane Roe at 555-123-4567")."""
    labels = "|".join(re.escape(label) for label in sorted(everywhere().contact_labels, key=len, reverse=True))
    return re.compile(rf"[^\S\n]*[,(:–—-]?[^\S\n]*(?i:at[^\S\n]+)?(?:(?i:{labels})[.:]*[^\S\n]*)?\Z")


class PeopleFinder:
    """Finds the people of one Doc (`run`)."""

    def __init__(self, doc: Doc, finder: OrganisationFinder):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = doc.lexicon
        self.en = lexicon("en")
        organisations = [m for m in finder.find(doc) if m.kind in ("name", "gazetteer")]
        acronyms = [m for m in finder.find(doc) if m.kind == "acronym"]
        self.names = PersonalNames(doc, organisations)
        self.roles = RoleReader(doc, self.names.titles, organisations, acronyms)
        self.verbs = self.lex.attribution_verbs | self.en.attribution_verbs
        self.split_verbs: dict[str, set[str]] = {}
        for verb, *particle in self.lex.attribution_split:
            self.split_verbs.setdefault(verb, set()).add(" ".join(particle))
        self.attribution_as = everywhere().attribution_as
        self.clause_openers = self.lex.clause_openers | self.en.clause_openers
        self.coordinators = self.lex.coordinators | self.en.coordinators
        self.people: list[Person] = []

    def run(self) -> list[Person]:
        self.contact_block_people()
        self.signatures()
        self.name_lines()
        self.names_with_details()
        self.attributions()
        self.attributing_phrases()
        self.introduced_quotes()
        people = [self._spelt_out(person) for person in self.people
                  if len(words_of(person.name)) >= 2 and not self._credited(person)]
        for person in people:
            if person.role and re.search(r"\d", person.role):
                person.role = None  # an address or a phone number read as a role: "ul. Długa 5"
        return merge_people(sorted(people, key=lambda p: p.start))

    def _credited(self, person: Person) -> bool:
        """A name given as a credit ("Foto: Anna Nowak", "Dodane przez:" above "Jan Nowak"), with no
        function on its line ("Autor: Jan Novák, tiskový mluvčí" is a contact)."""
        starts = [start for start, _ in self.doc.lines]
        n = bisect_right(starts, person.start) - 1
        if n < 0:
            return False
        line_start, line_end = self.doc.lines[n]
        before = [word for word in self.text[line_start:person.start].split()
                  if word.rstrip(".") not in self.names.titles]
        if before:
            label = " ".join(before).rstrip(" :").lower()
        elif n > 0:
            label = self.text[slice(*self.doc.lines[n - 1])].strip().rstrip(" :").lower()
        else:
            return False
        labels = everywhere().credit_labels
        if label not in labels and label.rstrip(".") not in labels and label + "." not in labels:
            return False
        return not any(self.names.is_function(word.strip(",.;:()")) for word in self.text[person.end:line_end].split())

    def _spelt_out(self, person: Person) -> Person:
        """"J. Nováková" as the full name the release gives elsewhere ("Jana Nováková"); a full name
        in another case than the initialled one ("podle Jany Novákové") is put in the nominative."""
        first = self.doc.token_index(person.start)
        if not self.names.is_initial(first):
            return person
        last = self.doc.token_index(person.end) - 1
        found = self.names.full_name_of_initial(first, last)
        if found is None:
            return person
        oblique = self.tokens[found[1]].text != self.tokens[last].text
        person.name = self.names.person(*found, source=person.source, oblique=oblique).name
        return person

    def signatures(self) -> None:
        """A name alone on its line with a function line or contact details under it, anywhere in
        the release: "Anna Nowak" / "Rzecznik Prasowy" / "Urząd Miasta X", "Anna Nowak" / "tel. …";
        also "Anna Nowak, Press Officer", "Ing. Jan Novák starosta"."""
        lines = self.doc.lines
        for n, (line_start, line_end) in enumerate(lines):
            if self.doc.in_contact_block(line_start) or self.doc.in_boilerplate(line_start):
                continue
            found = self._name_opening_line(line_start, line_end)
            if not found:
                continue
            rest = self.text[self.tokens[found[1]].end:line_end].strip()
            if rest and not self._function_after(rest):
                continue  # "Anna Nowak, rzecznik prasowa" is a signature; a sentence is not
            following = lines[n + 1:n + 3]
            above = self.text[slice(*lines[n - 1])] if n else ""
            function_below = bool(following) and self._is_function(self.text[slice(*following[0])])
            # "REKTOR" / "prof. dr hab. Jan Nowak": a letter signed under the function
            function_above = n > 0 and self._is_function(above) and len(above.split()) <= 4
            # "Piotr Nowak" / "tel. 91 424 51 77": a name line over contact details
            details_below = bool(following) and bool(_DETAIL.search(self.text, *following[0]))
            if not rest and not (function_below or function_above or details_below):
                continue
            person = self.names.person(*found, source="contact")
            if rest:
                parts = _DASHES.split(rest.lstrip(", –—-"))
                person.role = next(part for part in parts if self._is_function(part)).rstrip(" ,.;")
                if len(parts) > 1:
                    start = self.tokens[found[1]].end
                    organisation = self.roles.organisation_in(start, line_end)
                    person.organisation = organisation.name if organisation else None
            elif function_above and not function_below:
                person.role = above.strip()
                following = []
            self.roles.role_from_lines(person, [self.text[s:e].strip() for s, e in following], following)
            if person.role is None and following and not details_below:
                person.role = self.text[slice(*following[0])].strip().rstrip(" ,.;")
            self.people.append(person)

    def _function_after(self, rest: str) -> bool:
        """What follows a name on a signature line: a function after a comma ("Anna Nowak, rzecznik
        prasowa") or a short one without ("Jan Novák starosta"), or parts after dashes one of which
        is a function, as a media invitation lists its guests ("Jan Novák – Fotbalová asociace –
        předseda")."""
        if len(rest.split()) > 12 or rest[-1] in ".!?,;":
            return False
        if rest[0].isalpha():  # "Ing. Jan Novák starosta": a short function with no comma
            return len(rest.split()) <= 3 and self._is_function(rest)
        if rest.startswith(","):
            return len(rest.split()) <= 8 and self._is_function(rest.lstrip(", "))
        return rest[0] in "–—-" and any(self._is_function(part) for part in _DASHES.split(rest.lstrip("–—- ")))

    def _name_opening_line(self, line_start: int, line_end: int) -> tuple[int, int] | None:
        """A name opening its line, after titles or a short label at most, and ending on it (not one
        on a later line after the titles: "REKTOR" above "prof. dr hab. Jan Nowak")."""
        found = self.names.name_at(self.doc.token_index(line_start), limit=6)
        if not found or self.tokens[found[1]].end > line_end or self._line_before(found[0], line_start):
            return None
        return found

    def _line_before(self, first: int, line_start: int, *, contact: bool = False) -> bool:
        """Anything but titles, or a short label and a colon, between the line's start and the name
        ("dr hab. Anna Nowak", "Autor: Jan Novák"). On a `contact` line, also lower-case words
        (ranks: "mł. bryg. Kamil Duda") and an organisation set off by a comma ("Pressestelle X,
        Anna Muster")."""
        before = self.text[line_start:self.tokens[first].start]
        label, colon, titles = before.rpartition(":")
        if colon and len(label.split()) <= 2 and label.strip():
            before = titles
        if contact and before.rstrip().endswith(","):
            return False
        return any(word.rstrip(".,") not in self.names.titles and not self.names.is_function(word.rstrip(".,"))
                   for word in before.split() if any(ch.isalpha() for ch in word) and not (contact and word.islower()))

    def _is_function(self, line: str) -> bool:
        """A short line whose first words include a function word ("Rzecznik Prasowy", "Press
        Officer", "tisková mluvčí")."""
        words = [word.lower().strip(",.;:") for word in line.split()]
        return 0 < len(words) <= 10 and any(word in everywhere().functions for word in words[:4])

    def names_with_details(self) -> None:
        """A name followed by an e-mail address or a phone number: "an Anna Muster,
        anna.muster@x.de, 0651 12-3456", "call Jane Roe at 555-123-4567", "Jan Nowak, tel. 600 100 200"."""
        for line_start, line_end in self.doc.lines:
            if not _DETAIL_IN_LINE.search(self.text, line_start, line_end) or self.doc.in_boilerplate(line_start):
                continue
            for detail in _DETAIL.finditer(self.text, line_start, line_end):
                lead_in = _lead_in().search(self.text, line_start, detail.start())
                last = self.doc.token_index(lead_in.start() if lead_in else detail.start()) - 1
                found = self.names.name_ending_at(last) if last > 0 else None
                if found and self.tokens[found[0]].start >= line_start and self._whole_name(found):
                    self.people.append(self.names.person(*found, source="contact"))

    def _whole_name(self, found: tuple[int, int]) -> bool:
        """Not the tail of a longer capitalised name ("Park Naukowo-Technologiczny Gdynia"); in
        Polish, opening with a given name or an initial."""
        first = found[0]
        polish = self.doc.language == "pl"
        if polish and is_given_name(self.tokens[first].text) and not is_given_name(self.tokens[first - 1].text):
            return True  # "Biuro Prasowe Urzędu Marszałkowskiego Magdalena Chmiel tel. …" on one line
        if first > 0 and self.tokens[first - 1].is_capitalised and \
                self.text[self.tokens[first - 1].end:self.tokens[first].start] in (" ", "\u00a0"):
            return False
        return not polish or self.names.is_initial(first)

    def name_lines(self) -> None:
        """"Anna Smith: „We are pleased…”": a name, a colon and a quotation at the start of a line;
        in Polish, where names open with a given name, any statement after the colon."""
        for line_start, line_end in self.doc.lines:
            if self.doc.in_boilerplate(line_start):
                continue
            found = self._name_opening_line(line_start, line_end)
            if not found:
                continue
            after = self.text[self.tokens[found[1]].end:line_end]
            role, colon, said = after.partition(":")
            # "Anna Muster:" or "Anna Muster, Leiterin des Amtes:"
            if not colon or role and not (role.startswith(",") and len(role.split()) <= 6
                                          and any(self.names.is_function(word.strip(",.")) for word in role.split())):
                continue
            said = said.strip()
            quoted = said[:1] in "„“\"«»‚'–—-"
            polish = self.doc.language == "pl" and is_given_name(self.tokens[found[0]].text)
            if not (quoted or polish and len(said.split()) >= 3):
                continue
            self.people.append(self.names.person(*found, source="quote"))

    @per_word
    def _is_attribution_verb(self, token: Token) -> bool:
        """A verb of saying in any form ("mówi", "said"), asked of every lower-case word."""
        return bool((lemmas(token.text, self.doc.language) | {token.text.lower()}) & self.verbs)

    def _split_verb(self, index: int) -> bool:
        """A verb of saying whose particle comes later in its sentence: "„…“, stellt Prof. X fest."."""
        particles = self.split_verbs.get(self.tokens[index].text.lower())
        if not particles:
            return False
        _, sentence_end = self.doc.sentence_of(self.tokens[index].start)
        rest = self.text[self.tokens[index].end:sentence_end]
        return any(re.search(rf"(?<!\w){re.escape(particle)}(?!\w)", rest) for particle in particles)

    def attributions(self) -> None:
        """A verb of saying with the speaker after it ("– mówi Kamila Okoń") or before it ("Jane
        Doe said")."""
        names, roles = self.names, self.roles
        for i, token in enumerate(self.tokens):
            if not token.is_word or token.is_capitalised and not self._sentence_start(token):
                continue
            if not self._is_attribution_verb(token) and not self._split_verb(i):
                continue
            if self.doc.in_boilerplate(token.start):
                continue
            before = self.text[max(0, token.start - 14):token.start]
            after_quote = bool(_QUOTE_OR_DASH.search(before))
            found = names.name_at(i + 1) or self._surname_after(i)
            if found and _QUOTE_OR_DASH_INSIDE.search(self.text[token.end:self.tokens[found[0]].start]):
                continue  # "– Cieszymy się – mówi Anna Nowak": the verb is in the quotation
            closing = bool(found) and not after_quote and self._closing_subject(i, found)
            if found and (after_quote or closing or self._sentence_start(token) or self._after_as(i)):
                person = names.person(*found, source="quote")
                between = self.text[token.end:person.start].strip()
                # no role from another sentence, where a surname alone was spelt out ("sagt Brandt.")
                roles.describe(person, found[1], prefix=between if after_quote or closing else "",
                               tail=after_quote and found[0] > i)
                self.people.append(person)
            else:
                if after_quote or self._quote_before_name(i):
                    found = names.name_before(i) or self._function_speaker(i)  # "…” – powiedział burmistrz."
                else:
                    found = self._speaker_before(i)
                    for other in self._coordinated(found):  # "Jan Nowak i Anna Kowalska podkreślili"
                        self.people.append(names.person(*other, source="quote"))
                    found = found or self._function_speaker(i)
                if found:
                    person = names.person(*found, source="quote")
                    # not a full name found in another sentence for "Ms Doe"
                    if self.doc.sentence_of(token.start)[0] <= self.tokens[found[0]].start < token.start:
                        roles.describe(person, found[1], prefix="", tail=True, stop=token.start)
                    self.people.append(person)

    def _closing_subject(self, index: int, found: tuple[int, int]) -> bool:
        """"… o tom informovala hovorkyňa mesta X Jana Nováková.": the speaker after the verb and its
        function (or right after the verb), the name closing the sentence; in Polish, in the
        nominative (not "podziękował prezesowi Janowi Nowakowi.")."""
        tokens = self.tokens
        end = found[1] + 1
        if end < len(tokens) and tokens[end].text not in ".!?" or not self._nominative(found):
            return False
        k = index + 1
        while k < found[0] and (tokens[k].text.rstrip(".") in self.names.titles or tokens[k].text == "."):
            k += 1
        return k == found[0] or self.names.is_function(tokens[k].text)

    def _surname_after(self, index: int) -> tuple[int, int] | None:
        """"…", sagt Hollstein.", "…," said Dr. Meisen.": a surname alone after the verb, perhaps
        after a title, closing the sentence or clause, perhaps before the particle of a separable
        verb ("…“, fügt Prof. Brandt hinzu.")."""
        tokens = self.tokens
        surname = index + 1
        while surname < len(tokens) and (tokens[surname].text.rstrip(".") in self.names.titles
                                         or tokens[surname].text == "." and surname > index + 1):
            surname += 1
        closing = surname + 1
        if closing + 1 < len(tokens) and tokens[closing].is_word and tokens[closing].text.islower():
            closing += 1
        if closing >= len(tokens) or tokens[closing].text not in ".,;":
            return None
        return self.names.titled_surname(surname, titled=False)

    def _speaker_before(self, index: int) -> tuple[int, int] | None:
        """The speaker right before the verb, when a comma, a colon or "that" follows the verb
        ("Jan Kowalski podkreślił, że …", "Eva Schmidt betonte: …") or the name opens its sentence,
        after at most a function ("Prezes Jan Nowak przedstawił plany …")."""
        if index + 1 >= len(self.tokens) or index < 1:
            return None
        if self.text[self.tokens[index - 1].end:self.tokens[index].start] not in (" ", "\u00a0"):
            return None
        relative = self._relative_speaker(index) or self._appositive_speaker(index)
        if relative:
            return relative
        last = index - 1
        while last > 1 and self.tokens[last].is_acronym and self.tokens[last].text in self.names.titles:
            last -= 1  # honours after the name: "Mayor Ross Fowler OAM said"
        found = self.names.name_ending_at(last)
        if found and self.doc.language == "pl" and self._nominative(found):
            return found  # "prof. Anna Nowak zaprezentowała plany": a name in the nominative is the subject
        in_place = found is not None
        # the first of names joined by "and": "Die Landräte Jan Nowak und Max Muster gratulierten"
        mention = ([found] + self._coordinated(found))[-1][0] if found else last
        found = found or self.names.titled_surname(last)  # "Prof. Łodygowski podkreślił"
        if found is None:
            return None
        following = self.tokens[index + 1]
        if following.text in ",:" or following.text.lower() in self.clause_openers:
            return found
        sentence_start, _ = self.doc.sentence_of(self.tokens[mention].start)
        before = self.text[sentence_start:self.tokens[mention].start].split()
        functions = everywhere().functions
        # the sentence's first word is capitalised whatever it is: "Generálny riaditeľ agentúry X Jan Novák"
        leading = all(self._function_word(word.rstrip(".,"), functions) or word.rstrip(".") in self.names.titles
                      or word[:1].islower() or word.isupper() for word in before[1:])
        if len(before) <= 5 and leading and (not in_place or self._nominative(found)):
            return found
        return None

    def _function_word(self, word: str, functions: frozenset[str]) -> bool:
        """A function in any form: "Landräte", "rektorzy"."""
        return word.lower() in functions or bool(lemmas(word, self.doc.language) & functions)

    def _function_speaker(self, index: int) -> tuple[int, int] | None:
        """"Minister zwróciła uwagę …", "The Rector of X University emphasizes": a function for the
        speaker, standing for the person the release names with it; of several, the one whose
        function is followed by the same capitalised words."""
        function = self._function_before(index) or self._function_following(index)
        if function is None:
            return None
        return self._named_with(function, {token.text for token in self.tokens[function + 1:index]
                                           if token.is_capitalised})

    def _named_with(self, function: int, reference: set[str]) -> tuple[int, int] | None:
        """The one person the release names after another mention of the function at token
        `function`; of several, the one whose function is followed by more of the `reference` words."""
        tokens, language = self.tokens, self.doc.language
        forms = lemmas(tokens[function].text, language) | {tokens[function].text.lower()}
        prefix = tokens[function].text[:3].lower()  # a cheap test before the lemmas
        scored: dict[str, tuple[int, tuple[int, int]]] = {}
        for j, token in enumerate(tokens):
            if j == function or not token.text[:3].lower() == prefix \
                    or not forms & (lemmas(token.text, language) | {token.text.lower()}):
                continue
            found = self.names.name_at(j + 1, limit=12)
            if found:
                shared = len({t.text for t in tokens[j + 1:found[0]] if t.is_capitalised} & reference)
                name = self.names.person(*found, source="quote").name
                scored[name] = max(scored.get(name, (shared, found)), (shared, found))
        ranked = sorted(scored.values(), reverse=True)
        if not ranked or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None
        return ranked[0][1]

    def _function_following(self, index: int) -> int | None:
        """A function right after the verb, perhaps after an article, closing the clause: "…” –
        powiedział burmistrz.", "…," said the mayor."""
        tokens = self.tokens
        k = index + 1
        if k < len(tokens) and tokens[k].text.lower() in everywhere().articles:
            k += 1
        if k + 1 < len(tokens) and self.names.is_function(tokens[k].text) and tokens[k + 1].text in ".,;":
            return k
        return None

    def _function_before(self, index: int) -> int | None:
        """A capitalised function word shortly before the verb in its sentence, no name between."""
        tokens = self.tokens
        sentence_start = self.doc.sentence_of(tokens[index].start)[0]
        for k in range(index - 1, max(-1, index - 1 - _MAX_APPOSITION_TOKENS), -1):
            if tokens[k].start < sentence_start or self.names.is_name_word(tokens[k]) and self.names.name_ending_at(k):
                return None
            if tokens[k].is_capitalised and self.names.is_function(tokens[k].text):
                return k
        return None

    def _coordinated(self, found: tuple[int, int] | None) -> list[tuple[int, int]]:
        """The names joined to a speaker's by "i", "and", "a" before it, perhaps with the speaker's
        function or title after the conjunction: "Prezesów Leszka Pileckiego i Witolda Karczewskiego,
        którzy przedstawili …", "Rektor Jan Nowak oraz Wójt Anna Kowalska podkreślali"."""
        others: list[tuple[int, int]] = []
        while found:
            k = found[0] - 1
            while k > 0 and (self.names.is_function(self.tokens[k].text)
                             or self.tokens[k].text.rstrip(".") in self.names.titles
                             or self.tokens[k].text == "." and self.tokens[k - 1].text in self.names.titles):
                k -= 1
            if k < 1 or self.tokens[k].text.lower() not in self.coordinators:
                break
            found = self.names.name_ending_at(k - 1)
            if found:
                others.append(found)
        return others

    def _appositive_speaker(self, index: int) -> tuple[int, int] | None:
        """"Anna Nowak, zastępca dyrektora Departamentu X omówiła …": the name before a comma and a
        function that run up to the verb, in the verb's sentence."""
        tokens = self.tokens
        sentence_start = self.doc.sentence_of(tokens[index].start)[0]
        k = index - 1
        while k > 1 and index - k <= _MAX_APPOSITION_TOKENS and tokens[k].start >= sentence_start:
            if tokens[k].text in _APPOSITION_STOPS or tokens[k].text.lower() in self.clause_openers:
                return None
            if tokens[k].text == "," and self.names.is_function(tokens[k + 1].text):
                found = self.names.name_ending_at(k - 1)
                return found if found and self._nominative(found) else None
            k -= 1
        return None

    def _nominative(self, found: tuple[int, int]) -> bool:
        """In Polish, a name written as its nominative ("Anna Nowak", not "Annie Nowak")."""
        if self.doc.language != "pl":
            return True
        person = self.names.person(*found, source="quote")
        return person.name == self.text[person.start:person.end]

    def _relative_speaker(self, index: int) -> tuple[int, int] | None:
        """"Marek Nowak, który zapewnił, że …", "Jane Doe, who said …": the name right before a comma
        and the relative pronoun that opens the clause of the verb of saying."""
        tokens = self.tokens
        if index < 3 or tokens[index - 1].text.lower() not in self.clause_openers or tokens[index - 2].text != ",":
            return None
        return self.names.name_ending_at(index - 3) or self.names.titled_surname(index - 3)

    def _sentence_start(self, token: Token) -> bool:
        return token.start in self.doc.sentence_starts

    def _after_as(self, index: int) -> bool:
        """"Jak podkreśla X", "As X said": a verb right after a sentence-initial 'as'."""
        previous = [t for t in self.tokens[max(0, index - 2):index] if t.is_word]
        return bool(previous) and previous[-1].text.lower() in self.attribution_as \
            and self._sentence_start(previous[-1])

    def _quote_before_name(self, index: int) -> bool:
        """'…”, Jane Doe, CEO of X, said.', '…,” Jane Doe told': a quote closes shortly before the verb
        (its comma outside the quotation marks, or inside them as in American usage)."""
        sentence_start, _ = self.doc.sentence_of(self.tokens[index].start)
        window = self.text[max(sentence_start, self.tokens[index].start - 120):self.tokens[index].start]
        return bool(re.search(r"[”\"»]\s*[,–—-]|,[”\"»]", window))

    def introduced_quotes(self) -> None:
        """A clause that names one person and ends in a colon before a quotation: "Auch OB Zenker
        freut sich: „…”", "Professor Jane Doe, Vice-Chancellor, welcomed the funding: "…"", "Na
        jeho slová nadviazal rektor Marek Šmid: „…”"."""
        for colon in _COLON_BEFORE_QUOTE.finditer(self.text):
            if self.doc.in_boilerplate(colon.start()):
                continue
            quote_end = self.text.find("\n", colon.end())
            if len(self.text[colon.end():quote_end if quote_end > 0 else None].split()) < _MIN_QUOTE_WORDS:
                continue  # a title or a slogan, not a statement
            line_start = self.text.rfind("\n", 0, colon.start()) + 1
            closed_quote = max(self.text.rfind(mark, line_start, colon.start()) for mark in "”“\"»")
            clause_start = max(line_start, closed_quote + 1,
                               self.doc.sentence_of(max(line_start, colon.start() - 1))[0])
            end = self.doc.token_index(colon.start())
            found = set(self.names.names_in(self.doc.token_index(clause_start), end))
            if len(found) > 1:  # "Stefan Auer z Wirtschaftsagentur Wien:": the one opening with a given name
                found = {name for name in found if self.names.opens_with_given_name(name[0])}
            if len(found) != 1:
                continue
            first, last = found.pop()
            person = self.names.person(first, last, source="quote")
            after = self.text[person.end:colon.start()].lstrip(" ,").split(" ", 1)[0].strip(",.").rpartition("-")[2]
            if clause_start <= person.start < colon.start() and self.names.is_function(after):
                # "Jane Hill, Vice-Chancellor of X, welcomed …:", not "Anna Muster, sieht in …:"
                self.roles.describe(person, last, prefix="", tail=True, stop=colon.start())
            self.people.append(person)

    def attributing_phrases(self) -> None:
        """"według Kamili Okoń", "zdaniem Agaty Lipińskiej", "according to Dr Jane Doe", "laut Degenhart"."""
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
                # "laut Degenhart": a surname alone, for the full name the release gives elsewhere
                found = self.names.name_at(index, limit=6) or self.names.titled_surname(index, titled=False)
                if found is None:
                    found = self._function_after_phrase(index)
                    if found:
                        self.people.append(self.names.person(*found, source="attribution"))
                    continue
                while found:
                    person = self.names.person(*found, source="attribution", oblique=True)
                    self.roles.describe(person, found[1], prefix="", tail=True, links_only=True)
                    self.people.append(person)
                    # names joined to this one, where the phrase names it (not where a surname alone
                    # was spelt out from: "so Ruge" after "Manfred Ruge und der Rektor …")
                    found = self._joined_name(found[1] + 1, phrase[-1]) if found[0] >= index else None

    def _function_after_phrase(self, index: int) -> tuple[int, int] | None:
        """"zdaniem burmistrza …", "according to the mayor, …", "nach Aussage des Präsidenten der
        Hochschule": a function after the phrase, for the person the release names with it."""
        tokens = self.tokens
        if index < len(tokens) and tokens[index].text.lower() in everywhere().articles:
            index += 1
        if index >= len(tokens) or not self._function_word(tokens[index].text, everywhere().functions):
            return None
        reference = set()
        for token in tokens[index + 1:index + 1 + _MAX_APPOSITION_TOKENS]:
            if token.text in _APPOSITION_STOPS or token.text == ",":
                break
            if token.is_capitalised:
                reference.add(token.text)
        return self._named_with(index, reference)

    def _joined_name(self, index: int, preposition: str) -> tuple[int, int] | None:
        """A name joined to the one before by "i", "oraz", "and", perhaps with the phrase's preposition
        again: "porozmawiać z dyrektor Ewą Mrozek oraz z prezesem Janem Wiśniewskim"."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index].text.lower() not in self.coordinators:
            return None
        index += 1 + (tokens[index + 1].text.lower() == preposition)
        return self.names.name_at(index, limit=_MAX_JOINED_TOKENS) if index < len(tokens) else None

    def contact_block_people(self) -> None:
        """A name at the start of a line of the press-contact block, its role and organisation
        on the same line or the next two."""
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
            organisation = self.roles.organisation_in(offset, line_end)
            after = self.text[self.tokens[found[1]].end:line_end].split(maxsplit=1)
            linked = bool(after) and after[0].lower() in self.roles.links  # "Jane Roe of X Communications, Inc."
            if organisation and organisation.start <= self.tokens[found[0]].start < organisation.end and not linked:
                continue  # the start of an organisation's name: "Stern Investor Relations, Inc."
            person = self.names.person(*found, source="contact")
            rest = self.text[person.end:line_end]
            if rest.strip(" ,;"):
                self.roles.describe(person, found[1], prefix="", tail=True, stop=line_end)
            following = [self.text[s:e].strip() for s, e in lines[n + 1:n + 3]]
            self.roles.role_from_lines(person, following, lines[n + 1:n + 3])
            self.people.append(person)

    def _name_in_line(self, offset: int, line_end: int) -> tuple[int, int] | None:
        """A name at the start of a contact line, after titles ("mł. bryg. Kamil Duda") or after
        an organisation and a colon ("University of Edinburgh: Rachel Dunlop, …")."""
        starts = [offset]
        colon = self.text.find(":", offset, min(line_end, offset + 80))
        if colon > 0:
            starts.append(colon + 1)
        for start in starts:
            found = self.names.name_at(self.doc.token_index(start), limit=8)
            if found and self.tokens[found[0]].start <= start + 40 and self.tokens[found[1]].end <= line_end \
                    and not self._line_before(found[0], start, contact=True):
                return found
        return None
