"""The layer palette: every layer type of the layer table, ready to drag.

Each kind of ``nnstudio.project.layer_kinds.LAYER_KINDS`` becomes a row with
its icon, its one-line explanation and a tooltip (the engine registry's
summary and formula where the engine lists the layer). Dragging a row starts a ``QDrag``
whose MIME data (type :data:`LAYER_MIME`) carries the layer type; the
canvas accepts it. Double-click or Enter adds the layer just before the
output layer (keyboard users need no mouse).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from nnstudio.ui.canvas.view import LAYER_MIME
from nnstudio.ui.i18n import tr_registry
from nnstudio.ui.icons import layer_icon

#: role holding the layer type on each palette row
TYPE_ROLE = Qt.UserRole + 1


class Palette(QListWidget):
    """List of layer types (objectName ``paletteList``) that drags layers onto the canvas."""

    #: a layer type the user asked to add without dragging (double-click / Enter)
    addRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("paletteList")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setDefaultDropAction(Qt.CopyAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setIconSize(QSize(32, 32))
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setToolTip(self.tr("Drag a layer onto the canvas (or double-click it) to add it to the network."))
        self.itemActivated.connect(self._activated)
        self.populate()

    def populate(self) -> None:
        """Fill the list from the layer table."""
        from nnstudio.engine import registry
        from nnstudio.project.layer_kinds import LAYER_KINDS

        self.clear()
        for kind in LAYER_KINDS.values():
            try:
                entry = registry.get("layer", kind.name)
                summary, formula = tr_registry(entry.summary), entry.formula
            except ValueError:  # a kind the engine registry does not list
                summary, formula = self.tr(kind.summary), ""
            item = QListWidgetItem(layer_icon(kind.name), f"{self.display_name(kind.name)}\n{self.explain(kind)}")
            item.setData(TYPE_ROLE, kind.name)
            tip = [f"<b>{kind.name}</b>", summary] + ([formula] if formula else [])
            tip.append(self.tr("Drag onto the canvas where it should go, or double-click to add it "
                               "before the output layer."))
            item.setToolTip("<br>".join(tip))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
            self.addItem(item)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Never shorter than all rows: every layer type is visible without scrolling."""
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        if self.isVisible():
            self.doItemsLayout()  # rows as laid out at this width (a wrapped description is taller)
        rows = sum(max(self.sizeHintForRow(i), self.visualItemRect(self.item(i)).height()) + 2 * self.spacing()
                   for i in range(self.count()))
        self.setMinimumHeight(rows + 2 * self.frameWidth() + 4)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self.fit_rows()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():  # narrower: the descriptions wrap to more lines
            self.fit_rows()

    def display_name(self, layer_type: str) -> str:
        """The layer type as the palette shows it (translated; Keras' own name kept in the translation)."""
        return QCoreApplication.translate("Palette", layer_type)

    def explain(self, kind) -> str:
        """The one-line explanation shown under a layer's name (the table's ``explain``)."""
        return QCoreApplication.translate("Palette", kind.explain) if kind.explain else self.tr(kind.summary)

    def types(self) -> list[str]:
        """Layer types in display order."""
        return [self.item(i).data(TYPE_ROLE) for i in range(self.count())]

    def item_for(self, layer_type: str) -> QListWidgetItem:
        """The row of ``layer_type`` (KeyError if the palette has none)."""
        for i in range(self.count()):
            if self.item(i).data(TYPE_ROLE) == layer_type:
                return self.item(i)
        raise KeyError(layer_type)

    # -- drag source ------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [LAYER_MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt API
        """The drag payload: the layer type under :data:`LAYER_MIME` (and as plain text)."""
        mime = QMimeData()
        if items:
            layer_type = items[0].data(TYPE_ROLE)
            mime.setData(LAYER_MIME, layer_type.encode("utf-8"))
            mime.setText(layer_type)
        return mime

    def supportedDropActions(self):  # noqa: N802 - Qt API
        return Qt.CopyAction

    def _activated(self, item: QListWidgetItem) -> None:
        self.addRequested.emit(item.data(TYPE_ROLE))
