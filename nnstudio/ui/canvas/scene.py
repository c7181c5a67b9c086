"""The canvas scene: follows the project document, keyed by layer id.

:class:`NetworkScene` adds, moves and removes items only in response to
:class:`~nnstudio.ui.state.AppState` signals (the typed ``layerInserted``,
``layerRemoved``, ``layerMoved``, ``layerChanged``, ``layersReplaced``,
``trainedChanged``, and ``projectReplaced``, ``datasetChanged``); user gestures in the view become
document edits pushed on the undo stack, and the scene catches up from the
resulting notifications. Live activations and weights recolour existing
items without re-creating any.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from nnstudio.ui.canvas.hover import dense_weights, input_name, neuron_text, weight_text
from nnstudio.ui.canvas.items import ConnectionItem, InsertMarker, LayerBlock
from nnstudio.ui.canvas.maps import CanvasMaps
from nnstudio.ui.canvas.layout import (
    BLOCK_W,
    SPACING_X,
    layer_roles,
    layer_units,
    role_text,
    tr,
    visible_slots,
)

__all__ = ["NetworkScene", "dense_weights"]

class NetworkScene(QGraphicsScene):
    """Blocks, weight lines and the insertion marker for one :class:`AppState`."""

    #: the neuron maps were redrawn
    mapsChanged = Signal()
    #: the pinned neuron changed: ``(layer index, unit)`` or ``None``
    pinnedChanged = Signal(object)

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.hovered = None              # ('neuron', NeuronItem) or ('weight', (layer, i, j))
        self.pinned: tuple[int, int] | None = None
        self.maps = CanvasMaps(self)
        self.blocks: dict[str, LayerBlock] = {}
        self.connections: dict[str, ConnectionItem] = {}
        self.marker = InsertMarker()
        self.addItem(self.marker)
        self._units: list[int | None] = []
        state.layerInserted.connect(self._on_inserted)
        state.layerRemoved.connect(lambda lid, _i: (self._remove_block(lid), self.relayout()))
        state.layerMoved.connect(lambda *_: self.relayout())
        state.layerChanged.connect(lambda *_: self.relayout())  # a new dataset arrives as datasetChanged
        state.layersReplaced.connect(self.rebuild)
        state.trainedChanged.connect(self._apply_live)
        state.projectReplaced.connect(self.rebuild)
        state.datasetChanged.connect(self.relayout)
        state.selectionChanged.connect(self._on_selection)
        state.neuronValuesChanged.connect(self.show_values)
        state.weightsChanged.connect(self.show_weights)
        self.rebuild()

    # -- following the document -------------------------------------------
    def _on_inserted(self, layer_id: str, _index: int) -> None:
        self._add_block(layer_id)
        self.relayout()

    def _add_block(self, layer_id: str) -> LayerBlock:
        block = LayerBlock(layer_id)
        self.addItem(block)
        self.blocks[layer_id] = block
        return block

    def _remove_block(self, layer_id: str | None) -> None:
        block = self.blocks.pop(layer_id, None)
        if block is not None:
            self.removeItem(block)
        conn = self.connections.pop(layer_id, None)
        if conn is not None:
            self.removeItem(conn)

    def rebuild(self) -> None:
        """Drop every item and build the scene afresh (a new or replaced network)."""
        for layer_id in list(self.blocks):
            self._remove_block(layer_id)
        for conn in list(self.connections.values()):
            self.removeItem(conn)
        self.connections.clear()
        for spec in self.state.project.layers:
            self._add_block(spec.id)
        self.relayout()

    def n_features(self) -> int | None:
        ds = self.state.dataset
        return ds.n_features if ds is not None else None

    def relayout(self) -> None:
        """Bring every block and line in line with the document (cheap when little changed)."""
        project = self.state.project
        layers = project.layers
        units = layer_units(project, self.n_features())
        roles = layer_roles(project)
        self._units = units
        map_mode = self.maps.wanted()
        ids = set()
        slots_list = []
        for i, spec in enumerate(layers):
            ids.add(spec.id)
            block = self.blocks.get(spec.id) or self._add_block(spec.id)
            slots = visible_slots(units[i], maps=map_mode)
            slots_list.append(slots)
            block.set_content(spec.type, roles[i], role_text(roles[i]), spec.name, units[i],
                              self._detail(spec, units[i], self.state.dataset_pending), slots)
            if spec.type == "Input":
                block.set_unit_labels([input_name(self.state, n.unit) for n in block.neurons])
            block.setPos(i * SPACING_X, 0.0)
            block.set_selected(i == self.state.selected_layer)
        for stale in [k for k in self.blocks if k not in ids]:
            self._remove_block(stale)
        wanted = set()
        for i in range(1, len(layers)):
            spec = layers[i]
            if spec.type == "Input":
                continue
            wanted.add(spec.id)
            conn = self.connections.get(spec.id)
            if conn is None:
                conn = self.connections[spec.id] = ConnectionItem(spec.id)
                self.addItem(conn)
            conn.set_geometry(slots_list[i - 1], slots_list[i], spec.type == "Dense")
            conn.setPos((i - 1) * SPACING_X + BLOCK_W / 2, 0.0)
        for stale in [k for k in self.connections if k not in wanted]:
            self.removeItem(self.connections.pop(stale))
        height = max((b.rect().height() for b in self.blocks.values()), default=200.0)
        width = max(len(layers), 1) * SPACING_X
        self.setSceneRect(QRectF(-SPACING_X / 2, -height / 2 - 80, width + SPACING_X / 2, height + 160))
        self.marker.setRect(-3, -height / 2 - 20, 6, height + 40)
        if self.pinned is not None and not (0 <= self.pinned[0] < len(layers)
                                            and self.pinned[1] < (units[self.pinned[0]] or 0)):
            self.pin(None)
        self._mark_pinned()
        self.maps.request()
        self._apply_live()

    @staticmethod
    def _detail(spec, units: int | None, pending: bool = False) -> str:
        from nnstudio.project.layer_kinds import LAYER_KINDS

        kind, p = LAYER_KINDS.get(spec.type), spec.params
        if units is None and pending and spec.type == "Input":  # its size comes with the data
            return tr("loading data…")
        if kind is None or not kind.detail:  # the table's caption (an Activation's function)
            return kind.caption(p) if kind else ""
        u = "?" if units is None else str(units)
        return tr(kind.detail).format(**{**p, "n": u, "act": p.get("activation")})

    # -- selection and live values -----------------------------------------
    def block_at_index(self, index: int) -> LayerBlock | None:
        layers = self.state.project.layers
        return self.blocks.get(layers[index].id) if 0 <= index < len(layers) else None

    def _on_selection(self, index) -> None:
        for i, spec in enumerate(self.state.project.layers):
            block = self.blocks.get(spec.id)
            if block is not None:
                block.set_selected(i == index)

    def _apply_live(self) -> None:
        self.show_values(self.state.live_values)
        self.show_weights(self.state.live_weights)

    def show_values(self, values) -> None:
        """Colour neurons by the selected sample's activations (``None``: idle colours)."""
        layers = self.state.project.layers
        ok = values is not None and len(values) == len(layers)
        for i, spec in enumerate(layers):
            block = self.blocks.get(spec.id)
            if block is None:
                continue
            a = None
            if ok and values[i] is not None:
                a = values[i][1]
                if a is not None and np.size(a) != (self._units[i] or 0):
                    a = None
            block.set_values(a)
        self._refresh_hover()

    def show_weights(self, weights) -> None:
        """Colour weight lines by sign and magnitude (``None``: neutral lines)."""
        mapping = dense_weights(self.state.project, weights) if weights is not None else {}
        for i, spec in enumerate(self.state.project.layers):
            conn = self.connections.get(spec.id)
            if conn is not None:
                kernel = mapping.get(i, (None, None))[0]
                conn.set_weights(kernel)
        self.maps.request()
        self._refresh_hover()

    # -- drag feedback ------------------------------------------------------
    def insertion_index(self, x: float, layer_type: str | None = None) -> int:
        """Index a layer dropped at scene x would get (never before the Input layer)."""
        layers = self.state.project.layers
        index = sum(1 for i in range(len(layers)) if i * SPACING_X + BLOCK_W / 2 < x)
        if layer_type != "Input" and layers and layers[0].type == "Input":
            index = max(index, 1)
        return index

    def show_marker(self, gap: int | None) -> None:
        """Show the insertion bar in the gap before block ``gap`` (``None`` hides it)."""
        self.marker.index = gap
        if gap is None:
            self.marker.setVisible(False)
            return
        self.marker.setPos(gap * SPACING_X - (SPACING_X - BLOCK_W) / 2, 0.0)
        self.marker.setVisible(True)

    # -- hover texts (refreshed while the pointer stays, see hover.py) ----------------
    def neuron_tooltip(self, layer_id: str, unit: int) -> str:
        """z = Σ wᵢ·aᵢ + b and a = f(z) with the numbers for the selected sample."""
        try:
            i = self.state.project.index_of(layer_id)
        except KeyError:
            return ""
        return neuron_text(self.state, i, unit)

    def weight_tooltip(self, layer: int, unit_in: int, unit_out: int) -> str:
        """A weight's value and its share of the next neuron's z."""
        return weight_text(self.state, layer, unit_in, unit_out)

    def hover_neuron(self, item, left=None) -> None:
        """The pointer entered neuron ``item`` (or left the neuron ``left``)."""
        if item is None:
            if self.hovered is not None and self.hovered[0] == "neuron" and self.hovered[1] is left:
                self.hovered = None
            return
        self.hovered = ("neuron", item)
        if item is not None:
            item.setToolTip(self.neuron_tooltip(item.block.layer_id, item.unit))

    def hover_weight(self, hit) -> None:
        """The pointer is over the weight ``(layer, unit_in, unit_out)`` (``None``: left it)."""
        if hit is None:
            if self.hovered is not None and self.hovered[0] == "weight":
                self.hovered = None
                QToolTip.hideText()
            return
        self.hovered = ("weight", hit)
        self._show_tip(self.hover_text(), force=True)

    def hover_text(self) -> str:
        """The text for what the pointer is on now ('' if nothing)."""
        h = self.hovered
        if h is None:
            return ""
        if h[0] == "neuron":
            item = h[1]
            return self.neuron_tooltip(item.block.layer_id, item.unit) if item.scene() is self else ""
        return self.weight_tooltip(*h[1])

    def _refresh_hover(self) -> None:
        if self.hovered is None:
            return
        text = self.hover_text()
        if self.hovered[0] == "neuron":
            self.hovered[1].setToolTip(text)
        if QToolTip.isVisible():
            self._show_tip(text)

    def _show_tip(self, text: str, force: bool = False) -> None:
        views = self.views()
        if text and views and (force or QToolTip.isVisible()):
            QToolTip.showText(QCursor.pos(), text, views[0].viewport())

    # -- neuron maps and the pinned neuron ------------------------------------------
    def units(self) -> list[int | None]:
        """Units of every layer (as last laid out)."""
        return list(self._units)

    def apply_maps(self, images: dict) -> None:
        """Give every drawn neuron its map image (``{(layer index, unit): QImage}``; missing: a circle)."""
        for i, spec in enumerate(self.state.project.layers):
            block = self.blocks.get(spec.id)
            if block is None:
                continue
            for n in block.neurons:
                n.set_map(images.get((i, n.unit)))
        self.mapsChanged.emit()

    def pin(self, layer: int | None, unit: int = 0) -> None:
        """Pin neuron ``unit`` of project layer ``layer`` (``None``: unpin) and emit :attr:`pinnedChanged`."""
        key = None if layer is None else (int(layer), int(unit))
        if key == self.pinned:
            return
        self.pinned = key
        self._mark_pinned()
        self.pinnedChanged.emit(key)

    def _mark_pinned(self) -> None:
        for i, spec in enumerate(self.state.project.layers):
            block = self.blocks.get(spec.id)
            if block is not None:
                for n in block.neurons:
                    n.set_pinned(self.pinned == (i, n.unit))
