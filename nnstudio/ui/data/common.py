"""Small helpers shared by the Data dock, the data view and the CSV dialog:
task names for people, class colours, value colours and dataset thumbnails.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from nnstudio.ui.plotstyle import CLASS_COLORS  # noqa: F401 - the one class palette, re-exported


def tr(text: str) -> str:
    """Translate ``text`` in the 'DataPanel' context (module-level strings)."""
    return QCoreApplication.translate("DataPanel", text)


def task_label(task: str) -> str:
    """The task as a learner reads it: regression / binary / multi-class."""
    names = {
        "regression": QCoreApplication.translate("DataPanel", "regression"),
        "binary": QCoreApplication.translate("DataPanel", "binary"),
        "multiclass": QCoreApplication.translate("DataPanel", "multi-class"),
    }
    return names.get(task, task)


def shape_text(n: int, d: int) -> str:
    """``'200 × 2'``: samples by features."""
    return f"{int(n)} × {int(d)}"


def class_color(i: int) -> QColor:
    """The colour of class ``i``."""
    return QColor(CLASS_COLORS[int(i) % len(CLASS_COLORS)])


def value_colors(values: np.ndarray) -> list[QColor]:
    """Colours for real values: blue (low) through white-ish to red (high)."""
    v = np.asarray(values, dtype=np.float64).ravel()
    if v.size == 0:
        return []
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    t = np.zeros_like(v) if hi <= lo else (v - lo) / (hi - lo)
    t = np.nan_to_num(t, nan=0.5)
    low, mid, high = np.array([49, 54, 149]), np.array([230, 230, 200]), np.array([165, 0, 38])
    out = []
    for x in t:
        c = low + (mid - low) * (x * 2) if x < 0.5 else mid + (high - mid) * ((x - 0.5) * 2)
        out.append(QColor(int(c[0]), int(c[1]), int(c[2])))
    return out


def point_colors(dataset) -> list[QColor]:
    """One colour per sample: by class, or by (first) target value for regression."""
    if dataset.task == "regression":
        return value_colors(dataset.y[:, 0])
    palette = [class_color(i) for i in range(max(1, dataset.n_classes))]
    return [palette[int(k)] for k in dataset.y]


def plot_coords(dataset) -> tuple[np.ndarray, np.ndarray] | None:
    """Scatter coordinates of every sample, or None if the set is not drawable.

    2 features: (x1, x2). 1 feature: (x, target) - the target's first column
    for regression, the class number otherwise. More features: None (shown
    as a table instead).
    """
    if dataset is None or dataset.n_samples == 0:
        return None
    if dataset.n_features == 2:
        return dataset.x[:, 0].copy(), dataset.x[:, 1].copy()
    if dataset.n_features == 1:
        y = dataset.y[:, 0] if dataset.task == "regression" else dataset.y
        return dataset.x[:, 0].copy(), np.asarray(y, dtype=np.float64).copy()
    return None


def thumbnail(dataset, size: int = 40, max_points: int = 400) -> QPixmap | None:
    """A tiny scatter of a 1-D or 2-D dataset as a pixmap, a few samples of an
    image dataset, None for other wider sets."""
    if dataset is not None and getattr(dataset, "image_shape", None) and dataset.n_samples:
        from nnstudio.ui.data.imagepix import image_mosaic

        return image_mosaic(dataset, size)
    coords = plot_coords(dataset)
    if coords is None:
        return None
    xs, ys = coords
    colors = point_colors(dataset)
    step = max(1, len(xs) // max_points)
    xs, ys, colors = xs[::step], ys[::step], colors[::step]
    pix = QPixmap(size, size)
    pix.fill(QColor("white"))
    pad = 3.0

    def scale(v: np.ndarray) -> np.ndarray:
        lo, hi = float(np.min(v)), float(np.max(v))
        return np.full_like(v, 0.5) if hi <= lo else (v - lo) / (hi - lo)

    px = pad + scale(xs) * (size - 2 * pad)
    py = size - pad - scale(ys) * (size - 2 * pad)
    painter = QPainter(pix)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#c8c8c8")))
        painter.drawRect(0, 0, size - 1, size - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        for x, y, c in zip(px, py, colors):
            painter.setBrush(QBrush(c))
            painter.drawEllipse(QPointF(float(x), float(y)), 1.4, 1.4)
    finally:
        painter.end()
    return pix
