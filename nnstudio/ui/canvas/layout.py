"""What the canvas draws, derived from the document (no items here).

The canvas shows the network as a left-to-right chain of blocks. This module
works out, for a project and the dataset's feature count, each layer's
number of units, its role (Input / Hidden / Output), which of its neurons
are drawn (all up to :data:`MAX_VISIBLE`, then the first and last few with
"… N …" between them), and the Keras ``summary()`` figures (depth, total
parameters, output shape). Keeping it free of Qt items lets the scene,
the summary line and the tests share one set of rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

#: at most this many neuron circles per layer
MAX_VISIBLE = 16
#: when a layer has more units: this many first and this many last are drawn
HEAD = TAIL = 8

# geometry (scene units)
BLOCK_W = 118.0
SPACING_X = 200.0
PITCH = 24.0
RADIUS = 8.5
HEADER = 52.0
FOOTER = 12.0
#: map mode (2 input features, every layer at most MAX_MAP_UNITS wide, see nnstudio.project.planes):
#: each neuron is a MAP_SIZE square showing its response over the input plane
MAP_SIZE = 42.0
MAP_PITCH = 50.0


def tr(text: str) -> str:
    """Translate a canvas string (context 'Canvas')."""
    return QCoreApplication.translate("Canvas", text)


@dataclass(frozen=True)
class Slots:
    """The drawn neurons of one layer.

    ``units`` is the real number of units (``None`` if unknown, e.g. no
    dataset yet), ``slots`` the number of vertical positions, ``shown`` the
    ``(slot, unit)`` pairs that get a circle and ``gap`` the slot of the
    "… N …" marker (``None`` when every unit is drawn).
    """

    units: int | None
    slots: int
    shown: tuple[tuple[int, int], ...]
    gap: int | None
    #: vertical distance between neurons and half the drawn neuron's size (larger in map mode)
    pitch: float = PITCH
    radius: float = RADIUS

    @property
    def maps(self) -> bool:
        """True if the neurons are drawn as maps over the input plane."""
        return self.pitch == MAP_PITCH

    def y(self, slot: int) -> float:
        """Vertical centre of ``slot``."""
        return slot_y(slot, self.slots, self.pitch)

    @property
    def hidden(self) -> int:
        """How many units are not drawn."""
        return 0 if self.units is None else self.units - len(self.shown)


def visible_slots(units: int | None, maps: bool = False) -> Slots:
    """Which units of a layer with ``units`` units are drawn, and where (``maps``: as map squares)."""
    geo = {"pitch": MAP_PITCH, "radius": MAP_SIZE / 2} if maps else {}
    if not units or units < 1:
        return Slots(units, 0, (), None, **geo)
    if units <= MAX_VISIBLE:
        return Slots(units, units, tuple((k, k) for k in range(units)), None, **geo)
    shown = [(k, k) for k in range(HEAD)]
    shown += [(HEAD + 1 + k, units - TAIL + k) for k in range(TAIL)]
    return Slots(units, HEAD + TAIL + 1, tuple(shown), HEAD, **geo)


def slot_y(slot: int, slots: int, pitch: float = PITCH) -> float:
    """Vertical centre of ``slot`` in a layer of ``slots`` positions (0 = middle)."""
    return (slot - (slots - 1) / 2.0) * pitch


def block_height(slots: int, pitch: float = PITCH) -> float:
    """Height of a block body holding ``slots`` neuron positions."""
    return HEADER + max(slots, 1) * pitch + FOOTER


def block_top(slots: int, pitch: float = PITCH) -> float:
    """Top edge (scene y) of a block with ``slots`` positions; blocks centre their neurons on y=0."""
    return -max(slots, 1) * pitch / 2.0 - HEADER


def layer_units(project, n_features: int | None) -> list[int | None]:
    """Units (output width) of every project layer, from the layer table's ``width`` (None: unknown).

    Input: its ``size`` or, when not set, the dataset's feature count;
    Dense: ``units``; Dropout/Activation: the width of what they receive.
    """
    from nnstudio.project.layer_kinds import LAYER_KINDS

    out: list[int | None] = []
    prev: int | None = None
    for spec in project.layers:
        kind = LAYER_KINDS.get(spec.type)
        if kind is not None:
            width = kind.width(spec.params, prev if spec.type != "Input" else n_features)
            prev = int(width) if isinstance(width, int) and width > 0 else None
        out.append(prev)
    return out


INPUT, HIDDEN, OUTPUT = "input", "hidden", "output"


def layer_roles(project) -> list[str]:
    """Role of each layer: the Input layer, hidden layers, and the output.

    The output is the last Dense layer together with any Dropout/Activation
    after it; the Input layer computes nothing and is not counted in depth.
    """
    dense = [i for i, s in enumerate(project.layers) if s.type == "Dense"]
    last = dense[-1] if dense else None
    roles = []
    for i, spec in enumerate(project.layers):
        if spec.type == "Input":
            roles.append(INPUT)
        elif last is not None and i >= last:
            roles.append(OUTPUT)
        else:
            roles.append(HIDDEN)
    return roles


def role_text(role: str) -> str:
    """The role as shown on a block."""
    return {INPUT: tr("Input"), HIDDEN: tr("Hidden"), OUTPUT: tr("Output")}[role]


@dataclass(frozen=True)
class Summary:
    """The Keras ``model.summary()`` figures of a project."""

    depth: int
    params: int
    per_layer: tuple[int, ...]
    output_units: int | None

    @property
    def output_shape(self) -> str:
        """Keras style output shape, e.g. ``(None, 5)``."""
        return f"(None, {self.output_units if self.output_units is not None else '?'})"

    def text(self) -> str:
        """The summary line shown under the canvas."""
        return tr("Depth {depth} (layers with weights) · {params} parameters · output shape {shape}").format(
            depth=self.depth, params=f"{self.params:,}", shape=self.output_shape
        )


def summarize(project, n_features: int | None) -> Summary:
    """Depth (number of Dense layers), parameters per layer and in total, output shape.

    Dense parameters are ``inputs × units`` weights plus ``units`` biases
    (when ``use_bias``), exactly what Keras' ``count_params()`` reports.
    """
    from nnstudio.project.layer_kinds import LAYER_KINDS

    units = layer_units(project, n_features)
    per_layer = []
    prev: int | None = None
    for spec, u in zip(project.layers, units):
        kind = LAYER_KINDS.get(spec.type)
        per_layer.append(kind.count(spec.params, prev) if kind is not None and u is not None and prev is not None
                         else 0)  # the layer table's count (Keras' count_params)
        prev = u
    depth = sum(1 for s in project.layers if (k := LAYER_KINDS.get(s.type)) is not None and k.has_weights)
    return Summary(depth, sum(per_layer), tuple(per_layer), units[-1] if units else None)
