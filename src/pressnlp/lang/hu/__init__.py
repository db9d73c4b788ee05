"""The Hungarian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Hungarian(Language):
    code = "hu"
    name = "Hungarian"
    detect_rank = 14
