"""Every named error is raised with a message naming what was received."""

import numpy as np
import pytest

from nnstudio.engine import (Dense, Dropout, LabelError, NonFiniteError, NotCompiledError, Sequential,
                             ShapeError, UnknownNameError, activations, initializers, losses, optimizers,
                             registry, set_floatx)
from nnstudio.engine.errors import ConfigError, EngineTypeError


def lesson():
    m = Sequential([Dense(64, activation="sigmoid", input_dim=32), Dense(5, activation="softmax")], seed=0)
    return m


def test_shape_mismatch_names_received_shape():
    m = lesson()
    m.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ShapeError, match=r"Dense expects 32 input features, received x with shape \(10, 31\)"):
        m.fit(np.zeros((10, 31)), np.zeros(10), verbose=0)
    with pytest.raises(ValueError, match=r"x has 10 rows but y has 9"):
        m.fit(np.zeros((10, 32)), np.zeros(9), verbose=0)


def test_labels_out_of_range():
    m = lesson()
    m.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(LabelError, match=r"labels must be in 0\.\.4 for 5 output units, received label 7"):
        m.fit(np.zeros((3, 32)), [0, 7, 1], verbose=0)
    with pytest.raises(LabelError, match="received label -1"):
        m.fit(np.zeros((3, 32)), [0, -1, 1], verbose=0)
    with pytest.raises(LabelError, match="received label 1.5"):
        m.fit(np.zeros((3, 32)), [0, 1.5, 1], verbose=0)
    b = Sequential([Dense(1, activation="sigmoid", input_dim=2)])
    b.compile("sgd", "binary_crossentropy")
    with pytest.raises(ShapeError, match=r"1 units but y has shape \(3, 2\)"):
        b.fit(np.zeros((3, 2)), np.zeros((3, 2)), verbose=0)


def test_nan_and_inf_in_data():
    m = lesson()
    m.compile("sgd", "sparse_categorical_crossentropy")
    x = np.zeros((4, 32))
    x[2, 5] = np.nan
    with pytest.raises(NonFiniteError, match="received nan at row 2, column 5"):
        m.fit(x, np.zeros(4), verbose=0)
    with pytest.raises(NonFiniteError, match="inf"):
        m.predict(np.full((1, 32), np.inf))
    r = Sequential([Dense(1, input_dim=1)])
    r.compile("sgd", "mse")
    with pytest.raises(NonFiniteError, match="NaN"):
        r.fit(np.zeros((2, 1)), [1.0, np.nan], verbose=0)


def test_unknown_names_list_valid_names():
    with pytest.raises(UnknownNameError, match=r"unknown activation 'sigmod'; valid names are: .*sigmoid"):
        Dense(3, activation="sigmod")
    with pytest.raises(UnknownNameError, match="unknown loss 'crossentropy'.*mean_squared_error"):
        losses.get("crossentropy")
    with pytest.raises(UnknownNameError, match="unknown optimizer 'adamw'.*sgd"):
        optimizers.get("adamw")
    with pytest.raises(UnknownNameError, match="unknown initializer 'glorot'.*glorot_uniform"):
        initializers.get("glorot")
    with pytest.raises(UnknownNameError, match="unknown regularizer 'l3'"):
        Dense(2, kernel_regularizer="l3")
    with pytest.raises(UnknownNameError, match="unknown constraint 'max'"):
        Dense(2, kernel_constraint="max")
    with pytest.raises(UnknownNameError, match="unknown metric 'precision'"):
        m = lesson()
        m.compile("sgd", "mse", metrics=["precision"])
        m.fit(np.zeros((2, 32)), np.zeros((2, 5)), verbose=0)
    with pytest.raises(ValueError, match="unknown activation 'nope'"):
        registry.get("activation", "nope")
    with pytest.raises(EngineTypeError, match="received 5 of type int"):
        activations.get(5)


def test_fit_before_compile_and_bad_config():
    m = lesson()
    with pytest.raises(NotCompiledError, match=r"call model\.compile\(\.\.\.\) before fit\(\)"):
        m.fit(np.zeros((2, 32)), [0, 1])
    with pytest.raises(NotCompiledError, match="before evaluate"):
        m.evaluate(np.zeros((2, 32)), [0, 1])
    with pytest.raises(ConfigError, match="received 1.5"):
        Dropout(1.5)
    with pytest.raises(ConfigError, match="received -3"):
        Dense(-3)
    with pytest.raises(ConfigError, match="received 'float16'"):
        set_floatx("float16")
    with pytest.raises(ConfigError, match="received -0.1"):
        optimizers.SGD(-0.1)
    with pytest.raises(ShapeError, match=r"weight 0 must have shape \(32, 64\), received shape \(2, 2\)"):
        m.set_weights([np.zeros((2, 2))] + m.get_weights()[1:])
    m.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ConfigError, match="batch_size must be a positive integer, received 0"):
        m.fit(np.zeros((2, 32)), [0, 1], batch_size=0)
