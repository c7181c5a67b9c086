"""The graphics items of the canvas: layer blocks, neurons and weight lines.

Items are dumb: they draw what the scene (:mod:`.scene`) tells them and
never change the document. Updates are cheap on purpose: live activations
only call ``setBrush`` on existing neuron circles, neuron maps are images
the block paints, and live weights only re-bucket the lines of an existing
:class:`~nnstudio.ui.canvas.lines.ConnectionItem` (in :mod:`.lines`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from nnstudio.project.layer_kinds import LAYER_KINDS
from nnstudio.ui.canvas.layout import (
    BLOCK_W,
    RADIUS,
    Slots,
    block_height,
    block_top,
    tr,
)
from nnstudio.ui.canvas.lines import NEGATIVE, POSITIVE, ConnectionItem, geometry  # noqa: F401 - re-exported

NEURON_IDLE = QColor(250, 250, 250)
TYPE_COLOURS = {name: QColor(*kind.colour) for name, kind in LAYER_KINDS.items()}  # from the layer table
MIN_TEXT_LOD = 0.3  # below this zoom block texts are not drawn


def type_caption(type_: str) -> str:
    """A layer type as a block shows it (Keras' class names, translated for the Korean UI)."""
    return tr(type_)


def value_colour(v: float) -> QColor:
    """Colour for a normalized value in [-1, 1]: blue (−) through white to orange (+)."""
    v = max(-1.0, min(1.0, float(v))) if np.isfinite(v) else 0.0
    target = POSITIVE if v >= 0 else NEGATIVE
    t = abs(v)
    return QColor(
        round(255 + (target.red() - 255) * t),
        round(255 + (target.green() - 255) * t),
        round(255 + (target.blue() - 255) * t),
    )


class NeuronItem(QGraphicsEllipseItem):
    """One drawn neuron: a coloured circle, or in map mode a square showing its map.

    Its hover text is computed by the scene on demand and refreshed while
    the pointer stays on it (see :meth:`NetworkScene.hover_neuron`).
    """

    def __init__(self, block: "LayerBlock", unit: int, y: float, radius: float = RADIUS) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius, block)
        self.block = block
        self.unit = unit
        self.image: QImage | None = None
        self.pinned = False
        self.setPos(BLOCK_W / 2, y)
        self.setBrush(QBrush(NEURON_IDLE))
        self.setPen(QPen(QColor(60, 60, 60), 1.0))
        self.setAcceptHoverEvents(True)

    def set_map(self, image: QImage | None) -> None:
        """Show ``image`` (the unit's response over the input plane) instead of a circle.

        The block paints the images of all its neurons in one call (one Python paint per
        layer, not per neuron: each call from Qt into Python waits for the GIL the training
        thread holds), so a neuron with a map has no contents of its own.
        """
        if image is None and self.image is None:
            return
        self.image = image
        self.setFlag(QGraphicsItem.ItemHasNoContents, image is not None)
        self.block.update(self.map_rect())

    def map_rect(self) -> QRectF:
        """Where the map is drawn, in the block's coordinates."""
        return self.rect().translated(self.pos())

    def set_pinned(self, pinned: bool) -> None:
        if pinned != self.pinned:
            self.pinned = pinned
            self.block.update(self.map_rect().adjusted(-3, -3, 3, 3))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        scene = self.scene()
        if scene is not None and hasattr(scene, "hover_neuron"):
            scene.hover_neuron(self)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        scene = self.scene()
        if scene is not None and hasattr(scene, "hover_neuron"):
            scene.hover_neuron(None, left=self)
        super().hoverLeaveEvent(event)


class BlockText:
    """A text a block paints itself (cheaper than a text item per label)."""

    def __init__(self) -> None:
        self._text = ""

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QGraphicsSimpleTextItem
        self._text = text

    def isVisible(self) -> bool:  # noqa: N802 - mirrors QGraphicsItem
        return bool(self._text)


class LayerBlock(QGraphicsRectItem):
    """A layer: a rounded box with its role, type, units, activation and neurons."""

    def __init__(self, layer_id: str) -> None:
        super().__init__()
        self.layer_id = layer_id
        self.setZValue(1)
        self.setAcceptHoverEvents(False)
        self.top = 0.0
        self.neurons: list[NeuronItem] = []
        self._signature = None
        self._slots: Slots | None = None
        self._selected = False
        self._colour = TYPE_COLOURS["Dense"]
        #: texts painted by :meth:`paint` (skipped when zoomed out too far to read)
        self.title = BlockText()
        self.subtitle = BlockText()
        self.gap_text = BlockText()
        self.setPen(QPen(Qt.NoPen))

    @property
    def slots(self) -> Slots | None:
        return self._slots

    def set_content(self, type_: str, role: str, role_label: str, name: str, units: int | None,
                    detail: str, slots: Slots) -> None:
        """Show a layer's description; neurons are rebuilt only if the layout changed."""
        signature = (type_, role, name, units, detail)
        if signature == self._signature:
            return
        self._signature = signature
        kind = LAYER_KINDS.get(type_)
        self._colour = QColor(*kind.colour) if kind else TYPE_COLOURS["Dense"]
        title = role_label if type_ == "Input" else type_caption(type_)
        if type_ == "Dense":
            title = f"{role_label} · {type_caption(type_)}"
        self.title.setText(title)
        self.subtitle.setText(detail)
        if slots != self._slots:
            self._rebuild_neurons(slots)
        tip = [name] if name else []
        if slots.gap is not None:
            tip.append(tr("{n} more neurons are not drawn").format(n=slots.hidden))
        self.setToolTip("\n".join(tip))
        self.update()

    def _rebuild_neurons(self, slots: Slots) -> None:
        scene = self.scene()
        for n in self.neurons:
            n.setParentItem(None)
            if scene is not None:
                scene.removeItem(n)
        self._slots = slots
        self.top = block_top(slots.slots, slots.pitch)
        self.setRect(0, self.top, BLOCK_W, block_height(slots.slots, slots.pitch))
        self.neurons = [NeuronItem(self, unit, slots.y(slot), slots.radius) for slot, unit in slots.shown]
        self.gap_text.setText(tr("… {n} …").format(n=slots.hidden) if slots.gap is not None else "")

    def set_unit_labels(self, labels: list[str]) -> None:
        """Name each drawn neuron on its left (the Input block: its features, x₁, x₁², r, θ, ...)."""
        items = getattr(self, "_unit_labels", [])
        for item in items[len(self.neurons):]:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        items = items[:len(self.neurons)]
        while len(items) < len(self.neurons):
            item = QGraphicsSimpleTextItem(self)
            item.setBrush(QBrush(QColor(70, 70, 70)))
            items.append(item)
        for item, neuron in zip(items, self.neurons):
            text = labels[neuron.unit] if neuron.unit < len(labels) else ""
            item.setText(text)
            r = item.boundingRect()
            item.setPos(-r.width() - 4, neuron.pos().y() - r.height() / 2)
        self._unit_labels = items

    def unit_labels(self) -> list[str]:
        """The texts beside the drawn neurons (empty when not labelled)."""
        return [item.text() for item in getattr(self, "_unit_labels", [])]

    def set_selected(self, selected: bool) -> None:
        """Highlight the block when it is the selected layer."""
        if selected != self._selected:
            self._selected = selected
            self.update()

    def is_selected(self) -> bool:
        return self._selected

    def set_values(self, values) -> None:
        """Colour the neurons by their activations (``None``: idle)."""
        if values is None or len(values) == 0:
            for n in self.neurons:
                n.setBrush(NEURON_IDLE)
            return
        values = np.asarray(values, dtype=np.float64).ravel()
        finite = values[np.isfinite(values)]
        scale = float(np.max(np.abs(finite))) if finite.size else 0.0
        scale = scale if scale > 1e-12 else 1.0
        for n in self.neurons:
            if n.image is not None:
                continue  # drawn as a map: the colour would not be seen
            v = values[n.unit] / scale if n.unit < values.size else 0.0
            n.setBrush(value_colour(v))

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: D401 - Qt API
        r = self.rect()
        readable = option.levelOfDetailFromTransform(painter.worldTransform()) >= MIN_TEXT_LOD
        # opaque fills, and no antialiasing when zoomed far out: translucent antialiased
        # rounded rectangles were most of a 50-layer repaint
        painter.setRenderHint(QPainter.Antialiasing, readable)
        fill = QColor(self._colour)
        body = QColor(248, 248, 250)
        painter.setPen(QPen(QColor(40, 40, 40) if self._selected else fill.darker(130),
                            3.0 if self._selected else 1.2))
        painter.setBrush(body)
        painter.drawRoundedRect(r, 8, 8)
        painter.setPen(Qt.NoPen)
        painter.setBrush(fill.lighter(150))
        painter.drawRoundedRect(QRectF(r.left() + 1.5, r.top() + 1.5, r.width() - 3, 44), 6, 6)
        if not readable:
            self._paint_maps(painter)
            return  # too small to read: skip the (costly) text
        painter.setPen(QColor(30, 30, 30))
        _draw_fitted(painter, QRectF(r.left() + 8, r.top() + 4, r.width() - 12, 20), self.title.text(), True)
        _draw_fitted(painter, QRectF(r.left() + 8, r.top() + 24, r.width() - 12, 18), self.subtitle.text(), False)
        if self.gap_text.isVisible() and self._slots is not None:
            y = self._slots.y(self._slots.gap)
            painter.drawText(QRectF(r.left(), y - 10, r.width(), 20), Qt.AlignCenter, self.gap_text.text())
        self._paint_maps(painter)

    def _paint_maps(self, painter: QPainter) -> None:
        """The neurons' maps (map mode), each framed; the pinned one with a thick frame."""
        thin, thick = QPen(QColor(90, 90, 90), 1.0), QPen(QColor(20, 20, 20), 3.0)
        painter.setBrush(Qt.NoBrush)
        for n in self.neurons:
            if n.image is None:
                continue
            rect = n.map_rect()
            painter.drawImage(rect, n.image)
            painter.setPen(thick if n.pinned else thin)
            painter.drawRect(rect)


@lru_cache(maxsize=1)
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_FITTED: dict = {}


def fitted_text(text: str, width: float, bold: bool) -> tuple[QFont, str]:
    """The font and text that fit ``width``: the normal font, else up to 25 % smaller, else elided
    with "…" ("10 units · softmax" in a narrow block stays whole and readable). Cached."""
    key = (text, round(width), bold)
    hit = _FITTED.get(key)
    if hit is None:
        font = _bold_font() if bold else QFont()
        size = font.pointSizeF()
        for scale in (1.0, 0.9, 0.8, 0.75):
            font.setPointSizeF(size * scale)
            if QFontMetricsF(font).horizontalAdvance(text) <= width:
                break
        else:
            text = QFontMetricsF(font).elidedText(text, Qt.ElideRight, width)
        if len(_FITTED) > 512:
            _FITTED.clear()
        hit = _FITTED[key] = (font, text)
    return hit


def _draw_fitted(painter: QPainter, rect: QRectF, text: str, bold: bool) -> None:
    font, shown = fitted_text(text, rect.width(), bold)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, shown)


class InsertMarker(QGraphicsRectItem):
    """The bar that shows where a dragged layer will land."""

    def __init__(self) -> None:
        super().__init__(-3, -160, 6, 320)
        self.setBrush(QColor(230, 80, 60))
        self.setPen(QPen(Qt.NoPen))
        self.setZValue(10)
        self.setVisible(False)
        self.index: int | None = None
