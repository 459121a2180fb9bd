"""Photos she attaches to a workshop (paper boards, the room): the compte-rendu's annexe.

A photo is read and made ready before anything is written (`prepare_photo`): checked to be a
JPEG or PNG picture of sane size, turned upright as the camera said (EXIF orientation),
flattened on white, scaled so that its longer side is at most `LONG_SIDE` pixels (about
300 dpi across the page) and saved as a JPEG. Pillow decodes it: a damaged, truncated or
foreign file gets a French `PhotoError` and nothing is stored.

Adding, captioning, reordering and removing go through the journal, so each can be undone.
The picture itself never goes into the journal: a row is written hidden, and the journaled
step only shows it (its undo hides it again); a removed photo stays hidden for undo.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from app.domain.agenda import clean_text
from app.domain.text import clean
from app.errors import KnownError, NotFound
from app.events import Topic
from app.ops.base import Action, Change, Context, execute, mutation
from app.ops.board import update_fields
from app.ops.mutations import get_workshop
from app.store.models import Photo
from app.system.files import read_input

MAX_FILE_BYTES = 40 * 1024 * 1024  # a phone's biggest JPEG is ~15 MB; a scan can be more
MAX_PIXELS = 100_000_000  # past this a "picture" is a decompression bomb, not a photo
LONG_SIDE = 2000
JPEG_QUALITY = 85
MAX_CAPTION = 300
MAX_PHOTOS = 100  # per workshop: the annexe is not an album
MAX_STORED_BYTES = 8 * 1024 * 1024  # a stored JPEG (2000 px at quality 85 is ~1 MB)
PHOTO_CHANGES = ("caption", "position", "removed")


class PhotoError(KnownError):
    code = "photo_invalide"


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    filename: str
    width: int
    height: int
    data: bytes  # JPEG


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    id: int
    position: int
    caption: str
    filename: str
    width: int
    height: int
    data: bytes


def _one_line(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space; a no-break space typed is kept."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def _display_name(name: str) -> str:
    return _one_line(clean_text(name, what="Nom du fichier", limit=10_000))[:255]


def prepare_photo(name: str, raw: bytes) -> PreparedPhoto:
    """The photo ready to store, or PhotoError (French) saying why not."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    shown = _display_name(name) or "photo"
    if len(raw) > MAX_FILE_BYTES:
        raise PhotoError("« {shown} » est trop lourde (plus de 40 Mo).", shown=shown)
    if raw[:3] == b"\xff\xd8\xff":
        kind = "JPEG"
    elif raw[:8] == b"\x89PNG\r\n\x1a\n":
        kind = "PNG"
    elif raw[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        raise PhotoError(
            "« {shown} » est au format HEIC (iPhone), qu'Atelier ne lit pas : enregistrez-la en JPEG (réglage « Le plus compatible ») et ajoutez-la à nouveau.",
            shown=shown,
        )
    else:
        raise PhotoError("« {shown} » n'est pas une photo JPEG ou PNG.", shown=shown)
    try:
        with Image.open(io.BytesIO(raw), formats=[kind]) as image:
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                raise PhotoError(
                    "« {shown} » est trop grande ({width} × {height} pixels).",
                    shown=shown,
                    width=width,
                    height=height,
                )
            if kind == "JPEG":  # decoded at 1/2, 1/4 or 1/8 when that is still big enough
                image.draft("RGB", (LONG_SIDE, LONG_SIDE))
            image.load()
            picture: Image.Image = image
            if picture.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greys (scans)
                picture = picture.point(lambda v: v / 256).convert("L")
            picture.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(picture)
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PhotoError("« {shown} » est une image abîmée ou incomplète.", shown=shown) from exc
    except Image.DecompressionBombError as exc:
        raise PhotoError("« {shown} » est trop grande pour être une photo.", shown=shown) from exc
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    ):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
    else:
        flat = upright.convert("RGB")
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PreparedPhoto(shown, flat.width, flat.height, out.getvalue())


def read_photo(path: str | os.PathLike[str]) -> PreparedPhoto:
    """`prepare_photo` on a file; PhotoError (French) for a missing or unreadable one."""
    file = Path(path)
    raw = read_input(
        file, MAX_FILE_BYTES, PhotoError, "« {name} » est trop lourde (plus de 40 Mo)."
    )
    return prepare_photo(file.name, raw)


# -- the journal's mutation ----------------------------------------------------------------------


def _photo(session: Session, photo_id: Any) -> Photo:
    row = session.get(Photo, photo_id) if isinstance(photo_id, int) else None
    if row is None:
        raise NotFound("Cette photo n'existe plus.")
    return row


@mutation("photo.update")
def photo_update(session: Session, args: dict[str, Any]) -> tuple[dict[str, Any], list[Action]]:
    return update_fields(_photo(session, args["id"]), PHOTO_CHANGES, args, "photo.update")


# -- operations ------------------------------------------------------------------------------------


def _shown(session: Session, workshop_id: int) -> list[Photo]:
    return list(
        session.scalars(
            select(Photo)
            .where(Photo.workshop_id == workshop_id, Photo.removed.is_(False))
            .order_by(Photo.position, Photo.id)
        )
    )


def add_photos(ctx: Context, workshop_id: int, photos: Sequence[PreparedPhoto]) -> Change:
    """Attach prepared photos after the others, as one step of the journal."""
    if not photos:
        raise PhotoError("Aucune photo à ajouter.")

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        get_workshop(session, workshop_id)
        if len(_shown(session, workshop_id)) + len(photos) > MAX_PHOTOS:
            raise PhotoError("Un atelier garde au plus {MAX_PHOTOS} photos.", MAX_PHOTOS=MAX_PHOTOS)
        last = session.scalar(
            select(func.max(Photo.position)).where(Photo.workshop_id == workshop_id)
        )
        start = -1 if last is None else int(last)
        actions: list[Action] = []
        for offset, photo in enumerate(photos, 1):
            row = Photo(
                workshop_id=workshop_id,
                position=start + offset,
                caption="",
                filename=photo.filename[:255],
                width=photo.width,
                height=photo.height,
                data=photo.data,
                removed=True,  # shown by the journaled step below, hidden again by its undo
                added_at=ctx.clock(),
            )
            session.add(row)
            session.flush()
            actions.append(["photo.update", {"id": row.id, "changes": {"removed": False}}])
        label = (
            f"Photo ajoutée : {photos[0].filename[:40]}"
            if len(photos) == 1
            else f"{len(photos)} photos ajoutées"
        )
        return workshop_id, actions, label

    return execute(ctx, op="photos.add", topic=Topic.PHOTOS, build=build)


def caption_photo(ctx: Context, photo_id: int, caption: str) -> Change:
    # as the compte-rendu prints it: no bidirectional override to disguise the text
    text = _one_line(clean(clean_text(caption, what="Légende", limit=MAX_CAPTION)))

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _photo(session, photo_id)
        changes = {"caption": text}
        return (
            row.workshop_id,
            [["photo.update", {"id": row.id, "changes": changes}]],
            (f"Légende de la photo : {text[:40]}" if text else "Légende de la photo effacée"),
        )

    return execute(ctx, op="photos.caption", topic=Topic.PHOTOS, build=build)


def remove_photo(ctx: Context, photo_id: int) -> Change:
    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _photo(session, photo_id)
        if row.removed:
            raise NotFound("Cette photo a déjà été retirée.")
        name = row.caption or row.filename
        return (
            row.workshop_id,
            [["photo.update", {"id": row.id, "changes": {"removed": True}}]],
            (f"Photo retirée : {name[:40]}"),
        )

    return execute(ctx, op="photos.remove", topic=Topic.PHOTOS, build=build)


def move_photo(ctx: Context, photo_id: int, step: int) -> Change | None:
    """Move a photo `step` places (−1: earlier in the annexe); None when it cannot go further."""

    def build(session: Session) -> tuple[int | None, list[Action], str]:
        row = _photo(session, photo_id)
        if row.removed:
            raise NotFound("Cette photo a été retirée.")
        order = _shown(session, row.workshop_id)
        index = order.index(row)
        target = max(0, min(len(order) - 1, index + step))
        if target == index:
            raise _Unchanged
        order.insert(target, order.pop(index))
        actions: list[Action] = [
            ["photo.update", {"id": photo.id, "changes": {"position": position}}]
            for position, photo in enumerate(order)
            if photo.position != position
        ]
        return row.workshop_id, actions, "Photo déplacée"

    try:
        return execute(ctx, op="photos.move", topic=Topic.PHOTOS, build=build)
    except _Unchanged:
        return None


class _Unchanged(Exception):
    pass


def list_photos(ctx: Context, workshop_id: int, *, pictures: bool = True) -> list[PhotoInfo]:
    """The workshop's photos in the annexe's order; without their pictures (`data` empty)
    when `pictures` is False: what a list needs, without megabytes at every change."""

    def work(session: Session) -> list[PhotoInfo]:
        columns = [Photo.id, Photo.position, Photo.caption, Photo.filename, Photo.width,
                   Photo.height]  # fmt: skip
        query = (
            select(*columns, Photo.data if pictures else literal(b""))
            .where(Photo.workshop_id == workshop_id, Photo.removed.is_(False))
            .order_by(Photo.position, Photo.id)
        )
        return [
            PhotoInfo(
                int(row[0]), int(row[1]), str(row[2]), str(row[3]), int(row[4]), int(row[5]),
                bytes(row[6]),
            )
            for row in cast(list[Any], session.execute(query).all())
        ]  # fmt: skip

    return ctx.db.read(work)


def photo_pictures(ctx: Context, photo_ids: Sequence[int]) -> dict[int, bytes]:
    """The pictures of some photos, by id (those still there)."""
    if not photo_ids:
        return {}

    def work(session: Session) -> dict[int, bytes]:
        rows = session.execute(select(Photo.id, Photo.data).where(Photo.id.in_(list(photo_ids))))
        return {int(i): bytes(data) for i, data in rows}

    return ctx.db.read(work)
