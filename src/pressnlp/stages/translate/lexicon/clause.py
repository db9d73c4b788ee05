"""Clause grammar of a Polish sentence: what each word tells its neighbours.

"nie" negates the next verb, "się" makes it reflexive and disappears, an agglutinate ("-śmy")
gives its person to the past-tense verb, "by" makes it conditional, "być"/"zostać" + passive
participle and "będzie" + infinitive become English auxiliaries; capitalised words after a street
word are a name copied as written. The findings go into each unit's `Grammar` (or `keep_form`,
`dropped`); nothing is translated here.
"""
from __future__ import annotations

from collections.abc import Callable

from pressnlp.lang.pl.gist import GistWords
from pressnlp.stages.translate.lexicon import english
from pressnlp.stages.translate.lexicon.lookup import Dictionary
from pressnlp.stages.translate.lexicon.units import Unit


class ClauseGrammar:
    def __init__(self, dictionary: Dictionary, polish: GistWords):
        self.dictionary = dictionary
        self.polish = polish

    def apply(self, units: list[Unit]) -> None:
        self._auxiliary_first(units)
        self._absorb_particles(units)
        self._mark_names(units)
        self._verb_context(units)
        self._impersonal_reflexives(units)
        self._negative_concord(units)

    def _auxiliary_first(self, units: list[Unit]) -> None:
        """A passive participle before its auxiliary goes after it, as in English: "odwołane
        zostają wydarzenia" -> "events are cancelled"."""
        for index in range(len(units) - 1):
            participle, auxiliary = units[index], units[index + 1]
            if participle.reading.pos == "ppas" and not participle.is_term and auxiliary.is_verb \
                    and auxiliary.lemma in self.polish.passive_auxiliaries \
                    and auxiliary.reading.pos in ("fin", "praet", "bedzie"):
                units[index], units[index + 1] = auxiliary, participle

    def _absorb_particles(self, units: list[Unit]) -> None:
        """Agglutinates, "by", "się" and "nie" pass their meaning to a verb and disappear."""
        words = self.polish
        for index, unit in enumerate(units):
            pos, lemma = unit.pos, unit.lemma
            if pos == "aglt":
                verb = _nearest(units, index, lambda u: u.reading.pos == "praet")
                if verb:
                    verb.grammar.person, verb.grammar.number = unit.reading.person, unit.reading.number
                unit.dropped = True
            elif pos in ("qub", "part", "comp") and lemma == words.conditional and index \
                    and units[index - 1].reading.pos == "praet":
                units[index - 1].grammar.conditional = True
                unit.dropped = True
            elif lemma == words.reflexive and pos in ("qub", "part"):
                verb = _nearest(units, index, lambda u: u.is_verb or u.reading.pos in ("ger", "pact", "ppas"))
                if verb:
                    verb.grammar.reflexive = True
                unit.dropped = True
            elif lemma == words.negation and pos in ("qub", "part"):
                verb = _next_content(units, index)
                if verb and (verb.is_verb or verb.reading.pos == "pred"):
                    verb.grammar.negated = True
                    unit.dropped = True

    def _mark_names(self, units: list[Unit]) -> None:
        """Street names and place names with an adjective ("Ruda Śląska") are copied as written."""
        street_words = self.polish.street_words
        for index, unit in enumerate(units):
            if unit.lemma in street_words or unit.token.form.lower() in street_words:
                self._mark_keep_form(units, index + 1)
            if index and _place_name_adjective(units[index - 1], unit):
                unit.keep_form = True
            if index + 1 < len(units) and _place_name_adjective(units[index + 1], unit, before=True):
                unit.keep_form = True  # "Nowym Targu", "Małe Bałówki"

    def _mark_keep_form(self, units: list[Unit], start: int) -> None:
        """Capitalised words after "ul.", "ulica", "al." ... (and "i" between them) are the name."""
        index = start
        if index < len(units) and units[index].token.form == ".":
            index += 1
        while index < len(units):
            unit = units[index]
            if unit.tokens[0].capitalised and not unit.is_punctuation:
                unit.keep_form = True
            elif unit.token.form == "." and len(units[index - 1].token.form) == 1 and units[index - 1].keep_form:
                pass  # an initial's dot: "ul. I. Miecznikowa"
            elif not (unit.token.form in self.polish.name_joiners and index + 1 < len(units)
                      and units[index + 1].tokens[0].capitalised):
                return
            index += 1

    def _verb_context(self, units: list[Unit]) -> None:
        """Tense, mood, auxiliaries and infinitives from the words around each verb."""
        words = self.polish
        for index, unit in enumerate(units):
            grammar = unit.grammar
            if unit.lemma in words.condition_words:
                verb = _next_verb_in_clause(units, index)
                if verb:
                    verb.grammar.plain_present = True
            if unit.reading.pos == "comp" and not unit.dropped:
                following = _next_content(units, index)
                entry = self.dictionary.own(unit.reading)
                if following and following.reading.pos == "inf" and entry:
                    following.grammar.bare_infinitive = entry.english.endswith("to")  # "aby zapytać": to ask
            if unit.reading.pos == "pred":
                for neighbour in units[max(index - 1, 0):index] + units[index + 1:index + 2]:
                    if neighbour.lemma == words.be and not neighbour.dropped and not grammar.tense:
                        grammar.tense = {"praet": "past", "bedzie": "future"}.get(neighbour.reading.pos, "")
                        neighbour.dropped = bool(grammar.tense)
            if unit.reading.pos == "inf" and index + 1 < len(units) and units[index + 1].reading.pos == "bedzie":
                aux = units[index + 1]  # "prowadzić będzie": will run
                grammar.future, grammar.negated = True, grammar.negated or aux.grammar.negated
                grammar.person, grammar.number = aux.reading.person, aux.reading.number
                aux.dropped = True
            if not (unit.is_verb or unit.reading.pos == "pred") or unit.dropped:
                continue
            following = _next_content(units, index)
            if following is None:
                continue
            if unit.reading.pos == "bedzie" and following.reading.pos in ("inf", "praet"):
                following.grammar.future = True
                following.grammar.negated = following.grammar.negated or grammar.negated
                following.grammar.person, following.grammar.number = unit.reading.person, unit.reading.number
                unit.dropped = True
            elif unit.lemma in words.passive_auxiliaries and following.reading.pos == "ppas":
                grammar.aux_be = True
            elif unit.lemma == words.have and following.reading.pos == "inf":
                grammar.aux_be = True  # "ma zostać oddana": is to be put into service
            elif grammar.negated and self._existential(unit) and following.is_noun and _genitive(following):
                grammar.existential = True
            elif following.reading.pos == "inf" and self._takes_bare_infinitive(unit):
                following.grammar.bare_infinitive = True
            if unit.reading.person & {"pri", "sec"} and index and units[index - 1].reading.pos == "ppron12":
                grammar.subject_given = True

    def _impersonal_reflexives(self, units: list[Unit]) -> None:
        """"się" with a transitive verb that has no reflexive sense of its own and no subject before it,
        followed by its object, an infinitive or "że", is the impersonal passive: "planuje się budowę
        drogi" (construction of the road is planned), "zaleca się stosować" (it is recommended to
        use), "szacuje się, że" (it is estimated that)."""
        for index, unit in enumerate(units):
            grammar, reading = unit.grammar, unit.reading
            if not grammar.reflexive or unit.is_term or unit.dropped \
                    or self.dictionary.reflexive_entry(unit) is not None:
                continue
            third_singular = reading.pos == "fin" and reading.person == {"ter"} and reading.number == {"sg"}
            neuter_past = reading.pos == "praet" and reading.number == {"sg"} and reading.gender == {"n"}
            if not (third_singular or neuter_past or (grammar.future and grammar.number == {"sg"})):
                continue
            if _that_clause_follows(units, index) and not _subject_before(units, index):
                grammar.impersonal_passive = "it"  # "szacuje się, że …": it is estimated that …
                continue
            following = _next_content(units, index)
            takes_object = following is not None and (following.reading.pos == "inf" or (
                following.is_noun and not following.reading.is_proper_name
                and any("acc" in r.case or ("gen" in r.case and grammar.negated)
                        for r in following.token.readings if r.pos == following.reading.pos)))
            if takes_object and not _subject_before(units, index):
                grammar.impersonal_passive = "it" if following.reading.pos == "inf" else "object"
                if grammar.negated and following.is_noun:
                    _genitive_object(following)

    def _negative_concord(self, units: list[Unit]) -> None:
        """One English negation per clause: Polish negates the verb and each pronoun ("nikt nie
        przyszedł"). A negative pronoun before the verb carries it ("no one came"); after the negated
        verb pronouns take their "any" form; "nigdy" becomes the verb's "never"; "nie było
        żadnych X" is "there were no X"."""
        words = self.polish
        for verb_index, verb in enumerate(units):
            if not verb.grammar.negated or verb.dropped:
                continue
            start, end = _clause_span(units, verb_index)
            negatives = [i for i in range(start, end) if i != verb_index and not units[i].dropped
                         and not units[i].is_term and units[i].reading.pos != "prep"
                         and units[i].lemma in (*words.negative_words, words.never)]
            for index in negatives:
                if units[index].lemma == words.never:
                    verb.grammar.never, units[index].dropped = True, True
            negatives = [i for i in negatives if not units[i].dropped]
            if not negatives:
                continue
            if self._existential(verb) and negatives[0] == verb_index + 1 and _noun_follows(units, negatives[0]):
                noun = _noun_follows(units, negatives[0])
                verb.grammar.existential = "gen" in noun.reading.case
                verb.grammar.existential_plural = noun.reading.is_plural
                units[negatives[0]].dropped = verb.grammar.existential
            carrier = negatives[0] if negatives[0] < verb_index and not verb.grammar.never else None
            for index in negatives:
                unit = units[index]
                forms = words.negative_words[unit.lemma]
                if index == carrier:
                    unit.negative_english = forms.negative if _noun_follows(units, index) else forms.alone
                else:
                    unit.negative_english = forms.negated
            if carrier is not None:
                verb.grammar.negated = False

    def _takes_bare_infinitive(self, verb: Unit) -> bool:
        base = self.dictionary.verb_base(verb)
        return bool(base) and (english.is_modal(base.split(" ")[0]) or base.endswith(" to"))

    def _existential(self, unit: Unit) -> bool:
        """"nie ma", "nie było", "nie będzie" (third person singular of mieć/być) before a genitive."""
        reading = unit.reading
        if reading.lemma == self.polish.have:
            return reading.pos == "fin" and reading.person == {"ter"} and reading.number == {"sg"}
        return reading.lemma == self.polish.be and reading.pos in ("praet", "bedzie") and reading.number == {"sg"} \
            and (reading.pos == "bedzie" or reading.gender == {"n"})


def _nearest(units: list[Unit], index: int, wanted: Callable[[Unit], bool]) -> Unit | None:
    """The closest unit within three on either side (the clause's verb for "się", "-śmy")."""
    for distance in range(1, 4):
        for candidate in (index - distance, index + distance):
            if 0 <= candidate < len(units) and not units[candidate].is_punctuation and wanted(units[candidate]):
                return units[candidate]
    return None


def _genitive_object(unit: Unit) -> None:
    """A negated verb's object is a genitive: "nie planuje się budowy" is one construction, not
    the plural "budowy"."""
    chosen = unit.reading
    genitive = next((r for r in unit.token.readings if r.pos == chosen.pos and r.lemma == chosen.lemma
                     and "gen" in r.case), None)
    if genitive is not None and "gen" not in chosen.case:
        unit.token.chosen = genitive


def _subject_before(units: list[Unit], index: int) -> bool:
    """A nominative noun or a personal pronoun in the clause before `index`."""
    start, _ = _clause_span(units, index)
    return any(u.is_noun and "nom" in u.reading.case and not u.reading.is_proper_name
               or u.reading.pos in ("ppron3", "ppron12") for u in units[start:index])


def _that_clause_follows(units: list[Unit], index: int) -> bool:
    """The verb at `index` ends its clause and "że" opens the next: "szacuje się, że …"."""
    rest = [u for u in units[index + 1:index + 4] if not u.dropped]
    return len(rest) >= 2 and rest[0].token.form == "," and rest[1].reading.pos == "comp" and rest[1].lemma == "że"


def _next_content(units: list[Unit], index: int) -> Unit | None:
    """The next unit that is not a particle, "się" or an adverb (what "nie" negates)."""
    for unit in units[index + 1:index + 4]:
        if unit.is_punctuation:
            return None
        if unit.dropped or unit.reading.pos in ("qub", "part", "adv", "aglt"):
            continue
        return unit
    return None


def _clause_span(units: list[Unit], index: int) -> tuple[int, int]:
    """The units of the clause around `index`: between punctuation or conjunctions that open a
    clause ("że", "aby")."""
    def boundary(unit: Unit) -> bool:
        return unit.is_punctuation or unit.reading.pos == "comp"

    start = index
    while start > 0 and not boundary(units[start - 1]):
        start -= 1
    end = index + 1
    while end < len(units) and not boundary(units[end]):
        end += 1
    return start, end


def _noun_follows(units: list[Unit], index: int) -> Unit | None:
    """The noun a determiner at `index` goes with ("żadnych nowych problemów"), if any."""
    for unit in units[index + 1:index + 4]:
        if unit.is_noun:
            return unit
        if unit.reading.pos not in ("adj", "adjc", "ppas", "pact") or unit.is_punctuation:
            return None
    return None


def _next_verb_in_clause(units: list[Unit], index: int) -> Unit | None:
    for unit in units[index + 1:]:
        if unit.is_punctuation:
            return None
        if unit.is_verb:
            return unit
    return None


# morfeusz's labels of a place name and of a word of a multi-word place name ("Sękocin" in "Sękocin Stary")
_PLACE_LABELS = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})


def _genitive(noun: Unit) -> bool:
    """The noun after "nie ma" is a genitive if it can be one ("Nie ma miasta bez …": there is no
    city, not the plural nominative spelt alike); its reading becomes that genitive."""
    if "gen" in noun.reading.case:
        return True
    genitive = next((r for r in noun.token.readings if r.pos == noun.reading.pos and "gen" in r.case), None)
    if genitive is not None and not noun.is_term:
        noun.token.chosen = genitive
    return genitive is not None and not noun.is_term


def _place_name_adjective(place: Unit, unit: Unit, before: bool = False) -> bool:
    """"Ruda Śląska", "Dąbrowa Górnicza", "Sękocin Stary": a capitalised adjective after a place
    name is part of it; with `before`, one before a word that morfeusz knows only inside a place
    name ("Nowy Targ", "Małe Bałówki")."""
    reading = unit.reading
    labels = {"człon_nazwy_geograficznej"} if before else _PLACE_LABELS
    # any reading of the chosen name will do: "Kazimierzu Dolnym" is the town, though "Kazimierz" is a first name too
    return (reading.pos == "adj" and unit.tokens[0].capitalised and (before or not unit.initial)
            and len(place.tokens) == 1 and place.reading.is_proper_name and any(
                r.lemma == place.reading.lemma and bool(labels & set(r.names)) and r.agrees_with(reading)
                for r in (place.reading, *place.token.readings)))
