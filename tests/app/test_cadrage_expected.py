"""The cadrage's expected number of participants: stored with the cadrage, refused when it is no
number (nothing changed), shown in the compte-rendu's cadrage section."""

from __future__ import annotations

import subprocess

import pytest

from app.errors import InvalidInput
from app.ops.base import Context
from app.ops.queries import workshop_detail
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop, update_cadrage
from app.reports.compte_rendu import build_report


def test_the_expected_number_is_kept_and_reported(ctx: Context, tmp_path) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    update_cadrage(ctx, wid, expected=" 024 ", why="Partir des usages.")
    assert workshop_detail(ctx, wid).cadrage.expected == "24"
    for bad in ("vingt", "-3", "0", "10000", "2,5"):
        with pytest.raises(InvalidInput, match="participants attendus"):
            update_cadrage(ctx, wid, expected=bad, why="changé")
    cadrage = workshop_detail(ctx, wid).cadrage
    assert (cadrage.expected, cadrage.why) == ("24", "Partir des usages.")  # nothing changed
    pdf = tmp_path / "cr.pdf"
    build_report(report_data(ctx, wid), pdf)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())  # fmt: skip
    assert "Nombre de participants attendus 24" in text
    update_cadrage(ctx, wid, expected="")  # no longer known
    assert workshop_detail(ctx, wid).cadrage.expected == ""
