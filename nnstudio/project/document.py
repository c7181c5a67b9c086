"""The project document: the network, training settings, dataset choice and
trained state, as plain Python (no Qt).

Every change goes through :meth:`Project.apply`, which takes one *edit* (a
small tuple such as ``("set_layer", 2, "units", 64)``), changes the document,
tells the subscribers what changed, and returns the edits that undo it. The
UI wraps these in ``QUndoCommand`` objects, lessons apply their set-ups with
them, and the validator's fixes are expressed as them, so there is exactly
one way to change a project.

Edit kinds. A layer is named by its id (``LayerSpec.id``, a string; what the
studio's edits, fixes and inverses use) or by its index (an int counting from
0, the Input layer included; what hand-written lesson set-ups and tests may
use). ``index``/``dst`` positions are always ints.

=====================================  ==========================================
``("insert_layer", index, layer)``     insert a layer (a dict, see ``LayerSpec``) at ``index``
``("remove_layer", layer)``            remove a layer (id or index)
``("move_layer", layer, dst)``         move a layer so it ends up at ``dst``
``("set_layer", layer, key, value)``   change one layer parameter
``("replace_layers", [layer, ...])``   replace the whole network
``("set_training", key, value)``       change a training setting (``"early_stopping.patience"``)
``("set_dataset", dataset)``           replace the dataset choice (a dict)
``("set_state", state | None)``        replace the trained weights + history
``("set_name", name)``                 rename the project
=====================================  ==========================================

Structural edits (anything that changes the shapes of weights) also clear
the trained state; their inverse restores it. Inverses name layers by id, so
undoing a command stays right whatever moved in between.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from nnstudio.project.layer_kinds import LAYER_KINDS, LAYER_TYPES  # the one layer table

#: The parameters each layer type has in a project, with the values a layer
#: dragged from the palette starts with (Keras defaults where Keras has one).
LAYER_DEFAULTS: dict[str, dict[str, Any]] = {name: k.defaults() for name, k in LAYER_KINDS.items()}

#: Parameters written to a file only when set (older files do not have them).
OPTIONAL_PARAMS: dict[str, tuple[str, ...]] = {
    name: tuple(p.name for p in k.params if p.optional) for name, k in LAYER_KINDS.items()
    if any(p.optional for p in k.params)}

#: Training settings the prepared data depends on (the split and the array dtype).
DATA_TRAINING_KEYS = ("validation_split", "dtype")


def invalidates_data(event: str, info: dict) -> bool:
    """True if a document change (``event``, ``info`` as subscribers get them) changes the prepared data.

    The one place that says so: the studio reloads the dataset and the
    training controller its views exactly for these changes.
    """
    return event == "dataset_changed" or (event == "training_changed" and info.get("key") in DATA_TRAINING_KEYS)


#: Parameters whose change alters weight shapes (so trained weights are dropped).
STRUCTURAL_KEYS = {p.name for k in LAYER_KINDS.values() for p in k.params if p.structural}

DEFAULT_TRAINING: dict[str, Any] = {
    "loss": "binary_crossentropy",
    "optimizer": "adam",
    "learning_rate": 0.01,
    "momentum": 0.0,
    "nesterov": False,
    "beta_1": 0.9,
    "beta_2": 0.999,
    "rho": 0.9,
    "epsilon": 1e-7,
    "amsgrad": False,  # Adam
    "centered": False,  # RMSprop
    "initial_accumulator_value": 0.1,  # Adagrad
    "clipnorm": None,  # gradient clipping, any optimizer (at most one of the three)
    "clipvalue": None,
    "global_clipnorm": None,
    "label_smoothing": 0.0,  # binary cross-entropy
    "weight_decay": 0.0,
    "batch_size": 32,
    "epochs": 100,
    "validation_split": 0.2,
    "metrics": None,  # None: accuracy for classification, mae for regression
    "early_stopping": {
        "enabled": False,
        "monitor": "val_loss",
        "patience": 10,
        "min_delta": 0.0,
        "restore_best_weights": True,
        "start_from_epoch": 0,
    },
    "seed": 42,
    "dtype": "float32",
    # how fast the studio trains, in mini-batches per second, so it can be watched
    # (None: full speed). Changes nothing the model learns; the CLI ignores it.
    "speed": None,
}

DEFAULT_DATASET: dict[str, Any] = {
    "source": "builtin",  # 'builtin' | 'csv'
    "name": "circle",
    "params": {},
    "split_seed": 0,
    "standardize": False,
    "one_hot": False,  # labels as one-hot vectors (for categorical_crossentropy)
    "csv": None,  # for source 'csv': {"filename", "text", "options"}
}

def new_layer_id() -> str:
    """A document-unique id for a layer (the canvas keys its items by it)."""
    return "L" + uuid.uuid4().hex[:10]


@dataclass
class LayerSpec:
    """One layer of the network: its type, its parameters and a stable id."""

    type: str
    params: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_layer_id)
    name: str = ""

    @classmethod
    def make(cls, type_: str, **params: Any) -> "LayerSpec":
        """A layer of ``type_`` with the palette defaults, overridden by ``params``."""
        if type_ not in LAYER_KINDS:
            raise ValueError(
                f"unknown layer type {type_!r}; valid types: {', '.join(LAYER_KINDS)}"
            )
        merged = copy.deepcopy(LAYER_KINDS[type_].defaults())
        name = params.pop("name", "") or ""
        lid = params.pop("id", None)
        unknown = set(params) - set(merged)
        if unknown:
            raise ValueError(
                f"{type_} layer has no parameter(s) {', '.join(sorted(unknown))}; "
                f"valid: {', '.join(merged) or 'none'}"
            )
        merged.update(params)
        spec = cls(type_, merged, name=name)
        if lid:
            spec.id = str(lid)
        return spec

    def to_dict(self) -> dict[str, Any]:
        d = {"type": self.type, "id": self.id}
        if self.name:
            d["name"] = self.name
        d.update(copy.deepcopy(self.params))
        kind = LAYER_KINDS.get(self.type)
        for key in (p.name for p in kind.params if p.optional) if kind else ():
            if d.get(key) is None:
                d.pop(key, None)  # optional and unset: files without it stay as they were
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LayerSpec":
        d = dict(d)
        type_ = d.pop("type", None)
        if type_ is None:
            raise ValueError("a layer needs a 'type'")
        return cls.make(type_, **d)

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


Listener = Callable[[str, dict], None]


class Project:
    """The document the whole app shows and edits.

    Attributes are read freely; changes go through :meth:`apply`. Subscribers
    (``subscribe(fn)``) are called as ``fn(event, info)`` after each change
    with events ``layer_inserted`` {index}, ``layer_removed`` {index, id},
    ``layer_moved`` {src, dst}, ``layer_changed`` {index, key},
    ``layers_replaced`` {}, ``training_changed`` {key}, ``dataset_changed`` {},
    ``state_changed`` {}, ``name_changed`` {}.
    """

    def __init__(self) -> None:
        self.name = "Untitled"
        self.layers: list[LayerSpec] = []
        self.training: dict[str, Any] = copy.deepcopy(DEFAULT_TRAINING)
        self.dataset: dict[str, Any] = copy.deepcopy(DEFAULT_DATASET)
        #: what training left: {"weights": [ndarray...], "history": {key: [..]},
        #: "epochs_trained": int, "iterations": int, "runs": [{"name", "history"}], ...} or None
        #: (typed view: nnstudio.session.TrainedState; the file's ``state``)
        self.trained: dict[str, Any] | None = None
        self._listeners: list[Listener] = []

    @property
    def state(self) -> dict[str, Any] | None:
        """Old name of :attr:`trained` (kept for callers not moved yet)."""
        return self.trained

    @state.setter
    def state(self, value: dict[str, Any] | None) -> None:
        self.trained = value

    # -- construction ---------------------------------------------------
    @classmethod
    def default(cls) -> "Project":
        """A small network ready to train on the 'circle' dataset."""
        p = cls()
        p.layers = [
            LayerSpec.make("Input"),
            LayerSpec.make("Dense", units=8, activation="tanh"),
            LayerSpec.make("Dense", units=1, activation="sigmoid"),
        ]
        return p

    # -- observers ------------------------------------------------------
    def subscribe(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def unsubscribe(self, fn: Listener) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def _emit(self, event: str, **info: Any) -> None:
        for fn in list(self._listeners):
            fn(event, info)

    # -- queries --------------------------------------------------------
    def index_of(self, layer_id: str) -> int:
        for i, layer in enumerate(self.layers):
            if layer.id == layer_id:
                return i
        raise KeyError(layer_id)

    def layer_index(self, layer: str | int) -> int:
        """The index of ``layer`` (a layer id or an index; IndexError when there is no such layer)."""
        if isinstance(layer, str):
            try:
                return self.index_of(layer)
            except KeyError:
                raise IndexError(f"no layer with id {layer!r}") from None
        index = int(layer)
        if not 0 <= index < len(self.layers):
            raise IndexError(f"no layer at index {index}")
        return index

    def training_value(self, key: str) -> Any:
        node: Any = self.training
        for part in key.split("."):
            node = node[part]
        return node

    def trainable_layers(self) -> list[int]:
        """Indices of the layers that have weights (Dense)."""
        return [i for i, layer in enumerate(self.layers) if layer.type == "Dense"]

    # -- edits ----------------------------------------------------------
    def apply(self, edit: tuple) -> list[tuple]:
        """Carry out one edit; return the list of edits that undo it."""
        kind, *args = edit
        handler = getattr(self, f"_do_{kind}", None)
        if handler is None:
            raise ValueError(f"unknown edit {kind!r}")
        return handler(*args)

    def apply_all(self, edits: list[tuple]) -> list[tuple]:
        """Carry out several edits; return the edits that undo all of them."""
        inverse: list[tuple] = []
        for e in edits:
            inverse = self.apply(e) + inverse
        return inverse

    def _clear_state(self) -> list[tuple]:
        if self.trained is None:
            return []
        old = self.trained
        self.trained = None
        self._emit("state_changed")
        return [("set_state", old)]

    def _do_insert_layer(self, index: int, layer: dict | LayerSpec) -> list[tuple]:
        spec = layer if isinstance(layer, LayerSpec) else LayerSpec.from_dict(layer)
        if any(existing.id == spec.id for existing in self.layers):
            spec = LayerSpec(spec.type, copy.deepcopy(spec.params), name=spec.name)
        index = max(0, min(int(index), len(self.layers)))
        restore = self._clear_state()
        self.layers.insert(index, spec)
        self._emit("layer_inserted", index=index, id=spec.id)
        return [("remove_layer", spec.id)] + restore

    def _do_remove_layer(self, layer: str | int) -> list[tuple]:
        index = self.layer_index(layer)
        restore = self._clear_state()
        spec = self.layers.pop(index)
        self._emit("layer_removed", index=index, id=spec.id)
        return [("insert_layer", index, spec.to_dict())] + restore

    def _do_move_layer(self, layer: str | int, dst: int) -> list[tuple]:
        n = len(self.layers)
        src = self.layer_index(layer)
        if not 0 <= dst < n:
            raise IndexError(f"cannot move layer {src} to {dst} in a network of {n}")
        if src == dst:
            return []
        restore = self._clear_state()
        spec = self.layers.pop(src)
        self.layers.insert(dst, spec)
        self._emit("layer_moved", src=src, dst=dst, id=spec.id)
        return [("move_layer", spec.id, src)] + restore

    def _do_set_layer(self, layer: str | int, key: str, value: Any) -> list[tuple]:
        index = self.layer_index(layer)
        spec = self.layers[index]
        if key == "name":
            old = spec.name
            spec.name = str(value or "")
        else:
            kind = LAYER_KINDS.get(spec.type)
            param = next((p for p in kind.params if p.name == key), None) if kind else None
            if param is None:
                raise ValueError(f"{spec.type} layer has no parameter {key!r}")
            old = spec.params.get(key)
            if old == value:
                return []
            spec.params[key] = value
        restore = self._clear_state() if key != "name" and param.structural else []
        self._emit("layer_changed", index=index, key=key, id=spec.id)
        return [("set_layer", spec.id, key, old)] + restore

    def _do_replace_layers(self, layers: list) -> list[tuple]:
        old = [s.to_dict() for s in self.layers]
        restore = self._clear_state()
        self.layers = [
            s if isinstance(s, LayerSpec) else LayerSpec.from_dict(s) for s in layers
        ]
        self._emit("layers_replaced")
        return [("replace_layers", old)] + restore

    def _do_set_training(self, key: str, value: Any) -> list[tuple]:
        parts = key.split(".")
        node = self.training
        for part in parts[:-1]:
            node = node[part]
        if parts[-1] not in node:
            raise ValueError(f"unknown training setting {key!r}")
        old = copy.deepcopy(node[parts[-1]])
        if old == value:
            return []
        node[parts[-1]] = copy.deepcopy(value)
        restore = self._optimizer_defaults(old) if key == "optimizer" else []
        self._emit("training_changed", key=key)
        return [("set_training", key, old)] + restore

    def _optimizer_defaults(self, old_name: str) -> list[tuple]:
        """A new optimizer starts from its Keras defaults (as in Keras); returns what restores the old ones."""
        from nnstudio.project import optimizer_config

        try:
            fresh = optimizer_config.defaults(self.training["optimizer"])
        except ValueError:  # an unknown name: the validator reports it
            return []
        # every optimizer setting is restored on undo: undoing the switch itself resets them to defaults first
        restore = [("set_training", k, copy.deepcopy(self.training[k])) for k in optimizer_config.all_keys()
                   if k in self.training]
        for k, v in fresh.items():
            if k in self.training and self.training[k] != v:
                self.training[k] = copy.deepcopy(v)
                self._emit("training_changed", key=k)
        return restore

    def _do_set_dataset(self, dataset: dict) -> list[tuple]:
        old = copy.deepcopy(self.dataset)
        merged = copy.deepcopy(DEFAULT_DATASET)
        merged.update(copy.deepcopy(dataset))
        if merged == old:
            return []
        self.dataset = merged
        restore = self._clear_state()
        self._emit("dataset_changed")
        return [("set_dataset", old)] + restore

    def _do_set_state(self, state: dict | None) -> list[tuple]:
        old = self.trained
        self.trained = state
        self._emit("state_changed")
        return [("set_state", old)]

    def _do_set_name(self, name: str) -> list[tuple]:
        old = self.name
        self.name = str(name)
        self._emit("name_changed")
        return [("set_name", old)]


def setup_edits(project: Project, setup: dict) -> list[tuple]:
    """Edits that turn ``project`` into the partial project ``setup``.

    ``setup`` may hold ``layers`` (replaces the network), ``training``
    (applied over the default training settings) and ``dataset`` (replaces
    the dataset choice). Lessons use this for "Set it up for me".
    """
    edits: list[tuple] = []
    if "layers" in setup:
        edits.append(("replace_layers", [LayerSpec.from_dict(d).to_dict() for d in setup["layers"]]))
    if "training" in setup:
        target = copy.deepcopy(DEFAULT_TRAINING)
        for key, value in setup["training"].items():
            if key == "early_stopping":
                target["early_stopping"].update(value)
            elif key in target:
                target[key] = value
            else:
                raise ValueError(f"unknown training setting {key!r} in set-up")
        from nnstudio.project import optimizer_config

        switched = target["optimizer"] != project.training.get("optimizer")
        after_switch = set(optimizer_config.all_keys()) if switched else set()
        for key, value in target.items():
            if key == "early_stopping":
                for k2, v2 in value.items():
                    if project.training["early_stopping"].get(k2) != v2:
                        edits.append(("set_training", f"early_stopping.{k2}", v2))
            elif project.training.get(key) != value or key in after_switch:
                # after an optimizer switch (which resets its settings) every optimizer setting is set
                edits.append(("set_training", key, value))
    if "dataset" in setup:
        ds = copy.deepcopy(DEFAULT_DATASET)
        ds.update(copy.deepcopy(setup["dataset"]))
        edits.append(("set_dataset", ds))
    return edits
