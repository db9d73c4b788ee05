"""Contacts: e-mails, web addresses, phones in E.164 and people, in Polish and English."""
from __future__ import annotations

import pytest

ONLY_CONTACTS = {"extractors": ["contacts"]}


def values(facts, kind):
    return [c["value"] for c in facts["contacts"] if c["kind"] == kind]


def person(facts, name):
    found = [c for c in facts["contacts"] if c["kind"] == "person" and c["value"] == name]
    assert found, f"{name} not in {values(facts, 'person')}"
    return found[0]


def test_emails_are_lower_cased_and_urls_kept_as_written(extract):
    text = ("Szczegóły na stronie iurc.eu/na/, w serwisie www.gzm.org.pl oraz https://Metropolia.eu/Program. "
            "Pytania: Info-NA@IURC.eu.")
    facts = extract(text, **ONLY_CONTACTS)
    assert values(facts, "email") == ["info-na@iurc.eu"]
    # trailing punctuation stripped, scheme and case kept, the e-mail's domain is not a URL
    assert values(facts, "url") == ["iurc.eu/na/", "www.gzm.org.pl", "https://Metropolia.eu/Program"]


def test_abbreviations_are_not_urls(extract):
    facts = extract("Spółka Tauron S.A. ma m.in. nowe biuro, tj. przy ul. Mickiewicza.", **ONLY_CONTACTS)
    assert values(facts, "url") == []


@pytest.mark.parametrize(("written", "e164"), [
    ("tel. 32 728 46 00", "+48327284600"),
    ("tel. +48 601 234 567", "+48601234567"),
    ("tel.: (22) 555-12-34", "+48225551234"),
    ("tel. 0048 22 555 12 34", "+48225551234"),
])
def test_polish_phone_formats(extract, written, e164):
    assert values(extract(f"Kontakt: {written}.", **ONLY_CONTACTS), "phone") == [e164]


def test_00_prefix_works_whatever_the_region(extract):
    # the US exit code is 011, but "0048" is still an international Polish number
    facts = extract("Call 0048 22 555 12 34 today.", "en", contacts={"regions": {"en": "US"}},
                    extractors=["contacts"])
    assert values(facts, "phone") == ["+48225551234"]


def test_dates_amounts_and_ids_are_not_phones(extract):
    text = ("Umowę podpisano 15.03.2024 r. (2024-03-15). Kwota 1 250 000 zł, NIP 634-24-65-123, "
            "KRS 0000123456, w latach 2024–2028.")
    assert values(extract(text, **ONLY_CONTACTS), "phone") == []


def test_english_region_and_the_release_own_country(extract):
    facts = extract("Apply by phone on 0161 778 7000.", "en", **ONLY_CONTACTS)
    assert values(facts, "phone") == ["+441617787000"]
    # a release whose numbers are Irish reads its national numbers as Irish too
    facts = extract("Ring the freephone line 1800 804 417. Press: +353 21 492 4318.", "en", **ONLY_CONTACTS)
    assert values(facts, "phone") == ["+3531800804417", "+353214924318"]


def test_one_contact_per_value(extract):
    text = "Pisz na media@gzm.pl lub MEDIA@gzm.pl, dzwoń 32 728 46 00 albo +48 32 728 46 00."
    facts = extract(text, **ONLY_CONTACTS)
    assert values(facts, "email") == ["media@gzm.pl"]
    assert values(facts, "phone") == ["+48327284600"]


def test_polish_quote_attribution_with_organisation(extract):
    text = ("– Chcemy, żeby każda złotówka wróciła do szkół – mówi Kamila Okoń z Departamentu "
            "Infrastruktury i Środowiska GZM.")
    found = person(extract(text, **ONLY_CONTACTS), "Kamila Okoń")
    assert found["organization"] == "Departament Infrastruktury i Środowiska GZM"
    assert found["role"] is None


def test_polish_role_and_titles(extract):
    text = ("– Okazało się, że część dachów wymaga remontu – wyjaśnia dr hab. inż. Agata Lipińska, "
            "prorektor Politechniki Śląskiej.\n\n"
            "– To dobry przykład – podkreśla prof. Jan Nowak.")
    facts = extract(text, **ONLY_CONTACTS)
    found = person(facts, "Agata Lipińska")  # titles kept out of the name
    assert found["organization"] == "Politechnika Śląska"
    assert found["role"] == "prorektor"
    person(facts, "Jan Nowak")


def test_polish_genitive_attribution_is_put_in_the_nominative(extract):
    text = "Według Kamili Okoń program ruszy w marcu. Zdaniem Jana Kowalskiego to za mało."
    facts = extract(text, **ONLY_CONTACTS)
    assert values(facts, "person") == ["Kamila Okoń", "Jan Kowalski"]


@pytest.mark.parametrize(("language", "text", "name"), [
    ("pl", "Spotkaniu przewodniczył Marek Wiśniewski, który zapewnił, że ministerstwo pomoże gminom.",
     "Marek Wiśniewski"),
    ("en", "The meeting was chaired by Jane Doe, who said the council would help the villages.", "Jane Doe"),
])
def test_a_speaker_named_before_a_relative_clause_of_saying(extract, language, text, name):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == [name]


def test_a_function_before_a_surname_names_the_person_introduced_before(extract):
    text = "Spotkanie otworzył Jan Nowak, prezes Izby. Prezes Nowak poinformował, że izba przygotuje raport."
    assert values(extract(text, **ONLY_CONTACTS), "person") == ["Jan Nowak"]
    unnamed = "Spotkanie otworzył prezes Izby. Prezes Nowak poinformował, że izba przygotuje raport."
    assert values(extract(unnamed, **ONLY_CONTACTS), "person") == []


def test_polish_role_before_the_name(extract):
    text = "Jak podkreśla prezes firmy Iwona Dziedzic, bez finansowania rozbudowa byłaby trudna."
    assert values(extract(text, **ONLY_CONTACTS), "person") == ["Iwona Dziedzic"]


def test_polish_press_contact_block(extract):
    text = ("Treść komunikatu.\n\nKontakt dla mediów:\nJoanna Pawlik\nrzeczniczka prasowa\n"
            "Górnośląsko-Zagłębiowska Metropolia\ntel. 32 728 46 15\ne-mail: joanna.pawlik@metropoliagzm.pl")
    found = person(extract(text, **ONLY_CONTACTS), "Joanna Pawlik")
    assert found["role"] == "rzeczniczka prasowa"
    assert found["organization"] == "Górnośląsko-Zagłębiowska Metropolia"


def test_organisation_lines_are_not_people(extract):
    text = ("Kontakt dla mediów:\nMichał Kruk\nTeleOpieka Sp. z o.o.\nul. Wielicka 44, 30-552 Kraków\n"
            "tel. +48 609 532 117")
    assert values(extract(text, **ONLY_CONTACTS), "person") == ["Michał Kruk"]


def test_english_attributions(extract):
    text = ('"We have thousands of unfilled digital jobs," said Councillor Joanne Whitlow, portfolio lead '
            'for economy at the Greater Manchester Combined Authority (GMCA).\n\n'
            '"The bootcamp gave me confidence," said Leon Achterberg, who finished the course in March.\n\n'
            'According to Dr Jane Doe, the plan works.\n\n'
            '"It is a template for the city," Declan Moriarty, Head of Active Travel, said.')
    facts = extract(text, "en", **ONLY_CONTACTS)
    assert values(facts, "person") == ["Joanne Whitlow", "Leon Achterberg", "Jane Doe", "Declan Moriarty"]
    assert person(facts, "Joanne Whitlow")["organization"] == "Greater Manchester Combined Authority"
    assert person(facts, "Leon Achterberg")["role"] is None


def test_english_contact_block_with_organisation_first(extract):
    text = ("Body.\n\nMedia contacts\n\nUniversity of Edinburgh: Rachel Dunlop, Press and PR Office, "
            "+44 131 650 9418, rachel.dunlop@ed.ac.uk\n\nHannah Oduya, Communications Officer, GMCA\n"
            "hannah.oduya@greatermanchester-ca.gov.uk")
    facts = extract(text, "en", **ONLY_CONTACTS)
    assert values(facts, "person") == ["Rachel Dunlop", "Hannah Oduya"]
    assert values(facts, "phone") == ["+441316509418"]


def test_czech_and_ukrainian_attributions(extract):
    czech = ("„Baterie se stanou odpadem,“ říká prof. Ing. Martin Veselý, Ph.D., prorektor TUL pro výzkum.")
    assert values(extract(czech, "cs", **ONLY_CONTACTS), "person") == ["Martin Veselý"]
    ukrainian = "«Діти мають право вчитися», — сказала Оксана Гнатюк, директорка департаменту."
    assert values(extract(ukrainian, "uk", **ONLY_CONTACTS), "person") == ["Оксана Гнатюк"]


def test_boilerplate_contacts_are_skipped(extract):
    text = ("Treść komunikatu, tel. 32 728 46 00.\n\n"
            "Ta strona używa plików cookies. Polityka prywatności: tel. 22 111 22 33, biuro@portal.pl")
    facts = extract(text, **ONLY_CONTACTS)
    assert values(facts, "phone") == ["+48327284600"]
    assert values(facts, "email") == []


def test_contact_kinds_are_switchable(extract):
    facts = extract("Pisz: a@b.pl, tel. 32 728 46 00.", contacts={"kinds": ["email"]}, extractors=["contacts"])
    assert [c["kind"] for c in facts["contacts"]] == ["email"]


@pytest.mark.parametrize(("language", "written", "email"), [
    ("de", "Anfragen an presse(at)stadt-xyz.de richten.", "presse@stadt-xyz.de"),
    ("pl", "Pisz na Jan.Nowak [at] urzad-xyz [dot] pl.", "jan.nowak@urzad-xyz.pl"),
    ("pl", "Zgłoszenia: biuro(małpa)fundacja-xyz.org.pl", "biuro@fundacja-xyz.org.pl"),
    ("cs", "Dotazy na info(zavináč)mesto-xyz.cz.", "info@mesto-xyz.cz"),
])
def test_hidden_emails_are_read_as_emails_not_urls(extract, language, written, email):
    facts = extract(written, language, **ONLY_CONTACTS)
    assert values(facts, "email") == [email]
    assert values(facts, "url") == []


@pytest.mark.parametrize(("language", "written", "e164"), [
    # the trunk "0" Poland dropped in 2002, with a slash or a dash after the area code
    ("pl", "tel.: 012/ 4451 203", ["+48124451203"]),
    ("pl", "tel./fax (0-32) 445 12 04", ["+48324451204"]),
    ("pl", "tel. 32 445 12 03, fax 32 445 12 04", ["+48324451203", "+48324451204"]),
    ("de", "Tel.: 0341/ 4451 203, Fax: 0341 4451 204", ["+493414451203", "+493414451204"]),
    ("sk", "tel./fax: 055/ 622 11 22", ["+421556221122"]),
])
def test_older_phone_forms_and_fax_numbers(extract, language, written, e164):
    assert values(extract(f"Kontakt: {written}.", language, **ONLY_CONTACTS), "phone") == e164


@pytest.mark.parametrize(("language", "signature", "name", "role"), [
    ("pl", "Anna Kowalska\nRzecznik Prasowy\nUrząd Miasta Xyz", "Anna Kowalska", "Rzecznik Prasowy"),
    ("en", "John Smith\nPress Officer\nCity of Xyz", "John Smith", "Press Officer"),
    ("de", "Maria Huber\nPressesprecherin\nStadtwerke Xyz", "Maria Huber", "Pressesprecherin"),
    ("cs", "Jana Nováková\ntisková mluvčí\nMěsto Xyz", "Jana Nováková", "tisková mluvčí"),
    ("sk", "Mgr. Zuzana Kováčová, hovorkyňa mesta", "Zuzana Kováčová", "hovorkyňa mesta"),
])
def test_signature_blocks_without_a_contact_heading(extract, language, signature, name, role):
    facts = extract(f"Treść.\n\n{signature}\ntel. 600 100 200", language, **ONLY_CONTACTS)
    assert values(facts, "person") == [name]
    assert person(facts, name)["role"] == role


def test_a_name_line_without_a_function_under_it_is_no_signature(extract):
    facts = extract("Treść.\n\nAnna Kowalska\nna zdjęciu w środku", **ONLY_CONTACTS)
    assert values(facts, "person") == []


def test_polish_interview_and_contact_phrases_take_the_instrumental(extract):
    text = ("Rozmawialiśmy z Anną Kowalską o budżecie. W rozmowie ze Stanisławem Nowakiem padły liczby. "
            "Prosimy o kontakt z Piotrem Wiśniewskim. Na gali spotkał się z Janem Brzozą.")
    # meeting someone is no interview: Jan Brzoza is only mentioned
    assert values(extract(text, **ONLY_CONTACTS), "person") == ["Anna Kowalska", "Stanisław Nowak",
                                                                 "Piotr Wiśniewski"]


@pytest.mark.parametrize(("language", "text", "name"), [
    ("sk", "„Je to dôležitý krok,“ povedala J. Nováková z mesta.", "J. Nováková"),
    ("cs", "„Stavba začne v létě,“ uvedl P. Novák, starosta obce.", "P. Novák"),
    ("de", "„Das ist ein wichtiger Schritt“, sagte Maria Huber, Bürgermeisterin.", "Maria Huber"),
    ("en", 'Anna Smith: "We are pleased to start the works."', "Anna Smith"),
    ("pl", "Jan Nowak: Cieszymy się z tej inwestycji i czekamy na otwarcie.", "Jan Nowak"),
])
def test_quotes_with_initials_and_name_lines(extract, language, text, name):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == [name]


def test_labels_networks_and_headings_are_not_people(extract):
    text = "Key Dates: 3 March 2025\n\nKontakt:\nPublic Relations\nTwitter E-mail\nul. Długa 5, Kraków"
    facts = extract(text, **ONLY_CONTACTS)
    assert values(facts, "person") == []
    text = "Kontakt dla mediów:\nAnna Nowak\nul. Długa 5, 30-001 Kraków\ntel. 600 100 200"
    assert person(extract(text, **ONLY_CONTACTS), "Anna Nowak")["role"] is None


@pytest.mark.parametrize(("language", "text", "names"), [
    ("pl", "Prezydent miasta Jan Kowalski podkreślił, że hala będzie gotowa latem.", ["Jan Kowalski"]),
    ("cs", "Starosta Pavel Malý uvedl, že stavba začne v létě.", ["Pavel Malý"]),
    ("sk", "Primátor Ján Novák povedal, že most otvoria v máji.", ["Ján Novák"]),
    ("de", "Oberbürgermeisterin Eva Schmidt betonte: „Wir bauen weiter.“", ["Eva Schmidt"]),
    ("de", "„Wir freuen uns“, sagt Bürgermeister Max Mustermann.", ["Max Mustermann"]),
    ("en", "Director Tom Brown said that the depot opens in May.", ["Tom Brown"]),
    # the speaker is looked for in the verb's own sentence only
    ("en", '"Good news," said the team. Director Tom Brown arrived later.', []),
    # a verb inside the quotation ("Cieszymy się") is not its attribution
    ("pl", "– Cieszymy się – mówi Anna Nowak, prezes spółki.", ["Anna Nowak"]),
])
def test_reported_speech_and_function_words_before_names(extract, language, text, names):
    facts = extract(text, language, **ONLY_CONTACTS)
    assert values(facts, "person") == names
    for name in names:
        assert "się" not in (person(facts, name)["role"] or "")


@pytest.mark.parametrize(("language", "text", "names"), [
    ("de", "Fragen an Peter Muster, peter.muster@kreis-xyz.de, 06571 14-2264 oder Sarah Haus-Keller, "
           "sarah.haus@kreis-xyz.de.", ["Peter Muster", "Sarah Haus-Keller"]),
    ("en", "For more information contact: Craig Stone at 618-234-2120, ext. 1357", ["Craig Stone"]),
    ("pl", "Informacji udziela Jan Nowak, tel. 600 100 200.", ["Jan Nowak"]),
    # an organisation before a number, a programme before its years: no people
    ("pl", "Biuro: Pomorski Park Naukowo-Technologiczny Gdynia, tel. 58 735 11 00.", []),
    ("es", "Fondos del Programa FEDER Comunitat Valenciana 2021-2027 y del Ayuntamiento.", []),
])
def test_a_name_followed_by_an_email_or_a_phone_is_a_contact(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "names"), [
    ("pl", "Prezes Marek Nowak przedstawił plany na przyszły rok.", ["Marek Nowak"]),
    ("de", "„Das hilft uns“, betont Landrat Gregor Huber.", ["Gregor Huber"]),
    ("cs", "Text zprávy.\n\nAutor: Jakub Dvořák, tiskový mluvčí univerzity", ["Jakub Dvořák"]),
    ("pl", "Szanowni Państwo,\n\ntreść listu.\n\nREKTOR\n\nprof. dr hab. Jan Nowak", ["Jan Nowak"]),
    # welcoming a guest is no statement of the guest
    ("en", "Professor Brian Smith, President of X, welcomed Professor Jan Kowalski to X today.", []),
])
def test_speakers_by_function_label_and_letter_signature(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "written", "e164"), [
    ("de", "Tel. 07621/410-1213, -2183 oder -5030", ["+4976214101213", "+4976214102183", "+4976214105030"]),
    # an American number in an English release whose numbers are otherwise British
    ("en", "Call (202) 478-4665 or 020 7946 0018", ["+12024784665", "+442079460018"]),
])
def test_number_endings_and_american_numbers(extract, language, written, e164):
    assert values(extract(f"Contact: {written}.", language, **ONLY_CONTACTS), "phone") == e164


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "Sanja Smithson, a surgeon at the hospital, treated the boy.\n\n"
           'Ms Smithson, known to parents as Miss S, said: "We are concerned."', "Sanja Smithson"),
    ("pl", "Uczelnia gościła prof. dra hab. Tomasza Łodygowskiego. Prof. Łodygowski podkreślił, że umowa jest ważna.",
     "Tomasz Łodygowski"),
])
def test_a_titled_surname_is_the_full_name_given_earlier(extract, language, text, name):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == [name]


@pytest.mark.parametrize(("language", "text", "names"), [
    # the initial of a quote is the full name the release gives before
    ("sk", "Riaditeľka Zuzana Kmeťová upozornila, že cesty zatvoria. „Snažíme sa,“ povedala Z. Kmeťová.",
     ["Zuzana Kmeťová"]),
    # a function glued to a name or compounded is no part of it
    ("de", "„Das hilft“, sagt LENA-Geschäftsführer Torsten Berndt.", ["Torsten Berndt"]),
    ("de", "Energieministerin Dr. Karin Weidlich: „Die Wärmeplanung ist gut.“", ["Karin Weidlich"]),
    ("de", "Sabine Lorenz, Verbandsvorsteherin des AWV: „Wir freuen uns.“", ["Sabine Lorenz"]),
    ("de", "Kontakt für Medien\n\nDr. Felix Brandauer Pressesprecher Technische Universität Ostwalde "
           "Tel. +49 3731 39-2415", ["Felix Brandauer"]),
    ("en", 'Key Dates, Venue and Times: "Come along"', []),
])
def test_initials_compound_functions_and_name_role_colon_lines(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "name"), [
    ("de", "Sprecherin ist Prof. Dr. Miriam Hollstein vom Institut. „Heute landet ein Rotor“, sagt Hollstein.",
     "Miriam Hollstein"),
    ("cs", "Ředitel VÚRV Ing. Ondřej Vlček připomněl, že sucho stálo miliardy.", "Ondřej Vlček"),
])
def test_a_bare_surname_after_the_verb_and_an_acronym_before_the_speaker(extract, language, text, name):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == [name]


@pytest.mark.parametrize(("language", "text", "names"), [
    ("pl", "Treść komunikatu.\n\nFoto: Anna Kowalska\nTekst: Jan Nowak", []),
    ("pl", "Fundusz sołecki\nDodane przez:\nSzymon Malinowski\n\nWiele napraw dróg realizujemy corocznie.", []),
    ("en", "Ministry of Foreign Affairs\nPress Office\nPhoto: Jane Roe / MFA", []),
    # a function makes the author a contact
    ("cs", "Text zprávy.\n\nAutor: Jan Novák, tiskový mluvčí univerzity", ["Jan Novák"]),
])
def test_photo_text_and_upload_credits_are_not_contacts(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "names"), [
    ("de", "Die Oberbürgermeister Klaus Weber und Jana Krüger unterzeichneten den Vertrag. Auch OB Weber "
           "freut sich: „Wir arbeiten auf vielen Ebenen zusammen und profitieren gegenseitig davon.“", ["Klaus Weber"]),
    ("sk", "Na jeho slová nadviazal rektor TU Peter Kováč: „Podpísanie memoranda je prirodzeným vyústením "
           "našej spolupráce s mestom.“", ["Peter Kováč"]),
    ("en", "Professor Jane Hill, Vice-Chancellor of the University of Xyz, welcomed the funding:\n\n"
           "\"We are delighted that our research has been recognised in this way.\"", ["Jane Hill"]),
    # a slogan in quotes is no statement
    ("pl", "Kampania Jana Nowaka ma hasło: „Bezpieczne wakacje nad wodą”.", []),
])
def test_a_clause_naming_one_person_before_a_colon_and_a_quote(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("text", "names"), [
    ("Rozmawiając o innowacjach Karolina Wiśniewska, zastępca dyrektora generalnego Izby opowiedziała o kongresie.",
     ["Karolina Wiśniewska"]),
    ("Podczas spotkania rektor uczelni prof. dr hab. Adam Zieliński zaprezentował uczestnikom ideę szpitala.",
     ["Adam Zieliński"]),
    ("Po wystąpieniach prezesów Leszka Kowalskiego i Witolda Nowickiego, którzy przedstawili potrzebę "
     "współpracy, podpisano list.", ["Leszek Kowalski", "Witold Nowicki"]),
    # a name in the dative before the verb is not its subject
    ("Nagrodę Adamowi Zielińskiemu przedstawiła komisja.", []),
    # nor is a name in the sentence before a gerund read after a comma
    ("W spotkaniu uczestniczyła posłanka Pani Anna Wrona, a także przedstawiciele lokalnych władz oraz mediów. "
     "Celem spotkania, było omówienie problemów.", []),
])
def test_polish_paraphrased_speakers_before_the_verb(extract, text, names):
    assert values(extract(text, **ONLY_CONTACTS), "person") == names


def test_media_invitation_guest_lines(extract):
    text = ("POZVÁNKA NA TISKOVOU KONFERENCI\n\nHOSTÉ: genmjr. Petr Dvořák – první náměstek policejního prezidenta\n"
            "Karel Svoboda – Fotbalová asociace – předseda\n")
    facts = extract(text, "cs", **ONLY_CONTACTS)
    assert values(facts, "person") == ["Petr Dvořák", "Karel Svoboda"]
    assert person(facts, "Karel Svoboda")["role"] == "předseda"


@pytest.mark.parametrize(("language", "text", "names"), [
    ("cs", "Podle ředitelky nemocnice Ing. Jany Novákové je nábor personálu nejtěžší částí projektu.",
     ["Jana Nováková"]),
    ("sk", "Podľa Jozefa Hrušku samospráva ocení vklad odborníkov.", ["Jozef Hruška"]),
    # the initial of a later quote is the same person, named once in the nominative
    ("sk", "Podľa vodohospodára Michala Kováča pomôžu stromy. „Korene spevnia breh a zachytia sedimenty,“ "
           "povedal M. Kováč.", ["Michal Kováč"]),
])
def test_czech_and_slovak_names_after_podle_are_put_in_the_nominative(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "names"), [
    ("de", "Landrat Erich Brandl eröffnete die Sitzung. Seit 1991 fanden laut Brandl 35 Begegnungen statt.",
     ["Erich Brandl"]),
    ("de", "„Der Austausch bringt beide Landkreise weiter“, bestätigt Landrat Uwe Schmitt.", ["Uwe Schmitt"]),
    ("en", "Mayor Ross Fowler OAM said the Council will benefit. \"This is vital,\" says Cr Fowler.",
     ["Ross Fowler"]),
    ("en", "President Axel Meisen was in Cork to meet partners. \"We welcome it,\" said Dr. Meisen.",
     ["Axel Meisen"]),
    ("cs", "Rektor Moravské univerzity Pavel Dvořák dodal, že spolupráce bude pokračovat.", ["Pavel Dvořák"]),
])
def test_surnames_after_titles_honours_and_organisations_before_names(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


def test_role_and_organisation_lines_of_a_contact_block_are_not_people(extract):
    text = ("Treatment news.\n\nFor More Information:\nJane Roe\nVice President, Legal Affairs\n(201) 555-0140\n"
            "John Poe\nStern Investor Relations, Inc.\n(212) 555-0100\n")
    assert values(extract(text, "en", **ONLY_CONTACTS), "person") == ["Jane Roe", "John Poe"]


@pytest.mark.parametrize(("language", "text", "names"), [
    ("pl", "Spotkanie z Minister Rozwoju Ewą Malinowską odbyło się w Warszawie. Minister szczególnie zwróciła "
           "uwagę na potrzeby pracodawców.", ["Ewa Malinowska"]),
    # of two rectors, the one whose university the sentence names
    ("en", "Rector of Xyz University of Technology, Prof. Adam Nowicki, and rector of the Abc University, "
           "Prof. Ewa Lis, have signed an agreement.\n\nThe Rector of Xyz University of Technology emphasizes\n\n"
           "- We are very pleased with this agreement.", ["Adam Nowicki"]),
    # two people with the function and nothing to tell them apart: nobody
    ("pl", "Prezes Jan Nowak i prezes Adam Lis podpisali umowę. Prezes podkreślił znaczenie umowy.", []),
])
def test_a_function_as_the_speaker_is_the_person_named_with_it(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "names"), [
    ("sk", "Generálny riaditeľ agentúry SARIO Peter Hruška predstavil počas besedy novú webovú stránku.",
     ["Peter Hruška"]),
    ("de", "Text.\n\nPressekontakt: Pressestelle LANDKREIS XYZ, Harald Kühne", ["Harald Kühne"]),
    # a place before a listed given name is no part of the name; a given name as a surname stays
    ("sk", "„Význam tohto aktu je veľký,“ odpovedal na otázku novinárov predseda VÚC Prešov Zdenko Hruška.",
     ["Zdenko Hruška"]),
    ("en", "\"We are ready,\" said Keir Martin.", ["Keir Martin"]),
])
def test_speakers_after_a_long_function_and_contacts_after_their_office(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "names"), [
    # a function and an organisation's word before the name
    ("pl", "Burmistrz Miasta Jan Nowak podkreślił, że inwestycja jest kluczowa.", ["Jan Nowak"]),
    ("pl", "Wójt Gminy Anna Lis podkreśliła, że inwestycja jest kluczowa.", ["Anna Lis"]),
    # a function after the verb stands for the person named with it
    ("pl", "Umowę podpisali burmistrz Jan Nowak i prezes Anna Lis. „To ważny dzień dla miasta” – powiedział "
           "burmistrz.", ["Jan Nowak"]),
    ("en", "The agreement was signed by Mayor John Smith and Professor Mary Jones. \"This is a great day,\" said "
           "the mayor.", ["John Smith"]),
    ("pl", "„To ważny dzień dla miasta” – powiedział burmistrz.", []),
    # people a media invitation offers for interviews, joined by "oraz z"
    ("pl", "Dziennikarze będą mogli porozmawiać z dyrektor Ewą Mrozek oraz z prezesem Janem Wiśniewskim.",
     ["Ewa Mrozek", "Jan Wiśniewski"]),
    ("pl", "Według Jana Nowaka i danych GUS inwestycja się opłaca.", ["Jan Nowak"]),
    ("pl", "Będzie możliwość rozmowy z zastępcą Prezydenta Miasta Kamilem Nowakiem oraz z koordynatorką budżetu "
           "w Urzędzie Miasta Xyz Danutą Lis.", ["Kamil Nowak", "Danuta Lis"]),
    # of two capitalised runs before a colon and a quote, the one opening with a given name
    ("sk", "Za viedenskú stranu program predstavil Stefan Huber z Wirtschaftsagentur Wien: „Viedenské firmy "
           "hľadajú vývojárov a partnerov.“", ["Stefan Huber"]),
])
def test_functions_for_names_and_names_joined_after_an_attributing_phrase(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("text", "names"), [
    # a contact heading said more fully
    ("Treść.\n\nKontakt dla inwestorów i mediów:\nMichał Lis\nRelacje Inwestorskie\ne-mail: ir@example.pl",
     ["Michał Lis"]),
    # a contact block read as one line (Markdown joins its lines)
    ("Treść.\n\nKontakt dla mediów: Biuro Prasowe Urzędu Marszałkowskiego Magdalena Wrona tel. 68 456 53 81",
     ["Magdalena Wrona"]),
    # a name line over contact details, with no heading
    ("Treść.\n\nBiuro Prasowe Urzędu Miasta Xyz\nPiotr Kos\ntel. 91 424 51 77\ne-mail: p.kos@example.pl",
     ["Piotr Kos"]),
])
def test_polish_contact_blocks_without_the_usual_heading(extract, text, names):
    assert values(extract(text, **ONLY_CONTACTS), "person") == names


def test_german_articles_join_no_name_and_a_surname_alone_takes_no_neighbour(extract):
    """'so X vor der Unterzeichnung der Vereinbarung': an article is a particle only after another
    ('von der'); a surname spelt out from an earlier mention does not bring the name joined to it there."""
    text = ("Stadt und Hochschule unterzeichnen Vereinbarung\n\nDas Stadtoberhaupt Klaus Berger und der Rektor "
            "der Hochschule, Professor Dr. Jens Holm, unterzeichneten die Vereinbarung.\n\n„Die Vereinbarung "
            "festigt gute Beziehungen“, so Berger vor der Unterzeichnung der Vereinbarung. Geplant ist eine "
            "Hospitation der Auszubildenden, so ist es vereinbart.")
    people = [c["value"] for c in extract(text, "de")["contacts"] if c["kind"] == "person"]
    assert people == ["Klaus Berger"]


def test_a_speaker_after_an_american_style_quote_with_its_comma_inside(extract):
    text = ("University and city sign MOU\n\nThe University of Leeds will sign a memorandum with Leeds City Council."
            "\n\n“We need a great city for a great university,” President Mark Holloway told the committee on "
            "Monday night.")
    people = [c["value"] for c in extract(text, "en")["contacts"] if c["kind"] == "person"]
    assert people == ["Mark Holloway"]


@pytest.mark.parametrize(("language", "text", "names"), [
    # a long run of degrees between the verb and the name counts no more than none
    ("pl", "Umowa podpisana\n\nDokument podpisali przedstawiciele obu stron. – To ważne dla regionu – stwierdził "
           "prof. dr. hab. inż. Tomasz Wilczek. Potem była kawa.", ["Tomasz Wilczek"]),
    # speakers joined by "oraz"/"und", a function or a plural function before them
    ("pl", "Umowa podpisana\n\nRektor UJ prof. Tomasz Wilczek oraz Burmistrz Anna Kowalska podkreślali korzyści "
           "płynące ze współpracy.", ["Tomasz Wilczek", "Anna Kowalska"]),
    ("de", "Jubiläum gefeiert\n\nDie Landräte Robert Marek und Matthias Jendrik gratulierten zum Jubiläum.",
     ["Robert Marek", "Matthias Jendrik"]),
    # the speaker after the verb and a function, closing the sentence; not a dative object
    ("sk", "Mesto podpísalo zmluvu\n\nMesto podpísalo zmluvu s univerzitou. Agentúru o tom informovala "
           "hovorkyňa mesta Žilina Katarína Veselá.", ["Katarína Veselá"]),
    ("pl", "Umowa podpisana\n\nBurmistrz podziękował za współpracę prezesowi Janowi Nowakowi. O podpisaniu "
           "poinformowała rzeczniczka urzędu Anna Kowalska.", ["Anna Kowalska"]),
    # a surname before the particle of a separable verb, spelt out from the full name before
    ("de", "Kooperation verlängert\n\nDer Präsident der Hochschule Adorf, Prof. Dr. Karl Brandt, unterzeichnete "
           "gestern einen Vertrag. „Die Zusammenarbeit hat sich sehr bewährt“, fügt Prof. Brandt hinzu.",
     ["Karl Brandt"]),
    # a verb of saying only with its particle: "stellt … fest", never "stellt … bereit"
    ("de", "Kooperation verlängert\n\nDer Präsident der Hochschule Adorf, Prof. Dr. Karl Brandt, unterzeichnete "
           "gestern einen Vertrag. „Die Zusammenarbeit hat sich sehr bewährt“, stellt Prof. Brandt fest.",
     ["Karl Brandt"]),
    ("de", "Wärmeplanung\n\nDie Agentur berät die Kommunen, stellt Muster bereit und bietet eine Reihe von "
           "Online-Seminaren an.", []),
])
def test_speakers_after_long_titles_joined_or_closing_their_sentence(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


def test_a_surname_spelt_out_from_another_sentence_takes_no_role_from_there(extract):
    text = ("Kooperation verlängert\n\nDer Präsident der Hochschule Adorf, Prof. Dr. Karl Brandt, und die Rektorin "
            "der Akademie Bdorf unterzeichneten gestern einen Vertrag. „Die Zusammenarbeit hat sich sehr "
            "bewährt“, sagt Brandt.")
    assert person(extract(text, "de", **ONLY_CONTACTS), "Karl Brandt")["role"] is None


@pytest.mark.parametrize(("language", "text", "names"), [
    # a name and a function with no comma under the place and date of a letter
    ("cs", "Město uzavřelo smlouvu\n\nZastupitelstvo schválilo smlouvu o partnerství s polským městem.\n\n"
           "V Lipové dne 3. 5. 2010\nIng. Karel Dvořák starosta", ["Karel Dvořák"]),
    # a name alone on the release's last line is its author's byline, no contact
    ("pl", "Umowa podpisana\n\nGmina podpisała porozumienie z powiatem.\n\nJoanna Lis", []),
    # a contact "of" an agency whose name the organisation finder ran into the person's
    ("en", "Company announces results\n\nThe company grew this year.\n\nContacts:\nInvestors:\nJane Rowe of "
           "Acme Therapeutics\n415-482-5585\nMedia:\nDan Budd of Bright Communications, Inc.\n(973) 271-6085",
     ["Jane Rowe", "Dan Budd"]),
])
def test_signatures_without_a_comma_or_a_function_line(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


@pytest.mark.parametrize(("language", "text", "phones"), [
    # an Irish release told by its own domain: national numbers are Irish, a freephone one included
    ("en", "Charity opens clubs\n\nSign up at www.seashore-youth.ie/clubs or call the freephone number "
           "1800 250 117.\n\nMedia contact: Aoife Byrne\nTel: (021) 481 2207", ["+3531800250117", "+353214812207"]),
    # a partner's foreign domain does not move a British release
    ("en", "Charity opens clubs\n\nCall 020 7946 0958. Our partner: www.example.de/info.", ["+442079460958"]),
    # an Austrian release by its e-mail domain
    ("de", "Stadt eröffnet Büro\n\nAnfragen an presse@stadt-xyz.at oder 0662 8072 2345.", ["+4366280722345"]),
    # the number word of a phone label is no reference number
    ("pl", "Zapisy pod numerem tel. nr 601 234 567. Umowa nr 12345678 z dnia 3 maja.", ["+48601234567"]),
])
def test_phone_region_from_the_release_domain_and_labelled_numbers(extract, language, text, phones):
    assert values(extract(text, language, **ONLY_CONTACTS), "phone") == phones


@pytest.mark.parametrize(("language", "text", "names"), [
    ("pl", "Umowa podpisana\n\nUmowę podpisali burmistrz Jan Nowak i prezes spółki Anna Lis. Zdaniem burmistrza "
           "inwestycja przyniesie miastu wiele korzyści.", ["Jan Nowak"]),
    ("en", "Agreement signed\n\nThe agreement was signed by Mayor John Smith and Professor Mary Jones. According to "
           "the mayor, the deal will bring 200 jobs.", ["John Smith"]),
    ("de", "Vertrag\n\nDen Vertrag unterzeichneten Bürgermeister Jan Müller und der Präsident der Hochschule Adorf, "
           "Prof. Dr. Karl Weber. Nach Aussage des Präsidenten der Hochschule ist die Kooperation ein Gewinn.",
     ["Karl Weber"]),
    # a function the release names nobody with
    ("pl", "Umowa podpisana\n\nWedług ministra finansów inwestycja przyniesie miastu wiele korzyści.", []),
])
def test_a_function_after_an_attributing_phrase_stands_for_the_person_named_with_it(extract, language, text, names):
    assert values(extract(text, language, **ONLY_CONTACTS), "person") == names


def test_bare_web_addresses_of_english_speaking_countries_beyond_europe(extract):
    facts = extract("Details at xyz.edu.au/news, at council.nsw.gov.au and at abc.ac.nz/about.", "en", **ONLY_CONTACTS)
    assert values(facts, "url") == ["xyz.edu.au/news", "council.nsw.gov.au", "abc.ac.nz/about"]


def test_a_function_line_over_a_titled_name_is_its_role(extract):
    """The titles before a name do not carry the search for it from the function line to the next."""
    text = "Szanowni Państwo\n\nZachęcam Państwa do śledzenia strony KRMP.\n\nREKTOR\n\nprof. dr hab. Jan Wiśniewski"
    assert person(extract(text, **ONLY_CONTACTS), "Jan Wiśniewski")["role"] == "REKTOR"
