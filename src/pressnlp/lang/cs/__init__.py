"""The Czech language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Czech(Language):
    code = "cs"
    name = "Czech"
    uses_simplemma = True
    detect_rank = 9
