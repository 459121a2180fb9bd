"""The séance's co-facilitation pairing code and its lockout, kept in the base.

Several servers of one workshop on a shared PostgreSQL base (`atelier serve` in two rooms)
show the same 6-digit code and count the same wrong guesses: both live in `pairing_codes`,
read and changed under the row's lock. One code per séance (named by its start), renewed after a revocation (`cofac.revoke` blanks it); `WRONG_CODES` wrong codes within
`LOCK_SECONDS` lock pairing for `LOCK_SECONDS`.

Every change goes through the one write path, journalled without the code (a secret: the
journal goes to co-facilitator laptops). A check that changes nothing writes nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.timer import TimerState
from app.events import Topic
from app.ops import base
from app.ops.mutations import get_workshop
from app.store.models import LiveTimer, PairingCode

CODE_DIGITS = 6
WRONG_CODES = 5  # then pairing is locked…
LOCK_SECONDS = 60.0  # …for a minute
SEANCE_CHARS = 60

RIGHT, WRONG, LOCKED, EXPIRED = "right", "wrong", "locked", "expired"


def new_pairing_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def _row(session: Session, workshop_id: int) -> PairingCode | None:
    # the row's lock on PostgreSQL: two servers deciding at once take turns
    return session.scalars(
        select(PairingCode).where(PairingCode.workshop_id == workshop_id).with_for_update()
    ).first()


def _seance(session: Session, workshop_id: int) -> str:
    """What names the open séance ("" if none is open): when it started, its block."""
    timer = session.get(LiveTimer, workshop_id)
    if timer is None or timer.state == TimerState.ENDED:
        return ""
    return f"{timer.session_start!r}@{timer.block_id}"[:SEANCE_CHARS]


def current_code(ctx: base.Context, workshop_id: int) -> str:
    """The pairing code of the open séance ("" if none is open), made the first time it is
    asked for: the same on every server of the base."""

    def known(session: Session) -> tuple[str, str]:
        seance = _seance(session, workshop_id)
        row = session.get(PairingCode, workshop_id)
        fresh = row is not None and row.code and row.seance == seance
        return seance, row.code if row is not None and fresh else ""

    seance, code = ctx.db.read(known)
    if not seance or code:
        return code

    def build(session: Session) -> base.Step | base.Outcome:
        row = _row(session, workshop_id)
        seance = _seance(session, workshop_id)
        if not seance:
            return base.Outcome(None, "")  # ended a moment ago
        if row is not None and row.code and row.seance == seance:
            return base.Outcome(None, row.code)  # another server made it a moment ago
        get_workshop(session, workshop_id)
        code = new_pairing_code()
        if row is None:
            session.add(PairingCode(workshop_id=workshop_id, code=code, seance=seance, wrong=[],
                                    locked_until=0.0))  # fmt: skip
        else:
            row.code, row.seance = code, seance
        session.flush()
        return base.Step(workshop_id, label="Nouveau code d'appairage", result=code)

    outcome = base.perform(
        ctx, op="cofac.pairing_code", topic=Topic.COFAC, build=build, undoable=False
    )
    return str(outcome.result)


def forget_code(session: Session, workshop_id: int) -> None:
    """In a revocation's transaction: whoever saw the code cannot pair with it again."""
    row = _row(session, workshop_id)
    if row is not None:
        row.code = ""
        session.flush()


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: str  # RIGHT, WRONG, LOCKED or EXPIRED
    locked_until: float = 0.0


def locked_until(ctx: base.Context, workshop_id: int) -> float:
    row = ctx.db.read(
        lambda s: s.scalars(
            select(PairingCode).where(PairingCode.workshop_id == workshop_id)
        ).first()
    )
    return row.locked_until if row is not None else 0.0


def check_code(ctx: base.Context, workshop_id: int, typed: str, at: float) -> Verdict:
    """Whether `typed` is the séance's code at time `at`; a wrong one is counted (in the base),
    the `WRONG_CODES`th within `LOCK_SECONDS` locks pairing until `at + LOCK_SECONDS`."""
    digits = "".join(c for c in typed if c.isdigit())

    def build(session: Session) -> base.Step | base.Outcome:
        row = _row(session, workshop_id)
        if row is not None and at < row.locked_until:
            return base.Outcome(None, Verdict(LOCKED, row.locked_until))
        if row is None or not row.code or row.seance != _seance(session, workshop_id):
            return base.Outcome(None, Verdict(EXPIRED))
        if secrets.compare_digest(digits.encode(), row.code.encode()):
            if not row.wrong:
                return base.Outcome(None, Verdict(RIGHT))
            row.wrong = []
            session.flush()
            return base.Step(workshop_id, label="Code d'appairage accepté", result=Verdict(RIGHT))
        wrong = [t for t in row.wrong if at - float(t) <= LOCK_SECONDS] + [at]
        if len(wrong) >= WRONG_CODES:
            row.wrong, row.locked_until = [], at + LOCK_SECONDS
            session.flush()
            return base.Step(workshop_id, label="Appairage bloqué une minute (codes erronés)",
                             result=Verdict(LOCKED, row.locked_until))  # fmt: skip
        row.wrong = wrong
        session.flush()
        return base.Step(workshop_id, label="Code d'appairage erroné", result=Verdict(WRONG))

    outcome = base.perform(
        ctx, op="cofac.pairing_check", topic=Topic.COFAC, build=build, undoable=False
    )
    verdict: Verdict = outcome.result
    return verdict
