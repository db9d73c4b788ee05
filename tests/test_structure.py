"""The package's shape (STYLE.md "Our own shape"), read from the source with `ast`.

Every import counts, lazy ones inside functions included: a lazy import still ties two modules
together, it only hides the loop from `python -c "import ..."`.
"""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 700

# Which of our top-level parts a layer may import (None: any).
CORE_MAY_IMPORT = ("pressnlp.core", "pressnlp.lang", "pressnlp.schema", "pressnlp._version")
LANG_MAY_IMPORT = ("pressnlp.lang",)
STAGES_MAY_NOT_IMPORT = ("pressnlp.evaluation", "pressnlp.engines", "pressnlp.report", "pressnlp.web",
                         "pressnlp.cli", "pressnlp.api")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted((SRC / "pressnlp").rglob("*.py"))}


def _within(module: str, parts: tuple[str, ...]) -> bool:
    return any(module == part or module.startswith(part + ".") for part in parts)


def _imported(module: str, path: Path) -> set[str]:
    """Our modules that `module` imports anywhere in its body; `from package import name` counts
    as importing the submodule when `name` is one, else the package."""
    modules = _modules()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target)
    return {name for name in found if name in modules and name != module}


@cache
def _graph() -> dict[str, set[str]]:
    return {module: _imported(module, path) for module, path in _modules().items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _violations(layer: str, allowed: tuple[str, ...] | None = None,
                forbidden: tuple[str, ...] = ()) -> list[str]:
    bad = []
    for module, targets in sorted(_graph().items()):
        if not _within(module, (layer,)):
            continue
        for target in sorted(targets):
            if _within(target, (layer,)):
                continue
            if (allowed is not None and not _within(target, allowed)) or _within(target, forbidden):
                bad.append(f"{module} -> {target}")
    return bad


def test_the_reader_sees_every_kind_of_import(tmp_path):
    """The checks below are only as good as the import reader: relative imports, lazy imports and
    `from package import submodule` must all count."""
    source = tmp_path / "example.py"
    source.write_text(
        "from . import read\n"
        "from ..core.stage import Stage\n"
        "import pressnlp.lang.pack\n"
        "from pressnlp.io import readers\n"
        "from pressnlp.core import errors as e, __name__ as n\n"
        "def later():\n"
        "    from pressnlp.engines.runner import run_corpus\n"
        "import json\n", encoding="utf-8")
    assert _imported("pressnlp.stages.example", source) == {
        "pressnlp.stages.read", "pressnlp.core.stage", "pressnlp.lang.pack", "pressnlp.io.readers",
        "pressnlp.core.errors", "pressnlp.core", "pressnlp.engines.runner"}
    assert len(_graph()) > 100


def test_the_cycle_finder_finds_loops():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    cycles = _cycles(_graph())
    assert not cycles, "modules that import each other, directly or round a loop:\n" + "\n".join(
        " <-> ".join(cycle) for cycle in cycles)


@pytest.mark.parametrize(("layer", "allowed", "forbidden"), [
    ("pressnlp.core", CORE_MAY_IMPORT, ()),
    ("pressnlp.lang", LANG_MAY_IMPORT, ()),
    ("pressnlp.stages", None, STAGES_MAY_NOT_IMPORT),
], ids=["core", "lang", "stages"])
def test_layers_import_only_what_they_may(layer, allowed, forbidden):
    violations = _violations(layer, allowed, forbidden)
    assert not violations, f"imports {layer} may not make:\n" + "\n".join(violations)


def test_the_top_level_package_is_for_users_only():
    """`pressnlp` re-exports the facade (api: engines, readers); a module of ours that imported it
    would get round the layer rules above."""
    assert [module for module, targets in _graph().items() if "pressnlp" in targets] == []


def test_no_module_is_over_the_size_limit():
    sizes = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in _modules().items()}
    over = [f"{module}: {lines} lines" for module, lines in sorted(sizes.items()) if lines > MAX_LINES]
    assert not over, f"modules over {MAX_LINES} lines (split them by concern):\n" + "\n".join(over)
