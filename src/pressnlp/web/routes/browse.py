"""The run browser: the output folders the server was started with, their releases filtered and
paged, one release at a time; and the same as JSON API. Records are looked up by id, never
opened by a path taken from a request."""
from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from pressnlp.core.errors import PressnlpError
from pressnlp.web.dependencies import ProcessorDep, RunsDep, record_or_404, render, render_release, run_or_404
from pressnlp.web.runs import SORTS, RecordFilter

PAGE_SIZE = 25
API_PAGE_SIZE = 100

router = APIRouter()


class RunInfo(BaseModel):
    name: str
    records: int
    started: str | None
    url: str


class RecordSummary(BaseModel):
    id: str
    title: str | None
    title_en: str | None
    language: str | None
    date: str | None
    themes: list[str]
    partners: list[str]
    errors: int
    url: str


class RecordList(BaseModel):
    total: int
    offset: int
    limit: int
    records: list[RecordSummary]


def _summary_of(record: dict[str, Any], url: str) -> RecordSummary:
    facts = record.get("facts") or {}
    return RecordSummary(
        id=record["id"], title=record.get("title"), title_en=(record.get("translation") or {}).get("title"),
        language=(record.get("language") or {}).get("code"), date=record.get("date"),
        themes=[t.get("id") for t in facts.get("themes") or [] if t.get("id")],
        partners=[p.get("name") for p in facts.get("partners") or [] if p.get("name")],
        errors=len(record.get("errors") or []), url=url)


@router.get("/runs", response_class=HTMLResponse, include_in_schema=False)
def runs_page(request: Request, runs: RunsDep) -> HTMLResponse:
    return render(request, "runs.html", runs=list(runs))


def _pages(page: int, pages: int) -> list[int | None]:
    """Page numbers to link: the first, the last and two around the current one; None for a gap."""
    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


@router.get("/runs/{name}", response_class=HTMLResponse, include_in_schema=False)
def run_page(request: Request, name: str, runs: RunsDep, processor: ProcessorDep, q: str = "", language: str = "",
             theme: str = "", partner: str = "", date_from: str = "", date_to: str = "", sort: str = "date",
             page_number: Annotated[int, Query(alias="page")] = 1) -> HTMLResponse:
    """A run's releases, filtered, sorted and in pages. A date that is not a date is said next
    to the filters (and not used) instead of being ignored; a page past either end shows the
    nearest page."""
    run = run_or_404(runs, name)
    sort = sort if sort in SORTS else "date"
    problem = None
    try:
        record_filter = RecordFilter(q, language, theme, partner, date_from, date_to)
    except PressnlpError as exc:
        problem = str(exc)
        record_filter = RecordFilter(q, language, theme, partner)
    found = run.search(record_filter, sort)
    pages = max(1, math.ceil(len(found) / PAGE_SIZE))
    page_number = min(max(1, page_number), pages)
    first = (page_number - 1) * PAGE_SIZE
    query = urlencode({key: value for key, value in request.query_params.items() if key != "page"})
    return render(request, "run.html", 400 if problem else 200, run=run, f=record_filter, problem=problem,
                  date_from=date_from.strip(), date_to=date_to.strip(), total=len(found), facets=run.facets(),
                  sort=sort, sorts=SORTS, records=found[first:first + PAGE_SIZE], first=first, page=page_number,
                  pages=pages, page_links=_pages(page_number, pages), query_without_page=query,
                  manifest=run.manifest(), reader=processor.target_language)


@router.get("/runs/{name}/release", response_class=HTMLResponse, include_in_schema=False)
def run_release(request: Request, name: str, record_id: Annotated[str, Query(alias="id")],
                runs: RunsDep) -> HTMLResponse:
    run = run_or_404(runs, name)
    record = record_or_404(run, record_id)
    return render_release(request, record, back_url=f"/runs/{run.name}", back_label=f"All releases of {run.label}",
                          download_base=f"/runs/{run.name}/download/",
                          download_query="?" + urlencode({"id": record_id}))


@router.get("/api/runs", response_model=list[RunInfo], tags=["runs"])
def api_runs(runs: RunsDep) -> list[RunInfo]:
    """The output folders the server was started with (`--runs`), and "web": the releases
    processed on the page."""
    return [RunInfo(name=run.name, records=len(run.records), started=(run.manifest() or {}).get("started"),
                    url=f"/api/runs/{run.name}/records") for run in runs]


@router.get("/api/runs/{name}/records", response_model=RecordList, tags=["runs"])
def api_records(name: str, runs: RunsDep,
                q: Annotated[str, Query(description="words, also found in their other forms (lemmas)")] = "",
                language: str = "", theme: str = "",
                partner: Annotated[str, Query(description="an organisation by any of its names or aliases")] = "",
                date_from: Annotated[str, Query(description="YYYY-MM-DD; release date on or after")] = "",
                date_to: Annotated[str, Query(description="YYYY-MM-DD; release date on or before")] = "",
                sort: Annotated[str, Query(description="date (newest first) or name",
                                           pattern="^(date|name)$")] = "date",
                offset: Annotated[int, Query(ge=0)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = API_PAGE_SIZE) -> RecordList:
    """Releases of a run, filtered (words `q`, language, theme id, partner, date range) and sorted."""
    run = run_or_404(runs, name)
    found = run.search(RecordFilter(q, language, theme, partner, date_from, date_to), sort)
    return RecordList(total=len(found), offset=offset, limit=limit,
                      records=[_summary_of(record, f"/api/runs/{run.name}/records/{record['id']}")
                               for record in found[offset:offset + limit]])


@router.get("/api/runs/{name}/records/{record_id:path}", tags=["runs"])
def api_record(name: str, record_id: str, runs: RunsDep) -> dict[str, Any]:
    """One result record (SPEC.md section 1), by its id (looked up in results.jsonl)."""
    return record_or_404(run_or_404(runs, name), record_id)
