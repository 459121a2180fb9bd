"""The phones' hot routes (post-its, ballots) without FastAPI's per-request machinery.

A route declared with a body model and a response model has FastAPI parse the JSON, validate
it field by field, then validate the answer again against the response model and encode it:
most of a small write's server time once the write itself is grouped (bench/phones.py). These
helpers read the body with pydantic-core straight from the bytes, answer with JSON built once,
and keep both models in the schema at /openapi.json. Bad input gets the same 422 as before
(a `RequestValidationError`, turned into `saisie_invalide` by the app's handler).
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

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
