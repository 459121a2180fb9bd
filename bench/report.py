"""The compte-rendu: time and size of the PDF, for the demo workshop and a big one.

`python -m bench.report`:

* the demo workshop's compte-rendu (goal ≤ 1 s);
* big 3-day workshops: 1,000 (the issue's goal) and 2,000 post-its in 20 clusters, 200 participants, 10 vote rounds with
  every participant voting, 20 actions and 150 feedback answers (goal ≤ 3 s and ≤ 10 MB);
* the émargement sheet for those 200 people (goal ≤ 1 s).

Times are the median of 3 builds, reading the data included.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bench.common import Row, announce, finish, log, median, parser, tmp_workdir

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.ops.base import Context

SIZES, CLUSTERS, PEOPLE, ROUNDS = (1000, 2000), 20, 200, 10
GOAL_NOTES = 1000  # the post-its of the goal's workshop (≤ 3 s, ≤ 10 MB)


def _big_workshop(ctx: Context, count: int) -> int:
    from app.ops.workshops import create_workshop
    from app.store.models import (
        Action,
        CheckIn,
        Cluster,
        Feedback,
        Note,
        Participant,
        Vote,
        VoteRound,
    )

    rng = random.Random(3)
    wid = create_workshop(ctx, format_key="3j", title="Sprint alimentation et territoire")
    workshop_id = wid.workshop_id
    words = [
        "circuit",
        "court",
        "cantine",
        "producteurs",
        "local",
        "saison",
        "marché",
        "légumerie",
        "transport",
        "tri",
        "compost",
        "restauration",
        "collective",
        "agriculteurs",
        "approvisionnement",
    ]

    def work(session: Session) -> None:
        people = []
        for i in range(PEOPLE):
            p = Participant(
                workshop_id=workshop_id,
                name=f"Prénom{i} Nom{i}",
                organisation=f"Organisation {i % 23}",
                category=rng.choice(["public", "public", "prive", "association", "usager"]),
                consent_named=i % 3 != 0,
                created_at=0.0,
            )
            session.add(p)
            people.append(p)
        session.flush()
        for i, p in enumerate(people):
            session.add(CheckIn(participant_id=p.id, at=1_790_000_000.0 + 20 * i))
        clusters = []
        for c in range(CLUSTERS):
            cluster = Cluster(workshop_id=workshop_id, title=f"Thème {c + 1}", x=c * 100.0)
            session.add(cluster)
            clusters.append(cluster)
        session.flush()
        notes = []
        for n in range(count):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 30)))
            note = Note(
                workshop_id=workshop_id,
                cluster_id=clusters[n % CLUSTERS].id,
                text=text.capitalize(),
                y=float(n),
                created_at=1_790_000_000.0 + n,
            )
            session.add(note)
            notes.append(note)
        session.flush()
        for r in range(ROUNDS):
            items = rng.sample(notes, 40)
            vote = VoteRound(
                workshop_id=workshop_id,
                title=f"Tour de vote {r + 1}",
                kind="dots",
                settings={"dots": 3, "max_per_item": 1},
                items=[["note", n.id] for n in items],
                status="closed",
                revealed=True,
                opened_at=1_790_000_000.0 + r,
            )
            session.add(vote)
            session.flush()
            for p in people:
                for chosen in rng.sample(items, 3):
                    session.add(
                        Vote(round_id=vote.id, participant_id=p.id, voter=f"p:{p.id}",
                             item_type="note", item_id=chosen.id, value=1, at=0.0)
                    )  # fmt: skip
        for a in range(20):
            session.add(
                Action(workshop_id=workshop_id, position=a, what=f"Action {a + 1}", who="X")
            )
        for p in people[:150]:
            session.add(
                Feedback(workshop_id=workshop_id, participant_id=p.id, rating=rng.randint(2, 5),
                         keep="Les échanges.", improve="Plus de temps.", at=0.0)
            )  # fmt: skip

    ctx.db.write(work)
    assert workshop_id is not None
    return workshop_id


def _timed(fn: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def run(sizes: tuple[int, ...] = SIZES) -> list[Row]:
    from app.ops.base import Context
    from app.ops.demo import create_demo
    from app.ops.report_data import attendance_sheet, report_data
    from app.reports.compte_rendu import build_report
    from app.reports.emargement import build_emargement
    from app.store.db import Database

    with tmp_workdir("atelier-bench-report-") as folder:
        db = Database.open(folder / "atelier.sqlite3")
        ctx = Context(db)
        demo = create_demo(ctx).workshop_id
        assert demo is not None
        log("Compte-rendu de l'atelier de démonstration…")
        demo_pdf = folder / "demo.pdf"
        demo_s = _timed(lambda: build_report(report_data(ctx, demo), demo_pdf))
        big_rows: list[Row] = []
        for notes in sizes:
            log(f"Atelier de {notes} post-its, {PEOPLE} participants, {ROUNDS} tours de vote…")
            big = _big_workshop(ctx, notes)
            big_pdf = folder / f"big-{notes}.pdf"
            big_s = _timed(lambda: build_report(report_data(ctx, big), big_pdf))  # noqa: B023
            raw = big_pdf.read_bytes()
            pages = raw.count(b"/Type /Page\n") or raw.count(b"/Type /Page ")
            suffix = "" if notes == GOAL_NOTES else f"_{notes}"  # the figure: report.big_s
            what = f"Compte-rendu : {notes} post-its, {PEOPLE} participants, {ROUNDS} votes"
            big_rows += [
                Row(f"report.big{suffix}_s", what, big_s, "s", 3.0),
                Row(f"report.big{suffix}_mb", "Taille de ce compte-rendu",
                    big_pdf.stat().st_size / 1e6, "Mo", 10.0),
                Row(f"report.big{suffix}_pages", "Pages de ce compte-rendu", float(pages), "pages"),
            ]  # fmt: skip
        sheet_pdf = folder / "emargement.pdf"
        sheet_s = _timed(lambda: build_emargement(attendance_sheet(ctx, big), sheet_pdf))
        db.close()
    return [
        Row("report.demo_s", "Compte-rendu de l'atelier de démonstration", demo_s, "s", 1.0),
        *big_rows,
        Row(
            "report.emargement_s", f"Feuille d'émargement de {PEOPLE} personnes", sheet_s, "s", 1.0
        ),
    ]


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES),
        help="post-its of the big workshops (the goal is stated for 1000)",
    )  # fmt: skip
    args = p.parse_args()
    if not args.rows_json:
        announce("report")
    finish(run(tuple(args.sizes)), args)


if __name__ == "__main__":
    main()
