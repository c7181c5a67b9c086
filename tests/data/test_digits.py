"""The shipped UCI digits: file checksum, shape, dtype, balance, images, split; the pad reduction."""

import hashlib

import numpy as np
import pytest

from nnstudio import data, resources
from nnstudio.data import digits as dg


def test_shipped_file_is_the_known_uci_copy():
    raw = resources.dataset_path(dg.FILENAME).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == dg.SHA256 == dg.file_sha256()
    assert len(raw) == 57523


def test_shape_dtype_values_and_class_balance():
    ds = data.make("digits")
    assert ds.x.shape == (1797, 64) and ds.x.dtype == np.float64
    assert ds.y.shape == (1797,) and ds.y.dtype == np.int64
    assert ds.task == "multiclass" and ds.class_names == [str(d) for d in range(10)]
    assert ds.image_shape == (8, 8) and ds.is_image
    assert np.array_equal(ds.x, np.round(ds.x)) and ds.x.min() == 0 and ds.x.max() == 16
    counts = np.bincount(ds.y, minlength=10)
    assert counts.tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    # the first image is a 0: an empty middle column surrounded by ink
    zero = ds.image(0)
    assert ds.y[0] == 0 and zero.shape == (8, 8)
    assert zero[3:5, 3:5].sum() == 0 and zero[:, 1:3].sum() > 20 and zero[:, 5:7].sum() > 20
    assert ds.x.sum() == 561_718.0  # total ink of the shipped file


def test_every_call_gives_equal_independent_copies():
    a, b = data.make("digits"), data.make("digits")
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    a.x[0, 0] = 99.0
    assert data.make("digits").x[0, 0] == 0.0


def test_split_is_deterministic_and_keeps_image_shape():
    ds = data.make("digits")
    t1, v1 = data.split_indices(ds.n_samples, 0.2, 7)
    t2, v2 = data.split_indices(ds.n_samples, 0.2, 7)
    assert np.array_equal(t1, t2) and np.array_equal(v1, v2)
    assert len(v1) == 360 and len(t1) == 1437 and len(np.intersect1d(t1, v1)) == 0
    t3, _ = data.split_indices(ds.n_samples, 0.2, 8)
    assert not np.array_equal(t1, t3)
    sub = ds.subset(v1)
    assert sub.image_shape == (8, 8) and np.array_equal(sub.image(0), ds.image(v1[0]))
    # every digit is present in the validation part
    assert set(ds.y[v1].tolist()) == set(range(10))


def test_image_shape_must_match_the_features():
    x = np.zeros((3, 6))
    ds = data.Dataset(x, [0, 1, 0], list("abcdef"), ["y"], "binary", image_shape=[2, 3])
    assert ds.image_shape == (2, 3) and ds.image(1).shape == (2, 3)
    with pytest.raises(ValueError, match="does not match 6 features"):
        data.Dataset(x, [0, 1, 0], list("abcdef"), ["y"], "binary", image_shape=(2, 2))
    with pytest.raises(ValueError, match="not images"):
        data.Dataset(x, [0, 1, 0], list("abcdef"), ["y"], "binary").image(0)


def test_pad_reduction_counts_ink_in_4x4_blocks():
    pad = np.zeros((32, 32))
    pad[0:4, 0:4] = 1.0            # a full block -> 16
    pad[4, 4:8] = 1.0              # one row of block (1, 1) -> 4
    pad[8:12, 30] = 0.7            # 4 pixels above the threshold in block (2, 7) -> 4
    pad[31, 31] = 0.49             # below 0.5: not ink
    pad[16:18, 16:18] = 0.5        # 4 pixels exactly at the threshold in block (4, 4) -> 4
    out = dg.reduce_pad(pad)
    expected = np.zeros((8, 8))
    expected[0, 0], expected[1, 1], expected[2, 7], expected[4, 4] = 16, 4, 4, 4
    assert out.dtype == np.float64 and np.array_equal(out, expected)
    # a diagonal stroke 2 pixels thick: 8 ink pixels in each block on the diagonal
    diag = np.zeros((32, 32))
    for i in range(32):
        diag[i, i] = 1.0
        diag[i, (i + 1) % 32 if i < 31 else 30] = 1.0
    red = dg.reduce_pad(diag)
    assert red.sum() == 64
    # block (r, r): 4 diagonal pixels + 3 right neighbours; the 4th neighbour is in block (r, r+1)
    assert np.diag(red).tolist() == [7.0] * 7 + [8.0]
    assert np.diag(red, 1).tolist() == [1.0] * 7
    with pytest.raises(ValueError, match="square"):
        dg.reduce_pad(np.zeros((30, 30)))


def test_fit_to_box_scales_a_small_corner_drawing_to_fill_the_pad():
    pad = np.zeros((32, 32))
    pad[2:6, 3:5] = 1.0            # a 4 × 2 bar in the top-left corner
    out = dg.fit_to_box(pad)
    # scaled by 32 / 4 = 8: a 32 × 16 bar, centred horizontally (columns 8..23)
    expected = np.zeros((32, 32))
    expected[:, 8:24] = 1.0
    assert np.array_equal(out, expected)
    assert dg.reduce_pad(out)[:, 2:6].tolist() == [[16.0] * 4] * 8
    empty = np.zeros((32, 32))
    assert np.array_equal(dg.fit_to_box(empty), empty)
