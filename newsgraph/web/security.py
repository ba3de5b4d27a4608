"""HTTP hardening shared by the API and the pages: security headers, body size cap, bearer token."""
from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request

MAX_BODY_BYTES = 2 * 1024 * 1024

# No inline script or style anywhere: scripts are static files, data comes as data-* attributes or API JSON.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityMiddleware:
    """Adds the security headers to every response and refuses request bodies over `max_body` bytes.

    Written as plain ASGI (not BaseHTTPMiddleware) so it costs nothing on the latency of API calls.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _send_too_large(send, self.max_body)
            return
        await self.app(scope, *_guarded(receive, send, self.max_body))


def _guarded(receive: Receive, send: Send, max_body: int) -> tuple[Receive, Send]:
    """Wrap one request's channels: add headers on the way out, cut a streamed body that grows too big.

    Once the cut is made the client has its 413 and whatever the app tries to send afterwards is dropped.
    """
    state = {"seen": 0, "started": False, "cut": False}

    async def guarded_receive() -> Message:
        message = await receive()
        if message["type"] == "http.request":
            state["seen"] += len(message.get("body", b""))
            if state["seen"] > max_body:
                if not state["started"]:
                    await _send_too_large(send, max_body)
                state["started"] = state["cut"] = True
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message: Message) -> None:
        if state["cut"]:
            return
        if message["type"] == "http.response.start":
            state["started"] = True
            message["headers"] = list(message.get("headers") or []) + SECURITY_HEADERS
        await send(message)

    return guarded_receive, guarded_send


async def _send_too_large(send: Send, max_body: int) -> None:
    body = b'{"detail":"request body too large (limit %d bytes)"}' % max_body
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """Allow a write only when the server has a token and the request carries it as a bearer token.

    No token configured: the server is read-only (403). Missing header: 401. Wrong token: 403.
    """
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with NEWSGRAPH_TOKEN set to accept articles")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "send the token as 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong token")
