"""Every rule of nnstudio.project.validate: one case that triggers it, one that applies its fix.

Plain pytest, no Qt; datasets are small fakes with the attributes the validator reads.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from nnstudio.project import LayerSpec, Project, validate
from nnstudio.project.validate import ERROR, WARNING


def ds(task="binary", n_features=2, n_samples=100, n_classes=2, n_outputs=None):
    if n_outputs is None:
        n_outputs = {"binary": 1, "multiclass": n_classes, "regression": 1}[task]
    return SimpleNamespace(task=task, n_features=n_features, n_samples=n_samples,
                           n_classes=0 if task == "regression" else n_classes, n_outputs=n_outputs)


def net(*layers, **training):
    """A project from (type, params) pairs; training settings as keyword arguments."""
    p = Project()
    p.layers = [LayerSpec.make(t, **kw) for t, kw in layers]
    for k, v in training.items():
        if k == "one_hot":
            p.dataset["one_hot"] = v
        elif k.startswith("es_"):
            p.training["early_stopping"][k[3:]] = v
        else:
            p.training[k] = v
    return p


IN = ("Input", {})
HID = ("Dense", {"units": 4, "activation": "relu"})
SIG1 = ("Dense", {"units": 1, "activation": "sigmoid"})


def soft(k):
    return ("Dense", {"units": k, "activation": "softmax"})


SCE = {"loss": "sparse_categorical_crossentropy"}

# (id, project factory, dataset, code, severity)
CASES = [
    ("no_input", lambda: net(HID, SIG1), ds(), "no_input", ERROR),
    ("input_not_first", lambda: net(HID, IN, SIG1), ds(), "input_not_first", ERROR),
    ("extra_input", lambda: net(IN, HID, IN, SIG1), ds(), "extra_input", ERROR),
    ("no_output", lambda: net(IN), ds(), "no_output", ERROR),
    ("dropout_last", lambda: net(IN, SIG1, ("Dropout", {})), ds(), "dropout_last", ERROR),
    ("bad_units", lambda: net(IN, ("Dense", {"units": 0}), SIG1), ds(), "bad_units", ERROR),
    ("bad_rate", lambda: net(IN, HID, ("Dropout", {"rate": 1.5}), SIG1), ds(), "bad_rate", ERROR),
    ("input_size", lambda: net(("Input", {"size": 5}), HID, SIG1), ds(), "input_size", ERROR),
    ("input_features", lambda: net(("Input", {"features": ["x1", "x3", "r"]}), HID, SIG1), ds(),
     "input_features", ERROR),
    ("input_features_none", lambda: net(("Input", {"features": []}), HID, SIG1), ds(), "input_features", ERROR),
    ("input_size_features", lambda: net(("Input", {"size": 2, "features": ["x1", "x2", "r"]}), HID, SIG1), ds(),
     "input_size", ERROR),
    ("regression_output", lambda: net(IN, HID, SIG1), ds("regression"), "regression_output", ERROR),
    ("regression_units", lambda: net(IN, HID, ("Dense", {"units": 3, "activation": "linear"}),
                                     loss="mean_squared_error"), ds("regression"), "regression_output", ERROR),
    ("sigmoid_multiclass", lambda: net(IN, HID, SIG1), ds("multiclass", n_classes=3), "sigmoid_multiclass", ERROR),
    ("output_units_multiclass", lambda: net(IN, HID, soft(2), **SCE), ds("multiclass", n_classes=3),
     "output_units", ERROR),
    ("bce_multiclass", lambda: net(IN, HID, soft(3)), ds("multiclass", n_classes=3), "bce_multiclass", ERROR),
    ("softmax_bce", lambda: net(IN, HID, soft(1)), ds(), "softmax_bce", ERROR),
    ("output_units_bce", lambda: net(IN, HID, ("Dense", {"units": 2, "activation": "sigmoid"})), ds(),
     "output_units", ERROR),
    ("output_units_cce", lambda: net(IN, HID, soft(3), **SCE), ds(), "output_units", ERROR),
    ("bce_not_sigmoid", lambda: net(IN, HID, ("Dense", {"units": 1, "activation": "tanh"})), ds(),
     "bce_not_sigmoid", WARNING),
    ("ce_not_softmax", lambda: net(IN, HID, ("Dense", {"units": 3, "activation": "relu"}), **SCE),
     ds("multiclass", n_classes=3), "ce_not_softmax", WARNING),
    ("label_format_cce", lambda: net(IN, HID, soft(3), loss="categorical_crossentropy"),
     ds("multiclass", n_classes=3), "label_format", ERROR),
    ("label_format_sce", lambda: net(IN, HID, soft(3), one_hot=True, **SCE), ds("multiclass", n_classes=3),
     "label_format", ERROR),
    ("label_format_bce", lambda: net(IN, HID, SIG1, one_hot=True), ds(), "label_format", ERROR),
    ("mse_classification", lambda: net(IN, HID, SIG1, loss="mean_squared_error"), ds(), "mse_classification",
     WARNING),
    ("constant_init", lambda: net(IN, ("Dense", {"units": 4, "kernel_initializer": "zeros"}), SIG1), ds(),
     "constant_init", WARNING),
    ("step_backprop", lambda: net(IN, ("Dense", {"units": 4, "activation": "step"}), SIG1), ds(),
     "step_backprop", WARNING),
    ("val_split_range", lambda: net(IN, HID, SIG1, validation_split=1.0), ds(), "val_split", ERROR),
    ("val_split_no_train", lambda: net(IN, HID, SIG1, validation_split=0.9), ds(n_samples=1), "val_split", ERROR),
    ("batch_size_large", lambda: net(IN, HID, SIG1, batch_size=500), ds(), "batch_size", WARNING),
    ("batch_size_zero", lambda: net(IN, HID, SIG1, batch_size=0), ds(), "batch_size", ERROR),
    ("epochs", lambda: net(IN, HID, SIG1, epochs=0), ds(), "epochs", ERROR),
    ("learning_rate", lambda: net(IN, HID, SIG1, learning_rate=0.0), ds(), "learning_rate", ERROR),
    ("early_stopping_no_val", lambda: net(IN, HID, SIG1, validation_split=0.0, es_enabled=True), ds(),
     "early_stopping_no_val", WARNING),
    ("too_many_params", lambda: net(IN, *[("Dense", {"units": 4096})] * 3, SIG1), ds(n_features=1000),
     "too_many_params", ERROR),
]

#: rules without a fix in the document (the data has to change): (id, project, dataset, code)
NO_FIX = [
    ("too_many_samples", lambda: net(IN, HID, SIG1), ds(n_samples=2_000_000), "too_many_samples"),
]


@pytest.mark.parametrize("make, dataset, code", [c[1:] for c in NO_FIX], ids=[c[0] for c in NO_FIX])
def test_rule_without_fix_triggers(make, dataset, code):
    found = [p for p in validate(make(), dataset) if p.code == code]
    assert len(found) == 1 and found[0].is_error and len(found[0].message) > 20


def _matching(problems, code, severity):
    return [p for p in problems if p.code == code and p.severity == severity]


@pytest.mark.parametrize("make, dataset, code, severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_triggers(make, dataset, code, severity):
    found = _matching(validate(make(), dataset), code, severity)
    assert len(found) == 1
    assert len(found[0].message) > 20


@pytest.mark.parametrize("make, dataset, code, severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_fix_repairs_it(make, dataset, code, severity):
    project = make()
    problem = _matching(validate(project, dataset), code, severity)[0]
    assert problem.fix is not None and problem.fix.label and problem.fix.edits
    inverse = project.apply_all(problem.fix.edits)
    after = validate(project, dataset)
    assert not [p for p in after if p.code == code and p.message == problem.message]
    assert not [p for p in after if p.code == code and p.layer == problem.layer and p.severity == severity]
    project.apply_all(inverse)  # the fix is undoable like any edit
    assert _matching(validate(project, dataset), code, severity)


def test_sound_networks_have_no_problems():
    assert validate(net(IN, HID, SIG1), ds()) == []
    assert validate(net(IN, HID, soft(3), **SCE), ds("multiclass", n_classes=3)) == []
    assert validate(net(IN, HID, ("Dense", {"units": 1, "activation": "linear"}), loss="mean_squared_error"),
                    ds("regression")) == []


def test_every_rule_in_validate_is_covered():
    """The codes above are all the validator's codes (a new rule needs a case here)."""
    import importlib
    import inspect
    import re

    source = inspect.getsource(importlib.import_module("nnstudio.project.validate"))
    codes = set(re.findall(r"Problem\(\s*(?:ERROR|WARNING),\s*\"(\w+)\"", source))
    assert codes
    from nnstudio.project.layer_kinds import LAYER_KINDS  # the per-layer checks live in the layer table

    codes |= {p.problem[0] for k in LAYER_KINDS.values() for p in k.params if p.problem}
    codes |= {k.not_last[0] for k in LAYER_KINDS.values() if k.not_last}
    assert codes == {c[3] for c in CASES} | {c[3] for c in NO_FIX}
