"""The workshop's photos (paper boards, the room) for the compte-rendu's annexe.

Plain data in (`set_photos` with `PhotoInfo` rows), requests out (signals); the window runs
them through the controller. Thumbnails are decoded once per photo, already scaled down by
the JPEG decoder. Every change is undoable with the window's Ctrl+Z, so removing needs no
confirmation: the status bar says how to get the photo back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ops.photos import MAX_CAPTION, PhotoInfo
from widgets.text import empty_state, plain_label, plain_tooltip

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic"}  # HEIC: refused with an explanation
THUMB = QSize(220, 165)
PREVIEW = QSize(460, 345)  # at most; less on a small screen
PREVIEW_MIN = QSize(240, 180)


def _picture(data: bytes, size: QSize) -> QPixmap:
    """The JPEG scaled while it is decoded (much quicker than decoding 2000 px, then scaling)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"jpeg"))
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return QPixmap.fromImage(image)


def dropped_images(paths: Sequence[str]) -> list[str]:
    return [p for p in paths if Path(p).suffix.lower() in IMAGE_SUFFIXES]


class PhotoGrid(QListWidget):
    """The thumbnails. Dragging one onto another moves it there (the core reorders; the
    grid never moves items itself); files dropped on it are handed to `files_dropped`."""

    moved = Signal(int, int)  # from row, to row
    files_dropped = Signal(list)  # file paths

    INTERNAL = "application/x-qabstractitemmodeldatalist"

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 52))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QListView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def _accepts(self, event: QDragEnterEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data.hasFormat(self.INTERNAL) or bool(_image_paths(data))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        paths = _image_paths(data)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return
        source = self.currentRow()
        if not data.hasFormat(self.INTERNAL) or source < 0:
            event.ignore()
            return
        target = self.indexAt(event.position().toPoint()).row()
        if target < 0:
            target = self.count() - 1  # dropped after the last one
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the core's order comes back
        event.accept()
        if target != source:
            self.moved.emit(source, target)


def _image_paths(data: QMimeData) -> list[str]:
    urls = data.urls() if data.hasUrls() else []
    return dropped_images([u.toLocalFile() for u in urls if u.isLocalFile()])


def _framed(picture: QPixmap, size: QSize) -> QPixmap:
    """The thumbnail centred on a transparent tile of one size, so captions line up."""
    tile = QPixmap(size)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.drawPixmap(
        (size.width() - picture.width()) // 2, (size.height() - picture.height()) // 2, picture
    )
    painter.end()
    return tile


class PhotosPanel(QWidget):
    add_requested = Signal(list)  # file paths
    caption_requested = Signal(int, str)  # photo id, caption
    move_requested = Signal(int, int)  # photo id, step (−1 earlier, +1 later)
    remove_requested = Signal(int)  # photo id
    pick_requested = Signal()  # "Ajouter des photos…": the window asks which files

    def __init__(
        self, pictures: Callable[[list[int]], dict[int, bytes]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._pictures = pictures  # the JPEGs of some photos, by id (the list comes without)
        self._preview: tuple[int, bytes] | None = None  # the shown photo's picture
        self._photos: list[PhotoInfo] = []
        self._thumbs: dict[int, QIcon] = {}
        self._busy = False

        title = QLabel(self.tr("Photos du compte-rendu"))
        title.setObjectName("sectionTitle")
        hint = plain_label(
            self.tr(
                "Photos des tableaux papier, de la salle… Elles figurent en annexe du "
                "compte-rendu, dans cet ordre, avec leur légende."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Ajouter des photos…"))
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip(
            self.tr("Photos JPEG ou PNG ; vous pouvez aussi les glisser ici")
        )
        self.add_button.clicked.connect(self.pick_requested)
        top = QHBoxLayout()
        heads = QVBoxLayout()
        heads.addWidget(title)
        heads.addWidget(hint)
        top.addLayout(heads, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.list = PhotoGrid()
        self.list.moved.connect(self._dragged)
        self.list.files_dropped.connect(self._files_dropped)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.setAccessibleName(self.tr("Photos jointes"))

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setMinimumSize(PREVIEW_MIN)
        self.preview.setMaximumHeight(PREVIEW.height())
        self.preview.setObjectName("photoPreview")
        self.name = plain_label()
        self.name.setObjectName("muted")
        self.name.setWordWrap(True)
        self.caption = QLineEdit()
        self.caption.setMaxLength(MAX_CAPTION)
        self.caption.setPlaceholderText(self.tr("Ce que montre la photo (facultatif)"))
        self.caption.setAccessibleName(self.tr("Légende"))
        self.caption.editingFinished.connect(self._caption_done)
        caption_label = QLabel(self.tr("&Légende"))
        caption_label.setBuddy(self.caption)
        self.earlier = QPushButton(self.tr("◀ Déplacer avant"))
        self.earlier.setToolTip(self.tr("Avancer dans l'annexe (Alt+←)"))
        self.earlier.clicked.connect(lambda: self._move(-1))
        self.later = QPushButton(self.tr("Déplacer après ▶"))
        self.later.setToolTip(self.tr("Reculer dans l'annexe (Alt+→)"))
        self.later.clicked.connect(lambda: self._move(+1))
        self.remove = QPushButton(self.tr("Retirer la photo"))
        self.remove.setToolTip(self.tr("Retirer du compte-rendu (Suppr) ; Ctrl+Z la remet"))
        self.remove.clicked.connect(self._remove)
        moves = QHBoxLayout()
        moves.addWidget(self.earlier)
        moves.addWidget(self.later)
        moves.addStretch(1)
        moves.addWidget(self.remove)
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.name)
        side.addWidget(caption_label)
        side.addWidget(self.caption)
        side.addLayout(moves)
        side.addStretch(1)  # the details keep together at the top
        self.details = QWidget()
        self.details.setLayout(side)
        self.details.setMaximumWidth(PREVIEW.width() + 40)
        filled = QWidget()
        body = QHBoxLayout(filled)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.list, 1)
        body.addWidget(self.details)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(filled)
        self.status = plain_label()
        self.status.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self._remove),
            (QKeySequence("Alt+Left"), lambda: self._move(-1)),
            (QKeySequence("Alt+Right"), lambda: self._move(+1)),
            (QKeySequence("F2"), self._edit_caption),
        ):
            shortcut = QShortcut(keys, self)  # the caption field keeps its own Delete
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_current()

    def _empty_state(self) -> QWidget:
        return empty_state(
            self.tr("Aucune photo pour l'instant"),
            self.tr(
                "Photographiez les tableaux papier et les murs de post-its, puis glissez les "
                "photos ici ou cliquez sur « Ajouter des photos… »."
            ),
        )

    # -- data ---------------------------------------------------------------------------------
    def set_photos(self, photos: Sequence[PhotoInfo]) -> None:
        current = self.current_id()
        self._photos = list(photos)
        known = {p.id for p in self._photos}
        self._thumbs = {k: v for k, v in self._thumbs.items() if k in known}
        self.list.blockSignals(True)
        self.list.clear()
        missing = [p.id for p in self._photos if p.id not in self._thumbs]
        fetched = self._pictures(missing) if missing else {}
        for number, photo in enumerate(self._photos, 1):
            icon = self._thumbs.get(photo.id)
            if icon is None:
                tile = _framed(_picture(fetched.get(photo.id, b""), THUMB), THUMB)
                icon = QIcon()
                for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):  # no tint when selected
                    icon.addPixmap(tile, mode)
                self._thumbs[photo.id] = icon
            label = f"{number}. {photo.caption or photo.filename}"
            item = QListWidgetItem(icon, label)  # item text is plain text
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(plain_tooltip(photo.caption or photo.filename))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.stack.setCurrentIndex(1 if self._photos else 0)
        self.select(current if current in known else None)

    def select(self, photo_id: int | None) -> None:
        row = next((i for i, p in enumerate(self._photos) if p.id == photo_id), 0)
        if self._photos:
            self.list.setCurrentRow(row)
        self._show_current()

    def last_id(self) -> int | None:
        return self._photos[-1].id if self._photos else None

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _current(self) -> PhotoInfo | None:
        wanted = self.current_id()
        return next((p for p in self._photos if p.id == wanted), None)

    def _show_current(self) -> None:
        photo = self._current()
        self.details.setEnabled(photo is not None)
        if photo is None:
            self.preview.clear()
            self.name.setText("")
            self.caption.setText("")
            return
        if self._preview is None or self._preview[0] != photo.id:
            self._preview = (photo.id, self._pictures([photo.id]).get(photo.id, b""))
        # as big as the tab leaves it (under the heading, above the caption and the buttons)
        room = QSize(self.details.width() - 20, self.height() - 300)
        room = room.boundedTo(PREVIEW).expandedTo(PREVIEW_MIN)
        self.preview.setPixmap(_picture(self._preview[1], room))
        index = self._photos.index(photo)
        self.name.setText(
            self.tr("Photo {n} sur {count} · {name} · {w} × {h} px").format(
                n=index + 1, count=len(self._photos), name=photo.filename, w=photo.width,
                h=photo.height,
            )
        )  # fmt: skip
        if not self.caption.isModified():  # what she is typing stays
            self.caption.setText(photo.caption)
            self.caption.setCursorPosition(0)  # a long caption shows its beginning
        self.earlier.setEnabled(index > 0)
        self.later.setEnabled(index < len(self._photos) - 1)

    # -- requests -----------------------------------------------------------------------------
    def _caption_done(self) -> None:
        photo = self._current()
        edited = self.caption.isModified()  # typed by her, not set by a refresh
        self.caption.setModified(False)
        if photo is not None and edited and self.caption.text() != photo.caption:
            self.caption_requested.emit(photo.id, self.caption.text())

    def _edit_caption(self) -> None:
        self.caption.setFocus()
        self.caption.selectAll()

    def _move(self, step: int) -> None:
        photo = self._current()
        if photo is not None:
            self.move_requested.emit(photo.id, step)

    def _remove(self) -> None:
        photo = self._current()
        if photo is not None:
            self.remove_requested.emit(photo.id)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While photos are being read: the add button waits, the status line says why."""
        self._busy = busy
        self.add_button.setEnabled(not busy)
        self.status.setText(text)

    # -- drag and drop ------------------------------------------------------------------------
    def _dragged(self, source: int, target: int) -> None:
        if 0 <= source < len(self._photos):
            self.move_requested.emit(self._photos[source].id, target - source)

    def _files_dropped(self, paths: list[str]) -> None:
        if not self._busy:
            self.add_requested.emit(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._busy and _image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _image_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self._files_dropped(paths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_current()  # the preview follows the room it has
