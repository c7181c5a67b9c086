"""Large datasets stay responsive: the data and decision views draw a capped, even sample and say so."""

from __future__ import annotations

import time

import numpy as np
import pytest

from nnstudio.project import DEFAULT_DATASET, Project
from nnstudio.ui.pointcap import MAX_DRAWN, quantise, split_budget, subset


def test_subset_is_all_points_when_few_and_an_even_deterministic_sample_when_many():
    np.testing.assert_array_equal(subset(np.arange(10)), np.arange(10))
    big = np.arange(100_000) * 3
    a, b = subset(big), subset(big)
    assert len(a) == MAX_DRAWN and np.array_equal(a, b)
    assert np.all(np.diff(a) > 0) and set(a.tolist()) <= set(big.tolist())
    # spread over the whole range, not the first points
    assert a.min() < big.max() * 0.01 and a.max() > big.max() * 0.99
    counts, _ = np.histogram(a, bins=10, range=(0, big.max() + 1))
    assert counts.min() > MAX_DRAWN / 10 * 0.8


def test_split_budget_shares_the_limit_in_proportion():
    t, v = split_budget(np.arange(80_000), np.arange(80_000, 100_000))
    assert len(t) + len(v) == MAX_DRAWN and abs(len(v) - MAX_DRAWN * 0.2) <= 1
    t, v = split_budget(np.arange(50), np.arange(50, 60))
    assert len(t) == 50 and len(v) == 10


def test_quantise_levels():
    q = quantise([0.0, 0.5, 1.0, float("nan")], 5)
    assert q.tolist() == [0, 2, 4, 2]
    assert quantise([3.0, 3.0]).tolist() == [0, 0]


def _choose(state, name, **params):
    assert state.push([("set_dataset", dict(DEFAULT_DATASET, name=name, params=params))], "choose")


@pytest.mark.parametrize("name", ["circle", "sine"])
def test_100000_samples_draw_a_capped_sample_in_both_views(window, qtbot, name):
    w = window(Project.default())
    w.docks["data_view"].show()
    w.docks["decision"].show()
    from PySide6.QtWidgets import QWidget

    view = w.findChild(QWidget, "dataView")
    t0 = time.perf_counter()
    _choose(w.state, name, n_samples=100_000)
    assert w.state.dataset_pending  # prepared in the background
    qtbot.waitUntil(lambda: not w.state.dataset_pending, timeout=20_000)
    elapsed = time.perf_counter() - t0
    assert w.state.dataset.n_samples == 100_000
    drawn = len(view.train_item.getData()[0]) + len(view.val_item.getData()[0])
    assert drawn == MAX_DRAWN
    assert f"{MAX_DRAWN:,} of the 100,000 points" in view.info.text()
    # the drawn points are real samples at their own coordinates
    idx = np.asarray(view.train_item.data["data"], dtype=np.int64)
    x = w.state.dataset.x
    np.testing.assert_array_equal(view.train_item.getData()[0], x[idx, 0])
    dv = w.findChild(QWidget, "decisionPanel")
    dv.update_points()
    assert len(dv.train_points.getData()[0]) + len(dv.val_points.getData()[0]) == MAX_DRAWN
    assert f"{MAX_DRAWN:,} of the 100,000 points" in dv.info.text()
    assert elapsed < 20, elapsed  # was 8-13 s on an idle machine, drawing every point
