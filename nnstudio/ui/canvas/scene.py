"""The canvas scene: follows the project document, keyed by layer id.

:class:`NetworkScene` adds, moves and removes items only in response to
:class:`~nnstudio.ui.state.AppState` signals (``documentChanged``,
``projectReplaced``, ``datasetChanged``); user gestures in the view become
document edits pushed on the undo stack, and the scene catches up from the
resulting notifications. Live activations and weights recolour existing
items without re-creating any.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from nnstudio.ui.canvas.items import ConnectionItem, InsertMarker, LayerBlock
from nnstudio.ui.canvas.layout import (
    BLOCK_W,
    SPACING_X,
    layer_roles,
    layer_units,
    role_text,
    tr,
    visible_slots,
)

#: how many terms of z = Σ w·a + b a tooltip spells out before "…"
TOOLTIP_TERMS = 4


def dense_weights(project, weights) -> dict[int, tuple[np.ndarray, np.ndarray | None]]:
    """Map a Keras-order weights list to ``{layer index: (kernel, bias)}`` for Dense layers.

    Returns ``{}`` when the list does not fit the document (stale weights).
    """
    if not weights:
        return {}
    out = {}
    k = 0
    for i, spec in enumerate(project.layers):
        if spec.type != "Dense":
            continue
        use_bias = bool(spec.params.get("use_bias", True))
        need = 2 if use_bias else 1
        if k + need > len(weights):
            return {}
        kernel = np.asarray(weights[k])
        bias = np.asarray(weights[k + 1]) if use_bias else None
        if kernel.ndim != 2:
            return {}
        out[i] = (kernel, bias)
        k += need
    return out


def _fmt(v: float) -> str:
    return f"{float(v):.3g}".replace("-", "−")


class NetworkScene(QGraphicsScene):
    """Blocks, weight lines and the insertion marker for one :class:`AppState`."""

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.blocks: dict[str, LayerBlock] = {}
        self.connections: dict[str, ConnectionItem] = {}
        self.marker = InsertMarker()
        self.addItem(self.marker)
        self._units: list[int | None] = []
        state.documentChanged.connect(self._on_document)
        state.projectReplaced.connect(self.rebuild)
        state.datasetChanged.connect(self.relayout)
        state.selectionChanged.connect(self._on_selection)
        state.neuronValuesChanged.connect(self.show_values)
        state.weightsChanged.connect(self.show_weights)
        self.rebuild()

    # -- following the document -------------------------------------------
    def _on_document(self, event: str, info: dict) -> None:
        project = self.state.project
        if event == "layer_inserted":
            spec = project.layers[info["index"]]
            self._add_block(spec.id)
            self.relayout()
        elif event == "layer_removed":
            self._remove_block(info.get("id"))
            self.relayout()
        elif event in ("layer_moved", "layer_changed", "dataset_changed"):
            self.relayout()
        elif event == "layers_replaced":
            self.rebuild()
        elif event == "state_changed":
            self._apply_live()

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
        ids = set()
        slots_list = []
        for i, spec in enumerate(layers):
            ids.add(spec.id)
            block = self.blocks.get(spec.id) or self._add_block(spec.id)
            slots = visible_slots(units[i])
            slots_list.append(slots)
            block.set_content(spec.type, roles[i], role_text(roles[i]), spec.name, units[i],
                              self._detail(spec, units[i]), slots)
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
        self._apply_live()

    @staticmethod
    def _detail(spec, units: int | None) -> str:
        p = spec.params
        u = "?" if units is None else str(units)
        if spec.type == "Input":
            return tr("{n} features").format(n=u)
        if spec.type == "Dense":
            return tr("{n} units · {act}").format(n=u, act=p.get("activation"))
        if spec.type == "Dropout":
            return tr("rate {rate}").format(rate=p.get("rate"))
        return str(p.get("activation"))

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

    def show_weights(self, weights) -> None:
        """Colour weight lines by sign and magnitude (``None``: neutral lines)."""
        mapping = dense_weights(self.state.project, weights) if weights is not None else {}
        for i, spec in enumerate(self.state.project.layers):
            conn = self.connections.get(spec.id)
            if conn is not None:
                kernel = mapping.get(i, (None, None))[0]
                conn.set_weights(kernel)

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

    # -- tooltips -----------------------------------------------------------
    def neuron_tooltip(self, layer_id: str, unit: int) -> str:
        """z = Σ w·a + b with the numbers for the selected sample, then the activation."""
        project = self.state.project
        try:
            i = project.index_of(layer_id)
        except KeyError:
            return ""
        spec = project.layers[i]
        head = tr("Layer {i} ({type}), neuron {k}").format(i=i, type=spec.type, k=unit + 1)
        values = self.state.live_values
        if values is None or len(values) != len(project.layers) or values[i] is None:
            hint = tr("Train the network (or step once) to see this neuron's values for the selected sample.")
            if spec.type == "Dense":
                return f"{head}\nz = Σ w·a + b\na = {spec.params['activation']}(z)\n{hint}"
            return f"{head}\n{hint}"
        z, a = values[i]
        a_val = float(np.ravel(a)[unit]) if a is not None and unit < np.size(a) else float("nan")
        if spec.type == "Input":
            ds = self.state.dataset
            fname = ds.feature_names[unit] if ds is not None and unit < len(ds.feature_names) else f"x{unit + 1}"
            return f"{head}\n{fname} = {_fmt(a_val)}"
        if spec.type == "Dense":
            lines = [head]
            kb = dense_weights(project, self.state.live_weights).get(i)
            prev = values[i - 1][1] if i > 0 and values[i - 1] is not None else None
            z_val = float(np.ravel(z)[unit]) if z is not None and unit < np.size(z) else float("nan")
            if kb is not None and prev is not None and unit < kb[0].shape[1]:
                kernel, bias = kb
                prev = np.ravel(prev)
                terms = [f"{_fmt(kernel[j, unit])}×{_fmt(prev[j])}" for j in range(min(len(prev), TOOLTIP_TERMS))]
                if len(prev) > TOOLTIP_TERMS:
                    terms.append("…")
                b = f" + {_fmt(bias[unit])}" if bias is not None else ""
                lines.append(f"z = Σ w·a + b = {' + '.join(terms)}{b} = {_fmt(z_val)}")
            else:
                lines.append(f"z = Σ w·a + b = {_fmt(z_val)}")
            act = spec.params["activation"]
            lines.append(f"a = {act}(z) = {_fmt(a_val)}")
            formula = _activation_formula(act)
            if formula:
                lines.append(formula)
            return "\n".join(lines)
        if spec.type == "Activation":
            return f"{head}\na = {spec.params['activation']}(z) = {_fmt(a_val)}"
        return f"{head}\na = {_fmt(a_val)}"


def _activation_formula(name: str) -> str:
    try:
        from nnstudio.engine import registry

        return registry.get("activation", name).formula
    except Exception:  # engine unavailable or unknown name: the tooltip just omits the formula
        return ""
