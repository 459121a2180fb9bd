"""Every document in English when English is chosen: built from the demo workshop under
`strict()` (a French text without English raises), read back with pdftotext, no French fixed
word left; the French build says what it always said."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.domain.english import english_date, english_number, english_percent, english_period
from app.ops.base import Context
from app.ops.demo import create_demo
from app.ops.report_data import attendance_sheet
from app.reports.emargement import build_emargement
from app.reports.i18n import CATALOGUE, MissingTranslation, strict, t
from app.reports.poster import PosterInfo, build_poster
from app.store.db import Database

DAY = date(2026, 11, 22)
FRENCH_EMARGEMENT = [
    "Feuille d'émargement",
    "FEUILLE D'ÉMARGEMENT",
    "Nom et prénom",
    "Catégorie",
    "Arrivée",
    "Visa de l'animation",
    "Nombre de présents",
    "Agent public",
    "se sont enregistrées",
    "novembre",
    " h ",
]
FRENCH_POSTER = [
    "Rejoindre",
    "Rejoignez",
    "Réseau",
    "Mot de passe",
    "Scannez",
    "tapez l'adresse",
    "code de la séance",
    "Aucune application",
]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def french_left(text: str, markers: list[str]) -> list[str]:
    return [m for m in markers if m in text]  # as printed: the demo's data says "échéance"


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Context, int]:
    db = Database.open(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        ctx = Context(db)
        wid = create_demo(ctx, today=DAY).workshop_id
        assert wid is not None
        yield ctx, wid
    finally:
        db.close()


def test_english_conventions() -> None:
    assert english_date(date(2026, 12, 7)) == "7 December 2026"
    assert english_number(4.2, 1) == "4.2"
    assert english_number(1234567) == "1,234,567"
    assert english_percent(13, 20) == "65%"
    assert english_period(date(2026, 6, 3), date(2026, 6, 5)) == "from 3 to 5 June 2026"


def test_french_is_the_source_and_strict_english_misses_raise() -> None:
    assert t("Feuille d'émargement", "fr") == "Feuille d'émargement"
    assert t("Feuille d'émargement", "en") == "Attendance sheet"
    assert t("pas au catalogue", "en") == "pas au catalogue"  # printed, never a crash
    with strict(), pytest.raises(MissingTranslation):
        t("pas au catalogue", "en")
    assert t("pas au catalogue", "fr") == "pas au catalogue"
    # the placeholders survive the translation
    for french, english in CATALOGUE.items():
        assert sorted(_fields(french)) == sorted(_fields(english)), french


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_the_emargement_in_english(demo, tmp_path: Path) -> None:
    ctx, wid = demo
    sheet = attendance_sheet(ctx, wid, organisation="Ville de Test")
    with strict():
        build_emargement(sheet, tmp_path / "en.pdf", lang="en")
        build_emargement(sheet, tmp_path / "fr.pdf")
    english, french = pdf_text(tmp_path / "en.pdf"), pdf_text(tmp_path / "fr.pdf")
    assert french_left(english, FRENCH_EMARGEMENT) == []
    assert "ATTENDANCE SHEET" in english and "22 November 2026" in english
    assert "Public servant" in english and "Signature" in english
    assert sheet.rows[0].name in english  # data stays as typed
    assert len(french_left(french, FRENCH_EMARGEMENT)) == len(FRENCH_EMARGEMENT)
    blank = attendance_sheet(ctx, create_demo(ctx, today=DAY).workshop_id)
    blank = type(blank)(**{**_fields_of(blank), "rows": (), "day": None, "place": ""})
    with strict():
        build_emargement(blank, tmp_path / "blank.pdf", lang="en")
    text = pdf_text(tmp_path / "blank.pdf")
    assert "Please write clearly" in text and "Venue: ___" in text
    assert french_left(text, FRENCH_EMARGEMENT) == []


def _fields_of(sheet: object) -> dict[str, object]:
    from dataclasses import fields

    return {f.name: getattr(sheet, f.name) for f in fields(sheet)}  # type: ignore[arg-type]


@pytest.mark.parametrize("wifi", [True, False])
def test_the_poster_in_english(tmp_path: Path, wifi: bool) -> None:
    info = PosterInfo(
        title="Mobilité : se rendre au travail",
        join_url="http://192.168.1.20:8765/web/",
        code="K7Q2",
        organisation="Ville de Test",
        wifi_ssid="Salle" if wifi else "",
        wifi_password="secret" if wifi else "",
    )
    with strict():
        build_poster(info, tmp_path / "en.pdf", lang="en")
    text = pdf_text(tmp_path / "en.pdf")
    assert french_left(text, FRENCH_POSTER) == []
    assert "Scan this QR code" in text and "Mobilité" in text
    assert ("1. Join the Wi-Fi" in text) == wifi


def test_the_command_exports_in_english(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ATELIER_CONFIG", str(tmp_path / "settings.json"))
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["demo", "--db", db]) == 0
    wid = capsys.readouterr().out.split()[-1]
    out = tmp_path / "em.pdf"
    poster = tmp_path / "poster.pdf"
    args = ["export", "--db", db, "--workshop", wid, "--emargement", str(out)]
    report = tmp_path / "report.pdf"
    assert main([*args, "--poster", str(poster), "--pdf", str(report), "--lang", "en"]) == 0
    assert french_left(pdf_text(out), FRENCH_EMARGEMENT) == []
    assert "WORKSHOP REPORT" in pdf_text(report)
    assert french_left(pdf_text(poster), FRENCH_POSTER) == []


FRENCH_REPORT = [  # the compte-rendu's own words, none of which the demo's data holds
    "COMPTE-RENDU D'ATELIER",
    "Compte-rendu —",
    "Sommaire",
    "En résumé",
    "Document établi",
    "actions décidées",
    "satisfaction (sur",  # the cover's tile, its "5)" wrapped below
    "Porteurs du projet",
    "Objectifs",
    "Déroulé",
    "Durée réelle",
    "L'écart compare",
    "Séquence",
    "Méthode",
    "novembre",
    "décembre",
    "Organisations représentées",
    "Liste des participants",
    "ont participé",
    "Agents publics",
    "Acteurs privés",
    "Production",
    "reproduits en entier",
    "Échéance",
    "À faire",
    "Chantiers lancés",
    "Retours des participants",
    "Note moyenne",
    "Très satisfait",
    "Ce que les participants retiennent",
    "Annexe",
    "Matériel :",
    # Décisions et suites
    "Décisions et suites",
    "Idées retenues",
    "Projets incubés",
    "Comment les choix ont été faits",
    "Les chantiers retenus",
    "Prochaine date",
    "À désigner",
    "Les idées non retenues",
    "restent sans décision",
    "Aucune n'est perdue",
]
FRENCH_VOTES = [
    "Rang",
    "Proposition",
    "Votants",
    "gommettes par personne ·",  # the annex's methods (French library text) say it too
    "Tour ouvert à",
    "clos à",
    "Mention majoritaire",
    "Assez bien",
    "Très bien",
    "À rejeter",
    "Jugement majoritaire",
    "sous le seuil",
    "éliminatoire",
    "pondérés",
    "points à répartir",
    "bulletins papier",
    "reçu aucune voix",
    "ex æquo",
    "poids",
]


def test_the_report_in_english(demo, tmp_path: Path) -> None:
    from app.ops.report_data import report_data
    from app.reports.compte_rendu import build_report

    ctx, wid = demo
    data = report_data(ctx, wid, facilitators=("Camille Martin",), organisation="Ville de Test")
    with strict():
        build_report(data, tmp_path / "en.pdf", lang="en")
    english = pdf_text(tmp_path / "en.pdf")
    assert french_left(english, FRENCH_REPORT) == [], french_left(english, FRENCH_REPORT)
    assert "WORKSHOP REPORT" in english and "Contents" in english and "In short:" in english
    assert data.title.split()[0] in english  # the title stays as typed
    decided = " ".join(english.split("Contents", 1)[0].split())
    assert "1. Decisions and next steps" in decided
    assert "Out of 60 sticky notes" in decided and "4 actions were agreed" in decided
    funnel = re.findall(
        r"(Sticky notes|Ideas retained|Projects launched|Incubated projects) +\d+", english
    )
    assert funnel[:4] == [
        "Sticky notes",
        "Ideas retained",
        "Projects launched",
        "Incubated projects",
    ]
    assert "How the choices were made" in decided and "Action plan" in decided
    assert "22 December 2026" in decided and "To do" in decided
    assert (
        "57 ideas were not retained: 1 was merged with a similar idea, 2 were set aside" in decided
    )
    assert "54 remain undecided so far" in decided
    build_report(data, tmp_path / "fr.pdf")
    french = pdf_text(tmp_path / "fr.pdf")
    assert len(french_left(french, FRENCH_REPORT)) == len(FRENCH_REPORT), [
        m for m in FRENCH_REPORT if m not in french
    ]


def test_the_report_votes_in_english(demo, tmp_path: Path) -> None:
    from dataclasses import replace

    from app.domain.report import ReportVoteRound, VoteResult
    from app.ops.report_data import report_data
    from app.reports.compte_rendu import build_report

    ctx, wid = demo
    data = report_data(ctx, wid)
    assert data.vote_rounds  # the demo's dot vote
    opened = data.vote_rounds[0].opened_at
    majority = ReportVoteRound(
        title="Jugement",
        kind="majority",
        settings={"anonymous": True, "live_results": False},
        status="closed",
        revealed=False,
        opened_at=opened,
        closed_at=None,
        voters=4,
        paper_ballots=1,
        results=(
            VoteResult("Vélo", "note", 1, 1, True, 4, grade="Assez bien", profile=(0, 1, 0, 2, 1, 0, 0)),
            VoteResult("Bus", "note", 2, 1, True, 4, grade="Très bien", profile=(1, 0, 0, 0, 0, 3, 0)),
            VoteResult("Train", "note", 3, 3, False, 0),
        ),
    )  # fmt: skip
    criteria = ReportVoteRound(
        title="",
        kind="criteria",
        settings={
            "criteria": [
                {"label": "Utile", "weight": 2},
                {"label": "Faisable", "weight": 1, "threshold": 3},
            ],
            "closes_at": opened + 600,
        },
        status="closed",
        revealed=True,
        opened_at=opened,
        closed_at=opened + 600,
        voters=3,
        paper_ballots=0,
        results=(
            VoteResult("Vélo", "note", 1, 1, False, 3, score=4.2, by_criterion={"Utile": 4.5, "Faisable": 3.6}),
            VoteResult("Bus", "note", 2, 2, False, 3, score=4.0, by_criterion={"Utile": 5.0, "Faisable": 2.0},
                       eliminated=(("Faisable", 2.0, 3),)),
        ),
        criteria=("Utile", "Faisable"),
    )  # fmt: skip
    points = ReportVoteRound(
        title="Points",
        kind="points",
        settings={"budget": 100, "own_allowed": True},
        status="closed",
        revealed=True,
        opened_at=opened,
        closed_at=opened + 60,
        voters=0,
        paper_ballots=0,
        results=(),
    )
    data = replace(data, vote_rounds=(*data.vote_rounds, majority, criteria, points))
    with strict():
        build_report(data, tmp_path / "en.pdf", lang="en")
    english = pdf_text(tmp_path / "en.pdf")
    assert french_left(english, FRENCH_VOTES) == [], french_left(english, FRENCH_VOTES)
    assert "Majority grade" in english and "Fairly good" in english and "joint 1st" in english
    assert "below the threshold of 3" in english and "C2: Faisable" in english
    assert "No vote was recorded for this round." in english
    build_report(data, tmp_path / "fr.pdf")
    french = pdf_text(tmp_path / "fr.pdf")
    assert "sous le seuil de 3" in french and "1er ex" in french and "Mention majoritaire" in french


FRENCH_BILAN = [  # the bilan's own words, none of which the demo's data holds
    "BILAN D'ACTIVITÉ",
    "Bilan d'activité",
    "Période",
    "séance",
    "satisfaction sur 5",
    "Qui est venu",
    "Sur la période",
    "Document établi",
    "L'activité",
    "Séances par mois",
    "Par format",
    "Les participants",
    "participations :",
    "Organisations représentées",
    "Agents publics",
    "De la participation aux projets",
    "Idées (post-its)",
    "Projets incubés",
    "Personnes distinctes",
    "Atelier d'origine",
    "Depuis le",
    "En incubation",
    "Idées, chantiers et actions",
    "En moyenne",
    "La satisfaction",
    "Note moyenne",
    "des répondants",
    "Très satisfait",
    "Les ateliers de la période",
    "Présents",
    "Comment ces chiffres",
    "janvier",
    "décembre",
    "Du 1er",
    " %",
]


def test_the_bilan_in_english(demo, tmp_path: Path) -> None:
    from app.domain.activity import Period
    from app.ops.activity import activity_data
    from app.reports.bilan import build_bilan

    ctx, _wid = demo
    for period in (
        Period(date(2026, 1, 1), date(2026, 12, 31)),
        Period(date(2020, 1, 1), date(2020, 3, 31)),
    ):
        data = activity_data(ctx, period, organisation="Ville de Test")
        with strict():
            build_bilan(data, tmp_path / "en.pdf", lang="en")
        english = pdf_text(tmp_path / "en.pdf")
        assert french_left(english, FRENCH_BILAN) == [], french_left(english, FRENCH_BILAN)
    assert "No session was run with Atelier" in english  # the empty period
    data = activity_data(ctx, Period(date(2026, 1, 1), date(2026, 12, 31)))
    build_bilan(data, tmp_path / "en.pdf", lang="en")
    english = pdf_text(tmp_path / "en.pdf")
    assert "ACTIVITY REPORT" in english and "Activity report 2026" in english
    assert "From participation to projects" in english and "How these figures" in english
    assert "3 hours" in english and "3 heures" not in english  # the format, by its English name
    build_bilan(data, tmp_path / "fr.pdf")
    french = pdf_text(tmp_path / "fr.pdf")
    assert "Bilan d'activité 2026" in french and "De la participation aux projets" in french


def test_the_bilan_command_in_english(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ATELIER_CONFIG", str(tmp_path / "settings.json"))
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["demo", "--db", db]) == 0
    out = tmp_path / "bilan.pdf"
    args = ["--db", db, "bilan", "--from", "2020-01-01", "--to", "2040-12-31", "--pdf", str(out)]
    assert main([*args, "--lang", "en"]) == 0
    english = pdf_text(out)
    assert "ACTIVITY REPORT" in english and french_left(english, FRENCH_BILAN) == []
