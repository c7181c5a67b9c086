"""A complete PyTorch script for a project, matching nnstudio / Keras numerically.

:func:`torch_script` returns the source; :func:`export_torch` writes it
with the data CSV and weights. The network is an ``nn.Sequential`` of
``nn.Linear`` + activation modules; each Keras kernel ``(in, out)`` is
loaded transposed (``weight = kernel.T``). Losses clip probabilities to
[1e-7, 1 − 1e-7] like Keras, L1/L2 penalties are added to the loss as Keras
does, max-norm is applied after every step, and weight decay is decoupled
(Keras 3). Adam, RMSprop and Adagrad step by Keras' formulas, not
``torch.optim``'s (see :mod:`nnstudio.export.torch_optim`), and by default
the batches come in nnstudio's order with nnstudio's dropout masks (see
:mod:`nnstudio.export.order`). The same environment variables as the Keras
script apply.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nnstudio.export.bundle import write_bundle
from nnstudio.export.keras_code import SAVE_HISTORY, constants, data_loader, header
from nnstudio.export.names import ExportError, comment_text, literal, number
from nnstudio.export.order import TORCH_DROPOUT, generator_source, order_note, uses_nnstudio_order
from nnstudio.export.spec import ExportSpec, export_spec
from nnstudio.export.torch_optim import clip_setting, make_optimizer_body, optimizer_source

#: registry activation -> nn module source (None: no module, i.e. identity after a Linear)
TORCH_ACTIVATIONS = {
    "linear": "nn.Identity()",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": "nn.LeakyReLU(0.2)",  # Keras 3's default negative slope
    "elu": "nn.ELU()",
    "softplus": "nn.Softplus()",
    "softmax": "nn.Softmax(dim=-1)",
    "step": "Step()",
}
#: registry initializer -> (scale, mode, distribution) for variance scaling, or a fixed form
VARIANCE_SCALING = {
    "glorot_uniform": (1.0, "fan_avg", "uniform"),
    "glorot_normal": (1.0, "fan_avg", "truncated_normal"),
    "he_normal": (2.0, "fan_in", "truncated_normal"),
    "he_uniform": (2.0, "fan_in", "uniform"),
    "lecun_normal": (1.0, "fan_in", "truncated_normal"),
    "lecun_uniform": (1.0, "fan_in", "uniform"),
}
FIXED_INITIALIZERS = {
    "zeros": "nn.init.zeros_(tensor)",
    "ones": "nn.init.ones_(tensor)",
    "random_normal": "nn.init.normal_(tensor, 0.0, 0.05)",
    "random_uniform": "nn.init.uniform_(tensor, -0.05, 0.05)",
}
TORCH_OPTIMIZERS = {"sgd", "adam", "rmsprop", "adagrad"}

STEP_MODULE = '''class Step(nn.Module):
    """Heaviside step, 1 where x > 0 else 0 (nnstudio's perceptron activation)."""

    def forward(self, x):
        # "+ 0 * x" keeps the graph connected: the gradient is 0, as in nnstudio.
        return (x > 0).to(x.dtype) + 0.0 * x
'''

LOSSES = {
    "mean_squared_error": ("Mean squared error over outputs and rows (Keras 'mse').",
                           ["return torch.mean((out - y) ** 2)"]),
    "mean_absolute_error": ("Mean absolute error over outputs and rows (Keras 'mae').",
                            ["return torch.mean(torch.abs(out - y))"]),
    "binary_crossentropy": (
        ("Binary cross-entropy on probabilities clipped to [EPSILON, 1 - EPSILON] as Keras does\n"
         "    (nn.BCELoss clamps the log at -100 instead: it differs only for saturated outputs)."),
        ["p = out.clamp(EPSILON, 1 - EPSILON)",
         "return -torch.mean(y * torch.log(p) + (1 - y) * torch.log(1 - p))"]),
    "categorical_crossentropy": (
        ("Cross-entropy of one-hot targets with the log of the clipped softmax output, as Keras\n"
         "    (nn.CrossEntropyLoss would expect logits, not probabilities)."),
        ["q = (out / out.sum(dim=-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)",
         "return -torch.mean(torch.sum(y * torch.log(q), dim=-1))"]),
    "sparse_categorical_crossentropy": (
        ("Cross-entropy of integer labels with the log of the clipped softmax output, as Keras\n"
         "    (nn.CrossEntropyLoss would expect logits, not probabilities)."),
        ["q = (out / out.sum(dim=-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)",
         "return -torch.mean(torch.log(q).gather(1, y[:, None]))"]),
}

METRIC_FUNCS = {
    "binary_accuracy": "return ((out > 0.5).to(y.dtype) == y).to(out.dtype).mean()",
    "categorical_accuracy": "return (out.argmax(dim=-1) == y.argmax(dim=-1)).to(out.dtype).mean()",
    "sparse_categorical_accuracy": "return (out.argmax(dim=-1) == y).to(out.dtype).mean()",
    "mse": "return torch.mean((out - y) ** 2)",
    "mae": "return torch.mean(torch.abs(out - y))",
}


def _metric_kind(spec: ExportSpec, name: str) -> str:
    from nnstudio.engine import registry

    canon = registry.get("metric", name).name
    if canon != "accuracy":
        return canon
    # Keras 3 (compile_utils.get_metric) decides from the shapes alone, not the loss.
    if spec.dense[-1].units == 1:
        return "binary_accuracy"
    if spec.label_kind == "sparse":
        return "sparse_categorical_accuracy"
    return "categorical_accuracy"


def check_supported(spec: ExportSpec) -> None:
    """Raise :class:`ExportError` for a registry name this exporter cannot write."""
    missing = sorted(a for a in spec.activations_used() if a not in TORCH_ACTIVATIONS)
    inits = {n for la in spec.dense for n in (la.kernel_initializer, la.bias_initializer)}
    missing += sorted(inits - set(VARIANCE_SCALING) - set(FIXED_INITIALIZERS))
    if spec.optimizer not in TORCH_OPTIMIZERS:
        missing.append(spec.optimizer)
    if spec.loss not in LOSSES:
        missing.append(spec.loss)
    missing += [m for m in spec.metrics if _metric_kind(spec, m) not in METRIC_FUNCS]
    if missing:
        raise ExportError(f"no PyTorch export for: {', '.join(missing)}")


def _modules(spec: ExportSpec, same_masks: bool = False) -> tuple[list[str], list[str]]:
    """Lines of the nn.Sequential body and of the DENSE table."""
    body, dense = [], []
    index = 0
    for la in spec.layers:
        label = f"  # {comment_text(la.name)}" if la.name else ""
        if la.type == "Dense":
            bias = "" if la.use_bias else ", bias=False"
            body.append(f"nn.Linear({la.in_units}, {la.units}{bias}),{label}")
            mn = "None" if la.max_norm is None else number(la.max_norm)
            dense.append(f"({index}, {literal(la.kernel_initializer)}, {literal(la.bias_initializer)}, "
                         f"{number(la.l1)}, {number(la.l2)}, {mn}),")
            index += 1
            if la.activation != "linear":
                body.append(f"{TORCH_ACTIVATIONS[la.activation]},")
                index += 1
        elif la.type == "Dropout":
            module = "NnstudioDropout" if same_masks and la.rate > 0 else "nn.Dropout"
            body.append(f"{module}({number(la.rate)}),{label}")
            index += 1
        elif la.type == "Activation":
            body.append(f"{TORCH_ACTIVATIONS[la.activation]},{label}")
            index += 1
    return body, dense


def _init_function() -> str:
    vs = "\n".join(f"    {literal(k)}: {literal(v)}," for k, v in VARIANCE_SCALING.items())
    fixed = "\n".join(f"    {'if' if i == 0 else 'elif'} name == {literal(k)}:\n        {v}"
                      for i, (k, v) in enumerate(FIXED_INITIALIZERS.items()))
    return (
        "# Keras variance-scaling initializers: (scale, mode, distribution).\n"
        f"VARIANCE_SCALING = {{\n{vs}\n}}\n\n\n"
        "def keras_init_(tensor, name, fan_in, fan_out):\n"
        '    """Fill ``tensor`` like the Keras initializer ``name`` (fans as Keras counts them)."""\n'
        f"{fixed}\n"
        "    else:\n"
        "        scale, mode, distribution = VARIANCE_SCALING[name]\n"
        "        n = {'fan_in': fan_in, 'fan_out': fan_out, 'fan_avg': (fan_in + fan_out) / 2}[mode]\n"
        "        variance = scale / max(1.0, n)\n"
        "        if distribution == 'uniform':\n"
        "            limit = math.sqrt(3.0 * variance)\n"
        "            nn.init.uniform_(tensor, -limit, limit)\n"
        "        else:  # truncated at 2 std devs; Keras divides by 0.8796 to restore the variance\n"
        "            std = math.sqrt(variance) / 0.87962566103423978\n"
        "            nn.init.trunc_normal_(tensor, 0.0, std, -2.0 * std, 2.0 * std)\n"
    )


def torch_script(project, dataset: Any = None, *, stem: str = "model", spec: ExportSpec | None = None,
                 problems: list[str] | None = None, nnstudio_order: bool = True) -> str:
    """The PyTorch script for ``project`` (see module docstring). :class:`ExportError` if impossible.

    ``nnstudio_order``: draw batch orders and dropout masks from nnstudio's generator
    (see :mod:`nnstudio.export.order`); otherwise ``torch.randperm`` and ``nn.Dropout``.
    """
    spec = spec or export_spec(project, dataset, problems=problems)
    check_supported(spec)
    same = uses_nnstudio_order(spec, nnstudio_order)
    body, dense = _modules(spec, same)
    regs = any(la.l1 or la.l2 for la in spec.dense)
    cons = any(la.max_norm is not None for la in spec.dense)
    metric_keys = {m: _metric_kind(spec, m) for m in spec.metrics}
    floatx = spec.dtype
    out = header(spec, "PyTorch")
    out += ["import json", "import math", "import os", "", "import numpy as np", "import torch", "from torch import nn",
            ""]
    out.append(constants(spec, stem).rstrip("\n"))
    out += order_note(spec, nnstudio_order)
    out.append("EPSILON = 1e-07  # Keras' fuzz factor (keras.config.epsilon())")
    if spec.weight_decay > 0:
        out.append(f"LEARNING_RATE = {number(spec.optimizer_params['learning_rate'])}")
        out.append(f"WEIGHT_DECAY = {number(spec.weight_decay)}")
    out += ["# Dense layers: (index in the nn.Sequential, kernel initializer, bias initializer,",
            "# l1, l2, max_norm)", "DENSE = ["] + [f"    {d}" for d in dense] + ["]", "", ""]
    if same:
        out += [generator_source(spec), ""]
        if any(la.type == "Dropout" and la.rate > 0 for la in spec.layers):
            out += [TORCH_DROPOUT, ""]
    if "step" in spec.activations_used():
        out += [STEP_MODULE, ""]
    out += [data_loader(spec, floatx), ""]
    out += ["def build_model():",
            '    """The network as drawn in nnstudio (nn.Linear holds the Keras kernel transposed)."""',
            "    return nn.Sequential("] + [f"        {b}" for b in body] + ["    )", "", ""]
    out += [_init_function(), ""]
    out += [
        "def init_or_load_weights(model):",
        '    """Load nnstudio\'s weights (Keras order: kernel (in, out), bias) or initialize like Keras."""',
        "    with torch.no_grad():",
        "        if os.path.exists(WEIGHTS_FILE):",
        "            with np.load(WEIGHTS_FILE, allow_pickle=False) as f:",
        "                weights = iter([f[f'w{i}'] for i in range(len(f.files))])",
        "            for index, *_ in DENSE:",
        "                linear = model[index]",
        "                linear.weight.copy_(torch.from_numpy(next(weights).T.copy()))  # weight = kernel.T",
        "                if linear.bias is not None:",
        "                    linear.bias.copy_(torch.from_numpy(next(weights)))",
        "            return",
        "        print('no weights file: initializing like Keras')",
        "        for index, kernel_init, bias_init, *_ in DENSE:",
        "            linear = model[index]",
        "            fan_out, fan_in = linear.weight.shape",
        "            keras_init_(linear.weight, kernel_init, fan_in, fan_out)",
        "            if linear.bias is not None:",
        "                keras_init_(linear.bias, bias_init, fan_out, fan_out)",
        "", "",
    ]
    doc, lines = LOSSES[spec.loss]
    if spec.label_smoothing:
        doc += f"\n    Keras label_smoothing={number(spec.label_smoothing)}: y -> y*(1 - s) + s/2 first."
        lines = [f"y = y * (1 - {number(spec.label_smoothing)}) + 0.5 * {number(spec.label_smoothing)}"] + lines
    out += ["def loss_fn(out, y):", f'    """{doc}"""'] + [f"    {ln}" for ln in lines] + ["", ""]
    out += ["def regularization(model):",
            '    """The L1/L2 kernel penalties Keras adds to the loss."""']
    if regs:
        out += ["    total = 0.0",
                "    for index, _, _, l1, l2, _ in DENSE:",
                "        kernel = model[index].weight",
                "        total = total + l1 * kernel.abs().sum() + l2 * (kernel * kernel).sum()",
                "    return total"]
    else:
        out.append("    return 0.0  # no layer is regularized")
    out += ["", ""]
    if cons:
        out += ["def apply_max_norm(model):",
                '    """Keras MaxNorm(axis=0) on a kernel (in, out) = a norm per unit: dim 1 of torch\'s (out, in)."""',
                "    with torch.no_grad():",
                "        for index, *_, max_norm in DENSE:",
                "            if max_norm is not None:",
                "                weight = model[index].weight",
                "                norms = weight.norm(dim=1, keepdim=True)",
                "                weight.mul_(norms.clamp(0.0, max_norm) / (EPSILON + norms))",
                "", ""]
    for kind in sorted(set(metric_keys.values())):
        out += [f"def {kind}(out, y):", f'    """Keras metric {kind}."""', f"    {METRIC_FUNCS[kind]}", "", ""]
    out.append("METRICS = {" + ", ".join(f"{literal(k)}: {v}" for k, v in metric_keys.items()) + "}")
    out += ["", ""] + optimizer_source(spec)
    out += ["def make_optimizer(params):", '    """The optimizer with the project\'s settings."""']
    out += [f"    {ln}" for ln in make_optimizer_body(spec)] + ["", ""]
    out += [
        "def evaluate(model, x, y):",
        '    """Loss (with the penalties, as Keras reports it) and metrics on x, y."""',
        "    model.eval()",
        "    with torch.no_grad():",
        "        out = model(x)",
        "        logs = {'loss': float(loss_fn(out, y) + regularization(model))}",
        "        logs.update({key: float(fn(out, y)) for key, fn in METRICS.items()})",
        "    return logs",
        "", "",
    ]
    out += _train_function(spec, cons, same)
    out += [SAVE_HISTORY, "", ""]
    out += [
        "def save_trained_weights(model):",
        '    """The trained weights as w0, w1, ... in Keras order (kernel = weight.T, then bias)."""',
        "    weights = []",
        "    for index, *_ in DENSE:",
        "        linear = model[index]",
        "        weights.append(linear.weight.detach().numpy().T.copy())",
        "        if linear.bias is not None:",
        "            weights.append(linear.bias.detach().numpy().copy())",
        "    np.savez(TRAINED_WEIGHTS_FILE, **{f'w{i}': w for i, w in enumerate(weights)})",
        "", "",
    ]
    out += [
        "def main():",
        '    """Build the network, load the weights and train it (or only predict)."""',
        "    torch.manual_seed(SEED)",
    ]
    if floatx == "float64":
        out.append("    torch.set_default_dtype(torch.float64)")
    out += [
        "    x, y, is_val = load_data()",
        "    model = build_model()",
        "    init_or_load_weights(model)",
        "    if os.environ.get('NNSTUDIO_PREDICT_ONLY'):",
        "        model.eval()",
        "        with torch.no_grad():",
        "            predictions = model(torch.from_numpy(x)).numpy()",
        "        np.savetxt(PREDICTIONS_FILE, predictions, delimiter=',', fmt='%.9g')",
        "        return",
        "    # The validation rows are the ones nnstudio held out (its seeded split).",
        "    x, y = torch.from_numpy(x), torch.from_numpy(y)",
        "    mask = torch.from_numpy(is_val)",
        "    validation = (x[mask], y[mask]) if bool(mask.any()) else None",
        "    history = train(model, x[~mask], y[~mask], validation)",
        "    save_history(history)",
        "    save_trained_weights(model)",
        "    if os.environ.get('NNSTUDIO_PREDICT_OUT'):",
        "        model.eval()",
        "        with torch.no_grad():",
        "            predictions = model(x).numpy()",
        "        np.savetxt(PREDICTIONS_FILE, predictions, delimiter=',', fmt='%.9g')",
        "    for key, values in history.items():",
        "        print(f'final {key}: {values[-1]:.6g}')",
        "", "",
        "if __name__ == '__main__':",
        "    main()",
    ]
    return "\n".join(out) + "\n"


def _train_function(spec: ExportSpec, cons: bool, same: bool) -> list[str]:
    es = spec.early_stopping
    out = [
        "def train(model, x_train, y_train, validation):",
        '    """Mini-batch training as Keras fit(shuffle=True): returns the history dict."""',
        "    optimizer = make_optimizer(model.parameters())",
    ]
    if same:
        out += [
            "    # nnstudio's batch order: each epoch's permutation from nnstudio's generator,",
            "    # which also draws the dropout masks (NnstudioDropout), as in nnstudio.",
            "    rng = nnstudio_generator()",
        ]
        if any(la.type == "Dropout" and la.rate > 0 for la in spec.layers):
            out += ["    for module in model.modules():",
                    "        if isinstance(module, NnstudioDropout):",
                    "            module.rng = rng"]
    else:
        out.append("    generator = torch.Generator().manual_seed(SEED)")
    out += [
        "    history = {}",
        "    n = len(x_train)",
    ]
    if es:
        out += [
            f"    monitor, patience = {literal(es['monitor'])}, {es['patience']}",
            f"    min_delta, start_from_epoch = {number(es['min_delta'])}, {es['start_from_epoch']}",
            f"    maximize = {literal('acc' in es['monitor'])}",
            "    best, best_state, wait = None, None, 0",
        ]
    out += [
        "    for epoch in range(EPOCHS):",
        "        model.train()",
        ("        order = torch.from_numpy(rng.permutation(n))" if same else
         "        order = torch.randperm(n, generator=generator)"),
        "        sums = dict.fromkeys(['loss', *METRICS], 0.0)",
        "        for start in range(0, n, BATCH_SIZE):",
        "            batch = order[start:start + BATCH_SIZE]",
        "            xb, yb = x_train[batch], y_train[batch]",
        "            out = model(xb)",
        "            loss = loss_fn(out, yb) + regularization(model)",
        "            optimizer.zero_grad()",
        "            loss.backward()",
    ]
    if clip_setting(spec) is not None:
        out.append("            clip_gradients(model.parameters())  # before weight decay, as Keras")
    if spec.weight_decay > 0:
        out += [
            "            with torch.no_grad():  # Keras 3 weight decay: decoupled, before the step",
            "                for p in model.parameters():",
            "                    p.mul_(1.0 - LEARNING_RATE * WEIGHT_DECAY)",
        ]
    out.append("            optimizer.step()")
    if cons:
        out.append("            apply_max_norm(model)")
    out += [
        "            sums['loss'] += loss.item() * len(batch)",
        "            for key, fn in METRICS.items():",
        "                sums[key] += float(fn(out.detach(), yb)) * len(batch)",
        "        logs = {key: value / n for key, value in sums.items()}",
        "        if validation is not None:",
        "            logs.update({'val_' + k: v for k, v in evaluate(model, *validation).items()})",
        "        for key, value in logs.items():",
        "            history.setdefault(key, []).append(value)",
        "        print(f'epoch {epoch + 1}/{EPOCHS} ' + ' '.join(f'{k}={v:.4f}' for k, v in logs.items()))",
    ]
    if es:
        out += [
            "        current = logs.get(monitor)",
            "        if current is None or epoch < start_from_epoch:",
            "            continue",
            "        wait += 1",
            "        if best is None or (current - min_delta > best if maximize",
            "                            else current + min_delta < best):",
            "            best, wait = current, 0",
            "            best_state = {k: v.clone() for k, v in model.state_dict().items()}",
            "        elif wait >= patience and epoch > 0:",
            "            print(f'early stopping after epoch {epoch + 1}')",
            "            break",
        ]
        if es["restore_best_weights"]:
            out += ["    if best_state is not None:", "        model.load_state_dict(best_state)"]
    out += ["    return history", "", ""]
    return out


def export_torch(project, path: str | os.PathLike, dataset: Any = None, *, nnstudio_order: bool = True) -> list[Path]:
    """Write the PyTorch script to ``path`` plus ``<stem>_data.csv`` and ``<stem>_weights.npz``."""
    path = Path(path)
    script = torch_script(project, dataset, stem=path.stem, nnstudio_order=nnstudio_order)
    return write_bundle(script, path, project, dataset)
