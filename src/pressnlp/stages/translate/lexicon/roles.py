"""Who does what: Polish marks subject and object by case, English by order.

Polish puts the subject after the verb freely: "Umowę podpisał prezes spółki" (the agreement
signed the president: the president signed the agreement), "…, którym pokieruje prof. X" (which
Prof. X will lead), "W piątek odbędzie się koncert" (on Friday the concert takes place). When the
case endings decide it — the noun phrase after the verb can be a nominative agreeing with the verb
and the one before it cannot, or the one after can only be a nominative — the subject goes before
the verb and an object before the verb goes after it. When both readings remain ("Projekt wspiera
Centrum": either could be the subject), the source order stays.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pressnlp.lang.pl.gist import GistWords
from pressnlp.stages.translate.lexicon.analysis import ADJECTIVAL, Reading
from pressnlp.stages.translate.lexicon.units import COORDINATORS, NOUN_POS, Unit

# Finite verb forms that can have a third-person subject of their own
_FINITE = frozenset({"fin", "praet", "bedzie"})
_NOUN_READINGS = frozenset({"subst", "depr"})
# Parts of speech inside a noun phrase before its head: adjectives, numerals, titles ("prof.")
_MODIFIERS = ADJECTIVAL | {"adja", "num", "brev"}
_OPENING_QUOTES = frozenset({'"', "„", "“", "«", "'"})
_CLOSING_QUOTES = frozenset({'"', "”", "“", "»", "'"})
_CLAUSE_MARKS = frozenset({",", ".", ";", ":", "(", "!", "?"})
_INDECLINABLE = 5  # a reading allowing this many cases is an indeclinable word's


def subject_first(units: list[Unit], polish: GistWords) -> list[Unit]:
    """The units with each clause's subject before its verb where the cases decide it."""
    index = 0
    while index < len(units):
        moved = _reorder_clause(units, index, polish)
        if moved is not None:
            units = moved
        index += 1
    return units


def _reorder_clause(units: list[Unit], index: int, polish: GistWords) -> list[Unit] | None:
    verb = units[index]
    if not _third_person_verb(verb) or (verb.lemma == polish.be and not verb.grammar.aux_be) \
            or verb.grammar.existential:
        return None  # "jest" only as a passive auxiliary: "planowana jest budowa" (construction is planned)
    if verb.lemma == polish.be and _bare_noun_before(units, index):
        return None  # "drzewa są przystosowane do …": the subject is before it
    start = index
    while start > 0 and not _boundary(units[start - 1]) and units[start - 1].reading.pos != "conj":
        start -= 1
    group_end = index + 1
    while group_end < len(units) and (units[group_end].reading.pos == "inf" or (
            verb.grammar.aux_be and units[group_end].reading.pos == "ppas")):
        group_end += 1  # "może złożyć każdy", "zostają odwołane wydarzenia": the subject follows the verb group
    # a verb with "się" takes no accusative object: "W piątek odbędzie się koncert"
    # (an infinitive after it may take one: "zobowiązuje się wspierać działalność")
    reflexive = group_end == index + 1 and (verb.lemma in polish.intransitive or verb.grammar.reflexive
                                            or (verb.is_term and verb.entry.polish.endswith(f" {polish.reflexive}")))
    # nor does a passive: "odwołane zostają wydarzenia" (events are cancelled)
    reflexive = reflexive or (verb.grammar.aux_be and verb.lemma in polish.passive_auxiliaries
                              and all(u.reading.pos == "ppas" for u in units[index + 1:group_end]))
    verb_end = group_end
    if reflexive:
        while group_end < len(units) and units[group_end].reading.pos in ("adv", "qub", "part") \
                and not units[group_end].negative_english:
            group_end += 1  # "odbędzie się także koncert", "planowane jest również …": the adverb stays
        while verb.grammar.aux_be and group_end < len(units) and units[group_end].reading.pos == "ppas":
            group_end += 1  # "zostało uroczyście podpisane porozumienie"
    object_inside = verb.is_term and verb.tokens[0] is not verb.token  # "Głos zabrał X", "Udział wzięli X"
    if start == index and not reflexive and not object_inside:
        return None  # verb first: a quote's "mówi X", a question; not "(…) odbyła się konferencja"
    subject_start = _after_adverbial(units, group_end)
    subject_end = _noun_phrase_end(units, subject_start)
    if subject_end is None and reflexive:
        # an intransitive verb has nothing after it but its subject and adverbials, so a participle
        # phrase goes with the subject: "odwołane zostają wydarzenia organizowane przez Urząd"
        subject_end = _clause_end(units, subject_start) if _noun_phrase_end(units, subject_start, True) else None
    if subject_end is None or _cut_short(units, subject_end):
        return None
    if reflexive and subject_end < len(units) and units[subject_end].reading.pos == "prep":
        # its prepositional phrases go with it ("uroczystość podpisania porozumienia o współpracy");
        # after an intransitive verb they are the subject's or adverbials, before it as good;
        # not into a list ("przedstawiciele izb z Radomia, Siedlec …")
        extended = _clause_end(units, subject_end)
        after = units[extended + 1] if extended + 1 < len(units) and units[extended].token.form == "," else None
        if after is None or not (after.is_noun or after.tokens[0].capitalised):
            subject_end = extended
    # what follows an intransitive verb's subject may follow the verb instead: "odbyło się
    # spotkanie, podczas którego …" -> "a meeting took place, during which …"
    object_start = _object_start(units, start, index, polish)
    if object_start is not None and _subject_before(units, start, object_start, verb):
        return None  # "Oddział Kardiologii i Chirurgii otrzymał sprzęt": the subject is already first
    if object_start is not None and _oblique_only(next((u for u in units[object_start:index] if u.is_noun),
                                                         units[index - 1])):
        # nothing else can be the subject: its appositions come along ("Spotkaniu przewodniczył
        # Jan Nowak, minister …, oraz Anna Kowalska, prezydent …")
        subject_end = _apposition_end(units, subject_end)
    elif _continues_elsewhere(units, subject_end, polish) and not (
            reflexive and _clause_ends_after(units, subject_end) and not _list_follows(units, subject_end)
            and group_end == verb_end):  # past an adverb ("działa już zespół, który …") it stays
        return None
    if object_start is not None:
        subject_end = _origin_end(units, subject_end)
    subject, between = units[subject_start:subject_end], units[group_end:subject_start]
    head = next(u for u in subject if u.is_noun)
    coordinated = any(u.reading.pos == "conj" for u in subject)
    # "X oraz Y" after a singular verb: the verb agrees with the nearer X
    can_be_subject = any(_agrees(reading, verb.reading, coordinated) or _agrees(reading, verb.reading, False)
                         for reading in _nominatives(head))
    only_subject = can_be_subject and (reflexive or not any("acc" in r.case for r in _noun_readings(head)))
    if not can_be_subject:
        return None
    if object_start is not None:
        object_head = next((u for u in units[object_start:index] if u.is_noun), units[index - 1])
        object_could_be_subject = any(_agrees(r, verb.reading, False) for r in _nominatives(object_head)) \
            and not (verb.lemma in polish.receiving and object_head.lemma in polish.received)
        if object_could_be_subject and not only_subject:
            return None
        return [*units[:object_start], *subject, *units[index:group_end], *units[object_start:index], *between,
                *units[subject_end:]]
    if not only_subject or any(_nominative_subject(units, i, verb) for i in range(start, index)):
        return None
    return [*units[:index], *subject, *units[index:group_end], *between, *units[subject_end:]]


def impersonal_objects_first(units: list[Unit]) -> list[Unit]:
    """The object of an impersonal "-no/-to" verb goes before it, the English passive's subject:
    "omówiono plany" -> "plans were discussed", "podpisano z gminą umowę" -> "agreement was
    signed with the municipality"."""
    moved: set[int] = set()
    for index in range(len(units)):
        verb = units[index]
        if verb.reading.pos == "imps" and verb.is_term and id(verb) not in moved:
            moved.add(id(verb))
            units = _term_object_attributes(units, index)
            continue
        passive = verb.reading.pos == "imps" or verb.grammar.impersonal_passive == "object"
        if not passive or verb.is_term or not verb.text.startswith(_PASSIVE_BE) or id(verb) in moved:
            continue
        start = index + 1
        while start < len(units) and units[start].reading.pos in ("adv", "qub", "part"):
            start += 1  # "przyjęto także plan": the adverb stays with the verb
        if start < len(units) and units[start].reading.pos == "prep":  # one adverbial first: "z gminą"
            adverbial_end = _noun_phrase_end(units, start + 1)
            if adverbial_end is not None and _noun_phrase_end(units, adverbial_end) is not None:
                start = adverbial_end
        possessive = start < len(units) and units[start].reading.pos == "ppron3"  # "określono jej zakres"
        end = _noun_phrase_end(units, start + possessive)
        if end is None:
            if _plural_object_before(units, index):
                verb.text = _plural_passive(verb.text)  # "Pierwsze kroki podjęto" -> "were taken"
            continue
        head = next(u for u in units[start:end] if u.is_noun)
        wanted = "gen" if verb.grammar.negated else "acc"
        if head.reading.is_proper_name or not any(wanted in r.case for r in _noun_readings(head)):
            continue
        if head.reading.number == {"pl"} or any(units[i].reading.pos == "conj" and not _coordinated_adjective(units, i)
                                                for i in range(start, end)):
            verb.text = _plural_passive(verb.text)
        moved.add(id(verb))
        units = [*units[:index], *units[start:end], verb, *units[index + 1:start], *units[end:]]
    return units


_PASSIVE_BE = ("was ", "is ", "will ")
_PLURAL_BE = {"was": "were", "is": "are"}


def _plural_passive(text: str) -> str:
    """"was signed" -> "were signed", "is planned" -> "are planned" ("will be" stays)."""
    be, _, rest = text.partition(" ")
    return f"{_PLURAL_BE.get(be, be)} {rest}"


_PASSIVE_TERM = re.compile(r"(?:(a|an|the) )?(.+?) ((?:was|were)(?: not)? .+)")


def _plural_object_before(units: list[Unit], index: int) -> bool:
    """The clause before an impersonal verb opens with its plural object: "Pierwsze kroki … podjęto"."""
    start = index
    while start > 0 and not _boundary(units[start - 1]) and units[start - 1].reading.pos != "conj":
        start -= 1
    while start < index and units[start].reading.pos in _MODIFIERS and not units[start].is_noun:
        start += 1
    if start == index or not units[start].is_noun:
        return False
    return units[start].reading.is_plural and any("acc" in r.case for r in _noun_readings(units[start]))


def _term_object_attributes(units: list[Unit], index: int) -> list[Unit]:
    """An impersonal term with its object ("podpisano umowę" -> "an agreement was signed") takes the
    object's attributes after it along: "podpisano umowę partnerską" -> "a partner agreement was
    signed", "umowy dotacji" -> "agreement grant was signed", not "… was signed partner"."""
    verb = units[index]
    found = _PASSIVE_TERM.fullmatch(verb.text)
    if found is None:
        return units
    article, noun, passive = found.groups()
    head = Unit(tokens=[verb.tokens[-1]])
    adjectives: list[Unit] = []
    end = index + 1
    while end < len(units) and units[end].reading.pos in ADJECTIVAL and units[end].reading.agrees_with(head.reading):
        adjectives.append(units[end])
        end += 1
    genitives_start = end
    while end < len(units) and not units[end].is_punctuation and _attribute(units[end], head):
        end += 1
    if end == index + 1:
        return units
    words = " ".join([*(u.text for u in adjectives), noun])
    if article in ("a", "an"):
        article = "an" if words[:1].lower() in "aeiou" else "a"
    object_unit = replace(verb, text=f"{article} {words}" if article else words)
    return [*units[:index], object_unit, *units[genitives_start:end], replace(verb, text=passive), *units[end:]]


def _bare_noun_before(units: list[Unit], index: int) -> bool:
    """A noun in the clause before `index` that no preposition governs: a subject of its own."""
    start = index
    while start > 0 and not _boundary(units[start - 1]) and units[start - 1].reading.pos != "conj":
        start -= 1
    governed = False
    for unit in units[start:index]:
        if unit.reading.pos == "prep":
            governed = True
        elif unit.is_noun and not governed and not unit.reading.is_proper_name:
            return True
        elif not (unit.is_noun or unit.reading.pos in _MODIFIERS or unit.reading.pos == "ppron3"):
            governed = False
    return False


def _after_adverbial(units: list[Unit], index: int) -> int:
    """Where the subject starts when one prepositional phrase stands between it and the verb:
    "Umowę podpisali w poniedziałek wójt i starosta", "odbędzie się w parku koncert"."""
    if index >= len(units) or units[index].reading.pos != "prep":
        return index
    end = _noun_phrase_end(units, index + 1)
    if end is None:
        return index
    # a title read as a genitive of the phrase ("w poniedziałek rektor uczelni": "rektor" is also
    # an indeclinable genitive) starts the subject where its chosen reading is a nominative; a name
    # there is the phrase's apposition ("na terenie gminy Wieliczka", "przez Islandię, Liechtenstein")
    for start in range(index + 2, end + 1):
        unit = units[start] if start < len(units) else None
        if unit is not None and units[start - 1].is_noun and unit.is_noun and not unit.reading.is_proper_name \
                and "nom" in unit.reading.case \
                and "gen" not in unit.reading.case and _noun_phrase_end(units, start) is not None:
            return start
    return index


def _origin_end(units: list[Unit], index: int) -> int:
    """A subject's "z" + genitive (where it comes from) stays with it: "Budynek wyremontowała
    firma z Krakowa" -> "a company from Kraków renovated the building"."""
    if index + 1 >= len(units) or units[index].lemma != "z" or units[index].reading.case != {"gen"} \
            or not units[index + 1].reading.is_proper_name:
        return index
    return _noun_phrase_end(units, index + 1) or index


def _cut_short(units: list[Unit], index: int) -> bool:
    """The phrase ending at `index` is only the first item of a coordination the phrase reader
    could not follow: "fundamenty i wieże turbin stawianych …"."""
    return index < len(units) and units[index].reading.pos == "conj" and units[index].lemma in COORDINATORS


def _list_follows(units: list[Unit], index: int) -> bool:
    """A comma and another noun phrase with a comma or a coordinator after the phrase ending at
    `index`: a list ("ogrody deszczowe, ławki i plac zabaw") that must stay whole; not the next
    clause's subject ("Zanim ruszą prace, strażacy sprawdzą …")."""
    if units[index].token.form != ",":
        return False
    end = _noun_phrase_end(units, index + 1)
    return end is not None and (end < len(units) and units[end].token.form == "," or any(
        u.reading.pos == "conj" and u.lemma in COORDINATORS for u in units[index + 1:end]))


def _continues_elsewhere(units: list[Unit], index: int, polish: GistWords) -> bool:
    """The phrase ending at `index` goes on past a comma or a quote: a relative clause that must
    stay next to it ("…, który …"), a list ("place zabaw, siłownie, altany"), a quoted title."""
    if index >= len(units):
        return False
    if units[index].token.form in _OPENING_QUOTES:
        return True
    if units[index].token.form != "," or index + 1 >= len(units):
        return False
    following = units[index + 1]
    if following.reading.pos == "prep" and index + 2 < len(units):  # "…, z którymi"
        following = units[index + 2]
    return following.lemma in polish.who.polish or following.is_noun or following.reading.pos in _MODIFIERS


def _apposition_end(units: list[Unit], index: int) -> int:
    """End of the names and their appositions after a subject: up to a verb, a complementiser, a
    relative word or the end of the sentence, over commas and dashes."""
    while index < len(units):
        unit = units[index]
        if _opens_clause(unit) or unit.token.form in (".", ";", "?", "!", "("):
            break
        if unit.token.form == "," and not _apposition_follows(units, index + 1):
            break
        index += 1
    return index


def _apposition_follows(units: list[Unit], index: int) -> bool:
    """After a comma: a noun phrase ("…, minister …"), also after "oraz"/"i" ("…, oraz Anna …")."""
    if index < len(units) and units[index].lemma in COORDINATORS and units[index].reading.pos == "conj":
        index += 1
    return index < len(units) and not _opens_clause(units[index]) \
        and (units[index].is_noun or units[index].reading.pos in _MODIFIERS)


def _opens_clause(unit: Unit) -> bool:
    return unit.is_verb or unit.reading.pos == "comp" or unit.lemma == "który"


def _clause_ends_after(units: list[Unit], index: int) -> bool:
    """The phrase ending at `index` is followed by a comma and a clause or phrase of its own,
    not by an opening quote (a title that belongs to the phrase)."""
    return index < len(units) and units[index].token.form == ","


def _third_person_verb(unit: Unit) -> bool:
    reading, grammar = unit.reading, unit.grammar
    finite = reading.pos in _FINITE or (reading.pos == "inf" and grammar.future)
    person = grammar.person or reading.person
    return unit.is_verb and finite and not (person & {"pri", "sec"})


def _boundary(unit: Unit) -> bool:
    return unit.is_punctuation or unit.reading.pos == "comp" or unit.is_verb


def _clause_end(units: list[Unit], start: int) -> int:
    """The first comma, bracket, colon, sentence end, verb, conjunction before a verb or
    complementiser from `start` on."""
    for index in range(start, len(units)):
        unit = units[index]
        if unit.token.form in _CLAUSE_MARKS or unit.is_verb or unit.reading.pos == "comp" or (
                unit.reading.pos == "conj" and index + 1 < len(units) and units[index + 1].is_verb):
            return index
    return len(units)


def _noun_phrase_end(units: list[Unit], start: int, participle: bool = False) -> int | None:
    """End of the noun phrase at `start`: modifiers, a head noun, then genitive attributes,
    possessives, names, a bracketed acronym, and another phrase after "i"/"oraz"; None when no
    noun phrase starts there or a participle after the head opens a phrase of its own (with
    `participle`, the participle's index)."""
    index = start
    while index < len(units) and units[index].reading.pos in _MODIFIERS and not units[index].is_noun:
        index += 1
    if index >= len(units) or not units[index].is_noun or units[index].negative_english:
        return None
    head = units[index]
    index += 1
    while index < len(units):
        unit = units[index]
        reading = unit.reading
        if reading.pos in ("pact", "ppas"):
            return index if participle else None  # "wolontariusz znający teren": the participle's object
        if _attribute(unit, head):
            index += 1
        elif unit.token.form == "(" and index + 2 < len(units) and units[index + 2].token.form == ")":
            index += 3  # "Narodowa Agencja Wymiany Akademickiej (NAWA)"
        elif unit.token.form in _OPENING_QUOTES and (closing := _closing_quote(units, index)) is not None:
            index = closing + 1  # a quoted title: "konferencja projektu „Razem działamy”"
        elif reading.pos == "conj" and unit.lemma in COORDINATORS \
                and (following := _noun_phrase_end(units, index + 1)) is not None:
            index = following
        elif reading.pos == "conj" and unit.lemma in COORDINATORS and _coordinated_adjective(units, index):
            index += 2  # "wydarzeń naukowych i kulturalnych"
        else:
            return index
    return index


def _coordinated_adjective(units: list[Unit], conjunction: int) -> bool:
    """An adjective after "i"/"oraz" agreeing with the adjective before it, the phrase's last word
    before the coordinator: "wydarzeń naukowych i kulturalnych"."""
    if conjunction == 0 or conjunction + 1 >= len(units):
        return False
    before, after = units[conjunction - 1], units[conjunction + 1]
    return before.reading.pos in ADJECTIVAL and after.reading.pos in ADJECTIVAL and not after.is_noun \
        and any(r.pos == after.reading.pos and r.agrees_with(before.reading) for r in after.token.readings) \
        and (conjunction + 2 >= len(units) or not units[conjunction + 2].is_noun)


def _closing_quote(units: list[Unit], opening: int) -> int | None:
    """Index of the quote that closes the one at `opening`, if the sentence has it."""
    mark = units[opening].token.form
    for index in range(opening + 1, len(units)):
        form = units[index].token.form
        if form in _CLOSING_QUOTES and (form != mark or mark in ('"', "'")):
            return index
    return None


def _attribute(unit: Unit, head: Unit) -> bool:
    """A word after a head noun that belongs to its phrase: a genitive ("prezes spółki"), a
    possessive before one ("szkoła ich dzieci"), a name or number ("spółka Eko-Kompozyt", "rok
    2021/22"), an agreeing adjective."""
    if unit.is_punctuation:  # only a hyphen or slash inside a word: "Przemysłowo-Handlowej", "2021/22"
        return unit.token.form in ("-", "/") and not unit.space_before
    if unit.token.verbatim or unit.reading.pos == "dig" or (unit.tokens[0].capitalised and unit.reading.pos == "ign"):
        return True
    if not (unit.is_noun or unit.reading.pos in _MODIFIERS or unit.reading.pos == "ppron3"):
        return False
    genitive = any("gen" in r.case for r in unit.token.readings if r.pos == unit.reading.pos)
    return genitive or unit.reading.is_proper_name or unit.reading.pos == "brev" \
        or (unit.reading.pos != "ppron3" and unit.reading.agrees_with(head.reading))


def _object_start(units: list[Unit], start: int, verb_index: int, polish: GistWords) -> int | None:
    """Start of the accusative (or only dative or genitive) noun phrase right before the verb (its object), else
    None: not a prepositional phrase ("Na te i inne pytania", "w jej skład"), not after a number
    ("41 gmin"), not the last item of a list ("zakwaterowanie, wyżywienie i przejazd"), not a
    question word, which stays first ("co robią organizacje")."""
    received = _received_sum(units, start, verb_index, polish)
    if received is not None:
        return received
    index = verb_index
    while index > start:
        previous = units[index - 1]
        if previous.is_noun or previous.reading.pos in _MODIFIERS or previous.reading.pos == "ppron3":
            index -= 1
        elif previous.reading.pos == "conj" and previous.lemma in COORDINATORS and index - 1 > start:
            index -= 1
        else:
            break
    while index < verb_index and units[index].reading.pos == "conj":
        index += 1
    if index == verb_index:
        return None
    before = units[index - 1] if index > 0 else None
    if before is not None and (before.reading.pos in ("prep", "dig", "num") or (
            before.token.form == "," and index > 1 and units[index - 2].is_noun)):
        return None
    phrase = units[index:verb_index]
    nouns = [u for u in phrase if u.is_noun]
    # "Przewodniczącym został Jan Nowak": the instrumental before "zostać" is its predicate
    predicate = units[verb_index].lemma in polish.passive_auxiliaries and not units[verb_index].grammar.aux_be
    if not nouns or not ("acc" in nouns[0].reading.case or (predicate and nouns[0].reading.case == {"inst"})
                         or _oblique_only(nouns[0])):
        return None
    if any(u.reading.is_proper_name or u.negative_english or u.lemma in polish.question_words for u in phrase):
        return None
    return index


def _received_sum(units: list[Unit], start: int, verb_index: int, polish: GistWords) -> int | None:
    """Start of a sum that opens the clause of a verb of receiving: "Ponad 1,8 mln zł otrzyma
    powiat" (the county will receive over PLN 1.8 million)."""
    if verb_index == start or units[verb_index].lemma not in polish.receiving \
            or units[verb_index - 1].lemma not in polish.received:
        return None
    index = verb_index - 1
    while index > start and (units[index - 1].reading.pos in ("dig", "num", "brev", "adv", "qub", "part")
                             or units[index - 1].lemma in polish.received):
        index -= 1
    if index > start and units[index - 1].reading.pos == "prep" and index - 1 == start:
        index -= 1  # "ponad", "około" read as prepositions
    has_number = any(u.reading.pos in ("dig", "num") for u in units[index:verb_index])
    return index if index == start and has_number else None


def _oblique_only(unit: Unit) -> bool:
    """A noun that can only be a dative or genitive object, never a subject or a direct object:
    "Spotkaniu przewodniczył prezes" (the president chaired the meeting), "Podpisania dokonali
    goście" (the guests did the signing)."""
    readings = _noun_readings(unit)
    return any(r.case & {"dat", "gen"} for r in readings) and not any(r.case & {"nom", "acc"} for r in readings)


def _noun_readings(unit: Unit) -> list[Reading]:
    """The head token's noun readings (all of them, not only the chosen one): what its ending
    allows. Indeclinable readings (a woman's "prezes", "Kowalski": every case) tell nothing when
    declined ones exist."""
    if unit.reading.pos not in NOUN_POS:
        return [unit.reading]
    readings = [r for r in unit.token.readings if r.pos in _NOUN_READINGS or r.pos == unit.reading.pos]
    declined = [r for r in readings if len(r.case) < _INDECLINABLE]
    readings = declined or readings
    # a depreciative reading ("przedstawiciele" as nom./acc. of contempt) is not what a release means
    return [r for r in readings if r.pos != "depr"] or readings


def _nominatives(unit: Unit) -> list[Reading]:
    return [r for r in _noun_readings(unit) if "nom" in r.case]


def _agrees(noun: Reading, verb: Reading, coordinated: bool) -> bool:
    """A nominative that can be the verb's subject: same number (plural for "X i Y"), and for the
    past tense a matching gender."""
    if coordinated:
        return verb.number == {"pl"}
    if verb.number and not noun.number & verb.number:
        return False
    if verb.pos == "praet" and verb.gender and noun.gender:
        return bool(noun.gender & verb.gender)
    return True


def _subject_before(units: list[Unit], start: int, object_start: int, verb: Unit) -> bool:
    """An agreeing nominative before the supposed object, also across "i" that joins nouns (the
    clause search stops there): "Oddział Kardiologii i Chirurgii otrzymał" has its subject."""
    while start > 0 and (units[start - 1].is_noun or units[start - 1].reading.pos in _MODIFIERS
                         or (units[start - 1].reading.pos == "conj" and units[start - 1].lemma in COORDINATORS)):
        start -= 1
    return any(_nominative_subject(units, i, verb) for i in range(start, object_start))


def _nominative_subject(units: list[Unit], index: int, verb: Unit) -> bool:
    """A noun before the verb, outside a prepositional phrase, already read as its agreeing
    nominative subject."""
    unit = units[index]
    if not (unit.is_noun and "nom" in unit.reading.case and _agrees(unit.reading, verb.reading, False)):
        return False
    while index > 0 and (units[index - 1].is_noun or units[index - 1].reading.pos in _MODIFIERS):
        index -= 1
    return index == 0 or units[index - 1].reading.pos != "prep"
