"""Weight regularizers (Keras 3 names and defaults).

A regularizer adds a penalty R(w) to the training loss (and to the reported
loss, as Keras does) and its gradient ∂R/∂w to the weight's gradient.

* ``L1(l1=0.01)``:           R = l1·Σ|w|,            ∂R/∂w = l1·sign(w)
* ``L2(l2=0.01)``:           R = l2·Σw²,             ∂R/∂w = 2·l2·w
* ``L1L2(l1=0.0, l2=0.0)``:  R = l1·Σ|w| + l2·Σw²
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError
from .resolver import Resolver


class Regularizer:
    """Base class: ``penalty(w) -> float`` and ``grad(w) -> ndarray``."""

    name = ""

    def __call__(self, w):
        return self.penalty(w)

    def get_config(self):
        return dict(vars(self))

    def __repr__(self):
        return f"{type(self).__name__}({self.get_config()})"


def _check(v, what):
    v = float(v)
    if not np.isfinite(v) or v < 0:
        raise ConfigError(f"{what} must be a non-negative number, received {v!r}")
    return v


class L1L2(Regularizer):
    """R(w) = l1·Σ|w| + l2·Σw²;  ∂R/∂w = l1·sign(w) + 2·l2·w.  Keras defaults l1 = l2 = 0."""

    name = "l1_l2"

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _check(l1, "l1")
        self.l2 = _check(l2, "l2")

    def penalty(self, w):
        r = 0.0
        if self.l1:
            r += self.l1 * float(np.add.reduce(np.abs(w), axis=None))
        if self.l2:
            r += self.l2 * float(np.add.reduce(w * w, axis=None))
        return r

    def grad(self, w):
        g = np.zeros_like(w)
        if self.l1:
            g += self.l1 * np.sign(w)
        if self.l2:
            g += (2.0 * self.l2) * w
        return g

    def add_grad(self, w, g, scale=1.0):
        """Add ``scale``·∂R/∂w to ``g`` in place (training hot path)."""
        if self.l1:
            g += (scale * self.l1) * np.sign(w)
        if self.l2:
            g += (2.0 * self.l2 * scale) * w
        return g


class L1(L1L2):
    """R(w) = l1·Σ|w|;  ∂R/∂w = l1·sign(w) (0 at w = 0).  Keras default l1 = 0.01."""

    name = "l1"

    def __init__(self, l1=0.01):
        super().__init__(l1=l1, l2=0.0)

    def get_config(self):
        return {"l1": self.l1}


class L2(L1L2):
    """R(w) = l2·Σw²;  ∂R/∂w = 2·l2·w.  Keras default l2 = 0.01."""

    name = "l2"

    def __init__(self, l2=0.01):
        super().__init__(l1=0.0, l2=l2)

    def get_config(self):
        return {"l2": self.l2}


l1 = L1
l2 = L2
l1_l2 = L1L2

#: canonical name -> (class, summary, formula)
REGULARIZERS = {
    "l1": (L1, "Pushes weights to exactly zero (sparse weights).", "R = λ₁·Σ|w|"),
    "l2": (L2, "Keeps weights small (weight decay through the loss).", "R = λ₂·Σw²"),
    "l1_l2": (L1L2, "Both L1 and L2 penalties.", "R = λ₁·Σ|w| + λ₂·Σw²"),
}
_CLASSES = {"L1": L1, "L2": L2, "L1L2": L1L2}


_resolver = Resolver("regularizer", Regularizer, REGULARIZERS, _CLASSES)
#: resolve None / a name / a class / an instance / a Keras dict into a Regularizer
get = _resolver.get
serialize = _resolver.serialize
deserialize = _resolver.deserialize
