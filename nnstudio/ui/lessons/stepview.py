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
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTextBrowser,
    QWidget,
)

#: controls whose value (or view) the wheel would change
GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox, QGraphicsView)


class StepText(QTextBrowser):
    """A text browser exactly as tall as its document at the width it gets (height-for-width).

    Lines wrap at word boundaries, or anywhere when one word (a long formula, a
    code line, a Korean phrase without spaces) is wider than the column, so no
    line ever runs past the column's right edge. :meth:`heightForWidth` measures
    a copy of the document: laying out the shown one at a width the layout only
    asks about would leave its lines wrapped at that width.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFrameShape(QTextBrowser.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self._heights: dict[int, int] = {}
        self.document().contentsChanged.connect(self._forget_heights)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self.updateGeometry())

    def setMarkdown(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setMarkdown(text)
        breakable(self.document())
        self._forget_heights()

    def _forget_heights(self) -> None:
        self._heights.clear()
        self.updateGeometry()

    def _chrome(self) -> tuple[int, int]:
        m = self.contentsMargins()
        return m.left() + m.right() + 2 * self.frameWidth(), m.top() + m.bottom() + 2 * self.frameWidth()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        if width in self._heights:
            return self._heights[width]
        dx, dy = self._chrome()
        doc = self.document().clone()  # the shown document keeps the width it is shown at
        doc.setDefaultTextOption(self.document().defaultTextOption())
        doc.setDefaultFont(self.font())
        doc.setTextWidth(max(40, width - dx))
        # + one line: the browser's own wrapping can come out a line longer than the
        # document measures at the same width; the last line must never be cut off
        height = max(24, int(math.ceil(doc.size().height())) + dy + self.fontMetrics().lineSpacing())
        if len(self._heights) > 64:
            self._heights.clear()
        self._heights[width] = height
        return height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w = max(self.width(), 200)
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(80, 24)

    def fit(self) -> None:
        """Re-lay out for the current text (the layout asks heightForWidth)."""
        self._forget_heights()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # projector mode
            self._forget_heights()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._sync_width()

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Resize, QEvent.Paint):
            self._sync_width()  # a resize while the page was being re-laid out can leave the old width
        return super().viewportEvent(event)

    def _sync_width(self) -> None:
        """The shown document wraps at exactly the width it is shown at."""
        width = self.viewport().width()
        if self.document().pageSize().width() != width:
            self.document().setTextWidth(width)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Nothing scrolls in here: the wheel scrolls the lesson's page."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        if w is None:
            event.ignore()
            return
        scroll_by_wheel(w, event)


def breakable(doc) -> None:
    """Let every block of ``doc`` wrap (markdown code blocks come as non-breakable lines)."""
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.nonBreakableLines():
            fmt.setNonBreakableLines(False)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = block.next()


class ChoiceRow(QWidget):
    """One answer of a quiz: a radio button and its text, which wraps (a QRadioButton's own text never does).

    Clicking the text selects the answer, as clicking a radio button's own text would."""

    def __init__(self, text: str, index: int, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"lessonChoiceRow{index}")
        self.button = QRadioButton(objectName=f"lessonChoice{index}")
        self.button.setAccessibleName(text)
        self.label = QLabel(text, objectName=f"lessonChoiceText{index}")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.NoTextInteraction)
        self.label.installEventFilter(self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button, 0, Qt.AlignTop)
        lay.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.label and event.type() == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton:
            self.button.click()
            return True
        return False


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
    scroll bar; its plots get :data:`PLOT_MIN` to :data:`PLOT_MAX` px of height (so the whole
    step fits a 1080 px screen without scrolling).
    """

    threshold = 500
    PLOT_MIN = 220
    PLOT_MAX = 320

    def __init__(self, scroll: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent or scroll)
        self.scroll = scroll
        self.widget = None
        self._wide_min = 0
        scroll.viewport().installEventFilter(self)

    def track(self, widget) -> None:
        from PySide6.QtWidgets import QBoxLayout

        self.widget = None
        self._wide_min = 0
        lay = widget.layout() if widget is not None else None
        for label in (widget.findChildren(QLabel) if widget is not None else ()):
            label.setWordWrap(True)  # a long status line must not widen the step
        if isinstance(lay, QBoxLayout) and lay.direction() in (QBoxLayout.LeftToRight, QBoxLayout.RightToLeft):
            self.widget = widget
            for view in widget.findChildren(QGraphicsView):
                view.setMinimumHeight(self.PLOT_MIN)
                # a plot's own preferred height (480 px) would make the step taller than the lesson column
                view.setMaximumHeight(max(self.PLOT_MAX, view.minimumHeight()))
                view.setMinimumWidth(min(view.minimumWidth() or self.PLOT_MIN, self.PLOT_MIN))
            lay.activate()
            self._wide_min = widget.minimumSizeHint().width()  # side by side, it needs at least this
            self.apply()

    def narrow(self) -> bool:
        """Too narrow for side by side: below :attr:`threshold`, or below what the widget needs that way."""
        page = self.scroll.widget()
        margins = page.layout().contentsMargins() if page is not None and page.layout() is not None else None
        extra = margins.left() + margins.right() if margins is not None else 0
        return self.scroll.viewport().width() < max(self.threshold, self._wide_min + extra)

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
