"""Check kinds on hand-made histories: right verdicts, numbers in the messages."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnstudio.lessons import checks
from nnstudio.lessons.checks import TrainingResult, evaluate, iterations_per_epoch


@given(st.integers(0, 10_000), st.integers(1, 2_000))
def test_iterations_per_epoch_is_ceil(n, b):
    k = iterations_per_epoch(n, b)
    assert k == math.ceil(n / b)
    assert (k - 1) * b < n <= k * b or n == 0


def test_iterations_examples_and_errors():
    assert iterations_per_epoch(1000, 32) == 32
    assert iterations_per_epoch(200, 32) == 7
    assert iterations_per_epoch(10, 100) == 1
    with pytest.raises(ValueError):
        iterations_per_epoch(10, 0)


def _overfit_history(n=100, best=40):
    loss = list(np.linspace(1.0, 0.1, n))
    val = [1.0 - 0.6 * min(i, best) / best + 0.005 * max(0, i - best) for i in range(n)]
    return {"loss": loss, "val_loss": val}


def test_val_loss_rises_passes_with_epoch_in_message():
    ok, msg = evaluate({"kind": "val_loss_rises"}, _overfit_history())
    assert ok
    assert "after epoch 41" in msg and "training loss kept falling" in msg


def test_val_loss_rises_fails_when_val_keeps_falling():
    h = {"loss": list(np.linspace(1, 0.1, 50)), "val_loss": list(np.linspace(1, 0.2, 50))}
    ok, msg = evaluate({"kind": "val_loss_rises"}, h)
    assert not ok and "epoch 50" in msg


def test_missing_key_is_explained():
    ok, msg = evaluate({"kind": "val_loss_rises"}, {"loss": [1.0]})
    assert not ok and "val_loss" in msg


def test_loss_and_accuracy_checks():
    h = {"loss": [0.9, 0.5, 0.04], "acc": [0.5, 0.8, 0.95]}
    assert evaluate({"kind": "loss_below", "params": {"value": 0.05}}, h) == (True, "final loss is 0.0400 (below 0.05)")
    assert evaluate({"kind": "loss_decreased", "params": {"factor": 0.5}}, h)[0]
    ok, msg = evaluate({"kind": "accuracy_at_least", "params": {"value": 0.9}}, h)
    assert ok and "95.0%" in msg
    assert not evaluate({"kind": "accuracy_below", "params": {"value": 0.9}}, h)[0]


def test_early_stopped_restored():
    val = [1.0, 0.5, 0.4, 0.45, 0.5, 0.6]
    good = TrainingResult({"val_loss": val}, final={"val_loss": 0.4}, epochs_requested=100)
    ok, msg = evaluate({"kind": "early_stopped_restored"}, good)
    assert ok and "epoch 3" in msg and "restored" in msg
    last = TrainingResult({"val_loss": val}, final={"val_loss": 0.6}, epochs_requested=100)
    assert not evaluate({"kind": "early_stopped_restored"}, last)[0]
    ran_all = TrainingResult({"val_loss": val}, final={"val_loss": 0.4}, epochs_requested=6)
    assert not evaluate({"kind": "early_stopped_restored"}, ran_all)[0]


def test_hidden_units_identical_and_differ():
    same = [np.ones((2, 3)), np.zeros(3), np.full((3, 1), 0.2), np.zeros(1)]
    ok, msg = evaluate({"kind": "hidden_units_identical"}, TrainingResult({}, weights=same))
    assert ok and "3 units" in msg
    diff = [np.arange(6.0).reshape(2, 3), np.zeros(3), np.ones((3, 1)), np.zeros(1)]
    assert not evaluate({"kind": "hidden_units_identical"}, TrainingResult({}, weights=diff))[0]
    assert evaluate({"kind": "hidden_units_differ"}, TrainingResult({}, weights=diff))[0]
    assert not evaluate({"kind": "hidden_units_differ"}, TrainingResult({}, weights=same[2:]))[0]


def test_perceptron_checks():
    assert evaluate({"kind": "perceptron_converged"}, {"errors": [2, 1, 0]}) == (
        True, "the perceptron classified every sample correctly in epoch 3")
    ok, msg = evaluate({"kind": "perceptron_not_converged"}, {"errors": [2] * 30})
    assert ok and "never settles" in msg and "30 epochs" in msg
    assert not evaluate({"kind": "perceptron_not_converged"}, {"errors": [2, 0]})[0]


def test_unknown_kind_and_bad_params():
    with pytest.raises(ValueError, match="unknown check"):
        evaluate({"kind": "nope"}, {})
    with pytest.raises(ValueError, match="bad params"):
        evaluate({"kind": "loss_below", "params": {"limit": 1}}, {"loss": [1.0]})
    assert set(checks.CHECKS) == set(__import__("nnstudio.lessons.registry", fromlist=["x"]).CHECK_KINDS)
