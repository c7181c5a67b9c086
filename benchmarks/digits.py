"""Handwritten digits: time to 95% validation accuracy (headless vs the GUI with the
image views open) and the draw pad's prediction latency.

    python benchmarks/digits.py [--repeat 2] [--moves 200]

* Time to 95%: lesson 11's network (64 → Dense 32 ReLU → Dense 10 softmax,
  sparse categorical cross-entropy, SGD η = 0.1, batch 32, seed 0) on the
  digits with a 20% validation split: the wall time from the start of
  training to the end of the first epoch whose val_accuracy >= 0.95, and of
  all 20 epochs. Headless = build_model + fit; GUI = the main window with the
  loss, metric, activations, confusion, image grid, draw pad, weight images
  and confusion examples docks open. Headless and GUI runs alternate
  (headless, GUI, headless, ...) and the ratio uses the two neighbours' mean.
* Draw pad latency: QTest mouse moves drawing strokes on the pad; each
  move is timed from the event to the bars updated *and painted*
  (processEvents), idle and while training runs. Aim: < 33 ms (one frame).

Benchmarks are not tests: this prints figures, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np

TARGET = 0.95
DOCKS = ("loss_plot", "metric_plot", "activations", "confusion", "images", "draw_pad",
         "weight_images", "confusion_examples")


def lesson_project(epochs: int = 20):
    from nnstudio.lessons import registry
    from nnstudio.lessons.runner import project_for

    p = project_for(registry.get("handwritten-digits").step("train").setup)
    p.training["epochs"] = epochs
    return p


def headless(epochs: int) -> tuple[float | None, float]:
    """(seconds to the first epoch >= 95% val accuracy, seconds for all epochs), no UI."""
    from nnstudio import engine
    from nnstudio.project.build import build_model, load_dataset, prepare_data

    p = lesson_project(epochs)
    ds = load_dataset(p)
    pr = prepare_data(p, ds)
    model = build_model(p, ds)
    hit: list[float] = []
    t0 = time.perf_counter()

    class Watch(engine.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if not hit and (logs or {}).get("val_accuracy", 0.0) >= TARGET:
                hit.append(time.perf_counter() - t0)

    model.fit(pr.x_train, pr.y_train, batch_size=32, epochs=epochs, verbose=0,
              validation_data=pr.validation_data, callbacks=[Watch()])
    return (hit[0] if hit else None), time.perf_counter() - t0


def _window(app, epochs: int):
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(lesson_project(epochs), restore_layout=False)
    w.resize(1600, 1000)
    w.show()
    for name in DOCKS:
        if name in w.docks:
            w.docks[name].show()
    for name in ("draw_pad", "weight_images", "confusion_examples", "activations"):
        if name in w.docks:
            w.docks[name].raise_()
    settle = QEventLoop()  # first layout + paint of every dock happen before timing
    QTimer.singleShot(1000, settle.quit)
    settle.exec()
    return w


def gui_run(app, epochs: int) -> tuple[float | None, float, dict]:
    """(seconds to 95%, seconds for all epochs, counts) from the main window, views open."""
    from PySide6.QtCore import QEventLoop

    w = _window(app, epochs)
    c = w.training
    hit: list[float] = []
    counts = {"snapshots": 0, "bars": 0}
    c.snapshotChanged.connect(lambda _s: counts.__setitem__("snapshots", counts["snapshots"] + 1))
    w.image_views["draw_pad"].predicted.connect(
        lambda _p, _t: counts.__setitem__("bars", counts["bars"] + 1))
    t0 = time.perf_counter()

    def epoch_end(_epoch: int, logs: dict) -> None:
        if not hit and logs.get("val_accuracy", 0.0) >= TARGET:
            hit.append(time.perf_counter() - t0)

    c.epochEnded.connect(epoch_end)
    loop = QEventLoop()
    c.finished.connect(lambda _reason: loop.quit())
    t0 = time.perf_counter()
    c.train()
    loop.exec()
    total = time.perf_counter() - t0
    counts["val_accuracy"] = (c.history.get("val_accuracy") or [float("nan")])[-1]
    _close(app, w)
    return (hit[0] if hit else None), total, counts


def _close(app, w) -> None:
    if w.training is not None:
        w.training.shutdown(3000, save=False)
    w.state.undo_stack.setClean()
    w.close()
    w.deleteLater()
    app.processEvents()


def _strokes(pad, moves: int) -> list:
    """Pad positions (row, col) of ``moves`` mouse moves: loops of a figure eight."""
    t = np.linspace(0, 2 * np.pi * max(1, moves // 60), moves)
    rows = 16 + 11 * np.sin(t)
    cols = 16 + 7 * np.sin(2 * t) / 1.2
    return list(zip(rows, cols))


def pad_latency(app, moves: int, while_training: bool) -> tuple[np.ndarray, np.ndarray]:
    """Milliseconds from each mouse move to the bars updated and painted, and of the
    prediction alone (pad -> 8×8 -> network -> bars data, no painting)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    w = _window(app, 200 if while_training else 5)
    panel = w.image_views["draw_pad"]
    pad = panel.pad
    if while_training:
        w.training.train()
        wait = QEventLoop()
        QTimer.singleShot(500, wait.quit)
        wait.exec()
    times, predict = [], []
    points = _strokes(pad, moves)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pad.widget_point(*points[0]).toPoint())
    for k, (r, c) in enumerate(points[1:], 1):
        if k % 40 == 0:  # lift the pen now and then, and start again on a clean pad
            QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               pad.widget_point(r, c).toPoint())
            pad.clear()
            QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             pad.widget_point(r, c).toPoint())
            continue
        t0 = time.perf_counter()
        QTest.mouseMove(pad, pad.widget_point(r, c).toPoint())
        app.processEvents()  # the pad and the bars repaint
        times.append((time.perf_counter() - t0) * 1000.0)
        predict.append(panel.last_latency * 1000.0)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       pad.widget_point(*points[-1]).toPoint())
    _close(app, w)
    return np.asarray(times), np.asarray(predict)


def _fmt(v: float | None) -> str:
    return "never" if v is None else f"{v:.2f} s"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=2, help="GUI runs (each between two headless runs)")
    ap.add_argument("--moves", type=int, default=200, help="mouse moves per latency run")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    headless(1)  # warm-up (imports, BLAS, the dataset file)
    heads = [headless(args.epochs)]
    guis, counts = [], {}
    for _ in range(args.repeat):
        hit, total, counts = gui_run(app, args.epochs)
        guis.append((hit, total))
        heads.append(headless(args.epochs))
    print(f"lesson 11 network, {args.epochs} epochs, 1,797 digits (20% validation), batch 32; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("headless  to 95%: " + " / ".join(_fmt(h[0]) for h in heads)
          + "   all epochs: " + " / ".join(f"{h[1]:.2f} s" for h in heads))
    print("GUI       to 95%: " + " / ".join(_fmt(g[0]) for g in guis)
          + "   all epochs: " + " / ".join(f"{g[1]:.2f} s" for g in guis))
    ratios_hit, ratios_all = [], []
    for (g_hit, g_all), a, b in zip(guis, heads, heads[1:]):
        if g_hit is not None and a[0] is not None and b[0] is not None:
            ratios_hit.append(g_hit / ((a[0] + b[0]) / 2))
        ratios_all.append(g_all / ((a[1] + b[1]) / 2))
    if ratios_hit:
        print("GUI / headless time to 95%: " + " / ".join(f"{r:.2f}" for r in ratios_hit)
              + f" (mean {np.mean(ratios_hit):.2f})")
    print("GUI / headless all epochs : " + " / ".join(f"{r:.2f}" for r in ratios_all)
          + f" (mean {np.mean(ratios_all):.2f})")
    print(f"GUI last run: {counts['snapshots']} live snapshots, {counts['bars']} draw-pad bar updates, "
          f"final val_accuracy {counts['val_accuracy']:.3f}")
    for training in (False, True):
        ms, pred = pad_latency(app, args.moves, training)
        what = "while training" if training else "idle          "
        print(f"draw pad {what}: stroke to painted bars p50 {np.percentile(ms, 50):.2f} ms, "
              f"p99 {np.percentile(ms, 99):.2f} ms, max {ms.max():.2f} ms over {len(ms)} stroke steps "
              f"(aim < 33 ms; {np.mean(ms < 33.0):.0%} within one frame); prediction alone "
              f"p50 {np.percentile(pred, 50):.2f} ms, max {pred.max():.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
