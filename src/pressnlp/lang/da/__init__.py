"""The Danish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Danish(Language):
    code = "da"
    name = "Danish"
    detect_rank = 17
