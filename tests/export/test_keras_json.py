"""Keras model JSON: export -> import round trips, hand-written Keras 3 and
Keras 2 files import, and anything unsupported is listed by name."""

from __future__ import annotations

import json

import pytest
from export_helpers import build_project
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.engine import registry
from nnstudio.export import KerasImportError, export_keras_json, import_keras_json

#: training settings a Keras JSON carries (compile_config)
CARRIED = ("loss", "optimizer", "learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "rho", "epsilon",
           "weight_decay", "dtype")


def _layers(project):
    return [(s.type, s.name, s.params) for s in project.layers]


def _expected_layers(project, n_features):
    out = _layers(project)
    t, name, params = out[0]
    return [(t, name, {**params, "size": params["size"] or n_features})] + out[1:]


ROUND_TRIPS = [
    ("binary", {"hidden": {"l1": 0.001, "l2": 0.02, "max_norm": 3.0, "kernel_initializer": "he_uniform",
                            "bias_initializer": "random_normal"}}, {"optimizer": "sgd", "momentum": 0.9,
                                                                   "nesterov": True, "learning_rate": 0.05}),
    ("multiclass", {"hidden": {"activation": "step", "use_bias": False},
                        "extra": [("Dropout", {"rate": 0.25}), ("Activation", {"activation": "leaky_relu"})]},
     {"optimizer": "rmsprop", "rho": 0.8, "metrics": ["acc"], "weight_decay": 0.01}),
    ("regression", {"hidden": {"activation": "elu", "kernel_initializer": "lecun_normal"}},
     {"optimizer": "adagrad", "dtype": "float64", "learning_rate": 0.1}),
    ("onehot", {"hidden": {"activation": "softplus"}}, {"optimizer": "adam", "beta_1": 0.8}),
]


@pytest.mark.parametrize("task,layers,training", ROUND_TRIPS, ids=[r[0] for r in ROUND_TRIPS])
def test_export_import_round_trip(task, layers, training):
    p = build_project(task, **layers)
    p.training.update(training)
    p.layers[1].name = "hidden/one"   # Keras forbids '/': exported as 'hidden_one'
    p.layers[-1].name = "out"
    text = export_keras_json(p)
    q = import_keras_json(text)
    p.layers[1].name = "hidden_one"
    n = 1 if task == "regression" else 2
    assert _layers(q) == _expected_layers(p, n)
    for key in CARRIED:
        assert q.training[key] == p.training[key], key
    assert q.training["metrics"] == (p.training["metrics"] or (["mae"] if task == "regression" else ["accuracy"]))
    assert q.name == p.name


def test_export_has_keras3_structure():
    p = build_project("binary", hidden={"l2": 0.01, "max_norm": 2.0})
    d = json.loads(export_keras_json(p))
    assert d["class_name"] == "Sequential" and d["module"] == "keras"
    layers = d["config"]["layers"]
    assert layers[0]["class_name"] == "InputLayer" and layers[0]["config"]["batch_shape"] == [None, 2]
    dense = layers[1]
    assert set(dense) >= {"module", "class_name", "config", "registered_name", "build_config"}
    cfg = dense["config"]
    assert cfg["units"] == 6 and cfg["activation"] == "tanh" and cfg["use_bias"] is True
    assert cfg["kernel_initializer"] == {"module": "keras.initializers", "class_name": "GlorotUniform",
                                         "config": {"seed": None}, "registered_name": None}
    assert cfg["kernel_regularizer"]["class_name"] == "L1L2"
    assert cfg["kernel_regularizer"]["config"] == {"l1": 0.0, "l2": 0.01}
    assert cfg["kernel_constraint"]["config"] == {"max_value": 2.0, "axis": 0}
    assert dense["build_config"] == {"input_shape": [None, 2]}
    assert d["compile_config"]["loss"] == "binary_crossentropy"


def test_every_registry_activation_and_initializer_round_trips():
    for act in registry.names("activation"):
        for init in registry.names("initializer"):
            p = build_project("binary", hidden={"activation": act, "kernel_initializer": init})
            q = import_keras_json(export_keras_json(p))
            assert q.layers[1].params["activation"] == act
            assert q.layers[1].params["kernel_initializer"] == init


#: written by hand the way Keras 3 `model.to_json()` prints it (keras 3.x)
KERAS3 = """{"module": "keras", "class_name": "Sequential", "config": {"name": "lesson", "trainable": true,
 "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null},
 "layers": [
  {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 32], "dtype": "float32",
   "sparse": false, "ragged": false, "name": "input_layer", "optional": false}, "registered_name": null},
  {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense", "trainable": true,
   "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null},
   "units": 64, "activation": "sigmoid", "use_bias": true,
   "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
     "config": {"seed": null, "input_axes": null, "output_axes": null}, "registered_name": null},
   "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
   "kernel_regularizer": {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.009999999776482582},
     "registered_name": null},
   "bias_regularizer": null, "kernel_constraint": null, "bias_constraint": null, "quantization_config": null},
   "registered_name": null, "build_config": {"input_shape": [null, 32]}},
  {"module": "keras.layers", "class_name": "Dropout", "config": {"name": "dropout", "trainable": true,
   "dtype": "float32", "rate": 0.5, "seed": null, "noise_shape": null}, "registered_name": null},
  {"module": "keras.layers", "class_name": "Dense", "config": {"name": "hidden2", "trainable": true,
   "units": 256, "activation": "sigmoid", "use_bias": true,
   "kernel_initializer": {"module": "keras.initializers", "class_name": "HeNormal", "config": {"seed": 7},
     "registered_name": null},
   "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
   "kernel_regularizer": null, "bias_regularizer": null,
   "kernel_constraint": {"module": "keras.constraints", "class_name": "MaxNorm", "config": {"max_value": 2, "axis": 0},
     "registered_name": null}, "bias_constraint": null},
   "registered_name": null, "build_config": {"input_shape": [null, 64]}},
  {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense_1", "trainable": true,
   "units": 5, "activation": "softmax", "use_bias": true, "kernel_initializer": "glorot_uniform",
   "bias_initializer": "zeros", "kernel_regularizer": null, "bias_regularizer": null, "kernel_constraint": null,
   "bias_constraint": null}, "registered_name": null, "build_config": {"input_shape": [null, 256]}}
 ], "build_input_shape": [null, 32]}, "registered_name": null, "build_config": {"input_shape": [null, 32]},
 "compile_config": {"optimizer": {"module": "keras.optimizers", "class_name": "SGD", "config": {"name": "SGD",
   "learning_rate": 0.009999999776482582, "weight_decay": null, "momentum": 0.0, "nesterov": false},
   "registered_name": null}, "loss": "sparse_categorical_crossentropy", "metrics": ["acc"]}}"""


def test_hand_written_keras3_json_imports():
    p = import_keras_json(KERAS3)
    assert p.name == "lesson"
    assert [s.type for s in p.layers] == ["Input", "Dense", "Dropout", "Dense", "Dense"]
    assert p.layers[0].params["size"] == 32
    d1, drop, d2, out = (s.params for s in p.layers[1:])
    assert (d1["units"], d1["activation"], d1["l2"], d1["l1"]) == (64, "sigmoid", 0.01, 0.0)
    assert drop["rate"] == 0.5
    assert (d2["units"], d2["kernel_initializer"], d2["max_norm"]) == (256, "he_normal", 2.0)
    assert p.layers[3].name == "hidden2" and p.layers[1].name == "" and p.layers[4].name == ""
    assert (out["units"], out["activation"]) == (5, "softmax")
    assert p.training["optimizer"] == "sgd" and p.training["learning_rate"] == 0.01
    assert p.training["loss"] == "sparse_categorical_crossentropy" and p.training["metrics"] == ["acc"]


#: tf.keras 2.x `model.to_json()` of the lesson's model (with Keras 2's VarianceScaling spelling too)
KERAS2 = {
    "class_name": "Sequential",
    "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 32], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "dense_input"}},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": True, "batch_input_shape": [None, 32],
                                           "dtype": "float32", "units": 64, "activation": "sigmoid",
                                           "use_bias": True,
                                           "kernel_initializer": {"class_name": "VarianceScaling", "config": {
                                               "scale": 1.0, "mode": "fan_avg", "distribution": "uniform",
                                               "seed": None}},
                                           "bias_initializer": {"class_name": "Zeros", "config": {}},
                                           "kernel_regularizer": {"class_name": "L1L2",
                                                                  "config": {"l1": 0.0, "l2": 0.001}},
                                           "bias_regularizer": None, "activity_regularizer": None,
                                           "kernel_constraint": None, "bias_constraint": None}},
        {"class_name": "Activation", "config": {"name": "activation", "trainable": True, "dtype": "float32",
                                                "activation": "relu"}},
        {"class_name": "Dense", "config": {"name": "dense_1", "units": 5, "activation": "softmax",
                                           "use_bias": True,
                                           "kernel_initializer": {"class_name": "GlorotUniform",
                                                                  "config": {"seed": None}},
                                           "bias_initializer": {"class_name": "Zeros", "config": {}}}},
    ]},
    "keras_version": "2.13.1",
    "backend": "tensorflow",
}


def test_keras2_json_imports():
    p = import_keras_json(json.dumps(KERAS2))
    assert [s.type for s in p.layers] == ["Input", "Dense", "Activation", "Dense"]
    assert p.layers[0].params["size"] == 32 and p.layers[0].name == ""
    assert p.layers[1].params["kernel_initializer"] == "glorot_uniform"
    assert p.layers[1].params["l2"] == 0.001
    assert p.layers[2].params["activation"] == "relu"
    assert p.layers[3].params["units"] == 5


def test_old_keras2_bare_layer_list_imports():
    old = {"class_name": "Sequential", "config": [
        {"class_name": "Dense", "config": {"name": "dense_1", "units": 4, "activation": "tanh",
                                           "batch_input_shape": [None, 3], "use_bias": True}},
        {"class_name": "Dense", "config": {"name": "dense_2", "units": 1, "activation": "sigmoid"}},
    ]}
    p = import_keras_json(json.dumps(old).encode("utf-8"))
    assert [s.type for s in p.layers] == ["Input", "Dense", "Dense"]
    assert p.layers[0].params["size"] == 3


def test_unsupported_pieces_are_all_listed_by_name():
    d = json.loads(KERAS3)
    layers = d["config"]["layers"]
    layers.insert(1, {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv", "filters": 8}})
    layers[2]["config"]["activation"] = "swish"
    layers[4]["config"]["kernel_initializer"] = {"class_name": "Orthogonal", "config": {"gain": 1.0}}
    layers[5]["config"]["bias_regularizer"] = {"class_name": "L2", "config": {"l2": 0.1}}
    d["compile_config"]["optimizer"]["class_name"] = "Nadam"
    with pytest.raises(KerasImportError) as info:
        import_keras_json(json.dumps(d))
    text = str(info.value)
    for needle in ("'conv'", "Conv2D", "'swish'", "'Orthogonal'", "'hidden2'", "bias_regularizer", "'Nadam'"):
        assert needle in text, needle
    assert len(info.value.problems) == 5
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text,needle", [
    ('{"class_name": "Functional", "config": {"layers": []}}', "functional Model"),
    ('{"class_name": "Model", "config": {}}', "functional Model"),
    ("not json at all", "not valid JSON"),
    ("[1, 2]", "not a Keras model"),
    ('{"class_name": "Sequential", "config": {"name": "x"}}', "no 'layers'"),
    ('{"class_name": "Sequential", "config": {"layers": []}}', "no layers"),
    (('{"class_name": "Sequential", "config": {"layers": [{"class_name": "InputLayer", "config": '
      '{"batch_shape": [null, 28, 28]}}, {"class_name": "Dense", "config": {"units": 2}}]}}'), "flat feature vector"),
    (('{"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense", "config": '
      '{"units": 2, "activation": NaN}}]}}'), "not valid JSON"),
])
def test_bad_files_raise_a_named_error(text, needle):
    with pytest.raises(KerasImportError, match=needle):
        import_keras_json(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_importer_never_crashes_on_mutated_files(data):
    """Random values dropped into a valid Keras 3 file: a Project or a KerasImportError, nothing else."""
    d = json.loads(KERAS3)
    layer = data.draw(st.sampled_from(d["config"]["layers"]))
    key = data.draw(st.sampled_from(sorted(layer["config"]) + ["class_name"]))
    value = data.draw(json_values)
    if key == "class_name":
        layer["class_name"] = value
    else:
        layer["config"][key] = value
    try:
        p = import_keras_json(json.dumps(d))
    except KerasImportError as exc:
        assert exc.problems and str(exc)
    else:
        assert p.layers[0].type == "Input" and all(s.type in ("Dense", "Dropout", "Activation") for s in p.layers[1:])
