"""The first launch: the start page in the centre of the Learn workspace, and its four real actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from nnstudio.lessons import registry


@pytest.fixture
def first_launch(studio):
    """The real start: remembered layout (none yet), first-launch start page."""
    return lambda: studio((1366, 740))


def _click(qtbot, w, name):
    button = w.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.LeftButton)


def test_first_launch_shows_the_start_page_in_learn_then_lesson_1(first_launch, qtbot):
    w = first_launch()
    assert w.showing_start_page() and w.workspaces.current == "learn"
    assert not w.docks["lesson"].isHidden() and not w.lessons.page.showing_panel()  # the lesson list beside it
    _click(qtbot, w, "startLessonButton")
    assert not w.showing_start_page() and w.central.currentWidget() is w.canvas_panel
    assert w.workspaces.current == "learn" and w.lessons.page.showing_panel()
    assert w.lessons.current_lesson().id == registry.lessons()[0].id
    w.state.undo_stack.setClean()
    w.close()
    again = first_launch()  # later launches go straight to the canvas
    assert not again.showing_start_page()
    again.start_page_action.trigger()  # Help > Start Page brings it back
    assert again.showing_start_page()
    qtbot.mouseClick(again.findChild(QPushButton, "startNewButton"), Qt.LeftButton)
    assert again.central.currentWidget() is again.canvas_panel and again.workspaces.current == "build"


def test_start_page_new_example_and_csv(first_launch, qtbot, monkeypatch):
    w = first_launch()
    w.state.push([("set_training", "epochs", 7)], "an edit")
    w.state.undo_stack.setClean()
    _click(qtbot, w, "startNewButton")
    assert w.workspaces.current == "build" and w.state.project.training["epochs"] != 7
    w.show_start_page()
    _click(qtbot, w, "startExample_xor")
    assert w.workspaces.current == "build" and not w.showing_start_page()
    assert w.state.project.layers and w.state.dataset is not None
    w.show_start_page()
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    _click(qtbot, w, "startCsvButton")
    assert asked and w.workspaces.current == "build" and not w.showing_start_page()
