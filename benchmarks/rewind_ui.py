"""Moving every view to a recorded epoch (the rewind timeline), for the lesson networks.

    python benchmarks/rewind_ui.py [--repeat 15] [--epochs 20]

For each lesson network (lesson 1's XOR net, lesson 5's moons net, lesson 7's
deep spiral net, lesson 8's 1-128-128-1 overfitting net, lesson 9's deep ReLU
net) the step is set up in the main window, trained for ``--epochs`` at full
speed, and then the timeline is moved: ``controller.show_epoch(k)`` for
epochs spread over the run, each time until every shown view has drawn that
epoch: the canvas (neuron maps when it draws them), the decision map or fitted
curve, the activations, the confusion matrix and the marker on the curves
(the loss, decision, activations and confusion docks are shown, like the
Inspect workspace). Between two moves the benchmark waits 80 ms, so the
canvas' 20-refreshes-a-second limit never delays a move.

Reference, in the same process and window: one full repaint of the main
window (``window.repaint()``, the same views showing), median of several.
The ratio says how many window repaints a move costs (on a loaded machine
both grow together); the aim is < 33 ms (one frame) per move. The
``show_epoch`` column is the time inside the call (snapshot, views updated,
before anything is painted). Benchmarks are not tests: this prints
figures, it does not assert.
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
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

#: (lesson id, step id) whose network is measured
NETS = [("perceptron", "xor-network"), ("batches", "stepping"), ("ml-vs-dl", "deep-learns"), ("overfitting", "overfit"),
        ("initialization", "replay-start")]
AIM_MS = 33.0


def _window(settings_dir: str):
    from nnstudio.ui import settings as app_settings
    from nnstudio.ui.app import create_app
    from nnstudio.ui.main_window import MainWindow

    app_settings.use_settings_folder(settings_dir)
    app_settings.settings().setValue("lessons/seen_start", True)
    app = create_app(lang="en")
    w = MainWindow(restore_layout=False)
    w.resize(1400, 900)
    w.show()
    app.processEvents()
    return app, w


def _wait(app, until, timeout_s: float = 2.0) -> bool:
    end = time.perf_counter() + timeout_s
    while time.perf_counter() < end:
        app.processEvents()
        if until():
            return True
    return False


def _first_setup_step(lesson, step_id):
    if step_id is not None:
        step = next((s for s in lesson.steps if s.id == step_id), None)
        if step is not None and step.setup is not None:
            return step
    return next(s for s in lesson.steps if s.setup is not None)


def measure_net(app, w, lesson_id: str, step_id: str | None, epochs: int, repeat: int) -> dict:
    from nnstudio.lessons import registry
    lesson = registry.get(lesson_id)
    step = _first_setup_step(lesson, step_id)
    host = w.lessons
    host.open_lesson(lesson.id, step.id)
    host.panel.setup_button.click()
    app.processEvents()
    w.state.push([("set_training", "epochs", epochs), ("set_training", "speed", None)], "bench")
    c = w.training
    for name in ("loss_plot", "decision", "activations", "confusion"):
        dock = w.docks.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
    app.processEvents()
    c.train()
    _wait(app, lambda: not c.is_active(), timeout_s=120)
    _wait(app, lambda: c.timeline is not None and len(c.timeline.epochs()) > 2, timeout_s=5)
    epochs_rec = c.timeline.epochs()
    scene = w.canvas.canvas_scene
    maps = getattr(scene, "maps", None)
    dec = w.panel("decision")
    marker = w.panel("loss_plot").epoch_marker
    dec_counts = dec.isVisible()
    times, calls = [], []
    targets = [epochs_rec[(i * 7 + 1) % len(epochs_rec)] for i in range(repeat)]
    for k in targets:
        if c.viewing_epoch == k:
            k = epochs_rec[0] if k != epochs_rec[0] else epochs_rec[-1]
        _wait(app, lambda: False, timeout_s=0.08)
        m0 = maps.refreshes if maps is not None and maps.maps is not None else None
        d0 = dec.refreshes
        t0 = time.perf_counter()
        c.show_epoch(k)
        calls.append((time.perf_counter() - t0) * 1000)

        def drawn(m0=m0, d0=d0, k=k):
            ok = marker.position() == float(k)
            if m0 is not None:
                ok = ok and maps.refreshes > m0
            if dec_counts and dec.mode != "none":
                ok = ok and dec.refreshes > d0
            return ok

        _wait(app, drawn, timeout_s=2.0)
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    c.go_live()
    app.processEvents()
    # reference: one full repaint of the window, the same views showing
    refs = []
    for _ in range(max(5, repeat)):
        t = time.perf_counter()
        w.repaint()
        refs.append((time.perf_counter() - t) * 1000)
    ds = w.state.dataset
    sizes = [spec.params.get("units") for spec in w.state.project.layers if spec.type == "Dense"]
    return {"net": f"{lesson.order:02d} {lesson.id} ({ds.n_features}-" + "-".join(str(s) for s in sizes) + ")",
            "median": statistics.median(times), "max": max(times), "ref": statistics.median(refs),
            "call": statistics.median(calls),
            "snapshots": len(epochs_rec), "nbytes": c.timeline.nbytes}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--epochs", type=int, default=20)
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        app, w = _window(tmp)
        for lesson_id, step_id in NETS:
            rows.append(measure_net(app, w, lesson_id, step_id, args.epochs, args.repeat))
        w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()
        app.processEvents()
    print(f"move every view to a recorded epoch ({args.repeat} moves per net; aim < {AIM_MS:.0f} ms); "
          "reference: one full repaint of the window")
    print(f"{'net':40s} {'median ms':>9s} {'max ms':>7s} {'show_epoch':>10s} {'repaint':>8s} {'ratio':>6s}  snapshots")
    for r in rows:
        ratio = r["median"] / r["ref"] if r["ref"] > 0 else float("nan")
        aim = "ok" if r["median"] < AIM_MS else "over"
        print(f"{r['net']:40s} {r['median']:9.1f} {r['max']:7.1f} {r['call']:10.1f} {r['ref']:8.1f} {ratio:6.2f}  "
              f"{r['snapshots']} ({r['nbytes'] / 1024:.0f} KiB)  {aim}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
