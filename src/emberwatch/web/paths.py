"""Where the web app's templates and built static files live (inside the installed package)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi.templating import Jinja2Templates

WEB_DIR = Path(str(resources.files("emberwatch.web")))
STATIC_DIR = WEB_DIR / "static"
DIST_DIR = STATIC_DIR / "dist"
TEMPLATES = Jinja2Templates(directory=str(WEB_DIR / "templates"))


def dist_built() -> bool:
    """True once ``make web`` has built the dashboard assets into ``static/dist``."""
    return (DIST_DIR / "dashboard.js").is_file() and (DIST_DIR / "swagger" / "swagger-ui-bundle.js").is_file()
