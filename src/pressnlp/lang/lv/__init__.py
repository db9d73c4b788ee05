"""The Latvian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Latvian(Language):
    code = "lv"
    name = "Latvian"
