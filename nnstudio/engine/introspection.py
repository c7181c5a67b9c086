"""Records returned by the model's introspection API (see docs/CONTRACTS.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class LayerTrace:
    """One layer's values for a batch in inference mode.

    ``z`` is the pre-activation (x·W + b for Dense; the input for other
    layers) and ``a`` the layer's output.  Both are fresh arrays.
    """

    name: str
    kind: str
    z: np.ndarray
    a: np.ndarray


@dataclass
class StepDetails:
    """Copies describing one training batch (``model.capture_step = True``).

    ``grads`` are aligned with ``model.get_weights()`` (regularization
    included) and ``updates`` are what was added to each weight (optimizer
    step plus constraint projection).
    """

    epoch: int
    batch: int
    batch_indices: np.ndarray
    loss: float
    grads: list = field(default_factory=list)
    updates: list = field(default_factory=list)
