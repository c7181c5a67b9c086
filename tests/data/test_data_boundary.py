"""House rule 1: nnstudio.data never imports Qt (checked by parsing every import)."""

import ast
import subprocess
import sys
from pathlib import Path

import nnstudio.data

FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6", "nnstudio.ui")
PKG = Path(nnstudio.data.__file__).parent


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            yield "__import__"


def test_no_qt_imports_in_nnstudio_data():
    files = sorted(PKG.rglob("*.py"))
    assert len(files) >= 8
    for f in files:
        for mod in _imports(f):
            assert mod != "__import__", f"{f.name}: dynamic import"
            assert not any(mod == b or mod.startswith(b + ".") for b in FORBIDDEN), \
                f"{f.relative_to(PKG)} imports {mod}"


def test_importing_and_using_nnstudio_data_loads_no_qt():
    code = ("import sys, nnstudio.data as d; d.make('iris'); d.load_csv('a,y\\n1,0\\n2,1\\n');"
            "bad=[m for m in sys.modules if m.split('.')[0] in "
            "('PySide6','pyqtgraph','shiboken6')]; print(bad); sys.exit(1 if bad else 0)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(PKG.parents[1]), timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
