"""Lesson 7 live: "features by hand" ticks r and θ on a one-neuron network and passes after training;
the deep-learning step overlays the hand-made-features run and the hidden-layers run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from test_lessons_host import make_window, settings_dir  # noqa: F401 - fixtures


def test_hand_features_step_sets_up_r_theta_and_passes(make_window, qtbot):  # noqa: F811
    w = make_window(show=True)
    host = w.lessons
    host.open_lesson("ml-vs-dl", "hand-features")
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonSetupButton"), Qt.LeftButton)
    p = w.state.project
    assert p.layers[0].params["features"] == ["x1", "x2", "r", "theta"] and len(p.layers) == 2
    block = w.canvas.canvas_scene.block_at_index(0)
    assert block.unit_labels() == ["x₁", "x₂", "r", "θ"]
    with qtbot.waitSignal(host.checked, timeout=60000) as blocker:
        w.training.train()
    passed, message = blocker.args
    assert passed, message
    assert w.state.project.state["history"]["accuracy"][-1] >= 0.9
    assert host.panel.findChild(QLabel, "lessonCheckResult").text().startswith("✓")
    # unticking the hand-made features (one undoable edit) and training again fails the check
    assert w.state.push([("set_layer", 0, "features", None)], "untick r and θ")
    with qtbot.waitSignal(host.checked, timeout=60000) as blocker:
        w.training.train()
    assert not blocker.args[0]


def test_deep_learns_compares_hand_made_features_with_hidden_layers(make_window, qtbot):  # noqa: F811
    w = make_window()
    host = w.lessons
    host.open_lesson("ml-vs-dl", "deep-learns")
    step = host.panel.current_step()
    requests = []
    host.panel.compareRequested.connect(requests.append)
    host.panel.compareRequested.disconnect(host.run_compare)
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonCompareButton"), Qt.LeftButton)
    with qtbot.waitSignal(host.compare.done, timeout=60000) as blocker:
        assert host.run_compare(requests[0], epochs=3)
    kept, completed = blocker.args
    assert completed and kept == [v.label_text("en") for v in step.compare]
    assert len(w.training_views["metric_plot"].run_curves) >= 2
    runs = w.training.runs
    assert all(len(r["history"]["accuracy"]) == 3 for r in runs)
    assert runs[0]["history"]["accuracy"] != pytest.approx(runs[1]["history"]["accuracy"])


def test_lesson1_draw_your_own_points_and_watch_the_line_separate_them(make_window, qtbot):  # noqa: F811
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    w = make_window(show=True)
    host = w.lessons
    host.open_lesson("perceptron", "draw-points")
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonSetupButton"), Qt.LeftButton)
    assert w.state.push([("set_training", "speed", None)], "full speed for the test")
    view = w.data_view
    qtbot.waitUntil(view.isVisible)
    tool = view.draw_tool
    tool.clear_action.trigger()
    tool.draw_action.trigger()
    vb = view.plot.getPlotItem().vb

    def click(x, y):
        pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        QTest.mouseClick(view.plot.viewport(), Qt.LeftButton, Qt.NoModifier, pos)

    for x, y in [(-1.0, -1.0), (-0.8, -1.2), (-1.2, -0.7), (-0.6, -0.9)]:
        click(x, y)
    tool.class_combo.setCurrentIndex(1)
    for x, y in [(1.0, 1.0), (0.8, 1.2), (1.2, 0.7), (0.6, 0.9)]:
        click(x, y)
    ds = w.state.dataset
    assert ds.n_samples == 8 and ds.y.tolist() == [0, 0, 0, 0, 1, 1, 1, 1]
    assert w.data_panel.list.currentItem().text().startswith("Drawn by hand")
    with qtbot.waitSignal(host.checked, timeout=60000) as blocker:
        w.training.train()
    assert blocker.args[0], blocker.args[1]
