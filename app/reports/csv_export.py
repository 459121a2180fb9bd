"""CSV files that open cleanly in a French spreadsheet.

UTF-8 with a BOM (so Excel reads the accents), `;` between cells (the French list
separator), CRLF line ends, dates as 22/11/2026. A cell that a spreadsheet would run as a
formula (starting with = + - @, a tab or a CR) gets a leading apostrophe: it shows as text.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.french import french_number
from app.domain.report import (
    CATEGORY_LABELS,
    VOTE_KINDS,
    ReportData,
    ReportVoteRound,
    VoteResult,
)
from app.domain.votes import decimals_to_differ
from app.errors import os_reason
from app.reports.text import clean
from app.system.files import ExportError, atomic_output

if TYPE_CHECKING:
    from app.ops.base import Context

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    name: str
    organisation: str
    category: str
    consent_named: bool
    checked_in_at: float | None


def cell(value: object) -> str:
    """One cell's text: cleaned, and never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    raw = str(value)
    if raw.startswith(FORMULA_STARTS):  # checked before cleaning: a tab or CR counts too
        return "'" + clean(raw)
    text = clean(raw)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _moment(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M")


def _result(kind: str, result: VoteResult, places: int = 2) -> object:
    """A line's result as the report gives it: votes or points, the majority grade, or the
    weighted mean (a French decimal, as a spreadsheet in French reads it, with enough
    decimals that different means never read the same)."""
    if not result.scored:
        return ""
    if kind == "majority":
        return result.grade
    if kind == "criteria":
        return "" if result.score is None else french_number(result.score, places)
    return result.total


def _places(vote: ReportVoteRound) -> int:
    return decimals_to_differ((r.score for r in vote.results if r.score is not None), least=2)


def _why(result: VoteResult) -> str:
    """'éliminée : Faisable dans les 18 mois 2,5 < 3' (criteria grid), else empty."""
    return " ; ".join(
        f"éliminée : {label} {french_number(mean, 2)} < {french_number(threshold)}"
        for label, mean, threshold in result.eliminated
    )


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with atomic_output(path) as temp, open(temp, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([cell(h) for h in header])
        for row in rows:
            writer.writerow([cell(v) for v in row])


def export_csv(
    data: ReportData, participants: Sequence[ParticipantRow], folder: str | os.PathLike[str]
) -> list[Path]:
    """participants.csv, post-its.csv, votes.csv and actions.csv in `folder` (made if needed)."""
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            "Impossible de créer le dossier « {target} » ({reason}).",
            target=target,
            reason=os_reason(exc),
        ) from exc
    written = []

    path = target / "participants.csv"
    write_csv(
        path,
        ["Nom", "Organisation", "Catégorie", "Accepte d'être nommé", "Arrivée"],
        (
            [
                p.name,
                p.organisation,
                CATEGORY_LABELS.get(p.category, p.category),
                p.consent_named,
                _moment(p.checked_in_at),
            ]
            for p in participants
        ),
    )
    written.append(path)

    path = target / "post-its.csv"
    write_csv(
        path,
        ["N°", "Regroupement", "Texte", "Écrit le"],
        (
            [
                note.id,
                cluster.title if cluster.id is not None else "",
                note.text,
                _moment(note.created_at),
            ]
            for cluster in data.clusters
            for note in cluster.notes
        ),
    )
    written.append(path)

    path = target / "votes.csv"
    places = {vote.title + str(vote.opened_at): _places(vote) for vote in data.vote_rounds}
    write_csv(
        path,
        ["Tour de vote", "Type", "Rang", "Proposition", "Résultat", "Votants", "Élimination"],
        (
            [
                vote.title,
                VOTE_KINDS.get(vote.kind, vote.kind),
                result.rank if result.scored and not result.eliminated else "",
                result.label,
                _result(vote.kind, result, places[vote.title + str(vote.opened_at)]),
                result.voters,
                _why(result),
            ]
            for vote in data.vote_rounds
            for result in vote.results
        ),
    )
    written.append(path)

    path = target / "actions.csv"
    write_csv(
        path,
        ["Action", "Qui", "Échéance", "Faite"],
        ([a.what, a.who, a.due, a.done] for a in data.actions),
    )
    written.append(path)
    return written


def export_workshop_csv(
    ctx: Context,
    workshop_id: int,
    folder: str | os.PathLike[str],
    *,
    data: ReportData | None = None,
) -> list[Path]:
    """participants.csv, post-its.csv, votes.csv and actions.csv of a workshop in `folder`
    (the window's "Exporter en CSV…" and `atelier export --csv`); the files written."""
    from app.ops.participants import attendees
    from app.ops.report_data import report_data

    people = [
        ParticipantRow(a.name, a.organisation, a.category, a.consent_named, a.arrived_at)
        for a in attendees(ctx, workshop_id)
    ]
    return export_csv(data or report_data(ctx, workshop_id), people, folder)
