"""The board as a PNG picture: for « Exporter en image PNG… » and the compte-rendu.

Moved out of `widgets.board_panel` (which re-exports `board_png` and `workshop_board_png`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from app.domain.board import Scope
from widgets.board_scene import BoardScene
from widgets.controller import Controller


def swatch(fill: str) -> QIcon:
    pixmap = QPixmap(18, 18)
    pixmap.fill(QColor(fill))
    return QIcon(pixmap)


def board_png(scene: BoardScene, max_side: int = 4000) -> bytes:
    """The whole board as a PNG image (for the compte-rendu), white background."""
    rect = scene.content_rect()
    scale = min(1.0, max_side / max(rect.width(), rect.height(), 1.0))
    image = QImage(
        max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)),
        QImage.Format.Format_RGB32,
    )  # fmt: skip
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    selected = scene.selectedItems()
    scene.clearSelection()
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    for item in selected:
        item.setSelected(True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt wants str
    return bytes(data.data())


def workshop_board_png(controller: Controller, workshop_id: int) -> bytes | None:
    """The picture of the workshop's board for the compte-rendu: the whole-workshop board, or
    the phase board with the most post-its; None when there is no post-it at all."""
    first = controller.board_data(workshop_id)
    if first is None:
        return None
    best = first
    if first.scope == Scope.PHASE:
        for phase_id, _title in first.phases:
            data = controller.board_data(workshop_id, phase_id)
            if data is not None and len(data.notes) > len(best.notes):
                best = data
    if not best.notes:
        return None
    scene = BoardScene()
    try:
        scene.set_data(best)
        return board_png(scene, max_side=3000)
    finally:
        scene.deleteLater()
