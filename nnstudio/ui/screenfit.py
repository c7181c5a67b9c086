"""Fitting the main window to the screen it opens on.

The window never opens larger than the screen's available geometry: on a
small screen (narrower than 1600 or lower than 900 px, e.g. a 1366×768
laptop) it opens maximised; on a larger one at most 1600×1000, centred. A
remembered geometry is kept only if it still fits (a window moved to a
screen that is gone comes back). Tests force a screen size by replacing
``MainWindow.available_geometry``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt

#: screens smaller than this open the window maximised
SMALL_SCREEN = QSize(1600, 900)
#: the largest size the window opens at on a big screen (the user may enlarge it)
DEFAULT_SIZE = QSize(1600, 1000)


def is_small(available: QRect) -> bool:
    return available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()


def default_geometry(available: QRect) -> QRect:
    """Where a window with no remembered geometry opens on ``available``."""
    if is_small(available):
        return QRect(available)
    size = DEFAULT_SIZE.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def fit_window(window, restored: bool) -> None:
    """Size and place ``window`` inside ``window.available_geometry()`` (see module docstring)."""
    available = window.available_geometry()
    frame = window.geometry()
    fits = available.contains(frame) and not frame.isEmpty()
    if not restored or not fits:
        target = default_geometry(available)
        window.setGeometry(target)
        if is_small(available):
            window.setWindowState(window.windowState() | Qt.WindowMaximized)
    # never larger than the screen, whatever the panels ask for
    window.setMaximumSize(16777215, 16777215)
    if window.width() > available.width() or window.height() > available.height():
        window.resize(min(window.width(), available.width()), min(window.height(), available.height()))
