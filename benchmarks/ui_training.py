"""Training from the UI vs headless, and event-loop responsiveness while training.

    python benchmarks/ui_training.py [--epochs 5] [--switch-ms 5]

* Throughput: the lesson's 32-64-256-5 net (sigmoid, sigmoid, softmax; SGD;
  sparse categorical cross-entropy) on 'keras_example' with 10,000 samples,
  batch 32, trained headless (build_model + fit) and from the main window with
  every live view open (loss, metric, activations, confusion, backprop,
  canvas). Reference and UI runs alternate (headless, UI, headless) and the
  ratio uses the mean headless figure.
* Responsiveness: a 10 ms QTimer in the GUI thread records how late each
  tick fires while the UI run trains at full speed (p50 / p99 / max).

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

from nnstudio.project import LayerSpec, Project


def lesson_project(epochs: int) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"),
                LayerSpec.make("Dense", units=64, activation="sigmoid"),
                LayerSpec.make("Dense", units=256, activation="sigmoid"),
                LayerSpec.make("Dense", units=5, activation="softmax")]
    p.dataset.update(name="keras_example", params={"n_samples": 10000})
    p.training.update(loss="sparse_categorical_crossentropy", optimizer="sgd", learning_rate=0.01,
                      batch_size=32, epochs=epochs, validation_split=0.0, seed=0, dtype="float32")
    return p


def headless(epochs: int) -> float:
    """Samples per second of build_model + fit without any UI."""
    from nnstudio.project.build import build_model, load_dataset, prepare_data

    p = lesson_project(epochs)
    ds = load_dataset(p)
    pr = prepare_data(p, ds)
    model = build_model(p, ds)
    t0 = time.perf_counter()
    model.fit(pr.x_train, pr.y_train, batch_size=32, epochs=epochs, verbose=0)
    return len(pr.x_train) * epochs / (time.perf_counter() - t0)


def ui_run(app, epochs: int) -> tuple[float, np.ndarray, dict]:
    """Samples per second from the main window (all views open) and timer lateness in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(lesson_project(epochs), restore_layout=False)
    w.resize(1600, 1000)
    w.show()
    for name in ("loss_plot", "metric_plot", "activations", "confusion", "backprop"):
        w.docks[name].show()
    w.docks["activations"].raise_()
    settle = QEventLoop()  # first layout + paint of every dock happen before timing
    QTimer.singleShot(1000, settle.quit)
    settle.exec()
    c = w.training
    counts = {"snapshots": 0, "progress": 0}
    c.snapshotChanged.connect(lambda _s: counts.__setitem__("snapshots", counts["snapshots"] + 1))
    c.historyChanged.connect(lambda: counts.__setitem__("progress", counts["progress"] + 1))
    late: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append((now - last[0]) * 1000.0 - 10.0)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    c.finished.connect(lambda _reason: loop.quit())
    n = len(w.state.prepared().x_train)
    t0 = time.perf_counter()
    c.train()
    last[0] = time.perf_counter()
    timer.start()
    loop.exec()  # a real event loop: the GUI thread sleeps (without the GIL) between events
    elapsed = time.perf_counter() - t0
    timer.stop()
    w.state.undo_stack.setClean()
    w.close()
    w.deleteLater()
    app.processEvents()
    counts["seconds"] = elapsed
    return n * epochs / elapsed, np.asarray(late[1:]), counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=2, help="UI runs (each between two headless runs)")
    ap.add_argument("--switch-ms", type=float, default=None,
                    help="sys.setswitchinterval in ms for this run (default: Python's 5 ms)")
    args = ap.parse_args(argv)
    if args.switch_ms is not None:
        sys.setswitchinterval(args.switch_ms / 1000.0)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    headless(1)  # warm-up (imports, BLAS)
    heads = [headless(args.epochs)]
    uis, lates, counts = [], [], {}
    for _ in range(args.repeat):
        ui, late_i, counts = ui_run(app, args.epochs)
        uis.append(ui)
        lates.append(late_i)
        heads.append(headless(args.epochs))
    late = np.concatenate(lates)
    ref = float(np.mean(heads))
    ratios = [u / ((a + b) / 2) for u, a, b in zip(uis, heads, heads[1:])]
    print(f"switch interval: {sys.getswitchinterval() * 1000:.1f} ms, epochs: {args.epochs}, "
          f"samples/epoch: 10000, batch 32, UI runs: {args.repeat}")
    print("headless engine : " + " / ".join(f"{h:,.0f}" for h in heads) + f" samples/s (mean {ref:,.0f})")
    print("UI, views open  : " + " / ".join(f"{u:,.0f}" for u in uis) + " samples/s -> ratio "
          + " / ".join(f"{r:.2f}" for r in ratios) + f" (mean {np.mean(ratios):.2f}; aim >= 0.8)")
    print(f"UI updates (last run): {counts['progress']} progress, {counts['snapshots']} live snapshots in "
          f"{counts['seconds']:.2f} s")
    if len(late):
        print(f"10 ms timer lateness: p50 {np.percentile(late, 50):.2f} ms, p99 {np.percentile(late, 99):.2f} ms, "
              f"max {late.max():.2f} ms over {len(late)} ticks (aim max < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
