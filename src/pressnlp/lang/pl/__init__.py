"""The Polish language pack: its data files live in this folder, its morphology (Morfeusz) in
morphology.py."""
from functools import cached_property

from pressnlp.lang.pack import Language
from pressnlp.lang.pl.gist import Derivation, GistWords, Sense
from pressnlp.lang.pl.morphology import PolishMorphology


class Polish(Language):
    code = "pl"
    name = "Polish"
    detect_rank = 1

    @cached_property
    def morphology(self) -> PolishMorphology:
        return PolishMorphology()

    # --- the dictionary gist (stages/translate/lexicon) ---------------------------------------------
    @cached_property
    def gist_lexicon(self) -> dict[str, str]:
        """The Polish-English lexicon: text of each lexicon/*.tsv by file name, in name order."""
        folder = self.folder.joinpath("lexicon")
        names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".tsv"))
        return {name: self.text(f"lexicon/{name}") for name in names}

    @cached_property
    def rare_readings(self) -> frozenset[tuple[str, str, str]]:
        """(form, lemma, part of speech) of readings almost never meant ("ma" as "mój")."""
        return frozenset((form, lemma, pos) for form, lemma, pos in self.tsv("rare_readings.tsv"))

    @cached_property
    def gist_words(self) -> GistWords:
        """Polish words whose grammar the gist handles itself ("nie", "się", street words …)."""
        return GistWords.from_table(self.toml("gist.toml"))

    @cached_property
    def gist_derivation(self) -> Derivation:
        """How the gist guesses English for lemmas no dictionary has (derivation, transliteration)."""
        return Derivation.from_table(self.toml("derivation.toml"))

    @cached_property
    def gist_senses(self) -> dict[str, tuple[Sense, ...]]:
        """Senses that depend on neighbouring words, by word (senses.tsv), in the file's order."""
        senses: dict[str, list[Sense]] = {}
        for line in self.text("senses.tsv").splitlines():
            if line.strip() and not line.startswith("#"):
                sense = Sense.from_line(line)
                senses.setdefault(sense.word, []).append(sense)
        return {word: tuple(found) for word, found in senses.items()}
