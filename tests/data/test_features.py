"""Input features: values and shapes of every derived feature on fixed inputs."""

import math

import numpy as np
import pytest

from nnstudio.data import features as F

X = np.array([[3.0, 4.0], [-1.0, 0.0], [0.0, -2.0], [0.5, 0.25]])


def test_each_feature_value_and_shape():
    keys = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "cos(x2)", "r", "theta"]
    out = F.derive(X, keys)
    assert out.shape == (4, len(keys)) and out.dtype == np.float64
    expect = {
        "x1": [3, -1, 0, 0.5], "x2": [4, 0, -2, 0.25], "x1^2": [9, 1, 0, 0.25],
        "x2^2": [16, 0, 4, 0.0625], "x1*x2": [12, 0, 0, 0.125],
        "sin(x1)": [math.sin(3), math.sin(-1), 0, math.sin(0.5)],
        "cos(x2)": [math.cos(4), 1, math.cos(-2), math.cos(0.25)],
        "r": [5, 1, 2, math.hypot(0.5, 0.25)],
        "theta": [math.atan2(4, 3), math.pi, -math.pi / 2, math.atan2(0.25, 0.5)],
    }
    for j, key in enumerate(keys):
        np.testing.assert_allclose(out[:, j], expect[key], rtol=0, atol=1e-15, err_msg=key)


def test_none_is_the_raw_columns_and_one_row_works():
    np.testing.assert_array_equal(F.derive(X, None), X)
    assert F.derive(X[0], ["r"]).shape == (1, 1)
    assert F.width(None, 2) == 2 and F.width(["r", "theta", "x1"], 2) == 3
    assert F.is_identity(["x1", "x2"], 2) and not F.is_identity(["x2", "x1"], 2)


def test_available_lists_derived_features_and_r_theta_only_for_two_columns():
    two = F.available(2)
    assert two[:2] == ["x1", "x2"] and {"x1^2", "x1*x2", "sin(x2)", "cos(x1)", "r", "theta"} <= set(two)
    assert "r" not in F.available(3) and "x2*x3" in F.available(3)
    assert F.available(64) == F.raw_keys(64)  # too many columns: raw only


def test_keys_that_do_not_fit_are_named():
    assert F.problems(["x1", "r", "x3", "tan(x1)"], 2) == ["x3", "tan(x1)"]
    assert F.problems(["r"], 3) == ["r"]
    with pytest.raises(F.FeatureError, match="x3"):
        F.derive(X, ["x3"])


def test_labels_use_column_names_and_subscripts():
    assert F.labels(["x1", "x1^2", "x1*x2", "sin(x2)", "theta"], ["x1", "x2"]) == \
        ["x₁", "x₁²", "x₁·x₂", "sin x₂", "θ"]
    assert F.labels(["x1^2"], ["height", "width"]) == ["height²"]
    assert "atan2" in F.formula("theta")


def test_script_source_computes_the_same_values():
    ns = {"np": np, "FEATURES": F.available(2)}
    exec(compile(F.SCRIPT_SOURCE, "<script>", "exec"), ns)  # our own constant source, not file input
    np.testing.assert_array_equal(ns["derive_features"](X), F.derive(X, F.available(2)))
