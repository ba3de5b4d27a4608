"""`newsgraph serve`: the web UI and JSON API over a database."""
from __future__ import annotations

import socket

import click

from ..extras import needs_extra
from . import main
from .options import db_option


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the loopback default unless the machine is behind a proxy.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the web UI and the JSON API (schema at /openapi.json) over a database.

    The server is read-only unless the environment variable NEWSGRAPH_TOKEN is
    set; then POST /api/articles accepts articles sent with
    `Authorization: Bearer $NEWSGRAPH_TOKEN`.

    Example:

        newsgraph serve --db newsgraph.db --port 8000
    """
    with needs_extra("web", "newsgraph serve"):
        import uvicorn

    from ..store import DatabaseURLError, Store
    from ..web import create_app

    try:
        store = Store.open(db)
    except DatabaseURLError as err:
        raise click.BadParameter(str(err), param_hint="--db") from None
    app = create_app(store)
    sock = listen(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    where = store.engine.url.render_as_string(hide_password=True)
    click.echo(f"newsgraph: serving {where} at http://{shown}:{bound_port}/ "
               "(API schema at /openapi.json; Ctrl+C stops)")
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


def listen(host: str, port: int) -> socket.socket:
    """Bind the listening socket first, so the address printed is one that works (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise click.ClickException(
            f"cannot listen on {host}:{port} ({err.strerror or err}); choose another --port") from err
    sock.listen(2048)
    return sock
