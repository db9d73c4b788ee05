"""The English language pack: its data files live in this folder."""
from functools import cached_property

from pressnlp.lang.en.grammar import EnglishGrammar
from pressnlp.lang.pack import Language


class English(Language):
    code = "en"
    name = "English"
    uses_simplemma = True
    detect_rank = 2

    # --- the dictionary gist's English (stages/translate/lexicon) -----------------------------------
    @cached_property
    def grammar(self) -> EnglishGrammar:
        """Irregular forms, pronouns, modals and function words the gist's English needs."""
        return EnglishGrammar.from_tables(self.toml("grammar.toml"), self.tsv("irregular_verbs.tsv"),
                                          self.tsv("plurals.tsv"))
