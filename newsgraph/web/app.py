"""The web application: one FastAPI app serving the JSON API, the pages and their static files."""
from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..records import PIPELINE_VERSION
from . import api, pages
from .cache import Aggregates
from .security import MAX_BODY_BYTES, SECURITY_HEADERS, SecurityMiddleware

if TYPE_CHECKING:
    from ..store import Store

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The npm libraries the pages load; `make install` copies them (and their licences) into static/vendor/,
# which the wheel ships, so nothing comes from a CDN.
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_SCRIPTS = ("cytoscape.min.js", "chart.umd.min.js", "topojson-client.min.js", "countries-110m.json")


@asynccontextmanager
async def frozen_heap(_app: FastAPI) -> AsyncIterator[None]:
    """Move what exists when the server starts (modules, spaCy's and the knowledge base's tables: some
    140,000 objects) out of the collector's sight; else every full collection walks them all inside some
    request, adding about 80 ms to one page view in twenty (benchmarks/api_latency.py)."""
    gc.freeze()
    yield


def create_app(store: Store | str, *, token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the app over a store (or a database URL). Writes are enabled only when a token is given.

    `token` defaults to the NEWSGRAPH_TOKEN environment variable; without one the app is read-only.
    """
    if isinstance(store, str):
        from ..store import Store

        store = Store.open(store)
    app = FastAPI(
        title="newsgraph",
        version=PIPELINE_VERSION,
        description="Who did what to whom, when, and who said what — every fact linked to its sentence.",
        docs_url=None,  # the Swagger page loads scripts from a CDN and inline; the schema is at /openapi.json
        redoc_url=None,
        lifespan=frozen_heap,
    )
    app.state.store = store
    app.state.aggregates = Aggregates()
    app.state.token = token if token is not None else os.environ.get("NEWSGRAPH_TOKEN") or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/ng", StaticFiles(directory=STATIC_DIR / "ng"), name="static")
    app.add_api_route("/static/vendor/{name}", vendor_asset, include_in_schema=False)
    app.add_exception_handler(pages.PageNotFound, page_not_found)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, server_error)
    app.add_middleware(SecurityMiddleware, max_body=max_body)
    return app


async def page_not_found(request: Request, exc: Exception) -> Response:
    return pages.render(request, "error.html", status="Not found", message=str(exc), status_code=404)


async def bad_request(request: Request, exc: Exception) -> Response:
    """The API answers a bad parameter with FastAPI's JSON 422; a page answers with a readable page."""
    if request.url.path.startswith("/api/") or not isinstance(exc, RequestValidationError):
        # registered for RequestValidationError only (create_app), so `exc` is always one
        return await request_validation_exception_handler(request, exc)  # type: ignore[arg-type]
    problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return pages.render(request, "error.html", status="Bad request", message=problems, status_code=400)


async def http_error(request: Request, exc: Exception) -> Response:
    """An HTTP error as FastAPI's JSON under /api/, as a readable page elsewhere (unknown paths included)."""
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    response = pages.render(request, "error.html", status=HTTPStatus(exc.status_code).phrase, message=str(exc.detail),
                            status_code=exc.status_code)
    response.headers.update(exc.headers or {})
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug answers 500 with the security headers too: Starlette sends this response from outside every
    middleware, so SecurityMiddleware never sees it."""
    message = "the server failed on this request; the error is in its log"
    if request.url.path.startswith("/api/"):
        response: Response = JSONResponse({"detail": message}, status_code=500)
    else:
        response = pages.render(request, "error.html", status="Server error", message=message, status_code=500)
    response.headers.update({name.decode(): value.decode() for name, value in SECURITY_HEADERS})
    return response


def vendor_asset(name: str) -> FileResponse:
    """Serve one of the front-end libraries shipped with the package (only those listed)."""
    if name not in VENDOR_SCRIPTS:
        raise HTTPException(404, f"no vendor asset {name!r}")
    path = VENDOR_DIR / name
    if not path.is_file():
        raise HTTPException(404, f"{path} is missing: in a source checkout, run `make install` (it copies it from npm)")
    media_type = "application/json" if name.endswith(".json") else "text/javascript"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
