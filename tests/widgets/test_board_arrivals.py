"""The "Arrivées" lane on the board view holds every column of phones' post-its."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from app.domain.board import NOTE_H, NOTE_W, TEMPLATES, Arrival, BoardData, NoteCard, Scope
from app.domain.placement import arrival_spot
from widgets.board_scene import BoardScene


def _data(count: int) -> BoardData:
    cards = tuple(
        NoteCard(k + 1, f"Idée {k}", "Léa", "jaune", *arrival_spot(k), 0.0, from_phone=True)
        for k in range(count)
    )
    return BoardData(1, None, "Tableau", TEMPLATES["libre"], Scope.PHASE, Arrival.INBOX,
                     False, cards)  # fmt: skip


def test_the_lane_widens_to_hold_its_columns_and_shrinks_back(qtbot):
    scene = BoardScene()
    try:
        scene.set_data(_data(3))
        lane = scene.zones[-1].rect()
        narrow = lane.width()
        scene.add_notes(_data(20), _data(20).notes[3:])  # phones' post-its arriving
        lane = scene.zones[-1].rect()
        assert lane.width() > narrow
        for item in scene.notes.values():
            assert lane.contains(QRectF(item.card.x, item.card.y, NOTE_W, NOTE_H))
        scene.set_data(_data(2))  # taken out of the lane: it is one column again
        assert scene.zones[-1].rect().width() == narrow
    finally:
        scene.clear()
        scene.deleteLater()


def test_the_lane_title_counts_the_post_its_waiting_there(qtbot):
    scene = BoardScene()
    try:
        scene.set_data(_data(3))
        assert scene.arrivals_count() == 3
        scene.add_notes(_data(42), _data(42).notes[3:])  # phones' post-its arriving
        assert scene.arrivals_count() == 42
        scene.set_data(_data(5))
        assert scene.arrivals_count() == 5
    finally:
        scene.clear()
        scene.deleteLater()
