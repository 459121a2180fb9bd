"""The JSON archive of a whole workshop, and its import as a new workshop.

This is how a workshop moves between laptops (the lab and "hors les murs"): the cadrage, the
agenda (séances, phases, actual times), the programme, participants and their check-ins, the
board (clusters and post-its), vote rounds with every ballot, feedback, the action plan and
the chantiers, the photos attached (in base64), plus the custom methods its agenda uses. Not
carried: phones' tokens (phones check in again on the other laptop), the running séance's
timer, the journal, removed photos. Which tables, columns and rows: `app.store.workshop_rows`,
the description the co-facilitators' replica reads too.

The import is all or nothing: the file is checked (format, version, checksum, every field's
type and length, every reference) and written in one transaction under new ids; a damaged or
foreign file is refused with a French message and changes nothing.

A workshop the base already holds (imported before, or the one exported here): the archive
carries no identifier of its own, so a workshop's identity is the digest of its row's
`created_at`, title and format (`workshop_identity`). Importing it again is refused unless the
facilitator chose to replace the one(s) held, or to keep both, the import titled "… (copie)".
A workshop renamed since the export is therefore not recognised (it is imported as another).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    CursorResult,
    Date,
    Float,
    Integer,
    LargeBinary,
    String,
    Text,
    insert,
    select,
)
from sqlalchemy.orm import Session

from app import __version__
from app.errors import KnownError, os_reason, phrase
from app.events import Topic
from app.ops import archive_schema
from app.ops.archive_schema import Refused
from app.ops.base import Change, Context, JournalRef, Step, perform
from app.ops.mutations import get_workshop
from app.store import workshop_rows
from app.store.models import Base, CustomMethod
from app.store.workshop_rows import ARCHIVE, decode, encode
from app.system.files import atomic_output

FORMAT = "atelier-archive"
VERSION = 1
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

# The tables the first archives of version 1 hold; one the archive carries since then may be
# absent from a file (absent means empty).
FIRST_TABLES = frozenset(
    {"workshops", "programmes", "milestones", "blocks", "phases", "participants", "checkins",
     "clusters", "notes", "vote_rounds", "votes", "vote_ballots", "vote_counts", "feedback",
     "actions", "projects"}
)  # fmt: skip
ITEM_TABLES = {"note": "notes", "cluster": "clusters"}  # what a vote is cast on
_MODELS = {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}
# (table, {column: the table its id refers to}), parents before children: what the archive
# carries, as `app.store.workshop_rows` describes it
TABLES: list[tuple[type[Base], dict[str, str]]] = [
    (_MODELS[t.name], t.refs) for t in workshop_rows.tables_for(ARCHIVE)
]
LATER_TABLES = {model.__tablename__ for model, _refs in TABLES} - FIRST_TABLES


class ArchiveError(KnownError):
    code = "archive_invalide"


class AlreadyHeld(ArchiveError):
    """The base already holds the archived workshop; `held` is [(id, title)]."""

    code = "atelier_deja_present"

    def __init__(self, message: str, held: list[tuple[int, str]], /, **params: Any) -> None:
        super().__init__(message, **params)
        self.held = held


# what to do with a workshop the base already holds: refuse (say so), replace it, import a copy
# titled "… (copie)", or import it as another one without asking (the co-facilitator's takeover)
IF_HELD = ("refuse", "replace", "copy", "keep")
COPY_SUFFIX = " (copie)"


def workshop_identity(created_at: Any, title: Any, format_key: Any) -> str:
    """A workshop's identity across bases: the digest of its creation time, title and format
    (what an archive carries of it; the ids change at every import)."""
    stamp = float(created_at) if isinstance(created_at, int | float) else created_at
    canonical = json.dumps([stamp, title, format_key], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _held(session: Session, row: dict[str, Any]) -> list[tuple[int, str]]:
    """The workshops of this base with the archived workshop's identity, [(id, title)]."""
    from app.store.models import Workshop

    created_at = row.get("created_at")
    if isinstance(created_at, bool) or not isinstance(created_at, int | float):
        return []
    wanted = workshop_identity(created_at, row.get("title"), row.get("format_key"))
    found = session.execute(
        select(Workshop.id, Workshop.title, Workshop.format_key, Workshop.created_at)
        .where(Workshop.created_at == float(created_at))
        .order_by(Workshop.id)
    ).all()
    return [
        (wid, title)
        for wid, title, fmt, stamp in found
        if workshop_identity(stamp, title, fmt) == wanted
    ]


def held_workshops(ctx: Context, data: Any) -> list[tuple[int, str]]:
    """The workshops of this base the archive `data` holds again, [(id, title)] (the window
    asks what to do before importing)."""
    tables = _check_envelope(data)
    return ctx.db.read(lambda session: _held(session, tables["workshops"][0]))


def _already_held(held: list[tuple[int, str]]) -> AlreadyHeld:
    title = held[0][1]
    return AlreadyHeld(
        "La base contient déjà l'atelier « {title} » de cette archive. Choisissez de le remplacer (--replace) ou de garder les deux, l'import étant renommé « {title}{COPY_SUFFIX} » (--as-copy). Rien n'a été importé.",
        held,
        title=title,
        COPY_SUFFIX=COPY_SUFFIX,
    )


def _damaged(detail: str) -> ArchiveError:
    return ArchiveError(
        "Archive endommagée ou modifiée : {detail}. Rien n'a été importé.", detail=detail
    )


# -- export -----------------------------------------------------------------------------------
def export_archive(ctx: Context, workshop_id: int, *, linked: bool = False) -> dict[str, Any]:
    """The whole workshop as plain JSON data (NotFound if it does not exist). Who cast an
    anonymous ballot or gave a feedback answer is left out (`_unlinked`) unless `linked`: a
    takeover or a rehearsal carries on the séance, where a phone changes its mind."""

    def work(session: Session) -> dict[str, Any]:
        get_workshop(session, workshop_id)
        tables: dict[str, list[dict[str, Any]]] = {}
        for rule in workshop_rows.tables_for(ARCHIVE):
            rows = session.execute(rule.rows(workshop_id)).mappings()
            tables[rule.name] = [{k: encode(row[k]) for k in rule.columns} for row in rows]
        used = {p["method_key"] for p in tables["phases"] if p["method_key"]}
        methods = session.scalars(
            select(CustomMethod).where(CustomMethod.key.in_(used)).order_by(CustomMethod.key)
        )
        tables["methods"] = [{"key": m.key, "data": m.data} for m in methods]
        return tables

    tables = ctx.db.read(work)
    if not linked:
        tables = _unlinked(tables)
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": ctx.clock(),
        "sha256": _digest(tables),
        "tables": tables,
    }


def _unlinked(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """What an archive keeps of who voted and who answered the feedback: nothing. In an
    anonymous round each voter becomes a stand-in (the same in its votes and its ballot, so
    counts and ballots add up; another in every round, from a key drawn for this export and
    never kept); feedback answers lose their participant. Named rounds keep their voters."""
    key = secrets.token_bytes(32)
    anonymous = {
        r["id"] for r in tables.get("vote_rounds", [])
        if bool((r.get("settings") or {}).get("anonymous", True))
    }  # fmt: skip

    def stand_in(row: dict[str, Any]) -> None:
        if row.get("round_id") in anonymous and str(row.get("voter", "")).startswith("p:"):
            digest = hmac.new(key, f"{row['round_id']}|{row['voter']}".encode(), hashlib.sha256)
            row["voter"] = f"anon:{digest.hexdigest()[:16]}"
            row["participant_id"] = None

    for name in ("votes", "vote_ballots"):
        for row in tables.get(name, []):
            stand_in(row)
    for row in tables.get("feedback", []):
        row["participant_id"] = None
    return tables


def _digest(tables: Any) -> str:
    canonical = json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write_archive(ctx: Context, workshop_id: int, path: str | os.PathLike[str]) -> None:
    """Write the archive to `path` (complete, or not at all)."""
    data = export_archive(ctx, workshop_id)
    with atomic_output(path) as temp:
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


# -- import -----------------------------------------------------------------------------------
def read_archive(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The archive's data; ArchiveError (French) for a missing, unreadable or foreign file."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_ARCHIVE_BYTES:
            raise ArchiveError(
                "« {name} » est trop gros pour une archive d'atelier.", name=file.name
            )
        raw = file.read_bytes()
    except OSError as exc:
        raise ArchiveError(
            "Impossible de lire « {name} » ({reason}).", name=file.name, reason=os_reason(exc)
        ) from exc
    try:
        data = archive_schema.loads(raw.decode("utf-8"))
    except Refused as exc:  # NaN, a 4,000-digit integer, 1e400, nested data…
        raise ArchiveError(
            "« {name} » contient des données refusées : {detail}. Rien n'a été importé.",
            name=file.name,
            detail=exc.detail,
        ) from None
    except RecursionError:
        raise ArchiveError(
            "« {name} » contient des données imbriquées à l'excès. Rien n'a été importé.",
            name=file.name,
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ArchiveError(
            "« {name} » n'est pas une archive Atelier lisible (JSON invalide ou tronqué). Rien n'a été importé.",
            name=file.name,
        ) from exc
    return cast(dict[str, Any], data)


def _check_envelope(data: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveError(
            "Ce fichier n'est pas une archive d'atelier exportée par Atelier. Rien n'a été importé."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged("numéro de version absent")
    if version > VERSION:
        raise ArchiveError(
            "Cette archive vient d'une version plus récente d'Atelier ({version}) : mettez Atelier à jour pour l'importer.",
            version=data.get("app_version", "?"),
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _damaged("les tables manquent")
    try:
        archive_schema.depth(tables, "les tables")  # before the digest walks them
    except Refused as exc:
        raise _damaged(exc.detail) from None
    if data.get("sha256") != _digest(tables):
        raise _damaged("l'empreinte de contrôle ne correspond plus au contenu")
    for rule in workshop_rows.tables_for(ARCHIVE):
        rows = tables.get(rule.name, [] if rule.name in LATER_TABLES else None)
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise _damaged(phrase("la table « {name} » manque", name=rule.name))
    if len(tables["workshops"]) != 1:
        raise _damaged("il faut exactement un atelier")
    try:  # enumerations, sizes of text and JSON, numbers: before anything is written
        archive_schema.check_tables(tables, {
            rule.name: {key: rule.table.c[key] for key in rule.columns}
            for rule in workshop_rows.tables_for(ARCHIVE)
        })  # fmt: skip
    except Refused as exc:
        raise _damaged(exc.detail) from None
    from app.ops.photos import MAX_PHOTOS

    if len(tables.get("photos", [])) > MAX_PHOTOS:
        raise _damaged(phrase("plus de {MAX_PHOTOS} photos", MAX_PHOTOS=MAX_PHOTOS))
    return tables


def _value(table: str, column: Any, value: Any) -> Any:
    """A field's value checked against its column (type, length, null)."""
    where = f"{table}.{column.key}"
    if value is None:
        if not column.nullable:
            raise _damaged(phrase("{where} est vide", where=where))
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(kind, Float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(kind, Date):
        if isinstance(value, str):
            try:
                return decode(column, value)
            except ValueError:
                pass
        raise _damaged(phrase("{where} n'est pas une date", where=where))
    elif isinstance(kind, String | Text):
        ok = isinstance(value, str) and (kind.length is None or len(value) <= kind.length)
    elif isinstance(kind, LargeBinary):  # a photo, in base64
        if isinstance(value, str):
            try:
                return decode(column, value)
            except ValueError:
                pass
        raise _damaged(phrase("{where} n'est pas une image lisible", where=where))
    elif isinstance(kind, JSON):  # the cadrage and the settings are objects; items a list
        ok = isinstance(value, dict) if column.key in ("cadrage", "settings") else True
    else:  # pragma: no cover - a column type this module does not know yet
        raise _damaged(phrase("{where} : type inconnu", where=where))
    if not ok:
        raise _damaged(phrase("{where} a une valeur invalide", where=where))
    return value


NewIds = dict[str, dict[int, int]]  # table name → {id in the archive: id given here}


def import_archive(
    ctx: Context,
    data: Any,
    *,
    then: Callable[[Session, NewIds], None] | None = None,
    if_held: str = "keep",
) -> Change:
    """Recreate the archived workshop as a new one (new ids); returns the change (its
    `workshop_id` is the new workshop's). `then(session, new_ids)` runs last in the same
    transaction (what the caller adds goes in or out with the workshop). `if_held` (`IF_HELD`)
    says what to do when the base already holds the workshop: "refuse" raises `AlreadyHeld`,
    "replace" deletes the one(s) held in the same transaction, "copy" titles the import
    "… (copie)", "keep" imports it as it is."""
    if if_held not in IF_HELD:
        raise ValueError(if_held)
    tables = _check_envelope(data)

    def work(session: Session) -> Step:
        new_ids: NewIds = {}
        held = _held(session, tables["workshops"][0]) if if_held != "keep" else []
        if held and if_held == "refuse":
            raise _already_held(held)
        if held and if_held == "replace":
            for wid, _title in held:
                session.delete(get_workshop(session, wid))
            session.flush()
        renamed = held and if_held == "copy"

        def ref(column: str, target: str, old: Any, where: str) -> int | None:
            if old is None:
                return None
            found = new_ids.get(target, {}).get(old) if isinstance(old, int) else None
            if found is None:
                raise _damaged(
                    phrase(
                        "{where}.{column} renvoie à un élément absent", where=where, column=column
                    )
                )
            return found

        def voter(value: str, where: str) -> str:
            if value.startswith("p:") and value[2:].isdigit():
                if int(value[2:]) not in new_ids.get("participants", {}):
                    # a participant removed before the fix that renames her ballots: they
                    # stay counted, as nobody's
                    return f"anon:{value[2:]}"
                return f"p:{ref('voter', 'participants', int(value[2:]), where)}"
            return value

        def item(kind: Any, old: Any, where: str) -> int:
            if kind not in ITEM_TABLES:
                raise _damaged(phrase("{where} : élément de vote inconnu", where=where))
            found = ref("item_id", ITEM_TABLES[kind], old, where)
            assert found is not None
            return found

        for rule in workshop_rows.tables_for(ARCHIVE):
            table, name, refs = rule.table, rule.name, rule.refs
            columns = {key: table.c[key] for key in rule.columns}
            has_id = "id" in table.c
            mapping = new_ids.setdefault(name, {})
            for row in tables.get(name, []):  # a table added later may be absent
                unknown = set(row) - set(columns)
                if unknown:
                    raise _damaged(
                        phrase(
                            "{name} : champ inattendu « {field} »",
                            name=name,
                            field=sorted(unknown)[0],
                        )
                    )
                values: dict[str, Any] = {}
                for key, column in columns.items():
                    if key == "id":
                        continue
                    if key not in row:
                        raise _damaged(phrase("{name}.{key} manque", name=name, key=key))
                    value = _value(name, column, row[key])
                    if key in refs:
                        value = ref(key, refs[key], value, name)
                    values[key] = value
                _fix_embedded(name, values, voter, item)
                if renamed and name == "workshops":
                    values["title"] = (str(values["title"])[: 200 - len(COPY_SUFFIX)]
                                       + COPY_SUFFIX)  # fmt: skip
                inserted = cast(CursorResult[Any], session.execute(insert(table).values(**values)))
                if has_id:
                    old = row.get("id")
                    if not isinstance(old, int) or old in mapping:
                        raise _damaged(
                            phrase("{name} : identifiant manquant ou en double", name=name)
                        )
                    new_key = inserted.inserted_primary_key
                    assert new_key is not None
                    mapping[old] = int(new_key[0])
        _import_methods(session, tables.get("methods", []))
        workshop_id = next(iter(new_ids["workshops"].values()))
        title = str(tables["workshops"][0]["title"]) + (COPY_SUFFIX if renamed else "")
        label = f"Atelier importé : {title}"
        if held and if_held == "replace":
            label += " (remplace celui de la base)"

        def after(session: Session, _entry: JournalRef) -> None:
            if then is not None:  # after the import's entry, in its transaction
                then(session, new_ids)

        replaced = held if if_held == "replace" else []
        return Step(
            workshop_id,
            label=label,
            applied=[
                *(["workshop.delete", {"id": wid, "title": t}] for wid, t in replaced),
                ["workshop.import", {"id": workshop_id}],
            ],
            after=after,
            result={"held": held, "if_held": if_held if held else "", "title": title},
        )

    outcome = perform(ctx, op="workshop.import", topic=Topic.WORKSHOPS, build=work, undoable=False)
    assert outcome.change is not None
    return replace(outcome.change, result=outcome.result)


def _fix_embedded(
    name: str,
    values: dict[str, Any],
    voter: Callable[[str, str], str],
    item: Callable[[Any, Any, str], int],
) -> None:
    """Ids held inside fields: a round's items, a vote's item and voter."""
    if name == "vote_rounds":
        items = values["items"]
        if not isinstance(items, list) or not all(
            isinstance(i, list) and len(i) == 2 for i in items
        ):
            raise _damaged("vote_rounds.items a une valeur invalide")
        values["items"] = [[kind, item(kind, old, name)] for kind, old in items]
    elif name in ("votes", "vote_counts"):
        values["item_id"] = item(values["item_type"], values["item_id"], name)
    if name in ("votes", "vote_ballots"):
        values["voter"] = voter(values["voter"], name)
    if name == "photos":
        _check_photo(values)


def _check_photo(values: dict[str, Any]) -> None:
    """A photo's picture must be what Atelier stores (a JPEG of at most LONG_SIDE pixels
    a side, of the size its row says) and decode whole: the compte-rendu draws it as it is."""
    from PIL import Image

    from app.ops.photos import LONG_SIDE, MAX_STORED_BYTES

    data = values["data"]
    if not isinstance(data, bytes) or not data.startswith(b"\xff\xd8\xff"):
        raise _damaged("photos.data n'est pas une image JPEG")
    if len(data) > MAX_STORED_BYTES:
        raise _damaged("une photo est bien trop lourde")
    size = (values["width"], values["height"])
    if not all(isinstance(n, int) and 0 < n <= LONG_SIDE for n in size):
        raise _damaged("une photo n'a pas une taille possible")
    try:
        with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:
            if image.size != size:
                raise _damaged("une photo n'a pas la taille annoncée")
            image.load()  # every pixel decoded: a cut or damaged picture is refused here
    except ArchiveError:
        raise
    except Exception:  # Pillow raises many kinds for a damaged picture
        raise _damaged("une photo est abîmée") from None


def _import_methods(session: Session, methods: Any) -> None:
    """The custom methods the agenda uses; one of the same key already here is kept."""
    if not isinstance(methods, list):
        raise _damaged("la liste des méthodes est invalide")
    known = set(session.scalars(select(CustomMethod.key)))
    for method in methods:
        if not (isinstance(method, dict) and isinstance(method.get("key"), str)
                and isinstance(method.get("data"), dict) and len(method["key"]) <= 60):  # fmt: skip
            raise _damaged("une méthode est invalide")
        if method["key"] not in known:
            session.add(CustomMethod(key=method["key"], data=method["data"], created_at=0.0))
            known.add(method["key"])


def import_file(ctx: Context, path: str | os.PathLike[str], *, if_held: str = "refuse") -> Change:
    """Import the archive at `path`; a workshop the base already holds is refused unless
    `if_held` is "replace" or "copy" (see `import_archive`)."""
    return import_archive(ctx, read_archive(path), if_held=if_held)
