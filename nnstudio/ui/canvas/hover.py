"""Hover texts of the canvas: a neuron's or a weight's formula with the real numbers.

The numbers are the selected sample's (``state.live_values``: per project layer
``(z, a)``) and the live weights (``state.live_weights``), so the text changes
while training runs; the scene re-shows it on every live update while the
pointer stays put (TensorFlow Playground only shows a weight's value).
"""

from __future__ import annotations

import numpy as np

from nnstudio.data import features as nnfeatures
from nnstudio.ui.canvas.layout import tr

#: how many terms of z = Σ wᵢ·aᵢ + b a text spells out before "…"
TOOLTIP_TERMS = 8


def dense_weights(project, weights) -> dict[int, tuple[np.ndarray, np.ndarray | None]]:
    """Map a Keras-order weights list to ``{layer index: (kernel, bias)}`` for Dense layers.

    Returns ``{}`` when the list does not fit the document (stale weights).
    """
    if not weights:
        return {}
    out = {}
    k = 0
    for i, spec in enumerate(project.layers):
        if spec.type != "Dense":
            continue
        use_bias = bool(spec.params.get("use_bias", True))
        need = 2 if use_bias else 1
        if k + need > len(weights):
            return {}
        kernel = np.asarray(weights[k])
        bias = np.asarray(weights[k + 1]) if use_bias else None
        if kernel.ndim != 2:
            return {}
        out[i] = (kernel, bias)
        k += need
    return out


def fmt(v: float) -> str:
    """A number as the texts show it (3 significant digits, a real minus sign)."""
    return f"{float(v):.3g}".replace("-", "−")


def _activation_formula(name: str) -> str:
    try:
        from nnstudio.engine import registry

        return registry.get("activation", name).formula
    except Exception:  # unknown name: the text just omits the formula
        return ""


def _values(state, i: int):
    values = state.live_values
    if values is None or len(values) != len(state.project.layers) or not 0 <= i < len(values):
        return None
    return values[i]


def input_name(state, unit: int) -> str:
    """The label of input node ``unit``: a column name or a ticked derived feature (x₁², r, θ, ...)."""
    ds, layers = state.dataset, state.project.layers
    if ds is None:
        return f"x{unit + 1}"
    feats = layers[0].params.get("features") if layers and layers[0].type == "Input" else None
    try:
        names = nnfeatures.labels(feats, ds.feature_names)
    except ValueError:
        names = ds.feature_names
    return names[unit] if unit < len(names) else f"x{unit + 1}"


_input_name = input_name


def _at(arr, unit: int) -> float:
    return float(np.ravel(arr)[unit]) if arr is not None and unit < np.size(arr) else float("nan")


def neuron_text(state, i: int, unit: int) -> str:
    """z = Σ wᵢ·aᵢ + b = … and a = f(z) = … for neuron ``unit`` of project layer ``i``."""
    project = state.project
    if not 0 <= i < len(project.layers):
        return ""
    spec = project.layers[i]
    head = tr("Layer {i} ({type}), neuron {k}").format(i=i, type=spec.type, k=unit + 1)
    here = _values(state, i)
    if here is None:
        hint = tr("Train the network (or step once) to see this neuron's values for the selected sample.")
        if spec.type == "Dense":
            return f"{head}\nz = Σ wᵢ·aᵢ + b\na = {spec.params['activation']}(z)\n{hint}"
        return f"{head}\n{hint}"
    sample = tr("for sample {n}").format(n=state.selected_sample)
    z, a = here
    a_val = _at(a, unit)
    if spec.type == "Input":
        return f"{head} · {sample}\n{_input_name(state, unit)} = {fmt(a_val)}"
    if spec.type == "Dense":
        lines = [f"{head} · {sample}"]
        kb = dense_weights(project, state.live_weights).get(i)
        before = _values(state, i - 1)
        prev = before[1] if before is not None else None
        z_val = _at(z, unit)
        if kb is not None and prev is not None and unit < kb[0].shape[1]:
            kernel, bias = kb
            prev = np.ravel(prev)
            n = min(len(prev), kernel.shape[0])
            terms = [f"{fmt(kernel[j, unit])}×{fmt(prev[j])}" for j in range(min(n, TOOLTIP_TERMS))]
            if n > TOOLTIP_TERMS:
                terms.append("…")
            b = f" + {fmt(bias[unit])}" if bias is not None else ""
            lines.append(f"z = Σ wᵢ·aᵢ + b = {' + '.join(terms)}{b} = {fmt(z_val)}")
        else:
            lines.append(f"z = Σ wᵢ·aᵢ + b = {fmt(z_val)}")
        act = spec.params["activation"]
        lines.append(f"a = f(z) = {act}({fmt(z_val)}) = {fmt(a_val)}")
        formula = _activation_formula(act)
        if formula:
            lines.append(formula)
        return "\n".join(lines)
    if spec.type == "Activation":
        return f"{head} · {sample}\na = {spec.params['activation']}(z) = {fmt(a_val)}"
    return f"{head} · {sample}\na = {fmt(a_val)}"


def weight_text(state, i: int, unit_in: int, unit_out: int) -> str:
    """The weight from neuron ``unit_in`` of layer ``i - 1`` to ``unit_out`` of layer ``i``, with its share of z."""
    project = state.project
    kb = dense_weights(project, state.live_weights).get(i)
    head = tr("Weight from neuron {a} of layer {la} to neuron {b} of layer {lb}").format(
        a=unit_in + 1, la=i - 1, b=unit_out + 1, lb=i)
    if kb is None or unit_in >= kb[0].shape[0] or unit_out >= kb[0].shape[1]:
        return f"{head}\n" + tr("Train the network (or step once) to see its value.")
    w = float(kb[0][unit_in, unit_out])
    lines = [head, f"w = {fmt(w)}"]
    before, here = _values(state, i - 1), _values(state, i)
    if before is not None:
        a_in = _at(before[1], unit_in)
        lines.append(tr("its share of z for sample {n}: w·a = {w} × {a} = {p}").format(
            n=state.selected_sample, w=fmt(w), a=fmt(a_in), p=fmt(w * a_in)))
        if here is not None:
            lines.append(tr("z of neuron {b} = {z}").format(b=unit_out + 1, z=fmt(_at(here[0], unit_out))))
    lines.append(tr("Orange lines are positive weights, blue negative; thicker means larger |w|."))
    return "\n".join(lines)
