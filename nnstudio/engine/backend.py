"""Global engine settings: default float dtype, global seed and the RNG factory.

* :func:`floatx` / :func:`set_floatx` choose the default dtype of new models
  (``'float32'`` like Keras; ``'float64'`` for exact gradient checks).
* :func:`set_seed` makes every model created afterwards reproducible: a model
  built without ``seed=`` draws its own seed from the global generator, so the
  same script gives the same weights, shuffling and dropout masks run to run.
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError

#: Keras' fuzz factor (``keras.config.epsilon()``), used to clip probabilities.
EPSILON = 1e-7

_FLOATX = "float32"
_GLOBAL_RNG = np.random.default_rng()


def floatx() -> str:
    """Return the default float dtype name of new models (``'float32'`` or ``'float64'``)."""
    return _FLOATX


def set_floatx(value: str) -> None:
    """Set the default float dtype of models created afterwards."""
    global _FLOATX
    name = np.dtype(value).name if isinstance(value, (str, type, np.dtype)) else None
    if name not in ("float32", "float64"):
        raise ConfigError(f"floatx must be 'float32' or 'float64', received {value!r}")
    _FLOATX = name


def set_seed(seed: int) -> None:
    """Seed the global generator (Keras' ``utils.set_random_seed``).

    Models created afterwards without their own ``seed=`` draw a seed from it,
    so a seeded script is reproducible. Also seeds ``np.random`` like Keras.
    """
    global _GLOBAL_RNG
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ConfigError(f"seed must be a non-negative integer, received {seed!r}")
    _GLOBAL_RNG = np.random.default_rng(int(seed))
    np.random.seed(int(seed) % (2**32))


def draw_seed() -> int:
    """Draw a fresh integer seed from the global generator."""
    return int(_GLOBAL_RNG.integers(0, 2**63 - 1))


def make_rng(seed=None) -> np.random.Generator:
    """Return ``np.random.default_rng(seed)``; with ``None``, a seed from the global generator."""
    if seed is None:
        seed = draw_seed()
    return np.random.default_rng(seed)


def resolve_dtype(dtype) -> np.dtype:
    """Return the numpy dtype for ``dtype`` (``None`` means :func:`floatx`)."""
    dt = np.dtype(floatx() if dtype is None else dtype)
    if dt not in (np.float32, np.float64):
        raise ConfigError(f"dtype must be float32 or float64, received {dtype!r}")
    return dt
