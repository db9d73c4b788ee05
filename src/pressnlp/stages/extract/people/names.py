"""Personal names in a release: runs of capitalised words that are no titles, role words or
organisation words, in Polish opening with a given name; put in the nominative with Morfeusz
("Kamili Okoń" -> "Kamila Okoń")."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from pressnlp import lang
from pressnlp.lang.morphology import lemmas
from pressnlp.lang.pl.morphology import SurnameRules, analyse_pl, nominative_person
from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.organisations import OrgMention
from pressnlp.stages.extract.organisations.words import is_given_name
from pressnlp.stages.extract.people.person import Person
from pressnlp.stages.extract.text import Doc, Token, is_initial, per_word

MAX_NAME_WORDS = 4
# Most words of abbreviated titles and ranks between a verb and a name ("mł. bryg.", "dr hab. inż.").
_MAX_TITLE_WORDS = 3


@cache
def surname_rules() -> SurnameRules:
    """Oblique surname endings for names Morfeusz does not know (lang/pl/names.toml)."""
    table = lang.get("pl").toml("names.toml")
    endings = table.get("surname_endings", {})

    def pairs(gender: str) -> tuple[tuple[str, str], ...]:
        rows = endings.get(gender, {})
        return tuple(sorted(rows.items(), key=lambda item: len(item[0]), reverse=True))

    return SurnameRules(feminine=pairs("feminine"), masculine=pairs("masculine"))


class PersonalNames:
    """Finds names among the tokens of one Doc, as (first, last) token indexes."""

    def __init__(self, doc: Doc, organisations: list[OrgMention]):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        lex, en = doc.lexicon, lexicon("en")
        self.titles = {t.rstrip(".") for t in lex.titles | en.titles}
        self.role_words = lex.not_names | en.not_names
        self.particles = everywhere().name_particles
        # an article is a particle only after another one: "von der Leyen", never "Unterzeichnung der X"
        self.article_particles = self.particles & lex.articles
        self.not_person_words = everywhere().not_person_words | everywhere().function_words
        pack = lang.find(doc.language)
        self.stopwords = (pack.stopwords if pack else frozenset()) | lang.get("en").stopwords
        self.heads = everywhere().org_heads
        self.given_names = everywhere().given_names
        self._in_organisations = {token.start for m in organisations for token in self._organisation_tokens(m)}

    def _organisation_tokens(self, mention: OrgMention) -> list[Token]:
        """The tokens of an organisation mention from its last function word on: a mention that
        takes in a person and their function ("Landrat Gregor Huber", "Felix Brandauer
        Pressesprecher Technische Universität") leaves the person out."""
        tokens = self.tokens[self.doc.token_index(mention.start):self.doc.token_index(mention.end)]
        functions = everywhere().functions
        cut = max((n + 1 for n, token in enumerate(tokens) if token.text.lower() in functions), default=0)
        tokens = tokens[cut:]
        # a name closing the mention: "Slezské univerzity Pavel Tuleja"; not a patron's after "im."
        given = next((n for n, token in enumerate(tokens)
                      if n > 0 and len(tokens[n - 1].text) > 3 and self._is_given(token)), len(tokens))
        if len(tokens) - given >= 2 and all(token.is_capitalised for token in tokens[given:]):
            tokens = tokens[:given]
        return tokens

    def opens_with_given_name(self, first: int) -> bool:
        """A name whose first token is a given name or an initial."""
        return self._is_given(self.tokens[first]) or self.is_initial(first)

    def _is_given(self, token: Token) -> bool:
        """A given name: Polish ones through Morfeusz, others from the packs' given_names.txt."""
        return is_given_name(token.text) or self.doc.language != "pl" and token.text.lower() in self.given_names

    def name_at(self, index: int, limit: int = 8) -> tuple[int, int] | None:
        """The first personal name starting within `limit` tokens of `index`: (first, last)
        token indexes. Titles, role words and acronyms before it are skipped; titles and their
        dots do not count towards `limit` ("prof. dr. hab. inż. Piotr Nowak" is as near as "Piotr
        Nowak")."""
        tokens = self.tokens
        i = index
        stop = min(len(tokens), index + limit)
        while i < stop:
            token = tokens[i]
            if token.text in ".,:" and i > index and tokens[i - 1].text.rstrip(".") in self.titles:
                i += 1
                stop = min(len(tokens), stop + 1)
                continue
            if token.text.rstrip(".") in self.titles:
                stop = min(len(tokens), stop + 1)
            if self.is_name_word(token):
                run = self._name_run(i)
                if run:
                    return run
            if token.text in '„“"«»()!?;' or token.text == "." and self._ends_sentence(index, i):
                return None  # the name is not in this sentence
            i += 1
        return None

    def _ends_sentence(self, index: int, dot: int) -> bool:
        """A dot after ordinary words ("said the team. Director X"), not the dot of an abbreviated
        rank or title ("mówi mł. bryg. Kamil Duda"): those are a few words and no function words."""
        words = [token.text for token in self.tokens[index:dot] if token.is_word]
        return len(words) > _MAX_TITLE_WORDS or any(
            word.lower() in self.stopwords or word[0].isupper() and word not in self.titles for word in words)

    def names_in(self, first: int, end: int) -> list[tuple[int, int]]:
        """Every name among tokens [first, end): full names, and surnames after a title or a function
        that stand for a full name the release gives ("OB Zenker", "Dr. Meisen")."""
        found: list[tuple[int, int]] = []
        i = first
        while i < end:
            run = self._name_run(i) if self.is_name_word(self.tokens[i]) else None
            if run and run[1] < end:
                found.append(run)
                i = run[1] + 1
                continue
            surname = self.titled_surname(i) if self.is_name_word(self.tokens[i]) else None
            if surname:
                found.append(surname)
            i += 1
        return found

    def name_before(self, index: int) -> tuple[int, int] | None:
        """The name closing the clause before a verb: "Jane Doe said", "Jane Doe, CEO, said"."""
        tokens = self.tokens
        j = index - 1
        while j >= 0 and not tokens[j].is_word and tokens[j].text not in '”"»':
            j -= 1
        # skip a role phrase set off by commas, in the verb's sentence
        sentence_start = self.doc.sentence_of(tokens[index].start)[0]
        k = j
        while k >= 0 and tokens[k].text not in '”"»\n' and index - k < 25 and tokens[k].start >= sentence_start:
            if tokens[k].text == "," and k + 1 < index:
                candidate = self.name_ending_at(k - 1) or self.titled_surname(k - 1)
                if candidate:
                    return candidate
            k -= 1
        return self.name_ending_at(j) or self.titled_surname(j)

    def full_name_of_initial(self, first: int, last: int) -> tuple[int, int] | None:
        """The full name elsewhere in the release that "J. Nováková" abbreviates: the same surname
        after a given name with that initial."""
        tokens = self.tokens
        initial, surname = tokens[first].text, tokens[last].text
        for k, token in enumerate(tokens):
            if k != last and token.is_capitalised and _same_surname(token.text, surname):
                found = self.name_ending_at(k)
                if found and found[0] < k and not self.is_initial(found[0]) \
                        and tokens[found[0]].text.startswith(initial):
                    return found
        return None

    def titled_surname(self, last: int, *, titled: bool = True) -> tuple[int, int] | None:
        """The full name of a surname after a title or a function ("Ms Besarovic", "Prof. Łodygowski",
        "Prezes Nowak"), or alone
        right after a verb of saying (`titled` false: "sagt Hollstein."): a name elsewhere in the
        release that ends with that surname (in Polish, in any case)."""
        tokens = self.tokens
        if last < 1 or not self.is_name_word(tokens[last]):
            return None
        title = last - 2 if tokens[last - 1].text == "." and last >= 2 else last - 1
        # a function stands for a title: "Prezes Nowak poinformował" is the "Jan Nowak" named before
        if titled and tokens[title].text.rstrip(".") not in self.titles and not self.is_function(tokens[title].text):
            return None
        surname = tokens[last].text
        for k, token in enumerate(tokens):
            if k != last and token.is_capitalised and _same_surname(token.text, surname):
                found = self.name_ending_at(k)
                if found and found[0] < k:
                    return found
        return None

    def person(self, first: int, last: int, source: str, *, oblique: bool = False) -> Person:
        """The Person of a name's tokens; Polish names (and names after an attributing phrase,
        which are oblique) put in the nominative."""
        tokens = self.tokens
        words: list[str] = []
        for i in range(first, last + 1):
            if tokens[i].text == "." and words:  # the dot of an initial: "J."
                words[-1] += "."
            else:
                words.append(tokens[i].text)
        endings = dict(self.doc.lexicon.oblique_endings)
        if oblique and endings and len(words) >= 2:
            words = self._nominative_by_endings(words, endings)
        elif self.doc.language == "pl" or oblique:
            words = nominative_person(words, surname_rules()) if _is_polish_name(words) else words
        name = " ".join(words)
        return Person(name=name, start=tokens[first].start, end=tokens[last].end, source=source)

    def _nominative_by_endings(self, words: list[str], endings: dict[str, tuple[tuple[str, str], ...]]) -> list[str]:
        """"Radky Šustrové" -> "Radka Šustrová", "Jozefa Božika" -> "Jozef Božik": the surname by the
        first ending that fits (a feminine one decides the gender), given names by the ending that
        makes a known given name."""
        surname = words[-1]
        gender = "feminine" if _ending(surname, endings.get("feminine", ())) else "masculine"
        rules = endings.get(gender, ())
        fitting = _ending(surname, rules)
        if fitting:
            surname = surname[:len(surname) - len(fitting[0])] + fitting[1]
        given = []
        for word in words[:-1]:
            candidates = [word[:len(word) - len(old)] + new for old, new in rules + endings.get("given", ())
                          if word.endswith(old) and len(word) > len(old) + 1]
            given.append(next((c for c in candidates if c.lower() in self.given_names), word))
        return given + [surname]

    @per_word
    def is_name_word(self, token: Token) -> bool:
        if not token.is_word or not token.is_capitalised or token.is_acronym:
            return False
        if any(ch.isdigit() for ch in token.text):
            return False
        if token.text.rstrip(".") in self.titles or self._is_role_word(token):
            return False
        return token.text.lower() not in self.not_person_words

    def is_function(self, word: str) -> bool:
        """A function word, or a compound ending in one ("Energieministerin")."""
        word = word.lower()
        return word in everywhere().functions or self.doc.lexicon.compound_heads and _ends_with_function(word)

    def _is_role_word(self, token: Token) -> bool:
        parts = re.split(r"[-–]", token.text)
        if len(parts) > 1 and parts[-1].lower() in everywhere().functions:
            return True  # "LENA-Geschäftsführer"
        if self.doc.lexicon.compound_heads and _ends_with_function(token.text.lower()):
            return True  # "Energieministerin"
        if self.doc.language != "pl" and not self._is_given(token) and \
                lemmas(token.text, self.doc.language) - {token.text.lower()} & everywhere().functions:
            return True  # a function in another form: "Landräte", "Rektoren"
        return all(part in self.role_words for part in parts if part)

    def is_initial(self, index: int) -> bool:
        """"J." of "J. Nováková": one capital letter, a dot right after it, a name word after a space."""
        tokens = self.tokens
        return (index + 2 < len(tokens) and is_initial(tokens, index)
                and self.text[tokens[index + 1].end:tokens[index + 2].start] in (" ", "\u00a0")
                and self.is_name_word(tokens[index + 2]))

    def _name_run(self, first: int) -> tuple[int, int] | None:
        tokens = self.tokens
        run = [first]
        j = first + 1
        if self.is_initial(first):
            run, j = [first, first + 1], first + 2
        while j < len(tokens) and len(run) < MAX_NAME_WORDS + 2:
            gap = self.text[tokens[j - 1].end:tokens[j].start]
            if gap not in (" ", "\u00a0"):
                break
            token = tokens[j]
            if self.is_organisation_word(token):
                break
            if self.is_name_word(token):
                run.append(j)
            elif (token.text in self.particles and j + 1 < len(tokens) and self.is_name_word(tokens[j + 1])
                  and (token.text not in self.article_particles or tokens[run[-1]].text in self.particles)):
                run.append(j)
            else:
                break
            j += 1
        words = [i for i in run if tokens[i].text not in self.particles]
        if len(words) < 2 or self.is_organisation_word(tokens[first]):
            return None
        if self.is_initial(first):
            return (first, run[-1]) if len(run) <= MAX_NAME_WORDS else None
        opening = tokens[run[0]].text
        if self.doc.language == "pl" and not (is_given_name(opening) or not analyse_pl(opening)):
            # Polish names start with a given name (or a foreign word): not "Śląskiego Komendanta"
            given = [i for i in run if is_given_name(tokens[i].text)]
            if not given:
                return None
        # Words before the first given name that Morfeusz knows as something else are not part
        # of the name: "prezes firmy Iwona Dziedzic", "Katowic Marcin Krupa"; in other languages,
        # words before a given name of the packs' lists that are none: "VÚC Košice Zdenko Trebuľa".
        given = [i for i in run if is_given_name(tokens[i].text)]
        if given and given[0] != run[0]:
            leading = run[:run.index(given[0])]
            if all(analyse_pl(tokens[i].text) for i in leading):
                run = run[run.index(given[0]):]
        elif not given and self.doc.language != "pl" and not self._is_given(tokens[run[0]]):
            listed = [i for i in run[1:-1] if self._is_given(tokens[i])]  # a surname after it ("Keir Martin" stays)
            if listed:
                run = run[run.index(listed[0]):]
        if len([i for i in run if tokens[i].text not in self.particles]) < 2:
            return None
        return run[0], run[min(len(run), MAX_NAME_WORDS) - 1]

    def is_organisation_word(self, token: Token) -> bool:
        """Inside an organisation's name, or an organisation head word itself ("Agencja")."""
        if token.start in self._in_organisations:
            return True
        return bool(lemmas(token.text, self.doc.language) & self.heads)

    def name_ending_at(self, last: int) -> tuple[int, int] | None:
        """The name whose last word is token `last`."""
        tokens = self.tokens
        if last < 1 or not self.is_name_word(tokens[last]):
            return None
        first = last
        while first - 1 >= 0 and last - first < MAX_NAME_WORDS - 1 and (
                self.is_name_word(tokens[first - 1]) or tokens[first - 1].text in self.particles):
            if self.text[tokens[first - 1].end:tokens[first].start] != " ":
                break
            first -= 1
        # the longest name ending at `last`: not from an organisation's word ("Miasta Adam Wiśniewski")
        for start in range(first, last):
            run = self._name_run(start)
            if run:
                return run if run[1] == last else None
        return None


@lru_cache(maxsize=20_000)
def _ends_with_function(word: str) -> bool:
    """A compound whose last part is a function ("Energieministerin", "Verbandsvorsteherin")."""
    return any(word.endswith(function) and len(word) > len(function) + 2
               for function in everywhere().functions if len(function) >= 6)


def _same_surname(one: str, other: str) -> bool:
    """Equal but for a case ending: "Łodygowskiego" and "Łodygowski", "Besarovic" and "Besarovic"."""
    shared = max(4, min(len(one), len(other)) - 2)
    return len(one) - len(other) <= 3 and len(other) - len(one) <= 3 and one[:shared].lower() == other[:shared].lower()


def _ending(word: str, rules: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The first (oblique ending, nominative ending) rule `word` ends with, leaving a stem of two
    letters or more."""
    return next((rule for rule in rules if word.endswith(rule[0]) and len(word) > len(rule[0]) + 1), None)


def _is_polish_name(words: list[str]) -> bool:
    return bool(words) and is_given_name(words[0])
