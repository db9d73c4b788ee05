"""Organisation names in running text, with exact offsets and canonical (nominative) names.

Rules rather than a statistical tagger, because releases name organisations in a few regular
ways and the rules can be read, tested and extended per language (lang/<code>/extract.toml):
- a run of capitalised words (with connectors such as "i", "of", "de") containing an
  organisation head word: "Urzędem Marszałkowskim Województwa Śląskiego", "University of Salford";
- a capitalised name after a descriptor noun ("spółka Sanrail Components", "company X");
- a capitalised name followed by a legal form ("Softnet Silesia Sp. z o.o.", "KWL GmbH");
- a capitalised name followed by a bracketed acronym made of its initials ("Metropoolregio
  Rotterdam Den Haag (MRDH)");
- acronyms on their own ("GZM"), and gazetteer entries.
Polish names are put into the nominative with Morfeusz: the head and its agreeing adjectives
inflect, genitive complements stay.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from pressnlp.lang.morphology import lemma, lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import NOMINAL, analyse_pl, nominative_phrase
from pressnlp.stages.extract.gazetteer import Gazetteer
from pressnlp.stages.extract.lexicon import all_legal_forms, all_org_heads, lexicon
from pressnlp.stages.extract.text import Doc, Token, words_of

log = logging.getLogger(__name__)

# Languages whose names put the head first and agreeing adjectives around it (and whose
# adjectives we can recognise); elsewhere every capitalised word of a run belongs to the name.
HEAD_INITIAL = frozenset({"pl", "cs", "sk", "uk"})
# Languages that capitalise only the first word of a name ("Technická univerzita v Liberci").
SENTENCE_CASE = frozenset({"cs", "sk", "uk", "fr", "es"})
# Languages whose head nouns end compounds ("Forschungszentrum", "Bundesamt").
COMPOUNDING = frozenset({"de"})
_ADJECTIVE_ENDINGS = {
    "cs": ("ý", "á", "é", "í", "ého", "ému", "ém", "ým", "ou", "ých", "ými"),
    "sk": ("ý", "á", "é", "í", "ého", "eho", "ému", "om", "ým", "ou", "ých", "ými", "y", "ej"),
    "uk": ("ий", "ій", "а", "я", "е", "є", "ого", "ої", "ому", "ими", "их", "ою", "ої", "ій"),
}
_OPEN_QUOTES = "„“«\"'‚"
_CLOSE_QUOTES = "”“»\"'’"
_COORDINATORS = frozenset({"i", "oraz", "and", "&", "und", "a", "et", "y", "e", "та", "і", "й"})
_GENITIVE_LINKS = frozenset({"of", "de", "del", "des", "du", "der", "d'"})
_ARTICLES = frozenset({"the", "la", "le", "les", "el", "los", "las", "l'", "der", "die", "das", "den",
                       "dem", "des"})
_ROMAN = re.compile(r"^[IVXLC]+$")
_PLACE_PREPOSITIONS = frozenset({"w", "we", "na", "in", "at", "v", "ve", "vo", "у", "в", "à", "en", "im"})


@dataclass
class OrgMention:
    """One place in the text where an organisation is named."""

    start: int
    end: int
    name: str  # canonical name (nominative for Polish), legal form included when written
    key: str  # what mentions of the same organisation share
    kind: str  # "name", "acronym", "head" (a bare head word such as "Metropolia"), "gazetteer"
    head: str | None = None  # lemma of the head noun
    acronym: str | None = None  # a bracketed acronym right after the name
    legal_form: str | None = None
    is_unit: bool = False  # a department of something else
    is_programme: bool = False
    described: bool = False  # introduced as an organisation: "spółka X", "X, the charity"
    words: list[str] = field(default_factory=list)  # lemmas of the words as written, for containment


def name_key(words: list[str]) -> str:
    return " ".join(words)


def key_words(name: str, language: str) -> list[str]:
    """The words two mentions of one organisation share: for Polish the canonical (nominative)
    name's words, elsewhere lemmas, so "Technické univerzity" and "Technická univerzita" meet."""
    words = words_of(name)
    if language == "pl":
        return [w.lower() for w in words]
    return [w.lower() if sum(ch.isupper() for ch in w) >= 2 else lemma(w, language) for w in words]


class OrganisationFinder:
    """Finds organisation mentions in a Doc; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer

    def find(self, doc: Doc) -> list[OrgMention]:
        """Mentions in the Doc, computed once per Doc and shared by partners and people."""
        cached = doc.cache.get("organisations")
        if cached is None:
            cached = doc.cache["organisations"] = _DocFinder(doc, self.gazetteer).run()
        return cached

    def tagged_name(self, doc: Doc, part: list[int]) -> OrgMention | None:
        """A name mention from a run of Doc token indexes that something else (a NER model)
        tagged as an organisation, built as the rules build theirs: punctuation off the edges (a
        closing quote kept when the name opened one), a legal form split off and re-attached,
        the nominative from the head or the first noun. None when no capitalised word starts it."""
        return _DocFinder(doc, self.gazetteer).tagged_name(part)


class _DocFinder:
    def __init__(self, doc: Doc, gazetteer: Gazetteer | None):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.language = doc.language
        self.lex = doc.lexicon
        self.en = lexicon("en")
        self.heads = all_org_heads()
        self.connectors = {c.rstrip(".") for c in self.lex.connectors | self.en.connectors}
        self.legal_forms = all_legal_forms()
        self.descriptors = self.lex.descriptors | self.en.descriptors
        self.programme_words = self.lex.programme_words | self.en.programme_words
        self.not_names = self.lex.not_names | self.en.not_names
        self.gazetteer = gazetteer
        self.mentions: list[OrgMention] = []

    # --- token predicates ----------------------------------------------------------------------
    def is_head(self, token: Token) -> bool:
        if not token.is_word or token.text.isdigit():
            return False
        word = token.text.lower().removesuffix("'s").removesuffix("’s")
        if word in self.heads:
            return True
        if self.language in COMPOUNDING and token.is_capitalised:
            return any(word.endswith(head) and len(word) > len(head) + 2
                       for head in self.lex.org_heads if len(head) >= 3)
        return bool(lemmas(token.text, self.language) & self.heads)

    def head_lemma(self, token: Token) -> str:
        word = token.text.lower().removesuffix("'s").removesuffix("’s")
        if word in self.heads:
            return word
        found = sorted(lemmas(token.text, self.language) & self.heads)
        return found[0] if found else word

    def is_sentence_start(self, token: Token) -> bool:
        return token.start in self.doc.sentence_starts

    def joins(self, left: Token, right: Token) -> bool:
        """Whether two tokens are separated by nothing but spaces on one line."""
        gap = self.text[left.end:right.start]
        return "\n" not in gap and not gap.strip()

    def name_word(self, token: Token) -> bool:
        if not token.is_word or not token.is_capitalised:
            return False
        if _ROMAN.match(token.text) and len(token.text) <= 4:
            return False
        return True

    # --- chunks -------------------------------------------------------------------------------
    def chunks(self) -> list[list[int]]:
        """Runs of capitalised tokens (token indexes), with connectors between them; a run stops
        before a legal form ("Sp. z o.o."), which legal_form_after() attaches."""
        runs: list[list[int]] = []
        current: list[int] = []
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            joined = bool(current) and self.joins(tokens[current[-1]], token)
            connector = self._connector_length(i) if current and joined else 0
            if current and self.text.startswith(self.legal_forms, token.start) and self._legal_at(token.start):
                runs.append(current)
                current = []
            elif self.name_word(token) and (not current or joined):
                current.append(i)
            elif connector:
                current.extend(range(i, i + connector))
                i += connector - 1
            elif (current and joined and self.language in SENTENCE_CASE
                  and self._lowercase_name_part(current, i)):
                current.append(i)
            else:
                if current:
                    runs.append(current)
                current = [i] if self.name_word(token) else []
            i += 1
        if current:
            runs.append(current)
        return runs

    def _legal_at(self, offset: int) -> bool:
        return self.legal_form_after(offset - 1) is not None if offset and self.text[offset - 1] == " " else False

    def _connector_length(self, i: int) -> int:
        """Tokens taken by a connector at i ("i", "of", or "ds" + "."), when a name word follows."""
        tokens = self.tokens
        token = tokens[i]
        if token.text.lower() not in self.connectors:
            return 0
        size = 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == token.end else 1
        after = i + size
        if after < len(tokens) and self.name_word(tokens[after]) and self.joins(tokens[after - 1], tokens[after]):
            return size
        return 0

    def _lowercase_name_part(self, current: list[int], i: int) -> bool:
        """In sentence-case languages a name goes on in lower case up to its head noun
        ("Bratislavský samosprávny kraj"), and in Ukrainian over genitive complements
        ("Фонд міжнародної солідарності")."""
        token = self.tokens[i]
        if not token.is_word or token.text.isdigit():
            return False
        has_head = any(self.is_head(self.tokens[j]) for j in current)
        if not has_head:
            # look ahead: lower-case words up to a head within three words
            for j in range(i, min(i + 3, len(self.tokens))):
                nxt = self.tokens[j]
                if not nxt.is_word or (j > i and not self.joins(self.tokens[j - 1], nxt)):
                    return False
                if self.is_head(nxt):
                    return True
                if nxt.is_capitalised:
                    return False
            return False
        if self.language == "uk" and self.tokens[current[-1]].text.lower() not in self.connectors:
            endings = ("ої", "ого", "их", "ів", "ості", "ння", "ства", "ії", "ки", "ти", "ції")
            lowered = token.text.lower()
            return lowered.endswith(endings) and len(current) < 4
        return False

    # --- candidates from a chunk ----------------------------------------------------------------
    def run(self) -> list[OrgMention]:
        covered: list[tuple[int, int]] = []
        for chunk in self.chunks():
            for span in self.split_chunk(chunk):
                mention = self.candidate(span)
                if mention:
                    self.mentions.append(mention)
                    covered.append((mention.start, mention.end))
                    if mention.is_unit:
                        inner = self.embedded(span)
                        if inner and inner.end == mention.end and mention.acronym:
                            inner.acronym, mention.acronym = mention.acronym, None
        self.descriptor_names(covered)
        self.appositions(covered)
        self.acronym_defined_names(covered)
        self.acronyms(covered)
        if self.gazetteer:
            self.gazetteer_names(covered)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    def split_chunk(self, chunk: list[int]) -> list[list[int]]:
        """Cut a run into names: at coordinators between two headed parts, at possessives, and
        (Polish) at a second head that is not a genitive complement of the first."""
        tokens = self.tokens
        parts: list[list[int]] = [[]]
        for position, index in enumerate(chunk):
            token = tokens[index]
            current = parts[-1]
            lowered = token.text.lower()
            if lowered in _COORDINATORS and current and any(self.is_head(tokens[j]) for j in current):
                rest = chunk[position + 1:]
                if any(self.is_head(tokens[j]) for j in rest) and self._coordinated_head(rest):
                    parts.append([])
                    continue
            if (self.language == "pl" and len(current) > 1 and self.is_head(token) and analyse_pl(token.text)
                    and any(self.is_head(tokens[j]) for j in current) and not _genitive(token.text)):
                trimmed = self._trim_connectors(current)
                parts[-1] = trimmed
                parts.append([])
            if (lowered in _GENITIVE_LINKS and self.language not in HEAD_INITIAL and current
                    and any(self.is_head(tokens[j]) for j in current) and self._head_follows(chunk, position)):
                # "Junta de Gobierno del Ayuntamiento de València": a body of an organisation
                parts.append([])
                continue
            parts[-1].append(index)
            if token.text.endswith(("'s", "’s")):
                parts.append([])
        return [trimmed for trimmed in (self._trim_connectors(part) for part in parts) if trimmed]

    def _head_follows(self, chunk: list[int], position: int) -> bool:
        """A genitive link right before another organisation ("… del Ayuntamiento de València")."""
        for index in chunk[position + 1:]:
            word = self.tokens[index].text.lower()
            if word in _ARTICLES:
                continue
            return self.is_head(self.tokens[index])
        return False

    def _coordinated_head(self, rest: list[int]) -> bool:
        """The part after a coordinator starts a new name when its own first words lead to a head
        without passing through a genitive link ("... and Technology" does not)."""
        for index in rest[:4]:
            token = self.tokens[index]
            if self.is_head(token):
                return True
            if token.text.lower() in self.connectors:
                return False
            if self.language in HEAD_INITIAL and not self._is_adjective(token):
                return False  # "i Energetyki Politechniki …": a complement goes on
        return False

    def _trim_connectors(self, part: list[int]) -> list[int]:
        while part and (self.tokens[part[-1]].text.lower() in self.connectors
                        or self.tokens[part[-1]].text.lower() in _ARTICLES):
            part = part[:-1]
        return part

    def candidate(self, part: list[int]) -> OrgMention | None:
        tokens = self.tokens
        heads = [i for i in part if self.is_head(tokens[i])]
        legal = self.legal_form_after(tokens[part[-1]].end)
        if not heads and not legal:
            return None
        start_index = self._name_start(part, heads[0] if heads else part[0])
        part = [i for i in part if i >= start_index]
        while part and (tokens[part[0]].text in self.not_names or tokens[part[0]].text.lower() in _ARTICLES
                        or tokens[part[0]].text.lower() in self.connectors or not tokens[part[0]].is_word):
            part = part[1:]
        if not part or not tokens[part[0]].is_capitalised:
            return None
        heads = [i for i in part if self.is_head(tokens[i])]
        if not heads and not legal:
            return None
        if self.language not in SENTENCE_CASE and not any(tokens[i].is_capitalised for i in heads) and not legal:
            return None
        words = [i for i in part if tokens[i].is_word]
        municipal = self.lex.municipal  # the release's own language: "Kansas City" is a name
        if heads and not legal and words[-1] == heads[-1] and self.head_lemma(tokens[heads[-1]]) in municipal:
            # A municipality is named only with its name after the word: "Dolne Miasto" is a
            # district, "Urząd Miasta" refers back to the city named elsewhere.
            if len(heads) == 1:
                return None
            return self.make(part, kind="head", head=heads[0], head_word=heads[-1])
        if len(words) == 1 and not legal:
            token = tokens[words[0]]
            if not self.is_head(token) or (self.is_sentence_start(token) and not token.is_acronym):
                return None
            return self.make(part, kind="head", head=heads[0])
        return self.make(part, kind="name", head=heads[0] if heads else None, legal=legal)

    def embedded(self, part: list[int]) -> OrgMention | None:
        """The organisation inside a unit's name: "Wydział Ekologii Urzędu Miasta Rybnika" also
        names "Urząd Miasta Rybnika" (the genitive head after the unit's own head)."""
        tokens = self.tokens
        heads = [i for i in part if self.is_head(tokens[i])]
        for head in heads[1:]:
            if self.language != "pl" or not _genitive(tokens[head].text):
                continue
            if self.head_lemma(tokens[head]) in (self.lex.units | self.en.units):
                continue
            start = head
            for index in reversed([i for i in part if heads[0] + 1 < i < head]):
                if not _genitive(tokens[index].text) or not self._is_adjective(tokens[index]):
                    break
                start = index
            sub = [i for i in part if i >= start]
            mention = self.candidate(sub)
            if mention and not mention.is_unit:
                self.mentions.append(mention)
                return mention
            return None
        return None

    def _name_start(self, part: list[int], head: int) -> int:
        """Where the name begins: in head-initial languages at the head or the adjectives (and
        unknown foreign words) right before it; elsewhere at the run's first word."""
        if self.language not in HEAD_INITIAL:
            return part[0]
        start = head
        position = part.index(head)
        for index in reversed(part[:position]):
            token = self.tokens[index]
            if self._is_adjective(token) or token.is_acronym or (self.language == "pl" and not analyse_pl(token.text)):
                start = index
            else:
                break
        return start

    def _is_adjective(self, token: Token) -> bool:
        if self.language == "pl":
            last = token.text.rpartition("-")[2]
            return any(r.pos in ("adj", "ppas", "pact") for r in analyse_pl(last))
        return token.text.lower().endswith(_ADJECTIVE_ENDINGS.get(self.language, ()))

    # --- building a mention ------------------------------------------------------------------
    def tagged_name(self, part: list[int]) -> OrgMention | None:
        """See `OrganisationFinder.tagged_name`."""
        tokens = self.tokens
        while part and not tokens[part[0]].is_word:
            part = part[1:]
        while part and not tokens[part[-1]].is_word:
            opened = any(tokens[i].text in _OPEN_QUOTES for i in part[:-1])
            if opened and tokens[part[-1]].text in _CLOSE_QUOTES:
                break
            part = part[:-1]
        for position in range(1, len(part)):
            if self.legal_form_after(tokens[part[position - 1]].end):
                part = part[:position]  # "Kwantowe Laboratorium | Sp. z o.o."
                break
        if not part or not tokens[part[0]].is_capitalised:
            return None
        heads = [i for i in part if self.is_head(tokens[i])]
        return self.make(part, kind="name", head=heads[0] if heads else None,
                         legal=self.legal_form_after(tokens[part[-1]].end))

    def make(self, part: list[int], *, kind: str, head: int | None, legal: str | None = None,
             head_word: int | None = None) -> OrgMention:
        tokens = self.tokens
        start = tokens[part[0]].start
        end = tokens[part[-1]].end
        quoted_end = self._quoted_name_after(end)
        if quoted_end:
            end = quoted_end
        words = [t for t in tokens[self.doc.token_index(start):self.doc.token_index(end)] if t.is_word]
        surface = self.text[start:end]
        name = self.canonical(words, start, end, head)
        key = key_words(name, self.language)
        lemma_words = [lemma(t.text, self.language) if not t.is_acronym else t.text.lower() for t in words]
        head_token = tokens[head] if head is not None else None
        reference = tokens[head_word] if head_word is not None else head_token
        head_lemma = self.head_lemma(reference) if reference else None
        mention = OrgMention(start=start, end=end, name=name, key=name_key(key), kind=kind,
                             head=head_lemma, words=lemma_words)
        if legal:
            legal_start = self.text.index(legal, end)
            mention.end = legal_start + len(legal)
            mention.legal_form = legal
            mention.name = f"{name}{self.text[end:legal_start]}{legal}"
        mention.acronym = self.bracketed_acronym(mention.end, words)
        first = words[0] if words else None
        units = self.lex.units | self.en.units
        if self.language in HEAD_INITIAL:
            # "Wydział Chemii UJ", and "Zakład Chemii Wydziału Chemii UJ" (part of a unit)
            later_unit = any(self.is_head(t) and self.head_lemma(t) in units for t in words[1:])
            mention.is_unit = bool(head_lemma in units or (later_unit and head_token is not None
                                                            and first is not None and head_token.start == first.start))
        else:
            mention.is_unit = any(self.head_lemma(t) in units for t in words if self.is_head(t))
        mention.is_programme = self.is_programme(words, start)
        log.debug("organisation %r -> %r (%s)", surface, mention.name, kind)
        return mention

    def canonical(self, words: list[Token], start: int, end: int, head: int | None) -> str:
        """The name as it should be reported: Polish in the nominative; elsewhere as written."""
        surface = self.text[start:end]
        if self.language == "pl" and head is None:
            # no organisation word ("Krakowskiego Obszaru Funkcjonalnego (KrOF)"): the first noun
            head = next((self.doc.token_index(t.start) for t in words
                         if any(r.pos in NOMINAL for r in analyse_pl(t.text))
                         and not any(r.pos == "adj" for r in analyse_pl(t.text))), None)
        if self.language != "pl" or head is None:
            return surface
        head_token = self.tokens[head]
        positions = [i for i, t in enumerate(words) if t.start == head_token.start]
        if not positions:
            return surface
        head_lemma = self.head_lemma(head_token) if self.is_head(head_token) else None
        forms = nominative_phrase([t.text for t in words], positions[0], head_lemma)
        pieces = []
        cursor = start
        for token, form in zip(words, forms, strict=True):
            pieces.append(self.text[cursor:token.start])
            pieces.append(form)
            cursor = token.end
        pieces.append(self.text[cursor:end])
        return "".join(pieces)

    def _quoted_name_after(self, end: int) -> int | None:
        """A quoted proper name right after a head: Stowarzyszenie Ekologiczne „Zielone Beskidy”."""
        pattern = rf"\s?[{_OPEN_QUOTES}]([^\n{_CLOSE_QUOTES}]{{2,60}})[{_CLOSE_QUOTES}]"
        match = re.match(pattern, self.text[end:end + 70])
        if match and match.group(1)[:1].isupper():
            return end + match.end()
        return None

    def legal_form_after(self, end: int) -> str | None:
        following = self.text[end:end + 24]
        if not following.startswith((" ", ",\u00a0", "\u00a0")):
            return None
        rest = following.lstrip(" \u00a0")
        for form in all_legal_forms():
            if rest.startswith(form):
                after = rest[len(form):len(form) + 1]
                if not after or not after.isalnum():
                    return form
        return None

    def bracketed_acronym(self, end: int, words: list[Token]) -> str | None:
        """An acronym or another name in brackets right after a name: "(GZM)", "(Politechnika
        Wrocławska)"."""
        match = re.match(r"\s*\(([^()\n]{2,80})\)", self.text[end:end + 90])
        if not match:
            return None
        inner = match.group(1).strip()
        if any(ch.isdigit() for ch in inner) and (" " in inner or not any(ch.isalpha() for ch in inner)):
            return None
        if inner[:1].isupper() and len(inner.split()) <= 6:
            return inner
        return None

    def is_programme(self, words: list[Token], start: int) -> bool:
        """Programme and fund names ("Fundusze Europejskie dla Śląska", "Horizon Europe"), also
        those announced by a lower-case "programu"/"programme" right before them."""
        if not words:
            return False
        first = words[0]
        first_forms = {first.text.lower()} | set(lemmas(first.text, self.language))
        if first_forms & self.programme_words:
            return True
        two = " ".join(lemma(t.text, self.language) for t in words[:2])
        if two in self.programme_words:
            return True
        last = words[-1]
        if self.language not in HEAD_INITIAL and len(words) > 1 and (
                {last.text.lower()} | set(lemmas(last.text, self.language))) & self.programme_words:
            return True  # "UK National Quantum Technologies Programme", "Horizon Europe Call"
        index = self.doc.token_index(start)
        previous = self.tokens[index - 1] if index > 0 else None
        if previous and previous.is_word and not previous.is_capitalised and self.joins(previous, self.tokens[index]):
            forms = {previous.text.lower()} | set(lemmas(previous.text, self.language))
            return bool(forms & self.programme_words)
        return False

    # --- other ways names appear ---------------------------------------------------------------
    def descriptor_names(self, covered: list[tuple[int, int]]) -> None:
        """'spółka Sanrail Components', 'the municipal company Wrocławskie Mieszkania', 'z miastem
        Ostrawa': a lower-case descriptor noun followed by a capitalised name."""
        tokens = self.tokens
        for i, token in enumerate(tokens[:-1]):
            if not token.is_word or token.is_capitalised:
                continue
            if not ({token.text.lower()} | set(lemmas(token.text, self.language))) & self.descriptors:
                continue
            if i and self.tokens[i - 1].text.lower() in _PLACE_PREPOSITIONS:
                continue  # "w gminach Pilchowice i Bojszowy": places
            j = i + 1
            part: list[int] = []
            while j < len(tokens) and self.name_word(tokens[j]) and self.joins(tokens[j - 1], tokens[j]):
                part.append(j)
                j += 1
            if not part or _inside(tokens[part[0]].start, covered):
                continue
            if all(self.is_head(tokens[k]) for k in part) or _is_given_name(tokens[part[0]].text):
                continue
            for piece in self._split_on_coordinators(part, j):
                mention = self.make(piece, kind="name", head=None, legal=self.legal_form_after(tokens[piece[-1]].end))
                mention.described = True
                self.mentions.append(mention)
                covered.append((mention.start, mention.end))

    def appositions(self, covered: list[tuple[int, int]]) -> None:
        """'ALONE, the national charity for older people': a name explained by a descriptor."""
        pattern = re.compile(r",\s+(?:the|a|an)\s+((?:[\w-]+ ?){1,4})")
        for match in pattern.finditer(self.text):
            words = match.group(1).lower().split()
            for stop, word in enumerate(words):  # the noun before "for", "of", … heads the phrase
                if word in ("for", "of", "in", "at", "with", "and", "that", "which", "who"):
                    words = words[:stop]
                    break
            if not words or not (words[-1] in self.en.descriptors or lemma(words[-1], "en") in self.en.descriptors):
                continue
            end_index = self.doc.token_index(match.start()) - 1
            part: list[int] = []
            j = end_index
            while j >= 0 and self.name_word(self.tokens[j]) and (
                    not part or self.joins(self.tokens[j], self.tokens[part[0]])):
                part.insert(0, j)
                j -= 1
            while part and self.tokens[part[0]].text in self.not_names:
                part = part[1:]
            if not part or len(part) > 4 or _inside(self.tokens[part[0]].start, covered):
                continue
            if _is_given_name(self.tokens[part[0]].text):
                continue
            mention = self.make(part, kind="name", head=None)
            mention.described = True
            self.mentions.append(mention)
            covered.append((mention.start, mention.end))

    def _split_on_coordinators(self, part: list[int], after: int) -> list[list[int]]:
        """'z mestami Pezinok a Modra': two names after one plural descriptor."""
        pieces = [part]
        tokens = self.tokens
        if after + 1 < len(tokens) and tokens[after].text.lower() in _COORDINATORS:
            second = []
            j = after + 1
            while j < len(tokens) and self.name_word(tokens[j]) and self.joins(tokens[j - 1], tokens[j]):
                second.append(j)
                j += 1
            if second and len(second) <= 3:
                pieces.append(second)
        return pieces

    def acronym_defined_names(self, covered: list[tuple[int, int]]) -> None:
        """'Metropoolregio Rotterdam Den Haag (MRDH)': a capitalised run whose initials spell the
        bracketed acronym after it is a name even without a head word; the run may cross a dash
        ("Instytut Meteorologii i Gospodarki Wodnej – Państwowy Instytut Badawczy (IMGW-PIB)")."""
        for match in re.finditer(r"\(([A-ZĄĆĘŁŃÓŚŹŻÀ-ÞА-ЯІЇЄҐ][\w.&-]{1,11})\)", self.text):
            acronym = match.group(1)
            end_index = self.doc.token_index(match.start()) - 1
            if end_index < 0:
                continue
            part: list[int] = []
            j = end_index
            while j >= 0 and (self.name_word(self.tokens[j]) or self.tokens[j].text.lower() in self.connectors
                              or (self.tokens[j].text in "–—" and part)):
                part.insert(0, j)
                if j > 0 and "\n" in self.text[self.tokens[j - 1].end:self.tokens[j].start]:
                    break
                j -= 1
            part = self._trim_connectors(part)
            while part and (self.tokens[part[0]].text.lower() in self.connectors
                            or self.tokens[part[0]].text in self.not_names or not self.tokens[part[0]].is_word):
                part = part[1:]
            for size in range(len(part), 1, -1):
                piece = part[-size:]
                first = self.tokens[piece[0]]
                if not first.is_word or not first.is_capitalised:
                    continue
                words = [self.tokens[k].text for k in piece if self.tokens[k].is_word]
                if len(words) < 2 or not initials_match(acronym, words):
                    continue
                start = self.tokens[piece[0]].start
                shorter = [m for m in self.mentions if start < m.start and m.end <= match.start()
                           and m.kind == "name"]
                if _inside(start, covered) and not shorter:
                    break
                for mention in shorter:
                    self.mentions.remove(mention)
                heads = [k for k in piece if self.is_head(self.tokens[k])]
                mention = self.make(piece, kind="name", head=heads[0] if heads else None)
                mention.acronym = acronym
                self.mentions.append(mention)
                covered.append((mention.start, mention.end))
                break

    def acronyms(self, covered: list[tuple[int, int]]) -> None:
        """Acronyms on their own ("GZM", "NCBR"): each is a mention keyed by the acronym."""
        ignored = _not_organisation_acronyms()
        names = [(m.start, m.end) for m in self.mentions if not m.is_unit]
        for token in self.tokens:
            if not token.is_acronym or token.text in ignored or _ROMAN.match(token.text):
                continue
            if any(ch.isdigit() for ch in token.text) or _inside(token.start, names):
                continue
            before = self.text[max(0, token.start - 1):token.start]
            if before == "@" or self.text[token.end:token.end + 1] == "@":
                continue
            self.mentions.append(OrgMention(start=token.start, end=token.end, name=token.text,
                                            key=token.text.lower(), kind="acronym",
                                            is_programme=self.is_programme([token], token.start),
                                            words=[token.text.lower()]))

    def gazetteer_names(self, covered: list[tuple[int, int]]) -> None:
        assert self.gazetteer is not None
        for entry, matched, start, end in self.gazetteer.find(self.doc):
            if not entry.is_programme and any(s <= start and end <= e for s, e in covered):
                continue
            # the name as written when it is the one matched, the entry's when inflected
            surface = self.text[start:end]
            name = surface if normalise(surface) == normalise(matched) else matched
            words = key_words(name, entry.language)
            self.mentions.append(OrgMention(start=start, end=end, name=name, kind="gazetteer",
                                            key=name_key(words), is_programme=entry.is_programme, words=words))


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _is_given_name(word: str) -> bool:
    return any("imię" in r.labels for r in analyse_pl(word))


def _genitive(word: str) -> bool:
    return any("gen" in r.cases for r in analyse_pl(word))


def initials_match(acronym: str, words: list[str]) -> bool:
    """Whether an acronym is spelled by the initials of a name's words, skipping or using small
    connecting words ("DfE" = Department for Education, "GZM" = Górnośląsko-Zagłębiowska
    Metropolia, "NCBiR" = Narodowe Centrum Badań i Rozwoju)."""
    letters = [ch for ch in acronym if ch.isalpha()]
    parts: list[tuple[str, bool]] = []  # (initial, optional)
    for word in words:
        if sum(ch.isupper() for ch in word) >= 2:  # an acronym inside the name: "… PAN"
            parts.extend((ch, False) for ch in word if ch.isalpha())
            continue
        for piece in re.split(r"[-–]", word):
            if piece:
                parts.append((piece[0], not piece[0].isupper()))
    return _spell(letters, parts)


def _spell(letters: list[str], parts: list[tuple[str, bool]]) -> bool:
    if not letters:
        return all(optional for _, optional in parts)
    if not parts:
        return False
    initial, optional = parts[0]
    if initial.casefold() == letters[0].casefold() and _spell(letters[1:], parts[1:]):
        return True
    return optional and _spell(letters, parts[1:])


def _not_organisation_acronyms() -> frozenset[str]:
    from pressnlp.stages.extract.gazetteer import not_organisation_acronyms

    return not_organisation_acronyms()
