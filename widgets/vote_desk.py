"""The facilitator's side of voting during a séance: wires the board's "Voter…", the console's
vote tab and the projector's vote overlay to the core, through the controller.

Ballots arrive from phones as events: they are batched by one named single-shot timer (a
few refreshes a second at most, whatever the burst). A round with a closing time is watched
by a second named timer, which writes the close down once the time has passed (phones are
refused from that time on by the core itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.events import Event, Topic
from app.reports.text import one_line
from widgets.board_panel import BoardPanel
from widgets.controller import Controller
from widgets.live_console import LiveConsole
from widgets.projector_view import ProjectorView
from widgets.vote_panel import VotePanel
from widgets.vote_projection import VoteProjection

REFRESH_MS = 150  # ballots: a few refreshes a second at most, within the 200 ms promised
CLOSING_TICK_MS = 1000
TOPICS = (Topic.VOTES, Topic.BALLOTS, Topic.PARTICIPANTS, Topic.BOARD)


class VoteDesk(QObject):
    def __init__(
        self,
        controller: Controller,
        board: BoardPanel,
        console: LiveConsole,
        projector: ProjectorView,
        confirm: Callable[[str, str, str], bool],
        dialogs: Callable[[], Any] | None,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(console)
        self.controller = controller
        self.board = board
        self.console = console
        self.confirm = confirm
        self.dialogs = dialogs
        self.status = status
        self.workshop_id: int | None = None
        self.round_id: int | None = None  # the round shown (None: the current one)
        self.results: Any = None
        self.projecting = False

        self.panel = VotePanel()
        self.tab_index = console.tabs.addTab(self.panel, self.tr("Vote"))
        self.projection = VoteProjection(projector)
        self._refresh = QTimer(self)
        self._refresh.setObjectName("vote-refresh")
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.reload)
        self._closing = QTimer(self)
        self._closing.setObjectName("vote-closing")
        self._closing.setSingleShot(True)
        self._closing.timeout.connect(self._closing_tick)

        board.vote_requested.connect(self.open_from_board)
        self.panel.new_requested.connect(self.open_from_selection)
        self.panel.round_chosen.connect(self.choose)
        self.panel.close_requested.connect(self.close_round)
        self.panel.reopen_requested.connect(self.reopen_round)
        self.panel.reveal_requested.connect(self.reveal)
        self.panel.paper_requested.connect(self.add_paper)
        self.panel.promote_requested.connect(self.promote)
        self.panel.promote_projects_requested.connect(self.promote_projects)
        self.panel.paper_remove_requested.connect(self.remove_paper)
        self.panel.project_toggled.connect(self.set_projecting)
        # the board's mirror raises itself when the board shows: the vote stays on top
        console.board_toggled.connect(lambda _shown: self._place_projection())

    # -- the séance ----------------------------------------------------------------------------
    def set_workshop(self, workshop_id: int | None) -> None:
        if workshop_id != self.workshop_id:
            self.workshop_id = workshop_id
            self.round_id = None
            self.results = None
            self.set_projecting(False)
        self.reload()

    def on_event(self, event: Event) -> None:
        if self.workshop_id is None or event.workshop_id != self.workshop_id:
            return
        if event.topic in TOPICS and not self._refresh.isActive():
            self._refresh.start()

    def reload(self) -> None:
        self._refresh.stop()
        if self.workshop_id is None:
            self.panel.set_rounds([], None)
            self.results = None
            self._place_projection()
            self._closing.stop()
            return
        rounds = self.controller.vote_rounds(self.workshop_id)
        shown = self.round_id if any(r.id == self.round_id for r in rounds) else None
        if shown is None and rounds:
            still_open = [r for r in rounds if r.is_open]
            shown = (still_open or rounds)[-1].id
        self.panel.set_rounds(rounds, shown)
        self.results = self.controller.vote_results(shown) if shown is not None else None
        now = self.controller.clock()
        if self.results is not None:
            self.panel.set_results(self.results, now)
            # the room's screen: never who chose what, nor the paper ballots one by one
            self.projection.show_results(replace(self.results, voters=(), paper=()), now)
        self._place_projection()
        self._arm_closing()

    def choose(self, round_id: int) -> None:
        self.round_id = round_id
        self.reload()

    # -- opening a round -----------------------------------------------------------------------
    def open_from_selection(self) -> None:
        self.open_from_board(self.board.scene.selected_notes(), self.board.scene.selected_cluster())

    def open_from_board(self, note_ids: list, cluster_id: int | None) -> None:
        """Post-its selected → those; a group alone → its post-its; nothing → the whole board."""
        if self.workshop_id is None or self.dialogs is None:
            return
        data = self.board.data
        if data is None or data.workshop_id != self.workshop_id:
            self.board.open(self.workshop_id)
            data = self.board.data
        items: list[str] | None
        if note_ids:
            # in reading order (top to bottom, left to right), as phones will list them
            where = {n.id: (n.y // 40, n.x) for n in data.notes} if data is not None else {}
            ordered = sorted(note_ids, key=lambda i: where.get(i, (0, 0)))
            items = [f"note:{i}" for i in ordered]
            scope = self.tr("Vote sur {n} post-it(s) sélectionné(s)").format(n=len(items))
        elif cluster_id is not None and data is not None:
            cluster = next((c for c in data.clusters if c.id == cluster_id), None)
            ids = list(cluster.note_ids) if cluster is not None else []
            items = [f"note:{i}" for i in ids]
            scope = self.tr("Vote sur les {n} post-it(s) du groupe « {title} »").format(
                n=len(ids), title=one_line(cluster.title if cluster else "")
            )
        else:
            items = None
            notes = (
                sum(1 for n in data.notes if n.cluster_id is None and not n.hidden) if data else 0
            )
            groups = len(data.clusters) if data else 0
            scope = self.tr(
                "Rien n'est sélectionné : vote sur tout le tableau ({groups} groupe(s) et "
                "{notes} post-it(s) hors groupe)"
            ).format(groups=groups, notes=notes)
        request = self.dialogs().vote_round(scope)
        if request is None:
            return
        change = self.controller.open_vote(
            self.workshop_id,
            request.kind,
            items,
            request.title,
            request.settings,
            phase_id=data.phase_id if data is not None and items is None else None,
            close_in_minutes=request.close_in_minutes,
        )
        if change is None:
            return
        self.round_id = change.ids[0] if change.ids else None
        self.console.show_board(False)
        self.console.tabs.setCurrentIndex(self.tab_index)
        self.set_projecting(True)
        self.reload()
        self.status(self.tr("Vote ouvert : les téléphones peuvent voter."))

    # -- the round's controls ------------------------------------------------------------------
    def close_round(self, round_id: int) -> None:
        if self.confirm(
            self.tr("Clore le vote"),
            self.tr(
                "Clore le vote maintenant ? Les téléphones ne pourront plus voter ni changer "
                "d'avis (vous pourrez le rouvrir)."
            ),
            self.tr("Clore"),
        ):
            self.controller.close_round(round_id)
            self.reload()

    def reopen_round(self, round_id: int) -> None:
        self.controller.reopen_round(round_id)
        self.reload()

    def reveal(self, round_id: int, revealed: bool) -> None:
        if self.controller.reveal_results(round_id, revealed) is not None and revealed:
            self.set_projecting(True)
        self.reload()

    def add_paper(self, round_id: int) -> None:
        results = self.results
        if self.dialogs is None or results is None or results.round.id != round_id:
            return
        unit = self.tr("gommettes") if results.round.kind == "dots" else self.tr("points")
        items = [(item.key, one_line(item.label)) for item in results.round.items]
        answer = self.dialogs().paper_votes(items, unit)
        if answer is None or not answer.counts:
            return
        change = self.controller.add_paper_votes(round_id, answer.counts, label=answer.label)
        if change is not None:
            self.status(self.tr("Votes papier ajoutés."))
        self.reload()

    def promote(self, round_id: int, top: int) -> None:
        results = self.results
        if results is None or results.round.id != round_id:
            return
        # what the promotion takes, from the core now: the results shown may be a refresh behind
        chosen = [one_line(line.label) for line in self.controller.promotion_preview(round_id, top)]
        if not chosen:
            return
        listing = "\n".join(f"• {label}" for label in chosen)
        if not self.confirm(
            self.tr("Promouvoir en action"),
            self.tr("Ajouter au plan d'action ({n}) :\n{items}").format(
                n=len(chosen), items=listing
            ),
            self.tr("Ajouter au plan d'action"),
        ):
            return
        change = self.controller.promote_to_actions(round_id, top=top)
        if change is not None:
            self.status(
                self.tr("{n} action(s) ajoutée(s) au plan d'action — Ctrl+Z pour annuler").format(
                    n=len(chosen)
                )
            )

    def promote_projects(self, round_id: int, top: int) -> None:
        """The first items become chantiers that the programme follows (Ctrl+Z undoes it)."""
        results = self.results
        if results is None or results.round.id != round_id:
            return
        # what the promotion takes, from the core now: the results shown may be a refresh behind
        chosen = [one_line(line.label) for line in self.controller.promotion_preview(round_id, top)]
        if not chosen:
            return
        listing = "\n".join(f"• {label}" for label in chosen)
        if not self.confirm(
            self.tr("Promouvoir en chantier"),
            self.tr(
                "Créer des chantiers suivis par le programme ({n}) :\n{items}\n\n"
                "Un élément qui est déjà un chantier n'est pas créé deux fois."
            ).format(n=len(chosen), items=listing),
            self.tr("Créer les chantiers"),
        ):
            return
        change = self.controller.promote_to_projects(round_id, top=top)
        if change is None:
            return
        console = self.console
        if console.tabs.isTabVisible(console.programme_index):  # a programme follows them
            text = self.tr(
                "{n} chantier(s) créé(s), dans l'onglet « Programme » — Ctrl+Z pour annuler"
            )
        else:
            text = self.tr("{n} chantier(s) créé(s), repris au compte-rendu — Ctrl+Z pour annuler")
        self.status(text.format(n=len(change.ids)))

    def remove_paper(self, round_id: int, voter: str) -> None:
        """Take one paper ballot out of the count, after a confirmation (Ctrl+Z undoes it)."""
        results = self.results
        if results is None or results.round.id != round_id:
            return
        ballot = next((b for b in results.paper if b.voter == voter), None)
        if ballot is None:
            return
        unit = self.tr("gommette(s)") if results.round.kind == "dots" else self.tr("point(s)")
        if not self.confirm(
            self.tr("Retirer un bulletin papier"),
            self.tr("Retirer le bulletin papier « {label} » ({total} {unit}) du vote ?").format(
                label=one_line(ballot.label), total=ballot.total, unit=unit
            ),
            self.tr("Retirer"),
        ):
            return
        if self.controller.remove_paper_votes(round_id, voter) is not None:
            self.status(self.tr("Bulletin papier retiré — Ctrl+Z pour annuler"))
        self.reload()

    # -- the projector ---------------------------------------------------------------------------
    def set_projecting(self, on: bool) -> None:
        self.projecting = on
        if self.panel.project_button.isChecked() != on:
            self.panel.project_button.setChecked(on)  # calls back with the same value
            return
        self._place_projection()

    def _place_projection(self) -> None:
        shown = self.projecting and self.results is not None
        self.projection.setVisible(shown)
        if shown:
            self.projection.raise_()

    # -- the closing time ------------------------------------------------------------------------
    def _arm_closing(self) -> None:
        results = self.results
        closes_at = results.round.settings.closes_at if results is not None else None
        if results is None or closes_at is None or results.round.status != "open":
            self._closing.stop()
            return
        left_ms = (closes_at - self.controller.clock()) * 1000
        self._closing.start(int(max(20, min(CLOSING_TICK_MS, left_ms + 5))))

    def _closing_tick(self) -> None:
        if self.workshop_id is None or self.results is None:
            return
        now = self.controller.clock()
        closes_at = self.results.round.settings.closes_at
        if closes_at is not None and now >= closes_at:
            self.controller.close_due_votes(self.workshop_id)
            self.reload()
            return
        self.panel.update_closing(now)
        self.projection.update_closing(now)
        self._arm_closing()

    def shutdown(self) -> None:
        self._refresh.stop()
        self._closing.stop()
