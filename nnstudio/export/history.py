"""Training history as CSV: one row per epoch, ``epoch`` (1-based) then each key."""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path
from typing import Any

from nnstudio.export.names import csv_header_cell


def history_csv(history: dict[str, list[Any]], first_epoch: int = 1) -> str:
    """CSV text for ``history`` (``{key: [value per epoch]}``); missing/NaN values are empty cells."""
    keys = list(history)
    n = max((len(v) for v in history.values()), default=0)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["epoch"] + [csv_header_cell(k) for k in keys])
    for i in range(n):
        row: list[str] = [str(first_epoch + i)]
        for k in keys:
            vals = history[k]
            v = vals[i] if i < len(vals) else None
            if v is None or not math.isfinite(float(v)):
                row.append("")
            else:
                row.append(repr(float(v)))
        w.writerow(row)
    return buf.getvalue()


def save_history(history: dict[str, list[Any]], path: str | os.PathLike) -> Path:
    """Write :func:`history_csv` of ``history`` to ``path`` (UTF-8)."""
    path = Path(path)
    path.write_text(history_csv(history), encoding="utf-8")
    return path
