"""The inspector's layer rows, built from the layer table (``nnstudio.project.layer_kinds``).

One row per parameter name of every :class:`~nnstudio.project.layer_kinds.LayerKind`
(kinds that share a parameter, such as ``activation``, share its row), made
from the parameter's widget hint, label, tooltip, limits and objectName; a
layer shows the rows of its kind's parameters. Adding a layer type to the
table adds its rows here without other edits.

Widget hints: ``spin`` (QSpinBox), ``float`` (a float spin box), ``check``
(QCheckBox), ``activation`` / ``initializer`` (a drop-down of that registry
kind), ``optional_float`` (a switch + a float spin box; off is ``None``),
``features`` (the Input layer's feature picker), ``input_size`` (a read-only
line: the Input layer follows the dataset).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from nnstudio.data import features as nnfeatures
from nnstudio.project.layer_kinds import LAYER_KINDS, ParamSpec
from nnstudio.ui.features_box import FeaturesBox

CONTEXT = "Inspector"


def tr(text: str) -> str:
    """A layer-table text in the inspector's language (context 'Inspector')."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


class LayerRows:
    """The rows of the inspector's layer page, one per table parameter, plus the layer's name."""

    def __init__(self, page, edit, float_spin, fill_combo, set_combo) -> None:
        self.page, self.edit = page, edit  # edit(key, value, merge=False) pushes one layer edit
        self._float_spin, self._fill, self._set = float_spin, fill_combo, set_combo
        self.widgets: dict[str, QWidget] = {}  # parameter row key -> widget
        self.specs: dict[str, ParamSpec] = {}
        self.name_edit = page.add_row("name", QCoreApplication.translate("Inspector", "Name"), QLineEdit(),
                                      "layerNameEdit", QCoreApplication.translate(
                                          "Inspector", "An optional name for this layer (Keras 'name')."))
        self.name_edit.editingFinished.connect(lambda: self.edit("name", self.name_edit.text().strip()))
        self.build()

    def build(self) -> None:
        """Add a row for every table parameter that has none yet (kinds added later included)."""
        for kind in LAYER_KINDS.values():
            for p in kind.params:
                if p.name not in self.specs:
                    self.specs[p.name] = p
                    self._add(p)

    def _add(self, p: ParamSpec) -> None:
        key, hint, add = p.name, p.widget, self.page.add_row
        label, tip, name = tr(p.label or p.name), tr(p.tooltip), p.ui_name or f"{p.name}Param"
        if hint == "input_size":
            w = add(key, label, QLabel(), name, tip)
        elif hint == "features":
            box = FeaturesBox()
            w = add(key, label, box, name, tip or box.toolTip())
            w.edited.connect(lambda v, k=key: self.edit(k, v))
        elif hint == "spin":
            w = QSpinBox()
            w.setRange(int(p.minimum if p.minimum is not None else 0), int(p.maximum if p.maximum is not None else 10**6))
            w.setSingleStep(max(1, int(p.step)))
            add(key, label, w, name, tip)
            w.valueChanged.connect(lambda v, k=key: self.edit(k, int(v), merge=True))
        elif hint in ("activation", "initializer"):
            w = add(key, label, QComboBox(), name, tip)
            self._fill(w, hint)
            w.currentIndexChanged.connect(lambda _i, k=key, c=w: self.edit(k, c.currentData()))
        elif hint == "check":
            w = add(key, label, QCheckBox(tr(p.text)), name, tip)
            w.toggled.connect(lambda v, k=key: self.edit(k, bool(v)))
        elif hint == "optional_float":
            switch = add(key + "_on", label, QCheckBox(tr(p.text)), name, tip)
            w = add(key, tr(p.value_label or p.label), self._spin_for(p), p.value_ui_name or f"{p.name}Spin",
                    tr(p.value_tooltip or p.tooltip))
            w.setValue(p.on_value)
            self.widgets[key + "_on"] = switch
            switch.toggled.connect(lambda on, k=key, s=w: (s.setEnabled(on),
                                                          self.edit(k, float(s.value()) if on else None)))
            w.valueChanged.connect(lambda v, k=key, c=switch: c.isChecked() and self.edit(k, float(v), merge=True))
        else:  # 'float' and anything else that holds a number
            w = add(key, label, self._spin_for(p), name, tip)
            w.valueChanged.connect(lambda v, k=key: self.edit(k, float(v), merge=True))
        self.widgets[key] = w

    def _spin_for(self, p: ParamSpec):
        lo = p.minimum if p.minimum is not None else 0.0
        return self._float_spin(float(lo), float(p.maximum if p.maximum is not None else 1e6), float(p.step))

    def show(self, spec, dataset) -> list[str]:
        """Show ``spec``'s values in its kind's rows; returns the row keys to show."""
        kind = LAYER_KINDS.get(spec.type)
        if kind is not None and any(p.name not in self.specs for p in kind.params):
            self.build()
        blockers = [QSignalBlocker(w) for w in self.page.rows.values()]
        self.name_edit.setText(spec.name)
        keys = ["name"]
        for p in kind.params if kind else ():
            keys += self._show_param(p, spec.params, dataset)
        del blockers
        return keys

    def _show_param(self, p: ParamSpec, params: dict, dataset) -> list[str]:
        key, hint, value = p.name, p.widget, params.get(p.name)
        w = self.widgets[key]
        w.setToolTip(tr(p.tooltip) or w.toolTip())
        n_raw = dataset.n_features if dataset is not None else None
        if hint == "input_size":
            n = value or nnfeatures.width(params.get("features"), n_raw)
            w.setText(QCoreApplication.translate("Inspector", "{n} features (from the dataset)").format(
                n=n if n else "?"))
        elif hint == "features":
            if not n_raw:
                return []
            w.show_features(value, n_raw, dataset.feature_names)
        elif hint == "spin":
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= w.minimum()
            w.setValue(int(value) if ok else w.minimum())
        elif hint in ("activation", "initializer"):
            self._set(w, value)
        elif hint == "check":
            w.setChecked(bool(value))
        elif hint == "optional_float":
            on = value is not None
            self.widgets[key + "_on"].setChecked(on)
            w.setEnabled(on)
            if on:
                w.setValue(float(value))
            return [key + "_on", key]
        else:
            w.setValue(float(value or 0.0))
        return [key]
