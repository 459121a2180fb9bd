"""The séance's join code: one per séance, kept across a restart, none once it ended."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.clock import FakeClock
from app.domain.join_code import ALPHABET, LENGTH, matches, new_code, normalize
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.store.db import Database


@pytest.fixture
def jctx(store_url: str) -> Iterator[Context]:
    db = Database.open(store_url)
    try:
        yield Context(db, clock=FakeClock(1_795_000_000.0))
    finally:
        db.close()


def test_codes_avoid_characters_that_are_misread():
    for ambiguous in "0O1IL" + "AEIOU":
        assert ambiguous not in ALPHABET
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert len(codes) > 190  # random, not a sequence


@given(st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH))
def test_typed_codes_match_in_any_case_and_spacing(code):
    typed = f" {code[:2].lower()} {code[2:]}-"
    assert normalize(typed) == code
    assert matches(typed, code)
    assert not matches(code[:-1], code)
    assert not matches("", "")  # no séance open: nothing matches


def test_one_code_per_seance_kept_while_it_runs(jctx):
    wid = create_workshop(jctx, format_key="3h", title="Code").workshop_id
    assert live.door(jctx, wid) == ("absent", "")
    live.start_session(jctx, wid)
    state, code = live.door(jctx, wid)
    assert state == "open" and len(code) == LENGTH
    live.start(jctx, wid)
    live.next_phase(jctx, wid)
    live.pause(jctx, wid)
    assert live.start_session(jctx, wid) is None  # the app came back: the séance resumes
    assert live.door(jctx, wid) == ("open", code)  # with the code on the screen already
    live.end_session(jctx, wid)
    assert live.door(jctx, wid) == ("ended", "")
    live.start_session(jctx, wid)  # the next séance gets a code of its own
    assert live.door(jctx, wid)[0] == "open"


def test_the_code_survives_reopening_the_database(store_url):
    db = Database.open(store_url)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Redémarrage").workshop_id
    live.start_session(ctx, wid)
    code = live.door(ctx, wid)[1]
    db.close()
    db = Database.open(store_url)
    try:
        assert live.door(Context(db), wid) == ("open", code)
    finally:
        db.close()
