"""The ``compile_config`` of Keras model JSON: optimizer, loss and metrics, both ways.

Import promise: every setting is either honoured or refused by name (the
importer then imports nothing). Honoured: the optimizers of the registry with
all their registry parameters (Adam ``amsgrad``, RMSprop ``centered``,
Adagrad ``initial_accumulator_value``, ...), ``weight_decay``, gradient
clipping (``clipnorm`` / ``clipvalue`` / ``global_clipnorm``), the losses of
the registry with binary cross-entropy's ``label_smoothing``, and metrics by
name. Refused, each by name: ``use_ema``, ``loss_scale_factor``,
``gradient_accumulation_steps``, learning-rate schedules, ``from_logits``,
label smoothing of other losses, other reductions or axes, ``ignore_class``,
``loss_weights``, ``weighted_metrics``, per-output losses or metrics, and any
setting this module does not know with a value other than its neutral one.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from nnstudio.project.document import Project

#: Keras optimizer settings that change nothing when they have these values.
NEUTRAL_OPTIMIZER = {
    "name": None, "use_ema": False, "ema_momentum": None, "ema_overwrite_frequency": None,
    "loss_scale_factor": None, "gradient_accumulation_steps": None, "jit_compile": None,
    "is_legacy_optimizer": False, "decay": 0.0,
}
WHY = {
    "use_ema": "an exponential moving average of the weights",
    "loss_scale_factor": "loss scaling for mixed precision",
    "gradient_accumulation_steps": "gradient accumulation",
    "decay": "Keras 2's learning-rate decay",
}
CLIPS = ("clipnorm", "clipvalue", "global_clipnorm")
#: Keras loss classes' own settings, with their neutral values
NEUTRAL_LOSS = {"name": None, "reduction": "sum_over_batch_size", "from_logits": False, "label_smoothing": 0.0,
                "axis": -1, "ignore_class": None, "dtype": None, "fn": None}
#: Keras metric classes nnstudio computes (class name -> registry name)
METRIC_CLASSES = {"BinaryAccuracy": "binary_accuracy", "CategoricalAccuracy": "categorical_accuracy",
                  "SparseCategoricalAccuracy": "sparse_categorical_accuracy", "MeanSquaredError": "mse",
                  "MeanAbsoluteError": "mae", "Accuracy": None}


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _f32(value: float) -> float:
    """Undo float32 noise (0.05000000074505806 -> 0.05) without touching real precision."""
    return float(f"{float(value):.7g}")


def _registry_name(kind: str, name: Any) -> str | None:
    from nnstudio.engine import registry

    if not isinstance(name, str):
        return None
    try:
        return registry.get(kind, name).name
    except ValueError:
        return None


def _neutral(value: Any, neutral: Any) -> bool:
    if value is None or value is neutral:
        return True
    if isinstance(neutral, bool) or isinstance(value, bool):
        return value is neutral or (neutral is None and value is False)
    if _is_number(value) and _is_number(neutral):
        return float(value) == float(neutral)
    return value == neutral


def import_optimizer(opt: Any, project: Project, bad: Callable[[str], None]) -> None:
    from nnstudio.engine import registry

    cls = opt.get("class_name") if isinstance(opt, dict) else opt
    canon = _registry_name("optimizer", cls)
    if canon is None:
        bad(f"optimizer {cls!r} is not supported")
        return
    cfg = (opt.get("config") or {}) if isinstance(opt, dict) else {}
    if not isinstance(cfg, dict):
        bad(f"optimizer {cls!r}: unreadable config")
        return
    t = project.training
    t["optimizer"] = canon
    params = registry.get("optimizer", canon).params
    clips = [k for k in CLIPS if cfg.get(k) is not None]
    if len(clips) > 1:
        bad(f"optimizer {cls}: only one of {', '.join(CLIPS)} can be set (found {', '.join(clips)})")
    for key, value in cfg.items():
        where = f"optimizer {cls} {key}={value!r}"
        if key in ("name", "jit_compile", "ema_momentum", "ema_overwrite_frequency"):
            continue  # no effect on the updates (the EMA ones only with use_ema, refused below)
        if key in params:
            default = params[key]
            if key == "learning_rate" and not _is_number(value):
                bad(f"optimizer {cls}: a learning-rate schedule ({_class_of(value)}) is not supported")
            elif value is None and default is None:
                t[key] = None
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    bad(f"{where} must be true or false")
                else:
                    t[key] = value
            elif not _is_number(value) or (key in CLIPS and value <= 0) or value < 0:
                bad(f"{where} is not a usable number")
            else:
                t[key] = _f32(value)
        elif key == "weight_decay":
            if value is not None and (not _is_number(value) or value < 0):
                bad(f"{where} is not a usable number")
            elif value:
                t["weight_decay"] = _f32(value)
        elif key in NEUTRAL_OPTIMIZER:
            if not _neutral(value, NEUTRAL_OPTIMIZER[key]):
                what = f" ({WHY[key]})" if key in WHY else ""
                bad(f"{where}{what} is not supported by nnstudio")
        elif not _neutral(value, None):
            bad(f"{where} is not supported by nnstudio")


def _class_of(value: Any) -> str:
    return str(value.get("class_name")) if isinstance(value, dict) else type(value).__name__


def import_loss(loss: Any, project: Project, bad: Callable[[str], None]) -> None:
    if isinstance(loss, (list, dict)) and not (isinstance(loss, dict) and "class_name" in loss):
        bad("a loss per output is not supported (nnstudio models have one output)")
        return
    name, cfg = loss, {}
    if isinstance(loss, dict):
        cfg = loss.get("config") or {}
        if not isinstance(cfg, dict):
            cfg = {}
        name = cfg.get("name") or loss.get("class_name")
        if _registry_name("loss", name) is None:
            name = loss.get("class_name")
    canon = _registry_name("loss", name)
    if canon is None:
        bad(f"loss {name!r} is not supported")
        return
    label = loss.get("class_name") if isinstance(loss, dict) else name
    ok = True
    for key, value in cfg.items():
        if key == "label_smoothing" and canon == "binary_crossentropy":
            if not _is_number(value) or not 0 <= value <= 1:
                bad(f"loss {label} label_smoothing={value!r} must be a number in [0, 1]")
                ok = False
            continue
        if key == "reduction" and value in ("auto", "sum_over_batch_size", None):
            continue
        if key == "axis" and value in (-1, None, [-1]):
            continue
        if key in ("name", "dtype", "fn"):
            continue
        if not _neutral(value, NEUTRAL_LOSS.get(key)):
            bad(f"loss {label} with {key}={value!r} is not supported")
            ok = False
    if ok:
        project.training["loss"] = canon
        smoothing = cfg.get("label_smoothing") if canon == "binary_crossentropy" else None
        project.training["label_smoothing"] = _f32(smoothing) if _is_number(smoothing) else 0.0


def import_metrics(metrics: Any, project: Project, bad: Callable[[str], None]) -> None:
    if metrics is None:
        return
    if not isinstance(metrics, list):
        bad("metrics per output are not supported (nnstudio models have one output)")
        return
    names = []
    for m in metrics:
        if isinstance(m, dict):
            cls = m.get("class_name")
            cfg = m.get("config") if isinstance(m.get("config"), dict) else {}
            canon = METRIC_CLASSES.get(cls, _registry_name("metric", cls))
            extra = {k: v for k, v in cfg.items() if k not in ("name", "dtype")}
            if cls == "BinaryAccuracy" and extra.get("threshold", 0.5) == 0.5:
                extra.pop("threshold", None)
            if canon is None or extra:
                what = f" with {extra}" if extra and canon is not None else ""
                bad(f"metric {cls!r}{what} is not supported")
                continue
            names.append(canon)
        elif _registry_name("metric", m) is None:
            bad(f"metric {m!r} is not supported")
        else:
            names.append(str(m))
    if names and len(names) == len(metrics):
        project.training["metrics"] = names


def import_compile_config(cc: Any, project: Project, bad: Callable[[str], None]) -> None:
    """Honour or refuse (through ``bad``) every setting of a Keras ``compile_config``."""
    if not isinstance(cc, dict) or not cc:
        return
    if cc.get("optimizer") is not None:
        import_optimizer(cc["optimizer"], project, bad)
    if cc.get("loss") is not None:
        import_loss(cc["loss"], project, bad)
    import_metrics(cc.get("metrics"), project, bad)
    if cc.get("loss_weights") not in (None, [], {}):
        bad(f"loss_weights={cc['loss_weights']!r} is not supported")
    if cc.get("weighted_metrics") not in (None, [], {}):
        bad(f"weighted_metrics={cc['weighted_metrics']!r} (metrics weighted by sample weights) are not supported")


def export_loss(spec) -> Any:
    """The ``compile_config`` loss: a name, or a BinaryCrossentropy object with label smoothing."""
    if not spec.label_smoothing:
        return spec.loss
    return {"module": "keras.losses", "class_name": "BinaryCrossentropy",
            "config": {"name": "binary_crossentropy", "reduction": "sum_over_batch_size", "from_logits": False,
                       "label_smoothing": spec.label_smoothing, "axis": -1},
            "registered_name": None}
