"""Safe literals / names, the weights .npz, the history CSV and the data CSV."""

from __future__ import annotations

import ast
import math

import numpy as np
import pytest
from export_helpers import build_project

from nnstudio.export import (
    ExportError,
    data_csv,
    history_csv,
    keras_script,
    load_weights,
    save_history,
    save_weights,
    torch_script,
)
from nnstudio.export.names import comment_text, literal, safe_identifier, unique_names
from nnstudio.project.build import load_dataset, prepare_data

EVIL = "x'); import os; os.system('echo pwned') #\n\"\"\"\r\u2028end"


def test_literal_round_trips_and_rejects_the_rest():
    for v in [None, True, 3, -2.5, 1e-07, "a'b\"c\\n\nd", (1,), [1, "x"], {"k": [0.5]}]:
        assert ast.literal_eval(literal(v)) == v
    for bad in [float("nan"), float("inf"), object(), {1, 2}]:
        with pytest.raises(ExportError):
            literal(bad)


def test_comment_text_and_identifiers_are_single_safe_lines():
    c = comment_text(EVIL)
    assert "\n" not in c and "\r" not in c and "\u2028" not in c
    assert safe_identifier(EVIL).isidentifier()
    assert safe_identifier("class") == "class_" and safe_identifier("9lives") == "_9lives"
    assert safe_identifier("한글") == "name"
    assert unique_names(["a", None, "a", "a_2", "a"]) == ["a", None, "a_2", "a_2_2", "a_3"]


@pytest.mark.parametrize("generate", [keras_script, torch_script])
def test_user_text_cannot_inject_code(generate):
    p = build_project("binary", extra=[("Dropout", {"rate": 0.1})], name=EVIL)
    for spec in p.layers:
        spec.name = EVIL
    src = generate(p)
    tree = ast.parse(src)
    calls = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
             for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert "system" not in calls
    imported = {a.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for a in node.names}
    assert imported <= {"os", "math", "json", "keras", "numpy", "torch", "nn", "Sequential", "Dense", "Dropout", "Input",
                        "Activation", "Adam", "SGD", "RMSprop", "Adagrad", "L1L2", "MaxNorm", "EarlyStopping"}
    names = [k.value for node in ast.walk(tree) if isinstance(node, ast.Call) for k in node.keywords
             if k.arg == "name" and isinstance(k.value, ast.Constant)]
    if generate is keras_script:
        assert len(names) == len(p.layers) + 1 and all("/" not in str(n.value) for n in names)


def test_unknown_registry_name_is_refused():
    p = build_project("binary", hidden={"activation": "swish"})
    with pytest.raises(ExportError, match="swish"):
        keras_script(p)
    p = build_project("binary", training={"optimizer": "nadam"})
    with pytest.raises(ExportError, match="nadam"):
        torch_script(p)


def test_weights_npz_round_trip_without_pickle(tmp_path):
    ws = [np.arange(6, dtype=np.float32).reshape(2, 3), np.ones(3, dtype=np.float32)]
    path = save_weights(ws, tmp_path / "w.npz")
    with np.load(path, allow_pickle=False) as f:
        assert sorted(f.files) == ["w0", "w1"]
    back = load_weights(path)
    assert [w.shape for w in back] == [(2, 3), (3,)]
    assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(ws, back))


def test_bad_weights_files_are_named_errors(tmp_path):
    obj = tmp_path / "obj.npz"
    np.savez(obj, w0=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ExportError, match="obj.npz"):
        load_weights(obj)
    gap = tmp_path / "gap.npz"
    np.savez(gap, w0=np.zeros(2), w2=np.zeros(2))
    with pytest.raises(ExportError, match="without gaps"):
        load_weights(gap)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip file")
    with pytest.raises(ExportError, match="junk.npz"):
        load_weights(junk)
    with pytest.raises(ExportError, match="no such file"):
        load_weights(tmp_path / "missing.npz")


def test_history_csv(tmp_path):
    text = history_csv({"loss": [0.5, 0.25, float("nan")], "val_loss": [0.6, 0.3]})
    lines = text.splitlines()
    assert lines[0] == "epoch,loss,val_loss"
    assert lines[1] == "1,0.5,0.6" and lines[2] == "2,0.25,0.3" and lines[3] == "3,,"
    path = save_history({"loss": [1.0]}, tmp_path / "h.csv")
    assert path.read_text(encoding="utf-8").splitlines() == ["epoch,loss", "1,1.0"]


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_data_csv_holds_features_targets_and_nnstudio_split(task):
    p = build_project(task)
    ds = load_dataset(p)
    text = data_csv(p, ds)
    header, *rows = text.splitlines()
    cols = header.split(",")
    n_targets = 1 if task == "binary" else ds.y.shape[1]  # class labels: one column
    assert cols[-1] == "is_validation" and len(cols) == ds.n_features + n_targets + 1
    data = np.array([[float(c) for c in r.split(",")] for r in rows])
    np.testing.assert_array_equal(data[:, :ds.n_features], ds.x)
    prepared = prepare_data(p, ds)
    np.testing.assert_array_equal(np.flatnonzero(data[:, -1] == 1), prepared.val_idx)
    y = data[:, ds.n_features:-1]
    np.testing.assert_array_equal(y.reshape(len(y), -1), np.asarray(ds.y, dtype=float).reshape(len(y), -1))
    assert math.isclose(len(prepared.val_idx) / ds.n_samples, p.training["validation_split"], abs_tol=0.02)
