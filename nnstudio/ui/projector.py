"""Projector mode: everything drawn scales with the UI zoom (View > Zoom UI In, Ctrl+Alt+=).

The UI zoom (QSettings ``ui/zoom``) scales the application font; this module
scales what is *drawn* by the same factor, so a class at the back of the room
can read it: every pyqtgraph curve's line width, scatter point size and axis
font in a widget tree, and the canvas (its neurons, blocks and weight lines,
through the view's zoom). Panels built later (workspaces build lazily) get
the current scale when they are built.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGraphicsView

SCALE_PROPERTY = "nnstudio_drawn_scale"


def current_scale() -> float:
    app = QApplication.instance()
    value = app.property(SCALE_PROPERTY) if app is not None else None
    return float(value) if value else 1.0


def scale_plots(root, factor: float) -> int:
    """Multiply line widths and point sizes of every pyqtgraph item under ``root`` by ``factor``."""
    import sys

    if factor == 1.0 or "pyqtgraph" not in sys.modules:  # nothing drawn by pyqtgraph yet
        return 0
    import pyqtgraph as pg

    n = 0
    for view in root.findChildren(QGraphicsView):
        scene = view.scene()
        if scene is None or view.objectName() == "canvasView":
            continue
        for item in scene.items():
            if isinstance(item, pg.PlotDataItem):
                pen = pg.mkPen(item.opts.get("pen"))
                pen.setWidthF(max(pen.widthF(), 1.0) * factor)
                item.setPen(pen)
                size = item.opts.get("symbolSize")
                if item.opts.get("symbol") is not None and size:
                    item.setSymbolSize(size * factor)
                n += 1
            elif isinstance(item, pg.ScatterPlotItem):
                size = item.opts.get("size")
                if size:
                    item.setSize(size * factor)
                n += 1
    return n


def apply_scale(window, percent: int) -> float:
    """Scale the window's drawings from the scale they have now to ``percent`` % (returns the factor)."""
    app = QApplication.instance()
    new = percent / 100.0
    factor = new / current_scale()
    if app is not None:
        app.setProperty(SCALE_PROPERTY, new)
    if factor != 1.0:
        scale_plots(window, factor)
        canvas = getattr(window, "canvas", None)
        if canvas is not None:
            canvas.zoom_by(factor)
    return factor


def scale_new_panel(widget) -> None:
    """A panel built after the zoom changed: draw it at the current scale too."""
    scale = current_scale()
    if scale != 1.0:
        scale_plots(widget, scale)
        apply_plot_fonts(widget)


def apply_plot_fonts(root, font: QFont | None = None) -> int:
    """Give every pyqtgraph axis under ``root`` the application font (ticks and label); returns the count."""
    import pyqtgraph as pg

    font = QFont(font if font is not None else QApplication.font())
    n = 0
    for view in root.findChildren(QGraphicsView):
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.setTickFont(font)
                item.label.setFont(font)
                if hasattr(item, "_updateLabel"):
                    item._updateLabel()  # re-measure the label so the axis makes room for it
                n += 1
    return n
