"""The training timeline (nnstudio.session.snapshots) and how a TrainingRun records it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import load_dataset
from nnstudio.session import TrainedState, TrainingRun
from nnstudio.session.snapshots import Snapshot, SnapshotStore


def _spiral(epochs=6, optimizer="adam", dropout=False, dtype="float64") -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=6, activation="tanh")]
    if dropout:
        p.layers.append(LayerSpec.make("Dropout", rate=0.3))
    p.layers += [LayerSpec.make("Dense", units=6, activation="tanh"),
                 LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="spiral", params={"n_samples": 120})
    p.training.update(loss="binary_crossentropy", optimizer=optimizer, learning_rate=0.02, batch_size=16,
                      epochs=epochs, validation_split=0.25, seed=3, dtype=dtype)
    return p


def seed_net(epochs: int, n_samples: int = 160) -> Project:
    """The lesson's 32-64-256-5 net (the benchmarks' 'seed' net) on fewer samples."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=64, activation="sigmoid"),
                LayerSpec.make("Dense", units=256, activation="sigmoid"),
                LayerSpec.make("Dense", units=5, activation="softmax")]
    p.dataset.update(name="keras_example", params={"n_samples": n_samples})
    p.training.update(loss="sparse_categorical_crossentropy", optimizer="sgd", learning_rate=0.01,
                      batch_size=32, epochs=epochs, validation_split=0.0, seed=0, dtype="float32")
    return p


def _train(p: Project, **kw) -> TrainingRun:
    run = TrainingRun(p, load_dataset(p), **kw)
    run.fit()
    return run


def _weights_after(p_factory, k: int) -> list:
    run = _train(p_factory(k))
    return run.outcome().weights


@pytest.mark.parametrize("optimizer", ["adam", "sgd", "rmsprop"])
def test_snapshot_k_equals_a_fresh_run_of_k_epochs(optimizer):
    run = _train(_spiral(6, optimizer))
    tl = run.timeline
    assert tl.epochs() == list(range(7))
    before = TrainingRun(_spiral(1, optimizer), load_dataset(_spiral(1, optimizer))).model.get_weights()
    for a, b in zip(tl.get(0).weights, before):
        np.testing.assert_array_equal(np.asarray(a, np.float64), np.asarray(b, np.float64))
    for k in (1, 3, 6):
        fresh = _weights_after(lambda e: _spiral(e, optimizer), k)
        for a, b in zip(tl.get(k).weights, fresh):
            assert np.array_equal(np.asarray(a, np.float64), np.asarray(b, np.float64))
    assert tl.get(6).history_len == 6 and tl.get(6).iterations == run.model.iterations


@pytest.mark.parametrize("dropout", [False, True])
def test_continuing_from_a_snapshot_reproduces_the_run(dropout):
    p = _spiral(8, dropout=dropout, dtype="float32")
    ds = load_dataset(p)
    run = _train(p)
    full = run.outcome()
    snap = run.timeline.get(3)
    start = full.trained.truncated(3, snap.history_len, snap.iterations)
    assert start.history["loss"] == full.trained.history["loss"][:3] and start.timeline.epochs() == [0, 1, 2, 3]
    again = TrainingRun(p, ds, start=start, resume=snap, epochs=5)
    again.fit()
    out = again.outcome()
    assert out.trained.history == full.trained.history   # every key, every epoch, exactly
    assert out.trained.iterations == full.trained.iterations
    for a, b in zip(out.weights, full.weights):
        np.testing.assert_array_equal(a, b)
    for k in range(4, 9):
        for a, b in zip(again.timeline.get(k).weights, run.timeline.get(k).weights):
            np.testing.assert_array_equal(a, b)
        assert again.timeline.get(k).opt_state["iterations"] == run.timeline.get(k).opt_state["iterations"]
    # the original run's timeline is untouched by the branch
    assert run.timeline.epochs() == list(range(9))


def test_a_continued_run_appends_to_the_same_timeline():
    p = _spiral(4)
    first = _train(p).outcome()
    p.trained = first.state()
    assert p.trained["timeline"].epochs() == [0, 1, 2, 3, 4]
    second = _train(p, epochs=3)
    assert second.timeline.epochs() == list(range(8))
    assert p.trained["timeline"].epochs() == [0, 1, 2, 3, 4]  # the stored state's own copy
    for a, b in zip(second.timeline.get(7).weights, second.outcome().weights):
        np.testing.assert_array_equal(a, b)


def test_the_budget_holds_on_a_long_run_of_the_seed_net():
    p = seed_net(400)
    per = sum(w.nbytes for w in _train(seed_net(1)).outcome().weights)
    budget = 40 * per + per // 2        # room for 40 snapshots
    run = _train(p, timeline_budget=budget)
    tl = run.timeline
    eps = tl.epochs()
    counted = sum(a.nbytes for e in eps for a in tl.get(e).weights)
    counted += sum(s.nbytes for e in eps for ss in (tl.get(e).opt_state["slots"] or []) for s in ss)
    assert tl.nbytes == counted <= budget
    assert eps[0] == 0 and eps[-1] == 400 and len(eps) >= 20
    gaps = np.diff(eps[:-1])
    assert len(set(gaps.tolist())) == 1 and gaps[0] == tl.stride     # evenly thinned
    # the default budget: 100 MiB
    assert SnapshotStore().budget_bytes == 100 * 1024 * 1024


def test_store_thinning_and_queries():
    store = SnapshotStore(budget_bytes=10 * 8 * 4)   # ten snapshots of one 4-float64 array
    for e in range(50):
        store.add(e, [np.full(4, float(e))], None)
        assert store.nbytes <= store.budget_bytes
        assert store.epochs()[0] == 0 and store.epochs()[-1] == e
    assert store.nbytes == 32 * len(store)
    assert store.nearest(13).epoch in store.epochs() and abs(store.nearest(13).epoch - 13) <= store.stride // 2
    assert store.nearest(-5).epoch == 0 and store.nearest(999).epoch == 49 and store.latest.epoch == 49
    store.truncate_after(20)
    assert store.epochs()[-1] <= 20 and store.nbytes == 32 * len(store)
    # adding an earlier epoch starts a branch there
    store.add(5, [np.zeros(4)], None)
    assert store.epochs()[-1] == 5
    with pytest.raises(ValueError):
        store.add(6, snapshot=Snapshot(epoch=7, weights=[]))
    # copies change independently and share the snapshots
    other = store.copy()
    other.add(6, [np.ones(4)], None)
    assert 6 in other and 6 not in store and other.get(5) is store.get(5)


def test_file_form_round_trip_is_exact_and_json():
    run = _train(_spiral(3, dropout=True, dtype="float32"))
    tl = run.timeline
    text = json.dumps(tl.to_dict())
    back = SnapshotStore.from_dict(json.loads(text))
    assert back.epochs() == tl.epochs() and back.nbytes == tl.nbytes and back.budget_bytes == tl.budget_bytes
    for e in tl.epochs():
        a, b = tl.get(e), back.get(e)
        assert a.history_len == b.history_len and a.iterations == b.iterations and a.rng_states == b.rng_states
        for x, y in zip(a.weights, b.weights):
            assert x.dtype == y.dtype and np.array_equal(x, y)
        assert a.opt_state["iterations"] == b.opt_state["iterations"]
        for xs, ys in zip(a.opt_state["slots"], b.opt_state["slots"]):
            for x, y in zip(xs, ys):
                np.testing.assert_array_equal(x, y)
    assert tl.file_bytes() == len(text)


def test_trained_state_copy_shares_snapshots_not_the_store():
    run = _train(_spiral(2))
    st = run.outcome().trained
    cp = st.copy()
    assert cp.timeline is not st.timeline and cp.timeline.get(2) is st.timeline.get(2)
    back = TrainedState.from_state(st.to_state(run.outcome().weights))
    assert back.timeline.epochs() == [0, 1, 2]


def test_no_timeline_when_snapshots_are_off():
    run = _train(_spiral(2), snapshots=False)
    assert run.timeline is None and "timeline" not in run.outcome().state()


# -- the project file ------------------------------------------------------------------------------
def _trained_project(epochs=5) -> Project:
    p = _spiral(epochs, dtype="float32")
    p.trained = _train(p).outcome().state()
    return p


def test_a_project_saved_with_its_timeline_reopens_with_the_same_timeline(tmp_path):
    from nnstudio.project import load_project, save_project
    from nnstudio.project.fileformat import timeline_file_bytes, timeline_included

    p = _trained_project(5)
    tl = p.trained["timeline"]
    assert timeline_included(p, "auto") and 0 < timeline_file_bytes(p) == tl.file_bytes()
    path = save_project(p, tmp_path / "with.nnstudio")
    q = load_project(path)
    back = TrainedState.from_state(q.trained).timeline
    assert back.epochs() == tl.epochs() == list(range(6))
    for e in tl.epochs():
        for a, b in zip(back.get(e).weights, tl.get(e).weights):
            assert a.dtype == b.dtype and np.array_equal(a, b)
        assert back.get(e).rng_states == tl.get(e).rng_states
    # saved again without touching it (the file form is kept as read): the same timeline
    again = load_project(save_project(q, tmp_path / "again.nnstudio"))
    assert TrainedState.from_state(again.trained).timeline.epochs() == tl.epochs()
    # continuing after reopening is exact: train 3 more = one run of 8
    ds = load_dataset(q)
    snap = back.latest
    cont = TrainingRun(q, ds, epochs=3, resume=snap)
    cont.fit()
    full = _train(_spiral(8, dtype="float32")).outcome()
    assert cont.outcome().trained.history == full.trained.history
    for a, b in zip(cont.outcome().weights, full.weights):
        np.testing.assert_array_equal(a, b)


def test_without_the_timeline_a_project_opens_as_before(tmp_path):
    from nnstudio.project import load_project, save_project
    from nnstudio.project.fileformat import TIMELINE_AUTO_BYTES, timeline_included

    p = _trained_project(3)
    path = save_project(p, tmp_path / "without.nnstudio", timeline="never")
    doc = json.loads(path.read_text())
    assert "timeline" not in doc["state"]
    q = load_project(path)
    assert "timeline" not in q.trained and TrainedState.from_state(q.trained).timeline is None
    assert q.trained["history"] == p.trained["history"]
    # 'auto' leaves out a timeline larger than TIMELINE_AUTO_BYTES; 'always' keeps it
    big = seed_net(3)
    big.trained = _train(big, epochs=60).outcome().state()
    assert big.trained["timeline"].file_bytes() > TIMELINE_AUTO_BYTES
    assert not timeline_included(big, "auto") and timeline_included(big, "always")
    assert "timeline" not in json.loads(save_project(big, tmp_path / "big.nnstudio").read_text())["state"]
    with pytest.raises(ValueError):
        timeline_included(big, "sometimes")


def test_a_malformed_timeline_is_refused_by_name(tmp_path):
    from nnstudio.project import ProjectFileError, loads
    from nnstudio.project.fileformat import dumps

    p = _trained_project(2)
    good = json.loads(dumps(p))
    cases = []
    d = json.loads(json.dumps(good))
    d["state"]["timeline"]["snapshots"][1]["epoch"] = 0
    cases.append((d, "epochs must increase"))
    d = json.loads(json.dumps(good))
    d["state"]["timeline"]["snapshots"][0]["weights"] = d["state"]["timeline"]["snapshots"][0]["weights"][:1]
    cases.append((d, "shapes differ"))
    d = json.loads(json.dumps(good))
    d["state"]["timeline"]["snapshots"][0]["rng"][0]["state"] = "xyz"
    cases.append((d, "hexadecimal"))
    d = json.loads(json.dumps(good))
    d["state"]["timeline"]["snapshots"][0]["weights"][0]["data"] = "AAAA"
    cases.append((d, "bytes"))
    d = json.loads(json.dumps(good))
    d["state"]["timeline"]["snapshots"][0]["surprise"] = 1
    cases.append((d, "timeline.snapshots[0]"))
    for doc, words in cases:
        with pytest.raises(ProjectFileError, match=words.replace("[", r"\[").replace("]", r"\]")):
            loads(json.dumps(doc))


def test_continuing_with_another_optimizer_starts_it_fresh():
    p = _spiral(4, optimizer="adam")
    run = _train(p)
    snap = run.timeline.get(2)
    assert snap.opt_state["name"] == "adam" and len(snap.opt_state["slots"][0]) == 2
    q = _spiral(4, optimizer="sgd")
    q.training.update(momentum=0.9)
    start = run.outcome().trained.truncated(2, snap.history_len, snap.iterations)
    other = TrainingRun(q, load_dataset(q), start=start, resume=snap, epochs=2)
    opt = other.model.optimizer
    assert opt.iterations == 0 and all(not s.any() for ss in opt._slots for s in ss)   # fresh momentum
    for a, b in zip(other.model.get_weights(), snap.weights):
        np.testing.assert_array_equal(a, b)   # the weights and generators still come from epoch 2
    other.fit()
    out = other.outcome()
    assert out.epochs_done == 2 and len(out.trained.history["loss"]) == 4
    assert len(other.timeline.get(4).opt_state["slots"][0]) == 1   # SGD's momentum


def test_append_keeps_the_same_rules_as_add():
    a, b = SnapshotStore(budget_bytes=12 * 32), SnapshotStore(budget_bytes=12 * 32)
    for e in list(range(40)) + [20, 21, 22]:       # a branch at 20 goes through add's cut
        snap = Snapshot(epoch=e, weights=[np.full(4, float(e))], nbytes=32)
        a.add(e, snapshot=snap)
        b.append(snap)
        assert a.epochs() == b.epochs() and a.nbytes == b.nbytes <= a.budget_bytes


def test_probe_rows_are_the_full_prepared_rows_without_building_them_all():
    """make_probes finds the selected row (and the 2-D box) from the split, exactly as from every row."""
    from nnstudio.project.build import prepare_data
    from nnstudio.session.probes import full_x, make_probes, prepared_row

    p = Project.default()
    p.training.update(validation_split=0.3)
    p.dataset.update(standardize=True, split_seed=4)
    prepared = prepare_data(p)
    every = full_x(prepared)
    for i in range(len(every)):
        np.testing.assert_array_equal(prepared_row(prepared, i), every[i:i + 1])
    probes = make_probes(p, prepared, len(every) + 7)  # wraps around like before
    np.testing.assert_array_equal(probes.sample_x, every[7:8])
    lo, hi = every.min(axis=0), every.max(axis=0)
    pad = (hi - lo) * 0.1 + 1e-3
    assert probes.grid_extent == pytest.approx((lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1]))
