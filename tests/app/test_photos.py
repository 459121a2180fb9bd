"""Photos attached to a workshop, on both backends: a picture is checked, turned upright and
scaled before anything is stored; adding, captioning, moving and removing are undoable (after
a restart too); the compte-rendu's annexe shows them with their captions, as typed."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.errors import InvalidInput, NotFound
from app.ops import photos as ph
from app.ops.base import Context, redo, undo
from app.ops.photos import PhotoError, prepare_photo, read_photo
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.store.db import Database
from app.store.models import Photo

HOSTILE = [
    line.replace("\\n", "\n")
    for line in (Path(__file__).parents[1] / "data" / "hostile-text.txt")
    .read_text(encoding="utf-8")
    .splitlines()[4:]
]


def picture(width: int, height: int, *, fmt: str = "JPEG", mode: str = "RGB", **save) -> bytes:
    """A picture whose left half is red and right half blue (so a turn can be seen)."""
    image = Image.new(mode, (width, height), "red" if mode != "RGBA" else (255, 0, 0, 0))
    image.paste("blue" if mode != "RGBA" else (0, 0, 255, 255), (width // 2, 0, width, height))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def rotated_jpeg() -> bytes:
    """A phone's portrait photo: stored landscape, with EXIF saying 'turn 90° clockwise'."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 CW to display
    return picture(300, 200, exif=exif.tobytes())


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    return image.convert("RGB")


@pytest.fixture
def wid(ctx: Context) -> int:
    workshop_id = create_workshop(ctx, format_key="3h", title="Atelier photo").workshop_id
    assert workshop_id is not None
    return workshop_id


# -- reading a picture ---------------------------------------------------------------------------


def test_a_phone_photo_is_turned_upright_and_scaled() -> None:
    upright = prepare_photo("IMG_0042.JPG", rotated_jpeg())
    assert (upright.width, upright.height) == (200, 300)
    image = decoded(upright.data)
    assert image.size == (200, 300)
    # turned clockwise: the left (red) half is now on top, the blue one below
    r, g, b = image.getpixel((100, 40))
    assert r > 200 and b < 60
    r, g, b = image.getpixel((100, 260))
    assert b > 200 and r < 60

    big = prepare_photo("tableau.jpg", picture(6000, 4000))
    assert (big.width, big.height) == (ph.LONG_SIDE, ph.LONG_SIDE * 2 // 3)
    assert decoded(big.data).size == (big.width, big.height)
    assert len(big.data) < 1_000_000

    # a PNG with transparency (a screenshot, a scan) is flattened on white
    flat = decoded(prepare_photo("scan.png", picture(80, 40, fmt="PNG", mode="RGBA")).data)
    assert min(flat.getpixel((10, 20))) > 240  # transparent → white
    assert flat.getpixel((70, 20))[2] > 200  # opaque blue kept

    # a 16-bit grey scan keeps its greys (not all white)
    grey, out = Image.new("I;16", (60, 40), 32896), io.BytesIO()
    grey.save(out, "PNG")
    r, g, b = decoded(prepare_photo("scan16.png", out.getvalue()).data).getpixel((30, 20))
    assert 118 <= r <= 138 and r == g == b


def test_what_is_not_a_photo_is_refused_in_french(tmp_path: Path) -> None:
    jpeg = picture(400, 300)
    cases = {
        "notes.txt": (b"Bonjour, ceci n'est pas une image", "n'est pas une photo JPEG ou PNG"),
        "coupee.jpg": (jpeg[: len(jpeg) // 3], "abîmée ou incomplète"),
        "IMG_1.HEIC": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "format HEIC"),
        "vide.png": (b"", "n'est pas une photo JPEG ou PNG"),
        # a 30,000 × 30,000 PNG header: a decompression bomb, refused before decoding
        "bombe.png": (_png_header(30_000, 30_000), "trop grande"),
    }
    for name, (raw, message) in cases.items():
        with pytest.raises(PhotoError) as refused:
            prepare_photo(name, raw)
        assert message in refused.value.message, name
        assert name.split(".")[0] in refused.value.message
    with pytest.raises(PhotoError, match="introuvable"):
        read_photo(tmp_path / "absente.jpg")
    with pytest.raises(PhotoError, match="est un dossier, pas une image"):
        read_photo(tmp_path)
    # a hostile file name is only a name
    named = prepare_photo("<img src=x onerror=alert(1)>\x00.jpg", jpeg)
    assert named.filename == "<img src=x onerror=alert(1)>.jpg"


def _png_header(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)  # the start of the pixels: the rest never comes
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# -- the journal ---------------------------------------------------------------------------------


def test_add_caption_move_remove_and_undo_each(ctx: Context, wid: int) -> None:
    a, b, c = (prepare_photo(f"p{i}.jpg", picture(40 + i, 30)) for i in range(3))
    ph.add_photos(ctx, wid, [a, b])
    ph.add_photos(ctx, wid, [c])
    shown = ph.list_photos(ctx, wid)
    assert [p.filename for p in shown] == ["p0.jpg", "p1.jpg", "p2.jpg"]
    assert shown[0].data == a.data and (shown[0].width, shown[0].height) == (40, 30)
    light = ph.list_photos(ctx, wid, pictures=False)  # what the tab lists at every change
    assert [p.id for p in light] == [p.id for p in shown] and all(p.data == b"" for p in light)
    assert ph.photo_pictures(ctx, [shown[1].id, 987654]) == {shown[1].id: b.data}

    undo(ctx, wid)  # the second add
    assert [p.filename for p in ph.list_photos(ctx, wid)] == ["p0.jpg", "p1.jpg"]
    redo(ctx, wid)
    assert len(ph.list_photos(ctx, wid)) == 3

    first = shown[0].id
    ph.caption_photo(ctx, first, "  Le mur\u00a0des idées\n(après-midi)  ")
    assert ph.list_photos(ctx, wid)[0].caption == "Le mur\u00a0des idées (après-midi)"
    assert ph.move_photo(ctx, first, +1) is not None
    assert [p.filename for p in ph.list_photos(ctx, wid)] == ["p1.jpg", "p0.jpg", "p2.jpg"]
    assert ph.move_photo(ctx, shown[2].id, +1) is None  # already last: nothing journaled
    ph.remove_photo(ctx, first)
    assert [p.filename for p in ph.list_photos(ctx, wid)] == ["p1.jpg", "p2.jpg"]
    undo(ctx, wid)  # the removal
    undo(ctx, wid)  # the move
    undo(ctx, wid)  # the caption
    photos = ph.list_photos(ctx, wid)
    assert [p.filename for p in photos] == ["p0.jpg", "p1.jpg", "p2.jpg"]
    assert photos[0].caption == ""

    with pytest.raises(InvalidInput, match="Légende : 300 caractères au plus"):
        ph.caption_photo(ctx, first, "x" * 301)
    with pytest.raises(NotFound, match="n'existe plus"):
        ph.remove_photo(ctx, 987654)
    ph.remove_photo(ctx, first)
    with pytest.raises(NotFound, match="a été retirée"):
        ph.move_photo(ctx, first, +1)  # a removed photo is not moved (nor does it crash)
    undo(ctx, wid)
    with pytest.raises(PhotoError, match="Aucune photo"):
        ph.add_photos(ctx, wid, [])


def test_hostile_captions_are_kept_as_typed(ctx: Context, wid: int) -> None:
    """As typed on one line: control characters and bidirectional overrides (which disguise
    text, and which the PDF cannot honour) removed, as the compte-rendu prints it."""
    photo = prepare_photo("x.jpg", picture(20, 20))
    ph.add_photos(ctx, wid, [photo] * len(HOSTILE))
    overrides = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    for info, text in zip(ph.list_photos(ctx, wid), HOSTILE, strict=True):
        kept = "".join(
            ch for ch in text
            if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127 and not 0x80 <= ord(ch) < 0xA0)
        )  # fmt: skip
        kept = "".join(ch for ch in kept.replace("\u2028", " ").replace("\u2029", " ")
                       if ch not in overrides)  # fmt: skip
        expected = re.sub(r"[ \t\n]+", " ", kept).strip()
        if len(text) > 300:
            with pytest.raises(InvalidInput, match="300 caractères au plus"):
                ph.caption_photo(ctx, info.id, text)
            continue
        ph.caption_photo(ctx, info.id, text)
        assert ctx.db.read(lambda s, i=info.id: s.get(Photo, i).caption) == expected


def test_undo_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "atelier.sqlite3"
    db = Database.open(path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Redémarrage").workshop_id
    assert wid is not None
    ph.add_photos(ctx, wid, [prepare_photo("mur.jpg", picture(50, 40))])
    db.close()

    db = Database.open(path)
    ctx = Context(db)
    assert len(ph.list_photos(ctx, wid)) == 1
    undo(ctx, wid)
    assert ph.list_photos(ctx, wid) == []
    assert ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Photo))) == 1  # kept
    redo(ctx, wid)
    assert [p.filename for p in ph.list_photos(ctx, wid)] == ["mur.jpg"]
    db.close()


# -- the compte-rendu ----------------------------------------------------------------------------


def test_the_annexe_shows_each_photo_scaled_with_its_caption(
    ctx: Context, wid: int, tmp_path: Path
) -> None:
    portrait = prepare_photo("portrait.jpg", rotated_jpeg())
    wide = prepare_photo("mur.jpg", picture(3000, 1000))
    ph.add_photos(ctx, wid, [portrait, wide, portrait])
    first, second, third = ph.list_photos(ctx, wid)
    ph.caption_photo(ctx, first.id, "Le mur des idées <b>avant</b> & après")
    ph.caption_photo(ctx, second.id, HOSTILE[0])
    ph.remove_photo(ctx, third.id)  # a removed photo is not printed

    out = tmp_path / "compte-rendu.pdf"
    build_report(report_data(ctx, wid), out)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Annexe : photos" in flat
    assert "2 photos jointes" in flat
    assert "Photo 1 — Le mur des idées <b>avant</b> & après" in flat
    assert "Photo 2 — " in flat and "Photo 3" not in flat
    listing = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = sorted((int(line.split()[3]), int(line.split()[4])) for line in listing)
    assert sizes == [(200, 300), (2000, 667)]  # stored pixels, the JPEG as it is
    assert all(line.split()[2] == "image" and "jpeg" in line for line in listing)
    # scaled to the page: the wide one drawn across the text column (2000 px over 17 cm minus
    # the frame's paddings: ~314 dpi), the small one not blown up past 100 dpi
    ppi = {int(line.split()[3]): float(line.split()[12]) for line in listing}
    assert 310 <= ppi[2000] <= 320 and 99 <= ppi[200] <= 101, listing
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert max(right_edges) <= 595.3 - 2.2 * 28.35 + 1  # captions stay inside the margin
