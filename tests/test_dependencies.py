"""pyproject.toml declares what the code imports: a clean install has every module it needs."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCAL = {"bot", "digests", "tests", "bench"}


def _name(requirement: str) -> str:
    raw = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", raw).lower()


def _imports(*folders: str) -> dict[str, Path]:
    """Top-level modules imported anywhere in these folders (stdlib and our own left out)."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted((REPO / folder).rglob("*.py")):
            if ".venv" in path.parts:
                continue
            siblings = {p.stem for p in path.parent.glob("*.py")}
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top in LOCAL or top in siblings:
                        continue
                    found.setdefault(top, path)
    return found


def _undeclared(imports: dict[str, Path], declared: set[str]) -> list[str]:
    providers = importlib.metadata.packages_distributions()
    missing = []
    for module, path in sorted(imports.items()):
        dists = {_name(d) for d in providers.get(module, [module])}
        if not dists & declared:
            missing.append(f"{module} ({path.relative_to(REPO)}; from {sorted(dists)})")
    return missing


def test_every_module_the_code_imports_is_declared() -> None:
    """bot/ and digests/ import only dependencies; tests/ and bench/ also the test extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    test = runtime | {_name(r) for r in project["optional-dependencies"]["test"]}
    assert _undeclared(_imports("bot", "digests"), runtime) == []
    assert _undeclared(_imports("tests", "bench"), test) == []
