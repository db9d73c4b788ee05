"""The Spanish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Spanish(Language):
    code = "es"
    name = "Spanish"
    uses_simplemma = True
    detect_rank = 5
