"""The lab-wide list of chantiers (issue 15, point 3): `projects.all_chantiers` on 2,000
chantiers spread over 500 workshops, every one, by status, by partner and by text.

Goal: each list in at most 300 ms (the median of the repeats, SQLite file on this disk).
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.ops import projects
from app.ops.base import Context
from app.store.db import Database
from app.store.models import Project, Workshop
from bench.common import Row, announce, finish, log, median, parser, spread, tmp_database

GOAL_S = 0.300
WORKSHOPS = 500
CHANTIERS = 2000
STATUSES = ("idee", "en_incubation", "en_experimentation", "en_deploiement", "abandonne",
            "termine")  # fmt: skip
PARTNERS = ("Bordeaux Métropole", "Gironde", "DREAL", "SGAR", "Région")


def _fill(db: Database) -> None:
    def work(session: Session) -> None:
        day = date(2026, 1, 5)
        workshops = [
            Workshop(title=f"Atelier {n}", format_key="3h", cadrage={"partners": "\n".join(PARTNERS)},
                     start_date=day + timedelta(days=n), created_at=0.0, updated_at=0.0)
            for n in range(WORKSHOPS)
        ]  # fmt: skip
        session.add_all(workshops)
        session.flush()
        session.add_all(
            Project(workshop_id=workshops[n % WORKSHOPS].id, title=f"Chantier {n} mobilité",
                    description="Issu du vote « Priorités »", status=STATUSES[n % len(STATUSES)],
                    owner=f"Porteur {n % 37}", partners=[PARTNERS[n % 5], PARTNERS[(n + 2) % 5]],
                    progress=n % 101, created_at=float(n))
            for n in range(CHANTIERS)
        )  # fmt: skip

    db.write(work)


def run(repeats: int) -> list[Row]:
    rows: list[Row] = []
    with tmp_database("atelier-bench-chantiers-") as path:
        db = Database.open(path)
        try:
            _fill(db)
            ctx = Context(db)
            cases = {
                "all": ("Tous les chantiers (2 000, 500 ateliers)", {}),
                "status": ("Chantiers d'un statut", {"status": "en_incubation"}),
                "partner": ("Chantiers d'un partenaire", {"partner": "gironde"}),
                "text": ("Chantiers par recherche de texte", {"text": "MOBILITE"}),
            }
            for key, (figure, kwargs) in cases.items():
                times = []
                for _ in range(repeats):
                    start = time.perf_counter()
                    found = projects.all_chantiers(ctx, **kwargs)
                    times.append(time.perf_counter() - start)
                log(f"{figure} : {len(found)} · {spread(times)} s")
                rows.append(Row(f"chantiers.{key}", figure, median(times), "s", GOAL_S))
        finally:
            db.close()
    return rows


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--repeats", type=int, default=7)
    args = p.parse_args()
    if not args.rows_json:
        announce("chantiers")
    finish(run(args.repeats), args)


if __name__ == "__main__":
    main()
