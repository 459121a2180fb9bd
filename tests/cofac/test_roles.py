"""What each role may ask the host to do (table-driven), and who the history says did it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from cofac_helpers import Host

from app.cofac_client import CoFacClient
from app.ops import board, cofac, notes, queries
from app.ops.cofac import REMOTE_OPS

ROLES = ("coanimateur", "copilote", "gardien", "scribe", "observateur")


def _note_ids(host: Host) -> list[int]:
    return [n.id for n in notes.workshop_notes(host.ctx, host.workshop_id)]


def _args(host: Host, op: str) -> dict[str, Any]:
    """Valid arguments for one operation against the host's workshop."""
    ids = _note_ids(host)
    return {
        "board.add_note": {"text": "Nouvelle idée", "x": 10, "y": 20},
        "board.move": {"notes": [[ids[0], 200.5, 80]]},
        "board.group": {"note_ids": ids[:2], "title": "Mobilité"},
        "board.recolour": {"note_ids": ids[:1], "colour": "bleu"},
        "live.toggle": {},
        "live.adjust": {"seconds": 60},
        "votes.open_round": {"kind": "dots", "title": "Priorités"},
        "participants.check_in": {"name": "Dominique", "category": "public"},
        "outcomes.set_fate": {"note_ids": ids[-1:], "fate": "mise_de_cote", "reason": "Hors sujet"},
        "undo": {},
    }[op]


# op → the roles allowed to run it
TABLE = {
    "board.add_note": {"coanimateur", "copilote", "scribe"},
    "board.move": {"coanimateur", "copilote", "scribe"},
    "board.group": {"coanimateur", "copilote", "scribe"},
    "board.recolour": {"coanimateur", "copilote", "scribe"},
    "live.toggle": {"coanimateur", "copilote", "gardien"},
    "live.adjust": {"coanimateur", "copilote", "gardien"},
    "votes.open_round": {"coanimateur", "copilote"},
    "participants.check_in": {"coanimateur", "copilote"},
    "outcomes.set_fate": {"copilote"},
    "undo": {"coanimateur", "copilote"},
}


def test_the_table_matches_the_allow_list() -> None:
    for op, roles in TABLE.items():
        assert set(REMOTE_OPS[op].roles) == roles
    assert all("observateur" not in r.roles for r in REMOTE_OPS.values())
    timer = {op for op, r in REMOTE_OPS.items() if "gardien" in r.roles}
    assert timer == {op for op in REMOTE_OPS if op.startswith("live.")}
    scribe = {op for op, r in REMOTE_OPS.items() if "scribe" in r.roles}
    assert scribe == {op for op in REMOTE_OPS if op.startswith("board.")}
    assert "live.end_session" not in REMOTE_OPS  # ending the séance is the lead's alone
    # the decisions after a vote are the lead's, or a laptop's she delegated them to
    decisions = {op for op, r in REMOTE_OPS.items() if "coanimateur" not in r.roles}
    decisions -= {op for op, r in REMOTE_OPS.items() if r.roles & {"gardien", "scribe"}}
    assert decisions == {
        "votes.promote_to_actions", "votes.promote_to_projects", "outcomes.set_fate",
        "projects.set_status", "projects.delete_project",
    }  # fmt: skip
    assert all(REMOTE_OPS[op].roles == {"copilote"} for op in decisions)
    assert all("copilote" in r.roles for r in REMOTE_OPS.values())


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_what_the_table_says(
    role: str, host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, name="Camille", role=role, start=False)
    with host.http(laptop.pairing.token) as client:
        for n, op in enumerate(TABLE):
            before = queries.workshop_detail(host.ctx, host.workshop_id).last_seq
            body = {"op": op, "args": _args(host, op), "key": f"{role}-{n:02d}-key"}
            answer = client.post("/api/cofac/op", json=body)
            if role in TABLE[op]:
                assert answer.status_code == 200, (op, answer.text)
                assert answer.json()["seq"] > before
                entry = queries.journal_entries(host.ctx, host.workshop_id, before)[0]
                assert entry["actor"] == "cofac:Camille", (op, entry)
            else:
                assert answer.status_code == 403, (op, answer.text)
                assert answer.json()["code"] == "interdit"
                assert "ne le permet pas" in answer.json()["message"]
                after = queries.workshop_detail(host.ctx, host.workshop_id).last_seq
                assert after == before, op  # nothing written


def test_the_last_phase_is_ended_by_the_lead_only(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    laptop = make_laptop(host, role="coanimateur", start=False)
    session = queries.workshop_detail(host.ctx, host.workshop_id)
    phases = len(session.blocks[0].phases)
    with host.http(laptop.pairing.token) as client:
        for n in range(phases - 1):
            step = {"op": "live.next_phase", "args": {}, "key": f"next-phase-{n:03d}"}
            assert client.post("/api/cofac/op", json=step).status_code == 200
        last = client.post(
            "/api/cofac/op", json={"op": "live.next_phase", "args": {}, "key": "next-the-end"}
        )
    assert last.status_code == 403
    assert last.json()["message"] == (
        "C'est la dernière séquence : seule l'animatrice peut terminer la séance."
    )


def test_refusals_are_french_json(host: Host, make_laptop: Callable[..., CoFacClient]) -> None:
    laptop = make_laptop(host, role="coanimateur", start=False)
    with host.http(laptop.pairing.token) as client:
        unknown = client.post(
            "/api/cofac/op", json={"op": "workshops.delete", "args": {}, "key": "unknown-op-1"}
        )
        assert unknown.status_code == 422
        assert unknown.json() == {
            "code": "operation_inconnue",
            "message": "Opération inconnue : workshops.delete.",
            "template": "Opération inconnue : {op}.",  # for a laptop's window in English
            "params": {"op": "workshops.delete"},
        }
        gone = client.post(
            "/api/cofac/op",
            json={
                "op": "board.edit_note",
                "args": {"note_id": 99999, "text": "x"},
                "key": "k-gone-1",
            },
        )
        assert gone.status_code == 404 and gone.json()["code"] == "introuvable"
        bad = client.post(
            "/api/cofac/op",
            json={"op": "board.add_note", "args": {"text": "x", "wid": 2}, "key": "k-bad-arg"},
        )
        assert bad.status_code == 422 and bad.json()["message"] == "Paramètre inconnu : wid."
        other_round = client.post(
            "/api/cofac/op",
            json={"op": "votes.close_round", "args": {"round_id": 4242}, "key": "k-round-1"},
        )
        assert other_round.status_code == 404


def test_a_laptop_never_reaches_another_workshop(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    from app.ops.workshops import create_workshop

    other = create_workshop(host.ctx, format_key="3h", title="Autre").workshop_id
    assert other is not None
    foreign = board.add_note(host.ctx, other, text="Secret").ids[0]
    laptop = make_laptop(host, role="coanimateur", start=False)
    with host.http(laptop.pairing.token) as client:
        moved = client.post(
            "/api/cofac/op",
            json={"op": "board.move", "args": {"notes": [[foreign, 0, 0]]}, "key": "k-foreign"},
        )
        snapshot = client.get("/api/cofac/snapshot").json()
    assert moved.status_code == 404
    texts = [row[snapshot["tables"]["notes"]["columns"].index("text")] for row in
             snapshot["tables"]["notes"]["rows"]]  # fmt: skip
    assert "Secret" not in texts and "Idée 1" in texts
    assert {r[0] for r in snapshot["tables"]["workshops"]["rows"]} == {host.workshop_id}
    assert cofac.cofacilitators(host.ctx, other) == []
