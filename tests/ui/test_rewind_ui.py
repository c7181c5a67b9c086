"""The rewind timeline as a user drives it: the slider and the arrow keys under the loss plot, a
click on the loss plot, the marker on the curves, Live, Play at a chosen speed, Continue from here
(the old future a kept run overlaid), the window saying it shows the past, Train while viewing."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import build_model
from nnstudio.project.planes import MAP_SIDE, plane_extent, plane_grid, to_model_space


def spiral_project(epochs: int = 10) -> Project:
    """A seeded spiral 2-6-6-1 net (neuron maps on the canvas, a decision map)."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=6, activation="tanh"),
                LayerSpec.make("Dense", units=6, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 200})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.03, batch_size=16,
                      epochs=epochs, validation_split=0.2, seed=5, dtype="float64")
    return p


def _trained(window, qtbot, epochs: int = 10):
    w = window(spiral_project(epochs))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    for name in ("decision", "loss_plot"):
        w.docks[name].show()
        w.docks[name].raise_()
    button = w.train_toolbar.widgetForAction(w.train_toolbar.train_action)
    with qtbot.waitSignal(w.training.finished, timeout=30000):
        qtbot.mouseClick(button, Qt.LeftButton)
    bar = w.panel("loss_plot").timeline
    qtbot.waitUntil(lambda: bar.epochs() == list(range(epochs + 1)), timeout=3000)
    return w, bar


def _plane(w):
    return to_model_space(w.state.prepared(), plane_grid(plane_extent(w.state.dataset.x), MAP_SIDE))


def _assert_views_show(w, qtbot, epoch: int) -> None:
    """The canvas maps and the decision map equal model.trace with that epoch's snapshot weights."""
    c = w.training
    model = build_model(w.state.project, w.state.dataset)
    model.set_weights(c.timeline.get(epoch).weights)
    traces = model.trace(_plane(w))
    scene = w.canvas.canvas_scene
    dec = w.training_views["decision"]

    def shown() -> bool:
        maps, out = scene.maps.maps, dec.output_data
        return (maps is not None and out is not None
                and np.allclose(maps.values[len(traces)], traces[-1].a, rtol=1e-6, atol=1e-9)
                and np.allclose(out, traces[-1].a, rtol=1e-6, atol=1e-9))

    qtbot.waitUntil(shown, timeout=3000)
    for k, t in enumerate(traces, start=1):
        np.testing.assert_allclose(scene.maps.maps.values[k], t.a, rtol=1e-6, atol=1e-9)
    for a, b in zip(w.state.live_weights, c.timeline.get(epoch).weights):
        np.testing.assert_array_equal(a, b)


def test_slider_and_arrow_keys_move_every_view_and_live_returns(window, qtbot):
    w, bar = _trained(window, qtbot)
    c = w.training
    panel = w.panel("loss_plot")
    final = [np.array(x) for x in w.state.project.trained["weights"]]
    assert bar.label.text() == "live: epoch 10" and not bar.label.styleSheet()
    assert panel.epoch_marker.position() is None
    # drag the slider's handle to the left end: epoch 0, the initial weights
    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key_Home)
    assert c.viewing_epoch == 0 and bar.slider.value() == 0
    _assert_views_show(w, qtbot, 0)
    # Right three times: epoch 3 on every view, the marker on the loss and metric curves at x = 3
    for _ in range(3):
        QTest.keyClick(bar.slider, Qt.Key_Right)
    assert c.viewing_epoch == 3 and bar.slider.value() == 3
    _assert_views_show(w, qtbot, 3)
    assert panel.epoch_marker.position() == 3.0
    assert w.panel("metric_plot").epoch_marker.position() == 3.0
    assert bar.label.text() == "epoch 3 of 10"
    assert bar.label.styleSheet() and "Viewing epoch 3 of 10" in bar.label.toolTip()
    tb = w.train_toolbar
    assert tb.rewind_action.isVisible() and "epoch 3" in tb.rewind_label.text()
    assert "Continue from here" in tb.train_action.toolTip()
    QTest.keyClick(bar.slider, Qt.Key_Left)
    assert c.viewing_epoch == 2
    _assert_views_show(w, qtbot, 2)
    # the confusion matrix counts the validation rows with epoch 2's predictions
    w.docks["confusion"].show()
    confusion = w.panel("confusion")
    qtbot.waitUntil(lambda: c.want["confusion"], timeout=2000)
    c.show_epoch(2)
    model = build_model(w.state.project, w.state.dataset)
    model.set_weights(c.timeline.get(2).weights)
    prepared = w.state.prepared()
    pred = (model.predict(prepared.x_val)[:, 0] > 0.5).astype(int)
    true = np.asarray(prepared.y_val).reshape(-1).astype(int)
    want = np.array([[np.sum((true == t) & (pred == p)) for p in (0, 1)] for t in (0, 1)])
    np.testing.assert_array_equal(confusion.matrix, want)
    # the document was never touched
    for a, b in zip(w.state.project.trained["weights"], final):
        np.testing.assert_array_equal(a, b)
    # Live: back to the present
    qtbot.mouseClick(bar.live_button, Qt.LeftButton)
    assert c.viewing_epoch is None and bar.slider.value() == 10 and not bar.is_past()
    assert panel.epoch_marker.position() is None and not tb.rewind_action.isVisible()
    for a, b in zip(w.state.live_weights, final):
        np.testing.assert_array_equal(a, b)
    # End on the slider: the last epoch of a finished run is the present (Live)
    QTest.keyClick(bar.slider, Qt.Key_Home)
    QTest.keyClick(bar.slider, Qt.Key_End)
    assert c.viewing_epoch is None


def test_clicking_the_loss_plot_shows_that_epoch_and_arrows_step_there(window, qtbot):
    w, bar = _trained(window, qtbot)
    c = w.training
    plot = w.panel("loss_plot").plot
    vb = plot.getPlotItem().getViewBox()
    (_x0, _x1), (y0, y1) = vb.viewRange()
    pos = plot.mapFromScene(vb.mapViewToScene(QPointF(6.2, (y0 + y1) / 2)))
    QTest.mouseClick(plot.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(pos.x(), pos.y()))
    qtbot.waitUntil(lambda: c.viewing_epoch == 6, timeout=2000)
    _assert_views_show(w, qtbot, 6)
    assert plot.hasFocus()
    QTest.keyClick(plot, Qt.Key_Left)
    assert c.viewing_epoch == 5
    QTest.keyClick(plot, Qt.Key_Escape)
    assert c.viewing_epoch is None


def test_arrow_keys_elsewhere_are_not_taken(window, qtbot):
    w, bar = _trained(window, qtbot)
    c = w.training
    bar.show_epoch(4)
    assert c.viewing_epoch == 4
    spin = bar.speed
    spin.setFocus()
    before = spin.value()
    QTest.keyClick(spin, Qt.Key_Up)
    QTest.keyClick(spin.lineEdit(), Qt.Key_Left)   # moves the text cursor only
    assert spin.value() == before + 1 and c.viewing_epoch == 4
    w.canvas.setFocus()
    QTest.keyClick(w.canvas, Qt.Key_Right)
    assert c.viewing_epoch == 4


def test_play_advances_at_the_chosen_rate_and_loops(window, qtbot):
    w, bar = _trained(window, qtbot, epochs=12)
    c = w.training
    seen = []
    c.scrubbed.connect(seen.append)
    bar.speed.setValue(20)
    t0 = time.perf_counter()
    qtbot.mouseClick(bar.play_button, Qt.LeftButton)
    assert bar.is_playing() and bar.play_button.text() == "⏸"
    qtbot.waitUntil(lambda: not bar.is_playing(), timeout=5000)
    elapsed = time.perf_counter() - t0
    assert [e for e in seen if e >= 0] == list(range(13))  # every epoch once, in order, from 0
    assert elapsed >= 12 / 20 * 0.8                          # not faster than 20 epochs/s
    assert elapsed < 12 / 20 * 6 + 1.0                       # and not stalled (a loaded machine allowed)
    assert c.viewing_epoch == 12 and bar.play_button.text() == "▶"
    # loop: it starts again from epoch 0 and keeps playing until paused
    bar.loop_box.setChecked(True)
    seen.clear()
    bar.speed.setValue(30)
    qtbot.mouseClick(bar.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: seen.count(0) >= 2, timeout=5000)
    assert bar.is_playing()
    qtbot.mouseClick(bar.play_button, Qt.LeftButton)
    assert not bar.is_playing()


def test_continue_from_here_keeps_the_old_future_as_an_overlaid_run(window, qtbot, monkeypatch):
    w, bar = _trained(window, qtbot, epochs=8)
    c = w.training
    old_loss = list(c.history["loss"])
    panel = w.panel("loss_plot")
    bar.show_epoch(3)
    assert bar.continue_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    with qtbot.waitSignal(c.finished, timeout=30000):
        qtbot.mouseClick(bar.continue_button, Qt.LeftButton)
    assert asked and "epoch 3" in asked[0] and "nothing is lost" in asked[0]
    assert len(c.runs) == 1 and c.runs[0]["history"]["loss"] == old_loss
    # the kept run is drawn dashed in the loss plot, with the old curve's values
    assert len(panel.run_curves) >= 1
    xs, ys = panel.run_curves[0].getData()
    np.testing.assert_array_equal(ys, old_loss)
    # the new branch: 3 epochs from the snapshot + 8 more; nothing changed, so it repeats epochs 4..8
    assert len(c.history["loss"]) == 11
    np.testing.assert_allclose(c.history["loss"][:8], old_loss, rtol=1e-12)
    assert c.viewing_epoch is None and bar.epochs()[-1] == 11
    # Cancel asks and does nothing
    bar.show_epoch(2)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    qtbot.mouseClick(bar.continue_button, Qt.LeftButton)
    assert c.viewing_epoch == 2 and len(c.runs) == 1 and not c.is_active()


def test_train_while_viewing_the_past_goes_on_from_the_latest_epoch(window, qtbot):
    w, bar = _trained(window, qtbot, epochs=5)
    c = w.training
    bar.show_epoch(1)
    button = w.train_toolbar.widgetForAction(w.train_toolbar.train_action)
    with qtbot.waitSignal(c.finished, timeout=30000):
        qtbot.mouseClick(button, Qt.LeftButton)
    assert c.viewing_epoch is None and not bar.is_past() and not w.train_toolbar.rewind_action.isVisible()
    assert len(c.history["loss"]) == 10 and not c.runs  # went on from epoch 5: nothing branched


def test_preferences_set_the_timeline_budget_and_show_its_file_size(window, qtbot, monkeypatch):
    from nnstudio.ui import settings as app_settings

    w, bar = _trained(window, qtbot, epochs=4)
    c = w.training
    dialog = app_settings.PreferencesDialog(w)
    qtbot.addWidget(dialog)
    size = c.timeline_file_bytes()
    assert size > 0
    assert f"{size / (1024 * 1024):.2f} MiB" in dialog.timeline_size.text() and "5 epochs" in dialog.timeline_size.text()
    assert dialog.timeline_spin.value() == app_settings.TIMELINE_MB_DEFAULT
    dialog.timeline_spin.setValue(40)
    dialog.save_timeline_combo.setCurrentIndex(dialog.save_timeline_combo.findData("never"))
    dialog.accept()
    assert c.timeline_budget == 40 * 1024 * 1024 and c.timeline.budget_bytes == 40 * 1024 * 1024
    assert app_settings.timeline_mb() == 40 and app_settings.save_timeline_mode() == "never"
    app_settings.set_timeline_mb(app_settings.TIMELINE_MB_DEFAULT)
    app_settings.settings().remove("files/save_timeline")


def test_backprop_view_shows_the_gradients_at_the_viewed_epoch(window, qtbot):
    w, bar = _trained(window, qtbot, epochs=6)
    c = w.training
    w.docks["backprop"].show()
    panel = w.panel("backprop")
    bar.show_epoch(2)
    model = build_model(w.state.project, w.state.dataset)
    model.set_weights(c.timeline.get(2).weights)
    prepared = w.state.prepared()
    n = w.state.project.training["batch_size"]
    loss, grads = model.compute_gradients(prepared.x_train[:n], prepared.y_train[:n], training=False)
    assert panel.step is not None and panel.step.epoch == 2
    np.testing.assert_allclose(panel.kernel_norms, [np.linalg.norm(grads[0]), np.linalg.norm(grads[2]),
                                                    np.linalg.norm(grads[4])])
    assert "Epoch 2 on the timeline" in panel.info.text()
    QTest.keyClick(bar.slider, Qt.Key_Right)
    assert panel.step.epoch == 3
    qtbot.mouseClick(bar.live_button, Qt.LeftButton)
    assert panel.step is None  # no real Step was taken: back to the empty view


def test_scrubbing_while_training_shows_the_past_and_the_run_goes_on(window, qtbot):
    w = window(spiral_project(40))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.docks["loss_plot"].show()
    w.docks["loss_plot"].raise_()
    assert w.state.push([("set_training", "speed", 60)], "watchable")  # 10 batches an epoch: ~6 epochs/s
    c = w.training
    bar = w.panel("loss_plot").timeline
    c.train()
    qtbot.waitUntil(lambda: len(bar.epochs()) >= 4, timeout=20000)
    assert c.is_running() and bar.slider.isEnabled()
    QTest.keyClick(bar.slider, Qt.Key_Home)
    assert c.viewing_epoch == 0 and c.is_running()
    for a, b in zip(w.state.live_weights, c.timeline.get(0).weights):
        np.testing.assert_array_equal(a, b)
    n = len(bar.epochs())
    qtbot.waitUntil(lambda: len(bar.epochs()) > n + 1, timeout=20000)   # training goes on meanwhile
    assert c.viewing_epoch == 0 and bar.slider.value() == 0              # ... and the view stays in the past
    qtbot.mouseClick(bar.live_button, Qt.LeftButton)
    assert c.viewing_epoch is None
    c.stop()
    qtbot.waitUntil(lambda: not c.is_active(), timeout=10000)
