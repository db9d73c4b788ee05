"""The glossary editor: the file the translate stage reads, as a page of rows and as JSON API.
The next translation uses what is saved (the stage re-reads the file when it changed)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from pressnlp.core.errors import PressnlpError
from pressnlp.web.dependencies import ProcessorDep, render
from pressnlp.web.glossary import MAX_TERMS, Term, glossary_format, read_terms, write_terms
from pressnlp.web.jobs import Processor

router = APIRouter()


class GlossaryTerm(BaseModel):
    term: str
    translation: str | None = Field(default=None, description="fixed translation; null or empty keeps the term")
    forms: list[str] = Field(default_factory=list, description="inflected forms to match as written")


class GlossaryDocument(BaseModel):
    path: str
    format: str
    configured: bool = Field(description="whether the pipeline config names this file")
    entries: list[GlossaryTerm]


class GlossaryUpdate(BaseModel):
    entries: list[GlossaryTerm]


def _glossary_document(processor: Processor, terms: list[Term]) -> GlossaryDocument:
    return GlossaryDocument(path=str(processor.glossary_path), format=glossary_format(processor.glossary_path),
                            configured=processor.glossary_configured,
                            entries=[GlossaryTerm(term=t.term, translation=t.translation, forms=t.forms)
                                     for t in terms])


def _glossary_page(request: Request, processor: Processor, terms: list[Term], *, saved: bool = False,
                   error: str | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "glossary.html", status_code, terms=terms, saved=saved, error=error,
                  path=processor.glossary_path, format=glossary_format(processor.glossary_path),
                  configured=processor.glossary_configured, blank_rows=3,
                  translate_in_pipeline="translate" in processor.stage_names)


@router.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
def glossary_page(request: Request, processor: ProcessorDep) -> HTMLResponse:
    try:
        return _glossary_page(request, processor, read_terms(processor.glossary_path))
    except PressnlpError as exc:
        return _glossary_page(request, processor, [], error=f"The glossary file cannot be read: {exc}",
                              status_code=400)


@router.post("/glossary", response_class=HTMLResponse, include_in_schema=False)
async def glossary_save(request: Request, processor: ProcessorDep) -> HTMLResponse:
    async with request.form(max_files=0, max_fields=3 * MAX_TERMS + 10) as form:
        rows = zip(form.getlist("term"), form.getlist("translation"), form.getlist("forms"), strict=False)
        terms = [Term(str(term), str(translation), str(forms).split("|")) for term, translation, forms in rows]
    try:
        return _glossary_page(request, processor, write_terms(processor.glossary_path, terms), saved=True)
    except PressnlpError as exc:
        return _glossary_page(request, processor, terms, error=str(exc), status_code=400)


@router.get("/api/glossary", response_model=GlossaryDocument, tags=["glossary"])
def api_glossary(processor: ProcessorDep) -> GlossaryDocument:
    """The glossary the translate stage uses."""
    return _glossary_document(processor, read_terms(processor.glossary_path))


@router.put("/api/glossary", response_model=GlossaryDocument, tags=["glossary"])
def api_glossary_put(update: GlossaryUpdate, processor: ProcessorDep) -> GlossaryDocument:
    """Replace the glossary; the next translation uses it."""
    terms = [Term(entry.term, entry.translation, list(entry.forms)) for entry in update.entries]
    return _glossary_document(processor, write_terms(processor.glossary_path, terms))
