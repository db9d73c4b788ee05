"""The Finnish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Finnish(Language):
    code = "fi"
    name = "Finnish"
