"""The shared normaliser of SPEC.md section 3, which the scorer and the stages both use."""
from pressnlp.lang.normalise import normalise


def test_normalise_follows_the_spec():
    assert normalise("  Górnośląsko-Zagłębiowska  Metropolia ") == "gornoslasko zaglebiowska metropolia"
    assert normalise("ŁÓDŹ, Łukasz!") == "lodz lukasz"
    assert normalise("Straße") == "strasse"  # casefold, not lower
    assert normalise("Оксана Гнатюк") == "оксана гнатюк"
    assert normalise("Й") == "и"  # the breve is a combining mark after NFKD
    assert normalise("---") == ""
