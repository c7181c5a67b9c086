"""The training speed control: slow motion paces batches (every batch shown and highlighted),
Pause/Stop stay instant, the speed is saved with the project, full speed is unchanged."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider
from test_training_common import circle_project, headless_history, xor_project

from nnstudio.project import load_project
from nnstudio.project.build import load_dataset, prepare_data
from nnstudio.session import TrainingRun
from nnstudio.ui.training import worker as worker_mod
from nnstudio.ui.training.speed import SPEEDS


def _slider(w) -> QSlider:
    return w.findChild(QSlider, "speedSlider")


def _key_to_slow_motion(qtbot, w, target: float) -> None:
    """Focus the slider and press Left / Right as a user would until it shows ``target``."""
    s = _slider(w)
    s.setFocus(Qt.TabFocusReason)
    for _ in range(len(SPEEDS)):
        if SPEEDS[s.value()] == target:
            break
        qtbot.keyClick(s, Qt.Key_Left if (SPEEDS[s.value()] is None or SPEEDS[s.value()] > target) else Qt.Key_Right)
    assert SPEEDS[s.value()] == target


def test_slow_motion_paces_batches_and_highlights_each_one(window, qtbot):
    w = window(circle_project(epochs=50, n=400, batch=16))
    assert _slider(w).value() == len(SPEEDS) - 1 and w.findChild(QLabel, "speedLabel").text() == "full speed"
    _key_to_slow_motion(qtbot, w, 4)
    assert w.state.project.training["speed"] == 4
    assert w.findChild(QLabel, "speedLabel").text() == "4 batches/s"
    batches, iterations = [], []
    w.state.batchChanged.connect(lambda idx: batches.append((time.perf_counter(), np.array(idx))))
    w.training.historyChanged.connect(lambda: iterations.append(w.training.iterations))
    w.training.train()
    qtbot.waitUntil(lambda: len(batches) >= 5, timeout=10000)
    t = [b[0] for b in batches[:5]]
    gaps = np.diff(t)
    # 4 batches a second: about 250 ms apart on average. The worker paces them; the GUI
    # receives them with some jitter on a busy machine, so one gap may be shorter than
    # a slot, but they never arrive together and four gaps span at least three slots.
    assert gaps.sum() > 0.75 and gaps.mean() < 0.6 and gaps.min() > 0.05, gaps
    # every batch arrives: the iteration counter moves one batch at a time
    assert all(b - a <= 1 for a, b in zip(iterations, iterations[1:]))
    # the data view highlights exactly the batch just trained (16 distinct training rows)
    view = w.data_view
    rows = batches[-1][1]
    assert len(rows) == 16 and len(set(rows.tolist())) == 16
    train_rows = set(w.state.prepared().train_idx.tolist())
    assert set(rows.tolist()) <= train_rows
    np.testing.assert_array_equal(np.sort(view.batch_idx), np.sort(rows))
    # Pause is instant even though the worker is waiting out a one-second batch slot
    w.train_toolbar.speed.set_speed(1)
    n = len(batches)
    qtbot.waitUntil(lambda: len(batches) > n, timeout=3000)
    t0 = time.perf_counter()
    w.training.pause()
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=2000)
    assert time.perf_counter() - t0 < 0.6
    n = w.training.iterations
    qtbot.wait(400)
    assert w.training.iterations == n
    w.training.stop()
    qtbot.waitUntil(lambda: not w.training.is_active(), timeout=3000)
    assert worker_mod.running_threads() == []


def test_faster_while_running_and_stop_is_instant(window, qtbot):
    w = window(circle_project(epochs=50, n=400, batch=16))
    w.train_toolbar.speed.set_speed(1)
    w.training.train()
    qtbot.waitUntil(lambda: w.training.iterations >= 1, timeout=5000)
    # Ctrl+] (Faster) is allowed while training runs and reaches the worker at once
    assert w.state.training_state == "running"
    w.train_toolbar.faster_action.trigger()
    assert w.state.project.training["speed"] == 2 and w.training._worker.pace == 2
    t0 = time.perf_counter()
    w.training.stop()
    qtbot.waitUntil(lambda: not w.training.is_active(), timeout=2000)
    assert time.perf_counter() - t0 < 0.3
    assert w.training.iterations < 25 * 5  # paced: far fewer than 50 epochs' worth


def test_paced_run_learns_exactly_what_full_speed_learns(window, qtbot):
    """Pacing only waits: the history equals the headless one (and the highlighted rows are the real batches)."""
    w = window(xor_project(epochs=6))
    w.train_toolbar.speed.set_speed(60)
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        w.training.train()
    np.testing.assert_array_equal(w.training.history["loss"], headless_history(xor_project(epochs=6))["loss"])


def test_highlighted_rows_are_the_batches_fit_trains():
    """The worker's re-drawn permutation equals the rows the engine trained (captured by the engine)."""
    p = circle_project(epochs=2, n=100, batch=16)
    ds = load_dataset(p)
    prep = prepare_data(p, ds)
    run = TrainingRun(p, ds, prepared=prep)
    model = run.model
    model.capture_step = True  # the engine records each batch's rows
    job = worker_mod.Job(run=run, pace=1e6)
    worker = worker_mod.TrainWorker(job)
    seen = []
    worker.progress.connect(lambda pr: seen.append(
        (pr.batch_indices, prep.train_idx[model.last_step.batch_indices].copy())))
    worker.grant("live")
    worker.progress.connect(lambda _p: worker.grant("progress"))
    worker.run()  # in this thread: signals are direct
    assert len(seen) >= 10
    for shown, trained in seen:
        if shown is not None:
            np.testing.assert_array_equal(shown, trained)


def test_full_speed_is_unpaced(window, qtbot):
    """At full speed the worker neither waits nor sends a message per batch."""
    w = window(circle_project(epochs=20, n=2000, batch=8))
    msgs = []
    w.state.batchChanged.connect(lambda idx: msgs.append(idx))
    t0 = time.perf_counter()
    with qtbot.waitSignal(w.training.finished, timeout=20000):
        w.training.train()
    assert w.training.iterations == 20 * 200
    assert msgs == []  # no per-batch highlight traffic
    assert time.perf_counter() - t0 < 20


def test_speed_is_saved_and_reopened_with_the_project(window, qtbot, tmp_path):
    w = window(xor_project())
    w.train_toolbar.slower_action.trigger()  # full speed -> 250
    w.train_toolbar.speed.set_speed(2)
    assert w.state.undo_stack.canUndo()
    path = tmp_path / "paced.nnstudio"
    assert w.files.save_as(path)
    assert load_project(path).training["speed"] == 2
    w2 = window(load_project(path))
    assert SPEEDS[_slider(w2).value()] == 2 and w2.findChild(QLabel, "speedLabel").text() == "2 batches/s"
    # undo brings the previous speed back to the slider
    w.state.undo_stack.undo()
    assert w.state.project.training["speed"] is None and SPEEDS[_slider(w).value()] is None
