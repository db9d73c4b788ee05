"""The French language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class French(Language):
    code = "fr"
    name = "French"
    uses_simplemma = True
    detect_rank = 4
