"""The detect stage's shortcut: long paragraphs that function words and letters settle skip lingua."""
from __future__ import annotations

from pathlib import Path

import pytest

from pressnlp import Pipeline
from pressnlp.lang.segment import split_paragraphs
from pressnlp.stages.detect import DetectOptions, DetectStage, default_languages
from pressnlp.stages.detect.backends import LINGUA_CONFIDENT, load_backend
from pressnlp.stages.detect.identify import SHORT_TEXT_LETTERS, LanguageIdentifier, detectable_text, letter_count

pytest.importorskip("lingua")

LANGUAGES = tuple(default_languages())
CORPUS = Path(__file__).resolve().parents[2] / "corpus"

POLISH = ("Porozumienie podpisano w czwartek w Lublinie. Miasto przekaże partnerom z Ukrainy dwa autobusy, "
          "a w przyszłym roku zorganizuje wspólne szkolenia dla kierowców i dyspozytorów.")
UKRAINIAN = ("Міська рада Луцька підписала угоду про співпрацю з польськими партнерами. Проєкт передбачає "
             "обмін досвідом у сфері громадського транспорту, а також спільні навчання для молоді.")
ENGLISH = ('"We are glad that the work with our partners will go on, and we hope that the first joint '
           'workshops for the drivers will take place in the autumn," said the mayor of the town.')
GERMAN = ("Die Stadtwerke haben am Montag eine neue Wärmepumpe in Betrieb genommen. Sie soll im Winter "
          "rund dreitausend Wohnungen mit Wärme aus dem Abwasser versorgen, sagte der Geschäftsführer.")
CZECH = ("Technická univerzita otevřela nové centrum pro recyklaci baterií. Podle ředitele se v něm budou "
         "zkoumat postupy, které by mohly snížit spotřebu energie při zpracování použitých článků.")
CZECH_WITHOUT_DIACRITICS = ("Technicka univerzita otevrela nove centrum pro recyklaci baterii. Podle reditele se v nem "
                            "budou zkoumat postupy, ktere by mohly snizit spotrebu energie pri zpracovani clanku.")
MIXED_RELEASE = "\n\n".join([
    "Autobusy dla partnerów z Łucka", "Lublin, 3 marca 2025 r.", POLISH, UKRAINIAN, ENGLISH,
    "Anna Nowak\ntel. 81 466 20 00"])


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(load_backend("lingua", LANGUAGES))


@pytest.mark.parametrize(("text", "expected"), [(POLISH, "pl"), (UKRAINIAN, "uk"), (ENGLISH, "en"),
                                                (GERMAN, "de"), (CZECH, "cs")])
def test_a_clear_paragraph_is_settled_as_lingua_would(identifier, text, expected):
    assert identifier.clear_language(detectable_text(text)) == expected
    certain = load_backend("lingua", LANGUAGES).probabilities(detectable_text(text))
    assert certain[expected] >= LINGUA_CONFIDENT


@pytest.mark.parametrize("text", [
    CZECH_WITHOUT_DIACRITICS,  # no letter tells Czech from Slovak: lingua decides
    POLISH.replace("autobusy", "autobusy (Bürgerbusse)"),  # a letter Polish lacks
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
])
def test_an_unclear_paragraph_is_left_to_lingua(identifier, text):
    assert identifier.clear_language(detectable_text(text)) is None


# A language without a stopword list is never settled, and never taken for a listed neighbour: Dutch
# shares some of German's function words, Portuguese written without its accents Spanish's.
UNLISTED = {
    "nl": "Die man is er niet, hij is naar de stad gegaan. Als het regent, dan blijven wij in het huis en wij "
          "maken een plan voor de reis naar het zuiden van het land.",
    "pt": "A cidade vai construir mil casas para as familias jovens e para os estudantes da regiao, e o plano tem "
          "o apoio de todos os partidos que se sentam no conselho municipal desde o ano passado.",
    "it": "Il comune ha presentato un nuovo piano per il porto. Secondo il sindaco, nei prossimi anni la citta "
          "costruira mille case per le giovani famiglie e per gli studenti della regione.",
    "sv": "Kommunen presenterade på måndagen en ny plan för hamnen. Enligt kommunalrådet ska mer än tusen "
          "bostäder byggas under de kommande åren, och de ska också vara prisvärda för unga familjer.",
}


@pytest.mark.parametrize("code", sorted(UNLISTED))
def test_a_language_without_stopwords_is_not_settled(identifier, code):
    assert identifier.clear_language(detectable_text(UNLISTED[code])) is None


def asked(monkeypatch, detector: str, text: str) -> list[str]:
    """The texts the stage's backend was asked about while detecting `text`."""
    stage = DetectStage(DetectOptions(detector=detector))
    stage.setup()
    backend = stage._identifier.backend
    texts: list[str] = []
    original = backend.probabilities
    monkeypatch.setattr(backend, "probabilities", lambda cleaned: texts.append(cleaned) or original(cleaned))
    stage.process({"text": text})
    return texts


def test_short_and_unclear_paragraphs_still_reach_lingua(monkeypatch):
    texts = asked(monkeypatch, "lingua", MIXED_RELEASE + "\n\n" + CZECH_WITHOUT_DIACRITICS)
    assert detectable_text("Autobusy dla partnerów z Łucka") in texts
    assert detectable_text(CZECH_WITHOUT_DIACRITICS) in texts
    for settled in (POLISH, UKRAINIAN, ENGLISH):
        assert detectable_text(settled) not in texts
    assert all(letter_count(text) < SHORT_TEXT_LETTERS or text == detectable_text(CZECH_WITHOUT_DIACRITICS)
               for text in texts)


def test_a_detector_that_does_not_allow_it_reads_every_paragraph(monkeypatch):
    texts = asked(monkeypatch, "langdetect", MIXED_RELEASE)
    for paragraph in (POLISH, UKRAINIAN, ENGLISH):
        assert detectable_text(paragraph) in texts


def test_a_mixed_polish_ukrainian_english_release_keeps_its_paragraph_languages():
    language = DetectStage(DetectOptions(detector="lingua")).process({"text": MIXED_RELEASE})["language"]
    assert language["code"] == "pl"

    def code_at(needle: str) -> str:
        position = MIXED_RELEASE.index(needle)
        return next(span["code"] for span in language["segments"] if span["start"] <= position < span["end"])
    assert [code_at(text) for text in ("Autobusy dla", POLISH, UKRAINIAN, ENGLISH)] == ["pl", "pl", "uk", "en"]


def test_lingua_is_certain_of_every_corpus_paragraph_the_shortcut_settles(identifier):
    """The property the shortcut rests on, checked on the corpus's own releases."""
    reader = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
    lingua = load_backend("lingua", LANGUAGES)
    settled = 0
    for path in sorted(CORPUS.glob("*/*.*")):
        text = reader.process_file(path, id=path.name)["text"]
        for start, end in split_paragraphs(text):
            cleaned = detectable_text(text[start:end])
            if letter_count(cleaned) < SHORT_TEXT_LETTERS or (code := identifier.clear_language(cleaned)) is None:
                continue
            settled += 1
            assert lingua.probabilities(cleaned).get(code, 0.0) >= LINGUA_CONFIDENT, (path.name, code, cleaned)
    assert settled >= 400  # most long corpus paragraphs are clear (463 when written)
