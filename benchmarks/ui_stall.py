"""The longest UI stall over every value the Data panel offers.

    python benchmarks/ui_stall.py [--quick]

For every built-in dataset, each of its parameters at the largest value the
Data panel's spin box offers (the others at their defaults, plus all of them
at the maximum together), the dataset is switched in a visible main window
with the data view and the decision view shown, then one epoch is trained
through the normal worker. A 5 ms QTimer in the GUI thread records how late
each tick fires: the longest lateness is the longest freeze a user sees.
The reference is the same measurement for the default dataset in the same
run (printed as a ratio). Aim: max < 100 ms.

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


def cases(quick: bool) -> list[tuple[str, dict]]:
    from nnstudio.data.registry import builtins

    out = []
    for gen in builtins():
        if quick and gen.name not in ("circle", "spiral", "keras_example", "xor"):
            continue
        numeric = [p for p in gen.params if p.kind in ("int", "float") and p.maximum is not None and p.name != "seed"]
        for p in numeric:
            out.append((gen.name, {p.name: p.maximum}))
        if len(numeric) > 1:
            out.append((gen.name, {p.name: p.maximum for p in numeric}))
        if not numeric:
            out.append((gen.name, {}))
    return out


def measure(app, w, edit_fn, seconds: float = 1.5, train: bool = True) -> float:
    """Max lateness (ms) of a 5 ms timer while ``edit_fn`` runs and (optionally) one epoch trains."""
    from PySide6.QtCore import QEventLoop, QTimer

    late = [0.0]
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        late[0] = max(late[0], (now - last[0]) * 1000 - 5)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    timer.start()
    QTimer.singleShot(20, edit_fn)
    if train:
        QTimer.singleShot(int(seconds * 500), lambda: w.training.train())
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if train and w.training is not None:
        w.training.shutdown(5000, save=False)
    app.processEvents()
    return late[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only four datasets")
    ap.add_argument("--no-train", action="store_true", help="only switch datasets (no training epoch)")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from nnstudio.project import DEFAULT_DATASET, Project
    from nnstudio.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    p = Project.default()
    p.training.update(epochs=1, validation_split=0.2)
    w = MainWindow(p, restore_layout=False)
    w.resize(1366, 768)
    w.show()
    for name in ("data_view", "decision"):
        w.docks[name].show()
        w.docks[name].raise_()
    app.processEvents()

    def switch(name, params):
        def run():
            ds = dict(DEFAULT_DATASET, name=name, params=dict(params))
            w.state.push([("set_dataset", ds)], "dataset")
        return run

    def fix_output():  # a network that trains on any of the datasets (errors block training)
        for prob in list(w.state.problems):
            if prob.is_error and prob.fix is not None:
                w.state.push(list(prob.fix.edits), "fix")

    ref = measure(app, w, switch("circle", {}), train=False)
    rows = []
    for name, params in cases(args.quick):
        stall = measure(app, w, lambda n=name, pr=params: (switch(n, pr)(), fix_output()), train=not args.no_train)
        ds = w.state.dataset
        rows.append((stall, name, params, ds.n_samples if ds is not None else 0))
        print(f"{name:16s} {str(params):48s} n={rows[-1][3]:>7}  max stall {stall:7.1f} ms", flush=True)
    worst = max(rows)
    print(f"\nreference (circle, 200 samples, no training): max stall {ref:.1f} ms")
    print(f"longest stall: {worst[0]:.1f} ms ({worst[1]} {worst[2]}, {worst[3]} samples) = "
          f"{worst[0] / max(ref, 1e-3):.1f}x the reference")
    w.state.undo_stack.setClean()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
