"""nnstudio's numpy training engine, speaking Keras.

The lesson's Keras code runs with only the import changed::

    from nnstudio.engine import Sequential, Dense
    model = Sequential([Dense(64, activation='sigmoid', input_dim=32),
                        Dense(256, activation='sigmoid'),
                        Dense(5, activation='softmax')])
    model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=['acc'])
    results = model.fit(X, y, batch_size=32, epochs=100)

numpy only: this package imports nothing from Qt or other nnstudio packages.
See docs/CONTRACTS.md for the introspection API (trace, compute_gradients,
preview_update, capture_step/last_step, stop_reason, ...).
"""

from . import (activations, callbacks, constraints, initializers, losses, metrics, optimizers,
               regularizers)
from .backend import floatx, set_floatx, set_seed
from .callbacks import Callback, EarlyStopping, History, LambdaCallback
from .errors import (ConfigError, EngineError, EngineTypeError, LabelError, NonFiniteError,
                     NotCompiledError, ShapeError, UnknownNameError)
from .introspection import LayerTrace, StepDetails
from .layers import Activation, Dense, Dropout, Input
from .model import Sequential
from .optimizers import SGD, Adagrad, Adam, RMSprop
from .perceptron import AND, NAND, OR, XOR, Perceptron
from . import registry  # noqa: E402  (after the modules it reads)

__all__ = [
    "Sequential", "Input", "Dense", "Dropout", "Activation",
    "SGD", "Adam", "RMSprop", "Adagrad",
    "Callback", "History", "EarlyStopping", "LambdaCallback",
    "set_seed", "set_floatx", "floatx",
    "Perceptron", "AND", "NAND", "OR", "XOR",
    "LayerTrace", "StepDetails",
    "EngineError", "ShapeError", "LabelError", "NonFiniteError", "UnknownNameError",
    "ConfigError", "NotCompiledError", "EngineTypeError",
    "activations", "initializers", "losses", "optimizers", "regularizers", "constraints",
    "callbacks", "metrics", "registry",
]
