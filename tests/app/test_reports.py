"""The compte-rendu, the émargement sheet and the CSV files, read back as a reader gets them.

PDFs are read with poppler (`pdftotext`, `pdfinfo`, `pdffonts`), the way a test of a
printed document should: by what it says, not by how the code built it.
"""

from __future__ import annotations

import csv
import re
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from sqlalchemy.orm import Session

from app.cli import main
from app.domain.french import french_number, french_typography
from app.domain.report import initials, shown_name
from app.ops.base import Context
from app.ops.demo import CLUSTERS, PEOPLE, create_demo
from app.ops.report_data import attendance_sheet, report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.reports.csv_export import cell
from app.reports.emargement import build_emargement
from app.reports.layout import register_fonts
from app.store.db import Database
from app.store.models import (
    Action,
    CheckIn,
    Cluster,
    Feedback,
    Note,
    Participant,
    Vote,
    VoteRound,
    Workshop,
)

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt"
REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 22)
LONG_WORD = "Anticonstitutionnellement" * 400  # 10,000 characters, no space


def hostile_cases() -> list[str]:
    lines = HOSTILE.read_text(encoding="utf-8").split("\n")
    cases = [
        line.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
        for line in lines
        if not line.startswith("#")
    ]
    return [c for c in cases if c.strip()] + [
        "\x00NUL au début, \x00 au milieu\x00",
        "cloche\x07 et échappement \x1b[31mrouge\x1b[0m",
        "C1 \x85 \x9b contrôles",
    ]


def pdf_text(path: Path, *extra: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def one_line(text: str) -> str:
    """Lines joined, runs of ASCII white space as one space (no-break spaces are kept)."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def squeeze(text: str) -> str:
    """Text without any white space or control character: what 'as typed' is compared on
    (a printed line wraps where the page ends; NUL and the like are not printable)."""
    return "".join(ch for ch in text if not ch.isspace() and ord(ch) >= 32 and ch != "\x7f")


def printable(case: str) -> str:
    """What a PDF can show of a case: C1 controls and bidi overrides are not printable, and
    what neither shipped font has a glyph for prints as an empty box (emoji come from the
    fallback font)."""
    register_fonts()
    glyphs = set(pdfmetrics.getFont("DejaVuSans").face.charToGlyph)
    glyphs |= set(pdfmetrics.getFont("Symbola").face.charToGlyph)
    return squeeze(
        "".join(
            ch
            for ch in case
            if ord(ch) in glyphs and not (0x80 <= ord(ch) < 0xA0 or "\u202a" <= ch <= "\u202e")
        )
    )


@pytest.fixture
def demo(ctx: Context) -> int:
    change = create_demo(ctx, today=DAY)
    assert change.workshop_id is not None
    return change.workshop_id


# -- French typography -----------------------------------------------------------------------


def test_french_typography_and_numbers() -> None:
    assert french_typography("Oui : non ? « bla » fin !") == (
        "Oui\u00a0: non\u202f? «\u00a0bla\u00a0» fin\u202f!"
    )
    # nothing added where nobody typed a space
    assert french_typography("http://exemple.fr ?! {{7*7}}") == "http://exemple.fr\u202f?! {{7*7}}"
    assert french_number(1234.5, 1) == "1\u202f234,5"
    assert french_number(1234567) == "1\u202f234\u202f567"
    assert initials("Yann Le Gall") == "Y. L. G."
    assert initials("Mehdi Aït-Ali") == "M. A.-A."
    assert shown_name("Sophie Laurent", False) == "S. L."
    assert shown_name(" Claire Martin ", True) == "Claire Martin"


def test_csv_cells_never_run_as_formulas() -> None:
    for raw in ("=1+1", "+33 5", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert cell(raw).startswith("'"), raw
    assert cell("Une idée") == "Une idée"
    assert cell("a\x00b") == "ab"


# -- the compte-rendu of the demo workshop ---------------------------------------------------


def test_demo_report_reads_like_a_report(ctx: Context, demo: int, tmp_path: Path) -> None:
    steps: list[tuple[float, str]] = []
    data = report_data(ctx, demo, facilitators=("Marie Dupont",), organisation="LaBase")
    out = tmp_path / "compte-rendu.pdf"
    build_report(data, out, progress=lambda f, m: steps.append((f, m)))
    assert steps[0][0] == 0.0 and steps[-1] == (1.0, "Terminé")
    assert [f for f, _ in steps] == sorted(f for f, _ in steps), "progress never goes back"

    text = pdf_text(out)
    # the vote's settings in words, from the keys the voting engine stores
    flat = " ".join(text.split())
    assert "3 gommettes par personne · 2 au plus sur une proposition" in flat
    assert "résultats montrés seulement quand l'animation les a révélés" in flat
    assert "Own_allowed" not in flat
    flat = one_line(text)
    for title in (
        "1. Décisions et suites",
        "Sommaire",
        "2. Cadrage",
        "3. Déroulé",
        "4. Participation",
        "5. Production",
        "6. Votes",
        "7. Retours des participants",
        "8. Annexe : les méthodes utilisées",
    ):
        assert title in flat, title
    # cover: title, format, date and place, facilitator, summary
    assert "Mobilité des agents : se rendre au travail autrement" in flat
    assert "3 heures" in flat and "22 novembre 2026" in flat and "LaBase, Bordeaux" in flat
    assert "Marie Dupont" in flat
    assert "4,2 / 5" in flat  # average rating, French decimal comma
    assert "25 participants de 12 organisations (64 % d'agents publics)" in flat
    # agenda: planned and actual
    assert "Durée réelle :" in flat and "Prévu Réel Écart" in flat
    # every post-it, in full (as cards four to a row: read in the order they are drawn)
    cards = squeeze(pdf_text(out, "-raw"))
    for _title, _color, texts in CLUSTERS:
        for note in texts:
            assert squeeze(french_typography(note)) in cards, note
    # consent: names of those who agreed, initials of the others, never their names
    for name, _org, _cat, consent in PEOPLE:
        if consent:
            assert name in flat, name
        else:
            assert name not in flat, name
            assert name.split()[-1] not in flat or name.split()[-1] == "Gall", name
            assert initials(name) in flat, name
    # the ranking is in order: the table lists totals from highest to lowest
    layout = pdf_text(out, "-layout")
    table_text = layout.split("Rang ", 1)[1].split("Les propositions", 1)[0]
    rows = re.findall(r"^ *(?:\d+e|1er)? +(\S.*?) {2,}(\d+) +(\d+) *$", table_text, re.M)
    totals = [int(points) for _label, points, _voters in rows]
    assert len(rows) == 33 and totals[:2] == [10, 7]
    assert totals == sorted(totals, reverse=True)
    assert rows[0][0] == "Une plateforme commune aux quatre administrations"
    assert rows[1][0] == "Prêt de vélos électriques pour essayer un mois"
    # no-break spaces (reportlab prints them as spaces): no line starts with « : ; ! ? »
    # and no line ends with an opening guillemet
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert not [line for line in lines if line[0] in ":;!?»" or line.endswith("«")]
    # verbatims, in guillemets
    assert "« La diversité des administrations autour de la table. »" in flat

    info = pdf_info(out)
    pages = int(info["Pages"])
    assert pages >= 8
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    assert info["Title"] == "Compte-rendu — Mobilité des agents : se rendre au travail autrement"
    assert info["Author"] == "Marie Dupont"
    assert info["Creator"] == "Atelier"
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("DejaVuSans" in r for r in rows), fonts
    assert all(r.split()[-5] == "yes" for r in rows), f"fonts not embedded:\n{fonts}"
    raw = out.read_bytes()
    assert b"/Outlines" in raw and raw.count(b"/Parent") >= 9  # bookmarks, one per heading


def test_report_of_an_empty_workshop_says_so(ctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Atelier vide", start_date=DAY).workshop_id
    assert wid is not None
    out = tmp_path / "vide.pdf"
    build_report(report_data(ctx, wid), out)
    flat = one_line(pdf_text(out))
    for sentence in (
        "Le cadrage n'a pas été renseigné.",
        "La séance n'a pas encore eu lieu : voici l'agenda prévu.",
        "Aucun participant n'a été enregistré.",
        "Aucun post-it n'a été écrit.",
        "Aucun vote n'a eu lieu.",
        "Aucune décision ni action n'a été enregistrée.",
        "Aucun retour n'a été recueilli.",
    ):
        assert sentence in flat, sentence
    assert "Réel" not in flat  # no actual column before the séance ran


def test_a_long_table_of_contents_takes_two_passes_and_points_to_the_right_pages(
    ctx: Context, tmp_path: Path
) -> None:
    """The first pass only sketches (places, draws nothing) with the table of contents
    already at its final size; the second one writes the file with the right page numbers."""
    wid = create_workshop(ctx, format_key="3h", title="Soixante thèmes").workshop_id
    assert wid is not None

    def work(session: Session) -> None:
        for c in range(60):
            cluster = Cluster(workshop_id=wid, title=f"Thème numéro {c + 1}", x=float(c))
            session.add(cluster)
            session.flush()
            for n in range(c % 4 * 6 + 1):
                text = f"Idée {n + 1} du thème {c + 1} : " + "des mots pour remplir " * (n % 5)
                session.add(
                    Note(workshop_id=wid, cluster_id=cluster.id, text=text, y=float(n),
                         created_at=float(n))
                )  # fmt: skip

    ctx.db.write(work)
    out = tmp_path / "long.pdf"
    assert build_report(report_data(ctx, wid), out) == 2
    pages = int(pdf_info(out)["Pages"])
    by_page = [pdf_text(out, "-layout", "-f", str(n), "-l", str(n)) for n in range(1, pages + 1)]
    assert "Sommaire" in by_page[1]
    contents = "".join(page for page in by_page if ". . . . ." in page)  # dotted leaders
    listed = re.findall(r"^ *(Thème numéro \d+) \(\d+ post-its?\)[ .]+?(\d+) *$", contents, re.M)
    assert len(listed) == 60, contents
    assert by_page[1].count("Thème numéro") < 60, "the table of contents is longer than a page"
    for heading, page in listed:
        body = by_page[int(page) - 1]
        assert re.search(rf"{heading} \(\d+ post-its?\)", body), (heading, page)
        assert "Sommaire" not in body


def _voted_workshop(ctx: Context) -> tuple[int, int, int]:
    """Five post-its, 7 people; a majority judgment round whose sum of grades and majority
    grades disagree, and a LaBase criteria grid. Returns (workshop, majority, grid)."""
    from app.ops import participants
    from app.ops import votes as v

    wid = create_workshop(ctx, format_key="3h", title="Votes").workshop_id
    assert wid is not None

    def work(session: Session) -> list[int]:
        notes = [Note(workshop_id=wid, text=f"Idée {c}", created_at=float(i))
                 for i, c in enumerate("ABCDE")]  # fmt: skip
        session.add_all(notes)
        session.flush()
        return [n.id for n in notes]

    ids = ctx.db.write(work)
    people = [
        participants.check_in(ctx, wid, name=f"P{i}", category="public", key=f"join-key-{i:04d}")
        for i in range(7)
    ]
    items = [f"note:{i}" for i in ids]
    majority = v.open_round(ctx, wid, kind="majority", items=items[:3], title="Jugement").ids[0]
    # A: four "Passable" (2), three "Excellent" (6): sum 26, majority grade Passable
    # B: seven "Assez bien" (3): sum 21, majority grade Assez bien — B before A
    for n, person in enumerate(people):
        ballot = {items[0]: 6 if n < 3 else 2, items[1]: 3, items[2]: 1}
        v.cast_ballot(ctx, wid, majority, person.participant_id, ballot, key=f"mj-key-{n:04d}")
    v.close_round(ctx, majority)
    grid = v.open_round(ctx, wid, kind="criteria", items=items[:3], title="Grille",
                        settings={"criteria": "labase"}).ids[0]  # fmt: skip
    keys = ("partenaires", "transversal", "faisable", "moyens", "sobriete")
    for n, person in enumerate(people[:4]):
        ballot = {items[0]: dict.fromkeys(keys, 2), items[1]: dict.fromkeys(keys, 5),
                  items[2]: {k: 3 + (k == "moyens") for k in keys}}  # fmt: skip
        v.cast_ballot(ctx, wid, grid, person.participant_id, ballot, key=f"grid-key-{n:04d}")
    dots = v.open_round(ctx, wid, kind="dots", items=items, title="Gommettes").ids[0]
    v.cast_ballot(ctx, wid, dots, people[0].participant_id, {items[0]: 1}, key="dots-key-0001")
    return wid, majority, grid


def test_majority_judgment_and_the_criteria_grid_are_ranked_as_the_engine_ranks_them(
    ctx: Context, tmp_path: Path
) -> None:
    from app.ops import votes as v

    wid, majority, grid = _voted_workshop(ctx)
    data = report_data(ctx, wid)
    by_title = {r.title: r for r in data.vote_rounds}
    engine = [line.label for line in v.results(ctx, majority).lines]
    assert [r.label for r in by_title["Jugement"].results] == engine
    assert engine[:3] == ["Idée B", "Idée A", "Idée C"]  # not by the sum of grades
    assert [r.grade for r in by_title["Jugement"].results[:3]] == [
        "Assez bien", "Passable", "Insuffisant"
    ]  # fmt: skip
    assert [r.label for r in by_title["Grille"].results] == [
        line.label for line in v.results(ctx, grid).lines
    ]
    assert by_title["Grille"].criteria[0] == "Intéresse au moins 2 des 4 partenaires"

    out = tmp_path / "votes.pdf"
    build_report(data, out)  # a LaBase grid used to make the table too wide to build
    layout = pdf_text(out, "-layout")
    flat = one_line(pdf_text(out))
    assert "Jugement majoritaire" in flat and "Grille multi-critères" in flat
    assert "Mention majoritaire" in flat and "la note est la moyenne des critères" in flat
    table_text = layout.split("Mention majoritaire", 1)[1]
    order = [m for m in re.findall(r"Idée [A-E]", table_text)][:3]
    assert order == ["Idée B", "Idée A", "Idée C"]
    assert re.search(r"Idée B +Assez bien +7", table_text)
    # criteria by their names, not their keys, in a legend of the table's columns
    # LaBase's preset: two eliminatory criteria, said in the legend
    assert (
        "C1 : Intéresse au moins 2 des 4 partenaires (éliminatoire sous 3) ; C2 : Favorise" in flat
    )
    assert "5 critères de même poids · 2 critères éliminatoires" in flat
    assert "sobriete" not in flat and "(poids" not in flat
    grid_table = layout.split("C1 : Intéresse", 1)[1]
    assert re.search(r"1er +Idée B( +5,0){5} +5,0 +4", grid_table), grid_table[:600]
    assert re.search(r"2e +Idée C( +3,0){3} +4,0 +3,0 +3,2 +4", grid_table)
    # Idée A (2 everywhere) is out of the ranking, listed apart with why
    ranking, apart = grid_table.split("1 proposition éliminée", 1)
    assert "Idée A" not in ranking
    assert (
        "Idée A — Intéresse au moins 2 des 4 partenaires : 2,0 / 5, sous le seuil de 3 ; "
        "Faisable dans les 18 mois de l'expérimentation : 2,0 / 5, sous le seuil de 3"
    ) in one_line(apart)

    folder = tmp_path / "csv"
    from app.reports.csv_export import export_csv

    export_csv(data, [], folder)
    rows = list(csv.reader((folder / "votes.csv").read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))  # fmt: skip
    assert rows[0] == [
        "Tour de vote", "Type", "Rang", "Proposition", "Résultat", "Votants", "Élimination"
    ]  # fmt: skip
    assert ["Jugement", "Jugement majoritaire", "1", "Idée B", "Assez bien", "7", ""] in rows
    assert ["Grille", "Grille multi-critères", "1", "Idée B", "5,00", "4", ""] in rows
    assert [
        "Grille", "Grille multi-critères", "", "Idée A", "2,00", "4",
        "éliminée : Intéresse au moins 2 des 4 partenaires 2,00 < 3 ; "
        "éliminée : Faisable dans les 18 mois de l'expérimentation 2,00 < 3",
    ] in rows  # fmt: skip
    assert ["Gommettes", "Vote à gommettes", "1", "Idée A", "1", "1", ""] in rows
    assert ["Gommettes", "Vote à gommettes", "", "Idée D", "", "0", ""] in rows  # no vote


# -- hostile text ------------------------------------------------------------------------------


def _hostile_workshop(ctx: Context) -> int:
    cases = hostile_cases()
    wid = create_workshop(ctx, format_key="3h", title="<b>Atelier</b> & <font size=40>x</font>")
    workshop_id = wid.workshop_id
    assert workshop_id is not None

    sqlite = ctx.db.url.startswith("sqlite")

    def work(session: Session) -> None:
        w = session.get(Workshop, workshop_id)
        assert w is not None
        w.cadrage = {"why": LONG_WORD, "objectives": "<para>objectif</para> & <br/>"}
        cluster = Cluster(workshop_id=workshop_id, title="<font color=red>Titre</font>")
        session.add(cluster)
        session.flush()
        person = Participant(
            workshop_id=workshop_id,
            name="<i>Nom</i> & Cie",
            organisation="<b>Org</b>",
            category="public",
            consent_named=True,
            created_at=0.0,
        )
        session.add(person)
        session.flush()
        session.add(CheckIn(participant_id=person.id, at=1.0))
        notes = []
        for i, case in enumerate(cases):
            note = Note(
                workshop_id=workshop_id,
                cluster_id=cluster.id if i % 2 else None,
                text=case if sqlite else case.replace("\x00", ""),  # PostgreSQL refuses NUL
                x=float(i),
                created_at=float(i),
            )
            session.add(note)
            notes.append(note)
        session.flush()
        vote = VoteRound(
            workshop_id=workshop_id,
            title="<b>vote</b>",
            kind="dots",
            settings={"dots": 3},
            items=[["note", n.id] for n in notes],
            status="closed",
            revealed=True,
            opened_at=0.0,
        )
        session.add(vote)
        session.flush()
        session.add(
            Vote(
                round_id=vote.id,
                voter="p:1",
                item_type="note",
                item_id=notes[3].id,
                value=2,
                at=0.0,
            )
        )
        session.add(Action(workshop_id=workshop_id, what=LONG_WORD, who="<b>qui</b> & moi"))
        session.add(Feedback(workshop_id=workshop_id, rating=5, keep="<font>x</font>", at=0.0))

    ctx.db.write(work)
    return workshop_id


def test_hostile_text_prints_as_typed_and_stays_on_the_page(ctx: Context, tmp_path: Path) -> None:
    wid = _hostile_workshop(ctx)
    out = tmp_path / "hostile.pdf"
    build_report(report_data(ctx, wid), out)
    text = pdf_text(out, "-raw")  # content order, and no joining of lines ending with '-'
    flat = squeeze(text)
    for case in hostile_cases():
        expected = printable(french_typography(case))
        if not expected or any("\u0590" <= ch <= "\u06ff" for ch in expected):
            continue  # right-to-left scripts: pdftotext may reorder them (checked below)
        assert expected in flat, repr(case)
    assert "مرحبا" in text or "ابحرم" in text  # Arabic came through (order aside)
    assert "<font color=red size=40>ÉNORME</font>" in one_line(text)
    # (a post-it in no group is a card, four to a row: a long "word" may wrap inside it)
    assert squeeze("<para>paragraphe</para> & &amp; &lt; &#x41; &nbsp;") in flat
    assert squeeze("<b>Atelier</b> & <font size=40>x</font>") in flat
    assert squeeze("<i>Nom</i> & Cie") in flat and squeeze("<b>qui</b> & moi") in flat
    # the 10,000-character words (the cadrage's and an action's), whole over many lines and
    # pages, once the pages' furniture, the repeated table header and the row's other cells
    # (printed beside the word's first lines) are left out
    title = re.escape("<b>Atelier</b> & <font size=40>x</font>")
    furniture = re.compile(
        rf"^(Compte-rendu — {title} \d+ / \d+|{title} Compte-rendu|Action Qui Échéance État"
        r"|<b>qui</b> & moi — À faire)$"
    )
    body = squeeze("\n".join(line for line in text.splitlines() if not furniture.match(line)))
    assert body.count(LONG_WORD) == 2
    # nothing leaves the page: every word's box ends inside the right margin
    boxes = pdf_text(out, "-bbox")
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert right_edges and max(right_edges) <= 595.3 - 2.2 * 28.35 + 1


def test_emoji_print_as_emoji_and_copy_back_as_typed(ctx: Context, tmp_path: Path) -> None:
    """What DejaVu lacks comes from the fallback font, glyph by glyph, and the PDF's text
    (copy, search, screen readers) gives back the characters typed, past U+FFFF too."""
    wid = create_workshop(ctx, format_key="3h", title="Vélo 🚲").workshop_id
    assert wid is not None
    from app.ops import board

    typed = "On y va à vélo 🚲 👍🏽 ⭐ — super !"
    first = board.board_data(ctx, wid)
    board.add_note(ctx, wid, text=typed, phase_id=first.phase_id, x=0, y=0)
    out = tmp_path / "emoji.pdf"
    build_report(report_data(ctx, wid), out)
    flat = one_line(pdf_text(out))
    assert "On y va à vélo 🚲 👍🏽 ⭐ — super !" in flat  # (the no-break space reads as one)
    assert "Vélo 🚲" in flat
    assert "Compte-rendu — Vélo 🚲 3/" in flat  # the pages' footer (drawn, not a paragraph)
    # the board drawn in the report too (headless): its post-it shows the bicycle
    pages = [pdf_text(out, "-f", str(n), "-l", str(n)) for n in range(1, 8)]
    drawn = next(page for page in pages if "tel qu'il a été laissé" in page)
    board_part = drawn.split("5. Production", 1)[1].split("tel qu'il a été laissé")[0]
    assert "🚲" in board_part and "vélo" in board_part
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    symbola = [row for row in fonts.splitlines() if "Symbola" in row]
    assert symbola and symbola[0].split()[-5] == "yes"  # embedded


# -- a kill during the export ------------------------------------------------------------------


def test_a_kill_while_writing_leaves_the_old_file_whole(tmp_path: Path) -> None:
    db_path = tmp_path / "atelier.sqlite3"
    db = Database.open(db_path)
    wid = create_demo(Context(db), today=DAY).workshop_id
    db.close()
    out = tmp_path / "compte-rendu.pdf"
    out.write_bytes(b"the previous report")
    script = textwrap.dedent(
        f"""
        import os, signal
        from app.ops.base import Context
        from app.ops.report_data import report_data
        from app.reports.compte_rendu import build_report
        from app.store.db import Database

        data = report_data(Context(Database.open({str(db_path)!r})), {wid})

        def progress(fraction, message):
            if fraction > 0.5:  # half-way through the layout: the file is being written
                os.kill(os.getpid(), signal.SIGKILL)

        build_report(data, {str(out)!r}, progress=progress)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert out.read_bytes() == b"the previous report"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert leftovers and all(name.startswith(".compte-rendu.pdf.") for name in leftovers)


def test_an_error_while_writing_leaves_nothing(ctx: Context, demo: int, tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.3:
            raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Stop):
        build_report(report_data(ctx, demo), folder / "cr.pdf", progress=progress)
    assert list(folder.iterdir()) == []  # neither the PDF nor its temporary file


# -- the émargement sheet and the command line -----------------------------------------------


def test_emargement_blank_before_and_filled_after(ctx: Context, demo: int, tmp_path: Path) -> None:
    empty = create_workshop(ctx, format_key="3h", title="Demain", start_date=DAY).workshop_id
    assert empty is not None
    before = tmp_path / "avant.pdf"
    build_emargement(attendance_sheet(ctx, empty, organisation="LaBase"), before)
    flat = one_line(pdf_text(before))
    assert "FEUILLE D'ÉMARGEMENT" in flat and "Demain" in flat and "22 novembre 2026" in flat
    assert "Nom et prénom Organisation Catégorie Arrivée Signature" in flat
    assert " 30 " in flat and "Visa de l'animation" in flat

    after = tmp_path / "apres.pdf"
    build_emargement(attendance_sheet(ctx, demo), after)
    flat = one_line(pdf_text(after))
    for name, org, _cat, _consent in PEOPLE:  # a signed sheet: every name, consent or not
        assert name in flat and org.split()[0] in flat
    assert re.search(r"Claire Martin Bordeaux Métropole Agent public \d+ h \d\d", flat)
    assert "25 personnes se sont enregistrées à leur arrivée." in flat


def test_a_long_name_on_the_emargement_pushes_the_next_row_down(
    ctx: Context, tmp_path: Path
) -> None:
    from app.ops import participants

    wid = create_workshop(ctx, format_key="3h", title="Signatures").workshop_id
    assert wid is not None
    long_org = (
        "Direction régionale de l'environnement, de l'aménagement et du logement de "
        "Nouvelle-Aquitaine, territoires"
    )
    for n, (name, org) in enumerate([("Ana Premier", "LaBase"), ("Bea Second", long_org),
                                     ("Cyd Troisième", "Ville")]):  # fmt: skip
        participants.check_in(ctx, wid, name=name, organisation=org, category="public",
                              key=f"sign-key-{n:04d}")  # fmt: skip
    out = tmp_path / "emargement.pdf"
    build_emargement(attendance_sheet(ctx, wid), out)
    boxes = pdf_text(out, "-bbox")
    words = [
        (float(y0), float(y1), word)
        for y0, y1, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', boxes
        )
    ]
    org_bottom = max(y1 for _y0, y1, word in words if word == "territoires")
    org_top = min(y0 for y0, _y1, word in words if word == "Direction")
    cyd_top = min(y0 for y0, _y1, word in words if word == "Cyd")
    ana_bottom = max(y1 for _y0, y1, word in words if word == "Ana")
    assert ana_bottom < org_top and org_bottom < cyd_top  # the rows do not overlap


def test_export_command_writes_every_document(tmp_path: Path, capsys) -> None:
    db_path = tmp_path / "atelier.sqlite3"
    db = Database.open(db_path)
    ctx = Context(db)
    wid = create_demo(ctx, today=DAY).workshop_id
    assert wid is not None

    def hostile_note(session: Session) -> None:
        session.add(Note(workshop_id=wid, text='=HYPERLINK("x";"y")', created_at=0.0))
        session.add(Note(workshop_id=wid, text="-2+3 ; «\u00a0ok\u00a0»", created_at=0.0))

    ctx.db.write(hostile_note)
    db.close()
    pdf, sheet, folder = tmp_path / "cr.pdf", tmp_path / "em.pdf", tmp_path / "csv"
    code = main(
        ["--db", str(db_path), "export", "--workshop", str(wid), "--pdf", str(pdf),
         "--emargement", str(sheet), "--csv", str(folder), "--facilitator", "Marie Dupont"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and f"Compte-rendu : {pdf}" in out
    assert pdf_info(pdf)["Author"] == "Marie Dupont" and pdf_info(sheet)["Pages"] == "2"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["actions.csv", "participants.csv", "post-its.csv", "votes.csv"]
    for path in folder.iterdir():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw, path.name
    with open(folder / "post-its.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["N°", "Regroupement", "Texte", "Écrit le"]
    texts = [r[2] for r in rows[1:]]
    assert '\'=HYPERLINK("x";"y")' in texts and "'-2+3 ; «\u00a0ok\u00a0»" in texts
    assert "Le bus de 7 h 52 est toujours plein" in texts
    with open(folder / "votes.csv", encoding="utf-8-sig", newline="") as f:
        votes = list(csv.reader(f, delimiter=";"))
    assert votes[1][2:5] == ["1", "Une plateforme commune aux quatre administrations", "10"]

    assert main(["--db", str(db_path), "export", "--workshop", str(wid)]) == 2
    assert "au moins un document" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "cr.pdf"
    assert (
        main(["--db", str(db_path), "export", "--workshop", str(wid), "--pdf", str(missing)]) == 2
    )
    assert "n'existe pas" in capsys.readouterr().err
    # a logo that is not an image: a French message, and no document written
    fake = tmp_path / "logo.png"
    fake.write_text("pas une image", encoding="utf-8")
    other = tmp_path / "autre.pdf"
    logo_args = ["--pdf", str(other), "--logo", str(fake)]
    assert main(["--db", str(db_path), "export", "--workshop", str(wid), *logo_args]) == 2
    assert "Logo refusé : « logo.png » n'est pas une image PNG ou JPEG." in capsys.readouterr().err
    assert not other.exists()
    logo_args[-1] = str(tmp_path / "absent.png")
    assert main(["--db", str(db_path), "export", "--workshop", str(wid), *logo_args]) == 2
    assert "introuvable" in capsys.readouterr().err
