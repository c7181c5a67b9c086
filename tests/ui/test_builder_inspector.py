"""The inspector edits the document (undoably) and follows it; the lesson's network built by mouse."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox
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

from nnstudio.project import Project, build_model
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X


def _w(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def _choose(combo: QComboBox, name: str) -> None:
    """Pick an entry the way a user does (keyboard on the focused combo)."""
    i = combo.findData(name)
    assert i >= 0, name
    combo.setFocus()
    combo.setCurrentIndex(i)


def test_units_and_activation_change_document_canvas_and_params(window, qtbot):
    state = window.state
    scene = window.canvas.canvas_scene
    QTest.mouseClick(window.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(window.canvas, 1))
    assert state.selected_layer == 1
    units = _w(window, QSpinBox, "unitsSpin")
    act = _w(window, QComboBox, "activationCombo")
    assert units.isVisible() and units.value() == 1 and act.currentData() == "sigmoid"
    label = window.canvas_panel.summary_label
    assert "3 parameters" in label.text()
    before = state.undo_stack.count()
    units.setFocus()
    units.lineEdit().selectAll()
    QTest.keyClicks(units.lineEdit(), "12")  # typing two digits = one undo entry
    assert state.project.layers[1].params["units"] == 12
    assert state.undo_stack.count() == before + 1
    assert len(scene.block_at_index(1).neurons) == 12
    assert "36 parameters" in label.text()  # 2*12 + 12
    _choose(act, "relu")
    assert state.project.layers[1].params["activation"] == "relu"
    assert "relu" in scene.block_at_index(1).subtitle.text()
    assert act.itemData(act.currentIndex(), Qt.ToolTipRole)  # formula tooltip
    state.undo_stack.undo()
    assert state.project.layers[1].params["activation"] == "sigmoid" and act.currentData() == "sigmoid"
    state.undo_stack.undo()
    assert state.project.layers[1].params["units"] == 1 and units.value() == 1
    assert len(scene.block_at_index(1).neurons) == 1 and "3 parameters" in label.text()


def test_layer_fields_follow_layer_type(window):
    state = window.state
    state.select_layer(0)
    assert _w(window, QSpinBox, "unitsSpin").isHidden() or not _w(window, QSpinBox, "unitsSpin").isVisible()
    assert "2 features" in window.inspector.size_label.text()
    state.select_layer(1)
    for name in ("kernelInitCombo", "biasInitCombo"):
        assert _w(window, QComboBox, name).isVisible()
    _choose(_w(window, QComboBox, "kernelInitCombo"), "he_normal")
    assert state.project.layers[1].params["kernel_initializer"] == "he_normal"
    _w(window, QCheckBox, "useBiasCheck").setChecked(False)
    assert state.project.layers[1].params["use_bias"] is False
    _w(window, QDoubleSpinBox, "l2Spin").setValue(0.01)
    assert state.project.layers[1].params["l2"] == 0.01
    _w(window, QCheckBox, "maxNormCheck").setChecked(True)
    assert state.project.layers[1].params["max_norm"] == 3.0
    _w(window, QDoubleSpinBox, "maxNormSpin").setValue(2.0)
    assert state.project.layers[1].params["max_norm"] == 2.0
    _w(window, QCheckBox, "maxNormCheck").setChecked(False)
    assert state.project.layers[1].params["max_norm"] is None
    state.push([("insert_layer", 1, {"type": "Dropout"})], "dropout")
    state.select_layer(1)
    rate = _w(window, QDoubleSpinBox, "dropoutRateSpin")
    assert rate.isVisible() and rate.value() == 0.5
    rate.setValue(0.2)
    assert state.project.layers[1].params["rate"] == 0.2


def test_model_settings_show_the_chosen_optimizers_parameters(window):
    state = window.state
    state.select_layer(None)
    opt = _w(window, QComboBox, "optimizerCombo")
    _choose(opt, "sgd")
    assert state.project.training["optimizer"] == "sgd"
    assert _w(window, QDoubleSpinBox, "momentumSpin").isVisible()
    assert not _w(window, QDoubleSpinBox, "beta1Spin").isVisible()
    _choose(opt, "adam")
    assert _w(window, QDoubleSpinBox, "beta1Spin").isVisible()
    assert not _w(window, QDoubleSpinBox, "momentumSpin").isVisible()
    lr = _w(window, QDoubleSpinBox, "learningRateSpin")
    lr.setValue(0.05)
    assert state.project.training["learning_rate"] == 0.05
    _w(window, QSpinBox, "batchSizeSpin").setValue(16)
    _w(window, QSpinBox, "epochsSpin").setValue(7)
    assert state.project.training["batch_size"] == 16 and state.project.training["epochs"] == 7
    assert not _w(window, QSpinBox, "patienceSpin").isVisible()
    _w(window, QCheckBox, "earlyStoppingCheck").setChecked(True)
    assert state.project.training["early_stopping"]["enabled"] is True
    assert _w(window, QSpinBox, "patienceSpin").isVisible()
    _w(window, QSpinBox, "patienceSpin").setValue(3)
    assert state.project.training["early_stopping"]["patience"] == 3
    eps = _w(window, QDoubleSpinBox, "epsilonSpin")
    assert eps.text() == "1e-07"
    _choose(_w(window, QComboBox, "lossCombo"), "mean_squared_error")
    assert state.project.training["loss"] == "mean_squared_error"
    while state.undo_stack.canUndo():
        state.undo_stack.undo()
    assert state.project.training == Project().training
    assert lr.value() == Project().training["learning_rate"]


def test_edits_refused_while_training_runs(window):
    state = window.state
    state.select_layer(1)
    state.set_training_state("running")
    units = _w(window, QSpinBox, "unitsSpin")
    units.setValue(5)
    assert state.project.layers[1].params["units"] == 1 and units.value() == 1
    state.set_training_state("idle")


def _summary_rows(text: str) -> list[tuple[str, str, str]]:
    """(type, output shape, params) per layer row of a Keras-style summary, names ignored."""
    return re.findall(r"\((\w+)\)\s+(\(None, \d+\))\s+([\d,]+)", text)


def test_build_the_lessons_32_64_256_5_network_with_the_mouse(qtbot):
    from nnstudio.engine import Dense, Sequential

    w = make_window(qtbot, Project.default())  # Input, Dense(8, tanh), Dense(1, sigmoid)
    try:
        state, view = w.state, w.canvas
        state.push([("set_dataset", {"source": "builtin", "name": "keras_example"})], "dataset")
        assert state.dataset.n_features == 32
        view.fit()

        def click_block(i):
            QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, i))
            assert state.selected_layer == i

        def set_units(n):
            spin = _w(w, QSpinBox, "unitsSpin")
            spin.setFocus()
            spin.lineEdit().selectAll()
            QTest.keyClicks(spin.lineEdit(), str(n))
            QTest.keyClick(spin.lineEdit(), Qt.Key_Return)

        click_block(1)
        set_units(64)
        _choose(_w(w, QComboBox, "activationCombo"), "sigmoid")
        drop_on_canvas(w, palette_mime(w, "Dense"), scene_point(view, SPACING_X * 1.5 + BLOCK_W / 2))
        assert types(w) == ["Input", "Dense", "Dense", "Dense"]
        view.fit()
        click_block(2)
        set_units(256)
        _choose(_w(w, QComboBox, "activationCombo"), "sigmoid")
        view.fit()
        click_block(3)
        set_units(5)
        _choose(_w(w, QComboBox, "activationCombo"), "softmax")
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, scene_point(view, SPACING_X * 1.5, -400))
        assert state.selected_layer is None
        _choose(_w(w, QComboBox, "lossCombo"), "sparse_categorical_crossentropy")
        _choose(_w(w, QComboBox, "optimizerCombo"), "sgd")
        assert not state.has_errors(), [p.message for p in state.problems]
        assert "20,037 parameters" in w.canvas_panel.summary_label.text()
        assert "Depth 3" in w.canvas_panel.summary_label.text()

        model = build_model(state.project, state.dataset)
        assert model.count_params() == 20037
        assert [lay.count_params() for lay in model.layers if lay.count_params()] == [2112, 16640, 1285]
        reference = Sequential([Dense(64, activation="sigmoid", input_dim=32), Dense(256, activation="sigmoid"),
                                Dense(5, activation="softmax")])
        lines: list[str] = []
        model.summary(print_fn=lines.append)
        ref_lines: list[str] = []
        reference.summary(print_fn=ref_lines.append)
        rows = _summary_rows("\n".join(lines))
        assert rows == _summary_rows("\n".join(ref_lines))
        assert rows == [("Dense", "(None, 64)", "2,112"), ("Dense", "(None, 256)", "16,640"),
                        ("Dense", "(None, 5)", "1,285")]
        assert [ln for ln in lines if "params" in ln] == [ln for ln in ref_lines if "params" in ln]
    finally:
        close_window(w)
