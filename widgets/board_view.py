"""The board's view: zoom (wheel, pinch, Ctrl+0 fits all), pan (space+drag, middle button),
rubber-band selection, keyboard moves, in-place editing, and a minimap when zoomed in.

The projector's `MirrorView` is in `widgets.mirror_view` (re-exported here)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsView,
    QPinchGesture,
    QPlainTextEdit,
    QWidget,
)

from app.domain.board import MAX_TEXT, NOTE_H, NOTE_W, colour
from widgets.board_scene import BoardScene, ClusterItem, NoteItem
from widgets.mirror_view import MirrorView
from widgets.theme import FONT_FAMILY

MIN_ZOOM, MAX_ZOOM = 0.05, 3.0
STEP, BIG_STEP = 10.0, 50.0


class NoteEditor(QPlainTextEdit):
    """Edits a post-it in place: Enter saves, Shift+Enter starts a new line, Esc cancels."""

    committed = Signal(int, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.note_id = 0
        self.setObjectName("noteEditor")
        self.hide()

    def start(self, note_id: int, text: str, fill: str, rect: QRectF, zoom: float) -> None:
        self.note_id = note_id
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(14, int(17 * zoom)))
        self.setFont(font)
        self.setStyleSheet(
            f"QPlainTextEdit#noteEditor {{ background: {fill}; color: #111111; border: 3px solid #0b6e69; }}"
        )
        self.setPlainText(text)
        self.setGeometry(rect.toAlignedRect())
        self.show()
        self.setFocus()
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(save=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(save=False)
            return
        if len(self.toPlainText()) >= MAX_TEXT and event.text() and event.text().isprintable():
            return  # the limit is shown by not typing further; the core refuses more anyway
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible():
            self.finish(save=True)

    def finish(self, *, save: bool) -> None:
        if not self.isVisible():
            return
        self.hide()
        text = self.toPlainText()
        if save:
            self.committed.emit(self.note_id, text)
        viewport = self.parentWidget()
        view = viewport.parentWidget() if viewport is not None else None
        if view is not None:
            view.setFocus()  # back to the board


class Minimap(QWidget):
    """The whole board in a corner, with the visible part outlined; a click goes there."""

    jump = Signal(QPointF)

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self.view = view
        self.setFixedSize(220, 150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Vue d'ensemble : cliquez pour vous y rendre"))

    def _mapping(self) -> tuple[QRectF, float]:
        content = self.view.board.content_rect()
        scale = min(
            self.width() / max(content.width(), 1), self.height() / max(content.height(), 1)
        )
        return content, scale

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255, 235))
        painter.setPen(QPen(QColor("#8a93a3"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        content, scale = self._mapping()
        painter.setPen(Qt.PenStyle.NoPen)
        for note in self.view.board.notes.values():
            if not note.isVisible():
                continue
            painter.setBrush(QColor(colour(note.card.colour).fill))
            x = (note.pos().x() - content.x()) * scale
            y = (note.pos().y() - content.y()) * scale
            painter.drawRect(QRectF(x, y, max(2.0, NOTE_W * scale), max(2.0, NOTE_H * scale)))
        visible = self.view.visible_rect()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#0b6e69"), 2))
        painter.drawRect(
            QRectF(
                (visible.x() - content.x()) * scale,
                (visible.y() - content.y()) * scale,
                visible.width() * scale,
                visible.height() * scale,
            )
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        content, scale = self._mapping()
        point = event.position()
        self.jump.emit(QPointF(content.x() + point.x() / scale, content.y() + point.y() / scale))


class BoardView(QGraphicsView):
    """Interactive view of a BoardScene. Emits keyboard intents; the scene emits mouse ones."""

    moved_by_keys = Signal(list, list)  # [(note id, x, y)], [(group id, x, y)] on key release
    space_tapped = Signal()  # Space pressed and released without panning: the timer's key
    zoom_changed = Signal(float)
    region_changed = Signal(QRectF)  # what the view shows, after zooming or scrolling settles

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("boardView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.editor = NoteEditor(self.viewport())
        self.minimap = Minimap(self)
        self.minimap.jump.connect(self.centerOn)
        self.minimap.hide()
        self._space_down = False
        self._panned = False
        self._pan_from: QPoint | None = None
        self._key_start: dict[int, QPointF] = {}
        self._cluster_key_start: dict[int, QPointF] = {}
        self._cluster_key_offset: dict[int, QPointF] = {}
        self._minimap_timer = QTimer(self)
        self._minimap_timer.setSingleShot(True)
        self._minimap_timer.setInterval(50)
        self._minimap_timer.timeout.connect(self._update_minimap)

    # -- zoom ----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) < 1e-6:
            return
        if anchor is not None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            before = self.mapToScene(anchor.toPoint())
            self.scale(factor / current, factor / current)
            after = self.mapToScene(anchor.toPoint())
            shift = after - before
            self.translate(shift.x(), shift.y())
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        else:
            self.scale(factor / current, factor / current)
        self.zoom_changed.emit(self.zoom())
        self._minimap_timer.start()

    def fit_all(self) -> None:
        rect = self.board.content_rect()
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())
        self._minimap_timer.start()

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # Shift+wheel scrolls
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15**steps), event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture = event  # a trackpad pinch
            assert isinstance(gesture, QNativeGestureEvent)
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.set_zoom(self.zoom() * (1.0 + gesture.value()), gesture.position())
                return True
        if event.type() == QEvent.Type.Gesture:
            assert isinstance(event, QGestureEvent)
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):  # a touch screen pinch
                self.set_zoom(self.zoom() * pinch.scaleFactor(), pinch.centerPoint())
                return True
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._minimap_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.minimap.move(
            self.width() - self.minimap.width() - 24, self.height() - self.minimap.height() - 24
        )
        self._minimap_timer.start()

    def _update_minimap(self) -> None:
        """Shown only when part of the board is out of sight; the projector follows the view."""
        self.region_changed.emit(self.visible_rect())
        needed = not self.visible_rect().contains(
            self.board.content_rect().adjusted(30, 30, -30, -30)
        )
        self.minimap.setVisible(needed and bool(self.board.notes))
        if needed:
            self.minimap.update()

    def stop_timers(self) -> None:
        self._minimap_timer.stop()

    def refresh_minimap(self) -> None:
        self._minimap_timer.start()

    # -- panning: space+drag or the middle button ----------------------------------------
    def event(self, event: QEvent) -> bool:
        # the board keeps Space and the arrows when it has focus (the window binds them to the
        # timer otherwise); Space alone, without a drag, is handed back as `space_tapped`
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            keys = (
                Qt.Key.Key_Space,
                Qt.Key.Key_Left,
                Qt.Key.Key_Right,
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            )
            if event.key() == Qt.Key.Key_Space and not self.editor.isVisible():
                event.accept()
                return True
            if event.key() in keys[1:] and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):  # the board keeps the arrows while it has the focus (Ctrl+B: back to the timer)
                event.accept()
                return True
            if event.key() == Qt.Key.Key_Tab:
                event.accept()
                return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.step_focus(forward=next):
            return True
        return super().focusNextPrevChild(next)  # past the last post-it, Tab leaves the board

    def step_focus(self, *, forward: bool) -> bool:
        """Tab / Shift+Tab: the next post-it in reading order gets the focus and the selection;
        False past the last one (or before the first), so the keyboard is never trapped."""
        ordered = self.board.ordered_notes()
        if not ordered:
            return False
        current = self.board.focusItem()
        index = (
            ordered.index(current) if isinstance(current, NoteItem) and current in ordered else -1
        )
        if index < 0:
            index = -1 if forward else len(ordered)
        following = index + (1 if forward else -1)
        if not 0 <= following < len(ordered):
            self.board.clearSelection()
            return False
        target = ordered[following]
        self.board.clearSelection()
        target.setSelected(True)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self.ensureVisible(target.sceneBoundingRect(), 60, 60)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space_down, self._panned = True, False
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
                self.setInteractive(False)  # a drag on a post-it pans, it does not move it
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows:
            dx, dy = arrows[Qt.Key(key)]
            step = BIG_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
            groups = [i for i in self.board.selectedItems() if isinstance(i, ClusterItem)]
            ids = set(self.board.selected_notes())
            ids.update(n for g in groups for n in g.card.note_ids if n in self.board.notes)
            if not ids and not groups:  # nothing selected: the arrows scroll the board
                bar = self.horizontalScrollBar() if dx else self.verticalScrollBar()
                bar.setValue(bar.value() + (dx or dy) * 60)
                return
            shift = QPointF(dx * step, dy * step)
            for note_id in ids:
                item = self.board.notes[note_id]
                self._key_start.setdefault(note_id, item.pos())
                item.setPos(item.pos() + shift)
            for group in groups:
                start = self._cluster_key_start.setdefault(
                    group.cluster_id, QPointF(group.card.x, group.card.y)
                )
                self._cluster_key_offset[group.cluster_id] = (
                    self._cluster_key_offset.get(group.cluster_id, QPointF()) + shift
                )
                if group.card.collapsed:
                    group.prepareGeometryChange()
                    group.frame.moveTopLeft(start + self._cluster_key_offset[group.cluster_id])
                    group.update()
            touched = {self.board.notes[i].card.cluster_id for i in ids}
            for cluster_id in touched:
                cluster = self.board.clusters.get(cluster_id or -1)
                if cluster is not None and not cluster.card.collapsed:
                    cluster.relayout()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.board.focusItem()
            target = focus if isinstance(focus, NoteItem) else None
            if target is None and len(self.board.selected_notes()) == 1:
                target = self.board.notes.get(self.board.selected_notes()[0])
            if target is not None:
                self.board.edit_requested.emit(target.note_id)
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            return
        if event.key() == Qt.Key.Key_Space and self._space_down:
            self._end_space()
            if not self._panned:
                self.space_tapped.emit()
            return
        if (self._key_start or self._cluster_key_start) and event.key() in (
            Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
        ):  # fmt: skip
            moves = [
                (i, self.board.notes[i].pos().x(), self.board.notes[i].pos().y())
                for i in self._key_start
                if i in self.board.notes
            ]
            groups = [
                (cid, (start + self._cluster_key_offset[cid]).x(),
                 (start + self._cluster_key_offset[cid]).y())
                for cid, start in self._cluster_key_start.items()
            ]  # fmt: skip
            self._key_start, self._cluster_key_start, self._cluster_key_offset = {}, {}, {}
            self.moved_by_keys.emit(moves, groups)
            return
        super().keyReleaseEvent(event)

    def _end_space(self) -> None:
        self._space_down = False
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setInteractive(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._space_down:  # Space released elsewhere: do not stay in pan mode
            self._end_space()
            self._panned = True
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._space_down:
            self._panned = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- editing in place ------------------------------------------------------------------
    def edit(self, note_id: int) -> None:
        item = self.board.notes.get(note_id)
        if item is None or item.card.hidden:
            return
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        top_left = self.mapFromScene(item.pos())
        zoom = max(self.zoom(), 0.6)
        rect = QRectF(
            top_left.x(),
            top_left.y(),
            max(NOTE_W * self.zoom(), 220),
            max(NOTE_H * self.zoom(), 140),
        )
        del zoom
        self.editor.start(
            note_id, item.card.text, colour(item.card.colour).fill, rect, max(self.zoom(), 0.8)
        )


__all__ = ["NOTE_H", "BoardView", "Minimap", "MirrorView", "NoteEditor"]
