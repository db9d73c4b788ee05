"""English names of Polish organisations the gazetteer does not know."""
from __future__ import annotations

import pytest

from pressnlp.stages.extract.english_names import english_name


@pytest.mark.parametrize(("polish", "english"), [
    ("Urząd Marszałkowski Województwa Śląskiego", "Marshal's Office of the Silesian Voivodeship"),
    ("Górnośląsko-Zagłębiowska Metropolia", "Upper Silesian-Zagłębie Metropolis"),
    ("Uniwersytet Śląski", "Silesian University"),
    ("Politechnika Śląska", "Silesian University of Technology"),
    ("Urząd Miejski w Gliwicach", "Gliwice City Hall"),
    ("Urząd Miasta Katowice", "Katowice City Hall"),
    ("Miasto Chorzów", "City of Chorzów"),
    ("Nadleśnictwo Katowice", "Katowice Forest District"),
    ("Ministerstwo Funduszy i Polityki Regionalnej", "Ministry of Funds and Regional Policy"),
    ("Narodowe Centrum Badań i Rozwoju", "National Centre of Research and Development"),
    ("Fundacja Miejskie Lasy", "Miejskie Lasy Foundation"),
    ("Regionalna Izba Gospodarcza w Katowicach", "Regional Economic Chamber in Katowice"),
])
def test_rendering(polish, english):
    assert english_name(polish, "pl") == english


def test_no_half_translations():
    # a common word the word list lacks: no English name rather than a mixed one
    assert english_name("Stowarzyszenie Przyjaciół Ogrodów Działkowych", "pl") is None
    assert english_name("Narodowy Uniwersytet „Politechnika Lwowska”", "pl") is None
    assert english_name("Urząd Miasta Katowice", "de") is None
