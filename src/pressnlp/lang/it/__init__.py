"""The Italian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Italian(Language):
    code = "it"
    name = "Italian"
    uses_simplemma = True
    detect_rank = 6
