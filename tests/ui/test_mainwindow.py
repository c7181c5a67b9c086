"""The main window's plug-in API, menus and shortcuts, preferences, and the app entry points."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QGraphicsView, QLabel, QToolBar
from test_builder_support import (  # noqa: F401
    close_window,
    isolated_settings,
    make_window,
    two_layer_project,
)

from nnstudio.ui import settings as app_settings
from nnstudio.ui.main_window import PLUGINS, MainWindow


def test_builtin_docks_menus_and_object_names(qtbot):
    w = make_window(qtbot)
    try:
        assert w.objectName() == "mainWindow"
        assert isinstance(w.findChild(QGraphicsView, "canvasView"), QGraphicsView) and w.canvas.objectName() == "canvasView"
        assert w.findChild(QLabel, "summaryLabel") is not None
        for name in ("palette", "inspector", "problems", "history"):
            dock = w.findChild(QDockWidget, f"{name}Dock")
            assert dock is w.docks[name]
        assert w.dockWidgetArea(w.docks["palette"]) == Qt.LeftDockWidgetArea
        assert w.dockWidgetArea(w.docks["inspector"]) == Qt.RightDockWidgetArea
        assert w.dockWidgetArea(w.docks["problems"]) == Qt.BottomDockWidgetArea
        assert set(w.menus) == {"file", "edit", "view", "train", "help"}
        file_titles = [a.text() for a in w.menus["file"].actions()]
        assert w.export_menu.menuAction().text() in file_titles and w.import_menu.menuAction().text() in file_titles
        assert w.findChild(QToolBar, "mainToolBar") is w.toolbar
        assert w.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
        assert "Ctrl+Y" in [s.toString() for s in w.redo_action.shortcuts()]
        assert w.undo_action.shortcut().toString() == "Ctrl+Z"
        for action in (w.new_action, w.open_action, w.save_action, w.delete_action, w.duplicate_action,
                       w.zoom_in_action, w.fit_action):
            assert action.toolTip() and action.statusTip()
        w.state.push([("set_training", "epochs", 5)], "Set epochs to 5")
        assert w.undo_action.text() == "&Undo Set epochs to 5"
        assert w.history.stack() is w.state.undo_stack
    finally:
        close_window(w)


def test_add_dock_registers_in_view_menu_and_tabifies(qtbot):
    w = make_window(qtbot)
    try:
        a = w.add_dock(QLabel("a"), "loss_plot", "Loss")
        b = w.add_dock(QLabel("b"), "metric_plot", "Metric", Qt.RightDockWidgetArea, tabify_with="loss_plot")
        assert a.objectName() == "loss_plotDock" and w.docks["metric_plot"] is b
        qtbot.waitUntil(lambda: b in w.tabifiedDockWidgets(a), timeout=2000)
        view_actions = w.menus["view"].actions()
        assert a.toggleViewAction() in view_actions and b.toggleViewAction() in view_actions
        b.toggleViewAction().trigger()
        assert b.isHidden()
    finally:
        close_window(w)


def test_parts_install_through_the_facade_and_broken_ones_fail_loudly(qtbot, monkeypatch):
    from nnstudio.ui.studio import Studio

    seen = []

    def install(studio):
        seen.append(studio)
        studio.add_dock(QLabel("x"), "fake", "Fake")
        return "the fake part's handle"

    fake = types.ModuleType("nnstudio_fake_plugin")
    fake.install = install
    monkeypatch.setitem(sys.modules, "nnstudio_fake_plugin", fake)
    w = MainWindow(plugins=("nnstudio_fake_plugin",), restore_layout=False)
    try:
        assert isinstance(seen[0], Studio) and seen[0].window is w and seen[0].training is w.training
        assert w.parts == {"nnstudio_fake_plugin": "the fake part's handle"} and "fake" in w.docks
        assert not w.plugin_errors
    finally:
        close_window(w)
    # a part that is not there, or breaks while installing, is never skipped silently
    with pytest.raises(ModuleNotFoundError):
        MainWindow(plugins=("nnstudio.ui.no_such_plugin",), restore_layout=False)
    broken = types.ModuleType("nnstudio_broken_plugin")

    def _bad_import(studio):
        import nnstudio_missing_dependency  # noqa: F401

    broken.install = _bad_import
    monkeypatch.setitem(sys.modules, "nnstudio_broken_plugin", broken)
    with pytest.raises(ModuleNotFoundError, match="nnstudio_missing_dependency"):
        MainWindow(plugins=("nnstudio_broken_plugin",), restore_layout=False)
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        staticmethod(lambda _parent, title, text, *a, **k: shown.append(text)))
    w = MainWindow(plugins=("nnstudio_broken_plugin", "nnstudio_fake_plugin"), restore_layout=False, strict=False)
    try:  # the real app: the user is told, the other parts still work
        assert "nnstudio_missing_dependency" in w.plugin_errors["nnstudio_broken_plugin"]
        assert shown and "nnstudio_broken_plugin" in shown[0] and "fake" in w.docks
    finally:
        close_window(w)


def test_real_plugins_install(qtbot):
    w = MainWindow(restore_layout=False)
    try:
        assert w.plugin_errors == {}, w.plugin_errors
        import importlib.util

        if importlib.util.find_spec("nnstudio.ui.training") is not None:
            assert w.training is not None and hasattr(w.training, "shutdown")
        assert set(PLUGINS) >= {"nnstudio.ui.data", "nnstudio.ui.training"}
    finally:
        close_window(w)


def test_geometry_and_dock_layout_are_remembered(qtbot):
    w = make_window(qtbot)
    w.docks["history"].hide()
    w.resize(700, 520)
    qtbot.waitUntil(lambda: w.width() == 700)
    close_window(w)
    again = MainWindow(plugins=())
    try:
        again.show()
        assert (again.width(), again.height()) == (700, 520)
        assert again.docks["history"].isHidden()
    finally:
        close_window(again)


def test_preferences_dialog_stores_language_and_zoom(qtbot):
    from PySide6.QtWidgets import QApplication

    dialog = app_settings.PreferencesDialog()
    qtbot.addWidget(dialog)
    base = QApplication.instance().font().pointSizeF()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
    dialog.zoom_spin.setValue(150)
    dialog.accept()
    try:
        assert app_settings.language() == "ko" and app_settings.ui_zoom() == 150
        assert app_settings.resolve_language() == "ko" and app_settings.resolve_language("en") == "en"
        assert QApplication.instance().font().pointSizeF() == pytest.approx(
            QApplication.instance().property("nnstudio_base_point_size") * 1.5)
    finally:
        app_settings.set_language("system")
        app_settings.set_ui_zoom(100)
        app_settings.apply_ui_zoom(QApplication.instance(), 100)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base)
    with pytest.raises(ValueError):
        app_settings.set_language("fr")


def test_create_app_reuses_the_application(qapp):
    from nnstudio.ui.app import create_app

    assert create_app([]) is qapp
    assert qapp.organizationName() == "nnstudio" and qapp.applicationName() == "nnstudio"


def test_self_test_trains_and_saves_a_screenshot(qapp, tmp_path, capsys):
    pytest.importorskip("nnstudio.ui.training")
    from nnstudio.ui.app import run_gui

    shot = tmp_path / "sub" / "shot.png"
    code = run_gui(self_test=str(shot))
    out = capsys.readouterr().out
    assert code == 0, out
    assert shot.exists() and shot.stat().st_size > 1000
    assert "self-test: OK" in out


def test_self_test_fails_loudly_when_a_part_breaks(qapp, tmp_path, capsys, monkeypatch):
    import nnstudio.ui.main_window as mw
    from nnstudio.ui.app import run_gui

    broken = types.ModuleType("nnstudio_broken_part")

    def install(studio):
        raise RuntimeError("this part is broken")

    broken.install = install
    monkeypatch.setitem(sys.modules, "nnstudio_broken_part", broken)
    monkeypatch.setattr(mw, "PLUGINS", ("nnstudio.ui.data", "nnstudio_broken_part"))
    assert run_gui(self_test=str(tmp_path / "x.png")) == 1
    captured = capsys.readouterr()
    assert "self-test: FAILED" in captured.out and "this part is broken" in captured.out
    assert "Traceback" in captured.err


def test_training_controller_is_core(qtbot):
    from nnstudio.ui.training.controller import TrainingController

    w = MainWindow(plugins=(), restore_layout=False)
    try:
        assert isinstance(w.training, TrainingController) and w.training.parent() is w
        assert w.parts == {} and w.lessons is None and w.train_toolbar is None
    finally:
        close_window(w)


def test_file_open_event_opens_the_project(qapp, qtbot, tmp_path, monkeypatch):
    """macOS hands a double-clicked .nnstudio file over as QEvent.FileOpen."""
    from PySide6.QtGui import QFileOpenEvent

    from nnstudio.project import Project, save_project
    from nnstudio.ui.app import _file_open_filter
    from nnstudio.ui.main_window import MainWindow

    project = Project.default()
    project.name = "opened by the system"
    path = save_project(project, tmp_path / "double-clicked.nnstudio")
    window = MainWindow(plugins=(), restore_layout=False)
    event_filter = _file_open_filter(window)
    qapp.installEventFilter(event_filter)
    try:
        qapp.sendEvent(qapp, QFileOpenEvent(str(path)))
        assert window.state.project.name == "opened by the system"
        assert window.state.file_path == path
    finally:
        qapp.removeEventFilter(event_filter)
        window.state.undo_stack.setClean()
        window.close()
