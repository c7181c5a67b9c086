"""Weight constraints (Keras 3 names and defaults), applied after every update.

* ``MaxNorm(max_value=2, axis=0)``: rescales each column (incoming weights
  of one unit) whose L2 norm exceeds ``max_value``: w ← w·min(‖w‖, m)/(ε + ‖w‖)
* ``NonNeg()``: w ← w·[w ≥ 0]
* ``UnitNorm(axis=0)``: w ← w/(ε + ‖w‖)

ε = 1e-7 as in Keras.  A constraint is a callable ``c(w) -> w'``; the model
writes the result back into the weight in place.
"""

from __future__ import annotations

import numpy as np

from .backend import EPSILON
from .errors import ConfigError
from .resolver import Resolver


class Constraint:
    """Base class: ``constraint(w) -> projected w``."""

    name = ""

    def __call__(self, w):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_config(self):
        return dict(vars(self))

    def __repr__(self):
        return f"{type(self).__name__}({self.get_config()})"


class MaxNorm(Constraint):
    """Caps the L2 norm of each unit's incoming weight vector at ``max_value`` (Keras default 2)."""

    name = "max_norm"

    def __init__(self, max_value=2, axis=0):
        if not max_value > 0:
            raise ConfigError(f"max_norm max_value must be positive, received {max_value!r}")
        self.max_value = max_value
        self.axis = axis

    def __call__(self, w):
        norms = np.sqrt(np.add.reduce(w * w, axis=self.axis, keepdims=True))
        desired = np.clip(norms, 0, self.max_value)
        return w * (desired / (EPSILON + norms))


class NonNeg(Constraint):
    """Sets negative weights to zero."""

    name = "non_neg"

    def __call__(self, w):
        return w * (w >= 0)

    def get_config(self):
        return {}


class UnitNorm(Constraint):
    """Scales each unit's incoming weight vector to L2 norm 1 (Keras default axis 0)."""

    name = "unit_norm"

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        return w / (EPSILON + np.sqrt(np.add.reduce(w * w, axis=self.axis, keepdims=True)))


max_norm = MaxNorm
non_neg = NonNeg
unit_norm = UnitNorm

#: canonical name -> (class, summary, formula)
CONSTRAINTS = {
    "max_norm": (MaxNorm, "Limits the length of each unit's weight vector.", "w ← w·min(‖w‖, m)/‖w‖"),
    "non_neg": (NonNeg, "Keeps weights non-negative.", "w ← max(w, 0)"),
    "unit_norm": (UnitNorm, "Keeps each unit's weight vector at length 1.", "w ← w/‖w‖"),
}
_CLASSES = {"MaxNorm": MaxNorm, "NonNeg": NonNeg, "UnitNorm": UnitNorm}


_resolver = Resolver("constraint", Constraint, CONSTRAINTS, _CLASSES)
#: resolve None / a name / a class / an instance / a Keras dict into a Constraint
get = _resolver.get
serialize = _resolver.serialize
deserialize = _resolver.deserialize
