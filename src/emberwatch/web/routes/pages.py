"""HTML pages: the dashboard at ``/`` and the offline Swagger UI at ``/docs``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from emberwatch import __version__
from emberwatch.web.paths import TEMPLATES, dist_built

router = APIRouter(include_in_schema=False)


def _unbuilt(request: Request) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        "error.html",
        {
            "status": 503,
            "kind": "Dashboard not built",
            "message": "The dashboard's static files are missing. Run `make web` "
            "(cd frontend && npm ci && npm run build) and reload; the JSON API works meanwhile.",
        },
        status_code=503,
    )


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    """The single-page dashboard (map, timeline, filters, list, event panel)."""
    if not dist_built():
        return _unbuilt(request)
    actions = bool(request.app.state.settings.api_token)
    return TEMPLATES.TemplateResponse(request, "index.html", {"version": __version__, "actions_enabled": actions})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """Swagger UI served from the npm package ``swagger-ui-dist`` (no CDN)."""
    if not dist_built():
        return _unbuilt(request)
    return TEMPLATES.TemplateResponse(request, "docs.html", {"version": __version__})
