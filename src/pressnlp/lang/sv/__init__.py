"""The Swedish language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Swedish(Language):
    code = "sv"
    name = "Swedish"
    detect_rank = 16
