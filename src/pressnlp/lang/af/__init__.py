"""The Afrikaans language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Afrikaans(Language):
    code = "af"
    name = "Afrikaans"
