"""The board on the projector, read from the back of the room: never under the minimum text
size, following the facilitator's focus, and "Tout voir" as cards of groups with counts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from app.domain.clock import FakeClock
from app.ops import board, notes, participants
from app.ops.workshops import create_workshop
from widgets.board_scene import NoteItem

WORDS = (
    "Covoiturage entre agents des quatre administrations",
    "Navette depuis la gare",
    "Un abri vélo sécurisé devant chaque bâtiment, avec des casiers pour les affaires et une "
    "borne de recharge pour les vélos à assistance électrique",
    "Télétravail",
    "Horaires décalés pour éviter les bouchons du matin sur la rocade",
)


def _séance_with_phones(make_window, qtbot, count: int):
    window = make_window(clock=FakeClock())
    ctx = window.controller.ctx
    wid = create_workshop(ctx, format_key="3h", title="Mobilité des agents").workshop_id
    window.open_workshop(wid)
    window.editor.start.click()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.runner.board
    qtbot.waitUntil(lambda: panel.data is not None)
    window.runner.projector.resize(1920, 1080)
    me = participants.check_in(ctx, wid, name="Awa", category="usager", key="a" * 16)
    for i in range(count):
        text = f"{WORDS[i % len(WORDS)]} ({i})"
        notes.post_note(ctx, wid, me.participant_id, text=text, key=f"n-{i:014d}")
    qtbot.waitUntil(lambda: len(panel.scene.notes) == count)
    return window, ctx, wid, panel


def _effective_text_px(view) -> float:
    """The smallest post-it text on the projector: font pixel size × the view's scale."""
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    sizes = [
        item.fitted.size
        for item in view.board.items(shown)
        if isinstance(item, NoteItem) and item.isVisible() and not item.card.hidden
    ]
    assert sizes, "the projector shows no post-it at all"
    return min(sizes) * view.transform().m11()


def test_150_post_its_stay_readable_and_the_projector_follows_the_focus(make_window, qtbot):
    window, ctx, wid, panel = _séance_with_phones(make_window, qtbot, 150)
    mirror = window.runner.mirror
    view = mirror.view
    assert mirror.isVisible()
    assert view.floor_px() == 24.0  # the setting's default, at 1080 pixels high
    assert panel.scene.arrivals_count() == 150
    # the console shows the whole board: the projector shows the arrivals, readable
    qtbot.waitUntil(lambda: view.focus == "arrivals")
    assert _effective_text_px(view) >= 24.0
    # a group selected on the console: the projector shows it, readable
    ids = sorted(panel.scene.notes)[:12]
    board.group(ctx, wid, ids, title="Mobilité", phase_id=panel.data.phase_id)
    qtbot.waitUntil(lambda: len(panel.scene.clusters) == 1)
    (group,) = panel.scene.clusters.values()
    group.setSelected(True)
    assert view.focus == "selection"
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(group.frame.topLeft())
    assert _effective_text_px(view) >= 24.0
    # a smaller projector keeps the same share of its height
    window.runner.projector.resize(1280, 720)
    qtbot.waitUntil(lambda: view.floor_px() == 16.0)
    assert _effective_text_px(view) >= 16.0


def test_tout_voir_shows_the_groups_as_cards_with_counts(make_window, qtbot):
    window, ctx, wid, panel = _séance_with_phones(make_window, qtbot, 150)
    mirror = window.runner.mirror
    ids = sorted(panel.scene.notes)
    board.group(ctx, wid, ids[:12], title="Mobilité", phase_id=panel.data.phase_id)
    board.group(ctx, wid, ids[12:14], title="Restauration", phase_id=panel.data.phase_id)
    qtbot.waitUntil(lambda: len(panel.scene.clusters) == 2)
    panel.scene.clearSelection()
    panel.fit_button.click()
    assert mirror.pages.currentWidget() is mirror.overview
    texts = mirror.overview.card_texts()
    assert "Mobilité · 12 post-its" in texts
    assert "Restauration · 2 post-its" in texts
    assert "Arrivées · 136 post-its" in texts
    # the cards' text is never under the minimum either
    _rects, size = mirror.overview.layout_cards()
    assert size >= mirror.view.floor_px()
    rects, size = mirror.overview.layout_cards()
    image = mirror.overview.grab().toImage()  # painted: each card in its group's colour
    for card, rect in zip(mirror.overview.cards, rects, strict=True):
        pixel = image.pixelColor(int(rect.right() - 30), int(rect.center().y()))
        assert pixel.name() == card.fill.lower(), card.title
    # the console zooms in: the projector follows it again
    panel.view.set_zoom(1.0)
    panel.view.centerOn(panel.scene.clusters[min(panel.scene.clusters)].frame.center())
    qtbot.waitUntil(lambda: mirror.pages.currentWidget() is mirror.view)
    # a small board fits whole and readable: "Tout voir" shows the board itself
    assert mirror.view.readable(QRectF(0, 0, 900, 500))
