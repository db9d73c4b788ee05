"""Generate a synthetic press-release corpus with gold annotations, for scale and speed.

    python scripts/make_corpus.py OUT_DIR -n 1000 --seed 7 [--languages pl,en,de] [--formats txt,md,html]

Writes OUT_DIR/<lang>/<bucket>/<index>-<slug>.<ext> (1,000 files a bucket), OUT_DIR/gold.jsonl
(SPEC.md section 2, sorted by id, with "split") and OUT_DIR/.pressnlpignore. The same seed
gives the same bytes: every release draws from its own random.Random("<seed>:<index>"), so
release i does not depend on N. Only the standard library is used, so it runs anywhere.

The releases are built from templates and word lists written for this script (the data
section below): Polish organisation names in all six cases, acronyms introduced in brackets
and used alone later, Polish/English/German date forms, phone numbers in national and
international notation, e-mails and URLs with and without a scheme. HTML pages carry
boilerplate (menu, breadcrumbs, cookie banner, a sidebar of other news with dates, a footer
with the site's own phone and e-mail) that is deliberately not gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import logging
import random
import re
import string
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger("make_corpus")

FILES_PER_BUCKET = 1000
LANGUAGE_WEIGHTS = {"pl": 6, "en": 3, "de": 2}
FORMAT_WEIGHTS = {"txt": 6, "md": 2, "html": 2}
FIRST_RELEASE_DAY = dt.date(2022, 1, 3)
RELEASE_DAY_SPAN = 4 * 365
DEV_SHARE = 0.6

# ---------------------------------------------------------------------------
# Data: themes and projects (one concept, worded in each language)
# ---------------------------------------------------------------------------

# Polish head nouns of project phrases: nom, gen, acc, ins, loc. The rest of the phrase
# is a genitive complement that never changes, so six forms of the phrase follow.
PL_HEADS = {
    "budowa": ("budowa", "budowy", "budowę", "budową", "budowie"),
    "przebudowa": ("przebudowa", "przebudowy", "przebudowę", "przebudową", "przebudowie"),
    "modernizacja": ("modernizacja", "modernizacji", "modernizację", "modernizacją", "modernizacji"),
    "termomodernizacja": (
        "termomodernizacja",
        "termomodernizacji",
        "termomodernizację",
        "termomodernizacją",
        "termomodernizacji",
    ),
    "rewitalizacja": ("rewitalizacja", "rewitalizacji", "rewitalizację", "rewitalizacją", "rewitalizacji"),
    "organizacja": ("organizacja", "organizacji", "organizację", "organizacją", "organizacji"),
    "uruchomienie": ("uruchomienie", "uruchomienia", "uruchomienie", "uruchomieniem", "uruchomieniu"),
    "wdrożenie": ("wdrożenie", "wdrożenia", "wdrożenie", "wdrożeniem", "wdrożeniu"),
    "utworzenie": ("utworzenie", "utworzenia", "utworzenie", "utworzeniem", "utworzeniu"),
    "przygotowanie": ("przygotowanie", "przygotowania", "przygotowanie", "przygotowaniem", "przygotowaniu"),
    "zakup": ("zakup", "zakupu", "zakup", "zakupem", "zakupie"),
}
PL_HEAD_CASES = ("nom", "gen", "acc", "ins", "loc")


@dataclass(frozen=True)
class Project:
    """One announced undertaking: Polish head + complement, English and German phrases."""

    pl_head: str
    pl_rest: str
    en: str
    de: str
    extra_theme: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    projects: tuple[Project, ...]
    details: dict[str, tuple[str, ...]]


THEMES = (
    Theme(
        "energy",
        (
            Project(
                "modernizacja",
                "sieci ciepłowniczej",
                "modernisation of the district heating network",
                "Modernisierung des Fernwärmenetzes",
                "environment-climate",
            ),
            Project(
                "budowa",
                "farmy fotowoltaicznej na terenie dawnego składowiska",
                "construction of a solar farm on a former landfill site",
                "Errichtung eines Solarparks auf einer ehemaligen Deponie",
            ),
            Project(
                "termomodernizacja",
                "budynków szkół i przedszkoli",
                "energy retrofit of school and kindergarten buildings",
                "energetische Sanierung von Schul- und Kitagebäuden",
                "education-employment",
            ),
        ),
        {
            "pl": (
                "Dzięki inwestycji zużycie energii spadnie o {pct} proc., a emisja dwutlenku węgla zmniejszy się o "
                "{tons} ton rocznie.",
                "Na dachach pojawią się panele fotowoltaiczne o łącznej mocy {mw} MW, a nadwyżki energii trafią do "
                "magazynu przy ciepłowni.",
            ),
            "en": (
                "The investment will cut energy use by {pct}% and carbon dioxide emissions by {tons} tonnes a year.",
                "Solar panels with a combined capacity of {mw} MW will be installed on the roofs, and surplus power "
                "will be stored in a battery next to the heating plant.",
            ),
            "de": (
                "Durch die Investition sinkt der Energieverbrauch um {pct} Prozent, der CO2-Ausstoß um {tons} Tonnen "
                "pro Jahr.",
                "Auf den Dächern entstehen Photovoltaikanlagen mit zusammen {mw} Megawatt Leistung; überschüssiger "
                "Strom wird in einem Speicher am Heizkraftwerk gepuffert.",
            ),
        },
    ),
    Theme(
        "mobility",
        (
            Project(
                "zakup",
                "autobusów elektrycznych dla komunikacji miejskiej",
                "purchase of electric buses for public transport",
                "Beschaffung von Elektrobussen für den Nahverkehr",
                "environment-climate",
            ),
            Project(
                "budowa",
                "centrum przesiadkowego przy dworcu kolejowym",
                "construction of a transport interchange at the railway station",
                "Errichtung eines Mobilitätsknotens am Bahnhof",
                "urban-planning-housing",
            ),
        ),
        {
            "pl": (
                "Nowe pojazdy zastąpią {n} najstarszych autobusów, a na pętlach staną ładowarki pantografowe.",
                "Pasażerowie zyskają {n} miejsc w systemie Parkuj i Jedź oraz zadaszone stojaki dla {n2} rowerów.",
            ),
            "en": (
                "The new vehicles will replace the {n} oldest buses, and pantograph chargers will be installed at "
                "the terminus loops.",
                "Passengers will gain {n} park-and-ride spaces and covered stands for {n2} bicycles.",
            ),
            "de": (
                "Die neuen Fahrzeuge ersetzen die {n} ältesten Busse; an den Wendeschleifen werden "
                "Pantografen-Ladestationen gebaut.",
                "Fahrgäste erhalten {n} Park-and-Ride-Stellplätze und überdachte Abstellanlagen für {n2} Fahrräder.",
            ),
        },
    ),
    Theme(
        "education-employment",
        (
            Project(
                "utworzenie",
                "centrum kształcenia zawodowego",
                "creation of a vocational training centre",
                "Einrichtung eines Berufsbildungszentrums",
            ),
            Project(
                "organizacja",
                "bezpłatnych kursów zawodowych dla osób bezrobotnych",
                "organisation of free vocational courses for jobseekers",
                "Durchführung kostenloser Berufskurse für Arbeitsuchende",
                "health-social",
            ),
        ),
        {
            "pl": (
                "Kursy obejmą między innymi spawanie, programowanie obrabiarek, opiekę nad seniorami i księgowość; "
                "przewidziano {n} miejsc.",
                "Każdy uczestnik otrzyma stypendium szkoleniowe, a {pct} proc. absolwentów ma znaleźć pracę w ciągu "
                "pół roku.",
            ),
            "en": (
                "The courses will cover welding, machine tool programming, care for older people and bookkeeping, "
                "with {n} places available.",
                "Every participant will receive a training allowance, and {pct}% of graduates are expected to find "
                "work within six months.",
            ),
            "de": (
                "Die Kurse umfassen unter anderem Schweißen, CNC-Programmierung, Altenpflege und Buchhaltung; es "
                "gibt {n} Plätze.",
                "Alle Teilnehmenden erhalten ein Weiterbildungsgeld, und {pct} Prozent der Absolventen sollen binnen "
                "sechs Monaten eine Stelle finden.",
            ),
        },
    ),
    Theme(
        "innovation-research",
        (
            Project(
                "budowa",
                "laboratorium badań nad wodorem",
                "construction of a hydrogen research laboratory",
                "Errichtung eines Wasserstoff-Forschungslabors",
                "energy",
            ),
            Project(
                "uruchomienie",
                "programu grantów dla start-upów technologicznych",
                "launch of a grant scheme for technology start-ups",
                "Einführung eines Förderprogramms für Technologie-Start-ups",
                "economy-investment",
            ),
        ),
        {
            "pl": (
                "W laboratorium pracować będzie {n} naukowców, a pierwsze wyniki badań zostaną udostępnione w "
                "otwartym dostępie.",
                "Zespoły mogą ubiegać się o granty do {grant_small}; wsparcie obejmie też mentoring i dostęp do "
                "aparatury.",
            ),
            "en": (
                "The laboratory will employ {n} researchers, and its first results will be published in open access.",
                "Teams can apply for grants of up to {grant_small}, with mentoring and access to equipment included.",
            ),
            "de": (
                "Im Labor werden {n} Forschende arbeiten; die ersten Ergebnisse werden frei zugänglich veröffentlicht.",
                "Teams können Zuschüsse von bis zu {grant_small} beantragen, dazu kommen Mentoring und Zugang zu "
                "Geräten.",
            ),
        },
    ),
    Theme(
        "environment-climate",
        (
            Project(
                "rewitalizacja",
                "doliny rzeki i terenów zalewowych",
                "restoration of the river valley and its floodplains",
                "Renaturierung des Flusstals und seiner Auen",
                "public-safety",
            ),
            Project(
                "budowa",
                "zbiorników retencyjnych na wodę deszczową",
                "construction of rainwater retention basins",
                "Errichtung von Regenwasserrückhaltebecken",
            ),
        ),
        {
            "pl": (
                "Zbiorniki pomieszczą łącznie {n} tys. metrów sześciennych wody, która posłuży do podlewania zieleni "
                "miejskiej.",
                "Na odzyskanych terenach posadzonych zostanie {n2} drzew i krzewów, a wzdłuż rzeki powstanie ścieżka "
                "przyrodnicza.",
            ),
            "en": (
                "The basins will hold {n},000 cubic metres of water in total, which will be used to water the city's "
                "green spaces.",
                "{n2} trees and shrubs will be planted on the recovered land, and a nature trail will be laid out "
                "along the river.",
            ),
            "de": (
                "Die Becken fassen zusammen {n}.000 Kubikmeter Wasser, mit dem städtische Grünflächen bewässert "
                "werden.",
                "Auf den zurückgewonnenen Flächen werden {n2} Bäume und Sträucher gepflanzt, entlang des Flusses "
                "entsteht ein Naturlehrpfad.",
            ),
        },
    ),
    Theme(
        "economy-investment",
        (
            Project(
                "przygotowanie",
                "terenów inwestycyjnych dla przemysłu",
                "preparation of investment land for industry",
                "Erschließung von Gewerbeflächen für die Industrie",
            ),
            Project(
                "uruchomienie",
                "funduszu pożyczkowego dla małych firm",
                "launch of a loan fund for small businesses",
                "Auflegung eines Darlehensfonds für kleine Unternehmen",
                "governance-finance",
            ),
        ),
        {
            "pl": (
                "Na uzbrojonych działkach o powierzchni {n} ha mogą powstać zakłady, które dadzą pracę nawet {n2} "
                "osobom.",
                "Pożyczki udzielane będą na preferencyjnych warunkach, z oprocentowaniem niższym o {pct} proc. od "
                "rynkowego.",
            ),
            "en": (
                "The serviced plots, covering {n} hectares, can host plants that would employ up to {n2} people.",
                "Loans will be granted on preferential terms, with interest {pct}% below the market rate.",
            ),
            "de": (
                "Auf den erschlossenen Flächen von {n} Hektar können Betriebe mit bis zu {n2} Arbeitsplätzen "
                "entstehen.",
                "Die Darlehen werden zu Vorzugsbedingungen vergeben, mit einem Zins {pct} Prozent unter dem "
                "Marktniveau.",
            ),
        },
    ),
    Theme(
        "international-cooperation",
        (
            Project(
                "wdrożenie",
                "wspólnego projektu z miastami partnerskimi z trzech krajów",
                "implementation of a joint project with partner cities from three countries",
                "Umsetzung eines gemeinsamen Projekts mit Partnerstädten aus drei Ländern",
            ),
            Project(
                "organizacja",
                "międzynarodowego forum samorządów Europy Środkowej",
                "organisation of an international forum of Central European local governments",
                "Ausrichtung eines internationalen Forums der Kommunen Mitteleuropas",
                "governance-finance",
            ),
        ),
        {
            "pl": (
                "W wymianie doświadczeń weźmie udział {n} ekspertów z Polski, Czech, Niemiec i Ukrainy.",
                "Partnerzy przygotują wspólny podręcznik dobrych praktyk, który zostanie przetłumaczony na {n_small} "
                "języków.",
            ),
            "en": (
                "{n} experts from Poland, Czechia, Germany and Ukraine will take part in the exchange of experience.",
                "The partners will prepare a joint handbook of good practice, to be translated into {n_small} "
                "languages.",
            ),
            "de": (
                "Am Erfahrungsaustausch nehmen {n} Fachleute aus Polen, Tschechien, Deutschland und der Ukraine teil.",
                "Die Partner erarbeiten ein gemeinsames Handbuch guter Praxis, das in {n_small} Sprachen übersetzt "
                "wird.",
            ),
        },
    ),
    Theme(
        "digital",
        (
            Project(
                "wdrożenie",
                "platformy e-usług dla mieszkańców",
                "roll-out of an e-services platform for residents",
                "Einführung einer E-Service-Plattform für Bürgerinnen und Bürger",
                "governance-finance",
            ),
            Project(
                "budowa",
                "miejskiej sieci czujników jakości powietrza i ruchu",
                "deployment of a city-wide sensor network for air quality and traffic",
                "Errichtung eines städtischen Sensornetzes für Luftqualität und Verkehr",
                "environment-climate",
            ),
        ),
        {
            "pl": (
                "Przez internet będzie można załatwić {n} spraw urzędowych, od zgłoszenia usterki po wniosek o kartę "
                "mieszkańca.",
                "Dane z {n} czujników będą publikowane co pięć minut w otwartym formacie na miejskim portalu danych.",
            ),
            "en": (
                "Residents will be able to handle {n} kinds of official business online, from reporting a fault to "
                "applying for a resident card.",
                "Data from {n} sensors will be published every five minutes in an open format on the city's data "
                "portal.",
            ),
            "de": (
                "Online lassen sich {n} Verwaltungsleistungen erledigen, von der Schadensmeldung bis zum Antrag auf "
                "einen Bürgerausweis.",
                "Die Daten von {n} Sensoren werden alle fünf Minuten in einem offenen Format im städtischen "
                "Datenportal veröffentlicht.",
            ),
        },
    ),
    Theme(
        "health-social",
        (
            Project(
                "utworzenie",
                "centrum opieki wytchnieniowej dla seniorów",
                "opening of a respite care centre for older people",
                "Einrichtung eines Zentrums für Kurzzeitpflege für Senioren",
            ),
            Project(
                "organizacja",
                "bezpłatnych badań profilaktycznych",
                "organisation of free preventive health check-ups",
                "Durchführung kostenloser Vorsorgeuntersuchungen",
            ),
        ),
        {
            "pl": (
                "Centrum zapewni opiekę dzienną dla {n} osób i pozwoli opiekunom rodzinnym na kilka dni odpoczynku w "
                "miesiącu.",
                "Z badań, w tym spirometrii i badań kardiologicznych, będzie mogło skorzystać {n2} mieszkańców.",
            ),
            "en": (
                "The centre will provide day care for {n} people and give family carers a few days of rest every "
                "month.",
                "{n2} residents will be able to use the check-ups, including spirometry and heart examinations.",
            ),
            "de": (
                "Das Zentrum bietet Tagespflege für {n} Menschen und verschafft pflegenden Angehörigen einige freie "
                "Tage im Monat.",
                "{n2} Einwohnerinnen und Einwohner können die Untersuchungen nutzen, darunter Lungenfunktions- und "
                "Herzuntersuchungen.",
            ),
        },
    ),
    Theme(
        "culture-tourism-sport",
        (
            Project(
                "przebudowa",
                "zabytkowego teatru miejskiego",
                "refurbishment of the historic municipal theatre",
                "Sanierung des historischen Stadttheaters",
                "urban-planning-housing",
            ),
            Project(
                "budowa",
                "szlaku rowerowego łączącego atrakcje turystyczne regionu",
                "construction of a cycle route linking the region's tourist sights",
                "Errichtung eines Radwegs zu den Sehenswürdigkeiten der Region",
                "mobility",
            ),
        ),
        {
            "pl": (
                "Widownia zyska {n} nowych miejsc, a w piwnicach powstanie scena kameralna i kawiarnia artystyczna.",
                "Szlak o długości {n} km poprowadzi przez zabytkowe kopalnie, parki i punkty widokowe.",
            ),
            "en": (
                "The auditorium will gain {n} new seats, and a studio stage and an arts café will open in the "
                "basement.",
                "The {n} km route will lead past historic mines, parks and viewpoints.",
            ),
            "de": (
                "Der Zuschauersaal erhält {n} neue Plätze, im Keller entstehen eine Studiobühne und ein Künstlercafé.",
                "Die {n} Kilometer lange Route führt an historischen Bergwerken, Parks und Aussichtspunkten vorbei.",
            ),
        },
    ),
    Theme(
        "urban-planning-housing",
        (
            Project(
                "rewitalizacja",
                "kwartału kamienic w śródmieściu",
                "regeneration of a block of tenement houses in the city centre",
                "Sanierung eines Altbauquartiers in der Innenstadt",
            ),
            Project(
                "budowa",
                "mieszkań na wynajem z umiarkowanym czynszem",
                "construction of affordable rental flats",
                "Errichtung von Mietwohnungen mit bezahlbaren Mieten",
                "health-social",
            ),
        ),
        {
            "pl": (
                "Powstanie {n} mieszkań, w tym lokale przystosowane dla osób z niepełnosprawnościami, oraz zielone "
                "podwórka.",
                "Czynsz nie przekroczy {pct} proc. stawek rynkowych, a pierwszeństwo najmu otrzymają młode rodziny.",
            ),
            "en": (
                "{n} flats will be built, including homes adapted for people with disabilities, along with green "
                "courtyards.",
                "Rents will not exceed {pct}% of market rates, and young families will have priority.",
            ),
            "de": (
                "Es entstehen {n} Wohnungen, darunter barrierefreie, sowie begrünte Innenhöfe.",
                "Die Miete liegt höchstens bei {pct} Prozent des Marktniveaus; junge Familien werden bevorzugt.",
            ),
        },
    ),
    Theme(
        "public-safety",
        (
            Project(
                "modernizacja",
                "systemu ostrzegania mieszkańców przed powodzią",
                "upgrade of the flood warning system for residents",
                "Modernisierung des Hochwasserwarnsystems für die Bevölkerung",
                "environment-climate",
            ),
            Project(
                "zakup",
                "wozów ratowniczo-gaśniczych dla ochotniczych straży pożarnych",
                "purchase of fire and rescue vehicles for volunteer fire brigades",
                "Beschaffung von Lösch- und Rettungsfahrzeugen für die Freiwilligen Feuerwehren",
            ),
        ),
        {
            "pl": (
                "W ramach projektu zamontowanych zostanie {n} syren elektronicznych i czujników poziomu wody.",
                "Nowe wozy trafią do {n} jednostek, które co roku wyjeżdżają do ponad {n2} zdarzeń.",
            ),
            "en": (
                "The project will install {n} electronic sirens and water level sensors.",
                "The new vehicles will go to {n} stations, which respond to more than {n2} incidents every year.",
            ),
            "de": (
                "Im Rahmen des Projekts werden {n} elektronische Sirenen und Pegelsensoren installiert.",
                "Die neuen Fahrzeuge gehen an {n} Wehren, die jährlich zu mehr als {n2} Einsätzen ausrücken.",
            ),
        },
    ),
    Theme(
        "governance-finance",
        (
            Project(
                "przygotowanie",
                "budżetu obywatelskiego na kolejny rok",
                "preparation of the participatory budget for next year",
                "Vorbereitung des Bürgerhaushalts für das kommende Jahr",
            ),
            Project(
                "wdrożenie",
                "nowego systemu rozliczania funduszy unijnych",
                "introduction of a new system for settling EU funds",
                "Einführung eines neuen Abrechnungssystems für EU-Fördermittel",
                "digital",
            ),
        ),
        {
            "pl": (
                "Mieszkańcy zgłosili {n} projektów, z których do głosowania trafi ponad połowa.",
                "Nowy system skróci czas rozliczania wniosków o płatność o {pct} proc. i ograniczy papierową "
                "korespondencję.",
            ),
            "en": (
                "Residents have submitted {n} proposals, more than half of which will go to the vote.",
                "The new system will shorten the processing of payment claims by {pct}% and reduce paper "
                "correspondence.",
            ),
            "de": (
                "Die Bürgerinnen und Bürger haben {n} Vorschläge eingereicht; mehr als die Hälfte kommt zur "
                "Abstimmung.",
                "Das neue System verkürzt die Bearbeitung von Auszahlungsanträgen um {pct} Prozent und spart "
                "Papierpost.",
            ),
        },
    ),
)

# ---------------------------------------------------------------------------
# Data: places, organisations, people
# ---------------------------------------------------------------------------


def polish_in(locative: str) -> str:
    """'w' + locative, 'we' before w/f + consonant ("we Wrocławiu", "we wtorek")."""
    vowels = "aąeęioóuy"
    if locative[:1].lower() in "wf" and locative[1:2].lower() not in vowels:
        return f"we {locative}"
    return f"w {locative}"


@dataclass(frozen=True)
class City:
    nom: str
    gen: str
    loc: str
    en: str
    area_code: str
    region: str = ""

    @property
    def at(self) -> str:
        return polish_in(self.loc)


# nom|gen|loc|English|phone area code|region
PL_CITIES = tuple(
    City(*row.split("|"))
    for row in (
        "Katowice|Katowic|Katowicach|Katowice|32|slaskie",
        "Gliwice|Gliwic|Gliwicach|Gliwice|32|slaskie",
        "Sosnowiec|Sosnowca|Sosnowcu|Sosnowiec|32|slaskie",
        "Bytom|Bytomia|Bytomiu|Bytom|32|slaskie",
        "Tychy|Tychów|Tychach|Tychy|32|slaskie",
        "Zabrze|Zabrza|Zabrzu|Zabrze|32|slaskie",
        "Rybnik|Rybnika|Rybniku|Rybnik|32|slaskie",
        "Bielsko-Biała|Bielska-Białej|Bielsku-Białej|Bielsko-Biała|33|slaskie",
        "Kraków|Krakowa|Krakowie|Kraków|12|",
        "Wrocław|Wrocławia|Wrocławiu|Wrocław|71|",
        "Poznań|Poznania|Poznaniu|Poznań|61|",
        "Gdańsk|Gdańska|Gdańsku|Gdańsk|58|",
        "Lublin|Lublina|Lublinie|Lublin|81|",
        "Rzeszów|Rzeszowa|Rzeszowie|Rzeszów|17|",
        "Łódź|Łodzi|Łodzi|Łódź|42|",
        "Opole|Opola|Opolu|Opole|77|",
    )
)

# English-language cities: name|country|area code (national, without 0)|subscriber digits
EN_CITIES = tuple(
    row.split("|")
    for row in (
        "Leeds|GB|113|7",
        "Manchester|GB|161|7",
        "Bristol|GB|117|7",
        "Glasgow|GB|141|7",
        "Sheffield|GB|114|7",
        "Cork|IE|21|7",
        "Galway|IE|91|6",
        "Limerick|IE|61|6",
        "Dublin|IE|1|7",
    )
)

DE_CITIES = tuple(
    row.split("|")
    for row in (
        "Leipzig|341",
        "Dresden|351",
        "Chemnitz|371",
        "Magdeburg|391",
        "Erfurt|361",
        "Rostock|381",
    )
)

ANY = "*"


@dataclass(frozen=True)
class Org:
    """An organisation: canonical name, its forms by grammatical case, acronym, English name."""

    name: str
    forms: dict[str, str]
    acronym: str | None
    name_en: str
    domain: str
    themes: frozenset[str]

    def fits(self, theme_id: str) -> bool:
        return ANY in self.themes or theme_id in self.themes


def themes_of(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


PL_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")

# Polish organisations tied to a city: six case forms of the head, "w/we <city locative>" follows.
# forms (nom|gen|dat|acc|ins|loc) ; acronym ; English pattern ; domain pattern ; themes
PL_CITY_ORGS = (
    (
        "Urząd Miejski|Urzędu Miejskiego|Urzędowi Miejskiemu|Urząd Miejski|Urzędem Miejskim|Urzędzie Miejskim",
        "",
        "{city} City Hall",
        "um.{slug}.pl",
        ANY,
    ),
    (
        "Miejskie Przedsiębiorstwo Komunikacyjne|Miejskiego Przedsiębiorstwa Komunikacyjnego|Miejskiemu "
        "Przedsiębiorstwu Komunikacyjnemu|"
        "Miejskie Przedsiębiorstwo Komunikacyjne|Miejskim Przedsiębiorstwem Komunikacyjnym|Miejskim "
        "Przedsiębiorstwie Komunikacyjnym",
        "MPK",
        "{city} Municipal Transport Company",
        "mpk.{slug}.pl",
        "mobility environment-climate digital",
    ),
    (
        "Miejski Ośrodek Pomocy Społecznej|Miejskiego Ośrodka Pomocy Społecznej|Miejskiemu Ośrodkowi Pomocy Społecznej|"
        "Miejski Ośrodek Pomocy Społecznej|Miejskim Ośrodkiem Pomocy Społecznej|Miejskim Ośrodku Pomocy Społecznej",
        "MOPS",
        "{city} Municipal Social Welfare Centre",
        "mops.{slug}.pl",
        "health-social education-employment",
    ),
    (
        "Zarząd Budynków Miejskich|Zarządu Budynków Miejskich|Zarządowi Budynków Miejskich|Zarząd Budynków Miejskich|"
        "Zarządem Budynków Miejskich|Zarządzie Budynków Miejskich",
        "ZBM",
        "{city} Municipal Buildings Authority",
        "zbm.{slug}.pl",
        "urban-planning-housing energy culture-tourism-sport",
    ),
    (
        "Miejskie Centrum Kultury|Miejskiego Centrum Kultury|Miejskiemu Centrum Kultury|Miejskie Centrum Kultury|"
        "Miejskim Centrum Kultury|Miejskim Centrum Kultury",
        "MCK",
        "{city} Municipal Culture Centre",
        "mck.{slug}.pl",
        "culture-tourism-sport international-cooperation",
    ),
    (
        "Powiatowy Urząd Pracy|Powiatowego Urzędu Pracy|Powiatowemu Urzędowi Pracy|Powiatowy Urząd Pracy|"
        "Powiatowym Urzędem Pracy|Powiatowym Urzędzie Pracy",
        "PUP",
        "{city} District Labour Office",
        "pup.{slug}.pl",
        "education-employment economy-investment",
    ),
    (
        "Komenda Miejska Państwowej Straży Pożarnej|Komendy Miejskiej Państwowej Straży Pożarnej|"
        "Komendzie Miejskiej Państwowej Straży Pożarnej|Komendę Miejską Państwowej Straży Pożarnej|"
        "Komendą Miejską Państwowej Straży Pożarnej|Komendzie Miejskiej Państwowej Straży Pożarnej",
        "KM PSP",
        "{city} Municipal Headquarters of the State Fire Service",
        "psp.{slug}.pl",
        "public-safety",
    ),
    (
        "Miejskie Przedsiębiorstwo Energetyki Cieplnej|Miejskiego Przedsiębiorstwa Energetyki Cieplnej|"
        "Miejskiemu Przedsiębiorstwu Energetyki Cieplnej|Miejskie Przedsiębiorstwo Energetyki Cieplnej|"
        "Miejskim Przedsiębiorstwem Energetyki Cieplnej|Miejskim Przedsiębiorstwie Energetyki Cieplnej",
        "MPEC",
        "{city} Municipal Heating Company",
        "mpec.{slug}.pl",
        "energy environment-climate",
    ),
)

# Polish organisations with a fixed name: forms ; acronym ; English ; domain ; themes ; region
PL_FIXED_ORGS = (
    (
        "Górnośląsko-Zagłębiowska Metropolia|Górnośląsko-Zagłębiowskiej Metropolii|Górnośląsko-Zagłębiowskiej "
        "Metropolii|"
        "Górnośląsko-Zagłębiowską Metropolię|Górnośląsko-Zagłębiowską Metropolią|Górnośląsko-Zagłębiowskiej Metropolii",
        "GZM",
        "Upper Silesian-Zagłębie Metropolis",
        "metropoliagzm.pl",
        ANY,
        "slaskie",
    ),
    (
        "Zarząd Transportu Metropolitalnego|Zarządu Transportu Metropolitalnego|Zarządowi Transportu Metropolitalnego|"
        "Zarząd Transportu Metropolitalnego|Zarządem Transportu Metropolitalnego|Zarządzie Transportu Metropolitalnego",
        "ZTM",
        "Metropolitan Transport Authority",
        "metropoliaztm.pl",
        "mobility digital environment-climate",
        "slaskie",
    ),
    (
        "Urząd Marszałkowski Województwa Śląskiego|Urzędu Marszałkowskiego Województwa Śląskiego|"
        "Urzędowi Marszałkowskiemu Województwa Śląskiego|Urząd Marszałkowski Województwa Śląskiego|"
        "Urzędem Marszałkowskim Województwa Śląskiego|Urzędzie Marszałkowskim Województwa Śląskiego",
        "UMWS",
        "Marshal's Office of the Silesian Voivodeship",
        "slaskie.pl",
        ANY,
        "slaskie",
    ),
    (
        "Politechnika Śląska|Politechniki Śląskiej|Politechnice Śląskiej|Politechnikę Śląską|Politechniką "
        "Śląską|Politechnice Śląskiej",
        "",
        "Silesian University of Technology",
        "polsl.pl",
        "innovation-research education-employment energy digital environment-climate",
        "slaskie",
    ),
    (
        "Uniwersytet Ekonomiczny w Katowicach|Uniwersytetu Ekonomicznego w Katowicach|Uniwersytetowi Ekonomicznemu w "
        "Katowicach|"
        "Uniwersytet Ekonomiczny w Katowicach|Uniwersytetem Ekonomicznym w Katowicach|Uniwersytecie Ekonomicznym w "
        "Katowicach",
        "UE",
        "University of Economics in Katowice",
        "ue.katowice.pl",
        "economy-investment education-employment governance-finance",
        "slaskie",
    ),
    (
        "Katowicka Specjalna Strefa Ekonomiczna|Katowickiej Specjalnej Strefy Ekonomicznej|Katowickiej Specjalnej "
        "Strefie Ekonomicznej|"
        "Katowicką Specjalną Strefę Ekonomiczną|Katowicką Specjalną Strefą Ekonomiczną|Katowickiej Specjalnej "
        "Strefie Ekonomicznej",
        "KSSE",
        "Katowice Special Economic Zone",
        "ksse.com.pl",
        "economy-investment innovation-research",
        "slaskie",
    ),
    (
        "Śląska Organizacja Turystyczna|Śląskiej Organizacji Turystycznej|Śląskiej Organizacji Turystycznej|"
        "Śląską Organizację Turystyczną|Śląską Organizacją Turystyczną|Śląskiej Organizacji Turystycznej",
        "ŚOT",
        "Silesian Tourist Organisation",
        "slaskie.travel",
        "culture-tourism-sport",
        "slaskie",
    ),
    (
        "Rządowe Centrum Bezpieczeństwa|Rządowego Centrum Bezpieczeństwa|Rządowemu Centrum Bezpieczeństwa|"
        "Rządowe Centrum Bezpieczeństwa|Rządowym Centrum Bezpieczeństwa|Rządowym Centrum Bezpieczeństwa",
        "RCB",
        "Government Centre for Security",
        "rcb.gov.pl",
        "public-safety digital",
        "",
    ),
    (
        "Fundacja Rozwoju Demokracji Lokalnej|Fundacji Rozwoju Demokracji Lokalnej|Fundacji Rozwoju Demokracji "
        "Lokalnej|"
        "Fundację Rozwoju Demokracji Lokalnej|Fundacją Rozwoju Demokracji Lokalnej|Fundacji Rozwoju Demokracji "
        "Lokalnej",
        "FRDL",
        "Foundation in Support of Local Democracy",
        "frdl.org.pl",
        "governance-finance international-cooperation education-employment",
        "",
    ),
    (
        "Związek Miast Polskich|Związku Miast Polskich|Związkowi Miast Polskich|Związek Miast Polskich|"
        "Związkiem Miast Polskich|Związku Miast Polskich",
        "ZMP",
        "Association of Polish Cities",
        "zmp.poznan.pl",
        "international-cooperation governance-finance",
        "",
    ),
)

# Polish funders: institutions (a fund that is a legal person counts; a programme does not).
PL_FUNDERS = (
    (
        "Narodowy Fundusz Ochrony Środowiska i Gospodarki Wodnej|Narodowego Funduszu Ochrony Środowiska i Gospodarki "
        "Wodnej|"
        "Narodowemu Funduszowi Ochrony Środowiska i Gospodarki Wodnej|Narodowy Fundusz Ochrony Środowiska i "
        "Gospodarki Wodnej|"
        "Narodowym Funduszem Ochrony Środowiska i Gospodarki Wodnej|Narodowym Funduszu Ochrony Środowiska i "
        "Gospodarki Wodnej",
        "NFOŚiGW",
        "National Fund for Environmental Protection and Water Management",
        "gov.pl/web/nfosigw",
        "energy environment-climate mobility public-safety",
        "",
    ),
    (
        "Narodowe Centrum Badań i Rozwoju|Narodowego Centrum Badań i Rozwoju|Narodowemu Centrum Badań i Rozwoju|"
        "Narodowe Centrum Badań i Rozwoju|Narodowym Centrum Badań i Rozwoju|Narodowym Centrum Badań i Rozwoju",
        "NCBR",
        "National Centre for Research and Development",
        "gov.pl/web/ncbr",
        "innovation-research digital energy",
        "",
    ),
    (
        "Bank Gospodarstwa Krajowego|Banku Gospodarstwa Krajowego|Bankowi Gospodarstwa Krajowego|Bank Gospodarstwa "
        "Krajowego|"
        "Bankiem Gospodarstwa Krajowego|Banku Gospodarstwa Krajowego",
        "BGK",
        "National Development Bank of Poland",
        "bgk.pl",
        ANY,
        "",
    ),
    (
        "Ministerstwo Funduszy i Polityki Regionalnej|Ministerstwa Funduszy i Polityki Regionalnej|"
        "Ministerstwu Funduszy i Polityki Regionalnej|Ministerstwo Funduszy i Polityki Regionalnej|"
        "Ministerstwem Funduszy i Polityki Regionalnej|Ministerstwie Funduszy i Polityki Regionalnej",
        "MFiPR",
        "Ministry of Development Funds and Regional Policy",
        "gov.pl/web/fundusze-regiony",
        ANY,
        "",
    ),
    (
        "Polska Agencja Rozwoju Przedsiębiorczości|Polskiej Agencji Rozwoju Przedsiębiorczości|Polskiej Agencji "
        "Rozwoju Przedsiębiorczości|"
        "Polską Agencję Rozwoju Przedsiębiorczości|Polską Agencją Rozwoju Przedsiębiorczości|Polskiej Agencji "
        "Rozwoju Przedsiębiorczości",
        "PARP",
        "Polish Agency for Enterprise Development",
        "parp.gov.pl",
        "economy-investment innovation-research education-employment digital",
        "",
    ),
    (
        "Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Katowicach|"
        "Wojewódzkiego Funduszu Ochrony Środowiska i Gospodarki Wodnej w Katowicach|"
        "Wojewódzkiemu Funduszowi Ochrony Środowiska i Gospodarki Wodnej w Katowicach|"
        "Wojewódzki Fundusz Ochrony Środowiska i Gospodarki Wodnej w Katowicach|"
        "Wojewódzkim Funduszem Ochrony Środowiska i Gospodarki Wodnej w Katowicach|"
        "Wojewódzkim Funduszu Ochrony Środowiska i Gospodarki Wodnej w Katowicach",
        "WFOŚiGW",
        "Regional Fund for Environmental Protection and Water Management in Katowice",
        "wfosigw.katowice.pl",
        "energy environment-climate public-safety",
        "slaskie",
    ),
    (
        "Urząd Marszałkowski Województwa Śląskiego|Urzędu Marszałkowskiego Województwa Śląskiego|"
        "Urzędowi Marszałkowskiemu Województwa Śląskiego|Urząd Marszałkowski Województwa Śląskiego|"
        "Urzędem Marszałkowskim Województwa Śląskiego|Urzędzie Marszałkowskim Województwa Śląskiego",
        "UMWS",
        "Marshal's Office of the Silesian Voivodeship",
        "slaskie.pl",
        ANY,
        "slaskie",
    ),
)

# English organisations: pattern (reference form, may start with "the") ; acronym ; domain ; themes
EN_CITY_ORGS = (
    ("{city} City Council", "", {"GB": "{slug}.gov.uk", "IE": "{slug}city.ie"}, ANY),
    (
        "the University of {city}",
        "",
        {"GB": "{slug}.ac.uk", "IE": "universityof{slug}.ie"},
        "innovation-research education-employment health-social digital energy environment-climate",
    ),
    (
        "{city} Chamber of Commerce",
        "",
        {"GB": "{slug}chamber.co.uk", "IE": "{slug}chamber.ie"},
        "economy-investment education-employment international-cooperation",
    ),
    ("{city} Energy Agency", "", {"GB": "{slug}energy.org.uk", "IE": "{slug}energy.ie"}, "energy environment-climate"),
    ("{city} Fire and Rescue Service", "", {"GB": "{slug}fire.gov.uk", "IE": "{slug}fire.ie"}, "public-safety"),
    ("{city} Arts and Heritage Trust", "", {"GB": "{slug}arts.org.uk", "IE": "{slug}arts.ie"}, "culture-tourism-sport"),
    (
        "{city} Active Travel Partnership",
        "",
        {"GB": "{slug}activetravel.org.uk", "IE": "{slug}activetravel.ie"},
        "mobility environment-climate urban-planning-housing",
    ),
    (
        "{city} Housing Association",
        "",
        {"GB": "{slug}housing.org.uk", "IE": "{slug}housing.ie"},
        "urban-planning-housing health-social energy",
    ),
    (
        "{city} Community Foundation",
        "",
        {"GB": "{slug}foundation.org.uk", "IE": "{slug}foundation.ie"},
        "governance-finance health-social international-cooperation culture-tourism-sport",
    ),
)
EN_FIXED_ORGS = (
    ("the European Commission", "", "ec.europa.eu", ANY, ""),
    ("the European Investment Bank", "EIB", "eib.org", ANY, ""),
    ("UK Research and Innovation", "UKRI", "ukri.org", "innovation-research digital energy health-social", "GB"),
    ("the Department for Transport", "DfT", "gov.uk/dft", "mobility environment-climate", "GB"),
    ("the Environment Agency", "", "gov.uk/environment-agency", "environment-climate public-safety", "GB"),
    ("the Sustainable Energy Authority of Ireland", "SEAI", "seai.ie", "energy environment-climate", "IE"),
    ("Enterprise Ireland", "", "enterprise-ireland.com", "economy-investment innovation-research digital", "IE"),
    ("the Health Service Executive", "HSE", "hse.ie", "health-social", "IE"),
    (
        "Eurocities",
        "",
        "eurocities.eu",
        "international-cooperation governance-finance digital urban-planning-housing",
        "",
    ),
)

# German organisations: nom|gen|dat|acc with article ; acronym ; English ; domain ; themes
DE_CITY_ORGS = (
    ("die Stadt {city}|der Stadt {city}|der Stadt {city}|die Stadt {city}", "", "City of {city}", "{slug}.de", ANY),
    (
        "die Stadtwerke {city} GmbH|der Stadtwerke {city} GmbH|der Stadtwerke {city} GmbH|die Stadtwerke {city} GmbH",
        "",
        "{city} Municipal Utilities",
        "stadtwerke-{slug}.de",
        "energy environment-climate mobility digital",
    ),
    (
        "die Hochschule {city}|der Hochschule {city}|der Hochschule {city}|die Hochschule {city}",
        "",
        "{city} University of Applied Sciences",
        "hs-{slug}.de",
        "innovation-research education-employment digital energy",
    ),
    (
        "die Industrie- und Handelskammer {city}|der Industrie- und Handelskammer {city}|"
        "der Industrie- und Handelskammer {city}|die Industrie- und Handelskammer {city}",
        "IHK",
        "{city} Chamber of Industry and Commerce",
        "ihk-{slug}.de",
        "economy-investment education-employment international-cooperation",
    ),
    (
        "die Volkshochschule {city}|der Volkshochschule {city}|der Volkshochschule {city}|die Volkshochschule {city}",
        "VHS",
        "{city} Adult Education Centre",
        "vhs-{slug}.de",
        "education-employment culture-tourism-sport health-social",
    ),
    (
        "die Feuerwehr {city}|der Feuerwehr {city}|der Feuerwehr {city}|die Feuerwehr {city}",
        "",
        "{city} Fire Brigade",
        "feuerwehr-{slug}.de",
        "public-safety",
    ),
    (
        "die Wohnungsbaugesellschaft {city} mbH|der Wohnungsbaugesellschaft {city} mbH|"
        "der Wohnungsbaugesellschaft {city} mbH|die Wohnungsbaugesellschaft {city} mbH",
        "",
        "{city} Housing Company",
        "wbg-{slug}.de",
        "urban-planning-housing health-social energy",
    ),
)
DE_FUNDERS = (
    (
        "das Bundesministerium für Wirtschaft und Klimaschutz|des Bundesministeriums für Wirtschaft und Klimaschutz|"
        "dem Bundesministerium für Wirtschaft und Klimaschutz|das Bundesministerium für Wirtschaft und Klimaschutz",
        "BMWK",
        "Federal Ministry for Economic Affairs and Climate Action",
        "bmwk.de",
        ANY,
    ),
    (
        "die Kreditanstalt für Wiederaufbau|der Kreditanstalt für Wiederaufbau|der Kreditanstalt für Wiederaufbau|"
        "die Kreditanstalt für Wiederaufbau",
        "KfW",
        "KfW Development Bank",
        "kfw.de",
        ANY,
    ),
    (
        "die Europäische Kommission|der Europäischen Kommission|der Europäischen Kommission|die Europäische Kommission",
        "",
        "European Commission",
        "ec.europa.eu",
        ANY,
    ),
    (
        "das Bundesamt für Wirtschaft und Ausfuhrkontrolle|des Bundesamtes für Wirtschaft und Ausfuhrkontrolle|"
        "dem Bundesamt für Wirtschaft und Ausfuhrkontrolle|das Bundesamt für Wirtschaft und Ausfuhrkontrolle",
        "BAFA",
        "Federal Office for Economic Affairs and Export Control",
        "bafa.de",
        "energy economy-investment",
    ),
    (
        "die Deutsche Bundesstiftung Umwelt|der Deutschen Bundesstiftung Umwelt|der Deutschen Bundesstiftung Umwelt|"
        "die Deutsche Bundesstiftung Umwelt",
        "DBU",
        "German Federal Environmental Foundation",
        "dbu.de",
        "environment-climate innovation-research energy",
    ),
    (
        "die Bundesagentur für Arbeit|der Bundesagentur für Arbeit|der Bundesagentur für Arbeit|die Bundesagentur "
        "für Arbeit",
        "BA",
        "Federal Employment Agency",
        "arbeitsagentur.de",
        "education-employment health-social",
    ),
)

# Polish people: (nom, gen) of first names by sex; surnames as nom_m|gen_m|nom_f|gen_f.
PL_FIRST = {
    "f": (
        ("Anna", "Anny"),
        ("Kamila", "Kamili"),
        ("Katarzyna", "Katarzyny"),
        ("Magdalena", "Magdaleny"),
        ("Agnieszka", "Agnieszki"),
        ("Joanna", "Joanny"),
        ("Monika", "Moniki"),
        ("Ewa", "Ewy"),
        ("Marta", "Marty"),
        ("Aleksandra", "Aleksandry"),
        ("Beata", "Beaty"),
        ("Zofia", "Zofii"),
    ),
    "m": (
        ("Piotr", "Piotra"),
        ("Tomasz", "Tomasza"),
        ("Paweł", "Pawła"),
        ("Marcin", "Marcina"),
        ("Krzysztof", "Krzysztofa"),
        ("Michał", "Michała"),
        ("Jakub", "Jakuba"),
        ("Andrzej", "Andrzeja"),
        ("Grzegorz", "Grzegorza"),
        ("Łukasz", "Łukasza"),
        ("Wojciech", "Wojciecha"),
        ("Adam", "Adama"),
    ),
}
PL_SURNAMES = tuple(
    row.split("|")
    for row in (
        "Kowalski|Kowalskiego|Kowalska|Kowalskiej",
        "Wiśniewski|Wiśniewskiego|Wiśniewska|Wiśniewskiej",
        "Lewandowski|Lewandowskiego|Lewandowska|Lewandowskiej",
        "Dąbrowski|Dąbrowskiego|Dąbrowska|Dąbrowskiej",
        "Pietrzycki|Pietrzyckiego|Pietrzycka|Pietrzyckiej",
        "Zieliński|Zielińskiego|Zielińska|Zielińskiej",
        "Nowak|Nowaka|Nowak|Nowak",
        "Wójcik|Wójcika|Wójcik|Wójcik",
        "Mazur|Mazura|Mazur|Mazur",
        "Krawczyk|Krawczyka|Krawczyk|Krawczyk",
        "Okoń|Okonia|Okoń|Okoń",
        "Kaczmarek|Kaczmarka|Kaczmarek|Kaczmarek",
        "Sikora|Sikory|Sikora|Sikory",
        "Bednarz|Bednarza|Bednarz|Bednarz",
        "Grabiec|Grabca|Grabiec|Grabiec",
        "Szczygieł|Szczygła|Szczygieł|Szczygieł",
    )
)
PL_TITLES = ("", "", "", "dr ", "dr inż. ", "prof. ")
# (male, female) role titles; the organisation follows in the genitive
PL_ROLES = (
    ("prezes zarządu", "prezes zarządu"),
    ("dyrektor", "dyrektorka"),
    ("wiceprezes", "wiceprezeska"),
    ("kierownik projektu w imieniu", "kierowniczka projektu w imieniu"),
    ("pełnomocnik zarządu", "pełnomocniczka zarządu"),
    ("członek zarządu", "członkini zarządu"),
)
PL_PRESS_ROLES = ("rzecznik prasowy", "rzeczniczka prasowa")

EN_FIRST = (
    "Emma",
    "Oliver",
    "Sarah",
    "James",
    "Aoife",
    "Ciarán",
    "Priya",
    "Daniel",
    "Rachel",
    "Tom",
    "Niamh",
    "Mark",
    "Fiona",
    "Declan",
    "Hannah",
    "Samuel",
)
EN_SURNAMES = (
    "Thompson",
    "Walsh",
    "Patel",
    "O'Connor",
    "Hughes",
    "Fraser",
    "Byrne",
    "Clarke",
    "Evans",
    "Murphy",
    "Khan",
    "Reid",
    "Doherty",
    "Lawson",
    "McKenna",
    "Whitfield",
)
EN_TITLES = ("", "", "", "Dr ", "Professor ", "Councillor ")
EN_ROLES = (
    "Director of Strategy at",
    "project lead at",
    "Chief Executive of",
    "Head of Partnerships at",
    "Deputy Director of Operations at",
    "programme manager at",
)

DE_FIRST = {
    "f": ("Anna", "Katrin", "Julia", "Sabine", "Lena", "Claudia", "Miriam", "Stefanie"),
    "m": ("Jonas", "Stefan", "Thomas", "Matthias", "Felix", "Jan", "Holger", "Sebastian"),
}
DE_SURNAMES = (
    "Müller",
    "Schneider",
    "Becker",
    "Wagner",
    "Hoffmann",
    "Krüger",
    "Vogel",
    "Lehmann",
    "Schulze",
    "Neumann",
    "Richter",
    "Böhm",
    "Engel",
    "Seidel",
    "Kühn",
    "Winkler",
)
DE_TITLES = ("", "", "", "Dr. ", "Prof. Dr. ")
DE_ROLES = (
    ("Geschäftsführer", "Geschäftsführerin"),
    ("Projektleiter", "Projektleiterin"),
    ("Abteilungsleiter", "Abteilungsleiterin"),
    ("Vorstandsmitglied", "Vorstandsmitglied"),
)
DE_PRESS_ROLES = ("Pressesprecher", "Pressesprecherin")

# ---------------------------------------------------------------------------
# Data: dates
# ---------------------------------------------------------------------------

PL_MONTHS_GEN = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)
PL_MONTHS_LOC = (
    "w styczniu",
    "w lutym",
    "w marcu",
    "w kwietniu",
    "w maju",
    "w czerwcu",
    "w lipcu",
    "w sierpniu",
    "we wrześniu",
    "w październiku",
    "w listopadzie",
    "w grudniu",
)
PL_WEEKDAYS_ACC = ("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę", "w niedzielę")
PL_QUARTERS = ("I", "II", "III", "IV")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_ORDINALS = ("first", "second", "third", "fourth")
DE_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
DE_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
DE_ORDINALS = ("ersten", "zweiten", "dritten", "vierten")


@dataclass(frozen=True)
class DateWords:
    """How one language words the dates of DATE_SLOTS: str.format templates and the names they
    take. Fields: {day} {month} {year} (the start of a span) and {end_day} {end_month} {end_year}
    (its end), month names from `months`; {weekday} from `weekdays`; {ordinal} from `ordinals`
    (of a quarter); {date} an ISO date. `in_month` is the whole phrase for "in <month>"."""

    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    ordinals: tuple[str, ...]
    in_month: tuple[str, ...]
    days_in_month: str
    days_across_months: str
    month_span: str
    until_month: str
    until_year: str
    until_date: str
    quarter: str
    weekday: str
    year: str


PL_DATES = DateWords(
    months=PL_MONTHS_GEN,
    weekdays=PL_WEEKDAYS_ACC,
    ordinals=PL_QUARTERS,
    in_month=PL_MONTHS_LOC,
    days_in_month="w dniach {day}–{end_day} {month} {year} r.",
    days_across_months="od {day} {month} do {end_day} {end_month} {end_year} r.",
    month_span="od 1 {month} do {end_day} {end_month} {year} roku",  # whole months, by their days
    until_month="do końca {month} {year} r.",
    until_year="do końca {year} r.",
    until_date="do {date}",
    quarter="w {ordinal} kwartale {year} r.",
    weekday="{weekday} {day} {month}",
    year="w {year} roku",
)
EN_DATES = DateWords(
    months=EN_MONTHS,
    weekdays=EN_WEEKDAYS,
    ordinals=EN_ORDINALS,
    in_month=tuple(f"in {month}" for month in EN_MONTHS),
    days_in_month="between {day} and {end_day} {month} {year}",
    days_across_months="from {day} {month} to {end_day} {end_month} {end_year}",
    month_span="from {month} to {end_month} {year}",
    until_month="by the end of {month} {year}",
    until_year="by the end of {year}",
    until_date="until {date}",
    quarter="in the {ordinal} quarter of {year}",
    weekday="on {weekday}, {day} {month}",
    year="in {year}",
)
DE_DATES = DateWords(
    months=DE_MONTHS,
    weekdays=DE_WEEKDAYS,
    ordinals=DE_ORDINALS,
    in_month=tuple(f"im {month}" for month in DE_MONTHS),
    days_in_month="vom {day}. bis {end_day}. {month} {year}",
    days_across_months="vom {day}. {month} bis {end_day}. {end_month} {end_year}",
    month_span="von {month} bis {end_month} {year}",
    until_month="bis Ende {month} {year}",
    until_year="bis Ende {year}",
    until_date="bis {date}",
    quarter="im {ordinal} Quartal {year}",
    weekday="am {weekday}, {day}. {month}",
    year="im Jahr {year}",
)

# ---------------------------------------------------------------------------
# Data: templates. Slots: {issuer:CASE}, {partner:CASE}, {funder:CASE} (CASE per language;
# a trailing "." means "no acronym introduction"; "short" = acronym once introduced; Polish
# "in" = w/we + locative),
# {project:CASE} (capitalised case name = capitalised phrase), {city.ATTR}, {p:nom|gen|name},
# {p.role}; dates {past_day} {future_day} {span} {until} {until_iso} {quarter} {month}
# {weekday} {year_past} {year_next} {num_day}; numbers {n} {n2} {n_small} {pct} {tons} {mw}
# {amount} {grant} {grant_small}; contacts {url} {email}.
# ---------------------------------------------------------------------------

# The generic paragraphs below are written in the same order in every language; their ranks put
# a release in the usual order: 1 money and specifics, 2 schedule, 3 people and participation,
# 4 background, 5 where to read more. Theme details count as rank 1.
PARAGRAPH_RANKS = (1, 2, 3, 4, 3, 4, 1, 5, 4, 3, 2, 3)

PL_TEXT = {
    "titles": (
        "{issuer:nom.} rozpoczyna {project:acc}",
        "{amount} na {project:acc} {city.at}",
        "{project:Nom} {city.at} z dofinansowaniem {funder:gen.}",
        "Porozumienie w sprawie {project:gen} {city.at} podpisane",
    ),
    "leads": (
        (
            "{issuer:nom} wspólnie z {partner:ins} rozpoczyna {project:acc} {city.at}. Wartość przedsięwzięcia "
            "to {amount}, z czego {grant} pochodzi ze środków {funder:gen}.",
            "{issuer} and {partner} are starting the {project} in {city}. The project is worth {amount}, of which "
            "{grant} comes from {funder}.",
        ),
        (
            "{issuer:nom} i {partner:nom} podpisały porozumienie w sprawie {project:gen} {city.at}. Przedsięwzięcie "
            "o wartości {amount} zostanie dofinansowane przez {funder:acc}.",
            "{issuer} and {partner} have signed an agreement on the {project} in {city}. The project, worth {amount}, "
            "will be co-financed by {funder}.",
        ),
        (
            "{project:Nom} {city.at} stanie się faktem. {issuer:nom} otrzymał{issuer_past} na ten cel {grant} "
            "od {funder:gen}, a partnerem przedsięwzięcia jest {partner:nom}.",
            "The {project} in {city} is going ahead. {issuer} has received {grant} for it from {funder}, and "
            "{partner} is the project partner.",
        ),
    ),
    "paragraphs": (
        "Całkowity koszt przedsięwzięcia wynosi {amount}. {funder:nom} przekaże na ten cel {grant}, a pozostałą "
        "część pokryje {issuer:nom} z własnego budżetu. Umowę o dofinansowanie podpisano {past_day}.",
        "Prace ruszą {quarter}, a ich zakończenie zaplanowano {until}. Wykonawcę wyłoni przetarg, który zostanie "
        "ogłoszony {month}. Do tego czasu trwać będą uzgodnienia z gestorami sieci i właścicielami sąsiednich działek.",
        "Mieszkańcy mogą zgłaszać uwagi do projektu {span}. Spotkanie informacyjne odbędzie się {weekday} "
        "{issuer:in}. Na miejscu będzie można obejrzeć wizualizacje i porozmawiać z projektantami.",
        "To nie pierwsza taka inicjatywa w regionie. Już {year_past} {city.at} przeprowadzono pilotaż, z którego "
        "skorzystało {n} mieszkańców. Wnioski z tamtego etapu posłużyły do przygotowania obecnego projektu.",
        "Przygotowanie dokumentacji technicznej i nadzór nad harmonogramem powierzono {partner:dat}. Współpraca "
        "z {issuer:ins} obejmuje także wspólne szkolenia pracowników i wymianę danych, które pozwolą mierzyć "
        "efekty inwestycji.",
        "Według {p2:gen} kluczowe będzie utrzymanie efektów po zakończeniu finansowania. Dlatego już na etapie "
        "planowania zarezerwowano środki na utrzymanie i serwis przez co najmniej pięć lat.",
        "Dofinansowanie pochodzi z programu Fundusze Europejskie na Infrastrukturę, Klimat, Środowisko 2021–2027 "
        "oraz ze środków krajowych. Termin rozliczenia projektu upływa {num_day}, a raport końcowy trafi "
        "do {funder:gen} {year_next}.",
        "Szczegółowe informacje o projekcie, harmonogram prac i mapy są dostępne na stronie {url}. Pytania "
        "można przesyłać na adres {email}.",
        "Przedsięwzięcie jest jednym z zadań zapisanych w dokumencie „Strategia Rozwoju {city.gen} 2030+”. "
        "Radni przyjęli aktualizację strategii {past_day}, a jej realizację monitoruje zespół, który co roku "
        "publikuje raport z postępów.",
        "W ramach projektu zaplanowano również działania edukacyjne. W szkołach i domach kultury odbędzie się "
        "{n} warsztatów, a materiały informacyjne trafią do wszystkich gospodarstw domowych {city.at}.",
        "Harmonogram przewiduje dwa etapy. Pierwszy, obejmujący prace przygotowawcze, potrwa {until_iso}. "
        "Drugi rozpocznie się bezpośrednio po odbiorze pierwszego etapu, a jego zakres zależy od wyników "
        "przetargu.",
        "Projekt przygotowano z udziałem organizacji pozarządowych i rad dzielnic. W konsultacjach, które "
        "zakończyły się {past_day}, wzięło udział {n} uczestników, a większość zgłoszonych uwag uwzględniono.",
    ),
    "paragraph_ranks": PARAGRAPH_RANKS,
    "quotes": (
        "„{project:Nom} to dla {city.gen} jedna z najważniejszych inwestycji ostatnich lat. Chcemy, żeby "
        "mieszkańcy odczuli zmianę na co dzień, a nie tylko w statystykach” – mówi {p:nom}, {p.role}.",
        "„Bez wsparcia {funder:gen} nie bylibyśmy w stanie przeprowadzić tego przedsięwzięcia w tak krótkim "
        "czasie. To dobry przykład współpracy samorządu z instytucjami krajowymi” – podkreśla {p:nom}, {p.role}.",
        "„Przygotowania trwały ponad dwa lata. Teraz najważniejsze jest, żeby prace przebiegły sprawnie i z jak "
        "najmniejszymi utrudnieniami dla mieszkańców” – dodaje {p:nom}, {p.role}.",
        "„Zależy nam, by z projektu skorzystali przede wszystkim ci, którzy dotąd mieli najtrudniejszy dostęp "
        "do takich rozwiązań. Dlatego część działań skierujemy bezpośrednio do seniorów i rodzin z dziećmi” – "
        "zaznacza {p:nom}, {p.role}.",
        "„Współpraca kilku instytucji zawsze wymaga cierpliwości, ale efekt jest tego wart. {project:Nom} pokaże, "
        "że {city.at} potrafimy działać razem” – mówi {p:nom}, {p.role}.",
    ),
    "contact": "Kontakt dla mediów:\n{c:name}, {c.role}\n{issuer:nom.}\n{phone1}\n{phone2}\ne-mail: {c.email}",
    "date_line": ("{city.nom}, {day} {month_gen} {year} r.", "{city.nom}, {dd}.{mm}.{year}", "{dd}.{mm}.{year}"),
    "headings": ("Harmonogram i finansowanie", "Co się zmieni", "Kontakt dla mediów"),
    "html": {
        "lang": "pl",
        "nav": ("Aktualności", "Dla mieszkańców", "Dla biznesu", "Projekty", "Kontakt"),
        "home": "Strona główna",
        "news": "Aktualności",
        "more": "Zobacz także",
        "cookie": "Ta strona używa plików cookies. Korzystając z niej, zgadzasz się na ich użycie.",
        "accept": "Akceptuję",
        "footer_phone": "tel.",
        "privacy": "Polityka prywatności",
    },
}

EN_TEXT = {
    "titles": (
        "{issuer:Ref.} starts the {project:nom}",
        "{amount} for the {project:nom} in {city.en}",
        "{project:Nom} in {city.en} wins support from {funder:ref.}",
    ),
    "leads": (
        (
            "{issuer:Ref} and {partner:ref} are starting the {project:nom} in {city.en}. The project is worth "
            "{amount}, of which {grant} comes from {funder:ref}.",
            "",
        ),
        (
            "{issuer:Ref} and {partner:ref} have signed an agreement on the {project:nom} in {city.en}. The project, "
            "worth {amount}, will be co-financed by {funder:ref}.",
            "",
        ),
    ),
    "paragraphs": (
        "The total cost of the project is {amount}. {funder:Ref} will contribute {grant}, and {issuer:ref} will "
        "cover the rest from its own budget. The funding agreement was signed on {past_day}.",
        "Work will begin {quarter} and is due to be completed {until}. A contractor will be chosen in a tender "
        "to be published {month}. Until then, the design team will agree the details with utility companies "
        "and neighbouring landowners.",
        "Residents can comment on the plans {span}. A public information meeting will be held {weekday} at the "
        "offices of {issuer:ref}, where visitors can see the designs and talk to the engineers.",
        "This is not the first initiative of its kind. A pilot run {year_past} in {city.en} reached {n} residents, "
        "and the lessons learned from it shaped the current project.",
        "{partner:Ref} is responsible for the technical design and for keeping the project on schedule. The "
        "cooperation with {issuer:ref} also includes joint staff training and data sharing to measure the "
        "results of the investment.",
        "According to {p2:name}, the key challenge will be to keep the benefits once the funding ends, which is "
        "why money for maintenance over at least five years has been set aside from the start.",
        "Part of the money comes from the Shared Prosperity Programme 2022–2025, with the rest from national "
        "sources. The deadline for the final accounts is {num_day}, and the final report will be sent to "
        "{funder:ref} {year_next}.",
        "Details of the project, the construction timetable and maps are available at {url}. Questions can be "
        "sent to {email}.",
        "The scheme is one of the actions in the city's Local Plan 2040, whose latest review councillors "
        "adopted on {past_day}. Progress is monitored by a cross-party panel that publishes an annual report.",
        "The project also includes an education programme. {n} workshops will be held in schools and community "
        "centres, and an information leaflet will be delivered to every household in {city.en}.",
        "The schedule has two stages. The first, covering preparatory works, will last {until_iso}. The second "
        "will start as soon as the first has been signed off, and its scope depends on the tender results.",
        "The plans were drawn up together with community groups and neighbourhood forums. The consultation, "
        "which closed on {past_day}, drew {n} responses, and most of the suggestions were taken on board.",
    ),
    "paragraph_ranks": PARAGRAPH_RANKS,
    "quotes": (
        "\u201cThe {project:nom} is one of the most important investments in {city.en} in recent years. We want "
        "people to feel the difference in their daily lives, not just in the statistics,\u201d said {p:nom}, {p.role}.",
        "\u201cWithout the support of {funder:ref} we could not have delivered this so quickly. It is a good example "
        "of local and national institutions working together,\u201d said {p:nom}, {p.role}.",
        "\u201cThe preparations took more than two years. Now what matters most is that the works run smoothly, "
        "with as little disruption for residents as possible,\u201d added {p:nom}, {p.role}.",
        "\u201cWe want the people who have had the hardest time getting access to services like these to benefit "
        "first. That is why part of the work is aimed directly at older people and families with children,\u201d "
        "said {p:nom}, {p.role}.",
    ),
    "contact": "Media enquiries:\n{c:name}, {c.role}, {issuer:Ref.}\n{phone1}\n{phone2}\nEmail: {c.email}",
    "date_line": (
        "{city.en}, {month_name} {day}, {year}",
        "{city.en}, {day} {month_name} {year}",
        "{month_name} {day}, {year}",
    ),
    "headings": ("Timetable and funding", "What will change", "Media enquiries"),
    "html": {
        "lang": "en",
        "nav": ("News", "Residents", "Business", "Projects", "Contact us"),
        "home": "Home",
        "news": "News",
        "more": "Other news",
        "cookie": "We use cookies to make this website work. Read our cookie policy.",
        "accept": "Accept cookies",
        "footer_phone": "Phone:",
        "privacy": "Privacy notice",
    },
}

DE_TEXT = {
    "titles": (
        "{issuer:Nom.} startet die {project:nom}",
        "{amount} für die {project:nom} in {city.nom}",
        "{project:Nom} in {city.nom}: Förderung durch {funder:acc.}",
    ),
    "leads": (
        (
            "{issuer:Nom} beginnt gemeinsam mit {partner:dat} mit der {project:nom} in {city.nom}. Das Vorhaben kostet "
            "{amount}, davon stammen {grant} von {funder:dat}.",
            "{issuer} and {partner} are starting the {project} in {city}. The project costs {amount}, of which "
            "{grant} comes from {funder}.",
        ),
        (
            "{issuer:Nom} und {partner:nom} haben eine Vereinbarung über die {project:nom} in {city.nom} "
            "unterzeichnet. Das Vorhaben im Wert von {amount} wird von {funder:dat} gefördert.",
            "{issuer} and {partner} have signed an agreement on the {project} in {city}. The project, worth "
            "{amount}, is funded by {funder}.",
        ),
    ),
    "paragraphs": (
        "Die Gesamtkosten des Vorhabens betragen {amount}. {funder:Nom} steuert {grant} bei, den Rest trägt "
        "{issuer:nom} aus eigenen Mitteln. Der Fördervertrag wurde am {past_day} unterzeichnet.",
        "Die Arbeiten beginnen {quarter} und sollen {until} abgeschlossen sein. Den Auftrag vergibt "
        "{issuer:nom} über eine Ausschreibung, die {month} veröffentlicht wird.",
        "Bürgerinnen und Bürger können sich {span} zu den Plänen äußern. Eine Informationsveranstaltung findet "
        "{weekday} in den Räumen {issuer:gen} statt; dort sind auch Visualisierungen zu sehen.",
        "Es ist nicht das erste Projekt dieser Art. Bereits {year_past} hat ein Pilotversuch in {city.nom} "
        "{n} Menschen erreicht; die Erfahrungen daraus sind in die Planung eingeflossen.",
        "Für die technische Planung und die Einhaltung des Zeitplans ist {partner:nom} zuständig. Die "
        "Zusammenarbeit mit {issuer:dat} umfasst auch gemeinsame Schulungen und den Austausch von Messdaten.",
        "Nach Einschätzung von {p2:name} kommt es vor allem darauf an, die Wirkung über das Förderende hinaus "
        "zu sichern. Deshalb sind Mittel für Wartung und Betrieb für mindestens fünf Jahre eingeplant.",
        "Die Förderung stammt aus dem EFRE-Landesprogramm 2021–2027 sowie aus Bundesmitteln. Stichtag für "
        "den Verwendungsnachweis ist der {num_day}, der Abschlussbericht geht {year_next} an {funder:acc}.",
        "Ausführliche Informationen, den Bauzeitenplan und Karten gibt es unter {url}. Fragen können an "
        "{email} gerichtet werden.",
        "Das Vorhaben ist Teil des Stadtentwicklungskonzepts „{city.nom} 2035“. Der Stadtrat hat dessen "
        "Fortschreibung am {past_day} beschlossen; ein Beirat legt jährlich einen Fortschrittsbericht vor.",
        "Zum Projekt gehört auch ein Bildungsangebot. In Schulen und Stadtteilzentren finden {n} Workshops statt, "
        "und alle Haushalte in {city.nom} erhalten ein Informationsblatt.",
        "Der Zeitplan sieht zwei Bauabschnitte vor. Der erste mit den vorbereitenden Arbeiten dauert "
        "{until_iso}, der zweite beginnt unmittelbar nach dessen Abnahme.",
        "Die Planung entstand gemeinsam mit Vereinen und Ortschaftsräten. An der Beteiligung, die am {past_day} "
        "endete, haben sich {n} Menschen beteiligt; die meisten Hinweise wurden übernommen.",
    ),
    "paragraph_ranks": PARAGRAPH_RANKS,
    "quotes": (
        "„Die {project:nom} ist eine der wichtigsten Investitionen in {city.nom} der letzten Jahre. Die Menschen "
        "sollen den Unterschied im Alltag spüren, nicht nur in der Statistik“, sagt {p:nom}, {p.role}.",
        "„Ohne die Unterstützung {funder:gen} hätten wir das Vorhaben nicht so schnell umsetzen können. Das ist "
        "ein gutes Beispiel für die Zusammenarbeit von Kommune und Bund“, betont {p:nom}, {p.role}.",
        "„Die Vorbereitung hat mehr als zwei Jahre gedauert. Jetzt kommt es darauf an, dass die Arbeiten zügig "
        "und mit möglichst wenig Einschränkungen für die Anwohner laufen“, ergänzt {p:nom}, {p.role}.",
        "„Profitieren sollen zuerst diejenigen, die bisher den schwersten Zugang zu solchen Angeboten hatten. "
        "Deshalb richten wir einen Teil der Maßnahmen direkt an Ältere und Familien mit Kindern“, sagt "
        "{p:nom}, {p.role}.",
    ),
    "contact": "Pressekontakt:\n{c:name}, {c.role}\n{issuer:name.}\n{phone1}\n{phone2}\nE-Mail: {c.email}",
    "date_line": ("{city.nom}, {day}. {month_name} {year}", "{city.nom}, den {dd}.{mm}.{year}", "{dd}.{mm}.{year}"),
    "headings": ("Zeitplan und Finanzierung", "Was sich ändert", "Pressekontakt"),
    "html": {
        "lang": "de",
        "nav": ("Aktuelles", "Bürgerservice", "Wirtschaft", "Projekte", "Kontakt"),
        "home": "Startseite",
        "news": "Presse",
        "more": "Weitere Meldungen",
        "cookie": "Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie dem zu.",
        "accept": "Einverstanden",
        "footer_phone": "Telefon:",
        "privacy": "Datenschutz",
    },
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_ASCII_MAP = str.maketrans(
    {"ł": "l", "Ł": "L", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "'": ""}
)


def ascii_slug(text: str, separator: str = "-") -> str:
    """Diacritics off, lower case, runs of other characters to one separator."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_MAP))
    folded = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", separator, folded).strip(separator)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def digits(rng: random.Random, count: int, first: str = "0123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(count - 1))


def group(number: str, sizes: tuple[int, ...], separator: str = " ") -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(number[start : start + size])
        start += size
    return separator.join(parts)


def pl_safe_count(rng: random.Random, low: int, high: int) -> int:
    """A number after which every Polish noun takes the genitive plural (no 2-4 agreement)."""
    while True:
        number = rng.randint(low, high)
        if number % 10 not in (2, 3, 4) or number % 100 in (12, 13, 14):
            return number


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso(day: dt.date) -> str:
    return day.isoformat()


# ---------------------------------------------------------------------------
# Document model
# ---------------------------------------------------------------------------


@dataclass
class Gold:
    """The gold record under construction; texts are added as they are written."""

    dates: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)

    def add_date(self, text: str, value: str | None) -> bool:
        if any(existing["value"] == value for existing in self.dates):
            return False
        self.dates.append({"text": text, "value": value})
        return True

    def add_contact(self, kind: str, value: str) -> None:
        item = {"kind": kind, "value": value}
        if item not in self.contacts:
            self.contacts.append(item)


class Mention:
    """An organisation in one document: formats in a case, introduces its acronym once."""

    def __init__(self, org: Org, rng: random.Random, english_view: bool = False) -> None:
        self.org = org
        self.rng = rng
        self.introduced = False
        self.english_view = english_view

    def __format__(self, spec: str) -> str:
        plain = spec.endswith(".")
        case = spec.rstrip(".") or "nom"
        if self.english_view:
            return self.org.name_en
        if case == "short":
            return self.org.acronym if self.org.acronym and self.introduced else self.org.forms["nom"]
        if case == "in":  # Polish "w/we" + locative
            return polish_in(format(self, "loc" + "." * plain))
        text = self.org.forms[case.lower()]
        if case[0].isupper():
            text = capitalise(text)
        if plain or not self.org.acronym:
            return text
        if not self.introduced:
            self.introduced = True
            return f"{text} ({self.org.acronym})"
        # once introduced, the acronym alone stands in for the name about half of the time
        return self.org.acronym if self.rng.random() < 0.5 else text


@dataclass
class Person:
    """A quoted or contact person; records itself as gold when it is written."""

    name: str
    forms: dict[str, str]
    role: str
    email: str
    gold: Gold

    def __format__(self, spec: str) -> str:
        self.gold.add_contact("person", self.name)
        return self.forms.get(spec or "nom", self.name)


class ProjectPhrase:
    """The project in a language: Polish cases, English/German phrase."""

    def __init__(self, project: Project, language: str) -> None:
        self.project = project
        self.language = language

    def __format__(self, spec: str) -> str:
        if self.language == "pl":
            forms = PL_HEADS[self.project.pl_head]
            text = f"{forms[PL_HEAD_CASES.index((spec or 'nom').lower())]} {self.project.pl_rest}"
        else:
            text = getattr(self.project, self.language)
        return capitalise(text) if spec[:1].isupper() else text


@dataclass(frozen=True)
class CityView:
    nom: str
    gen: str
    at: str
    en: str


class Slots(dict):
    """format_map source that creates dates, numbers and contacts when a template asks for them."""

    def __init__(self, builder: ReleaseBuilder, fixed: dict) -> None:
        super().__init__(fixed)
        self.builder = builder

    def __missing__(self, key: str):
        return self.builder.dynamic_slot(key)


# ---------------------------------------------------------------------------
# Languages
# ---------------------------------------------------------------------------


class LanguagePack:
    """What differs between languages: organisations, people, dates, phones, money, templates."""

    code = ""
    text: dict = {}
    dates: DateWords

    def __init__(self, rng: random.Random, release_day: dt.date) -> None:
        self.rng = rng
        self.release_day = release_day

    # dates -------------------------------------------------------------
    def day_after(self, low: int, high: int) -> dt.date:
        return self.release_day + dt.timedelta(days=self.rng.randint(low, high))

    def date_slot(self, kind: str) -> tuple[str, str]:
        return getattr(self, f"date_{kind}")()

    def date_past_day(self) -> tuple[str, str]:
        day = self.day_after(-300, -3)
        return self.format_day(day), iso(day)

    def date_future_day(self) -> tuple[str, str]:
        day = self.day_after(5, 400)
        return self.format_day(day), iso(day)

    def date_num_day(self) -> tuple[str, str]:
        day = self.day_after(200, 900)
        return f"{day.day:02d}.{day.month:02d}.{day.year}", iso(day)

    def span_days(self) -> tuple[dt.date, dt.date]:
        start = self.day_after(10, 200)
        return start, start + dt.timedelta(days=self.rng.randint(1, 4))

    def span_months(self) -> tuple[int, int, int]:
        year, month = add_months(self.release_day.year, self.release_day.month, self.rng.randint(1, 8))
        first = min(month, 11)
        return year, first, min(12, first + self.rng.randint(1, 3))

    def until_year_month(self) -> tuple[int, int | None]:
        year = self.release_day.year + self.rng.randint(1, 3)
        return year, (self.rng.randint(1, 12) if self.rng.random() < 0.4 else None)

    def future_quarter(self) -> tuple[int, int]:
        year, month = add_months(self.release_day.year, self.release_day.month, self.rng.randint(3, 15))
        return year, (month - 1) // 3 + 1

    def next_month(self) -> tuple[int, int]:
        return add_months(self.release_day.year, self.release_day.month, self.rng.randint(1, 5))

    def date_until_iso(self) -> tuple[str, str]:
        day = self.day_after(60, 500)
        return self.dates.until_date.format(date=iso(day)), f"/{iso(day)}"

    def month_name(self, month: int) -> str:
        return self.dates.months[month - 1]

    def date_span(self) -> tuple[str, str]:
        if self.rng.random() < 0.5:
            start, end = self.span_days()
            template = self.dates.days_in_month if start.month == end.month else self.dates.days_across_months
            text = template.format(
                day=start.day,
                month=self.month_name(start.month),
                year=start.year,
                end_day=end.day,
                end_month=self.month_name(end.month),
                end_year=end.year,
            )
            return text, f"{iso(start)}/{iso(end)}"
        return self.month_span(*self.span_months())

    def month_span(self, year: int, first: int, last: int) -> tuple[str, str]:
        text = self.dates.month_span.format(month=self.month_name(first), end_month=self.month_name(last), year=year)
        return text, f"{year}-{first:02d}/{year}-{last:02d}"

    def date_until(self) -> tuple[str, str]:
        year, month = self.until_year_month()
        if month:
            return self.dates.until_month.format(month=self.month_name(month), year=year), f"/{year}-{month:02d}"
        return self.dates.until_year.format(year=year), f"/{year}-12"

    def date_quarter(self) -> tuple[str, str]:
        year, quarter = self.future_quarter()
        text = self.dates.quarter.format(ordinal=self.dates.ordinals[quarter - 1], year=year)
        return text, self.quarter_value(year, quarter)

    def date_month(self) -> tuple[str, str]:
        year, month = self.next_month()
        return self.dates.in_month[month - 1], f"{year}-{month:02d}"

    def date_weekday(self) -> tuple[str, str]:
        day = self.day_after(7, 60)
        weekday = self.dates.weekdays[day.weekday()]
        return self.dates.weekday.format(weekday=weekday, day=day.day, month=self.month_name(day.month)), iso(day)

    def date_year_past(self) -> tuple[str, str]:
        year = self.release_day.year - self.rng.randint(1, 3)
        return self.dates.year.format(year=year), str(year)

    def date_year_next(self) -> tuple[str, str]:
        year = self.release_day.year + self.rng.randint(1, 3)
        return self.next_year_text(year), str(year)

    def next_year_text(self, year: int) -> str:
        return self.dates.year.format(year=year)

    @staticmethod
    def quarter_value(year: int, quarter: int) -> str:
        return f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}"

    def date_line(self, city: CityView) -> str:
        day = self.release_day
        template = self.rng.choice(self.text["date_line"])
        return template.format(
            city=city,
            day=day.day,
            dd=f"{day.day:02d}",
            mm=f"{day.month:02d}",
            year=day.year,
            month_gen=PL_MONTHS_GEN[day.month - 1],
            month_name=self.month_name(day.month),
        )

    # must be provided per language
    def format_day(self, day: dt.date) -> str:
        raise NotImplementedError

    def money(self, amount: int) -> str:
        raise NotImplementedError

    def city(self) -> tuple[CityView, dict]:
        raise NotImplementedError

    def organisations(self, theme_id: str, place: dict) -> tuple[Org, Org, Org]:
        raise NotImplementedError

    def person(self, org: Org, gold: Gold, press: bool = False) -> Person:
        raise NotImplementedError

    def phones(self, place: dict) -> tuple[list[str], list[str]]:
        raise NotImplementedError

    def count(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    thousands_separator = ","

    def number(self, value: int) -> str:
        return f"{value:,}".replace(",", self.thousands_separator)

    def pick_orgs(self, pool: list[Org], theme_id: str, how_many: int) -> list[Org]:
        """Distinct organisations that suit the theme; any from the pool when too few suit it."""
        distinct = list({org.name: org for org in pool}.values())
        fitting = [org for org in distinct if org.fits(theme_id)]
        return self.rng.sample(fitting if len(fitting) >= how_many else distinct, how_many)


def org_from_forms(forms: str, acronym: str, name_en: str, domain: str, themes: str, cases: tuple[str, ...]) -> Org:
    """An organisation whose canonical name is its first (nominative) form."""
    values = dict(zip(cases, forms.split("|"), strict=False))
    return Org(values[cases[0]], values, acronym or None, name_en, domain, themes_of(themes))


class Polish(LanguagePack):
    code = "pl"
    text = PL_TEXT
    dates = PL_DATES
    thousands_separator = " "

    def format_day(self, day: dt.date) -> str:
        style = self.rng.randrange(3)
        if style == 0:
            return f"{day.day} {PL_MONTHS_GEN[day.month - 1]} {day.year} r."
        if style == 1:
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return iso(day)

    def month_span(self, year: int, first: int, last: int) -> tuple[str, str]:
        """Whole months named by their first and last day, so the value is day-precise."""
        last_day = (dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)).day
        text = self.dates.month_span.format(
            month=self.month_name(first), end_day=last_day, end_month=self.month_name(last), year=year
        )
        return text, f"{year}-{first:02d}-01/{year}-{last:02d}-{last_day:02d}"

    def next_year_text(self, year: int) -> str:
        """The year with "roku" written out or abbreviated, as releases do."""
        return self.rng.choice((self.dates.year.format(year=year), f"w {year} r."))

    def money(self, amount: int) -> str:
        if amount >= 1_000_000 and self.rng.random() < 0.6:
            return f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " mln zł"
        return f"{amount:,}".replace(",", " ") + " zł"

    def count(self, low: int, high: int) -> int:
        return pl_safe_count(self.rng, low, high)

    def city(self) -> tuple[CityView, dict]:
        city = self.rng.choice(PL_CITIES)
        return CityView(city.nom, city.gen, city.at, city.en), {"city": city}

    def organisations(self, theme_id: str, place: dict) -> tuple[Org, Org, Org]:
        city: City = place["city"]
        slug = ascii_slug(city.nom)
        local = [
            org_from_forms(
                "|".join(f"{form} {city.at}" for form in forms.split("|")),
                acronym,
                name_en.format(city=city.en),
                domain.format(slug=slug),
                themes,
                PL_CASES,
            )
            for forms, acronym, name_en, domain, themes in PL_CITY_ORGS
        ]
        fixed = [
            org_from_forms(forms, acronym, name_en, domain, themes, PL_CASES)
            for forms, acronym, name_en, domain, themes, region in PL_FIXED_ORGS
            if region in ("", city.region)
        ]
        issuer, partner = self.pick_orgs(local + fixed, theme_id, 2)
        funders = [
            org_from_forms(forms, acronym, name_en, domain, themes, PL_CASES)
            for forms, acronym, name_en, domain, themes, region in PL_FUNDERS
            if region in ("", city.region)
        ]
        funder = self.pick_orgs([org for org in funders if org.name not in (issuer.name, partner.name)], theme_id, 1)[0]
        return issuer, partner, funder

    def person(self, org: Org, gold: Gold, press: bool = False) -> Person:
        sex = self.rng.choice("fm")
        first_nom, first_gen = self.rng.choice(PL_FIRST[sex])
        surname = self.rng.choice(PL_SURNAMES)
        sur_nom, sur_gen = (surname[0], surname[1]) if sex == "m" else (surname[2], surname[3])
        name = f"{first_nom} {sur_nom}"
        title = "" if press else self.rng.choice(PL_TITLES)
        if press:
            role = PL_PRESS_ROLES[sex == "f"]
        else:
            role = f"{self.rng.choice(PL_ROLES)[sex == 'f']} {org.forms['gen']}"
        email = f"{ascii_slug(first_nom, '.')}.{ascii_slug(sur_nom, '.')}@{org.domain.split('/')[0]}"
        forms = {"nom": f"{title}{name}", "gen": f"{first_gen} {sur_gen}", "name": name}
        return Person(name, forms, role, email, gold)

    def phones(self, place: dict) -> tuple[list[str], list[str]]:
        area = place["city"].area_code
        land = digits(self.rng, 7, "2345678")
        mobile = self.rng.choice(
            ("501", "502", "509", "512", "530", "600", "601", "604", "660", "691", "724", "781", "790", "880")
        ) + digits(self.rng, 6)
        land_text = self.rng.choice(
            (
                f"tel. {area} {group(land, (3, 2, 2))}",
                f"tel.: ({area}) {group(land, (3, 2, 2), '-')}",
                f"0048 {area} {group(land, (3, 2, 2))}",
                f"+48 {area} {group(land, (3, 2, 2))}",
            )
        )
        mobile_text = self.rng.choice((f"+48 {group(mobile, (3, 3, 3))}", f"tel. kom. {group(mobile, (3, 3, 3))}"))
        return [land_text, mobile_text], [f"+48{area}{land}", f"+48{mobile}"]


class English(LanguagePack):
    code = "en"
    text = EN_TEXT
    dates = EN_DATES

    def format_day(self, day: dt.date) -> str:
        if self.rng.random() < 0.5:
            return f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"

    def date_num_day(self) -> tuple[str, str]:
        day = self.day_after(200, 900)
        return f"{day.day:02d}/{day.month:02d}/{day.year}", iso(day)

    def money(self, amount: int) -> str:
        symbol = "£" if self.country == "GB" else "€"
        if amount >= 1_000_000:
            return f"{symbol}{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + " million"
        return f"{symbol}{amount:,}"

    def city(self) -> tuple[CityView, dict]:
        name, country, area, subscriber = self.rng.choice(EN_CITIES)
        self.country = country
        return CityView(name, name, f"in {name}", name), {
            "city": name,
            "country": country,
            "area": area,
            "subscriber": int(subscriber),
        }

    def organisations(self, theme_id: str, place: dict) -> tuple[Org, Org, Org]:
        city, country = place["city"], place["country"]
        slug = ascii_slug(city, "")
        pool = [
            self.english_org(pattern.format(city=city), acronym, domains[country].format(slug=slug), themes)
            for pattern, acronym, domains, themes in EN_CITY_ORGS
        ]
        fixed = [
            self.english_org(ref, acronym, domain, themes)
            for ref, acronym, domain, themes, region in EN_FIXED_ORGS
            if region in ("", country)
        ]
        issuer, partner = self.pick_orgs(pool, theme_id, 2)
        funder = self.pick_orgs(fixed, theme_id, 1)[0]
        return issuer, partner, funder

    @staticmethod
    def english_org(ref: str, acronym: str, domain: str, themes: str) -> Org:
        name = ref.removeprefix("the ")
        return Org(name, {"ref": ref, "nom": name}, acronym or None, name, domain, themes_of(themes))

    def person(self, org: Org, gold: Gold, press: bool = False) -> Person:
        first, surname = self.rng.choice(EN_FIRST), self.rng.choice(EN_SURNAMES)
        name = f"{first} {surname}"
        title = "" if press else self.rng.choice(EN_TITLES)
        role = "Press Officer" if press else f"{self.rng.choice(EN_ROLES)} {org.forms['ref']}"
        email = f"{ascii_slug(first, '.')}.{ascii_slug(surname, '')}@{org.domain.split('/')[0]}"
        return Person(name, {"nom": f"{title}{name}", "name": name}, role, email, gold)

    def phones(self, place: dict) -> tuple[list[str], list[str]]:
        area, length = place["area"], place["subscriber"]
        if place["country"] == "GB":
            land = digits(self.rng, length, "234")
            mobile = "7" + self.rng.choice(("80", "83", "86", "88", "92", "94", "96", "98")) + digits(self.rng, 7)
            land_text = self.rng.choice(
                (f"Tel: +44 {area} {group(land, (3, 4))}", f"Tel: 0{area} {group(land, (3, 4))}")
            )
            return [land_text, f"Mobile: +44 {group(mobile, (4, 6))}"], [f"+44{area}{land}", f"+44{mobile}"]
        land = digits(self.rng, length, "2345678")
        mobile = "8" + self.rng.choice("3567") + digits(self.rng, 7)
        sizes = (3, 4) if length == 7 else (3, 3)
        land_text = self.rng.choice((f"Tel: +353 {area} {group(land, sizes)}", f"Tel: (0{area}) {group(land, sizes)}"))
        return [land_text, f"Mobile: +353 {group(mobile, (2, 3, 4))}"], [f"+353{area}{land}", f"+353{mobile}"]


class German(LanguagePack):
    code = "de"
    text = DE_TEXT
    dates = DE_DATES
    thousands_separator = "."

    def format_day(self, day: dt.date) -> str:
        if self.rng.random() < 0.6:
            return f"{day.day}. {DE_MONTHS[day.month - 1]} {day.year}"
        return f"{day.day:02d}.{day.month:02d}.{day.year}"

    def money(self, amount: int) -> str:
        if amount >= 1_000_000:
            return f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " Millionen Euro"
        return f"{amount:,}".replace(",", ".") + " Euro"

    def city(self) -> tuple[CityView, dict]:
        name, area = self.rng.choice(DE_CITIES)
        return CityView(name, name, f"in {name}", name), {"city": name, "area": area}

    def organisations(self, theme_id: str, place: dict) -> tuple[Org, Org, Org]:
        city = place["city"]
        slug = ascii_slug(city)
        pool = [
            self.german_org(
                forms.format(city=city), acronym, name_en.format(city=city), domain.format(slug=slug), themes
            )
            for forms, acronym, name_en, domain, themes in DE_CITY_ORGS
        ]
        funders = [self.german_org(*row) for row in DE_FUNDERS]
        issuer, partner = self.pick_orgs(pool, theme_id, 2)
        funder = self.pick_orgs(funders, theme_id, 1)[0]
        return issuer, partner, funder

    @staticmethod
    def german_org(forms: str, acronym: str, name_en: str, domain: str, themes: str) -> Org:
        values = dict(zip(("nom", "gen", "dat", "acc"), forms.split("|"), strict=False))
        name = values["nom"].split(" ", 1)[1]
        values["name"] = name
        return Org(name, values, acronym or None, name_en, domain, themes_of(themes))

    def person(self, org: Org, gold: Gold, press: bool = False) -> Person:
        sex = self.rng.choice("fm")
        first, surname = self.rng.choice(DE_FIRST[sex]), self.rng.choice(DE_SURNAMES)
        name = f"{first} {surname}"
        title = "" if press else self.rng.choice(DE_TITLES)
        role = DE_PRESS_ROLES[sex == "f"] if press else f"{self.rng.choice(DE_ROLES)[sex == 'f']} {org.forms['gen']}"
        email = f"{ascii_slug(first, '.')}.{ascii_slug(surname, '')}@{org.domain.split('/')[0]}"
        return Person(name, {"nom": f"{title}{name}", "name": name}, role, email, gold)

    def phones(self, place: dict) -> tuple[list[str], list[str]]:
        area = place["area"]
        land = digits(self.rng, 7, "2345678")
        mobile = self.rng.choice(("151", "152", "157")) + digits(self.rng, 8)
        land_text = self.rng.choice(
            (f"Telefon: +49 {area} {group(land, (3, 4))}", f"Telefon: 0{area} {group(land, (3, 4), '-')}")
        )
        return [land_text, f"Mobil: +49 {group(mobile, (3, 4, 4))}"], [f"+49{area}{land}", f"+49{mobile}"]


LANGUAGE_PACKS: dict[str, type[LanguagePack]] = {"pl": Polish, "en": English, "de": German}

# ---------------------------------------------------------------------------
# Building one release
# ---------------------------------------------------------------------------

PROJECT_MAILBOX = {"pl": "projekty", "en": "projects", "de": "projekte"}
SITE_MAILBOX = {"pl": "kontakt", "en": "info", "de": "info"}
DATE_SLOTS = {
    "past_day",
    "future_day",
    "span",
    "until",
    "until_iso",
    "quarter",
    "month",
    "weekday",
    "year_past",
    "year_next",
    "num_day",
}


@dataclass
class Release:
    doc_id: str
    language: str
    fmt: str
    title: str
    date_line: str
    paragraphs: list[str]
    headings: dict[int, str]
    contact: str
    site: dict
    gold: dict


class ReleaseBuilder:
    """Draws everything one release needs from its own seeded generator."""

    def __init__(self, seed: int, index: int, languages: list[str], formats: list[str]) -> None:
        self.rng = random.Random(f"{seed}:{index}")
        self.index = index
        self.language = self.weighted(languages, LANGUAGE_WEIGHTS)
        self.fmt = self.weighted(formats, FORMAT_WEIGHTS)
        self.release_day = FIRST_RELEASE_DAY + dt.timedelta(days=self.rng.randrange(RELEASE_DAY_SPAN))
        self.pack = LANGUAGE_PACKS[self.language](self.rng, self.release_day)
        self.gold = Gold()
        self.theme = self.rng.choice(THEMES)
        self.project = self.rng.choice(self.theme.projects)
        self.city, self.place = self.pack.city()
        self.issuer_org, self.partner_org, self.funder_org = self.pack.organisations(self.theme.id, self.place)
        self.amount = self.rng.randrange(800, 60_000) * 1_000
        self.grant = self.amount * self.rng.randrange(40, 86) // 100 // 10_000 * 10_000
        self.url = self.make_url()
        self.press_email = ""

    def weighted(self, choices: list[str], weights: dict[str, int]) -> str:
        return self.rng.choices(choices, weights=[weights.get(choice, 1) for choice in choices])[0]

    def make_url(self) -> str:
        path = ascii_slug(format(ProjectPhrase(self.project, self.language), "nom"))[:40].rstrip("-")
        domain = self.issuer_org.domain
        return self.rng.choice((f"https://www.{domain}/{path}", f"www.{domain}/{path}", f"{domain}/{path}"))

    def dynamic_slot(self, key: str):
        if key in DATE_SLOTS:
            for _ in range(20):
                text, value = self.pack.date_slot(key)
                if self.gold.add_date(text, value):
                    return text
            return text
        if key == "url":
            self.gold.add_contact("url", self.url)
            return self.url
        if key == "email":
            address = f"{PROJECT_MAILBOX[self.language]}@{self.issuer_org.domain.split('/')[0]}"
            self.gold.add_contact("email", address)
            return address
        numbers = {
            "n": (15, 900),
            "n2": (50, 4000),
            "n_small": (5, 9),
            "pct": (15, 60),
            "tons": (200, 9000),
            "mw": (2, 40),
        }
        if key in numbers:
            return self.pack.number(self.pack.count(*numbers[key]))
        if key == "grant_small":
            return self.pack.money(self.rng.randrange(10, 50) * 10_000)
        raise KeyError(key)

    def story_slots(self) -> dict:
        """The slots of titles and body alike: organisations, project, city, amount."""
        return {
            "issuer": self.issuer,
            "partner": self.partner,
            "funder": self.funder,
            "project": ProjectPhrase(self.project, self.language),
            "city": self.city,
            "amount": self.pack.money(self.amount),
        }

    def render(self, template: str, **extra) -> str:
        fixed = {
            **self.story_slots(),
            "grant": self.pack.money(self.grant),
            "p2": self.people[1],
            "issuer_past": "",
            **extra,
        }
        # a date ending in "r." closes the sentence itself
        return template.format_map(Slots(self, fixed)).replace("r..", "r.")

    def english_lead(self, template: str) -> str:
        english = {
            name: Mention(org, self.rng, english_view=True)
            for name, org in (("issuer", self.issuer_org), ("partner", self.partner_org), ("funder", self.funder_org))
        }
        currency = "PLN" if self.language == "pl" else "EUR"
        amount = f"{currency} {self.amount / 1_000_000:.2f} million"
        grant = f"{currency} {self.grant / 1_000_000:.2f} million"
        sentences = template.format(
            project=self.project.en,
            city=self.city.en,
            amount=amount,
            grant=grant,
            **{name: format(mention, "") for name, mention in english.items()},
        )
        return capitalise(sentences)

    def build(self, bucket_width: int) -> Release:
        text = self.pack.text
        self.issuer = Mention(self.issuer_org, self.rng)
        self.partner = Mention(self.partner_org, self.rng)
        self.funder = Mention(self.funder_org, self.rng)
        self.people = [self.pack.person(self.issuer_org, self.gold), self.pack.person(self.partner_org, self.gold)]
        press = self.pack.person(self.issuer_org, self.gold, press=True)

        title = self.render_plain(self.rng.choice(text["titles"]))
        date_line = self.pack.date_line(self.city)
        lead_template, english_template = self.rng.choice(text["leads"])
        issuer_past = {"f": "a", "n": "o"}.get(self.polish_gender(), "")
        paragraphs = [self.render(lead_template, issuer_past=issuer_past)]
        summary_en = paragraphs[0] if self.language == "en" else self.english_lead(english_template)

        for template, speaker in self.choose_body(text, title, date_line, paragraphs[0]):
            paragraphs.append(self.render(template, p=speaker))

        phone_texts, phone_values = self.pack.phones(self.place)
        contact = self.render(text["contact"], c=press, phone1=phone_texts[0], phone2=phone_texts[1])
        self.gold.add_contact("email", press.email)
        for value in phone_values:
            self.gold.add_contact("phone", value)

        headings = {2: text["headings"][0], max(3, len(paragraphs) - 2): text["headings"][1]}
        slug = f"{ascii_slug(self.city.en)}-{self.theme.id}"
        extension = self.fmt
        doc_id = f"{self.language}/{self.index // bucket_width:04d}/{self.index:06d}-{slug}.{extension}"
        themes = [self.theme.id] + ([self.project.extra_theme] if self.project.extra_theme else [])
        gold = {
            "id": doc_id,
            "language": self.language,
            "date": iso(self.release_day),
            "facts": {
                "partners": [self.partner_gold(org) for org in (self.issuer_org, self.partner_org, self.funder_org)],
                "dates": self.gold.dates,
                "themes": themes,
                "contacts": self.gold.contacts,
            },
            "summary_en": summary_en,
            "split": "dev" if self.rng.random() < DEV_SHARE else "test",
        }
        return Release(
            doc_id,
            self.language,
            self.fmt,
            title,
            date_line,
            paragraphs,
            headings,
            contact,
            self.site_boilerplate(),
            gold,
        )

    def choose_body(self, text: dict, title: str, date_line: str, lead: str) -> list[tuple[str, Person | None]]:
        """Body templates in release order, long enough for a target of 300-700 words.

        Chosen before rendering (lengths estimated from the templates) so that the text is
        rendered once, in reading order: acronyms are introduced at their first mention and
        only the dates that appear become gold. Both quotes always appear.
        """
        target = self.rng.randint(300, 700)
        quotes = self.rng.sample(text["quotes"], 2)
        pool = [(1, detail) for detail in self.theme.details[self.language]]
        pool += list(zip(text["paragraph_ranks"], text["paragraphs"], strict=True))
        self.rng.shuffle(pool)
        words = sum(len(part.split()) for part in (title, date_line, lead, *quotes)) + 30
        chosen = []
        for rank, template in pool:
            if words >= target:
                break
            chosen.append((rank, template))
            words += len(template.split())
        body: list[tuple[str, Person | None]] = [
            (template, None) for _, template in sorted(chosen, key=lambda item: item[0])
        ]
        body.insert(min(1, len(body)), (quotes[0], self.people[0]))
        body.insert(min(3, len(body)), (quotes[1], self.people[1]))
        return body

    def render_plain(self, template: str) -> str:
        """Titles: no acronym introduction, no gold side effects beyond the names."""
        return capitalise(template.format_map(Slots(self, self.story_slots())))

    def polish_gender(self) -> str:
        """Grammatical gender of the issuer's head noun, for past-tense agreement."""
        head = self.issuer_org.forms.get("nom", "").split(" ")[0]
        if head.endswith("a"):
            return "f"
        if head.endswith(("o", "e")):
            return "n"
        return "m"

    def partner_gold(self, org: Org) -> dict:
        aliases = [alias for alias in (org.acronym, org.name_en) if alias and alias != org.name]
        return {"name": org.name, "aliases": aliases}

    def site_boilerplate(self) -> dict:
        """Sidebar news and footer contacts of the issuing site: visible, never gold."""
        other_news = []
        gold_values = {date["value"] for date in self.gold.dates}
        for offset in (9, 23, 41):
            day = self.release_day - dt.timedelta(days=offset + self.rng.randrange(5))
            while iso(day) in gold_values:  # a sidebar date must not look like a release date
                day -= dt.timedelta(days=1)
            theme = self.rng.choice(THEMES)
            project = ProjectPhrase(self.rng.choice(theme.projects), self.language)
            other_news.append((f"{day.day:02d}.{day.month:02d}.{day.year}", capitalise(format(project, "nom"))))
        phone_texts, _ = self.pack.phones(self.place)
        return {
            "news": other_news,
            "phone": phone_texts[0].split(" ", 1)[1],
            "email": f"{SITE_MAILBOX[self.language]}@{self.issuer_org.domain.split('/')[0]}",
            "org": self.issuer_org.forms.get("name", self.issuer_org.name),
        }


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------


def as_txt(release: Release) -> str:
    return "\n\n".join([release.title, release.date_line, *release.paragraphs, release.contact]) + "\n"


def as_md(release: Release, text: dict) -> str:
    parts = [f"# {release.title}", f"*{release.date_line}*"]
    for number, paragraph in enumerate(release.paragraphs):
        if number in release.headings:
            parts.append(f"## {release.headings[number]}")
        parts.append(paragraph)
    parts.append(f"## {text['headings'][2]}")
    parts.append("  \n".join(release.contact.splitlines()[1:]))
    return "\n\n".join(parts) + "\n"


def as_html(release: Release, text: dict) -> str:
    labels = text["html"]
    esc = html.escape
    site = release.site
    nav = "\n".join(f'      <li><a href="/{ascii_slug(item)}">{esc(item)}</a></li>' for item in labels["nav"])
    news = "\n".join(
        f'      <li><span class="date">{day}</span> <a href="/news/{ascii_slug(title)[:30]}">{esc(title)}</a></li>'
        for day, title in site["news"]
    )
    body = "\n".join(f"      <p>{esc(paragraph)}</p>" for paragraph in release.paragraphs)
    contact = "<br>\n        ".join(esc(line) for line in release.contact.splitlines())
    published = release.gold["date"]
    return f"""<!DOCTYPE html>
<html lang="{labels["lang"]}">
<head>
  <meta charset="utf-8">
  <title>{esc(release.title)} | {esc(site["org"])}</title>
  <meta property="og:title" content="{esc(release.title)}">
  <meta property="article:published_time" content="{published}T09:00:00">
</head>
<body>
  <div class="cookie-banner">{esc(labels["cookie"])} <button>{esc(labels["accept"])}</button></div>
  <header>
    <nav class="menu"><ul>
{nav}
    </ul></nav>
  </header>
  <div class="breadcrumb"><a href="/">{esc(labels["home"])}</a> /
    <a href="/news">{esc(labels["news"])}</a> / {esc(release.title)}</div>
  <main>
    <article>
      <h1>{esc(release.title)}</h1>
      <p class="date">{esc(release.date_line)}</p>
{body}
      <div class="press-contact">
        {contact}
      </div>
    </article>
  </main>
  <aside class="sidebar">
    <h2>{esc(labels["more"])}</h2>
    <ul>
{news}
    </ul>
  </aside>
  <footer>
    <p>{esc(site["org"])}</p>
    <p>{esc(labels["footer_phone"])} {esc(site["phone"])} &middot;
      <a href="mailto:{site["email"]}">{site["email"]}</a></p>
    <p><a href="/privacy">{esc(labels["privacy"])}</a></p>
  </footer>
</body>
</html>
"""


def render_file(release: Release) -> str:
    text = LANGUAGE_PACKS[release.language].text
    if release.fmt == "md":
        return as_md(release, text)
    if release.fmt == "html":
        return as_html(release, text)
    return as_txt(release)


def generate(out_dir: Path, count: int, seed: int, languages: list[str], formats: list[str]) -> int:
    """Write `count` releases and gold.jsonl (sorted by id) under out_dir; return the count."""
    out_dir.mkdir(parents=True, exist_ok=True)
    gold_lines: list[tuple[str, str]] = []  # (id, JSON line): far smaller than 100,000 dicts
    made_dirs: set[Path] = set()
    for index in range(count):
        release = ReleaseBuilder(seed, index, languages, formats).build(FILES_PER_BUCKET)
        path = out_dir / release.doc_id
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        path.write_text(render_file(release), encoding="utf-8", newline="\n")
        gold_lines.append((release.doc_id, json.dumps(release.gold, ensure_ascii=False) + "\n"))
    gold_lines.sort()
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8", newline="\n") as gold_file:
        gold_file.writelines(line for _, line in gold_lines)
    (out_dir / ".pressnlpignore").write_text("gold.jsonl\n", encoding="utf-8", newline="\n")
    return len(gold_lines)


def comma_list(value: str, allowed: set[str], what: str) -> list[str]:
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = sorted(set(items) - allowed)
    if unknown or not items:
        raise argparse.ArgumentTypeError(f"unknown {what} {unknown or value!r}; choose from {sorted(allowed)}")
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic press-release corpus with gold annotations.")
    parser.add_argument("out_dir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("-n", "--count", type=int, default=100, help="number of releases (1-100000)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same bytes")
    parser.add_argument(
        "--languages", default="pl,en,de", type=lambda value: comma_list(value, set(LANGUAGE_PACKS), "language")
    )
    parser.add_argument(
        "--formats", default="txt,md,html", type=lambda value: comma_list(value, set(FORMAT_WEIGHTS), "format")
    )
    args = parser.parse_args(argv)
    if not 1 <= args.count <= 100_000:
        parser.error("-n must be between 1 and 100000")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    written = generate(args.out_dir, args.count, args.seed, args.languages, args.formats)
    logger.info(
        "wrote %d releases and gold.jsonl to %s in %.1f s", written, args.out_dir, time.perf_counter() - started
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
