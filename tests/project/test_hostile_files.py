"""Every hostile project file the fuzzing found: refused with a ProjectFileError naming the field,
or loaded into a document that validates, saves, reloads, summarises and builds.

One test per case listed in issue #16; the limits are the ones the schema and
docs/project-format.md publish.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from nnstudio import resources
from nnstudio.project import Project, ProjectFileError, dumps, load_project, loads, save_project, validate
from nnstudio.project import limits
from nnstudio.project.document import DEFAULT_DATASET, DEFAULT_TRAINING, LAYER_DEFAULTS
from nnstudio.project.schema import project_schema


def _doc() -> dict:
    return json.loads(dumps(Project.default()))


def _trained_doc() -> dict:
    from nnstudio.project.fileformat import encode_array
    import numpy as np

    d = _doc()
    d["state"] = {"weights": [encode_array(np.zeros((2, 8), np.float32))], "history": {"loss": [0.5]},
                  "epochs_trained": 1, "iterations": 4, "runs": [{"name": "a", "history": {"loss": [0.4]}}]}
    return d


def _refused(text: str, field: str) -> str:
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    message = str(info.value)
    assert field in message, message
    return message


def _mutated(mutate, base=_doc) -> str:
    d = base()
    mutate(d)
    return json.dumps(d, ensure_ascii=True)


# -- parser-level cases ----------------------------------------------------------------------
def test_an_integer_literal_over_4300_digits_is_named():
    text = json.dumps(_doc()).replace('"epochs": 100', '"epochs": ' + "9" * 5000)
    assert "integer of 5000 digits" in _refused(text, "integer")


def test_deep_nesting_in_a_free_form_setting_is_named():
    for depth in (500, 950, 5000):
        text = json.dumps(_doc()).replace('"params": {}', '"params": ' + "[" * depth + "]" * depth)
        _refused(text, "dataset.params" if depth < 990 else "nested")


def test_a_lone_surrogate_in_a_name_is_named():
    text = json.dumps(_doc()).replace('"name": "Untitled"', '"name": "bad \\ud800 name"')
    _refused(text, "name: holds an unpaired surrogate")


def test_a_document_with_a_lone_surrogate_still_saves(tmp_path):
    p = Project.default()
    p.name = "bad \ud800 name"
    save_project(p, tmp_path / "x.nnstudio")
    assert load_project(tmp_path / "x.nnstudio").name == "bad \ufffd name"


# -- wrong types ---------------------------------------------------------------------------------
STATE_CASES = [
    ("epochs_trained", "many", "state.epochs_trained: expected a whole number"),
    ("epochs_trained", -3, "state.epochs_trained: -3 is below the minimum 0"),
    ("iterations", [1], "state.iterations: expected a whole number"),
    ("history", [0.5], "state.history: expected an object"),
    ("history", {"loss": "low"}, "state.history.loss: expected a list"),
    ("history", {"loss": [{"a": 1}]}, "state.history.loss[0]: expected a number or null"),
    ("runs", {"a": 1}, "state.runs: expected a list"),
    ("runs", [{"name": 5}], "state.runs[0].name: expected text"),
    ("runs", [{"history": [1]}], "state.runs[0].history: expected an object"),
    ("weights", {"0": 1}, "state.weights: expected a list"),
    ("weights", [[1, 2]], "state.weights[0]: expected an object"),
]


@pytest.mark.parametrize("key, value, message", STATE_CASES, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(STATE_CASES)])
def test_wrong_typed_state_fields_are_named(key, value, message):
    _refused(_mutated(lambda d: d["state"].update({key: value}), _trained_doc), message)


def test_weight_shapes_whose_product_overflows_are_named():
    def mutate(d):
        d["state"]["weights"][0]["shape"] = [2**40, 2**40]
    _refused(_mutated(mutate, _trained_doc), "state.weights[0].shape[0]")

    def mutate_inside_limits(d):
        d["state"]["weights"][0]["shape"] = [5_000_000, 5_000_000]
    _refused(_mutated(mutate_inside_limits, _trained_doc), "state.weights[0]: shape")


@pytest.mark.parametrize("group", ["early_stopping"])
def test_a_null_settings_group_is_named(group):
    _refused(_mutated(lambda d: d["training"].update({group: None})), f"training.{group}: expected an object")


@pytest.mark.parametrize("value, message", [
    ([2], "layers[0].size: expected a whole number or null"),
    (2.5, "layers[0].size: expected a whole number or null"),
    (0, "layers[0].size: 0 is below the minimum 1"),
])
def test_input_size_a_list_or_float_is_named(value, message):
    _refused(_mutated(lambda d: d["layers"][0].update(size=value)), message)


def test_input_size_a_whole_float_loads_as_int():
    p = loads(_mutated(lambda d: d["layers"][0].update(size=2.0)))
    assert p.layers[0].params["size"] == 2 and isinstance(p.layers[0].params["size"], int)


@pytest.mark.parametrize("where, key, message", [
    (("layers", 1), "activation", "layers[1].activation: expected text, found null"),
    (("layers", 1), "kernel_initializer", "layers[1].kernel_initializer: expected text, found null"),
    (("layers", 1), "bias_initializer", "layers[1].bias_initializer: expected text, found null"),
    (("training",), "batch_size", "training.batch_size: expected a whole number, found null"),
    (("training",), "loss", "training.loss: expected text, found null"),
    (("training",), "optimizer", "training.optimizer: expected text, found null"),
])
def test_null_names_and_sizes_are_named(where, key, message):
    def mutate(d):
        node = d
        for part in where:
            node = node[part]
        node[key] = None
    _refused(_mutated(mutate), message)


def test_null_patience_is_named():
    _refused(_mutated(lambda d: d["training"]["early_stopping"].update(patience=None)),
             "training.early_stopping.patience: expected a whole number, found null")


def test_max_norm_an_object_is_named():
    _refused(_mutated(lambda d: d["layers"][1].update(max_norm={"value": 2})),
             "layers[1].max_norm: expected a number or null, found an object")


def test_a_bad_dtype_name_is_named():
    _refused(_mutated(lambda d: d["training"].update(dtype="float16")), "training.dtype: 'float16' is not one of")


@pytest.mark.parametrize("key", ["beta_1", "beta_2", "rho"])
def test_beta_1_of_one_is_named(key):
    _refused(_mutated(lambda d: d["training"].update({key: 1})), f"training.{key}: 1 must be less than 1")


def test_unknown_registry_names_are_named():
    _refused(_mutated(lambda d: d["layers"][1].update(activation="swish9")), "layers[1].activation: unknown activation")
    _refused(_mutated(lambda d: d["training"].update(loss="hinge")), "training.loss: unknown loss")
    _refused(_mutated(lambda d: d["dataset"].update(name="nope")), "dataset.name: unknown dataset 'nope'")


def test_dataset_csv_a_number_is_named():
    _refused(_mutated(lambda d: d["dataset"].update(csv=5)), "dataset.csv: expected")
    _refused(_mutated(lambda d: d["dataset"].update(source="csv")), "dataset.csv: an imported dataset")
    _refused(_mutated(lambda d: d["dataset"].update(source="csv", csv={"text": "a,b\n1,0\n", "options": {"decimal": 5}})),
             "dataset.csv.options.decimal")


def test_generator_parameters_are_checked_at_load():
    _refused(_mutated(lambda d: d["dataset"].update(params={"n_samples": 10**7})), "dataset.params.n_samples")
    _refused(_mutated(lambda d: d["dataset"].update(params={"bogus": 1})), "dataset.params.bogus")
    _refused(_mutated(lambda d: d["dataset"].update(params={"n_samples": "lots"})), "dataset.params.n_samples")


# -- memory limits -----------------------------------------------------------------------------------
def test_units_of_a_billion_is_refused_before_anything_is_allocated():
    _refused(_mutated(lambda d: d["layers"][1].update(units=10**9)), "layers[1].units: 1000000000 is above the limit 4096")


def test_a_network_over_the_parameter_limit_is_refused_at_load():
    def mutate(d):
        dense = d["layers"][1]
        d["layers"] = [d["layers"][0]] + [dict(dense, id=f"h{i}", units=4096) for i in range(4)] + [d["layers"][2]]
    _refused(_mutated(mutate), "layers: the network has")


def test_the_validator_refuses_a_network_too_big_for_its_data():
    from nnstudio.data import make

    p = Project.default()
    p.layers[0].params["size"] = None
    p.layers[1].params["units"] = 4096
    ds = make("keras_example")
    p.layers.insert(2, p.layers[1].__class__.make("Dense", units=4096))
    assert any(pr.code == "too_many_params" and pr.is_error for pr in validate(p, ds))


def test_a_200000_character_dataset_name_is_refused():
    _refused(_mutated(lambda d: d["dataset"].update(name="x" * 200_000)),
             "dataset.name: text of 200000 characters is longer than the limit of 200")
    _refused(_mutated(lambda d: d.update(name="x" * 200_000)), "name: text of 200000 characters")
    _refused(_mutated(lambda d: d["layers"][1].update(name="x" * 200_000)), "layers[1].name")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    import nnstudio.project.fileformat as ff

    path = tmp_path / "big.nnstudio"
    path.write_text(json.dumps(_doc()) + " " * 2000)
    monkeypatch.setattr(ff, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ProjectFileError, match="too large"):
        load_project(path)


# -- one schema --------------------------------------------------------------------------------------
def test_the_schema_lists_exactly_the_documents_settings():
    s = project_schema()["$defs"]
    assert set(s["training"]["properties"]) == set(DEFAULT_TRAINING)
    assert set(s["training"]["properties"]["early_stopping"]["properties"]) == set(DEFAULT_TRAINING["early_stopping"])
    assert set(s["dataset"]["properties"]) == set(DEFAULT_DATASET)
    layers = {alt["properties"]["type"]["const"]: alt["properties"] for alt in s["layer"]["oneOf"]}
    assert set(layers) == set(LAYER_DEFAULTS)
    for kind, params in LAYER_DEFAULTS.items():
        assert set(layers[kind]) - {"type", "id", "name"} == set(params), kind


def test_the_csv_options_in_the_schema_are_the_readers():
    from nnstudio.data.csv import CsvOptions

    s = project_schema()["$defs"]["csv_options"]["properties"]
    assert set(s) == set(CsvOptions.__dataclass_fields__)


def test_the_limits_are_documented():
    doc = (Path(resources.root()).parent / "docs" / "project-format.md")
    if not doc.exists():
        pytest.skip("docs are not installed")
    text = doc.read_text(encoding="utf-8").replace(",", "")
    for value in (limits.MAX_UNITS, limits.MAX_LAYERS, limits.MAX_PARAMS, limits.MAX_SAMPLES, limits.MAX_NAME,
                  limits.MAX_FEATURES, limits.MAX_EPOCHS):
        assert re.search(rf"\b{value}\b", text), value


def test_every_string_in_the_schema_has_a_length_limit():
    def walk(node, where):
        if isinstance(node, dict):
            types = node.get("type")
            types = types if isinstance(types, list) else [types]
            if "string" in types:
                assert "maxLength" in node, where
            if "array" in types:
                assert "maxItems" in node, where
            if node.get("type") == "object" and node.get("additionalProperties") not in (False, None, True):
                assert "maxProperties" in node, where
            for k, v in node.items():
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")
    walk(project_schema(), "$")


# -- file modes --------------------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saving_keeps_an_existing_files_mode(tmp_path):
    path = tmp_path / "shared.nnstudio"
    save_project(Project.default(), path)
    os.chmod(path, 0o644)
    save_project(Project.default(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    os.chmod(path, 0o640)
    save_project(Project.default(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        save_project(Project.default(), tmp_path / "new.nnstudio")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.nnstudio").stat().st_mode) == 0o640
