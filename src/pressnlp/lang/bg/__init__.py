"""The Bulgarian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Bulgarian(Language):
    code = "bg"
    name = "Bulgarian"
