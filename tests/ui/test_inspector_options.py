"""The inspector shows the Keras options the registry gives each optimizer / loss and edits them undoably:
amsgrad, centered, Adagrad's initial accumulator, gradient clipping and label smoothing."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox
from test_builder_support import isolated_settings, window  # noqa: F401 - fixtures

from nnstudio.project import Project, build_model


def _w(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def _choose(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    assert i >= 0, data
    combo.setFocus()
    combo.setCurrentIndex(i)


def test_each_option_row_follows_the_optimizer_and_loss(window):
    state = window.state
    state.select_layer(None)
    opt = _w(window, QComboBox, "optimizerCombo")
    amsgrad, centered = _w(window, QCheckBox, "amsgradCheck"), _w(window, QCheckBox, "centeredCheck")
    acc = _w(window, QDoubleSpinBox, "accumulatorSpin")
    _choose(opt, "adam")
    assert amsgrad.isVisible() and not centered.isVisible() and not acc.isVisible()
    amsgrad.click()
    assert state.project.training["amsgrad"] is True
    assert build_model(state.project, state.dataset).optimizer.amsgrad is True
    _choose(opt, "rmsprop")
    assert centered.isVisible() and not amsgrad.isVisible()
    centered.click()
    assert state.project.training["centered"] is True
    _choose(opt, "adagrad")
    assert acc.isVisible() and acc.value() == 0.1
    acc.setValue(0.4)
    assert build_model(state.project, state.dataset).optimizer.initial_accumulator_value == 0.4
    smoothing = _w(window, QDoubleSpinBox, "labelSmoothingSpin")
    assert state.project.training["loss"] == "binary_crossentropy" and smoothing.isVisible()
    smoothing.setValue(0.1)
    assert build_model(state.project, state.dataset).loss.label_smoothing == 0.1
    _choose(_w(window, QComboBox, "lossCombo"), "mean_squared_error")
    assert not smoothing.isVisible()
    while state.undo_stack.canUndo():
        state.undo_stack.undo()
    assert state.project.training == Project().training
    assert not amsgrad.isChecked()


def test_gradient_clipping_sets_one_kind_at_a_time(window):
    state = window.state
    state.select_layer(None)
    clip, c = _w(window, QComboBox, "clipCombo"), _w(window, QDoubleSpinBox, "clipSpin")
    assert clip.isVisible() and not c.isVisible() and clip.currentData() == ""
    assert "max(‖g‖, c)" in clip.toolTip()
    _choose(clip, "clipnorm")
    t = state.project.training
    assert (t["clipnorm"], t["clipvalue"], t["global_clipnorm"]) == (1.0, None, None)
    assert c.isVisible()
    c.setValue(0.25)
    assert state.project.training["clipnorm"] == 0.25
    _choose(clip, "clipvalue")  # one edit moves the setting over
    t = state.project.training
    assert (t["clipnorm"], t["clipvalue"]) == (None, 0.25)
    assert build_model(state.project, state.dataset).optimizer.clipvalue == 0.25
    state.undo_stack.undo()
    assert state.project.training["clipnorm"] == 0.25 and clip.currentData() == "clipnorm"
    _choose(clip, "")
    assert all(state.project.training[k] is None for k in ("clipnorm", "clipvalue", "global_clipnorm"))
    assert not c.isVisible()
