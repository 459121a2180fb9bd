"""How the server refuses: every refusal is JSON ``{code, message}`` in French, with the
status of its code (`STATUS`).

The handlers here answer the core's `KnownError`s, FastAPI's validation errors and
starlette's own refusals (unknown address, wrong method, unreadable body) in that one form;
`create_app` installs them on the app, and the hot lane (app/server/fast.py) calls them
directly (`HANDLERS`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Literal

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.errors import SEANCE_CLOSED, InvalidInput, KnownError, SeanceNotOpen
from app.ops.notes import MAX_NOTE
from app.server.cofac import COFAC_STATUS
from app.server.fast import Handlers
from app.server.feedback import FEEDBACK_STATUS
from app.server.limits import LIMITS_STATUS
from app.server.votes import VOTE_STATUS

STATUS = {
    "interdit": 403,
    "introuvable": 404,
    "saisie_invalide": 422,
    "trop_gros": 413,
    "jeton_invalide": 401,
    "trop_de_requetes": 429,
    **VOTE_STATUS,  # vote_clos 409, plus_de_gommettes 422…
    **COFAC_STATUS,  # code_expire 409, appairage_bloque 429…
    **FEEDBACK_STATUS,  # retours_fermes 409
    **LIMITS_STATUS,  # code_bloque, entree_bloquee, trop_d_inscriptions 429
    "code_invalide": 403,
    "seance_fermee": 409,
    "disque_plein": 507,  # nothing more can be written; what was acknowledged stays
    "base_de_donnees": 503,  # the store failed (busy, connection lost): the server's, not yours
    "lecture_impossible": 503,  # a read met the store away or busy: nothing was written
}
TOO_LARGE = "Envoi trop volumineux (16 Ko au plus)."
HTTP_REFUSALS = {
    413: ("trop_gros", TOO_LARGE),  # a chunked body past the cap, found while it is read
    404: ("introuvable", "Cette adresse n'existe pas."),
    405: ("methode_refusee", "Cette adresse ne prend pas cette méthode."),
}
# what a phone is told instead of the facilitator's message (which says what to do on the laptop)
PHONE_MESSAGES = {
    "disque_plein": "L'ordinateur de l'animation n'a plus de place : cet envoi n'a pas été "
    "enregistré (les précédents le sont). Prévenez l'équipe d'animation.",
    "base_de_donnees": "L'ordinateur de l'animation n'a pas pu enregistrer cet envoi. "
    "Réessayez dans un instant.",
    "lecture_impossible": "L'ordinateur de l'animation ne peut pas lire ses données pour "
    "l'instant. La page réessaie d'elle-même dans un instant.",
}
CLOSED = SEANCE_CLOSED


class Problem(BaseModel):
    code: str
    message: str


class Closed(Problem):
    seance: Literal["absent", "ended"]


# the OpenAPI `responses` of a participant route: 409 while the séance is not open
CLOSED_RESPONSES: dict[int | str, dict[str, Any]] = {409: {"model": Closed}}


class SeanceClosed(SeanceNotOpen):
    """Participant routes answer only while the séance is open."""


def problem(status: int, code: str, message: str, **extra: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, **extra}, status_code=status)


# the check-in's typed fields, as the phone's form names them (a refusal says which is too long)
JOIN_FIELDS = {"name": "Nom", "organisation": "Organisation"}


def invalid_message(path: str, errors: Any) -> str:
    """What a 422 says: a post-it, a name or an organisation over the limit is told so, with
    the limit (the phone keeps the text to shorten it); anything else the general message."""
    for error in errors:
        loc = error.get("loc") or ()
        typed = error.get("input")
        if (
            path == "/api/notes"
            and error.get("type") == "string_too_long"
            and loc
            and loc[-1] == "text"
            and isinstance(typed, str)
        ):
            return (
                f"Post-it trop long : {MAX_NOTE} caractères au plus ({len(typed)} saisis). "
                "Raccourcissez-le, puis envoyez-le à nouveau."
            )
        if (
            path == "/api/join"
            and error.get("type") == "string_too_long"
            and loc
            and loc[-1] in JOIN_FIELDS
            and isinstance(typed, str)
        ):
            limit = (error.get("ctx") or {}).get("max_length", "")
            return (
                f"{JOIN_FIELDS[loc[-1]]} : {limit} caractères au plus ({len(typed)} saisis). "
                "Raccourcissez, puis validez à nouveau."
            )
    return "Données envoyées incomplètes ou invalides."


def known_problem(path: str, exc: Exception) -> JSONResponse:
    """A `KnownError`: its code's status, the French message (a phone's own for the store's
    failures), where the séance is for a closed one."""
    assert isinstance(exc, KnownError)
    if isinstance(exc, SeanceNotOpen):  # the door's, or a write's (another server ended it)
        return problem(STATUS[exc.code], exc.code, exc.message, seance=exc.seance)
    team = path.startswith(("/api/facilitator/", "/api/cofac/"))
    if team and exc.params:  # a laptop's window says it in its own language from these
        params = {name: str(value) for name, value in exc.params.items()}
        return JSONResponse(
            {"code": exc.code, "message": exc.message, "template": exc.template, "params": params},
            status_code=STATUS.get(exc.code, 400),
        )
    message = exc.message if team else PHONE_MESSAGES.get(exc.code, exc.message)
    return problem(STATUS.get(exc.code, 400), exc.code, message)


def invalid_problem(path: str, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem(422, InvalidInput.code, invalid_message(path, exc.errors()))


def http_problem(_path: str, exc: Exception) -> JSONResponse:
    """Starlette's own refusals in the same JSON form: a body that is not JSON (422, as for any
    invalid data), an unknown address, a method the address does not take."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:
        return problem(422, InvalidInput.code, "Données envoyées illisibles ou invalides.")
    code, message = HTTP_REFUSALS.get(exc.status_code, ("refuse", "Requête refusée."))
    reply = problem(exc.status_code, code, message)
    reply.headers.update(exc.headers or {})  # e.g. Allow, for a 405
    return reply


# every refusal's answer, by the exception's class (the app's handlers and the hot lane's)
HANDLERS: Handlers = {
    KnownError: known_problem,
    RequestValidationError: invalid_problem,
    StarletteHTTPException: http_problem,
}


def by_path(
    answer_with: Callable[[str, Exception], Response],
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """One of the refusals above as a FastAPI exception handler."""

    async def handler(request: Request, exc: Exception) -> Response:
        return answer_with(request.url.path, exc)

    return handler
