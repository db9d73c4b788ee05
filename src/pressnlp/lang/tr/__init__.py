"""The Turkish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Turkish(Language):
    code = "tr"
    name = "Turkish"
