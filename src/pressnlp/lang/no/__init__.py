"""The Norwegian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Norwegian(Language):
    code = "no"
    name = "Norwegian"
