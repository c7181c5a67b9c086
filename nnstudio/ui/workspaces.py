"""Workspaces and lazily built panels.

A *panel* is a dock of the main window registered with a factory and the
workspaces it belongs to (:meth:`Workspaces.register`). Its dock exists at
once (so ``window.docks[name]``, the View menu and saved layouts work), but
the factory runs only when the dock is first painted, or when someone asks
for the widget (:meth:`Workspaces.widget`, ``window.panel(name)``).

A *workspace* chooses which panels are shown and where:

* **Learn** (Ctrl+1): the lesson on the left, the canvas, and on the right
  only the visuals the current lesson step names, large
  (:meth:`Workspaces.show_for_step`);
* **Build & train** (Ctrl+2): palette and data on the left, inspector and
  the decision map on the right, the loss curve below the canvas;
* **Inspect** (Ctrl+3): activations, confusion matrix, backprop step, runs.

Each workspace remembers the user's own arrangement in QSettings
(``workspaces/<name>/state``, a ``QMainWindow.saveState``), "Reset
workspace" brings back the default one, and ``workspaces/current`` is the
workspace to open next time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QToolButton, QWidget

from nnstudio.ui import settings as app_settings
from nnstudio.ui.panels import Panel, PanelDock, _Placeholder, _scroller

#: bump when the built-in docks change so an old saved dock layout is not applied (main_window re-exports it)
STATE_VERSION = 2
#: (name, shortcut) of every workspace in switcher order
WORKSPACES = (("learn", "Ctrl+1"), ("build", "Ctrl+2"), ("inspect", "Ctrl+3"))
NAMES = tuple(name for name, _ in WORKSPACES)
DEFAULT = "learn"

#: lesson panel name -> the docks that show it ('canvas' is the central widget)
PANEL_DOCKS = {"data": ("data", "data_view"), "canvas": ()}
#: in Learn only the *visuals* of a lesson panel are shown (the data settings are set up by the step)
LEARN_PANEL_DOCKS = {"data": ("data_view",), "canvas": ()}
#: docks that go on the left in Learn (everything else a step names goes right, large)
LEARN_LEFT = ("lesson", "palette", "data")

_AREAS = {"left": Qt.LeftDockWidgetArea, "right": Qt.RightDockWidgetArea, "bottom": Qt.BottomDockWidgetArea}

#: default arrangement per workspace: area -> groups (split along the area), each group a tab stack
DEFAULT_LAYOUTS: dict[str, dict[str, list[list[str]]]] = {
    "learn": {"left": [["lesson"]]},
    "build": {
        "left": [["palette"], ["data"]],
        "right": [["inspector"], ["decision", "data_view"]],
        "bottom": [["loss_plot", "metric_plot", "problems", "code", "history"]],
    },
    "inspect": {
        "right": [["activations"], ["confusion", "decision"]],
        "bottom": [["backprop", "loss_plot", "metric_plot"]],
    },
}
#: below this available height (px) a workspace uses its :data:`SHORT_LAYOUTS` entry: on a laptop two rows of
#: panels on the right leave each too short to read, so they become one row of tabs at full height
SHORT_SCREEN = 900
SHORT_LAYOUTS: dict[str, dict[str, list[list[str]]]] = {
    "inspect": {
        "right": [["activations", "confusion", "decision"]],
        "bottom": [["backprop", "loss_plot", "metric_plot"]],
    },
}
#: panels that get only their minimum height in a default layout (the palette shows every row at that size)
COMPACT = ("palette",)
#: default sizes as fractions of the window: left width, right width, bottom height
DEFAULT_SIZES = {"learn": (0.32, 0.40, 0.0), "build": (0.21, 0.30, 0.27), "inspect": (0.0, 0.45, 0.42)}
#: the share of its column the first of two groups gets (default: half)
FIRST_SHARE = {"inspect": 0.6}


def default_workspaces(name: str) -> tuple[str, ...]:
    """The workspaces whose default layout places panel ``name`` (Build & train if none does)."""
    found = tuple(ws for ws, areas in DEFAULT_LAYOUTS.items() if any(name in g for gs in areas.values() for g in gs))
    return found or ("build",)


def docks_for(panels: Iterable[str], mapping: dict | None = None) -> set[str]:
    """Dock names (keys of ``window.docks``) that show the lesson panels ``panels`` (plus 'lesson')."""
    mapping = PANEL_DOCKS if mapping is None else mapping
    out: set[str] = {"lesson"}
    for p in panels:
        out.update(mapping.get(p, (p,)))
    return out


class Workspaces(QObject):
    """The window's panels and workspaces (``window.workspaces``); see the module docstring."""

    #: the current workspace changed (its name)
    changed = Signal(str)
    #: a lazily registered panel was built (its name)
    panelBuilt = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panels: dict[str, Panel] = {}
        self.current: str | None = None
        self.step_docks: set[str] | None = None
        self._states: dict[str, QByteArray] = {}
        self._persist = True
        self._shown_only = None  # the last show_only arrangement, re-checked as its panels get built
        self.panelBuilt.connect(lambda _name: QTimer.singleShot(0, self, self._keep_on_screen))
        window.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        window.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        self._build_actions()

    def titles(self) -> dict[str, str]:
        return {"learn": self.tr("Learn"), "build": self.tr("Build && train"), "inspect": self.tr("Inspect")}

    def _build_actions(self) -> None:
        w = self.window
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        tips = {"learn": self.tr("The lesson, the canvas and only what the lesson step talks about, large"),
                "build": self.tr("Palette and data, canvas, inspector, the decision map and the loss curve"),
                "inspect": self.tr("Activations, backprop step, confusion matrix and runs")}
        for name, shortcut in WORKSPACES:
            action = QAction(self.titles()[name], w)
            action.setObjectName(f"workspace_{name}Action")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tips[name]} ({shortcut})")
            action.setStatusTip(tips[name])
            action.triggered.connect(lambda _checked=False, name=name: self.activate(name))
            self.group.addAction(action)
            w.addAction(action)
            self.actions[name] = action
        self.reset_action = QAction(self.tr("&Reset Workspace"), w)
        self.reset_action.setObjectName("resetWorkspaceAction")
        self.reset_action.setStatusTip(self.tr("Put the panels of this workspace back where they started"))
        self.reset_action.setToolTip(self.reset_action.statusTip())
        self.reset_action.triggered.connect(lambda _checked=False: self.reset())
        w.addAction(self.reset_action)
        self.toolbar = QToolBar(self.tr("Workspaces"), w)
        self.toolbar.setObjectName("workspaceToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        for action in self.actions.values():
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"workspace_{action.objectName().split('_')[1][:-6]}Button")
                button.setAutoRaise(False)
        w.addToolBar(Qt.TopToolBarArea, self.toolbar)

    def add_to_menu(self, menu) -> None:
        """A 'Workspace' submenu with the three workspaces and Reset."""
        sub = menu.addMenu(self.tr("&Workspace"))
        sub.setObjectName("workspaceMenu")
        for action in self.actions.values():
            sub.addAction(action)
        sub.addSeparator()
        sub.addAction(self.reset_action)

    # -- panels -------------------------------------------------------------------------------
    def register(self, dock: QDockWidget, name: str, workspaces: Iterable[str] | None = None,
                 factory: Callable[[], QWidget] | None = None, area=Qt.RightDockWidgetArea,
                 scrollable: bool = False) -> Panel:
        """Register a dock (built already, or with ``factory`` to build on first paint).

        ``scrollable``: the widget sits in a scroll area (a tall form may then shrink on a small
        screen); :meth:`widget` still returns the panel's own widget."""
        panel = Panel(name, dock, tuple(workspaces or ()), factory, area)
        panel.scrollable = scrollable
        if factory is None:
            panel.widget = QDockWidget.widget(dock)
        else:
            dock.setWidget(_Placeholder(lambda: self.widget(name)))
            if isinstance(dock, PanelDock):
                dock._builder = lambda: self.widget(name)
        self.panels[name] = panel
        return panel

    def widget(self, name: str) -> QWidget:
        """The widget of panel ``name``, built now if it was not yet (KeyError if unknown)."""
        panel = self.panels[name]
        if panel.widget is None:
            factory, panel.factory = panel.factory, None
            if isinstance(panel.dock, PanelDock):
                panel.dock._builder = None
            widget = factory()
            panel.widget = widget
            placeholder = QDockWidget.widget(panel.dock)
            panel.dock.setWidget(_scroller(widget) if panel.scrollable else widget)
            if placeholder is not None:
                placeholder.deleteLater()
            for callback in panel.on_built:
                callback(widget)
            self.panelBuilt.emit(name)
        return panel.widget

    def when_built(self, name: str, callback: Callable[[QWidget], None]) -> None:
        """Call ``callback(widget)`` once panel ``name`` exists (at once if it does)."""
        panel = self.panels[name]
        if panel.widget is not None:
            callback(panel.widget)
        else:
            panel.on_built.append(callback)

    def built(self) -> list[str]:
        return [n for n, p in self.panels.items() if p.built]

    def members(self, workspace: str) -> list[str]:
        """Panels shown by default in ``workspace`` (table order first, then registration order)."""
        names = [n for groups in DEFAULT_LAYOUTS.get(workspace, {}).values() for g in groups for n in g]
        names += [n for n, p in self.panels.items() if workspace in p.workspaces and n not in names]
        return [n for n in names if n in self.panels]

    def visible(self) -> set[str]:
        return {n for n, p in self.panels.items() if not p.dock.isHidden()}

    # -- switching -------------------------------------------------------------------------------
    def activate(self, name: str) -> None:
        """Switch to workspace ``name``: keep the current arrangement, restore ``name``'s (or its default)."""
        if name not in NAMES:
            raise ValueError(f"unknown workspace {name!r}; choose one of {', '.join(NAMES)}")
        if name == self.current:
            self.actions[name].setChecked(True)
            return
        if self.current is not None:
            self._remember(self.current)
        self.current = name
        self.actions[name].setChecked(True)
        self._shown_only = None
        state = self._states.get(name) or self._stored(name)
        if state is None or not self.window.restoreState(state, _version()):
            self.apply_default(name)
        self._follow_step()
        self._clamp_to_screen()
        self.changed.emit(name)

    def reset(self, name: str | None = None) -> None:
        """Forget the user's arrangement of ``name`` (default: the current workspace) and lay it out afresh."""
        name = name or self.current or DEFAULT
        self._states.pop(name, None)
        if self._persist:
            app_settings.settings().remove(f"workspaces/{name}/state")
        if name == self.current:
            self.apply_default(name)
            self._follow_step()

    def apply_default(self, name: str) -> None:
        """Lay the workspace out as :data:`DEFAULT_LAYOUTS` says (others' panels hidden)."""
        self._shown_only = None
        table = DEFAULT_LAYOUTS.get(name, {})
        if name in SHORT_LAYOUTS and self._available().height() < SHORT_SCREEN:
            table = SHORT_LAYOUTS[name]
        layout = {area: [list(g) for g in groups] for area, groups in table.items()}
        placed = {n for groups in layout.values() for g in groups for n in g}
        for extra in self.members(name):  # panels that joined this workspace without a table entry
            if extra not in placed:
                area = _area_key(self.panels[extra].area)
                groups = layout.setdefault(area, [])
                (groups[-1] if groups else groups.append([]) or groups[-1]).append(extra)
        self._arrange(layout, DEFAULT_SIZES.get(name, (0.25, 0.3, 0.25)), FIRST_SHARE.get(name))
        self._compact()

    def _compact(self) -> None:
        """Short panels keep just the room they need; their neighbour (e.g. the lesson) gets the rest."""
        for compact in COMPACT:
            panel = self.panels.get(compact)
            if panel is not None and not panel.dock.isHidden():
                self.window.resizeDocks([panel.dock], [panel.dock.minimumSizeHint().height()], Qt.Vertical)

    def show_only(self, dock_names: Iterable[str]) -> None:
        """Show exactly ``dock_names`` (and the canvas): lesson/palette/data left, every other one right, large."""
        wanted = [n for n in dict.fromkeys(dock_names) if n in self.panels]
        left = [n for n in LEARN_LEFT if n in wanted]
        right = [n for n in wanted if n not in left]
        layout = {"left": [[n] for n in left]}
        if right:  # the first visual large on top; the others share the row below as tabs
            layout["right"] = [[right[0]]] + ([right[1:]] if right[1:] else [])
        sizes = (0.30 if left else 0.0, 0.46 if right else 0.0, 0.0)
        self._arrange(layout, sizes, first_share=0.62)
        self._compact()
        self._shown_only = (layout, right, sizes)
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Two rows of visuals that do not fit this screen's height become one row of tabs."""
        if self._shown_only is None:
            return
        layout, right, sizes = self._shown_only
        if len(layout.get("right", ())) > 1 and self._too_tall():
            layout["right"] = [right]
            self._arrange(layout, sizes)
        self._clamp_to_screen()

    def show_for_step(self, panel_names: Iterable[str] | None) -> None:
        """Learn: show only the lesson and the visuals ``panel_names`` names (lesson panel names), large.

        The lesson host calls this whenever the lesson or its step changes (``None``: no lesson open).
        Outside Learn it is remembered and applied when the user switches to Learn.
        """
        self.step_docks = None if panel_names is None else docks_for(panel_names, LEARN_PANEL_DOCKS)
        self._follow_step()

    def _follow_step(self) -> None:
        if self.current != "learn" or self.step_docks is None:
            return
        if self.visible() != self.step_docks & set(self.panels):
            self.show_only(sorted(self.step_docks, key=_learn_order))

    # -- arranging ----------------------------------------------------------------------------------
    def _arrange(self, layout: dict[str, list[list[str]]], sizes: tuple[float, float, float],
                 first_share: float | None = None) -> None:
        """Place the docks: ``sizes`` = (left width, right width, bottom height) as window fractions;
        ``first_share``: the share of its column the first group of a two-group column gets."""
        w = self.window
        shown = {n for groups in layout.values() for g in groups for n in g if n in self.panels}
        for name, panel in self.panels.items():
            if name not in shown:
                panel.dock.hide()
        heads: dict[str, list[QDockWidget]] = {}
        for key, groups in layout.items():
            area, orientation = _AREAS[key], (Qt.Horizontal if key == "bottom" else Qt.Vertical)
            previous = None
            for group in groups:
                docks = [self.panels[n].dock for n in group if n in self.panels]
                if not docks:
                    continue
                head = docks[0]
                head.setFloating(False)
                if previous is None:
                    w.addDockWidget(area, head)
                else:
                    w.splitDockWidget(previous, head, orientation)
                head.show()
                for other in docks[1:]:
                    other.setFloating(False)
                    w.tabifyDockWidget(head, other)
                    other.show()
                head.raise_()
                heads.setdefault(key, []).append(head)
                previous = head
        width, height = max(w.width(), 800), max(w.height(), 500)
        for key, fraction, orient, total in (("left", sizes[0], Qt.Horizontal, width),
                                             ("right", sizes[1], Qt.Horizontal, width),
                                             ("bottom", sizes[2], Qt.Vertical, height)):
            column = heads.get(key)
            if column and fraction > 0:
                w.resizeDocks([column[0]], [int(total * fraction)], orient)
                if len(column) > 1:  # share the column's length (evenly unless told otherwise)
                    along = Qt.Horizontal if key == "bottom" else Qt.Vertical
                    total_length = width if key == "bottom" else height
                    if first_share and len(column) == 2:
                        lengths = [int(total_length * first_share), int(total_length * (1 - first_share))]
                    else:
                        lengths = [total_length // len(column)] * len(column)
                    w.resizeDocks(column, lengths, along)

    def _available(self):
        w = self.window
        return w.available_geometry() if hasattr(w, "available_geometry") else w.screen().availableGeometry()

    def _clamp_to_screen(self) -> None:
        """Rearranging may have grown the window (Qt never shrinks it back): bring it back on screen."""
        w, available = self.window, self._available()
        if w.width() > available.width() or w.height() > available.height():
            w.resize(min(w.width(), available.width()), min(w.height(), available.height()))

    def _too_tall(self) -> bool:
        """Would the window's minimum height exceed the screen with this arrangement?"""
        w = self.window
        available = w.available_geometry() if hasattr(w, "available_geometry") else w.screen().availableGeometry()
        w.layout().invalidate()
        return w.minimumSizeHint().height() > available.height()

    # -- persistence --------------------------------------------------------------------------------
    def _remember(self, name: str) -> None:
        state = self.window.saveState(_version())
        self._states[name] = state
        if self._persist:
            app_settings.settings().setValue(f"workspaces/{name}/state", state)

    def _stored(self, name: str) -> QByteArray | None:
        if not self._persist:
            return None
        value = app_settings.settings().value(f"workspaces/{name}/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def start(self, restore: bool, name: str | None = None) -> None:
        """Open the first workspace: ``name``, else (``restore``) the remembered one, else Learn."""
        self._persist = restore
        if name is None and restore:
            remembered = str(app_settings.settings().value("workspaces/current", DEFAULT) or DEFAULT)
            name = remembered if remembered in NAMES else DEFAULT
        self.activate(name or DEFAULT)

    def save(self) -> None:
        """Store the current workspace's arrangement and which workspace is current."""
        if self.current is None or not self._persist:
            return
        self._remember(self.current)
        s = app_settings.settings()
        s.setValue("workspaces/current", self.current)
        s.sync()


def _version() -> int:
    return STATE_VERSION


def _area_key(area) -> str:
    return {Qt.LeftDockWidgetArea: "left", Qt.BottomDockWidgetArea: "bottom"}.get(area, "right")


_ORDER = ("lesson", "palette", "data", "decision", "data_view", "loss_plot", "metric_plot", "activations",
          "backprop", "confusion", "inspector")


def _learn_order(name: str) -> int:
    return _ORDER.index(name) if name in _ORDER else len(_ORDER)
