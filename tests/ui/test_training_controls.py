"""Training controls that cannot stick, edits that cannot slip under a run, views that survive the
network changing, and closing that keeps every finished epoch (issue: impatient clicks)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_training_common import circle_project

from nnstudio.ui.training import worker as worker_mod


def _paused(qtbot, w):
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)


def _settle(qtbot, w):
    """Whatever happened, Pause then Stop bring the run to rest within seconds."""
    c = w.training
    if w.state.training_state == "running":
        c.pause()
        qtbot.waitUntil(lambda: w.state.training_state != "running", timeout=5000)
    c.stop()
    qtbot.waitUntil(lambda: w.state.training_state == "idle" and not c.is_active(), timeout=5000)
    assert worker_mod.running_threads() == []


def _consistent(w):
    c = w.training
    st = w.state.project.state
    if st is not None:
        assert st["epochs_trained"] == len(st["history"].get("loss", [])) == c.epochs_trained
        assert st["history"] == c.history
    assert c.status_text not in ("Pausing…", "Stopping…", "Starting…")


def test_resume_then_pause_at_once_while_paused(window, qtbot):
    w = window(circle_project(epochs=400))
    c = w.training
    c.train()
    qtbot.waitUntil(lambda: c.epochs_trained >= 1, timeout=10000)
    c.pause()
    _paused(qtbot, w)
    for _ in range(5):
        c.resume()
        c.pause()  # pressed before the worker woke up
        _paused(qtbot, w)
    assert c.status_text.startswith("Paused")
    _settle(qtbot, w)
    _consistent(w)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_control_sequences_never_stick(window, qtbot, seed):
    rng = random.Random(seed)
    w = window(circle_project(epochs=300, n=400, batch=16))
    c = w.training
    actions = [c.train, c.pause, c.resume, c.toggle, lambda: c.step("batch"), lambda: c.step("epoch"), c.stop,
               c.reset]
    for _ in range(30):
        rng.choice(actions)()
        qtbot.wait(rng.choice([0, 0, 5, 20, 60]))
        assert w.state.training_state in ("idle", "running", "paused")
        assert c.is_active() or w.state.training_state == "idle"
    _settle(qtbot, w)
    _consistent(w)
    # and it still trains afterwards
    before = c.epochs_trained
    c.step("epoch")
    qtbot.waitUntil(lambda: c.epochs_trained == before + 1 and w.state.training_state == "paused", timeout=5000)
    _settle(qtbot, w)
    _consistent(w)


def test_undo_redo_and_history_are_blocked_while_a_run_lives(window, qtbot):
    w = window(circle_project(epochs=400))
    w.show()
    qtbot.waitExposed(w)
    assert w.state.push([("set_training", "batch_size", 16)], "batch")
    assert w.undo_action.isEnabled() and w.history.isEnabled()
    c = w.training
    c.train()
    qtbot.waitUntil(lambda: c.epochs_trained >= 1, timeout=10000)
    assert not w.undo_action.isEnabled() and not w.redo_action.isEnabled() and not w.history.isEnabled()
    assert "Stop training" in w.undo_action.toolTip()
    qtbot.keyClick(w, Qt.Key_Z, Qt.ControlModifier)  # the shortcut does nothing
    assert w.state.project.training["batch_size"] == 16
    c.pause()
    _paused(qtbot, w)
    assert not w.undo_action.isEnabled() and not w.history.isEnabled()
    with qtbot.waitSignal(c.finished, timeout=5000):
        c.stop()
    assert w.undo_action.isEnabled() and w.history.isEnabled() and "Stop training" not in w.undo_action.toolTip()
    w.undo_action.trigger()  # undoes the committed run
    assert w.state.project.state is None and w.redo_action.isEnabled()


def test_a_structural_edit_while_paused_commits_the_run_first(window, qtbot):
    from nnstudio.project import LayerSpec

    w = window(circle_project(epochs=400, n=200))
    c = w.training
    c.step("epoch")
    qtbot.waitUntil(lambda: c.epochs_trained == 1, timeout=5000)
    _paused(qtbot, w)
    assert w.state.undo_stack.count() == 0
    assert w.state.push([("insert_layer", 2, LayerSpec.make("Dense", units=3, activation="relu"))], "add")
    assert w.state.training_state == "idle" and not c.is_active()
    texts = [w.state.undo_stack.text(i) for i in range(w.state.undo_stack.count())]
    assert texts == ["Train", "add"]
    assert w.state.project.state is None  # the structure changed: the old weights are not kept for it
    w.state.undo_stack.undo()
    st = w.state.project.state
    assert st["epochs_trained"] == 1 and [a.shape for a in st["weights"]][0] == (2, 8)
    # a learning-rate edit while paused does not end the run
    c.step("batch")
    _paused(qtbot, w)
    assert w.state.push([("set_training", "learning_rate", 0.001)], "lr")
    assert c.is_active() and w.state.training_state == "paused"
    _settle(qtbot, w)


def test_save_while_paused_keeps_the_paused_progress(window, qtbot, tmp_path):
    from nnstudio.project import load_project

    w = window(circle_project(epochs=400, n=200))
    c = w.training
    c.step("epoch")
    qtbot.waitUntil(lambda: c.epochs_trained == 1, timeout=5000)
    _paused(qtbot, w)
    path = tmp_path / "p.nnstudio"
    assert w.files.save_as(path)
    assert c.is_active() and w.state.training_state == "paused" and not w.state.modified
    assert load_project(path).state["epochs_trained"] == 1
    _settle(qtbot, w)


def test_backprop_view_survives_the_network_growing_after_a_step(window, qtbot):
    from nnstudio.project import LayerSpec

    w = window(circle_project(epochs=5, n=200, batch=16))
    c = w.training
    view = w.training_views["backprop"]
    with qtbot.waitSignal(c.stepped, timeout=5000) as blocker:
        c.step("batch")
    _paused(qtbot, w)
    step = blocker.args[0]
    assert len(view.kernel_norms) == 2
    w.state.weightSelected.emit(2, 3, 0)
    assert view.chain is not None
    # a layer added while paused (it ends the run first), then the old step arrives again
    assert w.state.push([("insert_layer", 2, LayerSpec.make("Dense", units=5, activation="tanh"))], "add")
    assert view.step is None and "changed" in view.info.text()
    view.show_step(step)  # a step of the old network: ignored, no IndexError
    assert view.step is None and len(view.kernel_norms) == 0
    w.state.weightSelected.emit(3, 4, 0)
    assert view.chain is None


def test_pinned_neuron_survives_the_network_shrinking(window, qtbot):
    w = window(circle_project(epochs=3, n=200))
    c = w.training
    panel = w.training_views["decision"]
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()
    panel.select_neuron(1, 7)  # the 8th unit of the hidden layer
    assert panel.pinned == (1, 7)
    assert w.state.push([("set_layer", 1, "units", 2)], "shrink")
    qtbot.wait(50)  # the reload runs on the next turn of the event loop
    c.refresh_probes()
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()  # snapshots of the smaller network: no IndexError anywhere
    c.refresh_probes()


def test_close_keeps_every_epoch_the_worker_finished(window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.Discard))
    w = window(circle_project(epochs=2000, n=200, batch=50))
    c = w.training
    w.show()
    qtbot.waitExposed(w)
    # the GUI falls behind: after the first message it grants the worker no more progress credits
    monkeypatch.setattr(type(c), "_grant_later", lambda self, kind, t0: None)
    c.train()
    qtbot.waitUntil(lambda: c._job is not None and getattr(c._job.model, "history", None) is not None
                    and len(c._job.model.history.history.get("loss", [])) >= 5,
                    timeout=10000)
    received = c.epochs_trained
    assert w.close()
    finished = len(c._job.model.history.history["loss"])
    st = w.state.project.state
    assert st["epochs_trained"] == finished == len(st["history"]["loss"]) > received
    assert np.isfinite(st["history"]["loss"]).all()
    assert worker_mod.running_threads() == []
