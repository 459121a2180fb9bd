"""The bilan d'activité on a hand-built set of workshops, on SQLite and PostgreSQL: the query's
figures, then the PDF read back with poppler as a reader gets it."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.domain.activity import Period, parse_day, parse_period
from app.errors import InvalidInput
from app.ops.activity import activity_data
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.reports.bilan import build_bilan
from app.store.db import Database
from app.store.models import (
    Action,
    Block,
    CheckIn,
    Feedback,
    Note,
    Participant,
    Phase,
    Project,
    VoteRound,
)

YEAR = Period.year(2026)


def at(*when: int) -> float:
    """A local time as the store keeps it (seconds since the epoch)."""
    return datetime(*when).timestamp()  # type: ignore[arg-type]


def pdf_text(path: Path, *extra: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"[ \u00a0\u202f]+", " ", out)


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def _workshop(ctx: Context, fmt: str, title: str, place: str, start: date | None) -> int:
    wid = create_workshop(ctx, format_key=fmt, title=title, place=place, start_date=start)
    assert wid.workshop_id is not None
    return wid.workshop_id


def _blocks(session: Session, workshop_id: int) -> list[Block]:
    return list(
        session.scalars(
            select(Block).where(Block.workshop_id == workshop_id).order_by(Block.number)
        )
    )


def _run(session: Session, block: Block, when: float) -> None:
    """The séance ran in Atelier: its first phase was started on the timer."""
    first = session.scalars(
        select(Phase).where(Phase.block_id == block.id).order_by(Phase.position)
    ).first()
    assert first is not None
    first.actual_start, first.actual_end = when, when + 900


def _people(
    session: Session,
    workshop_id: int,
    people: list[tuple[str, str]],
    block: Block | None,
    when: float,
) -> list[Participant]:
    made = []
    for i, (category, organisation) in enumerate(people):
        p = Participant(
            workshop_id=workshop_id,
            name=f"Personne {workshop_id}-{i}",
            organisation=organisation,
            category=category,
            created_at=when,
        )
        session.add(p)
        made.append(p)
    session.flush()
    if block is not None:
        for i, p in enumerate(made):
            session.add(CheckIn(participant_id=p.id, block_id=block.id, at=when + 30 * i))
    return made


def _notes(session: Session, workshop_id: int, when: float, count: int, hidden: int = 0) -> None:
    for i in range(count + hidden):
        session.add(
            Note(
                workshop_id=workshop_id,
                text=f"Idée {i}",
                hidden=i >= count,
                created_at=when + i,
            )
        )


@pytest.fixture
def lab(ctx: Context) -> dict[str, int]:
    """A lab's two years: four workshops held in 2026 (one of them a 3-month programme begun
    in 2025, one run without émargement), one only prepared, one in 2027."""
    ids = {
        "mobilite": _workshop(
            ctx, "3h", "Mobilité des agents", "LaBase, Bordeaux", date(2026, 3, 10)
        ),
        "sprint": _workshop(ctx, "3j", "Sprint alimentation", "Poitiers", date(2026, 9, 26)),
        "tiers": _workshop(ctx, "3m", "Incubation tiers-lieux", "Cenon", date(2025, 11, 15)),
        "forum": _workshop(ctx, "3h", "Forum ouvert", "labase, bordeaux", date(2026, 6, 12)),
        "prepared": _workshop(ctx, "3h", "Préparé seulement", "Limoges", date(2026, 5, 5)),
        "later": _workshop(ctx, "3h", "L'an prochain", "Limoges", date(2027, 2, 1)),
    }

    def work(session: Session) -> None:
        # Mobilité: 4 people checked in (one more registered only), 4 post-its and a
        # moderated one, a vote, 3 answers, 2 actions, a chantier in incubation
        wid = ids["mobilite"]
        (block,) = _blocks(session, wid)
        day = at(2026, 3, 10, 9, 30)
        _run(session, block, day)
        _people(
            session,
            wid,
            [
                ("public", "Bordeaux Métropole"),
                ("public", "Bordeaux Métropole"),
                ("public", "DREAL Nouvelle-Aquitaine"),
                ("prive", "Vélo-Atlantique"),
            ],
            block,
            day,
        )
        _people(session, wid, [("public", "SGAR")], None, day)  # registered, never came
        _notes(session, wid, day, 4, hidden=1)
        session.add(
            VoteRound(workshop_id=wid, title="Priorités", kind="dots", opened_at=day + 3600)
        )
        for rating, keep in (
            (5, "Le mélange public et privé autour de la table."),
            (4, "Des idées concrètes et testables rapidement."),
            (4, ""),
        ):
            session.add(Feedback(workshop_id=wid, rating=rating, keep=keep, at=day + 9000))
        session.add(Action(workshop_id=wid, what="Tester la navette", who="DRH"))
        session.add(Action(workshop_id=wid, what="Cartographier les trajets", who="DREAL"))
        session.add(
            Project(
                workshop_id=wid, title="Navette partagée", status="en_incubation", created_at=day
            )
        )

        # Sprint (3 jours, Poitiers): day 1 on the timer, day 2 by check-ins only
        wid = ids["sprint"]
        first, second, *_rest = _blocks(session, wid)
        day1, day2 = at(2026, 9, 26, 9, 0), at(2026, 9, 27, 9, 0)
        _run(session, first, day1)
        people = _people(
            session,
            wid,
            [("public", "Département de la Gironde"), ("association", "Vélo-Cité"), ("usager", "")],
            first,
            day1,
        )
        session.add(CheckIn(participant_id=people[0].id, block_id=second.id, at=day2))
        _notes(session, wid, day1, 3)
        for _ in range(2):
            session.add(
                Feedback(
                    workshop_id=wid,
                    rating=3,
                    keep="Une légumerie partagée, enfin une idée concrète.",
                    at=day2,
                )
            )
        session.add(
            Project(
                workshop_id=wid, title="Légumerie", status="en_experimentation", created_at=day2
            )
        )

        # Tiers-lieux (3 mois): séance 1 in November 2025, séance 2 in January 2026
        wid = ids["tiers"]
        one, two, *_rest = _blocks(session, wid)
        nov, jan = at(2025, 11, 15, 14, 0), at(2026, 1, 20, 14, 0)
        _run(session, one, nov)
        _run(session, two, jan)
        pair = _people(
            session, wid, [("public", "Mairie de Cenon"), ("prive", "Coworking")], one, nov
        )
        session.add(CheckIn(participant_id=pair[0].id, block_id=two.id, at=jan))
        _notes(session, wid, nov, 1)
        _notes(session, wid, jan, 2)
        session.add(
            Project(
                workshop_id=wid, title="Tiers-lieu de Cenon", status="en_incubation", created_at=nov
            )
        )

        # Forum ouvert: run on the timer, nobody checked in, two people registered
        wid = ids["forum"]
        (block,) = _blocks(session, wid)
        _run(session, block, at(2026, 6, 12, 18, 0))
        _people(session, wid, [("usager", ""), ("usager", "")], None, at(2026, 6, 1))

        # prepared only: people registered and a date in 2026, never run
        wid = ids["prepared"]
        _people(session, wid, [("public", "Limoges Métropole")], None, at(2026, 5, 1))
        _notes(session, wid, at(2026, 5, 1), 2)

        # 2027
        wid = ids["later"]
        (block,) = _blocks(session, wid)
        later = at(2027, 2, 1, 9, 0)
        _run(session, block, later)
        _people(session, wid, [("public", "Région")], block, later)
        session.add(
            Project(workshop_id=wid, title="Plus tard", status="en_incubation", created_at=later)
        )

    ctx.db.write(work)
    return ids


def test_the_figures_of_a_year(ctx: Context, lab: dict[str, int]) -> None:
    data = activity_data(ctx, YEAR, organisation="LaBase")
    assert [w.title for w in data.workshops] == [
        "Incubation tiers-lieux",
        "Mobilité des agents",
        "Forum ouvert",
        "Sprint alimentation",
    ]
    assert data.sessions == 5
    assert data.session_days == (
        date(2026, 1, 20),
        date(2026, 3, 10),
        date(2026, 6, 12),
        date(2026, 9, 26),
        date(2026, 9, 27),
    )
    assert data.participants == 10
    assert data.by_category == {"public": 5, "prive": 1, "association": 1, "usager": 3}
    assert data.notes == 9  # moderated and 2025 post-its left out
    assert data.vote_rounds == 1
    assert data.actions == 2
    assert [p.title for p in data.projects] == ["Navette partagée", "Légumerie"]
    assert [p.title for p in data.incubating] == ["Tiers-lieu de Cenon", "Navette partagée"]
    assert [w.title for w in data.programmes] == ["Incubation tiers-lieux"]
    tiers = data.programmes[0]
    assert (tiers.sessions, tiers.sessions_planned, tiers.participants) == (1, 6, 1)
    assert data.average_rating == pytest.approx(19 / 5)
    assert data.rating_counts == {1: 0, 2: 0, 3: 2, 4: 2, 5: 1}
    assert data.places == (("LaBase, Bordeaux", 2), ("Poitiers", 2), ("Cenon", 1))
    forum = next(w for w in data.workshops if w.title == "Forum ouvert")
    assert not forum.checked_in and forum.participants == 2
    assert data.organisations[0] == ("Bordeaux Métropole", "public", 2)
    assert len(data.organisations) == 6
    # one quote per workshop in turn, the best rated first; the same words quoted once
    assert [v.text for v in data.verbatims] == [
        "Le mélange public et privé autour de la table.",
        "Une légumerie partagée, enfin une idée concrète.",
        "Des idées concrètes et testables rapidement.",
    ]


def test_a_period_cuts_a_programme(ctx: Context, lab: dict[str, int]) -> None:
    november = activity_data(ctx, Period(date(2025, 11, 1), date(2025, 11, 30)))
    assert [w.title for w in november.workshops] == ["Incubation tiers-lieux"]
    assert (november.sessions, november.participants, november.notes) == (1, 2, 1)
    assert [p.title for p in november.projects] == ["Tiers-lieu de Cenon"]
    assert [p.title for p in november.incubating] == ["Tiers-lieu de Cenon"]
    assert november.average_rating is None


def test_the_pdf_reads_like_a_lab_report(ctx: Context, lab: dict[str, int], tmp_path: Path):
    data = activity_data(ctx, YEAR, organisation="LaBase", author="Claire Martin")
    out = tmp_path / "bilan.pdf"
    steps: list[float] = []
    build_bilan(data, out, progress=lambda f, _m: steps.append(f))
    assert steps[-1] == 1.0 and steps == sorted(steps)
    text = pdf_text(out)
    pages = text.split("\f")
    cover = pages[0]
    assert "Bilan d'activité 2026" in cover
    assert "Du 1er janvier au 31 décembre 2026" in cover
    assert "4 ateliers, dont 1 programme de 3 mois" in cover
    for figure, label in (
        ("5", "séances"),
        ("10", "participants"),
        ("6", "organisations"),
        ("3,8", "satisfaction sur 5"),
        ("9", "post-its"),
        ("2", "actions décidées"),
        ("2", "chantiers lancés"),
        ("2", "projets en incubation"),
    ):
        assert re.search(rf"\b{re.escape(figure)}\b", cover), figure
        assert label in cover
    assert "50 % d'agents publics, 50 % d'acteurs privés, d'associations et d'usagers" in " ".join(
        cover.split()
    )
    body = " ".join(text.split())
    for heading in (
        "1. L'activité",
        "2. Les participants",
        "3. De la participation aux projets",
        "4. Idées, chantiers et actions",
        "5. La satisfaction des participants",
        "6. Capitalisation",
        "7. Les ateliers de la période",
        "8. Comment ces chiffres sont comptés",
    ):
        assert heading in body
    assert (
        "5 séances animées au cours de 4 ateliers, dont 1 programme de 3 mois, dans 3 lieux."
        in body
    )
    assert (
        "10 participations : 5 agents publics (50 %), 1 acteur privé (10 %), 1 association (10 %), 3 citoyens et usagers (30 %)."
        in body
    )
    assert "Navette partagée" in body and "Tiers-lieu de Cenon" in body and "Légumerie" in body
    assert "Plus tard" not in body and "Préparé seulement" not in body
    assert "Note moyenne : 3,8 / 5" in body
    assert "« Le mélange public et privé autour de la table. »" in body
    assert "Total : 4 ateliers" in body
    assert "Du 26 au 27 septembre 2026" in body
    assert "janvier" in body and "décembre" in body  # the months' chart
    assert "Un programme de 3 mois était en cours." in body
    total_pages = len([p for p in pages if p.strip()])
    numbers = re.findall(r"^(\d+) ?/ ?(\d+)$", text, re.MULTILINE)
    assert numbers == [(str(n), str(total_pages)) for n in range(1, total_pages + 1)]
    info = pdf_info(out)
    assert info["Title"] == "Bilan d'activité 2026 — LaBase"
    assert info["Author"] == "Claire Martin"
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    listed = fonts.splitlines()[2:]
    assert listed and all("DejaVuSans" in line and " yes " in line for line in listed), fonts


def test_an_empty_period_says_so(ctx: Context, lab: dict[str, int], tmp_path: Path) -> None:
    data = activity_data(ctx, Period.year(2024), organisation="LaBase")
    assert data.is_empty and data.sessions == 0 and data.average_rating is None
    out = tmp_path / "vide.pdf"
    build_bilan(data, out)
    body = " ".join(pdf_text(out).split())
    assert "Bilan d'activité 2024" in body
    assert (
        "Aucune séance n'a été animée avec Atelier du 1er janvier au 31 décembre 2024 : ce bilan "
        "ne contient donc aucun chiffre." in body
    )
    assert "Comment ces chiffres sont comptés" in body
    assert re.search(r"\b1 ?/ ?1$", body)


def test_dates_are_read_in_french_and_refused_clearly() -> None:
    assert parse_day("2026-01-31", "de début") == date(2026, 1, 31)
    assert parse_day(" 31/01/2026 ", "de début") == date(2026, 1, 31)
    assert parse_period("1/9/2025", "2026-06-30") == Period(date(2025, 9, 1), date(2026, 6, 30))
    with pytest.raises(InvalidInput, match="illisible : « 31 janvier »"):
        parse_day("31 janvier", "de début")
    with pytest.raises(InvalidInput, match="« 2026-02-30 » n'existe pas dans le calendrier"):
        parse_day("2026-02-30", "de fin")
    with pytest.raises(InvalidInput, match="avant de commencer le 1er juillet 2026"):
        parse_period("2026-07-01", "2026-06-30")


def test_the_command_line(
    ctx: Context, lab: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ctx.db.url if not ctx.db.url.startswith("sqlite") else ctx.db.url.split("///")[-1]
    out = tmp_path / "bilan.pdf"
    args = ["--db", db, "bilan", "--from", "2026-01-01", "--to", "31/12/2026", "--pdf", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"Bilan d'activité : {out}"
    assert "5 séances animées" in " ".join(pdf_text(out).split())

    for bad, message in (
        (["--from", "2026-13-01", "--to", "2026-12-31"], "n'existe pas dans le calendrier"),
        (["--from", "hier", "--to", "2026-12-31"], "Date de début illisible : « hier »"),
        (["--from", "2026-12-31", "--to", "2026-01-01"], "inversez les deux dates"),
    ):
        target = tmp_path / "refused.pdf"
        assert main(["--db", db, "bilan", *bad, "--pdf", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("atelier : ") and message in err and len(err.splitlines()) == 1
        assert not target.exists()
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal, on one line too
        main(["--db", db, "bilan", "--from", "2026-01-01", "--to", "2026-12-31"])
    assert refused.value.code == 2 and "--pdf" in capsys.readouterr().err


def test_a_big_year_stays_quick(tmp_path: Path) -> None:
    """200 workshops read in one transaction, without a query per workshop."""
    db = Database.open(tmp_path / "big.sqlite3")
    ctx = Context(db)
    try:
        ids = [
            _workshop(
                ctx, "3h", f"Atelier {i}", f"Lieu {i % 7}", date(2026, 1 + i % 12, 1 + i % 28)
            )
            for i in range(200)
        ]

        def work(session: Session) -> None:
            for i, wid in enumerate(ids):
                (block,) = _blocks(session, wid)
                when = at(2026, 1 + i % 12, 1 + i % 28, 10, 0)
                _run(session, block, when)
                _people(session, wid, [("public", f"Org {i % 30}"), ("prive", "")], block, when)
                _notes(session, wid, when, 5)
                session.add(Feedback(workshop_id=wid, rating=1 + i % 5, at=when))

        ctx.db.write(work)
        statements: list[str] = []
        from sqlalchemy import event

        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        data = activity_data(ctx, YEAR)
        assert (data.sessions, data.participants, data.notes) == (200, 400, 1000)
        assert len(statements) < 20
        out = tmp_path / "grand.pdf"
        build_bilan(data, out)
        assert "Total : 200 ateliers" in " ".join(pdf_text(out).split())
    finally:
        db.close()


def test_the_funnel_from_participation_to_incubated_projects(
    ctx: Context, lab: dict[str, int], tmp_path: Path
) -> None:
    # the same person at Mobilité and at the sprint, written differently the second time
    def work(session: Session) -> None:
        first = session.scalars(
            select(Participant)
            .where(Participant.workshop_id == lab["mobilite"])
            .order_by(Participant.id)
        ).first()
        again = session.scalars(
            select(Participant)
            .join(CheckIn, CheckIn.participant_id == Participant.id)
            .where(Participant.workshop_id == lab["sprint"])
            .order_by(Participant.id)
        ).first()
        assert first is not None and again is not None
        again.name = "  " + first.name.upper().replace("E", "É") + " "
        again.organisation = first.organisation.lower().replace("é", "e")

    ctx.db.write(work)
    data = activity_data(ctx, Period.year(2026), organisation="LaBase")
    assert (data.participants, data.people) == (10, 9)
    assert (data.notes, len(data.projects)) == (9, 2)
    # incubated: in incubation or gone further, created by the period's end
    assert [(p.title, p.status) for p in data.incubated] == [
        ("Tiers-lieu de Cenon", "en_incubation"),
        ("Navette partagée", "en_incubation"),
        ("Légumerie", "en_experimentation"),
    ]
    out = tmp_path / "bilan.pdf"
    build_bilan(data, out)
    text = pdf_text(out)
    body = " ".join(text.split())
    section = body.split("3. De la participation aux projets", 1)[1].split("4. Idées", 1)[0]
    assert (
        "10 participations, soit 9 personnes distinctes¹, ont donné 9 idées sur post-it ; "
        "2 chantiers ont été lancés et 3 projets sont incubés." in section
    )
    # the funnel's four stages with their numbers, in order
    layout = pdf_text(out, "-layout")
    funnel = layout.split("De la participation aux projets", 1)[1]
    stages = re.findall(
        r"(Participations|Idées \(post-its\)|Chantiers lancés|Projets incubés) +(\d+)", funnel
    )
    assert stages[:4] == [
        ("Participations", "10"), ("Idées (post-its)", "9"),
        ("Chantiers lancés", "2"), ("Projets incubés", "3"),
    ]  # fmt: skip
    # the incubated projects named, with their status
    assert re.search(r"Légumerie +Sprint alimentation +En expérimentation", funnel)
    assert re.search(r"Navette partagée +Mobilité des agents +En incubation", funnel)
    assert "¹ Personnes distinctes : même nom et même organisation" in section  # by the funnel
    assert "Ce sont 9 personnes distinctes, certaines venues à plusieurs ateliers." in body
