"""Workspaces: lazily built panels, switching by click and shortcut, remembering, reset, and the
Learn workspace's "only what the step names, large" (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from nnstudio.ui.workspaces import NAMES


@pytest.fixture
def make_window(studio):
    def make(workspace=None, restore=False, size=(1366, 740)):
        return studio(size, restore_layout=restore, workspace=workspace)

    return make


def _button(w, name: str) -> QToolButton:
    button = w.findChild(QToolButton, f"workspace_{name}Button")
    assert button is not None and button.isVisible(), name
    return button


def test_panels_of_hidden_workspaces_are_not_built(make_window, qtbot):
    w = make_window("learn")
    qtbot.wait(50)
    lazy = ("loss_plot", "metric_plot", "activations", "decision", "backprop", "confusion", "data", "data_view",
            "code")
    assert not set(lazy) & set(w.workspaces.built())
    assert w.docks["decision"].isHidden()
    qtbot.mouseClick(_button(w, "build"), Qt.LeftButton)
    assert w.workspaces.current == "build"
    # shown panels build right after their first paint; tabs behind another stay unbuilt
    qtbot.waitUntil(lambda: {"decision", "data", "loss_plot"} <= set(w.workspaces.built()), timeout=5000)
    assert type(w.docks["decision"].widget()).__name__ == "DecisionPanel"
    assert not {"activations", "backprop", "confusion"} & set(w.workspaces.built())
    # asking for a panel builds it at once
    assert w.panel("confusion").objectName() == "confusionPanel"


def test_switching_by_click_and_shortcut(make_window, qtbot):
    w = make_window("build")
    build = {"palette", "data", "inspector", "decision", "data_view", "loss_plot", "metric_plot", "problems",
             "code", "history"}
    assert build <= w.workspaces.visible() <= set(w.workspaces.members("build"))
    qtbot.mouseClick(_button(w, "inspect"), Qt.LeftButton)
    assert w.workspaces.current == "inspect" and w.workspaces.actions["inspect"].isChecked()
    assert {"activations", "backprop", "confusion"} <= w.workspaces.visible()
    assert "palette" not in w.workspaces.visible() and "inspector" not in w.workspaces.visible()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key_1, Qt.ControlModifier)
    assert w.workspaces.current == "learn" and w.workspaces.visible() == {"lesson"}
    qtbot.keyClick(w.canvas, Qt.Key_2, Qt.ControlModifier)
    assert w.workspaces.current == "build" and "palette" in w.workspaces.visible()
    menu_titles = [a.text() for a in w.findChild(type(w.menus["view"]), "workspaceMenu").actions()]
    assert w.workspaces.reset_action.text() in menu_titles and len([t for t in menu_titles if t]) == 4


def test_each_workspace_remembers_the_users_arrangement_and_reset(make_window, qtbot):
    w = make_window("build", restore=True)
    assert w.workspaces.current == "build"
    w.docks["problems"].toggleViewAction().trigger()  # the user closes Problems in Build & train
    assert w.docks["problems"].isHidden()
    qtbot.mouseClick(_button(w, "inspect"), Qt.LeftButton)
    w.docks["backprop"].toggleViewAction().trigger()  # ... and Backprop step in Inspect
    qtbot.mouseClick(_button(w, "build"), Qt.LeftButton)
    assert w.docks["problems"].isHidden() and not w.docks["palette"].isHidden()
    qtbot.mouseClick(_button(w, "inspect"), Qt.LeftButton)
    assert w.docks["backprop"].isHidden() and not w.docks["activations"].isHidden()
    qtbot.mouseClick(_button(w, "build"), Qt.LeftButton)
    w.state.undo_stack.setClean()
    w.close()
    again = make_window(restore=True)  # the next start: the same workspace, arranged as left
    assert again.workspaces.current == "build"
    assert again.docks["problems"].isHidden() and not again.docks["palette"].isHidden()
    again.workspaces.reset_action.trigger()
    assert not again.docks["problems"].isHidden()
    qtbot.mouseClick(_button(again, "inspect"), Qt.LeftButton)
    assert again.docks["backprop"].isHidden()  # reset is per workspace
    again.workspaces.reset_action.trigger()
    assert not again.docks["backprop"].isHidden()


def test_learn_shows_only_what_the_step_names_large(make_window, qtbot):
    w = make_window("learn")
    ws = w.workspaces
    ws.show_for_step(["lesson", "canvas", "data", "decision", "loss_plot"])
    assert ws.visible() == {"lesson", "data_view", "decision", "loss_plot"}
    assert w.dockWidgetArea(w.docks["decision"]) == Qt.RightDockWidgetArea
    assert w.dockWidgetArea(w.docks["lesson"]) == Qt.LeftDockWidgetArea
    qtbot.waitUntil(lambda: "decision" in ws.built(), timeout=5000)
    qtbot.waitUntil(lambda: min(w.docks["decision"].width(), w.docks["decision"].height()) >= 240, timeout=3000)
    # outside Learn the step's choice waits until the user comes back
    ws.activate("build")
    ws.show_for_step(["lesson", "activations"])
    assert "activations" not in ws.visible() and "palette" in ws.visible()
    ws.activate("learn")
    assert ws.visible() == {"lesson", "activations"}
    with pytest.raises(ValueError):
        ws.activate("nowhere")
    assert set(NAMES) == {"learn", "build", "inspect"}


def test_add_dock_still_works_and_joins_build(make_window, qtbot):
    from PySide6.QtWidgets import QLabel

    w = make_window("learn")
    dock = w.add_dock(QLabel("mine"), "mine", "Mine", Qt.RightDockWidgetArea)
    assert dock.widget().text() == "mine" and w.workspaces.panels["mine"].workspaces == ("build",)
    w.workspaces.activate("build")
    assert not dock.isHidden()
    w.workspaces.activate("inspect")
    assert dock.isHidden()
    with pytest.raises(ValueError):
        w.add_dock(QLabel("again"), "mine", "Mine")
