"""The Ukrainian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Ukrainian(Language):
    code = "uk"
    name = "Ukrainian"
    uses_simplemma = True
    detect_rank = 11
