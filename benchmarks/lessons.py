"""How long does opening a lesson take in the real main window?

For every lesson: ``open`` = ``LessonHost.open_lesson`` (``set_lesson`` + the
first step's text, quiz and interaction widget), ``setup`` = going to the
lesson's first step with a set-up and applying it through the panel's "Set it
up for me" (one undoable command; the canvas, data and live views follow).
Each figure is the median of ``--repeat`` rounds (the set-up is undone between
rounds). The budget is 300 ms per lesson; the reference is one trivial
undoable edit (a rename) in the same window, so the ratio column says how many
plain edits one lesson open costs.

    python -m benchmarks.lessons [--repeat 3] [--screenshots docs/screenshots]

``--screenshots DIR`` also writes lesson01/lesson08 in English and Korean
(whole window, 1400x900, offscreen) as ``lessonNN_<lang>.png``; lesson 8 is
set up and trained through the studio so its check message shows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

BUDGET_MS = 200.0


def _guard_none() -> None:
    """PySide6 (abi3) on CPython 3.11 leaks references to None; make it immortal (see tests/ui)."""
    if sys.version_info < (3, 12) and not getattr(sys, "_nnstudio_none_guard", False):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
        sys._nnstudio_none_guard = True


def _window(settings_dir: str, lang: str = "en"):
    from nnstudio.ui import settings as app_settings
    from nnstudio.ui.app import create_app
    from nnstudio.ui.main_window import MainWindow

    app_settings.use_settings_folder(settings_dir)
    app_settings.settings().setValue("lessons/seen_start", True)  # no start page: measure opening only
    app = create_app(lang=lang)
    w = MainWindow(restore_layout=False)
    w.resize(1400, 900)
    w.show()
    app.processEvents()
    return app, w


def _close(app, w) -> None:
    if w.training is not None:
        w.training.shutdown(3000, save=False)
    w.state.undo_stack.setClean()
    w.close()
    app.processEvents()


def measure(repeat: int = 3) -> list[dict]:
    """One row per lesson: open / setup / total milliseconds (medians)."""
    from nnstudio.lessons import registry

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        app, w = _window(tmp)
        host = w.lessons
        ref = []
        for i in range(max(5, repeat)):
            t = time.perf_counter()
            w.state.push([("set_name", f"bench {i}")], "rename")
            app.processEvents()
            ref.append((time.perf_counter() - t) * 1000)
        ref_ms = statistics.median(ref)
        for lesson in registry.lessons():
            opens, setups = [], []
            first = next((s for s in lesson.steps if s.setup is not None), None)
            for _ in range(repeat):
                host.show_browser()
                t = time.perf_counter()
                host.open_lesson(lesson.id)
                app.processEvents()
                opens.append((time.perf_counter() - t) * 1000)
                if first is None:
                    continue
                depth = w.state.undo_stack.count()
                t = time.perf_counter()
                host.panel.set_step(first.id)
                host.panel.setup_button.click()
                app.processEvents()
                setups.append((time.perf_counter() - t) * 1000)
                if w.state.undo_stack.count() > depth:
                    w.state.undo_stack.undo()
                    app.processEvents()
            o = statistics.median(opens)
            s = statistics.median(setups) if setups else 0.0
            rows.append({"lesson": f"{lesson.order:02d} {lesson.id}", "open": o, "setup": s, "total": o + s,
                         "step": first.id if first else "-", "ref": ref_ms})
        _close(app, w)
    return rows


def _train_and_check(app, w, timeout_ms: int = 60000) -> None:
    """Train the open step through the studio and wait until its check message is shown."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    w.lessons.checked.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    if w.training is not None and w.training.train():
        loop.exec()
    app.processEvents()


def screenshots(folder: str, shots=(("perceptron", "and-gate", 1), ("overfitting", "overfit", 8))) -> list[str]:
    """Whole-window screenshots (classroom mode) of lesson 1 (perceptron widget) and lesson 8
    (set up, trained, checked) in English and Korean."""
    from PySide6.QtTest import QTest

    os.makedirs(folder, exist_ok=True)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "ko"):
            app, w = _window(tmp, lang)
            host = w.lessons
            host.set_language(lang)
            host.classroom.set_enabled(True)  # as in class: only the lesson's panels
            for lesson_id, step_id, order in shots:
                host.open_lesson(lesson_id, step_id)
                step = host.panel.current_step()
                if step.setup is not None:
                    host.panel.setup_button.click()
                    if step.check is not None:
                        _train_and_check(app, w)
                QTest.qWait(200)  # let the dock layout settle before grabbing
                path = os.path.join(folder, f"lesson{order:02d}_{lang}.png")
                w.grab().save(path)
                out.append(path)
            _close(app, w)
    return out


def main(argv=None) -> int:
    """Print the table (and write the screenshots when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshots", metavar="DIR", default=None)
    args = parser.parse_args(argv)
    _guard_none()
    rows = measure(args.repeat)
    print(f"{'lesson':<22} {'open ms':>8} {'setup ms':>9} {'total ms':>9} {'/budget':>8} {'/edit':>7}  setup step")
    for r in rows:
        print(f"{r['lesson']:<22} {r['open']:8.1f} {r['setup']:9.1f} {r['total']:9.1f} "
              f"{r['total'] / BUDGET_MS:8.2f} {r['total'] / max(r['ref'], 1e-6):7.0f}  {r['step']}")
    worst = max(rows, key=lambda r: r["total"])
    print(f"reference: one undoable rename = {rows[0]['ref']:.2f} ms; budget {BUDGET_MS:.0f} ms per lesson; "
          f"worst {worst['lesson']} {worst['total']:.0f} ms "
          f"({'within' if worst['total'] <= BUDGET_MS else 'OVER'} budget)")
    if args.screenshots:
        for path in screenshots(args.screenshots):
            print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
