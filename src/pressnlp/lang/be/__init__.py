"""The Belarusian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Belarusian(Language):
    code = "be"
    name = "Belarusian"
