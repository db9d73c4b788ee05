"""The Estonian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Estonian(Language):
    code = "et"
    name = "Estonian"
