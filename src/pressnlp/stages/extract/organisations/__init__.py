"""Organisation names in running text, with exact offsets and canonical (nominative) names.

Rules rather than a statistical tagger, because releases name organisations in a few regular
ways and the rules can be read, tested and extended per language (lang/<code>/extract.toml).
The steps, one module each:
- candidates: every way a release names an organisation (capitalised runs with a head word
  or a legal form, descriptor nouns, appositions, acronyms in brackets and on their own, the
  gazetteer); runs: the runs of capitalised words most names are in;
- boundaries: where names begin and end (a run cut at coordinators and second heads, the name's
  start in head-initial languages, the organisation inside a unit's name); edges: what follows a
  name and belongs to it (a quoted name, a legal form, a bracketed acronym);
- canonical: the mention itself, with the name as reported (Polish put into the nominative with
  Morfeusz: the head and its agreeing adjectives inflect, genitive complements stay) and its key;
- words: the token predicates all of them ask (head noun, name word, adjective).
Merging the mentions of one organisation is the partners extractor's (partners/merging.py).
"""
from __future__ import annotations

from pressnlp.stages.extract.gazetteer import Gazetteer
from pressnlp.stages.extract.organisations.boundaries import NameBounds
from pressnlp.stages.extract.organisations.candidates import CandidateFinder
from pressnlp.stages.extract.organisations.canonical import MentionBuilder
from pressnlp.stages.extract.organisations.mention import OrgMention, initials_match, key_words, name_key
from pressnlp.stages.extract.organisations.words import NameWords
from pressnlp.stages.extract.text import Doc

__all__ = ["OrgMention", "OrganisationFinder", "initials_match", "key_words", "name_key"]


class OrganisationFinder:
    """Finds organisation mentions in a Doc; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer

    def find(self, doc: Doc) -> list[OrgMention]:
        """Mentions in the Doc, computed once per Doc and shared by partners and people."""
        cached = doc.cache.get("organisations")
        if cached is None:
            cached = doc.cache["organisations"] = CandidateFinder(doc, self.gazetteer).run()
        return cached

    def tagged_name(self, doc: Doc, part: list[int]) -> OrgMention | None:
        """A name mention from a run of Doc token indexes that something else (a NER model)
        tagged as an organisation, built as the rules build theirs: punctuation off the edges (a
        closing quote kept when the name opened one), a legal form split off and re-attached,
        the nominative from the head or the first noun. None when no capitalised word starts it."""
        words = NameWords(doc)
        return NameBounds(words, MentionBuilder(words)).tagged_name(part)
