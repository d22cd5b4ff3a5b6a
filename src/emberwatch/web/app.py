"""The FastAPI application: REST API under ``/api``, the dashboard at ``/``, offline API docs at ``/docs``.

The server opens the database read-write once (analyst actions write to it) and every request thread
reads through its own cursor (:attr:`Store.connection`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from emberwatch import __version__
from emberwatch.errors import (
    CodebookError,
    ConfigError,
    EmberwatchError,
    GazetteerError,
    InputError,
    NotFoundError,
    StoreError,
)
from emberwatch.settings import Settings, get_settings
from emberwatch.store import Store
from emberwatch.web.paths import STATIC_DIR, TEMPLATES
from emberwatch.web.routes import actions, analysis, documents, events, exports, meta, pages
from emberwatch.web.security import SECURITY_HEADERS, AuthError, SecurityHeadersMiddleware

log = logging.getLogger(__name__)

API_PREFIXES = ("/api/", "/healthz", "/openapi.json")

_STATUS: list[tuple[type[EmberwatchError], int]] = [
    (InputError, 422),
    (NotFoundError, 404),
    (StoreError, 503),
    (CodebookError, 500),
    (ConfigError, 500),
    (GazetteerError, 500),
]


def status_for(exc: EmberwatchError) -> int:
    if isinstance(exc, AuthError):
        return exc.status_code
    return next((code for cls, code in _STATUS if isinstance(exc, cls)), 500)


def error_response(request: Request, status: int, kind: str, message: str) -> Response:
    """The one error shape: JSON ``{"error": {type, message}}`` for the API, an HTML page elsewhere."""
    if request.url.path.startswith(API_PREFIXES) or request.url.path == "/api":
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": {"type": kind, "message": message}}, status, headers=headers)
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"status": status, "kind": kind, "message": message}, status_code=status
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EmberwatchError)
    async def _emberwatch(request: Request, exc: EmberwatchError) -> Response:
        status = status_for(exc)
        if status >= 500:
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return error_response(request, status, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()))
            got = f" (got {err['input']!r})" if "input" in err and not isinstance(err["input"], dict) else ""
            problems.append(f"{where}: {err.get('msg', 'invalid')}{got}")
        message = "Invalid request: " + "; ".join(problems) + ". Fix these parameters and retry."
        return error_response(request, 422, "InputError", message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        message = (
            f"Unexpected {type(exc).__name__} while serving {request.url.path}: this is a bug in emberwatch. "
            "The server log has the traceback; please report it with the request that caused it."
        )
        response = error_response(request, 500, "InternalError", message)
        # This handler runs outside the middleware stack, so add the security headers here.
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404:
            message = f"Nothing at {request.url.path}. The API lives under /api (see /docs)."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for its methods."
        return error_response(request, exc.status_code, "HTTPError", message)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Build the app; it opens (and later closes) ``settings.database_path`` unless ``store`` is given."""
    settings = settings or get_settings()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_store:
            app.state.store.close()

    app = FastAPI(
        title="emberwatch API",
        version=__version__,
        description="Sourced, georeferenced events on militant groups after territorial defeat. "
        "Reads are open; analyst actions need `Authorization: Bearer <token>`.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store if store is not None else Store(settings.database_path)
    app.add_middleware(SecurityHeadersMiddleware)
    _install_error_handlers(app)
    for module in (meta, events, actions, documents, analysis, exports, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
    return app
