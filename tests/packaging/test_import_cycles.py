"""No module of `app` or `widgets` imports itself back, even through others or from inside a
function: each can be read (and imported) on its own, its dependencies first."""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of modules that import each other (Tarjan's strongly connected components,
    those of more than one module), each group sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def _described(graph: grimp.ImportGraph, group: list[str]) -> str:
    first, second = group[0], group[1]
    there = graph.find_shortest_chain(importer=first, imported=second) or ()
    back = graph.find_shortest_chain(importer=second, imported=first) or ()
    return f"{' → '.join(there)} and back: {' → '.join(back)} (all: {', '.join(group)})"


def test_no_import_cycle_in_app_nor_widgets() -> None:
    graph = grimp.build_graph("widgets", "app")
    assert {"widgets.controller", "app.ops.base"} <= graph.modules  # the graph is the real one
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(_described(graph, g) for g in cycles)


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    graph = grimp.ImportGraph()
    for module in ("pkg.a", "pkg.b", "pkg.c", "pkg.d"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    graph.add_import(importer="pkg.d", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert "pkg.a → pkg.b and back: pkg.b → pkg.c → pkg.a" in _described(
        graph, ["pkg.a", "pkg.b", "pkg.c"]
    )
