"""Building a mention from a span of tokens: the name as it should be reported (Polish in the
nominative: the head and its agreeing adjectives inflect, genitive complements stay), the key
mentions of one organisation share, the head's lemma, and whether it is a unit or a programme."""
from __future__ import annotations

import logging
import re

from pressnlp.lang.morphology import lemma, lemmas, match_case
from pressnlp.lang.pl.morphology import NOMINAL, analyse_pl, clean_lemma, nominative_phrase, nominative_place
from pressnlp.stages.extract.organisations.edges import bracketed_acronym, quoted_name_after
from pressnlp.stages.extract.organisations.mention import OrgMention, key_words, name_key
from pressnlp.stages.extract.organisations.words import NameWords
from pressnlp.stages.extract.text import Token

log = logging.getLogger(__name__)
_ABBREVIATION = re.compile(r"(?<!\w)\w+\.(?= )")


class MentionBuilder:
    """Makes OrgMentions of token spans of one Doc."""

    def __init__(self, words: NameWords):
        self.words = words
        self.doc = words.doc
        self.text = words.text
        self.tokens = words.tokens
        self.language = words.language

    def make(self, part: list[int], *, kind: str, head: int | None, legal: str | None = None,
             head_word: int | None = None) -> OrgMention:
        """The mention of the tokens `part` (token indexes); `head`: the index of its head noun;
        `legal`: the legal form written after it; `head_word`: the head to report when it is not
        `head` (a municipality named by its office: "Urząd Miasta")."""
        words_ = self.words
        tokens = self.tokens
        start = tokens[part[0]].start
        end = tokens[part[-1]].end
        quoted_end = quoted_name_after(self.text, end)
        if quoted_end:
            end = quoted_end
        for ending in words_.all.possessive_endings:  # "Hull Royal Infirmary’s": the name without "’s"
            if self.text.endswith(ending, start, end) and end - len(ending) > start:
                end -= len(ending)
                break
        words = [t for t in tokens[self.doc.token_index(start):self.doc.token_index(end)] if t.is_word]
        surface = self.text[start:end]
        # a company's name after a descriptor or in a list, before its legal form, is not inflected
        # ("ze Spółką Prochem S.A.")
        described = legal and head is None and self._after_descriptor(start)
        name = surface if described else self.canonical(words, start, end, head)
        town = self._town_of_organ(words)
        organ, name = (name, town) if town else (None, name)
        if words_.abbreviations and "." in name:
            name = _ABBREVIATION.sub(lambda found: words_.abbreviations.get(found.group(), found.group()), name)
        key = key_words(name, self.language)
        # an abbreviation counts as the word it stands for: "Woj. Lubuskiego" is the voivodeship's
        lemma_words = [lemma(words_.abbreviations.get(f"{t.text}.", t.text), self.language) if not t.is_acronym
                       else t.text.lower() for t in words]
        head_token = tokens[head] if head is not None else None
        reference = tokens[head_word] if head_word is not None else head_token
        head_lemma = words_.head_lemma(reference) if reference else None
        mention = OrgMention(start=start, end=end, name=name, key=name_key(key), kind=kind,
                             head=head_lemma, words=lemma_words,
                             english=head_token is not None and words_.is_english_head(head_token),
                             opens_sentence=start in self.doc.sentence_starts, organ=organ)
        if legal:
            legal_start = self.text.index(legal, end)
            mention.end = legal_start + len(legal)
            mention.legal_form = legal
            mention.name = f"{name}{self.text[end:legal_start]}{legal}"
        mention.acronym = bracketed_acronym(self.text, mention.end)
        first = words[0] if words else None
        units = words_.units
        if words_.lex.head_initial:
            # "Wydział Chemii UJ", and "Zakład Chemii Wydziału Chemii UJ" (part of a unit)
            later_unit = any(words_.is_head(t) and words_.head_lemma(t) in units for t in words[1:])
            mention.is_unit = bool(head_lemma in units or (later_unit and head_token is not None
                                                            and first is not None and head_token.start == first.start))
            mention.is_unit = mention.is_unit and not _contains_phrase(lemma_words, words_.lex.unit_institutions)
        else:
            if self._departmental(words, units | words_.parented_units):
                mention.is_unit = self._parent_after(mention.end) or self._owned(start)
            else:
                mention.is_unit = any(words_.head_lemma(t) in units for t in words if words_.is_head(t))
        mention.is_programme = self.is_programme(words, start)
        log.debug("organisation %r -> %r (%s)", surface, mention.name, kind)
        return mention

    def _departmental(self, words: list[Token], heads: set[str] | frozenset[str]) -> bool:
        """A name that opens with one of `heads` and a link: "Department for Education", "School of
        Physics": a unit when a parent follows it, else a ministry, an office of state, a school."""
        names = self.words
        return (len(words) > 2 and names.is_head(words[0]) and names.head_lemma(words[0]) in heads
                and words[1].text.lower() in names.connectors
                and not any(names.is_head(t) and names.head_lemma(t) not in heads for t in words[1:]))

    def _owned(self, start: int) -> bool:
        """A possessive right before the name: "Its School of Physics", "the University’s Centre
        for X"."""
        index = self.doc.token_index(start) - 1
        if index < 0 or not self.tokens[index].is_word:
            return False
        word = self.tokens[index].text
        return word.lower() in self.words.lex.possessive_determiners | self.words.en.possessive_determiners or (
            word.endswith(self.words.all.possessive_endings))

    def _parent_after(self, end: int) -> bool:
        """An organisation right after a unit's name: "Department of Physics at the University of
        X", "…, University of X", "… of the University", "…, DIT"."""
        links = self.words.all.affiliation_links | self.words.all.locative_prepositions
        index = self.doc.token_index(end)
        tokens = self.tokens
        if index < len(tokens) and tokens[index].text == ",":
            index += 1
        elif index < len(tokens) and tokens[index].text.lower() in links:
            index += 1
        else:
            return False
        while index < len(tokens) and tokens[index].text.lower() in self.words.all.articles:
            index += 1
        if index < len(tokens) and tokens[index].is_acronym:
            return True  # "College of Engineering, DIT"
        return index < len(tokens) and self.words.is_head(tokens[index]) or (
            index + 1 < len(tokens) and tokens[index].is_capitalised and self.words.is_head(tokens[index + 1]))

    def canonical(self, words: list[Token], start: int, end: int, head: int | None) -> str:
        """The name as it should be reported: Polish in the nominative; elsewhere as written."""
        surface = self.text[start:end]
        if self.language != "pl":
            return self._nominative_from_lemmas(words, start, end, head) if head is not None else surface
        if head is None:
            # no organisation word ("Krakowskiego Obszaru Funkcjonalnego (KrOF)"): the first noun
            head = next((self.doc.token_index(t.start) for t in words
                         if (any(r.pos in NOMINAL for r in analyse_pl(t.text))
                             and not any(r.pos == "adj" for r in analyse_pl(t.text))) or nominative_place(t.text)),
                        None)
        if head is None:
            return surface
        head_token = self.tokens[head]
        positions = [i for i, t in enumerate(words) if t.start == head_token.start]
        if not positions:
            return surface
        head_lemma = self.words.head_lemma(head_token) if self.words.is_head(head_token) else None
        forms = nominative_phrase([t.text for t in words], positions[0], head_lemma)
        if head_lemma in self.words.lex.municipal and positions[0] == 0 and len(words) == 2:
            forms[1] = place_nominative(words[1].text) or forms[1]  # "Miasta Gdyni" -> "Miasto Gdynia"
        for index in range(positions[0] + 1, len(words)):
            # a second name after a spaced dash inflects on its own: "Instytutu X – Państwowego Instytutu
            # Badawczego" -> "Instytut X – Państwowy Instytut Badawczy"
            between = self.text[words[index - 1].end:words[index].start]
            second = next((i for i in range(index, len(words)) if self.words.is_head(words[i])), None)
            if between.strip() in ("–", "-", "—") and " " in between and second is not None:
                rest = nominative_phrase([t.text for t in words[index:]], second - index,
                                         self.words.head_lemma(words[second]))
                forms[index:] = rest
                break
        pieces = []
        cursor = start
        for token, form in zip(words, forms, strict=True):
            pieces.append(self.text[cursor:token.start])
            pieces.append(form)
            cursor = token.end
        pieces.append(self.text[cursor:end])
        return "".join(pieces)

    def _nominative_from_lemmas(self, words: list[Token], start: int, end: int, head: int) -> str:
        """The head and the adjectives before it in the nominative, from their lemmas and the
        head's gender (the pack's `head_genders` and `adjective_nominatives`): "der Technischen
        Universität" -> "Technische Universität", "Olomouckého kraje" -> "Olomoucký kraj". As
        written when the pack has no such rules or the head's gender is unknown."""
        lex = self.words.lex
        surface = self.text[start:end]
        head_token = self.tokens[head]
        positions = [i for i, t in enumerate(words) if t.start == head_token.start]
        if not lex.adjective_nominatives or not positions or "-" in head_token.text:
            return surface
        head_lemma = lemma(head_token.text, self.language)
        gender = next((g for ending, g in lex.head_genders if head_lemma.endswith(ending)), None)
        if gender is None:
            return surface
        written = head_token.text.lower()
        plural = written.startswith(head_lemma) and written[len(head_lemma):] in lex.plural_endings
        if plural:
            gender = "p"
        forms: dict[int, str] = {}
        for index in range(positions[0] - 1, -1, -1):
            token = words[index]
            if not self.words.is_adjective(token) and lemma(token.text, self.language) == token.text.lower():
                break
            adjective = self._adjective_lemma(token.text)
            row = next(((ending, by_gender) for ending, by_gender in lex.adjective_nominatives
                        if adjective.endswith(ending)), None)
            if row is None:
                break
            ending, by_gender = row
            forms[index] = match_case(adjective[:len(adjective) - len(ending)] + by_gender[gender], token.text)
        genitive = written.startswith(head_lemma) and written[len(head_lemma):] in lex.genitive_endings
        if not plural and (lex.sentence_case or genitive
                           or any(form != words[index].text for index, form in forms.items())):
            # the head as its lemma when the name is inflected: German plurals ("Stadtwerke")
            # show it by the adjective; in sentence-case languages plural names are rare
            forms[positions[0]] = match_case(head_lemma, head_token.text)
        place = positions[0] + 1
        if (head_lemma in lex.municipal and positions[0] == 0 and place == len(words) - 1
                and words[place].is_capitalised):
            # "Města Opavy" -> "Město Opava"; a place of two words stays as written ("Vysoké Mýto")
            forms[place] = place_lemma(words[place].text, self.language)
        pieces = []
        cursor = start
        for index, token in enumerate(words):
            pieces.append(self.text[cursor:token.start])
            pieces.append(forms.get(index, token.text))
            cursor = token.end
        pieces.append(self.text[cursor:end])
        return "".join(pieces)

    def _town_of_organ(self, words: list[Token]) -> str | None:
        """The town whose organ the name is, named by its level as the partner is reported (the
        pack's `level_organs` and `named_by_level`): "Zastupitelstvo města Kolína" -> "Město Kolín".
        None for other names and for a place of two words or more."""
        lex = self.words.lex
        if len(words) != 3 or not words[2].is_capitalised or words[1].is_capitalised:
            return None
        level = lemma(words[1].text, self.language)
        if lemma(words[0].text, self.language) not in lex.level_organs or level not in lex.named_by_level:
            return None
        return f"{level[:1].upper()}{level[1:]} {place_lemma(words[2].text, self.language)}"

    def _adjective_lemma(self, word: str) -> str:
        """An adjective's lemma; for one the lemmatiser does not know (a place's adjective such as
        "Stodskou"), from its ending by the pack's `adjective_lemma_endings` ("ou" -> "ý")."""
        found = lemma(word, self.language)
        if found != word.lower():
            return found
        ending = next(((written, base) for written, base in self.words.lex.adjective_lemma_endings
                       if found.endswith(written) and len(found) > len(written) + 2), None)
        return found[:len(found) - len(ending[0])] + ending[1] if ending else found

    def is_programme(self, words: list[Token], start: int) -> bool:
        """Programme and fund names ("Fundusze Europejskie dla Śląska", "Horizon Europe"), also
        those announced by a lower-case "programu"/"programme" right before them."""
        if not words:
            return False
        programme_words = self.words.programme_words
        if len(words) > 2 and words[1].text.lower() in self.words.connectors and self.words.is_function(words[2]):
            return False  # "Conference of Rectors of …" is a body of people, no event
        first = words[0]
        first_forms = {first.text.lower()} | set(lemmas(first.text, self.language))
        if (first_forms & self.words.lex.org_heads and self.language != "en" and len(words) > 1
                and words[1].is_capitalised):
            # "Forum Izb X" heads a Polish name; an English "Forum" and "Forum w Łodzi" are events
            programme_words = self.words.lex.programme_words
        if first_forms & programme_words:
            return True
        two = " ".join(lemma(t.text, self.language) for t in words[:2])
        if two in programme_words or (first_forms | {two}) & self.words.documents:
            return True  # documents too: "Memorandum of Understanding" is no partner
        last = words[-1]
        if not self.words.lex.head_initial and len(words) > 1 and (
                {last.text.lower()} | set(lemmas(last.text, self.language))) & (programme_words | self.words.documents):
            return True  # "UK National Quantum Technologies Programme", "Horizon Europe Call", "X Agreement"
        if self._in_quoted_title(start):
            return True
        index = self.doc.token_index(start)
        previous = self.tokens[index - 1] if index > 0 else None
        if (previous and previous.is_word and not previous.is_capitalised
                and self.words.joins(previous, self.tokens[index])):
            forms = {previous.text.lower()} | set(lemmas(previous.text, self.language))
            return bool(forms & (self.words.lex.programme_announcers or programme_words)) and not self._owner(words)
        return False

    def _owner(self, words: list[Token]) -> bool:
        """An organisation in the genitive after a programme word owns the programme ("program
        Fundacji X" is the foundation's); a programme's own name stands in the nominative."""
        if self.language != "pl":
            return False
        head = next((t for t in words if self.words.is_head(t)), None)
        readings = analyse_pl(head.text) if head else ()
        return bool(readings) and all("nom" not in r.cases for r in readings) and any(
            "gen" in r.cases for r in readings)

    def _after_descriptor(self, start: int) -> bool:
        """After a descriptor noun, or as an item of a list, where names stand as written
        ("(Amica Wronki S.A., Aquanet S.A.)")."""
        index = self.doc.token_index(start) - 1
        if index < 0 or self.text.rfind("\n", 0, start) >= self.tokens[index].end:
            return True  # at a line's start
        if self.tokens[index].text in ("(", ",", ":", ";"):
            return True
        if not self.tokens[index].is_word:
            return False
        previous = self.tokens[index].text
        return bool(({previous.lower()} | set(lemmas(previous, self.language))) & self.words.descriptors)

    def _in_quoted_title(self, start: int) -> bool:
        """Inside the quoted title of a programme or document, which names places and bodies: „Strategia
        Rozwoju Aglomeracji X i Kraju Y na lata 2014–2020”."""
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[line_start:start]
        opened = max(before.rfind(quote) for quote in "„«")
        if opened < 0 or any(quote in before[opened + 1:] for quote in "”»"):
            return False
        first = before[opened + 1:].split(maxsplit=1)
        if not first:
            return False
        forms = {first[0].lower()} | set(lemmas(first[0], self.language))
        return bool(forms & (self.words.programme_words | self.words.documents))


def _contains_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a lemma phrase occurs in the words, its words in a row."""
    return any(tuple(words[i:i + len(phrase)]) == phrase for phrase in phrases for i in range(len(words)))
def place_lemma(word: str, language: str) -> str:
    """A place name's lemma when it keeps the word's stem ("Opavy" -> "Opava", "Trnave" ->
    "Trnava", "Košíc" -> "Košice"); as written when the lemma is another word ("Prahy" -> "práh"),
    an adjective's ("České" -> "český"), a shorter one of a word that is already a nominative
    ("Prešov" -> "preš"), or a singular of a plural place ("Levice" -> "levica")."""
    written = word.lower()
    found = lemma(word, language)
    stem = len(word) - 2
    if ("-" in word or stem < 2 or found[:stem] != written[:stem] or found.endswith(_ADJECTIVE_LEMMA_ENDINGS)
            or (written.endswith("ce") and found.endswith("ca"))
            or (written[-1] not in _VOWELS and len(found) <= len(written))):
        return word
    return match_case(found, word)


_VOWELS = frozenset("aeiouyáéíóúýěůäô")
_ADJECTIVE_LEMMA_ENDINGS = ("ý", "í")


def place_nominative(word: str) -> str | None:
    """The nominative of a place name in another case ("Gdyni" -> "Gdynia"); None when the word is
    no place, already a nominative singular, or the place is not certain ("Tarnowem": Tarnów or
    Tarnowo)."""
    hyphenated = nominative_place(word)
    if hyphenated:
        return hyphenated
    readings = [r for r in analyse_pl(word) if r.pos in NOMINAL and "sg" in r.numbers]
    if any("nom" in r.cases for r in readings):
        return None
    places = {clean_lemma(r.lemma) for r in readings if "nazwa_geograficzna" in r.labels}
    return places.pop() if len(places) == 1 else None
