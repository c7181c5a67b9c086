"""The CSV dialog's preview table and its target / feature column lists.

:class:`ColumnPicker` shows the first rows of a file (objectName
'csvPreview') and two lists of checkable column names ('csvTargets',
'csvFeatures'). A target column is never offered as a feature; a column
that stops being the target is ticked as a feature again unless the
sniffer found it to be text. ``changed`` is emitted after every user edit.
"""

from __future__ import annotations

import csv as stdcsv

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QLabel, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

PREVIEW_ROWS = 20
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def preview_rows(text: str, delimiter: str, limit: int = PREVIEW_ROWS + 1) -> list[list[str]]:
    """The first ``limit`` non-blank lines of ``text`` split into cells (for display only)."""
    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
        if len(lines) >= limit:
            break
    try:
        return list(stdcsv.reader(lines, delimiter=delimiter))
    except stdcsv.Error:
        return [ln.split(delimiter) for ln in lines]


class ColumnPicker(QWidget):
    """Preview table plus target / feature lists for one CSV text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        #: what the sniffer thought each column could be ('text' columns are not ticked as features)
        self.column_tasks: list[str] = []
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QTableWidget()
        self.preview.setObjectName("csvPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 2)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Target column(s) – what to predict")), 0, 0)
        grid.addWidget(QLabel(self.tr("Feature columns – the inputs")), 0, 1)
        self.targets = QListWidget()
        self.targets.setObjectName("csvTargets")
        self.features = QListWidget()
        self.features.setObjectName("csvFeatures")
        grid.addWidget(self.targets, 1, 0)
        grid.addWidget(self.features, 1, 1)
        layout.addLayout(grid, 1)
        self.targets.itemChanged.connect(self._target_changed)
        self.features.itemChanged.connect(self._feature_changed)

    # -- filling --------------------------------------------------------------
    def clear(self) -> None:
        self._syncing = True
        try:
            self.names = []
            self.preview.clear()
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.targets.clear()
            self.features.clear()
        finally:
            self._syncing = False

    def show_rows(self, rows: list[list[str]], has_header: bool, targets=None, features=None) -> None:
        """Show ``rows``; keep the current column choice when ``targets`` is None and the
        number of columns did not change."""
        lengths = [len(r) for r in rows]
        ncols = max(set(lengths), key=lengths.count) if lengths else 0  # the usual row length
        header, data = (rows[0], rows[1:]) if has_header and rows else ([], rows)
        names: list[str] = []
        for j in range(ncols):
            name = (header[j].strip() if j < len(header) else "") or self.tr("column {0}").format(j + 1)
            while name in names:
                name += "'"
            names.append(name)
        if targets is None:
            same = bool(names) and len(names) == len(self.names)
            targets = self.target_columns() if same else [ncols - 1]
            features = self.feature_columns() if same else None
        targets = [j % ncols for j in targets] if ncols else []
        if features is None:
            features = [j for j in range(ncols) if j not in targets]
        self._syncing = True
        try:
            self.names = names
            self.preview.setColumnCount(ncols)
            self.preview.setRowCount(len(data))
            self.preview.setHorizontalHeaderLabels(names)
            first = 2 if header else 1  # file line numbers, as a spreadsheet (and error messages) count
            self.preview.setVerticalHeaderLabels([str(first + i) for i in range(len(data))])
            for i, row in enumerate(data):
                for j, cell in enumerate(row[:ncols]):
                    self.preview.setItem(i, j, QTableWidgetItem(cell))
            for widget, ticked in ((self.targets, targets), (self.features, features)):
                widget.clear()
                for j, name in enumerate(names):
                    item = QListWidgetItem(name)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(CHECKED if j in ticked else UNCHECKED)
                    widget.addItem(item)
            self._sync_roles()
        finally:
            self._syncing = False

    def _sync_roles(self) -> None:
        """Disable target columns in the feature list and label the preview's headers."""
        targets = set(self.target_columns())
        for j in range(self.features.count()):
            item = self.features.item(j)
            enabled = j not in targets
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)
            if not enabled:
                item.setCheckState(UNCHECKED)
            head = self.preview.horizontalHeaderItem(j)
            if head is not None:
                role = self.tr("target") if j in targets else (
                    self.tr("feature") if item.checkState() == CHECKED else self.tr("not used"))
                head.setText(f"{self.names[j]}\n({role})")

    # -- reading and setting the choice ----------------------------------------------
    @staticmethod
    def _checked(widget: QListWidget) -> list[int]:
        return [j for j in range(widget.count()) if widget.item(j).checkState() == CHECKED]

    def target_columns(self) -> list[int]:
        """Indices of the ticked target columns."""
        return self._checked(self.targets)

    def feature_columns(self) -> list[int]:
        """Indices of the ticked feature columns."""
        return self._checked(self.features)

    def set_target_columns(self, columns: list[int]) -> None:
        """Tick exactly ``columns`` in the target list (as a user clicking would)."""
        for j in range(self.targets.count()):
            want = CHECKED if j in columns else UNCHECKED
            if self.targets.item(j).checkState() != want:
                self.targets.item(j).setCheckState(want)

    # -- user edits ------------------------------------------------------------
    def _target_changed(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            row = self.targets.row(item)
            feat = self.features.item(row)
            if item.checkState() != CHECKED and feat is not None:
                # no longer the target: offer it as an input again if it holds numbers
                feat.setFlags(feat.flags() | Qt.ItemFlag.ItemIsEnabled)
                kind = self.column_tasks[row] if row < len(self.column_tasks) else ""
                if kind not in ("text", "empty"):
                    feat.setCheckState(CHECKED)
            self._sync_roles()
        finally:
            self._syncing = False
        self.changed.emit()

    def _feature_changed(self, _item: QListWidgetItem) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self._sync_roles()
        finally:
            self._syncing = False
        self.changed.emit()
