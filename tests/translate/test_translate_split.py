"""Long sentences are split at clause boundaries, and the pieces give the whole sentence back."""
from pressnlp.stages.translate.split import best_cut, split_to_fit

LONG = ("Metropolia realizuje projekt, który obejmuje budowę nowych dróg rowerowych oraz modernizację "
        "przystanków, a także zakup autobusów elektrycznych; koszt wyniesie 40 mln zł, z czego połowę pokryje UE.")


def _words(text: str) -> list[str]:
    return text.split()


def test_pieces_fit_and_nothing_is_lost():
    for limit in (20, 8, 4, 1):
        pieces = split_to_fit(LONG, lambda piece, limit=limit: len(piece.split()) <= limit, "pl")
        assert all(len(piece.split()) <= limit for piece in pieces)
        assert _words(" ".join(pieces)) == _words(LONG)


def test_prefers_strong_punctuation_then_commas_then_clause_words():
    assert LONG[:best_cut(LONG, "pl")].rstrip().endswith("przystanków,")
    sentence = "Jan pojechał do Warszawy; Anna została w Krakowie."
    assert sentence[:best_cut(sentence, "pl")].rstrip() == "Jan pojechał do Warszawy;"
    sentence = "Miasto buduje drogę oraz przebudowuje most nad rzeką."
    assert sentence[best_cut(sentence, "pl"):].lstrip().startswith("oraz ")


def test_a_sentence_that_fits_is_left_alone():
    assert split_to_fit(LONG, lambda piece: True, "pl") == [LONG]


def test_text_without_spaces_is_cut_rather_than_looping():
    assert "".join(split_to_fit("x" * 40, lambda piece: len(piece) <= 10, "pl")) == "x" * 40
