"""Optimizers with Keras 3 names, defaults and exact update formulas.

An optimizer owns per-weight slot arrays (momentum, velocity, ...) created
by :meth:`Optimizer.build` and updates weights in place with
:meth:`Optimizer.apply` (the gradient arrays may be overwritten: they are the
model's scratch buffers).  ``weight_decay`` is decoupled as in Keras 3:
w ← w − lr·wd·w before the update.  ``iterations`` counts applied steps.

Update rules (g = gradient, lr = learning rate):

* SGD:      m ← μ·m − lr·g;  w ← w + m   (nesterov: w ← w + μ·m − lr·g; μ = 0: w ← w − lr·g)
* Adam:     m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂);
            α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ);  w ← w − α·m/(√v + ε)
            (amsgrad: v̂ ← max(v̂, v) and v̂ replaces v in the step)
* RMSprop:  v ← ρ·v + (1 − ρ)·g²;  Δ = lr·g/√(v + ε);  (momentum: m ← μ·m + Δ, w ← w − m) else w ← w − Δ
            (centered: ḡ ← ρ·ḡ + (1 − ρ)·g and Δ = lr·g/√(v + ε − ḡ²))
* Adagrad:  a ← a + g²  (a₀ = initial_accumulator_value, 0.1);  w ← w − lr·g/√(a + ε)

Gradient clipping, for every optimizer, before weight decay and the update
(Keras 3 ``BaseOptimizer._clip_gradients``; at most one of the three is set):

* ``clipnorm`` c:        each weight's gradient g ← g·c / max(‖g‖, c)
* ``global_clipnorm`` c: every gradient g ← g·min(1, c / ‖(g₁, g₂, …)‖)
* ``clipvalue`` c:       g ← clip(g, −c, c) element-wise
"""

from __future__ import annotations

import math

import numpy as np

from .errors import ConfigError, EngineTypeError, unknown_name


def _positive(v, what, allow_zero=False):
    v = float(v)
    if not math.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        raise ConfigError(f"{what} must be a {'non-negative' if allow_zero else 'positive'} number, received {v!r}")
    return v


class Optimizer:
    """Base class.  Subclasses define ``_slots`` and ``_update(w, g, slots, lr)``."""

    name = ""
    _slot_names: tuple = ()

    def __init__(self, learning_rate, weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None):
        self.learning_rate = _positive(learning_rate, "learning_rate")
        self.weight_decay = None if weight_decay in (None, 0, 0.0) else _positive(weight_decay, "weight_decay")
        clips = {"clipnorm": clipnorm, "clipvalue": clipvalue, "global_clipnorm": global_clipnorm}
        given = [k for k, v in clips.items() if v is not None]
        if len(given) > 1:
            raise ConfigError(f"only one of clipnorm, clipvalue and global_clipnorm can be set, received {clips}")
        for k, v in clips.items():
            setattr(self, k, None if v is None else _positive(v, k))
        self.iterations = 0
        self._slots = None

    @property
    def clips(self) -> bool:
        """True when a gradient clipping setting is active."""
        return self.clipnorm is not None or self.clipvalue is not None or self.global_clipnorm is not None

    def clip_gradients(self, grads):
        """Clip ``grads`` in place as Keras 3 does (see the module docstring)."""
        if self.clipnorm is not None:
            c = self.clipnorm
            for g in grads:
                norm = math.sqrt(float(np.vdot(g, g)))
                if norm > c:
                    g *= c / norm
        elif self.global_clipnorm is not None:
            c = self.global_clipnorm
            norm = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
            if not math.isfinite(norm):
                for g in grads:
                    g[...] = np.nan
            elif norm > c:
                for g in grads:
                    g *= c / norm
        elif self.clipvalue is not None:
            c = self.clipvalue
            for g in grads:
                np.clip(g, -c, c, out=g)

    # -- state ---------------------------------------------------------------
    def build(self, params):
        """Create zeroed slot arrays for ``params`` (called by the model)."""
        self._slots = [[self._init_slot(name, w) for name in self._slot_names] for w in params]
        self.iterations = 0

    def _init_slot(self, name, w):
        return np.zeros_like(w)

    @property
    def built(self):
        return self._slots is not None

    def get_state(self):
        """A deep copy of (iterations, slots) for :meth:`set_state`."""
        slots = None if self._slots is None else [[s.copy() for s in ss] for ss in self._slots]
        return self.iterations, slots

    def set_state(self, state):
        """Restore a state returned by :meth:`get_state`."""
        self.iterations, self._slots = state

    # -- update --------------------------------------------------------------
    def apply(self, params, grads):
        """Update every weight in ``params`` in place from ``grads`` (grads may be overwritten)."""
        if self._slots is None or len(self._slots) != len(params):
            self.build(params)
        if self.clips:
            self.clip_gradients(grads)
        lr = self.learning_rate
        wd = self.weight_decay
        step = self.iterations + 1
        for w, g, slots in zip(params, grads, self._slots):
            if wd is not None:
                w -= w * (lr * wd)
            self._update(w, g, slots, lr, step)
        self.iterations = step

    def _update(self, w, g, slots, lr, step):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_config(self):
        cfg = {"name": self.name, "learning_rate": self.learning_rate, "weight_decay": self.weight_decay,
               "clipnorm": self.clipnorm, "clipvalue": self.clipvalue, "global_clipnorm": self.global_clipnorm}
        cfg.update({k: getattr(self, k) for k in self._config_keys})
        return cfg

    _config_keys: tuple = ()

    def __repr__(self):
        return f"{type(self).__name__}({self.get_config()})"


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with (Nesterov) momentum (Keras 3 formulas)."""

    name = "sgd"
    _config_keys = ("momentum", "nesterov")

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None, **clip):
        super().__init__(learning_rate, weight_decay, **clip)
        self.momentum = float(momentum)
        if not 0.0 <= self.momentum <= 1.0:
            raise ConfigError(f"momentum must be in [0, 1], received {momentum!r}")
        self.nesterov = bool(nesterov)

    @property
    def _slot_names(self):
        return ("momentum",) if self.momentum else ()

    def _update(self, w, g, slots, lr, step):
        if not self.momentum:
            np.multiply(g, lr, out=g)
            np.subtract(w, g, out=w)
            return
        m = slots[0]
        np.multiply(m, self.momentum, out=m)
        np.multiply(g, lr, out=g)
        np.subtract(m, g, out=m)
        if self.nesterov:
            w += self.momentum * m
            w -= g
        else:
            w += m


class Adam(Optimizer):
    """Adam with Keras 3's bias correction folded into the step size (ε outside the sqrt).

    ``amsgrad=True`` keeps the running maximum v̂ of v and divides by √v̂ + ε instead.
    """

    name = "adam"
    _config_keys = ("beta_1", "beta_2", "epsilon", "amsgrad")

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False,
                 weight_decay=None, **clip):
        super().__init__(learning_rate, weight_decay, **clip)
        self.beta_1, self.beta_2 = float(beta_1), float(beta_2)
        self.epsilon = _positive(epsilon, "epsilon", allow_zero=True)
        self.amsgrad = bool(amsgrad)

    @property
    def _slot_names(self):
        return ("m", "v", "v_hat") if self.amsgrad else ("m", "v")

    def _update(self, w, g, slots, lr, step):
        m, v = slots[0], slots[1]
        alpha = lr * math.sqrt(1.0 - self.beta_2 ** step) / (1.0 - self.beta_1 ** step)
        tmp = g - m
        tmp *= 1.0 - self.beta_1
        m += tmp
        np.multiply(g, g, out=g)
        g -= v
        g *= 1.0 - self.beta_2
        v += g
        if self.amsgrad:
            np.maximum(slots[2], v, out=slots[2])
            v = slots[2]
        np.sqrt(v, out=g)
        g += self.epsilon
        np.multiply(m, alpha, out=tmp)
        tmp /= g
        w -= tmp


class RMSprop(Optimizer):
    """RMSprop as in Keras 3 (ε inside the square root, plain momentum).

    ``centered=True`` also keeps a running mean ḡ of the gradients and divides
    by √(v + ε − ḡ²), an estimate of their standard deviation.
    """

    name = "rmsprop"
    _config_keys = ("rho", "momentum", "epsilon", "centered")

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
                 weight_decay=None, **clip):
        super().__init__(learning_rate, weight_decay, **clip)
        self.rho = float(rho)
        self.momentum = float(momentum)
        self.epsilon = _positive(epsilon, "epsilon", allow_zero=True)
        self.centered = bool(centered)

    @property
    def _slot_names(self):
        return ("velocity",) + (("momentum",) if self.momentum else ()) + (("average",) if self.centered else ())

    def _update(self, w, g, slots, lr, step):
        v = slots[0]
        v *= self.rho
        v += (1.0 - self.rho) * (g * g)
        denominator = v + self.epsilon
        if self.centered:
            avg = slots[-1]
            avg *= self.rho
            avg += (1.0 - self.rho) * g
            denominator -= avg * avg
        inc = (lr * g) / np.sqrt(denominator)
        if self.momentum:
            mom = slots[1]
            mom *= self.momentum
            mom += inc
            w -= mom
        else:
            w -= inc


class Adagrad(Optimizer):
    """Adagrad as in Keras 3 (accumulators start at ``initial_accumulator_value``)."""

    name = "adagrad"
    _slot_names = ("accumulator",)
    _config_keys = ("initial_accumulator_value", "epsilon")

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, weight_decay=None,
                 **clip):
        super().__init__(learning_rate, weight_decay, **clip)
        self.initial_accumulator_value = _positive(initial_accumulator_value, "initial_accumulator_value", True)
        self.epsilon = _positive(epsilon, "epsilon", allow_zero=True)

    def _init_slot(self, name, w):
        return np.full_like(w, self.initial_accumulator_value)

    def _update(self, w, g, slots, lr, step):
        acc = slots[0]
        acc += g * g
        w -= (lr * g) / np.sqrt(acc + self.epsilon)


#: Gradient clipping, a setting of every optimizer (None: off; at most one is set).
CLIP_PARAMS = {"clipnorm": None, "clipvalue": None, "global_clipnorm": None}

#: canonical name -> (class, summary, formula, Keras defaults)
OPTIMIZERS = {
    "sgd": (SGD, "Gradient descent: step against the gradient (optionally with momentum).",
            "w ← w − η·∇L", {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False, **CLIP_PARAMS}),
    "adam": (Adam, "Adaptive moments: momentum plus per-weight step sizes; a robust default.",
             "w ← w − α·m̂/(√v̂ + ε)", {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7,
                                      "amsgrad": False, **CLIP_PARAMS}),
    "rmsprop": (RMSprop, "Divides each step by a running RMS of recent gradients.",
                "w ← w − η·g/√(v + ε)", {"learning_rate": 0.001, "rho": 0.9, "momentum": 0.0, "epsilon": 1e-7,
                                        "centered": False, **CLIP_PARAMS}),
    "adagrad": (Adagrad, "Per-weight step sizes that shrink as gradients accumulate.",
                "w ← w − η·g/√(Σg² + ε)", {"learning_rate": 0.001, "initial_accumulator_value": 0.1, "epsilon": 1e-7,
                                          **CLIP_PARAMS}),
}


def get(identifier) -> Optimizer:
    """Resolve a name (case-insensitive), class or instance to an :class:`Optimizer`."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Optimizer):
        return identifier()
    if isinstance(identifier, str):
        key = identifier.lower()
        if key in OPTIMIZERS:
            return OPTIMIZERS[key][0]()
        raise unknown_name("optimizer", identifier, OPTIMIZERS)
    if isinstance(identifier, dict):
        cfg = dict(identifier)
        name = cfg.pop("name", None)
        if name not in OPTIMIZERS:
            raise unknown_name("optimizer", name, OPTIMIZERS)
        return OPTIMIZERS[name][0](**cfg)
    raise EngineTypeError(
        f"optimizer must be a name or an Optimizer, received {identifier!r} of type {type(identifier).__name__}"
    )
