"""The Import CSV dialog (objectName 'csvImportDialog').

Shows the file's first rows, the detected delimiter / header / decimal
separator (all overridable), lets the user pick target and feature columns,
the task and what to do with missing values, and checks the choice with
:func:`nnstudio.data.load_csv` after every change: the OK button stays
disabled, and the 'csvError' label says what is wrong and what to do, until
the choice is valid. Confirming pushes one undoable ``set_dataset`` edit that
embeds the CSV text in the project.

Files up to :attr:`CsvImportDialog.sync_limit` bytes are read at once; larger
ones are previewed from their head and read in an :class:`ImportThread` with
a cancellable progress dialog when the user confirms.
"""

from __future__ import annotations

import copy
import math
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from nnstudio.data import CsvError, CsvOptions, load_csv, sniff, sniff_file
from nnstudio.ui.data.columns import ColumnPicker, preview_rows
from nnstudio.ui.data.common import task_label
from nnstudio.ui.data.import_task import MAX_IMPORT_BYTES, ImportThread, check_size, read_text

_T = "CsvImportDialog"
DELIMITERS = ((",", QT_TRANSLATE_NOOP(_T, "Comma ( , )")), (";", QT_TRANSLATE_NOOP(_T, "Semicolon ( ; )")),
              ("\t", QT_TRANSLATE_NOOP(_T, "Tab")), ("|", QT_TRANSLATE_NOOP(_T, "Pipe ( | )")))
TASKS = ("auto", "regression", "binary", "multiclass")
MISSING = (("error", QT_TRANSLATE_NOOP(_T, "Stop and show me")), ("drop", QT_TRANSLATE_NOOP(_T, "Drop those rows")),
           ("mean", QT_TRANSLATE_NOOP(_T, "Fill with the column mean")))


def error_text(exc: Exception) -> str:
    """The message of a CsvError plus where it happened (row / column / value)."""
    text = str(exc)
    where = []
    if getattr(exc, "row", None) is not None:
        where.append(f"row {exc.row}")
    if getattr(exc, "column", None) is not None:
        where.append(f"column '{exc.column}'")
    if getattr(exc, "value", None) is not None:
        where.append(f"value {str(exc.value).strip()[:40]!r}")
    if where:
        text += "\n(" + ", ".join(where) + ")"
    return text


class CsvImportDialog(QDialog):
    """Preview, configure and import one CSV file into the project of ``state``."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import CSV"))
        self.state = state
        #: files up to this size are read and checked at once on the GUI thread
        self.sync_limit = 2 * 1024 * 1024
        self.max_bytes = MAX_IMPORT_BYTES
        #: block size for reading the embedded text in the worker (None: default)
        self.block: int | None = None
        self.path: str | None = None
        self.filename = ""
        self.text: str | None = None        # whole file (small files)
        self.head_text: str | None = None   # first rows only (large files, before import)
        self.dataset = None
        self.error: str | None = None
        self.thread: ImportThread | None = None
        self.progress: QProgressDialog | None = None
        self._abandoned = False
        self._syncing = False
        self._build()

    # -- layout ---------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("csvFileLabel")
        top.addWidget(self.file_label, 1)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setObjectName("csvBrowseButton")
        browse.clicked.connect(self.browse)
        top.addWidget(browse)
        layout.addLayout(top)

        fmt = QHBoxLayout()
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("csvDelimiter")
        for value, label in DELIMITERS:
            self.delimiter.addItem(self.tr(label), value)
        self.header_check = QCheckBox(self.tr("First row is a header"))
        self.header_check.setObjectName("csvHeader")
        self.decimal = QComboBox()
        self.decimal.setObjectName("csvDecimal")
        self.decimal.addItem(self.tr("Decimal point ( 1.5 )"), ".")
        self.decimal.addItem(self.tr("Decimal comma ( 1,5 )"), ",")
        for w in (QLabel(self.tr("Delimiter")), self.delimiter, self.header_check, self.decimal):
            fmt.addWidget(w)
        fmt.addStretch(1)
        layout.addLayout(fmt)
        self.delimiter.currentIndexChanged.connect(self._format_changed)
        self.header_check.toggled.connect(self._format_changed)
        self.decimal.currentIndexChanged.connect(self._format_changed)

        self.columns = ColumnPicker()
        self.columns.changed.connect(self.revalidate)
        self.preview, self.targets, self.features = self.columns.preview, self.columns.targets, self.columns.features
        layout.addWidget(self.columns, 3)

        form = QFormLayout()
        self.task = QComboBox()
        self.task.setObjectName("csvTask")
        for t in TASKS:
            self.task.addItem(self.tr("Detect automatically") if t == "auto" else task_label(t), t)
        self.task.currentIndexChanged.connect(lambda _i: self.revalidate())
        form.addRow(self.tr("Task"), self.task)
        self.missing = QComboBox()
        self.missing.setObjectName("csvMissing")
        for value, label in MISSING:
            self.missing.addItem(self.tr(label), value)
        self.missing.currentIndexChanged.connect(lambda _i: self.revalidate())
        form.addRow(self.tr("Missing values"), self.missing)
        self.standardize = QCheckBox(self.tr("Standardize features (fitted on the training split only)"))
        self.standardize.setObjectName("csvStandardize")
        self.standardize.setChecked(True)
        form.addRow(self.standardize)
        self.images = QCheckBox(self.tr("Features are images"))
        self.images.setObjectName("csvImages")
        self.images.setToolTip(self.tr("Each row's features are the pixels of a square picture, row by "
                                       "row (e.g. 784 columns = 28×28, as in MNIST CSV files): the "
                                       "image views (thumbnails, draw pad, weight images) then apply."))
        self.images.toggled.connect(lambda _on: self.revalidate())
        form.addRow(self.images)
        layout.addLayout(form)

        self.labels = {}
        for name in ("csvWarnings", "csvSummary", "csvClassMap", "csvMissingInfo", "csvError"):
            label = QLabel()
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.labels[name] = label
        self.labels["csvError"].setStyleSheet("color: #b00020;")
        self.labels["csvWarnings"].setStyleSheet("color: #8a6d00;")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("csvOkButton")
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 640)

    # -- loading a file -------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import CSV"), "",
                                              self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.open_file(path)

    def _reset(self, filename: str) -> None:
        self.filename, self.text, self.head_text, self.dataset = filename, None, None, None
        self.file_label.setText(filename)
        for label in self.labels.values():
            label.clear()
        self.columns.clear()

    def open_file(self, path: str) -> bool:
        """Preview ``path``; False (and the error shown) if it cannot be used."""
        path = os.fspath(path)
        self._reset(os.path.basename(path))
        self.path = path
        try:
            size = check_size(path, self.max_bytes)
            if size <= self.sync_limit:
                text = read_text(path)
                self.file_label.setText(self.tr("{0} ({1} bytes)").format(self.filename, size))
                return self._show_sniff(sniff(text), text)
            result = sniff_file(path)
            with open(path, "rb") as f:
                head = f.read(1 << 16)
            head = head[: head.rindex(b"\n") + 1] if b"\n" in head[:-1] else head
            self.head_text = head.decode("utf-8-sig", errors="replace")
            self.file_label.setText(self.tr("{0} (large file: about {1} rows; the whole file is read "
                                            "when you press Import)").format(self.filename, result.n_rows))
            return self._show_sniff(result, None)
        except CsvError as exc:
            return self._fail(exc)

    def set_text(self, text: str, filename: str = "data.csv") -> bool:
        """Preview CSV ``text`` held in memory (as if read from ``filename``)."""
        self._reset(filename)
        self.path = None
        try:
            return self._show_sniff(sniff(text), text)
        except CsvError as exc:
            return self._fail(exc)

    def _fail(self, exc: Exception) -> bool:
        self.dataset = None
        self.error = error_text(exc)
        self.labels["csvError"].setText(self.error)
        self.ok_button.setEnabled(False)
        return False

    def _show_sniff(self, result, text: str | None) -> bool:
        self.text = text
        self.columns.column_tasks = list(result.column_tasks)
        o = result.options
        self._syncing = True
        try:
            self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(o.delimiter)))
            self.header_check.setChecked(bool(o.has_header))
            self.decimal.setCurrentIndex(max(0, self.decimal.findData(o.decimal)))
            self.task.setCurrentIndex(0)
            self.missing.setCurrentIndex(0)
        finally:
            self._syncing = False
        self.labels["csvWarnings"].setText("\n".join(result.warnings))
        self._refresh_preview(targets=o.target_columns, features=o.feature_columns)
        return self.revalidate()

    # -- preview and columns ------------------------------------------------------
    def _source_text(self) -> str:
        return self.text if self.text is not None else (self.head_text or "")

    def _refresh_preview(self, targets=None, features=None) -> None:
        rows = preview_rows(self._source_text(), self.delimiter.currentData())
        self.columns.show_rows(rows, self.header_check.isChecked(), targets, features)

    def target_columns(self) -> list[int]:
        """Indices of the ticked target columns."""
        return self.columns.target_columns()

    def feature_columns(self) -> list[int]:
        """Indices of the ticked feature columns."""
        return self.columns.feature_columns()

    def set_target_columns(self, columns: list[int]) -> None:
        """Tick exactly ``columns`` as targets (as a user clicking would)."""
        self.columns.set_target_columns(columns)

    def _format_changed(self, *_args) -> None:
        if self._syncing:
            return
        self._refresh_preview()
        self.revalidate()

    # -- checking the choice ------------------------------------------------------
    def options(self) -> CsvOptions:
        """The CsvOptions the widgets describe."""
        return CsvOptions(
            delimiter=self.delimiter.currentData(), has_header=self.header_check.isChecked(),
            decimal=self.decimal.currentData(), target_columns=self.target_columns(),
            feature_columns=self.feature_columns(), task=self.task.currentData(),
            missing=self.missing.currentData(), image_shape=self.image_shape())

    def image_shape(self) -> list[int] | None:
        """``[side, side]`` when "Features are images" is ticked and the features make a square."""
        n = len(self.feature_columns())
        side = math.isqrt(n)
        if not self.images.isChecked() or n < 4 or side * side != n:
            return None
        return [side, side]

    def _sync_image_option(self) -> None:
        n = len(self.feature_columns())
        side = math.isqrt(n)
        square = n >= 4 and side * side == n
        self.images.setEnabled(square)
        if square:
            self.images.setText(self.tr("Features are {w}×{h} images").format(w=side, h=side))
        else:
            self.images.setText(self.tr("Features are images (needs a square number of feature "
                                        "columns, e.g. 784 = 28×28)"))
            if self.images.isChecked():
                self.images.blockSignals(True)
                self.images.setChecked(False)
                self.images.blockSignals(False)

    def revalidate(self) -> bool:
        """Check the current choice; update the labels and the OK button. True if valid."""
        if self._syncing:
            return self.dataset is not None
        for name in ("csvSummary", "csvClassMap", "csvMissingInfo", "csvError"):
            self.labels[name].clear()
        self.dataset, self.error = None, None
        self._sync_image_option()
        if self.text is None and self.head_text is None:
            return self._fail(CsvError(self.tr("Choose a CSV file to import.")))
        if not self.target_columns():
            return self._fail(CsvError(self.tr("No target column chosen. Tick the column the network "
                                               "should predict in the target list.")))
        if not self.feature_columns():
            return self._fail(CsvError(self.tr("No feature columns chosen. Tick at least one input "
                                               "column in the feature list.")))
        try:
            ds = load_csv(self._source_text(), self.options().validate(), source=self.filename)
        except CsvError as exc:
            return self._fail(exc)
        except Exception as exc:  # never crash on a file: say so
            return self._fail(CsvError(self.tr("This file cannot be read as a dataset ({0}).").format(exc)))
        self.dataset = ds
        self._show_dataset(ds)
        self.ok_button.setEnabled(True)
        return True

    def _show_dataset(self, ds) -> None:
        parts = [self.tr("{0} rows").format(ds.n_samples), self.tr("{0} features").format(ds.n_features),
                 task_label(ds.task)]
        if ds.task != "regression":
            parts.append(self.tr("{0} classes").format(ds.n_classes))
        if ds.image_shape is not None:
            parts.append(self.tr("{w}×{h} images").format(w=ds.image_shape[1], h=ds.image_shape[0]))
        summary = " · ".join(parts)
        if self.text is None:
            summary = self.tr("First rows: {0}. The whole file is checked when you press Import.").format(summary)
        self.labels["csvSummary"].setText(summary)
        self.task.setItemText(0, self.tr("Detect automatically ({0})").format(task_label(ds.task)))
        if ds.task != "regression" and ds.class_names:
            pairs = [f"{name} → {i}" for i, name in enumerate(ds.class_names[:20])]
            more = "" if len(ds.class_names) <= 20 else " …"
            self.labels["csvClassMap"].setText(self.tr("Class labels become numbers: {0}").format(", ".join(pairs) + more))
        self.labels["csvMissingInfo"].setText("\n".join(n for n in ds.notes if n))

    # -- confirming ---------------------------------------------------------------
    def dataset_choice(self, text: str) -> dict:
        """The project's new dataset choice, embedding ``text``."""
        old = self.state.project.dataset
        return {
            "source": "csv", "name": os.path.splitext(self.filename)[0] or "csv", "params": {},
            "split_seed": old.get("split_seed", 0), "standardize": self.standardize.isChecked(),
            "one_hot": bool(old.get("one_hot")) and self.dataset is not None and self.dataset.task != "regression",
            "csv": {"filename": self.filename, "text": text, "options": self.options().to_dict()},
        }

    def confirm(self) -> None:
        """OK: import (small files at once, large files in a worker thread)."""
        if self.dataset is None or self.thread is not None:
            return
        if self.text is not None:
            self._push(self.text)
        else:
            self._start_thread()

    def _push(self, text: str, parsed=None) -> None:
        choice = self.dataset_choice(text)
        loader = getattr(self.state, "loader", None)
        if parsed is not None and loader is not None:
            loader.offer(choice, parsed)  # the worker parsed the whole file: the studio need not parse it again
        if not self.state.push([("set_dataset", copy.deepcopy(choice))], self.tr("Import {0}").format(self.filename)):
            self._fail(CsvError(self.state.edit_blocked_reason() or self.tr("The project cannot be changed now.")))
            return
        self.accept()

    def _start_thread(self) -> None:
        self.ok_button.setEnabled(False)
        self._abandoned = False
        self.thread = ImportThread(self.path, self.options(), self.max_bytes, self.block)
        self.progress = QProgressDialog(self.tr("Reading {0}…").format(self.filename), self.tr("Cancel"), 0, 100, self)
        self.progress.setObjectName("csvProgress")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(self.thread.cancel)
        self.thread.progress.connect(self._show_progress)
        self.thread.succeeded.connect(self._read_ok)
        self.thread.failed.connect(self._read_failed)
        self.thread.cancelledRead.connect(self._read_cancelled)
        self.thread.finished.connect(self._thread_done)
        self.thread.start()
        self.progress.show()

    def cancel_import(self) -> None:
        """Cancel a running import (what the progress dialog's Cancel button does)."""
        if self.thread is not None:
            self.thread.cancel()

    def _show_progress(self, value: int) -> None:
        # Progress updates still queued when the dialog was closed arrive here after
        # _close_progress; they must not re-show it (QProgressDialog.setValue shows itself).
        if self.progress is not None:
            self.progress.setValue(value)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()  # stops its pending "show after minimumDuration" timer
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _read_ok(self, dataset, text: str) -> None:
        if self._abandoned:  # the dialog was closed while the result was on its way
            return
        self._close_progress()
        self.text, self.dataset = text, dataset
        self._show_dataset(dataset)
        self._push(text, dataset)

    def _read_failed(self, exc) -> None:
        if self._abandoned:
            return
        self._close_progress()
        self._fail(exc)

    def _read_cancelled(self) -> None:
        if self._abandoned:
            return
        self._close_progress()
        self.labels["csvSummary"].setText(self.tr("Import cancelled: nothing was changed."))
        self.ok_button.setEnabled(self.dataset is not None)

    def _thread_done(self) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if self.dataset is not None and self.isVisible():
            self.ok_button.setEnabled(True)

    def done(self, result: int) -> None:  # Qt API
        """Closing the dialog stops (and joins) a running import first."""
        if self.thread is not None:
            self._abandoned = True  # results still queued for this dialog are ignored
            self.thread.cancel()
            self.thread.wait(10000)
        self._close_progress()
        super().done(result)
