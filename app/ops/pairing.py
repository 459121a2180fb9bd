"""The séance's co-facilitation pairing code, kept in the base.

Several servers of one workshop on a shared PostgreSQL base (`atelier serve` in two rooms)
show the same 6-digit code: it lives in `pairing_codes`, read and changed under the row's
lock. One code per séance (named by its start), renewed by the lead or after a revocation
(`cofac.revoke` blanks it). The wrong-code lockouts are each server's (app/server/cofac.py):
the code never crosses the network (a SPAKE2 exchange, app/domain/pairing.py), so a server
counts the exchanges that failed against it.

Every change goes through the one write path, journalled without the code (a secret: the
journal goes to co-facilitator laptops). A check that changes nothing writes nothing.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.timer import TimerState
from app.events import Topic
from app.ops import base
from app.ops.mutations import get_workshop
from app.store.models import LiveTimer, PairingCode

CODE_DIGITS = 6
SEANCE_CHARS = 60


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
            session.add(PairingCode(workshop_id=workshop_id, code=code, seance=seance))
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


def renew_code(ctx: base.Context, workshop_id: int) -> str:
    """A new code for the open séance (the lead's « Nouveau code »): the old one stops
    working on every server of the base. "" when no séance is open."""

    def build(session: Session) -> base.Step | base.Outcome:
        get_workshop(session, workshop_id)
        forget_code(session, workshop_id)
        return base.Step(workshop_id, label="Code d'appairage renouvelé")

    base.perform(ctx, op="cofac.pairing_renew", topic=Topic.COFAC, build=build, undoable=False)
    return current_code(ctx, workshop_id)
