"""The Portuguese language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Portuguese(Language):
    code = "pt"
    name = "Portuguese"
    uses_simplemma = True
    detect_rank = 8
