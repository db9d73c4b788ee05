"""The German language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class German(Language):
    code = "de"
    name = "German"
    uses_simplemma = True
    detect_rank = 3
