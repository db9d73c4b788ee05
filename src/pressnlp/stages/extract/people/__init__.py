"""People a release quotes or names as its contact, with role and organisation.

Three places name them (finder.py): quote attributions, attributing phrases before a name, and
the press-contact block. names.py reads the names (Polish ones put in the nominative with
Morfeusz; titles stay out of names), roles.py the role and organisation around them, person.py
merges the mentions of one person.
"""
from __future__ import annotations

from pressnlp.stages.extract.organisations import OrganisationFinder
from pressnlp.stages.extract.people.finder import PeopleFinder
from pressnlp.stages.extract.people.names import surname_rules
from pressnlp.stages.extract.people.person import Person
from pressnlp.stages.extract.text import Doc

__all__ = ["Person", "find_people", "surname_rules"]


def find_people(doc: Doc, finder: OrganisationFinder) -> list[Person]:
    """Every distinct person quoted or given as a contact, in order of first mention."""
    cached = doc.cache.get("people")
    if cached is None:
        cached = doc.cache["people"] = PeopleFinder(doc, finder).run()
    return cached
