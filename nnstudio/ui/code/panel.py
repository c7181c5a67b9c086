"""The code dock: the network as Keras and PyTorch code, kept up to date.

Edits arrive as :class:`AppState` signals; regeneration is debounced
(~150 ms) and skipped while the panel is hidden (it catches up when shown).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.export import ExportError, export_spec, keras_script, torch_script

DEBOUNCE_MS = 150


class CodePanel(QWidget):
    """Keras / PyTorch tabs (read-only, monospace) with a Copy button."""

    #: emitted after the code was regenerated
    codeUpdated = Signal()

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("codePanel")
        self.state = state
        self._dirty = True
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setStyleHint(QFont.TypeWriter)
        font.setFixedPitch(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("codeTabs")
        self.keras = self._editor("kerasCode", font)
        self.torch = self._editor("torchCode", font)
        self.tabs.addTab(self.keras, self.tr("Keras"))
        self.tabs.addTab(self.torch, self.tr("PyTorch"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyCodeButton")
        self.copy_button.setToolTip(self.tr("Copy the code of the visible tab to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.note = QLabel(self)
        self.note.setObjectName("codeNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setObjectName("codeTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        state.documentChanged.connect(lambda *_: self.schedule())
        state.projectReplaced.connect(self.schedule)
        state.datasetChanged.connect(self.schedule)
        self.schedule()

    def _editor(self, name: str, font) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setReadOnly(True)
        edit.setFont(font)
        edit.setLineWrapMode(QPlainTextEdit.NoWrap)
        return edit

    def schedule(self) -> None:
        """Regenerate the code shortly (edits in quick succession coalesce)."""
        self._dirty = True
        self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.timer.start()

    def refresh(self) -> None:
        """Regenerate both tabs now if visible (else on the next show)."""
        if not self.isVisible():
            return
        if getattr(self.state, "dataset_pending", False):
            return  # a large dataset is being prepared: datasetChanged schedules the code again
        self.refresh_now()

    def refresh_now(self) -> None:
        """Regenerate both tabs from the current document, visible or not."""
        self._dirty = False
        project, dataset = self.state.project, self.state.dataset
        problems = [p.message for p in self.state.problems if p.is_error]
        try:
            spec = export_spec(project, dataset, problems=problems, prepared=self._prepared())
            keras_text = keras_script(project, dataset, spec=spec)
            torch_text = torch_script(project, dataset, spec=spec)
            note = (self.tr("The network has problems: this code will not train until they are fixed.")
                    if problems else self.tr("Export writes the script with its data and weights beside it."))
        except ExportError as exc:
            message = "# " + self.tr("No code yet: {reason}").format(reason=str(exc).replace("\n", " "))
            keras_text = torch_text = message + "\n"
            note = str(exc)
        self._set(self.keras, keras_text)
        self._set(self.torch, torch_text)
        self.note.setText(note)
        self.codeUpdated.emit()

    def _prepared(self):
        """The studio's cached split of the dataset (None: export_spec makes it, or reports why not)."""
        try:
            return self.state.prepared()
        except Exception:
            return None

    @staticmethod
    def _set(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() == text:
            return
        bar = edit.verticalScrollBar()
        pos = bar.value()
        edit.setPlainText(text)
        bar.setValue(pos)

    def current_code(self) -> str:
        """The code in the visible tab."""
        return (self.keras if self.tabs.currentIndex() == 0 else self.torch).toPlainText()

    def copy(self) -> None:
        """Copy the visible tab's code to the clipboard."""
        if self._dirty:
            self.refresh_now()
        QGuiApplication.clipboard().setText(self.current_code())
        self.note.setText(self.tr("Copied to the clipboard."))
