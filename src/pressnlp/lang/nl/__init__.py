"""The Dutch language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Dutch(Language):
    code = "nl"
    name = "Dutch"
    uses_simplemma = True
    detect_rank = 7
