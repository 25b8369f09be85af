"""The server's guards: security headers, request size limits, the write token and uniform JSON errors."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable

from fastapi import Request
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No inline script or style, nothing from other origins, no framing; data: images for map/graph sprites only.
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
}


class SecurityHeaders:
    """Adds the security headers to every HTTP response (and ``no-store`` to API answers)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SECURITY_NAMES]
                headers.extend(SECURITY_HEADERS)
                if is_api:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over the limit for their path with 413, whether declared or streamed."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            response = error_response(413, too_large_message(limit))
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, too_large_message(limit))
            return message

        await self.app(scope, limited, send)


def too_large_message(limit: int) -> str:
    """The 413 message, in MiB."""
    return f"request body larger than {limit / 1024 / 1024:g} MiB"


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise 403 when writes are disabled (no token configured) and 401 when the bearer token is missing or wrong."""
    if not expected:
        raise HTTPException(
            403,
            {"code": "writes_disabled", "message": "writes are disabled: start the server with DATELINE_TOKEN set"},
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(
            401,
            "missing or wrong token: send 'Authorization: Bearer <DATELINE_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def error_response(status: int, message: str, code: str | None = None, details: list | None = None) -> JSONResponse:
    """The one error shape: ``{"error": {"code", "message"[, "details"]}}``."""
    body: dict = {"code": code or CODES.get(status, "error"), "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


def wants_html(request: Request) -> bool:
    """A browser navigating to a page (not the API) gets an HTML error page."""
    return not request.url.path.startswith(("/api/", "/vendor/", "/static/")) and "text/html" in request.headers.get(
        "accept", ""
    )


def install_error_handlers(app, html_error: Callable[[Request, int, str], Response]) -> None:
    """JSON errors for the API and clients, HTML error pages for browsers."""

    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail
        code = None
        if isinstance(detail, dict):
            code, detail = detail.get("code"), detail.get("message", "")
        if wants_html(request):
            return html_error(request, exc.status_code, str(detail))
        response = error_response(exc.status_code, str(detail), code)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": [str(x) for x in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        message = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details) or "invalid request"
        if wants_html(request):
            return html_error(request, 422, message)
        return error_response(422, message, details=json.loads(json.dumps(details, default=str)))

    async def server_error(request: Request, exc: Exception) -> Response:
        # Answered by the outermost middleware, outside SecurityHeaders: add the headers here.
        response = error_response(500, "internal server error")
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
