"""Lessons drive the rewind timeline: lesson 8 jumps to the lowest validation loss, lesson 9
replays the first epochs (the kept zero-init run overlaid), lesson 5 replays batches slowly."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.ui.lessons.replay import lowest_val_epoch


@pytest.fixture
def make_window(studio):
    return lambda: studio((1400, 900), restore_layout=False)


def _open(w, lesson: str, step: str):
    host = w.lessons
    host.open_lesson(lesson, step)
    panel = host.panel
    assert panel.current_step().id == step
    return host, panel


def _set_up_and_train(w, qtbot, panel, epochs: int, host=None) -> None:
    qtbot.mouseClick(panel.setup_button, Qt.LeftButton)
    assert w.state.push([("set_training", "epochs", epochs), ("set_training", "speed", None)], "quick")
    with qtbot.waitSignal(w.training.finished, timeout=60000):
        w.training.train()


def test_lowest_val_epoch():
    assert lowest_val_epoch({"val_loss": [3.0, 1.0, 2.0, 1.0]}) == (2, 1.0)
    assert lowest_val_epoch({"loss": [1.0]}) is None


def test_lesson8_jumps_to_the_epoch_with_the_lowest_validation_loss(make_window, qtbot):
    w = make_window()
    host, panel = _open(w, "overfitting", "overfit")
    _set_up_and_train(w, qtbot, panel, 60)
    val = w.training.history["val_loss"]
    best = int(np.argmin(val)) + 1
    assert 1 <= best < 60  # it overfits: the best epoch is not the last
    panel.set_step("best-epoch")
    widget = panel.interaction
    assert widget.objectName() == "replayWidget"
    qtbot.mouseClick(widget.button, Qt.LeftButton)
    c = w.training
    assert c.viewing_epoch == best
    for a, b in zip(w.state.live_weights, c.timeline.get(best).weights):
        np.testing.assert_array_equal(a, b)
    bar = w.panel("loss_plot").timeline
    assert bar.is_past() and w.panel("loss_plot").epoch_marker.position() == best
    assert w.train_toolbar.rewind_action.isVisible()
    assert f"epoch {best} of 60" in widget.result.text()
    assert "best-epoch" in panel.done  # the jump was the step's task


def test_lesson9_replays_zeros_then_he_with_both_curves_overlaid(make_window, qtbot):
    w = make_window()
    host, panel = _open(w, "initialization", "replay-start")
    qtbot.mouseClick(panel.setup_button, Qt.LeftButton)
    c = w.training
    widget = panel.interaction
    assert widget.button.text() == "Replay zeros, then He"
    widget.speed = 30.0  # the classroom's 2 epochs a second, faster for the test
    seen = []
    c.scrubbed.connect(seen.append)
    done = []
    widget.completed.connect(lambda: done.append(True))
    qtbot.mouseClick(widget.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    # each start was replayed, epochs 0..10 in order, zeros first then He
    assert [e for e in seen if e >= 0] == list(range(11)) * 2
    assert [r["name"] for r in c.runs] == ["zeros", "He"]
    assert all(len(r["history"]["loss"]) == 10 for r in c.runs)
    zeros, he = (r["history"]["loss"] for r in c.runs)
    assert he[-1] < zeros[-1]  # He learns, zeros barely moves
    curves = w.panel("loss_plot").run_curves
    assert [list(cv.getData()[1]) for cv in curves[:1]] == [zeros]
    assert any(list(cv.getData()[1]) == he for cv in curves)
    assert all(spec.params.get("kernel_initializer") == "he_normal"
               for spec in w.state.project.layers[1:-1] if spec.type == "Dense")
    assert "replay-start" in panel.done
    assert widget.side_by_side.isVisible()  # then both decision maps side by side (test_rewind_sidebyside.py)
    widget.side_by_side.close()


def test_lesson5_replays_batches_in_slow_motion_with_the_batch_ringed(make_window, qtbot):
    w = make_window()
    host, panel = _open(w, "batches", "stepping")
    _set_up_and_train(w, qtbot, panel, 3)
    c = w.training
    old_loss = list(c.history["loss"])
    panel.set_step("replay-batches")
    widget = panel.interaction
    widget.speed = 20.0  # the classroom's 1.5 a second, faster for the test
    batches = []
    w.state.batchChanged.connect(lambda idx: batches.append(np.array(idx)))
    qtbot.mouseClick(widget.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not widget.timer.isActive() and c.is_paused(), timeout=10000)
    assert c.iterations == 6 and c.epochs_trained == 0      # six batches from epoch 0, then paused
    assert len(batches) >= 6 and all(len(b) == 32 for b in batches[:6])
    assert [r["history"]["loss"] for r in c.runs] == [old_loss]   # the 3 epochs before are a kept run
    assert w.docks["data_view"].isVisible()  # the ringed batches are in sight
