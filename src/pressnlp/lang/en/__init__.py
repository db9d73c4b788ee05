"""The English language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class English(Language):
    code = "en"
    name = "English"
