"""Training from the UI: Train / Pause / Resume / Stop, parity with the headless engine,
divergence guard, closing while training, and the saved state continuing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar
from test_training_common import (
    circle_project,
    headless_history,
    sine_project,
    xor_project,
)

from nnstudio.ui.training import worker as worker_mod


def _click_train(qtbot, w):
    button = w.train_toolbar.widgetForAction(w.train_toolbar.train_action)
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)


def test_xor_from_the_ui_equals_the_headless_history(window, qtbot):
    w = window(xor_project(epochs=30))
    assert "training" not in w.plugin_errors and w.training is not None
    with qtbot.waitSignal(w.training.finished, timeout=10000) as blocker:
        _click_train(qtbot, w)
    assert blocker.args == ["completed"]
    expected = headless_history(xor_project(epochs=30))
    x, y = w.training_views["loss_plot"].train_curve.getData()
    assert len(y) == 30
    np.testing.assert_array_equal(x, np.arange(1, 31))
    np.testing.assert_array_equal(y, np.asarray(expected["loss"]))
    _mx, my = w.training_views["metric_plot"].train_curve.getData()
    np.testing.assert_array_equal(my, np.asarray(expected["accuracy"]))
    # the document holds the trained state; the UI is idle; no thread left
    st = w.state.project.state
    assert st["epochs_trained"] == 30 and st["iterations"] == 30 and len(st["history"]["loss"]) == 30
    assert w.state.training_state == "idle" and w.state.modified
    assert worker_mod.running_threads() == []
    assert w.findChild(QLabel, "trainStatus").text().startswith("Done")
    bar = w.findChild(QProgressBar, "trainProgress")
    assert bar.value() == bar.maximum()


def test_pause_resume_stop(window, qtbot):
    w = window(circle_project(epochs=400))
    c = w.training
    epochs = []
    c.epochEnded.connect(lambda e, logs: epochs.append(e))
    c.train()
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=10000)
    c.pause()
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    n = len(epochs)
    qtbot.wait(300)
    assert len(epochs) == n, "epochs arrived while paused"
    assert c.is_active() and worker_mod.running_threads()
    # editing is allowed while paused, blocked while running
    c.resume()
    assert w.state.training_state == "running"
    qtbot.waitUntil(lambda: len(epochs) > n, timeout=5000)
    assert not w.state.push([("set_name", "x")], "rename")
    with qtbot.waitSignal(c.finished, timeout=5000) as blocker:
        c.stop()
    assert blocker.args == ["user"]
    assert worker_mod.running_threads() == []
    assert w.state.training_state == "idle" and not c.is_active()
    assert w.state.project.state["epochs_trained"] == len(c.history["loss"])


def test_space_toggles_but_not_in_a_text_field(window, qtbot):
    w = window(circle_project(epochs=400))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    edit = QLineEdit(w)
    w.statusBar().addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    qtbot.keyClick(edit, Qt.Key_Space)
    assert edit.text() == " "
    assert w.state.training_state == "idle"
    w.canvas.setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus(), timeout=2000)
    qtbot.keyClick(w.canvas, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.state.training_state == "running", timeout=2000)
    qtbot.keyClick(w.canvas, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    with qtbot.waitSignal(w.training.finished, timeout=5000):
        w.training.stop()


def test_divergence_guard(window, qtbot):
    w = window(sine_project(lr=1e3))
    c = w.training
    with qtbot.waitSignal(c.diverged, timeout=10000) as blocker:
        c.train()
    msg = blocker.args[0]
    assert "epoch" in msg and "iteration" in msg and "learning rate" in msg
    qtbot.waitUntil(lambda: not c.is_active(), timeout=3000)
    assert w.state.training_state == "idle"
    banner = w.findChild(type(w.training_views["loss_plot"].banner), "divergenceBanner")
    assert banner is not None and not banner.isHidden()
    assert "learning rate" in banner.label.text()
    assert c.stop_reason == "diverged"
    # the curve keeps what was reached; saved weights are finite
    assert len(w.training_views["loss_plot"].train_curve.getData()[1]) == len(c.history["loss"]) >= 1
    assert all(np.isfinite(a).all() for a in w.state.project.state["weights"])


def _answer_save_prompt(monkeypatch, answer):
    """Answer the unsaved-changes prompt with ``answer``; returns the list of prompts seen."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def warning(parent, title, text, *a, **k):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return asked


def test_close_while_training(window, qtbot, monkeypatch):
    import time

    from PySide6.QtWidgets import QMessageBox

    asked = _answer_save_prompt(monkeypatch, QMessageBox.Discard)
    w = window(circle_project(epochs=2000))
    w.show()
    qtbot.waitExposed(w)
    w.training.train()
    qtbot.waitUntil(lambda: len(w.training.history.get("loss", [])) >= 1, timeout=10000)
    w.state.undo_stack.setClean()
    t0 = time.perf_counter()
    assert w.close()
    assert time.perf_counter() - t0 < 2.0
    assert worker_mod.running_threads() == []
    assert not w.training.is_active()
    # what training reached was put into the project first, so closing offered to save it
    assert len(asked) == 1
    assert w.state.project.state is not None and w.state.project.state["history"]["loss"]


def test_close_while_paused(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _answer_save_prompt(monkeypatch, QMessageBox.Discard)
    w = window(circle_project(epochs=2000))
    w.show()
    qtbot.waitExposed(w)
    w.training.step("batch")
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    w.state.undo_stack.setClean()
    assert w.close()
    assert worker_mod.running_threads() == []


def test_saved_state_reopens_and_history_continues(window, qtbot, tmp_path):
    from nnstudio.project import load_project, save_project

    p = xor_project(epochs=10)
    w = window(p)
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        w.training.train()
    path = tmp_path / "xor.nnstudio"
    save_project(w.state.project, path)
    first = list(w.training.history["loss"])
    w2 = window(load_project(path))
    x, y = w2.training_views["loss_plot"].train_curve.getData()
    np.testing.assert_allclose(y, first)
    assert w2.training.epochs_trained == 10
    assert w2.state.live_values is not None and len(w2.state.live_values) == 3
    with qtbot.waitSignal(w2.training.finished, timeout=10000):
        w2.training.train()
    x, y = w2.training_views["loss_plot"].train_curve.getData()
    assert len(y) == 20
    np.testing.assert_allclose(y[:10], first)
    # the continued curve equals an uninterrupted 20-epoch run of the same weights' dynamics (SGD has no state)
    assert w2.state.project.state["epochs_trained"] == 20
    assert w2.state.project.state["iterations"] == 20
    assert y[-1] < first[0]


def _legend_names(panel) -> list[str]:
    return [label.text for _sample, label in panel.legend.items]


def test_the_legends_list_validation_only_when_there_is_validation_data(window, qtbot):
    w = window(xor_project(epochs=5))     # the four XOR rows: no validation split
    loss, metric = w.training_views["loss_plot"], w.training_views["metric_plot"]
    assert w.state.project.training["validation_split"] == 0
    assert _legend_names(loss) == ["train loss"] and _legend_names(metric) == ["train"]
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        _click_train(qtbot, w)
    assert _legend_names(loss) == ["train loss"] and _legend_names(metric) == ["train"]
    # a circle run with a split lists both, before and after training
    w2 = window(circle_project(epochs=2, n=200, batch=32))
    loss2, metric2 = w2.training_views["loss_plot"], w2.training_views["metric_plot"]
    assert _legend_names(loss2) == ["train loss", "validation loss"]
    w2.state.push([("set_training", "validation_split", 0.0)], "split")
    assert _legend_names(loss2) == ["train loss"] and _legend_names(metric2) == ["train"]
    w2.state.undo_stack.undo()
    assert "validation loss" in _legend_names(loss2) and "validation" in _legend_names(metric2)
    with qtbot.waitSignal(w2.training.finished, timeout=20000):
        _click_train(qtbot, w2)
    assert "validation loss" in _legend_names(loss2) and "validation" in _legend_names(metric2)


def test_the_accuracy_legend_sits_below_the_rising_curve(window, qtbot):
    w = window(xor_project(epochs=3))
    metric = w.training_views["metric_plot"]
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        _click_train(qtbot, w)
    assert metric.key == "accuracy"
    assert tuple(metric.legend.opts["offset"]) == (-10, -10)          # bottom right
    assert tuple(w.training_views["loss_plot"].legend.opts["offset"]) == (-10, 10)   # a falling loss: top right
    assert metric.legend.brush().color().alpha() > 0             # drawn on a background, readable over curves
