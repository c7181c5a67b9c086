"""Benchmark: import a 100,000 × 50 numeric CSV (+1 integer label) with read_csv_file.

Prints the seconds taken (an untraced run) and the tracemalloc peak of a
second, traced run as a ratio of the raw float64 array size (the reference
measured in the same run), plus the time of ``np.loadtxt`` on the same file
as a speed reference.

    python benchmarks/csv_import.py [--rows 100000] [--cols 50]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnstudio.data.csv import CsvOptions, read_csv_file  # noqa: E402


def write_csv(path: str, rows: int, cols: int, seed: int = 0) -> None:
    """Write ``rows`` × ``cols`` random floats plus an integer label column."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, cols))
    y = rng.integers(0, 5, size=rows)
    header = ",".join([f"f{i}" for i in range(cols)] + ["label"])
    fmt = ",".join(["%.6f"] * cols) + ",%d"
    data = np.column_stack([x, y])
    np.savetxt(path, data, fmt=fmt, header=header, comments="")


def main(argv=None) -> int:
    """Run the benchmark and print the numbers."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--cols", type=int, default=50)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.csv")
        write_csv(path, args.rows, args.cols)
        size = os.path.getsize(path)
        raw = args.rows * (args.cols + 1) * 8
        opts = CsvOptions(delimiter=",", has_header=True, target_columns=[-1])
        calls = []
        t0 = time.perf_counter()
        ds = read_csv_file(path, opts, progress=calls.append)
        secs = time.perf_counter() - t0
        del ds
        # second run under tracemalloc (which slows Python down) for the memory peak
        tracemalloc.start()
        ds = read_csv_file(path, opts)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        t0 = time.perf_counter()
        ref = np.loadtxt(path, delimiter=",", skiprows=1)
        ref_secs = time.perf_counter() - t0
        assert ds.x.shape == (args.rows, args.cols) and ds.n_classes == 5
        assert np.allclose(ds.x, ref[:, :-1])
    print(f"file: {args.rows} rows x {args.cols + 1} columns, {size / 2**20:.1f} MiB")
    print(f"read_csv_file: {secs:.2f} s ({size / 2**20 / secs:.1f} MiB/s), "
          f"{len(calls)} progress calls")
    print(f"np.loadtxt reference: {ref_secs:.2f} s -> ratio {secs / ref_secs:.2f}x")
    print(f"peak traced memory: {peak / 2**20:.1f} MiB; raw float64 array "
          f"{raw / 2**20:.1f} MiB -> ratio {peak / raw:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
