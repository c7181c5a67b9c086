"""Training with derived input features: the studio, the engine and `nnstudio train` agree."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_training_common import headless_history

from nnstudio.cli import main as cli_main
from nnstudio.project import LayerSpec, Project
from nnstudio.project.fileformat import load_project, save_project


def spiral_features_project(epochs: int = 12) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input", features=["x1", "x2", "r", "theta", "x1*x2"]),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 120, "noise": 0.05, "arms": 2, "seed": 0},
                     standardize=True)
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.05, batch_size=16,
                      epochs=epochs, validation_split=0.25, seed=1, dtype="float64")
    return p


def test_features_from_the_ui_equal_headless_and_cli(window, qtbot, tmp_path, capsys):
    w = window(spiral_features_project())
    button = w.train_toolbar.widgetForAction(w.train_toolbar.train_action)
    with qtbot.waitSignal(w.training.finished, timeout=20000):
        qtbot.mouseClick(button, Qt.LeftButton)
    expected = headless_history(spiral_features_project())
    _x, y = w.training_views["loss_plot"].train_curve.getData()
    np.testing.assert_array_equal(y, np.asarray(expected["loss"]))
    np.testing.assert_array_equal(w.state.project.state["history"]["val_loss"], expected["val_loss"])
    path = tmp_path / "spiral.nnstudio"
    save_project(spiral_features_project(), path)
    assert cli_main(["train", str(path), "--quiet"]) == 0
    cli = load_project(path)
    assert cli.layers[0].params["features"] == ["x1", "x2", "r", "theta", "x1*x2"]
    np.testing.assert_array_equal(cli.state["history"]["loss"], expected["loss"])
    np.testing.assert_array_equal(cli.state["weights"][0], w.state.project.state["weights"][0])
