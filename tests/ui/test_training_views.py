"""Live views: Step + backprop view, activations, decision boundary, confusion matrix,
kept runs, reset and settings changed while paused."""

from __future__ import annotations

import numpy as np
import pytest
from test_training_common import (
    circle_project,
    xor_project,
)

from nnstudio.project.build import build_model
from nnstudio.project.planes import MAP_SIDE, plane_extent, plane_grid, to_model_space
from nnstudio.ui.training import worker as worker_mod
from nnstudio.ui.training.backprop import weight_slots
from nnstudio.session.probes import confusion_matrix, label_of, predicted_labels


def _points(curve) -> int:
    y = curve.getData()[1]
    return 0 if y is None else len(y)


def _wait_paused(qtbot, w):
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)


def test_step_one_batch_and_the_gradient_view(window, qtbot):
    w = window(circle_project(epochs=5, n=200, batch=16))
    c = w.training
    before = c.iterations
    batches = []
    w.state.batchChanged.connect(batches.append)
    with qtbot.waitSignal(c.stepped, timeout=5000) as blocker:
        c.step("batch")
    _wait_paused(qtbot, w)
    step = blocker.args[0]
    assert c.iterations == before + 1 == step.iteration
    assert len(step.batch_indices) == 16 and len(batches) == 1
    # the view shows the engine's gradient norms for that batch ...
    view = w.training_views["backprop"]
    slots = weight_slots(w.state.project)
    for n, layer in enumerate(sorted(slots)):
        k, b = slots[layer]
        assert view.kernel_norms[n] == pytest.approx(np.linalg.norm(step.grads[k]), rel=1e-12)
        assert view.bias_norms[n] == pytest.approx(np.linalg.norm(step.grads[b]), rel=1e-12)
        assert view.kernel_update_norms[n] == pytest.approx(np.linalg.norm(step.updates[k]), rel=1e-12)
    # ... which equal a recomputation from the weights before the step
    model = build_model(w.state.project, w.state.dataset)
    model.set_weights(step.weights_before)
    _loss, grads = model.compute_gradients(step.x, step.y, training=False)
    for g_view, g_ref in zip(step.grads, grads):
        np.testing.assert_allclose(g_view, g_ref, rtol=1e-4, atol=1e-6)
    # a weight clicked on the canvas: dL/dw = mean(delta_j * a_i)
    w.state.weightSelected.emit(2, 3, 0)
    chain = view.chain
    assert chain is not None and chain["n"] == 16
    assert chain["grad"] == pytest.approx(float(step.grads[slots[2][0]][3, 0]))
    assert chain["data_term"] == pytest.approx(chain["grad"], rel=1e-3, abs=1e-6)
    assert "δ" in view.detail.text()
    # a second step: one more iteration
    with qtbot.waitSignal(c.stepped, timeout=5000):
        c.step("batch")
    _wait_paused(qtbot, w)
    assert c.iterations == before + 2
    # one epoch: 200*0.8/16 = 10 batches per epoch -> end of epoch 1
    c.step("epoch")
    qtbot.waitUntil(lambda: c.epochs_trained == 1 and w.state.training_state == "paused", timeout=5000)
    assert c.iterations == 10
    with qtbot.waitSignal(c.finished, timeout=5000):
        c.stop()
    assert worker_mod.running_threads() == []


def test_activation_heatmaps_equal_the_engine_trace(window, qtbot):
    w = window(circle_project(epochs=3, n=300, activation="relu"))
    c = w.training
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()
    panel = w.training_views["activations"]
    probes = c._probes
    assert probes.heat_x.shape == (64, 2)
    model = build_model(w.state.project, w.state.dataset)  # the stored (trained) weights
    traces = model.trace(probes.heat_x)
    for layer in (1, 2):
        np.testing.assert_allclose(panel.heat_data(layer), traces[layer - 1].a, rtol=1e-6)
        img = panel.rows[layer].image.image
        assert img.shape == traces[layer - 1].a.shape
    # dead ReLU units: zero for every training sample
    full = model.trace(w.state.prepared().x_train)[0].a
    expected = 1.0 - np.logical_or.reduce(full > 0, axis=0).mean()
    assert c.snapshot.dead[1] == pytest.approx(expected)
    assert "Dead ReLU units" in panel.info.text()
    # kill one unit (bias -100): the idle views recompute from the stored state
    st = dict(w.state.project.state)
    st["weights"] = [a.copy() for a in st["weights"]]
    st["weights"][1][0] = -100.0
    assert w.state.push([("set_state", st)], "kill a unit")
    # the views reload once per burst of edits, on the next turn of the event loop
    qtbot.waitUntil(lambda: c.snapshot.dead[1] == pytest.approx(max(expected, 1 / 8)), timeout=3000)
    assert f"{c.snapshot.dead[1] * 100:.0f}% dead" in panel.rows[1].title.text
    # canvas values for the selected sample: (None, x) for Input, (z, a) per layer
    w.state.select_sample(5)
    values = w.state.live_values
    x5 = w.state.prepared()
    assert values[0][0] is None and values[1][0].shape == (8,) and values[2][1].shape == (1,)
    t5 = model.trace(values[0][1][None, :])
    np.testing.assert_allclose(values[1][1], t5[0].a[0], rtol=1e-6)
    np.testing.assert_allclose(values[2][0], t5[1].z[0], rtol=1e-6)
    assert x5 is not None


def test_decision_view_and_confusion_matrix(window, qtbot):
    w = window(circle_project(epochs=5, n=300))
    c = w.training
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()
    dec = w.training_views["decision"]
    assert dec.maps is None  # hidden: nothing computed for it
    w.show()
    w.docks["decision"].show()
    w.docks["decision"].raise_()  # shown: it catches up from the last weights
    qtbot.waitUntil(lambda: dec.maps is not None and dec.maps.values[1] is not None, timeout=3000)
    model = build_model(w.state.project, w.state.dataset)
    prepared = w.state.prepared()
    # the grid is in the dataset's units; the model sees it scaled like the training data
    ds = w.state.dataset
    extent = plane_extent(ds.x)
    grid = to_model_space(prepared, plane_grid(extent, MAP_SIDE))
    out = model(grid)
    np.testing.assert_allclose(dec.output_data, out, rtol=1e-5, atol=1e-6)
    assert dec.maps.extent == pytest.approx(extent)
    assert dec.neurons.count() == 1 + 8 + 1
    dec.select_neuron(1, 3)
    hidden = model.trace(grid)[0].a[:, 3].reshape(MAP_SIDE, MAP_SIDE)
    np.testing.assert_allclose(dec.maps.unit_map(1, 3), hidden, rtol=1e-5, atol=1e-6)
    assert dec.image.image.shape[:2] == (MAP_SIDE, MAP_SIDE)
    xs, _ys = dec.val_points.getData()
    np.testing.assert_allclose(xs, ds.x[prepared.val_idx, 0])  # points in the data view's units
    conf = w.training_views["confusion"]  # computed while training, when the window was not shown yet
    expected = confusion_matrix(label_of(prepared.y_val), predicted_labels(model(prepared.x_val)), 2)
    np.testing.assert_array_equal(conf.matrix, expected)
    assert conf.matrix.sum() == len(prepared.val_idx)
    assert conf.table.item(0, 0).text() == str(expected[0, 0])


def test_keep_runs_reset_and_undo(window, qtbot):
    w = window(xor_project(epochs=15))
    c = w.training
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()
    assert c.keep_run("first")
    loss = w.training_views["loss_plot"]
    assert [r["name"] for r in w.state.project.state["runs"]] == ["first"]
    assert len(loss.run_curves) == 1
    np.testing.assert_array_equal(loss.run_curves[0].getData()[1], c.history["loss"])
    assert c.rename_run(0, "lr 0.5")
    assert w.state.project.state["runs"][0]["name"] == "lr 0.5"
    # reset: fresh weights from the seed, history cleared, kept runs stay; one undo entry
    trained = [a.copy() for a in w.state.project.state["weights"]]
    assert c.reset()
    assert c.history == {} and c.epochs_trained == 0
    assert _points(loss.train_curve) == 0 and len(loss.run_curves) == 1
    fresh = build_model(xor_project(), w.state.dataset).get_weights()
    np.testing.assert_array_equal(np.asarray(w.state.live_weights[0]), fresh[0])
    w.state.undo_stack.undo()
    qtbot.waitUntil(lambda: c.epochs_trained == 15, timeout=3000)  # views reload on the next event-loop turn
    np.testing.assert_array_equal(w.state.project.state["weights"][0], trained[0])
    assert _points(loss.train_curve) == 15
    assert c.remove_run(0) and c.runs == [] and loss.run_curves == []


def test_learning_rate_change_while_paused_applies_on_resume(window, qtbot):
    w = window(circle_project(epochs=400))
    c = w.training
    c.train()
    qtbot.waitUntil(lambda: c.epochs_trained >= 1, timeout=10000)
    c.pause()
    _wait_paused(qtbot, w)
    assert w.state.push([("set_training", "learning_rate", 0.002)], "lr")
    c.resume()
    qtbot.waitUntil(lambda: c._job.model.optimizer.learning_rate == 0.002, timeout=5000)
    assert c.is_active() and w.state.training_state == "running"
    with qtbot.waitSignal(c.finished, timeout=5000):
        c.stop()


def test_train_disabled_with_errors_and_edit_blocked_message(window, qtbot):
    p = xor_project()
    p.layers[-1].params["units"] = 3  # BCE needs one output unit: a validation error
    w = window(p)
    assert w.state.has_errors()
    action = w.train_toolbar.train_action
    assert not action.isEnabled() and not w.train_toolbar.step_action.isEnabled()
    assert action.toolTip().startswith("Fix the problems first")
    assert not w.training.train() and not w.training.is_active()
    # fixing it (one undoable edit) enables Train
    assert w.state.push([("set_layer", 2, "units", 1)], "units")
    assert action.isEnabled()
