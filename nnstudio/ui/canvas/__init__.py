"""The network canvas: a scene that follows the document, and its view.

* :mod:`.layout`: units, roles, drawn neurons and the summary figures;
* :mod:`.items`: layer blocks, neuron circles, weight-line batches;
* :mod:`.scene`: :class:`NetworkScene`, which follows ``AppState`` signals;
* :mod:`.view`: :class:`CanvasView` (drops, reordering, zoom, pan, pin clicks);
* :mod:`.maps`: each neuron's response over the input plane, drawn in its node;
* :mod:`.hover`: hover texts with the real numbers; :mod:`.pinned`: the pinned map.

:class:`CanvasPanel` puts the view above the summary line (depth,
parameters, output shape) and is the main window's central widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.ui.canvas.layout import summarize, tr
from nnstudio.ui.canvas.pinned import PinnedMap
from nnstudio.ui.canvas.scene import NetworkScene
from nnstudio.ui.canvas.view import LAYER_MIME, CanvasView

__all__ = ["CanvasPanel", "CanvasView", "NetworkScene", "LAYER_MIME"]


class CanvasPanel(QWidget):
    """The canvas view with the Keras-summary line below it."""

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasPanel")
        self.state = state
        self.view = CanvasView(state, self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setToolTip(tr(
            "What Keras' model.summary() would report: depth counts the layers with weights "
            "(the Input layer computes nothing), parameters are all weights and biases."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)
        self.pinned_map = PinnedMap(self.view.canvas_scene, self.view)
        state.documentChanged.connect(lambda *_: self.update_summary())
        state.projectReplaced.connect(self.update_summary)
        state.datasetChanged.connect(self.update_summary)
        self.update_summary()

    def summary(self):
        """The current :class:`~nnstudio.ui.canvas.layout.Summary`."""
        ds = self.state.dataset
        return summarize(self.state.project, ds.n_features if ds is not None else None)

    def update_summary(self) -> None:
        self.summary_label.setText(self.summary().text())
