"""Save screenshots of the main screens (offscreen), for review: `make screenshots`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from app.ops.demo import create_demo
from app.ops.workshops import create_workshop
from app.store.db import Database
from widgets.application import build_window, make_app
from widgets.theme import apply_theme


def capture(folder: Path, size: tuple[int, int] = (1600, 900)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_theme(app)
    tmp = tempfile.mkdtemp()
    db = Database.open(Path(tmp) / "shots.sqlite3")
    window = build_window(db)
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
    three_months = next(w.id for w in window.controller.workshops() if w.format_key == "3m")
    window.open_workshop(three_months)
    window.editor.tabs.setCurrentIndex(2)
    save("editor-programme")
    window.editor.tabs.setCurrentIndex(1)
    window.editor.agenda.select_block(2)
    save("editor-agenda-3m")
    window.close()
    db.close()
    return shots


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    for shot in capture(out):
        print(shot)
