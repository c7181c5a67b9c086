"""A complete, runnable Keras 3 script for a project (any Keras backend).

:func:`keras_script` returns the source; :func:`export_keras` writes it with
its data CSV and weights (see :mod:`nnstudio.export.bundle`). The script
uses ``import keras`` only (no TensorFlow import), so it runs with
``KERAS_BACKEND=torch``, ``jax`` or ``tensorflow``.

Environment variables the script understands:

* ``NNSTUDIO_PREDICT_ONLY=1``: load the weights, write predictions for
  every data row to ``<stem>_predictions.csv`` (or ``NNSTUDIO_PREDICT_OUT``)
  and exit without training;
* ``NNSTUDIO_EPOCHS=N``: train ``N`` epochs instead of the project's;
* ``NNSTUDIO_HISTORY_OUT=PATH``: write the per-epoch history (loss, metrics)
  there as JSON, e.g. to compare the curve with nnstudio's;
* ``NNSTUDIO_WEIGHTS_OUT=PATH``: where the trained weights go after training
  (default ``<stem>_trained_weights.npz``; nnstudio imports them);
* ``NNSTUDIO_PREDICT_OUT=PATH`` (when training): also write the trained
  model's predictions for every row.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nnstudio.export.bundle import companion_names, write_bundle
from nnstudio.export.names import comment_text, literal, number
from nnstudio.export.order import generator_source, keras_dataset_source, order_note, uses_nnstudio_order
from nnstudio.export.spec import ExportSpec, LayerInfo, export_spec

#: Keras 3 class names of the optimizers the registry offers.
KERAS_OPTIMIZERS = {"sgd": "SGD", "adam": "Adam", "rmsprop": "RMSprop", "adagrad": "Adagrad"}
#: Keras 3 built-in activations (anything else is defined in the script).
KERAS_ACTIVATIONS = {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax"}
#: Activations nnstudio has and Keras lacks: source of a registered function.
CUSTOM_ACTIVATIONS = {
    "step": (
        "@keras.saving.register_keras_serializable(package='nnstudio')\n"
        "def step(x):\n"
        '    """Heaviside step, 1 where x > 0 else 0 (nnstudio\'s perceptron activation)."""\n'
        "    # '+ 0 * x' keeps the gradient path (its value is 0, as in nnstudio).\n"
        "    return keras.ops.cast(keras.ops.greater(x, 0), x.dtype) + 0.0 * x\n"
    ),
}
KERAS_INITIALIZERS = {
    "zeros", "ones", "random_normal", "random_uniform", "glorot_uniform", "glorot_normal",
    "he_normal", "he_uniform", "lecun_normal", "lecun_uniform",
}


SAVE_HISTORY = (
    "def save_history(history):\n"
    '    """Write the per-epoch history as JSON to NNSTUDIO_HISTORY_OUT, if set (to compare runs)."""\n'
    "    path = os.environ.get('NNSTUDIO_HISTORY_OUT')\n"
    "    if path:\n"
    "        with open(path, 'w', encoding='utf-8') as f:\n"
    "            json.dump({key: [float(v) for v in values] for key, values in history.items()}, f)"
)


def check_supported(spec: ExportSpec) -> None:
    """Raise :class:`ExportError` if a registry name has no Keras spelling here."""
    from nnstudio.export.names import ExportError

    missing = sorted(a for a in spec.activations_used() if a not in KERAS_ACTIVATIONS | set(CUSTOM_ACTIVATIONS))
    missing += sorted({n for la in spec.dense for n in (la.kernel_initializer, la.bias_initializer)}
                      - KERAS_INITIALIZERS)
    if spec.optimizer not in KERAS_OPTIMIZERS:
        missing.append(spec.optimizer)
    if missing:
        raise ExportError(f"no Keras export for: {', '.join(missing)}")


def float_array(name: str, values: list[float], indent: str = "") -> str:
    """``NAME = np.array([...])`` wrapped at ~88 columns."""
    lines, line = [], indent + "    "
    for v in values:
        item = number(v) + ", "
        if len(line) + len(item) > 88:
            lines.append(line.rstrip())
            line = indent + "    "
        line += item
    lines.append(line.rstrip().rstrip(","))
    return f"{indent}{name} = np.array([\n" + "\n".join(lines) + f"\n{indent}])\n"


def _activation_arg(name: str) -> str:
    return name if name in CUSTOM_ACTIVATIONS else literal(name)


def _layer_call(la: LayerInfo) -> str:
    args: list[str] = []
    if la.type == "Input":
        args.append(f"shape=({la.size},)")
    elif la.type == "Dense":
        args.append(str(la.units))
        args.append(f"activation={_activation_arg(la.activation)}")
        if not la.use_bias:
            args.append("use_bias=False")
        if la.kernel_initializer != "glorot_uniform":
            args.append(f"kernel_initializer={literal(la.kernel_initializer)}")
        if la.use_bias and la.bias_initializer != "zeros":
            args.append(f"bias_initializer={literal(la.bias_initializer)}")
        if la.l1 or la.l2:
            args.append(f"kernel_regularizer=L1L2(l1={number(la.l1)}, l2={number(la.l2)})")
        if la.max_norm is not None:
            args.append(f"kernel_constraint=MaxNorm({number(la.max_norm)})")
    elif la.type == "Dropout":
        args.append(number(la.rate))
    elif la.type == "Activation":
        args.append(_activation_arg(la.activation))
    if la.name:
        args.append(f"name={literal(la.name)}")
    call = f"{la.type}({', '.join(args)})"
    if len(call) > 80 and la.type == "Dense":
        inner = ",\n                ".join(args)
        call = f"Dense(\n                {inner},\n            )"
    return call


def _optimizer_call(spec: ExportSpec) -> str:
    cls = KERAS_OPTIMIZERS[spec.optimizer]
    parts = []
    for key, value in spec.optimizer_params.items():
        if value is None:
            continue  # an optional setting that is off (gradient clipping)
        parts.append(f"{key}={literal(value) if isinstance(value, bool) else number(value)}")
    if spec.weight_decay > 0:
        parts.append(f"weight_decay={number(spec.weight_decay)}")
    return f"{cls}({', '.join(parts)})"


def data_loader(spec: ExportSpec, floatx: str) -> str:
    """Source of ``load_data()`` (shared with the PyTorch script)."""
    out = [
        "def load_data():",
        '    """Features, targets and the validation mask (the rows nnstudio held out)."""',
        "    data = np.loadtxt(DATA_FILE, delimiter=',', skiprows=1, ndmin=2)",
    ]
    if spec.features is not None:
        out += ["    x = data[:, :N_COLUMNS]",
                "    y = data[:, N_COLUMNS:N_COLUMNS + N_TARGETS]",
                "    is_val = data[:, -1] == 1",
                "    x = derive_features(x)  # the input features nnstudio derived, before any scaling"]
    else:
        out += ["    x = data[:, :N_FEATURES]",
                "    y = data[:, N_FEATURES:N_FEATURES + N_TARGETS]",
                "    is_val = data[:, -1] == 1"]
    if spec.mean is not None:
        out.append("    # Standardized with the mean / scale of the training rows, as nnstudio did.")
        out.append("    x = (x - MEAN) / SCALE")
    out.append(f"    x = x.astype({literal(floatx)})")
    kind = spec.label_kind
    if kind == "sparse":
        out.append("    y = y[:, 0].astype('int64')  # class labels 0..k-1")
    elif kind == "one_hot":
        out.append(f"    y = np.eye(N_CLASSES, dtype={literal(floatx)})[y[:, 0].astype('int64')]  # one-hot")
    elif kind == "binary":
        out.append(f"    y = y.astype({literal(floatx)})  # labels 0/1 as one float column")
    else:
        out.append(f"    y = y.astype({literal(floatx)})")
    out.append("    return x, y, is_val")
    text = "\n".join(out) + "\n"
    if spec.features is not None:
        from nnstudio.data.features import SCRIPT_SOURCE

        text = SCRIPT_SOURCE + "\n\n" + text
    return text


def constants(spec: ExportSpec, stem: str) -> str:
    """File names, sizes and scaling constants (shared with the PyTorch script)."""
    names = companion_names(stem + ".py")
    out = [
        "HERE = os.path.dirname(os.path.abspath(__file__))",
        f"DATA_FILE = os.path.join(HERE, {literal(names['data'])})",
        f"WEIGHTS_FILE = os.path.join(HERE, {literal(names['weights'])})",
        "PREDICTIONS_FILE = os.environ.get(",
        f"    'NNSTUDIO_PREDICT_OUT', os.path.join(HERE, {literal(names['predictions'])}))",
        "# After training: the trained weights, in the same w0, w1, ... form (File > Import > Weights",
        "# in nnstudio shows them on its canvas).",
        "TRAINED_WEIGHTS_FILE = os.environ.get(",
        f"    'NNSTUDIO_WEIGHTS_OUT', os.path.join(HERE, {literal(names['trained'])}))",
        f"N_FEATURES = {spec.n_features}",
        f"N_TARGETS = {spec.n_targets}",
    ]
    if spec.label_kind == "one_hot":
        out.append(f"N_CLASSES = {spec.n_classes}")
    out += [
        f"BATCH_SIZE = {spec.batch_size}",
        f"EPOCHS = int(os.environ.get('NNSTUDIO_EPOCHS', '{spec.epochs}'))",
        f"SEED = {literal(spec.seed if spec.seed is not None else 0)}",
    ]
    if spec.features is not None:
        out.append(f"N_COLUMNS = {spec.n_columns}  # raw feature columns in the data file")
        out.append(f"FEATURES = {literal(spec.features)}  # derived from them (see derive_features)")
    text = "\n".join(out) + "\n"
    if spec.mean is not None:
        text += float_array("MEAN", spec.mean) + float_array("SCALE", spec.scale)
    return text


def header(spec: ExportSpec, framework: str) -> list[str]:
    """The module docstring and the comment block naming the project and its problems."""
    lines = [
        f'"""{framework} script exported from nnstudio.',
        "",
        "Reads the data (and, if present, the weights) written beside this file.",
        "NNSTUDIO_PREDICT_ONLY=1 only writes predictions for every data row to",
        "PREDICTIONS_FILE and exits; NNSTUDIO_EPOCHS=N trains N epochs instead;",
        "NNSTUDIO_HISTORY_OUT=PATH writes the per-epoch history there as JSON. After training",
        "the trained weights go to TRAINED_WEIGHTS_FILE (and, with NNSTUDIO_PREDICT_OUT set,",
        "the trained model's predictions for every row to PREDICTIONS_FILE).",
        '"""',
        f"# Project: {comment_text(spec.project_name)}",
    ]
    for p in spec.problems:
        lines.append(f"# nnstudio reports: {comment_text(p, 200)}")
    return lines


def _loss_arg(spec: ExportSpec) -> str:
    if spec.label_smoothing:
        return f"keras.losses.BinaryCrossentropy(label_smoothing={number(spec.label_smoothing)})"
    return literal(spec.loss)


def keras_script(project, dataset: Any = None, *, stem: str = "model", spec: ExportSpec | None = None,
                 problems: list[str] | None = None, nnstudio_order: bool = True) -> str:
    """The Keras 3 script for ``project`` (see module docstring). :class:`ExportError` if impossible.

    ``nnstudio_order``: feed the batches in nnstudio's order (see :mod:`nnstudio.export.order`);
    otherwise ``fit(shuffle=True)``.
    """
    spec = spec or export_spec(project, dataset, problems=problems)
    check_supported(spec)
    same = uses_nnstudio_order(spec, nnstudio_order)
    used = [la.type for la in spec.layers]
    layer_imports = sorted(set(used))
    regs = any(la.l1 or la.l2 for la in spec.dense)
    cons = any(la.max_norm is not None for la in spec.dense)
    custom = sorted(a for a in spec.activations_used() if a in CUSTOM_ACTIVATIONS)
    floatx = spec.dtype
    out = header(spec, "Keras 3")
    out += ["import json", "import os", "", "import keras", "import numpy as np"]
    if spec.early_stopping:
        out.append("from keras.callbacks import EarlyStopping")
    if cons:
        out.append("from keras.constraints import MaxNorm")
    out.append(f"from keras.layers import {', '.join(layer_imports)}")
    out.append("from keras.models import Sequential")
    out.append(f"from keras.optimizers import {KERAS_OPTIMIZERS[spec.optimizer]}")
    if regs:
        out.append("from keras.regularizers import L1L2")
    out += ["", constants(spec, stem)] + order_note(spec, nnstudio_order)
    if same:
        out += ["", generator_source(spec), "", keras_dataset_source(spec)]
    for name in custom:
        out += ["", CUSTOM_ACTIVATIONS[name]]
    out += ["", data_loader(spec, floatx), ""]
    out.append("def build_model():")
    out.append('    """The network as drawn in nnstudio."""')
    out.append("    return Sequential(")
    out.append("        [")
    for la in spec.layers:
        out.append(f"            {_layer_call(la)},")
    out.append("        ],")
    out.append(f"        name={literal(spec.model_name)},")
    out.append("    )")
    out += ["", ""]
    out += [
        "def load_weights(model):",
        '    """Set the weights nnstudio exported (w0, w1, ... in Keras order), if the file exists."""',
        "    if not os.path.exists(WEIGHTS_FILE):",
        "        print('no weights file: starting from freshly initialized weights')",
        "        return",
        "    with np.load(WEIGHTS_FILE, allow_pickle=False) as f:",
        "        weights = [f[f'w{i}'] for i in range(len(f.files))]",
        "    model.set_weights(weights)",
        "",
        "",
        SAVE_HISTORY,
        "",
        "",
        "def main():",
        '    """Build, compile and train the network (or only predict)."""',
        "    keras.utils.set_random_seed(SEED)",
    ]
    if floatx == "float64":
        out.append("    keras.config.set_floatx('float64')")
    out += [
        "    x, y, is_val = load_data()",
        "    model = build_model()",
        "    load_weights(model)",
        "    model.compile(",
        f"        optimizer={_optimizer_call(spec)},",
        f"        loss={_loss_arg(spec)},",
        f"        metrics={literal(list(spec.metrics))},",
        "    )",
        "    if os.environ.get('NNSTUDIO_PREDICT_ONLY'):",
        "        predictions = model.predict(x, batch_size=BATCH_SIZE, verbose=0)",
        "        np.savetxt(PREDICTIONS_FILE, predictions, delimiter=',', fmt='%.9g')",
        "        return",
        "    model.summary()",
        "    # Keras' validation_split would hold out the LAST rows; nnstudio picks the",
        "    # validation rows with a seeded shuffle. The is_validation column marks those",
        "    # same rows, so they are passed explicitly as validation_data.",
        "    x_train, y_train = x[~is_val], y[~is_val]",
        "    validation = (x[is_val], y[is_val]) if is_val.any() else None",
    ]
    callbacks = "[]"
    if spec.early_stopping:
        es = spec.early_stopping
        out += [
            "    early_stopping = EarlyStopping(",
            f"        monitor={literal(es['monitor'])},",
            f"        patience={es['patience']},",
            f"        min_delta={number(es['min_delta'])},",
            f"        restore_best_weights={literal(es['restore_best_weights'])},",
            f"        start_from_epoch={es['start_from_epoch']},",
            "    )",
        ]
        callbacks = "[early_stopping]"
    if same:
        inner = callbacks[1:-1]
        out += [
            "    # The batches in nnstudio's order (NnstudioBatches), not Keras' own shuffle.",
            "    batches = NnstudioBatches(x_train, y_train, nnstudio_generator())",
            "    history = model.fit(",
            "        batches,",
            "        epochs=EPOCHS,",
            "        validation_data=validation,",
            "        validation_batch_size=BATCH_SIZE,",
            "        shuffle=False,  # True would shuffle the order of the batches",
            f"        callbacks=[NnstudioOrder(batches){', ' + inner if inner else ''}],",
            "    )",
        ]
    else:
        out += [
            "    history = model.fit(",
            "        x_train,",
            "        y_train,",
            "        batch_size=BATCH_SIZE,",
            "        epochs=EPOCHS,",
            "        validation_data=validation,",
            "        shuffle=True,",
            f"        callbacks={callbacks},",
            "    )",
        ]
    out += [
        "    save_history(history.history)",
        "    weights = model.get_weights()  # Keras order: kernel (in, out), bias per Dense layer",
        "    np.savez(TRAINED_WEIGHTS_FILE, **{f'w{i}': w for i, w in enumerate(weights)})",
        "    if os.environ.get('NNSTUDIO_PREDICT_OUT'):",
        "        predictions = model.predict(x, batch_size=BATCH_SIZE, verbose=0)",
        "        np.savetxt(PREDICTIONS_FILE, predictions, delimiter=',', fmt='%.9g')",
        "    for key, values in history.history.items():",
        "        if values:",
        "            print(f'final {key}: {values[-1]:.6g}')",
        "",
        "",
        "if __name__ == '__main__':",
        "    main()",
    ]
    return "\n".join(out) + "\n"


def export_keras(project, path: str | os.PathLike, dataset: Any = None, *, nnstudio_order: bool = True) -> list[Path]:
    """Write the Keras script to ``path`` plus ``<stem>_data.csv`` and ``<stem>_weights.npz``."""
    path = Path(path)
    script = keras_script(project, dataset, stem=path.stem, nnstudio_order=nnstudio_order)
    return write_bundle(script, path, project, dataset)
