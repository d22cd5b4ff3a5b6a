"""Run the web app with uvicorn (``emberwatch serve``)."""

from __future__ import annotations

import logging

import uvicorn

from emberwatch.settings import Settings
from emberwatch.web.app import create_app
from emberwatch.web.paths import dist_built

log = logging.getLogger(__name__)


def serve(settings: Settings) -> None:
    """Serve API and dashboard on ``settings.host:settings.port`` until interrupted.

    Refuses a non-loopback address without an API token (:meth:`Settings.check_serving`).
    """
    settings.check_serving()
    if not dist_built():
        log.warning("dashboard assets are not built (run `make web`); serving the API only")
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info", proxy_headers=False)
