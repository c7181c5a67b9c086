"""CSV loading: a table of good files -> Dataset and bad files -> clear CsvError."""

import numpy as np
import pytest

from nnstudio.data import csv as dcsv
from nnstudio.data.csv import CsvError, CsvOptions, load_csv, missing_report, sniff

O = CsvOptions

GOOD = [
    pytest.param(
        "a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n", O(),
        dict(x=[[1, 2], [3, 4], [5, 6]], y=[0, 1, 0], task="binary", classes=["cat", "dog"],
             features=["a", "b"], targets=["label"]), id="string-labels-binary"),
    pytest.param(
        "a,b,y\n1,2,3\n3,4,1\n5,6,2\n7,8,10\n", O(),
        dict(x=[[1, 2], [3, 4], [5, 6], [7, 8]], y=[2, 0, 1, 3], task="multiclass",
             classes=["1", "2", "3", "10"]), id="integer-labels-sorted-numerically"),
    pytest.param(
        "x;y\n1,5;0,25\n2,5;1,5\n3,0;2,75\n4;3,5\n5;4,25\n6;5\n7;5,5\n8;6\n"
        "9;6,5\n10;7\n11;7,25\n12;7,5\n13;7,75\n14;8\n15;8,25\n16;8,5\n17;8,75\n18;9\n"
        "19;9,25\n20;9,5\n21;9,75\n", O(delimiter=";", decimal=","),
        dict(task="regression", x0=[1.5], y0=[0.25], n=21), id="decimal-comma-regression"),
    pytest.param(
        "1\t2\t0\n3\t4\t1\n", O(delimiter="\t", has_header=False),
        dict(x=[[1, 2], [3, 4]], y=[0, 1], features=["column 1", "column 2"],
             targets=["column 3"]), id="tab-no-header"),
    pytest.param(
        '\ufeff"name, full",v,c\r\n"1.5",2,"yes"\r\n\r\n3,4,no\r\n', O(feature_columns=[0, 1]),
        dict(x=[[1.5, 2], [3, 4]], y=[1, 0], classes=["no", "yes"],
             features=["name, full", "v"]), id="bom-quotes-crlf-blank-line"),
    pytest.param(
        "t,a,b\nx,1,2\ny,3,4\nx,5,6\n", O(target_columns=[0]),
        dict(x=[[1, 2], [3, 4], [5, 6]], y=[0, 1, 0], features=["a", "b"]),
        id="target-first-column"),
    pytest.param(
        "a,b,y1,y2\n1,2,0.5,1\n2,3,0.25,2\n", O(target_columns=[2, 3]),
        dict(task="regression", yv=[[0.5, 1], [0.25, 2]], targets=["y1", "y2"]),
        id="two-regression-targets"),
    pytest.param(
        "a,b,y\n1,,0\n2,3,1\n4,NA,0\n5,?,1\n6,7,0\n", O(missing="drop"),
        dict(x=[[2, 3], [6, 7]], y=[1, 0], task="binary", classes=["0", "1"],
             notes="Dropped 3 row"),
        id="missing-drop"),
    pytest.param(
        "a,b,y\n1,,0\n2,3,1\n4,NaN,0\n3,6,1\n", O(missing="mean"),
        dict(x=[[1, 4.5], [2, 3], [4, 4.5], [3, 6]], y=[0, 1, 0, 1]), id="missing-mean"),
    pytest.param(
        "a,y\n1,0\n2,1\n", O(task="multiclass"),
        dict(task="multiclass", y=[0, 1], classes=["0", "1"]), id="forced-multiclass-2"),
    pytest.param(
        "a,y\n1,1.0\n2,2.0\n3,1.0\n", O(task="regression"),
        dict(task="regression", yv=[[1.0], [2.0], [1.0]]), id="forced-regression"),
    pytest.param(
        "a|b|y\n 1 | 2 | a \n3|4|b\n", O(delimiter="|"),
        dict(x=[[1, 2], [3, 4]], classes=["a", "b"]), id="pipe-with-spaces"),
]


@pytest.mark.parametrize("text,opts,expect", GOOD)
def test_good_files(text, opts, expect):
    ds = load_csv(text, opts)
    assert ds.x.dtype == np.float64
    if "x" in expect:
        np.testing.assert_array_equal(ds.x, expect["x"])
    if "y" in expect:
        assert ds.y.dtype == np.int64
        np.testing.assert_array_equal(ds.y, expect["y"])
    if "yv" in expect:
        np.testing.assert_allclose(ds.y, expect["yv"])
    if "x0" in expect:
        np.testing.assert_allclose(ds.x[0], expect["x0"])
        np.testing.assert_allclose(ds.y[0], expect["y0"])
    if "n" in expect:
        assert ds.n_samples == expect["n"]
    for key, attr in [("task", "task"), ("classes", "class_names"),
                      ("features", "feature_names"), ("targets", "target_names")]:
        if key in expect:
            assert getattr(ds, attr) == expect[key]
    if "notes" in expect:
        assert any(expect["notes"] in n for n in ds.notes)


BAD = [
    pytest.param("", O(), "The file is empty", None, None, None, id="empty"),
    pytest.param("   \n\n", O(), "The file is empty", None, None, None, id="blank"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", O(), "looks like a binary file, not CSV "
                 "text", None, None, None, id="binary-png"),
    pytest.param("a,b\n1,2\n".encode() + b"\xe9t\xe9,3\n", O(),
                 "export it as csv (utf-8)", 3, None, None, id="latin1-not-utf8"),
    pytest.param(b"\xff\xfea\x00,\x00b\x00", O(), "UTF-16", None, None, None, id="utf16"),
    pytest.param("a,b,c,d,e\n" + "1,2,3,4,0\n" * 15 + "1,2,0\n", O(),
                 "Row 17 has 3 fields, expected 5", 17, None, None, id="ragged"),
    pytest.param("h,w,y\n1,2,0\n3,abc,1\n", O(),
                 "Row 3, column 'w': 'abc' is not a number", 3, "w", "abc", id="non-numeric"),
    pytest.param("h;w;y\n1;2,5;0\n3;4;1\n", O(delimiter=";"),
                 "set the decimal separator to ','", 2, "w", "2,5", id="decimal-comma-hint"),
    pytest.param("h,w,y\n1,inf,0\n3,4,1\n", O(), "not a finite number", 2, "w", "inf",
                 id="infinite"),
    pytest.param("a,y\n1,cat\n2,cat\n", O(), "has a single class ('cat')", None, "y", "cat",
                 id="single-class"),
    pytest.param("a,y\n1,0\n2,1\n3,2\n", O(task="binary"), "has 3 classes, but the task is binary",
                 None, "y", None, id="binary-with-3"),
    pytest.param("a,y\n1,cat\n2,dog\n", O(task="regression"), "regression needs numbers",
                 None, "y", "cat", id="regression-on-text"),
    pytest.param("a,b,y\n1,,0\n2,3,1\n4,NA,0\n", O(),
                 "2 missing value(s) (empty, NA, NaN or ?) in column(s) 'b' (2); first at row(s) "
                 "2, 4", 2, "b", None, id="missing-error"),
    pytest.param("a,b,y\n", O(), "header but no data rows", None, None, None, id="header-only"),
    pytest.param("a,b,y\n1,2,3\n", O(target_columns=[5]),
                 "Target column 5 does not exist: the file has 3 column(s)", None, None, None,
                 id="target-out-of-range"),
    pytest.param("a,b,y\n1,2,3\n", O(feature_columns=[0, 2], target_columns=[2]),
                 "Column 'y' is both a feature and a target", None, None, None, id="overlap"),
    pytest.param("y\n1\n2\n", O(), "No feature columns", None, None, None, id="no-features"),
    pytest.param("a,b,y\n1,2,1\n3,4,1\n5,,0\n", O(missing="drop"), "only one class is left",
                 None, None, None, id="drop-leaves-one-class"),
    pytest.param("a,b\n1,2\n", O(decimal=","), "decimal comma needs another delimiter", None,
                 None, None, id="bad-options"),
    pytest.param("a,id\n" + "".join(f"{i},name{i}\n" for i in range(200)), O(),
                 "looks like an ID or free text", None, "id", None, id="id-column-target"),
    pytest.param('a,b,y\n"1,2,0\n3,4,1\n', O(), "double quote", 2, None, None,
                 id="unclosed-quote"),
    pytest.param("a,y\n,1\n,2\n", O(missing="mean"), "Column 'a' has no values at all", None,
                 "a", None, id="mean-of-nothing"),
    pytest.param("a;b\n1,5;0\n2\x1f;1\n3,1;0\n", O(delimiter=";", decimal=","),
                 "control character 0x1F", 3, None, None, id="control-char-decimal-comma"),
    pytest.param("a,b\n1.5,0\n2\x1f,1\n3.1,0\n", O(), "control character 0x1F", 3, None, None,
                 id="control-char-decimal-point"),
]


@pytest.mark.parametrize("text,opts,fragment,row,column,value", BAD)
def test_bad_files_raise_clear_errors(text, opts, fragment, row, column, value):
    with pytest.raises(CsvError) as info:
        load_csv(text, opts)
    err = info.value
    assert fragment.lower() in str(err).lower()
    assert isinstance(err, ValueError)
    assert err.row == row
    if column is not None:
        assert err.column == column
    if value is not None:
        assert err.value.strip() == value
    # every message also says what to do (an imperative sentence after the diagnosis)
    assert any(w in str(err) for w in ("Choose", "Check", "Fill", "Add", "Export", "Replace",
                                       "Remove", "Leave", "Close", "fix", "Use", "Pick",
                                       "choose")), str(err)


@pytest.mark.parametrize("text,delim,header,decimal,tasks", [
    ("a,b,c\n1.5,2,x\n3.5,4,y\n", ",", True, ".", ["regression", "binary", "binary"]),
    ("1;2,5;0\n3;4,5;1\n4;5,5;2\n", ";", False, ",", ["multiclass", "regression", "multiclass"]),
    ("a\tb\n1.5\t0\n2.5\t1\n", "\t", True, ".", ["regression", "binary"]),
    ("p|q|r\n1|2.5|3\n4|5.5|6\n5|6|7\n", "|", True, ".", ["multiclass", "regression",
                                                         "multiclass"]),
    ("x,y\n1,a\n2,a\n", ",", True, ".", ["binary", "constant"]),
    ("x,y\n" + "".join(f"{i},{i * 0.37:.2f}\n" for i in range(40)), ",", True, ".",
     ["regression", "regression"]),
])
def test_sniff_detects_format(text, delim, header, decimal, tasks):
    s = sniff(text)
    assert s.options.delimiter == delim
    assert s.options.has_header is header
    assert s.options.decimal == decimal
    assert s.column_tasks == tasks
    assert s.options.target_columns == [len(tasks) - 1]
    assert s.n_rows == text.count("\n") - (1 if header else 0)


def test_sniff_previews_and_warns():
    text = "name,w,h,y\n" + "".join(f"n{i},{i},,{i % 2}\n" for i in range(30))
    s = sniff(text)
    assert s.header == ["name", "w", "h", "y"]
    assert len(s.rows) == 20 and s.rows[0] == ["n0", "0", "", "0"]
    assert s.n_rows == 30
    assert s.options.feature_columns == [1]  # text 'name' and empty 'h' left out
    assert any("'name' is not numeric" in w for w in s.warnings)
    assert any("'h' has 30 missing" in w for w in s.warnings)
    ds = load_csv(text, s.options)
    assert ds.feature_names == ["w"] and ds.task == "binary"


def test_sniff_then_load_iris_like_text_without_options():
    text = "sl,sw,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n6.3,3.3,virginica\n"
    ds = load_csv(text)
    assert ds.task == "multiclass" and ds.class_names == ["setosa", "versicolor", "virginica"]


def test_missing_report_counts_and_rows():
    rep = missing_report("a,b,y\n1,,0\n2,3,\n?,3,1\n", O())
    assert rep.total == 3
    assert rep.per_column == {"a": 1, "b": 1, "y": 1}
    assert rep.first_rows == [2, 3, 4]
    assert "3 missing value(s)" in rep.message()
    assert missing_report("a,y\n1,0\n2,1\n", O()).message() == ""


def test_missing_class_label_rows_are_dropped_even_with_mean():
    ds = load_csv("a,y\n1,x\n2,\n3,z\n", O(missing="mean"))
    np.testing.assert_array_equal(ds.x[:, 0], [1, 3])
    assert ds.class_names == ["x", "z"]


def test_options_round_trip_and_validation():
    o = O(delimiter=";", has_header=False, decimal=",", target_columns=[0, 2],
          feature_columns=[1], task="regression", missing="mean")
    assert O.from_dict(o.to_dict()) == o
    assert O.from_dict(O().to_dict()) == O()
    for bad, frag in [({"delimiter": "ab"}, "Delimiter"), ({"task": "guess"}, "Task must be"),
                      ({"missing": "skip"}, "Missing-value"), ({"colour": 1}, "Unknown CSV"),
                      ({"target_columns": ["a"]}, "whole numbers"),
                      ({"has_header": "yes"}, "true or false")]:
        with pytest.raises(CsvError, match=frag):
            O.from_dict(bad)


def test_check_split_refuses_too_few_rows():
    assert dcsv.check_split(10, 0.2) == (8, 2)
    assert dcsv.check_split(1, 0.0) == (1, 0)
    with pytest.raises(CsvError, match="Only 1 row"):
        dcsv.check_split(1, 0.2)
    with pytest.raises(CsvError, match="no rows"):
        dcsv.check_split(0, 0.2)


def test_quoted_and_unquoted_chunks_agree():
    plain = "a,b,y\n" + "".join(f"{i},{i * 2},{i % 3}\n" for i in range(50))
    quoted = plain.replace("\n1,", '\n"1",')
    a, b = load_csv(plain, O()), load_csv(quoted, O())
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
