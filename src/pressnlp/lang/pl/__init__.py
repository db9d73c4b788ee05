"""The Polish language pack: its data files live in this folder, its morphology (Morfeusz) in
morphology.py."""
from functools import cached_property

from pressnlp.lang.pack import Language
from pressnlp.lang.pl.morphology import PolishMorphology


class Polish(Language):
    code = "pl"
    name = "Polish"
    detect_rank = 1

    @cached_property
    def morphology(self) -> PolishMorphology:
        return PolishMorphology()
