"""Every way a release names an organisation, in the order the rules run: capitalised runs with
a head noun or a legal form ("Softnet Silesia Sp. z o.o."), names after a descriptor noun
("spółka Sanrail Components"), appositions ("ALONE, the national charity"), names whose initials
spell the bracketed acronym after them ("Metropoolregio Rotterdam Den Haag (MRDH)"), acronyms on
their own ("GZM"), and gazetteer entries."""
from __future__ import annotations

import re
from functools import cache

from pressnlp.lang.morphology import lemma, lemmas, match_case
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma, inflect_pl
from pressnlp.stages.extract.gazetteer import Gazetteer
from pressnlp.stages.extract.lexicon import Lexicon
from pressnlp.stages.extract.organisations.acronyms import AcronymRules, Spans, inside
from pressnlp.stages.extract.organisations.boundaries import NameBounds, agrees
from pressnlp.stages.extract.organisations.canonical import MentionBuilder, place_lemma, place_nominative
from pressnlp.stages.extract.organisations.mention import OrgMention, key_words, name_key
from pressnlp.stages.extract.organisations.runs import CapitalisedRuns
from pressnlp.stages.extract.organisations.words import (
    NameWords,
    capitalise_name,
    is_genitive,
    is_given_name,
    place_adjective,
    place_nominative_word,
)
from pressnlp.stages.extract.text import Doc, Token, is_initial


class CandidateFinder(AcronymRules):
    """Finds the organisation mentions of one Doc (`run`), each rule adding to `mentions`; text
    a rule covered (`covered`) is not named again by a later one."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer | None):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.words = NameWords(doc)
        self.builder = MentionBuilder(self.words)
        self.bounds = NameBounds(self.words, self.builder)
        self.gazetteer = gazetteer
        self.mentions: list[OrgMention] = []

    def run(self) -> list[OrgMention]:
        covered: Spans = []
        for run in CapitalisedRuns(self.words, self.bounds).runs():
            if self._municipalities(run, covered) or self._shared_plural_head(run, covered):
                continue
            spans = self.bounds.split_chunk(run)
            for position, span in enumerate(spans):
                if span != run and self._municipalities(span, covered):
                    continue  # "… Aglomeracji X oraz Miastem Snina i Svidnik"
                following = spans[position + 1] if position + 1 < len(spans) else None
                mention = (following and self._elided_name(span, following)) or self.bounds.candidate(span)
                if mention:
                    self.mentions.append(mention)
                    covered.append((mention.start, mention.end))
                    if mention.is_unit:
                        inner = self.bounds.embedded(span)
                        if inner:
                            self.mentions.append(inner)
                        if inner and inner.end == mention.end and mention.acronym:
                            inner.acronym, mention.acronym = mention.acronym, None
        self.network_members(covered)
        self.descriptor_names(covered)
        self.lower_case_levels(covered)
        self.lower_case_regions(covered)
        self.abbreviated_municipalities(covered)
        self.office_names(covered)
        self.body_names(covered)
        self.heading_name(covered)
        self.listed_names(covered)
        self.appositions(covered)
        self.acronym_defined_names(covered)
        self.acronyms()
        if self.gazetteer:
            self.gazetteer_names(self.gazetteer, covered)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    def _municipalities(self, run: list[int], covered: Spans) -> bool:
        """'z Miastem Snina i Svidnik (na Słowacji)', "der Städte Zittau und Görlitz": one municipal
        word before two place names names two municipalities ("Miasto Snina", "Miasto Svidnik");
        Polish, and languages that write every noun with a capital, whose territories count."""
        words = self.words
        tokens = self.tokens
        if not (words.language == "pl" or words.lex.capitalised_nouns) or len(run) < 4:
            return False
        levels = words.lex.territories if words.lex.capitalised_nouns else words.lex.municipal
        head, first, link, second = (tokens[i] for i in run[:4])
        if (not words.is_head(head) or words.head_lemma(head) not in levels
                or link.text.lower() not in words.lex.coordinators
                or any(words.is_head(t) or not t.is_capitalised or words.is_adjective(t) for t in (first, second))):
            return False
        if len(run) > 4 and tokens[run[4]].text.lower() not in words.lex.locative_prepositions:
            return False
        for part, place in ((run[:2], first), (run[3:4], second)):
            mention = self.builder.make(part, kind="name", head=None)
            # singular: "z Gminami X i Y" names "Gmina X"
            name = place_nominative_word(place.text) if words.language == "pl" else place.text
            self._add(self._as_municipality(mention, words.head_lemma(head), name), covered)
        return True

    def _elided_name(self, span: list[int], following: list[int]) -> OrgMention | None:
        """Polish 'Stowarzyszenie i Fundacja Kotwica': a bare head and, after a coordinator, another
        head with a name: the two bodies share the name ("Stowarzyszenie Kotwica"). Not where the
        words after the second head agree with it ("Szkoła i Przedszkole Publiczne"), nor for two
        levels of one municipality ("Miasto i Gmina X")."""
        words = self.words
        tokens = self.tokens
        if words.language != "pl" or len(span) != 1 or len(following) < 2 or following[0] != span[0] + 2:
            return None
        head, second = tokens[span[0]], tokens[following[0]]
        if (tokens[span[0] + 1].text.lower() not in words.lex.coordinators
                or not (words.is_head(head) and words.is_head(second))
                or {words.head_lemma(head), words.head_lemma(second)} & words.lex.municipal):
            return None
        rest = [tokens[i] for i in following[1:]]
        if any(words.is_head(t) or (words.is_adjective(t) and agrees(t.text, second.text))
               or not (t.is_capitalised or t.text.lower() in words.connectors) for t in rest):
            return None
        mention = self.builder.make(span, kind="name", head=span[0])
        mention.name = f"{mention.name} {self.text[rest[0].start:rest[-1].end]}"
        mention.key = name_key(key_words(mention.name, words.language))
        mention.words = [*mention.words, *(lemma(t.text, words.language) for t in rest)]
        return mention

    def _shared_plural_head(self, run: list[int], covered: Spans) -> bool:
        """"Memorial and St. Mary’s Hospitals", "Leeds and York Councils": two names sharing one
        plural head at the end ("Memorial Hospital", "St. Mary’s Hospital"); where heads come last
        and nouns are not all capitalised."""
        words = self.words
        tokens = self.tokens
        if words.lex.head_initial or words.lex.capitalised_nouns or len(run) < 4:
            return False
        last = tokens[run[-1]]
        singular = words.head_lemma(last)
        if not words.is_head(last) or last.text.lower() == singular:
            return False
        links = [p for p, i in enumerate(run) if tokens[i].text.lower() in words.lex.coordinators]
        if len(links) != 1 or not 0 < links[0] < len(run) - 2:
            return False
        if run[0] and tokens[run[0] - 1].text == ",":
            return True  # the end of a longer list, "A, B and C Counties": places, no names
        parts = [run[:links[0]], run[links[0] + 1:-1]]
        if any(len(part) > 4 or not tokens[part[0]].is_capitalised or tokens[part[0]].text in words.not_names
               or any(words.is_head(tokens[i]) or (tokens[i].is_word and not tokens[i].is_capitalised) for i in part)
               for part in parts):  # "Coalition of Urban and Metropolitan Universities" is one name
            return False
        for part in parts:
            start, end = tokens[part[0]].start, tokens[part[-1]].end
            mention = self.builder.make(part, kind="name", head=None)
            mention.name = f"{self.doc.text[start:end]} {match_case(singular, last.text)}"
            mention.start, mention.end = start, end
            mention.key = name_key(key_words(mention.name, words.language))
            mention.head = singular
            mention.words = [*mention.words, singular]
            self._add(mention, covered)
        return True

    def _as_municipality(self, mention: OrgMention, level: str, place: str) -> OrgMention:
        """The mention named as the municipality it is: its level's word, capitalised, and the
        place ("gmina Prusice" -> "Gmina Prusice", the form the guide reports)."""
        mention.name = f"{level.capitalize()} {place}"
        mention.key = name_key(key_words(mention.name, self.words.language))
        mention.head = level
        mention.words = [level, *mention.words]
        return mention

    def _municipal_level(self, token_index: int) -> str | None:
        """The municipal level a lower-case descriptor names ("gminą" -> "gmina"), if it names one;
        Polish, whose guide names a municipality with its level ("Gmina Prusice")."""
        if self.words.language != "pl":
            return None
        found = ({self.tokens[token_index].text.lower()} | set(lemmas(self.tokens[token_index].text,
                                                                     self.words.language))) & self.words.lex.municipal
        return min(found) if found else None

    def _described(self, part: list[int], descriptor: int) -> OrgMention:
        """A name introduced by a descriptor noun; after a municipal one, the municipality."""
        mention = self.builder.make(part, kind="name", head=None,
                                    legal=self.bounds.legal_form_after(self.tokens[part[-1]].end))
        mention.described = True
        level = self._municipal_level(descriptor)
        if level and not mention.legal_form and all(not self.words.is_head(self.tokens[i]) for i in part):
            # one word: the place as written or its geographic reading, never a surname's nominative
            # that the phrase rule would prefer ("gminą Świątki" is not "Świątko", "gminy Kołtów" not "Kołtowie")
            place = place_nominative_word(self.tokens[part[0]].text) if len(part) == 1 else mention.name
            mention = self._as_municipality(mention, level, place)
        return mention

    def descriptor_names(self, covered: Spans) -> None:
        """'spółka Sanrail Components', 'the municipal company Wrocławskie Mieszkania', 'z miastem
        Ostrawa': a lower-case descriptor noun followed by a capitalised name."""
        words = self.words
        tokens = self.tokens
        for i, token in enumerate(tokens[:-1]):
            if not token.is_word or token.is_capitalised:
                continue
            if not words.is_descriptor(token):
                continue
            if i and tokens[i - 1].text.lower() in words.all.locative_prepositions:
                continue  # "w gminach Pilchowice i Bojszowy": places
            if (i and lemmas(token.text, words.language) & words.lex.municipal
                    and lemmas(tokens[i - 1].text, words.language) & words.lex.place_nouns):
                continue  # "na terenie gminy Naruszewo", "mieszkańców miasta Lublin": places
            if words.lex.sentence_case and inside(token.start, covered):
                continue  # "Banskobystrického kraje Slovenskou …": the descriptor ends another name
            if tokens[i + 1].text == ":":
                self._listed_after_descriptor(i, covered)  # "Są to firmy: ABB, Delia Cosmetics oraz …"
                continue
            j = i + 1
            part: list[int] = []
            while (j < len(tokens) and words.name_word(tokens[j]) and words.joins(tokens[j - 1], tokens[j])
                   and not (part and (words.is_function(tokens[j]) or is_initial(tokens, j)))):
                # "města Ostravy Ing. Jan Novák", "provincie Utrecht J. P. Lokker": a person follows
                part.append(j)
                j += 1
            if not part or inside(tokens[part[0]].start, covered):
                continue
            part += self._lowercase_before_legal_form(part[-1])
            if all(words.is_head(tokens[k]) for k in part) or self._person_first(part[0]):
                continue
            part = self._without_person(part)
            if not part:
                continue
            municipal = self._municipal_word(token)
            for piece in self._split_on_coordinators(part, j):
                mention = self._described(piece, i)
                if municipal:
                    _name_with_word(mention, municipal, words.language)
                self._add(mention, covered)

    def lower_case_levels(self, covered: Spans) -> None:
        """'otrzyma powiat nowomiejski', 'z powiatem milickim': a level named by its place's
        adjective, both in lower case and in one case other than the genitive and the locative (those
        name the place: "na terenie powiatu X", "w powiecie X"), is the municipality ("Powiat
        Nowomiejski"); Polish."""
        words = self.words
        tokens = self.tokens
        if words.language != "pl" or not words.lex.adjectival_levels:
            return
        openings = tuple({level[:3] for level in words.lex.adjectival_levels})  # "powiat", "powiecie": "pow"
        for i, token in enumerate(tokens[:-1]):
            adjective = tokens[i + 1]
            if (not token.text.startswith(openings) or adjective.is_capitalised or not adjective.is_word
                    or inside(token.start, covered)):
                continue
            levels = [r for r in analyse_pl(token.text) if clean_lemma(r.lemma) in words.lex.adjectival_levels]
            if not levels or (i and tokens[i - 1].text.lower() in words.all.locative_prepositions):
                continue
            cases = {case for r in levels for case in r.cases} - {"gen", "loc"}
            place = next((clean_lemma(r.lemma) for r in analyse_pl(adjective.text) if r.pos == "adj" and r.cases & cases
                          and clean_lemma(r.lemma).endswith(("ski", "cki", "dzki"))
                          and clean_lemma(r.lemma) not in words.lex.level_kinds), None)
            if place is None:
                continue
            level = clean_lemma(levels[0].lemma)
            mention = self.builder.make([i, i + 1], kind="name", head=None)
            mention.name = f"{level.capitalize()} {place.capitalize()}"
            mention.key = name_key(key_words(mention.name, "pl"))
            mention.head, mention.words, mention.described = level, [level, place], True
            self._add(mention, covered)

    def lower_case_regions(self, covered: Spans) -> None:
        """'marszałek województwa łódzkiego', 'podległe samorządowi województwa łódzkiego': the region
        named in lower case after a function or one of its bodies is the region, or that body, as when
        written with capitals ("Województwo Łódzkie", "Samorząd Województwa Łódzkiego"); Polish, the
        region being the first of the pack's territorial_levels."""
        words = self.words
        tokens = self.tokens
        if words.language != "pl" or not words.lex.territorial_levels:
            return
        region = words.lex.territorial_levels[0]
        for i in range(1, len(tokens) - 1):
            token, adjective = tokens[i], tokens[i + 1]
            if (token.is_capitalised or not token.text.startswith(region[:5]) or adjective.is_capitalised
                    or inside(token.start, covered) or not words.joins(token, adjective)):
                continue
            if not any(clean_lemma(r.lemma) == region and "gen" in r.cases and "sg" in r.numbers
                       for r in analyse_pl(token.text)):
                continue
            place = place_adjective(adjective.text, strict=True)
            first = i - 1
            if first and lemmas(tokens[first].text, "pl") & words.lex.region_bodies:
                first -= 1  # "urzędu marszałkowskiego województwa X"
            before = lemmas(tokens[first].text, "pl") | {tokens[first].text.lower()}
            if place is None or not all(words.joins(tokens[k], tokens[k + 1]) for k in range(first, i)):
                continue
            if before & words.lex.territorial_bodies:
                part = list(range(first, i + 2))  # the body, its complement in the genitive
            elif words.is_function(tokens[first]) or before & words.all.functions:
                part = [i, i + 1]  # the region itself
            else:
                continue
            mention = self.builder.make(part, kind="name", head=part[0])
            mention.name = capitalise_name(mention.name)
            mention.key = name_key(key_words(mention.name, "pl"))
            self._add(mention, covered)

    def _person_first(self, index: int) -> bool:
        """Whether words after a descriptor open with a person or a person's function ("naszej
        spółki Prezes Zarządu Jan Nowak"), which no name after a descriptor does."""
        return is_given_name(self.tokens[index].text) or self.words.is_function(self.tokens[index])

    def _listed_after_descriptor(self, descriptor: int, covered: Spans) -> None:
        """The names of a list after a plural descriptor and a colon, each of up to four capitalised
        words, separated by commas and coordinators, up to the end of the sentence."""
        words = self.words
        tokens = self.tokens
        index = descriptor + 2
        separators = {","} | words.lex.coordinators
        while index < len(tokens):
            part: list[int] = []
            while (index < len(tokens) and words.name_word(tokens[index])
                   and (not part or words.joins(tokens[index - 1], tokens[index]))):
                part.append(index)
                index += 1
            if not part or len(part) > 4 or self._person_first(part[0]):
                return
            if not inside(tokens[part[0]].start, covered):
                self._add(self._described(part, descriptor), covered)
            if index >= len(tokens) or tokens[index].text.lower() not in separators:
                return
            index += 1

    def network_members(self, covered: Spans) -> None:
        """'Łukasiewicz – Poznański Instytut Technologiczny', 'Łukasiewicz – PIT': a network's name, a
        dash and a member's name or acronym are one name (the pack's networks)."""
        networks = self.words.lex.networks
        tokens = self.tokens
        for i, token in enumerate(tokens[:-2]):
            if token.text not in networks or tokens[i + 1].text not in "–—-" or not tokens[i + 2].is_capitalised:
                continue
            member = next((m for m in self.mentions if m.start == tokens[i + 2].start and m.kind == "name"), None)
            if member is not None:
                self.mentions.remove(member)
                end, rest = member.end, member.name
            elif tokens[i + 2].is_acronym:
                end, rest = tokens[i + 2].end, tokens[i + 2].text
            else:
                continue
            name = f"{token.text} {tokens[i + 1].text} {rest}"
            words = key_words(name, self.words.language)
            self._add(OrgMention(start=token.start, end=end, name=name, key=name_key(words), kind="name",
                                 head=member.head if member else None, acronym=member.acronym if member else None,
                                 words=words), covered)

    def abbreviated_municipalities(self, covered: Spans) -> None:
        """'prezydent m.st. Warszawy': an abbreviated municipal level and a place name the municipality
        ("Miasto Stołeczne Warszawa"); with an office of a territory before it ("Urzędu m. st.
        Warszawy"), that office ("Urząd m. st. Warszawy"). The pack's municipal_abbreviations."""
        tokens = self.tokens
        for level, pattern in _abbreviation_patterns(self.words.lex.municipal_abbreviations):
            for found in pattern.finditer(self.text):
                index = self.doc.token_index(found.end())
                if index >= len(tokens) or tokens[index].start != found.end() or not tokens[index].is_capitalised:
                    continue
                place = tokens[index]
                if inside(place.start, covered):
                    continue
                first = self.doc.token_index(found.start())
                body = tokens[first - 1] if first else None
                body_lemmas = lemmas(body.text, "pl") if body and body.is_capitalised else set()
                office = next((form for form in sorted(body_lemmas) if form in self.words.lex.territorial_bodies), None)
                if office and body is not None:
                    start = body.start
                    name = f"{office.capitalize()} {self.text[found.start():place.end]}"
                else:
                    start = found.start()
                    name = f"{level} {place_nominative_word(place.text)}"
                words = [lemma(word, "pl") for word in ([office] if office else []) + level.split()]
                words.append(lemma(place_nominative_word(place.text), "pl"))
                self._add(OrgMention(start=start, end=place.end, name=name, key=name_key(key_words(name, "pl")),
                                     kind="name", head=office or words[0], words=words), covered)

    def office_names(self, covered: Spans) -> None:
        """'Starosta Nowosolski', 'Wojewody Śląskiego': a function and a place adjective name the
        body its holder heads ("Powiat Nowosolski"), unless the holder's adviser or deputy is meant
        ("Doradca Wojewody X"); 'Dolnośląski UW': a place adjective and an office's acronym; 'prezydent
        Torunia': a function and its town's name ("Miasto Toruń"). The patterns are the pack's
        function_offices, acronym_offices and function_places."""
        offices = dict(self.words.lex.function_offices)
        acronyms = dict(self.words.lex.acronym_offices)
        places = dict(self.words.lex.function_places)
        if not (offices or acronyms or places) or self.words.language != "pl":
            return
        tokens = self.tokens
        functions = self.words.all.functions
        openings = tuple({function[:3] for function in [*offices, *places]})  # "starosta", "staroście": "sta"
        for i, token in enumerate(tokens[:-1]):
            following = tokens[i + 1]
            if not token.is_word or not following.is_word or not self.words.joins(token, following):
                continue
            if following.text in acronyms:
                pattern = acronyms[following.text]
                place = place_adjective(token.text) if token.is_capitalised else None
            else:
                if not token.text.lower().startswith(openings):
                    continue
                forms = lemmas(token.text, "pl")
                pattern = next((offices[form] for form in forms if form in offices), None)
                if i and tokens[i - 1].is_word and tokens[i - 1].text.lower() in functions:
                    continue
                if pattern is None:
                    pattern = next((places[form] for form in forms if form in places), None)
                    town = following.is_capitalised and not is_given_name(following.text)  # "wójta Grzegorza X"
                    place = place_nominative(following.text) if town else None
                    place = None if place in self.words.lex.states else place  # "prezydent Francji"
                else:  # in running text the adjective is written in lower case: "wojewoda wielkopolski"
                    place = place_adjective(following.text, strict=not following.is_capitalised)
            if pattern is None or place is None or inside(following.start, covered):
                continue
            name = pattern.format(place)
            words = key_words(name, "pl")
            head = next(form for form in (lemma(word, "pl") for word in name.split()) if form in self.words.heads)
            self._add(OrgMention(start=token.start, end=following.end, name=name, key=name_key(words), kind="name",
                                 head=head, words=words), covered)

    def body_names(self, covered: Spans) -> None:
        """'Minister Nauki i Szkolnictwa Wyższego Jan Nowak': a function and the genitive complement of
        its body name the body ("Ministerstwo Nauki i Szkolnictwa Wyższego"); the pack's function_bodies.
        Adjectives of the function name the body's level and a seat after the complement is the
        body's: "Komendant Wojewódzki Policji w Olsztynie" -> "Komenda Wojewódzka Policji w Olsztynie"."""
        bodies = dict(self.words.lex.function_bodies)
        if not bodies or self.words.language != "pl":
            return
        tokens = self.tokens
        for i, token in enumerate(tokens[:-1]):
            if not token.is_capitalised:
                continue  # before the lemmas: most words are in lower case
            head = next((bodies[form] for form in lemmas(token.text, "pl") if form in bodies), None)
            if head is None or (
                    i and tokens[i - 1].is_word and tokens[i - 1].text.lower() in self.words.all.functions):
                continue
            levels: list[str] = []
            j = i + 1
            while j < len(tokens) and tokens[j].is_capitalised and self.words.joins(tokens[j - 1], tokens[j]):
                level = _adjective_of(head, tokens[j].text, token.text)
                if level is None:
                    break
                levels.append(match_case(level, tokens[j].text))
                j += 1
            part: list[int] = []
            while j < len(tokens) and self.words.joins(tokens[j - 1], tokens[j]):
                word = tokens[j]
                if word.text.lower() in self.words.all.coordinators or word.text == ",":
                    j += 1
                    continue
                if not word.is_capitalised or is_given_name(word.text) or not is_genitive(word.text):
                    break
                part.append(j)
                j += 1
            if not part:
                continue
            if levels:  # "Policji w Olsztynie" under "Komendant Wojewódzki": the command, not the police
                self._drop_mentions(tokens[i + 1].start, tokens[part[0]].start, covered)
            if inside(tokens[part[0]].start, covered):
                continue
            start, end = tokens[part[0]].start, tokens[part[-1]].end
            if levels:
                end = self._seat_end(part[-1] + 1) or end
            name = " ".join([head, *levels, self.text[start:end]])
            self._add(OrgMention(start=token.start, end=end, name=name, key=name_key(key_words(name, "pl")),
                                 kind="name", head=lemma(head, "pl"),
                                 words=[lemma(word, "pl") for word in name.split()]), covered)

    def _drop_mentions(self, first: int, last: int, covered: Spans) -> None:
        """Forget the mentions that start from `first` to `last`, and their spans."""
        for mention in [m for m in self.mentions if first <= m.start <= last]:
            self.mentions.remove(mention)
            covered.remove((mention.start, mention.end))

    def _seat_end(self, index: int) -> int | None:
        """The end of a seat "w Olsztynie", "we Wrocławiu", "w Zduńskiej Woli" starting at token `index`."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index].text not in self.words.lex.seat_prepositions:
            return None
        end = None
        for j in range(index + 1, min(index + 3, len(tokens))):
            readings = analyse_pl(tokens[j].text)
            if not tokens[j].is_capitalised or not self.words.joins(tokens[j - 1], tokens[j]) or (
                    readings and not any("loc" in r.cases for r in readings)):
                break
            end = tokens[j].end
        return end

    def heading_name(self, covered: Spans) -> None:
        """An issuer's name in capitals on the release's first line ("POWIAT KIELECKI", "URZĄD
        MIASTA OPOLA"): a head in the nominative and words of its name, written as a name."""
        if self.words.language != "pl":
            return
        line = next((found for found in re.finditer(r"[^\n]+", self.text) if found.group().strip()), None)
        if line is None:
            return
        text = line.group().strip()
        written = text.split()
        if not 2 <= len(written) <= 5 or text != text.upper() or not all(w.isalpha() or "-" in w for w in written):
            return
        first = written[0].lower()
        heads = [r for r in analyse_pl(first) if clean_lemma(r.lemma).lower() in self.words.heads and "nom" in r.cases]
        if not heads or not all(word.lower() in self.words.connectors or _name_part(word) for word in written[1:]):
            return  # "URZĄD MIASTA ZAPRASZA NA FESTYN" is a headline
        name = " ".join(word.lower() if word.lower() in self.words.connectors else "-".join(
            part.capitalize() for part in word.split("-")) for word in written)
        start = line.start() + line.group().index(text)
        words = key_words(name, "pl")
        self._add(OrgMention(start=start, end=start + len(text), name=name, key=name_key(words), kind="name",
                             head=clean_lemma(heads[0].lemma).lower(), words=words), covered)
    def _lowercase_before_legal_form(self, last: int) -> list[int]:
        """In sentence-case languages the lower-case words of a company's name between its
        capitalised first word and its legal form ("společnosti Jihočeské energetické, a. s.")."""
        if not self.words.lex.sentence_case:
            return []
        tokens = self.tokens
        for end in range(last + 1, min(last + 4, len(tokens))):
            token = tokens[end]
            if not token.is_word or token.is_capitalised or not self.words.joins(tokens[end - 1], token):
                return []
            if self.bounds.legal_form_after(token.end):
                return list(range(last + 1, end + 1))
        return []

    def _without_person(self, part: list[int]) -> list[int]:
        """'města Hradec Králové Petr Novák': the name ends before a given name followed by
        another capitalised word (a person named after the organisation); nothing is left when
        the person comes right after the descriptor ("mluvčí města Jana Nováková")."""
        tokens = self.tokens
        for position in range(len(part) - 1):
            if self.words.is_given_name(tokens[part[position]]) and not self.words.is_head(tokens[part[position + 1]]):
                return part[:position]
        return part

    def _municipal_word(self, descriptor: Token) -> str | None:
        """The municipality word that is part of the name it describes, where names are written
        in sentence case with the head first: "mesta Košice" names "Mesto Košice"."""
        lex = self.words.lex
        if not (lex.head_initial and lex.sentence_case):
            return None
        found = ({descriptor.text.lower()} | lemmas(descriptor.text, lex.language)) & lex.municipal
        return lemma(descriptor.text, lex.language) if found else None

    def listed_names(self, covered: Spans) -> None:
        """'…(SKM), Polregio, Zarząd Transportu …': one or two capitalised words standing between
        two organisations of a comma list are an organisation's name too."""
        tokens = self.tokens
        names = sorted((m for m in self.mentions if m.kind == "name"), key=lambda m: m.start)
        for left, right in zip(names, names[1:], strict=False):
            first = self.doc.token_index(left.end)
            if first < len(tokens) and tokens[first].text == "(":  # the left name's acronym
                while first < len(tokens) and tokens[first].text != ")":
                    first += 1
                first += 1
            last = self.doc.token_index(right.start)
            between = tokens[first:last]
            if len(between) < 3 or between[0].text != "," or between[-1].text != ",":
                continue
            part = list(range(first + 1, last - 1))
            if not 1 <= len(part) <= 2 or "\n" in self.text[left.end:right.start]:
                continue
            if not all(self.words.name_word(tokens[k]) and not tokens[k].is_acronym for k in part):
                continue
            if inside(tokens[part[0]].start, covered) or tokens[part[0]].text in self.words.not_names:
                continue
            mention = self.builder.make(part, kind="name", head=None)
            mention.described = True
            self._add(mention, covered)

    def _split_on_coordinators(self, part: list[int], after: int) -> list[list[int]]:
        """'z mestami Pezinok a Modra': two names after one plural descriptor."""
        pieces = [part]
        tokens = self.tokens
        if after + 1 < len(tokens) and tokens[after].text.lower() in self.words.all.coordinators:
            second = []
            j = after + 1
            while j < len(tokens) and self.words.name_word(tokens[j]) and self.words.joins(tokens[j - 1], tokens[j]):
                second.append(j)
                j += 1
            if second and len(second) <= 3 and not is_given_name(tokens[second[0]].text):
                pieces.append(second)  # "stowarzyszenie X oraz Jan Nowak": a person
        return pieces

    def appositions(self, covered: Spans) -> None:
        """'ALONE, the national charity for older people': a name explained by a descriptor, in the
        release's language and in English (where articles open appositions)."""
        for lex in {lex.language: lex for lex in (self.words.lex, self.words.en)}.values():
            if lex.apposition_stops:
                self._appositions(lex, covered)

    def _appositions(self, lex: Lexicon, covered: Spans) -> None:
        articles = "|".join(re.escape(word) for word in sorted(lex.articles | lex.indefinite_articles))
        pattern = re.compile(rf",\s+(?:{articles})\s+((?:[\w-]+ ?){{1,4}})")
        tokens = self.tokens
        for match in pattern.finditer(self.text):
            phrase = match.group(1).lower().split()
            for stop, word in enumerate(phrase):  # the noun before "for", "of", … heads the phrase
                if word in lex.apposition_stops:
                    phrase = phrase[:stop]
                    break
            if not phrase:
                continue
            part: list[int] = []
            j = self.doc.token_index(match.start()) - 1
            while j >= 0 and self.words.name_word(tokens[j]) and (
                    not part or self.words.joins(tokens[j], tokens[part[0]])):
                part.insert(0, j)
                j -= 1
            while part and tokens[part[0]].text in self.words.not_names:
                part = part[1:]
            if not part or len(part) > 4 or inside(tokens[part[0]].start, covered):
                continue
            if is_given_name(tokens[part[0]].text):
                continue
            # last: the lemma may load a lemmatiser (simplemma's English dictionary in a Polish release)
            if not (phrase[-1] in lex.descriptors or lemma(phrase[-1], lex.language) in lex.descriptors):
                continue
            mention = self.builder.make(part, kind="name", head=None)
            mention.described = True
            self._add(mention, covered)

    def gazetteer_names(self, gazetteer: Gazetteer, covered: Spans) -> None:
        """Gazetteer entries (programmes too, which other names may cover)."""
        kinds = [(self.tokens[i].start, self.tokens[i].end) for i in self._kind_acronyms]
        for entry, matched, start, end in gazetteer.find(self.doc):
            if not entry.is_programme and any(s <= start and end <= e for s, e in covered + kinds):
                continue
            # the name as written when it is the one matched, the entry's when inflected
            surface = self.text[start:end]
            name = surface if normalise(surface) == normalise(matched) else matched
            words = key_words(name, entry.language)
            self.mentions.append(OrgMention(start=start, end=end, name=name, kind="gazetteer",
                                            key=name_key(words), is_programme=entry.is_programme, words=words))


def _name_with_word(mention: OrgMention, word: str, language: str) -> None:
    """The mention named with a head word written before it in lower case ("Mesto Košice"), its
    place in the nominative ("města Opavy" -> "Město Opava")."""
    place, space, rest = mention.name.partition(" ")
    if not mention.legal_form and not rest:  # a place of two words stays as written ("Vysoké Mýto")
        place = place_lemma(place, language)
    mention.name = f"{word[:1].upper()}{word[1:]} {place}{space}{rest}"
    mention.key = name_key(key_words(mention.name, language))
    mention.head = word  # its words stay those written: the head word is no evidence of a longer name


def _name_part(word: str) -> bool:
    """A word in capitals that may stand in a Polish name: an adjective or a noun, no verb."""
    readings = analyse_pl(word.lower()) + analyse_pl(word.capitalize())
    return bool(readings) and all(r.pos in ("adj", "subst", "depr", "ppas", "adja") for r in readings)


@cache
def _abbreviation_patterns(abbreviations: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """(level, pattern) for each abbreviated level: its dots followed by a space or none ("m.st. ",
    "m. st. "), as a word of its own."""
    patterns = []
    for abbreviation, level in abbreviations:
        parts = abbreviation.rstrip(".").split(".")
        patterns.append((level, re.compile(r"(?<!\w)" + r"\.\s?".join(map(re.escape, parts)) + r"\.\s?")))
    return patterns


@cache
def _adjective_of(body: str, adjective: str, function: str) -> str | None:
    """An adjective agreeing with a function, in the nominative of the body's gender ("Wojewódzki"
    of "Komendant", for "Komenda": "wojewódzka"); None when the word is no such adjective."""
    # the function's declined readings: a woman's title ("Komendant" for any case) agrees with anything
    holders = [r for r in analyse_pl(function) if r.pos == "subst" and len(r.cases) < 6]
    reading = next((r for r in analyse_pl(adjective) if r.pos == "adj" and any(
        r.cases & holder.cases and r.numbers & holder.numbers and r.genders & holder.genders for holder in holders)),
        None)
    genders = next((r.genders for r in analyse_pl(body) if r.pos == "subst" and "nom" in r.cases), None)
    if genders is None or reading is None:
        return None
    return inflect_pl(reading, "sg", "nom", genders)
