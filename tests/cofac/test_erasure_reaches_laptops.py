"""« Supprimer cette personne » on the host reaches a co-facilitator's laptop at its next sync:
her name leaves the laptop's rows, its copy of the journal and its file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from cofac_helpers import Host, eventually
from sqlalchemy import select

from app.cofac_client import CoFacClient
from app.ops import notes, participants, privacy, queries, replica
from app.store.models import JournalEntry


def _history(laptop: CoFacClient) -> str:
    return laptop.db.read(
        lambda s: json.dumps(
            [[e.label, e.forward] for e in s.scalars(select(JournalEntry))], ensure_ascii=False
        )
    )


def test_an_erased_person_leaves_the_laptops_replica(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    wid = host.workshop_id
    laptop = make_laptop(host, role="coanimateur")  # a copy of every row (not an observer's)
    who = participants.check_in(host.ctx, wid, name="Ysée Marchand", organisation="MJC Talence",
                                category="usager", key="phone-ysee-01")  # fmt: skip
    notes.post_note(host.ctx, wid, who.participant_id, text="Un atelier vélo", key="note-ysee-1")
    assert laptop.wait(lambda: laptop.seq() >= queries.last_seq(host.ctx, wid))
    assert "Marchand" in _history(laptop)
    privacy.erase_participant(host.ctx, wid, who.participant_id)
    assert laptop.wait(lambda: laptop.seq() >= queries.last_seq(host.ctx, wid))
    eventually(lambda: "Marchand" not in _history(laptop))
    state = json.dumps(replica.comparable_state(laptop.db, wid), ensure_ascii=False)
    assert "Marchand" not in state and "Talence" not in state
    assert replica.comparable_state(laptop.db, wid) == replica.comparable_state(host.ctx.db, wid)
    assert laptop.db.path is not None
    for path in Path(laptop.db.path).parent.glob(f"{laptop.db.path.name}*"):
        assert b"Marchand" not in path.read_bytes(), path
