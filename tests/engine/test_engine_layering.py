"""House rule 1 and the registry contract."""

import ast
import pathlib

import numpy as np
import pytest

import nnstudio.engine as engine
from nnstudio.engine import activations, registry

ENGINE_DIR = pathlib.Path(engine.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")


def test_engine_imports_only_numpy_stdlib_and_itself():
    files = sorted(ENGINE_DIR.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative import inside nnstudio.engine
                    continue
                mods = [node.module or ""]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                assert top not in FORBIDDEN, f"{path.name} imports {mod}"
                if top == "nnstudio":
                    assert mod.startswith("nnstudio.engine"), f"{path.name} imports {mod}"


def test_public_api_from_contracts():
    for name in ["Sequential", "Input", "Dense", "Dropout", "Activation", "SGD", "Adam", "RMSprop", "Adagrad",
                 "EarlyStopping", "Callback", "History", "set_seed", "set_floatx", "floatx", "Perceptron",
                 "activations", "initializers", "losses", "optimizers", "regularizers", "constraints",
                 "callbacks", "metrics", "registry"]:
        assert hasattr(engine, name), name


def test_registry_lists_every_kind_with_docs():
    assert registry.names("activation") == list(activations.ACTIVATIONS)
    assert {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax", "step"} \
        <= set(registry.names("activation"))
    for e in registry.entries("activation") + registry.entries("loss"):
        assert e.summary and e.formula and e.derivative, e.name
        assert "′" in e.obj.__doc__ or "∂" in e.obj.__doc__ or "Derivative" in e.obj.__doc__, e.name
    assert registry.get("initializer", "xavier_uniform").name == "glorot_uniform"
    assert registry.get("loss", "mse").name == "mean_squared_error"
    assert registry.get("optimizer", "sgd").params == {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False,
                                                        "clipnorm": None, "clipvalue": None, "global_clipnorm": None}
    assert registry.get("optimizer", "adam").params["amsgrad"] is False
    assert registry.get("optimizer", "rmsprop").params["centered"] is False
    assert registry.get("loss", "binary_crossentropy").params == {"from_logits": False, "label_smoothing": 0.0}
    assert registry.get("regularizer", "l1_l2").params == {"l1": 0.0, "l2": 0.0}
    assert registry.get("constraint", "max_norm").params == {"max_value": 2, "axis": 0}
    assert registry.names("layer") == ["Input", "Dense", "Dropout", "Activation"]
    assert registry.get("layer", "Dense").params["kernel_initializer"] == "glorot_uniform"
    assert registry.get("metric", "acc").name == "accuracy"
    for kind in registry.KINDS:
        assert registry.entries(kind), kind
    with pytest.raises(ValueError, match="valid names"):
        registry.get("loss", "nope")


def test_adding_an_activation_is_one_entry():
    """A new @register class shows up in the registry and works in a Dense layer."""
    import nnstudio.engine.registry as reg

    @activations.register
    class cube(activations.ActivationFunction):
        """f(z) = z³.  Derivative: 3z²."""
        summary, formula, derivative_text, needs_z = "Cube.", "f(z) = z³", "f′(z) = 3z²", True

        def forward(self, z, out):
            return np.power(z, 3, out=out)

        def backward(self, z, a, g, tmp):
            np.multiply(z, z, out=tmp)
            tmp *= 3
            return np.multiply(g, tmp, out=g)

    try:
        reg._table.cache_clear()
        assert "cube" in registry.names("activation")
        model = engine.Sequential([engine.Dense(2, activation="cube", input_dim=2)], seed=0)
        assert np.allclose(model.predict(np.ones((1, 2))), (np.ones((1, 2)) @ model.get_weights()[0]) ** 3, atol=1e-5)
    finally:
        del activations.ACTIVATIONS["cube"]
        reg._table.cache_clear()
