"""The packages import each other in one direction: no module reaches itself again."""

from __future__ import annotations

import grimp


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import one another (strongly connected, Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in graph.modules or imported.split(".")[0] not in ("engine", "gui"):
                continue
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module.split(".")[0] in ("engine", "gui") and module not in order:
            visit(module)
    return cycles


def test_engine_and_gui_have_no_import_cycles() -> None:
    # Imports under `if TYPE_CHECKING:` count too: a circle there is a circle in the design.
    graph = grimp.build_graph("engine", "gui")
    assert import_cycles(graph) == []


def test_a_cycle_is_found_when_there_is_one() -> None:
    graph = grimp.ImportGraph()
    for module in ("engine.a", "engine.b", "engine.c"):
        graph.add_module(module)
    graph.add_import(importer="engine.a", imported="engine.b")
    graph.add_import(importer="engine.b", imported="engine.a")
    graph.add_import(importer="engine.c", imported="engine.a")
    assert import_cycles(graph) == [["engine.a", "engine.b"]]
