"""The Lithuanian language pack: its data files live in this folder."""
from pressnlp.lang.pack import Language


class Lithuanian(Language):
    code = "lt"
    name = "Lithuanian"
    detect_rank = 13
