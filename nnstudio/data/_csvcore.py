"""Low-level CSV parsing for :mod:`nnstudio.data.csv` (internal).

Lines arrive in chunks (from a string or streamed from a file).  Each chunk
is split into cells with ``str.split`` (or the stdlib ``csv`` reader when
the chunk has quotes) and every feature column is converted with one
``np.fromiter(map(float, ...))`` call; only when that fails does a
per-cell pass run, to find missing markers or report the bad cell.  Feature
values are kept as float64 chunk arrays, so memory stays a small multiple of
the final array.  Target columns are kept as text until the end, because
they may hold class names.
"""

from __future__ import annotations

import csv as _stdcsv
import re
from dataclasses import dataclass

import numpy as np

from .errors import CsvError

MISSING = frozenset({"", "na", "n/a", "nan", "?", "null"})
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_AUTO_CLASSES = 20      # integer-like numeric targets with <= this many values are classes
MAX_TEXT_CLASSES = 100     # text columns with more distinct values are 'text', not labels
MAX_CLASSES = 1000         # hard limit when the user forces a classification task
_CTRL = bytes(range(0, 9)) + bytes(range(14, 32))
#: control characters no CSV cell may hold (tab is a delimiter, CR/LF end lines)
_CTRL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BINARY_HINT = "Export it as CSV (UTF-8) from your spreadsheet and load that file."


def decode(data: bytes, offset: int = 0, first: bool = True, all_data: bytes | None = None) -> str:
    """Decode a block of UTF-8 CSV bytes, or raise a CsvError that says what to do."""
    if first and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CsvError("The file is UTF-16 text, not UTF-8. " + BINARY_HINT)
    if b"\x00" in data or sum(data[:4096].count(c) for c in _CTRL) > 4:
        raise CsvError("The file looks like a binary file, not CSV text. " + BINARY_HINT)
    try:
        return data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        pos = exc.start
        line = data[:pos].count(b"\n") + 1
        raise CsvError(
            f"The file looks like a binary file, not CSV text: byte 0x{data[pos]:02x} at "
            f"offset {offset + pos} is not UTF-8 text. " + BINARY_HINT,
            row=line if offset == 0 else None) from None


def check_text(text: str) -> str:
    """Reject text with NUL characters (a binary file read as text)."""
    if "\x00" in text:
        raise CsvError("The text looks like a binary file, not CSV text. " + BINARY_HINT)
    return text[1:] if text.startswith("\ufeff") else text


def normalise_newlines(text: str) -> list[str]:
    """Split text into lines, accepting \\n, \\r\\n and \\r endings."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def split_line(line: str, delim: str) -> list[str]:
    """Fields of one line, honouring double quotes."""
    if '"' not in line:
        return line.split(delim)
    try:
        rows = list(_stdcsv.reader([line], delimiter=delim))
    except _stdcsv.Error as exc:
        raise CsvError(f"Cannot split a line into fields ({exc}). Check its quotes.") from None
    return rows[0] if rows else [""]


def is_number(s: str, decimal: str = ".") -> bool:
    """True if the cell text is a finite or infinite float (decimal comma allowed)."""
    if decimal == ",":
        s = s.replace(",", ".")
    try:
        float(s)
        return True
    except ValueError:
        return False


def to_float(cells: list[str], decimal: str, rows, name: str,
             missing: list | None = None) -> np.ndarray:
    """Convert one column's cells to float64; missing markers become NaN.

    ``rows`` maps cell index -> file line number for messages.  Bad cells
    raise CsvError naming row, column and value.  Indices of missing cells
    are appended to ``missing`` when given.
    """
    if decimal == ",":
        # per cell: joining on a separator character breaks when a cell holds it
        cells = [c.replace(",", ".") for c in cells]
    try:
        out = np.fromiter(map(float, cells), np.float64, len(cells))
    except ValueError:
        out = np.empty(len(cells), np.float64)
        for i, s in enumerate(cells):
            t = s.strip()
            if t.lower() in MISSING:
                out[i] = np.nan
                continue
            try:
                out[i] = float(t)
            except ValueError:
                hint = ""
                if decimal == "." and is_number(t, ","):
                    hint = " If the file uses a decimal comma, set the decimal separator to ','."
                raise CsvError(
                    f"Row {rows[i]}, column '{name}': {s.strip()[:40]!r} is not a number. "
                    "Feature columns must hold numbers: fix the value, leave the cell empty "
                    "to mark it missing, or leave this column out of the features." + hint,
                    row=int(rows[i]), column=name, value=s) from None
    bad = np.isinf(out)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise CsvError(
            f"Row {rows[i]}, column '{name}': {cells[i].strip()[:40]!r} is not a finite "
            "number. Replace it with a real value or leave the cell empty.",
            row=int(rows[i]), column=name, value=cells[i])
    if missing is not None:
        missing.extend(np.flatnonzero(np.isnan(out)).tolist())
    return out


def parse_target(cells: list[str], decimal: str):
    """Classify a target column: ``('numeric', float array with NaN)`` or ``('text', list)``.

    For text, the list holds stripped strings with ``None`` for missing cells.
    """
    stripped = [c.strip() for c in cells]
    if decimal == ",":
        conv = [c.replace(",", ".") for c in stripped]
    else:
        conv = stripped
    out = np.empty(len(conv), np.float64)
    for i, t in enumerate(conv):
        try:
            out[i] = float(t)
        except ValueError:
            if t.lower() in MISSING:
                out[i] = np.nan
            else:
                return "text", [None if c.lower() in MISSING else c for c in stripped]
    return "numeric", out


def column_task(kind: str, values) -> str:
    """Guess what a column can be used for.

    Returns 'regression', 'binary', 'multiclass', 'text' (not usable as
    labels), 'constant' (one value) or 'empty' (all missing).
    """
    if kind == "numeric":
        v = values[~np.isnan(values)]
        distinct = np.unique(v)
        if distinct.size == 0:
            return "empty"
        if distinct.size == 1:
            return "constant"
        if distinct.size <= MAX_AUTO_CLASSES and np.all(distinct == np.round(distinct)):
            return "binary" if distinct.size == 2 else "multiclass"
        return "regression"
    present = [v for v in values if v is not None]
    d = len(set(present))
    if d == 0:
        return "empty"
    if d == 1:
        return "constant"
    if d == 2:
        return "binary"
    if d > MAX_TEXT_CLASSES or (d > MAX_AUTO_CLASSES and d > 0.5 * len(present)):
        return "text"
    return "multiclass"


def unique_names(names: list[str]) -> list[str]:
    """Header names made non-empty and unique ('column 3', 'x_2')."""
    out, seen = [], set()
    for j, n in enumerate(names):
        n = n.strip() or f"column {j + 1}"
        base, k = n, 2
        while n in seen:
            n, k = f"{base}_{k}", k + 1
        seen.add(n)
        out.append(n)
    return out


@dataclass
class Parsed:
    """Everything read from the file, before targets and missing values are resolved."""

    names: list[str]
    feature_idx: list[int]
    target_idx: list[int]
    x: np.ndarray             # (n, n_features) float64, NaN = missing
    targets: list[list[str]]  # raw text per target column
    rows: np.ndarray          # file line number of each data row
    missing_cells: dict       # feature name -> count


class ColumnParser:
    """Accumulates chunks of lines into feature arrays and target text."""

    def __init__(self, options):
        self.o = options
        self.names: list[str] | None = None
        self.ncols = 0
        self.header_pending = bool(options.has_header)
        self.x_chunks: list[np.ndarray] = []
        self.row_chunks: list[np.ndarray] = []
        self.targets: list[list[str]] = []
        self.feature_idx: list[int] = []
        self.target_idx: list[int] = []
        self.missing: dict[str, int] = {}

    def _resolve_columns(self):
        n = self.ncols

        def norm(j, what):
            if isinstance(j, bool) or not isinstance(j, (int, np.integer)):
                raise CsvError(f"{what} column {j!r} is not a column number.")
            if not -n <= j < n:
                raise CsvError(
                    f"{what} column {j} does not exist: the file has {n} column(s), "
                    f"numbered 0 to {n - 1}. Choose a column that exists.")
            return int(j) % n

        tgt = [norm(j, "Target") for j in self.o.target_columns]
        if not tgt:
            raise CsvError("No target column chosen. Pick the column the network should predict.")
        if len(set(tgt)) != len(tgt):
            raise CsvError("A target column is listed twice. List each target column once.")
        if self.o.feature_columns is None:
            feats = [j for j in range(n) if j not in tgt]
        else:
            feats = [norm(j, "Feature") for j in self.o.feature_columns]
            both = sorted(set(feats) & set(tgt))
            if both:
                raise CsvError(
                    f"Column '{self.names[both[0]]}' is both a feature and a target. "
                    "Remove it from the features (a network must not see the answer).")
            if len(set(feats)) != len(feats):
                raise CsvError("A feature column is listed twice. List each column once.")
        if not feats:
            raise CsvError("No feature columns: the file needs at least one input column "
                           "besides the target. Choose feature columns.")
        self.feature_idx, self.target_idx = feats, tgt
        self.targets = [[] for _ in tgt]
        self.missing = {self.names[j]: 0 for j in feats}

    def feed(self, lines: list[str], first_lineno: int):
        """Parse ``lines`` (no newline characters); ``first_lineno`` is the 1-based line of lines[0]."""
        nums = None
        if any(not ln.strip() for ln in lines):
            keep = [(first_lineno + i, ln) for i, ln in enumerate(lines) if ln.strip()]
            nums = [k for k, _ in keep]
            lines = [ln for _, ln in keep]
        if not lines:
            return
        if nums is None:
            nums = range(first_lineno, first_lineno + len(lines))
        if self.names is None:
            first = split_line(lines[0], self.o.delimiter)
            self.ncols = len(first)
            if self.header_pending:
                self.names = unique_names(first)
                lines, nums = lines[1:], nums[1:]
            else:
                self.names = [f"column {j + 1}" for j in range(self.ncols)]
            self._resolve_columns()
            if not lines:
                return
        self._feed_rows(lines, nums)

    def _feed_rows(self, lines, nums):
        d, n = self.o.delimiter, self.ncols
        joined = d.join(lines)
        if _CTRL_RE.search(joined):
            i = next(i for i, ln in enumerate(lines) if _CTRL_RE.search(ln))
            ch = _CTRL_RE.search(lines[i]).group()
            raise CsvError(
                f"Row {nums[i]} holds the control character 0x{ord(ch):02X}, which no CSV value "
                "may contain. Remove it (or export the file again as plain CSV text).",
                row=int(nums[i]))
        if '"' in joined:
            try:
                rows = list(_stdcsv.reader(lines, delimiter=d, strict=False))
            except _stdcsv.Error as exc:
                raise CsvError(f"Cannot read a quoted field near row {nums[0]} ({exc}). "
                               "Check for an unclosed double quote.", row=int(nums[0])) from None
            counts = [len(r) for r in rows]
        else:
            rows = None
            counts = [ln.count(d) + 1 for ln in lines] if n > 1 else [1] * len(lines)
        if len(counts) != len(lines):
            raise CsvError(
                f"A double quote opened near row {nums[0]} is not closed (or a quoted value "
                "spans several lines). Close the quote or remove the line break.",
                row=int(nums[0]))
        if any(c != n for c in counts):
            i = next(i for i, c in enumerate(counts) if c != n)
            got = counts[i]
            name = DELIMITER_NAMES.get(d, repr(d))
            raise CsvError(
                f"Row {nums[i]} has {got} fields, expected {n}. Check that row for a missing "
                f"or extra {name}, or a value containing a {name} (put it in double quotes).",
                row=int(nums[i]))
        m = len(lines)
        rownums = np.fromiter(nums, np.int64, m)
        if rows is None and self.o.decimal == "." and self._fast(lines, rownums):
            return
        if rows is None:
            cells = joined.split(d) if n > 1 else lines
        else:
            cells = [c for r in rows for c in r]
        block = np.empty((m, len(self.feature_idx)), np.float64)
        for k, j in enumerate(self.feature_idx):
            miss: list = []
            block[:, k] = to_float(cells[j::n], self.o.decimal, rownums, self.names[j], miss)
            if miss:
                self.missing[self.names[j]] += len(miss)
        for t, j in enumerate(self.target_idx):
            self.targets[t].extend(cells[j::n])
        self.x_chunks.append(block)
        self.row_chunks.append(rownums)

    def _fast(self, lines, rownums) -> bool:
        """Parse a clean chunk with numpy's C reader; False -> use the careful path."""
        opts = dict(delimiter=self.o.delimiter, comments=None, quotechar=None, ndmin=2)
        try:
            block = np.loadtxt(lines, usecols=self.feature_idx, dtype=np.float64, **opts)
            if np.isinf(block).any():
                return False
            tgt = np.loadtxt(lines, usecols=self.target_idx, dtype=str, **opts)
        except ValueError:
            return False
        if block.shape != (len(lines), len(self.feature_idx)) or tgt.shape[0] != len(lines):
            return False
        nan = np.isnan(block).sum(axis=0)
        for k in np.flatnonzero(nan):
            self.missing[self.names[self.feature_idx[k]]] += int(nan[k])
        for t in range(len(self.target_idx)):
            self.targets[t].extend(tgt[:, t].tolist())
        self.x_chunks.append(block)
        self.row_chunks.append(rownums)
        return True

    def finish(self) -> Parsed:
        """All rows read: concatenate and return a :class:`Parsed` (CsvError if no rows)."""
        if self.names is None:
            raise CsvError("The file is empty. Choose a CSV file with a header and data rows.")
        if not self.x_chunks:
            raise CsvError("The file has a header but no data rows. Add rows below the header, "
                           "or untick 'first row is a header' if the first row is data.")
        x = self.x_chunks[0] if len(self.x_chunks) == 1 else np.concatenate(self.x_chunks)
        self.x_chunks = []
        rows = np.concatenate(self.row_chunks)
        return Parsed(self.names, self.feature_idx, self.target_idx, x, self.targets,
                      rows, self.missing)
