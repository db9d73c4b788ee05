"""The Slovenian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Slovenian(Language):
    code = "sl"
    name = "Slovenian"
