"""The one JSON error shape of the HTTP API, the handlers that produce it, and the request-size guard.

Every error leaves the server as ``{"error": {"code", "message", "field", "status"}}``: brinkwatch's
numbered exceptions keep their code, FastAPI's validation errors become ``E704`` (invalid request) with the
path of the offending field, and Starlette's HTTP errors become ``E404`` (no such route: not found, like
the store's E404), ``E705`` (method not allowed) or ``E700``. API codes stay in the E7xx range, so none
collides with the store's E4xx.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from brinkwatch.errors import (
    AnalysisError,
    ApiError,
    AuthError,
    BrinkwatchError,
    CodingError,
    IngestError,
    ModelLoadError,
    NotEnoughDataError,
    NotFoundError,
    PayloadTooLargeError,
    SettingsError,
    StoreError,
)

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
DEFAULT_BODY_TIMEOUT_S = 10.0
BODY_TIMEOUT_CODE = "E706"


class ErrorBody(BaseModel):
    code: str
    message: str
    field: str | None = None
    status: int


class ErrorResponse(BaseModel):
    """The shape of every error response."""

    error: ErrorBody


class ApiRefusal(ApiError):
    """A request the API understood and refuses (read-only database, writes without a token)."""

    code = "E703"


class BadRequestError(ApiError):
    """A request whose values are well-formed JSON/query types but wrong together (E704 like validation)."""

    code = "E704"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# Most specific first: the first class in the MRO of the raised error that is listed here decides.
STATUS_OF: dict[type[BrinkwatchError], int] = {
    BadRequestError: 400,
    AuthError: 401,
    ApiRefusal: 403,
    PayloadTooLargeError: 413,
    NotFoundError: 404,
    NotEnoughDataError: 404,  # nothing to report for this dyad/range: the resource does not exist
    IngestError: 422,  # empty, binary, not English, too large: well-formed but cannot be coded
    CodingError: 422,
    ModelLoadError: 503,
    SettingsError: 500,
    StoreError: 500,
    AnalysisError: 500,
    ApiError: 400,
}


def status_for(exc: BrinkwatchError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]
    return 500


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, field=field, status=status))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str | None:
    # ("query", "limit") -> "limit"; ("body", "articles", 0, "text") -> "articles.0.text"
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or None


def _validation_message(err: dict[str, Any]) -> str:
    field = _field_path(err.get("loc", ()))
    msg = str(err.get("msg", "invalid value"))
    return f"{field}: {msg}" if field else msg


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    first = errors[0] if errors else {}
    message = _validation_message(first) if first else "invalid request"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more)"
    return error_response(400, BadRequestError.code, message, _field_path(first.get("loc", ())))


async def _on_brinkwatch(request: Request, exc: BrinkwatchError) -> JSONResponse:
    status = status_for(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return error_response(status, exc.code, exc.message, getattr(exc, "field", None), headers)


# Starlette's own refusals (no route, wrong method) in brinkwatch's numbering.
_HTTP_CODES = {404: NotFoundError.code, 405: "E705"}


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
    return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, ApiError.code), message, headers=getattr(exc, "headers", None))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The shape holds even for a bug; the detail goes to the server log (uvicorn logs the traceback).
    return error_response(500, "E500", f"internal error: {type(exc).__name__}")


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(BrinkwatchError, _on_brinkwatch)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class _TooLarge(Exception):
    """Raised inside ``receive`` when the streamed body passes the limit."""


class _TooSlow(Exception):
    """Raised inside ``receive`` when the next piece of the body does not come in time."""


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413 before they are read whole, and stalled bodies with 408.

    A declared ``Content-Length`` over the limit is refused before any byte is read; a body without one
    (chunked) is counted as it streams, and the request is cut off as soon as the count passes the limit.
    Each piece of the body must arrive within ``body_timeout_s`` of the previous one, so a client that
    sends half a body and waits cannot hold a worker. Whatever the application was about to answer is then
    replaced by the 413 or 408 (E706), and the connection is closed.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], max_bytes: int = DEFAULT_MAX_BODY_BYTES,
                 body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared == -1:
            await _send_error(send, 400, BadRequestError.code, "Content-Length is not a non-negative integer")
            return
        if declared is not None and declared > self.max_bytes:
            await _send_error(send, 413, PayloadTooLargeError.code, self._message())
            return
        await self._guarded(scope, receive, send)

    def _message(self) -> str:
        return f"request body is over the limit of {self.max_bytes:,} bytes"

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        over = False
        slow = False
        started = False
        body_done = False

        async def counting_receive() -> Message:
            nonlocal seen, over, slow, body_done
            if body_done:
                return await receive()  # waiting for a disconnect, not for the body: no deadline
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout_s)
            except TimeoutError:
                slow = True
                raise _TooSlow from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if seen > self.max_bytes:
                    over = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over or slow:
                return  # the inner app's answer to a cut-off body is replaced by the 413/408 below
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            over = True
        except _TooSlow:
            slow = True
        except Exception:
            if not (over or slow):
                raise
        if over and not started:
            await _send_error(send, 413, PayloadTooLargeError.code, self._message())
        elif slow and not started:
            await _send_error(send, 408, BODY_TIMEOUT_CODE,
                              f"request body not received within {self.body_timeout_s:g} s")


def _content_length(scope: Scope) -> int | None:
    """The declared body length; None when absent, -1 when malformed."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else -1
    return None


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, status=status)).model_dump_json().encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
