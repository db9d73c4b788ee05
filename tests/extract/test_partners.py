"""Partners: canonical names, acronyms, merged mentions with exact offsets, roles, English names."""
from __future__ import annotations

from pathlib import Path

import pytest

from pressnlp.stages.extract.gazetteer import Gazetteer, read_entries
from pressnlp.stages.extract.text import Doc

ONLY_PARTNERS = {"extractors": ["partners"]}

GZM_RELEASE = """Metropolia przeznaczy 48 mln zł na fotowoltaikę

Katowice, 20 lutego 2024 r.

Górnośląsko-Zagłębiowska Metropolia (GZM) uruchamia program słoneczny wspólnie z Metropolią Kansas City. \
Projekt zostanie sfinansowany z programu Fundusze Europejskie dla Śląska 2021–2027, którym zarządza Urząd \
Marszałkowski Województwa Śląskiego.

Umowę o dofinansowanie z Urzędem Marszałkowskim Metropolia podpisała 12 lutego 2024 r. Eksperci Politechniki \
Śląskiej przeanalizowali dachy, a GZM przygotuje przetarg.

– Chcemy, żeby każda złotówka wróciła do szkół – mówi Kamila Okoń z Departamentu Infrastruktury i \
Środowiska GZM.

Kontakt dla mediów:
Joanna Pawlik
rzeczniczka prasowa
Górnośląsko-Zagłębiowska Metropolia
tel. 32 728 46 15
"""


def by_name(facts):
    return {p["name"]: p for p in facts["partners"]}


def test_polish_release(extract):
    facts = extract(GZM_RELEASE, **ONLY_PARTNERS)
    partners = by_name(facts)
    gzm = partners["Górnośląsko-Zagłębiowska Metropolia"]
    assert gzm["role"] == "issuer"  # the organisation of the contact block
    assert "GZM" in gzm["aliases"]
    assert gzm["name_en"] == "Upper Silesian-Zagłębie Metropolis"
    surfaces = [GZM_RELEASE[start:end] for start, end in gzm["mentions"]]
    # every mention merged, acronyms and the bare head included, department excluded
    assert surfaces.count("GZM") == 3
    assert "Metropolia" in surfaces and "Górnośląsko-Zagłębiowska Metropolia" in surfaces
    # nominatives: the head and its adjectives inflect, genitive complements stay
    assert "Metropolia Kansas City" in partners
    office = partners["Urząd Marszałkowski Województwa Śląskiego"]
    assert office["name_en"] == "Marshal's Office of the Silesian Voivodeship"
    assert "Urzędem Marszałkowskim" in [GZM_RELEASE[s:e] for s, e in office["mentions"]]
    assert "Politechnika Śląska" in partners
    # programmes and departments are not partners
    assert not any("Fundusze" in name or name.startswith("Departament") for name in partners)


def test_offsets_are_exact(extract):
    facts = extract(GZM_RELEASE)
    for partner in facts["partners"]:
        for start, end in partner["mentions"]:
            assert GZM_RELEASE[start:end].strip() == GZM_RELEASE[start:end]
            assert GZM_RELEASE[start:end]
    for date in facts["dates"]:
        assert GZM_RELEASE[date["start"]:date["end"]] == date["text"]


def test_funder_role(extract):
    text = ("Rybnicki Klaster Energii (RKE) otrzymał dofinansowanie. Umowę z Narodowym Funduszem Ochrony "
            "Środowiska i Gospodarki Wodnej (NFOŚiGW) podpisano w Warszawie. NFOŚiGW sfinansował inwestycję.")
    partners = by_name(extract(text, **ONLY_PARTNERS))
    fund = partners["Narodowy Fundusz Ochrony Środowiska i Gospodarki Wodnej"]
    assert fund["role"] == "funder"
    assert "NFOŚiGW" in fund["aliases"]
    assert fund["name_en"] == "National Fund for Environmental Protection and Water Management"  # gazetteer


def test_companies_by_legal_form_and_descriptor(extract):
    text = ("Agencja Rozwoju Przemysłu S.A. (ARP) udzieli spółce Sanrail Components sp. z o.o. pożyczki. "
            "Jak podkreśla prezes firmy Iwona Dziedzic, to ważna inwestycja. Sanrail Components eksportuje tabor.")
    partners = by_name(extract(text, **ONLY_PARTNERS))
    assert "Agencja Rozwoju Przemysłu S.A." in partners
    assert "ARP" in partners["Agencja Rozwoju Przemysłu S.A."]["aliases"]
    assert "Sanrail Components sp. z o.o." in partners
    assert "Iwona Dziedzic" not in partners  # a person after a descriptor noun


def test_municipal_bodies_are_one_partner(extract):
    text = ("Fundacja Miejskie Lasy wspólnie z Miastem Chorzów posadzi drzewa. Urząd Miasta przygotował teren. "
            "Fundacja zaprasza mieszkańców, a Urząd Miasta Chorzów zapewni wodę.")
    facts = extract(text, **ONLY_PARTNERS)
    assert len(facts["partners"]) == 2
    fundacja, city = facts["partners"]
    assert fundacja["name"] == "Fundacja Miejskie Lasy"
    assert {city["name"], *city["aliases"]} == {"Miasto Chorzów", "Urząd Miasta Chorzów"}
    assert [text[s:e] for s, e in city["mentions"]] == ["Miastem Chorzów", "Urząd Miasta", "Urząd Miasta Chorzów"]


def test_places_are_not_partners(extract):
    text = ("Spotkanie odbędzie się w Międzynarodowym Centrum Kongresowym w Katowicach. "
            "Metropolia GZM zaprasza. Dolne Miasto zyska nowe mieszkania, a GZM przygotuje przetarg.")
    partners = by_name(extract(text, **ONLY_PARTNERS))
    assert not any("Centrum" in name or "Dolne" in name for name in partners)


def test_english_release(extract):
    text = ("The University of Edinburgh and Wrocław University of Science and Technology have opened a joint "
            "laboratory. The project is funded by the Engineering and Physical Sciences Research Council "
            "(EPSRC), with industrial support from Thales UK.\n\n"
            "ALONE, the national charity for older people, will run a befriending service.\n\n"
            '"It works," said Graham Ritchie, Head of Quantum Technologies at Thales UK.\n\n'
            "Media enquiries: Press and PR Office, University of Edinburgh")
    partners = by_name(extract(text, "en", **ONLY_PARTNERS))
    assert {"University of Edinburgh", "Wrocław University of Science and Technology",
            "Engineering and Physical Sciences Research Council", "Thales UK", "ALONE"} <= set(partners)
    assert partners["Engineering and Physical Sciences Research Council"]["role"] == "funder"
    assert partners["Engineering and Physical Sciences Research Council"]["aliases"][0] == "EPSRC"
    assert not any("Office" in name or name.startswith("of ") for name in partners)


def test_acronym_spelled_by_initials_is_linked(extract):
    text = ("The Greater Manchester Combined Authority is offering 2,600 places. Applications are handled by "
            "the GMCA, and the GMCA will publish results.")
    partners = by_name(extract(text, "en", **ONLY_PARTNERS))
    assert partners["Greater Manchester Combined Authority"]["aliases"] == ["GMCA"]


def test_user_gazetteer(extract, tmp_path: Path):
    gazetteer = tmp_path / "ours.tsv"
    gazetteer.write_text("Fabryka Pomysłów\torg\tpl\tIdea Factory\tFP\n", encoding="utf-8")
    text = "Nagrodę odebrała Fabryka Pomysłów. Fabryka Pomysłów działa od 2010 roku."
    facts = extract(text, partners={"gazetteers": [str(gazetteer)]}, extractors=["partners"])
    assert [(p["name"], p["name_en"]) for p in facts["partners"]] == [("Fabryka Pomysłów", "Idea Factory")]


def test_self_government_bodies_merge_but_municipal_agencies_do_not(extract):
    text = ("Gmina Miasta Gdańska i Gdańskie Towarzystwo Budownictwa Społecznego (GTBS) zbudują 200 mieszkań. "
            "Miejski Ośrodek Pomocy Społecznej w Gdańsku (MOPS) wskaże lokatorów, a GTBS zarządzi budynkami.\n\n"
            "Kontakt dla mediów:\nAnna Nowak\nReferat Prasowy Urzędu Miejskiego w Gdańsku\ntel. 58 323 60 00")
    partners = by_name(extract(text, **ONLY_PARTNERS))
    city = partners.get("Gmina Miasta Gdańska") or partners["Urząd Miejski w Gdańsku"]
    assert {city["name"], *city["aliases"]} >= {"Gmina Miasta Gdańska", "Urząd Miejski w Gdańsku"}
    assert "Miejski Ośrodek Pomocy Społecznej w Gdańsku" in partners
    assert not any(name.startswith("Referat") for name in partners)  # the press unit itself


def test_unit_names_contain_their_organisation(extract):
    text = ("Od kwietnia seniorzy będą korzystać z Dziennego Oddziału Geriatrycznego Uniwersyteckiego Centrum "
            "Klinicznego w Gdańsku (UCK). UCK przyjmie 20 pacjentów dziennie.")
    partners = by_name(extract(text, **ONLY_PARTNERS))
    assert list(partners) == ["Uniwersyteckie Centrum Kliniczne w Gdańsku"]
    assert partners["Uniwersyteckie Centrum Kliniczne w Gdańsku"]["aliases"] == [
        "UCK", "Uniwersyteckie Centrum Kliniczne"]


@pytest.mark.parametrize("listed", [("Politechnika Śląska", "Politechniki Śląskiej"),
                                    ("Politechniki Śląskiej", "Politechnika Śląska")])
def test_of_gazetteer_names_as_long_the_entry_listed_first_wins(listed):
    # Both names match "Politechniki Śląskiej", found through two forms of its first word; the
    # entry listed first (a user's, before the built-in ones) wins, whatever order a set gives.
    gazetteer = Gazetteer(read_entries("".join(f"{name}\torg\tpl\n" for name in listed), "test.tsv"))
    found = list(gazetteer.find(Doc("Eksperci Politechniki Śląskiej przeanalizowali dachy.", "pl")))
    assert [(entry.name, doc_name) for entry, doc_name, _start, _end in found] == [(listed[0], listed[0])]
