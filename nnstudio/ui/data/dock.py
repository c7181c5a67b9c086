"""The Data dock: choose a built-in dataset, set its parameters, the split,
scaling and label format, or import a CSV file.

Every change is one undoable document edit pushed through
:meth:`AppState.push` (house rule: views never change the document
directly); the widgets follow the document back through AppState's signals.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio import data as nndata
from nnstudio.data.drawn import is_drawn
from nnstudio.ui.data.common import shape_text, task_label, thumbnail

#: QListWidgetItem data role holding the dataset name ('' for the imported CSV entry)
NAME_ROLE = Qt.ItemDataRole.UserRole
CSV_ITEM = ""
INT_MAX = 2**31 - 1


class DataDock(QWidget):
    """The contents of the 'data' dock (objectName 'dataPanel')."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.state = state
        self._syncing = False
        self._param_widgets: dict[str, QWidget] = {}
        self._param_owner: str | None = None
        self._info: dict[str, tuple] = {}
        self._dialog = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        self.list = QListWidget()
        self.list.setObjectName("datasetList")
        self.list.setIconSize(QSize(40, 40))
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 2)
        self._fill_list()
        self.list.currentItemChanged.connect(self._on_current_changed)

        self.description = QLabel()
        self.description.setObjectName("datasetDescription")
        self.description.setWordWrap(True)
        layout.addWidget(self.description)

        self.status = QLabel()
        self.status.setObjectName("datasetStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.busy = QProgressBar()  # a busy bar while a large dataset is prepared in the background
        self.busy.setObjectName("datasetBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.setToolTip(self.tr("A large dataset is generated, split and scaled in the background; "
                                     "Train is enabled when it is ready."))
        self.busy.hide()
        layout.addWidget(self.busy)

        self.params_box = QGroupBox(self.tr("Parameters"))
        self.params_box.setObjectName("paramsGroup")
        box_layout = QVBoxLayout(self.params_box)
        self.params_form = QFormLayout()
        box_layout.addLayout(self.params_form)
        self.regenerate = QPushButton(self.tr("Regenerate (new seed)"))
        self.regenerate.setObjectName("regenerateButton")
        self.regenerate.setToolTip(self.tr("Draw a new random sample of this dataset (seed + 1)."))
        self.regenerate.clicked.connect(self.regenerate_data)
        box_layout.addWidget(self.regenerate)
        layout.addWidget(self.params_box)

        layout.addWidget(self._build_split_box())

        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setObjectName("importCsvButton")
        self.import_button.setToolTip(self.tr("Load your own data from a CSV file into the project."))
        self.import_button.clicked.connect(self.import_csv)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        state.datasetChanged.connect(self.refresh)
        state.projectReplaced.connect(self.refresh)
        state.trainingChanged.connect(self._on_training)
        self.refresh()

    # -- construction -----------------------------------------------------
    def _build_split_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Split and scaling"))
        box.setObjectName("splitGroup")
        form = QFormLayout(box)
        self.val_split = QDoubleSpinBox()
        self.val_split.setObjectName("validationSplit")
        self.val_split.setRange(0.0, 0.9)
        self.val_split.setSingleStep(0.05)
        self.val_split.setDecimals(2)
        self.val_split.setKeyboardTracking(False)
        self.val_split.setToolTip(self.tr("Fraction of the samples held out to check the network on "
                                          "data it did not train on (0 = train on everything)."))
        self.val_split.valueChanged.connect(self._on_val_split)
        form.addRow(self.tr("Validation fraction"), self.val_split)

        self.split_seed = QSpinBox()
        self.split_seed.setObjectName("splitSeed")
        self.split_seed.setRange(0, INT_MAX)
        self.split_seed.setKeyboardTracking(False)
        self.split_seed.setToolTip(self.tr("Seed of the random train/validation split."))
        self.split_seed.valueChanged.connect(lambda v: self._set_choice("split_seed", int(v), self.tr("Change split seed")))
        form.addRow(self.tr("Split seed"), self.split_seed)

        self.standardize = QCheckBox(self.tr("Standardize features"))
        self.standardize.setObjectName("standardizeCheck")
        self.standardize.setToolTip(self.tr("Scale every feature to mean 0 and standard deviation 1, "
                                            "measured on the training split only."))
        self.standardize.toggled.connect(lambda on: self._set_choice("standardize", bool(on), self.tr("Toggle standardization")))
        form.addRow(self.standardize)

        self.label_format = QComboBox()
        self.label_format.setObjectName("labelFormat")
        self.label_format.addItem(self.tr("Class numbers (0, 1, 2 …)"), False)
        self.label_format.addItem(self.tr("One-hot vectors"), True)
        self.label_format.setToolTip(self.tr("How class labels reach the loss: class numbers for "
                                             "sparse_categorical_crossentropy / binary cross-entropy, "
                                             "one-hot vectors for categorical_crossentropy."))
        self.label_format.currentIndexChanged.connect(
            lambda i: self._set_choice("one_hot", bool(self.label_format.itemData(i)), self.tr("Change label format")))
        form.addRow(self.tr("Labels"), self.label_format)
        return box

    def _dataset_info(self, gen) -> tuple:
        """(n, d, task, pixmap) of a generator at its default parameters (cached)."""
        if gen.name not in self._info:
            try:
                ds = nndata.make(gen.name)
                self._info[gen.name] = (ds.n_samples, ds.n_features, ds.task, thumbnail(ds))
            except Exception:  # a broken generator must not break the dock
                self._info[gen.name] = (None, None, gen.task, None)
        return self._info[gen.name]

    def _fill_list(self) -> None:
        for gen in nndata.builtins():
            n, d, task, pix = self._dataset_info(gen)
            item = QListWidgetItem(self._builtin_text(gen, n, d, task))
            item.setData(NAME_ROLE, gen.name)
            item.setToolTip(self.tr(gen.description))
            if pix is not None:
                item.setIcon(QIcon(pix))
            self.list.addItem(item)

    def _builtin_text(self, gen, n, d, task) -> str:
        shape = shape_text(n, d) if n is not None else "?"
        return f"{self.tr(gen.title)}\n{task_label(task)} · {shape}"

    # -- following the document -----------------------------------------------
    def _on_training(self, key: str) -> None:
        if key == "validation_split":
            self.refresh()

    def refresh(self) -> None:
        """Show the document's dataset choice in every widget (no edits pushed)."""
        self._syncing = True
        try:
            choice = self.state.project.dataset
            self._sync_list(choice)
            self._sync_params(choice)
            self.val_split.setValue(float(self.state.project.training.get("validation_split") or 0.0))
            self.split_seed.setValue(int(choice.get("split_seed") or 0))
            self.standardize.setChecked(bool(choice.get("standardize")))
            self.label_format.setCurrentIndex(1 if choice.get("one_hot") else 0)
            ds = self.state.dataset
            self.label_format.setEnabled(ds is None or ds.task != "regression")
            self._show_status()
        finally:
            self._syncing = False

    def _sync_list(self, choice: dict) -> None:
        csv_row = self._csv_row()
        if choice.get("source") == "csv":
            csv = choice.get("csv") or {}
            ds = self.state.dataset
            shape = shape_text(ds.n_samples, ds.n_features) if ds is not None else "?"
            task = task_label(ds.task) if ds is not None else self.tr("not loaded")
            text = self.tr("Drawn by hand") if is_drawn(choice) else \
                self.tr("Imported: {0}").format(csv.get("filename") or self.tr("CSV data"))
            text += f"\n{task} · {shape}"
            if csv_row < 0:
                item = QListWidgetItem(text)
                item.setData(NAME_ROLE, CSV_ITEM)
                self.list.insertItem(0, item)
                csv_row = 0
            item = self.list.item(csv_row)
            item.setText(text)
            pix = thumbnail(ds) if ds is not None else None
            item.setIcon(QIcon(pix) if pix is not None else QIcon())
            item.setToolTip(self.tr("Points drawn in the data view; they are stored inside the project.")
                            if is_drawn(choice) else
                            self.tr("Data imported from a CSV file; it is stored inside the project."))
            self.list.setCurrentRow(csv_row)
            return
        if csv_row >= 0:
            self.list.takeItem(csv_row)
        current = -1
        ds = self.state.dataset
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(NAME_ROLE)
            gen = nndata.get_generator(name)
            n, d, task, _pix = self._dataset_info(gen)
            if name == choice.get("name"):
                current = row
                if ds is not None:  # the selected set's own size, not its default one
                    n, d, task = ds.n_samples, ds.n_features, ds.task
            text = self._builtin_text(gen, n, d, task)
            if item.text() != text:
                item.setText(text)
        self.list.setCurrentRow(current)

    def _csv_row(self) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(NAME_ROLE) == CSV_ITEM:
                return row
        return -1

    def _generator(self):
        choice = self.state.project.dataset
        if choice.get("source") != "builtin":
            return None
        try:
            return nndata.get_generator(choice.get("name"))
        except ValueError:
            return None

    def _sync_params(self, choice: dict) -> None:
        gen = self._generator()
        name = gen.name if gen is not None else None
        if name != self._param_owner:
            self._rebuild_params(gen)
        if gen is None:
            if is_drawn(choice):
                self.description.setText(self.tr("Your own data, drawn by hand in the data view (Draw)."))
            else:
                self.description.setText(self.tr("Your own data, imported from a CSV file.")
                                         if choice.get("source") == "csv" else "")
            self.params_box.setEnabled(False)
            self.regenerate.setEnabled(False)
            return
        self.description.setText(self.tr(gen.description))
        self.params_box.setEnabled(bool(gen.params))
        values = gen.defaults()
        values.update(choice.get("params") or {})
        for p in gen.params:
            w = self._param_widgets[p.name]
            try:
                if isinstance(w, QCheckBox):
                    w.setChecked(bool(values[p.name]))
                else:
                    w.setValue(min(values[p.name], w.maximum()))
            except (TypeError, ValueError):  # a hand-edited file: the status line shows the error
                w.setValue(p.default) if not isinstance(w, QCheckBox) else w.setChecked(bool(p.default))
        self.regenerate.setEnabled(any(p.name == "seed" for p in gen.params))

    def _rebuild_params(self, gen) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self._param_widgets = {}
        self._param_owner = gen.name if gen is not None else None
        if gen is None:
            return
        for p in gen.params:
            w = self._param_widget(p)
            w.setObjectName(f"param_{p.name}")
            w.setToolTip(self.tr(p.help) if p.help else "")
            self._param_widgets[p.name] = w
            self.params_form.addRow(self.tr(p.label), w)

    def _param_widget(self, p) -> QWidget:
        if p.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda v, name=p.name: self._on_param(name, bool(v)))
            return w
        if p.kind == "int":
            w = QSpinBox()
            lo = int(p.minimum) if p.minimum is not None else -INT_MAX
            hi = int(min(p.maximum, INT_MAX)) if p.maximum is not None else INT_MAX
            w.setRange(lo, hi)
            w.valueChanged.connect(lambda v, name=p.name: self._on_param(name, int(v)))
        else:
            w = QDoubleSpinBox()
            lo = float(p.minimum) if p.minimum is not None else -1e9
            hi = float(p.maximum) if p.maximum is not None else 1e9
            w.setRange(lo, hi)
            w.setDecimals(3)
            w.setSingleStep(0.05 if hi - lo <= 5 else 0.5)
            w.valueChanged.connect(lambda v, name=p.name: self._on_param(name, float(v)))
        w.setKeyboardTracking(False)
        return w

    def _show_status(self) -> None:
        ds, err = self.state.dataset, self.state.dataset_error
        pending = ds is None and getattr(self.state, "dataset_pending", False)
        self.busy.setVisible(pending)
        if pending:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Preparing the data…"))
            return
        if ds is None:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(self.tr("The dataset could not be loaded: {0}").format(err or self.tr("unknown error")))
            return
        self.status.setStyleSheet("")
        parts = [self.tr("{0} samples × {1} features").format(ds.n_samples, ds.n_features), task_label(ds.task)]
        if ds.task != "regression":
            parts.append(self.tr("{0} classes").format(ds.n_classes))
        try:
            prep = self.state.prepared()
            parts.append(self.tr("train {0} / validation {1}").format(len(prep.train_idx), len(prep.val_idx)))
        except Exception as exc:  # e.g. a split that leaves no training rows
            parts.append(str(exc))
        self.status.setText(" · ".join(parts))

    # -- edits ---------------------------------------------------------------
    def _push(self, choice: dict, text: str, merge_key: str | None = None) -> bool:
        ok = self.state.push([("set_dataset", choice)], text, merge_key)
        if not ok:
            self.refresh()
            self.status.setText(self.state.edit_blocked_reason() or self.tr("The change was refused."))
        return ok

    def _on_current_changed(self, current, _previous) -> None:
        if self._syncing or current is None:
            return
        name = current.data(NAME_ROLE)
        choice = self.state.project.dataset
        if name == CSV_ITEM or (choice.get("source") == "builtin" and choice.get("name") == name):
            return
        self.choose(name)

    def choose(self, name: str) -> bool:
        """Switch the project to the built-in dataset ``name`` (one undoable edit)."""
        gen = nndata.get_generator(name)
        old = self.state.project.dataset
        new = {
            "source": "builtin", "name": gen.name, "params": {}, "csv": None,
            "split_seed": old.get("split_seed", 0), "standardize": old.get("standardize", False),
            "one_hot": old.get("one_hot", False),
        }
        return self._push(new, self.tr("Choose dataset {0}").format(self.tr(gen.title)))

    def _on_param(self, name: str, value) -> None:
        if self._syncing:
            return
        self.set_param(name, value)

    def set_param(self, name: str, value) -> bool:
        """Set one generator parameter (typing into one box merges into one undo entry)."""
        gen = self._generator()
        if gen is None:
            return False
        choice = copy.deepcopy(self.state.project.dataset)
        params = dict(choice.get("params") or {})
        params[name] = value
        choice["params"] = params
        label = self.tr(gen.param(name).label)
        return self._push(choice, self.tr("Set {0} to {1}").format(label, value), f"dataset_param_{name}")

    def regenerate_data(self) -> bool:
        """Draw a new sample: the seed goes up by one (an undoable edit)."""
        gen = self._generator()
        if gen is None or not any(p.name == "seed" for p in gen.params):
            return False
        p = gen.param("seed")
        params = dict(self.state.project.dataset.get("params") or {})
        seed = int(params.get("seed", p.default)) + 1
        if seed > min(p.maximum, INT_MAX):
            seed = int(p.minimum or 0)
        choice = copy.deepcopy(self.state.project.dataset)
        choice["params"] = dict(params, seed=seed)
        return self._push(choice, self.tr("Regenerate {0} (seed {1})").format(self.tr(gen.title), seed))

    def _set_choice(self, key: str, value, text: str) -> None:
        if self._syncing or self.state.project.dataset.get(key) == value:
            return
        choice = copy.deepcopy(self.state.project.dataset)
        choice[key] = value
        self._push(choice, text, f"dataset_{key}")

    def _on_val_split(self, value: float) -> None:
        if self._syncing:
            return
        value = round(float(value), 4)
        if self.state.project.training.get("validation_split") == value:
            return
        if not self.state.push([("set_training", "validation_split", value)],
                               self.tr("Set validation fraction to {0}").format(value), "validation_split"):
            self.refresh()
            self.status.setText(self.state.edit_blocked_reason() or self.tr("The change was refused."))

    # -- CSV import ---------------------------------------------------------------
    def import_csv(self, path: str | None = None):
        """Ask for a CSV file (unless ``path`` is given) and open the import dialog on it.

        Returns the dialog (shown window-modal, not blocking) or None if no file was chosen.
        """
        from nnstudio.ui.data.csv_dialog import CsvImportDialog

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import CSV"), "", self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
            if not path:
                return None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = CsvImportDialog(self.state, self.window())
        self._dialog.open_file(path)
        self._dialog.open()
        return self._dialog
