"""Polish partners from made-up sentences, one error class of real releases each (issue 16):
offices named after a function, units and their institution, words glued by a missing space."""
from __future__ import annotations

from pressnlp.stages.extract.text import tokenise

ONLY_PARTNERS = {"extractors": ["partners"]}


def names(extract, text: str) -> dict[str, dict]:
    return {p["name"]: p for p in extract(text, "pl", **ONLY_PARTNERS)["partners"]}




def test_an_office_named_after_its_head_is_the_partner_not_its_press_office(extract):
    found = names(extract, "Biuro Prasowe Kancelarii Prezesa Rady Ministrów przyjmuje zgłoszenia. Wnioski "
                           "przyjmuje Biuro Prasowe KPRM. Informacji udziela Sekretariat BP, tel. 22 111 22 33.")
    assert set(found) == {"Kancelaria Prezesa Rady Ministrów"}
    assert "KPRM" in found["Kancelaria Prezesa Rady Ministrów"]["aliases"]


def test_a_function_in_the_nominative_still_ends_the_name(extract):
    found = names(extract, "Powiat Kielecki Starosta Jan Nowak podpisał umowę. Powiat Kielecki przekaże środki.")
    assert "Powiat Kielecki" in found
    # the body in a person's function is no office of its own
    found = names(extract, "Prezes Rady Ministrów Jan Nowak powołał wojewodę. Gratulacje złożył Urząd Miasta Opola.")
    assert not any("Rada" in name for name in found)


def test_a_full_stop_without_a_space_ends_the_name(extract):
    assert [t.text for t in tokenise("z Gminą Opole.Umowę podpisał S.A. ul.Długa")] == [
        "z", "Gminą", "Opole", ".", "Umowę", "podpisał", "S.A", ".", "ul", ".", "Długa"]
    found = names(extract, "Umowę o współpracy podpisano z Powiatem Kieleckim.Porozumienie obowiązuje trzy lata. "
                           "Powiat Kielecki sfinansuje remont.")
    assert set(found) == {"Powiat Kielecki"}


def test_an_adjective_of_another_noun_is_no_part_of_the_name(extract):
    found = names(extract, "Konferencja odbędzie się przed Salą Białą Rady Miasta Opola. Rzecznik Prasowy "
                           "Uniwersytetu Opolskiego zaprasza dziennikarzy. Uniwersytet Opolski organizuje spotkanie.")
    assert not any(word in name for name in found for word in ("Białą", "Prasowy"))
    assert "Uniwersytet Opolski" in found


def test_organs_and_senates_name_their_institution(extract):
    found = names(extract, "W Sali Senatu UPO odbyła się konferencja. Przewodniczący Komitetu Organizacyjnego "
                           "ds. Naukowych Jan Nowak zaprosił gości. Senat UPO przyjął uchwałę. UPO zaprasza.")
    assert set(found) == {"UPO"}
    assert "Senat UPO" in found["UPO"]["aliases"]


def test_a_latin_collegium_is_named_and_a_social_network_is_not_part_of_it(extract):
    found = names(extract, "Zajęcia odbędą się w Collegium Novum w Opolu. Transmisja na profilu Collegium Novum "
                           "na Facebooku. Stowarzyszenie na Rzecz Rozwoju Wsi Zalesie zaprasza.")
    assert "Collegium Novum w Opolu" in found
    assert not any("Facebook" in name for name in found)
    assert "Stowarzyszenie na Rzecz Rozwoju Wsi Zalesie" in found


def test_an_acronym_leaves_out_the_place_of_the_name(extract):
    found = names(extract, "Uniwersytet Rolniczy w Opolu otwiera laboratorium. UR zaprasza studentów.")
    assert set(found) == {"Uniwersytet Rolniczy w Opolu"}
    assert "UR" in found["Uniwersytet Rolniczy w Opolu"]["aliases"]


def test_an_acronym_named_once_in_a_list_of_partners_is_a_partner(extract):
    found = names(extract, "W festiwalu biorą udział koordynatorzy z UKX, Politechniki Opolskiej oraz Uniwersytetu "
                           "Opolskiego. Politechnika Opolska i Uniwersytet Opolski przygotowały pokazy. Bilety "
                           "sprzedaje też ABCD.")
    assert {"UKX", "Politechnika Opolska", "Uniwersytet Opolski"} <= set(found)
    assert "ABCD" not in found


def test_a_function_and_a_place_adjective_name_the_office(extract):
    found = names(extract, "Starosta Kielecki Jan Nowak i skarbnik powiatu podpisali umowę z Gminą Opole. "
                           "Gmina Opole przekaże dotację.")
    assert {"Powiat Kielecki", "Gmina Opole"} <= set(found)
    found = names(extract, "Autor: Opolski UW\n\nWojewoda powołał zespół do spraw powodzi. Zespół zbierze się "
                           "w poniedziałek.")
    assert set(found) == {"Opolski Urząd Wojewódzki"}
    # an adviser of the holder speaks for no office
    found = names(extract, "W panelu wystąpili Jan Nowak (Doradca Wojewody Opolskiego) i Fundacja Dobra Opole.")
    assert "Opolski Urząd Wojewódzki" not in found


def test_an_issuer_heading_in_capitals_is_a_name(extract):
    found = names(extract, "POWIAT KIELECKI\n\nUmowa na remont drogi\n\nW czwartek podpisano umowę na "
                           "przebudowę drogi powiatowej. Dotacja z budżetu gminy wyniesie 95 tys. zł.")
    assert set(found) == {"Powiat Kielecki"}
    found = names(extract, "URZĄD MIASTA ZAPRASZA NA FESTYN\n\nGmina Opole podpisała umowę.")
    assert not any("Zaprasza" in name for name in found)


def test_bodies_inside_a_quoted_document_title_are_no_partners(extract):
    found = names(extract, "Stowarzyszenie Dolina Odry przyjęło dokument „Strategia Rozwoju Aglomeracji Opolskiej "
                           "i Kraju Żylińskiego na lata 2021–2027”. Stowarzyszenie Dolina Odry zaprasza.")
    assert set(found) == {"Stowarzyszenie Dolina Odry"}


def test_a_branch_names_its_institution(extract):
    found = names(extract, "Śląski Oddział Wojewódzki NFZ przypomina pacjentom o nowych zasadach.")
    assert "Narodowy Fundusz Zdrowia" in found
    assert "Śląski Oddział Wojewódzki NFZ" in found["Narodowy Fundusz Zdrowia"]["aliases"]


def test_a_company_after_a_descriptor_keeps_its_written_name(extract):
    found = names(extract, "Zarząd Spółki Budex S.A. informuje, że zawarł ze Spółką Prochem S.A. umowę. "
                           "Budex S.A. wykona prace.")
    assert {"Budex S.A.", "Prochem S.A."} <= set(found)


def test_abbreviations_inside_names_are_spelled_out(extract):
    found = names(extract, "Urząd Marszałkowski Woj. Opolskiego ogłasza konkurs. Kolegium Rektorów m. Opola "
                           "wspiera konkurs, a Urząd Marszałkowski Woj. Opolskiego go finansuje.")
    assert {"Urząd Marszałkowski Województwa Opolskiego", "Kolegium Rektorów Miasta Opola"} <= set(found)


def test_one_programme_reading_does_not_hide_an_organisation_named_often(extract):
    text = ("Rektor PWSX podpisał umowę. PWSX kształci inżynierów. Studenci PWSX odbędą praktyki. Marszałek wspierał "
            "działania PWSX. Władze PWSX dziękują. Kadra PWSX przygotuje zajęcia. Budynek PWSX otwarto.")
    assert "PWSX" in names(extract, text)
    assert "HYDROX" not in names(extract, "Uczelnia koordynuje projekt HYDROX. W ramach HYDROX powstanie "
                                          "laboratorium. Uczelnia zaprasza.")


def test_a_minister_names_the_ministry(extract):
    found = names(extract, "Patronat honorowy objął Minister Rozwoju i Technologii Jan Nowak. Spotkanie z Minister "
                           "Przemysłu Anną Kowalską odbyło się w Opolu. Doradca Ministra Zdrowia Ewa Lis też była.")
    assert {"Ministerstwo Rozwoju i Technologii", "Ministerstwo Przemysłu"} <= set(found)
    assert "Ministerstwo Zdrowia" not in found


def test_abbreviated_connectors_in_a_row_stay_inside_the_name(extract):
    found = names(extract, "Szpital Miejski im. św. Jana w Opolu zaprasza media. Szpital Miejski im. św. Jana "
                           "w Opolu kupił robota.")
    assert "Szpital Miejski im. św. Jana w Opolu" in found


def test_acronyms_spell_names_without_their_legal_form_and_in_two_parts(extract):
    found = names(extract, "Opolskie Towarzystwo Budownictwa Społecznego Sp. z o.o. buduje bloki. OTBS zaprasza.")
    assert set(found) == {"Opolskie Towarzystwo Budownictwa Społecznego Sp. z o.o."}
    found = names(extract, "Komunalny Związek Gmin Doliny Odry (KZG DO) kupuje autobusy. KZG DO ogłosił przetarg. "
                           "Wydział Mechaniczny PWX i PWX współpracują, a WM PWX prowadzi badania.")
    assert "Komunalny Związek Gmin Doliny Odry" in found and not {"KZG", "DO"} & set(found)
    assert "PWX" in found


def test_a_letter_of_intent_makes_a_partner_and_a_municipality_as_place_does_not(extract):
    found = names(extract, "Niestety konkurs wygrał ktoś inny. Podpisaliśmy list intencyjny ze Stowarzyszeniem "
                           "Zielony Gaj na współudział w programie.")
    assert "Stowarzyszenie Zielony Gaj" in found
    found = names(extract, "Zapraszamy mieszkańców miasta Opole. Prace na terenie gminy Zalesie wykona firma Budex.")
    assert not {"Opole", "Miasto Opole", "Zalesie", "Gmina Zalesie"} & set(found)


def test_a_plural_of_common_words_names_a_kind_of_body_not_one(extract):
    found = names(extract, "Zapraszamy Organizacje Pozarządowe do konsultacji. Lokalne Grupy Działania złożą wnioski. "
                           "Wodociągi Opolskie inwestują, a Wodociągi Opolskie zapraszają.")
    assert set(found) == {"Wodociągi Opolskie"}


def test_a_polish_forum_of_bodies_is_an_organisation(extract):
    found = names(extract, "Izba Gospodarcza przekazała przewodnictwo w Forum Izb Gospodarczych Województwa "
                           "Opolskiego. Prezes omówił działania FIGWO w 2019 r.")
    assert "Forum Izb Gospodarczych Województwa Opolskiego" in found
    assert "FIGWO" in found["Forum Izb Gospodarczych Województwa Opolskiego"]["aliases"]


def test_a_weak_head_named_as_the_agent_is_a_partner(extract):
    found = names(extract, "Czy wiesz, czym jest trzeci sektor? Pomoże kampania organizowana przez Opolskie Centrum "
                           "Wspierania Inicjatyw Sektor5. Środki pochodzą z Funduszu Inicjatyw Lokalnych.")
    assert "Opolskie Centrum Wspierania Inicjatyw Sektor5" in found
    assert "Fundusz Inicjatyw Lokalnych" not in found


def test_a_persons_organisation_named_with_their_function_is_a_partner(extract):
    found = names(extract, "Głos zabrał Wiceprezes Stowarzyszenia Dolina Nysy, Pan Jan Nowak. Spotkanie z Prezydentem "
                           "Miasta Opola Kamilem Nowakiem zakończyło obrady.")
    assert "Stowarzyszenie Dolina Nysy" in found
    assert not any("Kamil" in name for name in found)


def test_a_company_named_with_its_legal_form_is_a_partner(extract):
    found = names(extract, "Bilet obejmie pociągi na liniach województwa oraz autobusy Miejskiego Zakładu "
                           "Komunikacji w Opolu Sp. z o.o. i Miejskiego Zakładu Komunikacji w Nysie Sp. z o.o. "
                           "Bilet kupimy w kasie.")
    assert {"Miejski Zakład Komunikacji w Opolu Sp. z o.o.",
            "Miejski Zakład Komunikacji w Nysie Sp. z o.o."} <= set(found)


def test_a_city_named_by_its_municipality_is_reported_in_the_nominative(extract):
    found = names(extract, "Umowę podpisano z Miastem Gdynią. Porozumienie z Gminą Miasta Gdańska też podpisano.")
    assert {"Miasto Gdynia", "Gmina Miasta Gdańska"} <= set(found)


def test_one_municipal_word_before_two_places_names_two_municipalities(extract):
    found = names(extract, "Porozumienie o współpracy podpisano z Miastem Bardejov i Svidnik na Słowacji.")
    assert {"Miasto Bardejov", "Miasto Svidnik"} <= set(found)
    assert not any("Słowac" in name for name in found)


def test_a_list_after_a_descriptor_and_a_colon_names_each_company(extract):
    found = names(extract, "Zezwolenia otrzymało pięć firm. Są to firmy: Xylotech, Velo Cosmetics, Opal-Glas "
                           "oraz Danex.")
    assert {"Xylotech", "Velo Cosmetics", "Opal-Glas", "Danex"} <= set(found)


def test_a_person_after_a_coordinator_and_an_institute_council_are_no_partners(extract):
    found = names(extract, "Udział wezmą Anna Lis – stowarzyszenie LGD Dolina Odry oraz Jan Nowak – stowarzyszenie "
                           "LGD Brama Opolska. Opinię wydała Rada Instytutu. Instytut Odlewnictwa zaprasza.")
    assert not any("Nowak" in name or name.startswith("Rada") for name in found)


def test_names_sharing_a_bracketed_acronym_are_one_partner(extract):
    found = names(extract, "Komunalny Związek Gmin Doliny Odry (KZG DO) kupuje autobusy. The Oder Valley Municipal "
                           "Union (KZG DO) is an association of eight municipalities.")
    assert set(found) == {"Komunalny Związek Gmin Doliny Odry"}
    assert "Oder Valley Municipal Union" in found["Komunalny Związek Gmin Doliny Odry"]["aliases"]


def test_an_acronym_may_spell_the_head_and_the_patron(extract):
    found = names(extract, "Uniwersytet Humanistyczny im. Jana Kowalskiego w Opolu zaprasza. UJK organizuje festiwal.")
    assert set(found) == {"Uniwersytet Humanistyczny im. Jana Kowalskiego w Opolu"}


def test_a_trade_fair_company_is_named_by_targi(extract):
    found = names(extract, "Izba i jej członkowie gośćmi MTO\n\nSpotkanie odbyło się na terenie Międzynarodowych "
                           "Targów Opolskich.")
    assert "Międzynarodowe Targi Opolskie" in found


def test_a_person_after_a_coordinator_ends_the_name_and_a_representative_names_a_party(extract):
    found = names(extract, "Umowę podpiszą Jan Nowak, prezydent miasta, i Adam Lis, przedstawiciel Zakładu "
                           "Budowlanego X-BUD oraz Marka Kowala, radnego.")
    assert "Zakład Budowlany X-BUD" in found
    assert not any("Kowal" in name for name in found)


def test_a_document_word_ends_a_name_and_a_network_member_keeps_the_network(extract):
    found = names(extract, "Rektor Politechniki Opolskiej List intencyjny podpisał z dyrektorem Łukasiewicz – OIT. "
                           "Łukasiewicz – OIT i Politechnika Opolska będą współpracować.")
    assert {"Politechnika Opolska", "Łukasiewicz – OIT"} <= set(found)
    assert not any("List" in name for name in found)


def test_a_patrons_title_stays_inside_the_name(extract):
    found = names(extract, "Szpital Wojewódzki im. dr. Jana Nowaka w Opolu wdraża telemonitoring. Szpital Wojewódzki "
                           "im. dr. Jana Nowaka w Opolu zaprasza.")
    assert set(found) == {"Szpital Wojewódzki im. dr. Jana Nowaka w Opolu"}


def test_a_municipality_after_a_lower_case_level_word_is_named_with_it(extract):
    found = names(extract, "Porozumienie podpisały: gmina Lipowa, gmina Kwiatkowo oraz firma Agrotex. "
                           "Środki otrzymały gminy: Brzozów oraz Dębina. Współpracujemy też z miastem Zielonka.")
    assert {"Gmina Lipowa", "Gmina Kwiatkowo", "Gmina Brzozów", "Gmina Dębina", "Miasto Zielonka"} <= set(found)
    assert not {"Lipowa", "Brzozów", "Zielonka"} & set(found)


def test_a_given_name_before_a_surname_morfeusz_lacks_ends_the_name(extract):
    found = names(extract, "Umowę przygotowała Izba Gospodarcza Xowa, a Prezydent Miasta Paweł Qwertzak ją "
                           "zaakceptował. Izba Gospodarcza Xowa zrzesza firmy.")
    assert not any("Qwertzak" in name for name in found)


def test_a_function_after_a_descriptor_is_no_name(extract):
    found = names(extract, "Umowę podpisali w imieniu spółki Prezes Zarządu Jan Kowalski oraz rektor "
                           "Politechniki Opolskiej.")
    assert set(found) == {"Politechnika Opolska"}


def test_a_spelled_out_legal_form_keeps_the_name_whole(extract):
    found = names(extract, "Energetyka Xowa i Ciepłownictwo Zachodnie Spółka Akcyjna podpisała umowę z "
                           "Politechniką Opolską.")
    assert "Energetyka Xowa i Ciepłownictwo Zachodnie Spółka Akcyjna" in found


def test_a_municipality_named_with_both_its_levels_after_a_function_is_a_partner(extract):
    found = names(extract, "Nowy szpital w Lipnie\n\nUniwersytet Xowski wraz ze Szpitalem Uniwersyteckim w Xowie "
                           "wsparł budowę szpitala. Podpisano w tej sprawie list intencyjny.\n\nNa spotkaniu obecni "
                           "byli: burmistrz Miasta i Gminy Lipno dr Jan Nowak oraz dyrektor szpitala Adam Kowal.")
    assert "Gmina Lipno" in found


def test_a_school_listed_with_partners_is_one(extract):
    found = names(extract, "Porozumienie zawarli rektorzy uczelni: Uniwersytetu Xowskiego w Toruniu, Akademii "
                           "Muzycznej w Bydgoszczy i Państwowej Wyższej Szkoły Zawodowej w Lipnie.")
    assert "Państwowa Wyższa Szkoła Zawodowa w Lipnie" in found


def test_two_words_morfeusz_lacks_after_a_coordinator_are_a_foreign_person(extract):
    found = names(extract, "Prezes gościł prezesów izb: Jana Nowaka – prezesa Słowackiej Izby Handlowej oraz "
                           "Ödöna Qwertza – prezesa Węgierskiej Izby Rolniczej.")
    assert "Słowacka Izba Handlowa" in found
    assert not any("Qwertz" in name for name in found)


def test_an_acronym_before_several_places_is_a_kind_of_body_not_the_gazetteer_s(extract):
    found = names(extract, "Projekt prowadzimy z Gminą Lipno i trzema szkołami: PSP w Xowie, PSP w Yowie oraz "
                           "PSP w Zetowie.")
    assert "Państwowa Straż Pożarna" not in found
    found = names(extract, "Akcję koordynuje KM PSP w Opolu. Strażacy PSP gasili pożar.")
    assert "Państwowa Straż Pożarna" in found


def test_the_board_of_an_organisation_is_the_organisation(extract):
    found = names(extract, "Umowę przygotowali przedstawiciele Zarządu Lipnowskiej Izby Rzemieślniczej. "
                           "Lipnowska Izba Rzemieślnicza zrzesza firmy. Umowę zawarł Zarząd Dróg Powiatowych w Lipnie.")
    assert "Lipnowska Izba Rzemieślnicza" in found
    assert not any(name.startswith("Zarząd Lipnowskiej") for name in found)
    assert "Zarząd Dróg Powiatowych w Lipnie" in found


def test_a_name_after_another_and_a_spaced_dash_is_a_part_of_it(extract):
    found = names(extract, "Uniwersytet Xowski - Collegium Medicum wraz ze Szpitalem Miejskim w Lipnie wspiera "
                           "budowę szpitala. Porozumienie podpisał prorektor ds. Collegium Medicum.")
    assert "Collegium Medicum" not in found
    assert "Collegium Medicum" in found["Uniwersytet Xowski"]["aliases"]


def test_a_county_written_in_lower_case_is_one_unless_it_is_a_place(extract):
    found = names(extract, "Ponad 2 mln zł otrzyma powiat lipnowski na przebudowę drogi. Umowę podpisali także "
                           "partnerzy: powiat kłodzki oraz gmina Dębina.")
    assert {"Powiat Lipnowski", "Powiat Kłodzki", "Gmina Dębina"} <= set(found)
    found = names(extract, "Na terenie powiatu lipnowskiego i w powiecie kłodzkim rosną lasy. Powiat grodzki "
                           "otrzymał dotację.")
    assert not found


def test_an_organisation_in_the_genitive_after_a_programme_word_owns_the_programme(extract):
    found = names(extract, "Projekt finansuje program Lipnowskiej Fundacji Rozwoju prowadzony we współpracy ze "
                           "Stowarzyszeniem Xowskim. Środki pochodzą też z programu Fundusze Europejskie dla Śląska.")
    assert "Lipnowska Fundacja Rozwoju" in found
    assert not any(name.startswith("Fundusze") for name in found)


def test_one_municipal_word_before_two_places_inside_a_longer_run(extract):
    found = names(extract, "Porozumienie podpisały samorządy Aglomeracji Lipnowskiej oraz Miastem Xowo i Yowo "
                           "na Słowacji, reprezentowanymi przez burmistrzów.")
    assert {"Miasto Xowo", "Miasto Yowo"} <= set(found)


def test_a_county_and_its_office_at_its_seat_are_one_partner(extract):
    found = names(extract, "Umowę podpisali partnerzy: powiat kamiennogórski oraz gmina Dębina. Budowa podjazdu "
                           "przed budynkiem Starostwa Powiatowego w Kamiennej Górze potrwa rok. Starostwo Powiatowe "
                           "w Kamiennej Górze ogłosi przetarg. Powiat Poznański i Miasto Poznań też pomogą.")
    county = [name for name, partner in found.items() if "Powiat Kamiennogórski" in [name, *partner["aliases"]]]
    assert len(county) == 1 and "Starostwo Powiatowe w Kamiennej Górze" in [county[0], *found[county[0]]["aliases"]]
    assert "Miasto Poznań" in found


def test_a_school_complex_and_a_health_care_provider_are_institutions_not_teams(extract):
    found = names(extract, "Porozumienie podpisały Samodzielny Publiczny Zespół Opieki Zdrowotnej w Kielcach "
                           "i Zespół Szkół Technicznych w Opolu. Zespół Prasowy Urzędu Miasta Opola informuje.")
    assert {"Samodzielny Publiczny Zespół Opieki Zdrowotnej w Kielcach",
            "Zespół Szkół Technicznych w Opolu"} <= set(found)
    assert not any(name.startswith("Zespół Prasowy") for name in found)


def test_a_club_is_named_without_the_board_that_meets(extract):
    found = names(extract, "Członkowie Zarządów Opolskiego Klubu Biznesu spotkali się w Opolu. Opolski Klub "
                           "Biznesu zaprasza przedsiębiorców.")
    assert set(found) == {"Opolski Klub Biznesu"}


def test_a_compound_adjective_written_apart_agrees_with_its_head(extract):
    found = names(extract, "Członkowie Izby Przemysłowo Handlowej w Opolu spotkali się z Fundacją Dobra Opole. "
                           "Izbę Przemysłowo – Handlową w Opolu reprezentował prezes.")
    chambers = [p for name, p in found.items() if name.startswith("Izba")]
    assert len(chambers) == 1
    assert {"Izba Przemysłowo Handlowa w Opolu", "Izba Przemysłowo – Handlowa w Opolu"} <= {
        chambers[0]["name"], *chambers[0]["aliases"]}


def test_the_capital_city_abbreviated_is_the_municipality(extract):
    found = names(extract, "Jan Nowak, prezydent m.st. Warszawy, podpisze porozumienie z Politechniką Opolską.")
    assert "Miasto Stołeczne Warszawa" in found
    found = names(extract, "Kampanię wspiera Urząd m. st. Warszawy. Urzędu Miasta Stołecznego Warszawy przekazał "
                           "środki Fundacji Dobra Opole.")
    warsaw = [p for name, p in found.items() if "Warszaw" in name]
    assert len(warsaw) == 1 and "Urząd m. st. Warszawy" in [warsaw[0]["name"], *warsaw[0]["aliases"]]


def test_an_acronym_of_a_kind_of_body_with_its_place_is_one_body(extract):
    found = names(extract, "Projekt prowadzimy z Gminą Lipno i trzema szkołami: PSP w Kielcach, PSP w Opolu oraz "
                           "PSP w Nowym Sączu.")
    assert {"PSP w Kielcach", "PSP w Opolu", "PSP w Nowym Sączu"} <= set(found)


def test_a_voivode_with_the_adjective_in_lower_case_names_the_office(extract):
    found = names(extract, "Wojewoda kujawsko-pomorski Jan Nowak był współorganizatorem spotkania z Fundacją "
                           "Dobra Opole.")
    assert "Kujawsko-Pomorski Urząd Wojewódzki" in found
    found = names(extract, "Wojewoda obecny na spotkaniu pogratulował Fundacji Dobra Opole.")
    assert set(found) == {"Fundacja Dobra Opole"}


def test_a_seat_in_a_body_or_a_source_of_figures_is_no_partner(extract):
    found = names(extract, "W spotkaniu uczestniczyła posłanka na Sejm RP Anna Nowak oraz Fundacja Dobra Opole.")
    assert set(found) == {"Fundacja Dobra Opole"}
    found = names(extract, "Fundacja Dobra Opole przedstawiła wyniki badania CBOS wśród organizacji, a według danych "
                           "Głównego Urzędu Statystycznego ich liczba rośnie.")
    assert set(found) == {"Fundacja Dobra Opole"}
    found = names(extract, "Sejm RP przyjął ustawę, a Fundacja Dobra Opole ją popiera.")
    assert "Sejm RP" in found


def test_a_government_fund_is_a_programme(extract):
    found = names(extract, "Gmina Lipno podpisała umowę o dofinansowanie z Rządowego Funduszu Rozwoju Dróg. Kwota "
                           "dotacji z Rządowego Funduszu Rozwoju Dróg wynosi 1 mln zł.")
    assert set(found) == {"Gmina Lipno"}


def test_a_body_is_named_rather_than_its_organ(extract):
    found = names(extract, "Sejmik Województwa Opolskiego przyjął uchwałę. Urząd Marszałkowski Województwa "
                           "Opolskiego ogłosił konkurs.")
    assert set(found) == {"Urząd Marszałkowski Województwa Opolskiego"}
    assert "Sejmik Województwa Opolskiego" in found["Urząd Marszałkowski Województwa Opolskiego"]["aliases"]


def test_a_capitalised_group_belongs_to_the_company_s_name(extract):
    found = names(extract, "Umowę podpisano pomiędzy Grupą LOTOS S.A. a Fundacją Dobra Opole. Umowę ze Spółką "
                           "Prochem S.A. podpisano w marcu.")
    assert {"Grupa LOTOS S.A.", "Prochem S.A."} <= set(found)


def test_a_number_in_lower_case_belongs_to_the_name(extract):
    found = names(extract, "Szkoła Podstawowa nr 2 w Opolu i Fundacja Dobra Opole podpisały porozumienie.")
    assert "Szkoła Podstawowa nr 2 w Opolu" in found
    found = names(extract, "Uchwała Rady Miasta nr 12 została przyjęta przez Fundację Dobra Opole.")
    assert set(found) == {"Fundacja Dobra Opole"}


def test_a_plural_of_an_institution_with_a_place_adjective_is_a_kind_of_body(extract):
    found = names(extract, "Wizyta w Uczelniach Warszawskich oraz Warszawskich Rodzinnych Domach Dziecka odbyła się "
                           "z Fundacją Dobra Opole. Koleje Śląskie i Koleje Śląskie też.")
    assert set(found) == {"Fundacja Dobra Opole", "Koleje Śląskie"}


def test_the_marshal_office_without_its_region_is_the_region_the_release_names(extract):
    found = names(extract, "Gmina Lipno podpisała umowę z Samorządem Województwa Opolskiego. Wniosek złożono do "
                           "Urzędu Marszałkowskiego, a w imieniu Zarządu Województwa Opolskiego umowę podpisał "
                           "wicemarszałek.")
    assert set(found) == {"Gmina Lipno", "Samorząd Województwa Opolskiego"}


def test_a_lower_case_phrase_inside_a_name_keeps_it_whole(extract):
    found = names(extract, "W spotkaniu wzięli udział dr Jan Nowak (Fundacja na rzecz Nauki Polskiej) oraz "
                           "Stowarzyszenie na rzecz Rozwoju Gminy Lipno. Działamy na rzecz Fundacji Dobra Opole.")
    assert {"Fundacja na rzecz Nauki Polskiej", "Stowarzyszenie na rzecz Rozwoju Gminy Lipno",
            "Fundacja Dobra Opole"} <= set(found)


def test_an_acronym_with_a_case_ending_is_the_acronym(extract):
    found = names(extract, "Dyrektor IBL-u podpisał porozumienie z Fundacją Dobra Opole. IBL prowadzi badania lasów.")
    assert {"IBL", "Fundacja Dobra Opole"} == set(found)


def test_organisations_listed_as_examples_are_no_partners(extract):
    found = names(extract, "Fundacja Dobra Opole zaprasza szkoły. Zainteresowanie zgłosiły już m.in. Szkoła "
                           "Podstawowa nr 5 i Szkoła Podstawowa nr 47.")
    assert set(found) == {"Fundacja Dobra Opole"}
    found = names(extract, "Spółka Enea S.A. podpisała umowę z Politechniką Gdańską. W zeszłym miesiącu podpisano "
                           "cztery porozumienia, w tym z Akademią Górniczo-Hutniczą, Politechniką Łódzką oraz "
                           "Uniwersytetem Łódzkim.")
    assert not {"Politechnika Łódzka", "Uniwersytet Łódzki"} & set(found)


def test_a_name_in_apposition_after_the_head_is_not_a_second_organisation(extract):
    found = names(extract, "Miasto Chełm, Rada Miasta Kowel i Fundacja Wspólny Dom otwierają punkt. Fundacja "
                           "Wspólny Dom prowadzi zajęcia.")
    assert {"Miasto Chełm", "Rada Miasta Kowel", "Fundacja Wspólny Dom"} == set(found)


def test_an_office_of_self_government_is_no_venue(extract):
    found = names(extract, "Studenci rozpoczną praktyki w Urzędzie Marszałkowskim Województwa Opolskiego. W sumie "
                           "praktykować będzie 95 osób.")
    assert set(found) == {"Urząd Marszałkowski Województwa Opolskiego"}
    found = names(extract, "Konferencja odbędzie się w Międzynarodowym Centrum Kongresowym. Organizuje ją Fundacja "
                           "Dobra Opole.")
    assert set(found) == {"Fundacja Dobra Opole"}


def test_an_abbreviated_region_meets_its_other_bodies(extract):
    found = names(extract, "Sejmik Województwa Opolskiego przyjął uchwałę. Urząd Marszałkowski Woj. Opolskiego "
                           "ogłosił konkurs.")
    assert set(found) == {"Urząd Marszałkowski Województwa Opolskiego"}


def test_an_english_name_with_a_two_part_acronym_is_the_acronym_s_organisation(extract):
    found = names(extract, "Komunikacyjny Związek Komunalny Górnośląskiego Okręgu Przemysłowego (KZK GOP) ogłasza "
                           "przetarg. Municipal Transport Union KZK GOP is the issuer. KZK GOP zaprasza.")
    assert len(found) == 1
    assert "Municipal Transport Union KZK GOP" in next(iter(found.values()))["aliases"]


def test_a_quoted_name_after_a_bare_head_is_a_name(extract):
    found = names(extract, "Stowarzyszenie „Razem dla Opola” zaprasza na festyn z Fundacją Dobra Opole. "
                           "Stowarzyszeniu „Razem dla Opola” dziękujemy.")
    assert {"Stowarzyszenie „Razem dla Opola”", "Fundacja Dobra Opole"} == set(found)


def test_a_quoted_short_name_is_the_long_name_s_organisation(extract):
    found = names(extract, "Konferencja Stowarzyszenia „PRom” na Uniwersytecie Opolskim. Stowarzyszenie PR i Promocji "
                           "Uczelni Polskich „PRom” zaprasza.")
    assert len([name for name in found if name.startswith("Stowarzyszenie")]) == 1


def test_a_name_without_its_seat_is_an_alias_unless_it_is_a_generic_office(extract):
    found = names(extract, "Starostwo Powiatowe w Słupcy oraz Państwowy Instytut Geologiczny w Warszawie podpisały "
                           "porozumienie.")
    assert found["Państwowy Instytut Geologiczny w Warszawie"]["aliases"] == ["Państwowy Instytut Geologiczny"]
    assert found["Starostwo Powiatowe w Słupcy"]["aliases"] == []


def test_an_office_of_a_town_and_its_municipality_is_one_name(extract):
    found = names(extract, "Spotkanie z przedstawicielami Urzędu Miasta i Gminy Lipno. Gmina Lipno zaprasza.")
    assert set(found) == {"Gmina Lipno"}  # the municipality by its level, its office an alias
    assert found["Gmina Lipno"]["aliases"] == ["Urząd Miasta i Gminy Lipno"]
    found = names(extract, "Burmistrz Miasta i Gminy Lipno podpisał umowę z Fundacją Dobra Opole.")
    assert set(found) == {"Gmina Lipno", "Fundacja Dobra Opole"}


def test_an_acronym_with_a_number_is_one_body_and_meets_its_full_name(extract):
    found = names(extract, "Szkoła Podstawowa nr 2 w Opolu rozpoczyna pilotaż z Gminą Lipno. Dyrektor SP nr 2 mówi, "
                           "że uczniowie SP nr 2 są zadowoleni.")
    assert "SP nr 2" in found["Szkoła Podstawowa nr 2 w Opolu"]["aliases"]
    found = names(extract, "Pilotaż w SP nr 2 prowadzi Gmina Lipno. Zgłosiła się też Szkoła Podstawowa nr 5 i SP nr 2.")
    assert {"SP nr 2", "Szkoła Podstawowa nr 5"} <= set(found)


def test_a_word_of_a_slogan_in_capitals_is_no_acronym(extract):
    found = names(extract, "Każdy dostanie poradnik z hasłem kampanii „NIE KLIKAJ, ZADZWOŃ!” od Fundacji Dobra Opole.")
    assert set(found) == {"Fundacja Dobra Opole"}


def test_a_second_name_after_a_spaced_dash_is_put_into_the_nominative_too(extract):
    found = names(extract, "Pomiary prowadzą Gmina Lipno i Instytut Ochrony Gleb. Dane hydrologiczne Instytutu Ochrony "
                           "Gleb – Państwowego Instytutu Badawczego (IOG-PIB) trafią do gminy.")
    assert "Instytut Ochrony Gleb – Państwowy Instytut Badawczy" in {
        name for partner in found.values() for name in [partner["name"], *partner["aliases"]]}


def test_a_county_named_by_its_adjective_and_by_its_seat_is_one_partner_named_by_its_level(extract):
    found = names(extract, "Powiat Łowicki podpisał umowę z firmą Budomex. Umowę podpisał Starosta Łowicki.\n"
                           "Anna Nowak\nRzecznik Prasowy\nStarostwo Powiatowe w Łowiczu")
    assert found["Powiat Łowicki"]["aliases"] == ["Starostwo Powiatowe w Łowiczu"]
    found = names(extract, "Umowę podpisały Powiat Nowosolski i Powiat Nowomiejski. Starostwo Powiatowe w Słupcy "
                           "dziękuje.")
    assert {"Powiat Nowosolski", "Powiat Nowomiejski"} <= set(found)


def test_a_university_named_in_english_in_a_quote_is_the_polish_one(extract):
    found = names(extract, "Politechnika Koszalińska podpisała umowę. Rektor Politechniki Koszalińskiej mówi: "
                           "„Koszalin University of Technology brings knowledge”.")
    assert set(found) == {"Politechnika Koszalińska"}


def test_a_gmina_and_its_office_meet_whatever_lemma_the_genitive_gets_but_two_word_places_stay_apart(extract):
    found = names(extract, "W Urzędzie Gminy Lipno doszło do zawarcia porozumienia między Gminą Lipno a Akademią "
                           "Nauk Stosowanych w Lipnie. Gościem był burmistrz Miasta Czeski Cieszyn, a Gmina Cieszyn "
                           "przysłała list.")
    assert "Urząd Gminy Lipno" in found["Gmina Lipno"]["aliases"], found
    assert {"Miasto Czeski Cieszyn", "Gmina Cieszyn"} <= set(found), found


def test_a_municipality_after_its_lower_case_level_keeps_its_place_as_written_or_as_a_place(extract):
    """A one-word place after "gminą"/"gminy" is an apposition: no surname's nominative for it."""
    found = names(extract, "Porozumienie między gminą Jamnicą i gminą Świątki podpisali wójtowie. "
                           "Wójt gminy Kołtów przyjechał na sesję.")
    assert {"Gmina Jamnica", "Gmina Świątki", "Gmina Kołtów"} <= set(found)
def test_a_person_in_the_accusative_after_a_seat_is_no_part_of_the_name_but_a_patron_is(extract):
    found = names(extract, "Umowę podpisali rektor Uniwersytetu Opolskiego oraz dyrektor Wojewódzkiego Szpitala "
                           "Specjalistycznego w Opolu Annę Kowalską-Nowak. Szpital Wojewódzki im. Marii "
                           "Skłodowskiej-Curie w Zgierzu i Fundacja im. Marii Konopnickiej w Lipnie dołączą.")
    assert {"Wojewódzki Szpital Specjalistyczny w Opolu", "Szpital Wojewódzki im. Marii Skłodowskiej-Curie w Zgierzu",
            "Fundacja im. Marii Konopnickiej w Lipnie"} <= set(found), found
    assert not any("Ann" in name or "Kowalsk" in name for name in found)


def test_an_adjective_of_a_function_is_no_first_word_of_the_name_after_it(extract):
    found = names(extract, "Umowę sygnowali Jan Nowak, Dyrektor Generalny Energa Dystrybucja S.A., oraz Dyrektor "
                           "Wojewódzkiego Szpitala Specjalistycznego w Opolu. Energa Dystrybucja S.A. da sprzęt.")
    assert {"Energa Dystrybucja S.A.", "Wojewódzki Szpital Specjalistyczny w Opolu"} <= set(found), found
    assert not any("Generaln" in name for name in found)


def test_a_patrons_rank_written_out_in_lower_case_belongs_to_the_name(extract):
    found = names(extract, "Starosta spotkał się z Rektorem Akademii Nauk Stosowanych im. rotmistrza Witolda "
                           "Pileckiego w Lipnie. Rektor przedstawił ofertę uczelni.")
    assert "Akademia Nauk Stosowanych im. rotmistrza Witolda Pileckiego w Lipnie" in found, found


def test_a_mayor_named_with_the_town_names_the_municipality_but_not_a_state_or_a_person(extract):
    found = names(extract, "W uroczystości wzięli udział prezydent Opola i rektor Politechniki Opolskiej. "
                           "Prezydent Opola Jan Nowak zapewnił o współpracy. Wójt Koszarawy podpisał umowę z "
                           "Powiatem Żywieckim, a wójta Grzegorza Nowaka i prezydenta Francji zaproszono.")
    assert {"Miasto Opole", "Politechnika Opolska", "Gmina Koszarawa", "Powiat Żywiecki"} <= set(found), found
    assert not any(word in name for name in found for word in ("Grzegorz", "Francja"))


def test_two_bodies_sharing_one_name_are_two_partners(extract):
    found = names(extract, "Stowarzyszenie i Fundacja Kotwica zawarły porozumienie z Politechniką Opolską. "
                           "Porozumienie poparły Szkoła i Przedszkole Publiczne w Lipnie oraz Miasto i Gmina Lipno.")
    assert {"Stowarzyszenie Kotwica", "Fundacja Kotwica", "Politechnika Opolska"} <= set(found), found
    assert not any(name.startswith(("Szkoła Publiczne", "Miasto Lipno")) for name in found)


def test_a_foreign_state_after_a_name_is_no_part_of_it(extract):
    found = names(extract, "Gmina Lipno podpisała umowę partnerską z Gminą Gross Gerungs w Austrii oraz z Powiatem "
                           "Dubieńskim w Ukrainie. Umowę poparło Stowarzyszenie Gmin Górskich w Polsce.")
    assert {"Gmina Gross Gerungs", "Powiat Dubieński", "Stowarzyszenie Gmin Górskich w Polsce"} <= set(found), found


def test_a_region_in_lower_case_after_a_function_or_a_body_is_named_as_with_capitals(extract):
    found = names(extract, "Marszałek województwa opolskiego Jan Nowak oraz rektor Uniwersytetu Opolskiego podpisali "
                           "list intencyjny. Praktyki odbędą się w szpitalach podległych samorządowi województwa "
                           "opolskiego. Na terenie województwa lubuskiego działa 10 szpitali.")
    assert {"Samorząd Województwa Opolskiego", "Uniwersytet Opolski"} <= set(found), found
    assert "Województwo Opolskie" in found["Samorząd Województwa Opolskiego"]["aliases"]
    assert not any("Lubusk" in name for name in found)


def test_a_marshals_office_meets_its_region_named_with_a_compound_adjective(extract):
    found = names(extract, "Urząd Marszałkowski w Olsztynie przekazał środki. Umowę podpisał marszałek województwa "
                           "warmińsko-mazurskiego Jan Nowak z Uniwersytetem Warmińsko-Mazurskim.")
    assert len([name for name in found if "Marszałk" in name or "Województw" in name]) == 1, found


def test_a_municipality_whose_place_is_named_with_a_municipal_word_is_named(extract):
    found = names(extract, "Gmina Nowe Miasto podpisała umowy z mieszkańcami. Wnioski przyjmuje Urząd Miasta.")
    assert "Gmina Nowe Miasto" in found, found


def test_a_ministry_named_by_its_first_field_is_the_gazetteers_ministry(extract):
    found = names(extract, "Porozumienie zawarto pomiędzy Ministrem Kultury Janem Nowakiem a Dyrektorem Muzeum "
                           "Narodowego w Kielcach. Ministerstwo Kultury sfinansuje projekt.")
    assert "Ministerstwo Kultury i Dziedzictwa Narodowego" in found, found
    assert "Ministerstwo Kultury" in found["Ministerstwo Kultury i Dziedzictwa Narodowego"]["aliases"]


def test_a_commander_with_the_level_of_his_command_names_the_command_with_its_seat(extract):
    found = names(extract, "Porozumienie podpisali Komendant Wojewódzki Policji w Olsztynie insp. Jan Nowak "
                           "oraz Komendant Wojewódzki Państwowej Straży Pożarnej w Olsztynie st. bryg. Adam Kowal. "
                           "Gości powitał Komendant Powiatowy Policji w Zduńskiej Woli.")
    assert {"Komenda Wojewódzka Policji w Olsztynie", "Komenda Wojewódzka Państwowej Straży Pożarnej w Olsztynie",
            "Komenda Powiatowa Policji w Zduńskiej Woli"} <= set(found)
    assert "Policja w Olsztynie" not in found
    # the command written out elsewhere is the same partner, reported with its seat
    found = names(extract, "Komendant Powiatowy Policji Jan Nowak podpisał umowę. Spotkanie odbyło się w budynku "
                           "Komendy Powiatowej Policji w Łęczycy.")
    assert "Komenda Powiatowa Policji w Łęczycy" in found and "Komenda Powiatowa Policji" not in found
def test_a_council_at_a_seat_read_as_two_places_is_its_municipality(extract):
    # "w Paczkowie" is a form of Paczków and of Paczkowo: any reading meets the municipality's own name
    found = names(extract, "Gmina Paczków podpisała umowę z Gminą Lipno. Umowę podpisał Przewodniczący Rady Miejskiej "
                           "w Paczkowie Jan Lis.")
    assert set(found) == {"Gmina Paczków", "Gmina Lipno"}, found
    assert "Rada Miejska w Paczkowie" in found["Gmina Paczków"]["aliases"]


def test_a_county_office_without_its_place_is_the_one_county_named(extract):
    found = names(extract, "W siedzibie Starostwa Powiatowego podpisano list intencyjny między Gminą Lipno a "
                           "Powiatem Żywieckim. Powiat Żywiecki wyremontuje drogę.")
    assert set(found) == {"Gmina Lipno", "Powiat Żywiecki"}, found
    assert "Starostwo Powiatowe" in found["Powiat Żywiecki"]["aliases"]


def test_a_board_before_an_acronym_and_a_rectors_college_name_their_institution(extract):
    found = names(extract, "Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Opolu udzielił pożyczki Gminie "
                           "Lipno. Umowę podpisał Zarząd WFOŚiGW w Opolu. Gratulacje złożyło Kolegium Rektorskie "
                           "Uniwersytetu Opolskiego, a Uniwersytet Opolski obejmie projekt patronatem.")
    assert set(found) == {"Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Opolu", "Gmina Lipno",
                          "Uniwersytet Opolski"}, found


def test_an_acronym_written_before_the_country_mark_of_its_name(extract):
    found = names(extract, "Umowę zawarto ze Związkiem Harcerstwa Rzeczypospolitej RP. Dyrektor Zarządu "
                           "Wykonawczego Jan Lis podpisał ją w imieniu ZHR RP. ZHR RP otrzyma dotację.")
    assert list(found) == ["Związek Harcerstwa Rzeczypospolitej RP"], found
    assert "ZHR" in found["Związek Harcerstwa Rzeczypospolitej RP"]["aliases"]


def test_a_board_member_among_the_guests_names_no_partner_but_a_mayor_there_does(extract):
    found = names(extract, "Umowa podpisana\n\nGmina Lipno podpisała list intencyjny z Politechniką Poznańską. "
                           "Na spotkaniu obecni byli: burmistrz Miasta i Gminy Wieliczka Jan Lis oraz Członek Zarządu "
                           "Województwa Wielkopolskiego Adam Nowak.")
    assert set(found) == {"Gmina Lipno", "Politechnika Poznańska", "Gmina Wieliczka"}, found
    # a member who signs is a party
    found = names(extract, "Umowa podpisana\n\nGmina Lipno podpisała umowę. Umowę podpisał Członek Zarządu "
                           "Województwa Wielkopolskiego Adam Nowak.")
    assert "Zarząd Województwa Wielkopolskiego" in found or "Województwo Wielkopolskie" in found, found


def test_a_functions_adjective_and_a_womans_name_in_the_accusative_are_no_part_of_the_name(extract):
    found = names(extract, "Umowa podpisana\n\nUmowę podpisali Dyrektor Generalny Energa Obrót S.A. Jan Lis oraz "
                           "dyrektor Wojewódzkiego Szpitala Specjalistycznego w Opolu Ewę Kowalską-Nowak.")
    assert {"Energa Obrót S.A.", "Wojewódzki Szpital Specjalistyczny w Opolu"} <= set(found), found
    # an adjective of the name's own head stays: "dyrektora Wojewódzkiego Szpitala"
    found = names(extract, "Umowa podpisana\n\nPrzyjechał dyrektora Wojewódzkiego Szpitala w Opolu Jan Nowak.")
    assert "Wojewódzki Szpital w Opolu" in found, found


def test_oraz_joins_whole_names_never_words_inside_one(extract):
    found = names(extract, "Umowa podpisana\n\nUmowę podpisali Wójt Gminy Lipno oraz Dyrektor Biura Związku Gmin "
                           "Wiejskich oraz Jego Zastępca. Gmina Lipno i Związek Gmin Wiejskich będą współpracować.")
    assert not any("oraz" in name for p in found.values() for name in [p["name"], *p["aliases"]]), found
    assert {"Gmina Lipno", "Związek Gmin Wiejskich"} <= set(found), found


def test_buildings_that_works_are_done_on_are_no_partners_nor_the_names_listed_after_them(extract):
    found = names(extract, "Umowa podpisana\n\nMiasto Opole i Uniwersytet Opolski podpisały porozumienie. Prezydent "
                           "poparł budowę Collegium Novum Opoliensis, Centrum Nauk Ścisłych i Obserwatorium "
                           "Astronomicznego Opolskiego.")
    assert set(found) == {"Miasto Opole", "Uniwersytet Opolski"}, found


def test_a_person_after_a_body_ends_its_name_even_where_a_patron_could_stand(extract):
    """After a municipality no patron stands; a nominative given name is no patron's; "Pana" is a courtesy title."""
    found = names(extract, "Umowę podpisał Wójt Gminy Mielec Kazimierza Gacka. Obecny był przewodniczący Rady "
                           "Olga Banacha. Spółkę reprezentował Prezes Zarządu Pana Adama Ogrodnika. Umowę podpisał "
                           "też Instytut Katalizy i Fizykochemii Powierzchni PAN oraz Fundacja Anny Dymnej.")
    assert {"Gmina Mielec", "Instytut Katalizy i Fizykochemii Powierzchni PAN", "Fundacja Anny Dymnej"} <= set(found)
    assert not any("Kazimierza" in name or "Olga" in name or "Pana" in name for name in found)
