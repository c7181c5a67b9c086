"""Property tests: random bytes or CSV-like text give a Dataset or a CsvError, never a crash."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.data.csv import CsvError, CsvOptions, load_csv, missing_report, sniff

FAST = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

CELL = st.one_of(
    st.integers(-5, 5).map(str),
    st.floats(allow_nan=True, allow_infinity=True, width=32).map(repr),
    st.sampled_from(["", "NA", "?", "nan", "x", "cat", "dog", '"q,uoted"', '"', " 1 ", "1,5",
                     "1e999", "٣", "-", "\ufeff", "\x00", "1_0"]),
    st.text(max_size=4),
)
ROW = st.lists(CELL, min_size=1, max_size=5)
DELIM = st.sampled_from([",", ";", "\t", "|"])
NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def csv_texts(draw):
    d, nl = draw(DELIM), draw(NEWLINE)
    rows = draw(st.lists(ROW, min_size=0, max_size=8))
    return nl.join(d.join(r) for r in rows) + draw(st.sampled_from(["", nl]))


OPTIONS = st.builds(
    CsvOptions,
    delimiter=DELIM,
    has_header=st.booleans(),
    decimal=st.sampled_from([".", ","]),
    target_columns=st.lists(st.integers(-3, 4), min_size=0, max_size=2),
    feature_columns=st.one_of(st.none(), st.lists(st.integers(-3, 4), max_size=3)),
    task=st.sampled_from(["auto", "regression", "binary", "multiclass"]),
    missing=st.sampled_from(["error", "drop", "mean"]),
)


def _check_dataset(ds):
    assert ds.x.dtype == np.float64 and np.all(np.isfinite(ds.x))
    assert ds.x.shape[0] == ds.y.shape[0] >= 1
    if ds.task != "regression":
        assert ds.y.dtype == np.int64 and ds.y.min() >= 0 and ds.y.max() < ds.n_classes


def _only_csv_errors(fn, *args):
    try:
        return fn(*args)
    except CsvError as err:
        assert str(err)
        return None


@FAST
@given(st.binary(max_size=300))
def test_random_bytes(data):
    s = _only_csv_errors(sniff, data)
    if s is not None:
        assert s.n_rows >= 0
    ds = _only_csv_errors(load_csv, data, None)
    if ds is not None:
        _check_dataset(ds)


@FAST
@given(csv_texts())
def test_random_csv_like_text_with_sniffed_options(text):
    s = _only_csv_errors(sniff, text)
    if s is not None:
        assert len(s.column_tasks) == len(s.header) and len(s.rows) <= 20
        ds = _only_csv_errors(load_csv, text, s.options)
        if ds is not None:
            _check_dataset(ds)


@FAST
@given(csv_texts(), OPTIONS)
def test_random_csv_like_text_with_random_options(text, options):
    ds = _only_csv_errors(load_csv, text, options)
    if ds is not None:
        _check_dataset(ds)
    _only_csv_errors(missing_report, text, options)
