"""What an archive's values may be, beyond their column's type: checked before anything is
written, so that a crafted file is refused with a French message and never breaks a base.

`app.ops.archive` checks the envelope, each field's type, string lengths of `String(n)`
columns and every reference; this adds what the types do not say:

- enumerations: a workshop's status, a phase's kind, a vote's kind… must be one Atelier knows
  (a `"status": "pwned"` imported, then every listing of the base crashed);
- the size of free text (`Text` columns have no length in the database: a 30 MB post-it made
  the PDF export run for minutes) and of JSON fields;
- numbers: integers that fit a 64-bit column, finite floats of a sensible size (NaN,
  Infinity, 1e308 coordinates), no 4,000-digit integers;
- nesting: JSON fields (the cadrage, a vote's settings, a method's data) at most `MAX_DEPTH`
  deep, and the whole file too.

`loads` reads the file's text with the same rules on numbers (NaN and Infinity are not JSON;
Python's parser takes them), `check_tables` checks the parsed tables (also those handed over
in memory: a takeover, a rehearsal).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from app.domain.model import PhaseKind, Status
from app.domain.report import ACTION_STATUSES, FATES, PROJECT_STATUSES
from app.domain.votes import KINDS
from app.errors import phrase
from app.ops.participants import CATEGORIES

MAX_DEPTH = 20  # nesting of objects and lists, anywhere in the file
MAX_INT = 2**63 - 1  # a 64-bit column (SQLite, PostgreSQL's bigint)
MAX_DIGITS = 20
MAX_FLOAT = 1e15  # a time stamp is ~1.8e9 s; coordinates, scores and minutes far less
MAX_TEXT = 20_000  # characters of one free-text field (an agenda's text is at most 5,000)
MAX_JSON_CHARS = 200_000  # one JSON field (a cadrage, a vote's settings, a method), encoded
TEXT_LIMITS: Mapping[tuple[str, str], int] = {
    ("notes", "text"): 2_000,  # a post-it is 280 characters; older ones kept some slack
    ("project_entries", "text"): 5_000,
    ("feedback", "keep"): 5_000,
    ("feedback", "improve"): 5_000,
}
ENUMS: Mapping[tuple[str, str], frozenset[str]] = {
    ("workshops", "status"): frozenset(s.value for s in Status),
    ("workshops", "board_scope"): frozenset({"phase", "workshop"}),
    ("phases", "kind"): frozenset(k.value for k in PhaseKind),
    ("participants", "category"): frozenset(CATEGORIES),
    ("checkins", "source"): frozenset({"phone", "manual"}),
    ("vote_rounds", "kind"): frozenset(KINDS),
    ("vote_rounds", "status"): frozenset({"open", "closed"}),
    # a vote's item_type: the import's own check (« élément de vote inconnu »)
    ("actions", "status"): frozenset(ACTION_STATUSES),
    ("projects", "status"): frozenset(PROJECT_STATUSES),
    ("note_fates", "fate"): frozenset(FATES),
}


class Refused(ValueError):
    """A value the archive may not hold; `detail` says which, in French."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _constant(name: str) -> Any:
    raise Refused(phrase("valeur numérique invalide ({name})", name=name))


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise Refused(phrase("nombre entier de {digits} chiffres", digits=len(text.lstrip("-"))))
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_FLOAT:
        raise Refused(phrase("nombre démesuré ({text})", text=text[:20]))
    return value


_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')  # a string (skipped), or a bracket


def _nesting(text: str) -> None:
    """Refuse text nested past `MAX_DEPTH` before the JSON parser sees it: parsing thousands of
    levels raises RecursionError from C, which leaves CPython 3.11's recursion bookkeeping
    askew for the thread (a later `ast.parse` failed with "recursion depth mismatch")."""
    level = 0
    for match in _BRACKETS.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            level += 1
            if level > MAX_DEPTH:
                raise Refused(
                    phrase(
                        "{where} : données imbriquées sur plus de {MAX_DEPTH} niveaux",
                        where="le fichier",
                        MAX_DEPTH=MAX_DEPTH,
                    )
                )
        elif bracket in "]}":
            level -= 1


def loads(text: str) -> Any:
    """The file's JSON, numbers checked as they are read (raises `Refused`, or ValueError for
    text that is not JSON)."""
    _nesting(text)
    data = json.loads(text, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    depth(data, "le fichier")
    return data


def depth(value: Any, where: str) -> None:
    """Refuses a value nested more than `MAX_DEPTH` deep, or holding a bad number (the
    tables handed over in memory have not gone through `loads`)."""
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, level = todo.pop()
        if level > MAX_DEPTH:
            raise Refused(
                phrase(
                    "{where} : données imbriquées sur plus de {MAX_DEPTH} niveaux",
                    where=where,
                    MAX_DEPTH=MAX_DEPTH,
                )
            )
        if isinstance(item, dict):
            todo.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            todo.extend((v, level + 1) for v in item)
        else:
            number(item, where)


def number(value: Any, where: str) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not -MAX_INT - 1 <= value <= MAX_INT:
        raise Refused(phrase("{where} : nombre entier hors limites", where=where))
    if isinstance(value, float) and (not math.isfinite(value) or abs(value) > MAX_FLOAT):
        raise Refused(phrase("{where} : nombre démesuré", where=where))


def check_value(table: str, column: str, value: Any, is_text: bool, is_json: bool) -> None:
    """One field's value, beyond its type (raises `Refused`)."""
    where = f"{table}.{column}"
    allowed = ENUMS.get((table, column))
    if allowed is not None and value is not None and value not in allowed:
        shown = str(value)[:30]
        raise Refused(
            phrase("{where} a une valeur inconnue (« {shown} »)", where=where, shown=shown)
        )
    if is_text and isinstance(value, str):
        limit = TEXT_LIMITS.get((table, column), MAX_TEXT)
        if len(value) > limit:
            raise Refused(
                phrase(
                    "{where} : texte de {n} caractères (au plus {limit})",
                    where=where,
                    n=f"{len(value):,}".replace(",", " "),
                    limit=f"{limit:,}".replace(",", " "),
                )
            )
    if is_json and value is not None:
        depth(value, where)
        size = len(json.dumps(value, ensure_ascii=False))
        if size > MAX_JSON_CHARS:
            raise Refused(phrase("{where} : données trop volumineuses", where=where))
    else:
        number(value, where)


def check_tables(tables: Mapping[str, Any], columns: Mapping[str, Mapping[str, Any]]) -> None:
    """Every row of the archive's tables: `columns` is {table: {column: its SQLAlchemy
    column}} (raises `Refused`)."""
    from sqlalchemy import JSON, Text

    for name, by_column in columns.items():
        rows = tables.get(name, [])
        for row in rows if isinstance(rows, list) else ():
            if not isinstance(row, dict):
                continue  # the envelope's check says so
            for key, value in row.items():
                column = by_column.get(key)
                if column is None:
                    continue  # an unexpected field: the import says so
                check_value(
                    name,
                    key,
                    value,
                    is_text=isinstance(column.type, Text),
                    is_json=isinstance(column.type, JSON),
                )
    methods = tables.get("methods", [])
    depth(methods, "methods")
    if len(json.dumps(methods, ensure_ascii=False)) > 20 * MAX_JSON_CHARS:
        raise Refused(phrase("{where} : données trop volumineuses", where="methods"))
