"""The compte-rendu: time and size of the PDF, for the demo workshop and a big one.

`python -m bench.report`:

* the demo workshop's compte-rendu (goal ≤ 1 s);
* big 3-day workshops: 1,000 (the issue's goal) and 2,000 post-its in 20 clusters, 200 participants, 10 vote rounds with
  every participant voting, 20 actions and 150 feedback answers (goal ≤ 3 s and ≤ 10 MB);
* the émargement sheet for those 200 people (goal ≤ 1 s);
* the compte-rendu of issue 15's harvest: 100 people, 150 post-its, a dot vote, 15 chantiers,
  the LaBase grid, 4 incubated (goal ≤ 1.5 s).

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


def _harvest(ctx: Context) -> int:
    """Issue 15's 100-person appel à idées: 100 check-ins, 150 post-its, a dot vote, 15
    chantiers and 3 actions promoted, the LaBase grid (one eliminated) and 4 incubated."""
    from datetime import date

    from app.domain.votes import LABASE_CRITERIA
    from app.ops import notes, outcomes, participants, projects, votes
    from app.ops.workshops import create_workshop, update_cadrage

    partners = ("Région", "Bordeaux Métropole", "Gironde", "SGAR")
    wid = create_workshop(ctx, format_key="3h", title="Appel à idées").workshop_id
    assert wid is not None
    update_cadrage(ctx, wid, partners="\n".join(partners), expected="100")
    people = [participants.check_in(ctx, wid, name=f"Agent {n:03d}", organisation=partners[n % 4],
                                    category="public", key=f"join-agent-{n:04d}").participant_id
              for n in range(100)]  # fmt: skip
    ids = [notes.post_note(ctx, wid, people[n % 100], text=f"Idée {n} : un service commun",
                           key=f"note-{n:04d}-key")[0].id for n in range(150)]  # fmt: skip
    rid = votes.open_round(ctx, wid, kind="dots", title="Vos priorités",
                           settings={"dots": 5, "cap": 3, "own_allowed": True}).ids[0]  # fmt: skip
    wanted = [25 - i for i in range(15)] + [2 if i < 110 else 1 for i in range(15, 150)]
    dots = [f"note:{ids[i]}" for i, count in enumerate(wanted) for _ in range(count)]
    for p, person in enumerate(people):
        mine: dict[str, int] = {}
        for item in dots[p::100]:
            mine[item] = mine.get(item, 0) + 1
        votes.cast_ballot(ctx, wid, rid, person, mine, key=f"dots-{p:04d}-key")
    votes.close_round(ctx, rid)
    votes.promote_to_projects(ctx, rid, top=15)
    votes.promote_to_actions(ctx, rid, top=3)
    for n, action in enumerate(outcomes.actions(ctx, wid)):
        outcomes.update_action(ctx, action.id, who=f"Pilote {n}", due=date(2027, 1, 15 + n))
    items = [f"note:{ids[i]}" for i in range(15)]
    grid = votes.open_round(ctx, wid, kind="criteria", items=items, title="Grille LaBase",
                            settings={"criteria": "labase"}).ids[0]  # fmt: skip
    keys = [c.key for c in LABASE_CRITERIA]
    for juror in range(10):
        scores = {item: dict.fromkeys(keys, 5 if i == 0 else 4 if i % 3 == 0 else 3)
                  for i, item in enumerate(items)}  # fmt: skip
        scores[items[0]]["partenaires"] = 2
        votes.cast_ballot(ctx, wid, grid, people[juror], scores, key=f"grid-{juror:04d}-key")
    votes.close_round(ctx, grid)
    chosen = [line.label for line in votes.results(ctx, grid).lines
              if not line.detail.get("eliminated")][:4]  # fmt: skip
    for c in projects.chantiers(ctx, wid):
        if c.title in chosen:
            projects.update_project(ctx, c.id, status="en_incubation", owner="Porteur",
                                    target_date=date(2027, 6, 30))  # fmt: skip
    left = [t.note_id for t in outcomes.fate_trail(ctx, wid) if t.fate is None]
    outcomes.set_fate(ctx, wid, left, "mise_de_cote", reason="Reprises au comité")
    return wid


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
        log("Compte-rendu de la récolte de 100 personnes (issue 15)…")
        harvest = _harvest(ctx)
        harvest_pdf = folder / "harvest.pdf"
        harvest_s = _timed(lambda: build_report(report_data(ctx, harvest), harvest_pdf))
        big_rows.append(Row(
            "report.harvest_s",
            "Compte-rendu d'une récolte : 100 personnes, 150 post-its, 15 chantiers, 4 incubés",
            harvest_s, "s", 1.5,
        ))  # fmt: skip
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
