"""The web UI and JSON API (`newsgraph serve`): ``create_app(store_or_url)`` returns the FastAPI app."""
from .app import create_app

__all__ = ["create_app"]
