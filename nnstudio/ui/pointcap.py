"""Which data points a scatter view draws (no Qt, numpy only).

Drawing a point costs the GUI thread time (pyqtgraph builds a spot per point),
so views draw at most :data:`MAX_DRAWN` points: every point of a small
dataset, an evenly spread, deterministic sample of a large one (training
always uses every sample). The views say so when they draw fewer
(``"showing 3,000 of 100,000 points"``). Colours of many points are
quantised to a few levels, so a view needs few distinct brushes.
"""

from __future__ import annotations

import numpy as np

#: the most points one scatter view draws (training + validation together)
MAX_DRAWN = 3000


def subset(indices, limit: int = MAX_DRAWN) -> np.ndarray:
    """``indices`` if there are at most ``limit``; else ``limit`` of them, spread evenly, in order.

    Deterministic (the same data gives the same points), so a redraw does not flicker.
    """
    idx = np.asarray(indices, dtype=np.int64).ravel()
    if len(idx) <= limit:
        return idx
    if limit <= 0:
        return idx[:0]
    rng = np.random.default_rng(len(idx))
    keep = np.sort(rng.choice(len(idx), size=limit, replace=False))
    return idx[keep]


def split_budget(train_idx, val_idx, limit: int = MAX_DRAWN) -> tuple[np.ndarray, np.ndarray]:
    """Training and validation indices to draw, sharing ``limit`` in proportion to their sizes."""
    t = np.asarray(train_idx, dtype=np.int64).ravel()
    v = np.asarray(val_idx, dtype=np.int64).ravel()
    total = len(t) + len(v)
    if total <= limit:
        return t, v
    n_v = int(round(limit * len(v) / total))
    return subset(t, limit - n_v), subset(v, n_v)


def quantise(values, levels: int = 64) -> np.ndarray:
    """Real values -> ints 0..levels-1 over their own range (NaN -> the middle level)."""
    v = np.asarray(values, dtype=np.float64).ravel()
    if v.size == 0:
        return np.zeros(0, np.int64)
    finite = v[np.isfinite(v)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    t = np.zeros_like(v) if hi <= lo else (v - lo) / (hi - lo)
    t = np.nan_to_num(t, nan=0.5, posinf=1.0, neginf=0.0)
    return np.clip((t * (levels - 1)).round().astype(np.int64), 0, levels - 1)
