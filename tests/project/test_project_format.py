"""The .nnstudio file format: round trips, clear errors for damaged files, the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio import resources
from nnstudio.project import (
    FORMAT_VERSION,
    LayerSpec,
    Project,
    ProjectFileError,
    dumps,
    load_project,
    loads,
    project_to_dict,
    save_project,
)

EXAMPLES = sorted(resources.path("examples").glob("*.nnstudio"))


def trained_project() -> Project:
    p = Project.default()
    p.name = "Trained"
    p.layers[1].name = "hidden"
    p.training["early_stopping"]["enabled"] = True
    rng = np.random.default_rng(0)
    p.state = {
        "weights": [rng.normal(size=(2, 8)).astype(np.float32), np.zeros(8, np.float32),
                    rng.normal(size=(8, 1)).astype(np.float32), np.ones(1, np.float32)],
        "history": {"loss": [0.7, 0.5, float("nan")], "accuracy": [0.5, 0.75, 0.8]},
        "epochs_trained": 3, "iterations": 30, "runs": [{"name": "first", "history": {"loss": [0.9]}}],
    }
    return p


def _same(a: Project, b: Project) -> None:
    assert [layer.to_dict() for layer in a.layers] == [layer.to_dict() for layer in b.layers]
    assert a.training == b.training and a.dataset == b.dataset and a.name == b.name
    if a.state is None:
        assert b.state is None
        return
    for x, y in zip(a.state["weights"], b.state["weights"]):
        assert x.dtype == y.dtype and np.array_equal(x, y)
    assert a.state["epochs_trained"] == b.state["epochs_trained"]
    np.testing.assert_equal(a.state["history"]["loss"], b.state["history"]["loss"])
    assert b.state["runs"][0]["name"] == "first"


@pytest.mark.parametrize("make", [Project.default, trained_project], ids=["fresh", "trained"])
def test_save_load_round_trip(tmp_path, make):
    p = make()
    path = save_project(p, tmp_path / "net.nnstudio")
    q = load_project(path)
    _same(p, q)
    assert dumps(q) == dumps(p)
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temp file


def _good_text() -> str:
    return dumps(trained_project())


@pytest.mark.parametrize("cut", [1, 10, 100, 0.5, 0.99])
def test_truncated_file_is_a_clear_error(tmp_path, cut):
    text = _good_text()
    n = int(len(text) * cut) if isinstance(cut, float) else cut
    path = tmp_path / "cut.nnstudio"
    path.write_text(text[:n], encoding="utf-8")
    with pytest.raises(ProjectFileError, match="cut.nnstudio: not valid JSON"):
        load_project(path)


def test_future_version_names_the_versions():
    d = json.loads(_good_text())
    d["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(ProjectFileError, match=rf"version {FORMAT_VERSION + 1}.*newer nnstudio"):
        loads(json.dumps(d))


@pytest.mark.parametrize("key", ["format_version", "layers", "training", "dataset"])
def test_missing_key_is_named(key):
    d = json.loads(_good_text())
    del d[key]
    with pytest.raises(ProjectFileError, match=f"missing key '{key}'"):
        loads(json.dumps(d))


@pytest.mark.parametrize("mutate, match", [
    (lambda d: d["layers"][1].update(units="many"), r"layers\[1\]\.units: expected a whole number"),
    (lambda d: d["layers"][1].update(type="Conv2D"), "unknown layer type 'Conv2D'"),
    (lambda d: d["training"].update(turbo=3), r"training: unknown key 'turbo'"),
    (lambda d: d["state"]["weights"][0].update(data="AAAA"), r"state\.weights\[0\]: holds 3 bytes"),
    (lambda d: d["state"]["weights"][0].update(dtype="object"), r"state\.weights\[0\]\.dtype: 'object' is not one of float32, float64"),
    (lambda d: d.update(layers={}), "layers: expected a list"),
])
def test_malformed_content_is_named(mutate, match):
    d = json.loads(_good_text())
    mutate(d)
    with pytest.raises(ProjectFileError, match=match):
        loads(json.dumps(d))


def test_binary_and_missing_files(tmp_path):
    (tmp_path / "bin.nnstudio").write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(ProjectFileError, match="binary file"):
        load_project(tmp_path / "bin.nnstudio")
    with pytest.raises(ProjectFileError, match="no such file"):
        load_project(tmp_path / "missing.nnstudio")
    with pytest.raises(ProjectFileError, match="folder"):
        load_project(tmp_path)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_project_or_a_clear_error(data):
    try:
        p = loads(data)
    except ProjectFileError as exc:
        assert str(exc)
    else:
        assert isinstance(p, Project)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=len(_good_text()) - 1))
def test_every_truncation_is_a_clear_error(n):
    with pytest.raises(ProjectFileError):
        loads(_good_text()[:n])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["name", "layers", "training", "dataset", "state", "format_version"]), json_values)
def test_random_values_in_a_real_project(key, value):
    d = json.loads(_good_text())
    d[key] = value
    try:
        loads(json.dumps(d))
    except ProjectFileError as exc:
        assert str(exc)


# -- the JSON Schema ------------------------------------------------------------------------
SCHEMA = json.loads(resources.read_text("project.schema.json"))
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is_type(value, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def tiny_check(value, schema, root=SCHEMA, where="$") -> list[str]:
    """A small JSON Schema checker covering the keywords project.schema.json uses."""
    if "$ref" in schema:
        node = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return tiny_check(value, node, root, where)
    errors = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, n) for n in names):
            return [f"{where}: expected {names}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: expected {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: not one of {schema['enum']}")
    if "minimum" in schema and _is_type(value, "number") and value < schema["minimum"]:
        errors.append(f"{where}: below {schema['minimum']}")
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not tiny_check(value, s, root, where)]
        if len(ok) != 1:
            errors.append(f"{where}: matches {len(ok)} of the oneOf alternatives")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            if k in props:
                errors += tiny_check(v, props[k], root, f"{where}.{k}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected {k}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += tiny_check(v, schema["additionalProperties"], root, f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errors += tiny_check(v, schema["items"], root, f"{where}[{i}]")
    return errors


def _validators():
    out = [lambda doc: tiny_check(doc, SCHEMA)]
    try:
        import jsonschema
    except ImportError:
        return out
    v = jsonschema.Draft202012Validator(SCHEMA)
    out.append(lambda doc: [e.message for e in v.iter_errors(doc)])
    return out


def test_examples_exist():
    names = {p.name for p in EXAMPLES}
    assert {"xor.nnstudio", "keras_lesson.nnstudio"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_load_and_match_the_schema(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    for check in _validators():
        assert check(doc) == []
    load_project(path)


def test_written_files_match_the_schema_and_bad_ones_do_not():
    good = project_to_dict(trained_project())
    good = json.loads(json.dumps(good, allow_nan=False))
    for check in _validators():
        assert check(good) == []
        bad = json.loads(json.dumps(good))
        bad["layers"][1]["units"] = "many"
        assert check(bad)
        bad = json.loads(json.dumps(good))
        del bad["training"]
        assert check(bad)
        bad = json.loads(json.dumps(good))
        bad["layers"].append({"type": "Dense", "bogus": 1})
        assert check(bad)


def test_keras_example_project_has_the_lessons_parameter_count():
    from nnstudio.project import build_model

    p = load_project(resources.path("examples", "keras_lesson.nnstudio"))
    assert [s.type for s in p.layers] == ["Input", "Dense", "Dense", "Dense"]
    assert build_model(p).count_params() == 20037


def test_layerspec_round_trip_keeps_ids():
    spec = LayerSpec.make("Dense", units=3, name="out", id="abc")
    assert LayerSpec.from_dict(spec.to_dict()).to_dict() == spec.to_dict()
