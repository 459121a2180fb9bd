"""Crafted archives: a file made to break the base (an unknown status, a 30 MB post-it,
nested data, 4,000-digit integers, huge floats, NaN and Infinity) is refused with a French
message before anything is written, by the import function (the window's import, a takeover)
and by `atelier import` (exit 2); and a bad status already in a base no longer breaks
`atelier list` nor the window's listing.

Each archive is resealed (its checksum recomputed), as an attacker would.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from app.cli import main
from app.domain.model import Status
from app.ops import archive
from app.ops.archive import ArchiveError, export_archive, import_archive, read_archive
from app.ops.base import Context
from app.ops.demo import create_demo
from app.ops.queries import list_workshops, workshop_detail
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Note, Workshop


def _counts(ctx: Context) -> tuple[int, int]:
    return ctx.db.read(lambda s: (s.scalar(select(func.count(Workshop.id))),
                                  s.scalar(select(func.count(Note.id)))))  # fmt: skip


def _sealed(data: dict[str, Any]) -> dict[str, Any]:
    data["sha256"] = archive._digest(data["tables"])
    return data


def _nested(levels: int) -> Any:
    value: Any = "fond"
    for _ in range(levels):
        value = {"x": value}
    return value


# (what the attacker changes in the tables, what the refusal says)
CRAFTED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("status", lambda t: t["workshops"][0].update(status="pwned"),
     "workshops.status a une valeur inconnue (« pwned »)"),
    ("phase_kind", lambda t: t["phases"][0].update(kind="<script>"), "phases.kind"),
    ("vote_kind", lambda t: t["vote_rounds"][0].update(kind="bourrage"), "vote_rounds.kind"),
    ("category", lambda t: t["participants"][0].update(category="root"), "participants.category"),
    ("fate", lambda t: t["note_fates"].append({**t["note_fates"][0], "id": 10**6,
                                                "fate": "detruite"})
     if t["note_fates"] else t["workshops"][0].update(board_scope="partout"),
     "a une valeur inconnue"),
    ("big_note", lambda t: t["notes"][0].update(text="x" * (30 * 1024 * 1024)),
     "notes.text : texte de 31 457 280 caractères"),
    ("big_instructions", lambda t: t["phases"][0].update(instructions="y" * 100_000),
     "phases.instructions : texte de 100 000 caractères"),
    ("nested_cadrage", lambda t: t["workshops"][0].update(cadrage={"why": _nested(40)}),
     "imbriquées sur plus de 20 niveaux"),
    ("huge_int", lambda t: t["notes"][0].update(x=2**70),
     "nombre entier hors limites"),
    ("huge_float", lambda t: t["notes"][0].update(x=1e300), "nombre démesuré"),
    ("nan", lambda t: t["notes"][0].update(y=float("nan")), "nombre démesuré"),
    ("infinity", lambda t: t["workshops"][0].update(created_at=float("inf")), "nombre démesuré"),
    ("big_cadrage", lambda t: t["workshops"][0].update(cadrage={"why": "z" * 300_000}),
     "workshops.cadrage : données trop volumineuses"),
]  # fmt: skip


@pytest.fixture
def good(ctx: Context) -> dict[str, Any]:
    wid = create_demo(ctx).workshop_id
    assert wid is not None
    data = export_archive(ctx, wid)
    assert data["tables"]["vote_rounds"] and data["tables"]["participants"]
    return data


@pytest.mark.parametrize("name", [c[0] for c in CRAFTED])
def test_a_crafted_archive_is_refused_and_changes_nothing(ctx, good, name) -> None:
    _name, change, message = next(c for c in CRAFTED if c[0] == name)
    data = copy.deepcopy(good)
    change(data["tables"])
    before = _counts(ctx)
    with pytest.raises(ArchiveError) as refused:
        import_archive(ctx, _sealed(data))
    assert message in refused.value.message, refused.value.message
    assert refused.value.message.endswith("Rien n'a été importé.")
    assert _counts(ctx) == before
    assert import_archive(ctx, copy.deepcopy(good)).workshop_id is not None  # the base is fine


def _file_variants(good: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Archives as text, with what `json.dumps` cannot write: (text, what stderr says)."""
    text = json.dumps(_sealed(copy.deepcopy(good)), ensure_ascii=False)
    digits = "9" * 4000
    first_x = f'"x": {good["tables"]["notes"][0]["x"]!r}'
    assert first_x in text
    deep = "[" * 5000 + "]" * 5000
    pwned = copy.deepcopy(good)
    pwned["tables"]["workshops"][0]["status"] = "pwned"
    _sealed(pwned)
    return {
        "4000_digits": (text.replace(first_x, f'"x": {digits}', 1), "4000 chiffres"),
        "1e400": (text.replace(first_x, '"x": 1e400', 1), "nombre démesuré (1e400)"),
        "NaN": (text.replace(first_x, '"x": NaN', 1), "valeur numérique invalide (NaN)"),
        "-Infinity": (
            text.replace(first_x, '"x": -Infinity', 1),
            "valeur numérique invalide (-Infinity)",
        ),
        "deep_5000": (text.replace(first_x, f'"x": {deep}', 1), "imbriquées"),
        "deep_100": (
            text.replace(first_x, f'"x": {"[" * 100 + "]" * 100}', 1),
            "imbriquées sur plus de 20 niveaux",
        ),
        "pwned": (
            json.dumps(pwned, ensure_ascii=False),
            "workshops.status a une valeur inconnue (« pwned »)",
        ),
    }


def test_atelier_import_refuses_crafted_files_with_exit_2(tmp_path, capsys) -> None:
    db_path = tmp_path / "labo.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    wid = create_demo(ctx).workshop_id
    assert wid is not None
    good = export_archive(ctx, wid)
    before = _counts(ctx)
    db.close()
    for name, (text, message) in _file_variants(good).items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        assert main(["--db", str(db_path), "import", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err, (name, err)
        assert "Rien n'a été importé" in err and "Traceback" not in err
    db = Database.open(db_path)
    try:
        assert _counts(Context(db)) == before
    finally:
        db.close()
    assert main(["--db", str(db_path), "list"]) == 0


def test_a_bad_status_already_in_a_base_breaks_no_listing(ctx, tmp_path, caplog) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Intact").workshop_id
    bad = create_workshop(ctx, format_key="3h", title="Abîmé").workshop_id
    ctx.db.write(lambda s: s.execute(update(Workshop).where(Workshop.id == bad)
                                     .values(status="pwned")))  # fmt: skip
    listed = {w.title: w.status for w in list_workshops(ctx)}
    assert listed == {"Intact": Status.DRAFT, "Abîmé": Status.DRAFT}
    assert workshop_detail(ctx, bad).status is Status.DRAFT
    assert workshop_detail(ctx, wid).title == "Intact"
    assert "unknown workshop status 'pwned'" in caplog.text


def test_atelier_list_survives_a_bad_status(tmp_path, capsys) -> None:
    db_path = tmp_path / "abime.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    create_workshop(ctx, format_key="3h", title="Intact")
    bad = create_workshop(ctx, format_key="3h", title="Abîmé").workshop_id
    db.write(lambda s: s.execute(update(Workshop).where(Workshop.id == bad)
                                 .values(status="pwned")))  # fmt: skip
    db.close()
    assert main(["--db", str(db_path), "list"]) == 0
    out = capsys.readouterr().out
    assert "Intact" in out and "Abîmé" in out
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    assert {w["status"] for w in json.loads(capsys.readouterr().out)} == {"draft"}


def test_a_real_archive_still_imports(tmp_path: Path, ctx, good) -> None:
    path = tmp_path / "bon.json"
    path.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    assert import_archive(ctx, read_archive(path)).workshop_id is not None
