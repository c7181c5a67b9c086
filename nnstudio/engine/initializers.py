"""Weight initializers with Keras 3 names, defaults and formulas.

For a Dense kernel of shape ``(fan_in, fan_out)``:

========================  =====================================================
``zeros`` / ``ones``      constant 0 / 1
``random_normal``         N(0, 0.05²)
``random_uniform``        U(−0.05, 0.05)
``glorot_uniform``        U(−l, l), l = √(6 / (fan_in + fan_out))   (default)
``glorot_normal``         truncated N(0, s²), s = √(2 / (fan_in + fan_out)) / 0.8796…
``he_uniform``            U(−l, l), l = √(6 / fan_in)
``he_normal``             truncated N(0, s²), s = √(2 / fan_in) / 0.8796…
``lecun_uniform``         U(−l, l), l = √(3 / fan_in)
``lecun_normal``          truncated N(0, s²), s = √(1 / fan_in) / 0.8796…
========================  =====================================================

Truncated normals are cut at two standard deviations (resampling values
outside), like Keras; the 0.8796… factor restores the intended variance.
``xavier_uniform`` / ``xavier_normal`` are aliases of the glorot ones.
Initializers are called as ``init(shape, dtype=None, rng=None)``; the model
passes its own generator so one seed reproduces every weight.
"""

from __future__ import annotations

import math

import numpy as np

from .errors import ConfigError, EngineTypeError, unknown_name

#: stddev of a standard normal truncated to [−2, 2] (Keras' correction factor).
TRUNCATED_NORMAL_STD = 0.87962566103423978


def _fans(shape):
    shape = tuple(shape)
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = math.prod(shape[:-2])
    return shape[-2] * receptive, shape[-1] * receptive


def truncated_normal(rng, shape, stddev, mean=0.0):
    """Sample N(mean, stddev²) truncated at ±2·stddev by resampling."""
    out = rng.standard_normal(shape)
    bad = np.abs(out) > 2.0
    while bad.any():
        out[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(out) > 2.0
    return mean + stddev * out


class Initializer:
    """Base class: ``init(shape, dtype=None, rng=None) -> ndarray``.

    ``seed`` (optional) gives the initializer its own generator; otherwise the
    model's generator passed as ``rng`` is used.
    """

    name = ""

    def __init__(self, seed=None):
        self.seed = seed

    def _rng(self, rng):
        if self.seed is not None:
            return np.random.default_rng(self.seed)
        return rng if rng is not None else np.random.default_rng()

    def __call__(self, shape, dtype=None, rng=None):
        dtype = np.dtype(dtype or "float32")
        return np.asarray(self.sample(tuple(shape), self._rng(rng)), dtype=dtype)

    def sample(self, shape, rng):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_config(self):
        cfg = {k: v for k, v in vars(self).items()}
        return cfg

    def __repr__(self):
        return f"{type(self).__name__}({self.get_config()})"


class Zeros(Initializer):
    """All zeros."""

    name = "zeros"

    def __init__(self):
        super().__init__(None)

    def sample(self, shape, rng):
        return np.zeros(shape)

    def get_config(self):
        return {}


class Ones(Zeros):
    """All ones."""

    name = "ones"

    def sample(self, shape, rng):
        return np.ones(shape)


class Constant(Initializer):
    """Every value equal to ``value``."""

    name = "constant"

    def __init__(self, value=0.0):
        super().__init__(None)
        self.value = float(value)

    def sample(self, shape, rng):
        return np.full(shape, self.value)

    def get_config(self):
        return {"value": self.value}


class RandomNormal(Initializer):
    """Normal distribution N(mean, stddev²); Keras default stddev 0.05."""

    name = "random_normal"

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = float(mean), float(stddev)

    def sample(self, shape, rng):
        return rng.normal(self.mean, self.stddev, shape)


class RandomUniform(Initializer):
    """Uniform distribution U(minval, maxval); Keras defaults ±0.05."""

    name = "random_uniform"

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = float(minval), float(maxval)

    def sample(self, shape, rng):
        return rng.uniform(self.minval, self.maxval, shape)


class VarianceScaling(Initializer):
    """Keras' VarianceScaling: variance ``scale / n`` with n from the fans.

    ``mode`` in {'fan_in','fan_out','fan_avg'}; ``distribution`` in
    {'truncated_normal','untruncated_normal','uniform'}.
    """

    name = "variance_scaling"

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        super().__init__(seed)
        if scale <= 0:
            raise ConfigError(f"scale must be positive, received {scale!r}")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ConfigError(f"mode must be fan_in, fan_out or fan_avg, received {mode!r}")
        if distribution not in ("truncated_normal", "untruncated_normal", "uniform"):
            raise ConfigError(f"unknown distribution {distribution!r}")
        self.scale, self.mode, self.distribution = float(scale), mode, distribution

    def sample(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        var = self.scale / max(1.0, n)
        if self.distribution == "uniform":
            limit = math.sqrt(3.0 * var)
            return rng.uniform(-limit, limit, shape)
        if self.distribution == "untruncated_normal":
            return rng.normal(0.0, math.sqrt(var), shape)
        return truncated_normal(rng, shape, math.sqrt(var) / TRUNCATED_NORMAL_STD)


def _vs(name, scale, mode, distribution, doc):
    def __init__(self, seed=None):
        VarianceScaling.__init__(self, scale, mode, distribution, seed)

    def get_config(self):
        return {"seed": self.seed}

    return type(name, (VarianceScaling,), {"__init__": __init__, "get_config": get_config, "__doc__": doc})


GlorotUniform = _vs("GlorotUniform", 1.0, "fan_avg", "uniform", "U(−l, l), l = √(6 / (fan_in + fan_out)). Keras default.")
GlorotUniform.name = "glorot_uniform"
GlorotNormal = _vs("GlorotNormal", 1.0, "fan_avg", "truncated_normal", "Truncated N(0, s²), s = √(2 / (fan_in + fan_out)) / 0.8796.")
GlorotNormal.name = "glorot_normal"
HeNormal = _vs("HeNormal", 2.0, "fan_in", "truncated_normal", "Truncated N(0, s²), s = √(2 / fan_in) / 0.8796.")
HeNormal.name = "he_normal"
HeUniform = _vs("HeUniform", 2.0, "fan_in", "uniform", "U(−l, l), l = √(6 / fan_in).")
HeUniform.name = "he_uniform"
LecunNormal = _vs("LecunNormal", 1.0, "fan_in", "truncated_normal", "Truncated N(0, s²), s = √(1 / fan_in) / 0.8796.")
LecunNormal.name = "lecun_normal"
LecunUniform = _vs("LecunUniform", 1.0, "fan_in", "uniform", "U(−l, l), l = √(3 / fan_in).")
LecunUniform.name = "lecun_uniform"

#: canonical name -> (class, summary, formula, aliases), in display order.
INITIALIZERS = {
    "zeros": (Zeros, "Every weight starts at 0 (all units stay identical: symmetry is never broken).", "w = 0", ()),
    "ones": (Ones, "Every weight starts at 1.", "w = 1", ()),
    "random_normal": (RandomNormal, "Small random normal values.", "w ~ N(0, 0.05²)", ()),
    "random_uniform": (RandomUniform, "Small random uniform values.", "w ~ U(−0.05, 0.05)", ()),
    "glorot_uniform": (GlorotUniform, "Xavier/Glorot uniform, scaled by fan-in and fan-out (Keras default).",
                       "w ~ U(−l, l), l = √(6 / (fan_in + fan_out))", ("xavier_uniform",)),
    "glorot_normal": (GlorotNormal, "Xavier/Glorot truncated normal, scaled by fan-in and fan-out.",
                      "w ~ TN(0, s²), s = √(2 / (fan_in + fan_out)) / 0.8796", ("xavier_normal",)),
    "he_normal": (HeNormal, "He truncated normal, for ReLU layers.", "w ~ TN(0, s²), s = √(2 / fan_in) / 0.8796", ()),
    "he_uniform": (HeUniform, "He uniform, for ReLU layers.", "w ~ U(−l, l), l = √(6 / fan_in)", ()),
    "lecun_normal": (LecunNormal, "LeCun truncated normal.", "w ~ TN(0, s²), s = √(1 / fan_in) / 0.8796", ()),
    "lecun_uniform": (LecunUniform, "LeCun uniform.", "w ~ U(−l, l), l = √(3 / fan_in)", ()),
}
_ALIASES = {a: k for k, v in INITIALIZERS.items() for a in v[3]}
_ALIASES.update({"normal": "random_normal", "uniform": "random_uniform", "zero": "zeros", "one": "ones"})


def get(identifier):
    """Resolve a name, alias, class or instance to an :class:`Initializer` instance."""
    if isinstance(identifier, Initializer):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    if isinstance(identifier, str):
        key = identifier.lower()
        key = _ALIASES.get(key, key)
        if key in INITIALIZERS:
            return INITIALIZERS[key][0]()
        for cls in (c[0] for c in INITIALIZERS.values()):
            if cls.__name__.lower() == key:
                return cls()
        raise unknown_name("initializer", identifier, INITIALIZERS)
    raise EngineTypeError(
        f"initializer must be a name or an Initializer, received {identifier!r} of type {type(identifier).__name__}"
    )


def serialize(init) -> dict:
    """Keras-style ``{'class_name': ..., 'config': {...}}`` for an initializer."""
    return {"class_name": type(init).__name__, "config": init.get_config()}


def deserialize(config):
    """Inverse of :func:`serialize` (also accepts a plain name)."""
    if isinstance(config, dict):
        name = config["class_name"]
        cls = {c[0].__name__: c[0] for c in INITIALIZERS.values()}
        cls.update({"Constant": Constant, "VarianceScaling": VarianceScaling})
        if name not in cls:
            raise unknown_name("initializer", name, cls)
        return cls[name](**config.get("config", {}))
    return get(config)
