"""Keras-protocol callbacks: :class:`Callback`, :class:`History`, :class:`EarlyStopping`.

The model calls ``set_model``, ``set_params``, ``on_train_begin/end``,
``on_epoch_begin/end`` and ``on_train_batch_begin/end`` with Keras' logs
dicts.  Batch logs carry ``'loss'`` (running mean of this epoch, as Keras),
``'batch_loss'`` (this batch only) and ``'size'``; epoch logs carry every
History key.  Setting ``model.stop_training = True`` from any hook stops
training after the current batch.

Fast path: the model only builds per-batch logs dicts when some callback
overrides a batch hook (see :func:`wants_batch_hooks`).
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError


class Callback:
    """Base class with no-op hooks (Keras' ``keras.callbacks.Callback``)."""

    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model):
        self.model = model

    def set_params(self, params):
        self.params = params

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_batch_begin(self, batch, logs=None):
        pass

    def on_train_batch_end(self, batch, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass


def overrides(cb, name):
    """True if ``cb`` has its own ``name`` hook (subclass method or instance attribute)."""
    if name in getattr(cb, "__dict__", {}):
        return True
    return getattr(type(cb), name, None) is not getattr(Callback, name)


def wants_batch_hooks(callbacks):
    """Return (wants_begin, wants_end): whether any callback overrides the batch hooks."""
    begin = any(overrides(cb, "on_train_batch_begin") for cb in callbacks)
    end = any(overrides(cb, "on_train_batch_end") for cb in callbacks)
    return begin, end


class History(Callback):
    """Records every epoch's logs: ``history.history['loss']`` etc., and ``history.epoch``."""

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for k, v in (logs or {}).items():
            self.history.setdefault(k, []).append(v)


class EarlyStopping(Callback):
    """Stop training when a monitored quantity stops improving (Keras 3 semantics).

    Attributes after training: ``stopped_epoch`` (0-based epoch at which it
    stopped, 0 if it never did), ``best`` (best monitored value),
    ``best_epoch`` and ``best_weights`` (when ``restore_best_weights``).  With
    ``restore_best_weights=True`` the best weights are put back at the end of
    training.  ``mode='auto'`` minimises losses/errors and maximises accuracies.
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        if mode not in ("auto", "min", "max"):
            raise ConfigError(f"EarlyStopping mode must be 'auto', 'min' or 'max', received {mode!r}")
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = int(patience)
        self.verbose = verbose
        self.mode = mode
        self.baseline = baseline
        self.restore_best_weights = bool(restore_best_weights)
        self.start_from_epoch = int(start_from_epoch)
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_epoch = 0
        self.best_weights = None
        self._sign = None

    def _direction(self):
        if self.mode != "auto":
            return self.mode
        name = self.monitor[4:] if self.monitor.startswith("val_") else self.monitor
        if "acc" in name:
            return "max"
        return "min"

    def _is_improvement(self, value, reference):
        if reference is None:
            return True
        if self._direction() == "max":
            return value - self.min_delta > reference
        return value + self.min_delta < reference

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is None or epoch < self.start_from_epoch:
            return
        current = float(current)
        if not np.isfinite(current):
            current = np.inf if self._direction() == "min" else -np.inf
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True
            if getattr(self.model, "stop_reason", None) is None:
                self.model.stop_reason = "early_stopping"

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)


class LambdaCallback(Callback):
    """Callback built from plain functions, e.g. ``LambdaCallback(on_epoch_end=f)``."""

    def __init__(self, **hooks):
        super().__init__()
        for name, fn in hooks.items():
            if not hasattr(Callback, name):
                raise ConfigError(f"LambdaCallback: unknown hook {name!r}")
            setattr(self, name, fn)


