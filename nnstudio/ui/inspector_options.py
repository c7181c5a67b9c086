"""Inspector rows for the Keras options beyond the basic optimizer settings.

Adam ``amsgrad``, RMSprop ``centered``, Adagrad ``initial_accumulator_value``,
gradient clipping (``clipnorm`` / ``clipvalue`` / ``global_clipnorm``, any
optimizer, at most one) and binary cross-entropy ``label_smoothing``. A row
is shown only when the registry entry of the chosen optimizer / loss has the
parameter (:func:`option_keys`), so a new registry parameter of these kinds
only needs a row here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox

CLIP_KINDS = ("clipnorm", "clipvalue", "global_clipnorm")
# inspector row keys -> the registry parameter that makes them visible
ROWS = {"amsgrad": "amsgrad", "centered": "centered", "initial_accumulator_value": "initial_accumulator_value",
        "clip": "clipnorm", "clip_value": "clipnorm", "label_smoothing": "label_smoothing"}


def clip_setting(training: dict) -> tuple[str | None, float]:
    """(the clipping kind that is set or None, its value or a default of 1.0)."""
    for kind in CLIP_KINDS:
        if training.get(kind) is not None:
            return kind, float(training[kind])
    return None, 1.0


def option_keys(training: dict) -> list[str]:
    """The option rows to show for the chosen optimizer and loss."""
    from nnstudio.engine import registry

    params: dict = {}
    for kind in ("optimizer", "loss"):
        try:
            params.update(registry.get(kind, training[kind]).params)
        except (ValueError, KeyError):
            pass
    keys = [row for row, param in ROWS.items() if param in params]
    if clip_setting(training)[0] is None and "clip_value" in keys:
        keys.remove("clip_value")
    return keys


class OptionRows(QObject):
    """Builds the rows on the inspector's model page and shows the document's values."""

    def __init__(self, inspector, page, spin_class) -> None:
        super().__init__(inspector)
        self.setObjectName("inspectorOptionRows")
        self.inspector = inspector
        tr = self.tr
        self.amsgrad_check = page.add_row(
            "amsgrad", tr("AMSGrad"), QCheckBox(tr("never let v shrink")), "amsgradCheck",
            tr("Adam: divide by the largest v seen so far, v̂ = max(v̂, v): w ← w − α·m/(√v̂ + ε)."))
        self.amsgrad_check.toggled.connect(lambda v: inspector._training_edit("amsgrad", bool(v)))
        self.centered_check = page.add_row(
            "centered", tr("Centered"), QCheckBox(tr("divide by the gradients' spread")), "centeredCheck",
            tr("RMSprop: also keep the mean ḡ of the gradients and divide by √(v + ε − ḡ²)."))
        self.centered_check.toggled.connect(lambda v: inspector._training_edit("centered", bool(v)))
        self.accumulator_spin = page.add_row(
            "initial_accumulator_value", tr("Start of Σg²"), spin_class(0.0, 100.0, 0.05), "accumulatorSpin",
            tr("Adagrad: the value a₀ the sum of squared gradients starts from: a ← a + g², "
               "w ← w − η·g/√(a + ε)."))
        self.accumulator_spin.valueChanged.connect(
            lambda v: inspector._training_edit("initial_accumulator_value", float(v), merge=True))
        self.clip_combo = page.add_row(
            "clip", tr("Gradient clipping"), QComboBox(), "clipCombo",
            tr("Limit the gradients before each step. By norm: g ← g·c/max(‖g‖, c) for each weight; "
               "by value: each element clipped to [−c, c]; global norm: all gradients scaled by "
               "min(1, c/‖all g‖)."))
        for kind, label in (("", tr("off")), ("clipnorm", tr("by norm (clipnorm)")),
                            ("clipvalue", tr("by value (clipvalue)")),
                            ("global_clipnorm", tr("by global norm (global_clipnorm)"))):
            self.clip_combo.addItem(label, kind)
        self.clip_combo.currentIndexChanged.connect(self._clip_kind_changed)
        self.clip_spin = page.add_row("clip_value", tr("Clip at c"), spin_class(1e-6, 1e6, 0.1), "clipSpin",
                                      tr("The limit c of the gradient clipping."))
        self.clip_spin.setValue(1.0)
        self.clip_spin.valueChanged.connect(self._clip_value_changed)
        self.smoothing_spin = page.add_row(
            "label_smoothing", tr("Label smoothing"), spin_class(0.0, 1.0, 0.05), "labelSmoothingSpin",
            tr("Binary cross-entropy: train towards y·(1 − s) + s/2 instead of 0 and 1, "
               "so the outputs are not pushed to saturate."))
        self.smoothing_spin.valueChanged.connect(
            lambda v: inspector._training_edit("label_smoothing", float(v), merge=True))

    def _clip_edits(self, kind: str | None, value: float) -> list[tuple]:
        t = self.inspector.state.project.training
        edits = [("set_training", k, value if k == kind else None) for k in CLIP_KINDS]
        return [e for e in edits if t.get(e[1]) != e[2]]

    def _clip_kind_changed(self, _index: int) -> None:
        if self.inspector._updating:
            return
        kind = self.clip_combo.currentData() or None
        edits = self._clip_edits(kind, float(self.clip_spin.value()))
        if edits:
            text = self.tr("Set gradient clipping to {kind}").format(kind=kind or self.tr("off"))
            self.inspector._push(edits, text)
            self.inspector.refresh()  # the "Clip at c" row comes or goes

    def _clip_value_changed(self, value: float) -> None:
        kind = self.clip_combo.currentData()
        if kind:
            self.inspector._training_edit(kind, float(value), merge=True)

    def show(self, training: dict) -> None:
        """Show the document's values (the inspector blocks the widgets' signals around this)."""
        self.amsgrad_check.setChecked(bool(training.get("amsgrad")))
        self.centered_check.setChecked(bool(training.get("centered")))
        self.accumulator_spin.setValue(float(training.get("initial_accumulator_value") or 0.0))
        kind, value = clip_setting(training)
        self.clip_combo.setCurrentIndex(max(0, self.clip_combo.findData(kind or "")))
        self.clip_spin.setValue(value)
        self.smoothing_spin.setValue(float(training.get("label_smoothing") or 0.0))

    def widgets(self) -> list:
        return [self.amsgrad_check, self.centered_check, self.accumulator_spin, self.clip_combo, self.clip_spin,
                self.smoothing_spin]
