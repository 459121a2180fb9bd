"""The console's vote tab: the round, its turnout, its controls, its results.

A view only: it shows the `Results` it is given and declares what she asks for with intent
signals (the `VoteDesk` acts on them). Participant text is drawn as plain text everywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.votes import GRADES, decimals_to_differ
from app.reports.text import one_line
from widgets.core_text import french
from widgets.projector_view import wall_clock
from widgets.text import QT_TRANSLATE_NOOP, plain_label, plain_tooltip
from widgets.vote_chart import ChartRow, VoteChart
from widgets.vote_quadrant import QuadrantChart, QuadrantPoint

KIND_NAMES = {
    "dots": QT_TRANSLATE_NOOP("VotePanel", "Gommettes"),
    "points": QT_TRANSLATE_NOOP("VotePanel", "Points à répartir"),
    "majority": QT_TRANSLATE_NOOP("VotePanel", "Jugement majoritaire"),
    "criteria": QT_TRANSLATE_NOOP("VotePanel", "Grille multi-critères"),
}
CHART_ROWS = 10
DONE_NAMES = 12  # "who is done": the first names, then how many more
QUADRANTS = {
    "Prioritaire": QT_TRANSLATE_NOOP("VotePanel", "Prioritaire"),
    "À préparer": QT_TRANSLATE_NOOP("VotePanel", "À préparer"),
    "Facile": QT_TRANSLATE_NOOP("VotePanel", "Facile"),
    "À écarter": QT_TRANSLATE_NOOP("VotePanel", "À écarter"),
}


def decimal(value: float, places: int = 1) -> str:
    """3.75 → "3,8" (French decimal comma, one digit unless told); "3.8" in English."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if french() else text


def chart_rows(results: Any) -> tuple[list[ChartRow], float | None]:
    """The chart's rows for a round's `Results`, and the bar's maximum (None: the top)."""
    kind = results.round.kind
    places = decimals_to_differ(line.score for line in results.lines)
    rows: list[ChartRow] = []
    for line in results.lines:
        detail = line.detail
        if kind == "majority":
            text = str(detail.get("grade_label", "—"))
            rows.append(
                ChartRow(
                    line.rank, line.tied, line.label, line.score, text,
                    tuple(detail.get("profile", ())),
                )
            )  # fmt: skip
        elif kind == "criteria":
            text = decimal(line.score, places)
            rows.append(ChartRow(line.rank, line.tied, line.label, line.score, text))
        else:
            rows.append(ChartRow(line.rank, line.tied, line.label, line.score, f"{line.score:.0f}"))
    return rows, (5.0 if kind == "criteria" else None)


def quadrant_points(results: Any) -> list[QuadrantPoint]:
    return [
        QuadrantPoint(line.rank, line.detail["impact"], line.detail["feasibility"])
        for line in results.lines
        if line.detail.get("impact") is not None and line.detail.get("feasibility") is not None
    ]


def results_visible(results: Any) -> bool:
    """The room may see them: revealed, or a round she chose to show live."""
    return bool(results.round.revealed or results.round.settings.live_results)


class VotePanel(QWidget):
    new_requested = Signal()  # open a round on the board's selection (or the whole board)
    round_chosen = Signal(int)
    close_requested = Signal(int)
    reopen_requested = Signal(int)
    reveal_requested = Signal(int, bool)  # round, revealed
    paper_requested = Signal(int)
    promote_requested = Signal(int, int)  # round, how many of the first items
    promote_projects_requested = Signal(int, int)  # round, how many: chantiers of the programme
    paper_remove_requested = Signal(int, str)  # round, paper voter ("paper:2")
    project_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: Any = None
        self.now = 0.0

        self.rounds = QComboBox()
        self.rounds.setToolTip(self.tr("Les tours de vote de l'atelier"))
        self.rounds.activated.connect(self._chosen)
        self.new_button = QPushButton(self.tr("Nouveau vote…"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(
            self.tr(
                "Sur les post-its sélectionnés au tableau, ou sur tout le tableau (Ctrl+Shift+V)"
            )
        )
        self.new_button.clicked.connect(self.new_requested)
        top = QHBoxLayout()
        top.addWidget(self.rounds, 1)
        top.addWidget(self.new_button)

        self.empty = plain_label(
            self.tr(
                "Aucun vote pour l'instant. Sélectionnez des post-its au tableau (ou rien, "
                "pour tout le tableau) puis « Voter… »."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("muted")

        self.title = plain_label()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.status = plain_label()
        self.status.setObjectName("voteStatus")
        self.summary = plain_label()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.turnout = plain_label()
        self.turnout.setObjectName("voteTurnout")
        self.turnout.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.turnout_bar = QProgressBar()
        self.turnout_bar.setTextVisible(False)
        self.turnout_bar.setMaximumHeight(10)
        self.done = plain_label()
        self.done.setWordWrap(True)
        self.paper = plain_label()
        self.paper.setObjectName("muted")
        self.closing = plain_label()
        self.closing.setObjectName("muted")

        self.close_button = QPushButton(self.tr("Clore le vote"))
        self.close_button.setObjectName("danger")
        self.close_button.clicked.connect(lambda: self._emit(self.close_requested))
        self.reopen_button = QPushButton(self.tr("Rouvrir"))
        self.reopen_button.clicked.connect(lambda: self._emit(self.reopen_requested))
        self.reveal_button = QPushButton(self.tr("Révéler les résultats"))
        self.reveal_button.setObjectName("primary")
        self.reveal_button.clicked.connect(self._reveal)
        self.project_button = QPushButton(self.tr("Projeter"))
        self.project_button.setCheckable(True)
        self.project_button.setToolTip(
            self.tr("Montrer le vote sur la projection (sinon la projection garde le minuteur)")
        )
        self.project_button.toggled.connect(self.project_toggled)
        self.paper_button = QPushButton(self.tr("Ajouter des votes papier…"))
        self.paper_button.clicked.connect(lambda: self._emit(self.paper_requested))
        self.promote_count = QSpinBox()
        self.promote_count.setRange(1, 20)
        self.promote_count.setValue(3)
        self.promote_count.setPrefix(self.tr("les "))
        self.promote_count.setSuffix(self.tr(" premiers"))
        self.promote_button = QPushButton(self.tr("Promouvoir en action"))
        self.promote_button.clicked.connect(self._promote)
        self.promote_projects_button = QPushButton(self.tr("Promouvoir en chantier"))
        self.promote_projects_button.setToolTip(
            self.tr("Les premiers deviennent des chantiers que le programme suit")
        )
        self.promote_projects_button.clicked.connect(self._promote_projects)
        self.peek = QCheckBox(self.tr("Voir ici les résultats cachés"))
        self.peek.setToolTip(
            self.tr("Pour vous seule : la projection ne les montre qu'après « Révéler »")
        )
        self.peek.toggled.connect(lambda _on: self._show_results())
        for button in (self.new_button, self.close_button, self.reopen_button,
                       self.reveal_button, self.project_button, self.paper_button,
                       self.promote_button, self.promote_projects_button):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the timer
        controls = QGridLayout()
        controls.addWidget(self.close_button, 0, 0)
        controls.addWidget(self.reopen_button, 0, 1)
        controls.addWidget(self.reveal_button, 0, 2)
        controls.addWidget(self.project_button, 0, 3)
        controls.addWidget(self.paper_button, 1, 0)
        controls.addWidget(self.promote_count, 1, 1)
        controls.addWidget(self.promote_button, 1, 2)
        controls.addWidget(self.promote_projects_button, 1, 3)

        self.hidden_note = plain_label(
            self.tr(
                "Résultats cachés : ils apparaîtront ici et sur la projection après « Révéler »."
            )
        )
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setObjectName("muted")
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Rang"), self.tr("Élément"), self.tr("Résultat")])
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(240)
        # the paper ballots she typed: each can be taken out (with a confirmation, undoable)
        self.paper_box = QWidget()
        self.paper_list = QTreeWidget()
        self.paper_list.setObjectName("paperBallots")
        self.paper_list.setRootIsDecorated(False)
        self.paper_list.setHeaderLabels(
            [self.tr("Bulletin papier"), self.tr("Total"), self.tr("Détail")]
        )
        self.paper_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        paper_header = self.paper_list.header()
        paper_header.setStretchLastSection(True)
        paper_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        paper_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.paper_list.itemSelectionChanged.connect(self._paper_selected)
        self.paper_remove_button = QPushButton(self.tr("Retirer ce bulletin papier…"))
        self.paper_remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.paper_remove_button.setEnabled(False)
        self.paper_remove_button.clicked.connect(self._remove_paper)
        paper_layout = QVBoxLayout(self.paper_box)
        paper_layout.setContentsMargins(0, 0, 0, 0)
        paper_layout.addWidget(self.paper_list)
        paper_row = QHBoxLayout()
        paper_row.addStretch(1)
        paper_row.addWidget(self.paper_remove_button)
        paper_layout.addLayout(paper_row)
        # a named round: who chose what, for her eyes only (the projector never gets it)
        self.voters_title = plain_label(self.tr("Vote nominatif : qui a voté quoi"))
        self.voters_title.setObjectName("sectionTitle")
        self.voters = QTreeWidget()
        self.voters.setObjectName("namedBallots")
        self.voters.setRootIsDecorated(False)
        self.voters.setHeaderLabels([self.tr("Personne"), self.tr("Vote")])
        self.voters.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.voters.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.voters.setMinimumHeight(160)
        self.chart = VoteChart()
        self.chart.max_row = 52
        self.chart.setMinimumHeight(160)
        self.quadrant = QuadrantChart()
        self.quadrant.setMinimumHeight(300)
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.hidden_note)
        results_layout.addWidget(self.table, 2)
        results_layout.addWidget(self.chart, 2)
        results_layout.addWidget(self.quadrant, 3)
        results_layout.addWidget(self.voters_title)
        results_layout.addWidget(self.voters, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(results_box)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.status)
        body.addLayout(heading)
        body.addWidget(self.summary)
        turnout_row = QHBoxLayout()
        turnout_row.addWidget(self.turnout)
        turnout_row.addStretch(1)
        turnout_row.addWidget(self.closing)
        body.addLayout(turnout_row)
        body.addWidget(self.turnout_bar)
        body.addWidget(self.done)
        body.addWidget(self.paper)
        body.addWidget(self.paper_box)
        body.addLayout(controls)
        body.addWidget(self.peek)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)
        self.set_rounds([], None)

    # -- data ----------------------------------------------------------------------------------
    def set_rounds(self, rounds: list[Any], chosen: int | None) -> None:
        """The workshop's rounds (newest first in the picker); `chosen` is the one shown."""
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for info in reversed(rounds):
            state = self.tr("ouvert") if info.is_open else self.tr("clos")
            self.rounds.addItem(f"{one_line(info.title)} — {state}", info.id)
        self.rounds.setCurrentIndex(max(0, self.rounds.findData(chosen)))
        self.rounds.blockSignals(False)
        self.rounds.setVisible(bool(rounds))
        self.empty.setVisible(not rounds)
        self.body.setVisible(bool(rounds))

    def set_results(self, results: Any, now: float) -> None:
        self.results = results
        self.now = now
        info = results.round
        self.title.setText(info.title)
        if info.is_open:
            status, colour = self.tr("Vote ouvert"), "#2e7d32"
        else:
            status, colour = self.tr("Vote clos"), "#b3261e"
        if info.revealed:
            status += " · " + self.tr("résultats révélés")
        self.status.setText(status)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.summary.setText(self.settings_text(info))
        turnout = results.turnout
        self.turnout.setText(
            self.tr("{voted} / {total} ont voté").format(
                voted=turnout.voted, total=turnout.checked_in
            )
        )
        self.turnout_bar.setRange(0, max(1, turnout.checked_in))
        self.turnout_bar.setValue(min(turnout.voted, max(1, turnout.checked_in)))
        if turnout.done:
            names = ", ".join(one_line(n) for n in turnout.done_names[:DONE_NAMES])
            more = len(turnout.done_names) - DONE_NAMES
            if more > 0:
                names += self.tr(" et {n} autres").format(n=more)
            self.done.setText(self.tr("{n} ont fini : {names}").format(n=turnout.done, names=names))
        else:
            self.done.setText(self.tr("Personne n'a encore appuyé sur « J'ai fini »."))
        self.paper.setText(
            self.tr("+ {n} bulletin(s) papier").format(n=turnout.paper_ballots)
            if turnout.paper_ballots
            else ""
        )
        self.paper.setVisible(bool(turnout.paper_ballots))
        self.close_button.setEnabled(info.status == "open")
        self.reopen_button.setEnabled(not info.is_open)
        self.reveal_button.setText(
            self.tr("Masquer les résultats") if info.revealed else self.tr("Révéler les résultats")
        )
        self.reveal_button.setObjectName("" if info.revealed else "primary")
        self.reveal_button.style().unpolish(self.reveal_button)
        self.reveal_button.style().polish(self.reveal_button)
        self.paper_button.setEnabled(info.kind in ("dots", "points"))
        self.promote_button.setEnabled(any(line.score > 0 for line in results.lines))
        self.promote_projects_button.setEnabled(self.promote_button.isEnabled())
        self._show_paper(results)
        self.peek.setVisible(not results_visible(results))
        self.update_closing(now)
        self._show_results()

    def update_closing(self, now: float) -> None:
        """The automatic close, counted down (called each second by the desk's timer)."""
        self.now = now
        results = self.results
        closes_at = results.round.settings.closes_at if results is not None else None
        if results is None or closes_at is None or not results.round.is_open:
            self.closing.setText("")
            return
        left = max(0, int(closes_at - now))
        self.closing.setText(
            self.tr("Clôture à {time} (dans {m}:{s:02d})").format(
                time=wall_clock(closes_at), m=left // 60, s=left % 60
            )
        )

    def settings_text(self, info: Any) -> str:
        s = info.settings
        parts = [self.tr(KIND_NAMES.get(info.kind, info.kind))]
        if info.kind == "dots":
            parts.append(
                self.tr("{dots} gommette(s) par personne, {cap} au plus par élément").format(
                    dots=s.dots, cap=s.cap
                )
            )
            if not s.own_allowed:
                parts.append(self.tr("pas pour ses propres post-its"))
        elif info.kind == "points":
            parts.append(self.tr("{n} points par personne").format(n=s.budget))
        elif info.kind == "criteria":
            parts.append(self.tr("{n} critère(s)").format(n=len(s.criteria)))
        parts.append(self.tr("{n} élément(s)").format(n=len(info.items)))
        parts.append(self.tr("anonyme") if s.anonymous else self.tr("nominatif"))
        parts.append(
            self.tr("résultats en direct")
            if s.live_results
            else self.tr("résultats cachés jusqu'à la révélation")
        )
        return " · ".join(parts)

    def _show_results(self) -> None:
        results = self.results
        if results is None:
            return
        shown = results_visible(results) or self.peek.isChecked()
        self.hidden_note.setVisible(not shown)
        self.table.setVisible(shown)
        self.chart.setVisible(shown)
        kind = results.round.kind
        self.quadrant.setVisible(shown and kind == "criteria")
        self.table.clear()
        named = not results.round.settings.anonymous
        self.voters_title.setVisible(shown and named)
        self.voters.setVisible(shown and named)
        self.voters.clear()
        if not shown:
            return
        by_item = self._show_voters(results) if named else {}
        unit = {"dots": self.tr("gommette(s)"), "points": self.tr("point(s)")}.get(kind, "")
        places = decimals_to_differ(line.score for line in results.lines)
        for line in results.lines:
            rank = str(line.rank) + (" " + self.tr("ex æquo") if line.tied else "")
            detail = line.detail
            if kind == "majority":
                value = str(detail.get("grade_label", "—"))
            elif kind == "criteria":
                quadrant = QUADRANTS.get(str(detail.get("quadrant", "")), "")
                value = decimal(line.score, places) + " / 5"
                if quadrant:
                    value += " · " + self.tr(quadrant)
                if detail.get("eliminated"):  # under an eliminatory criterion's threshold
                    value += " · " + self.tr("éliminée")
            else:
                value = f"{line.score:.0f} {unit}"
            item = QTreeWidgetItem([rank, one_line(line.label), value])
            item.setToolTip(1, plain_tooltip(line.label))  # the whole text, as text
            if named:  # a named round: who gave what to this item, on hovering its result
                who = by_item.get(line.key) or [self.tr("personne")]
                item.setToolTip(2, plain_tooltip("\n".join(who)))
            item.setData(0, Qt.ItemDataRole.UserRole, line.key)
            self.table.addTopLevelItem(item)
        rows, maximum = chart_rows(results)
        self.chart.set_rows(rows[:CHART_ROWS], maximum)  # the list above holds every item
        self.chart.setMinimumHeight(self.chart.max_row * max(1, min(len(rows), CHART_ROWS)))
        if kind == "criteria":
            self.quadrant.set_points(quadrant_points(results))

    def choice_text(self, info: Any, value: Any) -> str:
        """One voter's choice for one item, in words: 2, Bien, or each criterion's score."""
        if info.kind == "majority" and isinstance(value, int) and 0 <= value < len(GRADES):
            return GRADES[value]
        if info.kind == "criteria" and isinstance(value, dict):
            names = {c.key: c.label for c in info.settings.criteria}
            return ", ".join(f"{one_line(names.get(k, k))} {n}" for k, n in value.items())
        return str(value)

    def _show_voters(self, results: Any) -> dict[str, list[str]]:
        """The named round's table (one row per voter); returns, per item, "who: what"."""
        info = results.round
        labels = {item.key: one_line(item.label) for item in info.items}
        order = list(labels)
        by_item: dict[str, list[str]] = {}
        for name, ballot in sorted(results.voters, key=lambda v: one_line(v[0]).casefold()):
            who = one_line(name)
            keys = sorted(ballot, key=lambda k: order.index(k) if k in order else len(order))
            parts = []
            for key in keys:
                choice = self.choice_text(info, ballot[key])
                parts.append(f"{labels.get(key, '?')} : {choice}")
                by_item.setdefault(key, []).append(f"{who} : {choice}")
            row = QTreeWidgetItem([who, " · ".join(parts)])
            row.setToolTip(1, plain_tooltip("\n".join(parts)))
            self.voters.addTopLevelItem(row)
        if not results.voters:
            self.voters.addTopLevelItem(QTreeWidgetItem([self.tr("Personne n'a encore voté."), ""]))
        return by_item

    def _show_paper(self, results: Any) -> None:
        ballots = getattr(results, "paper", ())
        labels = {item.key: one_line(item.label) for item in results.round.items}
        selected = self.paper_voter()
        self.paper_list.clear()
        for ballot in ballots:
            detail = " · ".join(f"{labels.get(k, '?')} : {n}" for k, n in ballot.votes.items())
            row = QTreeWidgetItem([one_line(ballot.label), str(ballot.total), detail])
            row.setData(0, Qt.ItemDataRole.UserRole, ballot.voter)
            row.setToolTip(2, plain_tooltip(detail.replace(" · ", "\n")))
            self.paper_list.addTopLevelItem(row)
            if ballot.voter == selected:
                row.setSelected(True)
        self.paper_list.setFixedHeight(
            self.paper_list.header().sizeHint().height()
            + sum(self.paper_list.sizeHintForRow(i) for i in range(min(4, len(ballots))))
            + 2 * self.paper_list.frameWidth()
        )
        self.paper_box.setVisible(bool(ballots))
        self._paper_selected()

    def paper_voter(self) -> str | None:
        chosen = self.paper_list.selectedItems()
        return str(chosen[0].data(0, Qt.ItemDataRole.UserRole)) if chosen else None

    def _paper_selected(self) -> None:
        self.paper_remove_button.setEnabled(self.paper_voter() is not None)

    # -- intents -------------------------------------------------------------------------------
    def round_id(self) -> int | None:
        return self.results.round.id if self.results is not None else None

    def _emit(self, signal: Any) -> None:
        rid = self.round_id()
        if rid is not None:
            signal.emit(rid)

    def _chosen(self, index: int) -> None:
        rid = self.rounds.itemData(index)
        if rid is not None:
            self.round_chosen.emit(int(rid))

    def _reveal(self) -> None:
        rid = self.round_id()
        if rid is not None:
            self.reveal_requested.emit(rid, not self.results.round.revealed)

    def _promote(self) -> None:
        rid = self.round_id()
        if rid is not None:
            self.promote_requested.emit(rid, self.promote_count.value())

    def _promote_projects(self) -> None:
        rid = self.round_id()
        if rid is not None:
            self.promote_projects_requested.emit(rid, self.promote_count.value())

    def _remove_paper(self) -> None:
        rid, voter = self.round_id(), self.paper_voter()
        if rid is not None and voter is not None:
            self.paper_remove_requested.emit(rid, voter)


__all__ = ["VotePanel", "chart_rows", "decimal", "quadrant_points", "results_visible"]
