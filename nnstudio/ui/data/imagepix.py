"""Arrays as small pictures: ink images (white paper, dark ink) and weight images
(blue negative, white zero, red positive), scaled up without smoothing so every
pixel stays a crisp square.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

#: colours of the weight images: negative, zero, positive
NEG, MID, POS = np.array([33, 102, 172]), np.array([247, 247, 247]), np.array([178, 24, 43])


def _rgb_image(rgb: np.ndarray) -> QImage:
    """A QImage (owning its pixels) from an ``(h, w, 3)`` uint8 array."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def ink_rgb(values: np.ndarray, vmax: float, vmin: float = 0.0) -> np.ndarray:
    """``(h, w, 3)`` uint8: ``vmin`` white, ``vmax`` black (like pencil on paper)."""
    v = np.asarray(values, dtype=np.float64)
    span = float(vmax) - float(vmin)
    t = np.zeros_like(v) if span <= 0 else np.clip((v - vmin) / span, 0.0, 1.0)
    t = np.nan_to_num(t, nan=0.0)
    g = (255.0 * (1.0 - t)).round().astype(np.uint8)
    return np.repeat(g[..., None], 3, axis=-1)


def ink_image(values: np.ndarray, vmax: float, vmin: float = 0.0) -> QImage:
    """:func:`ink_rgb` as a QImage."""
    return _rgb_image(ink_rgb(values, vmax, vmin))


def weight_rgb(w: np.ndarray, scale: float | None = None) -> np.ndarray:
    """``(h, w, 3)`` uint8: weights on a blue–white–red scale symmetric around 0.

    ``scale`` is the magnitude drawn fully saturated (default: the largest |w|).
    """
    w = np.nan_to_num(np.asarray(w, dtype=np.float64))
    s = float(np.max(np.abs(w))) if scale is None else float(scale)
    t = np.zeros_like(w) if s <= 0 else np.clip(w / s, -1.0, 1.0)
    t = t[..., None]
    rgb = np.where(t < 0, MID + (NEG - MID) * (-t), MID + (POS - MID) * t)
    return rgb.round().astype(np.uint8)


def weight_image(w: np.ndarray, scale: float | None = None) -> QImage:
    """:func:`weight_rgb` as a QImage."""
    return _rgb_image(weight_rgb(w, scale))


def scaled_pixmap(image: QImage, size: int, border: str | None = "#b0b0b0",
                  border_width: int = 1) -> QPixmap:
    """``image`` fitted into a ``size`` square, nearest-neighbour, with an optional frame."""
    scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.FastTransformation)
    pix = QPixmap(size, size)
    pix.fill(QColor("white"))
    painter = QPainter(pix)
    try:
        x, y = (size - scaled.width()) // 2, (size - scaled.height()) // 2
        painter.drawImage(x, y, scaled)
        if border:
            pen = QPen(QColor(border))
            pen.setWidth(border_width)
            painter.setPen(pen)
            painter.drawRect(0, 0, size - 1, size - 1)
    finally:
        painter.end()
    return pix


def sample_pixmap(dataset, i: int, size: int, border: str | None = "#b0b0b0",
                  border_width: int = 1) -> QPixmap:
    """Row ``i`` of an image dataset as an ink picture (dark = the dataset's largest value)."""
    return scaled_pixmap(ink_image(dataset.image(i), image_vmax(dataset)), size, border,
                         border_width)


def image_vmax(dataset) -> float:
    """The value drawn black: the largest pixel of the set (16 for the digits)."""
    vmax = getattr(dataset, "_image_vmax", None)
    if vmax is None:
        finite = dataset.x[np.isfinite(dataset.x)]
        vmax = float(finite.max()) if finite.size else 1.0
        try:
            dataset._image_vmax = vmax
        except AttributeError:
            pass
    return vmax


def image_mosaic(dataset, size: int = 40, count: int = 4) -> QPixmap:
    """A ``size`` square of the first ``count`` (a square number) samples of different classes."""
    side = int(round(count ** 0.5))
    rows: list[int] = []
    seen: set = set()
    labels = dataset.y if dataset.task != "regression" else np.arange(dataset.n_samples)
    for i, lab in enumerate(np.asarray(labels).reshape(len(labels), -1)[:, 0]):
        if lab not in seen:
            seen.add(lab)
            rows.append(i)
        if len(rows) == side * side:
            break
    while len(rows) < side * side:
        rows.append(rows[-1] if rows else 0)
    h, w = dataset.image_shape
    vmax = image_vmax(dataset)
    tiles = [ink_rgb(dataset.image(i), vmax) for i in rows]
    big = np.full((side * (h + 1) - 1, side * (w + 1) - 1, 3), 200, np.uint8)
    for k, tile in enumerate(tiles):
        r, c = divmod(k, side)
        big[r * (h + 1):r * (h + 1) + h, c * (w + 1):c * (w + 1) + w] = tile
    return scaled_pixmap(_rgb_image(big), size)
