"""Load CSV files as datasets: options, sniffing, streaming and clear errors.

Typical use::

    guess = sniff(text)                 # delimiter, header, decimal comma, preview
    ds = load_csv(text, guess.options)  # -> Dataset
    ds = read_csv_file(path, options, progress=cb, cancel=should_stop)

Row numbers in messages and in ``CsvError.row`` are 1-based file line
numbers, header included, as a spreadsheet shows them.
"""

from __future__ import annotations

import os

import numpy as np

from . import _csvcore as core
from ._csvcore import column_task, parse_target
from ._sniff import _to_text, sniff, sniff_file
from .csv_options import MISSING_CHOICES, TASK_CHOICES, CsvOptions, CsvSniff, MissingReport
from .dataset import Dataset
from .errors import CsvCancelled, CsvError

__all__ = ["CsvOptions", "CsvSniff", "MissingReport", "CsvError", "CsvCancelled", "sniff",
           "sniff_file", "load_csv", "read_csv_file", "missing_report", "check_split",
           "TASK_CHOICES", "MISSING_CHOICES"]

from .split import check_split  # noqa: E402  (re-exported: part of the CSV contract)

DEFAULT_MAX_BYTES = 1 << 30
_BLOCK = 1 << 20


def _iter_text_chunks(text: str):
    lines = core.normalise_newlines(text)
    width = max(1, lines[0].count(",") + lines[0].count(";") + lines[0].count("\t") + 1)
    step = max(64, 262_144 // width)
    for i in range(0, len(lines), step):
        yield lines[i:i + step], i + 1


def _parse(chunks, options: CsvOptions):
    options.validate()
    parser = core.ColumnParser(options)
    for lines, first in chunks:
        parser.feed(lines, first)
    return parser.finish()


def _report(p) -> MissingReport:
    per = dict(p.missing_cells)
    mask = np.isnan(p.x).any(axis=1)
    for t, j in enumerate(p.target_idx):
        m = np.fromiter((c.strip().lower() in core.MISSING for c in p.targets[t]), bool,
                        len(p.targets[t]))
        per[p.names[j]] = int(m.sum())
        mask |= m
    first = p.rows[np.flatnonzero(mask)[:10]].tolist()
    return MissingReport(int(sum(per.values())), per, first)


def _labels(kind, values, name, task, rows):
    """Map a single target column to (task, int labels with -1 = missing, class names)."""
    if kind == "numeric":
        ok = ~np.isnan(values)
        distinct = np.unique(values[ok])
        codes = np.full(values.shape, -1, np.int64)
        codes[ok] = np.searchsorted(distinct, values[ok])
        names = [str(int(v)) if v == int(v) else f"{v:g}" for v in distinct]
    else:
        distinct = sorted({v for v in values if v is not None})
        index = {v: i for i, v in enumerate(distinct)}
        codes = np.fromiter((index.get(v, -1) if v is not None else -1 for v in values),
                            np.int64, len(values))
        names = list(distinct)
    k = len(names)
    if k == 0:
        raise CsvError(f"Target column '{name}' has no values. Choose another target column.",
                       column=name)
    if k == 1:
        raise CsvError(f"Target column '{name}' has a single class ({names[0]!r}): there is "
                       "nothing to learn. Choose another target column, or add rows of the "
                       "other classes.", column=name, value=names[0])
    if task == "binary" and k != 2:
        raise CsvError(f"Target column '{name}' has {k} classes, but the task is binary "
                       "(exactly 2). Choose 'multiclass' or another target column.", column=name)
    if k > core.MAX_CLASSES:
        raise CsvError(f"Target column '{name}' has {k} different values: too many classes. "
                       "Choose 'regression' for a numeric target, or another column.",
                       column=name)
    return ("binary" if k == 2 and task != "multiclass" else "multiclass"), codes, names


def _nanmean(a: np.ndarray) -> np.ndarray:
    """Column means ignoring NaN (NaN for an all-NaN column), without warnings."""
    ok = ~np.isnan(a)
    count = ok.sum(axis=0)
    total = np.where(ok, a, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def _build(p, options: CsvOptions, source: str) -> Dataset:
    report = _report(p)
    parsed = [parse_target(t, options.decimal) for t in p.targets]
    tnames = [p.names[j] for j in p.target_idx]
    for (kind, values), name, raw in zip(parsed, tnames, p.targets):
        if kind == "numeric" and np.isinf(values).any():
            i = int(np.flatnonzero(np.isinf(values))[0])
            raise CsvError(f"Row {p.rows[i]}, column '{name}': {raw[i].strip()[:40]!r} is "
                           "not a finite number. Replace it or leave the cell empty.",
                           row=int(p.rows[i]), column=name, value=raw[i])
    task = options.task
    if task == "auto":
        if len(parsed) > 1:
            task = "regression"
        else:
            kind, values = parsed[0]
            guess = column_task(kind, values)
            if guess == "text":
                raise CsvError(
                    f"Target column '{tnames[0]}' holds many different texts: it looks like "
                    "an ID or free text, not a class label. Choose another target column.",
                    column=tnames[0])
            task = "regression" if guess == "regression" else "classification"
    notes = []
    if task == "regression":
        for (kind, values), name in zip(parsed, tnames):
            if kind == "text":
                bad = next(v for v in values if v is not None and not core.is_number(
                    v, options.decimal))
                raise CsvError(f"Target column '{name}' holds text such as {bad!r}; regression "
                               "needs numbers. Choose a classification task or another target.",
                               column=name, value=bad)
            if np.isnan(values).all():
                raise CsvError(f"Target column '{name}' has no values. Choose another target "
                               "column.", column=name)
        y = np.column_stack([v for _, v in parsed])
        class_names, ymiss = None, np.isnan(y).any(axis=1)
    else:
        if len(parsed) != 1:
            raise CsvError("Classification needs exactly one target column. Choose one class "
                           "column, or the regression task for several numeric targets.")
        task, y, class_names = _labels(*parsed[0], tnames[0], task, p.rows)
        ymiss = y < 0
    x = p.x
    xmiss = np.isnan(x).any(axis=1)
    if report.total:
        if options.missing == "error":
            first_col = next(k for k, v in report.per_column.items() if v)
            raise CsvError(report.message() + " Fill them in, or choose to drop those rows or "
                           "fill them with the column mean.", row=report.first_rows[0],
                           column=first_col)
        if options.missing == "mean":
            if xmiss.any():
                col_mean = _nanmean(x)
                empty = [p.names[j] for k, j in enumerate(p.feature_idx) if np.isnan(col_mean[k])]
                if empty:
                    raise CsvError(f"Column '{empty[0]}' has no values at all, so there is no "
                                   "mean to fill in. Leave it out of the features.",
                                   column=empty[0])
                x = np.where(np.isnan(x), col_mean, x)
                xmiss = np.zeros(len(x), bool)
            if task == "regression" and ymiss.any():
                y = np.where(np.isnan(y), _nanmean(y), y)
                ymiss = np.zeros(len(y), bool)
            notes.append("Filled missing feature values with column means.")
        drop = xmiss | ymiss
        if drop.any():
            keep = ~drop
            if not keep.any():
                raise CsvError("Every row has a missing value, so no rows are left. "
                               "Fill in the missing values or fill them with column means.")
            x, y = x[keep], y[keep]
            if class_names is not None and np.unique(y).size < 2:
                raise CsvError("After dropping rows with missing values only one class is "
                               "left. Fill in the missing values instead.")
            notes.append(f"Dropped {int(drop.sum())} row(s) with missing values.")
        notes.insert(0, report.message())
    shape = None
    if options.image_shape is not None:
        h, w = (int(v) for v in options.image_shape)
        if h * w != x.shape[1]:
            raise CsvError(f"The features cannot be {h}×{w} images: that is {h * w} pixels, but "
                           f"{x.shape[1]} feature columns are chosen. Choose the pixel columns "
                           "as features, or turn the image option off.")
        shape = (h, w)
    return Dataset(x, y, [p.names[j] for j in p.feature_idx], tnames, task, class_names,
                   f"{source} ({len(x)} rows)", notes, image_shape=shape)


def load_csv(text_or_bytes, options: CsvOptions | None = None, source: str = "CSV text") -> Dataset:
    """Parse CSV text (or UTF-8 bytes) into a :class:`Dataset`.

    ``options=None`` uses :func:`sniff`'s guess.  Problems raise
    :class:`CsvError` with ``row``/``column``/``value`` set where they apply.
    """
    text = _to_text(text_or_bytes)
    if not text.strip():
        raise CsvError("The file is empty. Choose a CSV file with a header and data rows.")
    if options is None:
        options = sniff(text).options
    return _build(_parse(_iter_text_chunks(text), options), options, source)


def missing_report(text_or_bytes, options: CsvOptions | None = None) -> MissingReport:
    """Count missing cells per used column and list the first rows that have any."""
    text = _to_text(text_or_bytes)
    if options is None:
        options = sniff(text).options
    return _report(_parse(_iter_text_chunks(text), options))


def _human(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} bytes" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def read_csv_file(path, options: CsvOptions | None = None, progress=None, cancel=None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Stream a CSV file into a Dataset, in blocks of about 1 MiB of lines.

    ``progress(fraction)`` is called after each block (0..1, ending at 1.0);
    ``cancel()`` is checked before each block and a true result raises
    :class:`CsvCancelled`.  Files larger than ``max_bytes`` (1 GiB by
    default) are refused with a CsvError naming the size.
    """
    path = os.fspath(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise CsvError(f"Cannot open {path!r}: {exc.strerror or exc}. Check the file name.") from None
    if size > max_bytes:
        raise CsvError(f"The file is {_human(size)}, larger than the {_human(max_bytes)} limit. "
                       "Use a smaller sample of the data (for example the first rows).")
    if options is None:
        options = sniff_file(path).options

    def chunks():
        lineno, done, carry, first = 1, 0, b"", True
        with open(path, "rb") as f:
            while True:
                if cancel is not None and cancel():
                    raise CsvCancelled(f"reading {os.path.basename(path)} was cancelled")
                block = f.read(_BLOCK)
                eof = not block
                data = carry + block
                if eof:
                    part, carry = data, b""
                else:
                    cut = (data.rfind(b"\n") + 1) or (data.rfind(b"\r") + 1)
                    if cut == 0:  # a line longer than one block: keep reading
                        carry = data
                        continue
                    part, carry = data[:cut], data[cut:]
                if part:
                    lines = core.normalise_newlines(core.decode(part, done, first))
                    first = False
                    if lines and lines[-1] == "":
                        lines.pop()
                    yield lines, lineno
                    lineno += len(lines)
                    done += len(part)
                    if progress is not None:
                        progress(min(1.0, done / size) if size else 1.0)
                if eof:
                    return

    ds = _build(_parse(chunks(), options), options, os.path.basename(path))
    if progress is not None:
        progress(1.0)
    return ds
