"""The fault suites: the fast forms run with every test; `-m soak` (make soak) runs the long ones.

Tests marked `soak` are left out of a run unless its `-m` expression names them: a soak
takes minutes and belongs to a machine left alone, not to CI.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "soak" in (config.getoption("markexpr") or ""):
        return
    kept = [item for item in items if item.get_closest_marker("soak") is None]
    left = [item for item in items if item.get_closest_marker("soak") is not None]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
