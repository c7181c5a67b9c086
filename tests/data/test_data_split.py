"""Splits, the Standardizer, prepare(), describe_columns() and Dataset checks."""

import numpy as np
import pytest

from nnstudio import data
from nnstudio.data import Dataset, Standardizer, describe_columns, prepare, split_indices


def test_split_is_seeded_disjoint_and_complete():
    tr, va = split_indices(100, 0.2, seed=1)
    assert len(tr) == 80 and len(va) == 20
    assert sorted(np.concatenate([tr, va]).tolist()) == list(range(100))
    tr2, va2 = split_indices(100, 0.2, seed=1)
    np.testing.assert_array_equal(va, va2)
    _, va3 = split_indices(100, 0.2, seed=2)
    assert not np.array_equal(va, va3)
    tr0, va0 = split_indices(7, 0.0, seed=0)
    assert va0.size == 0 and tr0.tolist() == list(range(7))
    assert tr.dtype == np.int64 and va0.dtype == np.int64


@pytest.mark.parametrize("frac", [-0.1, 1.0, 1.5, float("nan")])
def test_split_rejects_bad_fractions(frac):
    with pytest.raises(ValueError, match=r"val_fraction must be in \[0, 1\)"):
        split_indices(10, frac, 0)


def test_split_too_small_is_a_csv_error():
    with pytest.raises(data.CsvError, match="no rows to train on"):
        split_indices(1, 0.5, 0)
    assert [len(a) for a in split_indices(2, 0.01, 0)] == [1, 1]


def test_standardizer_fits_train_only_and_handles_constant_columns():
    x = np.array([[1.0, 5.0, 2.0], [3.0, 5.0, 4.0], [5.0, 5.0, 9.0]])
    s = Standardizer().fit(x)
    np.testing.assert_allclose(s.mean_, [3, 5, 5])
    np.testing.assert_allclose(s.scale_, [np.sqrt(8 / 3), 1.0, np.std([2, 4, 9])])
    z = s.transform(x)
    np.testing.assert_allclose(z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(z[:, 1], 0)
    np.testing.assert_allclose(s.inverse_transform(z), x)
    back = Standardizer.from_dict(s.to_dict())
    np.testing.assert_array_equal(back.mean_, s.mean_)
    np.testing.assert_array_equal(back.scale_, s.scale_)
    assert Standardizer.from_dict(Standardizer().to_dict()).mean_ is None
    with pytest.raises(ValueError, match="not fitted"):
        Standardizer().transform(x)
    with pytest.raises(ValueError, match=r"expected shape \(n, 3\)"):
        s.transform(x[:, :2])


@pytest.mark.parametrize("bad", [None, {"mean": [1]}, {"mean": [1, 2], "scale": [1]},
                                 {"mean": ["a"], "scale": [1]}, {"mean": [0], "scale": [0]}])
def test_standardizer_from_dict_rejects_malformed(bad):
    with pytest.raises(ValueError):
        Standardizer.from_dict(bad)


def test_prepare_uses_train_statistics_only():
    ds = data.make("plane", n_samples=50, seed=4)
    p = prepare(ds, val_fraction=0.2, seed=3, standardize=True)
    assert p.x_train.shape == (40, 2) and p.x_val.shape == (10, 2)
    np.testing.assert_allclose(p.scaler.mean_, ds.x[p.train_idx].mean(axis=0))
    np.testing.assert_allclose(p.x_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(p.x_val, (ds.x[p.val_idx] - p.scaler.mean_) / p.scaler.scale_)
    np.testing.assert_array_equal(p.y_val, ds.y[p.val_idx])
    raw = prepare(ds, 0.0, 0, standardize=False)
    assert raw.scaler is None and raw.x_val.shape == (0, 2)
    np.testing.assert_array_equal(raw.x_train, ds.x)


def test_describe_columns():
    stats = describe_columns(np.array([[1.0, np.nan], [3.0, 2.0]]), ["a", "b"])
    assert [s.name for s in stats] == ["a", "b"]
    assert (stats[0].mean, stats[0].std, stats[0].min, stats[0].max) == (2.0, 1.0, 1.0, 3.0)
    assert stats[1].missing == 1 and stats[1].mean == 2.0
    empty = describe_columns(np.array([[np.nan]]), ["z"])[0]
    assert np.isnan(empty.mean) and empty.missing == 1
    with pytest.raises(ValueError):
        describe_columns(np.zeros((2, 2)), ["one"])


def test_dataset_properties_one_hot_and_validation():
    ds = Dataset(np.zeros((3, 2)), [0, 2, 1], ["a", "b"], ["y"], "multiclass",
                 ["p", "q", "r"], "t")
    assert ds.y.dtype == np.int64 and (ds.n_samples, ds.n_features) == (3, 2)
    assert ds.n_classes == 3 and ds.n_outputs == 3
    np.testing.assert_array_equal(ds.one_hot(), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    sub = ds.subset([2])
    assert sub.y.tolist() == [1] and sub.class_names == ["p", "q", "r"]
    reg = Dataset(np.zeros((2, 1)), [1.5, 2.5], ["x"], ["y"], "regression")
    assert reg.y.shape == (2, 1) and reg.n_outputs == 1 and reg.n_classes == 0
    with pytest.raises(ValueError, match="regression"):
        reg.one_hot()
    with pytest.raises(ValueError, match="task must be one of"):
        Dataset(np.zeros((1, 1)), [0], ["x"], ["y"], "clustering")
    with pytest.raises(ValueError, match="labels must lie in 0..1"):
        Dataset(np.zeros((2, 1)), [0, 2], ["x"], ["y"], "binary", ["a", "b"])
    with pytest.raises(ValueError, match="x has 2 rows but y has 3"):
        Dataset(np.zeros((2, 1)), [0, 1, 1], ["x"], ["y"], "binary")
    with pytest.raises(ValueError, match="exactly 2 classes"):
        Dataset(np.zeros((3, 1)), [0, 1, 2], ["x"], ["y"], "binary")
