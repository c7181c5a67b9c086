"""Points drawn by hand, kept in the project like an imported CSV (no Qt).

A drawn set is an ordinary ``source: "csv"`` dataset choice whose embedded
file is named :data:`DRAWN_NAME`: columns ``x1, x2`` and ``label`` (class
numbers, for classification) or ``y`` (a value, for regression). So it splits,
standardises, trains and exports like any other dataset, and the file format
needs nothing new. :class:`DrawnPoints` is the editable picture of that
text; :meth:`DrawnPoints.to_choice` writes it back (coordinates rounded to
:data:`DECIMALS` places, so the text is short and the same points always give
the same bytes).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np

#: the embedded file name that marks a dataset choice as drawn by hand
DRAWN_NAME = "drawn points.csv"
#: decimal places kept of a drawn coordinate or value
DECIMALS = 4
CLASSES, VALUES = "classes", "values"


def _num(v: float) -> str:
    r = round(float(v), DECIMALS)
    if r == 0:
        r = 0.0  # no "-0.0"
    return repr(r)


@dataclass
class DrawnPoints:
    """Drawn 2-D points: ``x`` ``(n, 2)``, ``y`` ``(n,)`` (class numbers or values) and the kind."""

    kind: str = CLASSES
    x: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        if self.kind not in (CLASSES, VALUES):
            raise ValueError(f"kind must be {CLASSES!r} or {VALUES!r}, not {self.kind!r}")
        self.x = np.asarray(self.x, dtype=np.float64).reshape(-1, 2)
        self.y = np.asarray(self.y, dtype=np.int64 if self.kind == CLASSES else np.float64).reshape(-1)
        if len(self.x) != len(self.y):
            raise ValueError(f"{len(self.x)} points but {len(self.y)} labels")

    def __len__(self) -> int:
        return len(self.x)

    def copy(self) -> "DrawnPoints":
        return DrawnPoints(self.kind, self.x.copy(), self.y.copy())

    def added(self, points, label) -> "DrawnPoints":
        """A copy with ``points`` (``(m, 2)``) of class or value ``label`` appended."""
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        lab = np.full(len(pts), label, dtype=self.y.dtype)
        return DrawnPoints(self.kind, np.vstack([self.x, pts]), np.concatenate([self.y, lab]))

    def without(self, mask) -> "DrawnPoints":
        """A copy without the points where ``mask`` is true."""
        keep = ~np.asarray(mask, dtype=bool)
        return DrawnPoints(self.kind, self.x[keep], self.y[keep])

    def csv_text(self) -> str:
        """The embedded CSV: header ``x1,x2,label`` (or ``y``), one row per point."""
        head = "x1,x2," + ("label" if self.kind == CLASSES else "y")
        rows = [head]
        for (a, b), v in zip(self.x, self.y):
            tail = str(int(v)) if self.kind == CLASSES else _num(v)
            rows.append(f"{_num(a)},{_num(b)},{tail}")
        return "\n".join(rows) + "\n"

    def task(self) -> str:
        if self.kind == VALUES:
            return "regression"
        return "binary" if len(np.unique(self.y)) == 2 else "multiclass"

    def to_choice(self, base: dict | None = None) -> dict:
        """The project's dataset choice for these points (split/standardise settings kept from ``base``)."""
        choice = copy.deepcopy(base or {})
        choice.update({
            "source": "csv",
            "csv": {"filename": DRAWN_NAME, "text": self.csv_text(),
                    "options": {"delimiter": ",", "has_header": True, "decimal": ".", "target_columns": [-1],
                                "feature_columns": None, "task": self.task(), "missing": "error",
                                "image_shape": None}},
        })
        choice.pop("params", None)
        return choice

    @classmethod
    def from_dataset(cls, dataset) -> "DrawnPoints":
        """The points of a 2-feature dataset (its classes or its first target), to draw on."""
        if dataset is None or dataset.n_features != 2:
            return cls()
        if dataset.task == "regression":
            return cls(VALUES, dataset.x, dataset.y[:, 0])
        return cls(CLASSES, dataset.x, dataset.y)

    @classmethod
    def from_choice(cls, choice: dict) -> "DrawnPoints | None":
        """The points of a drawn dataset choice (``None`` if the choice is not a drawn set)."""
        if not is_drawn(choice):
            return None
        lines = [ln for ln in str(choice["csv"].get("text") or "").splitlines() if ln.strip()]
        if not lines:
            return cls()
        kind = VALUES if lines[0].strip().endswith(",y") else CLASSES
        rows = []
        for ln in lines[1:]:
            parts = ln.split(",")
            if len(parts) != 3:
                return None
            try:
                rows.append([float(parts[0]), float(parts[1]), float(parts[2])])
            except ValueError:
                return None
        arr = np.asarray(rows, dtype=np.float64).reshape(-1, 3)
        if not np.all(np.isfinite(arr)):
            return None
        return cls(kind, arr[:, :2], arr[:, 2])


def is_drawn(choice: dict | None) -> bool:
    """True when a dataset choice is a set drawn by hand."""
    return bool(choice) and choice.get("source") == "csv" and isinstance(choice.get("csv"), dict) \
        and choice["csv"].get("filename") == DRAWN_NAME
