"""Layers: :class:`Input`, :class:`Dense`, :class:`Dropout`, :class:`Activation`.

Keras names, defaults and layouts: a Dense kernel is ``(in, out)`` and its
bias ``(out,)``.  Besides the plain ``__call__(x, training=False)`` each layer
has the training hot path used by the model:

* ``bind(n)`` selects preallocated buffers for batch size ``n`` (cached);
* ``fwd(x, training)`` writes the output into a buffer and returns it;
* ``bwd(g, need_dx)`` takes dL/d(output) (may overwrite it), fills the
  gradient buffers ``grads`` (aligned with ``weights``) and returns dL/dx
  unless ``need_dx`` is false (the first layer skips it).

Buffers are reused across batches: copy anything you keep.
"""

from __future__ import annotations

import numpy as np

from . import activations as _act
from . import constraints as _con
from . import initializers as _init
from . import regularizers as _reg
from .errors import ConfigError, ShapeError


class Layer:
    """Base class of layers."""

    kind = "Layer"
    trainable = True

    def __init__(self, name=None):
        self.name = name
        self.input_dim = None
        self.units = None
        self.weights = []
        self.grads = []
        self._cache = {}
        self._n = None
        self.dtype = np.dtype("float32")
        self.fused_output = False  # set by the model: bwd receives dL/dz directly

    @property
    def built(self):
        return self.input_dim is not None

    def build(self, input_dim, rng, dtype):
        """Create weights for ``input_dim`` input features."""
        self.input_dim = int(input_dim)
        self.dtype = np.dtype(dtype)
        self.units = self.output_dim(self.input_dim)
        self._cache = {}
        self._n = None

    def output_dim(self, input_dim):
        return input_dim

    def count_params(self):
        return int(sum(w.size for w in self.weights))

    # -- training hot path ----------------------------------------------------
    def bind(self, n):
        if n != self._n:
            bufs = self._cache.get(n)
            if bufs is None:
                bufs = self._cache[n] = self._make_buffers(n)
            self._set_buffers(bufs)
            self._n = n

    def _make_buffers(self, n):
        return ()

    def _set_buffers(self, bufs):
        pass

    def release_buffers(self):
        """Drop cached batch buffers (e.g. after a large predict)."""
        self._cache = {}
        self._n = None

    # -- convenience ------------------------------------------------------------
    def __call__(self, x, training=False):
        """Apply the layer to a 2-D array and return a new array."""
        x = np.ascontiguousarray(x, dtype=self.dtype)
        self.bind(len(x))
        return np.array(self.fwd(x, training))

    def get_config(self):
        return {"name": self.name, "trainable": self.trainable, "dtype": self.dtype.name}

    def __repr__(self):
        return f"<{self.kind} {self.name!r}>"


class Input:
    """Declares the input shape of a Sequential model: ``Input(shape=(32,))``."""

    kind = "Input"

    def __init__(self, shape=None, name=None, batch_size=None, dtype=None):
        if isinstance(shape, (int, np.integer)):
            shape = (int(shape),)
        if shape is None or len(tuple(shape)) != 1 or int(tuple(shape)[0]) <= 0:
            raise ShapeError(f"Input shape must be a 1-tuple like (32,) of positive size, received {shape!r}")
        self.shape = (int(tuple(shape)[0]),)
        self.name = name
        self.batch_size = batch_size

    def get_config(self):
        return {"batch_shape": [self.batch_size, self.shape[0]], "name": self.name or "input_layer"}


def _input_dim_from(input_dim, input_shape):
    if input_dim is not None and input_shape is not None:
        raise ConfigError(f"give input_dim or input_shape, not both (received {input_dim!r} and {input_shape!r})")
    if input_shape is not None:
        if isinstance(input_shape, (int, np.integer)):
            input_shape = (input_shape,)
        if len(tuple(input_shape)) != 1:
            raise ShapeError(f"input_shape must be a 1-tuple like (32,), received {input_shape!r}")
        input_dim = tuple(input_shape)[0]
    if input_dim is not None:
        if int(input_dim) != input_dim or int(input_dim) <= 0:
            raise ShapeError(f"input_dim must be a positive integer, received {input_dim!r}")
        return int(input_dim)
    return None


class Dense(Layer):
    """Fully connected layer: a = f(x·W + b), kernel ``W`` (in, out), bias ``b`` (out,)."""

    kind = "Dense"

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, input_dim=None, input_shape=None, name=None):
        super().__init__(name)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
            raise ConfigError(f"Dense units must be a positive integer, received {units!r}")
        self.n_units = int(units)
        self.activation = _act.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = _init.get(kernel_initializer)
        self.bias_initializer = _init.get(bias_initializer)
        self.kernel_regularizer = _reg.get(kernel_regularizer)
        self.bias_regularizer = _reg.get(bias_regularizer)
        self.kernel_constraint = _con.get(kernel_constraint)
        self.bias_constraint = _con.get(bias_constraint)
        self.declared_input_dim = _input_dim_from(input_dim, input_shape)
        self.kernel = None
        self.bias = None

    def output_dim(self, input_dim):
        return self.n_units

    def build(self, input_dim, rng, dtype):
        super().build(input_dim, rng, dtype)
        self.kernel = np.ascontiguousarray(self.kernel_initializer((self.input_dim, self.n_units), self.dtype, rng))
        self.weights = [self.kernel]
        self.grads = [np.zeros_like(self.kernel)]
        if self.use_bias:
            self.bias = np.ascontiguousarray(self.bias_initializer((self.n_units,), self.dtype, rng))
            self.weights.append(self.bias)
            self.grads.append(np.zeros_like(self.bias))
        self.regularizers = [self.kernel_regularizer] + ([self.bias_regularizer] if self.use_bias else [])
        self.constraints = [self.kernel_constraint] + ([self.bias_constraint] if self.use_bias else [])

    def _make_buffers(self, n):
        z = np.empty((n, self.n_units), self.dtype)
        a = z if self.activation is _act.linear else np.empty_like(z)
        dx = np.empty((n, self.input_dim), self.dtype)
        return z, a, dx, np.empty_like(z), np.ones(n, self.dtype)

    def _set_buffers(self, bufs):
        self.z, self.a, self.dx, self.tmp, self.ones = bufs

    # np.dot is used rather than np.matmul: same BLAS call, less overhead on tiny
    # matrices; transposed views are passed to BLAS as flags, never copied.
    def fwd(self, x, training):
        self.x = x
        z = self.z
        np.dot(x, self.kernel, out=z)
        if self.use_bias:
            np.add(z, self.bias, out=z)
        return self.activation.forward(z, self.a)

    def bwd(self, g, need_dx):
        dz = g if self.fused_output else self.activation.backward(self.z, self.a, g, self.tmp)
        grads = self.grads
        np.dot(self.x.T, dz, out=grads[0])
        if self.use_bias:
            np.dot(self.ones, dz, out=grads[1])  # column sums (faster than add.reduce)
        if need_dx:
            return np.dot(dz, self.kernel.T, out=self.dx)
        return None

    def get_config(self):
        cfg = super().get_config()
        cfg.update({
            "units": self.n_units,
            "activation": self.activation.name,
            "use_bias": self.use_bias,
            "kernel_initializer": _init.serialize(self.kernel_initializer),
            "bias_initializer": _init.serialize(self.bias_initializer),
            "kernel_regularizer": _reg.serialize(self.kernel_regularizer),
            "bias_regularizer": _reg.serialize(self.bias_regularizer),
            "kernel_constraint": _con.serialize(self.kernel_constraint),
            "bias_constraint": _con.serialize(self.bias_constraint),
        })
        return cfg

    @classmethod
    def from_config(cls, cfg):
        cfg = dict(cfg)
        cfg.pop("trainable", None)
        cfg.pop("dtype", None)
        for key, mod in (("kernel_initializer", _init), ("bias_initializer", _init),
                         ("kernel_regularizer", _reg), ("bias_regularizer", _reg),
                         ("kernel_constraint", _con), ("bias_constraint", _con)):
            if key in cfg:
                cfg[key] = mod.deserialize(cfg[key])
        return cls(**cfg)


class Dropout(Layer):
    """Inverted dropout: in training each input is zeroed with probability ``rate`` and the
    survivors are scaled by 1/(1 − rate); at inference it passes inputs through unchanged.

    ``seed`` gives the layer its own generator; otherwise the model's generator
    is used.  ``fixed_mask`` (tests, demonstrations) forces a given 0/1 mask.
    """

    kind = "Dropout"

    def __init__(self, rate, seed=None, name=None):
        super().__init__(name)
        if not (isinstance(rate, (int, float, np.floating)) and 0.0 <= float(rate) < 1.0):
            raise ConfigError(f"Dropout rate must be in [0, 1), received {rate!r}")
        self.rate = float(rate)
        self.seed = seed
        self.rng = np.random.default_rng(seed) if seed is not None else None
        self.fixed_mask = None
        self.regularizers = []
        self.constraints = []

    def build(self, input_dim, rng, dtype):
        super().build(input_dim, rng, dtype)
        if self.rng is None or self.seed is None:
            self.rng = rng

    def _make_buffers(self, n):
        return np.empty((n, self.input_dim), self.dtype), np.empty((n, self.input_dim), self.dtype)

    def _set_buffers(self, bufs):
        self.mask, self.a = bufs

    def fwd(self, x, training):
        if not training or self.rate == 0.0:
            self._active = False
            return x
        self._active = True
        mask = self.mask
        if self.fixed_mask is not None:
            np.copyto(mask, np.asarray(self.fixed_mask, dtype=self.dtype))
        else:
            self.rng.random(out=mask, dtype=self.dtype)
            np.greater_equal(mask, self.rate, out=mask)
        np.multiply(mask, 1.0 / (1.0 - self.rate), out=mask)
        return np.multiply(x, mask, out=self.a)

    def bwd(self, g, need_dx):
        if self._active:
            np.multiply(g, self.mask, out=g)
        return g

    def get_config(self):
        cfg = super().get_config()
        cfg.update({"rate": self.rate, "seed": self.seed})
        return cfg

    @classmethod
    def from_config(cls, cfg):
        return cls(cfg["rate"], seed=cfg.get("seed"), name=cfg.get("name"))


class Activation(Layer):
    """Applies an activation function element-wise (softmax: over the row)."""

    kind = "Activation"

    def __init__(self, activation, name=None):
        super().__init__(name)
        self.activation = _act.get(activation)
        self.regularizers = []
        self.constraints = []

    def _make_buffers(self, n):
        a = np.empty((n, self.input_dim), self.dtype)
        return a, np.empty_like(a)

    def _set_buffers(self, bufs):
        self.a, self.tmp = bufs

    def fwd(self, x, training):
        self.x = x
        return self.activation.forward(x, self.a)

    def bwd(self, g, need_dx):
        if self.fused_output:
            return g
        return self.activation.backward(self.x, self.a, g, self.tmp)

    def get_config(self):
        cfg = super().get_config()
        cfg["activation"] = self.activation.name
        return cfg

    @classmethod
    def from_config(cls, cfg):
        return cls(cfg["activation"], name=cfg.get("name"))


#: layer type name -> (class, summary)
LAYERS = {
    "Input": (Input, "Declares how many features each sample has."),
    "Dense": (Dense, "Every input connects to every unit: a = f(x·W + b)."),
    "Dropout": (Dropout, "Randomly silences a share of inputs while training (regularization)."),
    "Activation": (Activation, "Applies an activation function on its own."),
}
