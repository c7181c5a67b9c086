"""The Input layer's feature list: tick the features the network sees (raw columns + derived ones).

One check box per feature of :func:`nnstudio.data.features.available`; a tick
or untick is one undoable ``set_layer`` edit of the Input layer's
``features`` (``None`` when exactly the raw columns are ticked, so a project
that uses no derived feature is saved as before).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from nnstudio.data import features as nnfeatures


def feature_object_name(key: str) -> str:
    """``featureCheck_x1_2`` style objectName for a feature key (tests find the boxes by it)."""
    safe = key.replace("^", "_").replace("*", "_").replace("(", "_").replace(")", "")
    return f"featureCheck_{safe}"


class FeaturesBox(QWidget):
    """Check boxes for the input features (objectName ``inputFeaturesBox``).

    ``edited(list | None)`` is emitted with the new ``features`` value when the
    user ticks or unticks a box; :meth:`show_features` shows the document.
    """

    edited = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inputFeaturesBox")
        self._n_raw = 0
        self._names: list[str] = []
        self._updating = False
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._note = QLabel(self)
        self._note.setObjectName("inputFeaturesNote")
        self._note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._grid)
        lay.addWidget(self._note)
        self.setToolTip(self.tr(
            "The features the network sees. Tick derived features (x², x·y, sin, cos, and for 2-D data "
            "r = √(x₁²+x₂²) and θ = atan2(x₂, x₁)) to hand-make features, as in classic machine learning. "
            "They are computed from the raw columns, then standardised if the dataset says so."))

    def _rebuild(self, n_raw: int, names: list[str]) -> None:
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        keys = nnfeatures.available(n_raw)
        per_row = 2 if n_raw <= 2 else 3
        for i, key in enumerate(keys):
            box = QCheckBox(nnfeatures.label(key, names), self)
            box.setObjectName(feature_object_name(key))
            box.setToolTip(nnfeatures.formula(key, names))
            box.toggled.connect(lambda _on, k=key: self._toggled(k))
            self._grid.addWidget(box, i // per_row, i % per_row)
            self.boxes[key] = box
        self._n_raw, self._names = n_raw, list(names)

    def show_features(self, features, n_raw: int | None, names=None) -> None:
        """Tick the boxes of ``features`` (``None``: the raw columns) for data with ``n_raw`` columns."""
        n = int(n_raw or 0)
        names = list(names or nnfeatures.raw_keys(n))
        if n != self._n_raw or names != self._names:
            self._rebuild(n, names)
        ticked = set(nnfeatures.resolve(features, n))
        self._updating = True
        try:
            for key, box in self.boxes.items():
                box.setChecked(key in ticked)
        finally:
            self._updating = False
        extra = [k for k in ticked if k not in self.boxes]
        width = nnfeatures.width(features, n)
        text = self.tr("The network sees {n} input(s).").format(n=width)
        if extra:
            text += " " + self.tr("Not offered for this data: {names}.").format(names=", ".join(extra))
        self._note.setText(text)

    def selected(self) -> list[str]:
        """The ticked keys in display order."""
        return [k for k, box in self.boxes.items() if box.isChecked()]

    def _toggled(self, _key: str) -> None:
        if self._updating:
            return
        keys = self.selected()
        self.edited.emit(None if nnfeatures.is_identity(keys, self._n_raw) else keys)
