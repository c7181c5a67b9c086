"""`nnstudio train --timeline`: the rewind timeline saved with the project (or not)."""

from __future__ import annotations

import json

import pytest

from nnstudio.cli import main
from nnstudio.project import LayerSpec, Project, load_project, save_project
from nnstudio.session import TrainedState


def _project(tmp_path):
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="xor", params={})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.05, batch_size=4,
                      epochs=5, validation_split=0.0, seed=1, dtype="float64")
    return save_project(p, tmp_path / "xor.nnstudio")


def test_train_saves_the_timeline_and_a_second_run_appends_to_it(tmp_path, capsys):
    path = _project(tmp_path)
    assert main(["train", str(path), "--quiet"]) == 0
    tl = TrainedState.from_state(load_project(path).trained).timeline
    assert tl.epochs() == list(range(6))
    assert main(["train", str(path), "--quiet", "--epochs", "3"]) == 0
    tl = TrainedState.from_state(load_project(path).trained).timeline
    assert tl.epochs() == list(range(9))
    assert main(["train", str(path), "--quiet", "--timeline", "never", "--out", str(tmp_path / "n.nnstudio")]) == 0
    assert "timeline" not in json.loads((tmp_path / "n.nnstudio").read_text())["state"]
    with pytest.raises(SystemExit) as exc:
        main(["train", str(path), "--timeline", "often"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
