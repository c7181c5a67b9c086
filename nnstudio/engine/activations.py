"""Activation functions: the single table every list in nnstudio reads.

Each activation is one class decorated with :func:`register`; the decorator
replaces the class by a callable instance under the same (Keras) name, so
``activations.relu(x)`` works like ``keras.activations.relu(x)`` and
``Dense(4, activation=activations.relu)`` works too.  The registry
(:mod:`nnstudio.engine.registry`) is built from :data:`ACTIVATIONS`, so adding
an activation here is the only step needed for it to appear everywhere.

Each instance provides:

* ``__call__(x)`` – the function, returning a new array;
* ``forward(z, out)`` – writes f(z) into ``out`` (the training hot path; the
  caller sets ``np.errstate`` once, so saturating exponentials stay silent);
* ``backward(z, a, g, tmp)`` – multiplies the upstream gradient ``g`` (dL/da)
  in place by the derivative and returns it (dL/dz); ``tmp`` is a scratch
  buffer shaped like ``g``;
* ``derivative(x)`` – f'(x) element-wise (for plots; the Jacobian-vector form
  is used for softmax);
* ``formula``, ``derivative_text``, ``summary``, ``aliases`` for the UI.
"""

from __future__ import annotations

import numpy as np

from .errors import EngineTypeError, unknown_name

#: name -> activation instance, in display order.
ACTIVATIONS: dict = {}
_ALIASES: dict = {}


class ActivationFunction:
    """Base class of activations (see module docstring for the protocol)."""

    name = ""
    summary = ""
    formula = ""
    derivative_text = ""
    aliases: tuple = ()
    #: True when the backward pass reads the pre-activation ``z`` (else only ``a``).
    needs_z = False
    #: False only for step: its gradient is zero everywhere (nothing learns through it).
    differentiable = True

    def __call__(self, x):
        x = np.asarray(x)
        if not np.issubdtype(x.dtype, np.floating):
            x = x.astype(np.float64)
        with np.errstate(over="ignore", under="ignore"):
            return self.forward(x, np.empty_like(x))

    def forward(self, z, out):  # pragma: no cover - abstract
        raise NotImplementedError

    def backward(self, z, a, g, tmp):  # pragma: no cover - abstract
        raise NotImplementedError

    def derivative(self, x):
        """Return f'(x) element-wise (for softmax: the diagonal of the Jacobian)."""
        x = np.asarray(x, dtype=np.float64)
        a = self(x)
        return self.backward(x, a, np.ones_like(x), np.empty_like(x))

    def get_config(self):
        return self.name

    def __repr__(self):
        return f"<activation {self.name}>"


def register(cls):
    """Class decorator: instantiate ``cls`` and add it to :data:`ACTIVATIONS`."""
    inst = cls()
    inst.name = cls.__name__
    inst.__doc__ = cls.__doc__
    ACTIVATIONS[inst.name] = inst
    for alias in inst.aliases:
        _ALIASES[alias] = inst.name
    return inst


@register
class linear(ActivationFunction):
    """Identity: f(z) = z.  Derivative: f'(z) = 1."""

    summary = "Passes the weighted sum through unchanged (regression outputs)."
    formula = "f(z) = z"
    derivative_text = "f′(z) = 1"
    aliases = ("identity", "none")

    def forward(self, z, out):
        if out is not z:
            np.copyto(out, z)
        return out

    def backward(self, z, a, g, tmp):
        return g


@register
class sigmoid(ActivationFunction):
    """Logistic sigmoid: σ(z) = 1 / (1 + e^(−z)).  Derivative: σ′(z) = σ(z)(1 − σ(z))."""

    summary = "Squashes any number into (0, 1); the classic neuron and binary output."
    formula = "σ(z) = 1 / (1 + e^(−z))"
    derivative_text = "σ′(z) = σ(z)·(1 − σ(z))"
    aliases = ("logistic",)

    def forward(self, z, out):
        # σ(z) = ½·tanh(z/2) + ½: the same function, never overflows, and np.tanh
        # is one fast pass where exp/add/divide take three (≈1.8× faster on 32×256).
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        np.multiply(out, 0.5, out=out)
        return np.add(out, 0.5, out=out)

    def backward(self, z, a, g, tmp):
        np.multiply(a, a, out=tmp)
        np.subtract(a, tmp, out=tmp)  # σ − σ² = σ(1 − σ)
        return np.multiply(g, tmp, out=g)


@register
class tanh(ActivationFunction):
    """Hyperbolic tangent: tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)).  Derivative: 1 − tanh²(z)."""

    summary = "Squashes into (−1, 1), centred on zero."
    formula = "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))"
    derivative_text = "tanh′(z) = 1 − tanh²(z)"

    def forward(self, z, out):
        return np.tanh(z, out=out)

    def backward(self, z, a, g, tmp):
        np.multiply(a, a, out=tmp)
        np.subtract(1.0, tmp, out=tmp)
        return np.multiply(g, tmp, out=g)


@register
class relu(ActivationFunction):
    """Rectified linear unit: f(z) = max(0, z).  Derivative: 1 if z > 0 else 0."""

    summary = "Keeps positive values, zeroes negatives; the default for hidden layers."
    formula = "f(z) = max(0, z)"
    derivative_text = "f′(z) = 1 if z > 0, else 0"
    needs_z = True

    def forward(self, z, out):
        return np.maximum(z, 0.0, out=out)

    def backward(self, z, a, g, tmp):
        np.greater(z, 0.0, out=tmp)
        return np.multiply(g, tmp, out=g)


@register
class leaky_relu(ActivationFunction):
    """Leaky ReLU (Keras 3 slope 0.2): f(z) = z if z > 0 else 0.2·z.  Derivative: 1 if z > 0 else 0.2."""

    summary = "Like ReLU but lets a small slope (0.2) through for negatives."
    formula = "f(z) = z if z > 0, else 0.2·z"
    derivative_text = "f′(z) = 1 if z > 0, else 0.2"
    needs_z = True
    negative_slope = 0.2

    def forward(self, z, out):
        np.multiply(z, self.negative_slope, out=out)
        return np.maximum(z, out, out=out)

    def backward(self, z, a, g, tmp):
        np.greater(z, 0.0, out=tmp)
        np.multiply(tmp, 1.0 - self.negative_slope, out=tmp)
        np.add(tmp, self.negative_slope, out=tmp)
        return np.multiply(g, tmp, out=g)


@register
class elu(ActivationFunction):
    """Exponential linear unit (α = 1): f(z) = z if z > 0 else e^z − 1.  Derivative: 1 if z > 0 else e^z."""

    summary = "Smooth ReLU variant that goes down to −1 for negatives."
    formula = "f(z) = z if z > 0, else e^z − 1"
    derivative_text = "f′(z) = 1 if z > 0, else e^z"
    needs_z = True

    def forward(self, z, out):
        pos = z > 0
        np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        np.copyto(out, z, where=pos)
        return out

    def backward(self, z, a, g, tmp):
        np.add(a, 1.0, out=tmp)              # e^z on the negative side
        np.copyto(tmp, 1.0, where=z > 0)
        return np.multiply(g, tmp, out=g)


@register
class softplus(ActivationFunction):
    """Softplus: f(z) = ln(1 + e^z).  Derivative: σ(z) = 1 / (1 + e^(−z))."""

    summary = "A smooth version of ReLU; always positive."
    formula = "f(z) = ln(1 + e^z)"
    derivative_text = "f′(z) = σ(z) = 1 / (1 + e^(−z))"
    needs_z = True

    def forward(self, z, out):
        return np.logaddexp(0.0, z, out=out)

    def backward(self, z, a, g, tmp):
        sigmoid.forward(z, tmp)
        return np.multiply(g, tmp, out=g)


@register
class softmax(ActivationFunction):
    """Softmax over the last axis: pᵢ = e^(zᵢ) / Σⱼ e^(zⱼ).

    Derivative (Jacobian): ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ); the backward pass computes
    dL/dz = p ⊙ (g − Σⱼ gⱼpⱼ).  Computed stably by subtracting the row maximum.
    """

    summary = "Turns a layer's outputs into probabilities that sum to 1 (multi-class output)."
    formula = "pᵢ = e^(zᵢ) / Σⱼ e^(zⱼ)"
    derivative_text = "∂pᵢ/∂zⱼ = pᵢ·(δᵢⱼ − pⱼ)"

    def forward(self, z, out):
        m = np.maximum.reduce(z, axis=-1, keepdims=True)
        np.subtract(z, m, out=out)
        np.exp(out, out=out)
        s = np.add.reduce(out, axis=-1, keepdims=True)
        return np.divide(out, s, out=out)

    def backward(self, z, a, g, tmp):
        np.multiply(g, a, out=tmp)
        s = np.add.reduce(tmp, axis=-1, keepdims=True)
        np.subtract(g, s, out=g)
        return np.multiply(g, a, out=g)


@register
class step(ActivationFunction):
    """Heaviside step (Rosenblatt's perceptron): f(z) = 1 if z > 0 else 0.

    Derivative: 0 everywhere (undefined at 0), so gradient descent cannot
    learn through it; training runs but the weights before it do not move.
    """

    summary = "Fires 1 when the weighted sum is positive, else 0 (the perceptron)."
    formula = "f(z) = 1 if z > 0, else 0"
    derivative_text = "f′(z) = 0 (undefined at z = 0): gradient descent cannot learn through it"
    aliases = ("heaviside",)
    differentiable = False

    def forward(self, z, out):
        return np.greater(z, 0.0, out=out)

    def backward(self, z, a, g, tmp):
        g.fill(0.0)
        return g


def names() -> list:
    """Canonical activation names in display order."""
    return list(ACTIVATIONS)


def get(identifier):
    """Resolve ``identifier`` (name, alias, ``None`` or activation instance) to an activation."""
    if identifier is None:
        return linear
    if isinstance(identifier, ActivationFunction):
        return identifier
    if isinstance(identifier, str):
        key = identifier.lower()
        key = _ALIASES.get(key, key)
        if key in ACTIVATIONS:
            return ACTIVATIONS[key]
        raise unknown_name("activation", identifier, ACTIVATIONS)
    raise EngineTypeError(
        f"activation must be a name or an nnstudio activation, received {identifier!r} "
        f"of type {type(identifier).__name__}; valid names are: {', '.join(ACTIVATIONS)}"
    )


def serialize(activation) -> str:
    """Return the Keras name of ``activation``."""
    return get(activation).name
