"""The canvas: drops from the palette, reordering with the mouse, live colours, weight clicks."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from test_builder_support import (  # noqa: F401 - fixtures
    block_center,
    close_window,
    drop_on_canvas,
    isolated_settings,
    make_window,
    palette_mime,
    scene_point,
    types,
    window,
)

from nnstudio.project import LayerSpec, Project
from nnstudio.ui.canvas.items import NEURON_IDLE, ConnectionItem, LayerBlock
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X, summarize, visible_slots
from nnstudio.ui.canvas.view import LAYER_MIME


def _blocks(window):
    return [i for i in window.canvas.scene().items() if isinstance(i, LayerBlock)]


def test_palette_lists_registry_layers_with_icons_and_tooltips(window):
    from nnstudio.engine import registry

    palette = window.palette_list
    assert palette.types() == [e.name for e in registry.entries("layer")]
    for t in palette.types():
        item = palette.item_for(t)
        assert not item.icon().isNull()
        assert t in item.toolTip() and "\n" in item.text()
    mime = palette_mime(window, "Dense")
    assert bytes(mime.data(LAYER_MIME)) == b"Dense"


def test_drag_dense_from_palette_between_input_and_output(window, qtbot):
    view = window.canvas
    state = window.state
    assert types(window) == ["Input", "Dense"]
    output_id = state.project.layers[1].id
    mime = palette_mime(window, "Dense")
    gap_x = SPACING_X / 2 + BLOCK_W / 2  # between block 0 and block 1
    drop = drop_on_canvas(window, mime, scene_point(view, gap_x))
    assert drop.isAccepted()
    assert types(window) == ["Input", "Dense", "Dense"]
    new = state.project.layers[1]
    assert state.project.layers[2].id == output_id
    assert new.params["units"] == 8
    assert set(view.canvas_scene.blocks) == {s.id for s in state.project.layers}
    assert view.canvas_scene.blocks[new.id].pos().x() == SPACING_X
    assert len(_blocks(window)) == 3
    assert not view.canvas_scene.marker.isVisible()
    assert state.selected_layer == 1
    assert window.undo_action.text().endswith("Add Dense layer")

    state.undo_stack.undo()
    assert types(window) == ["Input", "Dense"]
    assert new.id not in view.canvas_scene.blocks and len(_blocks(window)) == 2
    state.undo_stack.redo()
    assert types(window) == ["Input", "Dense", "Dense"]
    assert len(_blocks(window)) == 3


def test_drag_marker_and_foreign_mime(window):
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    view = window.canvas
    pos = scene_point(view, SPACING_X / 2 + BLOCK_W / 2)
    mime = palette_mime(window, "Dropout")
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert view.canvas_scene.marker.isVisible() and view.canvas_scene.marker.index == 1
    other = QMimeData()
    other.setText("hello")
    enter = QDragEnterEvent(pos, Qt.CopyAction, other, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    # dropping left of the Input layer still lands after it
    drop_on_canvas(window, palette_mime(window, "Dropout"), scene_point(view, -50))
    assert types(window) == ["Input", "Dropout", "Dense"]


def test_reorder_block_with_the_mouse_is_one_undo_entry(qtbot):
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4), LayerSpec.make("Dropout"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    w = make_window(qtbot, p)
    try:
        view = w.canvas
        view.fit()
        ids = [s.id for s in w.state.project.layers]
        count = w.state.undo_stack.count()
        start = block_center(view, 1)
        target = scene_point(view, 2 * SPACING_X + BLOCK_W * 0.9, view.mapToScene(start).y())
        QTest.mousePress(view.viewport(), Qt.LeftButton, Qt.NoModifier, start)
        for k in range(1, 6):  # several moves, as a real drag
            QTest.mouseMove(view.viewport(), start + (target - start) * k / 5)
        assert view.canvas_scene.marker.isVisible()
        assert w.state.project.layers[1].id == ids[1]  # nothing changes before release
        QTest.mouseRelease(view.viewport(), Qt.LeftButton, Qt.NoModifier, target)
        assert [s.id for s in w.state.project.layers] == [ids[0], ids[2], ids[1], ids[3]]
        assert w.state.undo_stack.count() == count + 1
        assert view.canvas_scene.blocks[ids[1]].pos().x() == 2 * SPACING_X
        assert w.state.selected_layer == 2
        w.state.undo_stack.undo()
        assert [s.id for s in w.state.project.layers] == ids
        assert view.canvas_scene.blocks[ids[1]].pos().x() == SPACING_X
        # a plain click selects without moving
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, 3))
        assert w.state.selected_layer == 3 and w.state.undo_stack.count() == count + 1
        assert view.canvas_scene.blocks[ids[3]].is_selected()
    finally:
        close_window(w)


def test_delete_and_duplicate_shortcuts(window, qtbot):
    view = window.canvas
    window.state.select_layer(1)
    view.setFocus()
    QTest.keyClick(view, Qt.Key_D, Qt.ControlModifier)
    assert types(window) == ["Input", "Dense", "Dense"]
    a, b = window.state.project.layers[1:]
    assert a.id != b.id and a.params == b.params and window.state.selected_layer == 2
    QTest.keyClick(view, Qt.Key_Delete)
    assert types(window) == ["Input", "Dense"]
    QTest.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert types(window) == ["Input", "Dense", "Dense"]
    QTest.keyClick(view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert types(window) == ["Input", "Dense"]
    QTest.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    QTest.keyClick(view, Qt.Key_Y, Qt.ControlModifier)
    assert types(window) == ["Input", "Dense"]


def test_neurons_elided_beyond_sixteen(window):
    s = visible_slots(256)
    assert len(s.shown) == 16 and s.hidden == 240 and s.shown[-1] == (16, 255)
    window.state.push([("set_layer", 1, "units", 256)], "units")
    block = window.canvas.canvas_scene.block_at_index(1)
    assert len(block.neurons) == 16
    assert block.gap_text.isVisible() and "240" in block.gap_text.text()
    window.state.push([("set_layer", 1, "units", 3)], "units")
    assert len(block.neurons) == 3 and not block.gap_text.isVisible()


def test_summary_line_counts_keras_parameters(window):
    label = window.findChild(type(window.canvas_panel.summary_label), "summaryLabel")
    assert "Depth 1" in label.text() and "3 parameters" in label.text()
    window.state.push([("insert_layer", 1, LayerSpec.make("Dense", units=4).to_dict())], "add")
    # 2*4+4 + 4*1+1 = 17
    assert "Depth 2" in label.text() and "17 parameters" in label.text() and "(None, 1)" in label.text()
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=64), LayerSpec.make("Dense", units=256),
                LayerSpec.make("Dense", units=5, use_bias=True)]
    s = summarize(p, 32)
    assert s.per_layer == (0, 2112, 16640, 1285) and s.params == 20037 and s.depth == 3


def test_live_values_colour_neurons_and_tooltip_shows_the_sum(window):
    state = window.state
    scene = window.canvas.canvas_scene
    scene.maps.enabled = False  # coloured circles (the neuron maps are tested in test_canvas_maps.py)
    scene.relayout()
    kernel = np.array([[0.5], [-2.0]])
    bias = np.array([0.25])
    x = np.array([1.0, 0.5])
    z = x @ kernel + bias
    a = 1 / (1 + np.exp(-z))
    items_before = len(scene.items())
    state.set_live(values=[(None, x), (z, a)], weights=[kernel, bias])
    assert len(scene.items()) == items_before  # recoloured, not re-created
    block_in = scene.block_at_index(0)
    assert block_in.neurons[0].brush().color() != NEURON_IDLE
    conn = scene.connections[state.project.layers[1].id]
    pos_pen, neg_pen = conn.pen_for(0, 0), conn.pen_for(1, 0)
    assert pos_pen.color().red() > pos_pen.color().blue()  # orange: positive
    assert neg_pen.color().blue() > neg_pen.color().red()  # blue: negative
    assert neg_pen.widthF() > pos_pen.widthF()  # |−2| > |0.5|
    tip = scene.neuron_tooltip(state.project.layers[1].id, 0)
    assert "z = Σ wᵢ·aᵢ + b = 0.5×1 + −2×0.5 + 0.25 = −0.25" in tip
    assert f"a = f(z) = sigmoid(−0.25) = {a[0]:.3g}" in tip
    state.clear_live()
    assert block_in.neurons[0].brush().color() == NEURON_IDLE and not conn.has_weights()


def test_clicking_a_weight_line_emits_weight_selected(window, qtbot):
    view = window.canvas
    view.fit()
    conn = next(i for i in view.scene().items() if isinstance(i, ConnectionItem))
    seg = conn.geo.segments[1]  # from input neuron 1 to output neuron 0
    mid = conn.mapToScene((seg[0] + seg[2]) / 2, (seg[1] + seg[3]) / 2)
    with qtbot.waitSignal(window.state.weightSelected) as blocker:
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.mapFromScene(mid))
    assert blocker.args == [1, 1, 0]


def test_zoom_actions(window):
    view = window.canvas
    z = view.zoom()
    window.zoom_in_action.trigger()
    assert view.zoom() > z
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert view.zoom() < z
    window.fit_action.trigger()
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert rect.contains(view.canvas_scene.itemsBoundingRect().center())
    view.zoom_by(1e-6)
    assert view.zoom() >= 0.05 - 1e-9


def test_scene_follows_document_only(window):
    """Edits made without the canvas (a lesson, a fix) appear on it; replacing the network rebuilds it."""
    state = window.state
    scene = window.canvas.canvas_scene
    layers = [LayerSpec.make("Input").to_dict()] + [LayerSpec.make("Dense", units=3).to_dict() for _ in range(4)]
    state.push([("replace_layers", layers)], "replace")
    assert len(scene.blocks) == 5 and len(scene.connections) == 4
    state.push([("set_layer", 0, "size", 7)], "size")
    assert len(scene.block_at_index(0).neurons) == 7
    state.undo_stack.undo()
    state.undo_stack.undo()
    assert len(scene.blocks) == 2 and len(scene.block_at_index(0).neurons) == 2
    state.set_project(Project.default())
    assert [b for b in scene.blocks] == [s.id for s in state.project.layers]
