"""Keras model JSON: export in Keras 3 ``model.to_json()`` form, and import.

:func:`export_keras_json` writes a ``Sequential`` with ``InputLayer``,
``Dense``, ``Dropout`` and ``Activation`` layers (plus a ``compile_config``
with the optimizer, loss and metrics) that ``keras.models.model_from_json``
reads. nnstudio's ``step`` activation has no Keras equivalent; it is written
as the registered function ``nnstudio>step`` (the exported Keras script
registers it).

:func:`import_keras_json` reads Keras 3 files and Keras 2 / tf.keras files
(``config.layers`` with ``batch_input_shape``, or the old bare layer list).
Everything that nnstudio cannot represent is collected first and reported
by name in one :class:`KerasImportError`; nothing is half-imported (the
compile settings: :mod:`nnstudio.export.keras_compile`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from nnstudio.export.keras_compile import _f32, _is_number, _registry_name, export_loss, import_compile_config
from nnstudio.export.names import ExportError
from nnstudio.export.spec import ExportSpec, LayerInfo, export_spec
from nnstudio.project.document import LayerSpec, Project

#: registry initializer name <-> Keras class name and default config
INITIALIZER_CLASSES = {
    "zeros": ("Zeros", {}),
    "ones": ("Ones", {}),
    "random_normal": ("RandomNormal", {"seed": None, "mean": 0.0, "stddev": 0.05}),
    "random_uniform": ("RandomUniform", {"seed": None, "minval": -0.05, "maxval": 0.05}),
    "glorot_uniform": ("GlorotUniform", {"seed": None}),
    "glorot_normal": ("GlorotNormal", {"seed": None}),
    "he_normal": ("HeNormal", {"seed": None}),
    "he_uniform": ("HeUniform", {"seed": None}),
    "lecun_normal": ("LecunNormal", {"seed": None}),
    "lecun_uniform": ("LecunUniform", {"seed": None}),
}
_INIT_BY_CLASS = {cls: name for name, (cls, _) in INITIALIZER_CLASSES.items()}
#: (scale, mode, distribution) of Keras' VarianceScaling -> registry name ('normal' is Keras 2's truncated normal)
_VARIANCE_SCALING = {
    (1.0, "fan_avg", "uniform"): "glorot_uniform",
    (1.0, "fan_avg", "truncated_normal"): "glorot_normal",
    (2.0, "fan_in", "truncated_normal"): "he_normal",
    (2.0, "fan_in", "uniform"): "he_uniform",
    (1.0, "fan_in", "truncated_normal"): "lecun_normal",
    (1.0, "fan_in", "uniform"): "lecun_uniform",
}
OPTIMIZER_CLASSES = {"sgd": "SGD", "adam": "Adam", "rmsprop": "RMSprop", "adagrad": "Adagrad"}
CUSTOM_ACTIVATIONS = {"step": "nnstudio>step"}
_AUTO_NAME = re.compile(r"(input_layer|dense|dropout|activation)(_[0-9]+)?")
SUPPORTED_LAYERS = ("InputLayer", "Dense", "Dropout", "Activation")


class KerasImportError(ValueError):
    """A Keras JSON file that cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            text = self.problems[0]
        else:
            text = f"{len(self.problems)} problems: " + "; ".join(self.problems)
        super().__init__(f"This Keras model cannot be imported. {text}")


# -- export -----------------------------------------------------------------
def _obj(module: str, class_name: str, config: Any) -> dict:
    return {"module": module, "class_name": class_name, "config": config, "registered_name": None}


def _dtype(name: str) -> dict:
    return _obj("keras", "DTypePolicy", {"name": name})


def _activation(name: str) -> Any:
    if name in CUSTOM_ACTIVATIONS:
        return {"module": "builtins", "class_name": "function", "config": CUSTOM_ACTIVATIONS[name],
                "registered_name": "function"}
    return name


def _initializer(name: str) -> dict:
    if name not in INITIALIZER_CLASSES:
        raise ExportError(f"no Keras initializer for {name!r}")
    cls, cfg = INITIALIZER_CLASSES[name]
    return _obj("keras.initializers", cls, dict(cfg))


def _auto_names(layers: list[LayerInfo]) -> list[str]:
    taken = {la.name for la in layers if la.name}
    counts: dict[str, int] = {}
    out = []
    for la in layers:
        if la.name:
            out.append(la.name)
            continue
        base = {"Input": "input_layer"}.get(la.type, la.type.lower())
        while True:
            k = counts.get(base, 0)
            counts[base] = k + 1
            candidate = base if k == 0 else f"{base}_{k}"
            if candidate not in taken:
                break
        taken.add(candidate)
        out.append(candidate)
    return out


def keras_config(spec: ExportSpec) -> dict:
    """The Keras 3 ``Sequential`` config dict (``json.loads(model.to_json())`` form)."""
    names = _auto_names(spec.layers)
    layers = []
    for la, name in zip(spec.layers, names):
        if la.type == "Input":
            layers.append(_obj("keras.layers", "InputLayer", {
                "batch_shape": [None, la.size], "dtype": spec.dtype, "sparse": False, "name": name}))
            continue
        cfg: dict[str, Any] = {"name": name, "trainable": True, "dtype": _dtype(spec.dtype)}
        if la.type == "Dense":
            cfg.update({
                "units": la.units,
                "activation": _activation(la.activation),
                "use_bias": la.use_bias,
                "kernel_initializer": _initializer(la.kernel_initializer),
                "bias_initializer": _initializer(la.bias_initializer),
                "kernel_regularizer": (_obj("keras.regularizers", "L1L2", {"l1": la.l1, "l2": la.l2})
                                       if la.l1 or la.l2 else None),
                "bias_regularizer": None,
                "kernel_constraint": (_obj("keras.constraints", "MaxNorm", {"max_value": la.max_norm, "axis": 0})
                                      if la.max_norm is not None else None),
                "bias_constraint": None,
            })
            entry = _obj("keras.layers", "Dense", cfg)
            entry["build_config"] = {"input_shape": [None, la.in_units]}
        elif la.type == "Dropout":
            cfg.update({"rate": la.rate, "seed": None, "noise_shape": None})
            entry = _obj("keras.layers", "Dropout", cfg)
        else:
            cfg["activation"] = _activation(la.activation)
            entry = _obj("keras.layers", "Activation", cfg)
        layers.append(entry)
    opt_cfg: dict[str, Any] = {"name": spec.optimizer, "learning_rate": spec.optimizer_params["learning_rate"],
                               "weight_decay": spec.weight_decay or None}
    opt_cfg.update({k: v for k, v in spec.optimizer_params.items() if k != "learning_rate"})
    return {
        "module": "keras",
        "class_name": "Sequential",
        "config": {"name": spec.model_name, "trainable": True, "dtype": _dtype(spec.dtype), "layers": layers,
                   "build_input_shape": [None, spec.n_features]},
        "registered_name": None,
        "build_config": {"input_shape": [None, spec.n_features]},
        "compile_config": {
            "optimizer": _obj("keras.optimizers", OPTIMIZER_CLASSES[spec.optimizer], opt_cfg),
            "loss": export_loss(spec),
            "loss_weights": None,
            "metrics": list(spec.metrics),
            "weighted_metrics": None,
            "run_eagerly": False,
            "steps_per_execution": 1,
            "jit_compile": False,
        },
    }


def export_keras_json(project: Project, dataset: Any = None, *, n_features: int | None = None,
                      indent: int | None = 1) -> str:
    """The project's network as Keras 3 model JSON. :class:`ExportError` if impossible."""
    spec = export_spec(project, dataset, n_features=n_features)
    if spec.optimizer not in OPTIMIZER_CLASSES:
        raise ExportError(f"no Keras optimizer for {spec.optimizer!r}")
    return json.dumps(keras_config(spec), indent=indent, allow_nan=False)


# -- import -----------------------------------------------------------------
class _Importer:
    """Collects problems while converting; :meth:`run` raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def activation(self, value: Any, where: str) -> str:
        name = value
        if isinstance(value, dict):
            name = value.get("config") if value.get("class_name") == "function" else value.get("class_name")
            if isinstance(name, str) and name.startswith("nnstudio>"):
                name = name.split(">", 1)[1]
        if value is None:
            return "linear"
        canon = _registry_name("activation", name)
        if canon is None:
            self.bad(f"{where}: activation {name!r} is not supported")
            return "linear"
        return canon

    def initializer(self, value: Any, where: str, default: str) -> str:
        if value is None:
            return default
        if isinstance(value, str):
            canon = _INIT_BY_CLASS.get(value) or _registry_name("initializer", value)
            if canon is None:
                self.bad(f"{where}: initializer {value!r} is not supported")
                return default
            return canon
        if not isinstance(value, dict):
            self.bad(f"{where}: unreadable initializer {value!r}")
            return default
        cls, cfg = value.get("class_name"), value.get("config") or {}
        if cls == "VarianceScaling":
            dist = {"normal": "truncated_normal"}.get(cfg.get("distribution"), cfg.get("distribution"))
            key = (float(cfg.get("scale", 1.0)) if _is_number(cfg.get("scale", 1.0)) else None, cfg.get("mode"), dist)
            if key in _VARIANCE_SCALING:
                return _VARIANCE_SCALING[key]
            self.bad(f"{where}: initializer VarianceScaling{key} is not supported")
            return default
        canon = _INIT_BY_CLASS.get(cls)
        if canon is None:
            self.bad(f"{where}: initializer {cls!r} is not supported")
            return default
        for key, want in INITIALIZER_CLASSES[canon][1].items():
            got = cfg.get(key, want)
            if key != "seed" and (not _is_number(got) or abs(float(got) - want) > 1e-6):
                self.bad(f"{where}: {cls} with {key}={got!r} is not supported (nnstudio uses {want})")
        return canon

    def regularizer(self, value: Any, where: str) -> tuple[float, float]:
        if value is None:
            return 0.0, 0.0
        cls = value.get("class_name") if isinstance(value, dict) else value
        cfg = (value.get("config") or {}) if isinstance(value, dict) else {}
        if cls not in ("L1L2", "L1", "L2", "l1", "l2", "l1_l2"):
            self.bad(f"{where}: kernel regularizer {cls!r} is not supported")
            return 0.0, 0.0
        defaults = {"L1": (0.01, 0.0), "l1": (0.01, 0.0), "L2": (0.0, 0.01), "l2": (0.0, 0.01)}.get(cls, (0.0, 0.0))
        out = []
        for key, d in zip(("l1", "l2"), defaults):
            v = cfg.get(key, d)
            if not _is_number(v) or v < 0:
                self.bad(f"{where}: regularizer {key}={v!r} is not a non-negative number")
                v = 0.0
            out.append(_f32(v))
        return out[0], out[1]

    def constraint(self, value: Any, where: str) -> float | None:
        if value is None:
            return None
        cls = value.get("class_name") if isinstance(value, dict) else value
        cfg = (value.get("config") or {}) if isinstance(value, dict) else {}
        if cls not in ("MaxNorm", "max_norm") or cfg.get("axis", 0) not in (0, -2):
            self.bad(f"{where}: kernel constraint {cls!r} with {cfg} is not supported (only MaxNorm, axis 0)")
            return None
        mv = cfg.get("max_value", 2.0)
        if not _is_number(mv) or mv <= 0:
            self.bad(f"{where}: MaxNorm max_value={mv!r} must be a positive number")
            return None
        return _f32(mv)

    @staticmethod
    def feature_count(shape: Any) -> int | None | str:
        if not isinstance(shape, list) or len(shape) != 2:
            return "bad"
        n = shape[1]
        return n if isinstance(n, int) and not isinstance(n, bool) and n >= 1 else ("bad" if n is not None else None)

    def layer(self, i: int, d: Any, project: Project, state: dict) -> None:
        if not isinstance(d, dict):
            self.bad(f"layer {i}: not a JSON object")
            return
        cls, cfg = d.get("class_name"), d.get("config")
        cfg = cfg if isinstance(cfg, dict) else {}
        lname = cfg.get("name") if isinstance(cfg.get("name"), str) else ""
        where = f"layer {lname!r}" if lname else f"layer {i}"
        reg = d.get("registered_name")
        if cls not in SUPPORTED_LAYERS or (reg is not None and reg != cls and not str(reg).endswith(f">{cls}")):
            self.bad(f"{where}: {cls if isinstance(cls, str) else 'unknown'} layers are not supported "
                     f"(nnstudio imports {', '.join(SUPPORTED_LAYERS)})")
            return
        if cfg.get("dtype") == "float64" or (isinstance(cfg.get("dtype"), dict)
                                             and (cfg["dtype"].get("config") or {}).get("name") == "float64"):
            state["float64"] = True
        shape = cfg.get("batch_shape", cfg.get("batch_input_shape"))
        if shape is not None and not state["layers"]:
            n = self.feature_count(shape)
            if n == "bad":
                self.bad(f"{where}: input shape {shape} is not a flat feature vector (batch, features)")
            else:
                state["size"] = n
        name = "" if _AUTO_NAME.fullmatch(lname) or lname.endswith("_input") else lname
        if cls == "InputLayer":
            if state["layers"]:
                self.bad(f"{where}: an InputLayer after other layers is not supported")
            state["input_name"] = name
            return
        if cls == "Dense":
            units = cfg.get("units")
            if not isinstance(units, int) or isinstance(units, bool) or units < 1:
                self.bad(f"{where}: units={units!r} must be a positive whole number")
                units = 1
            for key in ("bias_regularizer", "activity_regularizer", "bias_constraint"):
                if cfg.get(key) is not None:
                    self.bad(f"{where}: {key} is not supported")
            use_bias = cfg.get("use_bias", True)
            if not isinstance(use_bias, bool):
                self.bad(f"{where}: use_bias={use_bias!r} must be true or false")
            l1, l2 = self.regularizer(cfg.get("kernel_regularizer"), where)
            spec = LayerSpec.make(
                "Dense", units=units, activation=self.activation(cfg.get("activation"), where),
                use_bias=use_bias is not False,
                kernel_initializer=self.initializer(cfg.get("kernel_initializer"), where, "glorot_uniform"),
                bias_initializer=self.initializer(cfg.get("bias_initializer"), where, "zeros"),
                l1=l1, l2=l2, max_norm=self.constraint(cfg.get("kernel_constraint"), where), name=name)
        elif cls == "Dropout":
            rate = cfg.get("rate")
            if not _is_number(rate) or not 0 <= rate < 1:
                self.bad(f"{where}: dropout rate {rate!r} must be in [0, 1)")
                rate = 0.5
            if cfg.get("noise_shape") is not None:
                self.bad(f"{where}: Dropout noise_shape is not supported")
            spec = LayerSpec.make("Dropout", rate=_f32(rate), name=name)
        else:
            spec = LayerSpec.make("Activation", activation=self.activation(cfg.get("activation"), where), name=name)
        state["layers"].append(spec)

    def run(self, text: str | bytes) -> Project:
        def _no_constants(name: str) -> Any:
            raise ValueError(f"the JSON contains {name}")

        try:
            data = json.loads(text, parse_constant=_no_constants)
        except (ValueError, RecursionError) as exc:
            raise KerasImportError([f"the file is not valid JSON ({exc})"]) from None
        if not isinstance(data, dict):
            raise KerasImportError(["the file is not a Keras model (expected a JSON object)"])
        cls = data.get("class_name")
        if cls != "Sequential":
            what = "a functional Model" if cls in ("Model", "Functional") else f"a {cls!r} model"
            raise KerasImportError([f"it is {what}; only Sequential models can be imported"])
        cfg = data.get("config")
        layers = cfg if isinstance(cfg, list) else (cfg.get("layers") if isinstance(cfg, dict) else None)
        if not isinstance(layers, list):
            raise KerasImportError(["the Sequential config has no 'layers' list"])
        project = Project()
        if isinstance(cfg, dict) and isinstance(cfg.get("name"), str) and cfg["name"]:
            project.name = cfg["name"]
        state: dict[str, Any] = {"layers": [], "size": None, "float64": False, "input_name": ""}
        for i, d in enumerate(layers):
            self.layer(i, d, project, state)
        if state["size"] is None:
            bc = data.get("build_config") or (cfg.get("build_input_shape") if isinstance(cfg, dict) else None)
            shape = bc.get("input_shape") if isinstance(bc, dict) else bc
            n = self.feature_count(shape) if shape is not None else None
            state["size"] = None if n == "bad" else n
        if not state["layers"] and not self.problems:
            self.bad("the model has no layers")
        import_compile_config(data.get("compile_config"), project, self.bad)
        if self.problems:
            raise KerasImportError(self.problems)
        project.layers = [LayerSpec.make("Input", size=state["size"], name=state["input_name"])] + state["layers"]
        if state["float64"]:
            project.training["dtype"] = "float64"
        return project


def import_keras_json(text: str | bytes) -> Project:
    """A new :class:`Project` from Keras 3 or Keras 2 Sequential model JSON.

    Raises :class:`KerasImportError` listing every unsupported piece by name.
    """
    return _Importer().run(text)
