"""The canvas view: drops from the palette, block reordering, zoom and pan.

Every gesture ends as a document edit pushed through ``AppState.push``; the
view never adds or removes items itself. While a block is dragged it
follows the mouse as feedback only, and the single ``move_layer`` edit is
pushed on release (one drag = one undo entry).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from nnstudio.project import LayerSpec
from nnstudio.project.layer_kinds import LAYER_KINDS
from nnstudio.ui.canvas.items import ConnectionItem, LayerBlock, NeuronItem
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X, tr
from nnstudio.ui.canvas.scene import NetworkScene

#: MIME type of a layer dragged from the palette (payload: the layer type, UTF-8)
LAYER_MIME = "application/x-nnstudio-layer"
MIN_ZOOM, MAX_ZOOM = 0.05, 6.0


class CanvasView(QGraphicsView):
    """The network canvas (objectName ``canvasView``)."""

    #: a message for the status bar
    message = Signal(str)

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasView")
        self.state = state
        self.canvas_scene = NetworkScene(state, self)
        self.setScene(self.canvas_scene)
        self.setAcceptDrops(True)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setRenderHint(QPainter.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setFocusPolicy(Qt.StrongFocus)
        self.viewport().setMouseTracking(True)  # weight hover texts
        self.setToolTip(tr("The network, left to right. Drag layers here from the palette; drag a block "
                           "to reorder it; wheel to zoom, drag empty space to pan."))
        self._press: dict | None = None
        self._pan_from: QPointF | None = None
        self._fitted = False
        state.projectReplaced.connect(lambda: QTimer.singleShot(0, self, self.fit))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Fit the network into view the first time the canvas is shown."""
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self, self.fit)
        self.canvas_scene.maps.request()  # maps are not computed while the canvas is hidden

    # -- zoom -----------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor``, kept within sensible limits."""
        new = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        f = new / self.zoom()
        if abs(f - 1.0) > 1e-9:
            self.scale(f, f)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def fit(self) -> None:
        """Zoom so the whole network is visible."""
        if self.viewport().width() < 10 or self.viewport().height() < 10:
            return
        rect = self.canvas_scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.KeepAspectRatio)
        if self.zoom() > 1.5:
            self.zoom_by(1.5 / self.zoom())
        elif self.zoom() < MIN_ZOOM:
            self.zoom_by(MIN_ZOOM / self.zoom())

    def reserve_right(self, width: int) -> None:
        """Leave ``width`` pixels at the right of the view free (the pinned map sits there) and refit."""
        if self.viewportMargins().right() != width:
            self.setViewportMargins(0, 0, int(width), 0)
            QTimer.singleShot(0, self, self.fit)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        pinned = self.findChild(QWidget, "pinnedMap")
        if pinned is not None and pinned.isVisible():
            pinned.move(max(0, self.width() - pinned.width() - 4), 4)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15 ** steps)
            event.accept()

    # -- drops from the palette -----------------------------------------------
    @staticmethod
    def _layer_type(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        name = bytes(mime.data(LAYER_MIME)).decode("utf-8", "replace").strip()
        return name if name in LAYER_KINDS else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._layer_type(event):
            event.setDropAction(Qt.CopyAction)
            event.accept()
            self._update_marker(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.dragEnterEvent(event)  # same handling: accept layer types, move the marker

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.canvas_scene.show_marker(None)
        event.accept()

    def _update_marker(self, event) -> int:
        x = self.mapToScene(event.position().toPoint()).x()
        index = self.canvas_scene.insertion_index(x, self._layer_type(event))
        self.canvas_scene.show_marker(index)
        return index

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        layer_type = self._layer_type(event)
        self.canvas_scene.show_marker(None)
        if not layer_type:
            event.ignore()
            return
        x = self.mapToScene(event.position().toPoint()).x()
        index = self.canvas_scene.insertion_index(x, layer_type)
        event.setDropAction(Qt.CopyAction)
        event.accept()
        self.insert_layer(layer_type, index)

    def insert_layer(self, layer_type: str, index: int) -> bool:
        """Insert a new layer of ``layer_type`` at ``index`` (one undo entry) and select it."""
        spec = LayerSpec.make(layer_type)
        if not self._push([("insert_layer", index, spec.to_dict())], tr("Add {type} layer").format(type=layer_type)):
            return False
        self.state.select_layer(index)
        self.message.emit(tr("Added a {type} layer at position {i}").format(type=layer_type, i=index))
        return True

    # -- editing the selection ------------------------------------------------
    def _push(self, edits, text) -> bool:
        return self.state.push(edits, text)  # a refusal is shown by the editor's refused signal

    def delete_selected(self) -> bool:
        """Remove the selected layer (one undo entry)."""
        i = self.state.selected_layer
        if i is None or not 0 <= i < len(self.state.project.layers):
            self.message.emit(tr("Select a layer to delete it."))
            return False
        spec = self.state.project.layers[i]
        return self._push([("remove_layer", spec.id)], tr("Delete {type} layer").format(type=spec.type))

    def duplicate_selected(self) -> bool:
        """Insert a copy of the selected layer right after it and select the copy."""
        i = self.state.selected_layer
        layers = self.state.project.layers
        if i is None or not 0 <= i < len(layers):
            self.message.emit(tr("Select a layer to duplicate it."))
            return False
        d = layers[i].to_dict()
        d.pop("id", None)
        if not self._push([("insert_layer", i + 1, d)], tr("Duplicate {type} layer").format(type=layers[i].type)):
            return False
        self.state.select_layer(i + 1)
        return True

    # -- mouse: select, reorder, weight clicks, pan --------------------------------
    def _block_at(self, pos) -> LayerBlock | None:
        for item in self.items(pos):
            while item is not None and not isinstance(item, LayerBlock):
                item = item.parentItem()
            if isinstance(item, LayerBlock):
                return item
        return None

    def _neuron_at(self, pos) -> NeuronItem | None:
        return next((item for item in self.items(pos) if isinstance(item, NeuronItem)), None)

    def _weight_at(self, pos) -> tuple[int, int, int] | None:
        scene_pos = self.mapToScene(pos)
        tolerance = 4.0 / max(self.zoom(), 1e-6)
        for item in self.items(pos):
            if isinstance(item, ConnectionItem) and item.dense:
                hit = item.hit(item.mapFromScene(scene_pos), tolerance)
                if hit is not None:
                    try:
                        layer = self.state.project.index_of(item.right_id)
                    except KeyError:
                        return None
                    return layer, hit[0], hit[1]
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if event.button() == Qt.MiddleButton:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.LeftButton:
            block = self._block_at(pos)
            if block is not None:
                try:
                    index = self.state.project.index_of(block.layer_id)
                except KeyError:
                    index = None
                if index is not None:
                    self._press = {"block": block, "index": index, "start": event.position(),
                                   "x0": block.pos().x(), "dragging": False, "neuron": self._neuron_at(pos)}
                    self.setFocus(Qt.MouseFocusReason)
                    event.accept()
                    return
            weight = self._weight_at(pos)
            if weight is not None:
                self.state.weightSelected.emit(*weight)
                self.message.emit(tr("Weight from neuron {i} to neuron {j} of layer {layer}").format(
                    i=weight[1] + 1, j=weight[2] + 1, layer=weight[0]))
                event.accept()
                return
            self.state.select_layer(None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        press = self._press
        if press is not None:
            delta = event.position() - press["start"]
            if not press["dragging"] and delta.manhattanLength() >= QApplication.startDragDistance():
                press["dragging"] = True
                press["block"].setZValue(5)
            if press["dragging"]:
                dx = delta.x() / max(self.zoom(), 1e-6)
                press["block"].setX(press["x0"] + dx)
                dst = self._drop_index(press)
                self.canvas_scene.show_marker(dst if dst < press["index"] else dst + 1)
            event.accept()
            return
        if event.buttons() == Qt.NoButton:
            pos = event.position().toPoint()
            self.canvas_scene.hover_weight(None if self._neuron_at(pos) else self._weight_at(pos))
        super().mouseMoveEvent(event)

    def _drop_index(self, press) -> int:
        """Final index of a dragged block: how many other blocks lie left of its centre."""
        cx = press["block"].pos().x() + BLOCK_W / 2
        n = len(self.state.project.layers)
        return sum(1 for i in range(n) if i != press["index"] and i * SPACING_X + BLOCK_W / 2 < cx)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._pan_from is not None and event.button() == Qt.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        press, self._press = self._press, None
        if press is not None and event.button() == Qt.LeftButton:
            self.canvas_scene.show_marker(None)
            press["block"].setZValue(1)
            src = press["index"]
            if press["dragging"]:
                dst = self._drop_index(press)
                spec = self.state.project.layers[src]
                moved = dst != src and self._push([("move_layer", spec.id, dst)],
                                                  tr("Move {type} layer").format(type=spec.type))
                if moved:
                    self.state.select_layer(dst)
                else:
                    self.canvas_scene.relayout()  # snap back: the document did not change
            else:
                self.state.select_layer(src)
                neuron = press.get("neuron")
                if neuron is not None:
                    self.toggle_pin(src, neuron.unit)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def toggle_pin(self, layer: int, unit: int) -> None:
        """Click on a neuron: pin its map large (a second click on it unpins)."""
        scene = self.canvas_scene
        if scene.pinned == (layer, unit):
            scene.pin(None)
        else:
            scene.pin(layer, unit)
            self.message.emit(tr("Neuron {k} of layer {i} pinned: its map is shown large; click it again to unpin.")
                              .format(k=unit + 1, i=layer))

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.canvas_scene.hover_weight(None)
        super().leaveEvent(event)
