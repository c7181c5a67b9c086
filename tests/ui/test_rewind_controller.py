"""Rewind from the controller: the timeline of a run, showing an epoch in every view, going
live again, continuing from an epoch (the old future kept as a run; Undo brings it back)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_training_common import circle_project

from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import build_model, load_dataset
from nnstudio.session import TrainingRun


def spiral_project(epochs: int = 12) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=6, activation="tanh"),
                LayerSpec.make("Dense", units=6, activation="relu"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 200})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.03, batch_size=16,
                      epochs=epochs, validation_split=0.2, seed=5, dtype="float64")
    return p


def _click_train(qtbot, w):
    button = w.train_toolbar.widgetForAction(w.train_toolbar.train_action)
    assert button is not None and button.isEnabled()
    with qtbot.waitSignal(w.training.finished, timeout=20000):
        qtbot.mouseClick(button, Qt.LeftButton)


def _headless(epochs: int) -> list:
    p = spiral_project(epochs)
    run = TrainingRun(p, load_dataset(p), snapshots=False)
    run.fit()
    return run.outcome().weights


def test_show_epoch_moves_every_view_to_that_epoch(window, qtbot):
    w = window(spiral_project(12))
    c = w.training
    changes = []
    c.timelineChanged.connect(lambda: changes.append(c.timeline.epochs() if c.timeline else None))
    scrubbed = []
    c.scrubbed.connect(scrubbed.append)
    assert c.timeline is None and c.viewing_epoch is None
    _click_train(qtbot, w)
    assert changes and c.timeline.epochs() == list(range(13))
    # the snapshot at epoch 4 is a fresh 4-epoch run's weights, exactly
    for a, b in zip(c.timeline.get(4).weights, _headless(4)):
        np.testing.assert_array_equal(a, b)
    live = [np.array(x) for x in w.state.live_weights]
    activations = w.panel("activations")
    assert c.show_epoch(4) == 4 and c.viewing_epoch == 4 and scrubbed[-1] == 4
    # every view that listens to the live state shows epoch 4: compare with model.trace
    model = build_model(w.state.project, w.state.dataset)
    model.set_weights(c.timeline.get(4).weights)
    for a, b in zip(w.state.live_weights, c.timeline.get(4).weights):
        np.testing.assert_array_equal(a, b)
    probes = c._probes
    traces = model.trace(probes.stack)    # the probe rows, traced as the live views trace them
    row = probes._slices["sample"].start
    for (z, a), t in zip(w.state.live_values[1:], traces):
        np.testing.assert_array_equal(z, t.z[row])
        np.testing.assert_array_equal(a, t.a[row])
    heat = probes._slices["heat"]
    assert activations.rows
    for layer in activations.rows:
        np.testing.assert_array_equal(activations.heat_data(layer), traces[layer - 1].a[heat])
    assert c.snapshot.epoch == 4
    # nothing in the document changed; a commit would never store epoch 4's weights
    for a, b in zip(w.state.project.trained["weights"], live):
        np.testing.assert_array_equal(a, b)
    c.go_live()
    assert c.viewing_epoch is None and scrubbed[-1] == -1
    for a, b in zip(w.state.live_weights, live):
        np.testing.assert_array_equal(a, b)


def test_continue_from_an_epoch_reproduces_the_run_and_keeps_the_old_future(window, qtbot):
    w = window(spiral_project(10))
    c = w.training
    _click_train(qtbot, w)
    original = {k: list(v) for k, v in c.history.items()}
    weights10 = [np.array(x) for x in w.state.project.trained["weights"]]
    undo_before = w.state.undo_stack.count()
    # continue from epoch 6 for 4 epochs: exactly the original epochs 7..10
    w.state.push([("set_training", "epochs", 4)], "epochs")
    with qtbot.waitSignal(c.finished, timeout=20000):
        assert c.continue_from(6)
    assert {k: list(v) for k, v in c.history.items()} == original
    for a, b in zip(w.state.project.trained["weights"], weights10):
        np.testing.assert_array_equal(a, b)
    assert c.timeline.epochs() == list(range(11))
    runs = w.state.project.trained["runs"]
    assert [r["name"] for r in runs] == ["Before continuing from epoch 6"]
    assert runs[0]["history"]["loss"] == original["loss"]
    assert w.state.undo_stack.count() == undo_before + 2   # the epochs edit + one training commit
    # Undo brings back the record before the branch (no kept run)
    w.state.undo_stack.undo()
    qtbot.waitUntil(lambda: not c.runs, timeout=3000)
    assert c.history["loss"] == original["loss"] and c.timeline.epochs() == list(range(11))


def test_continue_from_an_early_epoch_cuts_history_and_timeline(window, qtbot):
    w = window(spiral_project(8))
    c = w.training
    _click_train(qtbot, w)
    w.state.push([("set_training", "epochs", 2)], "epochs")
    with qtbot.waitSignal(c.finished, timeout=20000):
        assert c.continue_from(3)
    assert c.epochs_trained == 5 and len(c.history["loss"]) == 5
    assert c.timeline.epochs() == [0, 1, 2, 3, 4, 5]
    assert len(c.runs) == 1 and len(c.runs[0]["history"]["loss"]) == 8


def test_scrubbing_while_training_keeps_the_present_aside(window, qtbot):
    w = window(circle_project(epochs=100_000, n=400, batch=16))   # never ends by itself
    c = w.training
    c.train()
    qtbot.waitUntil(lambda: c.timeline is not None and len(c.timeline) >= 4, timeout=15000)
    assert c.show_epoch(1) == 1
    qtbot.wait(300)       # live snapshots arrive meanwhile: the views stay at epoch 1
    for a, b in zip(w.state.live_weights, c.timeline.get(1).weights):
        np.testing.assert_array_equal(a, b)
    c.pause()
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    assert c.live_snapshot is not None and c.live_snapshot is not c.snapshot
    assert c.commit()
    trained = w.state.project.trained["weights"]
    assert any(not np.array_equal(a, b) for a, b in zip(trained, c.timeline.get(1).weights))
    for a, b in zip(trained, c.live_snapshot.weights):
        np.testing.assert_array_equal(a, b)
    c.stop()
    qtbot.waitUntil(lambda: not c.is_active(), timeout=5000)


def test_a_saved_timeline_comes_back_when_the_file_is_opened(window, qtbot, tmp_path):
    from nnstudio.ui import fileactions

    w = window(spiral_project(6))
    c = w.training
    _click_train(qtbot, w)
    assert 0 < c.timeline_file_bytes() <= 4 * 1024 * 1024
    path = tmp_path / "rewind.nnstudio"
    assert w.files.save_as(path)
    fileactions.set_timeline_save_mode("never")
    try:
        assert w.files.save_as(tmp_path / "plain.nnstudio")
    finally:
        fileactions.set_timeline_save_mode("auto")
    epochs = c.timeline.epochs()
    w2 = window(spiral_project(6))
    assert w2.files.open_project(path, ask=False)
    qtbot.waitUntil(lambda: w2.training.timeline is not None, timeout=3000)
    assert w2.training.timeline.epochs() == epochs == list(range(7))
    assert w2.training.show_epoch(2) == 2
    for a, b in zip(w2.state.live_weights, c.timeline.get(2).weights):
        np.testing.assert_array_equal(a, b)
    assert w2.files.open_project(tmp_path / "plain.nnstudio", ask=False)
    qtbot.waitUntil(lambda: w2.training.epochs_trained == 6, timeout=3000)
    assert w2.training.timeline is None and w2.training.viewing_epoch is None


def test_train_again_appends_to_the_timeline_and_reset_clears_it(window, qtbot):
    w = window(spiral_project(3))
    c = w.training
    _click_train(qtbot, w)
    assert c.timeline.epochs() == [0, 1, 2, 3]
    assert c.show_epoch(1) == 1
    _click_train(qtbot, w)            # Train goes live first, then appends epochs 4..6
    assert c.viewing_epoch is None and c.timeline.epochs() == list(range(7))
    w.state.undo_stack.undo()         # back to the 3-epoch record and its timeline
    qtbot.waitUntil(lambda: c.epochs_trained == 3, timeout=3000)
    assert c.timeline.epochs() == [0, 1, 2, 3]
    button = w.train_toolbar.widgetForAction(w.train_toolbar.reset_action)
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: c.epochs_trained == 0, timeout=3000)
    assert c.timeline is None and c.show_epoch(2) is None
