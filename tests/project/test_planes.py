"""The input-plane box of a large dataset is worked out once per dataset (the views share it)."""

import numpy as np


def test_plane_extent_of_the_same_large_array_is_worked_out_once_and_stays_right():
    from nnstudio.project import planes

    rng = np.random.default_rng(0)
    x = rng.normal(size=(20_000, 2))
    first = planes.plane_extent(x)
    assert planes._extent_memo[0]() is x
    assert planes.plane_extent(x) == first == planes._extent(x, 0.1)
    y = x * 3  # another array (same shape): its own box
    assert planes.plane_extent(y) == planes._extent(y, 0.1) != first
    assert planes.plane_extent(y, pad=0.2) == planes._extent(y, 0.2)
