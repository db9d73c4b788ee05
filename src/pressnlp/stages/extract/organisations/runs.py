"""Runs of capitalised words (with connectors such as "i", "of", "de" between them), where most
organisation names are: "Urzędem Marszałkowskim Województwa Śląskiego", "University of Salford".
In sentence-case languages a run goes on in lower case up to its head noun."""
from __future__ import annotations

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma
from pressnlp.stages.extract.organisations.boundaries import NameBounds
from pressnlp.stages.extract.organisations.words import ROMAN_NUMERAL, NameWords, is_given_name
from pressnlp.stages.extract.text import Token


class CapitalisedRuns:
    """Finds the runs of one Doc, as lists of token indexes."""

    def __init__(self, words: NameWords, bounds: NameBounds):
        self.words = words
        self.bounds = bounds
        self.text = words.text
        self.tokens = words.tokens

    def runs(self) -> list[list[int]]:
        """Runs of capitalised tokens (token indexes), with connectors between them; a run stops
        before a legal form ("Sp. z o.o."), which the name's edges attach."""
        words = self.words
        runs: list[list[int]] = []
        current: list[int] = []
        tokens = self.tokens
        legal_forms = words.all.legal_forms
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not current and not token.is_capitalised:
                i += 1  # most tokens: no run to continue and no capital to start one
                continue
            joined = bool(current) and words.joins(tokens[current[-1]], token)
            connector = self._connector_length(i) if current and joined else 0
            inside = self._inside_name(current, i) if current and joined else 0
            if current and self.text.startswith(legal_forms, token.start) and self._legal_at(token.start):
                runs.append(current)
                current = []
            elif ((words.is_function(token) and not (joined and self._office_of_function(current, i))
                   and not self._function_in_name(current, i) and not (joined and self._office_title(current, i)))
                  or words.in_capitals_line(token) or ((current or words.lex.compound_heads) and self._document_at(i))
                  or token.text.lower() in words.all.contact_labels):  # "… Ostwalde Tel. 0351 …"
                if current:
                    runs.append(current)
                current = []
                i += self._function_title_length(i)
            elif inside:
                current.extend(range(i, i + inside))
                i += inside - 1
            elif words.name_word(token) and (not current or joined):
                current.append(i)
            elif connector and (self._new_name_after(i) or self._person_after_coordinator(current, i)):
                runs.append(current)
                current = []
            elif connector:
                current.extend(range(i, i + connector))
                i += connector - 1
            elif current and joined and (complement := self._complement_length(current, i)):
                current.extend(range(i, i + complement))
                i += complement - 1
            elif (current and joined and words.lex.sentence_case
                  and self._lowercase_name_part(current, i)):
                current.append(i)
            else:
                if current:
                    runs.append(current)
                current = [i] if words.name_word(token) else []
            i += 1
        if current:
            runs.append(current)
        return runs

    def _office_of_function(self, current: list[int], i: int) -> bool:
        """A function in the genitive after a head names an office, not a person: "Kancelaria
        Prezydenta RP", "Biuro Prasowe Kancelarii Prezesa Rady Ministrów" (Polish, where a
        function in the nominative, "Powiat X Starosta Jan Nowak", ends the name)."""
        if self.words.language != "pl" or not any(self.words.is_head(self.tokens[j]) for j in current):
            return False
        before = current[0] - 1
        if before >= 0 and self.words.is_function(self.tokens[before]):
            return False  # "Prezes Rady Ministrów Jan Nowak": a person's function, not an office
        readings = [r for r in analyse_pl(self.tokens[i].text) if r.pos == "subst"]
        return bool(readings) and all("nom" not in r.cases for r in readings) and any(
            "gen" in r.cases for r in readings)

    def _office_title(self, current: list[int], i: int) -> bool:
        """A function that ends the name of an office held by one person, a public body of its own
        (the pack's `office_titles`): "Kent Police and Crime Commissioner"."""
        if not current:
            return False
        before = " ".join(self.tokens[j].text.lower() for j in current)
        word = self.tokens[i].text.lower()
        return any(word == function and (before == words or before.endswith(f" {words}"))
                   for words, function in self.words.lex.office_titles)
    def _function_title_length(self, i: int) -> int:
        """Polish: capitalised adjectives after a function that agree with it and lead to no head are
        the function's ("Dyrektor Generalny PGE S.A.", "Sekretarza Generalnego Izby X"), no name's
        first word; "Dyrektora Wojewódzkiego Szpitala" opens the hospital's."""
        tokens = self.tokens
        words = self.words
        if words.language != "pl" or not tokens[i].is_capitalised:
            return 0
        function = {(r.cases, r.numbers) for r in analyse_pl(tokens[i].text) if r.pos == "subst"}
        taken = 0
        for j in range(i + 1, min(i + 3, len(tokens) - 1)):
            token = tokens[j]
            if not token.is_capitalised or words.is_head(token) or not words.joins(tokens[j - 1], token):
                break
            agreeing = any(r.pos == "adj" and any(r.cases & cases and r.numbers & numbers
                                                  for cases, numbers in function) for r in analyse_pl(token.text))
            if not agreeing:
                break
            following = tokens[j + 1]
            if words.is_head(following) or (following.is_capitalised and words.is_adjective(following)):
                break  # the adjective opens the name of a body: "Dyrektora Wojewódzkiego Szpitala"
            taken = j - i
        return taken

    def _document_at(self, i: int) -> bool:
        """A document's name next to an organisation's ("Politechniki Opolskiej List intencyjny",
        "Kooperationsvereinbarung FH und Stadt X"): a capitalised document word of the pack (a
        phrase's first word with the rest after it; where nouns compound, also a compound's last
        part). Polish, and languages whose nouns compound; in English "Agreement" ends names
        ("Paris Agreement") that the programme rules drop."""
        tokens = self.tokens
        token = tokens[i]
        language = self.words.language
        compounds = self.words.lex.compound_heads
        if not token.is_capitalised or not (language == "pl" or compounds):
            return False
        forms = lemmas(token.text, language) | {token.text.lower()}
        following = (lemmas(tokens[i + 1].text, language) | {tokens[i + 1].text.lower()}
                     if i + 1 < len(tokens) else set())
        for document in self.words.documents:
            first, _, rest = document.partition(" ")
            if (first in forms or (compounds and not rest and any(form.endswith(first) for form in forms))) and (
                    not rest or rest in following):
                return True
        return False

    def _person_after_coordinator(self, current: list[int], i: int) -> bool:
        """"… Zakładu X oraz Marka Nowaka": a given name and a surname after a coordinator are a
        person, unless the name is a patron's ("Fundacja im. Jana i Anny Nowaków")."""
        tokens = self.tokens
        if (tokens[i].text.lower() not in self.words.lex.coordinators or i + 2 >= len(tokens)
                or any(tokens[j].text == "im" for j in current)):
            return False
        following = tokens[i + 2]
        if not following.is_capitalised or self.words.is_head(following):
            return False
        return is_given_name(tokens[i + 1].text) or self._foreign_person(i + 1)

    def _foreign_person(self, first: int) -> bool:
        """Two capitalised words Morfeusz does not know, and nothing capitalised after them: a
        foreign person's name in a Polish release ("… Izby X oraz Lászlóa Qwertza – prezesa")."""
        tokens = self.tokens
        if self.words.language != "pl" or first + 2 > len(tokens):
            return False
        pair = tokens[first:first + 2]
        if any(t.is_acronym or not t.is_capitalised or analyse_pl(t.text) for t in pair):
            return False
        return first + 2 == len(tokens) or not tokens[first + 2].is_capitalised

    def _function_in_name(self, current: list[int], i: int) -> bool:
        """A function between two connectors belongs to a name: "Conference of Rectors of Polish
        Technical Universities", "Rada Rektorů …"."""
        tokens = self.tokens
        connectors = self.words.connectors
        return (bool(current) and tokens[current[-1]].text.lower() in connectors and i + 1 < len(tokens)
                and tokens[i + 1].text.lower() in connectors and self.words.joins(tokens[i], tokens[i + 1]))

    def _new_name_after(self, i: int) -> bool:
        """In sentence-case languages a capitalised word after a coordinator starts another name
        ("Trnavský samosprávny kraj a Technická univerzita", up to its head): inside a name, words
        after "a" are lower case ("Ministerstvo průmyslu a obchodu")."""
        tokens = self.tokens
        if not (self.words.lex.sentence_case and tokens[i].text.lower() in self.words.lex.coordinators
                and tokens[i + 1].is_capitalised):
            return False
        for j in range(i + 1, min(i + 5, len(tokens))):  # "sv. Cyrila a Metoda": no head, one name
            if j > i + 1 and not self.words.joins(tokens[j - 1], tokens[j]):
                return False
            if self.words.is_head(tokens[j]):
                return True
        return False

    def _inside_name(self, current: list[int], i: int) -> int:
        """Tokens at i that continue a name although they are no name words: an abbreviation
        ("Woj. Lubuskiego"), a number after a number mark ("Nr 2", "nr 2", "No. 5"), a spaced dash between
        the parts of a compound adjective ("Przemysłowo – Handlowa"), a regnal number ("Jana Pawła II"). 0 when none."""
        tokens = self.tokens
        words = self.words
        previous = tokens[current[-1]]
        if (f"{tokens[i].text}." in words.abbreviations and i + 2 < len(tokens) and tokens[i + 1].text == "."
                and tokens[i + 1].start == tokens[i].end and tokens[i + 2].is_capitalised
                and words.joins(tokens[i + 1], tokens[i + 2]) and previous.is_capitalised
                and not (not tokens[i].is_capitalised and self._territory_with_place(current))):
            return 2  # "Urząd Marszałkowski Woj. Lubuskiego"; "Gminą Zamość woj. lubelskie" says where it lies
        if tokens[i].text in words.number_marks and not tokens[i].is_capitalised and self._numbered(current):
            dotted = i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == tokens[i].end
            size = 3 if dotted else 2
            number = i + size - 1  # "Szkoła Podstawowa nr 2 w Opolu": a lower-case mark and its number
            found = number < len(tokens) and tokens[number].text.isdigit()
            return size if found and words.joins(tokens[number - 1], tokens[number]) else 0
        if (tokens[i].text == "." and previous.end == tokens[i].start and f"{previous.text}." in words.abbreviations
                and i + 1 < len(tokens) and tokens[i + 1].is_capitalised and words.joins(tokens[i], tokens[i + 1])):
            return 1  # "St. Mary’s Hospital": the abbreviation's full stop
        if previous.text in words.number_marks:
            size = 2 if tokens[i].text == "." and tokens[i].start == previous.end else 1
            number = i + size - 1
            found = number < len(tokens) and tokens[number].text.isdigit()
            return size if found and words.joins(tokens[number - 1], tokens[number]) else 0
        if ROMAN_NUMERAL.match(tokens[i].text) and previous.is_capitalised and not previous.is_acronym:
            return 1  # "im. Jana Pawła II w Zamościu"
        if tokens[i].text == "-" and previous.is_word and tokens[i].start == previous.end and i + 1 < len(tokens):
            following = tokens[i + 1].text.lower()
            if following == "," or following in words.all.coordinators:
                return 2 if following == "," else 1  # "Bundesinstitut für Bau-, Stadt- und Raumforschung"
        if (tokens[i].text == "/" and i + 1 < len(tokens) and previous.is_capitalised and tokens[i + 1].is_capitalised
                and previous.end == tokens[i].start and tokens[i].end == tokens[i + 1].start
                and any(words.is_head(tokens[j]) for j in current)):
            return 1  # "Hochschule Zittau/Görlitz": a name of two places
        if tokens[i].text == "(" and self._acronym_inside(i):
            return 3  # "Nottingham University Hospitals (NUH) NHS Trust"
        if tokens[i].text == "," and self._field_list(current, i):
            return 1
        if (tokens[i].text in "–—-" and previous.is_word and previous.text.endswith("o") and i + 1 < len(tokens)
                and tokens[i + 1].is_capitalised and words.joins(tokens[i], tokens[i + 1])
                and words.is_adjective(tokens[i + 1])):
            return 1
        if tokens[i].text in "–—" and previous.is_capitalised and self._legal_form_soon(i + 1):
            return 1  # "Chemeco – System Sp. z o.o.": a company's name with a dash in it
        return 0

    def _legal_form_soon(self, start: int) -> bool:
        """Whether up to three capitalised words from `start` lead to a legal form."""
        tokens = self.tokens
        for k in range(start, min(start + 3, len(tokens) - 1)):
            if not tokens[k].is_capitalised or not self.words.joins(tokens[k - 1], tokens[k]):
                return False
            following = tokens[k + 1].start
            if self.text.startswith(self.words.all.legal_forms, following) and self._legal_at(following):
                return True
        return False

    def _territory_with_place(self, current: list[int]) -> bool:
        """A territory's head followed by its place's name ("Gmina Zamość"): a whole name."""
        words = self.words
        territorial = words.lex.municipal | set(words.lex.territorial_levels)
        heads = [k for k, j in enumerate(current) if words.is_head(self.tokens[j])]
        return bool(heads) and heads[-1] < len(current) - 1 and \
            words.head_lemma(self.tokens[current[heads[-1]]]) in territorial

    def _numbered(self, current: list[int]) -> bool:
        """Whether a name so far may take a number: it has a head, and its last word is no
        territory ("Uchwała Rady Miasta nr 12" numbers the resolution)."""
        words = self.words
        last = self.tokens[current[-1]]
        territorial = words.lex.municipal | set(words.lex.territorial_levels)
        return (last.is_capitalised and any(words.is_head(self.tokens[j]) for j in current)
                and not (words.is_head(last) and words.head_lemma(last) in territorial))
    def _acronym_inside(self, i: int) -> bool:
        """A bracketed acronym inside a name whose head comes after it, where heads come last:
        "X University Hospitals (XUH) NHS Trust"."""
        tokens = self.tokens
        words = self.words
        if words.lex.head_initial or i + 4 >= len(tokens):
            return False
        acronym, closing, following = tokens[i + 1], tokens[i + 2], tokens[i + 3]
        return (acronym.is_acronym and closing.text == ")" and following.is_capitalised
                and words.joins(closing, following)
                and any(words.is_head(t) for t in tokens[i + 3:i + 6] if t.is_capitalised))

    def _field_list(self, current: list[int], i: int) -> bool:
        """A comma inside a name that lists a body's fields after one of the pack's `field_links`:
        "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen" (capitalised words and
        commas up to a coordinator and a last field)."""
        words = self.words
        tokens = self.tokens
        links = words.lex.field_links
        if not links or not any(tokens[j].text.lower() in links for j in current[1:]):
            return False
        for j in range(i + 1, min(i + 12, len(tokens))):
            token = tokens[j]
            if not words.joins(tokens[j - 1], token) and token.text != ",":
                return False
            if token.text.lower() in words.all.coordinators:
                return j + 1 < len(tokens) and words.name_word(tokens[j + 1]) and j > i + 1
            if not (words.name_word(token) or token.text in ",-"):
                return False
        return False

    def _legal_at(self, offset: int) -> bool:
        """Whether a legal form starts at `offset`, after a space."""
        return bool(offset) and self.text[offset - 1] == " " and self.bounds.legal_form_after(offset - 1) is not None

    def _connector_length(self, i: int) -> int:
        """Tokens taken by a connector at i ("i", "of", "ds" + ".", a phrase such as "na rzecz"), when a
        name word follows."""
        tokens = self.tokens
        token = tokens[i]
        for phrase in self.words.lex.connector_phrases:  # "Fundacja na rzecz Nauki Polskiej"
            size = len(phrase)
            after = i + size
            if (after < len(tokens) and tuple(t.text for t in tokens[i:after]) == phrase
                    and self.words.name_word(tokens[after]) and self.words.joins(tokens[after - 1], tokens[after])):
                return size
        if token.text.lower() not in self.words.connectors:
            return 0
        size = 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == token.end else 1
        after = i + size
        if size == 2 and after < len(tokens) and tokens[after].text.lower() in self.words.connectors:
            following = self._connector_length(after)  # abbreviations in a row: "im. św. Łukasza"
            return size + following if following == 2 else 0
        if (size == 2 and after + 2 < len(tokens) and tokens[after + 1].text == "."
                and f"{tokens[after].text.lower()}." in self.words.lex.titles
                and self.words.name_word(tokens[after + 2])):
            return size + 2  # a patron's title: "Szpital im. dr. Jana Nowaka", "Szkoła im. ks. Jana X"
        if size == 2 and after + 1 < len(tokens) and self._spelled_title(tokens[after], tokens[after + 1]):
            return size + 1  # "Szkoła im. rotmistrza Witolda Pileckiego", "im. kardynała Stefana X"
        if (after < len(tokens) and self.words.name_word(tokens[after])
                and self.words.joins(tokens[after - 1], tokens[after])
                and not self._medium_after(token, tokens[after])
                and not self._foreign_state_after(token, tokens[after])):
            return size
        return 0

    def _foreign_state_after(self, preposition: Token, word: Token) -> bool:
        """Polish: a foreign state after a locative preposition says where a body lies, no part of
        its name: "Powiat Dubieński w Ukrainie", "Uniwersytet w Preszowie na Słowacji"."""
        if self.words.language != "pl" or preposition.text.lower() not in self.words.lex.locative_prepositions:
            return False
        return any(clean_lemma(r.lemma) in self.words.lex.states for r in analyse_pl(word.text))

    def _spelled_title(self, word: Token, following: Token) -> bool:
        """Polish: a lower-case common noun in the genitive before a given name, after an abbreviated
        connector, is a patron's rank or title written out ("rotmistrza", "kardynała", "księdza")."""
        if self.words.language != "pl" or not word.is_word or word.is_capitalised:
            return False
        return (self.words.joins(word, following) and is_given_name(following.text)
                and any(r.pos == "subst" and "gen" in r.cases and "nazwa_pospolita" in r.labels
                        for r in analyse_pl(word.text)))

    def _medium_after(self, connector: Token, word: Token) -> bool:
        """Polish "na" before a word that is no place: "profil Collegium X na Facebooku" is where
        the name is shown, "Uniwersytet X na Śląsku" is part of the name."""
        if self.words.language != "pl" or connector.text.lower() != "na":
            return False
        readings = analyse_pl(word.text)
        return bool(readings) and not any(
            label in ("nazwa_geograficzna", "człon_nazwy_geograficznej") or r.pos in ("adj", "adjp")
            or r.lemma == "rzecz" for r in readings for label in (*r.labels, ""))  # "Fundacja na Rzecz X"

    def _complement_length(self, current: list[int], i: int) -> int:
        """Tokens at i that continue a sentence-case name in lower case after its head: genitive
        complements of the pack's `complement_words` ("Ministerstvo zdravotnictví", "Úřad pro
        ochranu hospodářské soutěže", "Ministerstvo investícií, regionálneho rozvoja a
        informatizácie"), with the adjectives, connectors and commas between them, and a head
        after a capitalised adjective ("Krajský úřad Olomouckého kraje"). 0 when none."""
        words = self.words
        tokens = self.tokens
        lex = words.lex
        if not lex.sentence_case or not any(words.is_head(tokens[j]) for j in current):
            return 0
        previous = tokens[current[-1]]
        after_adjective = previous.is_capitalised and words.is_adjective(previous)
        if not after_adjective and words.head_lemma(previous) in lex.territories:
            return 0  # "Liberecký kraj pro školství": a region's name takes no complement
        taken = 0
        for j in range(i, min(i + 8, len(tokens))):
            token = tokens[j]
            if j > i and not words.joins(tokens[j - 1], token):
                break
            if token.is_capitalised or token.text.isdigit():
                break
            adjective = token.is_word and words.is_adjective(token)
            if token.is_word and ((lemmas(token.text, words.language) | {token.text.lower()}) & lex.complement_words
                                  or (after_adjective and words.is_head(token))):
                taken = j - i + 1
            elif not (token.text == "," or token.text.lower() in words.connectors or adjective):
                break
            after_adjective = after_adjective and adjective
        return taken

    def _lowercase_name_part(self, current: list[int], i: int) -> bool:
        """In sentence-case languages a name goes on in lower case up to its head noun
        ("Bratislavský samosprávny kraj"), and over genitive complements where the language
        lists their endings ("Фонд міжнародної солідарності")."""
        words = self.words
        tokens = self.tokens
        token = tokens[i]
        if not token.is_word or token.text.isdigit():
            return False
        has_head = any(words.is_head(tokens[j]) for j in current)
        if not has_head:
            # look ahead: lower-case words up to a head within three words
            for j in range(i, min(i + 3, len(tokens))):
                nxt = tokens[j]
                if not nxt.is_word or (j > i and not words.joins(tokens[j - 1], nxt)):
                    return False
                if words.is_head(nxt) or self.bounds.legal_form_after(nxt.end):
                    return True  # "Krajská zdravotní, a. s.": a company name without a head
                if nxt.is_capitalised:
                    return False
            return False
        endings = words.lex.complement_endings
        if endings and tokens[current[-1]].text.lower() not in words.connectors:
            return token.text.lower().endswith(endings) and len(current) < 4
        return False
