"""Adding a layer type is one entry in the layer table: a kind added in a test (nothing else edited)
appears in the palette, drops onto the canvas with its caption, gets its inspector rows, is checked by
the validator and is built by the builder."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDoubleSpinBox
from test_builder_support import (  # noqa: F401 - fixtures
    block_center,
    close_window,
    drop_on_canvas,
    isolated_settings,
    make_window,
    palette_mime,
    scene_point,
    two_layer_project,
    types,
)

from nnstudio import engine
from nnstudio.project import LayerSpec, build_model, validate
from nnstudio.project.layer_kinds import LAYER_KINDS, LayerKind, ParamSpec
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X


def _scale_kind() -> LayerKind:
    """A made-up 'Scale' layer (an engine Activation stands in for its engine layer)."""
    return LayerKind(
        "Scale", "Multiplies its input by a gain.",
        (ParamSpec("gain", 1.0, float, "Gain", "The factor g in a = g·x.", "float", 0.0, 5.0, ui_name="gainSpin",
                   step=0.5, valid=lambda v: float(v) > 0,
                   problem=("bad_gain", "Layer {i} needs a positive gain.", "Use gain 1", 1.0)),),
        build=lambda params, name, n: engine.Activation("linear"), explain="Multiplies each value by g.",
        colour=(10, 200, 10), detail="gain {gain}")


@pytest.fixture
def scale_kind(monkeypatch):
    monkeypatch.setitem(LAYER_KINDS, "Scale", _scale_kind())
    return LAYER_KINDS["Scale"]


def test_a_kind_added_to_the_table_reaches_every_part(scale_kind, qtbot):
    w = make_window(qtbot, two_layer_project())
    try:
        state, view = w.state, w.canvas
        assert "Scale" in w.palette_list.types()  # the palette lists it, with its line
        assert "Multiplies each value by g." in w.palette_list.item_for("Scale").text()
        drop = drop_on_canvas(w, palette_mime(w, "Scale"), scene_point(view, SPACING_X / 2 + BLOCK_W / 2))
        assert drop.isAccepted() and types(w) == ["Input", "Scale", "Dense"]
        assert state.project.layers[1].params == {"gain": 1.0}  # the table's default
        block = view.canvas_scene.block_at_index(1)
        assert "gain 1.0" in block.subtitle.text()  # the table's detail line
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, 1))
        assert state.selected_layer == 1
        gain = w.findChild(QDoubleSpinBox, "gainSpin")  # the inspector's row, from the table
        assert gain is not None and gain.isVisible() and gain.value() == 1.0
        assert not w.findChild(QDoubleSpinBox, "dropoutRateSpin").isVisible()
        gain.setFocus()
        gain.lineEdit().selectAll()
        QTest.keyClicks(gain.lineEdit(), "0")
        assert state.project.layers[1].params["gain"] == 0.0
        bad = [p for p in state.problems if p.code == "bad_gain"]  # the validator runs the table's check
        assert len(bad) == 1 and bad[0].message == "Layer 1 needs a positive gain." and bad[0].fix.label == "Use gain 1"
        state.project.apply_all(bad[0].fix.edits)
        assert state.project.layers[1].params["gain"] == 1.0 and gain.value() == 1.0
        assert not [p for p in state.problems if p.code == "bad_gain"]
        model = build_model(state.project, state.dataset)  # the builder uses the table's build
        assert [la.kind for la in model.layers][-2:] == ["Activation", "Dense"]
    finally:
        close_window(w)


def test_the_table_drives_defaults_validation_and_building_without_qt(scale_kind):
    spec = LayerSpec.make("Scale", gain=2.0)
    assert spec.params == {"gain": 2.0} and LayerSpec.from_dict(spec.to_dict()).params == {"gain": 2.0}
    with pytest.raises(ValueError, match="no parameter"):
        LayerSpec.make("Scale", rate=0.5)
    from nnstudio.project import Project

    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Scale", gain=-1.0),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    from nnstudio.data import make

    ds = make("circle")
    assert [q.code for q in validate(p, ds) if q.is_error] == ["bad_gain"]
    p.layers[1].params["gain"] = 3.0
    assert not [q for q in validate(p, ds) if q.is_error]
    model = build_model(p, ds)
    assert [la.kind for la in model.layers][-2:] == ["Activation", "Dense"]


def test_a_long_block_caption_is_shrunk_to_fit_and_never_cut_mid_letter(qtbot):
    from PySide6.QtGui import QFont, QFontMetricsF

    from nnstudio.ui.canvas.items import fitted_text
    from nnstudio.ui.canvas.layout import BLOCK_W

    width = BLOCK_W - 12 - 8  # the caption's room inside a block
    text = "10 units · softmax"
    font, shown = fitted_text(text, width, False)
    assert QFontMetricsF(font).horizontalAdvance(shown) <= width
    assert shown == text or shown.endswith("…")
    assert font.pointSizeF() >= 0.75 * QFont().pointSizeF()
    font, shown = fitted_text("64 features", width, False)      # a short caption keeps the normal font
    assert shown == "64 features" and font.pointSizeF() == QFont().pointSizeF()
    font, shown = fitted_text("x" * 200, width, False)          # far too long: elided, within the block
    assert shown.endswith("…") and QFontMetricsF(font).horizontalAdvance(shown) <= width
