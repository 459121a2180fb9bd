"""An archive keeps no link from an anonymous ballot or a feedback answer to a person (issue
18): each voter of an anonymous round is a stand-in (one per round), feedback loses its
participant; a named round keeps its voters; the results read the same after an import."""

from __future__ import annotations

from app.ops import archive, board, feedback, live, participants, votes
from app.ops.base import Context
from app.ops.workshops import create_workshop


def test_an_archive_keeps_no_link_from_an_anonymous_ballot_or_a_feedback_to_a_person(
    ctx: Context,
) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Vote secret").workshop_id
    assert wid is not None
    live.start_session(ctx, wid)
    people = [participants.check_in(ctx, wid, name=f"Agent {n}", category="public",
                                    key=f"join-agent-{n:04d}").participant_id
              for n in range(3)]  # fmt: skip
    items = [f"note:{board.add_note(ctx, wid, text=t, x=0.0, y=0.0).ids[0]}"
             for t in ("Navette", "Vélo")]  # fmt: skip
    secret = votes.open_round(ctx, wid, kind="dots", items=items, title="Secret").ids[0]
    named = votes.open_round(ctx, wid, kind="dots", items=items, title="À main levée",
                             settings={"anonymous": False}).ids[0]  # fmt: skip
    for n, person in enumerate(people):
        votes.cast_ballot(ctx, wid, secret, person, {items[n % 2]: 2}, key=f"secret-{n:04d}")
        votes.cast_ballot(ctx, wid, named, person, {items[0]: 1}, key=f"named-{n:04d}-x")
    while not feedback.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)
    feedback.give_feedback(ctx, wid, people[0], rating=4, keep="Le rythme", key="avis-0000001")
    before = {r: [(line.key, line.score) for line in votes.results(ctx, r).lines]
              for r in (secret, named)}  # fmt: skip

    data = archive.export_archive(ctx, wid)
    tables = data["tables"]
    secret_rows = [v for v in tables["votes"] + tables["vote_ballots"] if v["round_id"] == secret]
    assert secret_rows and all(
        v["participant_id"] is None and v["voter"].startswith("anon:") for v in secret_rows
    )
    assert len({v["voter"] for v in tables["vote_ballots"] if v["round_id"] == secret}) == 3
    named_voters = {v["voter"] for v in tables["vote_ballots"] if v["round_id"] == named}
    assert named_voters == {f"p:{p}" for p in people}  # a named round keeps its voters
    stand_ins = {v["voter"] for v in secret_rows}
    assert not stand_ins & {v["voter"] for v in tables["votes"] if v["round_id"] == named}
    assert [f["participant_id"] for f in tables["feedback"]] == [None]

    # a second export draws other stand-ins: two archives cannot be matched voter by voter
    again = archive.export_archive(ctx, wid)["tables"]
    assert not stand_ins & {v["voter"] for v in again["votes"] if v["round_id"] == secret}

    copy = archive.import_archive(ctx, data, if_held="copy").workshop_id
    assert copy is not None
    rounds = {r.title: r.id for r in votes.rounds(ctx, copy)}
    after = {
        secret: [(line.key, line.score) for line in votes.results(ctx, rounds["Secret"]).lines],
        named: [(line.key, line.score)
                for line in votes.results(ctx, rounds["À main levée"]).lines],
    }  # fmt: skip
    assert [[s for _k, s in before[r]] for r in before] == [
        [s for _k, s in after[r]] for r in after
    ]
