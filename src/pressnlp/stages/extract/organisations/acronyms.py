"""Organisations named by acronyms: a capitalised run whose initials spell the bracketed acronym
after it ("Metropoolregio Rotterdam Den Haag (MRDH)"), acronyms on their own ("GZM"), with a place
or a number; the rules `CandidateFinder` (organisations/candidates.py) runs after the names."""
from __future__ import annotations

import re
from functools import cached_property

from pressnlp.lang.morphology import lemma, lemmas
from pressnlp.lang.pl.morphology import analyse_pl
from pressnlp.stages.extract.gazetteer import not_organisation_acronyms
from pressnlp.stages.extract.organisations.canonical import MentionBuilder
from pressnlp.stages.extract.organisations.mention import OrgMention, initials_match
from pressnlp.stages.extract.organisations.words import ROMAN_NUMERAL, NameWords
from pressnlp.stages.extract.text import Doc, Token

Spans = list[tuple[int, int]]
# Parts of speech of short words that are never acronyms when written in capitals ("MY", "NAS").
_FUNCTION_WORDS = frozenset({"ppron12", "ppron3", "prep", "conj", "comp", "qub", "part", "interj", "siebie"})
_SPELLED_OUT = re.compile(r"(?:\s+[IVX]{1,4})?\s*\(([^()\n]{5,100})\)")
# A bracketed acronym: a capital letter (of any alphabet the packs use) and up to 11 more.
_BRACKETED_ACRONYM = re.compile(r"\(([A-ZĄĆĘŁŃÓŚŹŻÀ-ÞА-ЯІЇЄҐ][\w.&-]{1,11})\)")


class AcronymRules:
    """The acronym rules of a `CandidateFinder`, which sets these attributes."""

    doc: Doc
    text: str
    tokens: list[Token]
    words: NameWords
    builder: MentionBuilder
    mentions: list[OrgMention]

    def _add(self, mention: OrgMention, covered: Spans) -> None:
        self.mentions.append(mention)
        covered.append((mention.start, mention.end))

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
                if inside(start, covered) and not shorter:
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
        tokens = self.tokens
        skip = -1
        for index, token in enumerate(tokens):
            if index <= skip or not token.is_acronym:
                continue
            name = _without_possessive(_without_possessive(token.text, self.words.all.possessive_endings),
                                       self.words.lex.acronym_endings)
            if (name in ignored or ROMAN_NUMERAL.match(token.text) or self.words.in_capitals_line(token)
                    or self._word_in_capitals(name)):
                continue
            if any(ch.isdigit() for ch in token.text) or inside(token.start, names):
                continue
            if index in self._kind_acronyms:
                self.mentions.append(self._acronym_with_place(index))
                continue
            numbered = self._acronym_with_number(index)
            if numbered:  # "SP nr 2": one school of a kind, not the kind's acronym
                self.mentions.append(numbered)
                continue
            before = self.text[max(0, token.start - 1):token.start]
            if before == "@" or self.text[token.end:token.end + 1] == "@":
                continue
            end = token.start + len(name)
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if (following is not None and name == token.text and following.is_acronym
                    and self.text[token.end:following.start] == " " and following.text not in ignored
                    and not ROMAN_NUMERAL.match(following.text) and not self._word_in_capitals(following.text)
                    and not any(ch.isdigit() for ch in following.text)
                    and self.text[following.end:following.end + 1] != "@" and self._one_acronym(name, following.text)):
                end, skip = following.end, index + 1  # one organisation's two-part acronym: "KZK AKO"
                name = self.text[token.start:end]
            is_programme = self.builder.is_programme([token], token.start) or self._programme_spelled_out(token)
            self.mentions.append(OrgMention(start=token.start, end=end, name=name,
                                            key=name.lower(), kind="acronym", is_programme=is_programme,
                                            words=[name.lower()]))

    def _acronym_with_place(self, index: int) -> OrgMention:
        """'PSP w Dąbrowie' where the acronym names a kind of body: one body, named with its place
        as written (the acronym's expansion is some other organisation's)."""
        tokens = self.tokens
        end = index + 2
        while (end + 1 < len(tokens) and tokens[end + 1].is_capitalised
               and self.words.joins(tokens[end], tokens[end + 1])):
            end += 1
        name = self.text[tokens[index].start:tokens[end].end]
        words = [tokens[index].text.lower()] + [lemma(t.text, "pl") for t in tokens[index + 1:end + 1]]
        return OrgMention(start=tokens[index].start, end=tokens[end].end, name=name, key=name.lower(), kind="name",
                          words=words)

    def _acronym_with_number(self, index: int) -> OrgMention | None:
        """'SP nr 2', 'ZS Nr 1 w Opolu': an acronym, a number mark and a number (and a place) name one body."""
        tokens = self.tokens
        mark = index + 1
        if mark + 1 >= len(tokens) or tokens[mark].text not in self.words.number_marks:
            return None
        number = mark + 2 if tokens[mark + 1].text == "." and mark + 2 < len(tokens) else mark + 1
        if not tokens[number].text.isdigit() or not self.words.joins(tokens[number - 1], tokens[number]):
            return None
        end = number
        if (end + 2 < len(tokens) and tokens[end + 1].text.lower() in self.words.lex.locative_prepositions
                and tokens[end + 2].is_capitalised and self.words.joins(tokens[end], tokens[end + 1])):
            end += 2
            while (end + 1 < len(tokens) and tokens[end + 1].is_capitalised
                   and self.words.joins(tokens[end], tokens[end + 1])):
                end += 1
        name = self.text[tokens[index].start:tokens[end].end]
        words = [tokens[index].text.lower()] + [lemma(t.text, self.words.language) for t in tokens[mark:end + 1]
                                                if t.is_word]
        return OrgMention(start=tokens[index].start, end=tokens[end].end, name=name, key=name.lower(), kind="name",
                          words=words)

    @cached_property
    def _kind_acronyms(self) -> set[int]:
        """Token indexes of acronyms that name a kind of local body, not one organisation: the same
        acronym before two places or more ("SP w Xowie, SP w Yowie" for two schools). Neither the
        gazetteer's expansion nor the acronym alone names them."""
        tokens = self.tokens
        places: dict[str, set[str]] = {}
        found: dict[str, list[int]] = {}
        for index, token in enumerate(tokens[:-2]):
            if (token.is_acronym and tokens[index + 1].text.lower() in self.words.lex.locative_prepositions
                    and tokens[index + 2].is_capitalised):
                places.setdefault(token.text, set()).add(tokens[index + 2].text)
                found.setdefault(token.text, []).append(index)
        return {index for acronym, at in found.items() if len(places[acronym]) >= 2 for index in at}

    def _one_acronym(self, first: str, second: str) -> bool:
        """Two acronyms side by side are one organisation's when the release defines them together
        ("(KZK AKO)") or never uses either alone; "MTF STU" with "STU" elsewhere is a unit and its university."""
        pair = f"{first} {second}"
        if f"({pair})" in self.text:
            return True
        together = self.text.count(pair)
        return all(len(re.findall(rf"(?<!\w){re.escape(part)}(?!\w)", self.text)) == together
                   for part in (first, second))

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


def _without_possessive(word: str, endings: tuple[str, ...]) -> str:
    """'CAF’s' -> 'CAF'."""
    for ending in endings:
        if word.endswith(ending) and len(word) > len(ending):
            return word[:-len(ending)]
    return word


def inside(offset: int, spans: Spans) -> bool:
    return any(start <= offset < end for start, end in spans)
