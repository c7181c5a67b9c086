"""Training from the UI vs headless, and event-loop responsiveness while training.

    python benchmarks/ui_training.py [--net seed|spiral|both] [--epochs N] [--switch-ms 5]

Two networks:

* ``seed``: the lesson's 32-64-256-5 net (sigmoid, sigmoid, softmax; SGD;
  sparse categorical cross-entropy) on 'keras_example' with 10,000 samples,
  batch 32 (32 inputs: the canvas draws coloured circles, no maps);
* ``spiral``: 2-8-8-1 tanh/sigmoid (Adam, BCE) on 'spiral' with 2,000 points,
  batch 16: the canvas draws every neuron's map over the input plane and the
  decision view its map with the points, both live.

Each is trained headless (build_model + fit) and from the main window with the
live views open: the *Build & train* workspace when the window has workspaces
(``window.workspaces.activate("build")``), else the docks loss, metric, activations,
confusion, backprop, decision and the canvas shown. Reference and UI runs
alternate (headless, UI, headless); the ratio uses the mean of the two
headless runs around each UI run.

* Refreshes per second: live snapshots the views received, canvas map
  refreshes and decision-view refreshes, per second of training;
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


def spiral_project(epochs: int) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"),
                LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 2000})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.01,
                      batch_size=16, epochs=epochs, validation_split=0.0, seed=0, dtype="float32")
    return p


NETS = {"seed": None, "spiral": spiral_project}  # "seed" is lesson_project (defined below)


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


NETS["seed"] = lesson_project


def headless(make, epochs: int) -> float:
    """Samples per second of build_model + fit without any UI."""
    from nnstudio.project.build import build_model, load_dataset, prepare_data

    p = make(epochs)
    ds = load_dataset(p)
    pr = prepare_data(p, ds)
    model = build_model(p, ds)
    t0 = time.perf_counter()
    model.fit(pr.x_train, pr.y_train, batch_size=p.training["batch_size"], epochs=epochs, verbose=0)
    return len(pr.x_train) * epochs / (time.perf_counter() - t0)


def _show_views(w) -> str:
    """Open the live views; returns the layout's name."""
    ws = getattr(w, "workspaces", None)
    if ws is not None and hasattr(ws, "activate"):
        ws.activate("build")
        return "Build & train workspace"
    for name in ("loss_plot", "metric_plot", "activations", "confusion", "backprop", "decision"):
        if name in w.docks:
            w.docks[name].show()
    if "decision" in w.docks:  # decision and activations share a tab: show the picture one
        w.docks["decision"].raise_()
    return "default layout: loss, metric, decision, confusion, backprop, canvas shown"


def ui_run(app, make, epochs: int, hidden: bool = False) -> tuple[float, np.ndarray, dict]:
    """Samples per second from the main window (live views open) and timer lateness in ms.

    ``hidden``: the window is never shown (the worker, signals and controller only): the
    floor the views' own cost is measured against.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(make(epochs), restore_layout=False)
    w.resize(1600, 1000)
    if hidden:
        layout = "window not shown"
    else:
        w.show()
        layout = _show_views(w)
    settle = QEventLoop()  # first layout + paint of every dock happen before timing
    QTimer.singleShot(1000, settle.quit)
    settle.exec()
    c = w.training
    scene = w.canvas.canvas_scene
    views = getattr(w, "training_views", None)
    dec = views["decision"] if views is not None and "decision" in w.docks and w.docks["decision"].isVisible() \
        else None
    maps0 = scene.maps.refreshes
    dec0 = dec.refreshes if dec is not None else 0
    counts = {"snapshots": 0, "progress": 0, "layout": layout}
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
    cpu0 = time.thread_time()
    c.train()
    last[0] = time.perf_counter()
    timer.start()
    loop.exec()  # a real event loop: the GUI thread sleeps (without the GIL) between events
    elapsed = time.perf_counter() - t0
    counts["gui_cpu"] = time.thread_time() - cpu0  # the GUI thread's own CPU time (not its GIL waits)
    timer.stop()
    counts["maps"] = scene.maps.refreshes - maps0
    counts["decision"] = (dec.refreshes - dec0) if dec is not None else 0
    w.state.undo_stack.setClean()
    w.close()
    w.deleteLater()
    app.processEvents()
    counts["seconds"] = elapsed
    return n * epochs / elapsed, np.asarray(late[1:]), counts


def bench(app, name: str, epochs: int, repeat: int, floor: bool = False) -> None:
    make = NETS[name]
    headless(make, 1)  # warm-up (imports, BLAS)
    heads = [headless(make, epochs)]
    uis, lates, counts, floors, cpus = [], [], {}, [], []
    for _ in range(repeat):
        ui, late_i, counts = ui_run(app, make, epochs)
        uis.append(ui)
        cpus.append((counts["gui_cpu"] / counts["seconds"], counts["gui_cpu"] / max(1, counts["snapshots"])))
        lates.append(late_i)
        heads.append(headless(make, epochs))
        if floor:
            floors.append(ui_run(app, make, epochs, hidden=True)[0] / heads[-1])
    late = np.concatenate(lates)
    ref = float(np.mean(heads))
    ratios = [u / ((a + b) / 2) for u, a, b in zip(uis, heads, heads[1:])]
    p = make(epochs)
    units = "-".join(str(s.params.get("units", "in")) for s in p.layers)
    sec = counts["seconds"]
    floor_text = (" / ".join(f"{f:.2f}" for f in floors) + f" (mean {np.mean(floors):.2f})") if floors else ""
    print(f"== {name}: {units} on {p.dataset['name']}, batch {p.training['batch_size']}, {epochs} epochs, "
          f"{counts['layout']}")
    print("headless engine : " + " / ".join(f"{h:,.0f}" for h in heads) + f" samples/s (mean {ref:,.0f})")
    print("UI, views open  : " + " / ".join(f"{u:,.0f}" for u in uis) + " samples/s -> ratio "
          + " / ".join(f"{r:.2f}" for r in ratios) + f" (median {np.median(ratios):.2f}, mean {np.mean(ratios):.2f}; "
          "aim >= 0.85)")
    print("GUI thread CPU  : " + " / ".join(f"{share:.0%}" for share, _ in cpus) + " of the run; "
          + " / ".join(f"{per * 1000:.1f}" for _, per in cpus) + " ms per live snapshot (all GUI work / snapshots)")
    if floor_text:
        print(f"window not shown (worker + controller only): ratio {floor_text}")
    print(f"refreshes/s (last run, {sec:.2f} s): {counts['snapshots'] / sec:.1f} live snapshots, "
          f"{counts['maps'] / sec:.1f} canvas maps, {counts['decision'] / sec:.1f} decision view, "
          f"{counts['progress'] / sec:.1f} progress")
    if len(late):
        print(f"10 ms timer lateness: p50 {np.percentile(late, 50):.2f} ms, p99 {np.percentile(late, 99):.2f} ms, "
              f"max {late.max():.2f} ms over {len(late)} ticks (aim max < 50 ms)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--net", choices=("seed", "spiral", "both"), default="both")
    ap.add_argument("--epochs", type=int, default=None, help="default: 20 (seed), 150 (spiral)")
    ap.add_argument("--repeat", type=int, default=2, help="UI runs (each between two headless runs)")
    ap.add_argument("--floor", action="store_true",
                    help="also train from a window that is never shown (what the views themselves cost)")
    ap.add_argument("--switch-ms", type=float, default=None,
                    help="GIL switch interval in ms while a run lives (default: the controller's 2 ms)")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from nnstudio.ui.training import afterpaint

    if args.switch_ms is not None:  # the controller sets this one while a run lives
        afterpaint.TRAINING_SWITCH_INTERVAL = args.switch_ms / 1000.0
    app = QApplication.instance() or QApplication([])
    print(f"switch interval while training: {afterpaint.TRAINING_SWITCH_INTERVAL * 1000:.1f} ms "
          f"(else {sys.getswitchinterval() * 1000:.1f} ms), UI runs per net: {args.repeat}")
    for name in (("seed", "spiral") if args.net == "both" else (args.net,)):
        bench(app, name, args.epochs or {"seed": 20, "spiral": 150}[name], args.repeat, args.floor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
