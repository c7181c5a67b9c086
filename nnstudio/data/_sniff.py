"""Guess how a CSV file is written (delimiter, header, decimal comma) and preview it."""

from __future__ import annotations

import os
import re

import numpy as np

from . import _csvcore as core
from ._csvcore import column_task, parse_target
from .csv_options import CsvOptions, CsvSniff
from .errors import CsvError

_COMMA_NUM = re.compile(r"^[+-]?\d+,\d+$")
_DOT_NUM = re.compile(r"^[+-]?\d*\.\d+([eE][+-]?\d+)?$")


def _to_text(data) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if not data.strip():
            raise CsvError("The file is empty. Choose a CSV file with a header and data rows.")
        return core.decode(data)
    if not isinstance(data, str):
        raise CsvError(f"Expected CSV text or bytes, got {type(data).__name__}.")
    return core.check_text(data)


def _guess_delimiter(lines: list[str]) -> str:
    best, best_score = ",", 0.0
    for cand in (",", ";", "\t", "|"):
        counts = [len(core.split_line(ln, cand)) for ln in lines]
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        consistent = counts.count(mode) / len(counts)
        cells = [c.strip() for ln in lines[1:] for c in core.split_line(ln, cand)]
        numeric = sum(core.is_number(c, "," if cand != "," else ".") for c in cells)
        score = consistent * (1.0 + numeric / max(1, len(cells))) + mode * 1e-3
        if score > best_score + 1e-9:
            best, best_score = cand, score
    return best


def _guess_header(rows: list[list[str]], decimal: str) -> bool:
    if not rows:
        return False
    first, rest = rows[0], rows[1:]
    if any(c.strip().lower() in core.MISSING or core.is_number(c.strip(), decimal)
           for c in first):
        return False
    if not rest:
        return True
    for j, name in enumerate(first):
        col = [r[j].strip() for r in rest if j < len(r) and r[j].strip().lower() not in core.MISSING]
        if col and sum(core.is_number(c, decimal) for c in col) >= 0.8 * len(col):
            return True
    return all(name.strip() not in {r[j].strip() for r in rest if j < len(r)}
               for j, name in enumerate(first))


def sniff(text, max_rows: int = 1000) -> CsvSniff:
    """Guess delimiter (, ; tab |), header and decimal comma; preview the data.

    Looks at the first ``max_rows`` rows for the column analysis and counts
    all non-blank lines for ``n_rows``.  Raises CsvError only for empty or
    binary input; everything else odd becomes a warning.
    """
    text = _to_text(text)
    all_lines = [ln for ln in core.normalise_newlines(text) if ln.strip()]
    if not all_lines:
        raise CsvError("The file is empty. Choose a CSV file with a header and data rows.")
    lines = all_lines[: max_rows + 1]
    delim = _guess_delimiter(lines[:200])
    try:
        rows = [core.split_line(ln, delim) for ln in lines]
    except CsvError:
        rows = [ln.split(delim) for ln in lines]
    cells = [c.strip() for r in rows[1:] for c in r]
    decimal = "."
    if delim != "," and any(_COMMA_NUM.match(c) for c in cells) \
            and not any(_DOT_NUM.match(c) for c in cells):
        decimal = ","
    has_header = _guess_header(rows, decimal)
    ncols = max(set(map(len, rows)), key=[len(r) for r in rows].count)
    header = core.unique_names(rows[0]) if has_header and len(rows[0]) == ncols \
        else [f"column {j + 1}" for j in range(ncols)]
    data = rows[1:] if has_header else rows
    warnings = []
    start = 2 if has_header else 1
    ragged = [(i + start, len(r)) for i, r in enumerate(data) if len(r) != ncols]
    if ragged:
        warnings.append(f"{len(ragged)} row(s) do not have {ncols} fields "
                        f"(row {ragged[0][0]} has {ragged[0][1]}).")
    good = [r for r in data if len(r) == ncols]
    tasks, kinds = [], []
    for j in range(ncols):
        kind, values = parse_target([r[j] for r in good], decimal)
        if kind == "numeric" and np.isinf(values).any():
            kind, values = "text", [r[j].strip() for r in good]
        kinds.append(kind)
        tasks.append(column_task(kind, values))
        n_miss = int(np.isnan(values).sum()) if kind == "numeric" else values.count(None)
        if n_miss:
            warnings.append(f"Column '{header[j]}' has {n_miss} missing value(s) in the "
                            "preview; choose how to handle missing values.")
    target = ncols - 1
    feats = None
    if ncols > 1:
        text_cols = [j for j in range(ncols - 1) if kinds[j] == "text" or tasks[j] == "empty"]
        if text_cols:
            feats = [j for j in range(ncols - 1) if j not in text_cols]
            for j in text_cols:
                warnings.append(f"Column '{header[j]}' is not numeric; it is left out of "
                                "the features.")
    else:
        warnings.append("Only one column was found: a dataset needs inputs and a target. "
                        "Check the delimiter.")
    opts = CsvOptions(delim, has_header, decimal, [target], feats, "auto", "error")
    n_rows = len(all_lines) - (1 if has_header else 0)
    return CsvSniff(opts, header, [list(r) for r in data[:20]], n_rows, tasks, warnings)


def sniff_file(path, max_bytes_read: int = 1 << 16) -> CsvSniff:
    """:func:`sniff` the head of a file; ``n_rows`` is estimated from the file size."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(max_bytes_read)
    if not head.strip():
        raise CsvError("The file is empty. Choose a CSV file with a header and data rows.")
    partial = len(head) < size
    if partial and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    result = sniff(core.decode(head))
    if partial:
        per_line = len(head) / max(1, head.count(b"\n"))
        result.n_rows = int(size / per_line) - (1 if result.options.has_header else 0)
    return result
