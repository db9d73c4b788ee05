"""The Slovak language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Slovak(Language):
    code = "sk"
    name = "Slovak"
    uses_simplemma = True
    detect_rank = 10
