"""English word order for the translated units: postposed adjectives before their noun, "of"
before a genitive, "the" where English needs an article; then spacing and capitals."""
from __future__ import annotations

from pressnlp.lang.en.grammar import EnglishGrammar
from pressnlp.lang.pl.gist import GistWords
from pressnlp.stages.translate.lexicon.analysis import ADJECTIVAL, NOMINAL, PERSONAL_NAME_LABELS, Reading, Token
from pressnlp.stages.translate.lexicon.units import COORDINATORS, Unit

_OPENING = frozenset({'"', "(", "[", "'"})


def reorder(units: list[Unit], polish: GistWords) -> list[Unit]:
    """Postposed adjectives before their noun ("transport publiczny" -> "public transport"); "of"
    before a genitive after a noun ("rozwój transportu" -> "development of transport")."""
    result: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        # a noun after a number is a date or a count: "28 stycznia PWSZ" has no "of"
        counted = index > 0 and units[index - 1].reading.pos in ("dig", "num")
        result.append(unit)
        index += 1
        if not unit.is_noun or unit.negative_english:
            continue
        if _opens_with_instrumental(unit, units, index - 1, polish):
            result[-1:] = [_english_word("by", "prep:inst", unit), unit]
        elif _receiver(unit, units, index - 1, polish):
            start = len(result) - 1  # before the noun's adjectives: "naszym inżynierom" -> "to our engineers"
            while start > 0 and result[start - 1].reading.pos in ("adj", "adjc", "ppas", "pact") \
                    and "dat" in result[start - 1].reading.case:
                start -= 1
            result.insert(start, _english_word("to", "prep:dat", result[start]))
        adjectives = []
        if (unit.reading.is_proper_name and not unit.is_term) or (unit.used and unit.used.word_class == "pron"):
            continue  # "Państwa otwarte serca": a pronoun's adjective belongs to the next noun
        if index < len(units) and _postposed_demonstrative(unit, units, index, polish):
            adjectives.append(units[index])
            index += 1
        while index < len(units) and _postposed_adjective(unit, units[index], polish):
            adjectives.append(units[index])
            index += 1
            # "życia studenckiego i akademickiego" -> "student and academic life"
            if adjectives and index + 1 < len(units) and units[index].lemma in COORDINATORS \
                    and units[index].reading.pos == "conj" \
                    and _postposed_adjective(unit, units[index + 1], polish, any_reading=True) \
                    and not (index + 2 < len(units) and units[index + 2].is_noun):  # "… i zielony ogród"
                adjectives += units[index:index + 2]
                index += 2
        if adjectives:
            result[-1:] = [*adjectives, unit]
        if index < len(units) and (_starts_genitive(unit, units, index, polish)
                                   or (not counted and _protected_genitive(unit, units[index], polish))
                                   or named_territory(unit, units[index], polish)):
            result.append(Unit([Token("of", [Reading("of", "prep:gen")], True)], text="of"))
    return _patrons_first(result, polish)


def _patrons_first(units: list[Unit], polish: GistWords) -> list[Unit]:
    """An institution named after a person goes after the person's name, as English names it:
    "Uniwersytet Mikołaja Kopernika" -> "Mikołaj Kopernik University"."""
    result = list(units)
    for index, unit in enumerate(units):
        if not (unit.tokens[0].capitalised and unit.is_noun and unit.lemma in polish.patron_institutions):
            continue
        end = index + 1
        while end < len(units) and end - index <= 3 and _patron_word(units[end], after_a_name=end > index + 1):
            end += 1
        if end > index + 1:
            position = result.index(unit)
            result[position:position + end - index] = [*units[index + 1:end], unit]
    return result


def _patron_word(unit: Unit, after_a_name: bool) -> bool:
    """A person's first name or surname in the genitive, or a Roman numeral after one ("Jana Pawła II")."""
    reading = unit.reading
    if after_a_name and (reading.pos == "romandig" or (unit.token.form == "-" and not unit.space_before)):
        return True  # "Jana Pawła II", "Marii Curie-Skłodowskiej"
    return (
        reading.is_proper_name and bool(set(reading.names) & PERSONAL_NAME_LABELS) and "gen" in reading.case
        and unit.tokens[0].capitalised and not unit.is_term)


def named_territory(unit: Unit, following: Unit, polish: GistWords) -> bool:
    """A territorial unit's word in a name before the place's name: "Gminą Paczków" -> "the
    Municipality of Paczków" (one municipality, whatever its case allows), also a term ending in
    one ("Wójt Gminy Kuślin": Head of the Municipality of Kuślin); not before a person's name
    ("Skarbnik Gminy Iwona Nowak")."""
    return unit.tokens[-1].capitalised and unit.tokens[-1].reading.lemma in polish.territorial_units \
        and ((following.reading.is_proper_name and not set(following.reading.names) & PERSONAL_NAME_LABELS)
             or following.reading.pos == "ign") \
        and following.tokens[0].capitalised and following.space_before \
        and not following.token.form.isupper()


def _english_word(text: str, tag: str, before: Unit) -> Unit:
    """A word English needs and Polish says by case, to stand before `before`."""
    return Unit([Token(text, [Reading(text, tag)], before.space_before)], text=text)


def _receiver(noun: Unit, units: list[Unit], index: int, polish: GistWords) -> bool:
    """A noun only in the dative (or dative/locative, which without a preposition is the
    dative) after a verb of giving and its object: "przekazała Izbie" -> "handed over to the
    Chamber", "wręczył nagrody uczniom" -> "presented awards to pupils"."""
    case = noun.reading.case
    if noun.reading.pos not in ("subst", "ger") or not ("dat" in case and case <= {"dat", "loc"}):
        return False
    if index and units[index - 1].is_noun and "dat" in units[index - 1].reading.case:
        return False  # the second of two datives is the first one's attribute
    for verb in reversed(units[max(0, index - 4):index]):
        if verb.is_verb:
            return verb.lemma in polish.giving
        if not (verb.is_noun or verb.reading.pos in ("adj", "adjc")) or verb.reading.pos == "prep":
            return False
    return False


def _opens_with_instrumental(noun: Unit, units: list[Unit], index: int, polish: GistWords) -> bool:
    """A noun only in the instrumental opening a clause whose verb is not "być" or "zostać" without a
    participle: the means or authority, English "by" ("Decyzją wójta odwołane zostają imprezy" ->
    "by decision of the head events are cancelled"); before "być" it is the predicate ("Celem
    projektu jest …")."""
    if noun.is_term or noun.reading.case != {"inst"} or noun.reading.pos not in ("subst", "ger") or noun.sense:
        return False
    if index > 0 and not (units[index - 1].is_punctuation and units[index - 1].token.form in (",", "–", "-")):
        return False
    verb = next((u for u in units[index + 1:] if u.is_verb or u.is_punctuation), None)
    return verb is not None and verb.is_verb and verb.lemma != polish.be \
        and (verb.lemma not in polish.passive_auxiliaries or verb.grammar.aux_be)


def _postposed_adjective(noun: Unit, candidate: Unit, polish: GistWords, any_reading: bool = False) -> bool:
    """An adjective right after a noun that agrees with it ("transport publiczny"); with
    `any_reading`, in any of its readings (after "i", no neighbour chose its case)."""
    if candidate.is_term:
        return False
    reading = candidate.reading
    if reading.pos not in ("adj", "adjc") or candidate.token.verbatim:
        return False
    if reading.lemma in polish.not_postposed:
        return False
    readings = [r for r in candidate.token.readings if r.pos == reading.pos] if any_reading else [reading]
    return any(noun.reading.agrees_with(r) and bool(noun.reading.case & r.case) for r in readings)


NOUN_OR_ADJECTIVE = NOMINAL | ADJECTIVAL


def _postposed_demonstrative(noun: Unit, units: list[Unit], index: int, polish: GistWords) -> bool:
    """"te", "ten", "ta" right after a noun it agrees with, ending the phrase: "Propozycje te"."""
    candidate = units[index]
    reading = candidate.reading
    if candidate.is_term or reading.lemma not in polish.postposed_demonstratives \
            or candidate.token.form.lower() == "to" \
            or not (noun.reading.agrees_with(reading) and noun.reading.case & reading.case):
        return False
    following = units[index + 1] if index + 1 < len(units) else None
    return following is None or following.reading.pos not in NOUN_OR_ADJECTIVE


def _starts_genitive(noun: Unit, units: list[Unit], index: int, polish: GistWords) -> bool:
    """A genitive phrase (adjectives, then a noun in the genitive) follows a noun."""
    if noun.lemma in polish.quantity_nouns or noun.reading.pos == "brev" \
            or (not noun.is_term and noun.reading.is_proper_name):
        return False
    for unit in units[index:index + 4]:
        reading = unit.reading
        if unit.is_noun:
            # a masculine personal noun's genitive is also its accusative ("mieszkańców",
            # "prezydenta"), but right after a noun it is the genitive: "zaangażowanie mieszkańców"
            personal = reading.gender == {"m1"}
            return reading.case == {"gen"} or (
                "gen" in reading.case and reading.is_proper_name is False and "nom" not in reading.case
                and ("acc" not in reading.case or personal))
        if reading.pos == "num":
            continue  # "współpraca obu organizacji": a numeral's noun decides
        if reading.pos not in ("adj", "adjc", "ppas", "pact") or "gen" not in reading.case:
            return False
    return False


def _protected_genitive(noun: Unit, following: Unit, polish: GistWords) -> bool:
    """A protected name or acronym (a placeholder the gist cannot decline) right after a common
    noun is its genitive, unless the noun is one that names stand beside ("firma ABB")."""
    return following.token.verbatim and not noun.is_term and not noun.reading.is_proper_name \
        and noun.reading.pos in ("subst", "ger") and noun.lemma not in polish.apposition_nouns \
        and noun.lemma not in polish.quantity_nouns and following.space_before


def add_articles(units: list[Unit], english: EnglishGrammar) -> list[Unit]:
    """English needs articles Polish lacks: "the" before a singular common noun phrase that opens
    the sentence or follows "of" or a preposition (measured on the dev releases: chrF +3,
    BLEU +4; plural phrases and objects of verbs gain nothing)."""
    result: list[Unit] = []
    clause = any(unit.is_verb for unit in units)
    for index, unit in enumerate(units):
        head = _phrase_head(units, index)
        opening_label = not result and not clause  # headings, labels ("Kontakt dla mediów:")
        if head is not None and not opening_label \
                and _wants_article(result[-1] if result else None, head, unit, english):
            result.append(Unit([Token("the", [Reading("the", "det")], unit.space_before)], text="the"))
        result.append(unit)
    return result


def _phrase_head(units: list[Unit], index: int) -> Unit | None:
    """The noun a phrase starting at `index` ends in (adjectives first), else None."""
    for unit in units[index:index + 4]:
        if unit.is_noun:
            return unit
        if unit.reading.pos not in ("adj", "adjc", "ppas", "pact"):
            return None
        if unit is not units[index] and unit.is_punctuation:
            return None
    return None


def _wants_article(previous: Unit | None, head: Unit, first: Unit, english: EnglishGrammar) -> bool:
    reading = head.reading
    if reading.is_proper_name or head.token.verbatim or reading.is_plural or first.negative_english:
        return False
    if head.is_term and head.entry.word_class == "v":  # a gerund: "of signing an agreement"
        return False
    for unit in (first, head):
        if unit.used and unit.used.word_class in ("pron", "det", "num", "name", "prep", "adv"):
            return False
    if first.reading.pos in ("num", "dig") or (first.entry and first.entry.word_class in ("det", "num")):
        return False
    if first.text.split(" ")[0].lower() in english.determiners:
        return False
    if previous is None:
        return True
    if previous.text and previous.text.split(" ")[-1].lower() in english.determiners:
        return False  # a phrase that ends in one: "w tym naborze" -> "in this call"
    return previous.text == "of" or previous.reading.pos == "prep" or bool(
        previous.entry and previous.entry.word_class == "prep")


def join(units: list[Unit], tokens: list[Token]) -> str:
    """Words with single spaces; punctuation, numbers and placeholders spaced as in the source;
    a capital first letter when the source has one."""
    parts: list[str] = []
    previous: Unit | None = None
    for unit in units:
        glue = previous is None
        moved_first = bool(tokens) and unit.tokens[0] is tokens[0]  # the sentence's first word, moved on
        if previous is not None and not unit.space_before and not moved_first:
            glue = (unit.is_punctuation or unit.token.verbatim or unit.reading.pos == "dig"
                    or (previous.is_punctuation and previous.text in _OPENING | {"-", "/", "–"}))
        parts.append(unit.text if glue else " " + unit.text)
        previous = unit
    text = "".join(parts).strip()
    first = next((t for t in tokens if not t.is_punctuation), None)
    if text and first is not None and (first.capitalised or (first.form[:1].isdigit() and text[:1].isalpha())):
        position = next((i for i, c in enumerate(text) if c.isalpha()), None)
        if position is not None:
            text = text[:position] + text[position].upper() + text[position + 1:]
    return text
