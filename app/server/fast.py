"""The phones' hot routes (post-its, ballots) without FastAPI's per-request machinery.

A route declared with a body model and a response model has FastAPI parse the JSON, validate
it field by field, then validate the answer again against the response model and encode it:
most of a small write's server time once the write itself is grouped (bench/phones.py). These
helpers read the body with pydantic-core straight from the bytes, answer with JSON built once,
and keep both models in the schema at /openapi.json. Bad input gets the same 422 as before
(a `RequestValidationError`, turned into `saisie_invalide` by the app's handler).

`FastLane` goes one step further for those routes: the request goes straight from uvicorn to
the route's own endpoint, inside the same outer middleware as every request (starlette's
500 handler, then `Guard`: body cap, security headers), its refusals answered by the app's
own exception handlers. What it skips: FastAPI's telemetry checks (two per request; Atelier
configures no OpenTelemetry, so they pass every request through), the exception and
exit-stack middlewares, matching ~40 routes in turn, and FastAPI's request handling
(dependencies, a second Request object).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

M = TypeVar("M", bound=BaseModel)


def _is_json(content_type: str) -> bool:
    """As FastAPI decides: application/json or application/…+json (parameters ignored)."""
    kind = content_type.partition(";")[0].strip().lower()
    main, _, sub = kind.partition("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))


async def json_body(request: Request, model: type[M]) -> M:
    """The request's body as `model`, refused as FastAPI's own body parameter would be."""
    body = await request.body()  # capped by the Guard middleware (413)
    content_type = request.headers.get("content-type")
    if not body or content_type is None or not _is_json(content_type):  # FastAPI's strict default
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` documenting a JSON body read by `json_body` (FastAPI cannot see it)."""
    schema = model.model_json_schema()  # flat models only (no $defs to place)
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def answer(content: Any, status_code: int = 200) -> JSONResponse:
    """A JSON answer already shaped as the route's response model: not validated again."""
    return JSONResponse(content, status_code=status_code)


# -- the hot lane --------------------------------------------------------------------------
Endpoint = Callable[..., Awaitable[Response]]
Handlers = dict[type[Exception], Callable[[str, Exception], Response]]
MAX_ID = 2**63 - 1  # a path id past SQLite's INTEGER goes the long way (its 422 comes from there)


class HotRoute:
    """One hot route's endpoint, called as its FastAPI route would call it (a `Request`, the
    path's ids as ints), its refusals answered by the app's own handlers (same JSON); wrapped
    by the caller in the same outer middleware as every other request (errors, Guard)."""

    def __init__(self, endpoint: Endpoint, handlers: Handlers) -> None:
        self.endpoint, self.handlers = endpoint, handlers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            response = await self.endpoint(request=Request(scope, receive), **scope["path_params"])
        except Exception as exc:
            handler = next(
                (self.handlers[c] for c in type(exc).__mro__ if c in self.handlers), None
            )
            if handler is None:  # not a refusal: Guard's 413, or a 500 as for any route
                raise
            response = handler(scope["path"], exc)
        await response(scope, receive, send)


class FastLane:
    """Which requests take a hot route: POST to an exact path, or to a path with integer
    ids (`{name}` segments of 1 to 19 digits, no leading zero, at most `MAX_ID`); GET to an
    exact path declared as "GET /path". Anything else, including near misses (a trailing
    slash, another method, an id FastAPI would refuse), goes through FastAPI's full stack and
    gets exactly its answer."""

    def __init__(self) -> None:
        self._exact: dict[str, ASGIApp] = {}
        self._gets: dict[str, ASGIApp] = {}
        self._patterns: list[tuple[re.Pattern[str], ASGIApp]] = []

    def add(self, path: str, app: ASGIApp) -> None:
        if path.startswith("GET "):
            self._gets[path.removeprefix("GET ")] = app
            return
        if "{" not in path:
            self._exact[path] = app
            return
        parts = re.split(r"\{(\w+)\}", path)
        regex = "".join(
            re.escape(part) if n % 2 == 0 else f"(?P<{part}>[1-9][0-9]{{0,18}})"
            for n, part in enumerate(parts)
        )
        self._patterns.append((re.compile(regex), app))

    def match(self, scope: Scope) -> ASGIApp | None:
        """The hot route's app for this request (its path ids put in the scope), or None."""
        if scope["type"] != "http":
            return None
        path = scope["path"]
        if scope["method"] == "GET":
            app = self._gets.get(path)
            if app is not None:
                scope["path_params"] = {}
            return app
        if scope["method"] != "POST":
            return None
        app = self._exact.get(path)
        if app is not None:
            scope["path_params"] = {}
            return app
        for regex, app in self._patterns:
            found = regex.fullmatch(path)
            if found is not None:
                ids = {name: int(value) for name, value in found.groupdict().items()}
                if all(value <= MAX_ID for value in ids.values()):
                    scope["path_params"] = ids
                    return app
        return None
