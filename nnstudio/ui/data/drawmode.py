"""Draw your own data: a draw mode for the data view's 2-D scatter.

The tool bar above the scatter (objectName ``dataDrawToolBar``) has a
**Draw** toggle (D), an **Eraser** toggle (E), the class to draw (1-9 pick
class 1-9) or, for a set of values, the value to draw, the kind of a new
drawing (classes or values) and **Clear** (start an empty drawing). While
drawing, a click adds one point and a drag adds a trail of points; Shift
while dragging, or the eraser, removes the points under the pointer. A whole
stroke, press to release, is ONE undoable edit: the project's dataset
becomes the drawn set (:mod:`nnstudio.data.drawn`, kept inside the project
like an imported CSV). The first stroke on a built-in or imported 2-D set
starts from its points; **Clear** starts from nothing. Esc leaves draw mode.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QToolBar

from nnstudio.data.drawn import CLASSES, VALUES, DrawnPoints, is_drawn
from nnstudio.ui.data.common import class_color

# a drag adds a point every this many pixels
SPACING_PX = 10.0
# the eraser removes points within this many pixels of the pointer
ERASER_PX = 12.0
# classes offered in the class box
MAX_CLASSES = 10


def _swatch(color: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(color)
    return QIcon(pix)


class DrawTool(QObject):
    """Adds the draw tool bar to a :class:`~nnstudio.ui.data.view.DataView` and handles its strokes."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.state = view.state
        self.plot = view.plot
        self._stroke: list[np.ndarray] | None = None   # points added by the stroke in progress
        self._erase_mask: np.ndarray | None = None      # points the stroke in progress removes
        self._erasing = False
        self._base: DrawnPoints | None = None
        self._build_toolbar()
        self.preview = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k", width=1), symbol="o")
        self.preview.setZValue(20)
        self.plot.addItem(self.preview)
        self.plot.viewport().installEventFilter(self)
        self.state.datasetChanged.connect(self.follow)
        self.state.projectReplaced.connect(self.follow)
        self.follow()

    # -- tool bar ---------------------------------------------------------------------
    def _action(self, text, name, tip, shortcut=None, checkable=False) -> QAction:
        act = QAction(text, self.view)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip += "  (" + QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) + ")"
        act.setToolTip(tip)
        act.setCheckable(checkable)
        self.view.addAction(act)
        return act

    def _build_toolbar(self) -> None:
        tr = self.tr
        bar = self.toolbar = QToolBar(self.view)
        bar.setObjectName("dataDrawToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.draw_action = self._action(
            tr("Draw"), "drawPointsAction",
            tr("Draw your own data: click on the plot to add a point of the chosen class (or value), drag to "
               "add a trail of points. Shift+drag erases. Each stroke is one undo step (Ctrl+Z)."), "D", True)
        self.erase_action = self._action(
            tr("Eraser"), "drawEraserAction",
            tr("Erase: click or drag over points to remove them (or hold Shift while drawing)."), "E", True)
        self.clear_action = self._action(
            tr("Clear"), "drawClearAction",
            tr("Remove every point and start an empty drawing of the chosen kind (one undo step)."))
        self.draw_action.toggled.connect(self._draw_toggled)
        self.erase_action.toggled.connect(self._erase_toggled)
        self.clear_action.triggered.connect(self.clear)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("drawKindCombo")
        self.kind_combo.addItem(tr("classes"), CLASSES)
        self.kind_combo.addItem(tr("values"), VALUES)
        self.kind_combo.setToolTip(tr("What a new drawing holds: points of classes (classification) or points "
                                      "with a value (regression). Fixed once the drawing has points."))
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("drawClassCombo")
        for k in range(MAX_CLASSES):
            self.class_combo.addItem(_swatch(class_color(k)), tr("class {k}").format(k=k), k)
        self.class_combo.setToolTip(tr("The class the next points get (keys 1-9 pick classes 1-9, 0 picks "
                                       "class 0). Any number of classes: a third class makes a multi-class set."))
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setObjectName("drawValueSpin")
        self.value_spin.setRange(-1000.0, 1000.0)
        self.value_spin.setDecimals(2)
        self.value_spin.setSingleStep(0.1)
        self.value_spin.setValue(1.0)
        self.value_spin.setToolTip(tr("The target value y the next points get (regression)."))
        bar.addAction(self.draw_action)
        bar.addAction(self.erase_action)
        self.kind_label = QLabel(tr("Kind"))
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_combo)
        self.class_widget = bar.addWidget(self.class_combo)
        self.value_widget = bar.addWidget(self.value_spin)
        bar.addAction(self.clear_action)
        for k in range(MAX_CLASSES):
            act = self._action(tr("Class {k}").format(k=k), f"drawClass{k}Action", tr("Draw class {k}").format(k=k),
                               str(k))
            act.triggered.connect(lambda _c=False, k=k: self.class_combo.setCurrentIndex(k))
        leave = self._action(tr("Stop drawing"), "drawStopAction", tr("Leave draw mode"), "Esc")
        leave.triggered.connect(lambda: (self.draw_action.setChecked(False), self.erase_action.setChecked(False)))
        self.view.layout().insertWidget(1, bar)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._sync_widgets())

    # -- state ------------------------------------------------------------------------------
    def active(self) -> bool:
        return self.draw_action.isChecked() or self.erase_action.isChecked()

    def points(self) -> DrawnPoints:
        """What the next stroke starts from: the drawn set, or the current 2-D dataset's points."""
        drawn = DrawnPoints.from_choice(self.state.project.dataset)
        if drawn is not None:
            return drawn
        return DrawnPoints.from_dataset(self.state.dataset)

    def kind(self) -> str:
        pts = self.points()
        return pts.kind if len(pts) else self.kind_combo.currentData()

    def available(self) -> bool:
        """Drawing works on 2-feature data and on drawn sets (even an empty one)."""
        ds = self.state.dataset
        return is_drawn(self.state.project.dataset) or (ds is not None and ds.n_features == 2)

    def follow(self) -> None:
        """Show the tool bar for 2-D data; keep the (possibly empty) drawing on screen."""
        ok = self.available()
        self.toolbar.setVisible(ok)
        if not ok and self.active():
            self.draw_action.setChecked(False)
            self.erase_action.setChecked(False)
        self._sync_widgets()
        if ok and self.state.dataset is None:  # an empty drawing: the data view would show a message
            v = self.view
            v.stack.setCurrentWidget(self.plot)
            v._clear_items()
            v.coords = None
            self.plot.setXRange(-1.5, 1.5)
            self.plot.setYRange(-1.5, 1.5)
            v.info.setText(self.tr("Empty drawing: press Draw, then click on the plot to add points."))

    def _sync_widgets(self) -> None:
        pts = self.points()
        kind = pts.kind if len(pts) else self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(0 if kind == CLASSES else 1)
        self.kind_combo.blockSignals(False)
        self.kind_combo.setEnabled(len(pts) == 0)
        self.class_widget.setVisible(kind == CLASSES)
        self.value_widget.setVisible(kind == VALUES)

    def _draw_toggled(self, on: bool) -> None:
        if on:
            self.erase_action.setChecked(False)
            self.view.setFocus()
        self._cursor()

    def _erase_toggled(self, on: bool) -> None:
        if on:
            self.draw_action.setChecked(False)
            self.view.setFocus()
        self._cursor()

    def _cursor(self) -> None:
        vp = self.plot.viewport()
        if self.active():
            vp.setCursor(Qt.CursorShape.CrossCursor if self.draw_action.isChecked() else Qt.CursorShape.PointingHandCursor)
        else:
            vp.unsetCursor()

    # -- strokes ------------------------------------------------------------------------------
    def _to_data(self, pos) -> np.ndarray | None:
        vb = self.plot.getPlotItem().vb
        scene = self.plot.mapToScene(pos.toPoint() if isinstance(pos, QPointF) else pos)
        if not vb.sceneBoundingRect().contains(scene):
            return None
        p = vb.mapSceneToView(scene)
        return np.array([p.x(), p.y()], dtype=np.float64)

    def _pixel_size(self) -> np.ndarray:
        px = self.plot.getPlotItem().vb.viewPixelSize()
        return np.array([max(px[0], 1e-12), max(px[1], 1e-12)])

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not self.active() or not self.available():
            return False
        et = event.type()
        if et == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            p = self._to_data(event.position())
            if p is None:
                return False
            self._begin(p, erase=self.erase_action.isChecked()
                        or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        if et == QEvent.Type.MouseMove and self._stroke is not None:
            p = self._to_data(event.position())
            if p is not None:
                self._extend(p)
            return True
        if et == QEvent.Type.MouseButtonRelease and self._stroke is not None:
            self._finish()
            return True
        if et == QEvent.Type.MouseButtonDblClick:
            return True
        return False

    def _begin(self, p: np.ndarray, erase: bool) -> None:
        self._base = self.points()
        self._erasing = erase
        self._stroke = []
        self._erase_mask = np.zeros(len(self._base), dtype=bool)
        self._extend(p, force=True)

    def _extend(self, p: np.ndarray, force: bool = False) -> None:
        px = self._pixel_size()
        if self._erasing:
            if len(self._base):
                d = np.hypot(*((self._base.x - p) / px).T)
                self._erase_mask |= d <= ERASER_PX
            self._stroke.append(p)
            kept = self._base.x[self._erase_mask]
            self.preview.setData(x=kept[:, 0], y=kept[:, 1], symbol="x", brush=pg.mkBrush("#888"),
                                 pen=pg.mkPen("#555"))
            return
        if not force and self._stroke and np.hypot(*((p - self._stroke[-1]) / px)) < SPACING_PX:
            return
        self._stroke.append(p)
        pts = np.asarray(self._stroke)
        color = class_color(self.class_combo.currentData()) if self.kind() == CLASSES else QColor("#999")
        self.preview.setData(x=pts[:, 0], y=pts[:, 1], symbol="o", brush=pg.mkBrush(color), pen=pg.mkPen("k"))

    def _finish(self) -> None:
        base, stroke = self._base, self._stroke
        erase, mask = self._erasing, self._erase_mask
        self._stroke = self._base = self._erase_mask = None
        self.preview.clear()
        if erase:
            if not mask.any():
                return
            new = base.without(mask)
            text = self.tr("Erase {n} drawn point(s)").format(n=int(mask.sum()))
        else:
            if base.kind == VALUES or (not len(base) and self.kind_combo.currentData() == VALUES):
                base = base if len(base) else DrawnPoints(VALUES)
                label = float(self.value_spin.value())
            else:
                label = int(self.class_combo.currentData())
            new = base.added(np.asarray(stroke), label)
            text = self.tr("Draw {n} point(s)").format(n=len(stroke))
        self._commit(new, text)

    def _commit(self, points: DrawnPoints, text: str) -> bool:
        vb = self.plot.getPlotItem().vb
        (x0, x1), (y0, y1) = vb.viewRange()
        pushed = self.state.push([("set_dataset", points.to_choice(self.state.project.dataset))], text)
        if pushed and len(points) and self.state.dataset is not None:
            vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)  # the plot stays put while drawing
        if not pushed:
            win = self.view.window()
            if hasattr(win, "statusBar"):
                win.statusBar().showMessage(self.state.edit_blocked_reason() or "", 5000)
            return False
        return True

    def clear(self) -> None:
        """Start an empty drawing of the chosen kind (one undo step)."""
        kind = self.kind_combo.currentData()
        if is_drawn(self.state.project.dataset) and not len(self.points()):
            return
        self._commit(DrawnPoints(kind), self.tr("Clear the drawing"))
