"""From ideas to decisions to projects (issue 15): post-its' fates, the action plan, the
chantiers followed, on SQLite and PostgreSQL, undoable, hostile text kept as typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from store_helpers import older_store

from app.errors import InvalidInput, KnownError, NotFound
from app.ops import board, outcomes, projects, votes
from app.ops.base import Context, redo, undo
from app.ops.participants import check_in
from app.ops.workshops import create_workshop, update_cadrage
from app.store.db import Database, head_revision
from app.store.models import Action, Milestone, Note, NoteFate, Programme, Project

HOSTILE = [
    line.replace("\\n", "\n")
    for line in (Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


def _workshop(ctx: Context, fmt: str = "3h", title: str = "Mobilités") -> int:
    wid = create_workshop(ctx, format_key=fmt, title=title).workshop_id
    assert wid is not None
    return wid


def _voted(ctx: Context, wid: int) -> tuple[int, dict[str, int], int]:
    """Four post-its, two of them grouped; a dot vote: the group first, then "Vélo"."""
    ids = {t: board.add_note(ctx, wid, text=t, x=0.0, y=0.0).ids[0]
           for t in ("Bus", "Navette", "Vélo", "Train")}  # fmt: skip
    board.group(ctx, wid, [ids["Bus"], ids["Navette"]], title="Transports")
    cid = ctx.db.read(lambda s: s.get(Note, ids["Bus"]).cluster_id)
    items = [f"cluster:{cid}", f"note:{ids['Vélo']}", f"note:{ids['Train']}"]
    rid = votes.open_round(ctx, wid, kind="dots", items=items, title="Priorités").ids[0]
    votes.add_paper_votes(ctx, rid, {items[0]: 5, items[1]: 3, items[2]: 0})
    return rid, ids, cid


def _fates(ctx: Context, wid: int) -> dict[int, str | None]:
    return {t.note_id: t.fate for t in outcomes.fate_trail(ctx, wid)}


# -- the action plan ---------------------------------------------------------------------------
def test_actions_are_created_edited_reordered_deleted_and_undone(ctx: Context) -> None:
    wid = _workshop(ctx)
    alex = check_in(ctx, wid, name="Alex", category="public", key="join-alex-0001").participant_id
    first = outcomes.create_action(ctx, wid, "Écrire au DGS").ids[0]
    second = outcomes.create_action(
        ctx, wid, "Tester la navette", participant_id=alex, due=date(2027, 3, 12)
    ).ids[0]
    plan = outcomes.actions(ctx, wid)
    assert [(a.what, a.who, a.status) for a in plan] == [
        ("Écrire au DGS", "", "a_faire"),
        ("Tester la navette", "Alex", "a_faire"),
    ]
    assert plan[1].due == date(2027, 3, 12) and plan[1].participant_id == alex
    outcomes.update_action(ctx, first, who="Mme Durand", due=date(2027, 4, 1), status="en_cours")
    a = outcomes.actions(ctx, wid)[0]
    assert (a.who, a.due, a.status, a.status_label) == (
        "Mme Durand",
        date(2027, 4, 1),
        "en_cours",
        "En cours",
    )
    undo(ctx, wid)
    assert outcomes.actions(ctx, wid)[0].status == "a_faire"
    redo(ctx, wid)
    assert outcomes.actions(ctx, wid)[0].status == "en_cours"
    outcomes.move_action(ctx, second, 0)
    assert [a.id for a in outcomes.actions(ctx, wid)] == [second, first]
    undo(ctx, wid)
    assert [a.id for a in outcomes.actions(ctx, wid)] == [first, second]
    outcomes.delete_action(ctx, first)
    plan = outcomes.actions(ctx, wid)
    assert [(a.id, a.position) for a in plan] == [(second, 0)]
    undo(ctx, wid)
    plan = outcomes.actions(ctx, wid)
    assert [a.id for a in plan] == [first, second]
    assert (plan[0].who, plan[0].status, plan[0].due) == (
        "Mme Durand",
        "en_cours",
        date(2027, 4, 1),
    )
    outcomes.update_action(ctx, first, due=None, participant_id=alex)
    assert (outcomes.actions(ctx, wid)[0].due, outcomes.actions(ctx, wid)[0].who) == (None, "Alex")


def test_bad_action_input_is_refused_in_french_and_changes_nothing(ctx: Context) -> None:
    wid = _workshop(ctx)
    other = _workshop(ctx, title="Autre")
    stranger = check_in(ctx, other, name="Lou", category="prive", key="join-lou-00001")
    aid = outcomes.create_action(ctx, wid, "Écrire").ids[0]
    before = outcomes.actions(ctx, wid)
    cases = [
        lambda: outcomes.create_action(ctx, wid, "   "),
        lambda: outcomes.create_action(ctx, wid, "x", status="termine"),
        lambda: outcomes.create_action(ctx, wid, "x", participant_id=stranger.participant_id),
        lambda: outcomes.update_action(ctx, aid, status="fini"),
        lambda: outcomes.update_action(ctx, aid, due="2027-13-01"),  # type: ignore[arg-type]
        lambda: outcomes.update_action(ctx, aid),
        lambda: outcomes.update_action(ctx, 999_999, status="fait"),
        lambda: outcomes.move_action(ctx, aid, 5),
        lambda: outcomes.create_action(ctx, 999_999, "x"),
    ]
    for case in cases:
        with pytest.raises(KnownError) as caught:
            case()
        assert caught.value.message and "Traceback" not in caught.value.message
    assert outcomes.actions(ctx, wid) == before


def test_hostile_text_is_kept_as_typed_in_actions_and_timelines(ctx: Context) -> None:
    wid = _workshop(ctx, "3m")
    pid = ctx.db.write(lambda s: _project_row(s, wid))
    for line in HOSTILE:
        if not line.strip():
            continue
        aid = outcomes.create_action(ctx, wid, line, who=line[:100]).ids[0]
        projects.add_entry(ctx, pid, date(2027, 3, 12), line)
        stored = ctx.db.read(lambda s, a=aid: s.get(Action, a).what)
        assert stored == line.strip()
    entries = projects.chantiers(ctx, wid)[0].entries
    assert [e.text for e in entries] == [line.strip() for line in HOSTILE if line.strip()]
    with pytest.raises(InvalidInput):
        projects.add_entry(ctx, pid, date(2027, 3, 12), "\x00\x01")


# -- fates ---------------------------------------------------------------------------------------
def test_promotions_mark_their_post_its_retenue_and_the_trail_reads_back(ctx: Context) -> None:
    wid = _workshop(ctx)
    rid, ids, cid = _voted(ctx, wid)
    votes.promote_to_actions(ctx, rid, top=1)  # the group: both its post-its
    fates = _fates(ctx, wid)
    assert fates == {ids["Bus"]: "retenue", ids["Navette"]: "retenue", ids["Vélo"]: None,
                     ids["Train"]: None}  # fmt: skip
    trail = {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}
    bus = trail[ids["Bus"]]
    assert (bus.round_id, bus.rank, bus.score) == (rid, 1, 5)
    assert bus.action_what == "Transports" and bus.cluster_title == "Transports"
    assert [(v.round_id, v.rank, v.via) for v in bus.votes] == [(rid, 1, "cluster")]
    votes.promote_to_projects(ctx, rid, top=2)
    trail = {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}
    velo = trail[ids["Vélo"]]
    assert (velo.fate, velo.project_title, velo.rank, velo.score) == ("retenue", "Vélo", 2, 3)
    assert trail[ids["Bus"]].project_id is not None  # now followed as a chantier
    undo(ctx, wid)
    assert _fates(ctx, wid)[ids["Vélo"]] is None
    assert {t.note_id: t.action_id is not None for t in outcomes.fate_trail(ctx, wid)}[ids["Bus"]]
    undo(ctx, wid)
    assert set(_fates(ctx, wid).values()) == {None}
    redo(ctx, wid)
    assert _fates(ctx, wid)[ids["Navette"]] == "retenue"


def test_fates_are_set_changed_cleared_and_refused_when_they_make_no_sense(ctx: Context) -> None:
    wid = _workshop(ctx)
    rid, ids, _cid = _voted(ctx, wid)
    outcomes.set_fate(ctx, wid, [ids["Train"]], "mise_de_cote", reason="Hors périmètre")
    outcomes.set_fate(ctx, wid, [ids["Navette"]], "fusionnee", into=ids["Bus"])
    trail = {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}
    assert (trail[ids["Train"]].fate_label, trail[ids["Train"]].reason) == (
        "Mise de côté",
        "Hors périmètre",
    )
    assert trail[ids["Navette"]].merged_into == ids["Bus"]
    aid = outcomes.create_action(ctx, wid, "Ouvrir une ligne").ids[0]
    outcomes.set_fate(ctx, wid, [ids["Train"]], "retenue", action_id=aid)
    assert {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}[ids["Train"]].reason == ""
    undo(ctx, wid)
    assert _fates(ctx, wid)[ids["Train"]] == "mise_de_cote"
    before = _fates(ctx, wid)
    refused = [
        lambda: outcomes.set_fate(ctx, wid, [ids["Bus"]], "oubliee"),
        lambda: outcomes.set_fate(ctx, wid, [ids["Bus"]], "retenue"),
        lambda: outcomes.set_fate(ctx, wid, [ids["Bus"]], "fusionnee", into=ids["Bus"]),
        lambda: outcomes.set_fate(ctx, wid, [ids["Vélo"]], "fusionnee", into=ids["Navette"]),
        lambda: outcomes.set_fate(ctx, wid, [999_999], "mise_de_cote"),
        lambda: outcomes.set_fate(ctx, wid, [], "mise_de_cote"),
        lambda: outcomes.set_fate(
            ctx, wid, [ids["Train"]], "mise_de_cote", reason="Hors périmètre"
        ),
    ]
    for case in refused:
        with pytest.raises(KnownError):
            case()
    assert _fates(ctx, wid) == before
    outcomes.set_fate(ctx, wid, [ids["Train"], ids["Navette"]], None)
    assert _fates(ctx, wid)[ids["Train"]] is None
    # a post-it deleted then brought back keeps its fate, and those merged into it theirs
    outcomes.set_fate(ctx, wid, [ids["Navette"]], "fusionnee", into=ids["Bus"])
    outcomes.set_fate(ctx, wid, [ids["Bus"]], "mise_de_cote")
    board.delete_notes(ctx, wid, [ids["Bus"]])
    undo(ctx, wid)
    trail = {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}
    assert trail[ids["Bus"]].fate == "mise_de_cote"
    assert trail[ids["Navette"]].merged_into == ids["Bus"]
    assert rid


# -- chantiers ---------------------------------------------------------------------------------
def _project_row(session, wid: int, title: str = "Navette inter-administrations") -> int:
    row = Project(workshop_id=wid, title=title, created_at=1.0)
    session.add(row)
    session.flush()
    return row.id


def test_a_chantier_is_followed_owner_partners_dates_progress_timeline(ctx: Context) -> None:
    wid = _workshop(ctx, "3m")
    update_cadrage(ctx, wid, partners="Bordeaux Métropole\nDREAL Nouvelle-Aquitaine\nSGAR")
    pid = ctx.db.write(lambda s: _project_row(s, wid))
    projects.update_project(
        ctx, pid, owner="Claire (DREAL)", partners=["bordeaux  métropole", "SGAR"],
        start_date=date(2027, 1, 10), target_date=date(2027, 6, 30), progress=40,
        status="en_incubation",
    )  # fmt: skip
    projects.add_entry(ctx, pid, date(2027, 3, 12), "comité du 12 mars : financement acquis")
    c = projects.chantiers(ctx, wid)[0]
    assert (c.owner, c.partners, c.progress, c.status_label) == (
        "Claire (DREAL)",
        ("Bordeaux Métropole", "SGAR"),
        40,
        "En incubation",
    )
    assert (c.start_date, c.target_date) == (date(2027, 1, 10), date(2027, 6, 30))
    assert [(e.day, e.text) for e in c.entries] == [
        (date(2027, 3, 12), "comité du 12 mars : financement acquis")
    ]
    undo(ctx, wid)
    assert projects.chantiers(ctx, wid)[0].entries == ()
    undo(ctx, wid)
    assert projects.chantiers(ctx, wid)[0].progress == 0
    redo(ctx, wid)
    assert projects.chantiers(ctx, wid)[0].partners == ("Bordeaux Métropole", "SGAR")
    before = projects.chantiers(ctx, wid)
    for case in (
        lambda: projects.update_project(ctx, pid, progress=101),
        lambda: projects.update_project(ctx, pid, progress=-1),
        lambda: projects.update_project(ctx, pid, partners=["Région"]),
        lambda: projects.update_project(ctx, pid, status="incubation"),
        lambda: projects.update_project(ctx, pid, target_date=date(2026, 1, 1)),
        lambda: projects.update_project(ctx, pid),
        lambda: projects.update_project(ctx, 999_999, progress=5),
    ):
        with pytest.raises(KnownError):
            case()
    assert projects.chantiers(ctx, wid) == before
    # the timeline goes with its chantier, and comes back with it
    entry = projects.add_entry(ctx, pid, date(2027, 4, 2), "Jalon").ids[0]
    projects.remove_entry(ctx, entry)
    undo(ctx, wid)
    assert [e.text for e in projects.chantiers(ctx, wid)[0].entries] == ["Jalon"]


def test_milestones_are_ticked_dated_and_unticked(ctx: Context) -> None:
    wid = _workshop(ctx, "3m")

    def first(session):
        return session.scalars(
            select(Milestone.id).join(Programme).where(Programme.workshop_id == wid)
        ).first()

    mid = ctx.db.read(first)
    assert mid is not None
    projects.tick_milestone(ctx, mid, at=1_800_000_000.0)
    assert ctx.db.read(lambda s: s.get(Milestone, mid).done_at) == 1_800_000_000.0
    projects.tick_milestone(ctx, mid, False)
    assert ctx.db.read(lambda s: s.get(Milestone, mid).done_at) is None
    undo(ctx, wid)
    assert ctx.db.read(lambda s: s.get(Milestone, mid).done_at) == 1_800_000_000.0
    with pytest.raises(NotFound):
        projects.tick_milestone(ctx, 999_999)


def test_all_chantiers_across_workshops_filtered(ctx: Context) -> None:
    a = _workshop(ctx, "3m", "Sprint alimentation")
    b = _workshop(ctx, "3h", "Mobilités")
    update_cadrage(ctx, a, partners="Gironde\nSGAR")
    pa = ctx.db.write(lambda s: _project_row(s, a, "Cantine locale"))
    pb = ctx.db.write(lambda s: _project_row(s, b, "Covoiturage des agents"))
    projects.update_project(ctx, pa, partners=["Gironde"], status="en_experimentation",
                            owner="Élodie")  # fmt: skip
    every = projects.all_chantiers(ctx)
    assert {(c.id, c.workshop_title) for c in every} == {
        (pa, "Sprint alimentation"),
        (pb, "Mobilités"),
    }
    assert [c.id for c in projects.all_chantiers(ctx, status="en_experimentation")] == [pa]
    assert [c.id for c in projects.all_chantiers(ctx, partner="gironde")] == [pa]
    assert [c.id for c in projects.all_chantiers(ctx, text="ELODIE")] == [pa]
    assert [c.id for c in projects.all_chantiers(ctx, text="covoit")] == [pb]
    with pytest.raises(InvalidInput):
        projects.all_chantiers(ctx, status="fini")


# -- an older file ---------------------------------------------------------------------------------
def test_an_older_file_upgrades_its_actions_and_chantiers(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite3"
    old = older_store(path, "0012")
    with old.engine.begin() as conn:
        wid = conn.execute(text(
            "INSERT INTO workshops (title, format_key, status, cadrage, place, block_label,"
            " block_minutes, board_scope, phone_notes, join_code, created_at, updated_at)"
            " VALUES ('Avant', '3m', 'draft', '{}', '', 'Séance', 180, 'phase', 'inbox',"
            " 'ABCDE', 0, 0) RETURNING id"
        )).scalar_one()  # fmt: skip
        for what, done in (("Écrire", True), ("Appeler", False)):
            conn.execute(
                text("INSERT INTO actions (workshop_id, position, what, who, done)"
                     " VALUES (:w, 0, :what, '', :done)"),
                {"w": wid, "what": what, "done": done},
            )  # fmt: skip
        conn.execute(
            text("INSERT INTO projects (workshop_id, title, description, status, created_at)"
                 " VALUES (:w, 'Navette', '', 'incubation', 0)"),
            {"w": wid},
        )  # fmt: skip
    old.close()
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        ctx = Context(db)
        assert {a.what: a.status for a in outcomes.actions(ctx, wid)} == {
            "Écrire": "fait",
            "Appeler": "a_faire",
        }
        (chantier,) = projects.chantiers(ctx, wid)
        assert (chantier.status, chantier.progress, chantier.partners) == ("en_incubation", 0, ())
        assert db.read(lambda s: s.scalar(select(func.count()).select_from(NoteFate))) == 0
    finally:
        db.close()


def test_deleting_the_post_it_others_were_merged_into_undecides_them_and_undo_restores(
    ctx: Context,
) -> None:
    """Found by the property test: a post-it merged into one that is then deleted pointed at
    nothing (« fusionnée avec » no post-it)."""
    wid = _workshop(ctx)
    kept, twin = (board.add_note(ctx, wid, text=t, x=0.0, y=0.0).ids[0] for t in ("Vélo", "Vélos"))
    outcomes.set_fate(ctx, wid, [twin], "fusionnee", into=kept)
    board.delete_notes(ctx, wid, [kept])
    assert _fates(ctx, wid) == {twin: None}
    undo(ctx, wid)
    trail = {t.note_id: t for t in outcomes.fate_trail(ctx, wid)}
    assert (trail[twin].fate, trail[twin].merged_into) == ("fusionnee", kept)
