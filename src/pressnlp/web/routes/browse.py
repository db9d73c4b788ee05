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

from pressnlp.report.views import release_view
from pressnlp.web.dependencies import ProcessorDep, RunsDep, record_or_404, render, run_or_404
from pressnlp.web.runs import RecordFilter

PAGE_SIZE = 100

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


@router.get("/runs/{name}", response_class=HTMLResponse, include_in_schema=False)
def run_page(request: Request, name: str, runs: RunsDep, q: str = "", language: str = "", theme: str = "",
             partner: str = "", date_from: str = "", date_to: str = "",
             page_number: Annotated[int, Query(alias="page", ge=1)] = 1) -> HTMLResponse:
    run = run_or_404(runs, name)
    record_filter = RecordFilter(q, language, theme, partner, date_from, date_to)
    found = run.search(record_filter)
    pages = max(1, math.ceil(len(found) / PAGE_SIZE))
    query = urlencode({key: value for key, value in request.query_params.items() if key != "page"})
    return render(request, "run.html", run=run, f=record_filter, total=len(found), facets=run.facets(),
                  records=found[(page_number - 1) * PAGE_SIZE: page_number * PAGE_SIZE], page=page_number,
                  pages=pages, query_without_page=query, manifest=run.manifest())


@router.get("/runs/{name}/release", response_class=HTMLResponse, include_in_schema=False)
def run_release(request: Request, name: str, record_id: Annotated[str, Query(alias="id")], runs: RunsDep,
                processor: ProcessorDep) -> HTMLResponse:
    run = run_or_404(runs, name)
    record = record_or_404(run, record_id)
    return render(request, "result.html", v=release_view(record, target_language=processor.target_language),
                  pairs_open=True, back_url=f"/runs/{run.name}", back_label=f"All releases of {run.name}",
                  download_base=f"/runs/{run.name}/download/", download_query="?" + urlencode({"id": record_id}))


@router.get("/api/runs", response_model=list[RunInfo], tags=["runs"])
def api_runs(runs: RunsDep) -> list[RunInfo]:
    """The output folders the server was started with (`--runs`)."""
    return [RunInfo(name=run.name, records=len(run.records), started=(run.manifest() or {}).get("started"),
                    url=f"/api/runs/{run.name}/records") for run in runs]


@router.get("/api/runs/{name}/records", response_model=RecordList, tags=["runs"])
def api_records(name: str, runs: RunsDep, q: str = "", language: str = "", theme: str = "", partner: str = "",
                date_from: Annotated[str, Query(description="YYYY-MM-DD; release date on or after")] = "",
                date_to: Annotated[str, Query(description="YYYY-MM-DD; release date on or before")] = "",
                offset: Annotated[int, Query(ge=0)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_SIZE) -> RecordList:
    """Releases of a run, filtered (full-text `q`, language, theme id, partner name, date range)."""
    run = run_or_404(runs, name)
    found = run.search(RecordFilter(q, language, theme, partner, date_from, date_to))
    return RecordList(total=len(found), offset=offset, limit=limit,
                      records=[_summary_of(record, f"/api/runs/{run.name}/records/{record['id']}")
                               for record in found[offset:offset + limit]])


@router.get("/api/runs/{name}/records/{record_id:path}", tags=["runs"])
def api_record(name: str, record_id: str, runs: RunsDep) -> dict[str, Any]:
    """One result record (SPEC.md section 1), by its id (looked up in results.jsonl)."""
    return record_or_404(run_or_404(runs, name), record_id)
