"""The import layers of newskit (docs/architecture.md), kept by reading every module's imports.

Layers, lowest first; a module may import from its own layer and the layers below it, never
from a layer above. Imports inside functions count too; only ``if TYPE_CHECKING:`` blocks are
exempt (they never run). Every subpackage of an extractor (``newskit.dates.*`` …) belongs to
the extractor layer, every module of ``newskit.claims`` / ``newskit.corpus`` to its package's.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newskit"

#: (layer, top-level names under newskit), lowest first
LAYERS = [
    ("base", {"__init__", "errors", "article", "spans", "wordlists", "lexicon", "tables"}),
    ("input and text primitives", {"loading", "cleaning", "sentences", "numbers", "samples"}),
    ("extractors", {"quantities", "dates", "quotes", "speakers"}),
    ("claims", {"claims"}),
    ("display", {"display"}),
    ("analysis", {"analysis"}),
    ("corpus", {"corpus"}),
    ("plot", {"plot"}),
    ("cli", {"cli", "__main__"}),
]
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _top(dotted: str) -> str:
    """The top-level name under newskit that places a module in a layer ("corpus" …)."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool):
    """``(line, imported newskit module)`` for every import that runs (TYPE_CHECKING blocks skipped)."""
    package = module if is_package else module.rpartition(".")[0]
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield node.lineno, sub if _is_module(sub) else base
        stack.extend(ast.iter_child_nodes(node))


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, _module_name(path)


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path, module in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {m for _, m in _imports(tree, module, path.name == "__init__.py")
                         if m == "newskit" or m.startswith("newskit.")}
    return graph


def test_every_module_has_a_layer():
    unplaced = sorted(module for _, module in _modules() if _top(module) not in RANK)
    assert not unplaced, f"put these modules in a layer (tests/test_layers.py, docs/architecture.md): {unplaced}"


@pytest.mark.parametrize("path, module", list(_modules()), ids=lambda x: x if isinstance(x, str) else "")
def test_imports_go_down_the_layers(path, module):
    rank = RANK.get(_top(module))
    if rank is None:
        pytest.skip("not in a layer (see test_every_module_has_a_layer)")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    upward = []
    for line, imported in _imports(tree, module, path.name == "__init__.py"):
        if imported != "newskit" and not imported.startswith("newskit."):
            continue
        their = RANK.get(_top(imported))
        if their is not None and their > rank:
            upward.append(f"line {line}: imports {imported} ({LAYERS[their][0]} layer)")
    assert not upward, f"{module} ({LAYERS[rank][0]} layer) imports from a layer above it: {upward}"


def test_the_import_graph_has_no_cycle():
    """Module by module, imports inside functions included. A subpackage's modules may import
    their own package (for its re-exported names) without that counting as a cycle."""
    graph = _graph()
    for module, deps in graph.items():
        graph[module] = {d for d in deps if d in graph and d != module and not module.startswith(d + ".")}
    state: dict[str, int] = {}

    def visit(module, path):
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                cycle = path[path.index(dep):] + [dep]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_no_module_loads_newskit_modules_by_name():
    """No string tables of module names: only the package's lazy API uses import_module."""
    for path, module in _modules():
        if module == "newskit":
            continue
        assert "import_module(" not in path.read_text(encoding="utf-8"), module


def test_the_layer_rule_catches_an_upward_import(tmp_path):
    """The checker itself: an extractor importing analysis, even inside a function, is caught."""
    tree = ast.parse("def f():\n    from newskit.analysis import analyze\n")
    found = list(_imports(tree, "newskit.quotes", False))
    assert found == [(2, "newskit.analysis")] and RANK[_top(found[0][1])] > RANK["quotes"]
    exempt = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from newskit.analysis import Analysis\n")
    assert list(_imports(exempt, "newskit.display", False)) == [(1, "typing")]
