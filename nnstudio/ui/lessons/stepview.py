"""Helpers that make one lesson step read as a single page in one scroll area.

* :class:`StepText` — the step's markdown in a ``QTextBrowser`` that is as
  tall as its text (no scroll bar of its own), so the only scroll bar is the
  lesson's;
* :class:`WheelGuard` — an event filter: the mouse wheel over a slider, spin
  box, combo box or plot that does not have the keyboard focus scrolls the
  lesson instead of changing the value (click or Tab into the control first
  to use the wheel on it);
* :func:`fit_tables` — tables inside a step show all their rows and columns
  (no scroll bars inside the scroll area);
* :func:`guard_controls` — gives every control under a widget the guard and
  ``Qt.StrongFocus`` (the wheel alone never focuses it).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTextBrowser,
)

#: controls whose value (or view) the wheel would change
GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox, QGraphicsView)


class StepText(QTextBrowser):
    """A text browser exactly as tall as its document at the width it gets (height-for-width)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFrameShape(QTextBrowser.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self.updateGeometry())

    def _chrome(self) -> tuple[int, int]:
        m = self.contentsMargins()
        return m.left() + m.right() + 2 * self.frameWidth(), m.top() + m.bottom() + 2 * self.frameWidth()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        dx, dy = self._chrome()
        doc = self.document()
        doc.setTextWidth(max(40, width - dx))
        # + one line: the browser's own wrapping can come out a line longer than the
        # document measures at the same width; the last line must never be cut off
        return max(24, int(math.ceil(doc.size().height())) + dy + self.fontMetrics().lineSpacing())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w = max(self.width(), 200)
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(80, 24)

    def fit(self) -> None:
        """Re-lay out for the current text (the layout asks heightForWidth)."""
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Nothing scrolls in here: the wheel scrolls the lesson's page."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        if w is None:
            event.ignore()
            return
        scroll_by_wheel(w, event)


def scroll_by_wheel(scroll: QScrollArea, event) -> None:
    """Scroll ``scroll`` as its own wheel handling would (three lines per notch)."""
    bar = scroll.verticalScrollBar()
    delta = event.angleDelta().y() or event.angleDelta().x()
    if delta:
        lines = QApplication.wheelScrollLines() if QApplication.instance() is not None else 3
        bar.setValue(bar.value() - int(round(delta / 120.0 * bar.singleStep() * lines)))
    event.accept()


class WheelGuard(QObject):
    """Sends wheel events over unfocused controls to ``scroll`` (see module docstring)."""

    def __init__(self, scroll: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent or scroll)
        self.scroll = scroll

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Wheel:
            return False
        control = obj
        if isinstance(obj, QAbstractScrollArea) and not isinstance(obj, GUARDED):
            return False
        if not isinstance(control, GUARDED):
            control = obj.parent()  # the viewport of a plot
        if control is None or control.hasFocus():
            return False
        scroll_by_wheel(self.scroll, event)
        return True


def guard_controls(root, guard: WheelGuard) -> int:
    """Install ``guard`` on every wheel-sensitive control under ``root``; returns how many."""
    n = 0
    for cls in GUARDED:
        for w in root.findChildren(cls):
            if w.property("_wheelGuarded"):
                continue
            w.setProperty("_wheelGuarded", True)
            if not isinstance(w, QGraphicsView):
                w.setFocusPolicy(Qt.StrongFocus)
            w.installEventFilter(guard)
            if isinstance(w, QGraphicsView):
                w.viewport().installEventFilter(guard)
            n += 1
    return n


def fit_tables(root) -> None:
    """Every table under ``root`` shows all of its cells: no scroll bars, height = contents."""
    for t in root.findChildren(QTableWidget):
        t.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        t.setSizeAdjustPolicy(QAbstractScrollArea.AdjustToContents)
        t.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        t.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = t.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(QHeaderView.Stretch)  # share the width the step has
        t.updateGeometry()


class Responsive(QObject):
    """Lays an interaction side by side when the lesson is wide, one above the other when it is narrow.

    Watches the scroll area's viewport (the room the step really has): a
    widget whose top layout is a left-to-right box is flipped to top-to-bottom
    below :attr:`threshold` px, so its minimum width never forces a sideways
    scroll bar; its plots get :data:`PLOT_MIN` px of height.
    """

    threshold = 500
    PLOT_MIN = 220

    def __init__(self, scroll: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent or scroll)
        self.scroll = scroll
        self.widget = None
        scroll.viewport().installEventFilter(self)

    def track(self, widget) -> None:
        from PySide6.QtWidgets import QBoxLayout

        self.widget = None
        lay = widget.layout() if widget is not None else None
        for label in (widget.findChildren(QLabel) if widget is not None else ()):
            label.setWordWrap(True)  # a long status line must not widen the step
        if isinstance(lay, QBoxLayout) and lay.direction() in (QBoxLayout.LeftToRight, QBoxLayout.RightToLeft):
            self.widget = widget
            for view in widget.findChildren(QGraphicsView):
                view.setMinimumHeight(self.PLOT_MIN)
                view.setMinimumWidth(min(view.minimumWidth() or self.PLOT_MIN, self.PLOT_MIN))
            self.apply()

    def narrow(self) -> bool:
        return self.scroll.viewport().width() < self.threshold

    def apply(self) -> None:
        from PySide6.QtWidgets import QBoxLayout

        w = self.widget
        if w is None:
            return
        try:
            lay = w.layout()
        except RuntimeError:  # deleted with its step
            self.widget = None
            return
        want = QBoxLayout.TopToBottom if self.narrow() else QBoxLayout.LeftToRight
        if lay.direction() != want:
            lay.setDirection(want)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Resize:
            self.apply()
        return False
