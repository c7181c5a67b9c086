"""Training throughput with the rewind timeline on vs off, and what a timeline costs.

    python benchmarks/rewind.py [--repeats 5] [--net xor|spiral|seed|all]

Each net trains headless through :class:`nnstudio.session.TrainingRun` (what
``nnstudio train`` and the studio's worker run) with ``snapshots=True`` (one
snapshot per epoch: weights, optimizer state, generator states) and
``snapshots=False``, alternating on/off/on/off... in this one process; the
ratio is the median on-throughput over the median off-throughput (aim ≥ 0.95);
the best-of ratio (fastest on over fastest off) is printed beside it, and the
ratio that the time spent taking snapshots inside the on-runs implies
(1 − share of the fit time; measured in the same run, so a loaded machine
does not blur it).

Nets:

* ``xor``: lesson 1's 2-4-1 on the 4-row XOR table, batch 4: one batch per
  epoch, the worst case (a snapshot after every single update);
* ``spiral``: 2-8-8-1 tanh/sigmoid, Adam, 2,000 points, batch 16 (the
  benchmarks' live-view net; Adam has two slot arrays per weight);
* ``seed``: the lesson's 32-64-256-5 sigmoid/softmax net, SGD, 10,000 samples.

Also printed: bytes per snapshot, the timeline's ``nbytes`` and the bytes
``file_bytes()`` says saving it adds. ``--lessons`` trains lessons 7 and 8's
networks (their set-ups, their epochs) and prints the project file's size
without and with the timeline (``save_project(..., timeline='always')``).
Benchmarks are not tests: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nnstudio.project import LayerSpec, Project  # noqa: E402
from nnstudio.project.build import load_dataset, prepare_data  # noqa: E402
from nnstudio.session import TrainingRun  # noqa: E402


def xor_project() -> tuple[Project, int]:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="xor", params={})
    p.training.update(loss="binary_crossentropy", optimizer="sgd", learning_rate=0.5, batch_size=4,
                      validation_split=0.0, seed=7, dtype="float64")
    return p, 3000


def spiral_project() -> tuple[Project, int]:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 2000})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.01, batch_size=16,
                      validation_split=0.0, seed=0, dtype="float32")
    return p, 8


def seed_project() -> tuple[Project, int]:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=64, activation="sigmoid"),
                LayerSpec.make("Dense", units=256, activation="sigmoid"),
                LayerSpec.make("Dense", units=5, activation="softmax")]
    p.dataset.update(name="keras_example", params={"n_samples": 10000})
    p.training.update(loss="sparse_categorical_crossentropy", optimizer="sgd", learning_rate=0.01,
                      batch_size=32, validation_split=0.0, seed=0, dtype="float32")
    return p, 3


NETS = {"xor": xor_project, "spiral": spiral_project, "seed": seed_project}


def one_run(project, dataset, prepared, epochs: int, snapshots: bool):
    run = TrainingRun(project, dataset, prepared=prepared, epochs=epochs, snapshots=snapshots)
    spent = [0.0]
    if snapshots:   # time the snapshots inside the run (same moment, same load as the training)
        take = run.snapshot_now

        def timed(epoch):
            t = time.perf_counter()
            take(epoch)
            spent[0] += time.perf_counter() - t

        run.snapshot_now = timed
    t0 = time.perf_counter()
    run.fit()
    dt = time.perf_counter() - t0
    run.snapshot_share = spent[0] / dt
    return len(prepared.x_train) * epochs / dt, run


def bench(name: str, repeats: int) -> None:
    project, epochs = NETS[name]()
    ds = load_dataset(project)
    prepared = prepare_data(project, ds)
    one_run(project, ds, prepared, 1, True)   # warm-up
    on, off, shares, last = [], [], [], None
    for i in range(repeats):
        for flag in ((True, False) if i % 2 == 0 else (False, True)):   # alternate the order
            rate, run = one_run(project, ds, prepared, epochs, flag)
            if flag:
                on.append(rate)
                shares.append(run.snapshot_share)
                last = run
            else:
                off.append(rate)
    ratio = statistics.median(on) / statistics.median(off)
    best = max(on) / max(off)   # best of each: less sensitive to a loaded machine
    tl = last.timeline
    per = tl.latest.nbytes
    print(f"{name:7s} epochs {epochs:5d}  on {statistics.median(on):12,.0f} samples/s  "
          f"off {statistics.median(off):12,.0f} samples/s  ratio {ratio:.3f} (best-of {best:.3f}; "
          f"from the time spent in snapshots: {1 - statistics.median(shares):.3f})  "
          f"snapshot {per:,} B  timeline {tl.nbytes:,} B in {len(tl)} snapshots  file +{tl.file_bytes():,} B")


def lesson_sizes() -> None:
    """File sizes with the timeline for the networks of lessons 7 (ml-vs-dl) and 8 (overfitting)."""
    import tempfile
    from pathlib import Path

    from nnstudio.lessons import registry
    from nnstudio.lessons.setups import step_setups
    from nnstudio.project import save_project
    from nnstudio.project.document import setup_edits

    for lesson_id, step in (("ml-vs-dl", 2), ("overfitting", 0)):
        lesson = registry.get(lesson_id)
        name, setup = step_setups(lesson.steps[step])[0]
        p = Project()
        for edit in setup_edits(p, setup):
            p.apply(edit)
        ds = load_dataset(p)
        t0 = time.perf_counter()
        run = TrainingRun(p, ds)
        run.fit()
        dt = time.perf_counter() - t0
        p.trained = run.outcome().state()
        tl = run.timeline
        with tempfile.TemporaryDirectory() as tmp:
            plain = save_project(p, Path(tmp) / "a.nnstudio", timeline="never").stat().st_size
            full = save_project(p, Path(tmp) / "b.nnstudio", timeline="always").stat().st_size
        widths = "-".join(str(s.params.get("units", "")) or s.type[0] for s in p.layers)
        print(f"lesson {lesson_id} step {step + 1} ({widths}, {p.training['optimizer']}, "
              f"{p.training['dtype']}, {run.epochs} epochs, {dt:.1f} s): timeline {len(tl)} snapshots "
              f"{tl.nbytes / 1e6:.2f} MB in memory; file {plain / 1e3:.0f} kB without, "
              f"{full / 1e6:.2f} MB with (the whole timeline would add {tl.file_bytes() / 1e6:.2f} MB; "
              f"auto saves it: {tl.file_bytes() <= 4 * 1024 * 1024}; 'always' thins what passes half the "
              f"file limit)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--net", choices=[*NETS, "all", "none"], default="all")
    ap.add_argument("--lessons", action="store_true", help="also the file sizes for lessons 7 and 8")
    args = ap.parse_args(argv)
    for name in (NETS if args.net == "all" else [] if args.net == "none" else [args.net]):
        bench(name, args.repeats)
    if args.lessons:
        lesson_sizes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
