"""The two import circles issue 23 asked to cut stay cut: gui.main_window <-> gui.window_actions
and library.albums <-> library.index. Every import counts, at the top of a module, inside a
function or under TYPE_CHECKING: a function-level import that dodges a circle is still one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "mgc_desktop"
WATCHED = (
    "mgc_desktop.gui.main_window",
    "mgc_desktop.gui.window_actions",
    "mgc_desktop.library.albums",
    "mgc_desktop.library.index",
)


def import_graph() -> dict[str, set[str]]:
    """module -> the package's modules it imports anywhere in its source."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {}
    for name, path in modules.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    deps.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for dep in graph[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_no_import_circle_runs_through_the_window_or_the_album_grouping():
    graph = import_graph()
    assert set(WATCHED) <= set(graph)
    circles = {m: sorted(d for d in reachable(graph, m) if m in reachable(graph, d))
               for m in WATCHED}  # fmt: skip
    assert circles == {m: [] for m in WATCHED}
    assert "mgc_desktop.gui.main_window" not in graph["mgc_desktop.gui.window_actions"]
    assert "mgc_desktop.library.index" not in graph["mgc_desktop.library.albums"]
