"""The facilitator's console during a séance: agenda, current phase, countdown, drift, controls."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.feedback import FeedbackSummary
from app.domain.model import WorkshopDetail
from app.domain.timer import Display, LiveSession, Stage, TimerState, drift_minutes
from app.reports.text import one_line
from widgets.checkin_panel import CheckInPanel
from widgets.core_text import minutes_text, number_text, project_status
from widgets.live_clock import LiveClock
from widgets.notes_inbox import NotesInbox
from widgets.projector_view import PALETTE, wall_clock
from widgets.text import QT_TRANSLATE_NOOP, breakable, plain_label, plain_tooltip, restyle
from widgets.theme import DANGER, FONT_FAMILY, INK, MUTED, OK, PRIMARY, REHEARSAL_STYLE

STATE_LABELS = {
    Stage.READY: QT_TRANSLATE_NOOP("LiveConsole", "Prêt : appuyez sur Espace pour démarrer"),
    Stage.NORMAL: QT_TRANSLATE_NOOP("LiveConsole", "En cours"),
    Stage.AMBER: QT_TRANSLATE_NOOP("LiveConsole", "Moins de 2 minutes"),
    Stage.OVERRUN: QT_TRANSLATE_NOOP("LiveConsole", "Temps dépassé"),
    Stage.PAUSED: QT_TRANSLATE_NOOP("LiveConsole", "En pause"),
    Stage.BREAK: QT_TRANSLATE_NOOP("LiveConsole", "Pause"),
    Stage.ENDED: QT_TRANSLATE_NOOP("LiveConsole", "Séance terminée"),
}


# the programme timeline's marks (a séance's or a milestone's state)
MARKS = {
    "done": QT_TRANSLATE_NOOP("LiveConsole", "✓ fait"),
    "late": QT_TRANSLATE_NOOP("LiveConsole", "⚠ en retard"),
    "next": QT_TRANSLATE_NOOP("LiveConsole", "▶ prochaine"),
    "later": QT_TRANSLATE_NOOP("LiveConsole", "à venir"),
    "reached": QT_TRANSLATE_NOOP("LiveConsole", "✓ atteint"),
    "milestone": QT_TRANSLATE_NOOP("LiveConsole", "◆ jalon"),
}


def programme_rows(detail: WorkshopDetail, today: date) -> list[tuple[int, str, str]]:
    """(week, mark, text) for the programme timeline: séances and milestones, week by week."""
    current_week = None
    if detail.start_date is not None:
        current_week = (today - detail.start_date).days // 7 + 1
    rows: list[tuple[int, int, str, str]] = []
    next_found = False
    for block in detail.blocks:
        done = bool(block.phases) and all(p.actual_end is not None for p in block.phases)
        past = current_week is not None and (block.week or 0) < current_week
        if done:
            mark = MARKS["done"]
        elif past:
            mark = MARKS["late"]
        elif not next_found:
            mark, next_found = MARKS["next"], True
        else:
            mark = MARKS["later"]
        rows.append(
            (
                block.week or 0,
                0,
                mark,
                f"{detail.block_label} {block.number} — {block.title}",
            )
        )
    for milestone in detail.milestones:
        if milestone.done:
            mark = MARKS["reached"]
        elif current_week is not None and milestone.week < current_week:
            mark = MARKS["late"]
        else:
            mark = MARKS["milestone"]
        rows.append((milestone.week, 1, mark, milestone.title))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [(week, mark, text) for week, _, mark, text in rows]


class LiveConsole(QWidget):
    back_requested = Signal()
    toggle_requested = Signal()
    adjust_requested = Signal(int)  # seconds
    reset_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    end_requested = Signal()
    projector_requested = Signal()
    board_toggled = Signal(bool)  # the board page is shown (True) or the timer page
    block_requested = Signal(int)  # block id: run that séance
    cofac_requested = Signal()  # the co-animation panel (pairing code, laptops, roles)
    report_requested = Signal()  # the compte-rendu, once the séance is over
    review_requested = Signal()  # the retour d'expérience on its methods, once it is over

    def __init__(self, live: LiveClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.detail: WorkshopDetail | None = None

        # -- header
        self.back_button = back = QPushButton(self.tr("← Retour à l'atelier"))
        back.clicked.connect(self.back_requested)
        self.heading = plain_label()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)  # a long title wraps rather than widening the window
        self.drift = plain_label()
        self.drift.setObjectName("drift")
        # a répétition says so: nothing here counts in the bilan
        self.rehearsal_banner = plain_label(self.tr("RÉPÉTITION"))
        self.rehearsal_banner.setStyleSheet(REHEARSAL_STYLE)
        self.rehearsal_banner.setToolTip(
            self.tr("Séance d'entraînement avec des téléphones simulés : elle ne compte pas "
                    "dans le bilan d'activité.")
        )  # fmt: skip
        self.rehearsal_banner.hide()
        # the end-of-séance feedback: how many answered and the average, live
        self.feedback_label = plain_label()
        self.feedback_label.setObjectName("feedbackSummary")
        self.feedback_label.hide()
        self.board_button = QPushButton(self.tr("Tableau (Ctrl+B)"))
        self.board_button.setCheckable(True)
        self.board_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board_button.toggled.connect(self.show_board)
        self.cofac_button = QPushButton(self.tr("Co-animation"))
        self.cofac_button.setToolTip(
            self.tr("Le code et les rôles pour co-animer depuis un deuxième ordinateur")
        )
        self.cofac_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cofac_button.clicked.connect(self.cofac_requested)
        self.projector_button = QPushButton(self.tr("Projection (F5)"))
        self.projector_button.clicked.connect(self.projector_requested)
        self.end_button = QPushButton(self.tr("Terminer la séance"))
        self.end_button.setObjectName("danger")
        self.end_button.clicked.connect(self.end_requested)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.rehearsal_banner)
        header.addWidget(self.heading, 1)
        header.addWidget(self.drift)
        header.addWidget(self.feedback_label)
        header.addWidget(self.board_button)
        header.addWidget(self.cofac_button)
        header.addWidget(self.projector_button)
        header.addWidget(self.end_button)

        # -- left: the séance's agenda, the other séances, the programme
        self.agenda = QListWidget()
        self.agenda.setObjectName("liveAgenda")
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blocks = QComboBox()
        self.run_block = QPushButton(self.tr("Lancer cette séance"))
        self.run_block.clicked.connect(self._run_block)
        block_row = QHBoxLayout()
        block_row.addWidget(self.blocks, 1)
        block_row.addWidget(self.run_block)
        self.block_picker = QWidget()
        self.block_picker.setLayout(block_row)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.block_picker)
        agenda_layout.addWidget(self.agenda, 1)
        self.programme = QListWidget()
        self.programme.setObjectName("programmeTimeline")
        self.programme.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checkin = CheckInPanel()
        self.inbox = NotesInbox()
        self.tabs = QTabWidget()
        self.tabs.addTab(agenda_page, self.tr("Agenda"))
        self.checkin_index = self.tabs.addTab(self.checkin, self.tr("Présents"))
        self.inbox_index = self.tabs.addTab(self.inbox, self.tr("Post-its"))
        self.programme_index = self.tabs.addTab(self.programme, self.tr("Programme"))

        # -- centre: the current phase
        self.position = plain_label()
        self.position.setObjectName("muted")
        self.phase_title = plain_label()
        self.phase_title.setObjectName("livePhaseTitle")
        self.phase_title.setWordWrap(True)
        title_font = QFont(FONT_FAMILY)
        title_font.setPixelSize(30)
        title_font.setBold(True)
        self.phase_title.setFont(title_font)
        self.countdown = plain_label("00:00")
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(FONT_FAMILY)
        big.setPixelSize(120)
        big.setBold(True)
        self.countdown.setFont(big)
        self.countdown.setAutoFillBackground(True)
        self.state = plain_label()
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = plain_label()
        self.next_label.setWordWrap(True)

        self.toggle_button = QPushButton(self.tr("Démarrer (Espace)"))
        self.toggle_button.setObjectName("primary")
        self.toggle_button.clicked.connect(self.toggle_requested)
        self.previous_button = QPushButton(self.tr("◀ Précédente (←)"))
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton(self.tr("Suivante ▶ (→)"))
        self.next_button.clicked.connect(self.next_requested)
        self.minus_button = QPushButton(self.tr("−1 min"))
        self.minus_button.clicked.connect(lambda: self.adjust_requested.emit(-60))
        self.plus_button = QPushButton(self.tr("+1 min"))
        self.plus_button.clicked.connect(lambda: self.adjust_requested.emit(60))
        self.plus5_button = QPushButton(self.tr("+5 min"))
        self.plus5_button.clicked.connect(lambda: self.adjust_requested.emit(300))
        self.reset_button = QPushButton(self.tr("Réinitialiser"))
        self.reset_button.clicked.connect(self.reset_requested)
        # once the séance is over, the one thing left to do here
        self.report_button = QPushButton(self.tr("Faire le compte-rendu…"))
        self.report_button.setObjectName("primary")
        self.report_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.report_button.setMinimumHeight(44)
        self.report_button.clicked.connect(self.report_requested)
        self.report_button.hide()
        self.review_button = QPushButton(self.tr("Retour d'expérience…"))
        self.review_button.setToolTip(
            self.tr("Noter les méthodes de la séance : ce qui a marché, ce qu'il faut changer")
        )
        self.review_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.review_button.clicked.connect(self.review_requested)
        self.review_button.hide()
        for button in (
            self.toggle_button, self.previous_button, self.next_button, self.minus_button,
            self.plus_button, self.plus5_button, self.reset_button,
        ):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the timer
            button.setMinimumHeight(44)
        controls = QGridLayout()
        controls.addWidget(self.previous_button, 0, 0)
        controls.addWidget(self.toggle_button, 0, 1, 1, 2)
        controls.addWidget(self.next_button, 0, 3)
        controls.addWidget(self.minus_button, 1, 0)
        controls.addWidget(self.plus_button, 1, 1)
        controls.addWidget(self.plus5_button, 1, 2)
        controls.addWidget(self.reset_button, 1, 3)
        controls.addWidget(self.report_button, 2, 0, 1, 4)
        controls.addWidget(self.review_button, 3, 0, 1, 4)

        instructions_title = plain_label(self.tr("Consigne aux participants"))
        instructions_title.setObjectName("sectionTitle")
        self.instructions = plain_label()
        self.instructions.setWordWrap(True)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes_title = plain_label(self.tr("Notes d'animation (visibles par vous uniquement)"))
        notes_title.setObjectName("sectionTitle")
        self.notes = plain_label()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        centre = QVBoxLayout()
        centre.addWidget(self.position)
        centre.addWidget(self.phase_title)
        centre.addWidget(self.countdown)
        centre.addWidget(self.state)
        centre.addLayout(controls)
        centre.addWidget(self.next_label)
        self.card = card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(instructions_title)
        card_layout.addWidget(self.instructions)
        card_layout.addWidget(notes_title)
        card_layout.addWidget(self.notes)
        centre.addWidget(card)
        centre.addStretch(1)

        timer_page = QWidget()
        body = QHBoxLayout(timer_page)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.tabs, 2)
        body.addLayout(centre, 3)

        # -- the board page: the board, with the phase and the countdown in one line above it
        self.board_page = QWidget()
        self.mini_title = plain_label()
        self.mini_title.setObjectName("sectionTitle")
        self.mini_countdown = plain_label("")
        mini_font = QFont(FONT_FAMILY)
        mini_font.setPixelSize(34)
        mini_font.setBold(True)
        self.mini_countdown.setFont(mini_font)
        self.mini_state = plain_label()
        self.mini_state.setObjectName("muted")
        strip = QHBoxLayout()
        strip.addWidget(self.mini_title, 1)
        strip.addWidget(self.mini_state)
        strip.addWidget(self.mini_countdown)
        self.board_layout = QVBoxLayout(self.board_page)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.addLayout(strip)
        self.pages = QStackedWidget()
        self.pages.addWidget(timer_page)
        self.pages.addWidget(self.board_page)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)

        live.changed.connect(self.show_display)

    def set_board(self, board: QWidget) -> None:
        """The board panel, built by the runner (it needs the controller)."""
        self.board_layout.addWidget(board, 1)

    def show_board(self, shown: bool) -> None:
        self.pages.setCurrentIndex(1 if shown else 0)
        if self.board_button.isChecked() != shown:
            self.board_button.setChecked(shown)
            return  # toggled() calls back with the same value
        self.board_button.setText(
            self.tr("Minuteur (Ctrl+B)") if shown else self.tr("Tableau (Ctrl+B)")
        )
        self.board_toggled.emit(shown)

    # -- data --------------------------------------------------------------------------------
    @property
    def session(self) -> LiveSession | None:
        return self.live.session

    def set_detail(self, detail: WorkshopDetail, today: date | None = None) -> None:
        """The workshop around the séance: its other séances and, for 3 mois, the programme."""
        self.detail = detail
        self.rehearsal_banner.setVisible(detail.rehearsal_of is not None)
        self.blocks.blockSignals(True)
        self.blocks.clear()
        for block in detail.blocks:
            self.blocks.addItem(f"{detail.block_label} {block.number} — {block.title}", block.id)
        self.blocks.blockSignals(False)
        self.block_picker.setVisible(len(detail.blocks) > 1)
        is_programme = bool(detail.milestones) or any(b.week for b in detail.blocks)
        self.tabs.setTabVisible(self.programme_index, is_programme)
        self.programme.clear()
        for week, mark, text in programme_rows(detail, today or date.today()):
            item = QListWidgetItem(
                self.tr("Semaine {week} · {mark} · {text}").format(
                    week=week, mark=self.tr(mark), text=text
                )
            )
            if mark.startswith("⚠"):
                item.setForeground(QColor("#b3261e"))
            elif mark.startswith("▶"):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.programme.addItem(item)
        # the chantiers the programme follows (promoted from a vote): after the timeline
        for project in detail.projects:
            status = project_status(project.status)
            item = QListWidgetItem(
                self.tr("Chantier · {status} · {title}").format(
                    status=status, title=one_line(project.title)
                )
            )  # item views draw text as text
            item.setData(Qt.ItemDataRole.UserRole, f"project:{project.id}")
            item.setForeground(QColor("#0b6e69"))
            item.setToolTip(plain_tooltip(f"{project.title}\n{project.description}".strip()))
            self.programme.addItem(item)
        self._select_block()

    def set_people(self, attendees: list[Any], notes: list[Any]) -> None:
        """Who checked in, and the post-its received: refreshed as phones write."""
        self.checkin.set_attendees(attendees)
        self.inbox.set_notes(notes)
        self.tabs.setTabText(self.checkin_index, self.tr("Présents ({n})").format(n=len(attendees)))
        self.tabs.setTabText(self.inbox_index, self.tr("Post-its ({n})").format(n=len(notes)))

    def set_feedback(self, summary: FeedbackSummary, asking: bool) -> None:
        """The answers to the feedback form: shown once phones are asked, or answers exist."""
        self.feedback_label.setVisible(asking or summary.answers > 0)
        if summary.average is None:
            text = self.tr("Retours : aucune réponse pour l'instant")
        else:
            text = self.tr("Retours : {n} · moyenne {average} / 5").format(
                n=summary.answers, average=number_text(summary.average, 1)
            )
        self.feedback_label.setText(text)
        self.feedback_label.setToolTip(
            self.tr("Notes de 1 à 5 : {counts}").format(
                counts=" · ".join(f"{i}★ {n}" for i, n in enumerate(summary.distribution, 1))
            )
        )

    def set_session(self, session: LiveSession | None) -> None:
        self.agenda.clear()
        if session is None:
            return
        self.heading.setText(breakable(session.heading))
        over = session.timer.state == TimerState.ENDED
        index = None if over else session.index  # once over, no sequence is the current one
        for i, phase in enumerate(session.phases):
            if phase.done:
                actual = round((phase.actual_seconds or 0) / 60)
                mark = "✓"
                detail = self.tr("{actual} min (prévu {planned})").format(
                    actual=actual, planned=minutes_text(phase.planned_minutes)
                )
            elif over:  # the séance ended before it
                mark = "✕"
                detail = self.tr("non réalisée (prévu {planned})").format(
                    planned=minutes_text(phase.planned_minutes)
                )
            else:
                mark = "▶" if i == index else "  "
                detail = minutes_text(phase.planned_minutes)
            item = QListWidgetItem(f"{mark} {phase.title} — {detail}")
            if i == index:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QColor("#d7efec"))
            elif phase.done:
                item.setForeground(QColor(MUTED))
            self.agenda.addItem(item)
        if index is not None:
            self.agenda.setCurrentRow(index)
            self.agenda.scrollToItem(self.agenda.item(index))
        current = session.current
        total = len(session.phases)
        self.position.setText(
            self.tr("Séquence {n} sur {total}").format(n=(index or 0) + 1, total=total)
            if current
            else ""
        )
        self.phase_title.setText(
            breakable(current.title) if current else self.tr("Séance terminée")
        )
        self.instructions.setText(
            (current.instructions if current else "")
            or self.tr("Pas de consigne pour cette séquence.")
        )
        self.notes.setText((current.notes if current else "") or self.tr("Aucune note."))
        upcoming = session.next
        self.next_label.setText(
            self.tr("À suivre : {title} ({minutes})").format(
                title=upcoming.title, minutes=minutes_text(upcoming.planned_minutes)
            )
            if upcoming
            else self.tr("C'est la dernière séquence de la séance.")
        )
        running = session.timer.state == TimerState.RUNNING
        ended = session.timer.state == TimerState.ENDED
        self.toggle_button.setText(self.tr("Pause (Espace)") if running else self._start_text())
        for button in (
            self.toggle_button, self.previous_button, self.next_button, self.minus_button,
            self.plus_button, self.plus5_button, self.reset_button, self.end_button,
        ):  # fmt: skip
            button.setEnabled(not ended)
            button.setVisible(not ended)
        self.previous_button.setEnabled(not ended and bool(index))
        self.report_button.setVisible(ended)
        self.review_button.setVisible(ended)
        self.countdown.setVisible(not ended)
        self.card.setVisible(not ended)
        if ended:
            self._show_ended(session)
        self._select_block()

    def _show_ended(self, session: LiveSession) -> None:
        """The séance is over: say so, how long it really took, and how far it went."""
        total = len(session.phases)
        self.phase_title.setText(self.tr("Séance terminée"))
        stopped = session.stopped_after
        self.position.setText(
            self.tr("Séance arrêtée après la séquence {n} sur {total}").format(
                n=stopped, total=total
            )
            if stopped is not None
            else self.tr("Les {total} séquences ont eu lieu").format(total=total)
            if total > 1
            else ""
        )
        self.state.setText(self._duration_text(session))
        self.next_label.setText("")

    def _duration_text(self, session: LiveSession) -> str:
        return self.tr("Durée réelle : {real} (prévu : {planned})").format(
            real=minutes_text(round(session.held_seconds / 60)),
            planned=minutes_text(session.planned_total),
        )

    def _start_text(self) -> str:
        session = self.session
        if session and session.timer.state == TimerState.PAUSED:
            return self.tr("Reprendre (Espace)")
        return self.tr("Démarrer (Espace)")

    def _select_block(self) -> None:
        session = self.session
        if session is None:
            return
        index = self.blocks.findData(session.block_id)
        if index >= 0:
            self.blocks.setCurrentIndex(index)

    def _run_block(self) -> None:
        block_id = self.blocks.currentData()
        if block_id is not None:
            self.block_requested.emit(int(block_id))

    # -- the countdown -----------------------------------------------------------------------
    def show_display(self, shown: Display) -> None:
        background, ink, _ = PALETTE[shown.stage]
        restyle(
            self.countdown,
            f"QLabel#countdown {{ background: {background}; color: {ink}; border-radius: 12px; }}",
        )
        self.countdown.setProperty("stage", shown.stage.value)
        self.countdown.setText(shown.text if shown.stage != Stage.ENDED else "")
        state = self.tr(STATE_LABELS[shown.stage])
        session = self.session
        if shown.stage == Stage.BREAK and session is not None:
            state = self.tr("Pause — reprise à {time}").format(
                time=wall_clock(session.resume_at(self.live.clock()))
            )
        ended = session is not None and session.timer.state == TimerState.ENDED
        # over: the title says it, the real duration goes under it
        self.state.setText(self._duration_text(session) if session and ended else state)
        self.mini_countdown.setText(self.countdown.text())
        restyle(
            self.mini_countdown,
            f"background: {background}; color: {ink}; border-radius: 8px; padding: 0 12px;",
        )
        self.mini_state.setText(state)
        if session is not None and session.current is not None:
            self.mini_title.setText(breakable(session.current.title))
        if session is not None:
            self.show_drift(session.drift(self.live.clock()), shown.stage == Stage.ENDED)

    def show_drift(self, seconds: float, ended: bool) -> None:
        """Ahead or behind the programme, in words, coloured as it reads: late is a warning."""
        minutes = drift_minutes(seconds)
        if ended:
            text, colour = "", INK
        elif minutes > 0:
            text, colour = self.tr("{n} min de retard").format(n=minutes), DANGER
        elif minutes < 0:
            text, colour = self.tr("{n} min d’avance").format(n=-minutes), PRIMARY
        else:
            text, colour = self.tr("À l’heure"), OK
        self.drift.setText(text)
        self.drift.setVisible(bool(text))
        self.drift.setProperty("late", minutes > 0)
        restyle(self.drift, f"color: {colour}; font-weight: bold;")
