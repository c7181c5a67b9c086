"""One training run without Qt: nnstudio.session.TrainingRun and TrainedState."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import nnstudio
from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import build_model, load_dataset, make_callbacks, prepare_data
from nnstudio.session import TrainedState, TrainingRun, fmt_time


def _xor(epochs=8) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="xor", params={})
    p.training.update(loss="binary_crossentropy", optimizer="sgd", learning_rate=0.5, batch_size=4,
                      epochs=epochs, validation_split=0.0, seed=7, dtype="float64")
    return p


def test_session_imports_no_qt():
    folder = Path(nnstudio.__file__).parent / "session"
    names = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
    assert names and not [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")
                          or n.startswith("nnstudio.ui")]


def test_a_run_equals_a_plain_engine_fit():
    p = _xor(12)
    ds = load_dataset(p)
    run = TrainingRun(p, ds)
    run.fit()
    out = run.outcome()
    prepared = prepare_data(p, ds)
    model = build_model(p, ds)
    ref = model.fit(prepared.x_train, prepared.y_train, batch_size=4, epochs=12, verbose=0,
                    callbacks=make_callbacks(p)).history
    assert out.trained.history["loss"] == [float(v) for v in ref["loss"]]
    assert out.stop_reason is None and out.epochs_done == 12
    state = out.state()
    assert state["epochs_trained"] == 12 and state["iterations"] == 12 and "stop_reason" not in state
    for a, b in zip(state["weights"], model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_runs_continue_from_the_stored_state():
    p = _xor(5)
    p.state = {"weights": [], "history": {}, "epochs_trained": 0, "iterations": 0,
               "runs": [{"name": "earlier", "history": {"loss": [1.0]}}]}
    ds = load_dataset(p)
    first = TrainingRun(p, ds)
    first.fit()
    p.apply(("set_state", first.outcome().state()))
    second = TrainingRun(p, ds, epochs=3)
    assert (second.initial_epoch, second.epochs, second.model.iterations) == (5, 8, 5)
    second.fit()
    st = second.outcome().state()
    assert st["epochs_trained"] == 8 and st["iterations"] == 8 and len(st["history"]["loss"]) == 8
    assert st["history"]["loss"][:5] == p.state["history"]["loss"]
    assert st["runs"] == [{"name": "earlier", "history": {"loss": [1.0]}}]


def test_early_stopping_best_epoch_and_stop_reason():
    p = _xor(200)
    p.training.update(validation_split=0.0, learning_rate=1e-6)
    p.training["early_stopping"] = {"enabled": True, "monitor": "loss", "patience": 1, "min_delta": 1.0,
                                    "restore_best_weights": True, "start_from_epoch": 0}
    run = TrainingRun(p, load_dataset(p))
    run.fit()
    out = run.outcome()
    assert out.stop_reason == "early_stopping" and out.epochs_done < 200
    assert out.state()["best_epoch"] == out.trained.best_epoch is not None
    assert out.state()["stop_reason"] == "early_stopping" and out.restored_best


def test_an_engine_error_keeps_the_finished_epochs():
    p = _xor(6)
    run = TrainingRun(p, load_dataset(p))

    from nnstudio.engine import Callback

    class Boom(Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == 2:
                raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run.fit([Boom()])
    out = run.outcome(error="RuntimeError: boom")
    assert out.stop_reason == "error" and len(out.trained.history["loss"]) == 3


def test_trained_state_round_trip():
    st = {"weights": [np.ones((2, 2))], "history": {"loss": [0.5, 0.25]}, "epochs_trained": 2,
          "iterations": 7, "runs": [], "best_epoch": 1, "stop_reason": "user"}
    t = TrainedState.from_state(st)
    assert (t.epochs_trained, t.iterations, t.best_epoch, t.stop_reason) == (2, 7, 1, "user")
    back = t.to_state(st["weights"])
    assert {k: v for k, v in back.items() if k != "weights"} == {k: v for k, v in st.items() if k != "weights"}
    assert TrainedState.from_state(None).to_state(None) == {"weights": [], "history": {}, "epochs_trained": 0,
                                                           "iterations": 0, "runs": []}


@pytest.mark.parametrize("seconds, text", [(0, "0:00"), (59.4, "0:59"), (61, "1:01"), (3725, "1:02:05")])
def test_one_time_format(seconds, text):
    assert fmt_time(seconds) == text
