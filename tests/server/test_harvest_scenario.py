"""A 100-person "appel à idées" played through the real server (issue 15): 100 phones check
in and post 150 post-its, a dot vote keeps 15 of them as chantiers and 3 as actions, the LaBase
criteria grid (with its eliminatory rule) picks 4 to incubate, and the compte-rendu, read back
with pdftotext, states the decision right after its cover: "Décisions et suites" on page 2 or
3, the funnel's four numbers, the four projects named with their owner and next date, the
actions with who and when, the project the eliminatory rule put out and why."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx

from app.domain.votes import LABASE_CRITERIA
from app.ops import live, outcomes, projects, votes
from app.ops.base import Context
from app.ops.report_data import report_data
from app.ops.workshops import update_cadrage
from app.reports.compte_rendu import build_report

PARTNERS = ("Région Nouvelle-Aquitaine", "Bordeaux Métropole", "Département de la Gironde",
            "Préfecture (SGAR)")  # fmt: skip
SUBJECTS = (
    "prêter des vélos électriques aux agents",
    "un guichet unique pour les démarches",
    "des tiers-lieux dans les petites communes",
    "former les agents à l'accueil numérique",
    "partager les véhicules de service entre administrations",
    "un annuaire commun des experts",
    "simplifier les pièces justificatives",
    "des bureaux partagés près des gares",
    "un budget participatif des agents",
    "mutualiser les achats de fournitures",
    "accueillir les usagers le samedi matin",
    "des ateliers d'écriture en langage clair",
    "un covoiturage entre sites",
    "ouvrir les données des transports",
    "un tutorat des nouveaux",
)
DOTS = 5  # per phone: 100 phones, 500 dots


def _texts() -> list[str]:
    """150 distinct ideas, as phones type them."""
    places = (
        "à Bordeaux",
        "en Gironde",
        "dans les Landes",
        "au siège",
        "sur chaque site",
        "pour les usagers",
        "pour les agents",
        "dès 2027",
        "en test",
        "avec les communes",
    )
    return [f"{SUBJECTS[n % 15]} {places[n // 15]}" for n in range(150)]  # fmt: skip


def _pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return [" ".join(page.split()) for page in out.split("\f")]


def test_a_100_person_harvest_reaches_four_incubated_projects(
    serve: Callable[..., tuple[Context, int, httpx.Client]], tmp_path: Path
) -> None:
    def prepare(ctx: Context, wid: int) -> None:
        update_cadrage(ctx, wid, partners="\n".join(PARTNERS), expected="100")

    ctx, wid, client = serve(title="Appel à idées : l'administration de demain", prepare=prepare)
    code = live.door(ctx, wid)[1]

    # 100 phones check in, agents of the four partners
    tokens = []
    for n in range(100):
        joined = client.post("/api/join", json={
            "code": code, "name": f"Agent {n:03d}", "organisation": PARTNERS[n % 4],
            "category": "public", "consent_named": n % 3 == 0, "key": f"join-agent-{n:04d}",
        })  # fmt: skip
        assert joined.status_code == 201, joined.text
        tokens.append({"Authorization": f"Bearer {joined.json()['token']}"})

    # 150 post-its: one from each phone, a second from half of them
    note_ids = []
    for n, text in enumerate(_texts()):
        sent = client.post("/api/notes", headers=tokens[n % 100],
                           json={"text": text, "key": f"note-{n:04d}-key"})  # fmt: skip
        assert sent.status_code == 201, sent.text
        note_ids.append(sent.json()["id"])
    assert len(set(note_ids)) == 150

    # the dot vote on the whole board: ideas 0–14 lead (25 down to 11 dots), the others 1 or 2
    rid = votes.open_round(ctx, wid, kind="dots", title="Vos priorités",
                           settings={"dots": DOTS, "cap": 3, "own_allowed": True}).ids[0]  # fmt: skip
    wanted = [25 - i for i in range(15)] + [2 if i < 110 else 1 for i in range(15, 150)]
    dots = [f"note:{note_ids[i]}" for i, count in enumerate(wanted) for _ in range(count)]
    assert len(dots) == 100 * DOTS
    for p in range(100):
        mine: dict[str, int] = {}
        for item in dots[p::100]:
            mine[item] = mine.get(item, 0) + 1
        cast = client.post(f"/api/votes/{rid}/ballot", headers=tokens[p],
                           json={"choices": mine, "key": f"dots-{p:04d}-key"})  # fmt: skip
        assert cast.status_code == 200, cast.text
    votes.close_round(ctx, rid)

    # the facilitator promotes 15 chantiers and 3 actions, with owners and dates
    assert len(votes.promotion_preview(ctx, rid, top=15)) == 15
    votes.promote_to_projects(ctx, rid, top=15)
    votes.promote_to_actions(ctx, rid, top=3)
    owners = [("Mme Durand (Région)", date(2027, 1, 15)), ("M. Petit (SGAR)", date(2027, 2, 1)),
              ("Équipe LaBase", date(2027, 3, 12))]  # fmt: skip
    for action, (who, due) in zip(outcomes.actions(ctx, wid), owners, strict=True):
        outcomes.update_action(ctx, action.id, who=who, due=due, status="en_cours")
    chantiers = projects.chantiers(ctx, wid)
    assert len(chantiers) == 15
    by_text = {c.title: c for c in chantiers}

    # the LaBase grid on the 15 chantiers' post-its, 10 jurors from their phones: the best
    # mean belongs to idea 0, which interests too few partners (eliminatory rule)
    items = [f"note:{note_ids[i]}" for i in range(15)]
    grid = votes.open_round(ctx, wid, kind="criteria", items=items, title="Grille LaBase",
                            settings={"criteria": "labase"}).ids[0]  # fmt: skip
    keys = [c.key for c in LABASE_CRITERIA]
    for juror in range(10):
        scores = {}
        for i, item in enumerate(items):
            base = 5 if i == 0 else 4 if i in (3, 6, 9, 12) else 3
            row = dict.fromkeys(keys, base)
            if i == 0:
                row["partenaires"] = 2  # interests fewer than 2 of the 4 partners (below 3)
            scores[item] = row
        cast = client.post(f"/api/votes/{grid}/ballot", headers=tokens[juror],
                           json={"choices": scores, "key": f"grid-{juror:04d}-key"})  # fmt: skip
        assert cast.status_code == 200, cast.text
    votes.close_round(ctx, grid)
    ranked = votes.results(ctx, grid).lines
    eliminated = [line for line in ranked if line.detail.get("eliminated")]
    assert [line.label for line in eliminated] == [_texts()[0]]
    chosen = [line.label for line in ranked if not line.detail.get("eliminated")][:4]
    assert sorted(chosen) == sorted(_texts()[i] for i in (3, 6, 9, 12))

    # the four are incubated, each with an owner, partners and a next date
    for n, label in enumerate(chosen):
        chantier = by_text[label]
        projects.set_status(ctx, chantier.id, "en_incubation")
        projects.update_project(ctx, chantier.id, owner=f"Porteur {n + 1}",
                                partners=list(PARTNERS[:2]), start_date=date(2027, 1, 4),
                                target_date=date(2027, 6, 30))  # fmt: skip
    # the ideas not retained are set aside, kept in the annexe
    undecided = [t.note_id for t in outcomes.fate_trail(ctx, wid) if t.fate is None]
    assert len(undecided) == 135
    outcomes.set_fate(ctx, wid, undecided, "mise_de_cote", reason="Reprises au comité de suivi")
    live.end_session(ctx, wid)

    pdf = tmp_path / "compte-rendu.pdf"
    build_report(report_data(ctx, wid), pdf)
    pages = _pdf_pages(pdf)
    at = next(n for n, page in enumerate(pages, 1) if "Décisions et suites" in page)
    assert at in (2, 3), f"« Décisions et suites » on page {at}"
    section = " ".join(pages[at - 1 : at + 1])  # the section and the page it runs onto
    for label in chosen:
        assert label in section, label
    for figure in ("150", "15", "4"):
        assert figure in section
    retained = sum(1 for t in outcomes.fate_trail(ctx, wid) if t.fate == "retenue")
    assert retained == 15 and f"{retained}" in section
    for n in range(4):
        assert f"Porteur {n + 1}" in section
    assert "30 juin 2027" in section
    for who, _due in owners:
        assert who in section
    assert "15 janvier 2027" in section and "12 mars 2027" in section
    assert "Grille LaBase" in section or "critères" in section
    assert _texts()[0] in section  # the eliminated one, named with the reason
    assert "Intéresse au moins 2 des 4 partenaires" in section
    assert "éliminé : C1 2,0 < 3" in section  # why, in the chantiers' table
    # the cover's tiles agree with the section
    cover = pages[0]
    assert "3 actions" in cover and "15 chantiers" in cover, cover
