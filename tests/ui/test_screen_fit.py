"""Layout invariants at 1366×768, 1600×900 and 1920×1080 (offscreen, screen size forced through
``MainWindow.available_geometry``): the window fits the screen, every visible panel gets at least
its minimum size, the decision map is at least 240 px each side, every palette entry is visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

from nnstudio.lessons import registry
from nnstudio.ui import settings as app_settings
from nnstudio.ui.main_window import MainWindow
from nnstudio.ui.screenfit import default_geometry, is_small

SIZES = ((1366, 768), (1600, 900), (1920, 1080))


@pytest.fixture
def fresh_settings(tmp_path):
    app_settings.use_settings_folder(tmp_path)
    s = app_settings.settings()
    s.clear()
    s.sync()
    yield tmp_path


def _open(qtbot, monkeypatch, size, workspace):
    available = QRect(0, 0, *size)
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(available))
    w = MainWindow(workspace=workspace)  # the real start path: fit to the screen, then the workspace
    assert bool(w.windowState() & Qt.WindowMaximized) == is_small(available)
    # the offscreen screen is 800 px: do what the window manager does with a maximised window
    w.setWindowState(Qt.WindowNoState)
    w.setGeometry(default_geometry(available))
    w.show()
    qtbot.waitExposed(w)
    return w, available


def _settle(qtbot, w):
    for _ in range(3):  # lazily built panels appear after their first paint
        qtbot.wait(30)
    w.layout().activate()


def _visible_docks(w):
    """Docks on screen now (not hidden, not a tab behind another one)."""
    return {n: d for n, d in w.docks.items() if d.isVisible() and not d.visibleRegion().isEmpty()}


def _check_invariants(w, available: QRect) -> None:
    hint = w.minimumSizeHint()
    assert hint.width() <= available.width() and hint.height() <= available.height(), hint
    # (the offscreen platform draws a 2 px fake frame: compare sizes)
    assert w.width() <= available.width() and w.height() <= available.height(), (w.geometry(), available)
    for name, dock in _visible_docks(w).items():
        need = dock.minimumSizeHint()
        assert dock.width() >= need.width() and dock.height() >= need.height(), (name, dock.size(), need)
        assert w.rect().contains(dock.geometry()), (name, dock.geometry())  # nothing off the window
    assert w.central.width() >= 300 and w.central.height() >= 200, w.central.size()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_workspace_fits_the_screen(qtbot, monkeypatch, fresh_settings, size):
    w, available = _open(qtbot, monkeypatch, size, "learn")
    try:
        for name in ("learn", "build", "inspect"):
            w.workspaces.activate(name)
            _settle(qtbot, w)
            _check_invariants(w, available)
            if name == "build":
                palette = w.palette_list
                assert palette.verticalScrollBar().maximum() == 0
                last = palette.visualItemRect(palette.item(palette.count() - 1))
                assert palette.viewport().rect().contains(last), (last, palette.viewport().rect())
            plot = w.docks["decision"].findChild(QWidget, "decisionPlot")
            if "decision" in _visible_docks(w):
                assert plot is not None and plot.width() >= 240 and plot.height() >= 240, (name, plot.size())
        # Learn with lesson 1's step visuals: the decision map large beside the lesson
        w.workspaces.activate("learn")
        w.workspaces.show_for_step(registry.lessons()[0].panels)
        _settle(qtbot, w)
        _check_invariants(w, available)
        plot = w.docks["decision"].findChild(QWidget, "decisionPlot")
        assert "decision" in _visible_docks(w) and plot.width() >= 240 and plot.height() >= 240, plot.size()
    finally:
        w.state.undo_stack.setClean()
        w.close()


def test_a_remembered_geometry_off_the_screen_comes_back(qtbot, monkeypatch, fresh_settings):
    w, available = _open(qtbot, monkeypatch, (1920, 1080), "build")
    w.setGeometry(QRect(3000, 100, 1500, 900))  # e.g. on a second monitor that is gone next time
    w.state.undo_stack.setClean()
    w.close()
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(0, 0, 1600, 900))
    again = MainWindow()
    try:
        g = again.geometry()
        assert g.right() < 1600 + 4 and g.bottom() < 900 + 4 and g.width() <= 1600 and g.height() <= 900, g
    finally:
        again.state.undo_stack.setClean()
        again.close()


@pytest.mark.parametrize("order", (1, 4, 5, 7))
def test_lessons_fit_a_laptop_screen_in_learn(qtbot, monkeypatch, fresh_settings, order):
    w, available = _open(qtbot, monkeypatch, (1366, 768), "learn")
    try:
        lesson = next(les for les in registry.lessons() if les.order == order)
        w.start_lesson(lesson.id)
        for step in range(len(lesson.steps)):
            w.lessons.panel.set_step(step)
            for name in list(w.workspaces.visible()):  # as if every shown panel had been painted
                w.panel(name)
            _settle(qtbot, w)
            _check_invariants(w, available)
    finally:
        w.state.undo_stack.setClean()
        w.close()
