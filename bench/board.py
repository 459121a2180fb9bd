"""The post-it board: loading a big board, dragging a cluster, zoom-to-fit, phones' arrivals.

`python -m bench.board` (offscreen Qt, 1920×1080):

* a board of 2,000 post-its in 40 clusters of 50 (texts of 20–200 characters, some long enough
  to be cut), written straight into a throw-away SQLite file in one transaction. Loading and
  showing it = `board_data` (the query) + `BoardPanel.set_data` (the scene, fit-all) + the first
  paint of the view; goal ≤ 500 ms, median of a few cold runs (text layout cache emptied);
* dragging a cluster of 50 post-its as `ClusterItem.mouseMoveEvent` does (every member moved a
  few pixels, the frame laid out again) then letting the event loop repaint the viewport: the
  time per frame, 50th and 99th percentiles, at fit-all zoom and at 100 %; goal ≤ 16 ms;
* zoom-to-fit from 100 % (`BoardView.fit_all` + paint); goal ≤ 100 ms;
* 100 post-its posted by phones in one second (`app.ops.notes.post_note` from a thread at
  100/s, as the server does) while the event loop runs with the board open and subscribed to the
  bus through `EventBridge`, as in the séance: the delay from each `post_note` return to the
  moment the post-it is in the scene (goal ≤ 200 ms: p50, p99, max), and the longest freeze of
  the event loop (how late a 5 ms QTimer fired at worst).
"""

from __future__ import annotations

import gc
import os
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench.common import Row, announce, finish, log, median, parser, spread, tmp_database

NOTES = 2_000
CLUSTERS = 40
PER_CLUSTER = NOTES // CLUSTERS
SIZE = (1920, 1080)
LOAD_RUNS = 3
DRAG_FRAMES = 60
FIT_RUNS = 5
ARRIVALS = 100
ARRIVAL_RATE = 100.0  # per second
TICK_MS = 5

LOAD_GOAL_MS = 500.0
FRAME_GOAL_MS = 16.0
FIT_GOAL_MS = 100.0
ARRIVAL_GOAL_MS = 200.0

VOCABULARY = (
    "covoiturage navette gare agents horaires décalés parking vélo sécurisé accueil "
    "formation tutorat nouveaux arrivants réunion trop longue ordre du jour compte-rendu "
    "partagé outil commun messagerie interne télétravail deux jours par semaine bureau "
    "flexible salle calme cantine produits locaux budget participatif quartier habitants "
    "association jeunes seniors numérique inclusion médiathèque ouverte le dimanche "
    "transports en commun fréquence bus tarif solidaire mairie annexe démarches en ligne "
    "accompagnement guichet unique écoute délais réponse courrier simplifier formulaires "
    "éviter les doublons mieux communiquer entre services valoriser initiatives "
    "l' la le les des un une pour avec sans plus moins trop pas assez mieux chaque tous"
)
WORDS = tuple(VOCABULARY.split())


def note_text(rng: random.Random) -> str:
    """A post-it as people write them: 20–200 characters, a few long enough to be cut."""
    target = rng.randint(20, 200)
    words: list[str] = []
    length = 0
    while length < target:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:target].rstrip()
    return text[0].upper() + text[1:]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- the board in a throw-away store --------------------------------------------------------
@dataclass
class Bench:
    app: Any
    ctx: Any
    controller: Any
    workshop_id: int
    phase_id: int


@contextmanager
def board_store() -> Iterator[Bench]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sqlalchemy import insert

    from app.events import EventBus
    from app.library import load_library
    from app.ops import live
    from app.ops.base import Context
    from app.ops.workshops import create_workshop
    from app.store.db import Database
    from app.store.models import Cluster, Note
    from widgets.application import make_app
    from widgets.controller import Controller
    from widgets.theme import apply_theme

    app = make_app()
    apply_theme(app)
    with tmp_database("atelier-bench-board-") as path:
        db = Database.open(path)
        try:
            ctx = Context(db, EventBus(), load_library())
            wid = create_workshop(ctx, format_key="3h", title="Banc d'essai").workshop_id
            assert wid is not None
            live.start_session(ctx, wid)  # phones' post-its go to the live phase's board
            from app.ops.board import board_data

            phase_id = board_data(ctx, wid).phase_id
            assert phase_id is not None
            rng = random.Random(4)
            now = time.time()
            colours = ("jaune", "orange", "bleu", "vert", "rose", "gris")
            cluster_rows, note_rows = [], []
            for c in range(CLUSTERS):
                # 8 columns of 5 clusters; each cluster 4 post-its wide, 13 high
                x0, y0 = (c % 8) * 1000.0, (c // 8) * 2300.0 + 120.0
                cluster_rows.append(
                    {"id": c + 1, "workshop_id": wid, "phase_id": phase_id,
                     "title": f"Thème {c + 1} : {note_text(rng)[:40]}",
                     "color": colours[c % len(colours)], "x": x0, "y": y0, "collapsed": False}
                )  # fmt: skip
                for i in range(PER_CLUSTER):
                    note_rows.append(
                        {"workshop_id": wid, "phase_id": phase_id, "cluster_id": c + 1,
                         "author": rng.choice(("Awa", "Bruno", "Chloé", "Dmitri", "anonyme")),
                         "text": note_text(rng), "color": colours[(c + i) % len(colours)],
                         "x": x0 + (i % 4) * 220.0, "y": y0 + 60.0 + (i // 4) * 160.0,
                         "hidden": False, "created_at": now - rng.uniform(0, 3600)}
                    )  # fmt: skip
            with db.engine.begin() as conn:
                conn.execute(insert(Cluster), cluster_rows)
                conn.execute(insert(Note), note_rows)
            yield Bench(app, ctx, Controller(ctx), wid, phase_id)
        finally:
            db.close()


def new_panel(bench: Bench) -> Any:
    from widgets.board_panel import BoardPanel

    panel = BoardPanel(bench.controller)
    panel.resize(*SIZE)
    panel.show()
    bench.app.processEvents()
    panel.workshop_id = bench.workshop_id  # what `open` does, without its reload
    return panel


def settle(bench: Bench, seconds: float = 0.12) -> None:
    """Let the view's short timers (the minimap shown after a zoom) fire, as a person's pause
    between zooming and dragging would."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        bench.app.processEvents()
        time.sleep(0.005)


def close_panel(bench: Bench, panel: Any) -> None:
    panel.shutdown()
    panel.close()
    panel.deleteLater()
    bench.app.processEvents()


# -- 1. loading ------------------------------------------------------------------------------
def load_runs(bench: Bench) -> tuple[list[float], list[float], list[float], Any]:
    """Cold loads of the whole board; returns query, scene, paint times (ms) and the last panel."""
    from widgets.board_scene import fit_text

    queries, scenes, paints = [], [], []
    panel = None
    for _ in range(LOAD_RUNS):
        if panel is not None:
            close_panel(bench, panel)
        fit_text.cache_clear()
        panel = new_panel(bench)
        t0 = time.perf_counter()
        data = bench.controller.board_data(bench.workshop_id)
        t1 = time.perf_counter()
        panel.set_data(data)
        t2 = time.perf_counter()
        panel.view.viewport().grab()
        t3 = time.perf_counter()
        queries.append((t1 - t0) * 1000)
        scenes.append((t2 - t1) * 1000)
        paints.append((t3 - t2) * 1000)
        assert len(panel.scene.notes) == NOTES, len(panel.scene.notes)
    assert panel is not None
    log(f"  zoom tout voir {panel.view.zoom():.3f}")
    return queries, scenes, paints, panel


# -- 2. dragging a cluster -------------------------------------------------------------------
class PaintCounter:
    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            count = 0

            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == paint:
                    Filter.count += 1
                return False

        self.filter = Filter()
        self.widget = widget
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        return type(self.filter).count

    def remove(self) -> None:
        self.widget.removeEventFilter(self.filter)


def drag_frames(bench: Bench, panel: Any, cluster: Any) -> tuple[list[float], list[float], int]:
    """Move a cluster's post-its a few pixels per frame, as its mouseMoveEvent does."""
    from PySide6.QtCore import QPointF

    start = {n.note_id: n.pos() for n in cluster.members()}
    counter = PaintCounter(panel.view.viewport())
    bench.app.processEvents()
    painted_before = counter.count
    frames, cpu = [], []
    for frame in range(1, DRAG_FRAMES + 1):
        delta = QPointF(3.0 * frame, 2.0 * frame)
        t0, c0 = time.perf_counter(), time.thread_time()
        for note in cluster.members():
            note.setPos(start[note.note_id] + delta)
        cluster.prepareGeometryChange()
        cluster.relayout()
        bench.app.processEvents()  # the scene's dirty items, then the viewport's paint
        frames.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    painted = counter.count - painted_before
    counter.remove()
    for note in cluster.members():  # back where the store says, as after a refused move
        note.setPos(start[note.note_id])
    cluster.relayout()
    bench.app.processEvents()
    return frames, cpu, painted


# -- 3. zoom-to-fit --------------------------------------------------------------------------
def fit_runs(bench: Bench, panel: Any, centre: Any) -> list[float]:
    times = []
    for _ in range(FIT_RUNS):
        panel.view.set_zoom(1.0)
        panel.view.centerOn(centre)
        bench.app.processEvents()
        t0 = time.perf_counter()
        panel.view.fit_all()
        panel.view.viewport().grab()
        times.append((time.perf_counter() - t0) * 1000)
    return times


# -- 4. phones' post-its ---------------------------------------------------------------------
def arrivals(bench: Bench, panel: Any) -> tuple[list[float], float, int, int]:
    """Delays (ms) from post_note's return to the post-it in the scene; longest freeze (ms);
    refreshes; post-its still missing at the end."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.events import Topic
    from app.ops import participants
    from app.ops.notes import post_note
    from widgets.bridge import EventBridge

    people = [
        participants.check_in(
            bench.ctx, bench.workshop_id, name=f"Téléphone {i}", category="association",
            key=uuid.uuid4().hex,
        ).participant_id
        for i in range(10)
    ]  # fmt: skip
    bridge = EventBridge(bench.ctx.bus)

    def on_event(event: Any) -> None:
        if event.topic == Topic.BOARD and event.workshop_id == bench.workshop_id:
            panel.board_event(event)

    bridge.event.connect(on_event)
    gc.collect()
    gc.freeze()  # as the app does once its window is up (widgets/application.py)
    returned: dict[int, float] = {}
    seen: dict[int, float] = {}
    known = set(panel.scene.notes)
    refreshes = [0]

    def on_loaded(_data: Any) -> None:
        now = time.perf_counter()
        refreshes[0] += 1
        for note_id in panel.scene.notes.keys() - known:
            known.add(note_id)
            seen[note_id] = now

    panel.loaded.connect(on_loaded)
    reloads: list[tuple[float, float]] = []  # (wall, GUI thread CPU) per refresh, ms
    original_reload = panel.reload

    def timed_reload() -> None:
        t0, c0 = time.perf_counter(), time.thread_time()
        original_reload()
        reloads.append(((time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000))

    panel._refresh.timeout.disconnect(original_reload)
    panel._refresh.timeout.connect(timed_reload)
    rng = random.Random(100)
    done = threading.Event()

    def phones() -> None:
        t0 = time.perf_counter()
        for i in range(ARRIVALS):
            pause = t0 + i / ARRIVAL_RATE - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            info, _ = post_note(
                bench.ctx, bench.workshop_id, people[i % len(people)],
                text=note_text(rng), key=uuid.uuid4().hex,
            )  # fmt: skip
            returned[info.id] = time.perf_counter()
        done.set()

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    loop = QEventLoop()

    def check_end() -> None:
        if done.is_set() and returned.keys() <= seen.keys():
            loop.quit()

    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(check_end)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    thread = threading.Thread(target=phones, name="phones", daemon=True)
    ticker.start()
    watcher.start()
    guard.start(10_000)
    last[0] = time.perf_counter()
    thread.start()
    loop.exec()
    ticker.stop()
    watcher.stop()
    guard.stop()
    thread.join()
    bridge.close()
    panel.loaded.disconnect(on_loaded)
    panel._refresh.timeout.disconnect(timed_reload)
    panel._refresh.timeout.connect(original_reload)
    if reloads:
        log(f"  rafraîchissement (ms) : {spread([w for w, _ in reloads])} ; "
            f"CPU du fil graphique {spread([c for _, c in reloads])}")  # fmt: skip
        if os.environ.get("BENCH_FRAMES"):
            log("  " + " ".join(f"{c:.0f}" for _, c in reloads))
    bench.app.processEvents()
    delays = [max(0.0, (seen[i] - t) * 1000) for i, t in returned.items() if i in seen]
    missing = len(returned) - len(delays)
    return delays, max(gaps, default=0.0), refreshes[0], missing


# -- the run ---------------------------------------------------------------------------------
def run() -> list[Row]:
    from PySide6.QtCore import QPointF

    rows: list[Row] = []
    with board_store() as bench:
        log(f"Tableau de {NOTES} post-its en {CLUSTERS} groupes, {LOAD_RUNS} chargements à froid…")
        queries, scenes, paints, panel = load_runs(bench)
        totals = [q + s + p for q, s, p in zip(queries, scenes, paints, strict=True)]
        log(f"  total (ms) : {spread(totals)}")
        log(f"  requête {spread(queries)} · scène {spread(scenes)} · dessin {spread(paints)}")
        rows += [
            Row("board.load_ms", f"Charger et afficher {NOTES} post-its (médiane)",
                median(totals), "ms", LOAD_GOAL_MS),
            Row("board.load_query_ms", "  dont requête board_data", median(queries), "ms"),
            Row("board.load_scene_ms", "  dont scène (set_data, tout voir)", median(scenes), "ms"),
            Row("board.load_paint_ms", "  dont premier dessin 1920×1080", median(paints), "ms"),
        ]  # fmt: skip

        cluster = panel.scene.clusters[CLUSTERS // 2 + 4]  # one in the middle of the board
        centre = cluster.frame.center()
        for label, key, zoom in (("tout voir", "fit", None), ("100 %", "100", 1.0)):
            if zoom is None:
                panel.view.fit_all()
            else:
                panel.view.set_zoom(zoom)
                panel.view.centerOn(QPointF(centre.x(), cluster.frame.top() + 400))
            settle(bench)
            log(f"Glisser un groupe de {PER_CLUSTER} post-its, {DRAG_FRAMES} images, zoom {label}…")
            frames, cpu, painted = drag_frames(bench, panel, cluster)
            log(f"  {painted} dessins de la vue ; par image (ms) : {spread(frames)}")
            log(f"  temps CPU du fil graphique par image (ms) : {spread(cpu)}")
            if os.environ.get("BENCH_FRAMES"):
                log("  " + " ".join(f"{c:.0f}" for c in cpu))
            rows += [
                Row(f"board.drag_{key}_p50_ms", f"Glisser {PER_CLUSTER} post-its, zoom {label}, "
                    "par image (50e c.)", percentile(frames, 0.5), "ms", FRAME_GOAL_MS),
                Row(f"board.drag_{key}_p99_ms", f"Glisser {PER_CLUSTER} post-its, zoom {label}, "
                    "par image (99e c.)", percentile(frames, 0.99), "ms", FRAME_GOAL_MS),
            ]  # fmt: skip

        log(f"Tout voir depuis 100 %, {FIT_RUNS} fois…")
        fits = fit_runs(bench, panel, centre)
        log(f"  (ms) : {spread(fits)}")
        rows.append(Row("board.fit_all_ms", "Tout voir (fit_all + dessin, médiane)",
                        median(fits), "ms", FIT_GOAL_MS))  # fmt: skip

        log(f"{ARRIVALS} post-its de téléphones en 1 s sur ce tableau ouvert…")
        delays, freeze, refreshes, missing = arrivals(bench, panel)
        log(f"  {refreshes} rafraîchissements, {missing} post-its jamais affichés ; "
            f"délai (ms) : {spread(delays)}")  # fmt: skip
        rows += [
            Row("board.arrival_p50_ms", f"{ARRIVALS} post-its/s : délai jusqu'au tableau (50e c.)",
                percentile(delays, 0.5), "ms", ARRIVAL_GOAL_MS),
            Row("board.arrival_p99_ms", f"{ARRIVALS} post-its/s : délai jusqu'au tableau (99e c.)",
                percentile(delays, 0.99), "ms", ARRIVAL_GOAL_MS),
            Row("board.arrival_max_ms", f"{ARRIVALS} post-its/s : délai jusqu'au tableau (max)",
                max(delays) + (float("inf") if missing else 0.0), "ms", ARRIVAL_GOAL_MS),
            Row("board.arrival_freeze_ms", f"{ARRIVALS} post-its/s : plus long gel de la fenêtre",
                freeze, "ms"),
        ]  # fmt: skip
        close_panel(bench, panel)
    return rows


def main() -> None:
    p = parser(__doc__ or "")
    args = p.parse_args()
    if not args.rows_json:
        announce("board")
    finish(run(), args)


if __name__ == "__main__":
    main()
