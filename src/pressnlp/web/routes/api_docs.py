"""The /api page: the JSON API described from the app's own OpenAPI document (FastAPI's /docs
and /redoc load their scripts from a CDN, which the page's CSP forbids)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from pressnlp.web.dependencies import render

router = APIRouter()


@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_page(request: Request) -> HTMLResponse:
    document = request.app.openapi()
    schemas = document.get("components", {}).get("schemas", {})
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            parameters = [{"name": p["name"], "where": p["in"], "description": p.get("description", "")}
                          for p in operation.get("parameters", [])]
            for content_type, body in operation.get("requestBody", {}).get("content", {}).items():
                schema = schemas.get(body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1], {})
                parameters += [{"name": name, "where": f"body ({content_type})",
                                "description": field.get("description", "")}
                               for name, field in schema.get("properties", {}).items()]
            operations.append({"method": method.upper(), "path": path,
                               "description": operation.get("description", ""), "parameters": parameters})
    return render(request, "api.html", operations=operations)
