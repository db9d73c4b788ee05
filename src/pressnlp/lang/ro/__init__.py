"""The Romanian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Romanian(Language):
    code = "ro"
    name = "Romanian"
    detect_rank = 15
