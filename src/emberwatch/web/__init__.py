"""REST API and offline dashboard (``create_app``), served by ``emberwatch serve``."""

from __future__ import annotations

from emberwatch.web.app import create_app

__all__ = ["create_app"]
