"""The JSON archive on both backends: export → import → export gives the same workshop modulo
ids (hostile text included); a damaged or foreign file is refused in French, changing nothing."""

from __future__ import annotations

import base64
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cli import main
from app.ops import archive, participants, photos
from app.ops import votes as v
from app.ops.archive import ITEM_TABLES, TABLES, ArchiveError, export_archive, import_archive
from app.ops.base import Context
from app.ops.demo import create_demo
from app.ops.workshops import create_workshop
from app.store.db import Database
from app.store.models import Cluster, CustomMethod, Feedback, Note, Phase, Photo, Workshop

HOSTILE = [
    line.replace("\\n", "\n")
    for line in (Path(__file__).parents[1] / "data" / "hostile-text.txt")
    .read_text(encoding="utf-8")
    .splitlines()[4:]
]


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """The archive's content with every id replaced by the row's rank in its table."""
    tables = data["tables"]
    rank = {
        name: {row["id"]: i for i, row in enumerate(rows)}
        for name, rows in tables.items()
        if name not in ("vote_counts", "methods")
    }
    out: dict[str, Any] = {"methods": tables["methods"]}
    stand_ins: dict[str, str] = {}  # an anonymous voter's stand-in: drawn anew by each export
    for model, refs in TABLES:
        name = model.__table__.name
        rows = []
        for row in tables[name]:
            r = {k: val for k, val in row.items() if k != "id"}
            for column, target in refs.items():
                if r[column] is not None:
                    r[column] = rank[target][r[column]]
            if name == "vote_rounds":
                r["items"] = [[k, rank[ITEM_TABLES[k]][i]] for k, i in r["items"]]
            if name in ("votes", "vote_counts"):
                r["item_id"] = rank[ITEM_TABLES[r["item_type"]]][r["item_id"]]
            if name in ("votes", "vote_ballots") and r["voter"].startswith("p:"):
                r["voter"] = f"p:{rank['participants'][int(r['voter'][2:])]}"
            if name in ("votes", "vote_ballots") and r["voter"].startswith("anon:"):
                r["voter"] = stand_ins.setdefault(r["voter"], f"anon:{len(stand_ins)}")
            rows.append(r)
        out[name] = rows
    return out


def _count(ctx: Context, model: Any) -> int:
    return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(model)))


@pytest.fixture
def rich(ctx: Context) -> int:
    """The demo workshop, plus hostile text everywhere, a vote on a cluster, a custom method."""
    wid = create_demo(ctx).workshop_id
    assert wid is not None

    def add(session: Session) -> None:
        workshop = session.get(Workshop, wid)
        assert workshop is not None
        workshop.title = "Atelier <b>gras</b> & « guillemets » 👩🏽‍💻"
        workshop.cadrage = {**workshop.cadrage, "pourquoi": "\n".join(HOSTILE[:8])}
        phase = session.scalars(select(Phase).where(Phase.workshop_id == wid)).first()
        assert phase is not None
        phase.method_key = "ma-methode"
        session.add(CustomMethod(key="ma-methode", data={"name": "Ma <méthode>"}, created_at=1.0))
        for i, text in enumerate(HOSTILE):
            session.add(Note(workshop_id=wid, text=text, author=text[:120], created_at=float(i)))
        session.add(Feedback(workshop_id=wid, rating=2, keep=HOSTILE[0], improve=HOSTILE[-1],
                             at=5.0))  # fmt: skip

    ctx.db.write(add)
    cluster = ctx.db.read(
        lambda s: s.scalars(select(Cluster.id).where(Cluster.workshop_id == wid)).first()
    )
    for r in v.rounds(ctx, wid):
        if r.is_open:
            v.close_round(ctx, r.id)
    rid = v.open_round(ctx, wid, kind="dots", items=[f"cluster:{cluster}"], title="Groupes",
                       settings={"dots": 2, "cap": 2}).ids[0]  # fmt: skip
    voter = participants.check_in(ctx, wid, name="Zoé", category="usager", key="join-zoe-0001")
    v.cast_ballot(ctx, wid, rid, voter.participant_id, {f"cluster:{cluster}": 2}, key="ballot-0001")
    image, out = Image.new("RGB", (64, 48), "teal"), io.BytesIO()
    image.save(out, "JPEG")
    photo = photos.prepare_photo("mur.jpg", out.getvalue())
    photos.add_photos(ctx, wid, [photo, photo])
    *_demo, kept, gone = photos.list_photos(ctx, wid)  # after the demo's own photos
    photos.caption_photo(ctx, kept.id, HOSTILE[0])
    photos.remove_photo(ctx, gone.id)  # a removed photo stays home
    return wid


def test_export_import_export_gives_the_same_workshop(ctx, rich, tmp_path):
    first = export_archive(ctx, rich)
    assert first["format"] == "atelier-archive" and first["version"] == 1
    tables = first["tables"]
    assert all("token" not in p for p in tables["participants"])  # phones' credentials stay
    assert tables["methods"] == [{"key": "ma-methode", "data": {"name": "Ma <méthode>"}}]
    assert len(tables["vote_rounds"]) >= 2 and tables["feedback"] and tables["projects"]
    assert [p["caption"] for p in tables["photos"]][-1] == HOSTILE[0]
    assert len(tables["photos"]) == 3  # the demo's two and one of ours; the removed one stays
    path = tmp_path / "atelier.json"
    archive.write_archive(ctx, rich, path)
    new_id = archive.import_file(ctx, path, if_held="keep").workshop_id
    assert new_id is not None and new_id != rich
    second = export_archive(ctx, new_id)
    assert canonical(second) == canonical(first)
    # new ids throughout, and the hostile text exactly as typed
    assert not set(r["id"] for r in second["tables"]["notes"]) & set(
        r["id"] for r in tables["notes"]
    )
    texts = [n["text"] for n in second["tables"]["notes"]]
    assert all(text in texts for text in HOSTILE)
    assert (
        second["tables"]["workshops"][0]["title"] == "Atelier <b>gras</b> & « guillemets » 👩🏽‍💻"
    )
    counts = v.live_counts(ctx, second["tables"]["vote_rounds"][-1]["id"])
    assert counts == v.recount(ctx, second["tables"]["vote_rounds"][-1]["id"])
    assert _count(ctx, CustomMethod) == 1  # already known here: kept, not doubled
    *_demo, copied = photos.list_photos(ctx, new_id)
    assert copied.data == base64.b64decode(tables["photos"][-1]["data"])
    assert copied.caption == HOSTILE[0] and (copied.width, copied.height) == (64, 48)


def test_an_archive_from_before_photos_still_imports(ctx, rich):
    data = export_archive(ctx, rich)
    del data["tables"]["photos"]
    new_id = import_archive(ctx, _resealed(data)).workshop_id
    assert new_id is not None and photos.list_photos(ctx, new_id) == []


def _resealed(data: dict[str, Any]) -> dict[str, Any]:
    data["sha256"] = archive._digest(data["tables"])
    return data


def _breakages(good: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    out: list[tuple[dict[str, Any], str]] = []

    def variant(change: Any, message: str, reseal: bool = True) -> None:
        data = copy.deepcopy(good)
        change(data["tables"])
        out.append((_resealed(data) if reseal else data, message))

    variant(lambda t: t["notes"][-1].update(text="modifié"), "empreinte de contrôle", reseal=False)
    variant(
        lambda t: t["notes"][-1].update(cluster_id=987654),
        "notes.cluster_id renvoie à un élément absent",
    )
    variant(
        lambda t: t["participants"][0].update(name=42), "participants.name a une valeur invalide"
    )
    variant(
        lambda t: t["workshops"][0].update(title="x" * 201), "workshops.title a une valeur invalide"
    )
    variant(
        lambda t: t["workshops"][0].update(start_date="hier"),
        "workshops.start_date n'est pas une date",
    )
    variant(lambda t: t["notes"][0].pop("text"), "notes.text manque")
    variant(lambda t: t["notes"][0].update(colour="rouge"), "champ inattendu « colour »")
    variant(lambda t: t["votes"][-1].update(item_type="photo"), "élément de vote inconnu")
    variant(
        lambda t: t["workshops"][0].update(cadrage=[]), "workshops.cadrage a une valeur invalide"
    )
    variant(lambda t: t.pop("feedback"), "la table « feedback » manque")
    variant(
        lambda t: t["photos"][0].update(data="pas du base64 !"), "photos.data n'est pas une image"
    )
    variant(
        lambda t: t["photos"][0].update(data=base64.b64encode(b"GIF89a...").decode()),
        "photos.data n'est pas une image JPEG",
    )
    variant(
        lambda t: t["photos"][0].update(data=t["photos"][0]["data"][:200]), "une photo est abîmée"
    )
    variant(lambda t: t["photos"][0].update(width=1500), "une photo n'a pas la taille annoncée")
    variant(lambda t: t["photos"][0].update(width=4000), "une photo n'a pas une taille possible")
    variant(
        lambda t: t["photos"][0].update(
            data=base64.b64encode(base64.b64decode(t["photos"][0]["data"])[:-4000]).decode()
        ),
        "une photo est abîmée",
    )  # its headers whole, its pixels cut short
    variant(lambda t: t["photos"].extend([t["photos"][0]] * 101), "plus de 100 photos")
    return out


def test_a_damaged_or_foreign_archive_changes_nothing(ctx, rich):
    good = export_archive(ctx, rich)
    before = (
        _count(ctx, Workshop), _count(ctx, Note), _count(ctx, CustomMethod), _count(ctx, Photo)
    )  # fmt: skip
    cases = [
        *_breakages(good),
        ({"hello": "world"}, "n'est pas une archive d'atelier exportée par Atelier"),
        ([1, 2, 3], "n'est pas une archive d'atelier exportée par Atelier"),
        ({**good, "version": 99, "app_version": "9.0"}, "version plus récente d'Atelier (9.0)"),
    ]
    assert len(cases) == 20
    for data, message in cases:
        with pytest.raises(ArchiveError) as refused:
            import_archive(ctx, data)
        assert message in refused.value.message
        assert (
            _count(ctx, Workshop), _count(ctx, Note), _count(ctx, CustomMethod), _count(ctx, Photo)
        ) == before  # fmt: skip


def test_the_commands_export_and_import(tmp_path, capsys):
    db_path = tmp_path / "labo.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3m", title="Incubation « 3 mois »").workshop_id
    db.close()
    path = tmp_path / "atelier.json"
    assert main(["--db", str(db_path), "export", "--workshop", str(wid), "--json", str(path)]) == 0
    assert f"Archive JSON : {path}" in capsys.readouterr().out
    other = tmp_path / "hors-les-murs.sqlite3"
    assert main(["--db", str(other), "import", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    new_id = int(lines[-1])  # the imported workshop's id on the last line
    db = Database.open(other)
    try:
        imported = export_archive(Context(db), new_id)
        assert imported["tables"]["programmes"] and imported["tables"]["milestones"]
        assert canonical(imported) == canonical(json.loads(path.read_text(encoding="utf-8")))
    finally:
        db.close()

    truncated = tmp_path / "tronque.json"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert main(["--db", str(other), "import", str(truncated)]) == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1 and "JSON invalide ou tronqué" in err and "Rien n'a été importé" in err
    )
    assert main(["--db", str(other), "import", str(tmp_path / "absent.json")]) == 2
    assert "Impossible de lire « absent.json »" in capsys.readouterr().err


# -- a workshop the base already holds ---------------------------------------------------------
def _titles(ctx: Context) -> list[str]:
    return ctx.db.read(lambda s: list(s.scalars(select(Workshop.title).order_by(Workshop.id))))


def test_importing_a_workshop_the_base_holds_asks_replace_or_copy(ctx):
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    other = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id  # same title
    data = export_archive(ctx, wid)
    assert archive.held_workshops(ctx, data) == [(wid, "Mobilités")]
    # refused by default: a French message, and nothing written
    before = _titles(ctx)
    with pytest.raises(archive.AlreadyHeld) as refused:
        archive.import_archive(ctx, data, if_held="refuse")
    assert refused.value.code == "atelier_deja_present"
    assert "déjà l'atelier « Mobilités »" in refused.value.message
    assert "Rien n'a été importé" in refused.value.message
    assert _titles(ctx) == before
    # keep both: the import titled "… (copie)", a workshop of its own
    copy_change = archive.import_archive(ctx, data, if_held="copy")
    assert copy_change.result["if_held"] == "copy"
    assert _titles(ctx) == ["Mobilités", "Mobilités", "Mobilités (copie)"]
    assert archive.held_workshops(ctx, data) == [(wid, "Mobilités")]  # the copy is another one
    # replace: the one held goes, the archive's takes its place; the other one stays
    change = archive.import_archive(ctx, data, if_held="replace")
    assert change.result["held"] == [(wid, "Mobilités")]
    assert archive.held_workshops(ctx, data) == [(change.workshop_id, "Mobilités")]
    ids = ctx.db.read(lambda s: list(s.scalars(select(Workshop.id).order_by(Workshop.id))))
    assert wid not in ids and other in ids and change.workshop_id in ids
    assert canonical(export_archive(ctx, change.workshop_id)) == canonical(data)
    # a base that does not hold it imports it without asking
    data["tables"]["workshops"][0]["created_at"] += 1.0
    data["sha256"] = archive._digest(data["tables"])
    assert archive.held_workshops(ctx, data) == []
    assert archive.import_archive(ctx, data, if_held="refuse").result["held"] == []


def test_the_command_import_refuses_a_duplicate_unless_told(tmp_path, capsys):
    db_path = tmp_path / "labo.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    create_workshop(ctx, format_key="3j", title="Sprint alimentation")
    db.close()
    path = tmp_path / "atelier.json"
    assert main(["--db", str(db_path), "export", "--workshop", "1", "--json", str(path)]) == 0
    capsys.readouterr()

    def titles() -> list[str]:
        db = Database.open(db_path)
        try:
            return _titles(Context(db))
        finally:
            db.close()

    # neither option: refused, exit 2, one French line, nothing written
    assert main(["--db", str(db_path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "déjà l'atelier « Sprint alimentation »" in err
    assert "--replace" in err and "--as-copy" in err and "Rien n'a été importé" in err
    assert titles() == ["Sprint alimentation"]
    # --as-copy: both kept
    assert main(["--db", str(db_path), "import", str(path), "--as-copy"]) == 0
    out = capsys.readouterr().out
    assert "l'import s'appelle « Sprint alimentation (copie) »" in out
    assert titles() == ["Sprint alimentation", "Sprint alimentation (copie)"]
    # --replace: the one held replaced, the copy stays
    assert main(["--db", str(db_path), "import", str(path), "--replace"]) == 0
    out = capsys.readouterr().out
    assert "il remplace celui que la base contenait" in out
    assert titles() == ["Sprint alimentation (copie)", "Sprint alimentation"]
    assert int(out.splitlines()[-1]) == 3
    # both options at once: argparse refuses
    with pytest.raises(SystemExit) as both:
        main(["--db", str(db_path), "import", str(path), "--replace", "--as-copy"])
    assert both.value.code == 2
