"""The lingua detector's cascade: low-accuracy models first, high-accuracy ones for short or unsure text."""
from __future__ import annotations

import pytest

from pressnlp.stages.detect import default_languages
from pressnlp.stages.detect.backends import (
    LINGUA_ACCURATE_BELOW_CHARS,
    LINGUA_CONFIDENT,
    LinguaBackend,
    _lingua_detector,
    _lingua_probabilities,
)
from pressnlp.stages.detect.identify import detectable_text

pytest.importorskip("lingua")

LANGUAGES = tuple(default_languages())
POLISH_PARAGRAPH = ("Górnośląsko-Zagłębiowska Metropolia podpisała w czwartek porozumienie o współpracy w "
                    "zakresie transportu publicznego oraz kształcenia zawodowego młodzieży.")
# The last paragraph of corpus/en/2024-09-eib-wroclaw-housing.html: the low-accuracy models read it as
# French with 0.996, the high-accuracy ones as English.
CONTACT_BLOCK = ("Piotr Lisowski, EIB Press Office\nTel.: +352 4379 84 216\nMobile: +48 601 473 228\n"
                 "E-mail: p.lisowski@eib.org\nWebsite: www.eib.org/press")


def high_accuracy(text: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, float]:
    return _lingua_probabilities(_lingua_detector(languages, low_accuracy=False), text)


def test_a_clear_long_text_keeps_the_low_accuracy_answer():
    backend = LinguaBackend(LANGUAGES)
    low = _lingua_probabilities(_lingua_detector(LANGUAGES, low_accuracy=True), POLISH_PARAGRAPH)
    assert max(low.values()) >= LINGUA_CONFIDENT
    assert backend.probabilities(POLISH_PARAGRAPH) == pytest.approx(low)


@pytest.mark.parametrize("text", ["zielona wyspa", "Bratislava mesto", "Stadtwerke Leipzig"])
def test_short_text_is_read_by_the_high_accuracy_models(text):
    assert len(text) < LINGUA_ACCURATE_BELOW_CHARS
    found = LinguaBackend(LANGUAGES).probabilities(text)
    expected = high_accuracy(text)
    assert max(found, key=found.__getitem__) == max(expected, key=expected.__getitem__)
    # Only the languages the first pass found plausible are candidates; their odds are lingua's own.
    assert set(found) <= set(expected)
    first, second = sorted(found, key=found.__getitem__, reverse=True)[:2]
    assert found[first] / found[second] == pytest.approx(expected[first] / expected[second])


def test_an_unsure_low_accuracy_answer_goes_to_the_high_accuracy_models():
    text = detectable_text(CONTACT_BLOCK)
    assert len(text) >= LINGUA_ACCURATE_BELOW_CHARS
    found = LinguaBackend(LANGUAGES).probabilities(text)
    assert max(found, key=found.__getitem__) == "en"


def test_one_candidate_needs_no_model():
    assert LinguaBackend(("pl",)).probabilities("cokolwiek") == {"pl": 1.0}
