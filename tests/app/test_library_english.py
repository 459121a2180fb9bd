"""The method library and the shipped formats exist fully in English: every method's steps,
materials and tips, every format's sessions, sequences, instructions, notes and milestones; a
workshop created in English starts with its agenda in English, and the compte-rendu in English
prints the methods and their names in English."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import InvalidInput
from app.library import Format, Method, load_library
from app.ops.base import Context
from app.ops.queries import workshop_detail
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.reports.i18n import strict
from app.store.models import Milestone, Phase, Workshop

LIBRARY = load_library()
# Written French, which no English sentence of the library holds
FRENCH = re.compile(
    r"[éèêàâçùûôîœÉÈÀÇ«»]|\b(les|des|une|et|pour|avec|dans|sur|est|du|au|aux|par|qui|que)\b"
)


def _french(text: str) -> list[str]:
    return [m.group(0) for m in FRENCH.finditer(text)]


def test_the_library_loads_without_problems() -> None:
    assert LIBRARY.problems == []
    assert len(LIBRARY.methods) >= 40 and {"3h", "3j", "3m"} <= set(LIBRARY.formats)


@pytest.mark.parametrize("method", list(LIBRARY.methods.values()), ids=lambda m: m.key)
def test_every_method_is_complete_in_english(method: Method) -> None:
    assert method.name_en and method.summary_en
    # as many steps, materials and tips as in French, each one translated
    assert len(method.steps_en) == len(method.steps) >= 3
    assert len(method.materials_en) == len(method.materials) >= 1
    assert len(method.tips_en) == len(method.tips) >= 2
    english = [method.name_en, method.summary_en, *method.steps_en]
    english += [*method.materials_en, *method.tips_en]
    for text in english:
        assert text.strip() == text and text, method.key
        assert _french(text) == [], (method.key, text)
    french = set(method.steps + method.materials + method.tips)
    same = {text for text in french & set(english) if len(text.split()) > 2}
    assert not same, method.key  # no sentence left as the French ("Prototype" is both)


@pytest.mark.parametrize("fmt", [f for f in LIBRARY.formats.values() if not f.custom])
def test_every_shipped_format_is_complete_in_english(fmt: Format) -> None:
    assert fmt.name_en and fmt.tagline_en and fmt.description_en and fmt.block_label_en
    texts = [fmt.block_label_en]
    for block in fmt.blocks:
        assert block.title_en, block.title
        texts.append(block.title_en)
        for phase in block.phases:
            assert phase.title_en, phase.title
            assert bool(phase.instructions_en) == bool(phase.instructions), phase.title
            assert bool(phase.notes_en) == bool(phase.notes), phase.title
            texts += [phase.title_en, phase.instructions_en, phase.notes_en]
    for milestone in fmt.milestones:
        assert milestone.title_en, milestone.title
        texts.append(milestone.title_en)
    for text in texts:
        assert _french(text) == [], (fmt.key, text)


@pytest.mark.parametrize("key", ["3h", "3j", "3m"])
def test_a_workshop_created_in_english_has_its_agenda_in_english(ctx: Context, key: str) -> None:
    fmt = LIBRARY.formats[key]
    english = create_workshop(ctx, format_key=key, title="Mobility", lang="en").workshop_id
    french = create_workshop(ctx, format_key=key, title="Mobilité").workshop_id
    assert english is not None and french is not None
    detail = workshop_detail(ctx, english)
    assert detail.block_label == fmt.block_label_en
    assert [b.title for b in detail.blocks] == [b.title_en for b in fmt.blocks]
    phases = [p for b in detail.blocks for p in b.phases]
    templates = [p for b in fmt.blocks for p in b.phases]
    assert [p.title for p in phases] == [p.title_en for p in templates]
    assert [p.instructions for p in phases] == [p.instructions_en for p in templates]
    assert [p.method_key for p in phases] == [p.method for p in templates]
    milestones = ctx.db.read(lambda s: s.scalars(select(Milestone.title)).all())
    english_notes = ctx.db.read(
        lambda s: s.scalars(
            select(Phase.notes).where(Phase.workshop_id == english).order_by(Phase.id)
        ).all()
    )
    assert [n for n in english_notes if n] == [p.notes_en for p in templates if p.notes_en]
    if fmt.milestones:  # both workshops' milestones: the English ones and the French ones
        assert sorted(milestones) == sorted(
            [m.title_en for m in fmt.milestones] + [m.title for m in fmt.milestones]
        )
    # the French workshop is as it always was
    detail_fr = workshop_detail(ctx, french)
    assert detail_fr.block_label == fmt.block_label
    assert [p.title for b in detail_fr.blocks for p in b.phases] == [p.title for p in templates]


def test_an_unknown_language_is_refused_and_creates_nothing(ctx: Context) -> None:
    def count() -> int | None:
        return ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Workshop)))

    before = count()
    with pytest.raises(InvalidInput, match="Langue inconnue"):
        create_workshop(ctx, format_key="3h", title="Mobilité", lang="de")
    assert count() == before


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_the_compte_rendu_prints_the_methods_in_english(tmp_path: Path) -> None:
    from app.store.db import Database

    db = Database.open(f"sqlite:///{tmp_path / 'en.db'}")
    try:
        ctx = Context(db)
        wid = create_workshop(
            ctx, format_key="3h", title="Mobility", start_date=date(2026, 12, 7), lang="en"
        ).workshop_id
        assert wid is not None
        data = report_data(ctx, wid)
        with strict():
            build_report(data, tmp_path / "en.pdf", lang="en")
            build_report(data, tmp_path / "fr.pdf", lang="fr")
    finally:
        db.close()
    english, french = _pdf_text(tmp_path / "en.pdf"), _pdf_text(tmp_path / "fr.pdf")
    used = [LIBRARY.methods[k] for k in dict.fromkeys(p.method_key for p in data.blocks[0].phases
                                                       if p.method_key)]  # fmt: skip
    assert len(used) >= 4
    assert "(in French)" not in english and "Appendix: the methods used" in english
    for method in used:
        assert method.name_en in english, method.key
        assert " ".join(method.steps_en[0].split()) in english, method.key
        assert " ".join(method.steps[0].split()) not in english, method.key
        assert " ".join(method.steps[0].split()) in french, method.key  # French unchanged
    assert "User-centred methods" in english or "Ideation" in english
    assert all(method.name in french for method in used)
