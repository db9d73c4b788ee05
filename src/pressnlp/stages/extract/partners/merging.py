"""Merging the mentions of one organisation: the same canonical name (legal form aside), the
same gazetteer entry, a bracketed acronym or one spelled by the name's initials, a shorter name
contained in a longer one, bodies of one self-government, and a bare head word ("Metropolia")
referring back to the one organisation with that head."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma
from pressnlp.stages.extract.english_names import english_name
from pressnlp.stages.extract.gazetteer import Entry, Gazetteer
from pressnlp.stages.extract.lexicon import everywhere
from pressnlp.stages.extract.organisations import OrgMention, initials_match
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

    def best_name(self) -> str:
        names = ([m for m in self.names if m.kind == "name" and not m.is_unit]
                 or [m for m in self.names if not m.is_unit])
        if not names and not self.entry and not self.acronyms:
            names = self.names
        if names:
            # The fullest written form in the release's language: legal form and locative kept
            # ("TBS w Gliwicach").
            return max(names, key=lambda m: (not m.english, len(m.words), m.legal_form is not None, -m.start)).name
        if self.entry:
            return self.entry.name
        return self.acronyms[0] if self.acronyms else self.mentions[0].name

    def absorb(self, other: OrgGroup) -> None:
        """Take over the mentions, acronyms and entry of another group of the same organisation."""
        self.mentions.extend(other.mentions)
        self.acronyms.extend(a for a in other.acronyms if a not in self.acronyms)
        self.entry = self.entry or other.entry


def is_unit(group: OrgGroup) -> bool:
    """Only units are named, and neither the gazetteer nor an acronym on its own names their
    organisation ("Pomorski Oddział NFZ" names NFZ; "Biuro Prasowe KPRP" and "KPRP" name KPRP)."""
    return bool(group.names) and all(m.is_unit for m in group.names) and not group.entry and not any(
        m.kind == "acronym" and not _inside_unit(m, group) for m in group.mentions)


def _inside_unit(mention: OrgMention, group: OrgGroup) -> bool:
    return any(name.start <= mention.start and mention.end <= name.end for name in group.names)


def group_mentions(doc: Doc, mentions: list[OrgMention], gazetteer: Gazetteer) -> list[OrgGroup]:
    """The organisations named in a Doc, in order of first mention: names outside boilerplate
    and programmes grouped, then acronyms and bare head words attached to them."""
    mentions = [m for m in mentions if not doc.in_boilerplate(m.start)]
    programmes = [m for m in mentions if m.is_programme]
    programme_names = {normalise(name) for m in programmes for name in (m.name, doc.text[m.start:m.end])}
    mentions = [m for m in mentions if not m.is_programme and normalise(m.name) not in programme_names
                and not any(p.start < m.end and m.start < p.end for p in programmes)]
    mentions = _drop_overlaps(mentions)
    groups: dict[str, OrgGroup] = {}
    by_acronym: dict[str, OrgGroup] = {}
    names = sorted((m for m in mentions if m.kind in ("name", "gazetteer")), key=lambda m: m.start)
    for mention in names:
        entry = _entry_for(mention, gazetteer)
        key = "entry:" + entry.name if entry else _legal_free(mention.key)
        group = (groups.get(key) or by_acronym.get(normalise(mention.name))
                 or (by_acronym.get(normalise(mention.acronym)) if mention.acronym else None))
        if group is None:
            group = groups[key] = OrgGroup()
        groups.setdefault(key, group)
        group.mentions.append(mention)
        group.entry = group.entry or entry
        if mention.acronym:
            if mention.acronym not in group.acronyms:
                group.acronyms.append(mention.acronym)
            by_acronym.setdefault(normalise(mention.acronym), group)
    _merge_prefixes(groups)
    ordered = _merge_territorial(list(dict.fromkeys(groups.values())), doc)
    for mention in (m for m in mentions if m.kind == "acronym"):
        group = by_acronym.get(normalise(mention.name)) or _acronym_owner(mention.name, ordered,
                                                                                doc.lexicon.locative_prepositions)
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
    ordered = _merge_other_names(ordered, doc)
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


def _merge_prefixes(groups: dict[str, OrgGroup]) -> None:
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
            long_words = _lemma_words(groups[long])
            if len(long_words) > len(words) and _contains(long_words, words):
                groups[long].absorb(groups[short])
                groups[short] = groups[long]
                break


def _acronym_owner(acronym: str, groups: list[OrgGroup], locatives: frozenset[str]) -> OrgGroup | None:
    """The group a name of which the acronym spells, legal form aside, the place after a locative
    left out or not, or only the head and the patron ("UM" for "Uniwersytet Medyczny w Lublinie",
    "BTBS" for "Bielskie Towarzystwo Budownictwa Społecznego Sp. z o.o.")."""
    for group in groups:
        for mention in group.names:
            words = _strip_legal_form(mention.name, mention.legal_form).split()
            place = next((i for i, word in enumerate(words) if i > 1 and word in locatives), len(words))
            # a university called after its patron: "UJD" for "Uniwersytet Humanistyczno-Przyrodniczy
            # im. Jana Długosza w Częstochowie"
            patron = words[:1] + words[words.index("im.") + 1:place] if "im." in words[1:place] else []
            if any(initials_match(acronym, spelled) for spelled in (words, words[:place], patron) if spelled):
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
        key = None if is_unit(group) else _territory(group, doc, levels)
        if key and key in by_key:
            by_key[key].absorb(group)
            continue
        if key:
            by_key[key] = group
        kept.append(group)
    return kept


def _territory(group: OrgGroup, doc: Doc, levels: tuple[str, ...]) -> tuple[str, str] | None:
    """(level, place) for names of a municipality or region or of their offices and boards:
    ("local", "gdańsk") for "Gmina Miasta Gdańska" and "Urząd Miejski w Gdańsku": the name is a
    level or a body of one, and the place is the proper name in it."""
    for mention in group.names:
        if mention.head not in levels and mention.head not in doc.lexicon.territorial_bodies:
            continue
        surface = words_of(doc.text[mention.start:mention.end])
        lemmas_ = mention.words
        level = next((lvl for lvl in levels if lvl in lemmas_), None)
        if level is None:
            continue
        places = [word for word, lemma_ in zip(surface, lemmas_, strict=False)
                  if word[:1].isupper() and lemma_ not in levels and lemma_ not in doc.lexicon.org_heads
                  and _place_lemma(word) is not None]
        if places:
            return (levels[0] if level == levels[0] else "local", _place_lemma(places[-1]) or "")
    return None


def _place_lemma(word: str) -> str | None:
    """The geographic name a word is a form of ("Gdańska", "Gdańsku" -> "gdańsk")."""
    for reading in analyse_pl(word):
        if "nazwa_geograficzna" in reading.labels:
            return clean_lemma(reading.lemma).lower()
    readings = analyse_pl(word)
    if any(r.pos == "adj" for r in readings):  # "Województwa Śląskiego"
        return clean_lemma(next(r.lemma for r in readings if r.pos == "adj")).lower()
    return None


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
