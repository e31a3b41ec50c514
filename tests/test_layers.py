"""The pipeline's modules import one another in one direction, and say why when an import waits.

The graph is read from the source with `ast`: every `import` and `from ... import`, at the top
of a module or inside a function, a package's `__init__` included. As import-linter counts
them, `import a.b.c` and `from a.b import c` (c a module) lead to a.b.c itself; `from a.b import
name` (name not a module) leads to a.b.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PIPELINE.rglob("*.py"):
        parts = list(path.relative_to(PIPELINE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(module: str) -> set[str]:
    """The pipeline modules `module` imports, wherever in it the import stands."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:  # `import pipeline.x.Name`: the module that has it
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` (its modules in import order), or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_is_read_with_imports_inside_functions_and_package_inits():
    assert "pipeline.document.documents" in _imports("pipeline.edition")  # imported inside compose
    assert {"pipeline.checks.codes", "pipeline.checks.registry"} <= _imports("pipeline.checks")  # an __init__
    assert "pipeline.checks" in _imports("pipeline.edition")  # `from pipeline.checks import run_checks`


def test_no_import_cycle_among_the_pipeline_modules():
    graph = {module: _imports(module) for module in MODULES}
    assert _cycle(graph) == []


def test_names_imports_nothing_above_the_plan_layer():
    """Every stage may ask pipeline/names.py for a name, so it may ask none of them back."""
    allowed = ("pipeline.plan", "pipeline.findings")
    assert all(m.startswith(allowed) for m in _imports("pipeline.names")), _imports("pipeline.names")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_an_import_inside_a_function_says_it_waits_for_start_up(module):
    """Imports stand at the top of a module; one that waits inside a function says why (`start-up`)."""
    lines = MODULES[module].read_text(encoding="utf-8").splitlines()
    silent = []
    for fn in ast.walk(ast.parse("\n".join(lines))):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Import | ast.ImportFrom):
                above = node.lineno - 1
                while above > 0 and lines[above - 1].strip().startswith(("from ", "import ", "#")):
                    above -= 1  # the block of imports (and its comment) this one stands in
                if not any("start-up" in line for line in lines[above:node.end_lineno]):
                    silent.append(f"line {node.lineno} in {fn.name}")
    assert silent == []
