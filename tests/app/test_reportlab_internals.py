"""The reportlab internals app/reports relies on, one test each: a new reportlab that changes
one of them fails here, with what to look at, before a document comes out wrong.

pyproject.toml pins reportlab below its next major; raising the pin starts with this file.
"""

from __future__ import annotations

import inspect
from typing import Any

from reportlab.graphics import shapes
from reportlab.lib import rl_accel
from reportlab.pdfbase import ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from app.reports import layout
from app.reports.compte_rendu import _prefill_contents
from app.reports.document import Heading, SketchFrame
from app.reports.layout import FONT, numbered_canvas, register_fonts


def _parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_make_to_unicode_cmap_keeps_the_shape_the_surrogate_patch_rewrites():
    """layout._to_unicode_cmap wraps ttfonts.makeToUnicodeCMap(fontname, subset) and cuts its
    text at '<n> beginbfchar'; TTFont calls it through the module's global name."""
    original = layout._reportlab_cmap
    assert _parameters(original) == ["fontname", "subset"], (
        "reportlab's ttfonts.makeToUnicodeCMap changed its signature: "
        "check app/reports/layout.py _to_unicode_cmap"
    )
    text = original("AAAAAA+DejaVuSans", [0x41, 0x1F6B2])
    assert "2 beginbfchar" in text and text.rstrip().endswith("end"), (
        "reportlab's ToUnicode CMap no longer has a '<n> beginbfchar' section: "
        "check app/reports/layout.py _to_unicode_cmap"
    )
    assert "makeToUnicodeCMap(" in inspect.getsource(ttfonts.TTFont), (
        "reportlab's TTFont no longer calls ttfonts.makeToUnicodeCMap: the patch in "
        "app/reports/layout.register_fonts has no effect (emoji copy as wrong letters)"
    )
    register_fonts()
    assert ttfonts.makeToUnicodeCMap is layout._to_unicode_cmap
    patched = layout._to_unicode_cmap("AAAAAA+DejaVuSans", [0x41, 0x1F6B2])
    assert "<00> <0041>" in patched and "<01> <D83DDEB2>" in patched  # a surrogate pair


def test_state_defaults_font_name_is_what_new_chart_strings_take():
    """register_fonts sets shapes.STATE_DEFAULTS['fontName'] so that charts never reference
    Helvetica (not embedded)."""
    assert "fontName" in shapes.STATE_DEFAULTS, (
        "reportlab's graphics.shapes.STATE_DEFAULTS has no 'fontName': "
        "check app/reports/layout.register_fonts"
    )
    register_fonts()
    assert shapes.String(0, 0, "x").fontName == FONT, (
        "a chart's String no longer takes its font from shapes.STATE_DEFAULTS: "
        "charts would use Helvetica, check app/reports/layout.register_fonts"
    )


class _Spy(Spacer):
    def __init__(self) -> None:
        super().__init__(10, 10)
        self.drawn = 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.drawn += 1


def test_frame_add_places_through_the_instance_draw_on(tmp_path):
    """SketchFrame overrides Frame._add(flowable, canv, trySplit=0) and, while sketching,
    shadows the flowable's drawOn in its instance dict: Frame must still place through
    `_add` (its `add` an alias of it) and draw with `flowable.drawOn(...)`."""
    assert _parameters(Frame._add) == ["self", "flowable", "canv", "trySplit"], (
        "reportlab's Frame._add changed its signature: check app/reports/document.SketchFrame"
    )
    assert Frame.add is Frame._add, (
        "reportlab's Frame.add is no longer Frame._add: check app/reports/document.SketchFrame"
    )
    canvas = Canvas(str(tmp_path / "sketch.pdf"))
    frame = SketchFrame(0, 0, 200, 200)
    frame.sketching = True
    spy = _Spy()
    assert frame.add(spy, canvas) == 1
    assert spy.drawn == 0 and "drawOn" not in spy.__dict__, (
        "reportlab's Frame._add no longer draws through the flowable's drawOn attribute: "
        "the compte-rendu's sketch pass would draw (or break), check SketchFrame"
    )
    assert frame._y < 200  # placed all the same
    frame.sketching = False
    assert frame.add(spy, canvas) == 1 and spy.drawn == 1


def test_multi_build_calls_the_hooks_the_two_pass_document_overrides():
    """The compte-rendu's document counts its passes in handle_documentBegin() and refuses
    the sketch in _allSatisfied(); multiBuild must call both."""
    assert _parameters(BaseDocTemplate.handle_documentBegin) == ["self"]
    assert _parameters(BaseDocTemplate._allSatisfied) == ["self"], (
        "reportlab's BaseDocTemplate._allSatisfied changed: check "
        "app/reports/compte_rendu/__init__.py _Document"
    )
    source = inspect.getsource(BaseDocTemplate.multiBuild)
    assert "self._allSatisfied()" in source, (
        "reportlab's multiBuild no longer asks _allSatisfied(): the sketch pass could become "
        "the file, check app/reports/compte_rendu/__init__.py _Document"
    )


def test_table_of_contents_entries_are_what_its_next_pass_lays_out():
    """_prefill_contents writes TableOfContents._entries, a list of (level, text, page, key)
    that beforeBuild() turns into what the pass lays out (_lastEntries)."""
    toc = TableOfContents()
    assert toc._entries == [], (
        "reportlab's TableOfContents has no _entries list: check "
        "app/reports/compte_rendu/__init__.py _prefill_contents"
    )
    toc.addEntry(0, "Un", 3, "s1")
    assert toc._entries == [(0, "Un", 3, "s1")], (
        "reportlab's TableOfContents entries are no longer (level, text, page, key) tuples"
    )
    heading = Heading("1. Cadrage", 0, "s1")
    _prefill_contents([toc, Paragraph("x"), heading])
    assert toc._entries == [(0, "1. Cadrage", 0, "s1")]
    toc.beforeBuild()
    assert toc._lastEntries == [(0, "1. Cadrage", 0, "s1")], (
        "reportlab's TableOfContents.beforeBuild no longer lays out the entries given before "
        "the pass: the table of contents would take three passes, check _prefill_contents"
    )


def test_numbered_canvas_replays_the_pages_it_kept(tmp_path):
    """numbered_canvas keeps each page's canvas __dict__, starts the next one with
    Canvas._startPage() and reads _pageNumber when it replays them with the total."""
    assert hasattr(Canvas, "_startPage"), (
        "reportlab's Canvas._startPage is gone: check app/reports/layout.numbered_canvas"
    )
    register_fonts()
    seen: list[tuple[int, int]] = []

    class Spying(numbered_canvas("Pied de page")):  # type: ignore[misc,valid-type]
        def _draw_footer(self, total: int) -> None:
            seen.append((self._pageNumber, total))
            super()._draw_footer(total)

    canvas = Spying(str(tmp_path / "numbered.pdf"))
    for _ in range(3):
        canvas.drawString(100, 100, "page")
        canvas.showPage()
    assert seen == []  # each page waits for the total
    canvas.save()
    assert seen == [(1, 3), (2, 3), (3, 3)], (
        "reportlab's Canvas no longer keeps its page in its __dict__ (_pageNumber) or "
        "_startPage() no longer starts the next one: the footer's 'page / pages' would be "
        "wrong, check app/reports/layout.numbered_canvas"
    )


def test_rl_accel_lists_its_c_helpers():
    """pdf_accelerated() reads reportlab.lib.rl_accel._c_funcs (the bundle's self-check)."""
    assert isinstance(rl_accel._c_funcs, dict), (
        "reportlab's rl_accel._c_funcs is gone: check app/reports/layout.pdf_accelerated"
    )
    assert isinstance(layout.pdf_accelerated(), bool)
