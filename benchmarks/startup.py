"""Cold start and workspace switching (a benchmark, not a test: it prints figures).

1. Cold start, each in a fresh process (bytecode cached, one warm-up run),
   against a bare PySide6 QMainWindow started the same way, same run:
   - ``first paint``: process start -> the main window's first paint event
     (and whether pyqtgraph was imported by then: it should not be);
   - ``workspace ready``: every panel of the opening workspace built and painted.
   Two starts of nnstudio: the very first launch (start page, Learn) and a
   later launch that reopens the Build & train workspace (the heaviest).
   Aim: first paint <= 0.5 s, workspace ready <= 1 s on this machine.
2. Workspace switching in one process, after the window has been idle in
   Learn for IDLE_S seconds (as a user reading it; the window prefetches
   pyqtgraph then): Learn -> Build & train -> Inspect -> ... until every switch
   is done and painted, the first (panels built on the way) and the later ones
   (aim < 200 ms each).

Run:  python benchmarks/startup.py [--runs 5] [--xcb]   (offscreen unless --xcb, which needs DISPLAY)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = (
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from nnstudio.ui.app import _process_age\n"
    "app = QApplication([])\n"
    "class F(QObject):\n"
    "    def eventFilter(self, o, e):\n"
    "        if e.type() == QEvent.Type.Paint and not getattr(self, 'done', False):\n"
    "            self.done = True\n"
    "            print(f'first-paint: {_process_age():.3f} s', flush=True); QTimer.singleShot(0, app.quit)\n"
    "        return False\n"
    "w = QMainWindow(); f = F(); w.installEventFilter(f); w.resize(1280, 800); w.show()\n"
    "app.exec()\n"
)
APP = "import sys\nfrom nnstudio.ui.app import run_gui\nsys.exit(run_gui())\n"


def _env(config_dir: str, platform: str) -> dict:
    env = dict(os.environ, NNSTUDIO_STARTUP_TIMING="1", QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=config_dir,
               PYTHONPATH=str(ROOT), QT_LOGGING_RULES="qt.qpa.*=false")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from cached bytecode
    return env


def _run(code: str, config_dir: str, platform: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], env=_env(config_dir, platform), capture_output=True,
                         text=True, timeout=120)
    figures = {}
    for line in out.stdout.splitlines():
        key, _, rest = line.partition(":")
        if key in ("startup-to-window", "first-paint", "workspace-ready"):
            figures[key] = float(rest.split()[0])
            if key == "first-paint":
                figures["pyqtgraph"] = "pyqtgraph imported: True" in rest
    if out.returncode != 0 or "first-paint" not in figures:
        raise RuntimeError(f"start-up run failed ({out.returncode}): {out.stdout[-300:]} {out.stderr[-800:]}")
    return figures


def _later_launch_settings(config_dir: str, platform: str) -> None:
    """A settings folder where the start page was seen and Build & train is the remembered workspace."""
    code = ("from nnstudio.ui.app import create_app\nfrom nnstudio.ui.main_window import MainWindow\n"
            "app = create_app([])\nw = MainWindow(workspace='build')\nw.show()\napp.processEvents()\n"
            "w.state.undo_stack.setClean()\nw.close()\n")
    env = _env(config_dir, platform)
    env.pop("NNSTUDIO_STARTUP_TIMING")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=120)


def cold_start(runs: int, platform: str) -> dict[str, list]:
    results: dict[str, list] = {"bare": [], "first": [], "later": []}
    later_dir = tempfile.mkdtemp(prefix="nnstudio-bench-")
    _later_launch_settings(later_dir, platform)
    _run(APP, tempfile.mkdtemp(prefix="nnstudio-bench-"), platform)  # warm-up: bytecode, font caches
    _run(BARE, later_dir, platform)
    for _ in range(runs):  # interleaved, so a slower moment of the machine hits all three alike
        results["bare"].append(_run(BARE, later_dir, platform))
        results["first"].append(_run(APP, tempfile.mkdtemp(prefix="nnstudio-bench-"), platform))
        results["later"].append(_run(APP, later_dir, platform))
    return results


#: seconds the window is left idle before the first switch (see MainWindow's PREFETCH_MS)
IDLE_S = 2.0


def switching(rounds: int = 3) -> dict[str, list[float]]:
    """Milliseconds per workspace switch, until the switch is done and painted, starting after
    :data:`IDLE_S` seconds in the first workspace."""
    from PySide6.QtWidgets import QApplication

    from nnstudio.ui.app import create_app
    from nnstudio.ui.main_window import MainWindow

    app = create_app([])
    window = MainWindow(restore_layout=False, workspace="learn")
    window.resize(1366, 740)
    window.show()
    from PySide6.QtCore import QEventLoop, QTimer

    idle = QEventLoop()  # a user looks at the first workspace for a moment (the window prefetches meanwhile)
    QTimer.singleShot(int(IDLE_S * 1000), idle.quit)
    idle.exec()
    times: dict[str, list[float]] = {"first": [], "later": []}
    seen = set()
    for _ in range(rounds):
        for name in ("build", "inspect", "learn"):
            t = time.perf_counter()
            window.workspaces.actions[name].trigger()
            # done = every visible panel built and the window repainted
            while True:
                app.processEvents()
                pending = [p for p in window.workspaces.panels.values() if not p.built and p.dock.isVisible()
                           and not p.dock.visibleRegion().isEmpty()]
                if not pending:
                    break
            window.repaint()
            ms = (time.perf_counter() - t) * 1000
            times["later" if name in seen else "first"].append(ms)
            seen.add(name)
    window.state.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return times


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows if key in r)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--xcb", action="store_true", help="on the X display in $DISPLAY instead of offscreen")
    args = ap.parse_args(argv)
    platform = "xcb" if args.xcb else "offscreen"
    os.environ["QT_QPA_PLATFORM"] = platform
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="nnstudio-bench-"))
    print(f"Cold start ({platform}, median of {args.runs} interleaved runs, seconds since process start)")
    r = cold_start(args.runs, platform)
    bare = _median(r["bare"], "first-paint")
    print(f"  {'bare QMainWindow':34s} first paint {bare:6.3f} s")
    for key, label in (("first", "nnstudio, first launch (start page)"), ("later", "nnstudio, later (Build & train)")):
        paint, ready = _median(r[key], "first-paint"), _median(r[key], "workspace-ready")
        pg = sum(1 for row in r[key] if row.get("pyqtgraph"))
        print(f"  {label:34s} first paint {paint:6.3f} s ({paint / bare:4.1f}x bare)   workspace ready "
              f"{ready:6.3f} s ({ready / bare:4.1f}x bare)   pyqtgraph before first paint: {pg}/{len(r[key])}")
    print("Workspace switch (ms, until built and painted; 1366x740)")
    t = switching()
    print(f"  first visit (builds its panels): median {statistics.median(t['first']):6.1f}  max {max(t['first']):6.1f}")
    print(f"  later switches:                  median {statistics.median(t['later']):6.1f}  max {max(t['later']):6.1f}"
          "  (aim < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
