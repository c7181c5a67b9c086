"""Builder responsiveness and cold start (a benchmark, not a test: it prints figures).

1. Canvas with 50 Dense layers of 256 units: time to add one layer, to undo
   it, and to redraw (a full viewport repaint, and a render to a QImage);
   the budget for each is one frame at 30 fps (33 ms).
2. Cold start to the first shown window: ``nnstudio`` started in a fresh
   process with NNSTUDIO_STARTUP_TIMING=1 against a bare PySide6 QMainWindow
   started the same way, both offscreen; prints the ratio (aim: <= 2x).

Run:  python benchmarks/ui_builder.py   (sets QT_QPA_PLATFORM=offscreen itself)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FRAME_MS = 33.0
LAYERS, UNITS, REPEATS = 50, 256, 15


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000.0


def canvas_benchmark() -> dict[str, float]:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QMainWindow

    from nnstudio.project import LayerSpec, Project
    from nnstudio.ui.canvas import CanvasPanel
    from nnstudio.ui.state import AppState

    app = QApplication.instance() or QApplication([])
    project = Project()
    project.layers = [LayerSpec.make("Input")] + [LayerSpec.make("Dense", units=UNITS) for _ in range(LAYERS)]
    state = AppState(project)
    window = QMainWindow()
    panel = CanvasPanel(state)
    window.setCentralWidget(panel)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    view = panel.view
    view.fit()
    app.processEvents()
    image = QImage(view.viewport().size(), QImage.Format_ARGB32_Premultiplied)

    def add():
        state.push([("insert_layer", LAYERS // 2, LayerSpec.make("Dense", units=UNITS).to_dict())], "add")
        view.viewport().repaint()

    def undo():
        state.undo_stack.undo()
        view.viewport().repaint()

    def render():
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    def rezoom():  # a zoom step invalidates every item cache: the worst-case redraw
        view.zoom_by(1.01 if len(times["repaint after zoom (cold)"]) % 2 else 1 / 1.01)
        view.viewport().repaint()

    times: dict[str, list[float]] = {"add layer (+repaint)": [], "undo (+repaint)": [],
                                     "full viewport repaint": [], "render to QImage": [],
                                     "repaint after zoom (cold)": []}
    for _ in range(REPEATS):
        times["add layer (+repaint)"].append(_ms(add))
        times["undo (+repaint)"].append(_ms(undo))
        times["full viewport repaint"].append(_ms(view.viewport().repaint))
        times["render to QImage"].append(_ms(render))
        times["repaint after zoom (cold)"].append(_ms(rezoom))
    window.close()
    state.deleteLater()
    return {k: (min(v), statistics.median(v)) for k, v in times.items()}


BARE = (
    "import os, time\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from nnstudio.ui.app import _process_age\n"
    "app = QApplication([])\n"
    "w = QMainWindow(); w.resize(1280, 800); w.show()\n"
    "def done():\n"
    "    print(f'startup-to-window: {_process_age():.3f} s', flush=True); app.quit()\n"
    "QTimer.singleShot(0, done)\n"
    "app.exec()\n"
)
APP = "import sys\nfrom nnstudio.ui.app import run_gui\nsys.exit(run_gui())\n"
# the builder alone (no data/training/code/lessons plug-ins): what this window costs by itself
BUILDER = (
    "from PySide6.QtCore import QTimer\n"
    "from nnstudio.ui.app import _process_age, create_app\n"
    "app = create_app([])\n"
    "from nnstudio.ui.main_window import MainWindow\n"
    "w = MainWindow(plugins=()); w.show()\n"
    "def done():\n"
    "    print(f'startup-to-window: {_process_age():.3f} s', flush=True); w.close(); app.quit()\n"
    "QTimer.singleShot(0, done)\n"
    "app.exec()\n"
)


def _start(code: str, config_dir: str) -> tuple[float, float]:
    env = dict(os.environ, NNSTUDIO_STARTUP_TIMING="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=config_dir, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - t
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("startup-to-window:")), None)
    if out.returncode != 0 or line is None:
        raise RuntimeError(f"start-up run failed ({out.returncode}): {out.stderr[-500:]}")
    return float(line.split()[1]), wall


def startup_benchmark(runs: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as config:  # never touch the user's settings
        app = [_start(APP, config) for _ in range(runs)]
        bare = [_start(BARE, config) for _ in range(runs)]
        builder = [_start(BUILDER, config) for _ in range(runs)]
    return {
        "nnstudio (to first window)": min(a for a, _ in app),
        "builder only, no plug-ins (to window)": min(b for b, _ in builder),
        "bare QMainWindow (to first window)": min(b for b, _ in bare),
        "nnstudio (process wall)": min(w for _, w in app),
        "bare QMainWindow (process wall)": min(w for _, w in bare),
    }


def main() -> int:
    print(f"Canvas: {LAYERS} Dense layers x {UNITS} units ({REPEATS} runs; budget {FRAME_MS:.0f} ms)")
    print(f"  {'':28s} {'min':>9s} {'median':>9s}  median/frame")
    canvas = canvas_benchmark()
    ok = True
    for name, (best, ms) in canvas.items():
        flag = "ok" if ms < FRAME_MS else "OVER BUDGET"
        ok &= ms < FRAME_MS
        print(f"  {name:28s} {best:6.2f} ms {ms:6.2f} ms  {ms / FRAME_MS:5.2f}  {flag}")
    print("Cold start (min of 3, offscreen):")
    s = startup_benchmark()
    for name, sec in s.items():
        print(f"  {name:36s} {sec:6.3f} s")
    ratio = s["nnstudio (to first window)"] / s["bare QMainWindow (to first window)"]
    wall_ratio = s["nnstudio (process wall)"] / s["bare QMainWindow (process wall)"]
    print(f"  ratio nnstudio / bare: {ratio:.2f}x to first window, {wall_ratio:.2f}x process wall (aim <= 2x)")
    builder = s["builder only, no plug-ins (to window)"] / s["bare QMainWindow (to first window)"]
    print(f"  ratio builder only / bare: {builder:.2f}x (the rest is the plug-ins' imports and docks)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
