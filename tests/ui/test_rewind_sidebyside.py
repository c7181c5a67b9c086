"""Lesson 9 replays zero vs He init side by side: two decision maps, one slider, each map from its
own run's recorded per-epoch weights."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nnstudio.project.build import build_model
from nnstudio.project.planes import plane_extent, plane_grid, to_model_space
from nnstudio.ui import settings as app_settings


@pytest.fixture
def window(qtbot, tmp_path):
    app_settings.use_settings_folder(tmp_path)
    app_settings.settings().clear()
    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(restore_layout=False)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.training.shutdown(3000, save=False)
    w.state.undo_stack.setClean()
    w.close()


def _output_from(replay, weights):
    """The run's network output over the map grid at ``weights``, computed afresh."""
    prepared = replay.prepared
    model = build_model(replay.project, prepared.dataset, compile=False)
    model.set_weights(list(weights))
    grid = to_model_space(prepared, plane_grid(plane_extent(np.asarray(prepared.dataset.x, dtype=np.float64))))
    return model.trace(grid)[-1].a


def test_lesson9_side_by_side_replays_both_runs_from_their_snapshots(window, qtbot):
    w = window
    w.lessons.open_lesson("initialization", "replay-start")
    panel = w.lessons.panel
    qtbot.mouseClick(panel.setup_button, Qt.LeftButton)
    widget = panel.interaction
    assert not widget.compare_button.isEnabled()  # nothing trained yet
    widget.speed = 30.0  # the classroom's 2 epochs a second, faster for the test
    done = []
    widget.completed.connect(lambda: done.append(True))
    qtbot.mouseClick(widget.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)

    view = widget.side_by_side
    assert view is not None and view.isVisible() and widget.compare_button.isEnabled()
    zeros, he = widget.replays
    assert (zeros.name, he.name) == ("zeros", "He")
    assert zeros.epochs() == he.epochs() == list(range(11))
    assert [t.text() for t in view.titles][0].startswith("<b>zeros")
    # the replays hold the runs' real training: He's last snapshot is the weights training left
    for a, b in zip(he.timeline.get(10).weights, w.state.project.trained["weights"]):
        np.testing.assert_array_equal(a, b)
    assert all(not np.any(k) for k in zeros.timeline.get(0).weights[0:10:2])  # zero kernels at epoch 0
    assert np.std(he.timeline.get(0).weights[0]) > 0.1                         # He: random at epoch 0
    assert zeros.history["loss"] == w.training.runs[0]["history"]["loss"]

    qtbot.waitUntil(lambda: not view.is_playing(), timeout=10000)  # it played to the end by itself
    assert view.epoch() == 10
    view.slider.setFocus()
    QTest.keyClick(view.slider, Qt.Key_Home)
    assert view.epoch() == 0
    for k in (1, 2, 3):
        QTest.keyClick(view.slider, Qt.Key_Right)
        assert view.epoch() == k and view.shown == [k, k]
        assert view.epoch_label.text() == f"epoch {k} of 10"
        for replay, weights, out in zip(widget.replays, view.weights, view.outputs):
            snap = replay.timeline.get(k)
            assert all(a is b for a, b in zip(weights, snap.weights))  # the recorded arrays themselves
            np.testing.assert_allclose(out, _output_from(replay, snap.weights), rtol=0, atol=1e-12)
        zero_out, he_out = view.outputs
        assert np.ptp(zero_out, axis=0).max() < 1e-9   # zero init: one flat colour everywhere
        assert np.ptp(he_out, axis=0).max() > 0.05     # He: a boundary forms
        assert f"epoch {k}" in view.titles[1].text()
    # each map shows its own run: the image is the run's probabilities in class colours
    img0 = view.images[0].image
    img1 = view.images[1].image
    assert img0.shape == img1.shape and np.ptp(img0.reshape(-1, 3), axis=0).max() == 0
    assert np.ptp(img1.reshape(-1, 3), axis=0).max() > 0

    # one play button drives both
    QTest.keyClick(view.slider, Qt.Key_Home)
    view.speed.setValue(30)
    seen = []
    view.epochShown.connect(seen.append)
    qtbot.mouseClick(view.play_button, Qt.LeftButton)
    assert view.is_playing()
    qtbot.waitUntil(lambda: not view.is_playing(), timeout=10000)
    assert seen == list(range(1, 11)) and view.shown == [10, 10]
    # reopening shows the same runs
    view.close()
    qtbot.mouseClick(widget.compare_button, Qt.LeftButton)
    assert widget.side_by_side is not view and widget.side_by_side.isVisible()
    widget.side_by_side.close()
