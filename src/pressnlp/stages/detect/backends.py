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
from importlib import resources
from typing import ClassVar

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
    languages: tuple[str, ...]

    def __init__(self, languages: tuple[str, ...]):
        self.languages = tuple(languages)

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability per candidate language (may omit the unlikely ones); empty when the text
        has nothing to go on."""
        raise NotImplementedError


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


class LinguaBackend(Detector):
    """lingua (lingua-language-detector): n-gram models up to five characters plus rules for
    unique letters; markedly better than langdetect on a few words."""

    name = "lingua"
    package = "lingua-language-detector"

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
        codes = [getattr(lingua.IsoCode639_1, code.upper()) for code in self.languages]
        if len(codes) == 1:
            self._detector = None
        else:
            self._detector = lingua.LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def probabilities(self, text: str) -> dict[str, float]:
        if self._detector is None:
            return {self.languages[0]: 1.0}
        values = self._detector.compute_language_confidence_values(text)
        return {value.language.iso_code_639_1.name.lower(): value.value
                for value in values if value.value > 0.0}


def load_backend(name: str, languages: tuple[str, ...]) -> Detector:
    """The detector registered as `name`, restricted to `languages`."""
    return DETECTORS.get(name)(languages)
