"""The English verb group of a Polish verb: person, tense, aspect, negation and mood from its tag
and from what the clause pass found (`units.Grammar`)."""
from __future__ import annotations

from pressnlp.lang.en.grammar import EnglishGrammar
from pressnlp.stages.translate.lexicon import english as inflection
from pressnlp.stages.translate.lexicon.units import Unit

# morfeusz person and number -> the English pack's names for them
_PERSONS = {"pri": "first", "sec": "second", "ter": "third"}
_NUMBERS = {"sg": "singular", "pl": "plural"}


def person_key(person: str, number: str) -> str:
    """"pri", "pl" -> "first_plural" (the English grammar tables' keys)."""
    return f"{_PERSONS[person]}_{_NUMBERS[number]}"


def existential(unit: Unit) -> str:
    """"nie ma", "nie było", "nie będzie" + genitive."""
    plural = unit.grammar.existential_plural
    if unit.reading.pos == "bedzie":
        return "there will be no"
    if unit.reading.pos == "praet":
        return "there were no" if plural else "there was no"
    return "there are no" if plural else "there is no"


# Verb-group words "never" goes after ("will never", "was never"); before any other it opens the group.
_AUXILIARIES = frozenset({"will", "would", "was", "were", "is", "are", "am", "can", "could", "must", "should",
                          "may", "might", "has", "have", "had", "shall", "let's"})
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


def verb_phrase(base: str, unit: Unit, english: EnglishGrammar) -> str:
    """English verb group from the Polish tag: person, tense, aspect, negation, mood; "never" in
    place of "not" when "nigdy" negates the clause."""
    grammar = unit.grammar
    if not grammar.never:
        return _verb_group(base, unit, english)
    grammar.negated = False
    text = _verb_group(base, unit, english)
    grammar.negated = True
    words = text.split(" ")
    at = next((i + 1 for i, word in enumerate(words) if word in _AUXILIARIES), None)
    if at is None:  # an added subject pronoun stays first: "we never meet"
        at = 1 if not grammar.subject_given and len(words) > 1 and words[0].lower() in _SUBJECTS else 0
    return " ".join([*words[:at], "never", *words[at:]])



def _verb_group(base: str, unit: Unit, english: EnglishGrammar) -> str:
    reading, grammar = unit.reading, unit.grammar
    pos = reading.pos
    person = next(iter(grammar.person or reading.person), "ter")
    number = "pl" if (grammar.number or reading.number) == {"pl"} else "sg"
    negated = grammar.negated
    head = base.split(" ")[0]
    modal = inflection.is_modal(head)

    def with_subject(text: str) -> str:
        """Polish drops "we"/"I"/"you"; English needs them."""
        if person == "ter" or grammar.subject_given:
            return text
        return f"{english.pronouns[person_key(person, number)].nominative} {text}"

    if grammar.impersonal_passive:
        return _reflexive_passive(base, unit)
    if pos == "pred":
        return _predicative(base, grammar.tense, negated)
    if pos == "winien":
        return with_subject(base + (" not" if negated else ""))
    if pos in ("inf",):
        if grammar.future:
            return with_subject(f"will {'not ' if negated else ''}{_future(base, english)}")
        prefix = "" if grammar.bare_infinitive else "to "
        return f"{'not ' if negated else ''}{prefix}{base}"
    if pos == "praet" and grammar.future:
        return with_subject(f"will {'not ' if negated else ''}{_future(base, english)}")
    if pos == "bedzie":
        return with_subject(f"will {'not ' if negated else ''}{base if head != 'be' else 'be'}")
    if pos == "impt":
        if person == "pri":
            return f"let's {'not ' if negated else ''}{base}"
        return f"do not {base}" if negated else base
    if pos == "imps":
        return _impersonal(base, negated)
    if pos == "pcon":
        return ("not " if negated else "") + inflection.inflect_phrase(base, "present_participle")
    if pos == "pant":
        return "having " + ("not " if negated else "") + inflection.inflect_phrase(base, "past_participle")
    if pos == "praet":
        if grammar.conditional:
            wanted = english.conditional.get(head, f"would {head}") + base[len(head):]
            text = wanted.replace(" ", " not ", 1) if negated else wanted
        elif head == "be":
            was = english.be_form("past", person_key(person, number))
            text = _replace_head(base, f"{was} not" if negated else was)
        elif modal:
            text = inflection.inflect_phrase(base, "past") + (" not" if negated else "")
        elif negated:
            text = f"did not {base}"
        else:
            text = inflection.inflect_phrase(base, "past")
        return with_subject(text)
    # fin: imperfective = present, perfective = future (present after "if", "when")
    if "perf" in reading.values and "imperf" not in reading.values and not modal and not grammar.plain_present:
        text = f"will {'not ' if negated else ''}{_future(base, english)}"
    elif head == "be":
        be = english.be_form("present", person_key(person, number))
        text = _replace_head(base, f"{be} not" if negated else be)
    elif modal:
        text = ("cannot" if head == "can" else f"{head} not") if negated else head
        text = text + base[len(head):]
    elif negated:
        does = "does" if (person, number) == ("ter", "sg") else "do"
        text = f"{does} not {base}"
    elif (person, number) == ("ter", "sg"):
        text = inflection.inflect_phrase(base, "third_person")
    else:
        text = base
    return with_subject(text)


_ARTICLES = ("a ", "an ", "the ")


def _impersonal(base: str, negated: bool) -> str:
    """"podpisano" (someone signed) as the English passive; an object inside a term goes first:
    "podpisano umowę" -> "an agreement was signed", not "was signed an agreement"."""
    was = "was not" if negated else "was"
    head, _, rest = base.partition(" ")
    participle = inflection.inflect_phrase(head, "past_participle")
    if rest.startswith(_ARTICLES):
        return f"{rest} {was} {participle}"
    return f"{was} {inflection.inflect_phrase(base, 'past_participle')}"


def _reflexive_passive(base: str, unit: Unit) -> str:
    """"planuje się" -> "is planned", "planowało się" -> "was planned", "zaplanuje się" -> "will be
    planned"; before an infinitive or "że" with "it": "it is planned (to build)"."""
    grammar, reading = unit.grammar, unit.reading
    if grammar.future or (reading.pos == "fin" and "perf" in reading.values and "imperf" not in reading.values):
        be = "will not be" if grammar.negated else "will be"
    else:
        be = ("was" if reading.pos == "praet" else "is") + (" not" if grammar.negated else "")
    text = f"{be} {inflection.inflect_phrase(base, 'past_participle')}"
    return f"it {text}" if grammar.impersonal_passive == "it" else text


def _predicative(base: str, tense: str, negated: bool) -> str:
    """"można" (it is possible to) in the tense of a following "było"/"będzie", negated."""
    if " is " not in f" {base} ":
        return ("not " if negated else "") + base
    verb = {"past": "was", "future": "will be"}.get(tense, "is")
    if negated:
        verb = "will not be" if tense == "future" else f"{verb} not"
    return f" {base} ".replace(" is ", f" {verb} ", 1).strip()


def _future(base: str, english: EnglishGrammar) -> str:
    """Modals have no future of their own: "będą mogli" -> "will be able to"."""
    head, _, rest = base.partition(" ")
    replacement = english.modal_substitutes.get(head)
    return f"{replacement} {rest}".strip() if replacement else base


def _replace_head(phrase: str, head: str) -> str:
    rest = phrase.partition(" ")[2]
    return f"{head} {rest}" if rest else head
