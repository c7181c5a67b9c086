"""Exported scripts train like nnstudio, epoch by epoch (real PyTorch / Keras 3, torch backend).

* Full batch (the batch order cannot matter): for every optimizer nnstudio
  offers, and its options, the PyTorch and the Keras script's per-epoch loss
  equals nnstudio's to 1e-5 relative (the PyTorch script carries Keras'
  update rules where ``torch.optim`` differs).
* Mini-batches with the ``nnstudio_order`` export option (the default): the
  scripts draw each epoch's batch order from nnstudio's generator, so with
  dropout 0 the 20-epoch curves agree to 1e-4 relative; the PyTorch script
  also draws nnstudio's dropout masks, so it agrees with dropout on too.

All scripts of one framework run in one subprocess (``run_scripts.py``).
Skipped when torch or keras is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from export_helpers import build_project

from nnstudio.export import export_keras, export_torch
from nnstudio.project.build import load_dataset
from nnstudio.session.run import TrainingRun

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_KERAS = HAVE_TORCH and importlib.util.find_spec("keras") is not None
pytestmark = [pytest.mark.interop, pytest.mark.skipif(not HAVE_KERAS, reason="torch and keras 3 are not installed")]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EPOCHS = 20

#: case -> (training settings, extra layers)
FULL_BATCH = {
    "sgd": {"optimizer": "sgd", "learning_rate": 0.1},
    "sgd-nesterov-clipvalue": {"optimizer": "sgd", "learning_rate": 0.05, "momentum": 0.9, "nesterov": True,
                               "clipvalue": 0.02},
    "adam": {"optimizer": "adam", "learning_rate": 0.01},
    "adam-amsgrad-clipnorm": {"optimizer": "adam", "learning_rate": 0.01, "amsgrad": True, "clipnorm": 0.05},
    "rmsprop": {"optimizer": "rmsprop", "learning_rate": 0.01},
    "rmsprop-centered-momentum-global_clipnorm": {"optimizer": "rmsprop", "learning_rate": 0.01, "centered": True,
                                                  "momentum": 0.5, "global_clipnorm": 0.05},
    "adagrad-accumulator-label_smoothing-weight_decay": {
        "optimizer": "adagrad", "learning_rate": 0.1, "initial_accumulator_value": 0.3, "label_smoothing": 0.2,
        "weight_decay": 0.01},
}
SHUFFLED = {
    "shuffle-sgd": ({"optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9}, []),
    "shuffle-adam": ({"optimizer": "adam", "learning_rate": 0.01}, []),
    "shuffle-rmsprop": ({"optimizer": "rmsprop", "learning_rate": 0.01}, []),
    "shuffle-dropout": ({"optimizer": "adam", "learning_rate": 0.01}, [("Dropout", {"rate": 0.3})]),
}


def _project(training: dict, extra=None, batch_size: int = 1000):
    return build_project("binary", extra=extra, training=dict(training, epochs=EPOCHS, batch_size=batch_size))


def _nnstudio_history(p, ds) -> dict:
    """Train as ``nnstudio train`` and the studio do: one session TrainingRun."""
    return TrainingRun(p, ds, epochs=EPOCHS).fit().history


def _run_all(jobs: list[tuple[Path, Path]]) -> None:
    env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    argv = [str(a) for job in jobs for a in job]
    res = subprocess.run([sys.executable, str(HERE / "run_scripts.py"), *argv], env=env, capture_output=True,
                         text=True, check=False, timeout=600)
    assert res.returncode == 0, res.stderr[-4000:]


@pytest.fixture(scope="module")
def curves(tmp_path_factory):
    """{case: {'nnstudio': history, 'torch': history, 'keras': history}}, every script run once."""
    root = tmp_path_factory.mktemp("curves")
    cases = {name: (_project(t), None) for name, t in FULL_BATCH.items()}
    cases.update({name: (_project(t, extra, batch_size=8), None) for name, (t, extra) in SHUFFLED.items()})
    out, jobs = {}, {"torch": [], "keras": []}
    for name, (p, _) in cases.items():
        ds = load_dataset(p)
        out[name] = {"nnstudio": _nnstudio_history(p, ds)}
        for fw, export in (("torch", export_torch), ("keras", export_keras)):
            folder = root / f"{fw}-{name}"
            folder.mkdir()
            script = export(p, folder / "net.py", ds)[0]
            jobs[fw].append((script, folder / "history.json"))
    # the option off: the PyTorch script shuffles with torch.randperm
    p = cases["shuffle-sgd"][0]
    folder = root / "torch-own-shuffle"
    folder.mkdir()
    script = export_torch(p, folder / "net.py", load_dataset(p), nnstudio_order=False)[0]
    assert "torch.randperm" in script.read_text(encoding="utf-8")
    jobs["torch"].append((script, folder / "history.json"))
    for fw, fw_jobs in jobs.items():
        _run_all(fw_jobs)
        for (script, hist), name in zip(fw_jobs, [*cases, "own-shuffle"]):
            out.setdefault(name, {})[fw] = json.loads(hist.read_text(encoding="utf-8"))
    return out


def _max_rel(ours, theirs) -> float:
    a, b = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    assert a.shape == b.shape == (EPOCHS,)
    return float(np.max(np.abs(a - b) / np.abs(a)))


@pytest.mark.parametrize("framework", ["torch", "keras"])
@pytest.mark.parametrize("case", list(FULL_BATCH))
def test_full_batch_curves_match_nnstudio(curves, case, framework):
    c = curves[case]
    for key in ("loss", "val_loss", "accuracy"):
        assert _max_rel(c["nnstudio"][key], c[framework][key]) <= 1e-5, key
    assert c["nnstudio"]["loss"][-1] < c["nnstudio"]["loss"][0]  # it did learn something


@pytest.mark.parametrize("framework", ["torch", "keras"])
@pytest.mark.parametrize("case", [c for c in SHUFFLED if c != "shuffle-dropout"])
def test_shuffled_curves_follow_nnstudios_batch_order(curves, case, framework):
    c = curves[case]
    assert _max_rel(c["nnstudio"]["loss"], c[framework]["loss"]) <= 1e-4
    assert _max_rel(c["nnstudio"]["val_loss"], c[framework]["val_loss"]) <= 1e-4


def test_torch_script_draws_nnstudios_dropout_masks(curves):
    c = curves["shuffle-dropout"]
    assert _max_rel(c["nnstudio"]["loss"], c["torch"]["loss"]) <= 1e-4
    # Keras' Dropout draws its own masks: same batches, other masks (the script says so)
    assert _max_rel(c["nnstudio"]["loss"], c["keras"]["loss"]) > 1e-4
    assert _max_rel(c["nnstudio"]["loss"], c["keras"]["loss"]) < 0.2


def test_framework_shuffle_when_the_option_is_off(curves):
    ours = curves["shuffle-sgd"]["nnstudio"]["loss"]
    assert _max_rel(ours, curves["own-shuffle"]["torch"]["loss"]) > 1e-4  # another order: another curve
