"""Which organisations are partners, and their roles: the evidence that an organisation takes
part (named often, in the lead, in the contact block, as a speaker's organisation, near a
funding or partnership cue, acting), venues and programmes left out, the issuer, funders."""
from __future__ import annotations

import re
from functools import cache

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.pl.morphology import analyse_pl
from pressnlp.stages.extract.lexicon import everywhere, lexicon
from pressnlp.stages.extract.organisations import OrgMention
from pressnlp.stages.extract.partners.merging import OrgGroup, is_unit
from pressnlp.stages.extract.text import Doc, words_of

Spans = set[tuple[int, int]]
_HEADLINE = 140  # the longest first line read as a headline
Cue = tuple[str, tuple[str, ...]]  # (kind, lemma phrase)


def select(doc: Doc, groups: list[OrgGroup], affiliations: Spans, *, min_mentions: int, max_partners: int,
           keep_units: bool) -> list[OrgGroup]:
    """The groups with enough evidence of taking part (`affiliations`: the spans of the
    organisations people speak for), the best supported first, returned in text order."""
    weak_heads = doc.lexicon.weak_heads | lexicon("en").weak_heads
    examples = _examples(doc, groups)
    title_case = not doc.lexicon.head_initial  # where a title-case headline names what is announced
    headline = doc.lines[0] if len(doc.lines) > 1 and doc.lines[0][1] - doc.lines[0][0] <= _HEADLINE else None
    passing = _in_passing(doc, groups)
    scored: list[tuple[float, OrgGroup]] = []
    weaker: list[tuple[float, OrgGroup]] = []
    for group in groups:
        if not keep_units and is_unit(group):
            continue
        if group.entry and group.entry.is_programme or any(m.is_programme for m in group.mentions):
            continue
        body = [m for m in group.mentions if not doc.in_background(m.start)]
        if not body:
            continue
        weak = group.heads() and group.heads() <= weak_heads and (
            doc.lexicon.head_initial or all(len(m.words) <= 2 for m in group.names))
        agent = doc.lexicon.head_initial and any(_previous_word(doc, m) in doc.lexicon.agent_prepositions
                                                 for m in body)
        if (title_case and group.heads() and group.heads() <= weak_heads and headline
                and all(m.end <= headline[1] for m in body) and not (group.acronyms or group.entry)):
            weaker.append((0.25, group))  # "Business and Science Partnership" heading a release: what it announces
            continue
        if weak and not (group.acronyms or group.entry or len(body) >= min_mentions or agent):
            # "z Funduszu X" is money; "organizowana przez Centrum X" is an organisation; a school
            # in one list with partners ("rektorzy Uniwersytetu X … i Wyższej Szkoły Y") is one too
            weaker.append((0.25, group))
            continue
        if not group.names and not group.entry and len(body) < min_mentions:
            weaker.append((0.5, group))  # an acronym never spelled out and named once: a partner only
            continue                     # in a list with partners ("z KUL, Politechniki X oraz …")
        if (_venue(doc, group) or _agency(doc, group) or _named_in_passing(group, passing) or _attending(doc, group)
                or all(id(m) in examples for m in body)):
            continue
        evidence = 0.0
        evidence += len(body) >= min_mentions
        evidence += any(m.start < doc.lead[1] for m in body)
        evidence += any(doc.in_contact_block(m.start) for m in body)
        evidence += any((m.start, m.end) in affiliations or _inside_any(m, affiliations) for m in body)
        evidence += cued(doc, group)
        evidence += 0.5 * bool(group.entry)
        evidence += 0.5 * any(m.kind == "name" and len(m.words) > 1 for m in body)
        evidence += 0.5 * any(m.legal_form is not None for m in body)
        evidence += 0.5 * any(_acting(doc, m) for m in body if m.kind != "head")
        evidence += 0.5 * any(m.described for m in body)
        evidence += 0.5 * any(_after_function(doc, m) for m in body if m.kind == "name")
        if evidence >= 1:
            scored.append((evidence, group))
        elif evidence > 0:
            weaker.append((evidence, group))
    scored.extend(_listed_with(doc, weaker, [group for _, group in scored]))
    scored.sort(key=lambda item: (-item[0], item[1].first))
    chosen = [group for _, group in scored[:max_partners]]
    return sorted(chosen, key=lambda g: g.first)


def _listed_with(doc: Doc, weaker: list[tuple[float, OrgGroup]],
                 chosen: list[OrgGroup]) -> list[tuple[float, OrgGroup]]:
    """Organisations named in one list with a partner ("X, Y a Z podpísali…"): the cue or the
    verb a list shares is near only some of its names. Lists are names separated by nothing
    but a comma, a semicolon or a coordinator."""
    joined = _list_mates(doc, [m for g in chosen for m in _listed(g)] + [m for _, g in weaker for m in _listed(g)])
    taken: list[tuple[float, OrgGroup]] = []
    partners = {id(m) for g in chosen for m in _listed(g)}
    waiting = list(weaker)
    while True:  # a list's names join one after another, from the partner along the list
        joining = [item for item in waiting
                   if any(id(mate) in partners for m in _listed(item[1]) for mate in joined.get(id(m), ()))]
        if not joining:
            return taken
        for item in joining:
            waiting.remove(item)
            taken.append(item)
            partners.update(id(m) for m in _listed(item[1]))


def _listed(group: OrgGroup) -> list[OrgMention]:
    """The mentions that stand in lists: the names, or the acronyms of a group named by one only."""
    return group.names or [m for m in group.mentions if m.kind == "acronym"]


def _list_mates(doc: Doc, mentions: list[OrgMention]) -> dict[int, list[OrgMention]]:
    """Mention -> the mentions right before and after it in a list."""
    separators = {",", ";"} | everywhere().coordinators | everywhere().articles  # "X sowie dem Y"
    ordered = sorted(mentions, key=lambda m: m.start)
    mates: dict[int, list[OrgMention]] = {}
    for left, right in zip(ordered, ordered[1:], strict=False):
        gap = doc.text[left.end:right.start]
        words = gap.replace(",", " , ").replace(";", " ; ").split()
        if words and "\n" not in gap and all(word.lower() in separators for word in words) and len(words) <= 3:
            mates.setdefault(id(left), []).append(right)
            mates.setdefault(id(right), []).append(left)
    return mates


def issuer(doc: Doc, groups: list[OrgGroup]) -> OrgGroup | None:
    """Who the release speaks for: the organisation of the contact block, else the first
    organisation of the lead that is not its funder."""
    for group in groups:
        if any(doc.in_contact_block(m.start) for m in group.mentions):
            return group
    in_lead = [g for g in groups if any(m.start < doc.lead[1] for m in g.mentions) and role(doc, g) != "funder"]
    return min(in_lead, key=lambda g: g.first) if in_lead else None


def role(doc: Doc, group: OrgGroup) -> str:
    """'funder' near a funding cue, 'partner' near a partnership cue or named more than once,
    else 'other'."""
    if any("funder" in _cues_near(doc, m) for m in group.mentions):
        return "funder"
    if cued(doc, group):
        return "partner"
    return "partner" if len(group.mentions) > 1 else "other"


def cued(doc: Doc, group: OrgGroup) -> bool:
    return any(_cues_near(doc, m) for m in group.mentions)


def _previous_word(doc: Doc, mention: OrgMention) -> str:
    index = doc.token_index(mention.start) - 1
    while index >= 0 and doc.tokens[index].text.lower() in everywhere().articles:
        index -= 1
    if index < 0 or not doc.tokens[index].is_word:
        return ""
    return doc.tokens[index].text.lower()


def _after_function(doc: Doc, mention: OrgMention) -> bool:
    """Named as a person's organisation through a function before it, over articles and "of":
    where names put their head first any function ("Wiceprezes Stowarzyszenia X, Jan Nowak",
    "burmistrz Miasta i Gminy X"), elsewhere a `leaders` word of the release's language or English
    ("Rektor der Universität X", "President of the X Society")."""
    index = doc.token_index(mention.start) - 1
    if doc.lexicon.head_initial and index >= 2 and _coordinated_level(doc, index - 1, index):
        index -= 2  # "burmistrz Miasta i Gminy X": the function is the municipality's
    skipped = everywhere().articles | everywhere().genitive_links | {"of"}
    while index >= 0 and doc.tokens[index].text.lower() in skipped:
        index -= 1
    if index < 0 or not doc.tokens[index].is_word:
        return False
    functions = doc.lexicon.leaders | lexicon("en").leaders
    if doc.lexicon.head_initial:
        functions = functions | doc.lexicon.functions
    word = doc.tokens[index]
    return bool(({word.text.lower()} | lemmas(word.text, doc.language)) & functions)


def _coordinated_level(doc: Doc, level: int, coordinator: int) -> bool:
    """A municipal level and a coordinator before a name of another level: "Miasta i" in
    "Miasta i Gminy X", one municipality named with both its levels."""
    return (doc.tokens[coordinator].text.lower() in doc.lexicon.coordinators
            and bool(lemmas(doc.tokens[level].text, doc.language) & doc.lexicon.municipal))


def _venue(doc: Doc, group: OrgGroup) -> bool:
    """Named only as the place where something happens: "w Międzynarodowym Centrum
    Kongresowym", "at Wrocław City Hall"; not an office of self-government, where what happens is
    its work ("praktyki w Urzędzie Marszałkowskim")."""
    if group.entry or group.acronyms or group.heads() & doc.lexicon.territorial_bodies:
        return False
    for mention in (m for m in group.mentions if m.kind != "head"):  # "am Klärwerk X … das Klärwerk"
        if _previous_word(doc, mention) not in everywhere().locative_prepositions:
            return False
        if doc.language == "pl" and mention.head:
            head = doc.tokens[doc.token_index(mention.start)]
            if not any("loc" in r.cases for r in analyse_pl(head.text)) and not any(
                    "loc" in r.cases for t in doc.tokens[doc.token_index(mention.start):doc.token_index(mention.end)]
                    for r in analyse_pl(t.text) if lemmas(t.text, "pl") & {mention.head}):
                return False
    return True


def _examples(doc: Doc, groups: list[OrgGroup]) -> set[int]:
    """The ids of mentions named only as examples: in a list right after one of the pack's
    `example_markers` ("zgłosiły już m.in. Szkoła X i Szkoła Y", "cztery porozumienia, w tym z A, B
    oraz C"), a preposition between them allowed."""
    pattern = _example_pattern(doc.language)
    if pattern is None:
        return set()
    separators = {",", ";"} | everywhere().coordinators
    mentions = sorted((m for g in groups for m in g.mentions if m.kind != "head"), key=lambda m: m.start)
    found: set[int] = set()
    list_start = 0
    previous: OrgMention | None = None
    for mention in mentions:
        gap = doc.text[previous.end:mention.start] if previous and previous.end <= mention.start else None
        if gap is None or "\n" in gap or not set(gap.replace(",", " , ").split()) <= separators:
            list_start = mention.start
        if pattern.search(doc.text, max(0, list_start - 40), list_start):
            found.add(id(mention))
        previous = mention
    return found


@cache
def _example_pattern(language: str) -> re.Pattern[str] | None:
    """Text ending in an example marker and an optional preposition, right before a name."""
    words = lexicon(language)
    if not words.example_markers:
        return None
    markers = "|".join(re.escape(marker) for marker in words.example_markers)
    prepositions = "|".join(re.escape(word) for word in words.prepositions)
    return re.compile(rf"(?<!\w)(?:{markers})\s+(?:(?:{prepositions})\s+)?$", re.IGNORECASE)


def _named_in_passing(group: OrgGroup, passing: set[int]) -> bool:
    named = [m for m in group.mentions if m.kind != "head"]
    return bool(named) and all(id(m) in passing for m in named)


def _in_passing(doc: Doc, groups: list[OrgGroup]) -> set[int]:
    """The ids of mentions named after words that make them no partner (the pack's `passing_before`):
    a seat in it ("posłanka na Sejm RP"), a source of figures ("według danych GUS", "badanie CBOS"),
    an object of works ("budowę Centrum X"); and the names listed right after one ("budowę A, B i C")."""
    phrases = doc.lexicon.passing_before
    if not phrases:
        return set()
    separators = {",", ";"} | everywhere().coordinators
    found: set[int] = set()
    previous: OrgMention | None = None
    for mention in sorted((m for g in groups for m in g.mentions if m.kind != "head"), key=lambda m: m.start):
        gap = doc.text[previous.end:mention.start] if previous and previous.end <= mention.start else None
        listed = (gap is not None and id(previous) in found and "\n" not in gap
                  and set(gap.replace(",", " , ").split()) <= separators)
        index = doc.token_index(mention.start)
        before = [lemmas(t.text, doc.language) | {t.text.lower()} for t in doc.tokens[max(0, index - 2):index]]
        if listed or any(len(phrase) <= len(before) and all(
                word in forms for word, forms in zip(phrase, before[len(before) - len(phrase):], strict=True))
                for phrase in phrases):
            found.add(id(mention))
        previous = mention
    return found


def _attending(doc: Doc, group: OrgGroup) -> bool:
    """Named only after one of the pack's `guest_functions` in sentences with one of its
    `attendance_words`: "obecni byli również: Członek Zarządu Powiatu X – Jan Nowak"."""
    named = [m for m in group.mentions if m.kind != "head"]
    if not doc.lexicon.guest_functions or not named or group.entry:
        return False
    for mention in named:
        index = doc.token_index(mention.start) - 1
        if index < 0 or not lemmas(doc.tokens[index].text, doc.language) & doc.lexicon.guest_functions:
            return False
        start, end = doc.sentence_of(mention.start)
        if not any(lemmas(t.text, doc.language) & doc.lexicon.attendance_words
                   for t in doc.tokens[doc.token_index(start):doc.token_index(end)] if t.is_word):
            return False
    return True


def _agency(doc: Doc, group: OrgGroup) -> bool:
    """A communications agency or office named only in the contact block ("X Investor Relations,
    Inc." under a press contact's name) or a byline ("By University Communications"): it speaks for
    the issuer, it takes no part."""
    agency_words = doc.lexicon.agency_words | lexicon("en").agency_words
    return all(doc.in_contact_block(m.start) or doc.in_credit_line(m.start) for m in group.mentions) and any(
        {word.lower() for word in words_of(m.name)} & agency_words for m in group.names)


def _acting(doc: Doc, mention: OrgMention) -> bool:
    """The organisation does something: a Polish name in the nominative (the subject), a name
    opening a sentence, or the agent after "przez"/"by"."""
    previous = _previous_word(doc, mention)
    if previous in everywhere().agent_prepositions:
        return True
    if doc.language == "pl":
        return doc.text[mention.start:mention.end] == mention.name and previous not in doc.lexicon.prepositions
    return mention.start in doc.sentence_starts


def _inside_any(mention: OrgMention, spans: Spans) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _cues_near(doc: Doc, mention: OrgMention, window: int = 6) -> frozenset[str]:
    """Which kinds of cue ("funder", "partner") occur within `window` words before or after a
    mention in its sentence; cues are lemma phrases from the language's lexicon."""
    found = doc.cache.setdefault("cues", {})
    key = (mention.start, mention.end)
    if key in found:
        return found[key]
    sentence_start, sentence_end = doc.sentence_of(mention.start)
    first = doc.token_index(max(sentence_start, mention.start))
    before = [t for t in doc.tokens[max(0, first - window * 2):first] if t.is_word and t.start >= sentence_start]
    last = doc.token_index(mention.end)
    after = [t for t in doc.tokens[last:last + window * 2] if t.is_word and t.end <= sentence_end]
    context = [lemmas(t.text, doc.language) for t in before[-window:] + after[:window]]
    kinds = set()
    index = _cue_index(doc.language)
    for i, forms in enumerate(context):
        for form in forms:
            for kind, cue in index.get(form, ()):
                if i + len(cue) <= len(context) and all(cue[k] in context[i + k] for k in range(1, len(cue))):
                    kinds.add(kind)
    found[key] = frozenset(kinds)
    return found[key]


@cache
def _cue_index(language: str) -> dict[str, list[Cue]]:
    """First word of each cue of a language -> (kind, cue)."""
    words = lexicon(language)
    index: dict[str, list[Cue]] = {}
    for kind, cues in (("funder", words.funder_cues), ("partner", words.partner_cues)):
        for cue in cues:
            index.setdefault(cue[0], []).append((kind, cue))
    return index
