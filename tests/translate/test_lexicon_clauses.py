"""The gist's clause grammar over the whole Polish corpus and on short made-up sentences:
negation is never lost nor doubled; case endings decide who does what."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.api import Pipeline  # noqa: E402
from pressnlp.stages.translate.lexicon.analysis import Token, tokenize  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ENGLISH_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|no one)\b|n't",
                              re.IGNORECASE)
_NEGATIVE = r"(?:no|nobody|nothing|none|no one)"
DOUBLE_NEGATION = re.compile(rf"\b(?:not|never)\b[^,;:–]*\b{_NEGATIVE}\b|\b{_NEGATIVE}\b[^,;:–]*\b(?:not|never)\b",
                             re.IGNORECASE)
VERB_FORMS = frozenset({"fin", "praet", "inf", "impt", "imps", "bedzie", "winien", "pred", "pcon", "pant"})
NEGATIVE_LEMMAS = frozenset({"nigdy", "żaden", "nikt", "nic", "nigdzie"})


@pytest.fixture(scope="module")
def corpus_sentences() -> list[tuple[str, str]]:
    """(Polish sentence, its gist) for every sentence of every Polish corpus release, as the
    translate stage segments and aligns them."""
    pipeline = Pipeline.from_config({
        "pipeline": {"stages": ["read", "detect", "translate"]},
        "stages": {"translate": {"backend": "lexicon", "memory": False,
                                 "backend_options": {"lexicon": {"freedict": False}}}},
    })
    pairs = []
    for path in sorted((CORPUS / "pl").iterdir()):
        record = pipeline.process_file(path, id=f"pl/{path.name}")
        translation = record["translation"]
        for segment in translation["segments"]:
            (source_start, source_end), (target_start, target_end) = segment["source"], segment["target"]
            pairs.append((record["text"][source_start:source_end], translation["text"][target_start:target_end]))
    return pairs


def _opens_clause(token: Token) -> bool:
    return token.is_punctuation or token.reading.pos == "comp"


def polish_negations(sentence: str) -> int:
    """Negated clauses ("nie" + verb, "nikt", "nigdy" ...) and "bez" phrases of a Polish sentence."""
    tokens = tokenize(sentence)
    count, clause_negated = 0, False
    for index, token in enumerate(tokens):
        if _opens_clause(token):
            count, clause_negated = count + clause_negated, False
            continue
        lemmas = {reading.lemma.lower() for reading in token.readings}
        if token.form.lower() == "bez":
            count += 1
        elif lemmas & NEGATIVE_LEMMAS or (token.form.lower() == "nie" and any(
                reading.pos in VERB_FORMS for following in tokens[index + 1:index + 3]
                for reading in following.readings)):
            clause_negated = True
    return count + clause_negated


def test_every_negation_of_the_corpus_is_kept_once(corpus_sentences):
    negated = [(pl, en) for pl, en in corpus_sentences if polish_negations(pl)]
    assert len(negated) >= 40  # the measure sees the corpus's negations
    lost = [(pl, en) for pl, en in negated if len(ENGLISH_NEGATION.findall(en)) < polish_negations(pl)]
    doubled = [(pl, en) for pl, en in negated if DOUBLE_NEGATION.search(en)]
    assert lost == [] and doubled == []


def _declined_cases(token: Token) -> frozenset[str] | None:
    """Every case a noun's ending allows (indeclinable readings aside); None for a non-noun."""
    readings = [r for r in token.readings if r.pos in ("subst", "depr")]
    if not readings or len(readings) != len(token.readings):
        return None
    declined = [r for r in readings if len(r.case) < 5] or readings
    return frozenset().union(*(r.case for r in declined))


def _object_verb_subject(sentence: str) -> list[tuple[Token, Token]]:
    """(object, subject) of clauses "[accusative noun] [genitives] verb [adjectives] [nominative noun]"
    at the start of a clause, where each noun's ending allows only that case and the verb is a
    third-person form agreeing with the nominative."""
    tokens = tokenize(sentence)
    found = []
    for index, verb in enumerate(tokens):
        if not verb.readings or not all(r.pos in ("fin", "praet") and not r.person & {"pri", "sec"}
                                        and r.lemma != "być" for r in verb.readings):
            continue
        after = index + 1
        while after < len(tokens) and all(r.pos == "adj" for r in tokens[after].readings):
            after += 1
        before = index - 1
        while before >= 0 and _declined_cases(tokens[before]) == frozenset({"gen"}):
            before -= 1
        if after >= len(tokens) or before < 0:
            continue
        subject_cases, object_cases = _declined_cases(tokens[after]), _declined_cases(tokens[before])
        agrees = any(r.number & verb.readings[0].number for r in tokens[after].readings)
        opening = before == 0 or tokens[before - 1].is_punctuation or tokens[before - 1].reading.pos == "conj"
        if subject_cases and object_cases and agrees and opening and "nom" in subject_cases \
                and "acc" not in subject_cases and "acc" in object_cases and "nom" not in object_cases:
            found.append((tokens[before], tokens[after]))
    return found


def test_subject_after_the_verb_comes_first_in_english_across_the_corpus(gist, corpus_sentences):
    """Where the endings say which noun is the subject, its English comes before the object's."""
    clauses = [(en.lower(), obj, subj) for pl, en in corpus_sentences for obj, subj in _object_verb_subject(pl)]
    assert len(clauses) >= 2
    for english, obj, subj in clauses:
        object_word, subject_word = (gist(t.form).lower().split()[-1][:5] for t in (obj, subj))
        assert 0 <= english.find(subject_word) < english.find(object_word), english


@pytest.mark.parametrize(("polish", "english"), [
    ("Umowę podpisał prezes spółki.", "The president of the company signed"),
    ("Nagrodę otrzymała Anna Nowak.", "Anna Nowak received"),
    ("Dotację przyznało miasto.", "The city granted"),  # "dotację" cannot be the subject
    ("Nowy park zaprojektowali architekci.", "Architects designed"),  # "park" does not agree
    ("Zespół, którym pokieruje prof. Jan Kowalski, zbada rzekę.", "which Prof. Jan Kowalski will"),
    ("W piątek odbędzie się koncert.", "On Friday concert will take place"),  # "się": no object
    ("Dokumenty podpisali burmistrz i wójt.", "The mayor and"),
])
def test_case_endings_decide_the_subject(gist, polish, english):
    assert english in gist(polish)


@pytest.mark.parametrize(("polish", "english"), [
    ("Projekt wspiera Narodowe Centrum Badań i Rozwoju.", "The project supports"),  # either could be the subject
    ("Firma ogłosiła konkurs.", "The company announced"),
    ("– Cieszymy się – mówi Jan Kowalski.", "says Jan Kowalski"),  # a quote's verb first stays first
    ("Co robią organizacje?", "What"),  # a question word stays first
])
def test_ambiguous_or_verb_first_clauses_keep_the_source_order(gist, polish, english):
    assert english in gist(polish)


def test_negation_of_an_unknown_verb_is_kept(gist):
    assert "not" in gist("Zarząd nie przystał na warunki.").split()


@pytest.mark.parametrize(("polish", "english"), [
    ("Nikt nie przyszedł na spotkanie.", "No one came"),
    ("Firma nigdy nie zamyka biura.", "never closes"),
    ("Nigdy nie byliśmy w Sopocie.", "We were never"),
    ("Żaden z projektów nie otrzymał dofinansowania.", "None of"),
    ("Nie wiemy nic o tym.", "do not know anything"),
    ("Zarząd nie przyjął żadnej z propozycji.", "any of"),
    ("Nie było żadnych problemów.", "There were no problems"),
    ("W gminie nie ma szpitala.", "there is no hospital"),
])
def test_one_english_negation_per_clause(gist, polish, english):
    text = gist(polish)
    assert english in text and not DOUBLE_NEGATION.search(text)


def test_not_only_but_also(gist):
    assert "not only" in gist("Park służy nie tylko mieszkańcom, ale także turystom.")
    assert "not only schools, but also" in gist("Program obejmuje nie tylko szkoły, ale i przedszkola.")


@pytest.mark.parametrize(("polish", "english"), [
    ("Spotkanie odbędzie się w Płocku.", "in Płock"),  # not the village Płocko
    ("Biuro mieści się w Toruniu.", "in Toruń"),  # Polish spelling kept
    ("Rozmawialiśmy z prof. Janem Kowalskim.", "with Prof. Jan Kowalski"),  # people in the nominative
])
def test_place_and_person_names_in_their_base_form(gist, polish, english):
    assert re.search(rf"{english}\b", gist(polish))
