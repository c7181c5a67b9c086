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

A large dataset is prepared in a worker thread: the epoch starts once it is
ready (the output-layer fix is applied then, as a user would).

    python benchmarks/ui_stall.py --quick --against DIR [--rounds 3]

runs this same measurement alternately on this tree and on another checkout
(DIR holds its ``nnstudio`` package, e.g. ``git archive main nnstudio resources
| tar -x -C DIR``), each in a fresh process, and prints per-case medians of
both, the medians of the longest stall and the load average during the runs.

Benchmarks are not tests: this prints figures, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.environ.get("NNSTUDIO_TREE") or os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


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


def measure(app, w, edit_fn, seconds: float = 1.5, train: bool = True, ready_fn=None) -> float:
    """Max lateness (ms) of a 5 ms timer while ``edit_fn`` runs and (optionally) one epoch trains.

    ``ready_fn`` (after the edit) runs once the data is ready (at once when it
    was made in the GUI thread); the epoch starts ``seconds / 2`` after the edit
    or 0.25 s after the data is ready, whichever is later.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    late = [0.0]
    last = [time.perf_counter()]
    t_edit = [None]

    def tick():
        now = time.perf_counter()
        late[0] = max(late[0], (now - last[0]) * 1000 - 5)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)

    def edit():
        t_edit[0] = time.perf_counter()
        edit_fn()
        poll.start()

    def check_ready():
        if getattr(w.state, "dataset_pending", False):
            return
        poll.stop()
        if ready_fn is not None:
            ready_fn()
        ready = time.perf_counter() - t_edit[0]
        start = max(seconds / 2, ready + 0.25)
        if train:
            QTimer.singleShot(int((start - ready) * 1000), lambda: w.training.train())
        QTimer.singleShot(int((max(seconds, start + seconds / 2) - ready) * 1000), loop.quit)

    poll.timeout.connect(check_ready)
    timer.start()
    QTimer.singleShot(20, edit)
    loop.exec()
    timer.stop()
    if train and w.training is not None:
        w.training.shutdown(5000, save=False)
    app.processEvents()
    return late[0]


def compare(args) -> int:
    """Alternate runs of this tree and ``args.against`` in fresh processes; print medians."""
    import json
    import statistics
    import subprocess

    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    trees = {"with": os.path.abspath(here), "without": os.path.abspath(args.against)}
    runs: dict[str, list[dict]] = {"with": [], "without": []}
    loads = []
    for r in range(args.rounds):
        for label in (("without", "with") if r % 2 else ("with", "without")):
            cmd = [sys.executable, os.path.abspath(__file__), "--json"] + (["--quick"] if args.quick else []) + \
                (["--no-train"] if args.no_train else [])
            env = dict(os.environ, NNSTUDIO_TREE=trees[label])
            before = os.getloadavg()[0]
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
            loads.append((before, os.getloadavg()[0]))
            runs[label].append(json.loads(out.strip().splitlines()[-1]))
            print(f"round {r + 1} {label:7s}: longest {runs[label][-1]['worst']:.1f} ms "
                  f"(load {before:.2f} -> {loads[-1][1]:.2f})", flush=True)
    print(f"\n{'case':66s} {'without':>9s} {'with':>9s}   (median ms over {args.rounds} runs)")
    for i, case in enumerate(runs["with"][0]["cases"]):
        med = {k: statistics.median(run["cases"][i]["stall"] for run in runs[k]) for k in runs}
        print(f"{case['name'] + ' ' + case['params']:66s} {med['without']:9.1f} {med['with']:9.1f}")
    med = {k: statistics.median(run["worst"] for run in runs[k]) for k in runs}
    ref = {k: statistics.median(run["reference"] for run in runs[k]) for k in runs}
    print(f"\nlongest stall, median: without {med['without']:.1f} ms, with {med['with']:.1f} ms "
          f"({med['without'] / max(med['with'], 1e-3):.1f}x shorter)")
    print(f"reference (circle, 200 samples, no training), median: without {ref['without']:.1f} ms, "
          f"with {ref['with']:.1f} ms")
    print("load average (1 min) before/after each run: " + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in loads))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only four datasets")
    ap.add_argument("--no-train", action="store_true", help="only switch datasets (no training epoch)")
    ap.add_argument("--against", metavar="DIR", help="also measure the nnstudio package in DIR; print both")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each tree with --against (default 3)")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.against:
        return compare(args)
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
        stall = measure(app, w, switch(name, params), train=not args.no_train, ready_fn=fix_output)
        ds = w.state.dataset
        rows.append((stall, name, params, ds.n_samples if ds is not None else 0))
        if not args.json:
            print(f"{name:16s} {str(params):48s} n={rows[-1][3]:>7}  max stall {stall:7.1f} ms", flush=True)
    worst = max(rows)
    if args.json:
        import json

        print(json.dumps({"reference": ref, "worst": worst[0], "cases": [
            {"name": n, "params": str(p), "n": k, "stall": st} for st, n, p, k in rows]}))
        w.state.undo_stack.setClean()
        w.close()
        return 0
    print(f"\nreference (circle, 200 samples, no training): max stall {ref:.1f} ms")
    print(f"longest stall: {worst[0]:.1f} ms ({worst[1]} {worst[2]}, {worst[3]} samples) = "
          f"{worst[0] / max(ref, 1e-3):.1f}x the reference")
    w.state.undo_stack.setClean()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
