"""The lessons' claims, trained headlessly with fixed seeds (engine + project, no Qt)."""

import numpy as np
import pytest

from nnstudio.lessons import checks, registry, runner

engine = pytest.importorskip("nnstudio.engine")


def _step(lesson_id, step_id):
    return registry.get(lesson_id).step(step_id)


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
def test_perceptron_converges_on_separable_gates(gate):
    result = runner.run_perceptron(gate, learning_rate=0.1, max_epochs=50)
    ok, msg = checks.evaluate(_step("perceptron", "perceptron-rule").check, result)
    assert ok, msg


def test_perceptron_never_settles_on_xor():
    step = _step("perceptron", "xor-fails")
    result = runner.run_perceptron("XOR", learning_rate=step.widget_params["learning_rate"],
                                   max_epochs=step.widget_params["max_epochs"])
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert min(result.history["errors"]) > 0


def test_composed_xor_is_exact():
    x1, x2 = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    composed = engine.AND(engine.NAND(x1, x2), engine.OR(x1, x2))
    assert composed.tolist() == [0, 1, 1, 0]


def test_221_sigmoid_network_learns_xor():
    step = _step("perceptron", "xor-network")
    result = runner.run_setup(step.setup)
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    pred = (result.model.predict(x)[:, 0] > 0.5).astype(int)
    assert pred.tolist() == [0, 1, 1, 0]


def test_backprop_lesson_loss_halves():
    step = _step("backprop", "train")
    ok, msg = checks.evaluate(step.check, runner.run_setup(step.setup))
    assert ok, msg


def test_overfitting_val_loss_rises_while_train_loss_falls():
    step = _step("overfitting", "overfit")
    result = runner.run_setup(step.setup)
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert "validation loss rose after epoch" in msg


def test_early_stopping_restores_best_epoch():
    step = _step("overfitting", "early-stopping")
    result = runner.run_setup(step.setup)
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert len(result.history["val_loss"]) < step.setup["training"]["epochs"]


def test_zero_init_keeps_hidden_units_identical():
    step = _step("initialization", "zeros")
    result = runner.run_setup(step.setup)
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert result.history["loss"][0] > 0


def test_small_random_init_breaks_symmetry():
    step = _step("initialization", "small-random")
    ok, msg = checks.evaluate(step.check, runner.run_setup(step.setup, epochs=2))
    assert ok, msg


def test_linear_model_cannot_follow_spiral():
    step = _step("ml-vs-dl", "linear-fails")
    ok, msg = checks.evaluate(step.check, runner.run_setup(step.setup))
    assert ok, msg


def test_one_hot_cce_equals_sparse_cce():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(5), size=20)
    labels = rng.integers(0, 5, size=20)
    cce = engine.registry.get("loss", "categorical_crossentropy").obj()
    sparse = engine.registry.get("loss", "sparse_categorical_crossentropy").obj()
    assert float(cce(np.eye(5)[labels], probs)) == pytest.approx(float(sparse(labels, probs)), rel=1e-12)
    assert float(sparse(labels, probs)) == pytest.approx(-np.mean(np.log(probs[np.arange(20), labels])), rel=1e-6)


def test_batch_lesson_counts_match_formula():
    step = _step("batches", "batch-size")
    n = step.setup["dataset"]["params"]["n_samples"]
    counts = [checks.iterations_per_epoch(n, v.setup["training"]["batch_size"]) for v in step.compare]
    assert counts == [200, 7, 1]


def test_hand_made_features_let_one_neuron_follow_the_spiral():
    step = _step("ml-vs-dl", "hand-features")
    assert step.setup["layers"][0]["features"] == ["x1", "x2", "r", "theta"]
    assert len(step.setup["layers"]) == 2  # no hidden layer
    result = runner.run_setup(step.setup)
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert result.history["accuracy"][-1] >= 0.95


def test_hand_features_check_fails_with_the_features_unticked():
    step = _step("ml-vs-dl", "hand-features")
    raw = {**step.setup, "layers": [{"type": "Input"}] + step.setup["layers"][1:]}
    ok, msg = checks.evaluate(step.check, runner.run_setup(raw))
    assert not ok, msg
    linear = runner.run_setup(_step("ml-vs-dl", "linear-fails").setup)
    assert 0.7 < linear.history["accuracy"][-1] < 0.8  # what the text says: about 78 %, not guessing


def test_lesson7_compare_overlays_hand_made_features_and_hidden_layers():
    from nnstudio.lessons.setups import merge_setup

    step = _step("ml-vs-dl", "deep-learns")
    names = [v.name for v in step.compare]
    assert names == ["hand-made", "learned"]
    runs = {v.name: runner.run_setup(merge_setup(step.setup, v.setup)) for v in step.compare}
    assert runs["hand-made"].model.layers[0].kernel.shape == (4, 1)
    assert all(r.history["accuracy"][-1] >= 0.9 for r in runs.values())
