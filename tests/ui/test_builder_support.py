"""Shared fixtures and helpers for the builder's UI tests (imported by the test_builder*/
test_mainwindow*/test_project_file* modules; holds no tests itself).

Settings go to a temporary folder for the whole session, so no test touches
the user's real QSettings.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from nnstudio.project import LayerSpec, Project


@pytest.fixture(autouse=True, scope="session")
def isolated_settings(tmp_path_factory):
    """Point every QSettings at a temporary folder (never the user's settings)."""
    from PySide6.QtCore import QCoreApplication

    from nnstudio.ui import settings as app_settings

    QCoreApplication.setOrganizationName(app_settings.ORG)
    QCoreApplication.setApplicationName(app_settings.APP)
    folder = tmp_path_factory.mktemp("qsettings")
    app_settings.use_settings_folder(folder)
    return folder


def make_window(qtbot, project=None, plugins=()):
    """A shown MainWindow (no plug-ins unless asked); close it with :func:`close_window`.

    Not registered with qtbot: its close would run before our fixture could mark the
    document clean, and the unsaved-changes prompt would block the test run.
    """
    from nnstudio.ui.main_window import MainWindow

    window = MainWindow(project, plugins=plugins, restore_layout=False)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window) -> None:
    """Close without the unsaved-changes prompt."""
    window.state.undo_stack.setClean()
    window.close()


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot, two_layer_project())
    yield w
    close_window(w)


def two_layer_project() -> Project:
    """Input + one sigmoid output unit on the 'circle' dataset (2 features)."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=1, activation="sigmoid")]
    return p


def scene_point(view, x: float, y: float = 0.0) -> QPoint:
    """Viewport coordinates of a scene point."""
    return view.mapFromScene(QPointF(x, y))


def block_center(view, index: int) -> QPoint:
    """Viewport position of the header of block ``index`` (a spot that is block, not neuron)."""
    block = view.canvas_scene.block_at_index(index)
    r = block.mapRectToScene(block.rect())
    return scene_point(view, r.center().x(), r.top() + 10)


def palette_mime(window, layer_type: str) -> QMimeData:
    """The palette's own drag payload for ``layer_type``."""
    palette = window.palette_list
    return palette.mimeData([palette.item_for(layer_type)])


def drop_on_canvas(window, mime: QMimeData, pos: QPoint) -> QDropEvent:
    """Send the drag-enter / drag-move / drop sequence a real drag produces to the canvas viewport."""
    viewport = window.canvas.viewport()
    actions = Qt.CopyAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop


def types(window) -> list[str]:
    return [s.type for s in window.state.project.layers]
