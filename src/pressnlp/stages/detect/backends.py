"""Language detectors behind one small interface: text -> probability per language.

Detectors are found by name in the `pressnlp.detectors` entry-point group (ours are registered in
pyproject.toml), so another package adds one without touching pressnlp. Every detector is limited
to the configured candidate languages, because a press-release corpus has a known set of
languages and every extra candidate is one more way to be wrong on a short title (Polish read as
Slovak, German as Afrikaans).
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import ClassVar

from pressnlp import lang
from pressnlp.core.errors import StageError
from pressnlp.core.registry import Registry

log = logging.getLogger(__name__)

LANGDETECT_SEED = 0
"""langdetect samples n-grams at random; a fixed seed makes every run give the same answer."""


class Detector:
    """A detector that scores a text against a fixed set of candidate languages (ISO 639-1 codes),
    given when it is built; a code it cannot detect is a StageError."""

    name: ClassVar[str] = ""
    package: ClassVar[str] = ""
    """The distribution whose version the run manifest records."""
    settles_clear_paragraphs: ClassVar[bool] = False
    """Whether a long paragraph whose function words and letters leave one candidate
    (identify.clear_language) may be given that language without asking this detector: only for a
    detector measured to be certain (1 - 1e-6 or more) of that same language on such paragraphs."""
    languages: tuple[str, ...]

    def __init__(self, languages: tuple[str, ...]):
        self.languages = tuple(languages)

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability per candidate language (may omit the unlikely ones); empty when the text
        has nothing to go on."""
        raise NotImplementedError

    def preload(self) -> None:
        """Load now the models that detection would load on first use (see Stage.preload)."""


DETECTORS: Registry[Detector] = Registry("pressnlp.detectors", Detector, "language detector",
                                         key="stages.detect.detector")


class LangdetectBackend(Detector):
    """langdetect (a port of Google's language-detection) with only the candidate profiles loaded."""

    name = "langdetect"
    package = "langdetect"

    def __init__(self, languages: tuple[str, ...]):
        from langdetect.detector_factory import DetectorFactory
        from langdetect.utils.lang_profile import LangProfile

        profiles = resources.files("langdetect").joinpath("profiles")
        available = {entry.name for entry in profiles.iterdir()}
        missing = [code for code in languages if code not in available]
        if missing:
            raise StageError(f"langdetect has no profile for {', '.join(missing)}; "
                             f"it knows {', '.join(sorted(available))}")
        super().__init__(languages)
        self._factory = DetectorFactory()
        self._factory.set_seed(LANGDETECT_SEED)
        for index, code in enumerate(self.languages):
            data = json.loads(profiles.joinpath(code).read_text("utf-8"))
            self._factory.add_profile(LangProfile(**data), index, len(self.languages))

    def probabilities(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        if len(self.languages) == 1:
            return {self.languages[0]: 1.0}
        detector = self._factory.create()
        detector.PROB_THRESHOLD = 0.0  # keep the whole distribution, not only languages above 0.1
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:  # no known n-gram in the text
            return {}
        return {language.lang: language.prob for language in found}


LINGUA_ACCURATE_BELOW_CHARS = 40
"""Texts shorter than this always get lingua's high-accuracy models: the low-accuracy ones use
trigrams only, too few on a title or a few words (lingua's own advice: low accuracy for long text).
With 40 the stage keeps its word-pair accuracy exactly (scripts/bench_langid.py)."""
LINGUA_CONFIDENT = 0.999999
"""A low-accuracy answer at least this confident is kept; below it the high-accuracy models decide.
The low-accuracy odds are far from calibrated: on the lingua-py test data they gave Czech written
without diacritics to Slovak at 0.9999+, and with 0.99 or 0.999 the stage lost 0.2 points on Czech
sentences and called a corpus contact block French. At 1 - 1e-6 the stage matches the high-accuracy
models on the test data (scripts/bench_langid.py) and on every corpus language and segment, while
long paragraphs, whose odds come out at 1.0, still never load a high-accuracy model."""


PRELOAD_WORDS = 30  # of a language's stopwords: enough for lingua's rules to leave the language open


class LinguaBackend(Detector):
    """lingua (lingua-language-detector): n-gram models up to five characters plus rules for
    unique letters; markedly better than langdetect on a few words.

    A cascade keeps memory and start-up small: the low-accuracy models (trigrams, a tenth of the
    memory) read every text, and the high-accuracy models (~30 MB a language) are loaded, language
    by language, only for short texts and for the texts the first pass is unsure of, and only for
    the languages the first pass did not rule out."""

    name = "lingua"
    package = "lingua-language-detector"
    settles_clear_paragraphs = True
    """Measured on every paragraph of 120+ letters of corpus/, 65 real releases and 100 synthetic
    ones (1,745 settled) and on the lingua-py test sentences of 120+ letters, alone or joined to
    reach that length (3,067 settled): lingua was certain of the settled language on all but 7
    Czech and Slovak ones, where it gave the same language with 0.994 to 0.999998."""

    def __init__(self, languages: tuple[str, ...]):
        try:
            import lingua
        except ImportError as exc:
            raise ImportError("the lingua detector needs the package lingua-language-detector "
                              "(pip install lingua-language-detector)") from exc
        unknown = [code for code in languages if not hasattr(lingua.IsoCode639_1, code.upper())]
        if unknown:
            raise StageError(f"lingua does not know the language code(s) {', '.join(unknown)}")
        super().__init__(languages)
        self._fast = _lingua_detector(self.languages, low_accuracy=True) if len(self.languages) > 1 else None

    def preload(self) -> None:
        """lingua loads a language's high-accuracy models the first time a text leaves that
        language open, so each candidate's own stopwords are read once. (The builder's eager
        loading would start a thread pool, which forked workers could not use.)"""
        if self._fast is None:
            return
        accurate = _lingua_detector(self.languages, low_accuracy=False)
        for code in self.languages:
            pack = lang.find(code)
            if pack is not None and pack.stopwords:
                _lingua_probabilities(accurate, " ".join(sorted(pack.stopwords)[:PRELOAD_WORDS]))

    def probabilities(self, text: str) -> dict[str, float]:
        if self._fast is None:
            return {self.languages[0]: 1.0}
        fast = _lingua_probabilities(self._fast, text)
        if len(text) >= LINGUA_ACCURATE_BELOW_CHARS and max(fast.values(), default=0.0) >= LINGUA_CONFIDENT:
            return fast
        # Only the languages lingua's letter rules leave open: a cut-off on the low-accuracy odds lost
        # Slovak sentences the high-accuracy models get right ("maľba na koži" read as Portuguese, Slovak < 1e-6).
        plausible = tuple(code for code in self.languages if code in fast)
        if len(plausible) <= 1:
            return fast
        return _lingua_probabilities(_lingua_detector(plausible, low_accuracy=False), text)


@lru_cache(maxsize=128)
def _lingua_detector(languages: tuple[str, ...], low_accuracy: bool):
    """A lingua detector for a candidate set; cheap to build, since lingua shares the models."""
    import lingua

    builder = lingua.LanguageDetectorBuilder.from_iso_codes_639_1(
        *(getattr(lingua.IsoCode639_1, code.upper()) for code in languages))
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def _lingua_probabilities(detector, text: str) -> dict[str, float]:
    return {value.language.iso_code_639_1.name.lower(): value.value
            for value in detector.compute_language_confidence_values(text) if value.value > 0.0}


def load_backend(name: str, languages: tuple[str, ...]) -> Detector:
    """The detector registered as `name`, restricted to `languages`."""
    return DETECTORS.get(name)(languages)
