"""Where names begin and end: a run of capitalised words cut into names (at coordinators between
two headed parts, at possessives, at a second head that is no complement of the first), a name's
start in head-initial languages, the organisation inside a unit's name, and the edges of a name
another tagger found."""
from __future__ import annotations

import re
from functools import lru_cache

from pressnlp.lang.labels import leading_label
from pressnlp.lang.morphology import lemma, lemmas
from pressnlp.lang.pl.morphology import ADJECTIVAL, NOMINAL, analyse_pl, clean_lemma
from pressnlp.stages.extract.organisations.canonical import MentionBuilder
from pressnlp.stages.extract.organisations.edges import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    legal_form_after,
    listed_after,
    quoted_name_after,
)
from pressnlp.stages.extract.organisations.mention import OrgMention
from pressnlp.stages.extract.organisations.words import PLACE_ADJECTIVE_ENDINGS, NameWords, is_genitive
from pressnlp.stages.extract.text import Token


class NameBounds:
    """Turns runs of tokens (token indexes) of one Doc into name mentions."""

    def __init__(self, words: NameWords, builder: MentionBuilder):
        self.words = words
        self.builder = builder
        self.tokens = words.tokens
        self.language = words.language

    def legal_form_after(self, end: int) -> str | None:
        return legal_form_after(self.words.text, end, self.words.all.legal_forms)

    def split_chunk(self, chunk: list[int]) -> list[list[int]]:
        """Cut a run into names: at coordinators between two headed parts, at possessives, and
        (Polish) at a second head that is not a genitive complement of the first."""
        words = self.words
        tokens = self.tokens
        parts: list[list[int]] = [[]]
        for position, index in enumerate(chunk):
            token = tokens[index]
            current = parts[-1]
            lowered = token.text.lower()
            if lowered in words.lex.list_coordinators and current:
                parts.append([])  # "Ochotniczej Straży Pożarnej oraz Koła Gospodyń": "oraz" joins names only
                continue
            if (lowered in words.all.coordinators and current and not words.lex.head_initial
                    and not any(words.is_head(tokens[j]) for j in current)
                    and self._coordinated_head(chunk[position + 1:])
                    and ((len(current) == 1 and tokens[current[0]].is_acronym) or self._named_alone(current))):
                # "between Zentra and Hollis Pharma Company", Zentra named alone elsewhere; "FH und Stadt X"
                parts.append([])
                continue
            if lowered in words.all.coordinators and current and any(words.is_head(tokens[j]) for j in current):
                rest = chunk[position + 1:]
                # "Svaz měst a obcí …": lower-case complements coordinated inside one name
                lower_case = (words.lex.sentence_case and bool(rest) and not tokens[rest[0]].is_capitalised
                              and not tokens[current[-1]].is_capitalised)
                if ((any(words.is_head(tokens[j]) for j in rest) and self._coordinated_head(rest)
                     and not lower_case and not self._coordinated_levels(current, rest[0]))
                        or (not words.lex.head_initial and len(rest) == 1 and tokens[rest[0]].is_acronym)
                        or (self.language == "pl" and rest and tokens[rest[0]].is_acronym)):
                    # "University of X and Y College", "University of X and XUH"; Polish "Szkoła
                    # Podstawowa nr 5 i SP nr 2": an acronym after a coordinator names another
                    parts.append([])
                    continue
            if (self.language == "pl" and len(current) > 1 and words.is_head(token) and analyse_pl(token.text)
                    and any(words.is_head(tokens[j]) for j in current) and not is_genitive(token.text)
                    and not self._own_name_before(current, token)):
                trimmed = words.trim_connectors(current)
                parts[-1] = trimmed
                parts.append([])
            headed = any(words.is_head(tokens[j]) and words.head_lemma(tokens[j]) not in words.lex.territories
                         for j in current)  # a body's head: "Region des Landkreises X" is two names
            following = self._head_follows(chunk, position) if lowered in words.all.genitive_links else None
            if (following is not None and not words.lex.head_initial and current
                    and (len(current) == 1 or any(words.is_head(tokens[j]) for j in current))
                    and not (headed and words.lex.capitalised_nouns
                             and words.head_lemma(tokens[following]) in words.lex.territories)):
                # "Junta de Gobierno del Ayuntamiento de València": a body of an organisation;
                # "Veranstaltung der Technischen Universität": one word without a head before it;
                # "Ministerium für Umwelt des Landes X" (a territory after a German head) is one name
                parts.append([])
                continue
            if self._after_adjectival_territory(current):
                parts.append([])  # "Banskobystrického kraje | Slovenskou národní galerii": the region's name is whole
            if lowered in words.all.locative_prepositions and self._territory_named(current):
                parts.append([])  # "Landkreis Nordhausen in Thüringen": where the territory lies
                continue
            if self._person_after_name(chunk, position, current) or self._second_name(position, chunk, current):
                parts.append([])
            parts[-1].append(index)
            if token.text.endswith(words.all.possessive_endings) and not self._saints_name(chunk, position):
                parts.append([])
        return [trimmed for trimmed in (words.trim_connectors(part) for part in parts) if trimmed]

    def _named_alone(self, current: list[int]) -> bool:
        """Words without a head before a coordinator that the release also writes on their own
        (inside a sentence, before no capitalised word and no coordinator): a name of its own
        ("Zentra" of "… paid Zentra."), not the first half of one ("Marks and Spencer")."""
        text = self.words.text
        start, end = self.tokens[current[0]].start, self.tokens[current[-1]].end
        alone = re.compile(rf"(?<![\w-]){re.escape(text[start:end])}(?![\w-])(?! +(?:[A-Z]|and |& ))")
        sentence_starts = self.words.doc.sentence_starts
        return any(found.start() != start and found.start() not in sentence_starts for found in alone.finditer(text))

    def _after_adjectival_territory(self, current: list[int]) -> bool:
        """A sentence-case territory named by its adjective ends at its head ("Olomoucký kraj",
        "Trnavský samosprávny kraj"): what follows belongs to another name."""
        words = self.words
        tokens = self.tokens
        if not words.lex.sentence_case or len(current) < 2:
            return False
        head = tokens[current[-1]]
        if (not words.is_head(head) or words.head_lemma(head) not in words.lex.territories
                or words.head_lemma(head) in words.lex.municipal):
            return False  # a town's name follows its word: "Statutární město Kolín"
        # adjectives by their lemma: "Zdravotnickou záchrannou službou Kraje …" ends in a noun ("služba")
        endings = tuple(ending for ending, _ in words.lex.adjective_nominatives)
        first = len(current) - 1
        while first > 0 and lemma(tokens[current[first - 1]].text, self.language).endswith(endings):
            first -= 1
        return first < len(current) - 1 and tokens[current[first]].is_capitalised

    def _saints_name(self, chunk: list[int], position: int) -> bool:
        """A saint's possessive inside a name before its head: "St. Mary’s Hospital" (the word before
        it an abbreviation of the name's own, such as "St.")."""
        tokens = self.tokens
        return (position >= 2 and position + 1 < len(chunk) and tokens[chunk[position - 1]].text == "."
                and f"{tokens[chunk[position - 2]].text}." in self.words.abbreviations
                and self.words.is_head(tokens[chunk[position + 1]]))

    def _territory_named(self, current: list[int]) -> bool:
        """A territory's head with its name after it ("Landkreis Nordhausen", "Mesto Trnava"): a
        locative after them says where it lies, no part of its name; Polish names keep it."""
        words = self.words
        heads = [j for j in current if words.is_head(self.tokens[j])]
        return (self.language != "pl" and len(heads) == 1 and heads[0] != current[-1]
                and words.head_lemma(self.tokens[heads[0]]) in words.lex.territories)

    def _coordinated_levels(self, current: list[int], after: int) -> bool:
        """Two municipal levels around a coordinator after an office, the office of one
        municipality: "Urzędu Miasta i Gminy X" (without the office, "Miasta i Gminy X" names
        "Gmina X")."""
        municipal = self.words.lex.municipal
        levels = [i for i in (current[-1], after)
                  if self.words.is_head(self.tokens[i]) and self.words.head_lemma(self.tokens[i]) in municipal]
        return len(levels) == 2 and len(current) > 1 and self.words.is_head(self.tokens[current[-2]])

    def _own_name_before(self, current: list[int], head: Token) -> bool:
        """Polish: the adjectives right before a second head agree with it, not with the first head:
        a name in apposition ("Fundacja Wspólny Dom"), not a second organisation ("Politechnika
        Opolska Wydział Mechaniczny")."""
        tokens = self.tokens
        position = next(k for k, j in enumerate(current) if self.words.is_head(tokens[j]))
        first = tokens[current[position]]
        between = [tokens[j] for j in current[position + 1:]]
        return bool(between) and all(self.words.is_adjective(t) and agrees(t.text, head.text)
                                     and not agrees(t.text, first.text) for t in between)

    def _second_name(self, position: int, chunk: list[int], current: list[int]) -> bool:
        """In sentence-case languages a capitalised head right after a lower-case word of a name
        starts another name: two names glued at a case boundary ("Krajské zdravotní Úřadem …")."""
        words = self.words
        if not words.lex.sentence_case or not current or any(
                words.is_head(self.tokens[j]) and words.head_lemma(self.tokens[j]) not in words.units for j in current):
            return False  # a name with its head goes on: "Zdravotnická záchranná služba Kraje Vysočina"
        token = self.tokens[chunk[position]]
        previous = self.tokens[current[-1]]
        return (token.is_capitalised and not token.is_acronym and self.words.is_head(token) and previous.is_word
                and not previous.is_capitalised and previous.text.lower() not in self.words.connectors)

    def _person_after_name(self, chunk: list[int], position: int, current: list[int]) -> bool:
        """A person's name right after an organisation's ("Universität Leipzig Hans Müller"): a
        given name, followed by another capitalised word, once the name has its head and a word
        after it (in Polish right after the head too: "Powiat Anna Nowak"). In Polish the given name
        and the next word must share a case other than the genitive ("Miasta X Kamilem Nowakiem");
        elsewhere they must end the run: a patron's is a genitive
        ("Uniwersytet im. Adama Mickiewicza", "Fundacja Jana Pawła II")."""
        tokens = self.tokens
        token = tokens[chunk[position]]
        heads = [j for j in current if self.words.is_head(tokens[j])]
        # right after its head a given name may begin a patron's name, but a territory has none:
        # "… řekl hejtman Plzeňského kraje Jan Novák" names the region and a person
        patron_possible = (heads and heads[0] == current[-1] and self.language != "pl"
                           and self.words.head_lemma(tokens[heads[0]]) not in self.words.lex.territories
                           and not self.words.is_nominative_given_name(token))
        if not heads or position + 1 >= len(chunk) or patron_possible:
            return False
        following = tokens[chunk[position + 1]]
        if self.language == "pl" and self._honorific(token) and self.words.is_given_name(following):
            return True  # "Prezesa Zarządu Pana Adama Ogrodnika": a person's courtesy title
        if not following.is_capitalised or self.words.is_head(following) or not self.words.is_given_name(token):
            return False
        if self.language == "pl":  # a patron is in the genitive: "Uniwersytet Jana Kochanowskiego"
            # an accusative that is no genitive too is a person's ("dyrektor Szpitala X Annę Nowak"); a
            # feminine genitive is a dative and a locative too ("im. Marii Nowak"): a patron's
            given = [r for r in analyse_pl(token.text) if "imię" in r.labels]
            if current[-1] != heads[0] and self.words.head_lemma(tokens[heads[0]]) in self.words.lex.municipal:
                return True  # no patron after a municipality's place: "Wójt Gminy Mielec Kazimierza Gacka"
            if given and not any("gen" in r.cases for r in given):
                return True  # a given name no patron's genitive can be: "przewodniczącego Rady Olga Banacha"
            cases = {case for r in given for case in r.cases - ({"gen", "acc"} if "gen" in r.cases else {"gen"})}
            if any("gen" in r.cases and "sg" in r.numbers for r in given):
                cases -= {"dat", "loc"}
            # none: a surname Morfeusz lacks ("Miasta Paweł Xsilbert"); a double one by its first part
            surname = analyse_pl(following.text.partition("-")[0])
            return any(r.cases & cases for r in surname) or (bool(cases & {"nom", "acc"}) and not surname)
        return position == len(chunk) - 2  # the name's last two words: a patron goes on ("… v Trenčíne")

    def _honorific(self, token: Token) -> bool:
        """"Pana", "Pani": a form of a courtesy title of the pack's `titles` (not "PAN", an acronym)."""
        if token.text.isupper() or not token.is_capitalised:
            return False
        return bool(lemmas(token.text, self.language) & _word_titles(self.words.lex.titles))

    def _head_follows(self, chunk: list[int], position: int) -> int | None:
        """The head of another organisation right after a genitive link ("… del Ayuntamiento de
        València", "… der Technischen Universität"), if one follows."""
        for index in chunk[position + 1:]:
            word = self.tokens[index].text.lower()
            if word in self.words.all.articles:
                continue
            if self.words.is_head(self.tokens[index]):
                return index
            if not self.words.is_adjective(self.tokens[index]):
                return None
        return None

    def _coordinated_head(self, rest: list[int]) -> bool:
        """The part after a coordinator starts a new name when its own first words lead to a head
        without passing through a genitive link ("... and Technology" does not)."""
        for index in rest[:4]:
            token = self.tokens[index]
            if self.words.is_head(token):
                return True
            if token.text.lower() in self.words.connectors:
                return False
            if self.words.lex.head_initial and not self.words.is_adjective(token):
                return False  # "i Energetyki Politechniki …": a complement goes on
        return False

    def candidate(self, part: list[int]) -> OrgMention | None:
        """The name in a part of a run, if it is one: it needs a head noun or a legal form."""
        words = self.words
        tokens = self.tokens
        # neither "Stadt-" of "Stadt- und Regionalentwicklung" nor the plural of "Städte und Gemeinden" heads a name
        heads = [i for i in part if words.is_head(tokens[i]) and not words.is_suspended(tokens[i])
                 and not words.is_plural_territory(tokens[i])]
        legal = self.legal_form_after(tokens[part[-1]].end)
        if not heads and not legal:
            if listed_after(words.text, tokens[part[-1]].end, words.all.stock_exchanges):
                return self.builder.make(part, kind="name", head=None)  # "Acme Bio (Nasdaq: ACMB)"
            return self._subsidiary(part)
        start_index = self._name_start(part, heads[0] if heads else part[0])
        if not tokens[start_index].is_capitalised:  # "… koordinácie fondov EÚ Ministerstva …": the capitalised head
            start_index = next((start for start in (self._name_start(part, head) for head in heads[1:])
                                if tokens[start].is_capitalised), start_index)
        part = [i for i in part if i >= start_index]
        while part and (tokens[part[0]].text in words.not_names or tokens[part[0]].text.lower() in words.all.articles
                        or tokens[part[0]].text.lower() in words.connectors or not tokens[part[0]].is_word):
            part = part[1:]
        part = self._without_function_adjectives(part)
        part = self._without_label(self._without_capitalised_descriptor(self._from_first_head(part)))
        part = self._without_leading_unit(self._without_common_last_word(part, legal))
        part = self._without_organ(part, legal)
        if not part or not tokens[part[0]].is_capitalised or (not legal and words.is_plural_territory(tokens[part[0]])):
            return None  # "Städten und Gemeinden des Landkreises": towns in general, no one's name
        heads = [i for i in part if words.is_head(tokens[i])]
        if not heads and not legal:
            return None
        if not legal and sum(len(tokens[i].text) >= 4 and tokens[i].text.isupper() for i in part) >= 2:
            return None  # words in capitals: a slogan or a campaign ("UNIWERSYTECKIE MIASTO X")
        if not words.lex.sentence_case and not any(tokens[i].is_capitalised for i in heads) and not legal:
            return None
        if (not legal and not words.lex.head_initial and len(part) == 3 and heads == [part[2]]
                and tokens[part[1]].text.lower() in words.all.coordinators and not tokens[part[0]].is_acronym):
            return None  # "Klinik und Verwaltung": two common nouns, no name
        if self.language == "pl" and not legal and _generic_plural([tokens[i].text for i in part], heads[0] - part[0],
                                                                   words.lex.plural_name_heads):
            return None  # "Organizacje Pozarządowe", "Lokalne Grupy Działania": a kind of body, no name
        word_indexes = [i for i in part if tokens[i].is_word]
        if not legal and not words.lex.head_initial and self._quoted_whole(part):
            return None  # "'University City' commits to …": a nickname or a slogan in quotes
        if not legal and word_indexes[-1] not in heads and tokens[word_indexes[-1]].text.lower() in words.lex.buildings:
            return None  # a building after its owner's head: "County Hall", "City Hall"
        municipal = words.lex.municipal  # the release's own language: "Kansas City" is a name
        if heads and not legal and word_indexes[-1] == heads[-1] and words.head_lemma(tokens[heads[-1]]) in municipal:
            # A municipality is named only with its name after the word: "Dolne Miasto" is a
            # district, "Urząd Miasta" refers back to the city named elsewhere.
            if len(heads) == 1:
                return None
            if not self._place_with_municipal_word(heads):
                return self.builder.make(part, kind="head", head=heads[0], head_word=heads[-1])
        if len(word_indexes) == 1 and not legal:
            token = tokens[word_indexes[0]]
            if _named_compound(token.text, words.heads):
                return self.builder.make(part, kind="name", head=heads[0])  # "Otto-von-Guericke-Universität"
            if words.is_head(token) and quoted_name_after(words.text, token.end):
                return self.builder.make(part, kind="name", head=heads[0])  # "Stowarzyszenie „Razem dla X”"
            if not words.is_head(token) or (words.is_sentence_start(token) and not token.is_acronym):
                return None
            return self.builder.make(part, kind="head", head=heads[0])
        mention = self.builder.make(part, kind="name", head=heads[0] if heads else None, legal=legal)
        before = part[0] - 1
        mention.described = before >= 0 and tokens[before].is_word and bool(
            (lemmas(tokens[before].text, self.language) | {tokens[before].text.lower()}) & words.descriptors)
        return mention

    def _quoted_whole(self, part: list[int]) -> bool:
        """A name in quotes from its first word to its last, which head-final languages give no
        organisation's name but a title's, a nickname's or a slogan's."""
        text = self.words.text
        start, end = self.tokens[part[0]].start, self.tokens[part[-1]].end
        return start > 0 and end < len(text) and text[start - 1] in OPEN_QUOTES and text[end] in CLOSE_QUOTES
    def _place_with_municipal_word(self, heads: list[int]) -> bool:
        """Polish 'Gmina Stare Miasto', 'Gminy Nowe Miasto': a municipal word, then a place named with
        one, an adjective agreeing with it before it ("Stare Miasto"), is a name of its own."""
        tokens = self.tokens
        first, last = heads[-2], heads[-1]
        between = tokens[first + 1:last]
        return (self.language == "pl" and self.words.head_lemma(tokens[first]) in self.words.lex.municipal
                and bool(between) and all(t.is_capitalised and self.words.is_adjective(t)
                                          and agrees(t.text, tokens[last].text) for t in between))

    def _subsidiary(self, part: list[int]) -> OrgMention | None:
        """A company's national subsidiary: a proper name and a country word ("Thales UK")."""
        tokens = self.tokens
        words = [i for i in part if tokens[i].is_word]
        if len(words) != 2 or tokens[words[1]].text not in self.words.all.subsidiary_suffixes:
            return None
        first = tokens[words[0]]
        if first.text in self.words.not_names or first.text in self.words.all.subsidiary_suffixes | (
                self.words.all.place_modifiers):
            return None
        return self.builder.make(words, kind="name", head=None)

    def _without_organ(self, part: list[int], legal: str | None) -> list[int]:
        """The body an organ belongs to: "Zarząd Spółki X S.A." and "Spółka X S.A." name X S.A.;
        "Rada Nadzorcza" on its own names no partner. A one-word organ counts only before a
        company or an acronym ("Zarząd WFOŚiGW w X"; "Zarząd Transportu Metropolitalnego" is an organisation)."""
        tokens = self.tokens
        words = [tokens[i] for i in part]
        forms = [lemmas(t.text, self.language) | {t.text.lower()} for t in words]
        for organ in self.words.organs:
            if len(organ) <= len(words) and all(organ[k] in forms[k] for k in range(len(organ))):
                rest = part[len(organ):]
                if len(organ) > 1 or legal or (rest and forms[len(organ)] & self.words.descriptors) or (
                        self._organisation_head(rest)) or (rest and tokens[rest[0]].is_acronym):
                    return self._without_descriptor(rest, legal)
                return part
        return self._without_descriptor(part, legal)

    def _organisation_head(self, part: list[int]) -> bool:
        """Whether the words open with an organisation's head, after its adjectives, that is no
        territory ("Zarząd Jaworznickiej Izby X" is the chamber's board; "Zarząd Województwa X" is
        the region's own body, "Zarząd Dróg" an office)."""
        words = self.words
        for index in part:
            token = self.tokens[index]
            if words.is_head(token):
                head = words.head_lemma(token)
                return head not in words.lex.territorial_levels and head not in words.lex.municipal | words.units
            if not words.is_adjective(token):
                return False
        return False

    def _without_descriptor(self, part: list[int], legal: str | None) -> list[int]:
        """"Spółka Prochem S.A." -> "Prochem S.A.": a company descriptor before a proper name
        (a word the morphology does not know, or an acronym) and a legal form."""
        tokens = self.tokens
        if not legal or len(part) < 2:
            return part
        for position in range(len(part) - 2, -1, -1):  # "Regensburger Firma Routiq GmbH": after the last one
            first, second = tokens[part[position]], tokens[part[position + 1]]
            # a proper name: an acronym, an unknown word, a capital in a sentence-case name ("Společnost
            # Teplárny …"), a Polish noun that is no complement ("Spółka Prochem S.A.", not "Spółka
            # Restrukturyzacji Kopalń")
            proper = (second.is_acronym or lemmas(second.text, self.language) == {second.text.lower()}
                      or (self.words.lex.sentence_case and second.is_capitalised)
                      or (self.language == "pl" and not is_genitive(second.text) and not self.words.is_adjective(second)
                          and not self.words.is_head(second)))
            forms = lemmas(first.text, self.language) | {first.text.lower()}
            if proper and forms & self.words.descriptors and not (
                    first.is_capitalised and forms & self.words.lex.name_descriptors):
                return part[position + 1:]
        return part

    def _without_common_last_word(self, part: list[int], legal: str | None) -> list[int]:
        """A capitalised common noun after a name's "of" complement, as in a title-case headline:
        "Boost for University of X Research" names "University of X" when the release writes
        "research" in lower case elsewhere; where nouns are not all capitalised."""
        words = self.words
        tokens = self.tokens
        if legal or words.lex.head_initial or words.lex.capitalised_nouns or len(part) < 4:
            return part
        last = tokens[part[-1]]
        if (words.is_head(last) or last.is_acronym or not last.is_capitalised
                or tokens[part[-3]].text.lower() not in words.all.genitive_links):
            return part
        lower = last.text.lower()
        return part[:-1] if re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", words.text) else part

    def _without_function_adjectives(self, part: list[int]) -> list[int]:
        """Polish adjectives that agree with the function right before a name, not with the name's
        words after them, are the function's: "Dyrektor Generalny PGE Dystrybucja S.A." names "PGE
        Dystrybucja S.A." ("dyrektora Wojewódzkiego Szpitala": the adjective is the hospital's)."""
        tokens = self.tokens
        if self.language != "pl" or len(part) < 2 or part[0] == 0:
            return part
        function = tokens[part[0] - 1]
        if not lemmas(function.text, self.language) & self.words.lex.functions:
            return part
        position = 0
        while (position < len(part) - 1 and self.words.is_adjective(tokens[part[position]])
               and agrees(tokens[part[position]].text, function.text)
               and not (any(r.pos in NOMINAL for r in analyse_pl(tokens[part[position + 1]].text))
                        and agrees(tokens[part[position]].text, tokens[part[position + 1]].text))):
            position += 1
        return part[position:]

    def _without_label(self, part: list[int]) -> list[int]:
        """The name after a release label that opens it: "Tlačová správa Žilinského samosprávneho
        kraja" is the region's release."""
        if not part:
            return part
        end = leading_label(self.words.text, self.tokens[part[0]].start)
        return [i for i in part if self.tokens[i].start >= end]

    def _without_capitalised_descriptor(self, part: list[int]) -> list[int]:
        """Where every noun has a capital, a descriptor that is no head before a name: "der Firma
        Technische Hochschule X" names "Technische Hochschule X"."""
        if not self.words.lex.capitalised_nouns or len(part) < 2:
            return part
        first = self.tokens[part[0]]
        forms = lemmas(first.text, self.language) | {first.text.lower()}
        return part[1:] if forms & self.words.descriptors and not self.words.is_head(first) else part

    def _without_leading_unit(self, part: list[int]) -> list[int]:
        """Where names are not head-initial, a unit's word right before another head names that
        head's organisation: "Pressestelle Landkreis X" is the district's."""
        words = self.words
        tokens = self.tokens
        if words.lex.head_initial or len(part) < 3 or not words.is_head(tokens[part[0]]):
            return part
        second = tokens[part[1]]
        if (words.head_lemma(tokens[part[0]]) in words.units and words.is_head(second)
                and words.head_lemma(second) not in words.units):
            return part[1:]
        return part

    def _from_first_head(self, part: list[int]) -> list[int]:
        """Where names put the head first or after its adjectives, words before a connector are
        no part of the name unless a head is among them: "Bezug zum Landkreis X" names "Landkreis
        X", "Memorandum of Understanding" nothing; "Department for Education" stays whole."""
        tokens = self.tokens
        if self.words.lex.head_initial or not any(self.words.is_head(tokens[i]) for i in part):
            return part  # "Halden & Voss SE": a company named by its legal form
        for position, index in enumerate(part):
            token = tokens[index]
            if self.words.is_head(token):
                return part
            if token.text.lower() in self.words.all.coordinators:
                continue  # "National Cyber and Information Security Agency": modifiers of one head
            if token.text.lower() in self.words.connectors and position:
                rest = part[position + 1:]
                if rest and self.words.is_function(tokens[rest[0]]):
                    return part  # "Conference of Rectors of …": a body of the people named
                return rest if any(self.words.is_head(tokens[i]) for i in rest) else []
        return part

    def embedded(self, part: list[int]) -> OrgMention | None:
        """The organisation inside a unit's name: "Wydział Ekologii Urzędu Miasta Rybnika" also
        names "Urząd Miasta Rybnika" (the genitive head after the unit's own head)."""
        words = self.words
        tokens = self.tokens
        heads = [i for i in part if words.is_head(tokens[i])]
        polish = self.language == "pl"
        for head in heads[1:]:
            # elsewhere a capital inside a sentence-case name, on the head or the adjective before it:
            # "Přírodovědecká fakulta Univerzity X", "Fakulta výrobných technológií Technickej univerzity v X"
            capital = words.lex.sentence_case and (tokens[head].is_capitalised or (
                heads[0] < head - 1 and tokens[head - 1].is_capitalised and words.is_adjective(tokens[head - 1])))
            inside = is_genitive(tokens[head].text) if polish else capital
            if not inside:
                continue
            if words.head_lemma(tokens[head]) in words.units:
                continue
            start = head
            for index in reversed([i for i in part if heads[0] + 1 < i < head]):
                if not words.is_adjective(tokens[index]) or not (
                        is_genitive(tokens[index].text) if polish else tokens[index].is_capitalised):
                    break
                start = index
            sub = [i for i in part if i >= start]
            mention = self.candidate(sub)
            return mention if mention and not mention.is_unit else None
        return None

    def _name_start(self, part: list[int], head: int) -> int:
        """Where the name begins: in head-initial languages at the head or the adjectives (and
        unknown foreign words) right before it; elsewhere at the run's first word."""
        if not self.words.lex.head_initial or self.words.is_english_head(self.tokens[head]):
            return part[0]  # an English name quoted in the release: "Opole University of Technology"
        start = head
        position = part.index(head)
        for index in reversed(part[:position]):
            token = self.tokens[index]
            if self.language == "pl" and self.words.is_adjective(token) and not agrees(token.text,
                                                                                       self.tokens[head].text):
                break  # "przed Salą Kolumnową Sejmiku X": the adjective is another noun's
            acronym = token.is_acronym and not self.words.lex.sentence_case  # "… fondov EÚ Ministerstva …"
            if (self.words.is_adjective(token) or acronym
                    or (self.language == "pl" and not analyse_pl(token.text))):
                start = index
            else:
                break
        return start

    def tagged_name(self, part: list[int]) -> OrgMention | None:
        """See `OrganisationFinder.tagged_name`."""
        tokens = self.tokens
        while part and not tokens[part[0]].is_word:
            part = part[1:]
        while part and not tokens[part[-1]].is_word:
            opened = any(tokens[i].text in OPEN_QUOTES for i in part[:-1])
            if opened and tokens[part[-1]].text in CLOSE_QUOTES:
                break
            part = part[:-1]
        for position in range(1, len(part)):
            if self.legal_form_after(tokens[part[position - 1]].end):
                part = part[:position]  # "Kwantowe Laboratorium | Sp. z o.o."
                break
        if not part or not tokens[part[0]].is_capitalised:
            return None
        heads = [i for i in part if self.words.is_head(tokens[i])]
        return self.builder.make(part, kind="name", head=heads[0] if heads else None,
                                 legal=self.legal_form_after(tokens[part[-1]].end))


@lru_cache(maxsize=100_000)
def agrees(adjective: str, noun: str) -> bool:
    """Whether a Polish adjective can agree with a noun in case, number and gender ("Kolumnową"
    does not with "Sejmiku"); true when the noun is unknown to the analyser. Remembered per pair:
    name starts and plural names ask it of the same words again and again."""
    nouns = [r for r in analyse_pl(noun) if r.pos in NOMINAL]
    if not nouns:
        return True
    adjectives = [r for r in analyse_pl(adjective.rpartition("-")[2]) if r.pos in ADJECTIVAL]
    return any(a.cases & n.cases and a.numbers & n.numbers and (a.genders & n.genders or not a.genders or not n.genders)
               for a in adjectives for n in nouns)


def _generic_plural(written: list[str], head: int, plural_name_heads: frozenset[str]) -> bool:
    """A Polish plural of common words only: the name of a kind of body, not of one ("Uczelnie
    Warszawskie", "Rodzinne Domy Dziecka"); with a place adjective and one of `plural_name_heads` it
    names one body ("Wodociągi Krakowskie")."""
    if not 0 <= head < len(written):
        return False
    nouns = [r for r in analyse_pl(written[head]) if r.pos in NOMINAL]
    named_plural = any(clean_lemma(r.lemma).lower() in plural_name_heads for r in nouns)
    numbers = {number for r in nouns for number in r.numbers}
    for index, word in enumerate(written):
        readings = analyse_pl(word)
        if not readings or word.isupper() or any(ch.isdigit() for ch in word):
            return False
        if not any(clean_lemma(r.lemma)[:1].islower() for r in readings):
            return False  # a proper name: "Zakłady Azotowe Puławy"
        adjectives = [r for r in readings if r.pos in ADJECTIVAL]
        if named_plural and any(clean_lemma(r.lemma).endswith(PLACE_ADJECTIVE_ENDINGS) for r in adjectives):
            return False
        if index != head and adjectives and agrees(word, written[head]):
            numbers &= {n for a in adjectives for r in nouns if a.cases & r.cases for n in a.numbers & r.numbers}
    return numbers == {"pl"}


def _named_compound(word: str, heads: frozenset[str]) -> bool:
    """A head joined by hyphens to a proper name: "Otto-von-Guericke-Universität", not a generic
    "Helmholtz-Zentrum" that the heads list itself."""
    first, _, last = word.rpartition("-")
    return bool(first) and first[:1].isupper() and last[:1].isupper() and word.lower() not in heads


@lru_cache(maxsize=16)
def _word_titles(titles: frozenset[str]) -> frozenset[str]:
    """The titles written without a dot ("pan", "pani", "dr"; not "prof."), lower case."""
    return frozenset(title.lower() for title in titles if title.isalpha())
