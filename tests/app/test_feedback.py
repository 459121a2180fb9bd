"""End-of-séance feedback on both backends: open only in the closing phase, one answer per
participant (a second replaces it), retries count once, limits, the console's live figures."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.domain.feedback import FeedbackSummary, PhaseSlot, closing_phase_ids, is_closing
from app.errors import InvalidInput, NotFound
from app.events import Event, Topic
from app.ops import agenda, live, participants
from app.ops import feedback as fb
from app.ops.base import Context
from app.ops.queries import workshop_detail
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.store.models import Feedback, JournalEntry

HOSTILE = "<b>gras</b> & <font size=40>x</font> =SUM(A1) 👩🏽‍🚒 \u202eRTL"


def _to_closing(ctx: Context, wid: int) -> None:
    """Walk the séance to its closing phase ("Clôture et retours", the last of 3 heures)."""
    live.start_session(ctx, wid)
    while not fb.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)
    session = live.live_session(ctx, wid)
    assert session is not None and session.current is not None
    assert session.current.method_key == "tour-cloture"


@pytest.fixture
def room(ctx: Context) -> tuple[Context, int, list[int]]:
    wid = create_workshop(ctx, format_key="3h", title="Retours").workshop_id
    assert wid is not None
    people = [
        participants.check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0001")
        for n in ("Alex", "Sam", "Lou")
    ]
    return ctx, wid, [p.participant_id for p in people]


def _rows(ctx: Context) -> list[tuple[int | None, int, str, str]]:
    return ctx.db.read(
        lambda s: [
            (f.participant_id, f.rating, f.keep, f.improve)
            for f in s.scalars(select(Feedback).order_by(Feedback.id))
        ]
    )


def test_the_closing_phase_is_the_closing_method_else_the_last_work_phase():
    phases = [PhaseSlot(1, None, False), PhaseSlot(2, "tour-cloture", False),
              PhaseSlot(3, None, False), PhaseSlot(4, None, True)]  # fmt: skip
    assert closing_phase_ids(phases) == {2}
    by_hand = [PhaseSlot(1, "brainstorming", False), PhaseSlot(3, None, False),
               PhaseSlot(4, None, True)]  # fmt: skip
    assert closing_phase_ids(by_hand) == {3}  # the last one that is not a break
    assert closing_phase_ids([PhaseSlot(4, None, True)]) == frozenset()
    assert not is_closing(phases, None) and is_closing(phases, 2) and not is_closing(phases, 3)


def test_refused_before_the_closing_phase_then_open(room):
    ctx, wid, people = room
    with pytest.raises(fb.FeedbackClosed) as refused:  # no séance yet
        fb.give_feedback(ctx, wid, people[0], rating=4, key="fb-alex-0001")
    assert refused.value.code == "retours_fermes" and "clôture" in refused.value.message
    live.start_session(ctx, wid)
    assert fb.phone_feedback(ctx, wid, people[0]) == fb.PhoneFeedback(False, None)
    with pytest.raises(fb.FeedbackClosed):
        fb.give_feedback(ctx, wid, people[0], rating=4, key="fb-alex-0001")
    _to_closing(ctx, wid)
    info, replayed = fb.give_feedback(ctx, wid, people[0], rating=4, keep="Le rythme",
                                      key="fb-alex-0001")  # fmt: skip
    assert not replayed and (info.rating, info.keep, info.improve) == (4, "Le rythme", "")
    assert fb.phone_feedback(ctx, wid, people[0]) == fb.PhoneFeedback(True, info)
    live.end_session(ctx, wid)  # the séance is over: no more answers
    assert not fb.feedback_open(ctx, wid)
    with pytest.raises(fb.FeedbackClosed):
        fb.give_feedback(ctx, wid, people[1], rating=2, key="fb-sam-00001")
    assert _rows(ctx) == [(people[0], 4, "Le rythme", "")]


def test_an_agenda_without_the_closing_method_asks_in_its_last_work_phase(room):
    ctx, wid, people = room
    detail = workshop_detail(ctx, wid)
    closing = next(p for b in detail.blocks for p in b.phases if p.method_key == "tour-cloture")
    agenda.remove_phase(ctx, closing.id)
    live.start_session(ctx, wid)
    while not fb.feedback_open(ctx, wid):
        live.next_phase(ctx, wid)
    session = live.live_session(ctx, wid)
    assert session is not None and session.current is not None
    assert session.current.title == "Plan d’action" and session.next is None
    fb.give_feedback(ctx, wid, people[0], rating=5, key="fb-alex-0001")
    assert fb.feedback_summary(ctx, wid).answers == 1


def test_one_answer_per_participant_a_second_replaces_it_and_retries_count_once(room):
    ctx, wid, people = room
    _to_closing(ctx, wid)
    seen: list[Event] = []
    ctx.bus.subscribe(seen.append, {Topic.FEEDBACK})
    first, _ = fb.give_feedback(ctx, wid, people[0], rating=2, improve="Trop long",
                                key="fb-alex-0001")  # fmt: skip
    for _ in range(3):  # the phone did not hear the answer and sends the same again
        again, replayed = fb.give_feedback(ctx, wid, people[0], rating=2, improve="Trop long",
                                           key="fb-alex-0001")  # fmt: skip
        assert replayed and again == first
    assert len(seen) == 1 and seen[0].op == "feedback.give" and seen[0].workshop_id == wid
    second, replayed = fb.give_feedback(ctx, wid, people[0], rating=4, keep="Finalement bien",
                                        key="fb-alex-0002")  # fmt: skip
    assert not replayed and second.rating == 4
    # the first key again, late: the first answer comes back, the second stays stored
    late, replayed = fb.give_feedback(ctx, wid, people[0], rating=2, key="fb-alex-0001")
    assert replayed and late == first
    fb.give_feedback(ctx, wid, people[1], rating=5, key="fb-sam-00001")
    assert _rows(ctx) == [(people[0], 4, "Finalement bien", ""), (people[1], 5, "", "")]
    assert fb.feedback_summary(ctx, wid) == FeedbackSummary(2, 4.5, (0, 0, 0, 1, 1))
    entries = ctx.db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.op == "feedback.give")
        )
    )
    assert entries == 3  # one per answer written, none for the retries


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"rating": 0}, "La note va de 1 à 5."),
        ({"rating": 6}, "La note va de 1 à 5."),
        ({"rating": True}, "La note va de 1 à 5."),
        ({"rating": "5"}, "La note va de 1 à 5."),
        ({"rating": 3, "keep": "x" * 501}, "Ce que je retiens : 500 caractères au plus (501 saisis)."),
        ({"rating": 3, "improve": "y" * 600},
         "Ce qui pourrait être amélioré : 500 caractères au plus (600 saisis)."),
        ({"rating": 3, "keep": 12}, "Ce que je retiens : un texte est attendu."),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_with_a_french_message(room, fields, message):
    ctx, wid, people = room
    _to_closing(ctx, wid)
    with pytest.raises(InvalidInput) as refused:
        fb.give_feedback(ctx, wid, people[0], key="fb-bad-00001", **fields)
    assert refused.value.message == message
    assert _rows(ctx) == []


def test_hostile_text_is_kept_as_typed_and_reaches_the_report(room):
    ctx, wid, people = room
    _to_closing(ctx, wid)
    fb.give_feedback(ctx, wid, people[0], rating=3, keep=HOSTILE, improve="a\r\nb\x00c",
                     key="fb-alex-0001")  # fmt: skip
    assert _rows(ctx) == [(people[0], 3, HOSTILE, "a\nbc")]  # line ends and controls cleaned
    data = report_data(ctx, wid)
    assert [(f.rating, f.keep) for f in data.feedback] == [(3, HOSTILE)]
    assert data.average_rating == 3


def test_a_stranger_or_another_workshops_participant_cannot_answer(room):
    ctx, wid, people = room
    other = create_workshop(ctx, format_key="3h", title="Autre").workshop_id
    assert other is not None
    _to_closing(ctx, wid)
    with pytest.raises(NotFound):
        fb.give_feedback(ctx, wid, 999_999, rating=3, key="fb-ghost-001")
    outsider = participants.check_in(ctx, other, name="Zoé", category="usager", key="join-zoe-01")
    with pytest.raises(NotFound):
        fb.give_feedback(ctx, wid, outsider.participant_id, rating=3, key="fb-zoe-00001")
    assert fb.feedback_summary(ctx, wid) == FeedbackSummary(0, None, (0, 0, 0, 0, 0))
