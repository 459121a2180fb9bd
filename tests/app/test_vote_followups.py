"""After the vote, on both backends: the top items become chantiers the programme follows,
paper ballots are listed and taken out (undoably), and a named round tells her who chose
what while an anonymous round never ties a name to a choice."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.domain.votes import VoteError
from app.errors import InvalidInput, NotFound
from app.events import Event, Topic
from app.ops import participants
from app.ops import votes as v
from app.ops.base import Context, redo, undo
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop
from app.store.models import Action, Cluster, JournalEntry, Note, Project, VoteBallot


@dataclass
class Room:
    ctx: Context
    wid: int
    people: list[int]  # checked in: Awa, Bruno, Chloé
    notes: list[int]

    def key(self, n: int) -> str:
        return f"note:{self.notes[n]}"


TEXTS = ("Navette gare", "Vélos de service", "Covoiturage", "Télétravail")


@pytest.fixture
def room(ctx: Context) -> Room:
    wid = create_workshop(ctx, format_key="3m", title="Mobilités").workshop_id
    assert wid is not None
    people = [
        participants.check_in(ctx, wid, name=name, category="public", key=f"join-{n:04d}-0001")
        .participant_id
        for n, name in enumerate(("Awa", "Bruno", "Chloé"))
    ]  # fmt: skip

    def add(session) -> list[int]:
        rows = [Note(workshop_id=wid, text=t, author="", created_at=0.0) for t in TEXTS]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]

    return Room(ctx, wid, people, ctx.db.write(add))


_keys = iter(range(10**9))


def cast(room: Room, rid: int, who: int, choices) -> None:
    v.cast_ballot(room.ctx, room.wid, rid, room.people[who], choices, key=f"k-{next(_keys):08d}")


def open_round(room: Room, kind: str = "dots", **settings) -> int:
    items = [room.key(n) for n in range(len(room.notes))]
    return v.open_round(
        room.ctx, room.wid, kind=kind, items=items, title="Priorités", settings=settings
    ).ids[0]


def chantiers(room: Room) -> list[tuple[str, str, int | None]]:
    return room.ctx.db.read(
        lambda s: [
            (p.title, p.status, p.source_note_id)
            for p in s.scalars(
                select(Project).where(Project.workshop_id == room.wid).order_by(Project.id)
            )
        ]
    )


# -- promotion to chantiers ----------------------------------------------------------------------
def test_promote_the_top_items_to_chantiers_ties_included_then_undo_and_redo(room):
    rid = open_round(room, dots=3)
    cast(room, rid, 0, {room.key(1): 2, room.key(2): 1})
    cast(room, rid, 1, {room.key(2): 1, room.key(3): 2})
    heard: list[Event] = []
    room.ctx.bus.subscribe(heard.append)
    change = v.promote_to_projects(room.ctx, rid, top=1)
    # Vélos 2, Covoiturage 2, Télétravail 2: three tied for first, all promoted
    expected = [
        ("Vélos de service", "idee", room.notes[1]),
        ("Covoiturage", "idee", room.notes[2]),
        ("Télétravail", "idee", room.notes[3]),
    ]
    assert sorted(chantiers(room)) == sorted(expected)
    assert len(change.ids) == 3 and change.op == "projects.promote"
    assert [e.topic for e in heard] == [Topic.WORKSHOP]  # the programme views refresh
    detail = workshop_detail(room.ctx, room.wid)
    assert sorted(p.title for p in detail.projects) == sorted(t for t, _, _ in expected)
    assert all(p.description == "Issu du vote « Priorités » (rang 1)." for p in detail.projects)
    assert detail.undo_label == "Chantiers : 3 élément(s) du vote"
    entry = room.ctx.db.read(
        lambda s: s.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
    )
    assert entry.op == "projects.promote" and entry.actor == "animatrice"
    # each chantier goes with the fate it gave its post-it (`retenue`)
    assert [a[0] for a in entry.inverse] == ["fate.set", "project.delete"] * 3
    # undo takes them out, redo brings them back (the journal holds both ways)
    undo(room.ctx, room.wid)
    assert chantiers(room) == []
    assert [e.topic for e in heard][-1] == Topic.WORKSHOP  # the undo refreshes them too
    redo(room.ctx, room.wid)
    assert sorted(chantiers(room)) == sorted(expected)


def test_an_item_is_not_promoted_twice_and_nothing_to_promote_is_refused(room):
    rid = open_round(room, dots=3)
    with pytest.raises(VoteError, match="Aucun élément"):
        v.promote_to_projects(room.ctx, rid)
    cast(room, rid, 0, {room.key(0): 3})
    v.promote_to_projects(room.ctx, rid, top=1)
    with pytest.raises(VoteError, match="déjà des chantiers") as refused:
        v.promote_to_projects(room.ctx, rid, top=1)
    assert refused.value.code == "conflit"
    cast(room, rid, 1, {room.key(1): 1})
    change = v.promote_to_projects(room.ctx, rid, top=2)  # only the one not yet promoted
    assert len(change.ids) == 1
    assert [t for t, _, _ in chantiers(room)] == ["Navette gare", "Vélos de service"]
    with pytest.raises(NotFound):
        v.promote_to_projects(room.ctx, 999_999)


def test_the_promotion_preview_lists_what_the_promotions_create_ties_included(room):
    rid = open_round(room, dots=3)
    assert v.promotion_preview(room.ctx, rid, top=3) == []  # no votes yet: nothing to promote
    with pytest.raises(VoteError, match="Aucun élément"):
        v.promote_to_actions(room.ctx, rid, top=3)
    # Navette 3, then Vélos 1, Covoiturage 1 and Télétravail 1 tied for the second place
    cast(room, rid, 0, {room.key(0): 3})
    cast(room, rid, 1, {room.key(1): 1, room.key(2): 1, room.key(3): 1})
    assert [line.label for line in v.promotion_preview(room.ctx, rid, top=1)] == ["Navette gare"]
    preview = v.promotion_preview(room.ctx, rid, top=2)
    assert [line.rank for line in preview] == [1, 2, 2, 2]  # the tie at the edge comes along
    assert preview[0].key == room.key(0)
    assert sorted(line.key for line in preview[1:]) == sorted(room.key(n) for n in (1, 2, 3))
    labels = [line.label for line in preview]
    # the action plan gets exactly the preview, in its order
    v.promote_to_actions(room.ctx, rid, top=2)
    actions = room.ctx.db.read(
        lambda s: [a.what for a in s.scalars(select(Action).order_by(Action.position))]
    )
    assert actions == labels
    # the chantiers too (none existed), each from its post-it
    change = v.promote_to_projects(room.ctx, rid, top=2)
    assert len(change.ids) == len(preview)
    assert [(t, n) for t, _, n in chantiers(room)] == [
        (line.label, int(line.key.removeprefix("note:"))) for line in preview
    ]
    # the preview is a read: it wrote nothing, and the closed round still previews the same
    v.close_round(room.ctx, rid)
    assert v.promotion_preview(room.ctx, rid, top=2) == preview
    with pytest.raises(NotFound):
        v.promotion_preview(room.ctx, 999_999, top=2)


def test_a_long_post_it_makes_a_short_title_and_keeps_its_text(room, ctx):
    long = "Une navette partagée\nentre les sites " + "très " * 80 + "fin"

    def add(session) -> int:
        note = Note(workshop_id=room.wid, text=long, author="", created_at=0.0)
        session.add(note)
        session.flush()
        return note.id

    nid = ctx.db.write(add)
    rid = v.open_round(ctx, room.wid, kind="points", items=[f"note:{nid}", room.key(0)],
                       settings={"budget": 10}).ids[0]  # fmt: skip
    cast(room, rid, 0, {f"note:{nid}": 10})
    v.promote_to_projects(ctx, rid, top=1)
    (project,) = workshop_detail(ctx, room.wid).projects
    assert len(project.title) == 200 and project.title.endswith("…")
    assert project.title.startswith("Une navette partagée entre les sites très")
    assert project.description.endswith("\n" + long)


def test_a_group_becomes_a_chantier_under_its_title(room, ctx):
    from app.ops import board

    board.group(ctx, room.wid, room.notes[:2], title="Vélo et marche")
    cluster = ctx.db.read(lambda s: s.scalars(select(Cluster.id)).one())
    rid = v.open_round(ctx, room.wid, kind="majority", items=[f"cluster:{cluster}",
                       room.key(2)]).ids[0]  # fmt: skip
    cast(room, rid, 0, {f"cluster:{cluster}": 6, room.key(2): 1})
    v.promote_to_projects(ctx, rid, top=1)
    assert chantiers(room) == [("Vélo et marche", "idee", None)]


# -- paper ballots ---------------------------------------------------------------------------------
def test_paper_ballots_are_listed_and_one_is_taken_out_then_given_back_whole(room):
    rid = open_round(room, dots=3, live_results=True)
    cast(room, rid, 0, {room.key(0): 1})
    v.add_paper_votes(room.ctx, rid, {room.key(1): 4, room.key(2): 2}, label="Table du fond")
    v.add_paper_votes(room.ctx, rid, {room.key(1): 1}, label="Salle annexe")
    res = v.results(room.ctx, rid)
    assert [(p.voter, p.label, p.votes, p.total) for p in res.paper] == [
        ("paper:1", "Table du fond", {room.key(1): 4, room.key(2): 2}, 6),
        ("paper:2", "Salle annexe", {room.key(1): 1}, 1),
    ]
    assert v.results(room.ctx, rid, public=True).paper == ()  # never for a shared screen
    v.remove_paper_votes(room.ctx, rid, "paper:1")
    res = v.results(room.ctx, rid)
    assert [p.label for p in res.paper] == ["Salle annexe"]
    assert res.turnout.paper_ballots == 1
    assert {line.key: line.score for line in res.lines if line.score} == {
        room.key(0): 1.0,
        room.key(1): 1.0,
    }
    assert v.live_counts(room.ctx, rid) == v.recount(room.ctx, rid)
    assert workshop_detail(room.ctx, room.wid).undo_label == "Retirer « Table du fond » (papier)"
    # a new paper ballot never takes the number of one still counted
    v.add_paper_votes(room.ctx, rid, {room.key(3): 2}, label="Accueil")
    assert [p.voter for p in v.results(room.ctx, rid).paper] == ["paper:2", "paper:3"]
    undo(room.ctx, room.wid)  # the new one goes
    undo(room.ctx, room.wid)  # the removed one comes back, label, time and dots
    res = v.results(room.ctx, rid)
    assert [(p.voter, p.label, p.total) for p in res.paper] == [
        ("paper:2", "Salle annexe", 1),
        ("paper:1", "Table du fond", 6),
    ]
    assert {line.key: line.score for line in res.lines}[room.key(1)] == 5.0
    assert v.live_counts(room.ctx, rid) == v.recount(room.ctx, rid)


def test_only_a_counted_paper_ballot_can_be_taken_out(room):
    rid = open_round(room, dots=3)
    cast(room, rid, 0, {room.key(0): 1})
    with pytest.raises(InvalidInput):
        v.remove_paper_votes(room.ctx, rid, f"p:{room.people[0]}")  # a phone's ballot
    with pytest.raises(NotFound):
        v.remove_paper_votes(room.ctx, rid, "paper:7")
    v.add_paper_votes(room.ctx, rid, {room.key(1): 2})
    v.remove_paper_votes(room.ctx, rid, "paper:1")
    with pytest.raises(NotFound):
        v.remove_paper_votes(room.ctx, rid, "paper:1")  # already out
    stored = room.ctx.db.read(lambda s: s.scalars(select(VoteBallot.voter)).all())
    assert stored == [f"p:{room.people[0]}"]


# -- named and anonymous rounds -------------------------------------------------------------------
def test_a_named_round_tells_the_console_who_chose_what_never_a_shared_screen(room):
    rid = open_round(room, dots=3, anonymous=False, live_results=True)
    cast(room, rid, 0, {room.key(0): 2})
    cast(room, rid, 2, {room.key(1): 1, room.key(2): 1})
    v.add_paper_votes(room.ctx, rid, {room.key(3): 3}, label="Table du fond")
    res = v.results(room.ctx, rid)
    assert sorted(res.voters) == sorted([
        ("Awa", {room.key(0): 2}),
        ("Chloé", {room.key(1): 1, room.key(2): 1}),
        ("Table du fond (papier)", {room.key(3): 3}),
    ])  # fmt: skip
    assert v.results(room.ctx, rid, public=True).voters == ()


@pytest.mark.parametrize("kind", ["dots", "points", "majority", "criteria"])
def test_an_anonymous_round_never_ties_a_name_to_a_choice(room, kind):
    rid = open_round(room, kind, live_results=True)
    info = v.rounds(room.ctx, room.wid)[0]
    assert info.settings.anonymous
    if kind == "criteria":
        keys = [c.key for c in info.settings.criteria]
        ballot = {room.key(n): dict.fromkeys(keys, 3 + n % 2) for n in range(4)}
    elif kind == "majority":
        ballot = {room.key(n): n + 1 for n in range(4)}
    else:
        ballot = {room.key(0): 1}
    for who in range(3):
        cast(room, rid, who, ballot)
        v.set_done(room.ctx, room.wid, rid, room.people[who])
    for public in (False, True):
        res = v.results(room.ctx, rid, public=public)
        assert res.voters == ()
        # names appear only as "who is done", never next to an item or a choice
        assert all(
            name not in repr((res.round, res.lines, res.paper))
            for name in ("Awa", "Bruno", "Chloé")
        )
    # nor in the journal: a ballot's entry carries what the `votes` rows hold (the voter's
    # "p:<id>" and their choices, which a co-facilitator's replica replays), never a name
    forward = room.ctx.db.read(
        lambda s: [e.forward for e in s.scalars(select(JournalEntry).where(
            JournalEntry.op.in_(("votes.cast", "votes.done"))))]
    )  # fmt: skip
    assert forward and all(
        f[0][0] in ("ballot.replace", "ballot.done")
        and set(f[0][1]) <= {"round_id", "voter", "votes", "done", "at"}
        for f in forward
    )
    assert all(name not in repr(forward) for name in ("Awa", "Bruno", "Chloé"))
