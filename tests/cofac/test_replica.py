"""The co-facilitator's replica: live mirroring both ways, the offline outbox, the host's crash."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cofac_helpers import Host, eventually
from sqlalchemy import func, select

from app.cofac_client import REPLAY_LIMIT, CoFacClient
from app.events import Topic
from app.ops import board, live, notes, participants, queries, replica
from app.ops.base import Context
from app.store.db import Database
from app.store.models import Base, Participant, Photo


def _texts(ctx: Context, workshop_id: int) -> list[str]:
    return sorted(n.text for n in notes.workshop_notes(ctx, workshop_id))


def _same(host: Host, laptop: CoFacClient) -> bool:
    return replica.comparable_state(host.ctx.db, host.workshop_id) == replica.comparable_state(
        laptop.db, host.workshop_id
    )


def test_every_table_is_replicated_or_kept_out_on_purpose(host: Host) -> None:
    names = {t.name for t in Base.metadata.sorted_tables}
    replicated = {t.name for t in replica.replicated_tables()}
    assert names == replicated | replica.NOT_REPLICATED
    data = replica.snapshot(host.ctx, host.workshop_id)  # every table has a scope
    assert set(data["tables"]) == replicated


def test_photos_stay_on_the_host_and_their_changes_need_no_snapshot(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    import io
    import json

    from PIL import Image

    from app.ops import photos

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "JPEG")
    picture = photos.prepare_photo("mur.jpg", out.getvalue())
    photos.add_photos(host.ctx, host.workshop_id, [picture])  # before the laptop pairs
    data = replica.snapshot(host.ctx, host.workshop_id)
    json.dumps(data)  # what the host sends: plain JSON, no picture in it
    assert "photos" not in data["tables"]
    laptop = make_laptop(host, name="Camille", role="scribe")
    assert _same(host, laptop)
    copies = laptop.db.read(lambda s: s.scalar(select(func.count()).select_from(Photo)))
    assert copies == 0
    # the host's photo steps reach the laptop's history and are replayed as nothing
    photos.add_photos(host.ctx, host.workshop_id, [picture])
    (first, second) = photos.list_photos(host.ctx, host.workshop_id)
    photos.caption_photo(host.ctx, first.id, "Le mur des idées")
    last = board.add_note(host.ctx, host.workshop_id, text="Après les photos", x=1, y=1).seq
    assert laptop.wait(lambda: laptop.seq() >= (last or 0))
    page = replica.journal_page(host.ctx, host.workshop_id, 0, 500)["entries"]
    assert all(replica.replayable(e) for e in page if e["op"].startswith("photos."))
    assert "Après les photos" in _texts(laptop.ctx, host.workshop_id)
    history = [e["label"] for e in queries.journal_entries(laptop.ctx, host.workshop_id)]
    assert "Légende de la photo : Le mur des idées" in history


def test_an_action_on_the_laptop_shows_on_the_host_and_comes_back(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, name="Camille", role="scribe")
    assert _same(host, laptop)  # the first sync took a whole copy
    heard: list[str] = []
    laptop.bus.subscribe(lambda e: heard.append(e.topic), {Topic.BOARD})
    laptop.submit("board.add_note", {"text": "Covoiturage", "x": 5, "y": 5})
    event = host.wait_event(lambda e: e.op == "board.note_add" and e.topic == Topic.BOARD)
    entry = queries.journal_entries(host.ctx, host.workshop_id, event.seq - 1)[0]
    assert entry["actor"] == "cofac:Camille"
    assert "Covoiturage" in _texts(host.ctx, host.workshop_id)
    # … and back to the replica, through the host's journal
    assert laptop.wait(lambda: laptop.seq() >= (event.seq or 0))
    assert "Covoiturage" in _texts(laptop.ctx, host.workshop_id)
    assert Topic.BOARD in heard  # the laptop's own views are told
    assert [s.status for s in laptop.outbox()] == ["done"]
    # the host's own actions come the same way
    board.add_note(host.ctx, host.workshop_id, text="Vélo", x=1, y=1)
    live.toggle(host.ctx, host.workshop_id)
    eventually(lambda: _same(host, laptop))
    history = [e["label"] for e in queries.journal_entries(laptop.ctx, host.workshop_id)]
    assert "Post-it « Covoiturage »" in history and "Minuteur démarré" in history


def test_phones_post_its_reach_the_replica_without_their_tokens(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="coanimateur")  # an observer's copy hides more (test_observer)
    phone = participants.check_in(
        host.ctx, host.workshop_id, name="Alex", category="usager", key="phone-key-0001"
    )
    notes.post_note(host.ctx, host.workshop_id, phone.participant_id, text="Bus", key="note-0001")
    eventually(lambda: _same(host, laptop))
    tokens = laptop.db.read(lambda s: s.scalars(select(Participant.token)).all())
    assert tokens == [None]
    assert "Bus" in _texts(laptop.ctx, host.workshop_id)


def test_offline_the_laptop_reads_queues_and_sends_each_action_once_when_back(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="coanimateur")
    before = _texts(host.ctx, host.workshop_id)
    host.stop()
    assert laptop.wait(lambda: not laptop.online)
    assert laptop.status_text == "Hors ligne"
    keys = [laptop.submit("board.add_note", {"text": f"Hors ligne {n}"}) for n in range(3)]
    laptop.submit("live.toggle")
    assert [s.status for s in laptop.outbox()] == ["pending"] * 4
    assert _texts(laptop.ctx, host.workshop_id) == before  # reading goes on
    host.restart()
    assert laptop.wait(lambda: [s.status for s in laptop.outbox()] == ["done"] * 4, 30)
    assert laptop.wait(lambda: laptop.online)
    texts = _texts(host.ctx, host.workshop_id)
    assert [texts.count(f"Hors ligne {n}") for n in range(3)] == [1, 1, 1]
    eventually(lambda: _same(host, laptop))
    # the same queue sent again (its answers lost on the way): nothing applies twice
    laptop.db.write(lambda s: s.execute(
        Base.metadata.tables["cofac_outbox"].update().values(status="pending")
    ))  # fmt: skip
    laptop.flush()  # the laptop's own sync thread may send some of them first: either way
    assert laptop.wait(lambda: [s.status for s in laptop.outbox()] == ["done"] * 4)
    answers = {s.key: s.answer for s in laptop.outbox()}
    assert all(answers[k] and answers[k]["replayed"] for k in keys)
    assert _texts(host.ctx, host.workshop_id) == texts
    assert live.live_session(host.ctx, host.workshop_id).timer.state == "running"


def test_a_refused_action_is_kept_with_the_hosts_message(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="gardien")
    laptop.submit("board.add_note", {"text": "Pas mon rôle"})
    assert laptop.wait(lambda: laptop.outbox()[0].status == "refused")
    answer = laptop.outbox()[0].answer
    assert answer == {
        "code": "interdit",
        "message": "Votre rôle (Gardien·ne du temps) ne le permet pas : écrire un post-it.",
    }


def test_a_laptop_far_behind_catches_up_with_a_snapshot_and_keeps_the_history(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="scribe", start=False)
    laptop.sync()
    note = notes.workshop_notes(host.ctx, host.workshop_id)[0].id
    for n in range(REPLAY_LIMIT + 20):
        board.move(host.ctx, host.workshop_id, [(note, float(n), 0.0)])
    seq = laptop.sync()
    assert seq == queries.workshop_detail(host.ctx, host.workshop_id).last_seq
    assert _same(host, laptop)
    ours = queries.journal_entries(laptop.ctx, host.workshop_id, 0, 10_000)
    theirs = queries.journal_entries(host.ctx, host.workshop_id, 0, 10_000)
    assert [e["seq"] for e in ours] == [e["seq"] for e in theirs]


def test_when_the_host_dies_the_report_comes_from_the_replica(
    host: Host, make_laptop: Callable[..., CoFacClient], tmp_path: Path
) -> None:
    laptop = make_laptop(host, role="scribe")
    laptop.submit("board.add_note", {"text": "Navette électrique"})
    assert laptop.wait(lambda: "Navette électrique" in _texts(laptop.ctx, host.workshop_id))
    host.stop()
    host.ctx.db.close()
    (tmp_path / "host.sqlite3").unlink()  # gone for good
    assert laptop.wait(lambda: not laptop.online)
    pdf = tmp_path / "compte-rendu.pdf"
    laptop.export_report(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Atelier mobilité" in text
    assert "Navette électrique" in text and "Idée 1" in text


@pytest.mark.postgres
def test_a_postgresql_host_gives_a_consistent_snapshot(
    make_host: Callable[..., Host], make_laptop: Callable[..., CoFacClient], pg_store: str
) -> None:
    host = make_host(url=pg_store)
    laptop = make_laptop(host, role="scribe")
    laptop.submit("board.add_note", {"text": "Depuis PostgreSQL"})
    eventually(lambda: "Depuis PostgreSQL" in _texts(laptop.ctx, host.workshop_id))
    assert _same(host, laptop)


def test_a_replica_is_an_ordinary_store(tmp_path: Path, host: Host) -> None:
    db = Database.open(tmp_path / "copy.sqlite3")
    try:
        seq = replica.apply_snapshot(db, replica.snapshot(host.ctx, host.workshop_id))
        assert seq == queries.workshop_detail(host.ctx, host.workshop_id).last_seq
        copy = Context(db)
        assert queries.workshop_detail(copy, host.workshop_id).title == "Atelier mobilité"
        assert live.live_session(copy, host.workshop_id) is not None
    finally:
        db.close()


def test_the_hosts_changes_come_in_the_socket_message_without_a_journal_request(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, name="Camille", role="scribe")
    assert _same(host, laptop)
    asked: list[str] = []
    real_get = laptop._get

    def counted(path: str, **params: object) -> object:
        asked.append(path)
        return real_get(path, **params)

    laptop._get = counted  # type: ignore[method-assign]
    for n in range(3):
        last = board.add_note(host.ctx, host.workshop_id, text=f"Porté {n}", x=n, y=1).seq
        assert laptop.wait(lambda last=last: laptop.seq() >= (last or 0))
    assert {"Porté 0", "Porté 1", "Porté 2"} <= set(_texts(laptop.ctx, host.workshop_id))
    assert "/api/cofac/journal" not in asked  # the entries were in the messages
    assert _same(host, laptop)
