"""The method library's core keys (briques, tools) have a translatable label each, worded as
the core words them: French shows exactly app/library's text."""

from __future__ import annotations

from app.library import BRIQUES, TOOLS
from widgets.method_text import BRIQUE_LABELS, TOOL_LABELS, brique_label, tool_label


def test_labels_follow_the_core_keys():
    assert BRIQUE_LABELS == BRIQUES
    assert TOOL_LABELS == TOOLS


def test_french_is_the_core_text(qapp):
    assert [brique_label(key) for key in BRIQUES] == list(BRIQUES.values())
    assert [tool_label(key) for key in TOOLS] == list(TOOLS.values())
