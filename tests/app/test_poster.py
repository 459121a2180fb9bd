"""The QR poster, read back as a phone would: rendered with pdftoppm, decoded with zbarimg."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.reports.poster import PosterInfo, build_poster
from app.store.db import Database

TITLE = "Sprint <b>alimentation</b> & territoire : « circuits courts » " + "très long " * 12
INFO = PosterInfo(
    title=TITLE,
    join_url="http://192.168.8.20:8765/web/",
    code="K7QXM",
    organisation="LaBase",
    wifi_ssid="LaBase;Atelier",
    wifi_password='mot:de"passe',
)


def decoded(pdf: Path, tmp_path: Path) -> list[str]:
    """Every QR code on the page, as a phone's camera reads them."""
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(prefix)], check=True)
    (image,) = tmp_path.glob(f"{pdf.stem}*.png")
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return sorted(out.splitlines())


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout


def page_size(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size")).split(":")[1]


@pytest.mark.parametrize(
    ("size", "points"), [("A4", "595.276 x 841.89"), ("A3", "841.89 x 1190.55")]
)
def test_both_qr_codes_read_back_on_a4_and_a3(tmp_path, size, points):
    pdf = tmp_path / f"affiche-{size}.pdf"
    build_poster(INFO, pdf, size)
    assert points in page_size(pdf)
    assert decoded(pdf, tmp_path) == [
        'WIFI:T:WPA;S:LaBase\\;Atelier;P:mot\\:de\\"passe;;',
        "http://192.168.8.20:8765/web/?code=K7QXM",
    ]
    text = " ".join(pdf_text(pdf).split())
    assert "192.168.8.20:8765" in text and "code de la séance : K7QXM" in text
    assert "Sprint <b>alimentation</b> & territoire" in text  # as typed, cut with …
    assert "LaBase;Atelier" in text and 'mot:de"passe' in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and all(
        line.split()[-5] == "yes" for line in fonts.splitlines()[2:]
    )  # embedded


def test_without_a_wifi_name_only_the_seance_code(tmp_path):
    pdf = tmp_path / "affiche.pdf"
    build_poster(PosterInfo("Atelier", "http://10.0.0.2:8765/web/", "ABCDE"), pdf)
    assert decoded(pdf, tmp_path) == ["http://10.0.0.2:8765/web/?code=ABCDE"]
    assert "Wi-Fi" not in pdf_text(pdf)


def test_the_command_prints_the_poster_before_and_during_the_seance(tmp_path, monkeypatch, capsys):
    config = tmp_path / "settings.json"
    config.write_text(
        json.dumps({"server_host": "10.20.30.40", "wifi_ssid": "Salle-Poitiers",
                    "wifi_password": "", "organisation": "LaBase"}),
        encoding="utf-8",
    )  # fmt: skip
    monkeypatch.setenv("ATELIER_CONFIG", str(config))
    db_path = tmp_path / "atelier.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    wid = create_workshop(ctx, format_key="3h", title="Mobilités").workshop_id
    assert wid is not None
    pdf = tmp_path / "affiche.pdf"
    args = ["--db", str(db_path), "export", "--workshop", str(wid), "--poster", str(pdf)]
    code = live.join_code(ctx, wid)
    db.close()
    # printed the day before, no séance open yet: the workshop's code and the phones' address
    assert main(args) == 0
    assert f"Affiche QR code (A4) : {pdf}" in capsys.readouterr().out
    assert decoded(pdf, tmp_path) == [
        "WIFI:T:nopass;S:Salle-Poitiers;;",
        f"http://10.20.30.40:8765/web/?code={code}",
    ]
    assert code in pdf_text(pdf)
    sheet = tmp_path / "emargement.pdf"  # the blank sheet, the day before too
    assert (
        main(["--db", str(db_path), "export", "--workshop", str(wid), "--emargement", str(sheet)])
        == 0
    )
    assert "Mobilités" in pdf_text(sheet)
    db = Database.open(db_path)
    ctx = Context(db)
    live.start_session(ctx, wid)
    assert live.door(ctx, wid) == ("open", code)  # the séance takes the printed code
    db.close()
    assert main([*args, "--size", "A3", "--port", "8766"]) == 0
    assert f"Affiche QR code (A3) : {pdf}" in capsys.readouterr().out
    assert "841.89 x 1190.55" in page_size(pdf)
    assert decoded(pdf, tmp_path) == [
        "WIFI:T:nopass;S:Salle-Poitiers;;",
        f"http://10.20.30.40:8766/web/?code={code}",
    ]
    assert "Réseau ouvert" in pdf_text(pdf)
