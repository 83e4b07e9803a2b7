"""The layers import downwards only: the coach and the model know nothing of files, screens or commands."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import strongstride

PACKAGE = Path(strongstride.__file__).parent

# Each layer and the layers above it that it must never import, even inside a function or for type checking.
FORBIDDEN = {
    "model": ("store", "services", "tui", "commands", "importers", "cli"),
    "engine": ("store", "services", "tui", "commands", "importers", "cli"),
    "store": ("services", "tui", "commands", "importers", "cli"),
    "services": ("tui", "commands", "cli"),
    "tui": ("commands", "cli"),
}


def imported_layers(path: Path) -> set[tuple[int, str]]:
    """The strongstride packages one module imports, with the line of each import."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "strongstride" and len(parts) > 1:
                found.add((node.lineno, parts[1]))
    return found


def violations(package: Path) -> list[str]:
    """Every import in the package that reaches up to a layer above the importing one."""
    wrong = []
    for layer, above in FORBIDDEN.items():
        for path in sorted((package / layer).rglob("*.py")):
            for line, imported in sorted(imported_layers(path)):
                if imported in above:
                    wrong.append(f"{path.relative_to(package)}:{line} imports strongstride.{imported}")
    return wrong


def test_no_layer_imports_a_layer_above_it():
    assert violations(PACKAGE) == []


@pytest.mark.parametrize("layer, above", [("engine", "store"), ("model", "tui"), ("tui", "commands"),
                                          ("store", "services"), ("engine", "services")])
def test_an_upward_import_is_caught(tmp_path: Path, layer: str, above: str):
    (tmp_path / layer).mkdir()
    (tmp_path / layer / "bad.py").write_text(f"def late():\n    from strongstride.{above}.x import y\n", encoding="utf-8")
    assert violations(tmp_path) == [f"{layer}/bad.py:2 imports strongstride.{above}"]
