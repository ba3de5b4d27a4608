"""The web UI and JSON API (`newsgraph serve`): ``create_app(store_or_url)`` returns the FastAPI app."""
from ..extras import needs_extra

with needs_extra("web", "newsgraph.web (the web UI and JSON API)"):
    from .app import create_app

__all__ = ["create_app"]
