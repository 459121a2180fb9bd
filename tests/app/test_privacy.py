"""The privacy officer's checks (RGPD), on SQLite and PostgreSQL: "Supprimer cette personne"
leaves her nowhere in the base (rows, journal payloads and labels, idempotency rows) while
every count holds; undo cannot bring her back; her workshop's archive still imports; deleting
a workshop takes its journal; "Anonymiser l'atelier" leaves initials only; the retention
setting reaches old workshops at start-up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import InvalidInput
from app.ops import (
    archive,
    base,
    board,
    feedback,
    live,
    notes,
    outcomes,
    participants,
    privacy,
    queries,
    votes,
    workshops,
)
from app.ops.base import Context
from app.store.models import (
    Base,
    CheckIn,
    IdempotentRequest,
    JournalEntry,
    Note,
    Participant,
    Vote,
    Workshop,
)

MARIE = "Marie Dupont"
RENAMED = "Marie Dupond"
ORG = "Mairie de Pessac"
HER_WORDS = ("Marie", "Dupont", "Dupond", "Pessac")


def dump(ctx: Context) -> str:
    """Every row of every table, as text: what someone reading the base would find."""

    def work(session: Any) -> str:
        out = []
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)).mappings():
                out.append(
                    json.dumps(
                        {k: v for k, v in row.items() if not isinstance(v, bytes)},
                        default=str,
                        ensure_ascii=False,
                    )
                )
        return "\n".join(out)

    return str(ctx.db.read(work))


def count(ctx: Context, model: Any, *where: Any) -> int:
    return int(
        ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))
    )


@dataclass
class Room:
    wid: int
    marie: int
    token: str
    alex: int
    her_notes: list[int]
    round_id: int


def room(ctx: Context) -> Room:
    """A séance where Marie checked in, was renamed, posted, voted, gave feedback and was
    named as an action's owner; Alex did the same things (he stays)."""
    wid = workshops.create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    live.start_session(ctx, wid)
    marie = participants.check_in(ctx, wid, name=MARIE, organisation=ORG, category="public",
                                  consent_named=True, key="join-marie-0001")  # fmt: skip
    alex = participants.check_in(ctx, wid, name="Alex", category="usager", key="join-alex-0001")
    participants.rename_participant(ctx, wid, marie.participant_id, RENAMED)
    mine = [
        notes.post_note(ctx, wid, marie.participant_id, text=t, key=f"note-marie-{i:04}")[0].id
        for i, t in enumerate(("Des bancs à l'ombre", "Un bus le dimanche"))
    ]
    notes.post_note(ctx, wid, alex.participant_id, text="Pistes cyclables", key="note-alex-0001")
    board.delete_notes(ctx, wid, [mine[1]])  # undoable: its inverse holds her post-it
    items = [f"note:{mine[0]}"]
    rid = votes.open_round(ctx, wid, kind="dots", items=items, title="Priorités").ids[0]
    votes.cast_ballot(ctx, wid, rid, marie.participant_id, {items[0]: 1}, key="ballot-marie-1")
    votes.cast_ballot(ctx, wid, rid, alex.participant_id, {items[0]: 1}, key="ballot-alex-01")
    outcomes.create_action(ctx, wid, "Écrire au DGS", who=RENAMED)
    board.add_note(ctx, wid, text="Noté au tableau", author=MARIE, x=0.0, y=0.0)
    while not feedback.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)
    feedback.give_feedback(ctx, wid, marie.participant_id, rating=4, keep="Le rythme",
                           key="fb-marie-0001")  # fmt: skip
    return Room(wid, marie.participant_id, marie.token, alex.participant_id, mine, rid)


def test_erasing_a_person_leaves_her_nowhere_and_keeps_every_count(ctx: Context) -> None:
    r = room(ctx)
    before = dump(ctx)
    assert all(word in before for word in HER_WORDS) and r.token in before
    counts = (
        count(ctx, Participant, Participant.workshop_id == r.wid),
        count(ctx, CheckIn),
        count(ctx, Note, Note.workshop_id == r.wid),
        count(ctx, Vote, Vote.round_id == r.round_id),
        feedback.feedback_summary(ctx, r.wid).answers,
    )
    change = privacy.erase_participant(ctx, r.wid, r.marie)
    assert change.op == privacy.ERASE_OP
    after = dump(ctx)
    assert [w for w in HER_WORDS if w in after] == []
    assert r.token not in after
    # counts hold: she is "Personne effacée", her post-its and her ballot stay anonymous
    assert counts == (
        count(ctx, Participant, Participant.workshop_id == r.wid),
        count(ctx, CheckIn),
        count(ctx, Note, Note.workshop_id == r.wid),
        count(ctx, Vote, Vote.round_id == r.round_id),
        feedback.feedback_summary(ctx, r.wid).answers,
    )
    people = {p.id: p for p in participants.attendees(ctx, r.wid)}
    assert people[r.marie].name == privacy.ERASED_NAME
    assert (people[r.marie].organisation, people[r.marie].consent_named) == ("", False)
    assert people[r.alex].name == "Alex"
    texts = {n.text: n.author for n in notes.workshop_notes(ctx, r.wid)}
    assert texts["Des bancs à l'ombre"] == "anonyme"
    # her phone is logged out; her idempotency rows are gone, Alex's stay
    assert participants.participant_by_token(ctx, r.wid, r.token) is None
    assert count(ctx, IdempotentRequest, IdempotentRequest.actor == f"participant:{r.marie}") == 0
    assert count(ctx, IdempotentRequest, IdempotentRequest.actor == f"participant:{r.alex}") > 0
    # the erasure's own entry names nobody
    entry = ctx.db.read(lambda s: s.get(JournalEntry, change.seq))
    assert entry is not None and entry.forward == [["participant.erase", {"id": r.marie}]]
    with pytest.raises(InvalidInput, match="déjà été effacée"):
        privacy.erase_participant(ctx, r.wid, r.marie)
    with pytest.raises(InvalidInput, match="n'existe plus"):
        privacy.erase_participant(ctx, r.wid, 999_999)


def test_undo_after_an_erasure_brings_nothing_of_her_back(ctx: Context) -> None:
    r = room(ctx)
    privacy.erase_participant(ctx, r.wid, r.marie)
    for _ in range(50):
        if base.undo(ctx, r.wid) is None:
            break
    assert [w for w in HER_WORDS if w in dump(ctx)] == []
    # her deleted post-it's deletion touched her: it cannot be undone any more
    assert ctx.db.read(lambda s: s.get(Note, r.her_notes[1])) is None


def test_the_workshop_of_an_erased_or_removed_voter_still_imports(ctx: Context) -> None:
    r = room(ctx)
    privacy.erase_participant(ctx, r.wid, r.marie)
    participants.remove_participant(ctx, r.wid, r.alex)  # a duplicate who had voted
    voters = ctx.db.read(lambda s: sorted(s.scalars(select(Vote.voter)).all()))
    assert voters == sorted([f"p:{r.marie}", f"anon:{r.alex}"])
    data = archive.export_archive(ctx, r.wid)
    change = archive.import_archive(ctx, data)
    results = votes.results(ctx, r.round_id)
    copied = votes.rounds(ctx, change.workshop_id)
    assert copied and votes.results(ctx, copied[0].id).lines[0].score == results.lines[0].score == 2
    assert [w for w in HER_WORDS if w in json.dumps(data, ensure_ascii=False)] == []


def test_an_old_archive_with_a_removed_voter_imports(ctx: Context) -> None:
    """An archive written before the fix: a ballot's voter `p:<id>` names nobody."""
    r = room(ctx)
    data = archive.export_archive(ctx, r.wid)
    tables = data["tables"]
    gone = r.alex
    tables["participants"] = [p for p in tables["participants"] if p["id"] != gone]
    tables["checkins"] = [c for c in tables["checkins"] if c["participant_id"] != gone]
    for name in ("votes", "vote_ballots", "feedback"):
        for row in tables.get(name, []):
            if row.get("participant_id") == gone:
                row["participant_id"] = None
    for note in tables["notes"]:
        if note["participant_id"] == gone:
            note["participant_id"] = None
    data["sha256"] = archive._digest(tables)  # as an archive of that time was sealed
    change = archive.import_archive(ctx, data)
    copied = votes.rounds(ctx, change.workshop_id)
    assert votes.results(ctx, copied[0].id).lines[0].score == 2


def test_deleting_a_workshop_takes_its_journal_and_idempotency_rows(ctx: Context) -> None:
    r = room(ctx)
    keep = workshops.create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    participants.check_in(ctx, keep, name="Zoé", category="usager", key="join-zoe-00001")
    change = workshops.delete_workshop(ctx, r.wid)
    left = ctx.db.read(
        lambda s: s.scalars(
            select(JournalEntry).where(JournalEntry.workshop_id == r.wid).order_by(JournalEntry.seq)
        ).all()
    )
    assert [(e.seq, e.op) for e in left] == [(change.seq, "workshop.delete")]  # the trace only
    newer = workshops.create_workshop(ctx, format_key="3h", title="Après").seq
    assert newer > change.seq  # a journal sequence is never given twice
    assert count(ctx, IdempotentRequest, IdempotentRequest.key.like(f"{r.wid}:%")) == 0
    assert count(ctx, IdempotentRequest, IdempotentRequest.key.like(f"{keep}:%")) == 1
    assert [w for w in HER_WORDS if w in dump(ctx)] == []
    assert queries.journal_entries(ctx, keep)


def test_anonymising_a_workshop_leaves_initials_everywhere(ctx: Context) -> None:
    r = room(ctx)
    other = workshops.create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    participants.check_in(ctx, other, name="Alex Martin", category="usager", key="join-am-00001")
    privacy.anonymise_workshop(ctx, r.wid)
    after = dump(ctx)
    assert [
        w for w in ("Marie", "Dupont", "Dupond", "Alex") if w in after.replace("Alex Martin", "")
    ] == []
    assert ORG in after  # her organisation stays: a structure, not a person (the bilan counts them)
    names = sorted(p.name for p in participants.attendees(ctx, r.wid))
    assert names == ["A.", "M. D."]
    assert [a.who for a in outcomes.actions(ctx, r.wid)] == ["M. D."]
    assert "Alex Martin" in after  # another workshop keeps its names
    assert count(ctx, IdempotentRequest, IdempotentRequest.key.like(f"{r.wid}:%")) == 0
    assert participants.participant_by_token(ctx, r.wid, r.token) is None
    # twice is the same as once
    again = dump(ctx)
    privacy.anonymise_workshop(ctx, r.wid)
    assert sorted(p.name for p in participants.attendees(ctx, r.wid)) == names
    assert len(dump(ctx)) >= len(again)


@pytest.mark.parametrize(
    ("name", "short"),
    [("Marie Dupont", "M. D."), ("jean-pierre", "J.-P."), ("M. D.", "M. D."), ("", ""),
     ("  Élodie  ", "É."), ("O'Neil", "O.")],
)  # fmt: skip
def test_initials(name: str, short: str) -> None:
    assert privacy.initials(name) == short


def _dated(ctx: Context, title: str, day: date) -> int:
    wid = workshops.create_workshop(ctx, format_key="3h", title=title).workshop_id
    workshops.update_details(ctx, wid, start_date=day)
    participants.check_in(ctx, wid, name=f"Camille {title}", category="usager",
                          key=f"join-{wid}-00001")  # fmt: skip
    return wid


def test_retention_anonymises_old_workshops_once(ctx: Context) -> None:
    today = date(2027, 6, 15)
    old = _dated(ctx, "Ancien", date(2026, 6, 14))
    recent = _dated(ctx, "Récent", date(2026, 6, 16))
    reached = privacy.apply_retention(ctx, months=12, action="anonymise", today=today)
    assert [(r.workshop_id, r.action) for r in reached] == [(old, "anonymise")]
    assert [p.name for p in participants.attendees(ctx, old)] == ["C. A."]
    assert [p.name for p in participants.attendees(ctx, recent)] == ["Camille Récent"]
    assert "1 atelier anonymisé" in privacy.retention_notice(reached)
    assert privacy.apply_retention(ctx, months=12, action="anonymise", today=today) == []
    assert privacy.apply_retention(ctx, months=0, action="purge", today=today) == []


def test_retention_purge_deletes_old_workshops(ctx: Context) -> None:
    today = date(2027, 6, 15)
    old = _dated(ctx, "Ancien", date(2025, 1, 1))
    recent = _dated(ctx, "Récent", date(2027, 1, 1))
    reached = privacy.apply_retention(ctx, months=12, action="purge", today=today)
    assert [r.workshop_id for r in reached] == [old]
    ids = ctx.db.read(lambda s: s.scalars(select(Workshop.id)).all())
    assert list(ids) == [recent]
    assert "Camille Ancien" not in dump(ctx)  # the deletion's entry keeps the title only
    assert "supprimé" in privacy.retention_notice(reached)
    with pytest.raises(InvalidInput):
        privacy.apply_retention(ctx, months=12, action="brûler", today=today)


def test_months_before_keeps_the_end_of_a_month() -> None:
    assert privacy.months_before(date(2027, 3, 31), 1) == date(2027, 2, 28)
    assert privacy.months_before(date(2027, 1, 15), 12) == date(2026, 1, 15)
    assert privacy.months_before(date(2027, 1, 15), 13) == date(2025, 12, 15)
