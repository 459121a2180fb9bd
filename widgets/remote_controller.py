"""The co-facilitator laptop's door to the core: reads its replica, sends actions to the host.

A `RemoteController` is a `Controller` on the replica's context (its own store, kept up to date
by `app.cofac_client.CoFacClient`), so every console view reads it as usual. What would write
is sent instead to the host as a remote operation (`app.ops.cofac.REMOTE_OPS`), queued in the
durable outbox: it shows up in the views when the host's journal comes back. Actions the
laptop's role does not allow, and those only the lead may do, are refused here with a French
message, without asking the host.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.events import Topic
from app.ops import cofac, participants
from app.ops.base import Change
from widgets.cofac_panel import ROLE_LABELS
from widgets.controller import Controller, Op, P
from widgets.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.cofac_client import CoFacClient  # httpx and websockets: not at start-up

LEAD_ONLY = QT_TRANSLATE_NOOP("RemoteController", "Réservé à l'animatrice : {what}.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("RemoteController", "Votre rôle ({role}) ne permet pas de {what}.")

REVOKED = QT_TRANSLATE_NOOP(
    "RemoteController", "L'animatrice a retiré l'accès de cet ordinateur à la séance."
)
# what a laptop never asks the host (not in app.ops.cofac.REMOTE_OPS), named for the tooltip
LEAD_ONLY_OPS = {
    "live.end_session": QT_TRANSLATE_NOOP("RemoteController", "terminer la séance"),
    "board.set_private": QT_TRANSLATE_NOOP("RemoteController", "l'écriture individuelle"),
    "board.set_template": QT_TRANSLATE_NOOP("RemoteController", "le modèle du tableau"),
    "board.set_options": QT_TRANSLATE_NOOP("RemoteController", "les réglages du tableau"),
    "board.group_suggested": QT_TRANSLATE_NOOP(
        "RemoteController", "accepter des regroupements suggérés"
    ),
    "votes.remove_paper_votes": QT_TRANSLATE_NOOP("RemoteController", "retirer des votes papier"),
}
OTHER_SEANCE = QT_TRANSLATE_NOOP("RemoteController", "lancer une autre séance")
# what a laptop asks the host (app.ops.cofac.REMOTE_OPS, whose labels are the core's French),
# named for the tooltip of a role that may not (a test checks they match the core's)
OP_LABELS = {
    "board.add_note": QT_TRANSLATE_NOOP("RemoteController", "écrire un post-it"),
    "board.edit_note": QT_TRANSLATE_NOOP("RemoteController", "modifier un post-it"),
    "board.recolour": QT_TRANSLATE_NOOP("RemoteController", "changer la couleur d'un post-it"),
    "board.move": QT_TRANSLATE_NOOP("RemoteController", "déplacer des post-its"),
    "board.delete_notes": QT_TRANSLATE_NOOP("RemoteController", "supprimer des post-its"),
    "board.duplicate_notes": QT_TRANSLATE_NOOP("RemoteController", "dupliquer des post-its"),
    "board.group": QT_TRANSLATE_NOOP("RemoteController", "regrouper des post-its"),
    "board.ungroup": QT_TRANSLATE_NOOP("RemoteController", "dégrouper"),
    "board.update_cluster": QT_TRANSLATE_NOOP("RemoteController", "modifier un groupe"),
    "board.tidy": QT_TRANSLATE_NOOP("RemoteController", "ranger le tableau"),
    "board.reveal": QT_TRANSLATE_NOOP("RemoteController", "révéler les post-its"),
    "live.toggle": QT_TRANSLATE_NOOP("RemoteController", "démarrer ou arrêter le minuteur"),
    "live.start": QT_TRANSLATE_NOOP("RemoteController", "démarrer le minuteur"),
    "live.pause": QT_TRANSLATE_NOOP("RemoteController", "mettre le minuteur en pause"),
    "live.reset": QT_TRANSLATE_NOOP("RemoteController", "réinitialiser le minuteur"),
    "live.next_phase": QT_TRANSLATE_NOOP("RemoteController", "passer à la séquence suivante"),
    "live.previous_phase": QT_TRANSLATE_NOOP(
        "RemoteController", "revenir à la séquence précédente"
    ),
    "live.adjust": QT_TRANSLATE_NOOP("RemoteController", "ajuster le minuteur"),
    "votes.open_round": QT_TRANSLATE_NOOP("RemoteController", "ouvrir un vote"),
    "votes.close_round": QT_TRANSLATE_NOOP("RemoteController", "clore un vote"),
    "votes.reopen_round": QT_TRANSLATE_NOOP("RemoteController", "rouvrir un vote"),
    "votes.reveal_results": QT_TRANSLATE_NOOP("RemoteController", "révéler les résultats"),
    "votes.add_paper_votes": QT_TRANSLATE_NOOP("RemoteController", "ajouter des votes papier"),
    "participants.check_in": QT_TRANSLATE_NOOP("RemoteController", "enregistrer une arrivée"),
    "participants.rename": QT_TRANSLATE_NOOP("RemoteController", "corriger un nom"),
    "participants.remove": QT_TRANSLATE_NOOP(
        "RemoteController", "retirer une personne de la liste"
    ),
    "undo": QT_TRANSLATE_NOOP("RemoteController", "annuler"),
    "redo": QT_TRANSLATE_NOOP("RemoteController", "rétablir"),
    "outcomes.create_action": QT_TRANSLATE_NOOP("RemoteController", "ajouter une action"),
    "outcomes.update_action": QT_TRANSLATE_NOOP("RemoteController", "modifier une action"),
    "outcomes.delete_action": QT_TRANSLATE_NOOP("RemoteController", "supprimer une action"),
    "outcomes.move_action": QT_TRANSLATE_NOOP("RemoteController", "déplacer une action"),
    "projects.update_project": QT_TRANSLATE_NOOP("RemoteController", "modifier un chantier"),
    "projects.add_entry": QT_TRANSLATE_NOOP("RemoteController", "ajouter au suivi d'un chantier"),
    "projects.remove_entry": QT_TRANSLATE_NOOP(
        "RemoteController", "retirer une ligne du suivi d'un chantier"
    ),
    "projects.tick_milestone": QT_TRANSLATE_NOOP("RemoteController", "cocher un jalon"),
    "projects.create_project": QT_TRANSLATE_NOOP("RemoteController", "ouvrir un chantier"),
    "capitalisation.review_method": QT_TRANSLATE_NOOP(
        "RemoteController", "donner un retour d'expérience"
    ),
    "votes.promote_to_actions": QT_TRANSLATE_NOOP("RemoteController", "promouvoir en action"),
    "votes.promote_to_projects": QT_TRANSLATE_NOOP("RemoteController", "promouvoir en chantier"),
    "outcomes.set_fate": QT_TRANSLATE_NOOP("RemoteController", "décider du devenir d'idées"),
    "projects.set_status": QT_TRANSLATE_NOOP("RemoteController", "changer le statut d'un chantier"),
    "projects.delete_project": QT_TRANSLATE_NOOP("RemoteController", "supprimer un chantier"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RemoteController", text)


def _plain(value: Any) -> Any:
    """Arguments as JSON: tuples become lists, dates AAAA-MM-JJ."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


# the events an operation's answer will bring, by the operation's area ("board.add_note")
TOPICS = {
    "board": Topic.BOARD,
    "live": Topic.TIMER,
    "votes": Topic.VOTES,
    "outcomes": Topic.ACTIONS,
    "projects": Topic.WORKSHOP,
    "capitalisation": Topic.WORKSHOP,
}


def _named(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The arguments of `fn(ctx, *args, **kwargs)` by name, without ctx nor the workshop (the
    pairing's; a round is named), the defaults left to the host."""
    signature = inspect.signature(fn)
    bound = signature.bind(None, *args, **kwargs)
    return {
        name: _plain(value)
        for name, value in list(bound.arguments.items())[1:]
        if name != "workshop_id" and value is not signature.parameters[name].default
    }


class RemoteController(Controller):
    """A `Controller` whose writes go to the host through the co-facilitator client."""

    remote = True
    connection_changed = Signal()  # online, offline or revoked (read `client`)
    outbox_changed = Signal(object)  # a `Sent`: queued, answered or refused

    def __init__(self, client: CoFacClient, parent: QObject | None = None) -> None:
        super().__init__(client.ctx, parent)
        self.client = client
        self.workshop_id = client.workshop_id
        # the client's threads call these; the signals reach the GUI thread queued
        client.status_listeners.append(lambda _online: self.connection_changed.emit())
        client.outbox_listeners.append(self.outbox_changed.emit)

    # -- the connection ------------------------------------------------------------------------
    def start(self) -> None:
        self.client.start()

    def stop(self) -> None:
        self.client.status_listeners.clear()
        self.client.outbox_listeners.clear()
        self.client.stop()
        self.ctx.db.close()

    @property
    def online(self) -> bool:
        return self.client.online and not self.client.revoked

    @property
    def revoked(self) -> bool:
        return self.client.revoked

    @property
    def waiting(self) -> bool:
        """Connected, but the lead has not let this laptop in yet (no data until then)."""
        return self.client.online and self.client.waiting and not self.client.revoked

    def pending(self) -> int:
        """Actions waiting to be sent to the host."""
        return len(self.client.outbox("pending"))

    # -- the role --------------------------------------------------------------------------------
    def role(self) -> str:
        """This laptop's role, as the host last told the replica."""
        info = cofac.cofac_info(self.ctx, self.client.pairing.laptop_id)
        return info.role if info is not None else self.client.pairing.role

    def role_label(self) -> str:
        role = self.role()
        return QCoreApplication.translate("CofacPanel", ROLE_LABELS.get(role, role))

    def refusal(self, op: str) -> str:
        """Why this laptop may not run `op` ("" if it may)."""
        if self.revoked:
            return _tr(REVOKED)
        remote = cofac.REMOTE_OPS.get(op)
        if remote is None:
            return _tr(LEAD_ONLY).format(what=_tr(LEAD_ONLY_OPS.get(op, op)))
        if self.role() not in remote.roles:
            what = _tr(OP_LABELS.get(op, remote.label))
            return _tr(NOT_ALLOWED).format(role=self.role_label(), what=what)
        return ""

    def send(self, op: str, args: dict[str, Any], topic: Topic) -> Change | None:
        """Queue `op` for the host; a Change with no ids (the answer comes through the journal),
        or None with the refusal shown when the role does not allow it."""
        refused = self.refusal(op)
        if refused:
            self.error.emit(refused)
            return None
        self.client.submit(op, args)
        return Change(f"cofac:{op}", topic, 0, self.workshop_id)

    def _lead_only(self, what: str) -> None:
        self.error.emit(_tr(LEAD_ONLY).format(what=what))

    # -- reads that would write on a host --------------------------------------------------------
    def start_session(self, workshop_id: int, block_id: int | None = None) -> bool:
        """The séance is the host's: the console opens on it as it is."""
        if block_id is not None:
            self._lead_only(_tr(OTHER_SEANCE))
            return False
        return self.live_session(workshop_id) is not None

    def start_server(
        self, workshop_id: int, host: str, port: int, cofac_port: int | None = None
    ) -> tuple[Any, str] | None:
        return None  # phones join the host

    def join_code(self, workshop_id: int) -> str:
        return ""

    def close_due_votes(self, workshop_id: int) -> list[Change]:
        return []  # the host closes them

    # -- the timer, the board, the rounds: the Controller's writes, sent -------------------------
    def _write(
        self, op: str, fn: Op[P], first: int, /, *args: P.args, **kwargs: P.kwargs
    ) -> Change | None:
        return self.send(op, _named(fn, first, *args, **kwargs), TOPICS[op.split(".")[0]])

    # -- votes -----------------------------------------------------------------------------------
    def open_vote(
        self,
        workshop_id: int,
        kind: str,
        items: list[str] | None,
        title: str,
        settings: dict[str, Any],
        phase_id: int | None = None,
        close_in_minutes: int | None = None,
    ) -> Change | None:
        if close_in_minutes:
            settings = {**settings, "closes_at": self.ctx.clock() + close_in_minutes * 60}
        args = {"kind": kind, "items": "board" if items is None else items, "title": title,
                "settings": _plain(settings), "phase_id": phase_id}  # fmt: skip
        return self.send("votes.open_round", args, Topic.VOTES)

    # -- participants ----------------------------------------------------------------------------
    def check_in_by_hand(
        self, workshop_id: int, name: str, organisation: str, category: str, consent: bool
    ) -> Change | None:
        args = {"name": name, "organisation": organisation, "category": category,
                "consent_named": consent}  # fmt: skip
        return self.send("participants.check_in", args, Topic.PARTICIPANTS)

    def rename_participant(self, workshop_id: int, participant_id: int, name: str) -> Change | None:
        args = _named(participants.rename_participant, workshop_id, participant_id, name)
        return self.send("participants.rename", args, Topic.PARTICIPANTS)

    def remove_participant(self, workshop_id: int, participant_id: int) -> Change | None:
        args = _named(participants.remove_participant, workshop_id, participant_id)
        return self.send("participants.remove", args, Topic.PARTICIPANTS)

    # -- undo ------------------------------------------------------------------------------------
    def undo(self, workshop_id: int) -> Change | None:
        return self.send("undo", {}, Topic.WORKSHOP)

    def redo(self, workshop_id: int) -> Change | None:
        return self.send("redo", {}, Topic.WORKSHOP)


def _lead_only_method(what: str) -> Callable[..., None]:
    def refuse(self: RemoteController, *_args: Any, **_kwargs: Any) -> None:
        self._lead_only(_tr(what))

    return refuse


# the Controller's other writes: the workshop and its agenda belong to the lead
LEAD_ONLY_METHODS = {
    "create": QT_TRANSLATE_NOOP("RemoteController", "créer un atelier"),
    "rename": QT_TRANSLATE_NOOP("RemoteController", "renommer l'atelier"),
    "duplicate": QT_TRANSLATE_NOOP("RemoteController", "dupliquer l'atelier"),
    "archive": QT_TRANSLATE_NOOP("RemoteController", "archiver l'atelier"),
    "delete": QT_TRANSLATE_NOOP("RemoteController", "supprimer l'atelier"),
    "save_cadrage": QT_TRANSLATE_NOOP("RemoteController", "modifier le cadrage"),
    "save_details": QT_TRANSLATE_NOOP("RemoteController", "modifier le lieu ou la date"),
    "save_as_format": QT_TRANSLATE_NOOP("RemoteController", "enregistrer un format"),
    "add_phase": QT_TRANSLATE_NOOP("RemoteController", "modifier l'agenda"),
    "remove_phase": QT_TRANSLATE_NOOP("RemoteController", "modifier l'agenda"),
    "move_phase": QT_TRANSLATE_NOOP("RemoteController", "modifier l'agenda"),
    "update_phase": QT_TRANSLATE_NOOP("RemoteController", "modifier l'agenda"),
    "import_archive": QT_TRANSLATE_NOOP("RemoteController", "importer un atelier"),
    "erase_participant": QT_TRANSLATE_NOOP("RemoteController", "effacer une personne"),
    "anonymise_workshop": QT_TRANSLATE_NOOP("RemoteController", "anonymiser l'atelier"),
}
for _name, _what in LEAD_ONLY_METHODS.items():
    setattr(RemoteController, _name, _lead_only_method(_what))
