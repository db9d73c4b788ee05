"""The Russian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Russian(Language):
    code = "ru"
    name = "Russian"
    uses_simplemma = True
    detect_rank = 12
