"""The Croatian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Croatian(Language):
    code = "hr"
    name = "Croatian"
