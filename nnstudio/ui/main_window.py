"""The main window: canvas in the middle, panels docked around it and shown by
workspace (Learn / Build & train / Inspect, :mod:`nnstudio.ui.workspaces`),
menus, toolbar and status bar, and the API the other parts of the UI install
themselves through (see docs/CONTRACTS.md).

Core, created here before any part: the document state (``window.state``),
the training controller (``window.training``), the canvas, palette,
inspector, problems and undo history, and ``window.workspaces``. The parts
(``nnstudio.ui.data``, ``.training``, ``.code``, ``.lessons``) are then
installed through a typed :class:`~nnstudio.ui.studio.Studio` facade, in any
order; each returns a handle kept in ``window.parts``. A part that fails to
install raises (tests, ``--self-test``) or, with ``strict=False`` (the real
app), is reported in a message box and on stderr - never silently skipped.
Window geometry and each workspace's arrangement are remembered in QSettings.
"""

from __future__ import annotations

import importlib
import sys
import traceback

from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QUndoView,
)

from nnstudio import __version__
from nnstudio.project import Project
from nnstudio.ui import settings as app_settings
from nnstudio.ui.canvas import CanvasPanel
from nnstudio.ui.fileactions import FileActions
from nnstudio.ui.icons import app_icon, standard_icon
from nnstudio.ui.inspector import Inspector
from nnstudio.ui.palette import Palette
from nnstudio.ui.problems import ProblemsPanel
from nnstudio.ui.state import AppState
from nnstudio.ui.projector import apply_scale, scale_new_panel
from nnstudio.ui.screenfit import fit_window
from nnstudio.ui.startpage import SEEN_KEY, StartPageMixin
from nnstudio.ui.studio import Studio
from nnstudio.ui.training.controller import TrainingController
from nnstudio.ui.undo_guard import guard_undo
from nnstudio.ui.workspaces import STATE_VERSION, PanelDock, Workspaces, default_workspaces

__all__ = ["MainWindow", "PLUGINS", "STATE_VERSION"]

PLUGINS = ("nnstudio.ui.data", "nnstudio.ui.training", "nnstudio.ui.imageviews", "nnstudio.ui.code",
           "nnstudio.ui.lessons")


#: ms after the first paint: pyqtgraph (~0.3 s to import) is imported then, so that a first visit to a
#: workspace with plots does not wait for it
PREFETCH_MS = 1500


def _prefetch_plotting() -> None:
    import pyqtgraph  # noqa: F401


class MainWindow(StartPageMixin, QMainWindow):
    """The nnstudio main window (objectName ``mainWindow``)."""

    def __init__(self, project: Project | None = None, parent=None, *, plugins=None,
                 restore_layout: bool = True, workspace: str | None = None, strict: bool = True,
                 defer_probes: bool = False) -> None:
        """``plugins``: part modules to install (default :data:`PLUGINS`); ``restore_layout``: apply the
        remembered geometry and workspace arrangements; ``workspace``: open this one (without
        ``restore_layout`` and ``workspace`` every dock stays where it was added, all shown);
        ``strict``: a part that fails to install raises (else: reported, the rest keeps working);
        ``defer_probes``: the live views' first snapshot is computed after the first paint (the app)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks | QMainWindow.AllowNestedDocks)
        self.state = AppState(project, self)
        self.docks: dict[str, QDockWidget] = {}
        self.menus: dict[str, QMenu] = {}
        self.parts: dict[str, object] = {}
        self.plugin_errors: dict[str, str] = {}
        self.training = TrainingController(self.state, self, defer_probes=defer_probes)
        self.training.setObjectName("trainingController")
        self.files = FileActions(self)

        self.canvas_panel = CanvasPanel(self.state, self)
        self.canvas = self.canvas_panel.view
        self.central = QStackedWidget(self)
        self.central.setObjectName("centralStack")
        self.central.addWidget(self.canvas_panel)
        self.setCentralWidget(self.central)
        self.start_page = None
        self.palette_list = Palette(self)
        self.inspector = Inspector(self.state, self)
        self.problems = ProblemsPanel(self.state, self)
        self.history = QUndoView(self.state.undo_stack, self)
        self.history.setObjectName("undoHistory")
        self.history.setEmptyLabel(self.tr("<opened project>"))

        self._build_menus()
        guard_undo(self.state, self.undo_action, self.redo_action, self.history)  # off while training
        self._build_toolbar()
        self.workspaces = Workspaces(self)
        self.workspaces.add_to_menu(self.menus["view"])
        self.workspaces.changed.connect(lambda _name: QTimer.singleShot(0, self.canvas, self.canvas.fit))
        self.workspaces.panelBuilt.connect(lambda name: scale_new_panel(self.workspaces.widget(name)))
        self.menus["view"].addSeparator()
        self._build_status_bar()
        self.add_dock(self.palette_list, "palette", self.tr("Layers"), Qt.LeftDockWidgetArea, workspaces=("build",))
        self.add_dock(self.inspector, "inspector", self.tr("Inspector"), Qt.RightDockWidgetArea,
                      workspaces=("build",))
        self.add_dock(self.problems, "problems", self.tr("Problems"), Qt.BottomDockWidgetArea, workspaces=("build",))
        self.add_dock(self.history, "history", self.tr("Undo history"), Qt.BottomDockWidgetArea,
                      tabify_with="problems", workspaces=("build",))
        self.docks["problems"].raise_()

        self.palette_list.addRequested.connect(self.add_layer_near_output)
        self.canvas.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        # the one place a refused edit is shown (training runs, or the edit cannot be made)
        self.state.editor.refused.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.problems.message.connect(self._problem_status)
        self.state.fileStateChanged.connect(self._update_title)
        self.state.projectReplaced.connect(self._update_title)
        self.state.nameChanged.connect(self._update_title)
        self._problem_status(self.problems_summary())
        self._update_title()
        self.resize(1280, 800)

        self._install_plugins(PLUGINS if plugins is None else plugins, strict)
        self._wire_start_page()
        if app_settings.ui_zoom() != 100:  # projector zoom remembered from last time
            apply_scale(self, app_settings.ui_zoom())
        if restore_layout:
            self.restore_layout(workspace)
        elif workspace is not None:
            self.workspaces.start(False, workspace)
        else:  # no workspace: every panel is built and shown where it was added (tests of single parts)
            for name in list(self.workspaces.panels):
                self.panel(name)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.training.probes_deferred():  # first paint done: now the live views' first snapshot
            QTimer.singleShot(0, self.training, self.training.release_probes)
        if not self._prefetch_armed:  # once idle, import what the other workspaces' panels need
            self._prefetch_armed = True
            QTimer.singleShot(PREFETCH_MS, self, _prefetch_plotting)

    _prefetch_armed = False

    # -- panel API ------------------------------------------------------------------
    def _new_dock(self, name: str, title: str, area, tabify_with: str | None) -> QDockWidget:
        if name in self.docks:
            raise ValueError(f"a panel named {name!r} exists already")
        dock = PanelDock(title, self)
        dock.setObjectName(f"{name}Dock")
        self.addDockWidget(area, dock)
        if tabify_with and tabify_with in self.docks:
            self.tabifyDockWidget(self.docks[tabify_with], dock)
        self.docks[name] = dock
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"toggle_{name}")
        toggle.setStatusTip(self.tr("Show or hide the {title} panel").format(title=title))
        self.menus["view"].addAction(toggle)
        return dock

    def add_dock(self, widget, name: str, title: str, area=Qt.RightDockWidgetArea,
                 tabify_with: str | None = None, workspaces=None) -> QDockWidget:
        """Dock an already built ``widget`` as ``name`` (objectName ``<name>Dock``), listed in the View
        menu and shown in ``workspaces`` (default: Build & train)."""
        dock = self._new_dock(name, title, area, tabify_with)
        dock.setWidget(widget)
        self.workspaces.register(dock, name, workspaces or default_workspaces(name), None, area)
        return dock

    def add_panel(self, name: str, title: str, factory, area=Qt.RightDockWidgetArea, *,
                  workspaces=("build",), tabify_with: str | None = None, scrollable: bool = False) -> QDockWidget:
        """A panel whose widget ``factory()`` builds the first time the dock is painted (or
        :meth:`panel` is asked for it); until then the dock holds an empty placeholder.
        ``scrollable``: a tall form, put in a scroll area so it fits small screens."""
        dock = self._new_dock(name, title, area, tabify_with)
        self.workspaces.register(dock, name, workspaces, factory, area, scrollable)
        return dock

    def panel(self, name: str):
        """The widget of panel ``name``, built now if it was not yet (KeyError if there is none)."""
        return self.workspaces.widget(name)

    def _install_plugins(self, plugins, strict: bool = True) -> None:
        studio = Studio(self)
        for name in plugins:
            try:
                module = importlib.import_module(name)
                self.parts[name.rsplit(".", 1)[-1]] = module.install(studio)
            except Exception:
                if strict:
                    raise
                self.plugin_errors[name] = traceback.format_exc()
                print(f"nnstudio: the {name} part failed to install:\n{self.plugin_errors[name]}",
                      file=sys.stderr)
                QMessageBox.critical(self, "nnstudio", self.tr(
                    "Part of the studio ({name}) failed to load; the rest works. Please report this:"
                    "\n\n{error}").format(name=name.rsplit(".", 1)[-1],
                                          error=self.plugin_errors[name].strip().splitlines()[-1]))

    # -- menus, toolbar, status bar -------------------------------------------------------
    def _action(self, text: str, name: str, slot, shortcut=None, icon: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon:
            action.setIcon(standard_icon(icon))
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            shortcut_text = action.shortcut().toString(QKeySequence.NativeText)
            action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        tr = self.tr
        f = self.menus["file"] = bar.addMenu(tr("&File"))
        f.setObjectName("fileMenu")
        self.new_action = self._action(tr("&New"), "newAction", self.files.new_project, QKeySequence.New,
                                       "document-new", tr("Start a new project"))
        self.open_action = self._action(tr("&Open…"), "openAction", self.files.open_project, QKeySequence.Open,
                                        "document-open", tr("Open a project file"))
        self.save_action = self._action(tr("&Save"), "saveAction", self.files.save, QKeySequence.Save,
                                        "document-save", tr("Save the project"))
        self.save_as_action = self._action(tr("Save &As…"), "saveAsAction", self.files.save_as, QKeySequence.SaveAs,
                                           "document-save-as", tr("Save the project under a new name"))
        self.quit_action = self._action(tr("&Quit"), "quitAction", self.close, QKeySequence.Quit,
                                        "application-exit", tr("Close nnstudio"))
        self.preferences_action = self._action(tr("&Preferences…"), "preferencesAction", self.show_preferences,
                                               QKeySequence.Preferences, None, tr("Language and UI zoom"))
        f.addAction(self.new_action)
        f.addAction(self.open_action)
        self.recent_menu = f.addMenu(tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.examples_menu = f.addMenu(tr("Open E&xample"))
        self.examples_menu.setObjectName("examplesMenu")
        f.addSeparator()
        f.addAction(self.save_action)
        f.addAction(self.save_as_action)
        f.addSeparator()
        self.import_menu = f.addMenu(tr("&Import"))
        self.import_menu.setObjectName("importMenu")
        self.export_menu = f.addMenu(tr("&Export"))
        self.export_menu.setObjectName("exportMenu")
        f.addSeparator()
        f.addAction(self.preferences_action)
        f.addSeparator()
        f.addAction(self.quit_action)
        self.refresh_recent_menu()
        self.files.fill_examples_menu(self.examples_menu)

        e = self.menus["edit"] = bar.addMenu(tr("&Edit"))
        e.setObjectName("editMenu")
        stack = self.state.undo_stack
        self.undo_action = stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.Undo)])
        self.undo_action.setIcon(standard_icon("edit-undo"))
        self.redo_action = stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(standard_icon("edit-redo"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.delete_action = self._action(tr("&Delete Layer"), "deleteLayerAction", self.canvas.delete_selected,
                                          QKeySequence.Delete, "edit-delete", tr("Remove the selected layer"))
        self.duplicate_action = self._action(tr("D&uplicate Layer"), "duplicateLayerAction",
                                             self.canvas.duplicate_selected, "Ctrl+D", None,
                                             tr("Insert a copy of the selected layer after it"))
        self.select_none_action = self._action(tr("Model &Settings"), "selectNoneAction",
                                               lambda: self.state.select_layer(None), "Esc", None,
                                               tr("Deselect the layer and show the model settings"))
        for a in (self.undo_action, self.redo_action, None, self.delete_action, self.duplicate_action,
                  self.select_none_action):
            e.addSeparator() if a is None else e.addAction(a)

        v = self.menus["view"] = bar.addMenu(tr("&View"))
        v.setObjectName("viewMenu")
        self.zoom_in_action = self._action(tr("Zoom &In"), "zoomInAction", self.canvas.zoom_in,
                                           ["Ctrl+=", "Ctrl++"], "zoom-in", tr("Zoom into the canvas"))
        self.zoom_out_action = self._action(tr("Zoom &Out"), "zoomOutAction", self.canvas.zoom_out, "Ctrl+-",
                                            "zoom-out", tr("Zoom out of the canvas"))
        self.fit_action = self._action(tr("&Fit Network"), "fitAction", self.canvas.fit, "Ctrl+0",
                                       "zoom-fit-best", tr("Zoom so the whole network is visible"))
        for a in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            v.addAction(a)
        v.addSeparator()

        self.menus["train"] = bar.addMenu(tr("&Train"))
        self.menus["train"].setObjectName("trainMenu")
        h = self.menus["help"] = bar.addMenu(tr("&Help"))
        h.setObjectName("helpMenu")
        self.about_action = self._action(tr("&About nnstudio"), "aboutAction", self.show_about, None,
                                         "help-about", tr("About nnstudio"))
        h.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.addToolBar(Qt.TopToolBarArea, self.toolbar)
        for a in (self.new_action, self.open_action, self.save_action, None, self.undo_action, self.redo_action,
                  None, self.zoom_in_action, self.zoom_out_action, self.fit_action):
            self.toolbar.addSeparator() if a is None else self.toolbar.addAction(a)

    def _build_status_bar(self) -> None:
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problemStatusLabel")
        self.statusBar().addPermanentWidget(self.problem_label)
        self.statusBar().showMessage(self.tr("Drag layers from the palette onto the canvas."), 8000)

    def refresh_recent_menu(self) -> None:
        self.files.fill_recent_menu(self.recent_menu)

    def problems_summary(self) -> str:
        n = sum(1 for p in self.state.problems if p.is_error)
        return self.tr("{n} error(s) must be fixed before training (see Problems).").format(n=n) if n else ""

    def _problem_status(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setToolTip(self.tr("Train stays disabled while an error stands.") if text else "")

    def _update_title(self) -> None:
        name = self.files.display_name()
        if name == "Untitled":  # the document's default name (the project layer has no translations)
            name = self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — nnstudio")
        self.setWindowModified(self.state.modified)

    # -- commands --------------------------------------------------------------------------------
    def add_layer_near_output(self, layer_type: str) -> None:
        """Add a layer without dragging: before the output layer (Input: at the start)."""
        layers = self.state.project.layers
        if layer_type == "Input":
            index = 0
        elif len(layers) >= 2 and layers[-1].type == "Dense":
            index = len(layers) - 1
        else:
            index = len(layers)
        self.canvas.insert_layer(layer_type, index)

    def show_preferences(self) -> None:
        app_settings.PreferencesDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About nnstudio"), self.tr(
            "<b>nnstudio {version}</b><p>Build, train and see small neural networks.</p>").format(
            version=__version__))

    # -- the parts' handles (what used to be attributes set by the parts) ------------------------------
    @property
    def lessons(self):
        """The lesson host (``nnstudio.ui.lessons`` part), or None."""
        return self.parts.get("lessons")

    @property
    def train_toolbar(self):
        part = self.parts.get("training")
        return part.toolbar if part is not None else None

    @property
    def training_views(self):
        """Panel name -> live-view widget of the training part (each built on first access)."""
        part = self.parts.get("training")
        return part.views if part is not None else {}

    @property
    def code_actions(self):
        part = self.parts.get("code")
        return part.actions if part is not None else None

    @property
    def import_csv_action(self):
        part = self.parts.get("data")
        return part.import_action if part is not None else None

    @property
    def image_views(self):
        """Image-data panel name -> widget (``nnstudio.ui.imageviews`` part), built on access."""
        return self.parts.get("imageviews", {})

    @property
    def data_panel(self):
        return self.panel("data")

    @property
    def data_view(self):
        return self.panel("data_view")

    @property
    def code_panel(self):
        return self.panel("code")

    # -- layout persistence and closing ------------------------------------------------------------
    def available_geometry(self) -> QRect:
        """The screen area the window may use (tests replace this to force a screen size)."""
        screen = self.screen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def restore_layout(self, workspace: str | None = None) -> None:
        """Apply the remembered window geometry and the remembered workspace, if any."""
        s = app_settings.settings()
        geometry = s.value("window/geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry)
        fit_window(self, bool(restored))
        self.workspaces.start(True, workspace)
        if not s.value(SEEN_KEY, False, type=bool):  # the first launch: the start page, in Learn
            s.setValue(SEEN_KEY, True)
            if workspace is None:
                self.show_start_page()

    def save_layout(self) -> None:
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.remove("window/state")  # version 1 kept one dock layout; workspaces keep their own now
        self.workspaces.save()
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Stop training (keeping what it reached in the project), offer to save,
        remember the layout, then close."""
        self.training.shutdown(5000)
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_layout()
        event.accept()
