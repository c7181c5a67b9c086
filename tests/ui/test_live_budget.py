"""What the live views cost the GUI thread: the refresh budget, deferred first probes,
throttled thumbnails, the weight lines' buckets (no timing asserts: costs are faked)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_canvas_maps import spiral_project
from test_training_common import close_window

from nnstudio.ui.state import IDLE, RUNNING
from nnstudio.ui.training import budget
from nnstudio.ui.training.budget import GUI_DUTY, MAX_GRANT_DELAY, grant_delay_ms


def test_grant_delay_keeps_the_gui_share_to_the_duty():
    for kind in ("live", "progress"):
        cost = 0.004
        delay = grant_delay_ms(kind, cost) / 1000.0
        assert abs(cost / (cost + delay) - GUI_DUTY[kind]) < 0.01  # the share the budget allows
        assert grant_delay_ms(kind, 0.0) == 0
        assert grant_delay_ms(kind, 100.0) == MAX_GRANT_DELAY[kind]  # a slow first paint waits at most this
        assert grant_delay_ms(kind, 0.5, paced=True) == 0  # slow motion: every batch is shown
    # ~7 live refreshes a second are allowed when one costs about 10 ms of GUI CPU (its paint included)
    assert 100 <= grant_delay_ms("live", 0.010) <= 150


def test_controller_grants_after_the_budgeted_pause(window, qtbot, monkeypatch):
    """The credit goes back only after the delay the budget computes from the GUI thread's CPU time."""
    monkeypatch.setattr(budget.GuiClock, "cpu_spent", lambda self: 0.010)  # each message "cost" 10 ms
    p = spiral_project(epochs=40)
    w = window(p)
    c = w.training
    done = []
    c.finished.connect(done.append)
    assert c.train()
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    # the pause is computed once the message's repaint was done: the last ones may come after the end
    qtbot.waitUntil(lambda: {"live", "progress"} <= {k for k, _ in c.grant_delays}, timeout=5000)
    for kind, delay in c.grant_delays:
        assert delay == grant_delay_ms(kind, 0.010)


def test_new_app_window_computes_no_probes_until_it_is_painted(qtbot):
    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(spiral_project(), restore_layout=False, defer_probes=True)
    try:
        c = w.training
        assert c.probes_deferred() and c._probes is None and c.snapshot is None
        assert w.state.live_values is None  # nothing computed at creation
        w.resize(1200, 800)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.state.live_values is not None, timeout=5000)  # after the first paint
        assert not c.probes_deferred() and c._probes is not None and c.snapshot is not None
    finally:
        close_window(w)


def test_train_releases_deferred_probes(qtbot):
    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(spiral_project(epochs=2), restore_layout=False, defer_probes=True)
    try:
        c = w.training
        done = []
        c.finished.connect(done.append)
        assert c._probes is None
        assert c.train()
        assert c._probes is not None  # the worker's job carries the probes
        qtbot.waitUntil(lambda: bool(done), timeout=30000)
        assert c.snapshot is not None
    finally:
        close_window(w)


def test_neuron_thumbnails_are_throttled_while_training_and_drawn_when_it_stops(window, qtbot):
    w = window(spiral_project())
    w.workspaces.activate("build")
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    views = w.training_views
    dec = w.panel("decision") if hasattr(w, "panel") else views["decision"]
    qtbot.waitUntil(lambda: dec.maps is not None, timeout=5000)
    if not dec.neurons.isVisible() or dec.neurons.height() < 28:
        dec.neurons.setMinimumHeight(60)
        qtbot.waitUntil(lambda: dec.neurons.height() >= 28, timeout=3000)
    calls = []
    real = dec._update_icons
    dec._update_icons = lambda maps: (calls.append(maps), real(maps))
    w.state.set_training_state(RUNNING)
    weights = [np.asarray(x) for x in w.state.live_weights]
    for k in range(5):  # five snapshots in quick succession: at most one thumbnail update
        w.state.set_live(w.state.live_values, [x * (1.0 + 0.01 * (k + 1)) for x in weights])
        dec.refresh()
    assert len(calls) <= 1
    assert dec._icons_stale
    before = len(calls)
    w.state.set_training_state(IDLE)  # paused or done: the thumbnails show the latest maps
    assert len(calls) == before + 1 and calls[-1] is dec.maps


def test_weight_lines_are_grouped_by_sign_and_size(window, qtbot):
    w = window(spiral_project())
    scene = w.canvas.canvas_scene
    conn = scene.connections[w.state.project.layers[2].id]
    rng = np.random.default_rng(3)
    kernel = rng.standard_normal((8, 8))
    kernel[0, 0], kernel[1, 0] = 3.0, -3.0  # the largest |w| of each sign
    conn.set_weights(kernel)
    drawn = [line for _pen, lines, _coarse in conn._buckets for line in lines]
    assert len(drawn) == len(conn.geo.lines) == len({id(x) for x in drawn})  # every line exactly once
    big_pos, big_neg = conn.pen_for(0, 0), conn.pen_for(1, 0)
    assert big_pos.color().red() > big_pos.color().blue() and big_neg.color().blue() > big_neg.color().red()
    small = int(np.argmin(np.abs(kernel)))
    assert conn.pen_for(small // 8, small % 8).widthF() < big_pos.widthF()
    assert big_pos.style() == Qt.SolidLine


def test_a_live_snapshot_takes_the_progress_due_soon_along(window, monkeypatch):
    """Full speed: a live snapshot and a progress message due within 50 ms go out in the same batch
    (one GUI wake-up and one paint for both); nothing more is sent until the GUI grants credits."""
    from nnstudio.session import TrainingRun
    from nnstudio.ui.training import worker as worker_mod
    from nnstudio.ui.training.worker import Job, TrainWorker

    w = window(spiral_project())
    c = w.training
    c.refresh_probes()
    run = TrainingRun(w.state.project, w.state.dataset, prepared=w.state.prepared(), start=c.trained)
    wk = TrainWorker(Job(run=run, probes=c._probes, step=None, pace=None))
    sent = []
    wk.progress.connect(lambda _p: sent.append("progress"))
    wk.live.connect(lambda _s: sent.append("live"))
    clock = [100.0]
    monkeypatch.setattr(worker_mod.time, "perf_counter", lambda: clock[0])
    wk._next_progress, wk._next_live = 100.03, 100.0  # progress due in 30 ms, the snapshot now
    logs = {"batch_loss": 0.5, "size": 16}
    wk._on_batch(0, logs)
    assert sent == ["progress", "live"]
    clock[0] = 101.0
    wk._on_batch(1, logs)
    assert sent == ["progress", "live"]  # both credits are out
    wk.grant("progress")
    wk._on_batch(2, logs)
    assert sent == ["progress", "live", "progress"]  # progress alone: the live credit is still out
    wk.grant("live")
    wk.grant("progress")
    clock[0] = 101.05  # the snapshot is due, progress only in 16 ms: it comes along
    wk._on_batch(3, logs)
    assert sent[3:] == ["progress", "live"]
    clock[0] = 110.0  # far later: a snapshot due, but progress was just sent and its credit is out
    wk.grant("live")
    wk._on_batch(4, logs)
    assert sent[5:] == ["live"]


def test_window_prefetches_the_plotting_library_once_it_was_painted(qtbot, monkeypatch):
    from nnstudio.ui import main_window as mw

    calls = []
    monkeypatch.setattr(mw, "PREFETCH_MS", 10)
    monkeypatch.setattr(mw, "_prefetch_plotting", lambda: calls.append(1))
    w = mw.MainWindow(spiral_project(), restore_layout=False, workspace="learn")
    try:
        assert not calls  # nothing at creation
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: bool(calls), timeout=3000)
        w.repaint()
        qtbot.wait(50)
        assert calls == [1]  # once, not at every paint
    finally:
        close_window(w)
