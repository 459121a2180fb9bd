"""What a workshop leads to, from a co-facilitator's laptop (issue 15): a co-animateur edits an
action and the lead's compte-rendu shows it; the decisions after a vote (promotions, fates, a
chantier's status) stay the lead's unless she delegates them ("copilote")."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cofac_helpers import Host, eventually

from app.cofac_client import CoFacClient
from app.ops import notes, outcomes, projects, votes
from app.ops.report_data import report_data
from app.reports.compte_rendu import build_report


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return " ".join(out.split())


def _voted_round(host: Host) -> int:
    """A dot vote on the host's post-its, "Idée 2" first."""
    ids = [n.id for n in notes.workshop_notes(host.ctx, host.workshop_id)]
    items = [f"note:{i}" for i in ids]
    rid = votes.open_round(host.ctx, host.workshop_id, kind="dots", items=items,
                           title="Priorités").ids[0]  # fmt: skip
    votes.add_paper_votes(host.ctx, rid, {items[1]: 6, items[0]: 2})
    votes.close_round(host.ctx, rid)
    return rid


def test_a_laptop_edits_an_action_and_the_lead_report_shows_it(
    host: Host, make_laptop: Callable[..., CoFacClient], tmp_path: Path
) -> None:
    action = outcomes.create_action(host.ctx, host.workshop_id, "Écrire au DGS").ids[0]
    laptop = make_laptop(host, name="Camille", role="coanimateur")
    assert laptop.wait(lambda: bool(outcomes.actions(laptop.ctx, host.workshop_id)))
    laptop.submit("outcomes.update_action", {
        "action_id": action, "who": "Mme Durand", "due": "2027-03-12", "status": "en_cours",
    })  # fmt: skip

    def edited() -> bool:
        a = outcomes.actions(host.ctx, host.workshop_id)[0]
        return (a.who, a.due, a.status) == ("Mme Durand", date(2027, 3, 12), "en_cours")

    eventually(edited)
    # the laptop's own views show it once the host's journal comes back
    assert laptop.wait(
        lambda: outcomes.actions(laptop.ctx, host.workshop_id)[0].who == "Mme Durand"
    )
    pdf = tmp_path / "compte-rendu.pdf"
    build_report(report_data(host.ctx, host.workshop_id), pdf)
    text = _pdf_text(pdf)
    assert "Décisions et suites" in text
    assert "Écrire au DGS" in text and "Mme Durand" in text
    assert "12 mars 2027" in text
    assert "À désigner" not in text


def test_decisions_are_the_leads_unless_delegated(
    host: Host, make_laptop: Callable[..., CoFacClient]
) -> None:
    rid = _voted_round(host)
    helper = make_laptop(host, name="Camille", role="coanimateur")
    with host.http(helper.pairing.token) as client:
        refused = client.post("/api/cofac/op", json={
            "op": "votes.promote_to_projects", "args": {"round_id": rid, "top": 1},
            "key": "promote-by-coanimateur-01",
        })  # fmt: skip
        assert refused.status_code == 403 and refused.json()["code"] == "interdit"
        # a co-animateur edits a chantier's follow-up, not its status (a decision)
        chantier = projects.create_project(host.ctx, host.workshop_id, "Tiers-lieu").ids[0]
        sneaky = client.post("/api/cofac/op", json={
            "op": "projects.update_project", "args": {"project_id": chantier,
                                                      "status": "en_incubation"},
            "key": "status-by-coanimateur-1",
        })  # fmt: skip
        assert sneaky.status_code == 422, sneaky.text
        assert "status" in sneaky.json()["message"]
    assert projects.chantiers(host.ctx, host.workshop_id)[0].status == "idee"

    delegate = make_laptop(host, name="Dominique", role="copilote")
    with host.http(delegate.pairing.token) as client:
        body = {"op": "votes.promote_to_projects", "args": {"round_id": rid, "top": 1},
                "key": "promote-by-copilote-0001"}  # fmt: skip
        first = client.post("/api/cofac/op", json=body)
        assert first.status_code == 200, first.text
        again = client.post("/api/cofac/op", json=body)  # a retry: promoted once
        assert again.status_code == 200 and again.json()["seq"] == first.json()["seq"]
        made = {c.title: c for c in projects.chantiers(host.ctx, host.workshop_id)}
        assert set(made) == {"Tiers-lieu", "Idée 2"}
        status = client.post("/api/cofac/op", json={
            "op": "projects.set_status", "args": {"project_id": made["Idée 2"].id,
                                                  "status": "en_incubation"},
            "key": "incubate-by-copilote-01",
        })  # fmt: skip
        assert status.status_code == 200, status.text
        other = [t for t in outcomes.fate_trail(host.ctx, host.workshop_id) if t.fate is None]
        aside = client.post("/api/cofac/op", json={
            "op": "outcomes.set_fate", "args": {"note_ids": [other[0].note_id],
                                                "fate": "mise_de_cote", "reason": "Plus tard"},
            "key": "aside-by-copilote-0001",
        })  # fmt: skip
        assert aside.status_code == 200, aside.text
    trail = {t.text: t for t in outcomes.fate_trail(host.ctx, host.workshop_id)}
    assert trail["Idée 2"].fate == "retenue" and trail["Idée 2"].project_title == "Idée 2"
    assert (trail["Idée 1"].fate, trail["Idée 1"].reason) == ("mise_de_cote", "Plus tard")
    status_now = {c.title: c.status for c in projects.chantiers(host.ctx, host.workshop_id)}
    assert status_now["Idée 2"] == "en_incubation"
    # the history names who decided
    from app.ops import queries

    actors = {e["op"]: e["actor"] for e in queries.journal_entries(host.ctx, host.workshop_id, 0)}
    assert actors["projects.promote"] == "cofac:Dominique"
    assert actors["outcomes.set_fate"] == "cofac:Dominique"
