"""Training for :class:`~nnstudio.engine.model.Sequential`: compile, fit, evaluate.

The hot loop (``_forward_backward`` + ``_apply``) works on preallocated
per-batch buffers, never computes the input gradient of the first layer,
and builds per-batch logs dicts only when a callback overrides a batch hook.
"""

from __future__ import annotations

import math

import numpy as np

from . import losses as _losses
from . import metrics as _metrics
from . import optimizers as _optimizers
from .callbacks import Callback, History, overrides, wants_batch_hooks
from .errors import ConfigError, EngineTypeError, NotCompiledError
from .heads import make_head
from .introspection import StepDetails
from .optimizers import SGD


class TrainingMixin:
    """compile / fit / evaluate / train_on_batch (mixed into Sequential)."""

    # -- compile -------------------------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, metrics=None):
        """Choose the optimizer, the loss and the metrics (Keras names or objects)."""
        if loss is None:
            raise ConfigError("compile() needs a loss, e.g. loss='mse' or loss='sparse_categorical_crossentropy'")
        self.optimizer = _optimizers.get(optimizer)
        self.loss = _losses.get(loss)
        if metrics is None:
            metrics = []
        elif isinstance(metrics, (str, _metrics.Metric)) or callable(metrics):
            metrics = [metrics]
        self._metric_ids = list(metrics)
        self.compiled_metrics = []
        self._compiled_for = None
        self.optimizer.build(self._params) if self._built else None

    def _require_compiled(self, what):
        if getattr(self, "loss", None) is None or self.optimizer is None:
            raise NotCompiledError(f"call model.compile(...) before {what}()")

    def _setup_training(self):
        """(Re)build the head, metrics and layer wiring after compile or layer changes."""
        key = (id(self.loss), len(self.layers), self._input_dim)
        if self._compiled_for == key:
            return
        self._require_built()
        out = self.layers[-1]
        k = out.units
        self._head = make_head(self.loss, getattr(out, "activation", None), k, self.dtype)
        for layer in self.layers:
            layer.fused_output = False
        out.fused_output = self._head.fused
        self.compiled_metrics = [_metrics.resolve(m, self.loss, k) for m in self._metric_ids]
        self._bwd_plan = [(layer, i > 0) for i, layer in reversed(list(enumerate(self.layers)))]
        if not self.optimizer.built or len(self.optimizer._slots) != len(self._params):
            self.optimizer.build(self._params)
        self._compiled_for = key

    def _check_y(self, y, n):
        self._require_compiled("fit")
        if y is None:
            raise ConfigError("y (the targets) is required")
        y = self.loss.prepare_targets(y, self.output_dim, n, self.dtype)
        return np.ascontiguousarray(y)

    # -- one batch -------------------------------------------------------------------------
    def _forward_backward(self, x, y, n, metric_sums, training=True, scale=1.0):
        """Forward, loss (+ regularization), metrics, backward into the grads buffers.

        The gradients are multiplied by ``scale`` (plain SGD passes its learning rate).
        """
        layers = self.layers
        if n != self._bound_n:
            for layer in layers:
                layer.bind(n)
            self._bound_n = n
        a = x
        for layer in layers:
            a = layer.fwd(a, training)
        head = self._head
        loss = head.loss(a, y)
        regs = self._regs
        if regs:
            for w, _, r in regs:
                loss += r.penalty(w)
        if metric_sums is not None:
            for i, (_, m) in enumerate(self.compiled_metrics):
                metric_sums[i] += m.batch_sum(y, a)
        g = head.grad(a, y, scale)
        for layer, need_dx in self._bwd_plan:
            g = layer.bwd(g, need_dx)
        if regs:
            for w, gw, r in regs:
                r.add_grad(w, gw, scale)
        return loss

    def _apply(self):
        """Optimizer step on the grads buffers, then constraints."""
        self.optimizer.apply(self._params, self._grads)
        for w, c in self._cons:
            np.copyto(w, c(w))
        self.iterations += 1

    def _train_batch(self, x, y, n, metric_sums, epoch, batch, indices):
        opt = self.optimizer
        if (type(opt) is SGD and not opt.momentum and opt.weight_decay is None and not opt.clips
                and not self.capture_step):
            # plain SGD: the learning rate is folded into the output gradient,
            # so each weight needs a single subtraction
            loss = self._forward_backward(x, y, n, metric_sums, True, opt.learning_rate)
            if math.isfinite(loss):
                for w, g in zip(self._params, self._grads):
                    np.subtract(w, g, out=w)
                opt.iterations += 1
                for w, c in self._cons:
                    np.copyto(w, c(w))
                self.iterations += 1
            return loss
        loss = self._forward_backward(x, y, n, metric_sums)
        if not math.isfinite(loss):
            return loss  # diverged: leave the weights at their last finite state
        if self.capture_step:
            grads = [g.copy() for g in self._grads]
            before = [w.copy() for w in self._params]
            self._apply()
            idx = np.arange(n) if indices is None else np.array(indices)
            self.last_step = StepDetails(epoch, batch, idx, float(loss), grads,
                                         [w - b for w, b in zip(self._params, before)])
        else:
            self._apply()
        return loss

    def train_on_batch(self, x, y):
        """One update on ``(x, y)``; returns the loss (or ``[loss, *metrics]``) of that batch."""
        self._require_compiled("train_on_batch")
        x = self._check_x(x)
        y = self._check_y(y, len(x))
        self._setup_training()
        sums = [0.0] * len(self.compiled_metrics)
        with np.errstate(all="ignore"):
            loss = self._train_batch(x, y, len(x), sums, 0, self.iterations, np.arange(len(x)))
        if self.compiled_metrics:
            return [float(loss)] + [s / len(x) for s in sums]
        return float(loss)

    # -- fit ---------------------------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size=32, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, initial_epoch=0):
        """Train for ``epochs`` epochs; returns a :class:`History` (Keras semantics).

        ``validation_split`` holds out the *last* fraction of rows (before
        shuffling).  ``model.stop_training`` is checked after every batch; a
        NaN/inf loss stops training after that batch (weights stay at their last
        finite values, ``stop_reason == 'diverged'``, ``diverged_at == (epoch, batch)``).
        """
        self._require_compiled("fit")
        batch_size = check_batch_size(batch_size)
        x = self._check_x(x)
        y = self._check_y(y, len(x))
        if not 0.0 <= float(validation_split) < 1.0:
            raise ConfigError(f"validation_split must be in [0, 1), received {validation_split!r}")
        val = None
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise ConfigError("validation_data must be a tuple (x_val, y_val)")
            vx = self._check_x(validation_data[0], "validation x")
            val = (vx, self._check_y(validation_data[1], len(vx)))
        elif validation_split:
            # Keras 3's rounding (train_validation_split): train on floor(n·(1 − f)) rows
            n_val = len(x) - int(math.floor(len(x) * (1.0 - float(validation_split))))
            if n_val == 0 or n_val == len(x):
                raise ConfigError(f"validation_split={validation_split} leaves no rows for training or validation "
                                  f"(x has {len(x)} rows)")
            val = (x[-n_val:], y[-n_val:])
            x, y = np.ascontiguousarray(x[:-n_val]), np.ascontiguousarray(y[:-n_val])
        if len(x) == 0:
            raise ConfigError("fit() received no rows of data")
        self._setup_training()
        head = self._head
        if hasattr(head, "hard_labels"):
            head.hard_labels = bool(np.all((y == 0) | (y == 1)))
        verbose = 1 if verbose == "auto" else int(verbose)
        n = len(x)
        steps = -(-n // batch_size)
        history = History()
        cbs = [history] + list(callbacks or [])
        for cb in cbs:
            if not isinstance(cb, Callback):
                raise EngineTypeError(f"callbacks must be Callback instances, received {cb!r}")
            cb.set_model(self)
            cb.set_params({"verbose": verbose, "epochs": epochs, "steps": steps})
        self.history = history
        self.stop_training = False
        self.stop_reason = None
        self.diverged_at = None
        want_begin, want_end = wants_batch_hooks(cbs)
        epoch_begin_cbs = [cb for cb in cbs if overrides(cb, "on_epoch_begin")]
        names = [k for k, _ in self.compiled_metrics]
        nm = len(names)
        xs, ys = (np.empty_like(x), np.empty_like(y)) if shuffle else (x, y)
        perm = np.arange(n)
        rng = self.rng
        train_batch = self._train_batch
        for cb in cbs:
            cb.on_train_begin({})
        with np.errstate(all="ignore"):
            for epoch in range(initial_epoch, epochs):
                for cb in epoch_begin_cbs:
                    cb.on_epoch_begin(epoch, {})
                if shuffle:
                    perm = rng.permutation(n)
                    np.take(x, perm, axis=0, out=xs)
                    np.take(y, perm, axis=0, out=ys)
                total = 0.0
                seen = 0
                sums = [0.0] * nm
                diverged = False
                for b in range(steps):
                    s = b * batch_size
                    e = s + batch_size
                    if e > n:
                        e = n
                    nb = e - s
                    if want_begin:
                        for cb in cbs:
                            cb.on_train_batch_begin(b, {"batch": b, "size": nb})
                    loss = train_batch(xs[s:e], ys[s:e], nb, sums, epoch, b, perm[s:e] if self.capture_step else None)
                    total += loss * nb
                    seen += nb
                    if not math.isfinite(loss):
                        diverged = True
                        self.stop_training = True
                        self.stop_reason = "diverged"
                        self.diverged_at = (epoch, b)
                    if want_end:
                        logs = {"loss": total / seen, "batch_loss": float(loss), "size": nb}
                        for k, sm in zip(names, sums):
                            logs[k] = sm / seen
                        for cb in cbs:
                            cb.on_train_batch_end(b, logs)
                    if self.stop_training:
                        break
                logs = {"loss": total / seen}
                for k, sm in zip(names, sums):
                    logs[k] = sm / seen
                if val is not None:
                    vlogs = self._evaluate_arrays(val[0], val[1], batch_size)
                    for k, v in vlogs.items():
                        logs["val_" + k] = v
                for cb in cbs:
                    cb.on_epoch_end(epoch, logs)
                if verbose:
                    print(f"Epoch {epoch + 1}/{epochs} - " + " - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
                if self.stop_training:
                    if self.stop_reason is None:
                        self.stop_reason = "user"
                    break
                if diverged:
                    break
        for cb in cbs:
            cb.on_train_end({})
        return history

    # -- evaluate ----------------------------------------------------------------------------------
    def _evaluate_arrays(self, x, y, batch_size):
        """Weighted means of loss (+ regularization) and metrics over ``x`` (inference mode)."""
        n = len(x)
        total = 0.0
        sums = [0.0] * len(self.compiled_metrics)
        for s in range(0, n, batch_size):
            xb, yb = x[s:s + batch_size], y[s:s + batch_size]
            a = self._infer(xb)
            total += float(np.add.reduce(self.loss.per_sample(yb, a)))
            for i, (_, m) in enumerate(self.compiled_metrics):
                sums[i] += m.batch_sum(yb, a)
        logs = {"loss": total / n + sum(r.penalty(w) for w, _, r in self._regs)}
        for (k, _), sm in zip(self.compiled_metrics, sums):
            logs[k] = sm / n
        return logs

    def evaluate(self, x=None, y=None, batch_size=32, verbose="auto", return_dict=False):
        """Loss (and metrics) on ``(x, y)``: a float, or ``[loss, *metrics]`` like Keras."""
        self._require_compiled("evaluate")
        batch_size = check_batch_size(batch_size)
        x = self._check_x(x)
        y = self._check_y(y, len(x))
        self._setup_training()
        with np.errstate(all="ignore"):
            logs = self._evaluate_arrays(x, y, batch_size)
        if verbose not in (0, "auto") and verbose:
            print(" - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
        if return_dict:
            return logs
        if self.compiled_metrics:
            return list(logs.values())
        return logs["loss"]


def check_batch_size(batch_size):
    """``batch_size`` checked as Keras does (None means 32); anything else than a positive int -> ConfigError."""
    if batch_size is None:
        return 32
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size <= 0:
        raise ConfigError(f"batch_size must be a positive integer, received {batch_size!r}")
    return int(batch_size)
