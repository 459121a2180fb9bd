"""The post-it board: every action is one journalled, undoable operation.

A drag is one operation on release (`move`), whatever the number of post-its moved; grouping,
ungrouping, revealing are one operation each, so one Ctrl+Z reverts what one gesture did.

The package, by concern (this module only re-exports their names):

| Module | What |
|---|---|
| `common` | small helpers: rows found or refused, ids, colours, coordinates, groups left empty, the board's scope, the one transaction (`_board`) |
| `mutations` | the `@mutation` functions that journal entries replay (post-its, groups, gather) |
| `room` | where post-its go so that none hides another (not `placement`: that is `app.domain.placement`) |
| `note_ops` | add, edit, recolour, move, delete, duplicate post-its |
| `cluster_ops` | group, ungroup, tidy ("Ranger"), a group's title, colour and folding |
| `options` | private writing and its reveal, the template, the scope, where phones' post-its arrive |
| `reads` | the board of a phase or workshop, the post-its just added, the fullest board |

Importing the package imports `mutations`, so `app.ops.base.MUTATION_MODULES` registers them.
"""

from __future__ import annotations

from app.ops.board.cluster_ops import group, tidy, ungroup, update_cluster
from app.ops.board.common import LIMIT

# private helpers `app.ops.grouping` builds its operations on
from app.ops.board.common import _board as _board
from app.ops.board.common import _emptied_clusters as _emptied_clusters
from app.ops.board.common import _ids as _ids
from app.ops.board.common import _notes as _notes
from app.ops.board.common import _phase_of as _phase_of
from app.ops.board.common import _plural as _plural
from app.ops.board.mutations import (
    CLUSTER_CHANGES,
    CLUSTER_COLUMNS,
    NOTE_CHANGES,
    NOTE_COLUMNS,
    cluster_delete,
    cluster_gather,
    cluster_insert,
    cluster_update,
    note_delete,
    note_insert,
    note_update,
    update_fields,
)
from app.ops.board.note_ops import (
    add_note,
    delete_notes,
    duplicate_notes,
    edit_note,
    move,
    recolour,
)
from app.ops.board.options import reveal, set_options, set_private, set_template
from app.ops.board.reads import board_data, fullest_board, new_notes

__all__ = [
    "CLUSTER_CHANGES",
    "CLUSTER_COLUMNS",
    "LIMIT",
    "NOTE_CHANGES",
    "NOTE_COLUMNS",
    "add_note",
    "board_data",
    "cluster_delete",
    "cluster_gather",
    "cluster_insert",
    "cluster_update",
    "delete_notes",
    "duplicate_notes",
    "edit_note",
    "fullest_board",
    "group",
    "move",
    "new_notes",
    "note_delete",
    "note_insert",
    "note_update",
    "recolour",
    "reveal",
    "set_options",
    "set_private",
    "set_template",
    "tidy",
    "ungroup",
    "update_cluster",
    "update_fields",
]
