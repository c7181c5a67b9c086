"""Every registry choice exports to Keras and PyTorch code that compiles and
says what the project says (checked on the AST, not on text).

The matrix varies one dimension at a time from a small base network:
activation, initializer, loss, optimizer, layer type, metric, regularizer /
constraint and a few training settings.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

import pytest
from export_helpers import build_project

from nnstudio.engine import registry
from nnstudio.export import keras_script, torch_script

LOSS_TASK = {"mean_squared_error": "regression", "mean_absolute_error": "regression",
             "binary_crossentropy": "binary", "categorical_crossentropy": "onehot",
             "sparse_categorical_crossentropy": "multiclass"}
METRIC_TASK = {"accuracy": "binary", "binary_accuracy": "binary", "categorical_accuracy": "onehot",
               "sparse_categorical_accuracy": "multiclass", "mse": "regression", "mae": "regression"}
TORCH_MODULES = {"linear": "Identity", "sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "ReLU",
                 "leaky_relu": "LeakyReLU", "elu": "ELU", "softplus": "Softplus", "softmax": "Softmax",
                 "step": "Step"}
KERAS_OPT = {"sgd": "SGD", "adam": "Adam", "rmsprop": "RMSprop", "adagrad": "Adagrad"}
#: the optimizer the PyTorch script builds, and its learning-rate keyword
TORCH_OPT = {"sgd": ("SGD", "lr"), "adam": ("KerasAdam", "learning_rate"),
             "rmsprop": ("KerasRMSprop", "learning_rate"), "adagrad": ("KerasAdagrad", "learning_rate")}


def _cases():
    cases = []
    for a in registry.names("activation"):
        cases.append((f"activation-{a}", {"hidden": {"activation": a}}))
    for i in registry.names("initializer"):
        cases.append((f"initializer-{i}", {"hidden": {"kernel_initializer": i, "bias_initializer": i}}))
    for loss in registry.names("loss"):
        cases.append((f"loss-{loss}", {"task": LOSS_TASK[loss], "training": {"loss": loss}}))
    for o in registry.names("optimizer"):
        cases.append((f"optimizer-{o}", {"training": {"optimizer": o, "learning_rate": 0.05, "momentum": 0.9,
                                                        "nesterov": o == "sgd"}}))
    cases += [
        ("adam-amsgrad", {"training": {"optimizer": "adam", "amsgrad": True}}),
        ("rmsprop-centered", {"training": {"optimizer": "rmsprop", "centered": True}}),
        ("adagrad-accumulator", {"training": {"optimizer": "adagrad", "initial_accumulator_value": 0.3}}),
        ("clipnorm", {"training": {"optimizer": "sgd", "clipnorm": 0.5}}),
        ("clipvalue", {"training": {"optimizer": "rmsprop", "clipvalue": 0.1}}),
        ("global-clipnorm", {"training": {"optimizer": "adam", "global_clipnorm": 1.0}}),
        ("label-smoothing", {"training": {"label_smoothing": 0.1}}),
    ]
    for t in registry.names("layer"):
        extra = {"Dropout": [("Dropout", {"rate": 0.25})], "Activation": [("Activation", {"activation": "relu"})]}
        cases.append((f"layer-{t}", {"extra": extra.get(t, [])}))
    for m in registry.names("metric"):
        cases.append((f"metric-{m}", {"task": METRIC_TASK[m], "training": {"metrics": [m]}}))
    for r in registry.names("regularizer"):
        values = {"l1": {"l1": 0.01}, "l2": {"l2": 0.02}, "l1_l2": {"l1": 0.01, "l2": 0.02}}[r]
        cases.append((f"regularizer-{r}", {"hidden": values}))
    cases += [
        ("constraint-max_norm", {"hidden": {"max_norm": 2.0}}),
        ("no-bias", {"hidden": {"use_bias": False}}),
        ("early-stopping", {"training": {"early_stopping": {"enabled": True, "monitor": "val_accuracy",
                                                             "patience": 3, "min_delta": 0.001,
                                                             "restore_best_weights": True,
                                                             "start_from_epoch": 1}}}),
        ("weight-decay", {"training": {"weight_decay": 0.004}}),
        ("float64", {"training": {"dtype": "float64"}}),
        ("standardize", {"task": "regression", "standardize": True, "training": {"loss": "mean_absolute_error"}}),
    ]
    return cases


CASES = _cases()


def make(case: dict):
    p = build_project(case.get("task", "binary"), hidden=case.get("hidden"), extra=case.get("extra"))
    training = dict(case.get("training") or {})
    es = training.pop("early_stopping", None)
    p.training.update(training)
    if es:
        p.training["early_stopping"].update(es)
    if case.get("standardize"):
        p.dataset["standardize"] = True
    return p


@pytest.fixture(scope="module")
def scripts():
    """{case id: (project, keras source, torch source)} generated once."""
    out = {}
    for cid, case in CASES:
        p = make(case)
        out[cid] = (p, keras_script(p, stem="net"), torch_script(p, stem="net"))
    return out


def _kw(call: ast.Call, name: str):
    return next((k.value for k in call.keywords if k.arg == name), None)


def _find_call(tree, name: str) -> ast.Call:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if (isinstance(f, ast.Name) and f.id == name) or (isinstance(f, ast.Attribute) and f.attr == name):
                return node
    raise AssertionError(f"no call to {name}")


def _assigned(tree, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    raise AssertionError(f"{name} is not assigned")


def _value(node):
    if isinstance(node, ast.Name):
        return node.id
    return ast.literal_eval(node)


def check_keras(p, src: str) -> None:
    tree = ast.parse(src)
    compile(src, "net.py", "exec")
    layers = _find_call(tree, "Sequential").args[0].elts
    assert [c.func.id for c in layers] == [s.type for s in p.layers]
    for call, spec in zip(layers, p.layers):
        prm = spec.params
        if spec.type == "Dense":
            assert _value(call.args[0]) == prm["units"]
            assert _value(_kw(call, "activation")) == prm["activation"]
            ki, bi = _kw(call, "kernel_initializer"), _kw(call, "bias_initializer")
            assert (_value(ki) if ki else "glorot_uniform") == prm["kernel_initializer"]
            if prm["use_bias"]:
                assert (_value(bi) if bi else "zeros") == prm["bias_initializer"]
            else:
                assert _value(_kw(call, "use_bias")) is False
            reg = _kw(call, "kernel_regularizer")
            if prm["l1"] or prm["l2"]:
                assert reg.func.id == "L1L2"
                assert (_value(_kw(reg, "l1")), _value(_kw(reg, "l2"))) == (prm["l1"], prm["l2"])
            else:
                assert reg is None
            con = _kw(call, "kernel_constraint")
            assert (con is None) == (prm["max_norm"] is None)
            if con is not None:
                assert con.func.id == "MaxNorm" and _value(con.args[0]) == prm["max_norm"]
        elif spec.type == "Dropout":
            assert _value(call.args[0]) == prm["rate"]
        elif spec.type == "Activation":
            assert _value(call.args[0]) == prm["activation"]
    comp = _find_call(tree, "compile")
    opt = _kw(comp, "optimizer")
    t = p.training
    assert opt.func.id == KERAS_OPT[t["optimizer"]]
    assert _value(_kw(opt, "learning_rate")) == t["learning_rate"]
    if t["optimizer"] in ("sgd", "rmsprop"):
        assert _value(_kw(opt, "momentum")) == t["momentum"]
    wd = _kw(opt, "weight_decay")
    assert (_value(wd) if wd else 0.0) == t["weight_decay"]
    loss = _kw(comp, "loss")
    if t.get("label_smoothing") and t["loss"] == "binary_crossentropy":
        assert loss.func.attr == "BinaryCrossentropy"
        assert _value(_kw(loss, "label_smoothing")) == t["label_smoothing"]
    else:
        assert _value(loss) == t["loss"]
    for key in ("amsgrad", "centered", "initial_accumulator_value", "clipnorm", "clipvalue", "global_clipnorm"):
        if key in registry.get("optimizer", t["optimizer"]).params and t.get(key) is not None:
            assert _value(_kw(opt, key)) == t[key], key
    assert _value(_kw(comp, "metrics")) == (t["metrics"] or ["accuracy" if LOSS_TASK[t["loss"]] != "regression"
                                                             else "mae"])
    assert _value(_assigned(tree, "BATCH_SIZE")) == t["batch_size"]
    fit = _find_call(tree, "fit")
    # nnstudio's batch order (the default): fit(batches, shuffle=False) with the callback drawing the orders
    assert fit.args[0].id == "batches" and _value(_kw(fit, "shuffle")) is False
    assert _find_call(tree, "NnstudioBatches").args[2].func.id == "nnstudio_generator"
    assert _value(_kw(fit, "validation_data")) == "validation"
    assert _kw(fit, "validation_split") is None  # the split is nnstudio's, passed explicitly
    es = t["early_stopping"]
    cbs = _kw(fit, "callbacks").elts
    assert cbs[0].func.id == "NnstudioOrder"
    cbs = [c.id for c in cbs[1:]]
    if es["enabled"]:
        call = _find_call(tree, "EarlyStopping")
        assert cbs == ["early_stopping"]
        assert _value(_kw(call, "monitor")) == es["monitor"] and _value(_kw(call, "patience")) == es["patience"]
        assert _value(_kw(call, "start_from_epoch")) == es["start_from_epoch"]
    else:
        assert cbs == []
    if t["dtype"] == "float64":
        assert "set_floatx('float64')" in src


def check_torch(p, src: str) -> None:
    tree = ast.parse(src)
    compile(src, "net.py", "exec")
    modules = _find_call(tree, "Sequential").args
    names = [m.func.attr if isinstance(m.func, ast.Attribute) else m.func.id for m in modules]
    expected, linears, width = [], [], 2 if p.dataset["name"] != "sine" else 1
    for spec in p.layers[1:]:
        prm = spec.params
        if spec.type == "Dense":
            expected.append("Linear")
            linears.append((width, prm["units"], prm["use_bias"]))
            width = prm["units"]
            if prm["activation"] != "linear":
                expected.append(TORCH_MODULES[prm["activation"]])
        elif spec.type == "Dropout":
            expected.append("NnstudioDropout" if prm["rate"] > 0 else "Dropout")
        else:
            expected.append(TORCH_MODULES[prm["activation"]])
    assert names == expected
    got = [(_value(m.args[0]), _value(m.args[1]), _kw(m, "bias") is None) for m in modules
           if isinstance(m.func, ast.Attribute) and m.func.attr == "Linear"]
    assert got == linears
    dense = _value(_assigned(tree, "DENSE"))
    specs = [s.params for s in p.layers if s.type == "Dense"]
    assert [d[1:] for d in dense] == [(s["kernel_initializer"], s["bias_initializer"], s["l1"], s["l2"],
                                       s["max_norm"]) for s in specs]
    assert [names[d[0]] for d in dense] == ["Linear"] * len(specs)
    cls, lr = TORCH_OPT[p.training["optimizer"]]
    opt = _find_call(_find_def(tree, "make_optimizer"), cls)
    assert _value(_kw(opt, lr)) == p.training["learning_rate"]
    for key in ("amsgrad", "centered", "initial_accumulator_value"):
        if _kw(opt, key) is not None:
            assert _value(_kw(opt, key)) == p.training[key]
    clip = [k for k in ("clipnorm", "clipvalue", "global_clipnorm") if p.training.get(k) is not None]
    if clip:
        assert _value(_assigned(tree, "CLIP")) == p.training[clip[0]]
        _find_call(_find_def(tree, "train"), "clip_gradients")
    _find_call(_find_def(tree, "train"), "nnstudio_generator")
    metrics = {_value(k): _value(v) for k, v in zip(_assigned(tree, "METRICS").keys, _assigned(tree, "METRICS").values)}
    for fn in metrics.values():
        _find_def(tree, fn)
    assert list(metrics) == (p.training["metrics"] or ["accuracy" if LOSS_TASK[p.training["loss"]] != "regression"
                                                       else "mae"])
    assert _value(_assigned(tree, "BATCH_SIZE")) == p.training["batch_size"]
    _find_def(tree, "loss_fn")
    if any(s["max_norm"] is not None for s in specs):
        _find_call(_find_def(tree, "train"), "apply_max_norm")
    if p.training["weight_decay"]:
        assert _value(_assigned(tree, "WEIGHT_DECAY")) == p.training["weight_decay"]


def _find_def(tree, name: str) -> ast.FunctionDef:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise AssertionError(f"no function {name}")


@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_keras_script_matches_project(scripts, cid):
    p, keras_src, _ = scripts[cid]
    check_keras(p, keras_src)


@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_torch_script_matches_project(scripts, cid):
    p, _, torch_src = scripts[cid]
    check_torch(p, torch_src)


def test_every_script_passes_py_compile_and_ruff(scripts, tmp_path):
    for cid, (_, keras_src, torch_src) in scripts.items():
        (tmp_path / f"keras_{cid.replace('-', '_')}.py").write_text(keras_src, encoding="utf-8")
        (tmp_path / f"torch_{cid.replace('-', '_')}.py").write_text(torch_src, encoding="utf-8")
    files = sorted(str(f) for f in tmp_path.glob("*.py"))
    res = subprocess.run([sys.executable, "-m", "py_compile", *files], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    res = subprocess.run([ruff, "check", "--isolated", "--no-cache", *files], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stdout + res.stderr
