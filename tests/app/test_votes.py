"""Vote rounds on both backends: ballots replace each other, retries count once, limits hold
under any order, concurrency or retry; hidden results, paper votes, deleted post-its,
turnout, promotion to actions."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.votes import VoteError
from app.errors import NotFound
from app.events import Event, Topic
from app.ops import participants
from app.ops import votes as v
from app.ops.base import Context, undo
from app.ops.workshops import create_workshop
from app.store.models import Action, Note, Vote, VoteBallot


@dataclass
class Room:
    ctx: Context
    wid: int
    people: list[int]  # checked in: Alex (author of note 0), Sam, Lou
    notes: list[int]  # 5 post-its

    def key(self, *n: int) -> list[str]:
        return [f"note:{self.notes[i]}" for i in n]


def _note(ctx: Context, wid: int, text: str, author: int | None = None) -> int:
    def work(session) -> int:
        note = Note(workshop_id=wid, text=text, participant_id=author, author="", created_at=0.0)
        session.add(note)
        session.flush()
        return note.id

    return ctx.db.write(work)


@pytest.fixture
def room(ctx: Context) -> Room:
    wid = create_workshop(ctx, format_key="3h", title="Votes").workshop_id
    assert wid is not None
    people = [
        participants.check_in(
            ctx, wid, name=n, category="public", key=f"join-{n}-0001"
        ).participant_id
        for n in ("Alex", "Sam", "Lou")
    ]
    notes = [_note(ctx, wid, "Navettes entre sites", people[0])]
    notes += [_note(ctx, wid, t) for t in ("Parking vélo", "Covoiturage", "Télétravail", "Bus")]
    return Room(ctx, wid, people, notes)


def _open(room: Room, kind: str = "dots", **settings_) -> int:
    change = v.open_round(
        room.ctx, room.wid, kind=kind, items=room.key(0, 1, 2, 3, 4), title="Priorités",
        settings=settings_,
    )  # fmt: skip
    return change.ids[0]


_keys = iter(range(10**9))


def cast(room: Room, rid: int, who: int, choices, key: str | None = None) -> v.BallotResult:
    return v.cast_ballot(
        room.ctx, room.wid, rid, room.people[who], choices, key=key or f"k-{next(_keys):08d}"
    )


def consistent(room: Room, rid: int) -> None:
    assert v.live_counts(room.ctx, rid) == v.recount(room.ctx, rid)


# -- dot votes ---------------------------------------------------------------------------------
def test_a_ballot_replaces_the_previous_one_and_the_tally_follows(room):
    rid = _open(room, dots=3, cap=2)
    first = cast(room, rid, 1, {room.key(1)[0]: 2, room.key(2)[0]: 1})
    assert first.remaining == 0 and not first.replayed
    changed = cast(room, rid, 1, {room.key(3)[0]: 1})  # a change of mind
    assert changed.choices == {room.key(3)[0]: 1} and changed.remaining == 2
    cast(room, rid, 2, {room.key(3)[0]: 2, room.key(4)[0]: 1})
    consistent(room, rid)
    lines = v.results(room.ctx, rid).lines
    assert [(line.key, line.score, line.rank) for line in lines[:2]] == [
        (room.key(3)[0], 3.0, 1),
        (room.key(4)[0], 1.0, 2),
    ]
    assert lines[0].label == "Télétravail"
    # ties are ties: the three items without votes share the 3rd place
    assert [line.rank for line in lines[2:]] == [3, 3, 3] and all(x.tied for x in lines[2:])


def test_a_retried_ballot_counts_once_and_a_stale_retry_changes_nothing(room):
    rid = _open(room, dots=3)
    a, b = room.key(1)[0], room.key(2)[0]
    first = cast(room, rid, 1, {a: 3}, key="retry-0001")
    for _ in range(3):
        again = cast(room, rid, 1, {a: 3}, key="retry-0001")
        assert again.replayed and again.choices == first.choices
    cast(room, rid, 1, {b: 1}, key="retry-0002")  # the newer ballot
    late = cast(room, rid, 1, {a: 3}, key="retry-0001")  # the old request arriving late
    assert late.replayed
    assert v.phone_view(room.ctx, room.wid, room.people[1]).choices == {b: 1}
    assert v.live_counts(room.ctx, rid) == {(("note", room.notes[2]), "", 1): 1}
    consistent(room, rid)


@pytest.mark.parametrize(
    ("choices", "code"),
    [
        ({"A": 2, "B": 2}, "plus_de_gommettes"),
        ({"A": 3}, "plafond_atteint"),
        ({"A": -1, "B": 3}, "saisie_invalide"),
        ({"note:999999": 1}, "element_inconnu"),
        ({"OWN": 1}, "propre_post_it"),
        ("trois", "saisie_invalide"),
    ],
)
def test_a_ballot_breaking_a_rule_is_refused_and_nothing_is_written(room, choices, code):
    rid = _open(room, dots=3, cap=2, own_allowed=False)
    cast(room, rid, 0, {room.key(4)[0]: 1})
    names = {"A": room.key(1)[0], "B": room.key(2)[0], "OWN": room.key(0)[0]}
    if isinstance(choices, dict):
        choices = {names.get(k, k): n for k, n in choices.items()}
    with pytest.raises(VoteError) as refused:
        cast(room, rid, 0, choices)
    assert refused.value.code == code
    assert v.phone_view(room.ctx, room.wid, room.people[0]).choices == {room.key(4)[0]: 1}
    consistent(room, rid)


def test_hostile_voters_and_rounds_are_refused(room, ctx):
    rid = _open(room)
    other = create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    stranger = participants.check_in(ctx, other, name="X", category="usager", key="join-x-0001")
    with pytest.raises(NotFound):  # a participant of another workshop
        v.cast_ballot(ctx, room.wid, rid, stranger.participant_id, {}, key="hostile-01")
    with pytest.raises(NotFound):  # this workshop's phone, another workshop's round
        v.cast_ballot(ctx, other, rid, stranger.participant_id, {}, key="hostile-02")
    with pytest.raises(NotFound):
        cast(room, 10**6, 0, {})
    with pytest.raises(Exception, match="Clé"):
        cast(room, rid, 0, {}, key="<script>")
    assert ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Vote))) == 0


# -- closing, reopening, revealing --------------------------------------------------------------
def test_a_vote_after_close_is_refused_with_a_clear_message_then_reopen(room):
    rid = _open(room)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    v.close_round(room.ctx, rid)
    with pytest.raises(VoteError) as refused:
        cast(room, rid, 0, {room.key(2)[0]: 1})
    assert refused.value.code == "vote_clos" and refused.value.message.startswith("Vote clos")
    with pytest.raises(VoteError):
        v.set_done(room.ctx, room.wid, rid, room.people[0])
    with pytest.raises(VoteError):
        v.close_round(room.ctx, rid)
    v.reopen_round(room.ctx, rid)
    assert cast(room, rid, 0, {room.key(2)[0]: 1}).choices == {room.key(2)[0]: 1}


def test_a_closing_time_closes_the_round_by_itself(ctx):
    now = [1_000.0]
    timed = Context(ctx.db, ctx.bus, ctx.library, clock=lambda: now[0])
    wid = create_workshop(timed, format_key="3h", title="Minuté").workshop_id
    pid = participants.check_in(timed, wid, name="A", category="public", key="join-a-0001")
    nid = _note(timed, wid, "Idée")
    rid = v.open_round(timed, wid, kind="dots", items=[f"note:{nid}"],
                       settings={"closes_at": 1_060.0}).ids[0]  # fmt: skip
    v.cast_ballot(timed, wid, rid, pid.participant_id, {f"note:{nid}": 1}, key="timed-001")
    now[0] = 1_060.0
    with pytest.raises(VoteError, match="Vote clos"):
        v.cast_ballot(timed, wid, rid, pid.participant_id, {}, key="timed-002")
    assert not v.rounds(timed, wid)[0].is_open
    assert [c.op for c in v.close_due_rounds(timed, wid)] == ["votes.close"]
    assert v.rounds(timed, wid)[0].status == "closed"


def test_results_stay_hidden_until_revealed_or_live(room):
    rid = _open(room)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    with pytest.raises(VoteError) as hidden:
        v.results(room.ctx, rid, public=True)
    assert hidden.value.code == "resultats_caches"
    assert v.phone_view(room.ctx, room.wid, room.people[0]).results is None
    assert v.results(room.ctx, rid).lines[0].score == 1.0  # the facilitator's own view
    v.reveal_results(room.ctx, rid)
    assert v.results(room.ctx, rid, public=True).lines[0].key == room.key(1)[0]
    assert v.phone_view(room.ctx, room.wid, room.people[2]).results is not None
    live = _open(room, live_results=True)
    assert v.results(room.ctx, live, public=True).round.id == live


def test_events_phones_hear_round_changes_not_each_ballot(room):
    heard: list[Event] = []
    room.ctx.bus.subscribe(heard.append, {Topic.VOTES, Topic.BALLOTS})
    rid = _open(room)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    cast(room, rid, 0, {room.key(1)[0]: 1}, key="same-key-01")
    cast(room, rid, 0, {room.key(1)[0]: 1}, key="same-key-01")  # replay: no event
    v.reveal_results(room.ctx, rid)
    assert [(e.topic, e.op) for e in heard] == [
        (Topic.VOTES, "votes.open"),
        (Topic.BALLOTS, "votes.cast"),
        (Topic.BALLOTS, "votes.cast"),
        (Topic.VOTES, "votes.reveal"),
    ]


# -- turnout, done, paper votes -----------------------------------------------------------------
def test_turnout_counts_people_checked_in_and_who_is_done(room):
    rid = _open(room)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    cast(room, rid, 1, {room.key(2)[0]: 1})
    v.set_done(room.ctx, room.wid, rid, room.people[1])
    turnout = v.results(room.ctx, rid).turnout
    assert turnout.text == "2 / 3 ont voté"
    assert turnout.done_names == ("Sam",)
    cast(room, rid, 0, {})  # Alex takes back every dot: no longer counted
    assert v.results(room.ctx, rid).turnout.text == "1 / 3 ont voté"
    # a late arrival can vote
    late = participants.check_in(room.ctx, room.wid, name="Tard", category="usager",
                                 key="join-late-0001").participant_id  # fmt: skip
    v.cast_ballot(room.ctx, room.wid, rid, late, {room.key(3)[0]: 1}, key="late-vote-01")
    assert v.results(room.ctx, rid).turnout.text == "2 / 4 ont voté"


def test_paper_votes_add_hand_counted_dots_marked_as_paper(room):
    rid = _open(room, dots=3)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    v.add_paper_votes(room.ctx, rid, {room.key(1)[0]: 4, room.key(2)[0]: 7}, label="Table 2")
    consistent(room, rid)
    lines = {line.key: line.score for line in v.results(room.ctx, rid).lines}
    assert lines[room.key(1)[0]] == 5 and lines[room.key(2)[0]] == 7
    stored = room.ctx.db.read(lambda s: s.scalars(select(VoteBallot).where(VoteBallot.paper)).all())
    assert [(b.voter, b.label) for b in stored] == [("paper:1", "Table 2")]
    turnout = v.results(room.ctx, rid).turnout
    assert turnout.paper_ballots == 1 and turnout.voted == 1  # paper is not a phone
    with pytest.raises(VoteError):
        v.add_paper_votes(room.ctx, rid, {room.key(1)[0]: -2})
    with pytest.raises(VoteError):
        v.add_paper_votes(room.ctx, rid, {"note:999999": 2})
    v.remove_paper_votes(room.ctx, rid, "paper:1")
    assert {line.key: line.score for line in v.results(room.ctx, rid).lines}[room.key(2)[0]] == 0
    consistent(room, rid)


# -- a deleted post-it gives its votes back -------------------------------------------------------
def test_a_deleted_post_it_gives_its_dots_back_and_undo_brings_them_again(room):
    rid = _open(room, dots=3)
    gone = room.notes[1]
    cast(room, rid, 0, {room.key(1)[0]: 2, room.key(2)[0]: 1})
    cast(room, rid, 1, {room.key(1)[0]: 1})

    def delete(session):
        kept = v.release_item(session, "note", gone)
        session.delete(session.get(Note, gone))
        return kept

    kept = room.ctx.db.write(delete)
    assert len(kept) == 2
    consistent(room, rid)
    view = v.phone_view(room.ctx, room.wid, room.people[0])
    assert view.remaining == 2 and view.choices == {room.key(2)[0]: 1}
    assert room.key(1)[0] not in [i.key for i in view.round.items]
    assert v.results(room.ctx, rid).turnout.voted == 1  # Sam's only dot went back
    # the dots given back can go elsewhere
    cast(room, rid, 0, {room.key(2)[0]: 1, room.key(3)[0]: 2})

    def restore(session):  # what the board's undo does
        session.add(Note(id=gone, workshop_id=room.wid, text="Parking vélo", created_at=0.0))
        session.flush()
        v.restore_votes(session, [k for k in kept if k["voter"] != f"p:{room.people[0]}"])

    room.ctx.db.write(restore)
    consistent(room, rid)
    assert v.results(room.ctx, rid).turnout.voted == 2


# -- other kinds --------------------------------------------------------------------------------
def test_points_share_a_budget(room):
    rid = _open(room, kind="points", budget=100)
    result = cast(room, rid, 0, {room.key(1)[0]: 70, room.key(2)[0]: 30})
    assert result.remaining == 0
    with pytest.raises(VoteError, match="Plus de points"):
        cast(room, rid, 0, {room.key(1)[0]: 70, room.key(2)[0]: 31})
    consistent(room, rid)


def test_majority_judgment_through_the_store(room):
    rid = _open(room, kind="majority")
    grades = {0: [6, 4, 2, 0, 0], 1: [5, 4, 3, 1, 0], 2: [4, 5, 3, 2, 1]}
    for who, row in grades.items():
        cast(room, rid, who, dict(zip(room.key(0, 1, 2, 3, 4), row, strict=True)))
    with pytest.raises(VoteError, match="chaque élément"):
        cast(room, rid, 0, {room.key(0)[0]: 3})
    lines = v.results(room.ctx, rid).lines
    # note 0: [6,5,4] → Très bien; note 1: [4,4,5] → Bien; note 2: [2,3,3] → Assez bien
    assert [(line.key, line.detail["grade_label"]) for line in lines[:3]] == [
        (room.key(0)[0], "Très bien"),
        (room.key(1)[0], "Bien"),
        (room.key(2)[0], "Assez bien"),
    ]
    consistent(room, rid)


def test_criteria_grid_with_the_labase_preset(room):
    rid = v.open_round(room.ctx, room.wid, kind="criteria", items=room.key(1, 2),
                       settings={"criteria": "labase", "anonymous": False}).ids[0]  # fmt: skip
    keys = [c.key for c in v.rounds(room.ctx, room.wid)[0].settings.criteria]
    assert len(keys) == 5
    cast(
        room,
        rid,
        0,
        {room.key(1)[0]: dict.fromkeys(keys, 5), room.key(2)[0]: dict.fromkeys(keys, 2)},
    )
    res = v.results(room.ctx, rid)
    assert res.lines[0].key == room.key(1)[0] and res.lines[0].detail["quadrant"] == "Prioritaire"
    assert res.lines[1].detail["quadrant"] == "À écarter"
    assert res.voters[0][0] == "Alex"  # a named round shows who chose what
    with pytest.raises(VoteError, match="chaque critère"):
        cast(room, rid, 0, {room.key(1)[0]: {keys[0]: 3}})


def test_anonymous_rounds_do_not_show_who_chose_what(room):
    rid = _open(room)
    cast(room, rid, 0, {room.key(1)[0]: 1})
    assert v.results(room.ctx, rid).voters == ()


def test_the_whole_board_and_refused_openings(room):
    rid = v.open_round(room.ctx, room.wid, kind="dots").ids[0]
    assert len(v.rounds(room.ctx, room.wid)[0].items) == 5
    assert rid
    with pytest.raises(VoteError):
        v.open_round(room.ctx, room.wid, kind="dots", items=["note:999999"])
    with pytest.raises(VoteError):
        v.open_round(room.ctx, room.wid, kind="dots", items=[], settings={})
    with pytest.raises(VoteError):
        v.open_round(room.ctx, room.wid, kind="dots", items=room.key(1), settings={"dots": 0})


def test_promote_the_top_items_to_actions_then_undo(room):
    rid = _open(room, dots=3)
    cast(room, rid, 0, {room.key(1)[0]: 2, room.key(2)[0]: 1})
    cast(room, rid, 1, {room.key(2)[0]: 1, room.key(3)[0]: 2})
    v.promote_to_actions(room.ctx, rid, top=2)  # Covoiturage 2, Parking vélo 2, Télétravail 2
    actions = lambda: room.ctx.db.read(  # noqa: E731
        lambda s: [a.what for a in s.scalars(select(Action).order_by(Action.position))]
    )
    # three tied for the first place all come: a tie is not broken by chance
    assert sorted(actions()) == ["Covoiturage", "Parking vélo", "Télétravail"]
    undo(room.ctx, room.wid)
    assert actions() == []


# -- properties: whatever the order, retries and concurrency -------------------------------------
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(
            st.integers(0, 2),  # who
            st.dictionaries(st.integers(0, 4), st.integers(-1, 4), max_size=4),  # choices
            st.integers(0, 5),  # which key (repeats are retries)
        ),
        min_size=1,
        max_size=12,
    ),
    dots=st.integers(1, 5),
    cap=st.integers(1, 5),
)
def test_random_ballots_with_retries_never_exceed_the_rules(room, steps, dots, cap):
    rid = _open(room, dots=dots, cap=cap, own_allowed=False)
    first_answer: dict[tuple[int, int], dict] = {}
    for who, choices, k in steps:
        key = f"p{who}-r{rid}-k{k}"
        wire = {room.key(i)[0]: n for i, n in choices.items()}
        try:
            answer = cast(room, rid, who, wire, key=key)
        except VoteError:
            continue
        if (who, k) in first_answer:
            assert answer.replayed and answer.choices == first_answer[(who, k)]
        else:
            assert not answer.replayed
            first_answer[(who, k)] = answer.choices
    for who in range(3):
        view = v.phone_view(room.ctx, room.wid, room.people[who])
        assert sum(view.choices.values()) <= dots
        assert all(0 < n <= min(cap, dots) for n in view.choices.values())
        if who == 0:
            assert room.key(0)[0] not in view.choices  # never on one's own post-it
    consistent(room, rid)


def test_concurrent_ballots_and_retries_keep_every_rule(room):
    rid = _open(room, dots=3, cap=2)
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def phone(who: int, offset: int) -> None:
        barrier.wait()
        for n in range(12):
            items = room.key((n + offset) % 5, (n + offset + 1) % 5)
            choice = {items[0]: 2, items[1]: 1} if n % 3 else {items[0]: 3}
            try:
                cast(room, rid, who, choice, key=f"conc-{who}-{n % 4}")  # keys repeat
            except VoteError:
                pass
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=phone, args=(w % 3, w)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for who in range(3):
        choices = v.phone_view(room.ctx, room.wid, room.people[who]).choices
        assert sum(choices.values()) <= 3 and max(choices.values(), default=0) <= 2
    consistent(room, rid)
    ballots = room.ctx.db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(VoteBallot).where(VoteBallot.round_id == rid)
        )
    )
    assert ballots == 3  # one ballot per phone, however many requests


def test_deleting_a_post_it_on_the_board_gives_its_votes_back_and_undo_restores_them(room):
    from app.ops import board

    rid = _open(room, dots=3)
    cast(room, rid, 0, {room.key(1)[0]: 2, room.key(2)[0]: 1})
    cast(room, rid, 1, {room.key(1)[0]: 1})
    before = v.live_counts(room.ctx, rid)
    board.delete_notes(room.ctx, room.wid, [room.notes[1]])
    consistent(room, rid)
    assert v.phone_view(room.ctx, room.wid, room.people[0]).remaining == 2
    assert v.results(room.ctx, rid).turnout.voted == 1
    undo(room.ctx, room.wid)
    consistent(room, rid)
    assert v.live_counts(room.ctx, rid) == before
    assert v.results(room.ctx, rid).turnout.voted == 2


def _one_transaction(room: Room, works: list) -> list:
    """The writes run in one group-commit transaction, in this order: (result or error)."""
    from app.store.db import _Job

    jobs = [_Job(w) for w in works]
    with room.ctx.db._write_lock:
        room.ctx.db._pending = list(jobs)
        room.ctx.db._run_batch()
    return [j.error if j.error is not None else j.result for j in jobs]


def _ballot(room: Room, rid: int, who: int, choices, key: str):
    return v._ballot_work(room.ctx, room.wid, rid, room.people[who], choices, key)


def test_ballots_grouped_in_one_transaction_answer_as_one_by_one(room: Room) -> None:
    rid = _open(room, dots=3, cap=2)
    first = {room.key(1)[0]: 2, room.key(2)[0]: 1}
    out = _one_transaction(room, [
        _ballot(room, rid, 0, first, "group-0001"),
        _ballot(room, rid, 1, {room.key(3)[0]: 1}, "group-0002"),
        _ballot(room, rid, 0, first, "group-0001"),  # a retry in the same transaction
        _ballot(room, rid, 0, {room.key(1)[0]: 1}, "group-0003"),  # a change of mind
        _ballot(room, rid, 2, {room.key(0)[0]: 1}, "group-0004"),  # Lou may vote for Alex's
    ])  # fmt: skip
    assert [r[1].replayed for r in out] == [False, False, True, False, False]
    assert out[2][1].choices == first
    assert out[3][1].choices == {room.key(1)[0]: 1} and out[3][1].remaining == 2
    consistent(room, rid)
    assert v.live_counts(room.ctx, rid) == {
        (("note", room.notes[1]), "", 1): 1, (("note", room.notes[3]), "", 1): 1,
        (("note", room.notes[0]), "", 1): 1,
    }  # fmt: skip


def test_a_round_closed_between_two_ballots_of_one_transaction_refuses_the_next(
    room: Room,
) -> None:
    rid = _open(room, dots=3, cap=2)

    def closer(session):
        from app.store.models import VoteRound

        session.get(VoteRound, rid).status = "closed"
        session.flush()

    out = _one_transaction(room, [
        _ballot(room, rid, 0, {room.key(1)[0]: 1}, "close-0001"),
        closer,
        _ballot(room, rid, 1, {room.key(1)[0]: 1}, "close-0002"),
    ])  # fmt: skip
    assert out[0][1].choices == {room.key(1)[0]: 1}
    assert isinstance(out[2], VoteError) and out[2].code == "vote_clos"
    consistent(room, rid)
    assert v.live_counts(room.ctx, rid) == {(("note", room.notes[1]), "", 1): 1}
