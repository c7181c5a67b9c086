"""Built-in dataset registry: every generator's shape, dtype, labels, task, determinism."""

import numpy as np
import pytest

from nnstudio import data
from nnstudio.data import generators

NAMES = data.names()
RANDOM = [g.name for g in data.builtins() if any(p.name == "seed" for p in g.params)]


def test_registry_lists_every_dataset_once():
    expected = {"and", "nand", "or", "xor", "circle", "xor_quadrants", "gaussians", "spiral",
                "moons", "blobs", "sine", "plane", "bump", "keras_example", "iris", "digits",
                "overfit_small", "spiral_multi", "above_sine", "above_cubic", "above_abs"}
    assert set(NAMES) == expected
    assert len(NAMES) == len(expected)
    for g in data.builtins():
        assert g.title and g.description.endswith(".")
        assert g.task in data.TASKS
        assert data.get_generator(g.name) is g
        for p in g.params:
            assert p.kind in ("int", "float", "bool") and p.label and p.help
            assert p.minimum <= p.default <= p.maximum


@pytest.mark.parametrize("name", NAMES)
def test_generator_shape_dtype_labels_and_declared_task(name):
    ds = data.make(name)
    gen = data.get_generator(name)
    assert ds.task == gen.task
    assert ds.x.dtype == np.float64 and ds.x.ndim == 2
    assert ds.x.shape == (ds.n_samples, len(ds.feature_names))
    assert np.all(np.isfinite(ds.x))
    n_param = gen.defaults().get("n_samples")
    if n_param is not None:
        assert ds.n_samples == n_param
    if ds.task == "regression":
        assert ds.y.dtype == np.float64 and ds.y.shape == (ds.n_samples, 1)
        assert ds.n_classes == 0 and ds.n_outputs == 1 and ds.class_names is None
        assert np.all(np.isfinite(ds.y))
    else:
        assert ds.y.dtype == np.int64 and ds.y.shape == (ds.n_samples,)
        assert set(np.unique(ds.y)) == set(range(ds.n_classes))
        assert len(ds.class_names) == ds.n_classes
        assert ds.n_outputs == (1 if ds.task == "binary" else ds.n_classes)


@pytest.mark.parametrize("name", RANDOM)
def test_generators_are_deterministic_per_seed(name):
    a, b = data.make(name, seed=7), data.make(name, seed=7)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    gen = data.get_generator(name)
    if gen.defaults().get("noise", 0) > 0:  # gates without noise do not depend on the seed
        c = data.make(name, seed=8)
        assert not np.array_equal(a.x, c.x)


@pytest.mark.parametrize("gate,outputs", [
    ("and", [0, 0, 0, 1]), ("nand", [1, 1, 1, 0]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0]),
])
def test_truth_tables_are_exact(gate, outputs):
    ds = data.make(gate)
    np.testing.assert_array_equal(ds.x, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(ds.y, outputs)
    assert ds.feature_names == ["x1", "x2"] and ds.task == "binary"


def test_gate_repeat_and_noise_for_mini_batches():
    ds = data.make("xor", repeat=25, noise=0.05, seed=3)
    assert ds.x.shape == (100, 2)
    np.testing.assert_array_equal(ds.y, np.tile([0, 1, 1, 0], 25))
    err = ds.x - np.tile([[0, 0], [0, 1], [1, 0], [1, 1]], (25, 1))
    assert 0 < np.abs(err).max() < 0.4
    assert 0.03 < err.std() < 0.07
    exact = data.make("and", repeat=3)
    np.testing.assert_array_equal(exact.x, np.tile(generators._GATE_X, (3, 1)))


def test_spiral_arms_and_blob_classes_change_task():
    two = data.make("spiral")
    assert two.task == "binary" and two.n_classes == 2
    three = data.make("spiral", arms=3, n_samples=90)
    assert three.task == "multiclass" and three.n_classes == 3 and three.n_outputs == 3
    assert np.bincount(three.y).tolist() == [30, 30, 30]
    blobs = data.make("blobs", classes=5, n_samples=100)
    assert blobs.n_classes == 5 and np.bincount(blobs.y).tolist() == [20] * 5
    assert data.make("blobs", classes=2).task == "binary"


def test_regression_sets_follow_their_formula():
    s = data.make("sine", noise=0.0)
    np.testing.assert_allclose(s.y[:, 0], np.sin(s.x[:, 0]))
    p = data.make("plane", noise=0.0)
    np.testing.assert_allclose(p.y[:, 0], 1.5 * p.x[:, 0] - 2 * p.x[:, 1] + 0.5)
    b = data.make("bump", noise=0.0)
    assert b.y.max() <= 1.0 and b.y.min() >= 0.0
    small = data.make("overfit_small")
    assert small.n_samples == 30 and small.n_features == 1


def test_keras_example_matches_the_lesson_and_is_learnable():
    ds = data.make("keras_example")
    assert ds.x.shape == (1000, 32) and ds.n_classes == 5 and ds.y.dtype == np.int64
    assert np.bincount(ds.y).tolist() == [200] * 5
    # nearest class mean separates the classes well -> a 32-64-256-5 net can learn it
    means = np.stack([ds.x[ds.y == k].mean(axis=0) for k in range(5)])
    pred = np.argmin(((ds.x[:, None, :] - means[None]) ** 2).sum(-1), axis=1)
    assert (pred == ds.y).mean() > 0.95


def test_iris_is_the_real_fisher_data():
    ds = data.make("iris")
    assert ds.x.shape == (150, 4) and ds.task == "multiclass"
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    assert np.bincount(ds.y).tolist() == [50, 50, 50]
    np.testing.assert_allclose(ds.x.mean(axis=0), [5.843333, 3.057333, 3.758, 1.199333],
                               atol=1e-5)
    np.testing.assert_allclose(ds.x[ds.y == 0].mean(axis=0), [5.006, 3.428, 1.462, 0.246])
    np.testing.assert_allclose(ds.x[ds.y == 2].mean(axis=0), [6.588, 2.974, 5.552, 2.026])
    np.testing.assert_array_equal(ds.x[0], [5.1, 3.5, 1.4, 0.2])
    np.testing.assert_array_equal(ds.x[-1], [5.9, 3.0, 5.1, 1.8])
    assert ds.feature_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]


@pytest.mark.parametrize("call,fragment", [
    (lambda: data.make("nope"), "unknown dataset 'nope'; choose one of: and, nand"),
    (lambda: data.get_generator("nope"), "xor_quadrants"),
    (lambda: data.make("circle", n_sample=10), "has no parameter 'n_sample' (valid: n_samples"),
    (lambda: data.make("circle", n_samples=2), "n_samples = 2 is too small; use a value from 4"),
    (lambda: data.make("circle", noise=9.0), "noise = 9.0 is too large"),
    (lambda: data.make("circle", n_samples=10.5), "must be a whole number"),
    (lambda: data.make("circle", n_samples="10"), "must be a number"),
    (lambda: data.make("circle", noise=True), "must be a number"),
    (lambda: data.make("spiral", arms=1), "arms = 1 is too small"),
    (lambda: data.make("circle", noise=float("nan")), "got NaN"),
    (lambda: data.make("iris", seed=1), "has no parameter 'seed' (valid: none)"),
])
def test_make_validates_parameters_with_clear_messages(call, fragment):
    with pytest.raises(ValueError) as info:
        call()
    assert fragment in str(info.value)


def test_make_accepts_integral_floats_and_numpy_scalars():
    a = data.make("moons", n_samples=50.0, seed=np.int64(2))
    b = data.make("moons", n_samples=50, seed=2)
    np.testing.assert_array_equal(a.x, b.x)


def test_points_above_and_below_a_function():
    from nnstudio.data.generators import CURVES

    for curve, (_text, f) in CURVES.items():
        ds = data.make(f"above_{curve}", noise=0.0, n_samples=300, seed=2)
        assert ds.task == "binary" and ds.x.shape == (300, 2) and ds.class_names == ["below", "above"]
        np.testing.assert_array_equal(ds.y, (ds.x[:, 1] > f(ds.x[:, 0])).astype(np.int64))
        assert 0.2 < ds.y.mean() < 0.8
        assert np.all(np.abs(ds.x) <= 1.5)
    noisy = data.make("above_sine", noise=0.2, seed=2)
    assert not np.array_equal(noisy.x, data.make("above_sine", noise=0.0, seed=2).x)


def test_multiclass_spiral_has_three_or_more_classes():
    ds = data.make("spiral_multi")
    assert ds.task == "multiclass" and ds.n_classes == 3 and np.bincount(ds.y).tolist() == [100, 100, 100]
    assert data.make("spiral_multi", arms=5, n_samples=100).n_classes == 5


# Fingerprints of every built-in generator's output for one seed, recorded from the generators
# as they were before any speed work: a faster (vectorised) generator must give the same data.
_FINGERPRINTS = {
    "and": ({'repeat': 50, 'noise': 0.1, 'seed': 3}, "eefe52cc962924d3"),
    "nand": ({'repeat': 50, 'noise': 0.1, 'seed': 3}, "2d6495088b2521d8"),
    "or": ({'repeat': 50, 'noise': 0.1, 'seed': 3}, "7b760f649a69de4c"),
    "xor": ({'repeat': 50, 'noise': 0.1, 'seed': 3}, "06e992b1ce6bf127"),
    "circle": ({'n_samples': 5000, 'seed': 3}, "42e81ae3fa0db63e"),
    "xor_quadrants": ({'n_samples': 5000, 'seed': 3}, "2a271369a477a5d6"),
    "gaussians": ({'n_samples': 5000, 'seed': 3}, "a17a8ae93466d6ae"),
    "spiral": ({'n_samples': 5000, 'seed': 3}, "7aceebb8528c37fd"),
    "spiral_multi": ({'n_samples': 5000, 'seed': 3}, "fc4c1f217c892a7b"),
    "above_sine": ({'n_samples': 5000, 'seed': 3}, "376a9ed462d387af"),
    "above_cubic": ({'n_samples': 5000, 'seed': 3}, "016f4eb74dc37b08"),
    "above_abs": ({'n_samples': 5000, 'seed': 3}, "7be6d9f52b9ce682"),
    "moons": ({'n_samples': 5000, 'seed': 3}, "c03d18f211e8aae9"),
    "blobs": ({'n_samples': 5000, 'seed': 3}, "3bbfe692a6765ab2"),
    "sine": ({'n_samples': 5000, 'seed': 3}, "307f36ddae043b28"),
    "plane": ({'n_samples': 5000, 'seed': 3}, "cc34adc239048347"),
    "bump": ({'n_samples': 5000, 'seed': 3}, "9160fd09764a138c"),
    "keras_example": ({'n_samples': 5000, 'seed': 3}, "5880d83e683193d7"),
    "iris": ({}, "18565d0da72dafd5"),
    "digits": ({}, "f19a7d92591ca0a1"),
    "overfit_small": ({'n_samples': 200, 'seed': 3}, "3bae6cc1e1848774"),
}


def _fingerprint(ds) -> str:
    import hashlib

    x = np.round(ds.x, 9).tobytes()
    y = np.round(np.asarray(ds.y, np.float64), 9).tobytes()
    return hashlib.sha256(x + y).hexdigest()[:16]


def test_every_generator_gives_the_recorded_data_for_a_seed():
    assert set(_FINGERPRINTS) == set(data.registry.names())  # a new dataset: record its fingerprint here
    for name, (params, expected) in _FINGERPRINTS.items():
        assert _fingerprint(data.make(name, **params)) == expected, name
