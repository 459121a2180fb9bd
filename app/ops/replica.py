"""A co-facilitator laptop's replica: a whole workshop's rows, and the host's journal.

The host hands out `snapshot` (every row of the workshop, credentials blanked, with the journal
sequence they reflect) and `journal_page` (entries after a sequence). A replica is an ordinary
Atelier store (its own file), so every view and the compte-rendu read it with the usual
queries. It replays the entries whose mutations are all known (`replayable`) and takes a
snapshot otherwise: the host's order is the only order, and every laptop converges on it.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Select, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from app import __version__
from app.errors import KnownError
from app.ops import (  # noqa: F401  (their mutations are replayed)
    base,
    board,
    cofac,
    feedback,
    mutations,
    participants,
    privacy,
    votes,
)
from app.ops.base import MUTATIONS, Context, connection
from app.ops.mutations import get_workshop
from app.store import workshop_rows
from app.store.db import Database
from app.store.models import JournalEntry, ReplicaState
from app.store.workshop_rows import LOCAL, REPLICA, decode, encode, tables_for

# what the replica holds is described in `app.store.workshop_rows` (a test checks every table
# and column is): these tables are left out of it, the secrets blanked
NOT_REPLICATED = frozenset(LOCAL) | frozenset(
    t.name for t in workshop_rows.TABLES if REPLICA in t.left_out_of
)
# their rows (or columns: the join code is a secret) are not replicated: nothing to replay
HOST_ONLY_MUTATIONS = ("photo.", "workshop.join_code")
# credentials never leave the host
SECRET_COLUMNS: dict[str, dict[str, Any]] = {
    t.name: dict(t.secret) for t in tables_for(REPLICA) if t.secret
}


# -- what the lowest role sees ------------------------------------------------------------------
# An observer's laptop gets no private notes, no name of a participant who did not agree to be
# named, no link from a ballot or a feedback to a person (nor the join code: a secret for all).
ANONYMOUS = "Anonyme"
OBSERVER_HIDDEN_MUTATIONS = ("participant.", "ballot.", "vote.paper", "feedback.", "checkin.")
HIDDEN_ENTRY = [["masque", {}]]  # not replayable: the observer's replica takes a snapshot
HIDDEN_LABEL = "Modification (détail réservé à l'équipe)"


def _pseudonym(key: bytes, round_id: Any, voter: Any) -> str:
    """A voter's stand-in within one round (the same in its votes and its ballot, so counts
    and ballots still add up), unlinkable to the participant and across rounds."""
    digest = hmac.new(key, f"{round_id}|{voter}".encode(), hashlib.sha256).hexdigest()
    return f"anon:{digest[:16]}"


def _observer_rows(key: bytes) -> dict[str, Callable[[dict[str, Any]], None]]:
    def participant(row: dict[str, Any]) -> None:
        if not row.get("consent_named"):
            row["name"] = ANONYMOUS

    def phase(row: dict[str, Any]) -> None:
        row["notes"] = ""

    def ballot(row: dict[str, Any]) -> None:
        row["voter"] = _pseudonym(key, row["round_id"], row["voter"])
        row["participant_id"] = None
        if "label" in row:
            row["label"] = ""

    def answer(row: dict[str, Any]) -> None:
        row["participant_id"] = None

    return {"participants": participant, "phases": phase, "votes": ballot,
            "vote_ballots": ballot, "feedback": answer}  # fmt: skip


def sees_everything(role: str) -> bool:
    return role != cofac.LOWEST_ROLE


def _hidden_from_observers(forward: Any) -> bool:
    for action in forward if isinstance(forward, list) else []:
        if not (isinstance(action, list) and len(action) == 2):
            return True
        name, args = action
        if not isinstance(name, str) or name.startswith(OBSERVER_HIDDEN_MUTATIONS):
            return True
        if name.startswith("phase.") and isinstance(args, dict):
            changes = args.get("changes")
            if "notes" in args or (isinstance(changes, dict) and "notes" in changes):
                return True
    return False


def replicated_tables() -> list[Table]:
    """The replica's tables, parents first."""
    return [t.table for t in tables_for(REPLICA)]


def _scoped(table: Table, workshop_id: int) -> Select[Any]:
    """The rows of `table` that belong to the workshop."""
    return workshop_rows.BY_NAME[table.name].rows(workshop_id)


def _last_seq(session: Session, workshop_id: int) -> int:
    return int(
        session.scalar(
            select(func.max(JournalEntry.seq)).where(JournalEntry.workshop_id == workshop_id)
        )
        or 0
    )


def snapshot(
    ctx: Context, workshop_id: int, role: str = "coanimateur", key: bytes = b""
) -> dict[str, Any]:
    """Every row of the workshop (credentials blanked) and the journal sequence they reflect.

    For the lowest role (`sees_everything` false), what it must not see is hidden too (voters
    become pseudonyms keyed by `key`, the host's secret).

    Read in one transaction; the sequence is read before and after, and the read is done
    again if a write came in between (PostgreSQL's read-committed does not freeze a read).
    """

    def work(session: Session) -> dict[str, Any] | None:
        before = _last_seq(session, workshop_id)
        get_workshop(session, workshop_id)
        tables: dict[str, Any] = {}
        conn = connection(session)
        hide = {} if sees_everything(role) else _observer_rows(key)
        for rule in tables_for(REPLICA):
            sent = (*rule.columns, *rule.secret)
            names = [c.name for c in rule.table.columns if c.name in sent]  # the table's order
            blank = [(i, rule.secret[n]) for i, n in enumerate(names) if n in rule.secret]
            rows = []
            hidden = hide.get(rule.name)
            for found in conn.execute(rule.rows(workshop_id)).mappings():
                row = dict(found)
                if hidden is not None:
                    hidden(row)
                values = [encode(row[n]) for n in names]
                for index, value in blank:
                    values[index] = value
                rows.append(values)
            tables[rule.name] = {"columns": names, "rows": rows}
        if _last_seq(session, workshop_id) != before:
            return None
        return {"seq": before, "workshop_id": workshop_id, "version": __version__,
                "tables": tables}  # fmt: skip

    for _attempt in range(5):
        found = ctx.db.read(work)
        if found is not None:
            return found
    raise KnownError("L'atelier change trop vite pour en prendre une copie : réessayez.")


def apply_snapshot(db: Database, data: Mapping[str, Any], host_url: str = "") -> int:
    """Replace the replica's copy of the workshop by `data` (one transaction); its seq."""
    workshop_id = int(data["workshop_id"])
    tables = data["tables"]

    def work(session: Session) -> int:
        conn = connection(session)
        known = {t.name: t for t in replicated_tables()}
        # children go with their workshop (ON DELETE CASCADE); the methods are the host's
        conn.execute(delete(known["workshops"]).where(known["workshops"].c.id == workshop_id))
        conn.execute(delete(known["methods"]))
        for table in replicated_tables():
            part = tables.get(table.name)
            if not part or not part["rows"]:
                continue
            columns = [table.c[name] for name in part["columns"] if name in table.c]
            index = {name: i for i, name in enumerate(part["columns"])}
            rows = [
                {c.name: decode(c, row[index[c.name]]) for c in columns} for row in part["rows"]
            ]
            conn.execute(insert(table), rows)
        _set_cursor(session, workshop_id, int(data["seq"]), host_url)
        return int(data["seq"])

    return db.write(work)


def _set_cursor(session: Session, workshop_id: int, seq: int, host_url: str) -> None:
    state = session.get(ReplicaState, workshop_id)
    if state is None:
        state = ReplicaState(workshop_id=workshop_id, host_url=host_url, seq=seq)
        session.add(state)
    state.seq = seq
    state.synced_at = time.time()  # when this laptop last heard from the host
    if host_url:
        state.host_url = host_url


def replica_seq(db: Database, workshop_id: int) -> int:
    def work(session: Session) -> int:
        state = session.get(ReplicaState, workshop_id)
        return state.seq if state is not None else 0

    return db.read(work)


def replayable(entry: Mapping[str, Any]) -> bool:
    """Whether a journal entry carries everything its change did (all known mutations).

    Phones' post-its, check-ins, feedback and ballots are journalled as mutations with their
    rows (tokens blanked; a ballot as `ballot.replace`, its live counts moved by the same
    difference on the replica); whole-workshop operations (`workshop.create`,
    `workshop.import`…) name no mutation: those need a snapshot.
    """
    forward = entry.get("forward") or []
    return all(
        isinstance(a, list) and len(a) == 2 and (a[0] in MUTATIONS or _host_only(a))
        for a in forward
    )


def _host_only(action: Any) -> bool:
    return isinstance(action[0], str) and action[0].startswith(HOST_ONLY_MUTATIONS)


def scrubbing(entries: Iterable[Mapping[str, Any]]) -> list[list[Any]]:
    """The erasures and anonymisations among the host's entries (`privacy`): what scrubs the
    replica's own copy of the journal, which a snapshot never rewrites."""
    return [
        list(a)
        for e in entries
        for a in e.get("forward") or []
        if isinstance(a, list) and a and a[0] in privacy.SCRUBBING_MUTATIONS
    ]


def store_journal(
    session: Session,
    workshop_id: int,
    entries: Iterable[Mapping[str, Any]],
    *,
    scrub: bool = True,
) -> None:
    """Keep the host's journal entries (the history) that the replica does not have yet; then,
    unless `scrub` is False (the caller replays them itself), apply the erasures among them to
    the history kept."""
    entries = list(entries)
    conn = connection(session)
    have = int(
        conn.execute(
            select(func.max(JournalEntry.seq)).where(JournalEntry.workshop_id == workshop_id)
        ).scalar()
        or 0
    )
    rows = [
        {"seq": e["seq"], "workshop_id": workshop_id, "at": e["at"], "actor": e["actor"],
         "op": e["op"], "label": e["label"], "forward": e["forward"], "inverse": None,
         "undo_state": ""}
        for e in entries
        if int(e["seq"]) > have
    ]  # fmt: skip
    if rows:
        conn.execute(insert(JournalEntry), rows)
    if scrub and (scrubs := scrubbing(entries)):
        base.apply_actions(session, scrubs)


def apply_entries(
    db: Database, workshop_id: int, entries: list[dict[str, Any]], host_url: str = ""
) -> bool:
    """Replay the host's journal entries on the replica, in one transaction.

    Returns False (and changes nothing but the kept history) when one of them cannot be
    replayed: the caller then takes a snapshot.
    """

    def work(session: Session) -> bool:
        cursor = session.get(ReplicaState, workshop_id)
        seq = cursor.seq if cursor is not None else 0
        todo = [e for e in entries if int(e["seq"]) > seq]
        # replayed below, or (when the caller must take a snapshot) applied here: an erasure
        # scrubs this laptop's own copy of the journal either way
        store_journal(session, workshop_id, todo, scrub=False)
        if not todo:
            return True
        if not all(replayable(e) for e in todo):
            if scrubs := scrubbing(todo):
                base.apply_actions(session, scrubs)
            return False
        for entry in todo:
            base.apply_actions(session, [list(a) for a in entry["forward"] if not _host_only(a)])
        _set_cursor(session, workshop_id, int(todo[-1]["seq"]), host_url)
        return True

    try:
        done = db.write(work)
    except KnownError:
        return False  # the replica and the host disagree: the snapshot settles it
    if scrubbing(entries):
        db.forget_freed()  # the pages as they were leave SQLite's write-ahead log
    return done


# the arguments a mutation may carry that are credentials (whatever the mutation: blanked
# as in a snapshot, should one ever journal them)
SECRET_ARGUMENTS: dict[str, Any] = {
    k: v for blank in SECRET_COLUMNS.values() for k, v in blank.items()
}


def without_secrets(forward: Any) -> Any:
    """A journal entry's mutations as they leave the host: credentials blanked."""
    if not isinstance(forward, list):
        return forward
    out = []
    for action in forward:
        if (
            isinstance(action, list)
            and len(action) == 2
            and isinstance(action[1], dict)
            and SECRET_ARGUMENTS.keys() & action[1].keys()
        ):
            args = {k: SECRET_ARGUMENTS.get(k, v) if k in SECRET_ARGUMENTS else v
                    for k, v in action[1].items()}  # fmt: skip
            action = [action[0], args]
        out.append(action)
    return out


def journal_page(
    ctx: Context, workshop_id: int, since: int, limit: int, role: str = "coanimateur"
) -> dict[str, Any]:
    """The workshop's journal entries after `since` (a replica catching up). For the lowest
    role, the entries that carry what it must not see are sent without their mutations nor
    their label (the replica takes a snapshot, which hides them)."""
    everything = sees_everything(role)

    def shown(r: Any) -> dict[str, Any]:
        if not everything and _hidden_from_observers(r.forward):
            return {"seq": r.seq, "at": r.at, "actor": r.actor, "op": r.op,
                    "label": HIDDEN_LABEL, "forward": HIDDEN_ENTRY}  # fmt: skip
        return {"seq": r.seq, "at": r.at, "actor": r.actor, "op": r.op, "label": r.label,
                "forward": without_secrets(r.forward)}  # fmt: skip

    def work(session: Session) -> dict[str, Any]:
        rows = session.execute(
            select(
                JournalEntry.seq, JournalEntry.at, JournalEntry.actor, JournalEntry.op,
                JournalEntry.label, JournalEntry.forward,
            )
            .where(JournalEntry.workshop_id == workshop_id, JournalEntry.seq > since)
            .order_by(JournalEntry.seq)
            .limit(limit + 1)
        ).all()  # fmt: skip
        entries = [shown(r) for r in rows[:limit]]
        return {
            "entries": entries,
            "more": len(rows) > limit,
            "last_seq": _last_seq(session, workshop_id),
        }

    return ctx.db.read(work)


def comparable_state(db: Database, workshop_id: int) -> dict[str, Any]:
    """The rows of a workshop as compared across laptops (ids of vote rows aside: the
    host's are numbered among every workshop's)."""

    def work(session: Session) -> dict[str, Any]:
        out: dict[str, Any] = {}
        conn = connection(session)
        for table in replicated_tables():
            skip = {"updated_at"} | set(SECRET_COLUMNS.get(table.name, {}))
            if table.name in ("votes", "vote_ballots"):
                skip.add("id")
            names = [c.name for c in table.columns if c.name not in skip]
            rows = conn.execute(_scoped(table, workshop_id)).mappings().all()
            out[table.name] = sorted((tuple(encode(r[n]) for n in names) for r in rows), key=repr)
        return out

    return db.read(work)
