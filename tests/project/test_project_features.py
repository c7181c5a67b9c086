"""Input features in the project: file round trip, older files, validator, parameter count."""

import json

import numpy as np

from nnstudio.headless import summary_rows
from nnstudio.project.build import build_model, load_dataset, prepare_data
from nnstudio.project.document import Project
from nnstudio.project.fileformat import dumps, loads
from nnstudio.project.limits import network_params
from nnstudio.project.validate import validate

FEATS = ["x1", "x2", "x1^2", "r", "theta"]


def _project(feats=FEATS):
    p = Project.default()
    p.apply(("set_layer", 0, "features", feats))
    return p


def test_round_trip_keeps_the_features():
    p = _project()
    text = dumps(p)
    q = loads(text)
    assert q.layers[0].params["features"] == FEATS
    assert dumps(q) == text


def test_a_file_without_the_field_opens_unchanged():
    p = Project.default()
    text = dumps(p)
    assert "features" not in text  # not written when unset: older readers see the same file
    d = json.loads(text)
    q = loads(json.dumps(d))
    assert q.layers[0].params["features"] is None
    assert dumps(q) == text


def test_ticking_is_undoable_and_clears_the_trained_state():
    p = Project.default()
    p.state = {"weights": [], "history": {}}
    undo = p.apply(("set_layer", 0, "features", FEATS))
    assert p.state is None
    p.apply_all(undo)
    assert p.layers[0].params["features"] is None and p.state is not None


def test_input_size_params_and_summary_follow_the_features():
    p = _project()
    ds = load_dataset(p)
    model = build_model(p, ds)
    assert model.get_weights()[0].shape == (5, 8)
    assert network_params(p.layers, ds.n_features) == 5 * 8 + 8 + 8 + 1
    assert summary_rows(p, ds.n_features)[0][3] == "(None, 5)"
    assert summary_rows(p, ds.n_features)[1][4] == str(5 * 8 + 8)


def test_prepare_derives_before_standardising():
    p = _project(["r", "theta"])
    p.dataset["standardize"] = True
    ds = load_dataset(p)
    pr = prepare_data(p, ds)
    assert pr.x_train.shape[1] == 2 and pr.features == ["r", "theta"]
    r = np.hypot(ds.x[pr.train_idx, 0], ds.x[pr.train_idx, 1])
    np.testing.assert_allclose(pr.x_train[:, 0], (r - r.mean()) / r.std(), atol=1e-5)
    np.testing.assert_allclose(pr.model_input(ds.x[pr.train_idx]), pr.x_train, atol=1e-6)


def test_validator_names_features_that_do_not_fit_and_fixes_them():
    p = _project(["x1", "x3", "r"])
    ds = load_dataset(p)
    probs = [x for x in validate(p, ds) if x.code == "input_features"]
    assert probs and "x3" in probs[0].message
    p.apply_all(probs[0].fix.edits)
    assert p.layers[0].params["features"] == ["x1", "r"]
    assert not [x for x in validate(p, ds) if x.is_error]
    p.apply(("set_layer", 0, "features", []))
    assert [x for x in validate(p, ds) if x.code == "input_features"]


def test_a_drawn_set_splits_standardises_trains_and_exports_as_csv():
    from nnstudio.data.drawn import DrawnPoints
    from nnstudio.export.bundle import data_csv
    from nnstudio.session import TrainingRun

    rng = np.random.default_rng(0)
    pts = DrawnPoints().added(rng.normal(-1, 0.3, (20, 2)), 0).added(rng.normal(1, 0.3, (20, 2)), 1)
    p = Project.default()
    p.apply(("set_dataset", pts.to_choice({**p.dataset, "standardize": True})))
    ds = load_dataset(p)
    assert ds.task == "binary" and ds.n_samples == 40
    prep = prepare_data(p, ds)
    assert len(prep.val_idx) == 8 and abs(prep.x_train.mean()) < 1e-6
    p.training["epochs"] = 30
    run = TrainingRun(p, ds)
    run.fit()
    assert run.outcome().trained.history["accuracy"][-1] >= 0.9
    text = data_csv(p, ds)
    assert text.splitlines()[0] == "x1,x2,label,is_validation" and len(text.splitlines()) == 41


def test_nnstudio_info_names_the_input_features():
    from nnstudio.headless import info_text

    p = _project()
    text = info_text(p, load_dataset(p))
    assert "input features: x1, x2, x1^2, r, theta" in text
    assert "(None, 5)" in text
    assert "input features" not in info_text(Project.default(), load_dataset(Project.default()))
