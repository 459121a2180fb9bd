"""'Décisions et suites' (issue 15, point 5): the compte-rendu opens, right after its cover,
with what the workshop leads to: the funnel from post-its to incubated projects, the criteria
that chose, the chantiers with owner and next date, the action plan, the ideas not retained.
The cover's figures agree with it. Read back from the PDF, as a partner reads it."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.ops import board, outcomes, projects, votes
from app.ops.base import Context
from app.ops.participants import check_in
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.store.db import Database
from app.store.models import Cluster, Note

THEMES = ("Mobilités", "Alimentation", "Numérique", "Énergie", "Accueil du public")
CHOSEN = (  # the four chantiers incubated, with their owner and target date
    ("Navette partagée entre les sites de Mériadeck", "Claire Martin (DREAL)", date(2027, 3, 15)),
    ("Légumerie solidaire pour les cantines", "Yann Le Gall (Gironde)", date(2027, 4, 2)),
    ("Guichet unique des aides à la rénovation", "Sophie Laurent (SGAR)", date(2027, 5, 20)),
    ("Tiers-lieu numérique de Cenon", "Mehdi Aït-Ali (Métropole)", date(2027, 6, 30)),
)
ACTIONS = (
    ("Réunir les quatre porteurs de projet", "Marie Dupont", date(2027, 1, 12)),
    ("Présenter les chantiers au comité de pilotage", "Paul Bernard", date(2027, 2, 3)),
    ("Envoyer le compte-rendu aux partenaires", "Julie Moreau", date(2026, 12, 1)),
)
CRITERIA = [
    {"key": "partenaires", "label": "Intéresse au moins 2 des 4 partenaires", "weight": 2,
     "threshold": 3},
    {"key": "faisable", "label": "Faisable dans les 18 mois de l'expérimentation"},
    {"key": "sobriete", "label": "Favorise la sobriété écologique et économique"},
]  # fmt: skip
# each chantier's scores from the three voters on each criterion (partenaires, faisable,
# sobriété): the weighted mean is (2·A + B + C) / 12 with A, B, C the criteria's sums
GRIDS = [
    ((5, 5, 5), (5, 5, 5), (5, 4, 4)),  # 58/12 = 4,833…
    ((5, 5, 5), (5, 5, 5), (4, 4, 4)),  # 57/12 = 4,75: both read "4,8" with one decimal
    ((5, 5, 4), (5, 5, 4), (5, 4, 4)),  # 55/12
    ((5, 4, 4), (5, 4, 4), (5, 4, 4)),  # 52/12
    ((3, 3, 2), (5, 5, 5), (5, 5, 5)),  # partenaires 2,67 < 3: eliminated, whatever else
] + [((3, 3, 3), (3, 3, 3 - n % 2), (3, 2, 2)) for n in range(10)]


def pdf_text(path: Path, *extra: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def ctx(tmp_path: Path):  # SQLite only: what is read is the document
    db = Database.open(tmp_path / "atelier.sqlite3")
    try:
        yield Context(db)
    finally:
        db.close()


def _scenario(ctx: Context) -> int:
    wid = create_workshop(ctx, format_key="3m", title="Appel à idées des agents").workshop_id
    assert wid is not None
    titles = [t for t, _o, _d in CHOSEN] + [f"Chantier prioritaire n° {n}" for n in range(5, 16)]

    def notes(session) -> list[int]:
        clusters = []
        for n, theme in enumerate(THEMES):
            cluster = Cluster(workshop_id=wid, title=theme, x=float(n))
            session.add(cluster)
            session.flush()
            clusters.append(cluster.id)
        ids = []
        for n in range(150):
            text = titles[n] if n < 15 else f"Idée n° {n + 1} : une proposition d'agent"
            note = Note(workshop_id=wid, cluster_id=clusters[n % 5], text=text, y=float(n),
                        created_at=float(n))  # fmt: skip
            session.add(note)
            session.flush()
            ids.append(note.id)
        return ids

    ids = ctx.db.write(notes)
    keys = [f"note:{i}" for i in ids]
    # a dot vote on the 150 post-its; the first 15 chantiers
    dots = votes.open_round(ctx, wid, kind="dots", items=keys, title="Priorités").ids[0]
    votes.add_paper_votes(ctx, dots, {k: (100 - 3 * n if n < 15 else n % 2) for n, k in
                                      enumerate(keys)})  # fmt: skip
    votes.close_round(ctx, dots)
    votes.reveal_results(ctx, dots)
    chantiers = votes.promote_to_projects(ctx, dots, top=15).ids
    assert len(chantiers) == 15
    # the criteria grid on the 15, with an eliminatory criterion
    grid = votes.open_round(ctx, wid, kind="criteria", items=keys[:15], title="Grille LaBase",
                            settings={"criteria": CRITERIA}).ids[0]  # fmt: skip
    people = [
        check_in(ctx, wid, name=n, category="public", key=f"join-{n}-0001").participant_id
        for n in ("Alex", "Sam", "Lou")
    ]
    for who, person in enumerate(people):
        ballot = {
            k: {c["key"]: scores[who] for c, scores in zip(CRITERIA, GRIDS[n], strict=True)}
            for n, k in enumerate(keys[:15])
        }
        votes.cast_ballot(ctx, wid, grid, person, ballot, key=f"grid-{who}-000001")
    votes.close_round(ctx, grid)
    for pid, (_title, owner, target) in zip(chantiers, CHOSEN, strict=False):
        projects.update_project(ctx, pid, status="en_incubation", owner=owner, target_date=target)
    projects.add_entry(ctx, chantiers[0], date(2030, 1, 20), "Premier essai de la navette")
    for what, who, due in ACTIONS:
        outcomes.create_action(ctx, wid, what, who=who, due=due)
    # what became of the others: some merged, some set aside with a reason
    outcomes.set_fate(ctx, wid, ids[15:20], "fusionnee", into=ids[0])
    outcomes.set_fate(ctx, wid, ids[20:30], "mise_de_cote", reason="Hors du périmètre")
    board.board_data(ctx, wid)  # the board reads back
    return wid


def test_the_report_opens_with_decisions_and_the_cover_agrees(ctx: Context, tmp_path: Path) -> None:
    wid = _scenario(ctx)
    data = report_data(ctx, wid, organisation="LaBase")
    assert (data.note_count, data.fates.retenue, len(data.projects), len(data.incubated)) == (
        150, 15, 15, 4,
    )  # fmt: skip
    out = tmp_path / "compte-rendu.pdf"
    build_report(data, out)
    pages = pdf_text(out).split("\f")
    where = [n for n, page in enumerate(pages, 1) if "Décisions et suites" in page]
    assert where and where[0] in (2, 3), where
    first = where[0]
    section = flat(" ".join(pages[first - 1 : first + 1]))  # the section and the page after
    section = section.split("Sommaire", 1)[0]
    assert "1. Décisions et suites" in section
    for title, owner, _target in CHOSEN:
        assert title in section, title
        assert owner in section, owner
    # the next date: the timeline's next step, else the target date
    assert "20 janvier 2030" in section and "Premier essai de la navette" in section
    for _title, _owner, target in CHOSEN[1:]:
        day = f"{target.day if target.day > 1 else '1er'} "
        assert day + {3: "mars", 4: "avril", 5: "mai", 6: "juin"}[target.month] in section
    # the funnel's four numbers, in order
    layout = pdf_text(out, "-layout", "-f", str(first), "-l", str(first))
    stages = re.findall(
        r"(Post-its|Idées retenues|Chantiers lancés|Projets incubés) +(\d+)", layout
    )
    assert stages[:4] == [
        ("Post-its", "150"), ("Idées retenues", "15"),
        ("Chantiers lancés", "15"), ("Projets incubés", "4"),
    ]  # fmt: skip
    # the criteria, the eliminatory one with its threshold
    assert "Intéresse au moins 2 des 4 partenaires (poids 2, éliminatoire sous 3)" in section
    assert "1 proposition éliminée par un critère éliminatoire" in section
    # close scores read apart: 4,83 and 4,75, not "4,8" twice
    assert "4,83 / 5 (1er)" in section and "4,75 / 5 (2e)" in section
    # the action plan: who and when
    for what, who, _due in ACTIONS:
        assert what in section and who in section, what
    assert "12 janvier 2027" in section and "3 février 2027" in section
    assert "1er décembre 2026" in section
    # the ideas not retained
    assert "135 idées n'ont pas été retenues : 5 ont été fusionnées" in section
    assert "10 ont été mises de côté (10 avec leur raison)" in section
    assert "120 restent sans décision" in section
    # the cover says the same
    cover = flat(pages[0])
    assert "3 actions décidées ; 15 chantiers lancés dont 4 projets incubés" in cover
    tiles = pdf_text(out, "-layout", "-f", "1", "-l", "1")
    numbers = next(line for line in tiles.splitlines() if re.match(r"^\s*3\s+150\s", line))
    assert numbers.split() == ["3", "150", "3", "15", "4"]  # participants … incubés


def test_nothing_decided_says_so_in_one_sentence(ctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Rien de décidé").workshop_id
    assert wid is not None
    board.add_note(ctx, wid, text="Une idée sans suite")
    out = tmp_path / "vide.pdf"
    build_report(report_data(ctx, wid), out)
    page = flat(pdf_text(out).split("\f")[1]).split("Sommaire", 1)[0]
    assert "1. Décisions et suites Aucune décision ni action n'a été enregistrée." in page
    assert "Plan d'action" not in page and "Post-its" not in page
    assert "Sommaire" in pdf_text(out).split("\f")[1]  # on the same page
    assert "0 chantier" not in flat(pdf_text(out).split("\f")[0])


def test_decisions_in_english(ctx: Context, tmp_path: Path) -> None:
    from app.reports.i18n import strict

    wid = _scenario(ctx)
    out = tmp_path / "report.pdf"
    with strict():  # a fixed word without English raises
        build_report(report_data(ctx, wid, organisation="LaBase"), out, lang="en")
    pages = pdf_text(out).split("\f")
    first = next(n for n, page in enumerate(pages, 1) if "Decisions and next steps" in page)
    section = flat(" ".join(pages[first - 1 : first + 1])).split("Contents", 1)[0]
    assert "Out of 150 sticky notes, 15 ideas were retained; 15 projects were launched" in section
    layout = pdf_text(out, "-layout", "-f", str(first), "-l", str(first))
    stages = re.findall(
        r"(Sticky notes|Ideas retained|Projects launched|Incubated projects) +(\d+)", layout
    )
    assert stages[:4] == [
        ("Sticky notes", "150"), ("Ideas retained", "15"),
        ("Projects launched", "15"), ("Incubated projects", "4"),
    ]  # fmt: skip
    assert "1 proposal eliminated by an eliminatory criterion" in section
    assert "4.83 / 5 (1st)" in section and "4.75 / 5 (2nd)" in section
    assert "4.58 / 5 (3rd)" in section and "(tied 5th)" in section
    assert "eliminated" in section and "To be named" in section
    assert "20 January 2030" in section and "1 December 2026" in section
    assert "135 ideas were not retained: 5 were merged with a similar idea" in section
    assert "10 were set aside (10 with their reasons), 120 remain undecided so far." in section
    for french in ("Décisions", "janvier", "1er", "ex æquo", "Porteur", "Échéance", "À faire"):
        assert french not in section, french


def test_nothing_decided_in_english(ctx: Context, tmp_path: Path) -> None:
    from app.reports.i18n import strict

    wid = create_workshop(ctx, format_key="3h", title="Nothing decided").workshop_id
    assert wid is not None
    board.add_note(ctx, wid, text="An idea with no follow-up")
    out = tmp_path / "empty.pdf"
    with strict():
        build_report(report_data(ctx, wid), out, lang="en")
    page = flat(pdf_text(out).split("\f")[1])
    assert "1. Decisions and next steps No decision or action was recorded." in page
