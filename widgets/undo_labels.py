"""What "Annuler : …" and "Rétablir : …" name, in the window's language.

The journal keeps each step's label in French, built by `app/ops` ("Suppression de « Tour de
table »"), and its operation ("agenda.remove"). French shows the label exactly as the journal
keeps it; another language names the step by its operation, with the title the label quotes
between « and » when the template asks for one. An operation without an entry here (or a
label without the title its template needs) shows the French label.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from widgets.core_text import french
from widgets.text import QT_TRANSLATE_NOOP

CONTEXT = "UndoLabels"

# the undoable operations of app/ops (execute with undoable=True), by their journal `op`
STEP_LABELS = {
    "agenda.add": QT_TRANSLATE_NOOP("UndoLabels", "ajout de « {title} »"),
    "agenda.remove": QT_TRANSLATE_NOOP("UndoLabels", "suppression de « {title} »"),
    "agenda.move": QT_TRANSLATE_NOOP("UndoLabels", "déplacement de « {title} »"),
    "agenda.update": QT_TRANSLATE_NOOP("UndoLabels", "modification de « {title} »"),
    "board.note_add": QT_TRANSLATE_NOOP("UndoLabels", "post-it « {title} »"),
    "board.note_edit": QT_TRANSLATE_NOOP("UndoLabels", "modifier un post-it"),
    "board.recolour": QT_TRANSLATE_NOOP("UndoLabels", "changer la couleur des post-its"),
    "board.move": QT_TRANSLATE_NOOP("UndoLabels", "déplacer des post-its"),
    "board.delete": QT_TRANSLATE_NOOP("UndoLabels", "supprimer des post-its"),
    "board.duplicate": QT_TRANSLATE_NOOP("UndoLabels", "dupliquer des post-its"),
    "board.group": QT_TRANSLATE_NOOP("UndoLabels", "regrouper des post-its"),
    "board.group_suggested": QT_TRANSLATE_NOOP("UndoLabels", "groupes suggérés"),
    "board.ungroup": QT_TRANSLATE_NOOP("UndoLabels", "dégrouper « {title} »"),
    "board.cluster": QT_TRANSLATE_NOOP("UndoLabels", "modifier un groupe"),
    "board.tidy": QT_TRANSLATE_NOOP("UndoLabels", "ranger le tableau"),
    "board.reveal": QT_TRANSLATE_NOOP("UndoLabels", "révéler des post-its"),
    "board.private": QT_TRANSLATE_NOOP("UndoLabels", "écriture individuelle"),
    "board.template": QT_TRANSLATE_NOOP("UndoLabels", "modèle du tableau"),
    "board.options": QT_TRANSLATE_NOOP("UndoLabels", "réglages du tableau"),
    "photos.add": QT_TRANSLATE_NOOP("UndoLabels", "ajouter des photos"),
    "photos.caption": QT_TRANSLATE_NOOP("UndoLabels", "légende d'une photo"),
    "photos.remove": QT_TRANSLATE_NOOP("UndoLabels", "retirer une photo"),
    "photos.move": QT_TRANSLATE_NOOP("UndoLabels", "déplacer une photo"),
    "projects.status": QT_TRANSLATE_NOOP("UndoLabels", "statut du chantier « {title} »"),
    "projects.promote": QT_TRANSLATE_NOOP("UndoLabels", "chantiers issus du vote"),
    "votes.promote": QT_TRANSLATE_NOOP("UndoLabels", "plan d'action issu du vote"),
    "votes.paper": QT_TRANSLATE_NOOP("UndoLabels", "votes papier"),
}


def _quoted(label: str) -> str | None:
    """The title a French label quotes: 'Suppression de « Tour de table »' → 'Tour de table'."""
    start, end = label.find("« "), label.rfind(" »")
    if start < 0 or end < start + 2:
        return None
    return label[start + 2 : end]


def step_text(op: str, label: str) -> str:
    """A journal step, named in the window's language; the French label as it is in French."""
    template = STEP_LABELS.get(op)
    if french() or template is None:
        return label
    text = QCoreApplication.translate(CONTEXT, template)
    if "{title}" not in template:
        return text
    title = _quoted(label)
    return label if title is None else text.replace("{title}", title)
