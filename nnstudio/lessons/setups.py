"""Step set-ups: merging a comparison variant over its step, and checking names.

A set-up is a partial project (``layers`` / ``training`` / ``dataset``, see
``resources/lessons/README.md``). :func:`merge_setup` applies one set-up over
another with the same rules the project uses (layers and dataset replace,
training merges key by key). :func:`setup_problems` checks every name a set-up
uses against the engine registry and the data registry (imported lazily, so
loading lessons never needs the engine).
"""

from __future__ import annotations

import copy

__all__ = ["merge_setup", "setup_problems", "step_setups", "as_applied", "context_setup", "canvas_matches"]


def merge_setup(base: dict | None, override: dict | None) -> dict:
    """``override`` applied over ``base`` (both partial projects); inputs are not changed."""
    out = copy.deepcopy(base or {})
    for key, value in (override or {}).items():
        if key == "training":
            tr = out.setdefault("training", {})
            for k, v in value.items():
                if k == "early_stopping":
                    tr.setdefault("early_stopping", {}).update(copy.deepcopy(v))
                else:
                    tr[k] = copy.deepcopy(v)
        else:
            out[key] = copy.deepcopy(value)
    return out


def step_setups(step) -> list[tuple[str, dict]]:
    """Every full set-up a step can apply: its own (name '') and each compare variant merged over it."""
    out = []
    if step.setup is not None:
        out.append(("", step.setup))
    for v in step.compare:
        out.append((v.name, merge_setup(step.setup, v.setup)))
    return out


def setup_problems(setup: dict) -> list[str]:
    """Names in ``setup`` unknown to the engine or data registries ([] when all are fine)."""
    from nnstudio.engine import registry as ereg

    problems: list[str] = []

    def known(kind: str, name, where: str) -> None:
        try:
            ereg.get(kind, name)
        except (ValueError, KeyError) as exc:
            problems.append(f"{where}: {exc}")

    for i, layer in enumerate(setup.get("layers", [])):
        where = f"layers[{i}]"
        known("layer", layer["type"], where + ".type")
        if "activation" in layer:
            known("activation", layer["activation"], where + ".activation")
        for key in ("kernel_initializer", "bias_initializer"):
            if key in layer:
                known("initializer", layer[key], f"{where}.{key}")
    tr = setup.get("training", {})
    if "loss" in tr:
        known("loss", tr["loss"], "training.loss")
    if "optimizer" in tr:
        known("optimizer", tr["optimizer"], "training.optimizer")
    for m in tr.get("metrics", []) or []:
        known("metric", m, "training.metrics")
    ds = setup.get("dataset")
    if ds is not None:
        from nnstudio import data as nndata

        try:
            gen = nndata.get_generator(ds["name"])
        except (ValueError, KeyError) as exc:
            problems.append(f"dataset.name: {exc}")
        else:
            valid = {p.name for p in gen.params}
            for p in ds.get("params", {}):
                if p not in valid:
                    problems.append(f"dataset.params: {ds['name']} has no parameter {p!r} (has: {sorted(valid)})")
    return problems


def as_applied(setup: dict) -> dict:
    """``setup`` as a lesson applies it: a step that names no ``training`` resets training to the defaults.

    ``setup_edits`` applies a ``training`` block over the default training
    settings; giving every set-up one (empty if need be) means no set-up ever
    inherits what the previous lesson or the learner left behind.
    """
    out = copy.deepcopy(setup or {})
    out.setdefault("training", {})
    return out


def context_setup(lesson, index: int):
    """``(step_index, setup)`` of the network step ``index`` is about, or None.

    A step's own set-up; for a step without one, the nearest earlier step's
    (the text builds on it), else the nearest later one's (the lesson is
    heading there).
    """
    steps = lesson.steps
    if not 0 <= index < len(steps):
        return None
    order = [index] + list(range(index - 1, -1, -1)) + list(range(index + 1, len(steps)))
    for i in order:
        if steps[i].setup is not None:
            return i, steps[i].setup
    return None


def _layer_key(d: dict) -> dict:
    from nnstudio.project import LayerSpec

    spec = LayerSpec.from_dict({k: v for k, v in d.items() if k not in ("id", "name")})
    return {"type": spec.type, **spec.params}


def canvas_matches(project, setup: dict) -> bool:
    """Whether ``project`` already has the network and data ``setup`` puts on the canvas.

    Layers compare by type and every parameter (defaults filled in; ids and
    names ignored); the dataset by name, parameters and preprocessing. The
    training settings are not part of what the canvas shows.
    """
    from nnstudio.project import DEFAULT_DATASET

    if "layers" in setup:
        try:
            want = [_layer_key(d) for d in setup["layers"]]
        except ValueError:
            return False
        have = [{"type": s.type, **s.params} for s in project.layers]
        if want != have:
            return False
    if "dataset" in setup:
        ds = copy.deepcopy(DEFAULT_DATASET)
        ds.update(copy.deepcopy(setup["dataset"]))
        keys = ("source", "name", "params", "standardize", "one_hot", "split_seed")
        if any(project.dataset.get(k) != ds.get(k) for k in keys):
            return False
    return True
