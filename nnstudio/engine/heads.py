"""Training heads: the batch loss and the start of backpropagation.

A head pairs the model's output activation with its loss.  When the output
is softmax with (sparse) categorical cross-entropy, or sigmoid with binary
cross-entropy, the head is *fused*: it hands the output layer dL/dz directly,

    softmax + CE:   ∂L/∂z = (p − y) / n
    sigmoid + BCE:  ∂L/∂z = (p − y) / (n·k)   (y smoothed first with label_smoothing)

which never overflows (even for logits of ±1000) and is cheaper.  The loss
value still follows Keras exactly (probabilities clipped to [ε, 1 − ε]); the
fused gradient ignores that clip, as Keras' backends effectively do while
probabilities are not saturated (for saturated outputs the clipped loss is
flat, the fused gradient still points the right way).  The softmax + CE form
assumes target rows sum to 1 (one-hot or a distribution).

Every other pair uses :class:`GenericHead`: dL/da from the loss object, then
the output activation's backward pass.

``grad(a, y, scale)`` multiplies the gradient by ``scale``: plain SGD folds
its learning rate in here so the update is a single subtraction per weight.
"""

from __future__ import annotations

import numpy as np

from . import activations as _act
from . import losses as _losses
from .backend import EPSILON


class GenericHead:
    """Any activation/loss pair: dL/da = loss.grad(y, a) (allocates)."""

    fused = False

    def __init__(self, loss, k, dtype):
        self.loss_obj = loss
        self.k = k
        self.dtype = dtype

    def loss(self, a, y):
        return float(np.add.reduce(self.loss_obj.per_sample(y, a), axis=None)) / len(a)

    def grad(self, a, y, scale=1.0):
        g = np.asarray(self.loss_obj.grad(y, a), dtype=self.dtype)
        if scale != 1.0:
            g *= scale
        return g


class SparseSoftmaxHead:
    """softmax output + sparse categorical cross-entropy (labels as int64 vector)."""

    fused = True

    def __init__(self, loss, k, dtype):
        self.k = k
        self._rowoff = {}
        self._hi = 1.0 - EPSILON

    def loss(self, a, y):
        n = len(a)
        off = self._rowoff.get(n)
        if off is None:
            off = self._rowoff[n] = np.arange(n, dtype=np.int64) * self.k
        idx = self._idx = off + y
        pv = a.reshape(-1).take(idx)
        np.clip(pv, EPSILON, self._hi, out=pv)
        np.log(pv, out=pv)
        return -float(np.add.reduce(pv)) / n

    def grad(self, a, y, scale=1.0):
        af = a.reshape(-1)
        af[self._idx] -= 1.0
        return np.multiply(a, scale / len(a), out=a)


class SoftmaxCEHead:
    """softmax output + categorical cross-entropy (one-hot / distribution targets)."""

    fused = True

    def __init__(self, loss, k, dtype):
        self.k = k

    def loss(self, a, y):
        p = np.clip(a, EPSILON, 1.0 - EPSILON)
        np.log(p, out=p)
        p *= y
        return -float(np.add.reduce(p, axis=None)) / len(a)

    def grad(self, a, y, scale=1.0):
        np.subtract(a, y, out=a)
        return np.multiply(a, scale / len(a), out=a)


class SigmoidBCEHead:
    """sigmoid output + binary cross-entropy."""

    fused = True

    def __init__(self, loss, k, dtype):
        self.k = k
        self._hi = 1.0 - EPSILON
        self._smooth = loss.smooth if loss.label_smoothing else None
        #: set by the model when every target is exactly 0 or 1 (cheaper loss formula).
        self.hard_labels = False

    def loss(self, a, y):
        p = np.clip(a, EPSILON, self._hi)
        if self._smooth is not None:
            y = self._smooth(y)
        elif self.hard_labels:
            # y ∈ {0,1}:  y·ln p + (1−y)·ln(1−p) = ln |1 − p − y|
            np.subtract(1.0, p, out=p)
            np.subtract(p, y, out=p)
            np.abs(p, out=p)
            np.log(p, out=p)
            return -float(np.add.reduce(p, axis=None)) / p.size
        q = 1.0 - p
        np.log(q, out=q)
        q *= 1.0 - y
        np.log(p, out=p)
        p *= y
        p += q
        return -float(np.add.reduce(p, axis=None)) / p.size

    def grad(self, a, y, scale=1.0):
        np.subtract(a, y if self._smooth is None else self._smooth(y), out=a)
        return np.multiply(a, scale / a.size, out=a)


def make_head(loss, output_activation, k, dtype):
    """Pick the fastest exact head for ``loss`` after ``output_activation``."""
    if not loss.from_logits:
        if output_activation is _act.softmax:
            if isinstance(loss, _losses.SparseCategoricalCrossentropy):
                return SparseSoftmaxHead(loss, k, dtype)
            if type(loss) is _losses.CategoricalCrossentropy:
                return SoftmaxCEHead(loss, k, dtype)
        if output_activation is _act.sigmoid and isinstance(loss, _losses.BinaryCrossentropy):
            return SigmoidBCEHead(loss, k, dtype)
    return GenericHead(loss, k, dtype)
