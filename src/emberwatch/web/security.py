"""Security for the web app: response headers (strict CSP) and the bearer token behind analyst actions."""

from __future__ import annotations

import secrets
from urllib.parse import unquote

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from emberwatch.errors import EmberwatchError

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]


class SecurityHeadersMiddleware:
    """Adds the CSP and related headers to every HTTP response (a plain ASGI middleware: no overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AuthError(EmberwatchError):
    """An analyst action was attempted without a valid API token."""

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


def require_token(request: Request) -> str:
    """FastAPI dependency for analyst actions: checks ``Authorization: Bearer <token>``.

    Returns the author recorded in the audit trail: the ``X-Analyst`` header (percent-encoded UTF-8, so
    Arabic names survive), or ``analyst``.
    """
    expected = request.app.state.settings.api_token
    if not expected:
        raise AuthError(
            "Analyst actions are disabled because the server has no API token. Restart it with "
            "EMBERWATCH_API_TOKEN set (or api_token in emberwatch.toml).",
            403,
        )
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError(
            "This action needs the API token: send the header 'Authorization: Bearer <token>' "
            "(in the dashboard, enter the token under 'Analyst token').",
            401,
        )
    if not secrets.compare_digest(token.strip().encode(), expected.encode()):
        raise AuthError("The API token is wrong: use the token the server was started with.", 403)
    author = unquote(request.headers.get("x-analyst", "")).strip()
    return author[:80] if author else "analyst"
