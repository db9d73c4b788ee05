"""The Polish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Polish(Language):
    code = "pl"
    name = "Polish"
