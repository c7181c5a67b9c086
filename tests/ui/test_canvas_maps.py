"""The canvas as the picture: neuron maps in the nodes, live hover formulas, pinning,
the output view (decision map / regression curve) and views reset on New / dataset / task."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_training_common import xor_project

from nnstudio.lessons import registry as lessons
from nnstudio.lessons.runner import project_for
from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import build_model
from nnstudio.project.planes import (
    MAP_SIDE,
    MAX_MAP_UNITS,
    line_grid,
    plane_extent,
    plane_grid,
    to_model_space,
)
from nnstudio.ui.canvas.hover import fmt
from nnstudio.ui.canvas.maps import layer_rgbs
from nnstudio.ui.training.decision import MIN_PLOT


def spiral_project(epochs: int = 3) -> Project:
    """The spiral 2-8-8-1 tanh net (fixed seed)."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 200})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.01, batch_size=16,
                      epochs=epochs, validation_split=0.2, seed=5, dtype="float64")
    return p


def _shown(w, qtbot):
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    scene = w.canvas.canvas_scene
    qtbot.waitUntil(lambda: scene.maps.maps is not None, timeout=3000)
    return scene


def _grid_model(w):
    prepared = w.state.prepared()
    return to_model_space(prepared, plane_grid(plane_extent(w.state.dataset.x), MAP_SIDE))


def _item_centre(view, item):
    return view.mapFromScene(item.mapToScene(item.rect().center()))


def test_neuron_maps_are_the_model_on_the_input_plane(window, qtbot):
    w = window(spiral_project())
    scene = _shown(w, qtbot)
    model = build_model(w.state.project, w.state.dataset)  # the seed's initial weights
    traces = model.trace(_grid_model(w))
    maps = scene.maps.maps
    for k, t in enumerate(traces, start=1):
        np.testing.assert_allclose(maps.values[k], t.a, rtol=1e-6, atol=1e-9)
    # every drawn neuron of every layer is a map (the input's too), drawn with the shared colours
    for i, spec in enumerate(w.state.project.layers):
        block = scene.blocks[spec.id]
        assert block.slots.maps and block.neurons
        for n in block.neurons:
            assert n.image is not None and n.image.width() == MAP_SIDE
    hidden = scene.blocks[w.state.project.layers[1].id].neurons[3]
    want = layer_rgbs(traces[0].a, MAP_SIDE, "tanh", classes=False)[3]  # [ix, iy]
    img = hidden.image  # y up: row 0 is the top of the plane (iy = side - 1)
    c = img.pixelColor(5, 0)
    assert (c.red(), c.green(), c.blue()) == tuple(int(v) for v in want[5, MAP_SIDE - 1])


def test_maps_follow_new_weights_and_wide_layers_fall_back_to_circles(window, qtbot):
    w = window(spiral_project())
    scene = _shown(w, qtbot)
    qtbot.wait(300)  # the controller's idle snapshot of the opened project has arrived
    before = scene.maps.refreshes
    model = build_model(w.state.project, w.state.dataset)
    rng = np.random.default_rng(0)
    new = [wt + rng.normal(0, 0.5, wt.shape) for wt in model.get_weights()]
    w.state.set_live(weights=new)
    qtbot.waitUntil(lambda: scene.maps.refreshes > before, timeout=2000)
    model.set_weights(new)
    np.testing.assert_allclose(scene.maps.maps.values[-1], model.trace(_grid_model(w))[-1].a, rtol=1e-6)
    # wider than the limit: coloured circles again, no map work
    assert w.state.push([("set_layer", 1, "units", MAX_MAP_UNITS + 1)], "wider")
    qtbot.waitUntil(lambda: scene.maps.maps is None, timeout=2000)
    block = scene.blocks[w.state.project.layers[1].id]
    assert not block.slots.maps and all(n.image is None for n in block.neurons)


def test_hover_texts_show_the_real_numbers_and_follow_training(window, qtbot):
    w = window(spiral_project())
    scene = _shown(w, qtbot)
    view = w.canvas
    view.fit()
    spec = w.state.project.layers[1]
    neuron = scene.blocks[spec.id].neurons[0]
    QTest.mouseMove(view.viewport(), _item_centre(view, neuron))
    qtbot.waitUntil(lambda: scene.hovered is not None and scene.hovered[0] == "neuron", timeout=2000)
    values = w.state.live_values
    kernel, bias = w.state.live_weights[0], w.state.live_weights[1]
    x = values[0][1]
    z = float(x @ kernel[:, 0] + bias[0])
    text = neuron.toolTip()
    assert f"{fmt(kernel[0, 0])}×{fmt(x[0])} + {fmt(kernel[1, 0])}×{fmt(x[1])} + {fmt(bias[0])} = {fmt(z)}" in text
    assert f"a = f(z) = tanh({fmt(z)}) = {fmt(np.tanh(z))}" in text
    # training moves the weights: the text under the pointer changes with them
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        w.training.train()
    new_kernel = w.state.live_weights[0]
    assert not np.allclose(new_kernel, kernel)
    assert fmt(new_kernel[0, 0]) in neuron.toolTip() and neuron.toolTip() != text
    # a weight line: its value and its share of z
    conn = scene.connections[spec.id]
    seg = conn.geo.segments[0]
    mid = conn.mapToScene((seg[0] * 0.6 + seg[2] * 0.4), (seg[1] * 0.6 + seg[3] * 0.4))
    QTest.mouseMove(view.viewport(), view.mapFromScene(mid))
    qtbot.waitUntil(lambda: scene.hovered is not None and scene.hovered[0] == "weight", timeout=2000)
    layer, i, j = scene.hovered[1]
    assert (layer, i, j) == (1, 0, 0)
    assert f"w = {fmt(w.state.live_weights[0][0, 0])}" in scene.hover_text()


def test_clicking_a_neuron_pins_its_map_large(window, qtbot):
    w = window(spiral_project())
    scene = _shown(w, qtbot)
    view = w.canvas
    view.fit()
    w.docks["decision"].show()
    w.docks["decision"].raise_()
    dec = w.training_views["decision"]
    neuron = scene.blocks[w.state.project.layers[2].id].neurons[4]
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, _item_centre(view, neuron))
    assert scene.pinned == (2, 4) and neuron.pinned
    pinned = w.canvas_panel.pinned_map
    qtbot.waitUntil(pinned.isVisible, timeout=2000)
    assert pinned.image_label.width() >= 240 and pinned.image_label.height() >= 240
    assert pinned.image is not None and pinned.image.width() == MAP_SIDE
    assert view.viewportMargins().right() >= pinned.width()  # beside the network, not over it
    assert dec.pinned == (2, 4)
    qtbot.waitUntil(lambda: dec.maps is not None, timeout=2000)
    np.testing.assert_allclose(dec.maps.unit_map(2, 4), scene.maps.maps.values[2][:, 4].reshape(MAP_SIDE, MAP_SIDE))
    # a second click unpins
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, _item_centre(view, neuron))
    assert scene.pinned is None and not pinned.isVisible() and dec.pinned is None
    assert view.viewportMargins().right() == 0


def _lesson4_regression() -> Project:
    step = next(s for s in lessons.get("output-loss").steps if s.id == "regression")
    p = project_for(step.setup)
    p.training["epochs"] = 20
    return p


def test_lesson4_regression_draws_the_models_curve_over_the_points(window, qtbot):
    w = window(_lesson4_regression())
    w.resize(1400, 900)
    w.show()
    w.docks["decision"].show()
    w.docks["decision"].raise_()
    with qtbot.waitSignal(w.training.finished, timeout=20000):
        w.training.train()
    dec = w.training_views["decision"]
    qtbot.waitUntil(lambda: dec.maps is not None and dec.maps.kind == "line", timeout=3000)
    xs, ys = dec.curves[0].getData()
    ds = w.state.dataset
    grid = line_grid(ds.x)
    model = build_model(w.state.project, ds)  # the trained weights are in the document now
    np.testing.assert_allclose(xs, grid[:, 0])
    np.testing.assert_allclose(ys, model.predict(to_model_space(w.state.prepared(), grid))[:, 0], rtol=1e-5,
                               atol=1e-6)
    prepared = w.state.prepared()
    tx, ty = dec.train_points.getData()
    np.testing.assert_allclose(tx, ds.x[prepared.train_idx, 0])
    np.testing.assert_allclose(ty, ds.y[prepared.train_idx, 0])
    assert len(dec.val_points.getData()[0]) == len(prepared.val_idx) > 0
    # the canvas keeps coloured circles for 1-D data
    assert not any(b.slots.maps for b in w.canvas.canvas_scene.blocks.values())


def test_decision_map_is_never_squashed(window, qtbot):
    w = window(spiral_project())
    w.resize(900, 560)
    w.show()
    w.docks["decision"].show()
    w.docks["decision"].raise_()
    dec = w.training_views["decision"]
    qtbot.waitUntil(lambda: dec.maps is not None, timeout=3000)
    assert dec.plot.width() >= MIN_PLOT and dec.plot.height() >= MIN_PLOT
    assert dec.plot.getPlotItem().getViewBox().state["aspectLocked"] == 1.0  # spiral: a square domain
    x0, x1, y0, y1 = dec.maps.extent
    assert x1 - x0 == pytest.approx(y1 - y0)
    # the legend lives outside the plot, in the data view's class colours
    assert "#1f77b4" in dec.legend.text() and "#ff7f0e" in dec.legend.text()
    assert dec.plot.getPlotItem().legend is None


def test_new_dataset_and_task_changes_reset_every_view(window, qtbot):
    w = window(xor_project(epochs=20))
    w.resize(1400, 900)
    w.show()
    for name in ("decision", "confusion", "loss_plot"):
        w.docks[name].show()
        w.docks[name].raise_()
    w.docks["confusion"].setFloating(True)  # shown beside the decision view, not behind it
    c = w.training
    with qtbot.waitSignal(c.finished, timeout=10000):
        c.train()
    dec = w.training_views["decision"]
    loss = w.training_views["loss_plot"]
    conf = w.training_views["confusion"]
    qtbot.waitUntil(lambda: dec.neurons.count() == 1 + 4 + 1, timeout=3000)
    qtbot.waitUntil(lambda: loss.item.getViewBox().viewRange()[0][1] >= 20, timeout=3000)
    # another dataset (1 input, regression): no XOR thumbnails, a curve instead, no confusion matrix
    w.data_panel.choose("sine")
    qtbot.waitUntil(lambda: dec.mode == "line", timeout=3000)
    assert dec.neurons.count() == 0 and not dec.neurons.isVisible()
    assert conf.table.rowCount() == 0 and conf.matrix is None
    # back to 2-D with 3 classes (another task): a 3×3 matrix, a fresh map, thumbnails of this net
    assert w.state.push([("set_layer", 2, "units", 3), ("set_layer", 2, "activation", "softmax"),
                         ("set_training", "loss", "sparse_categorical_crossentropy")], "3 classes")
    w.data_panel.choose("blobs")
    qtbot.waitUntil(lambda: conf.table.rowCount() == 3, timeout=3000)
    assert conf.matrix.shape == (3, 3)
    qtbot.waitUntil(lambda: dec.maps is not None and dec.maps.output.shape[1] == 3, timeout=3000)
    assert dec.neurons.count() == 1 + 4 + 3
    # New: history gone, loss axes back to their empty range, maps of the default network
    w.state.undo_stack.setClean()  # nothing to save: New asks no question
    assert w.files.new_project()
    qtbot.waitUntil(lambda: c.history == {}, timeout=3000)
    qtbot.waitUntil(lambda: loss.item.getViewBox().viewRange()[0][1] <= 1.0 + 1e-9, timeout=3000)
    assert len(loss.train_curve.getData()[0] if loss.train_curve.getData()[0] is not None else []) == 0
    # the default 2-8-1 circle network: its own thumbnails and a 2×2 matrix, nothing of the 3-class net
    qtbot.waitUntil(lambda: dec.neurons.count() == 1 + 8 + 1, timeout=3000)
    assert dec.maps.output.shape == (MAP_SIDE * MAP_SIDE, 1) and dec.pinned is None
    qtbot.waitUntil(lambda: conf.table.rowCount() == 2, timeout=3000)
    assert conf.matrix.shape == (2, 2)
    assert [len(b.neurons) for b in w.canvas.canvas_scene.blocks.values()] == [2, 8, 1]
    w.docks["confusion"].setFloating(False)


def test_hidden_canvas_computes_no_maps(window, qtbot):
    w = window(spiral_project())
    scene = w.canvas.canvas_scene
    ev_before = scene.maps.refreshes
    w.state.set_live(weights=build_model(w.state.project, w.state.dataset).get_weights())
    assert scene.maps.refreshes == ev_before  # window never shown: nothing computed
    scene = _shown(w, qtbot)
    assert scene.maps.refreshes > ev_before  # caught up when shown
