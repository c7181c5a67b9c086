"""Screenshots of the real app on a real X server (Xvfb), for looking at every screen.

    python scripts/screens.py OUTDIR [--sizes 1366x768,1600x900,1920x1080] [--langs en,ko] [--display 11]

For every screen size it starts ``Xvfb :DISPLAY`` with that size and, per
language, runs the studio in a child process with ``QT_QPA_PLATFORM=xcb``
(never offscreen) and a fresh settings folder: the first-launch start page,
then each workspace (Learn, Build & train, Inspect), then lessons 1, 4, 5
and 7 after "Set it up for me" and a training run, in the Learn workspace.
Each picture is the whole X screen (``import -window root``, ImageMagick),
named ``<size>-<lang>-<what>.png``. Needs Xvfb and ImageMagick.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ("1366x768", "1600x900", "1920x1080")
LESSON_ORDERS = (1, 4, 5, 7)
#: epochs at most per lesson training run (keeps a whole pass to a few minutes)
MAX_EPOCHS = 300


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--langs", default="en,ko")
    ap.add_argument("--display", type=int, default=int(os.environ.get("NNSTUDIO_SCREENS_DISPLAY", "11")))
    ap.add_argument("--no-lessons", action="store_true", help="only the start page and the workspaces")
    ap.add_argument("--lessons", default=",".join(map(str, LESSON_ORDERS)),
                    help="the lessons to set up and train, by number (default %(default)s)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--lang", default="en", help=argparse.SUPPRESS)
    ap.add_argument("--prefix", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        orders = tuple(int(n) for n in args.lessons.split(",") if n.strip())
        return child(out, args.prefix, args.lang, not args.no_lessons, orders)
    written = 0
    for size in args.sizes.split(","):
        display = f":{args.display}"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            if xvfb.poll() is not None:
                print(f"screens: Xvfb {display} did not start (is the display in use?)", file=sys.stderr)
                return 1
            for lang in args.langs.split(","):
                env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                           XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="nnstudio-screens-"),
                           PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
                env.pop("QT_SCALE_FACTOR", None)
                cmd = [sys.executable, str(Path(__file__).resolve()), str(out), "--child", "--lang", lang,
                       "--prefix", f"{size}-{lang}", "--lessons", args.lessons]
                cmd += ["--no-lessons"] if args.no_lessons else []
                result = subprocess.run(cmd, env=env, timeout=900)
                if result.returncode != 0:
                    print(f"screens: {size} {lang} failed (exit {result.returncode})", file=sys.stderr)
                    return result.returncode
        finally:
            xvfb.terminate()
            xvfb.wait(10)
    written = len(list(out.glob("*.png")))
    print(f"screens: {written} screenshots in {out}")
    return 0


def child(out: Path, prefix: str, lang: str, lessons: bool, orders: tuple = LESSON_ORDERS) -> int:
    """Run the studio on the current X display and shoot each screen."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    from nnstudio.lessons import registry
    from nnstudio.ui.app import create_app
    from nnstudio.ui.main_window import MainWindow

    from nnstudio.ui import settings as app_settings

    app_settings.set_session_language(lang)  # as `nnstudio --lang ko` does
    app = create_app(lang=lang)
    window = MainWindow(strict=True)  # exactly as `nnstudio` starts: remembered layout, first-launch start page
    window.show()

    def settle(ms: int = 700) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()

    def shoot(what: str) -> None:
        settle()
        path = out / f"{prefix}-{what}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(f"  {path.name}: window {window.width()}×{window.height()}, workspace {window.workspaces.current}",
              flush=True)

    settle(1200)
    shoot("0-start")
    for name in ("learn", "build", "inspect"):
        window.workspaces.actions[name].trigger()
        shoot(f"1-{name}")
    if lessons:
        training = window.training
        for order in orders:
            lesson = next((les for les in registry.lessons() if les.order == order), None)
            if lesson is None:
                continue
            window.workspaces.actions["learn"].trigger()
            window.start_lesson(lesson.id)
            host = window.lessons
            step = next((i for i, s in enumerate(lesson.steps) if s.setup and s.setup.get("training") is not None),
                        next((i for i, s in enumerate(lesson.steps) if s.setup), 0))
            host.panel.set_step(step)
            settle(300)
            button = host.panel.findChild(QPushButton, "lessonSetupButton")
            if button is not None and button.isVisible():
                button.click()
            project = window.state.project
            epochs = int(project.training.get("epochs", 50))
            if epochs > MAX_EPOCHS:
                window.state.push([("set_training", "epochs", MAX_EPOCHS)], "screens: fewer epochs")
            if not window.state.has_errors():
                loop = QEventLoop()
                training.finished.connect(loop.quit)
                QTimer.singleShot(120_000, loop.quit)
                if training.train():
                    loop.exec()
                training.finished.disconnect(loop.quit)
            shoot(f"2-lesson{order}")
    window.training.shutdown(5000, save=False)
    window.state.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
