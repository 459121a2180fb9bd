"""The workshop editor: cadrage, agenda with the method library, the programme (3 mois), and
the tabs the window adds (board, actions, chantiers, photos)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Status, WorkshopDetail
from app.library import Method
from app.reports.text import one_line
from widgets.agenda_editor import AgendaEditor
from widgets.cadrage_form import CadrageForm
from widgets.core_text import (
    PROJECT_STATUSES,
    date_text,
    format_name,
    minutes_text,
    project_status,
    status_label,
)
from widgets.method_library import MethodLibrary
from widgets.text import breakable, plain_label, plain_tooltip

if TYPE_CHECKING:
    from widgets.actions_panel import ActionsPanel
    from widgets.chantiers_panel import ChantiersPanel
    from widgets.ideas_panel import IdeasPanel


class ProgrammeView(QWidget):
    """The sessions and milestones of a programme, week by week."""

    session_requested = Signal(int)  # block index
    project_status_requested = Signal(int, str)  # chantier id, new status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Calendrier du programme"))
        title.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(self._open)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._project_menu)
        hint = plain_label(self.tr("Double-cliquez sur une séance pour modifier son agenda."))
        hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)

    def set_detail(self, detail: WorkshopDetail) -> None:
        self.list.clear()
        rows: list[tuple[int, int, str, int | None]] = []
        for index, block in enumerate(detail.blocks):
            rows.append(
                (
                    block.week or 0,
                    0,
                    self.tr("Semaine {week} · {label} {number} — {title} ({minutes})").format(
                        week=block.week or "?",
                        label=detail.block_label,
                        number=block.number,
                        title=block.title,
                        minutes=minutes_text(block.planned_minutes),
                    ),
                    index,
                )
            )
        for m in detail.milestones:
            mark = "✓" if m.done else "◆"
            text = self.tr("Semaine {week} · {mark} Jalon — {title}").format(
                week=m.week, mark=mark, title=m.title
            )
            rows.append((m.week, 1, text, None))
        for _week, _order, text, block_index in sorted(rows, key=lambda r: (r[0], r[1])):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, block_index)
            if block_index is None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        for project in detail.projects:  # the chantiers it follows, after the calendar
            status = project_status(project.status)
            item = QListWidgetItem(
                self.tr("Chantier · {status} · {title}").format(
                    status=status, title=one_line(project.title)
                )
            )
            item.setToolTip(
                plain_tooltip(
                    f"{project.title}\n{project.description}".strip()
                    + "\n\n"
                    + self.tr("Clic droit : changer son statut")
                )
            )
            item.setData(Qt.ItemDataRole.UserRole + 1, project.id)
            item.setData(Qt.ItemDataRole.UserRole + 2, project.status)
            self.list.addItem(item)

    def status_menu(self, item: QListWidgetItem) -> QMenu | None:
        """The statuses a chantier can move to (None for a séance or a milestone)."""
        project_id = item.data(Qt.ItemDataRole.UserRole + 1)
        if project_id is None:
            return None
        menu = QMenu(self)
        current = item.data(Qt.ItemDataRole.UserRole + 2)
        for key in PROJECT_STATUSES:
            label = project_status(key)
            action = menu.addAction(self.tr("Statut : {status}").format(status=label))
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(
                lambda _checked=False, k=key: self.project_status_requested.emit(project_id, k)
            )
        return menu

    def _project_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        menu = self.status_menu(item) if item is not None else None
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(point))
            menu.deleteLater()

    def _open(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None:
            self.session_requested.emit(index)


class WorkshopEditor(QWidget):
    back_requested = Signal()
    rename_requested = Signal(int)
    save_format_requested = Signal(int)
    start_requested = Signal(int)  # workshop id: open the séance's console

    def __init__(self, methods: list[Method], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workshop_id: int | None = None
        self.ideas_panel: IdeasPanel | None = None  # set by the window (`set_outcomes`)
        self.actions_panel: ActionsPanel | None = None  # set by the window (`set_outcomes`)
        self.chantiers_panel: ChantiersPanel | None = None

        self.back = QPushButton(self.tr("← Ateliers"))
        self.back.setToolTip(self.tr("Revenir à la liste des ateliers (Alt+←)"))
        self.back.setShortcut("Alt+Left")
        self.back.clicked.connect(self._leave)
        self.title = plain_label()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # a long title takes two lines, not the whole width
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.subtitle = plain_label()
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        self.saved = plain_label(self.tr("Enregistré ✓"))
        self.saved.setObjectName("muted")
        self.rename = QPushButton(self.tr("Renommer"))
        self.rename.clicked.connect(lambda: self.rename_requested.emit(self.workshop_id))
        self.save_format = QPushButton(self.tr("Enregistrer comme format…"))
        self.save_format.setToolTip(self.tr("Réutiliser cet agenda pour de prochains ateliers"))
        self.save_format.clicked.connect(lambda: self.save_format_requested.emit(self.workshop_id))

        self.start = QPushButton(self.tr("Démarrer la séance ▶"))
        self.start.setObjectName("primary")
        self.start.setToolTip(
            self.tr("Ouvrir la console d'animation et la projection (Ctrl+Maj+D)")
        )
        self.start.clicked.connect(self._start)

        self.cadrage = CadrageForm()
        self.cadrage.dirty_changed.connect(self._dirty_changed)
        self.agenda = AgendaEditor(methods)
        self.library = MethodLibrary(methods)
        self.library.add_requested.connect(self.agenda.add_method)
        agenda_page = QSplitter(Qt.Orientation.Horizontal)
        agenda_page.addWidget(self.agenda)
        agenda_page.addWidget(self.library)
        agenda_page.setStretchFactor(0, 3)
        agenda_page.setStretchFactor(1, 1)
        agenda_page.setSizes([1100, 420])
        self.programme = ProgrammeView()
        self.programme.session_requested.connect(self._open_session)
        self.project_status_requested = self.programme.project_status_requested

        self.tabs = QTabWidget()
        self.tabs.addTab(self.cadrage, self.tr("Cadrage"))
        self.tabs.addTab(agenda_page, self.tr("Agenda"))
        self.tabs.addTab(self.programme, self.tr("Programme"))
        self.tabs.currentChanged.connect(lambda _i: self.flush())

        header = QHBoxLayout()
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addSpacing(12)
        header.addLayout(titles, 1)
        header.addWidget(self.saved, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.rename, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.save_format, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.start, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def set_board(self, board: QWidget) -> None:
        """The workshop's post-it board, outside the séance too (to tidy it before the report)."""
        self.board_index = self.tabs.addTab(board, self.tr("Tableau"))

    def set_outcomes(
        self, ideas: IdeasPanel, actions: ActionsPanel, chantiers: ChantiersPanel
    ) -> None:
        """What the workshop leads to, in every format: what became of each idea, its action
        plan and its chantiers."""
        self.ideas_panel, self.actions_panel, self.chantiers_panel = ideas, actions, chantiers
        self.ideas_index = self.tabs.addTab(ideas, self.tr("Idées"))
        self.actions_index = self.tabs.addTab(actions, self.tr("Actions"))
        self.chantiers_index = self.tabs.addTab(chantiers, self.tr("Chantiers"))

    def set_photos(self, photos: QWidget) -> None:
        """The photos for the compte-rendu's annexe (paper boards, the room)."""
        self.photos_index = self.tabs.addTab(photos, self.tr("Photos"))

    def _start(self) -> None:
        if self.workshop_id is not None:
            self.flush()
            self.start_requested.emit(self.workshop_id)

    def set_detail(self, detail: WorkshopDetail) -> None:
        self.start.setText(
            self.tr("Reprendre la séance ▶")
            if detail.status == Status.LIVE
            else self.tr("Démarrer la séance ▶")
        )
        if detail.id != self.workshop_id:
            self.flush()
            self.workshop_id = detail.id
        self.title.setText(breakable(detail.title))
        self.title.setToolTip(plain_tooltip(detail.title))
        bits = [format_name(detail.format_key, detail.format_name), status_label(detail.status)]
        if detail.start_date:
            bits.append(date_text(detail.start_date))
        if detail.place:
            bits.append(detail.place)
        self.subtitle.setText(" · ".join(bits))
        self.cadrage.set_values(detail.cadrage, detail.place, detail.start_date)
        self.agenda.set_detail(detail)
        is_programme = bool(detail.milestones) or any(b.week for b in detail.blocks)
        self.tabs.setTabVisible(2, is_programme)
        if is_programme:
            self.programme.set_detail(detail)
        if self.actions_panel is not None and self.chantiers_panel is not None:
            self.actions_panel.set_detail(detail)
            self.chantiers_panel.set_detail(detail)
        if self.ideas_panel is not None:
            self.ideas_panel.set_detail(detail)

    def _open_session(self, index: int) -> None:
        self.tabs.setCurrentIndex(1)
        self.agenda.select_block(index)

    def _dirty_changed(self, dirty: bool) -> None:
        self.saved.setText(self.tr("Enregistrement…") if dirty else self.tr("Enregistré ✓"))

    def flush(self) -> None:
        """Save whatever is still pending in the forms."""
        self.cadrage.flush()
        self.agenda.flush()

    def _leave(self) -> None:
        self.flush()
        self.back_requested.emit()
