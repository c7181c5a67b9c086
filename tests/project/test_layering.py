"""House rule 1: engine, data, project, export and lessons never import Qt or pyqtgraph.

Every module is parsed with ``ast`` (nothing is imported), so the check also
covers imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nnstudio

PACKAGE = Path(nnstudio.__file__).parent
QT_FREE = ("engine", "data", "project", "export", "lessons")
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "nnstudio.ui")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def _modules(package: str) -> list[Path]:
    folder = PACKAGE / package
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


@pytest.mark.parametrize("package", QT_FREE)
def test_package_never_imports_qt(package):
    bad = []
    for path in _modules(package):
        for lineno, name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{lineno} imports {name}")
    assert not bad, "\n".join(bad)


def test_engine_imports_nothing_else_from_nnstudio():
    bad = [f"{p.name}:{ln} {name}" for p in _modules("engine") for ln, name in _imports(p)
           if name == "nnstudio" or name.startswith("nnstudio.")]
    assert not bad, bad


def test_the_checker_sees_imports(tmp_path):
    src = "import PySide6.QtCore\nfrom pyqtgraph import PlotWidget\ndef f():\n    import shiboken6\n"
    path = tmp_path / "probe.py"
    path.write_text(src, encoding="utf-8")
    assert [n for _, n in _imports(path)] == ["PySide6.QtCore", "pyqtgraph", "shiboken6"]
