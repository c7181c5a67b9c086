"""Weight lines of the canvas: one item per pair of neighbouring layers.

:class:`ConnectionItem` draws every line from one layer's drawn neurons to the
next layer's with a handful of ``drawLines`` calls: neutral, or grouped by the
weight's sign (orange positive, blue negative) and magnitude (wider and more
opaque for larger ``|w|``). Line geometry is shared by equal layouts.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem

from nnstudio.ui.canvas.layout import SPACING_X, Slots

POSITIVE = QColor(242, 142, 43)  # orange: positive weight / activation
NEGATIVE = QColor(59, 125, 216)  # blue: negative
NEUTRAL_LINE = QColor(150, 150, 150, 110)
_LEVELS = 5  # magnitude buckets per sign for weight lines
COARSE_LOD = 0.4  # below this zoom only every other neuron's weight lines are drawn


class _Geometry:
    """Line segments between two layers' drawn neurons (shared by equal layouts)."""

    def __init__(self, left: Slots, right: Slots, dense: bool) -> None:
        x0, x1 = 0.0, SPACING_X
        pairs = []
        if dense:
            pairs = [(ls, lu, rs, ru) for ls, lu in left.shown for rs, ru in right.shown]
        else:  # Dropout / Activation: neuron k feeds neuron k
            rmap = dict((u, s) for s, u in right.shown)
            pairs = [(ls, lu, rmap[lu], lu) for ls, lu in left.shown if lu in rmap]
        self.units = np.array([(lu, ru) for _, lu, _, ru in pairs], dtype=np.int64).reshape(-1, 2)
        # zoomed out, every other neuron's lines are enough (a quarter of the lines, same look)
        self.coarse = np.array([len(pairs) <= 64 or (ls % 2 == 0 and rs % 2 == 0) for ls, _, rs, _ in pairs],
                               dtype=bool)
        seg = np.array(
            [(x0 + left.radius, left.y(ls), x1 - right.radius, right.y(rs)) for ls, _, rs, _ in pairs],
            dtype=np.float64,
        ).reshape(-1, 4)
        self.segments = seg
        self.lines = [QLineF(a, b, c, d) for a, b, c, d in seg.tolist()]
        self.coarse_list = self.coarse.tolist()
        self.coarse_lines = [line for line, keep in zip(self.lines, self.coarse_list) if keep]
        if seg.size:
            ys = seg[:, [1, 3]]
            self.rect = QRectF(0, float(ys.min()) - 3, SPACING_X, float(ys.max() - ys.min()) + 6)
        else:
            self.rect = QRectF()


_GEOMETRY_CACHE: dict = {}
_PENS: dict = {}


def _bucket_pens() -> list:
    """The pen of every (sign, magnitude) bucket, for the palette's background (cached).

    Opaque colours pre-blended over the canvas background: alpha-blending hundreds of
    wide lines made each live repaint ~4x slower.
    """
    bg = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    key = bg.rgba()
    pens = _PENS.get(key)
    if pens is None:
        pens = []
        for b in range(2 * _LEVELS):
            lv = (b % _LEVELS + 1) / _LEVELS
            base = QColor(POSITIVE if b >= _LEVELS else NEGATIVE)
            alpha = (40 + 215 * lv) / 255.0
            colour = QColor.fromRgbF(*(g + alpha * (f - g) for f, g in (
                (base.redF(), bg.redF()), (base.greenF(), bg.greenF()), (base.blueF(), bg.blueF()))))
            pens.append(QPen(colour, 0.5 + 2.5 * lv))
        _PENS.clear()
        _PENS[key] = pens
    return pens


def geometry(left: Slots, right: Slots, dense: bool) -> _Geometry:
    """Cached line geometry for a pair of layer layouts."""
    key = (left.units, right.units, dense, left.pitch, right.pitch)
    g = _GEOMETRY_CACHE.get(key)
    if g is None:
        if len(_GEOMETRY_CACHE) > 256:
            _GEOMETRY_CACHE.clear()
        g = _GEOMETRY_CACHE[key] = _Geometry(left, right, dense)
    return g


class ConnectionItem(QGraphicsItem):
    """All lines from one layer's drawn neurons to the next layer's.

    Neutral lines are one ``drawLines`` call; with live weights the lines are
    grouped by sign and magnitude into a few pens (orange positive, blue
    negative; wider and more opaque for larger ``|w|``).
    """

    def __init__(self, right_id: str) -> None:
        super().__init__()
        self.right_id = right_id
        self.dense = False
        self.key = None
        self.geo: _Geometry | None = None
        self._buckets: list[tuple[QPen, list[QLineF], list[QLineF]]] | None = None
        self._neutral = QPen(NEUTRAL_LINE, 0.8)
        self._neutral.setCosmetic(False)
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.LeftButton)
        # a pixmap per item: moving blocks or repainting reuses it; new weights redraw it
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def set_geometry(self, left: Slots, right: Slots, dense: bool) -> bool:
        """Point the item at the lines for this pair of layouts; True if it changed."""
        key = (left.units, right.units, dense, left.pitch, right.pitch)
        if key == self.key:
            return False
        self.prepareGeometryChange()
        self.key = key
        self.dense = dense
        self.geo = geometry(left, right, dense)
        self._buckets = None
        self._neutral = QPen(NEUTRAL_LINE, 0.8 if dense else 1.2, Qt.SolidLine if dense else Qt.DashLine)
        self.update()
        return True

    def set_weights(self, kernel) -> None:
        """Colour the lines by a kernel ``(inputs, units)``; ``None`` or a shape mismatch: neutral."""
        geo = self.geo
        if kernel is None or geo is None or not self.dense or geo.units.size == 0:
            if self._buckets is not None:
                self._buckets = None
                self.update()
            return
        kernel = np.asarray(kernel)
        if kernel.ndim != 2 or geo.units[:, 0].max() >= kernel.shape[0] or geo.units[:, 1].max() >= kernel.shape[1]:
            self._buckets = None
            self.update()
            return
        w = kernel[geo.units[:, 0], geo.units[:, 1]].astype(np.float64)
        scale = float(np.max(np.abs(kernel))) if kernel.size else 0.0
        mag = np.abs(w) / scale if scale > 1e-12 else np.zeros_like(w)
        level = np.clip((np.nan_to_num(mag) * _LEVELS).astype(np.int64), 0, _LEVELS - 1)
        bucket = level + np.where(w >= 0, _LEVELS, 0)
        # one stable sort groups the lines by bucket (live updates: no per-bucket scans)
        order = np.argsort(bucket, kind="stable")
        sorted_b = bucket[order]
        starts = np.flatnonzero(np.concatenate(([True], sorted_b[1:] != sorted_b[:-1])))
        ends = np.append(starts[1:], sorted_b.size)
        order_l = order.tolist()
        lines, coarse_flags = geo.lines, geo.coarse_list
        pens = _bucket_pens()
        buckets = []
        for b, a, e in zip(sorted_b[starts].tolist(), starts.tolist(), ends.tolist()):
            idx = order_l[a:e]
            buckets.append((pens[b], [lines[i] for i in idx], [lines[i] for i in idx if coarse_flags[i]]))
        self._buckets = buckets
        self.update()

    def has_weights(self) -> bool:
        return self._buckets is not None

    def pen_for(self, unit_in: int, unit_out: int) -> QPen | None:
        """The pen the line ``unit_in → unit_out`` is drawn with (for tests and tooltips)."""
        if self.geo is None:
            return None
        hits = np.flatnonzero((self.geo.units[:, 0] == unit_in) & (self.geo.units[:, 1] == unit_out))
        if not hits.size:
            return None
        line = self.geo.lines[int(hits[0])]
        for pen, lines, _coarse in self._buckets or []:
            if any(line is x for x in lines):
                return pen
        return self._neutral

    def hit(self, pos: QPointF, tolerance: float) -> tuple[int, int] | None:
        """The ``(unit_in, unit_out)`` of the line nearest ``pos`` (item coords), if within tolerance."""
        geo = self.geo
        if geo is None or not geo.segments.size:
            return None
        s = geo.segments
        p = np.array([pos.x(), pos.y()])
        a, b = s[:, :2], s[:, 2:]
        d = b - a
        t = np.clip(np.einsum("ij,ij->i", p - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
        dist = np.hypot(*(a + d * t[:, None] - p).T)
        k = int(np.argmin(dist))
        if dist[k] > tolerance:
            return None
        return int(geo.units[k, 0]), int(geo.units[k, 1])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.geo.rect if self.geo is not None else QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        geo = self.geo
        if geo is None or not geo.lines:
            return
        coarse = option.levelOfDetailFromTransform(painter.worldTransform()) < COARSE_LOD
        painter.setRenderHint(QPainter.Antialiasing, len(geo.lines) <= 64)
        if self._buckets is None:
            painter.setPen(self._neutral)
            painter.drawLines(geo.coarse_lines if coarse else geo.lines)
        else:
            for pen, lines, coarse_lines in self._buckets:
                painter.setPen(pen)
                painter.drawLines(coarse_lines if coarse else lines)
