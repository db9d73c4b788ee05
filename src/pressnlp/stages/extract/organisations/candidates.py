"""Every way a release names an organisation, in the order the rules run: capitalised runs with
a head noun or a legal form ("Softnet Silesia Sp. z o.o."), names after a descriptor noun
("spółka Sanrail Components"), appositions ("ALONE, the national charity"), names whose initials
spell the bracketed acronym after them ("Metropoolregio Rotterdam Den Haag (MRDH)"), acronyms on
their own ("GZM"), and gazetteer entries."""
from __future__ import annotations

import re

from pressnlp.lang.morphology import lemma, lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import analyse_pl
from pressnlp.stages.extract.gazetteer import Gazetteer, not_organisation_acronyms
from pressnlp.stages.extract.lexicon import Lexicon
from pressnlp.stages.extract.organisations.boundaries import NameBounds
from pressnlp.stages.extract.organisations.canonical import MentionBuilder
from pressnlp.stages.extract.organisations.mention import OrgMention, initials_match, key_words, name_key
from pressnlp.stages.extract.organisations.runs import CapitalisedRuns
from pressnlp.stages.extract.organisations.words import ROMAN_NUMERAL, NameWords, is_given_name
from pressnlp.stages.extract.text import Doc, Token

Spans = list[tuple[int, int]]
# A bracketed acronym: a capital letter (of any alphabet the packs use) and up to 11 more.
# Parts of speech of short words that are never acronyms when written in capitals ("MY", "NAS").
_FUNCTION_WORDS = frozenset({"ppron12", "ppron3", "prep", "conj", "comp", "qub", "siebie"})
_SPELLED_OUT = re.compile(r"(?:\s+[IVX]{1,4})?\s*\(([^()\n]{5,100})\)")
_BRACKETED_ACRONYM = re.compile(r"\(([A-ZĄĆĘŁŃÓŚŹŻÀ-ÞА-ЯІЇЄҐ][\w.&-]{1,11})\)")


class CandidateFinder:
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
            for span in self.bounds.split_chunk(run):
                mention = self.bounds.candidate(span)
                if mention:
                    self.mentions.append(mention)
                    covered.append((mention.start, mention.end))
                    if mention.is_unit:
                        inner = self.bounds.embedded(span)
                        if inner:
                            self.mentions.append(inner)
                        if inner and inner.end == mention.end and mention.acronym:
                            inner.acronym, mention.acronym = mention.acronym, None
        self.descriptor_names(covered)
        self.listed_names(covered)
        self.appositions(covered)
        self.acronym_defined_names(covered)
        self.acronyms()
        if self.gazetteer:
            self.gazetteer_names(self.gazetteer, covered)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    def _add(self, mention: OrgMention, covered: Spans) -> None:
        self.mentions.append(mention)
        covered.append((mention.start, mention.end))

    def descriptor_names(self, covered: Spans) -> None:
        """'spółka Sanrail Components', 'the municipal company Wrocławskie Mieszkania', 'z miastem
        Ostrawa': a lower-case descriptor noun followed by a capitalised name."""
        words = self.words
        tokens = self.tokens
        for i, token in enumerate(tokens[:-1]):
            if not token.is_word or token.is_capitalised:
                continue
            if not ({token.text.lower()} | set(lemmas(token.text, words.language))) & words.descriptors:
                continue
            if i and tokens[i - 1].text.lower() in words.all.locative_prepositions:
                continue  # "w gminach Pilchowice i Bojszowy": places
            j = i + 1
            part: list[int] = []
            while j < len(tokens) and words.name_word(tokens[j]) and words.joins(tokens[j - 1], tokens[j]):
                part.append(j)
                j += 1
            if not part or _inside(tokens[part[0]].start, covered):
                continue
            part += self._lowercase_before_legal_form(part[-1])
            if all(words.is_head(tokens[k]) for k in part) or is_given_name(tokens[part[0]].text):
                continue
            part = self._without_person(part)
            if not part:
                continue
            municipal = self._municipal_word(token)
            for piece in self._split_on_coordinators(part, j):
                mention = self.builder.make(piece, kind="name", head=None,
                                            legal=self.bounds.legal_form_after(tokens[piece[-1]].end))
                mention.described = True
                if municipal:
                    _name_with_word(mention, municipal, words.language)
                self._add(mention, covered)

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
            if _inside(tokens[part[0]].start, covered) or tokens[part[0]].text in self.words.not_names:
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
            if second and len(second) <= 3:
                pieces.append(second)
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
            if not phrase or not (phrase[-1] in lex.descriptors or lemma(phrase[-1], lex.language) in lex.descriptors):
                continue
            part: list[int] = []
            j = self.doc.token_index(match.start()) - 1
            while j >= 0 and self.words.name_word(tokens[j]) and (
                    not part or self.words.joins(tokens[j], tokens[part[0]])):
                part.insert(0, j)
                j -= 1
            while part and tokens[part[0]].text in self.words.not_names:
                part = part[1:]
            if not part or len(part) > 4 or _inside(tokens[part[0]].start, covered):
                continue
            if is_given_name(tokens[part[0]].text):
                continue
            mention = self.builder.make(part, kind="name", head=None)
            mention.described = True
            self._add(mention, covered)

    def acronym_defined_names(self, covered: Spans) -> None:
        """'Metropoolregio Rotterdam Den Haag (MRDH)': a capitalised run whose initials spell the
        bracketed acronym after it is a name even without a head word; the run may cross a dash
        ("Instytut Meteorologii i Gospodarki Wodnej – Państwowy Instytut Badawczy (IMGW-PIB)")."""
        words = self.words
        tokens = self.tokens
        for match in _BRACKETED_ACRONYM.finditer(self.text):
            acronym = match.group(1)
            end_index = self.doc.token_index(match.start()) - 1
            if end_index < 0:
                continue
            part: list[int] = []
            j = end_index
            while j >= 0 and (words.name_word(tokens[j]) or tokens[j].text.lower() in words.connectors
                              or (tokens[j].text in "–—" and part)):
                part.insert(0, j)
                if j > 0 and "\n" in self.text[tokens[j - 1].end:tokens[j].start]:
                    break
                j -= 1
            part = words.trim_connectors(part)
            while part and (tokens[part[0]].text.lower() in words.connectors
                            or tokens[part[0]].text in words.not_names or not tokens[part[0]].is_word):
                part = part[1:]
            for size in range(len(part), 1, -1):
                piece = part[-size:]
                first = tokens[piece[0]]
                if not first.is_word or not first.is_capitalised:
                    continue
                texts = [tokens[k].text for k in piece if tokens[k].is_word]
                if len(texts) < 2 or not initials_match(acronym, texts):
                    continue
                start = first.start
                shorter = [m for m in self.mentions if start < m.start and m.end <= match.start() and m.kind == "name"]
                if _inside(start, covered) and not shorter:
                    break
                for mention in shorter:
                    self.mentions.remove(mention)
                heads = [k for k in piece if words.is_head(tokens[k])]
                mention = self.builder.make(piece, kind="name", head=heads[0] if heads else None)
                mention.acronym = acronym
                self._add(mention, covered)
                break

    def acronyms(self) -> None:
        """Acronyms on their own ("GZM", "NCBR"): each is a mention keyed by the acronym."""
        ignored = not_organisation_acronyms()
        names = [(m.start, m.end) for m in self.mentions if not m.is_unit]
        for token in self.tokens:
            if not token.is_acronym:
                continue
            name = _without_possessive(token.text, self.words.all.possessive_endings)
            if (name in ignored or ROMAN_NUMERAL.match(token.text) or self.words.in_capitals_line(token)
                    or self._word_in_capitals(name)):
                continue
            if any(ch.isdigit() for ch in token.text) or _inside(token.start, names):
                continue
            before = self.text[max(0, token.start - 1):token.start]
            if before == "@" or self.text[token.end:token.end + 1] == "@":
                continue
            is_programme = self.builder.is_programme([token], token.start) or self._programme_spelled_out(token)
            self.mentions.append(OrgMention(start=token.start, end=token.start + len(name), name=name,
                                            key=name.lower(), kind="acronym", is_programme=is_programme,
                                            words=[name.lower()]))

    def _programme_spelled_out(self, token: Token) -> bool:
        """An acronym spelled out in brackets after it as a programme: "SPUR II (Support Programme
        for University Research)"."""
        match = _SPELLED_OUT.match(self.text, token.end)
        if not match:
            return False
        return any(({word.lower()} | lemmas(word, self.words.language)) & self.words.programme_words
                   for word in match.group(1).split())

    def _word_in_capitals(self, word: str) -> bool:
        """A Polish word written in capitals, not an acronym: "BANK", "POMOCY", "KATOWICE" (four
        letters or more, every reading a common word or a place) or a pronoun such as "MY". Names
        of institutions and firms ("NASK", "ORLEN") and short words ("PAN") stay acronyms."""
        if self.words.language != "pl":
            return False
        readings = analyse_pl(word.lower())
        if not readings or any(label.startswith(("nazwa_instytucji", "nazwa_firmy", "nazwa_organizacji"))
                               for r in readings for label in r.labels):
            return False
        return len(word) >= 4 or all(r.pos in _FUNCTION_WORDS for r in readings)

    def gazetteer_names(self, gazetteer: Gazetteer, covered: Spans) -> None:
        """Gazetteer entries (programmes too, which other names may cover)."""
        for entry, matched, start, end in gazetteer.find(self.doc):
            if not entry.is_programme and any(s <= start and end <= e for s, e in covered):
                continue
            # the name as written when it is the one matched, the entry's when inflected
            surface = self.text[start:end]
            name = surface if normalise(surface) == normalise(matched) else matched
            words = key_words(name, entry.language)
            self.mentions.append(OrgMention(start=start, end=end, name=name, kind="gazetteer",
                                            key=name_key(words), is_programme=entry.is_programme, words=words))


def _name_with_word(mention: OrgMention, word: str, language: str) -> None:
    """The mention named with a head word written before it in lower case ("Mesto Košice")."""
    mention.name = f"{word[:1].upper()}{word[1:]} {mention.name}"
    mention.key = name_key(key_words(mention.name, language))
    mention.head = word  # its words stay those written: the head word is no evidence of a longer name


def _without_possessive(word: str, endings: tuple[str, ...]) -> str:
    """'CAF’s' -> 'CAF'."""
    for ending in endings:
        if word.endswith(ending) and len(word) > len(ending):
            return word[:-len(ending)]
    return word


def _inside(offset: int, spans: Spans) -> bool:
    return any(start <= offset < end for start, end in spans)
