"""The pieces of a lazily built panel: its record, its dock, and the placeholder it shows until built.

Used by :mod:`nnstudio.ui.workspaces` (which registers and builds panels).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget


@dataclass
class Panel:
    """One registered panel: its dock, and the factory that builds its widget (None once built)."""

    name: str
    dock: QDockWidget
    workspaces: tuple[str, ...]
    factory: Callable[[], QWidget] | None = None
    area: Qt.DockWidgetArea = Qt.RightDockWidgetArea
    widget: QWidget | None = None
    on_built: list = field(default_factory=list)
    scrollable: bool = False

    @property
    def built(self) -> bool:
        return self.widget is not None


class _Placeholder(QWidget):
    """Stands in for a panel until it is painted once; then the panel is built (after that paint)."""

    def __init__(self, build: Callable[[], None]) -> None:
        super().__init__()
        self._build = build
        self._scheduled = False
        self.setObjectName("panelPlaceholder")

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        QPainter(self).fillRect(self.rect(), self.palette().window())
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._build)  # cancelled if the placeholder goes first


class PanelDock(QDockWidget):
    """A dock whose :meth:`widget` builds a lazily registered panel on first call (Qt itself sees the
    placeholder until then)."""

    def __init__(self, title: str, parent: QMainWindow) -> None:
        super().__init__(title, parent)
        self._builder: Callable[[], QWidget] | None = None

    def widget(self) -> QWidget | None:  # noqa: D102 - QDockWidget API
        if self._builder is not None:
            return self._builder()
        return super().widget()


def _scroller(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'panel'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    area.setWidget(widget)
    area.setMinimumWidth(widget.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width() + 2)
    return area
