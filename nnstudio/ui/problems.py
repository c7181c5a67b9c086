"""The Problems panel: validation errors and warnings with one-click fixes.

It lists ``state.problems`` live (severity icon, message, a *Fix* button
when the validator offers one). A fix is pushed as one undo entry. Clicking
a problem selects the layer it concerns. The panel also tells the status
bar when an error stands (Train is disabled until it is fixed).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from nnstudio.ui.i18n import tr_fix, tr_problem
from nnstudio.ui.icons import severity_icon
from nnstudio.ui.plaintext import plain, plain_label


def problem_text(problem) -> str:
    """The message shown for ``problem`` (its template translated, then filled)."""
    return tr_problem(problem) if getattr(problem, "template", None) else problem.message


def fix_text(fix) -> str:
    """The label shown for a fix."""
    return tr_fix(fix) if getattr(fix, "template", None) else fix.label


class ProblemRow(QWidget):
    """One problem: icon, message and an optional Fix button."""

    def __init__(self, problem, on_fix, parent=None) -> None:
        super().__init__(parent)
        self.problem = problem
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        icon = QLabel(self)
        icon.setPixmap(severity_icon(problem.severity).pixmap(16, 16))
        icon.setToolTip(self.tr("Error: training is blocked until it is fixed") if problem.is_error
                        else self.tr("Warning: training works, but probably not well"))
        icon.setAlignment(Qt.AlignTop)
        self.label = QLabel(self)
        plain_label(self.label, tr_problem(problem))  # messages quote file content: never HTML
        self.label.setObjectName("problemMessage")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.fix_button = None
        if problem.fix is not None and problem.fix.edits:
            self.fix_button = QPushButton(self.tr("Fix"), self)
            self.fix_button.setObjectName("fixButton")
            self.fix_button.setToolTip(plain(tr_fix(problem.fix)))
            self.fix_button.clicked.connect(lambda: on_fix(problem))
            layout.addWidget(self.fix_button, 0, Qt.AlignTop)


class ProblemsPanel(QListWidget):
    """The live problem list (objectName ``problemsList``)."""

    #: a status-bar message (empty string: clear)
    message = Signal(str)

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.state = state
        self.setToolTip(self.tr("What is wrong with the network or its settings, and a one-click fix."))
        self.setSelectionMode(QListWidget.SingleSelection)
        self.setUniformItemSizes(False)
        self.itemClicked.connect(self._clicked)
        state.problemsChanged.connect(self.show_problems)
        self._shown: list | None = None
        self.show_problems(state.problems)

    def rows(self) -> list[ProblemRow]:
        """The row widgets in display order."""
        return [self.itemWidget(self.item(i)) for i in range(self.count())]

    def show_problems(self, problems) -> None:
        """Rebuild the list (only when the problems actually changed)."""
        key = [(p.severity, p.code, p.message, p.layer) for p in problems]
        if key == self._shown:
            return
        self._shown = key
        self.clear()
        if not problems:
            item = QListWidgetItem(self.tr("No problems: the network is ready to train."))
            item.setFlags(Qt.ItemIsEnabled)
            self.addItem(item)
        for problem in problems:
            item = QListWidgetItem()
            row = ProblemRow(problem, self.apply_fix)
            item.setData(Qt.UserRole, problem.layer)
            hint = row.sizeHint()
            item.setSizeHint(QSize(hint.width(), max(hint.height(), 28)))
            self.addItem(item)
            self.setItemWidget(item, row)
        errors = sum(1 for p in problems if p.is_error)
        if errors:
            self.message.emit(self.tr("{n} error(s) must be fixed before training (see Problems).").format(n=errors))
        else:
            self.message.emit("")

    def apply_fix(self, problem) -> bool:
        """Apply a problem's fix as one undo entry."""
        if problem.fix is None:
            return False
        # a refused fix is reported once, by the editor's refused signal (the status bar)
        return self.state.push(list(problem.fix.edits), self.tr("Fix: {label}").format(label=tr_fix(problem.fix)))

    def _clicked(self, item: QListWidgetItem) -> None:
        layer = item.data(Qt.UserRole)  # the problem's layer id
        if isinstance(layer, str) and any(s.id == layer for s in self.state.project.layers):
            self.state.select_layer_id(layer)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        width = self.viewport().width()
        for i in range(self.count()):  # word-wrapped rows need their height for the new width
            w = self.itemWidget(self.item(i))
            if w is not None:
                h = w.heightForWidth(width)
                h = h if h > 0 else w.sizeHint().height()
                self.item(i).setSizeHint(QSize(width, max(h, 28)))
