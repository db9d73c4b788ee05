"""Merging the mentions of one organisation: the same canonical name (legal form aside), the
same gazetteer entry, a bracketed acronym or one spelled by the name's initials, a shorter name
contained in a longer one, bodies of one self-government, and a bare head word ("Metropolia")
referring back to the one organisation with that head."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from itertools import product

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma
from pressnlp.stages.extract.english_names import english_name
from pressnlp.stages.extract.gazetteer import Entry, Gazetteer
from pressnlp.stages.extract.lexicon import everywhere
from pressnlp.stages.extract.organisations import OrgMention, initials_match
from pressnlp.stages.extract.organisations.edges import OPEN_QUOTES
from pressnlp.stages.extract.text import Doc, words_of


@dataclass(eq=False)
class OrgGroup:
    """The mentions of one organisation."""

    mentions: list[OrgMention] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    entry: Entry | None = None

    @property
    def names(self) -> list[OrgMention]:
        return [m for m in self.mentions if m.kind in ("name", "gazetteer")]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def heads(self) -> set[str]:
        return {m.head for m in self.names if m.head}

    def best_name(self, lesser_heads: frozenset[str] = frozenset(), *, acronym_first: bool = False) -> str:
        """The name to report; `lesser_heads`: heads whose names give way to the group's others (an
        organ's "Sejmik Województwa X" to "Urząd Marszałkowski Województwa X"); `acronym_first`:
        the group's own acronym may open its name ("AGH University of X", where names end in their
        head)."""
        names = ([m for m in self.names if m.kind == "name" and not m.is_unit]
                 or [m for m in self.names if not m.is_unit])
        if not names and not self.entry and not self.acronyms:
            names = self.names
        if names:
            # The fullest written form in the release's language: legal form and locative kept
            # ("TBS w Gliwicach"); of forms as full, one opening a sentence (a nominative).
            # A name that carries the group's own acronym is another's ("Institut für Leichtbau der TUO").
            own = {normalise(acronym) for acronym in self.acronyms}
            return max(names, key=lambda m: (not m.english, not own & _carried_acronyms(m.name, acronym_first),
                                             m.head not in lesser_heads, len(m.words),
                                             m.legal_form is not None, m.opens_sentence, -m.start)).name
        if self.entry:
            return self.entry.name
        return self.acronyms[0] if self.acronyms else self.mentions[0].name

    def absorb(self, other: OrgGroup) -> None:
        """Take over the mentions, acronyms and entry of another group of the same organisation."""
        self.mentions.extend(other.mentions)
        self.acronyms.extend(a for a in other.acronyms if a not in self.acronyms)
        self.entry = self.entry or other.entry


def is_unit(group: OrgGroup) -> bool:
    """Every name of the group is a unit's, or one name written alike everywhere is a unit's once
    ("CSU's Center for Energy Systems" … "the Center for Energy Systems"), and neither the gazetteer
    nor an acronym on its own names their organisation ("Pomorski Oddział NFZ" names NFZ; "Biuro
    Prasowe KPRP" and "KPRP" name KPRP)."""
    names = group.names
    units_only = bool(names) and (all(m.is_unit for m in names)
                                  or (any(m.is_unit for m in names) and len({m.key for m in names}) == 1))
    return units_only and not group.entry and not any(
        m.kind == "acronym" and not _inside_unit(m, group) for m in group.mentions)


def _inside_unit(mention: OrgMention, group: OrgGroup) -> bool:
    return any(name.start <= mention.start and mention.end <= name.end for name in group.names)


def group_mentions(doc: Doc, mentions: list[OrgMention], gazetteer: Gazetteer) -> list[OrgGroup]:
    """The organisations named in a Doc, in order of first mention: names outside boilerplate
    and programmes grouped, then acronyms and bare head words attached to them."""
    mentions = [m for m in mentions if not doc.in_boilerplate(m.start)]
    programmes = [m for m in mentions if m.is_programme]
    programme_names = {normalise(name) for m in programmes for name in (m.name, doc.text[m.start:m.end], m.acronym)
                       if name}  # "Memorandum of Understanding (MOU)": MOU is no partner either
    mentions = [m for m in mentions if not m.is_programme and normalise(m.name) not in programme_names
                and not any(p.start < m.end and m.start < p.end for p in programmes)]
    mentions = _drop_overlaps(mentions)
    groups: dict[str, OrgGroup] = {}
    by_acronym: dict[str, OrgGroup] = {}
    names = sorted((m for m in mentions if m.kind in ("name", "gazetteer")), key=lambda m: m.start)
    for mention in names:
        entry = _entry_for(mention, gazetteer)
        key = "entry:" + entry.name if entry else _legal_free(mention.key)
        group = groups.get(key) or by_acronym.get(normalise(mention.name)) or _same_acronym(mention, by_acronym)
        if group is None:
            group = groups[key] = OrgGroup()
        groups.setdefault(key, group)
        group.mentions.append(mention)
        group.entry = group.entry or entry
        if mention.acronym:
            # "(ЧТУ, Black Sea Technical University)": an acronym and another name, each an alias
            pieces = [piece.strip() for piece in mention.acronym.split(",") if piece.strip()]
            if len(pieces) > 1 and not _acronyms_in(pieces[0]):
                pieces = [mention.acronym]  # "(Starosta, Wicestarosta)": no acronym, nothing to split
            group.acronyms.extend(piece for piece in pieces if piece not in group.acronyms)
            # "(SÚC TTSK)": the unit's own acronym and its parent's; the parent's is taken already
            for acronym in (*pieces, *pieces[0].split()):
                by_acronym.setdefault(normalise(acronym), group)
    _merge_prefixes(groups, doc)
    ordered = _merge_offices(_merge_territorial(list(dict.fromkeys(groups.values())), doc), doc)
    for mention in (m for m in mentions if m.kind == "acronym"):
        group = by_acronym.get(normalise(mention.name)) or _acronym_owner(
            mention.name, ordered, doc.text[mention.end:mention.end + 80])
        if group is None:
            entry = gazetteer.lookup(mention.name)
            group = groups.setdefault("entry:" + entry.name if entry else "acronym:" + mention.name, OrgGroup())
            group.entry = group.entry or entry
            if group not in ordered:
                ordered.append(group)
        if mention.name not in group.acronyms:
            group.acronyms.append(mention.name)
        by_acronym.setdefault(normalise(mention.name), group)
        group.mentions.append(mention)
    ordered = _merge_numbered(_merge_dashed(_merge_other_names(ordered, doc), doc), doc)
    for mention in (m for m in mentions if m.kind == "head"):
        owner = _head_owner(mention, ordered)
        if owner:
            owner.mentions.append(mention)
    return [g for g in ordered if g.mentions]


def _merge_other_names(groups: list[OrgGroup], doc: Doc) -> list[OrgGroup]:
    """One organisation under its local and its English name ("Politechnika Opolska" and "Opole
    University of Technology", the English rendered as english_names renders it), and a name
    that carries another organisation's acronym ("Municipal Transport Union KZK" is KZK's)."""
    kept: list[OrgGroup] = []
    by_name: dict[str, OrgGroup] = {}
    by_acronym = {normalise(acronym): group for group in groups for acronym in group.acronyms}
    translate = any(m.english for group in groups for m in group.names)  # English names to meet
    for group in groups:
        names = {normalise(m.name) for m in group.names}
        owner = next((by_name[name] for name in names if name in by_name), None)
        if owner is None:
            owner = next((by_acronym[word] for m in group.names for word in _acronyms_in(m.name)
                          if by_acronym.get(word) not in (None, group)), None)
        if owner is None:  # a two-part acronym inside a longer name: "Municipal Transport Union KZK GOP"
            owner = next((other for acronym, other in by_acronym.items() if other is not group and " " in acronym
                          and any(_carries(normalise(m.name), acronym) for m in group.names)), None)
        if owner is not None:
            owner.absorb(group)
            continue
        kept.append(group)
        for mention in group.names:
            by_name.setdefault(normalise(mention.name), group)
            english = english_name(mention.name, doc.language) if translate else None
            if english:
                by_name.setdefault(normalise(english), group)
    return kept


def _merge_numbered(groups: list[OrgGroup], doc: Doc) -> list[OrgGroup]:
    """'SP nr 2' is 'Szkoła Podstawowa nr 2 w X': an acronym spelled by the words before the same
    number mark and number."""
    marks = {mark.lower().rstrip(".") for mark in doc.lexicon.number_marks}
    numbered: dict[int, tuple[list[str], int]] = {}  # id(group) -> (words of a name, index of its mark)
    for group in groups:
        for mention in group.names:
            words = mention.name.split()
            at = next((i for i, word in enumerate(words[:-1]) if word.lower().rstrip(".") in marks), None)
            if at:
                numbered[id(group)] = (words, at)
    absorbed: set[int] = set()
    for group in groups:
        words, at = numbered.get(id(group), ([], 0))
        if at != 1 or len(group.names) != len(group.mentions):
            continue
        owner = next((other for other in groups if other is not group and id(other) in numbered
                      and id(other) not in absorbed and numbered[id(other)][1] > 1
                      and [w.lower() for w in numbered[id(other)][0][numbered[id(other)][1]:][:2]]
                      == [w.lower() for w in words[1:3]]
                      and initials_match(words[0], numbered[id(other)][0][:numbered[id(other)][1]])), None)
        if owner is not None:
            owner.absorb(group)
            absorbed.add(id(group))
    return [group for group in groups if id(group) not in absorbed]


def _carries(name: str, acronym: str) -> bool:
    """Whether a normalised name holds the acronym's words and more ("municipal transport union kzk
    gop", not "landkreis kassel" written in capitals)."""
    return name != acronym and f" {acronym} " in f" {name} "


def _merge_dashed(groups: list[OrgGroup], doc: Doc) -> list[OrgGroup]:
    """A name right after another's, joined by a spaced dash, is a part of it: "Uniwersytet X –
    Collegium Medicum" names the university's medical college, one partner with the university."""
    owner_of = {id(m): group for group in groups for m in group.names}
    names = sorted((m for group in groups for m in group.names), key=lambda m: m.start)
    absorbed: set[int] = set()
    for left, right in zip(names, names[1:], strict=False):
        owner, part = owner_of[id(left)], owner_of[id(right)]
        if (owner is part or id(owner) in absorbed or doc.text[left.end:right.start] not in _SPACED_DASHES
                or left.head is None or part.acronyms or part.entry):
            continue  # "… mesta Trnava - Univerzitou X": a place and a list of organisations of their own
        for mention in part.names:
            mention.is_unit = True
        owner.absorb(part)
        absorbed.add(id(part))
        owner_of.update({id(m): owner for m in part.names})
    return [group for group in groups if id(group) not in absorbed]


_SPACED_DASHES = frozenset({" - ", " – ", " — "})


def _carried_acronyms(name: str, acronym_first: bool) -> set[str]:
    """The acronyms inside a name, but for one that opens it where `acronym_first` allows it."""
    found = _acronyms_in(name)
    first = words_of(name)[:1]
    if acronym_first and found and first and normalise(first[0]) == found[0]:
        found = found[1:]
    return set(found)


def _acronyms_in(name: str) -> list[str]:
    return [normalise(word) for word in words_of(name) if sum(ch.isupper() for ch in word) >= 2]


def _entry_for(mention: OrgMention, gazetteer: Gazetteer) -> Entry | None:
    """The gazetteer entry of a name, tried with and without its legal form and through its
    bracketed acronym."""
    for name in (mention.name, _strip_legal_form(mention.name, mention.legal_form), mention.acronym):
        if name:
            entry = gazetteer.lookup(name)
            if entry:
                return entry
    return None


def _merge_prefixes(groups: dict[str, OrgGroup], doc: Doc) -> None:
    """'Urząd Marszałkowski' is 'Urząd Marszałkowski Województwa Śląskiego' named short;
    'Stowarzyszenie Metropolia Poznań' contains 'Metropolia Poznań'."""
    keys = sorted(groups, key=lambda k: len(_lemma_words(groups[k])))
    for short in keys:
        words = _lemma_words(groups[short])
        if len(words) < 2:
            continue
        for long in keys:
            if long == short or groups[long] is groups[short] or is_unit(groups[long]):
                continue
            if groups[short].acronyms and groups[long].acronyms and not set(groups[short].acronyms) & set(
                    groups[long].acronyms):
                continue  # "Správa a údržba ciest TTSK (SÚC TTSK)" is not "TTSK": two acronyms, two bodies
            long_words = _lemma_words(groups[long])
            if len(long_words) > len(words) and (_contains(long_words, words) or _quoted_short(
                    groups[short], words, long_words)) and not _complement_of(groups[long], groups[short], words, doc):
                groups[long].absorb(groups[short])
                groups[short] = groups[long]
                break


def _quoted_short(short: OrgGroup, words: list[str], long_words: list[str]) -> bool:
    """A head and a quoted name, the long name's first and last words: "Stowarzyszenie „PRom”" for
    "Stowarzyszenie PR i Promocji Uczelni Polskich „PRom”"."""
    return (len(words) == 2 and (long_words[0], long_words[-1]) == (words[0], words[-1])
            and any(quote in m.name for m in short.names for quote in OPEN_QUOTES))


def _complement_of(long: OrgGroup, short: OrgGroup, words: list[str], doc: Doc) -> bool:
    """The shorter name inflected after the longer one's head, as its complement: "Zdravotnická
    záchranná služba Kraje Vysočina" is a service of "Kraj Vysočina", not that region; written as
    it is on its own ("Stowarzyszenie Metropolia Poznań") it is the same organisation."""
    territories = doc.lexicon.territories | set(doc.lexicon.territorial_levels)
    if long.heads() & doc.lexicon.territorial_bodies and short.heads() & territories:
        return False  # "Krajský úřad Olomouckého kraje" is the office of "Olomoucký kraj": one partner
    long_words = _lemma_words(long)
    inner = [i for i in range(1, len(long_words) - len(words) + 1) if long_words[i:i + len(words)] == words]
    if not inner or long_words[:len(words)] == words:
        return False
    written = [doc.text[m.start:m.end] for m in long.names] + [m.name for m in long.names]
    return not any(m.name in surface for m in short.names for surface in written)


def _same_acronym(mention: OrgMention, by_acronym: dict[str, OrgGroup]) -> OrgGroup | None:
    """The group whose own bracketed acronym the mention's is; a part of a unit's two-part acronym
    ("ŽSK" of "(SC ŽSK)") is its parent's, not the unit's."""
    group = by_acronym.get(normalise(mention.acronym)) if mention.acronym else None
    return group if group is not None and mention.acronym in group.acronyms else None


def _acronym_owner(acronym: str, groups: list[OrgGroup], following: str = "") -> OrgGroup | None:
    """The group a name of which the acronym spells, legal form aside, with or without the place
    after a locative of any pack, or only the head and the patron ("UM" for "Uniwersytet Medyczny w
    Lublinie", "TU" for "Trnavská univerzita v Trnave", "BTBS" for "Bielskie Towarzystwo Budownictwa
    Społecznego Sp. z o.o."), the name but an acronym at its end, or the name's first words when the rest
    of it `following` the acronym in the text ("TU Dresden" for "Technische Universität Dresden")."""
    locatives = everywhere().locative_prepositions
    for group in groups:
        for mention in group.names:
            words = _strip_legal_form(mention.name, mention.legal_form).split()
            places = [i for i in range(2, len(words)) if words[i].lower() in locatives]
            place = places[0] if places else len(words)
            # a university called after its patron: "UJD" for "Uniwersytet Humanistyczno-Przyrodniczy
            # im. Jana Długosza w Częstochowie"
            patron = words[:1] + words[words.index("im.") + 1:place] if "im." in words[1:place] else []
            # "ZOSP" (written "ZOSP RP") for "Związek Ochotniczych Straży Pożarnych RP": the acronym at its end aside
            without_acronym = words[:-1] if len(words) > 2 and _acronyms_in(words[-1]) else []
            spelled = [words, *(words[:i] for i in places), patron, without_acronym]
            if any(initials_match(acronym, part) for part in spelled if part):
                return group
            if any(following.startswith(f" {' '.join(words[k:])}") and initials_match(acronym, words[:k])
                   for k in range(1, len(words))):
                return group
    return None


def _drop_overlaps(mentions: list[OrgMention]) -> list[OrgMention]:
    """Keep the longest of overlapping mentions (a rule name over a shorter gazetteer match)."""
    kept: list[OrgMention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        overlapping = [k for k in kept if k.start < mention.end and mention.start < k.end]
        # what a unit's name contains is kept: "Wydział Chemii UJ" names UJ too
        if all(k.is_unit and k.start <= mention.start and mention.end <= k.end for k in overlapping):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _lemma_words(group: OrgGroup) -> list[str]:
    """The lemmas of a group's longest written name (for 'contains' comparisons)."""
    names = group.names
    return max((m.words for m in names), key=len) if names else []


def _merge_territorial(groups: list[OrgGroup], doc: Doc) -> list[OrgGroup]:
    """Bodies of one self-government are one partner: "Urząd Miasta Rybnika", "Miasto Rybnik",
    "Gmina Miasta Gdańska"/"Urząd Miejski w Gdańsku", "Zarząd Województwa Śląskiego"/"Urząd
    Marszałkowski Województwa Śląskiego" (the words are the lexicon's `territorial_levels`)."""
    levels = doc.lexicon.territorial_levels
    if not levels:
        return groups
    by_key: dict[tuple[str, str], OrgGroup] = {}
    kept: list[OrgGroup] = []
    for group in groups:
        # a place's form may be read as several places ("w Paczkowie": Paczków or Paczkowo): any meets
        keys = [] if is_unit(group) else _territory(group, doc, levels)
        owner = next((by_key[key] for key in keys if key in by_key), None)
        if owner is not None:
            owner.absorb(group)
        else:
            kept.append(group)
        for key in keys:
            by_key.setdefault(key, owner or group)
    # "Urząd Marszałkowski", "Starostwo Powiatowe" without their place: of the one region or county named
    county_words = frozenset(lvl for lvl in levels if lvl.startswith(tuple(doc.lexicon.adjectival_levels)))
    for level, words in ((levels[0], doc.lexicon.region_bodies), ("county", county_words)):
        named = list({id(group): group for (each, _place), group in by_key.items() if each == level}.values())
        if len(named) == 1:
            for group in [g for g in kept if g is not named[0] and _body_without_place(g, doc, words)]:
                named[0].absorb(group)
                kept.remove(group)
    counties: dict[str, list[OrgGroup]] = {}
    for (level, stem), group in by_key.items():
        if level == "county" and group not in counties.get(stem[:4], []):
            counties.setdefault(stem[:4], []).append(group)
    for pair in counties.values():
        # "Powiat Łowicki" and "Starostwo Powiatowe w Łowiczu": the stems of the adjective and of the
        # seat part at a consonant change ("łowick", "łowicz"); one county named both ways
        seats = [group for group in pair if _named_with_seat(group, doc)]
        if len(pair) == 2 and len(seats) == 1:
            pair[0].absorb(pair[1])
            kept.remove(pair[1])
    return kept


def _named_with_seat(group: OrgGroup, doc: Doc) -> bool:
    return any(word in doc.lexicon.seat_prepositions for m in group.names for word in m.name.split())


def _body_without_place(group: OrgGroup, doc: Doc, words: frozenset[str]) -> bool:
    """Every name of the group is a body of one level without the place's name, also with its seat:
    "Urząd Marszałkowski", "Urząd Marszałkowski w Olsztynie" (`words`: the pack's `region_bodies`),
    "Starostwo Powiatowe", "Rada Powiatu"."""
    return bool(group.names) and not group.acronyms and all(
        m.head in doc.lexicon.territorial_bodies and len(m.words) >= 2 and m.words[1] in words
        and (len(m.words) == 2 or m.words[2] in doc.lexicon.seat_prepositions) for m in group.names)


def _merge_offices(groups: list[OrgGroup], doc: Doc) -> list[OrgGroup]:
    """A territory and its office named with the same place are one partner: "Landratsamt X" and
    "Landkreis X" (the pack's `territories` and `territorial_bodies`; Polish has its own rule)."""
    if not doc.lexicon.territories:
        return groups
    by_place: dict[tuple[str, ...], list[tuple[bool, OrgGroup]]] = {}
    kept: list[OrgGroup] = []
    for group in groups:
        named = {place for m in group.names for place in _named_places(m, doc)}
        # a body meets its territory, never another territory: "Landkreis X" is not "Stadt X"
        owner = next((other for place, body in named for other_body, other in by_place.get(place, ())
                      if body != other_body), None)
        if owner is not None and not is_unit(group):
            owner.absorb(group)
            continue
        for place, body in named:
            by_place.setdefault(place, []).append((body, group))
        kept.append(group)
    return kept


def _named_places(mention: OrgMention, doc: Doc) -> list[tuple[tuple[str, ...], bool]]:
    """(the place's lemmas, whether a body names it) of a territory's or its office's name:
    "Landkreis X", "Landratsamt X"; "Mesto X" written "mesta X" (the municipal word is no word of
    the mention), "Mestský úrad v X" (an office named by the municipal adjective and the seat);
    where every noun has a capital also the stem a state and its ministry share ("Freistaat
    Bayern", "Bayerisches Staatsministerium für …")."""
    lex = doc.lexicon
    bodies = lex.territorial_bodies
    words = mention.words
    if len(words) > 1 and words[0] in lex.territories | bodies:
        named = [(tuple(words[1:]), words[0] in bodies)]
        if lex.capitalised_nouns and len(words) == 2 and words[0] in lex.territories:
            named.append((_stem(words[1]), False))
        return named
    if lex.capitalised_nouns and len(words) > 1 and words[1] in bodies:
        return [(_stem(words[0]), True)]
    if not lex.sentence_case:
        return []
    if mention.head in lex.territories and words and mention.head not in words:
        return [(tuple(words), False)]
    if (len(words) > 3 and words[1] in bodies and words[2] in lex.locative_prepositions
            and any(len(level) > 3 and words[0].startswith(level[:-1]) for level in lex.municipal)):
        return [(tuple(words[3:]), True)]
    return []


def _stem(word: str) -> tuple[str, ...]:
    """The key a place and its adjective share ("bayern", "bayerisch"; "sachsen", "sächsisch")."""
    return ("~" + normalise(word)[:4],)


def _territory(group: OrgGroup, doc: Doc, levels: tuple[str, ...]) -> list[tuple[str, str]]:
    """(level, place) for names of a municipality or region or of their offices and boards:
    ("local", "gdańsk") for "Gmina Miasta Gdańska" and "Urząd Miejski w Gdańsku": the name is a
    level or a body of one, and the place is the proper name in it; one key for each place its
    words may be a form of."""
    for mention in group.names:
        if mention.head not in levels and mention.head not in doc.lexicon.territorial_bodies:
            continue
        surface = words_of(doc.text[mention.start:mention.end])
        if surface and not surface[0][:1].isupper():
            surface = words_of(mention.name)  # written in lower case: "powiat milicki"
        # every lemma of a word, not just the one chosen: "Gminy" is also a form of "gmin"
        forms = [lemmas(word, doc.language) | {lemma_} for word, lemma_ in zip(surface, mention.words, strict=False)]
        level = next((lvl for lvl in levels if any(lvl in each for each in forms)), None)
        if level is None:
            continue
        indexed = [(index, word) for index, (word, each) in enumerate(zip(surface, forms, strict=False))
                   if word[:1].isupper() and not each & (set(levels) | doc.lexicon.org_heads | doc.lexicon.level_kinds)
                   and _place_lemma(word) is not None]
        places = [word for _, word in indexed]
        if places and level.startswith(tuple(doc.lexicon.adjectival_levels)):
            # a county is named by its place's adjective or by its seat: "Powiat Kamiennogórski" and
            # "Starostwo Powiatowe w Kamiennej Górze" meet at the stem both start with
            return [("county", _place_stem(places))]
        if places:
            # the place's last word, and the word right before it where a place has two ("Czeski
            # Cieszyn" is not Cieszyn)
            place = [_place_lemmas(word) for index, word in indexed[-2:]
                     if index == indexed[-1][0] or index == indexed[-1][0] - 1]
            kind = levels[0] if level == levels[0] else "local"
            return [(kind, " ".join(reading)) for reading in product(*place)]
    return []


def _place_stem(words: list[str]) -> str:
    """The first letters of a place's lemmas run together, without diacritics: "kamien" for
    "Kamiennogórski" and "Kamiennej Górze"."""
    joined = "".join(_place_lemma(word) or word.lower() for word in words)
    return "".join(ch for ch in unicodedata.normalize("NFKD", joined) if not unicodedata.combining(ch))[:6]


def _place_lemma(word: str) -> str | None:
    """The geographic name a word is a form of ("Gdańska", "Gdańsku" -> "gdańsk")."""
    return next(iter(_place_lemmas(word)), None)


@cache
def _place_lemmas(word: str) -> tuple[str, ...]:
    """Every geographic name a word may be a form of ("Paczkowie" -> "paczkowo", "paczków"), else
    the adjective it is a form of ("Województwa Śląskiego")."""
    readings = analyse_pl(word)
    places = tuple(dict.fromkeys(clean_lemma(r.lemma).lower() for r in readings if "nazwa_geograficzna" in r.labels))
    if places:
        return places
    adjective = next((clean_lemma(r.lemma).lower() for r in readings if r.pos == "adj"), None)
    if adjective:  # "Województwa Śląskiego"
        return (adjective,)
    prefix, dash, last = word.rpartition("-")
    if dash and prefix.lower().endswith("o") and last:  # "Warmińsko-Mazurskiego": the last part inflects
        return tuple(f"{prefix.lower()}-{found}" for found in _place_lemmas(last))
    return ()


def _strip_legal_form(name: str, legal_form: str | None) -> str:
    if legal_form and name.endswith(legal_form):
        return name[: -len(legal_form)].rstrip(" ,")
    return name


def _legal_free(key: str) -> str:
    """A name key without the legal form at its end ("softnet silesia sp z o.o" -> "softnet silesia")."""
    words = key.split()
    while words and words[-1].replace(".", "") in _legal_form_words():
        words.pop()
    return " ".join(words) or key


@cache
def _legal_form_words() -> frozenset[str]:
    """The words of every legal form, lower case and without dots ("sp", "z", "oo", "gmbh")."""
    return frozenset(word.lower().replace(".", "") for form in everywhere().legal_forms for word in words_of(form))


def _contains(long: list[str], short: list[str]) -> bool:
    """A contiguous part ("Metropolia Poznań" in "Stowarzyszenie Metropolia Poznań"), or, for
    names of three words or more, the same first word and the rest in order ("Instytut
    Katalizy PAN" in "Instytut Katalizy i Fizykochemii Powierzchni PAN")."""
    if any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return True
    if len(short) == 2 and len(long) == 3 and (long[0], long[-1]) == (short[0], short[-1]):
        return True  # "Trnavský kraj" in "Trnavský samosprávny kraj"
    if len(short) < 3 or short[0] != long[0]:
        return False
    position = 1
    for word in short[1:]:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def _head_owner(mention: OrgMention, groups: list[OrgGroup]) -> OrgGroup | None:
    """The organisation a bare head word refers to: of those with that head named before it,
    the most named (then the latest), else the only one named after it."""
    with_head = [g for g in groups if mention.head in g.heads()]
    before = [g for g in with_head if g.first < mention.start]
    if before:
        return max(before, key=lambda g: (len(g.mentions),
                                          max(m.start for m in g.mentions if m.start < mention.start)))
    return with_head[0] if len(with_head) == 1 else None
