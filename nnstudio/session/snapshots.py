"""The training timeline: per-epoch snapshots of a run within a memory budget (no Qt).

A :class:`Snapshot` is everything needed to show a past epoch *and* to train on
from it exactly as the original run did: the weights (exact copies in the
model's dtype; compared as float64 they are equal), the optimizer state
(iterations and slot arrays: momentum, Adam's m/v, ...), the random
generators' states (the next epoch's shuffle and dropout masks), the model's
iteration count and the history length at that epoch. Epoch ``k`` is the
state after ``k`` finished epochs; epoch 0 is the weights before training.

:class:`SnapshotStore` keeps every epoch until :attr:`~SnapshotStore.budget_bytes`
(default :data:`DEFAULT_BUDGET_BYTES`, 100 MiB; :attr:`~SnapshotStore.nbytes`
counts the arrays' bytes exactly) is reached, then thins evenly: it keeps
the first epoch, every ``stride``-th epoch after it and the latest, doubling
``stride`` whenever the budget would be passed. The training thread adds
while the GUI thread reads, so every method takes the store's lock; snapshots
are never changed once stored (a :meth:`~SnapshotStore.copy` shares them).

File form (:meth:`~SnapshotStore.to_dict` / :meth:`~SnapshotStore.from_dict`):
plain JSON with arrays in the project file's weight encoding
(:func:`nnstudio.project.filearrays.encode_array`); nothing is pickled.
"""

from __future__ import annotations

import bisect

import math
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.project.filearrays import ProjectFileError, decode_array, encode_array

#: default memory budget of a timeline (bytes)
DEFAULT_BUDGET_BYTES = 100 * 1024 * 1024
#: most snapshots a file may hold (the schema's limit)
MAX_FILE_SNAPSHOTS = 100000


@dataclass(slots=True)
class Snapshot:
    """One epoch of a run: weights + optimizer state (+ generator states) and where the history was.

    Never changed once stored (stores and their copies share them).
    """

    epoch: int                         # epochs finished (0: before training)
    weights: list                      # Keras order, copies
    opt_state: dict | None = None      # {"iterations": int, "slots": [[array, ...] per weight]} or None
    history_len: int = 0               # len(history['loss']) at this epoch
    iterations: int = 0                # model.iterations
    rng_states: list | None = None     # numpy bit-generator states: the model's, then layers' own
    nbytes: int = field(default=0, compare=False)

    @staticmethod
    def count_bytes(weights, opt_state) -> int:
        n = sum(int(np.asarray(w).nbytes) for w in weights)
        if opt_state:
            n += sum(int(s.nbytes) for ss in opt_state.get("slots") or [] for s in ss)
        return n


# -- taking and restoring a model's state ------------------------------------------------
def optimizer_state(optimizer) -> dict | None:
    """``optimizer.get_state()`` as ``{"iterations", "slots"}`` (copies), or None."""
    if optimizer is None or not hasattr(optimizer, "get_state"):
        return None
    iterations, slots = optimizer.get_state()   # fresh lists of copies
    return {"name": str(getattr(optimizer, "name", "")), "iterations": int(iterations), "slots": slots}


def set_optimizer_state(optimizer, state: dict | None) -> bool:
    """Put a state from :func:`optimizer_state` back (copies, so the snapshot stays unchanged).

    Only into the same kind of optimizer with the same slots (after a switch, e.g. Adam to
    SGD, the new optimizer starts fresh); returns whether the state was restored.
    """
    if optimizer is None or state is None:
        return False
    slots = state.get("slots")
    name = state.get("name")
    if name and name != getattr(optimizer, "name", name):
        return False
    want = len(getattr(optimizer, "_slot_names", ()))
    if slots is not None and any(len(ss) != want for ss in slots):
        return False
    optimizer.set_state((int(state.get("iterations", 0)),
                         None if slots is None else [[np.array(s) for s in ss] for ss in slots]))
    return True


def _generators(model) -> list:
    gens = [model.rng]
    for layer in getattr(model, "layers", []):
        rng = getattr(layer, "rng", None)
        if rng is not None and all(rng is not g for g in gens):
            gens.append(rng)
    return gens


def rng_states(model) -> list:
    """The states of the model's generator and of any layer's own one (small dicts)."""
    return [g.bit_generator.state for g in _generators(model)]


def set_rng_states(model, states: list | None) -> None:
    if not states:
        return
    for g, st in zip(_generators(model), states):
        g.bit_generator.state = st


def take(model, epoch: int, history_len: int) -> Snapshot:
    """A :class:`Snapshot` of ``model`` now (weights, optimizer, generators, iterations)."""
    return Taker(model).take(epoch, history_len)


class Taker:
    """Takes snapshots of one model quickly (what can be looked up once, is: a run's epochs may be
    a single batch, and a snapshot is taken after each)."""

    __slots__ = ("model", "params", "optimizer", "gens", "nbytes")

    def __init__(self, model) -> None:
        self.model = model
        self.params = model.weights          # the live arrays (copied at each take)
        self.optimizer = getattr(model, "optimizer", None)
        self.gens = _generators(model)
        self.nbytes = None

    def take(self, epoch: int, history_len: int) -> Snapshot:
        weights = [w.copy() for w in self.params]
        opt = optimizer_state(self.optimizer)
        if self.nbytes is None:
            self.nbytes = Snapshot.count_bytes(weights, opt)
        return Snapshot(int(epoch), weights, opt, int(history_len), int(self.model.iterations),
                        [g.bit_generator.state for g in self.gens], self.nbytes)


def restore(model, snap: Snapshot) -> None:
    """Put ``snap`` into ``model``: continuing to train reproduces the original run exactly."""
    model.set_weights(snap.weights)
    if snap.opt_state is not None and getattr(model, "optimizer", None) is not None:
        set_optimizer_state(model.optimizer, snap.opt_state)
    set_rng_states(model, snap.rng_states)
    model.iterations = int(snap.iterations)


# -- the store --------------------------------------------------------------------------------
class SnapshotStore:
    """Per-epoch snapshots within :attr:`budget_bytes` (see module docstring). Thread-safe."""

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self._lock = threading.RLock()
        self._snaps: dict[int, Snapshot] = {}   # epoch -> snapshot, ascending
        self._budget = max(0, int(budget_bytes))
        self._stride = 1
        self._nbytes = 0

    # -- queries --------------------------------------------------------------------------
    @property
    def budget_bytes(self) -> int:
        return self._budget

    @budget_bytes.setter
    def budget_bytes(self, value: int) -> None:
        with self._lock:
            self._budget = max(0, int(value))
            self._thin()

    @property
    def nbytes(self) -> int:
        """Bytes of every stored array (weights + optimizer slots), counted exactly."""
        return self._nbytes

    @property
    def stride(self) -> int:
        """Epochs between kept snapshots after thinning (1: every epoch)."""
        return self._stride

    def __len__(self) -> int:
        return len(self._snaps)

    def __bool__(self) -> bool:
        return True

    def __contains__(self, epoch: int) -> bool:
        return int(epoch) in self._snaps

    def epochs(self) -> list[int]:
        with self._lock:
            return list(self._snaps)

    def get(self, epoch: int) -> Snapshot | None:
        """The snapshot of exactly ``epoch`` (None if it is not kept)."""
        return self._snaps.get(int(epoch))

    def nearest(self, epoch: int) -> Snapshot | None:
        """The kept snapshot closest to ``epoch`` (the earlier one on a tie); None when empty."""
        with self._lock:
            if not self._snaps:
                return None
            exact = self._snaps.get(int(epoch))
            if exact is not None:  # the timeline asks for kept epochs: no search
                return exact
            keys = list(self._snaps)
            i = bisect.bisect_left(keys, int(epoch))
            if i < len(keys) and keys[i] == int(epoch):
                return self._snaps[keys[i]]
            cands = [k for k in (keys[i - 1] if i > 0 else None, keys[i] if i < len(keys) else None)
                     if k is not None]
            best = min(cands, key=lambda k: (abs(k - int(epoch)), k))
            return self._snaps[best]

    @property
    def latest(self) -> Snapshot | None:
        with self._lock:
            if not self._snaps:
                return None
            return self._snaps[next(reversed(self._snaps))]

    @property
    def first(self) -> Snapshot | None:
        with self._lock:
            return self._snaps[next(iter(self._snaps))] if self._snaps else None

    # -- changes ----------------------------------------------------------------------------
    def add(self, epoch: int, weights=None, opt_state: dict | None = None, *, history_len: int | None = None,
            iterations: int = 0, rng_states: list | None = None, snapshot: Snapshot | None = None,
            copy: bool = True) -> Snapshot:
        """Store epoch ``epoch`` (copies unless ``copy=False``); a later timeline is cut first.

        Adding an epoch at or before the latest one starts a new branch there: the
        snapshots after it are dropped. Then the store is thinned to its budget.
        """
        if snapshot is None:
            ws = [np.array(w) for w in weights] if copy else list(weights)
            opt = opt_state
            if copy and opt_state is not None:
                slots = opt_state.get("slots")
                opt = {"name": opt_state.get("name", ""), "iterations": int(opt_state.get("iterations", 0)),
                       "slots": None if slots is None else [[np.array(s) for s in ss] for ss in slots]}
            snapshot = Snapshot(epoch=int(epoch), weights=ws, opt_state=opt,
                                history_len=int(epoch if history_len is None else history_len),
                                iterations=int(iterations), rng_states=rng_states,
                                nbytes=Snapshot.count_bytes(ws, opt))
        elif snapshot.epoch != int(epoch):
            raise ValueError(f"snapshot of epoch {snapshot.epoch} added as epoch {epoch}")
        with self._lock:
            snaps = self._snaps
            if snaps and int(epoch) <= next(reversed(snaps)):
                self._truncate(int(epoch) - 1)
            prev = next(reversed(snaps)) if len(snaps) >= 2 else None   # the latest, unless it is the first
            snaps[int(epoch)] = snapshot
            self._nbytes += snapshot.nbytes
            if prev is not None and self._stride > 1 and (prev - next(iter(snaps))) % self._stride:
                self._nbytes -= snaps.pop(prev).nbytes   # it was kept only as the latest
            if self._nbytes > self._budget:
                self._thin()
        return snapshot

    def append(self, snapshot: Snapshot) -> None:
        """``add(snapshot.epoch, snapshot=snapshot)``, quicker (what a run calls after every epoch)."""
        e = snapshot.epoch
        with self._lock:
            snaps = self._snaps
            if snaps:
                last = next(reversed(snaps))
                if e <= last:
                    self.add(e, snapshot=snapshot)
                    return
                if self._stride > 1 and len(snaps) >= 2 and (last - next(iter(snaps))) % self._stride:
                    self._nbytes -= snaps.pop(last).nbytes   # it was kept only as the latest
            snaps[e] = snapshot
            self._nbytes += snapshot.nbytes
            if self._nbytes > self._budget:
                self._thin()

    def truncate_after(self, epoch: int) -> None:
        """Drop every snapshot after ``epoch``."""
        with self._lock:
            self._truncate(int(epoch))

    def clear(self) -> None:
        with self._lock:
            self._snaps.clear()
            self._nbytes = 0
            self._stride = 1

    def copy(self) -> SnapshotStore:
        """A store with the same snapshots (shared, they never change) that changes independently."""
        with self._lock:
            out = SnapshotStore(self._budget)
            out._snaps = dict(self._snaps)
            out._stride = self._stride
            out._nbytes = self._nbytes
            return out

    def _truncate(self, epoch: int) -> None:
        for k in [k for k in self._snaps if k > epoch]:
            self._nbytes -= self._snaps.pop(k).nbytes
        if len(self._snaps) <= 2:
            self._stride = 1

    def _enforce(self) -> None:
        """Keep only the first, the latest and every ``stride``-th epoch after the first."""
        keys = list(self._snaps)
        if self._stride > 1 and len(keys) > 2:
            first = keys[0]
            for k in keys[1:-1]:
                if (k - first) % self._stride:
                    self._nbytes -= self._snaps.pop(k).nbytes

    def _thin(self) -> None:
        """Double the stride until the kept snapshots fit the budget (first and latest always stay)."""
        self._enforce()
        while self._nbytes > self._budget and len(self._snaps) > 2:
            self._stride *= 2
            self._enforce()

    # -- file form ------------------------------------------------------------------------------
    def file_bytes(self) -> int:
        """The bytes :meth:`to_dict` takes as compact JSON, without encoding any array (cheap)."""
        import json

        with self._lock:
            snaps = list(self._snaps.values())
            stride, budget = self._stride, self._budget
        total = len(json.dumps({"budget_bytes": int(budget), "stride": int(stride), "snapshots": []}))
        for s in snaps:
            skeleton = self._snapshot_dict(s, lambda a: {"dtype": a.dtype.name if a.dtype.name in ("float32", "float64")
                                                         else "float64", "shape": list(a.shape), "data": ""})
            total += len(json.dumps(skeleton)) + 2
            arrays = list(s.weights) + [a for ss in ((s.opt_state or {}).get("slots") or []) for a in ss]
            for a in arrays:
                a = np.asarray(a)
                n = a.nbytes if a.dtype.name in ("float32", "float64") else a.size * 8
                total += 4 * math.ceil(n / 3)
        return total - (2 if snaps else 0)

    @staticmethod
    def _snapshot_dict(s: Snapshot, encode) -> dict[str, Any]:
        d: dict[str, Any] = {"epoch": s.epoch, "history_len": s.history_len, "iterations": s.iterations,
                             "weights": [encode(np.asarray(w)) for w in s.weights]}
        if s.opt_state is not None:
            slots = s.opt_state.get("slots")
            d["optimizer"] = {"name": str(s.opt_state.get("name") or ""),
                              "iterations": int(s.opt_state.get("iterations", 0)),
                              "slots": None if slots is None else [[encode(np.asarray(a)) for a in ss]
                                                                   for ss in slots]}
        if s.rng_states:
            d["rng"] = [_rng_to_file(st) for st in s.rng_states]
        return d

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready file form (see docs/project-format.md, ``state.timeline``)."""
        with self._lock:
            snaps = list(self._snaps.values())
            stride, budget = self._stride, self._budget
        out = [self._snapshot_dict(s, encode_array) for s in snaps]
        return {"budget_bytes": int(budget), "stride": int(stride), "snapshots": out}

    @classmethod
    def from_dict(cls, d: Any, budget_bytes: int | None = None) -> SnapshotStore:
        """A store from :meth:`to_dict`'s form; :class:`ProjectFileError` names what is malformed."""
        where = "state.timeline"
        if not isinstance(d, dict):
            raise ProjectFileError(f"{where}: expected an object")
        budget = budget_bytes if budget_bytes is not None else d.get("budget_bytes", DEFAULT_BUDGET_BYTES)
        store = cls(int(budget))
        snaps = d.get("snapshots") or []
        if not isinstance(snaps, list):
            raise ProjectFileError(f"{where}.snapshots: expected a list")
        previous = -1
        for i, sd in enumerate(snaps):
            w = f"{where}.snapshots[{i}]"
            if not isinstance(sd, dict):
                raise ProjectFileError(f"{w}: expected an object")
            epoch = sd.get("epoch")
            if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch <= previous:
                raise ProjectFileError(f"{w}.epoch: epochs must be whole numbers in increasing order")
            previous = epoch
            weights = [_array(a, f"{w}.weights[{j}]") for j, a in enumerate(sd.get("weights") or [])]
            opt = None
            od = sd.get("optimizer")
            if isinstance(od, dict):
                slots = od.get("slots")
                opt = {"name": str(od.get("name") or ""), "iterations": int(od.get("iterations", 0)),
                       "slots": None if slots is None else
                       [[_array(a, f"{w}.optimizer.slots[{j}][{k}]") for k, a in enumerate(ss)]
                        for j, ss in enumerate(slots)]}
            rngs = [r if isinstance(r.get("state") if isinstance(r, dict) else None, dict) else
                    _rng_from_file(r, f"{w}.rng[{j}]") for j, r in enumerate(sd.get("rng") or [])] or None
            snap = Snapshot(epoch=epoch, weights=weights, opt_state=opt,
                            history_len=int(sd.get("history_len", epoch)), iterations=int(sd.get("iterations", 0)),
                            rng_states=rngs, nbytes=Snapshot.count_bytes(weights, opt))
            store._snaps[epoch] = snap
            store._nbytes += snap.nbytes
        store._stride = max(1, int(d.get("stride", 1) or 1))
        with store._lock:
            store._thin()
        return store

    def __repr__(self) -> str:
        eps = self.epochs()
        span = f"{eps[0]}..{eps[-1]}" if eps else "empty"
        return f"SnapshotStore({len(eps)} snapshots, epochs {span}, {self._nbytes} bytes, stride {self._stride})"


def _array(a: Any, where: str) -> np.ndarray:
    """An array of the file form (already decoded by the loader, or still encoded)."""
    return a if isinstance(a, np.ndarray) else decode_array(a, where)


def _rng_to_file(state: dict) -> dict:
    """A numpy bit-generator state with its big integers as hex text (JSON-safe, any reader)."""
    inner = state.get("state") or {}
    return {"bit_generator": str(state.get("bit_generator", "")),
            "state": format(int(inner.get("state", 0)), "x"), "inc": format(int(inner.get("inc", 0)), "x"),
            "has_uint32": int(state.get("has_uint32", 0)), "uinteger": int(state.get("uinteger", 0))}


def _rng_from_file(d: Any, where: str) -> dict:
    if not isinstance(d, dict) or d.get("bit_generator") != "PCG64":
        raise ProjectFileError(f"{where}: expected a PCG64 generator state")
    try:
        return {"bit_generator": "PCG64", "state": {"state": int(d["state"], 16), "inc": int(d["inc"], 16)},
                "has_uint32": int(d.get("has_uint32", 0)), "uinteger": int(d.get("uinteger", 0))}
    except (KeyError, TypeError, ValueError):
        raise ProjectFileError(f"{where}: 'state' and 'inc' must be hexadecimal text") from None
