"""The method library and the formats: shipped files, broken files, a facilitator's own formats."""

from __future__ import annotations

import copy
import shutil
import tomllib
from pathlib import Path

import pytest

from app.errors import FormatFileError, InvalidInput
from app.library import BRIQUES, Format, Library, add_saved_formats, load_library
from app.ops import agenda
from app.ops.base import Context
from app.ops.formats import load_saved_formats, save_as_format
from app.ops.queries import workshop_detail
from app.ops.workshops import create_workshop, update_cadrage
from app.resources import formats_dir

# -- what is shipped -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Library:
    return load_library()


def test_shipped_library_loads_without_problems(shipped: Library) -> None:
    assert shipped.problems == []
    assert {"3h", "3j", "3m"} <= set(shipped.formats)
    assert shipped.format_name("3j") == "3 jours"
    assert shipped.format_name("inconnu") == "inconnu"
    assert not any(f.custom for f in shipped.formats.values())


def test_at_least_thirty_methods_covering_the_nine_briques(shipped: Library) -> None:
    methods = list(shipped.methods.values())
    assert len(methods) >= 30
    assert len(BRIQUES) == 9
    assert {m.brique for m in methods} == set(BRIQUES)
    for m in methods:
        assert m.name.strip() and m.summary.strip(), m.key
        assert m.duration_min <= m.default_minutes <= m.duration_max, m.key
        assert m.group_min <= m.group_max, m.key
        assert m.steps, m.key
        assert m.brique_label == BRIQUES[m.brique]


def test_each_method_key_is_defined_once_in_the_files() -> None:
    keys = [
        m["key"]
        for path in sorted(formats_dir().glob("methods*.toml"))
        for m in tomllib.loads(path.read_text(encoding="utf-8"))["method"]
    ]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("key", ["3h", "3j", "3m"])
def test_each_block_fills_the_format_length(shipped: Library, key: str) -> None:
    fmt = shipped.formats[key]
    for block in fmt.blocks:
        assert block.phases, block.title
        assert sum(p.minutes for p in block.phases) == fmt.block_minutes, block.title
        for phase in block.phases:
            assert phase.method is None or phase.method in shipped.methods


def test_format_shapes(shipped: Library) -> None:
    assert len(shipped.formats["3h"].blocks) == 1
    assert len(shipped.formats["3j"].blocks) == 3
    three_months = shipped.formats["3m"]
    assert three_months.is_programme
    assert len(three_months.blocks) >= 4 and len(three_months.milestones) >= 3
    assert all(b.week for b in three_months.blocks)
    assert not shipped.formats["3h"].is_programme


# -- broken files are reported, the rest still loads -----------------------------------------


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "formats"
    shutil.copytree(formats_dir(), folder)
    return folder


def _problem(lib: Library, path: Path) -> FormatFileError:
    found = [p for p in lib.problems if p.path == str(path)]
    assert len(found) == 1, [p.message for p in lib.problems]
    return found[0]


def _assert_rest_loaded(lib: Library, shipped: Library) -> None:
    assert set(lib.methods) == set(shipped.methods)
    assert {"3h", "3j", "3m"} <= set(lib.formats)


def _format_text(key: str, phase_lines: str) -> str:
    return (
        f'key = "{key}"\n'  # line 1
        'name = "Essai"\n'  # 2
        "block_minutes = 30\n"  # 3
        "\n"  # 4
        "[[blocks]]\n"  # 5
        'title = "Séance"\n'  # 6
        "\n"  # 7
        "[[blocks.phases]]\n"  # 8
        'title = "Première"\n'  # 9
        "minutes = 10\n"  # 10
        "\n"  # 11
        "[[blocks.phases]]\n"  # 12
        'title = "Seconde"\n'  # 13
        f"{phase_lines}\n"  # 14…
    )


def test_toml_syntax_error_is_reported_with_its_line(library_dir: Path, shipped: Library) -> None:
    broken = library_dir / "casse.toml"
    broken.write_text(_format_text("casse", 'minutes = 20\nnotes = "pas fermé\n'), "utf-8")
    lib = load_library(library_dir)
    problem = _problem(lib, broken)
    assert problem.line == 15
    assert "syntaxe TOML invalide" in problem.problem
    assert problem.message.startswith(f"{broken}, ligne 15 : ")
    assert "casse" not in lib.formats
    _assert_rest_loaded(lib, shipped)


@pytest.mark.parametrize(
    ("phase_lines", "line", "words"),
    [
        ("minutes = -5", 14, ["blocks.0.phases.1.minutes", "greater than or equal to 1"]),
        ('minutes = 10\nmethod = "n-existe-pas"', 15, ["méthode inconnue « n-existe-pas »"]),
        ("minutes = 10\nduree = 3", 15, ["blocks.0.phases.1.duree"]),
        ('minutes = "dix"', 14, ["blocks.0.phases.1.minutes"]),
        ('minutes = 10\nkind = "sieste"', 15, ["blocks.0.phases.1.kind"]),
    ],
    ids=["negative-minutes", "unknown-method", "unknown-key", "text-minutes", "bad-kind"],
)
def test_schema_error_is_reported_with_file_line_and_problem(
    library_dir: Path, shipped: Library, phase_lines: str, line: int, words: list[str]
) -> None:
    bad = library_dir / "mauvais.toml"
    bad.write_text(_format_text("mauvais", phase_lines), "utf-8")
    lib = load_library(library_dir)
    problem = _problem(lib, bad)
    assert problem.line == line
    for word in words:
        assert word in problem.problem
    assert problem.message == f"{bad}, ligne {line} : {problem.problem}"
    assert "mauvais" not in lib.formats
    _assert_rest_loaded(lib, shipped)


def test_broken_method_file_leaves_the_other_methods(library_dir: Path, shipped: Library) -> None:
    extra = library_dir / "methods-extra.toml"
    extra.write_text(
        "[[method]]\n"
        'key = "bonne"\n'
        'name = "Bonne"\n'
        'brique = "ideation"\n'
        "duration_min = 5\n"
        "duration_max = 10\n"
        "\n"
        "[[method]]\n"  # line 8
        'key = "mauvaise"\n'
        'name = "Mauvaise"\n'
        'brique = "astrologie"\n'  # line 11
        "duration_min = 5\n"
        "duration_max = 10\n",
        "utf-8",
    )
    lib = load_library(library_dir)
    problem = _problem(lib, extra)
    assert problem.line == 11
    assert "method.1.brique" in problem.problem
    assert "bonne" not in lib.methods and "mauvaise" not in lib.methods  # the file is left out
    _assert_rest_loaded(lib, shipped)


def test_duplicate_format_and_unreadable_file(library_dir: Path, shipped: Library) -> None:
    twin = library_dir / "zz-copie-3h.toml"
    twin.write_text((library_dir / "3h.toml").read_text("utf-8"), "utf-8")
    latin1 = library_dir / "latin1.toml"
    latin1.write_bytes('key = "l"\nname = "Été"\n'.encode("latin-1"))
    lib = load_library(library_dir)
    assert "déjà défini" in _problem(lib, twin).problem
    assert lib.formats["3h"] == shipped.formats["3h"]
    problem = _problem(lib, latin1)
    assert problem.line is None and "UTF-8" in problem.problem
    assert problem.message == f"{latin1} : {problem.problem}"
    _assert_rest_loaded(lib, shipped)


def test_broken_custom_format_is_reported(tmp_path: Path, shipped: Library) -> None:
    custom = tmp_path / "mes-formats"
    custom.mkdir()
    (custom / "a-moi.toml").write_text(_format_text("a-moi", "minutes = 0"), "utf-8")
    lib = load_library(custom=custom)
    assert _problem(lib, custom / "a-moi.toml").line == 14
    _assert_rest_loaded(lib, shipped)


# -- a facilitator's own formats -------------------------------------------------------------


def test_save_as_format_is_read_back(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3m", title="Programme de printemps").workshop_id
    update_cadrage(ctx, wid, objectives="Tester trois idées\nen douze semaines")
    detail = workshop_detail(ctx, wid)
    agenda.remove_phase(ctx, detail.blocks[0].phases[1].id)
    agenda.set_phase_minutes(ctx, detail.blocks[1].phases[0].id, 25)
    agenda.add_phase(
        ctx, detail.blocks[2].id, title="Visite « terrain »\nà Cenon", minutes=35, position=1
    )
    detail = workshop_detail(ctx, wid)

    saved = save_as_format(ctx, wid, "  Mon programme d'été ")
    assert saved.key == "perso-mon-programme-d-ete"
    assert saved.name == "Mon programme d'été"
    assert saved.custom
    assert saved.description == "Tester trois idées\nen douze semaines"
    assert ctx.library.formats[saved.key] == saved

    # in the base: another laptop on the same (PostgreSQL) base, or a restart, loads it
    reloaded = load_library()
    assert saved.key not in reloaded.formats
    other = Context(ctx.db, ctx.bus, reloaded)
    assert [f.key for f in load_saved_formats(other)] == [saved.key]
    assert reloaded.problems == []
    fmt = reloaded.formats[saved.key]
    assert isinstance(fmt, Format)
    assert fmt == saved
    assert (fmt.block_label, fmt.block_minutes) == (detail.block_label, detail.block_minutes)
    assert [(b.title, b.week) for b in fmt.blocks] == [(b.title, b.week) for b in detail.blocks]
    for block, info in zip(fmt.blocks, detail.blocks, strict=True):
        assert [(p.title, p.minutes, p.method, p.kind, p.notes) for p in block.phases] == [
            (p.title, p.planned_minutes, p.method_key, p.kind.value, p.notes) for p in info.phases
        ]
    assert [(m.title, m.week) for m in fmt.milestones] == [
        (m.title, m.week) for m in detail.milestones
    ]

    # after a restart (the library read from disk), the format makes workshops…
    later = Context(ctx.db, ctx.bus, reloaded)
    copy = create_workshop(later, format_key=saved.key, title="Programme d'automne").workshop_id
    made = workshop_detail(later, copy)
    assert made.format_name == "Mon programme d'été"
    assert [[(p.title, p.planned_minutes) for p in b.phases] for b in made.blocks] == [
        [(p.title, p.planned_minutes) for p in b.phases] for b in detail.blocks
    ]
    assert [(m.title, m.week) for m in made.milestones] == [
        (m.title, m.week) for m in detail.milestones
    ]
    # …and can be saved over with the same name, since it is hers
    agenda.set_phase_minutes(later, made.blocks[0].phases[0].id, 11)
    again = save_as_format(later, copy, "Mon programme d'été")
    assert again.key == saved.key
    assert again.blocks[0].phases[0].minutes == 11
    fresh = Context(ctx.db, ctx.bus, load_library())
    (only,) = load_saved_formats(fresh)
    assert only.blocks[0].phases[0].minutes == 11 and only.custom


def test_save_as_format_refuses_an_empty_name_and_a_shipped_one(ctx: Context) -> None:
    wid = create_workshop(ctx, format_key="3h", title="T").workshop_id
    with pytest.raises(InvalidInput, match="ne peut pas être vide"):
        save_as_format(ctx, wid, " \n ")
    assert load_saved_formats(Context(ctx.db, ctx.bus, load_library())) == []


def test_a_saved_format_that_no_longer_reads_is_reported(shipped: Library) -> None:
    lib = load_library()
    good = shipped.formats["3h"].model_dump(mode="json", exclude={"custom"})
    broken = {**copy.deepcopy(good), "key": "perso-x"}
    broken["blocks"][0]["phases"][1]["method"] = "disparue"
    add_saved_formats(lib, [("3h", good), ("perso-x", broken), ("perso-y", {"key": 1})])
    assert not lib.formats["3h"].custom  # a shipped format is never replaced
    assert "perso-x" not in lib.formats and "perso-y" not in lib.formats
    assert [p.problem.split(" ")[0] for p in lib.problems] == ["format", "méthode", "key"]


def test_every_shipped_method_has_its_english_name_and_summary():
    """The window in English shows `name_en` and `summary_en` (widgets/method_text.py)."""
    library = load_library()
    assert library.methods and not library.problems
    for method in library.methods.values():
        assert method.name_en.strip(), method.key
        assert method.summary_en.strip() or not method.summary, method.key
