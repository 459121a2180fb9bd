"""One write path: every public operation of `app/ops` that changes the store journals what it
did, through `base.perform` (on both backends), and phones' writes journal mutations a
co-facilitator's replica replays.

Every public function of an `app.ops` module (or of a module of one of its packages, named
after the package: `votes.cast_ballot` is `app.ops.votes.ballots.cast_ballot`) taking the
context first is declared here: as a write (called below, on a fixture workshop, with the
journal diffed around the call), as a read, or as the write path itself. A new function
nobody declared fails `test_every_public_operation_is_declared`.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import json
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

import app.ops
from app.domain.board import COLOURS, TEMPLATES
from app.domain.clock import FakeClock
from app.domain.model import CADRAGE_KEYS, Status
from app.domain.report import PROJECT_STATUSES
from app.ops import (
    agenda,
    archive,
    base,
    board,
    capitalisation,
    cofac,
    demo,
    feedback,
    formats,
    grouping,
    live,
    notes,
    outcomes,
    pairing,
    participants,
    photos,
    privacy,
    projects,
    queries,
    rehearsal,
    replica,
    votes,
    workshops,
)
from app.ops.base import Context
from app.store.db import Database
from app.store.models import (
    Cluster,
    CoFacilitator,
    JournalEntry,
    Milestone,
    Note,
    Participant,
    Photo,
    Programme,
    Project,
    ProjectEntry,
)

# what only reads the store (or writes a file, never the store)
READ_ONLY = frozenset({
    "activity.activity_data", "archive.export_archive", "archive.write_archive",
    "archive.held_workshops",
    "board.new_notes", "board.fullest_board", "board.board_data",
    "capitalisation.method_reviews", "capitalisation.method_usage",
    "cofac.cofac_info", "cofac.by_token", "cofac.cofacilitators",
    "feedback.phone_feedback", "feedback.feedback_open", "feedback.feedback_summary",
    "formats.load_saved_formats",  # the base's formats into the context's library
    "grouping.suggest",
    "live.live_session", "live.door", "live.join_code",
    "rehearsal.is_rehearsal", "rehearsal.rehearsals_of",
    "notes.my_notes", "notes.workshop_notes",
    "participants.participant_by_token", "participants.attendees",
    "photos.list_photos", "photos.photo_pictures",
    "queries.list_workshops", "queries.workshop_detail", "queries.last_seq",
    "queries.journal_entries",
    "replica.snapshot", "replica.journal_page",
    "report_data.report_data", "report_data.attendance_sheet",
    "votes.projects", "votes.rounds", "votes.results", "votes.live_counts", "votes.recount",
    "votes.current_round_id", "votes.phone_view", "votes.promotion_preview",
    "votes.room_round", "votes.room_ballots",
    "outcomes.actions", "outcomes.fate_trail", "projects.chantiers", "projects.all_chantiers",
    "workshops.workshop_ids", "privacy.past_retention",
})  # fmt: skip
# the write path itself
PLUMBING = frozenset({
    "base.perform", "base.perform_async", "base.execute", "base.publish", "base.entry_row",
})  # fmt: skip
# whole-workshop operations: their entry names no mutation (a replica never replays the
# creation, copy, import or deletion of a workshop: it is made of one that exists)
WHOLE_WORKSHOP_OPS = frozenset({
    "workshop.create", "workshop.duplicate", "workshop.delete", "workshop.import", "demo.create",
    "rehearsal.create", "rehearsal.wipe",
})  # fmt: skip


def _public_operations() -> set[str]:
    """Every public operation, as `<module>.<name>`; a package's modules go by the package's
    name (the name it is imported by: `app.ops.votes` re-exports its modules' functions)."""
    found = set()
    for module_info in pkgutil.walk_packages(app.ops.__path__, "app.ops."):
        module = importlib.import_module(module_info.name)
        public = module_info.name.removeprefix("app.ops.").split(".")[0]
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] in ("ctx", "into"):
                found.add(f"{public}.{name}")
    return found


@dataclass
class Room:
    """The fixture workshop, and what the walk made in it."""

    ctx: Context
    clock: FakeClock
    folder: Path
    wid: int = 0
    made: dict[str, Any] = field(default_factory=dict)

    def detail(self) -> Any:
        return queries.workshop_detail(self.ctx, self.wid)

    def phase(self, index: int = 0) -> int:
        return self.detail().blocks[0].phases[index].id

    def block(self) -> int:
        return self.detail().blocks[0].id

    def newest(self, model: Any) -> int:
        found = self.ctx.db.read(lambda s: s.scalar(select(func.max(model.id))))
        assert found is not None
        return int(found)

    def note(self, text: str) -> int:
        return board.add_note(self.ctx, self.wid, text=text, x=0.0, y=0.0).ids[0]


def _picture() -> photos.PreparedPhoto:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "JPEG")
    return photos.prepare_photo("mur.jpg", out.getvalue())


def _to_closing(r: Room) -> None:
    while not feedback.feedback_open(r.ctx, r.wid):
        live.next_phase(r.ctx, r.wid)


def _colour() -> str:
    return next(k for k in COLOURS if k != "jaune")


def _remote(r: Room) -> Any:
    who = cofac.cofac_info(r.ctx, r.made["laptop"])
    assert who is not None
    return cofac.run_remote(r.ctx, r.wid, who, "board.add_note", {"text": "À distance"},
                            "remote-key-0001")  # fmt: skip


def _phone_note(r: Room, posted: tuple[notes.NoteInfo, bool]) -> Any:
    """Where the phones' post-its go (the séance's phase, written privately)."""
    found = r.ctx.db.read(lambda s: s.get(Note, posted[0].id))
    assert found is not None and found.hidden
    r.made["phone_phase"] = found.phase_id
    return posted


def _newcomer(r: Room) -> int:
    """Someone who arrived twice: a duplicate to remove."""
    return participants.check_in(
        r.ctx, r.wid, name="Lou", category="prive", key="join-lou-00001"
    ).participant_id


def _round(r: Room) -> int:
    items = [f"note:{r.note(t)}" for t in ("Bus", "Vélo", "Train")]
    rid = votes.open_round(r.ctx, r.wid, kind="dots", items=items, title="Priorités").ids[0]
    r.made["round"] = rid
    r.made["items"] = items
    return rid


def _milestone(r: Room) -> int:
    """A milestone of the workshop's programme (a 3 heures has none of its own)."""

    def work(session: Any) -> int:
        programme = Programme(workshop_id=r.wid)
        session.add(programme)
        session.flush()
        row = Milestone(programme_id=programme.id, title="Comité de pilotage", week=6)
        session.add(row)
        session.flush()
        return row.id

    return int(r.ctx.db.write(work))


def _due(r: Room) -> Any:
    r.clock.advance(60)  # past the reopened round's closing time
    return votes.close_due_rounds(r.ctx, r.wid)


def _suggested(r: Room) -> Any:
    """Two groups of two post-its, as the grouping dialog hands them back."""
    ids = [r.note(t) for t in ("Tram", "Tramway", "Piste", "Pistes")]
    groups = [grouping.SuggestedGroup("Tram", tuple(ids[:2])),
              grouping.SuggestedGroup("Pistes", tuple(ids[2:]))]  # fmt: skip
    return grouping.accept(r.ctx, r.wid, groups)


def _import_file(r: Room) -> Any:
    path = r.folder / "atelier.json"
    archive.write_archive(r.ctx, r.wid, path)
    return archive.import_file(r.ctx, path, if_held="copy")  # this base holds it


# the walk: each write, in an order where what it needs exists (its result kept for later)
WALK: list[tuple[str, Callable[[Room], Any]]] = [
    ("workshops.create_workshop", lambda r: r.made.setdefault(
        "wid", workshops.create_workshop(r.ctx, format_key="3h", title="Marche").workshop_id)),
    ("workshops.rename_workshop", lambda r: workshops.rename_workshop(r.ctx, r.wid, "Marche 2")),
    ("workshops.update_details", lambda r: workshops.update_details(r.ctx, r.wid, place="Lyon")),
    ("workshops.update_cadrage",
     lambda r: workshops.update_cadrage(r.ctx, r.wid, **{CADRAGE_KEYS[0]: "Se déplacer"})),
    ("workshops.set_status", lambda r: workshops.set_status(r.ctx, r.wid, Status.ARCHIVED)),
    ("workshops.unarchive_workshop", lambda r: workshops.unarchive_workshop(r.ctx, r.wid)),
    ("workshops.archive_workshop", lambda r: workshops.archive_workshop(r.ctx, r.wid)),
    ("workshops.duplicate_workshop",
     lambda r: r.made.setdefault("copy", workshops.duplicate_workshop(r.ctx, r.wid).workshop_id)),
    ("workshops.delete_workshop", lambda r: workshops.delete_workshop(r.ctx, r.made["copy"])),
    ("rehearsal.create_rehearsal", lambda r: r.made.setdefault(
        "rehearsal", rehearsal.create_rehearsal(r.ctx, r.wid).workshop_id)),
    ("rehearsal.wipe_rehearsal", lambda r: rehearsal.wipe_rehearsal(r.ctx, r.made["rehearsal"])),
    ("live.renew_join_code", lambda r: live.renew_join_code(r.ctx, r.wid)),
    ("demo.create_demo", lambda r: demo.create_demo(r.ctx)),
    ("agenda.add_phase", lambda r: r.made.setdefault(
        "phase", agenda.add_phase(r.ctx, r.block(), title="Pause café", minutes=5).ids[0])),
    ("agenda.update_phase", lambda r: agenda.update_phase(r.ctx, r.made["phase"], title="Pause")),
    ("agenda.set_phase_minutes", lambda r: agenda.set_phase_minutes(r.ctx, r.made["phase"], 7)),
    ("agenda.move_phase", lambda r: agenda.move_phase(r.ctx, r.made["phase"], 0)),
    ("base.undo", lambda r: base.undo(r.ctx, r.wid)),
    ("base.redo", lambda r: base.redo(r.ctx, r.wid)),
    ("agenda.remove_phase", lambda r: agenda.remove_phase(r.ctx, r.made["phase"])),
    ("board.add_note", lambda r: r.made.setdefault("note", r.note("Covoiturage"))),
    ("board.edit_note", lambda r: board.edit_note(r.ctx, r.wid, r.made["note"], "Navette")),
    ("board.recolour", lambda r: board.recolour(r.ctx, r.wid, [r.made["note"]], _colour())),
    ("board.move", lambda r: board.move(r.ctx, r.wid, [(r.made["note"], 10.0, 20.0)])),
    ("board.duplicate_notes", lambda r: board.duplicate_notes(r.ctx, r.wid, [r.made["note"]])),
    ("board.tidy", lambda r: board.tidy(r.ctx, r.wid, [r.made["note"], r.newest(Note)])),
    ("board.group", lambda r: board.group(
        r.ctx, r.wid, [r.made["note"], r.newest(Note)], title="Transports")),
    ("board.update_cluster",
     lambda r: board.update_cluster(r.ctx, r.wid, r.newest(Cluster), title="Mobilité")),
    ("board.ungroup", lambda r: board.ungroup(r.ctx, r.wid, r.newest(Cluster))),
    ("board.delete_notes", lambda r: board.delete_notes(r.ctx, r.wid, [r.made["note"]])),
    ("board.set_private", lambda r: board.set_private(r.ctx, r.wid, r.phase(), True)),
    ("board.set_template", lambda r: board.set_template(r.ctx, r.wid, r.phase(), next(iter(TEMPLATES)))),
    ("board.set_options", lambda r: board.set_options(r.ctx, r.wid, arrival="board")),
    ("grouping.accept", _suggested),
    ("photos.add_photos", lambda r: photos.add_photos(r.ctx, r.wid, [_picture(), _picture()])),
    ("photos.caption_photo", lambda r: photos.caption_photo(r.ctx, r.newest(Photo), "Le mur")),
    ("photos.move_photo", lambda r: photos.move_photo(r.ctx, r.newest(Photo), -1)),
    ("photos.remove_photo", lambda r: photos.remove_photo(r.ctx, r.newest(Photo))),
    ("live.start_session", lambda r: live.start_session(r.ctx, r.wid)),
    ("live.start", lambda r: live.start(r.ctx, r.wid)),
    ("live.pause", lambda r: live.pause(r.ctx, r.wid)),
    ("live.toggle", lambda r: live.toggle(r.ctx, r.wid)),
    ("live.adjust", lambda r: live.adjust(r.ctx, r.wid, 60.0)),
    ("live.reset", lambda r: live.reset(r.ctx, r.wid)),
    ("live.next_phase", lambda r: live.next_phase(r.ctx, r.wid)),
    ("live.previous_phase", lambda r: live.previous_phase(r.ctx, r.wid)),
    ("participants.check_in", lambda r: r.made.setdefault("alex", participants.check_in(
        r.ctx, r.wid, name="Alex", category="usager", key="join-alex-0001").participant_id)),
    ("participants.check_in_async", lambda r: r.made.setdefault("sam", asyncio.run(
        participants.check_in_async(r.ctx, r.wid, name="Sam", category="public",
                                    key="join-sam-00001")).participant_id)),
    ("participants.rename_participant",
     lambda r: participants.rename_participant(r.ctx, r.wid, r.made["sam"], "Samia")),
    ("notes.post_note", lambda r: _phone_note(r, notes.post_note(
        r.ctx, r.wid, r.made["alex"], text="Bus de nuit", key="note-alex-0001"))),
    ("notes.post_note_async", lambda r: asyncio.run(notes.post_note_async(
        r.ctx, r.wid, r.made["sam"], text="Vélos", key="note-sam-00001"))),
    ("board.reveal", lambda r: board.reveal(r.ctx, r.wid, r.made["phone_phase"])),
    ("votes.open_round", _round),
    ("votes.cast_ballot", lambda r: votes.cast_ballot(
        r.ctx, r.wid, r.made["round"], r.made["alex"], {r.made["items"][0]: 1},
        key="ballot-alex-01")),
    ("votes.cast_ballot_async", lambda r: asyncio.run(votes.cast_ballot_async(
        r.ctx, r.wid, r.made["round"], r.made["sam"], {r.made["items"][1]: 1},
        key="ballot-sam-001"))),
    ("votes.set_done", lambda r: votes.set_done(r.ctx, r.wid, r.made["round"], r.made["alex"])),
    ("votes.add_paper_votes",
     lambda r: votes.add_paper_votes(r.ctx, r.made["round"], {r.made["items"][2]: 3})),
    ("votes.remove_paper_votes",
     lambda r: votes.remove_paper_votes(r.ctx, r.made["round"], "paper:1")),
    ("votes.close_round", lambda r: votes.close_round(r.ctx, r.made["round"])),
    ("votes.reveal_results", lambda r: votes.reveal_results(r.ctx, r.made["round"])),
    ("votes.reopen_round",
     lambda r: votes.reopen_round(r.ctx, r.made["round"], closes_at=r.clock() + 30)),
    ("votes.close_due_rounds", _due),
    ("votes.promote_to_actions", lambda r: votes.promote_to_actions(r.ctx, r.made["round"])),
    ("votes.promote_to_projects", lambda r: votes.promote_to_projects(r.ctx, r.made["round"])),
    ("outcomes.create_action", lambda r: r.made.setdefault(
        "action", outcomes.create_action(r.ctx, r.wid, "Écrire au DGS").ids[0])),
    ("outcomes.update_action",
     lambda r: outcomes.update_action(r.ctx, r.made["action"], status="en_cours")),
    ("outcomes.move_action", lambda r: outcomes.move_action(r.ctx, r.made["action"], 0)),
    ("outcomes.set_fate", lambda r: outcomes.set_fate(
        r.ctx, r.wid, [r.note("Écarté")], "mise_de_cote", reason="Hors périmètre")),
    ("outcomes.delete_action", lambda r: outcomes.delete_action(r.ctx, r.made["action"])),
    ("projects.create_project", lambda r: r.made.setdefault("project", projects.create_project(
        r.ctx, r.wid, "Tiers-lieu rural", owner="Claire").ids[0])),
    ("projects.delete_project", lambda r: projects.delete_project(r.ctx, r.made["project"])),
    ("projects.update_project",
     lambda r: projects.update_project(r.ctx, r.newest(Project), owner="Claire", progress=30)),
    ("projects.add_entry", lambda r: projects.add_entry(
        r.ctx, r.newest(Project), date(2027, 3, 12), "Comité : financement acquis")),
    ("projects.remove_entry",
     lambda r: projects.remove_entry(r.ctx, r.newest(ProjectEntry))),
    ("projects.tick_milestone", lambda r: projects.tick_milestone(r.ctx, _milestone(r))),
    ("projects.set_status",
     lambda r: projects.set_status(r.ctx, r.newest(Project), list(PROJECT_STATUSES)[-1])),
    ("cofac.pair", lambda r: r.made.setdefault("laptop", cofac.pair(
        r.ctx, r.wid, name="Camille", device_key="laptop-key-0001").info.id)),
    ("cofac.approve", lambda r: cofac.approve(r.ctx, r.wid, r.made["laptop"])),
    ("cofac.set_role",
     lambda r: cofac.set_role(r.ctx, r.wid, r.made["laptop"], "coanimateur")),
    ("cofac.run_remote", _remote),
    # the pairing code of the open séance, in the base, then a new one
    ("pairing.current_code", lambda r: pairing.current_code(r.ctx, r.wid)),
    ("pairing.renew_code", lambda r: pairing.renew_code(r.ctx, r.wid)),
    ("cofac.revoke", lambda r: cofac.revoke(r.ctx, r.wid, r.made["laptop"])),
    ("feedback.give_feedback", lambda r: (_to_closing(r), feedback.give_feedback(
        r.ctx, r.wid, r.made["alex"], rating=4, keep="Le rythme", key="fb-alex-0001"))),
    ("participants.remove_participant",
     lambda r: participants.remove_participant(r.ctx, r.wid, _newcomer(r))),
    ("privacy.erase_participant",
     lambda r: privacy.erase_participant(r.ctx, r.wid, r.made["alex"])),
    ("live.end_session", lambda r: live.end_session(r.ctx, r.wid)),
    ("formats.save_as_format", lambda r: formats.save_as_format(r.ctx, r.wid, "Ma marche")),
    ("capitalisation.review_method", lambda r: capitalisation.review_method(
        r.ctx, r.wid, "brainstorming", 4, "Le rythme", "Plus de temps", phase_id=r.phase(0))),
    ("archive.import_archive",
     lambda r: archive.import_archive(r.ctx, archive.export_archive(r.ctx, r.wid))),
    ("archive.import_file", _import_file),
    ("privacy.anonymise_workshop", lambda r: privacy.anonymise_workshop(r.ctx, r.wid)),
    ("privacy.apply_retention", lambda r: privacy.apply_retention(  # every workshop is old then
        r.ctx, months=12, action="anonymise", today=date(2100, 1, 1))),
]  # fmt: skip


def test_every_public_operation_is_declared() -> None:
    walked = {name for name, _ in WALK}
    declared = walked | READ_ONLY | PLUMBING
    assert not (walked & READ_ONLY) and not (READ_ONLY & PLUMBING)
    public = _public_operations()
    assert sorted(public - declared) == [], "declare it: walked below (a write) or READ_ONLY"
    assert sorted(declared - public) == [], "gone: take it out of the lists"


# who may call `Database.write` / `write_async` in app/ops: the write path, the replica's own
# bookkeeping (a laptop's copy of the host's rows and journal, not an operation) and the
# store decorator of remote operations (the key of whatever operation runs); packages included
DIRECT_WRITERS = {
    "base.py": 3,  # perform, perform_async, undo/redo
    "replica.py": 2,  # apply_snapshot, apply_entries
    "cofac.py": 2,  # _KeyedDatabase
}


def test_nothing_in_ops_writes_around_the_write_path() -> None:
    folder = Path(app.ops.__file__).parent
    counts = {}
    for path in sorted(folder.rglob("*.py")):
        found = len(re.findall(r"\.write(?:_async)?\(", path.read_text(encoding="utf-8")))
        if found:
            counts[path.relative_to(folder).as_posix()] = found
    assert counts == DIRECT_WRITERS


def _last(ctx: Context) -> int:
    return int(ctx.db.read(lambda s: s.scalar(select(func.max(JournalEntry.seq)))) or 0)


def _entries(ctx: Context, after: int) -> list[JournalEntry]:
    def work(session: Any) -> list[JournalEntry]:
        query = select(JournalEntry).where(JournalEntry.seq > after).order_by(JournalEntry.seq)
        return list(session.scalars(query))

    return ctx.db.read(work)


@pytest.fixture
def room(store_url: str, tmp_path: Path) -> Iterator[Room]:
    clock = FakeClock()
    db = Database.open(store_url)
    try:
        yield Room(Context(db, clock=clock), clock, tmp_path)
    finally:
        db.close()


def test_every_write_journals_and_phones_journal_replayable_mutations(room: Room) -> None:
    r = room
    replayed_ops: dict[str, bool] = {}
    for name, call in WALK:
        before = _last(r.ctx)
        call(r)
        if name == "workshops.create_workshop":
            r.wid = r.made["wid"]
        r.clock.advance(1)
        entries = _entries(r.ctx, before)
        assert entries, f"{name} wrote without a journal entry"
        for entry in entries:
            as_sent = {"forward": entry.forward}
            replayable = replica.replayable(as_sent)
            assert replayable or entry.op in WHOLE_WORKSHOP_OPS, (name, entry.op, entry.forward)
            replayed_ops[entry.op] = replayable
    # the phones' writes: mutations a replica replays
    phones = (
        "board.note_add",
        "participants.check_in",
        "feedback.give",
        "votes.cast",
        "votes.done",
    )
    for op in phones:
        assert replayed_ops[op], op
    # no credential in the journal, even before it leaves the host
    tokens = r.ctx.db.read(
        lambda s: (
            [t for t in s.scalars(select(Participant.token)) if t]
            + [t for t in s.scalars(select(CoFacilitator.token_hash)) if t]
            + [t for t in s.scalars(select(CoFacilitator.device_key)) if t]
        )
    )
    assert tokens
    journal = json.dumps([e.forward for e in _entries(r.ctx, 0)])
    assert not [t for t in tokens if t in journal]


def test_journal_pages_blank_credentials() -> None:
    forward = [
        ["participant.insert", {"id": 1, "name": "Alex", "token": "secret-token-123456"}],
        ["cofac.set", {"id": 2, "token_hash": "abc", "device_key": "def", "name": "Camille"}],
        ["note.update", {"id": 3, "changes": {"text": "token"}}],
    ]
    assert replica.without_secrets(forward) == [
        ["participant.insert", {"id": 1, "name": "Alex", "token": None}],
        ["cofac.set", {"id": 2, "token_hash": "", "device_key": "", "name": "Camille"}],
        ["note.update", {"id": 3, "changes": {"text": "token"}}],
    ]
