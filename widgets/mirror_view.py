"""The projector's copy of the board (`MirrorView`): the console's scene, shown readable.

Moved out of `widgets.board_view` (which re-exports it).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from app.domain.board import NOTE_H, NOTE_W, in_inbox
from widgets.board_scene import LARGE_SIZES, SIZES, BoardScene, ClusterItem, NoteItem

READING_HEIGHT = 1080.0  # the minimum text size is given for a screen this tall
MAX_MIRROR_ZOOM = 2.0  # one small group is shown large, not gigantic


class MirrorView(QGraphicsView):
    """The projector's copy of the board: same scene, no interaction, no selection marks.

    It never shows a post-it's text smaller than `min_text_px` (pixels of a 1080p screen,
    scaled with the projector's height). What the console shows is mirrored when it is
    readable; otherwise the projector follows the facilitator's focus: the selection (a group),
    else the "Arrivées" lane when the console shows it, else the middle of what the console
    shows. When the console's "Tout voir" asked for the whole board and it is not readable,
    `overview_wanted` turns True: the mirror shows the groups as cards instead.
    """

    overview_wanted = Signal(bool)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.viewport().setProperty("mirror", True)
        self.setInteractive(False)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.region: QRectF | None = None  # what the console shows; None: the whole board
        self.min_text_px = 24.0
        self.overview = False  # the console's "Tout voir" was pressed, and it still shows all
        self.showing_overview = False
        self.focus = ""  # what is shown: "console", "selection", "arrivals", "middle", "overview"
        scene.selectionChanged.connect(self._selection_changed)

    # -- what to show ------------------------------------------------------------------------
    def set_min_text(self, pixels: float) -> None:
        self.min_text_px = float(pixels)
        self._fit()

    def floor_px(self) -> float:
        """The smallest text size allowed on this screen, in its pixels."""
        height = self.window().height() if self.window() is not None else self.height()
        return self.min_text_px * max(height, 1) / READING_HEIGHT

    def follow(self, region: QRectF | None) -> None:
        self.region = region
        if self.overview and not self._shows_all(region):
            self.overview = False  # the console zoomed or scrolled: follow it again
        self._fit()

    def show_all(self) -> None:
        """The console's "Tout voir": the whole board, or the groups as cards if unreadable."""
        self.overview = True
        self._fit()

    def refit(self) -> None:
        self._fit()

    def _selection_changed(self) -> None:
        if self.board.selectedItems():
            self.overview = False
        self._fit()

    def _shows_all(self, region: QRectF | None) -> bool:
        if region is None:
            return True
        content = self.board.content_rect().adjusted(60, 60, -60, -60)
        return region.contains(content)

    def _fit_scale(self, rect: QRectF) -> float:
        area = self.viewport().rect()
        return min(area.width() / max(rect.width(), 1.0), area.height() / max(rect.height(), 1.0))

    def smallest_text(self, rect: QRectF) -> int:
        """The smallest post-it text size (font pixels) among the post-its in `rect`."""
        sizes = [
            item.fitted.size
            for item in self.board.items(rect)
            if isinstance(item, NoteItem)
            and item.isVisible()
            and not item.card.hidden
            and item.fitted is not None
        ]
        return min(sizes, default=SIZES[0])

    def readable(self, rect: QRectF) -> bool:
        scale = self._fit_scale(rect)
        floor = self.floor_px()
        if scale * LARGE_SIZES[0] < floor:  # even the largest text would be too small
            return False
        return scale * self.smallest_text(rect) >= floor

    def selection_rect(self) -> QRectF | None:
        rect = QRectF()
        for item in self.board.selectedItems():
            if isinstance(item, ClusterItem):
                rect = rect.united(item.frame)
            elif isinstance(item, NoteItem) and item.isVisible():
                rect = rect.united(QRectF(item.pos(), QSizeF(NOTE_W, NOTE_H)))
        return rect.adjusted(-20, -20, 20, 20) if not rect.isNull() else None

    def arrivals_rect(self) -> QRectF | None:
        rect = QRectF()
        for item in self.board.notes.values():
            if item.card.cluster_id is None and in_inbox(item.card.x) and item.isVisible():
                rect = rect.united(QRectF(item.pos(), QSizeF(NOTE_W, NOTE_H)))
        return rect.adjusted(-20, -90, 20, 20) if not rect.isNull() else None

    def _fit(self) -> None:
        region = self.region if self.region is not None else self.board.content_rect()
        self.viewport().setProperty("min_text_px", self.floor_px())
        overview = False
        if self.readable(region):
            self._show(region, self._fit_scale(region), anchor_top_left=False)
            self.focus = "console"
        elif (selected := self.selection_rect()) is not None:
            self._focus_on(selected)
            self.focus = "selection"
        elif self.overview:
            overview = True
            self.focus = "overview"
        elif (lane := self.arrivals_rect()) is not None and lane.intersects(region):
            self._focus_on(lane)
            self.focus = "arrivals"
        else:
            self._focus_on(region, anchor_top_left=False)
            self.focus = "middle"
        if overview != self.showing_overview:
            self.showing_overview = overview
            self.overview_wanted.emit(overview)

    def _focus_on(self, target: QRectF, *, anchor_top_left: bool = True) -> None:
        """`target` as large as fits, never under the readable size: the smallest text of what
        the screen then shows decides the scale (a larger scale shows a part of it)."""
        floor = self.floor_px()
        best = floor / LARGE_SIZES[0]  # the largest text possible: the smallest scale thinkable
        scale = max(min(self._fit_scale(target), MAX_MIRROR_ZOOM), best)
        shown = self._shown_rect(target, scale, anchor_top_left)
        scale = max(scale, floor / self.smallest_text(shown))
        self._show(target, scale, anchor_top_left=anchor_top_left)

    def _shown_rect(self, target: QRectF, scale: float, anchor_top_left: bool) -> QRectF:
        area = self.viewport().rect()
        size = QSizeF(area.width() / scale, area.height() / scale)
        if anchor_top_left and (size.width() < target.width() or size.height() < target.height()):
            return QRectF(target.topLeft(), size)
        shown = QRectF(QPointF(), size)
        shown.moveCenter(target.center())
        return shown

    def _show(self, target: QRectF, scale: float, *, anchor_top_left: bool) -> None:
        shown = self._shown_rect(target, scale, anchor_top_left)
        self.setSceneRect(target.united(shown).adjusted(-4000, -4000, 4000, 4000))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(shown.center())

    def text_px(self) -> float:
        """The smallest post-it text on the screen now, in screen pixels (tests, checks)."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        return self.smallest_text(shown) * self.transform().m11()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
