"""read_csv_file: streaming in blocks, progress, cancel, size limit, boundaries."""

import numpy as np
import pytest

from nnstudio.data import csv as dcsv
from nnstudio.data.csv import CsvCancelled, CsvError, CsvOptions, load_csv, read_csv_file


def _text(rows=600, crlf=False):
    nl = "\r\n" if crlf else "\n"
    lines = ["a,b,c,label"] + [f"{i * 0.5},{-i},{i % 7 * 1.25},{'xyz'[i % 3]}"
                                for i in range(rows)]
    return nl.join(lines) + nl


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 257 bytes so a small file crosses many block boundaries."""
    monkeypatch.setattr(dcsv, "_BLOCK", 257)


@pytest.mark.parametrize("crlf", [False, True])
def test_streaming_matches_load_csv_across_block_boundaries(tmp_path, small_blocks, crlf):
    text = _text(crlf=crlf)
    path = tmp_path / "d.csv"
    path.write_bytes(text.encode())
    calls = []
    ds = read_csv_file(path, CsvOptions(), progress=calls.append)
    ref = load_csv(text, CsvOptions())
    np.testing.assert_array_equal(ds.x, ref.x)
    np.testing.assert_array_equal(ds.y, ref.y)
    assert ds.class_names == ["x", "y", "z"] and ds.n_samples == 600
    assert ds.source == "d.csv (600 rows)"
    assert len(calls) > 10
    assert calls == sorted(calls) and calls[-1] == 1.0 and 0 < calls[0] < 1


def test_row_numbers_stay_right_across_blocks(tmp_path, small_blocks):
    lines = _text(300).split("\n")
    lines[200] = "oops," + lines[200].split(",", 1)[1]
    bad = 201  # 1-based line number, header is line 1
    path = tmp_path / "d.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CsvError) as info:
        read_csv_file(path, CsvOptions())
    assert info.value.row == bad and info.value.column == "a" and info.value.value == "oops"
    assert f"Row {bad}, column 'a'" in str(info.value)


def test_cancel_stops_reading(tmp_path, small_blocks):
    path = tmp_path / "d.csv"
    path.write_text(_text(), encoding="utf-8")
    progress = []
    with pytest.raises(CsvCancelled):
        read_csv_file(path, CsvOptions(), progress=progress.append,
                      cancel=lambda: len(progress) >= 3)
    assert len(progress) == 3 and progress[-1] < 0.5


def test_size_limit_is_refused_with_size_in_message(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(_text(200), encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(CsvError) as info:
        read_csv_file(path, CsvOptions(), max_bytes=1024)
    msg = str(info.value)
    assert f"{size / 1024:.1f} KiB" in msg and "1.0 KiB limit" in msg and "smaller" in msg


def test_default_limit_is_one_gib_and_named_in_gib(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(dcsv.os.path, "getsize", lambda p: 3 * (1 << 30) + (1 << 29))
    with pytest.raises(CsvError, match=r"3\.5 GiB, larger than the 1\.0 GiB limit"):
        read_csv_file(path, CsvOptions())


def test_non_utf8_in_a_later_block_is_reported(tmp_path, small_blocks):
    path = tmp_path / "d.csv"
    path.write_bytes(_text().encode() + b"1,2,3,\xff\n")
    with pytest.raises(CsvError, match="not UTF-8 text.*Export it as CSV \\(UTF-8\\)"):
        read_csv_file(path, CsvOptions())


def test_binary_file_and_empty_file(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(CsvError, match="binary file"):
        read_csv_file(path, CsvOptions())
    path.write_bytes(b"")
    with pytest.raises(CsvError, match="empty"):
        read_csv_file(path, CsvOptions())
    with pytest.raises(CsvError, match="Cannot open"):
        read_csv_file(tmp_path / "missing.csv", CsvOptions())


def test_options_none_sniffs_the_head(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("u;v;k\n1,5;2;a\n2,5;3;b\n3,5;1;a\n", encoding="utf-8")
    ds = read_csv_file(path)
    np.testing.assert_allclose(ds.x[:, 0], [1.5, 2.5, 3.5])
    s = dcsv.sniff_file(path)
    assert s.options.delimiter == ";" and s.options.decimal == "," and s.n_rows == 3


def test_sniff_file_estimates_rows_of_a_long_file(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(_text(5000), encoding="utf-8")
    s = dcsv.sniff_file(path, max_bytes_read=4096)
    assert 4000 < s.n_rows < 6000
    assert s.header == ["a", "b", "c", "label"]


def test_file_without_trailing_newline_and_old_mac_endings(tmp_path, small_blocks):
    path = tmp_path / "d.csv"
    path.write_bytes(_text(100).rstrip("\n").replace("\n", "\r").encode())
    ds = read_csv_file(path, CsvOptions())
    assert ds.n_samples == 100
