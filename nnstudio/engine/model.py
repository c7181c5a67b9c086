"""The :class:`Sequential` model: construction, weights, inference and introspection.

Training (``compile``/``fit``/``evaluate``/``train_on_batch``) lives in
:mod:`nnstudio.engine.training`; config and summary in
:mod:`nnstudio.engine.serialization`.  A model owns one generator
(``np.random.default_rng(seed)``) that drives weight init, shuffling and
dropout, so the same seed gives the same run.
"""

from __future__ import annotations

import numpy as np

from . import backend
from .errors import ConfigError, EngineTypeError, NonFiniteError, NotCompiledError, ShapeError
from .introspection import LayerTrace
from .layers import Dense, Input, Layer
from .serialization import SerializationMixin
from .training import TrainingMixin, check_batch_size


class Sequential(TrainingMixin, SerializationMixin):
    """A linear stack of layers (Keras' ``Sequential``).

    ``Sequential([Dense(64, activation='sigmoid', input_dim=32), Dense(5, activation='softmax')],
    seed=0, dtype='float64')``.  ``seed=None`` draws a seed from the global
    generator (see :func:`nnstudio.engine.set_seed`); ``dtype=None`` uses
    :func:`nnstudio.engine.floatx`.
    """

    def __init__(self, layers=None, name=None, seed=None, dtype=None):
        self.name = name or "sequential"
        self.dtype = backend.resolve_dtype(dtype)
        self.seed = backend.draw_seed() if seed is None else seed
        self.rng = np.random.default_rng(self.seed)
        self.layers = []
        self._input_dim = None
        self._built = False
        self.optimizer = None
        self.loss = None
        self.compiled_metrics = []
        self.history = None
        self.stop_training = False
        self.stop_reason = None
        self.diverged_at = None
        self.iterations = 0
        self.capture_step = False
        self.last_step = None
        self._params = []
        for layer in layers or []:
            self.add(layer)

    # -- construction -------------------------------------------------------------
    def add(self, layer):
        """Append a layer (or an :class:`Input` as the first element)."""
        if isinstance(layer, Input):
            if self.layers or self._input_dim is not None:
                raise ConfigError("Input(...) must be the first element of a Sequential model")
            self._input_dim = layer.shape[0]
            return
        if not isinstance(layer, Layer):
            raise EngineTypeError(f"Sequential accepts layers only, received {layer!r} of type {type(layer).__name__}")
        declared = getattr(layer, "declared_input_dim", None)
        if declared is not None:
            if self.layers:
                raise ConfigError(f"only the first layer may set input_dim; layer {len(self.layers)} received input_dim={declared}")
            if self._input_dim is not None and self._input_dim != declared:
                raise ShapeError(f"Input declares {self._input_dim} features but the first layer declares input_dim={declared}")
            self._input_dim = declared
        if layer.name is None:
            layer.name = self._unique_name(layer.kind.lower())
        self.layers.append(layer)
        self._built = False
        self._compiled_for = None
        if self._input_dim is not None:
            self.build(self._input_dim)

    def _unique_name(self, base):
        taken = {l.name for l in self.layers}
        if base not in taken:
            return base
        i = 1
        while f"{base}_{i}" in taken:
            i += 1
        return f"{base}_{i}"

    def build(self, input_dim):
        """Create every layer's weights for ``input_dim`` input features."""
        self._input_dim = int(input_dim)
        dim = self._input_dim
        for layer in self.layers:
            if not layer.built or layer.input_dim != dim:
                layer.build(dim, self.rng, self.dtype)
            dim = layer.units
        self._params = [w for l in self.layers for w in l.weights]
        self._grads = [g for l in self.layers for g in l.grads]
        self._regs = [(w, g, r) for l in self.layers
                      for w, g, r in zip(l.weights, l.grads, l.regularizers) if r is not None]
        self._cons = [(w, c) for l in self.layers for w, c in zip(l.weights, l.constraints) if c is not None]
        self._built = bool(self.layers)
        self._bound_n = None

    @property
    def built(self):
        return self._built

    @property
    def input_dim(self):
        """Number of input features (None until known)."""
        return self._input_dim

    @property
    def output_dim(self):
        """Number of output units of the last layer (None until built)."""
        return self.layers[-1].units if self._built else None

    def _require_built(self, x=None):
        if not self.layers:
            raise ConfigError("the model has no layers; add a layer such as Dense(1) first")
        if not self._built:
            if self._input_dim is None and x is not None:
                self.build(np.shape(x)[1] if np.ndim(x) == 2 else 1)
            elif self._input_dim is not None:
                self.build(self._input_dim)
            else:
                raise ShapeError("the model does not know its input size yet: give input_dim= to the first layer "
                                 "or call it on data first")

    # -- weights ----------------------------------------------------------------------
    def get_weights(self):
        """Copies of every weight in Keras order ``[W1, b1, W2, b2, ...]``."""
        self._require_built()
        return [w.copy() for w in self._params]

    def set_weights(self, weights):
        """Overwrite every weight (Keras order); shapes must match exactly."""
        self._require_built()
        weights = list(weights)
        if len(weights) != len(self._params):
            raise ShapeError(f"set_weights expects {len(self._params)} arrays, received {len(weights)}")
        for i, (w, new) in enumerate(zip(self._params, weights)):
            new = np.asarray(new)
            if new.shape != w.shape:
                raise ShapeError(f"set_weights: weight {i} must have shape {w.shape}, received shape {new.shape}")
            np.copyto(w, new)

    @property
    def weights(self):
        """The live weight arrays (not copies) in Keras order."""
        return list(self._params)

    def count_params(self):
        """Total number of weights and biases."""
        self._require_built()
        return int(sum(w.size for w in self._params))

    def reset_weights(self, seed=None):
        """Re-initialize every weight and the optimizer state.

        With ``seed`` the model's generator is re-seeded first (same seed, same
        weights as a fresh ``Sequential(..., seed=seed)``); without it new
        weights are drawn from the model's current generator stream.
        """
        self._require_built()
        if seed is not None:
            self.seed = seed
            self.rng = np.random.default_rng(seed)
        for layer in self.layers:
            if isinstance(layer, Dense):
                np.copyto(layer.kernel, layer.kernel_initializer(layer.kernel.shape, self.dtype, self.rng))
                if layer.use_bias:
                    np.copyto(layer.bias, layer.bias_initializer(layer.bias.shape, self.dtype, self.rng))
            elif layer.kind == "Dropout" and layer.seed is None:
                layer.rng = self.rng
        if self.optimizer is not None:
            self.optimizer.build(self._params)
        self.iterations = 0
        self.stop_reason = None
        self.diverged_at = None
        self.last_step = None

    # -- input checks -------------------------------------------------------------------
    def _check_x(self, x, what="x"):
        """Validate ``x`` and return it as a contiguous 2-D array of the model dtype."""
        try:
            arr = np.asarray(x)
        except (ValueError, TypeError) as exc:
            raise ShapeError(f"{what} must be a rectangular array of numbers: {exc}") from None
        if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
            raise EngineTypeError(f"{what} must contain numbers, received dtype {arr.dtype}")
        if arr.ndim == 1 and (self._input_dim == 1 or (self._input_dim is None and not self.layers)):
            arr = arr.reshape(-1, 1)
        self._require_built(arr)
        first = self.layers[0]
        if arr.ndim != 2 or arr.shape[1] != self._input_dim:
            raise ShapeError(f"{first.kind} expects {self._input_dim} input features, "
                             f"received {what} with shape {arr.shape}")
        arr = np.ascontiguousarray(arr, dtype=self.dtype)
        if not np.isfinite(arr).all():
            bad = np.argwhere(~np.isfinite(arr))[0]
            raise NonFiniteError(f"{what} contains NaN or infinity: received {arr[bad[0], bad[1]]} "
                                 f"at row {bad[0]}, column {bad[1]}")
        return arr

    # -- inference ---------------------------------------------------------------------
    def _infer(self, x):
        for layer in self.layers:
            x = _infer_layer(layer, x)[1]
        return x

    def predict(self, x, batch_size=32, verbose=0):
        """Outputs for ``x`` computed in batches of ``batch_size`` (inference mode)."""
        x = self._check_x(x)
        batch_size = check_batch_size(batch_size)
        n = len(x)
        out = np.empty((n, self.output_dim), self.dtype)
        with np.errstate(over="ignore", under="ignore"):
            for s in range(0, n, batch_size):
                out[s:s + batch_size] = self._infer(x[s:s + batch_size])
        return out

    def __call__(self, x, training=False):
        """Outputs for ``x`` in one batch (like calling a Keras model)."""
        if training:
            raise ConfigError("calling the model with training=True is not supported; use fit() or trace()")
        x = self._check_x(x)
        with np.errstate(over="ignore", under="ignore"):
            return np.array(self._infer(x))

    def trace(self, x):
        """Every layer's pre-activation and output for ``x`` (inference mode).

        Returns a list of :class:`LayerTrace` (one per layer in ``model.layers``).
        """
        x = self._check_x(x)
        out = []
        with np.errstate(over="ignore", under="ignore"):
            for layer in self.layers:
                z, a = _infer_layer(layer, x)
                out.append(LayerTrace(layer.name, layer.kind, np.array(z), np.array(a)))
                x = a
        return out

    # -- gradients -----------------------------------------------------------------------
    def compute_gradients(self, x, y, training=True):
        """Return ``(loss, grads)`` for one batch made of all of ``x``; nothing is applied.

        ``loss`` includes regularization and ``grads`` (fresh arrays, aligned
        with :meth:`get_weights`) include the regularization gradient.  With
        ``training=True`` dropout is active (using the model's generator or a
        layer's ``fixed_mask``).
        """
        if self.loss is None:
            raise NotCompiledError("call model.compile(...) before compute_gradients()")
        x = self._check_x(x)
        y = self._check_y(y, len(x))
        self._setup_training()
        with np.errstate(all="ignore"):
            loss = self._forward_backward(x, y, len(x), None, training)
        return loss, [g.copy() for g in self._grads]

    def preview_update(self, grads):
        """The deltas the optimizer would add to each weight for ``grads``.

        Includes weight decay and constraints; the weights and the optimizer
        state are left untouched.
        """
        if self.optimizer is None:
            raise NotCompiledError("call model.compile(...) before preview_update()")
        grads = list(grads)
        if len(grads) != len(self._params) or any(np.shape(g) != w.shape for g, w in zip(grads, self._params)):
            raise ShapeError(f"preview_update expects gradients shaped like get_weights(): "
                             f"{[w.shape for w in self._params]}, received {[np.shape(g) for g in grads]}")
        state = self.optimizer.get_state()
        try:
            trial = [w.copy() for w in self._params]
            self.optimizer.apply(trial, [np.array(g, dtype=self.dtype) for g in grads])
            index = {id(w): i for i, w in enumerate(self._params)}
            for w, c in self._cons:
                i = index[id(w)]
                trial[i] = c(trial[i])
            return [t - w for t, w in zip(trial, self._params)]
        finally:
            self.optimizer.set_state(state)


def _infer_layer(layer, x):
    """Allocating inference pass of one layer -> (z, a)."""
    if isinstance(layer, Dense):
        z = x @ layer.kernel
        if layer.use_bias:
            z += layer.bias
        return z, layer.activation(z)
    if layer.kind == "Activation":
        return x, layer.activation(x)
    return x, x

