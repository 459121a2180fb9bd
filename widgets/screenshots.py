"""Save screenshots of the main screens (offscreen), for review: `make screenshots`."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain.clock import FakeClock
from app.ops import live
from app.ops.demo import create_demo
from app.ops.workshops import create_workshop
from app.store.db import Database
from widgets.application import build_window, make_app
from widgets.theme import apply_theme

if TYPE_CHECKING:
    from app.ops.base import Context
    from widgets.main_window import MainWindow


def capture(folder: Path, size: tuple[int, int] = (1600, 900)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_theme(app)
    tmp = tempfile.mkdtemp()
    db = Database.open(Path(tmp) / "shots.sqlite3")
    clock = FakeClock(__import__("time").time())
    window = build_window(db, clock=clock)
    ctx = window.controller.ctx
    create_workshop(
        ctx,
        format_key="3m",
        title="Incubation : alimentation et territoire",
        place="LaBase hors les murs, Poitiers",
    )
    create_workshop(ctx, format_key="3j", title="Sprint concept alimentation et territoire")
    demo = create_demo(ctx)
    window.resize(*size)
    window.show()
    shots: list[Path] = []

    def save(name: str) -> None:
        app.processEvents()
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    save("home")
    assert demo.workshop_id is not None
    window.open_workshop(demo.workshop_id)
    window.editor.tabs.setCurrentIndex(0)
    save("editor-cadrage")
    window.editor.tabs.setCurrentIndex(1)
    save("editor-agenda")
    window.editor.tabs.setCurrentIndex(window.editor.photos_index)
    save("editor-photos")
    for name in ("ideas", "actions", "chantiers"):  # what the workshop leads to
        window.editor.tabs.setCurrentIndex(getattr(window.editor, f"{name}_index"))
        save(f"editor-{name}")
    three_months = next(w.id for w in window.controller.workshops() if w.format_key == "3m")
    window.open_workshop(three_months)
    window.editor.tabs.setCurrentIndex(2)
    save("editor-programme")
    window.editor.tabs.setCurrentIndex(1)
    window.editor.agenda.select_block(2)
    save("editor-agenda-3m")
    shots += capture_live(window, folder, clock)
    shots += capture_board(window, folder, demo.workshop_id)
    shots += capture_votes(window, folder, demo.workshop_id)
    shots += capture_cofac(window, folder)
    window.close()
    db.close()
    return shots


def capture_live(window: MainWindow, folder: Path, clock: FakeClock) -> list[Path]:
    """The console and the projector (1920×1080) in each of their looks."""
    app = make_app()
    ctx = window.controller.ctx
    wid = create_workshop(
        ctx, format_key="3h", title="Mobilité des agents : venir au travail autrement"
    ).workshop_id
    assert wid is not None
    window.start_session(wid)
    projector = window.runner.projector
    projector.resize(1920, 1080)
    shots: list[Path] = []

    def save(name: str, widget: QWidget) -> None:
        window.runner.live.refresh()
        app.processEvents()
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    # how phones join, as the room sees it before the start: both QR codes, address, code
    projector.set_wifi("LaBase-Atelier", "velo-2026")
    if projector.join_url:
        save("projector-join", projector)
    projector.set_wifi("", "")
    live.start(ctx, wid)
    clock.advance(10 * 60 + 95)  # the welcome ran 1 min 35 over
    live.next_phase(ctx, wid)
    clock.advance(10 * 60)
    live.next_phase(ctx, wid)
    clock.advance(5 * 60 + 48)
    save("live-console", window)
    save("projector-normal", projector)
    clock.advance(15 * 60 - 5 * 60 - 48 - 90)
    save("projector-amber", projector)
    clock.advance(90 + 42)
    save("projector-overrun", projector)
    save("live-console-overrun", window)
    live.next_phase(ctx, wid)
    clock.advance(3 * 60 + 10)
    live.pause(ctx, wid)
    save("projector-paused", projector)
    live.start(ctx, wid)
    while (
        (session := live.live_session(ctx, wid))
        and session.current
        and not session.current.is_break
    ):
        live.next_phase(ctx, wid)
    clock.advance(4 * 60)
    save("projector-break", projector)
    # a 3 mois programme five weeks in: the console's timeline
    from datetime import date, timedelta

    programme = create_workshop(
        ctx,
        format_key="3m",
        title="Incubation : alimentation et territoire",
        start_date=date.today() - timedelta(weeks=5),
    ).workshop_id
    assert programme is not None
    window.runner.confirm = lambda *_args: True  # pause the running séance to open this one
    window.start_session(programme)
    console = window.runner.console
    console.tabs.setCurrentIndex(console.programme_index)
    save("live-console-3m", window)
    return shots


def capture_board(window: MainWindow, folder: Path, workshop_id: int) -> list[Path]:
    """The demo workshop's board at 1920×1080 in the console and on the projector, then a phase
    in "écriture individuelle" with post-its from phones still hidden."""
    from app.ops import board, notes, participants

    app = make_app()
    ctx = window.controller.ctx
    window.runner.confirm = lambda *_args: True
    window.resize(1920, 1080)
    window.start_session(workshop_id)
    runner = window.runner
    runner.console.show_board(True)
    panel = runner.board
    assert panel.data is not None
    ideation = next(pid for pid, title in panel.data.phases if title.startswith("Idéation"))
    panel.phase_id = ideation
    panel.reload()
    panel.view.fit_all()
    projector = runner.projector
    projector.resize(1920, 1080)
    projector.show()
    shots: list[Path] = []

    def save(name: str, widget: QWidget) -> None:
        runner.live.refresh()
        app.processEvents()
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    save("board-console", window)
    save("board-projector", projector)
    # zoomed in on one cluster: the minimap shows where she is
    first = next(iter(panel.scene.clusters.values()))
    panel.view.set_zoom(1.0)
    panel.view.centerOn(first.frame.center())
    panel.view.refresh_minimap()
    panel.view._update_minimap()  # what the minimap's debounce timer would do
    save("board-console-zoomed", window)
    # private writing: phones write, the room sees only how many
    live_phase = live_session_phase(ctx, workshop_id)
    board.set_private(ctx, workshop_id, live_phase, True)
    panel.phase_id = None
    people = participants.attendees(ctx, workshop_id)[:5]
    for i, person in enumerate(people):
        notes.post_note(
            ctx,
            workshop_id,
            person.id,
            text=f"Idée écrite en silence n° {i + 1}",
            key=f"shot-private-{i:06d}",
        )
    panel.reload()
    panel.view.fit_all()
    save("board-projector-private", projector)
    return shots


def capture_votes(window: MainWindow, folder: Path, workshop_id: int) -> list[Path]:
    """The vote tab and the projector at 1920×1080: the demo's revealed dot vote, a round
    open with phones voting, and a LaBase criteria grid with its 2×2 chart."""
    import random

    from app.ops import board, participants, votes

    app = make_app()
    ctx = window.controller.ctx
    runner = window.runner
    window.resize(1920, 1080)
    runner.console.show_board(False)
    desk = runner.votes
    projector = runner.projector
    projector.resize(1920, 1080)
    projector.show()
    shots: list[Path] = []

    def save(name: str, widget: QWidget) -> None:
        desk.reload()
        runner.live.refresh()
        app.processEvents()
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    # the demo's dot vote, closed and revealed
    runner.console.tabs.setCurrentIndex(desk.tab_index)
    desk.set_projecting(True)
    save("votes-console", window)
    save("votes-projector-results", projector)
    # a round open on the ideation board's groups: phones vote, the room sees the turnout
    people = [p.id for p in participants.attendees(ctx, workshop_id)]
    phases = runner.board.data.phases if runner.board.data else ()
    ideation = next(pid for pid, title in phases if title.startswith("Idéation"))
    board_data = board.board_data(ctx, workshop_id, ideation)
    clusters = [c.id for c in board_data.clusters]
    rng = random.Random(3)
    grid = votes.open_round(
        ctx, workshop_id, kind="criteria", items=[f"cluster:{c}" for c in clusters],
        title="Quel chantier incuber ?", settings={"criteria": "labase"},
    ).ids[0]  # fmt: skip
    info = votes.rounds(ctx, workshop_id)[-1]
    keys = [c.key for c in info.settings.criteria]
    for n, pid in enumerate(people[: len(people) * 3 // 4]):
        bias = {item.key: rng.randint(1, 5) for item in info.items}
        ballot = {
            item.key: {k: max(1, min(5, bias[item.key] + rng.randint(-1, 1))) for k in keys}
            for item in info.items
        }
        votes.cast_ballot(ctx, workshop_id, grid, pid, ballot, key=f"shot-grid-{n:06d}")
        if n % 3:
            votes.set_done(ctx, workshop_id, grid, pid)
    desk.round_id = grid
    save("votes-projector-open", projector)
    save("votes-console-open", window)
    votes.close_round(ctx, grid)
    votes.reveal_results(ctx, grid)
    save("votes-console-criteria", window)
    save("votes-projector-criteria", projector)
    return shots


def capture_cofac(window: MainWindow, folder: Path) -> list[Path]:
    """Co-animation at 1920×1080: the lead's console with its co-animation panel (two laptops,
    one online as time keeper), the co-facilitator's laptop on the same séance, and both side
    by side. The second laptop is a window of its own with its own database, joined over
    loopback like "Rejoindre une séance…" does."""
    import threading

    from PySide6.QtGui import QImage, QPainter

    from app.cofac_client import new_device_key, pair
    from app.ops import board
    from widgets.cofac_window import CofacWindow
    from widgets.remote_controller import RemoteController

    app = make_app()
    ctx = window.controller.ctx
    shots: list[Path] = []
    tick = threading.Event()

    def until(condition: Callable[[], object]) -> None:
        for _ in range(2000):  # the replica's first copy comes over the network
            app.processEvents()
            if condition():
                return
            tick.wait(0.01)
        raise RuntimeError("the co-facilitator's laptop never caught up")

    wid = create_workshop(
        ctx, format_key="3h", title="Mobilité des agents : venir au travail autrement"
    ).workshop_id
    assert wid is not None
    for n, text in enumerate(
        ("Covoiturage entre sites", "Navette le vendredi", "Vélos de service")
    ):
        board.add_note(ctx, wid, text=text, x=200.0 * n, y=0.0)
    window.runner.confirm = lambda *_args: True
    window.resize(1920, 1080)
    window.start_session(wid)
    runner = window.runner
    live.start(ctx, wid)
    host = runner.server
    code = window.controller.cofac_code(host)
    address = f"127.0.0.1:{host.cofac_port}"  # laptops talk to the host there (TLS)
    # Sacha paired but not connected yet; Camille joins from her laptop
    pair(address, code, "Sacha", new_device_key())
    laptop_db = Database.open(Path(tempfile.mkdtemp()) / "laptop.sqlite3")
    laptop = build_window(laptop_db, clock=window.controller.ctx.clock)
    camille = laptop.controller.pair_job(address, code, "Camille")()
    window.controller.approve_cofac(wid, camille.laptop_id)  # Sacha still waits for the lead
    client = laptop.controller.open_replica(camille)
    assert client is not None
    cofac = CofacWindow.open(RemoteController(client))
    cofac.resize(1920, 1080)
    until(lambda: cofac.stack.currentWidget() is cofac.runner.console)
    runner.console.cofac_button.click()
    panel = runner.cofac.panel
    assert panel is not None
    table = panel.table

    def online(row: int) -> bool:
        item = table.item(row, 2)
        return item is not None and "En ligne" in item.text()

    until(lambda: table.rowCount() == 2 and online(1))
    item = table.item(1, 0)
    assert item is not None
    camille = item.data(Qt.ItemDataRole.UserRole)
    window.controller.set_cofac_role(wid, camille, "gardien")
    runner.cofac.refresh()
    until(lambda: "Gardien" in cofac.who.text() and cofac.runner.console.toggle_button.isEnabled())
    runner.live.refresh()
    cofac.runner.live.refresh()
    app.processEvents()

    # the lead's screen: the console, the panel over it as she would place it
    host_image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    panel.resize(760, 600)
    app.processEvents()
    painter = QPainter(host_image)
    painter.fillRect(1920 - 760 - 42, 118, 760 + 4, 600 + 4, Qt.GlobalColor.darkGray)
    painter.drawPixmap(1920 - 760 - 40, 120, panel.grab())
    painter.end()
    laptop_image = cofac.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    both = QImage(3840 + 24, 1080, QImage.Format.Format_RGB32)
    both.fill(Qt.GlobalColor.black)
    painter = QPainter(both)
    painter.drawImage(0, 0, host_image)
    painter.drawImage(1920 + 24, 0, laptop_image)
    painter.end()
    for name, image in (("cofac-host", host_image), ("cofac-laptop", laptop_image),
                        ("cofac-side-by-side", both)):  # fmt: skip
        path = folder / f"{name}.png"
        image.save(str(path))
        shots.append(path)
    cofac.close()
    laptop.close()
    laptop_db.close()
    panel.close()
    return shots


def live_session_phase(ctx: Context, workshop_id: int) -> int:
    session = live.live_session(ctx, workshop_id)
    assert session is not None and session.current is not None
    return session.current.id


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    for shot in capture(out):
        print(shot)
