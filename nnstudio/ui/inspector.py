"""The inspector: every setting of the selected layer, or of the model.

With a layer selected it edits that layer: its name and the rows of its
kind's parameters, built from the layer table (``ui/inspector_layers.py``
reads ``nnstudio.project.layer_kinds``); with nothing selected it edits
the model settings (loss, optimizer and its parameters, batch size, epochs,
validation split, early stopping, seed, dtype). Drop-downs are filled from
``nnstudio.engine.registry`` with each entry's formula as tooltip.

Every change is one ``state.push`` (typing into a spin box merges into one
undo entry through ``merge_key``); the widgets are refreshed from the
document on every change, so undo shows up here too.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.ui.i18n import tr_registry
from nnstudio.ui.icons import layer_icon

MONITORS = ("val_loss", "loss", "val_accuracy", "accuracy", "val_mae", "mae")
DTYPES = ("float32", "float64")
OPTIMIZER_KEYS = ("learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "rho", "epsilon")


class FloatSpin(QDoubleSpinBox):
    """A float spin box that shows values compactly (``0.001``, ``1e-07``) and accepts typed exponents."""

    def __init__(self, minimum: float, maximum: float, step: float, parent=None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(minimum, maximum)
        self.setSingleStep(step)
        self.setKeyboardTracking(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt API
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        s = text.strip().replace(",", ".")
        try:
            v = float(s)
        except ValueError:
            return QValidator.Intermediate, text, pos
        if self.minimum() <= v <= self.maximum():
            return QValidator.Acceptable, text, pos
        return QValidator.Intermediate, text, pos


def fill_combo(combo: QComboBox, kind: str) -> None:
    """Fill ``combo`` with every registry entry of ``kind``; tooltips give the formula."""
    from nnstudio.engine import registry

    combo.clear()
    for entry in registry.entries(kind):
        combo.addItem(entry.name, entry.name)
        tip = tr_registry(entry.summary)
        if entry.formula:
            tip += "\n" + entry.formula
        if entry.derivative:
            tip += "\n" + entry.derivative
        combo.setItemData(combo.count() - 1, tip, Qt.ToolTipRole)


def set_combo(combo: QComboBox, value) -> None:
    """Select ``value`` in ``combo`` (adding it if it is not listed, so nothing is hidden)."""
    i = combo.findData(value)
    if i < 0 and value is not None:
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(i)


class _Page(QWidget):
    """A form page whose rows can be shown or hidden by key."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str, widget: QWidget, name: str, tip: str) -> QWidget:
        widget.setObjectName(name)
        widget.setToolTip(tip)
        self.form.addRow(label, widget)
        self.rows[key] = widget
        return widget

    def show_rows(self, keys) -> None:
        keys = set(keys)
        for key, widget in self.rows.items():
            self.form.setRowVisible(widget, key in keys)


class Inspector(QWidget):
    """Layer or model settings for the current selection (objectName ``inspector``)."""

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.state = state
        self._updating = False
        self._own = None  # the edits this inspector is pushing (see _on_change)
        self._stale = False
        self.title = QLabel(self)
        self.title.setObjectName("inspectorTitle")
        self.title.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.layer_page = _Page()
        self.model_page = _Page()
        self._build_layer_page()
        self._build_model_page()
        self.stack.addWidget(self.layer_page)
        self.stack.addWidget(self.model_page)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        scroll.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        state.selectionChanged.connect(lambda _i: self.refresh())
        state.trainingChanged.connect(self._on_change)
        state.networkChanged.connect(self._on_change)
        state.nameChanged.connect(self._on_change)
        state.projectReplaced.connect(self.refresh)
        state.datasetChanged.connect(self.refresh)
        self.refresh()

    # -- construction ------------------------------------------------------------
    def _build_layer_page(self) -> None:
        from nnstudio.ui.inspector_layers import LayerRows

        # the rows come from the layer table (nnstudio.project.layer_kinds): one per parameter
        self.layer_rows = LayerRows(self.layer_page, self._layer_edit, FloatSpin, fill_combo, set_combo)
        self.name_edit = self.layer_rows.name_edit
        w = self.layer_rows.widgets
        self.size_label, self.features_box, self.units_spin = w["size"], w["features"], w["units"]
        self.activation_combo, self.use_bias_check, self.rate_spin = w["activation"], w["use_bias"], w["rate"]
        self.kernel_init_combo, self.bias_init_combo = w["kernel_initializer"], w["bias_initializer"]
        self.l1_spin, self.l2_spin, self.max_norm_check, self.max_norm_spin = (
            w["l1"], w["l2"], w["max_norm_on"], w["max_norm"])

    def _build_model_page(self) -> None:
        p, tr = self.model_page, self.tr
        self.project_name_edit = p.add_row("name", tr("Project"), QLineEdit(), "projectNameEdit",
                                           tr("The project's name."))
        self.project_name_edit.editingFinished.connect(self._name_edit)
        self.loss_combo = p.add_row("loss", tr("Loss"), QComboBox(), "lossCombo",
                                    tr("What training minimizes: how far the outputs are from the targets."))
        fill_combo(self.loss_combo, "loss")
        self.loss_combo.currentIndexChanged.connect(lambda _i: self._training_edit("loss", self.loss_combo.currentData()))
        self.optimizer_combo = p.add_row("optimizer", tr("Optimizer"), QComboBox(), "optimizerCombo",
                                         tr("How the weights are updated from the gradients."))
        fill_combo(self.optimizer_combo, "optimizer")
        self.optimizer_combo.currentIndexChanged.connect(
            lambda _i: self._training_edit("optimizer", self.optimizer_combo.currentData()))
        spins = [
            ("learning_rate", tr("Learning rate"), FloatSpin(1e-6, 10.0, 0.001), "learningRateSpin",
             tr("Step size η of each update: w ← w − η·∂L/∂w.")),
            ("momentum", tr("Momentum"), FloatSpin(0.0, 0.999, 0.05), "momentumSpin",
             tr("Keeps a fraction of the previous update (SGD, RMSprop).")),
            ("beta_1", tr("β₁"), FloatSpin(0.0, 0.9999, 0.01), "beta1Spin",
             tr("Adam: decay rate of the running mean of gradients.")),
            ("beta_2", tr("β₂"), FloatSpin(0.0, 0.99999, 0.001), "beta2Spin",
             tr("Adam: decay rate of the running mean of squared gradients.")),
            ("rho", tr("ρ"), FloatSpin(0.0, 0.9999, 0.01), "rhoSpin",
             tr("RMSprop: decay rate of the running mean of squared gradients.")),
            ("epsilon", tr("ε"), FloatSpin(1e-12, 1.0, 1e-7), "epsilonSpin",
             tr("A tiny number that keeps divisions stable.")),
            ("weight_decay", tr("Weight decay"), FloatSpin(0.0, 1.0, 0.0001), "weightDecaySpin",
             tr("Shrinks every weight a little at each step (decoupled L2).")),
        ]
        self.training_spins: dict[str, QDoubleSpinBox] = {}
        for key, label, w, name, tip in spins:
            self.training_spins[key] = p.add_row(key, label, w, name, tip)
            w.valueChanged.connect(lambda v, k=key: self._training_edit(k, float(v), merge=True))
        self.nesterov_check = p.add_row("nesterov", tr("Nesterov"), QCheckBox(tr("look-ahead momentum")),
                                        "nesterovCheck", tr("SGD: Nesterov momentum."))
        self.nesterov_check.toggled.connect(lambda v: self._training_edit("nesterov", bool(v)))
        from nnstudio.ui.inspector_options import OptionRows

        self.options = OptionRows(self, p, FloatSpin)  # amsgrad, centered, Adagrad's a₀, clipping, smoothing
        ints = [
            ("batch_size", tr("Batch size"), 1, 1_000_000, "batchSizeSpin",
             tr("Samples per weight update (a mini-batch).")),
            ("epochs", tr("Epochs"), 1, 1_000_000, "epochsSpin",
             tr("How many times training goes through the whole training set.")),
            ("seed", tr("Random seed"), 0, 2**31 - 1, "seedSpin",
             tr("The same seed gives the same starting weights and batches.")),
        ]
        self.int_spins: dict[str, QSpinBox] = {}
        for key, label, lo, hi, name, tip in ints:
            w = QSpinBox()
            w.setRange(lo, hi)
            self.int_spins[key] = p.add_row(key, label, w, name, tip)
            w.valueChanged.connect(lambda v, k=key: self._training_edit(k, int(v), merge=True))
        self.val_split_spin = p.add_row("validation_split", tr("Validation split"), FloatSpin(0.0, 0.9, 0.05),
                                        "validationSplitSpin",
                                        tr("Fraction of the data held out to measure generalization."))
        self.val_split_spin.valueChanged.connect(
            lambda v: self._training_edit("validation_split", float(v), merge=True))
        self.dtype_combo = p.add_row("dtype", tr("Precision"), QComboBox(), "dtypeCombo",
                                     tr("Floating-point type of weights and computations."))
        for d in DTYPES:
            self.dtype_combo.addItem(d, d)
        self.dtype_combo.currentIndexChanged.connect(lambda _i: self._training_edit("dtype", self.dtype_combo.currentData()))
        es = "early_stopping."
        self.es_check = p.add_row(es + "enabled", tr("Early stopping"), QCheckBox(tr("stop when it stops improving")),
                                  "earlyStoppingCheck",
                                  tr("Stop training when the monitored value has not improved for 'patience' epochs."))
        self.es_check.toggled.connect(lambda v: self._training_edit(es + "enabled", bool(v)))
        self.monitor_combo = p.add_row(es + "monitor", tr("Monitor"), QComboBox(), "monitorCombo",
                                       tr("The value early stopping watches."))
        for m in MONITORS:
            self.monitor_combo.addItem(m, m)
        self.monitor_combo.currentIndexChanged.connect(
            lambda _i: self._training_edit(es + "monitor", self.monitor_combo.currentData()))
        self.patience_spin = p.add_row(es + "patience", tr("Patience"), QSpinBox(), "patienceSpin",
                                       tr("Epochs without improvement before stopping."))
        self.patience_spin.setRange(0, 100_000)
        self.patience_spin.valueChanged.connect(lambda v: self._training_edit(es + "patience", int(v), merge=True))
        self.min_delta_spin = p.add_row(es + "min_delta", tr("Min. change"), FloatSpin(0.0, 100.0, 0.001),
                                        "minDeltaSpin", tr("Smaller changes than this do not count as improvement."))
        self.min_delta_spin.valueChanged.connect(
            lambda v: self._training_edit(es + "min_delta", float(v), merge=True))
        self.restore_check = p.add_row(es + "restore_best_weights", tr("Restore best"),
                                       QCheckBox(tr("keep the best epoch's weights")), "restoreBestCheck",
                                       tr("After stopping, go back to the weights of the best epoch."))
        self.restore_check.toggled.connect(lambda v: self._training_edit(es + "restore_best_weights", bool(v)))

    # -- edits ------------------------------------------------------------------------
    def _push(self, edits, text, merge_key=None) -> None:
        if self._updating:
            return
        self._own, self._stale = edits, False
        try:
            ok = self.state.push(edits, text, merge_key=merge_key)
        finally:
            self._own = None
        if ok and self._stale:
            self.refresh()  # the edit changed more than the widget that made it shows
        if not ok:
            self.refresh()  # refused (editor.refused says why in the status bar): show the document's value

    def _layer_edit(self, key: str, value, merge: bool = False) -> None:
        i = self.state.selected_layer
        if self._updating or i is None or not 0 <= i < len(self.state.project.layers):
            return
        spec = self.state.project.layers[i]
        current = spec.name if key == "name" else spec.params.get(key)
        if current == value:
            return
        text = self.tr("Set {key} of layer {i} to {value}").format(key=key, i=i, value=value)
        self._push([("set_layer", spec.id, key, value)], text, f"layer:{spec.id}:{key}" if merge else None)

    def _training_edit(self, key: str, value, merge: bool = False) -> None:
        if self._updating or self.state.project.training_value(key) == value:
            return
        text = self.tr("Set {key} to {value}").format(key=key, value=value)
        self._push([("set_training", key, value)], text, f"training:{key}" if merge else None)

    def _name_edit(self) -> None:
        name = self.project_name_edit.text().strip()
        if not self._updating and name and name != self.state.project.name:
            self._push([("set_name", name)], self.tr("Rename project to {name}").format(name=name))

    # -- following the document ---------------------------------------------------------
    #: settings whose change shows or hides other rows (the page is rebuilt for them)
    ROW_KEYS = ("optimizer", "loss", "early_stopping.enabled")  # loss: label smoothing's row

    def _on_change(self, key: str | None = None) -> None:
        """Refresh for changes made elsewhere (``key``: a training setting's); the widget that made an
        edit already shows its value."""
        own = self._own
        if own is not None:
            mine = (key is not None and any(e[0] == "set_training" and e[1] == key for e in own)
                    and key not in self.ROW_KEYS)
            if not mine:
                self._stale = True
            return
        self.refresh()

    def refresh(self) -> None:
        """Show the document's values for the current selection."""
        self._updating = True
        try:
            i = self.state.selected_layer
            layers = self.state.project.layers
            if i is not None and 0 <= i < len(layers):
                self._show_layer(i, layers[i])
                self.stack.setCurrentWidget(self.layer_page)
            else:
                self._show_model()
                self.stack.setCurrentWidget(self.model_page)
        finally:
            self._updating = False

    def _show_layer(self, i: int, spec) -> None:
        self.title.setText(self.tr("<b>Layer {i}: {type}</b> (click empty canvas for model settings)").format(
            i=i, type=spec.type))
        self.setWindowIcon(layer_icon(spec.type))
        self.layer_page.show_rows(self.layer_rows.show(spec, self.state.dataset))

    def _show_model(self) -> None:
        t = self.state.project.training
        self.title.setText(self.tr("<b>Model settings</b> (select a layer on the canvas to edit it)"))
        blockers = [QSignalBlocker(w) for w in self.model_page.rows.values()]
        self.project_name_edit.setText(self.state.project.name)
        set_combo(self.loss_combo, t["loss"])
        set_combo(self.optimizer_combo, t["optimizer"])
        for key, w in self.training_spins.items():
            w.setValue(float(t.get(key) or 0.0))
        self.nesterov_check.setChecked(bool(t.get("nesterov")))
        self.options.show(t)
        for key, w in self.int_spins.items():
            w.setValue(int(t[key]) if t.get(key) is not None else 0)
        self.val_split_spin.setValue(float(t.get("validation_split") or 0.0))
        set_combo(self.dtype_combo, t.get("dtype", "float32"))
        es = t["early_stopping"]
        self.es_check.setChecked(bool(es.get("enabled")))
        set_combo(self.monitor_combo, es.get("monitor", "val_loss"))
        self.patience_spin.setValue(int(es.get("patience", 0)))
        self.min_delta_spin.setValue(float(es.get("min_delta", 0.0)))
        self.restore_check.setChecked(bool(es.get("restore_best_weights")))
        del blockers
        self.model_page.show_rows(self._model_keys(t))

    def _model_keys(self, t) -> list[str]:
        from nnstudio.engine import registry

        try:
            opt_params = registry.get("optimizer", t["optimizer"]).params
        except ValueError:
            opt_params = {}
        keys = ["name", "loss", "optimizer", "weight_decay", "batch_size", "epochs", "seed",
                "validation_split", "dtype", "early_stopping.enabled"]
        keys += [k for k in OPTIMIZER_KEYS if k in opt_params]
        from nnstudio.ui.inspector_options import option_keys

        keys += option_keys(t)
        if t["early_stopping"].get("enabled"):
            keys += ["early_stopping." + k for k in ("monitor", "patience", "min_delta", "restore_best_weights")]
        return keys
