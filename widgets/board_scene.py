"""The post-it board as a QGraphicsScene that renders `BoardData` and never owns the truth.

Items are drawn by hand (no QGraphicsTextItem: participants' text must never be read as rich
text, and 2,000 text items would be slow). A gesture ends in one *intent* signal — a drag
becomes one `moved` on release — and the scene shows what the core answers with the next
`set_data`.

The post-its and zones (`NoteItem`, `ZoneItem`) and the text fitting are in `widgets.board_items`
(re-exported here); the groups (`ClusterItem`) stay with the scene they move.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.domain.board import (
    GAP,
    INBOX_W,
    INBOX_X,
    NOTE_H,
    NOTE_W,
    BoardData,
    ClusterCard,
    NoteCard,
    Zone,
    colour,
    in_inbox,
)
from widgets.board_items import FOCUS, HEADER, LARGE_SIZES, SIZES, NoteItem, ZoneItem, fit_text
from widgets.core_text import arrivals_title
from widgets.theme import FONT_FAMILY

__all__ = ["LARGE_SIZES", "SIZES", "BoardScene", "ClusterItem", "NoteItem", "ZoneItem", "fit_text"]


class ClusterItem(QGraphicsItem):
    """A cluster: a frame behind its post-its with a title and a count; dragged by its title.

    Collapsed, it is one card showing the title and the count, its post-its hidden.
    """

    def __init__(self, card: ClusterCard, scene: BoardScene) -> None:
        super().__init__()
        self.board = scene
        self.card = card
        self.frame = QRectF()
        self.setZValue(0.0)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._drag_from: QPointF | None = None
        self._start: dict[int, QPointF] = {}

    @property
    def cluster_id(self) -> int:
        return self.card.id

    def members(self) -> list[NoteItem]:
        return [self.board.notes[i] for i in self.card.note_ids if i in self.board.notes]

    def relayout(self) -> None:
        if self.card.collapsed or not self.card.note_ids:
            frame = QRectF(self.card.x, self.card.y, NOTE_W + 2 * GAP, NOTE_H + HEADER)
        else:
            rect = QRectF()
            for note in self.members():
                rect = rect.united(QRectF(note.pos(), QSizeF(NOTE_W, NOTE_H)))
            frame = rect.adjusted(-GAP, -HEADER - GAP / 2, GAP, GAP)
        if frame != self.frame:  # unchanged: nothing to repaint (a refresh touches 40 of them)
            self.prepareGeometryChange()
            self.frame = frame
            self.update()

    def header(self) -> QRectF:
        return QRectF(self.frame.x(), self.frame.y(), self.frame.width(), HEADER)

    def boundingRect(self) -> QRectF:
        return self.frame.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.header() if not self.card.collapsed else self.frame)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        fill = QColor(colour(self.card.colour).fill)
        count = len(self.card.note_ids)
        painter.setPen(QPen(fill.darker(150), 3))
        tint = QColor(fill)
        tint.setAlpha(55)
        painter.setBrush(tint if not self.card.collapsed else fill)
        painter.drawRoundedRect(self.frame, 12, 12)
        if self.card.collapsed:  # a stack: two offset edges under the card
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for offset in (6, 12):
                painter.drawRoundedRect(self.frame.translated(offset, offset), 12, 12)
        font = QFont(FONT_FAMILY)
        font.setPixelSize(22)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        title = f"{self.card.title}  ({count})"
        header = self.header().adjusted(14, 0, -14, 0)
        shown = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, header.width())
        painter.drawText(header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        mirror = widget is not None and bool(widget.property("mirror"))
        if self.card.collapsed and not mirror:  # the console's hint, not the room's
            font.setPixelSize(16)
            font.setBold(False)
            painter.setFont(font)
            body = self.frame.adjusted(14, HEADER, -14, -10)
            painter.drawText(
                body,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                f"{count} post-it{'s' if count > 1 else ''} — double-clic pour déplier",
            )
        if self.isSelected() and not mirror:
            painter.setPen(QPen(FOCUS, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.frame.adjusted(-2, -2, 2, 2), 13, 13)

    # dragging the title moves the whole cluster; one `moved` intent on release
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.scenePos()
            self._start = {n.note_id: n.pos() for n in self.members()}
            self._card_start = QPointF(self.card.x, self.card.y)
            self.board.clearSelection()  # the group moves alone: no second move of a member
            self.setSelected(True)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is None:
            return
        delta = event.scenePos() - self._drag_from
        for note in self.members():
            note.setPos(self._start[note.note_id] + delta)
        self.prepareGeometryChange()
        if self.card.collapsed:
            self.frame.moveTopLeft(self._card_start + delta)
        else:
            self.relayout()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is None:
            return
        delta = event.scenePos() - self._drag_from
        self._drag_from = None
        if delta.manhattanLength() < 2:
            return
        notes = [(i, p.x() + delta.x(), p.y() + delta.y()) for i, p in self._start.items()]
        at = self._card_start + delta
        self.board.moved.emit(notes, [(self.card.id, at.x(), at.y())], [])

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.card.collapsed or self.header().contains(event.scenePos()):
            self.board.cluster_toggle_requested.emit(self.card.id, not self.card.collapsed)


class BoardScene(QGraphicsScene):
    """Renders a `BoardData`; emits intents; updated by diff so a refresh keeps the selection."""

    # [(note id, x, y)], [(cluster id, x, y)], [ids of post-its dragged out of their group]
    moved = Signal(list, list, list)
    group_into_requested = Signal(list, int)  # note ids dropped onto the note with this id
    cluster_toggle_requested = Signal(int, bool)  # cluster id, collapsed
    edit_requested = Signal(int)  # note id
    create_requested = Signal(float, float)  # double-click on empty board

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QBrush(QColor("#f6f7fb")))
        self.notes: dict[int, NoteItem] = {}
        self.clusters: dict[int, ClusterItem] = {}
        self.zones: list[ZoneItem] = []
        self.data: BoardData | None = None
        self.large_text = False
        self.query = ""
        self._press_positions: dict[int, QPointF] = {}
        self._press_frames: dict[int, QRectF] = {}

    # -- rendering ------------------------------------------------------------------------
    def set_data(self, data: BoardData) -> None:
        template_changed = self.data is None or self.data.template != data.template
        self.data = data
        if template_changed:
            for zone in self.zones:
                self.removeItem(zone)
            self.zones = [ZoneItem(z) for z in data.template.zones]
            title, subtitle = arrivals_title()
            self.zones.append(
                ZoneItem(Zone(title, INBOX_X, 0.0, INBOX_W, 1200.0, subtitle), inbox=True)
            )
            for zone in self.zones:
                self.addItem(zone)
        seen: set[int] = set()
        touched: set[int | None] = set()  # clusters whose post-its came, went or changed
        for card in data.notes:
            seen.add(card.id)
            item = self.notes.get(card.id)
            if item is None:
                item = NoteItem(card, self.large_text)
                self.notes[card.id] = item
                self.addItem(item)
                touched.add(card.cluster_id)
            elif (
                item.card != card
                or item.large != self.large_text
                or item.pos() != QPointF(card.x, card.y)  # a refused or snapped move
            ):
                touched.update((item.card.cluster_id, card.cluster_id))
                item.apply(card, self.large_text)
        for gone in set(self.notes) - seen:
            touched.add(self.notes[gone].card.cluster_id)
            self.removeItem(self.notes.pop(gone))
        cluster_seen: set[int] = set()
        for ccard in data.clusters:
            cluster_seen.add(ccard.id)
            citem = self.clusters.get(ccard.id)
            if citem is None:
                citem = ClusterItem(ccard, self)
                self.clusters[ccard.id] = citem
                self.addItem(citem)
                touched.add(ccard.id)
            if citem.card != ccard:
                citem.card = ccard
                citem.update()  # title, colour, count
                touched.add(ccard.id)
            for note_id in ccard.note_ids:
                if note_id in self.notes:
                    self.notes[note_id].setVisible(not ccard.collapsed)
            if ccard.id in touched:  # a refresh for one phone's post-it leaves the 40 others
                citem.relayout()
        for gone in set(self.clusters) - cluster_seen:
            self.removeItem(self.clusters.pop(gone))
        for item in self.notes.values():
            if item.card.cluster_id is None and not item.isVisible():
                item.setVisible(True)
        self._grow_inbox()
        self.highlight(self.query)

    def add_notes(self, data: BoardData, cards: tuple[NoteCard, ...]) -> None:
        """Post-its just arrived (phones): add their items, leave the rest of the board alone."""
        self.data = data
        touched: set[int] = set()
        added = []
        for card in cards:
            if card.id in self.notes:
                continue
            item = NoteItem(card, self.large_text)
            self.notes[card.id] = item
            self.addItem(item)
            added.append(item)
            if card.cluster_id is not None:
                touched.add(card.cluster_id)
        for cluster_id in touched:
            if cluster_id in self.clusters:
                self.clusters[cluster_id].relayout()
        self._grow_inbox(added)
        if self.query:
            for item in added:
                item.matched = not item.card.hidden and (
                    self.query in item.card.text.casefold()
                    or self.query in item.card.author.casefold()
                )

    def _grow_inbox(self, only: list[NoteItem] | None = None) -> None:
        """The "Arrivées" lane holds its post-its: taller, and wider to the left (columns)."""
        inbox = self.zones[-1]
        items = self.notes.values() if only is None else only
        lane = [n for n in items if n.card.x < INBOX_X + INBOX_W]
        waiting = sum(1 for n in lane if n.card.cluster_id is None and in_inbox(n.card.x))
        count = waiting if only is None else inbox.count + waiting
        if count != inbox.count:
            inbox.count = count
            inbox.update()
        bottom = max((n.card.y + NOTE_H + GAP for n in lane), default=0.0)
        left = min((n.card.x - GAP for n in lane), default=INBOX_X)
        height = max(1200.0, bottom) if only is None else max(inbox.zone.h, bottom)
        x = min(INBOX_X, left) if only is None else min(inbox.zone.x, left)
        if inbox.zone.h != height or inbox.zone.x != x:
            inbox.prepareGeometryChange()
            inbox.zone = Zone(
                inbox.zone.title,
                x,
                inbox.zone.y,
                INBOX_X + INBOX_W - x,
                height,
                inbox.zone.subtitle,
            )

    def arrivals_count(self) -> int:
        """How many post-its wait in "Arrivées" (the lane's title shows it)."""
        return self.zones[-1].count if self.zones else 0

    def set_large_text(self, large: bool) -> None:
        self.large_text = large
        if self.data is not None:
            for item in self.notes.values():
                item.apply(item.card, large)

    def highlight(self, query: str) -> list[NoteItem]:
        """Search: matching post-its outlined, the others dimmed; returns the matches."""
        self.query = query.strip().casefold()
        matches = []
        for item in self.notes.values():
            if not self.query:
                state = None
            else:
                state = not item.card.hidden and (
                    self.query in item.card.text.casefold()
                    or self.query in item.card.author.casefold()
                )
            if state:
                matches.append(item)
            if item.matched != state:
                item.matched = state
                item.update()
        matches.sort(key=lambda i: (i.card.y, i.card.x))
        return matches

    def content_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.zones:
            rect = rect.united(item.rect())
        for note in self.notes.values():
            if note.isVisible():
                rect = rect.united(QRectF(note.pos(), QSizeF(NOTE_W, NOTE_H)))
        for cluster in self.clusters.values():
            rect = rect.united(cluster.frame)
        return rect.adjusted(-40, -40, 40, 40)

    # -- selection helpers ----------------------------------------------------------------
    def selected_notes(self) -> list[int]:
        ids = [i.note_id for i in self.selectedItems() if isinstance(i, NoteItem)]
        for item in self.selectedItems():
            if isinstance(item, ClusterItem) and item.card.collapsed:
                ids.extend(item.card.note_ids)
        return list(dict.fromkeys(ids))

    def selected_cluster(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, ClusterItem):
                return item.cluster_id
        ids = self.selected_notes()
        clusters = {self.notes[i].card.cluster_id for i in ids if i in self.notes}
        if len(clusters) == 1:
            (only,) = clusters
            return only
        return None

    def ordered_notes(self) -> list[NoteItem]:
        """Reading order, for Tab: top to bottom, left to right."""
        return sorted(
            (n for n in self.notes.values() if n.isVisible()),
            key=lambda n: (n.card.y // 40, n.card.x),
        )

    # -- dragging: one intent on release --------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {
            i.note_id: i.pos() for i in self.selectedItems() if isinstance(i, NoteItem)
        }
        # where each group was before the drag: a post-it dropped clear of it leaves it
        self._press_frames = {
            cid: QRectF(c.frame) for cid, c in self.clusters.items() if not c.card.collapsed
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            touched = {
                self.notes[i].card.cluster_id for i in self._press_positions if i in self.notes
            }
            for cluster_id in touched:
                if cluster_id in self.clusters:
                    self.clusters[cluster_id].relayout()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._press_positions:
            self._press_positions = {}
            return
        moved = [
            (i, self.notes[i].pos().x(), self.notes[i].pos().y())
            for i, start in self._press_positions.items()
            if i in self.notes and (self.notes[i].pos() - start).manhattanLength() >= 2
        ]
        self._press_positions = {}
        if not moved:
            return
        target = self._drop_target([m[0] for m in moved], event.scenePos())
        if target is not None:
            self.group_into_requested.emit([m[0] for m in moved], target)
            return
        out = []
        for note_id, x, y in moved:
            frame = self._press_frames.get(self.notes[note_id].card.cluster_id or -1)
            if frame is not None and not frame.intersects(QRectF(x, y, NOTE_W, NOTE_H)):
                out.append(note_id)
        self.moved.emit(moved, [], out)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # a post-it's tooltip (its full text when cut) is set once its text is laid out
        for item in self.items(event.scenePos()):
            if isinstance(item, NoteItem):
                item.fitted  # noqa: B018 (lays the text out, which sets the tooltip)
                break
        super().helpEvent(event)

    def _drop_target(self, dragged: list[int], at: QPointF) -> int | None:
        """The post-it under the pointer when post-its are dropped onto another one."""
        for item in self.items(at):
            if isinstance(item, NoteItem) and item.note_id not in dragged and item.isVisible():
                return item.note_id
        return None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, NoteItem):
            self.edit_requested.emit(item.note_id)
            return
        if item is None or isinstance(item, ZoneItem):
            self.create_requested.emit(event.scenePos().x(), event.scenePos().y())
            return
        super().mouseDoubleClickEvent(event)
