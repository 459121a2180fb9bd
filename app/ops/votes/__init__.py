"""Vote rounds: open, close, reopen, reveal; ballots from phones; paper votes; results.

Every write validates inside its own write transaction (`Database.write` runs them one at a
time), so the rules of `app/domain/votes.py` hold whatever the order, concurrency or retries
of requests. A ballot is a participant's whole choice: it *replaces* the previous one, in one
transaction, and the live counts (`VoteCount`) move by the difference in the same
transaction — recounting the `Vote` rows always gives the same numbers (`recount`).

A phone's write carries an idempotency key: a retry with the same key gets the first answer
back and writes nothing. Voters are ``"p:<participant id>"`` (phones) or ``"paper:<n>"``
(hand-counted dots, marked as paper).

The package, by concern (this module only re-exports their names):

| Module | What |
|---|---|
| `statements` | the prepared SQL and the dialects' upserts (the ballot's hot path) |
| `views` | the dataclasses views get (`RoundInfo`, `Results`, `PhoneView`…) |
| `common` | limits and small helpers (a round's settings, its items still on the board) |
| `tally` | a ballot replaced and the live counts moved; the delete-item hook of the board |
| `mutations` | the `@mutation` functions that journal entries replay |
| `round_ops` | open, close, reopen, reveal, paper votes (not `rounds`: that is the reader) |
| `ballots` | a participant's ballot from a phone (the hot path), "J'ai fini" |
| `promotion` | the first items promoted to the action plan or to chantiers |
| `reads` | rounds, results, live counts, recount, the phone's view |

Importing the package imports `mutations`, so `app.ops.base.MUTATION_MODULES` registers them.
"""

from __future__ import annotations

from app.domain.votes import GRADES
from app.ops.votes.ballots import _ballot_work as _ballot_work  # a test builds ballots' work
from app.ops.votes.ballots import cast_ballot, cast_ballot_async, set_done
from app.ops.votes.common import MAX_PAPER, MAX_TITLE, voter_of
from app.ops.votes.mutations import (
    PROJECT_FIELDS,
    ROUND_CHANGES,
    ROUND_FIELDS,
    action_delete,
    action_insert,
    paper_ballot,
    project_delete,
    project_insert,
    round_delete,
    round_insert,
    round_update,
)
from app.ops.votes.promotion import (
    project_title,
    projects,
    promote_to_actions,
    promote_to_projects,
    promotion_preview,
)
from app.ops.votes.reads import (
    current_round_id,
    live_counts,
    phone_view,
    recount,
    report_ranking,
    results,
    room_ballots,
    room_round,
    rounds,
)
from app.ops.votes.round_ops import (
    add_paper_votes,
    close_due_rounds,
    close_round,
    open_round,
    remove_paper_votes,
    reopen_round,
    reveal_results,
)
from app.ops.votes.tally import VOTE_FIELDS, release_item, restore_votes
from app.ops.votes.views import (
    BallotResult,
    PaperBallot,
    PhoneView,
    ResultLine,
    Results,
    RoomBallots,
    RoomRound,
    RoundInfo,
    RoundItem,
    Turnout,
)

__all__ = [
    "GRADES",
    "MAX_PAPER",
    "MAX_TITLE",
    "PROJECT_FIELDS",
    "ROUND_CHANGES",
    "ROUND_FIELDS",
    "VOTE_FIELDS",
    "BallotResult",
    "PaperBallot",
    "PhoneView",
    "ResultLine",
    "Results",
    "RoomBallots",
    "RoomRound",
    "RoundInfo",
    "RoundItem",
    "Turnout",
    "action_delete",
    "action_insert",
    "add_paper_votes",
    "cast_ballot",
    "cast_ballot_async",
    "close_due_rounds",
    "close_round",
    "current_round_id",
    "live_counts",
    "open_round",
    "paper_ballot",
    "phone_view",
    "project_delete",
    "project_insert",
    "project_title",
    "projects",
    "promote_to_actions",
    "promote_to_projects",
    "promotion_preview",
    "recount",
    "release_item",
    "remove_paper_votes",
    "reopen_round",
    "report_ranking",
    "restore_votes",
    "results",
    "reveal_results",
    "room_ballots",
    "room_round",
    "round_delete",
    "round_insert",
    "round_update",
    "rounds",
    "set_done",
    "voter_of",
]
