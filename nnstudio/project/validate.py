"""Check a project against its dataset and the lesson's rules (no Qt).

``validate(project, dataset)`` returns a list of :class:`Problem`; each has
a severity (``error`` blocks training, ``warning`` does not), a message that
says what is wrong and why, the layer it concerns and, where one exists, a
:class:`Fix` made of document edits (the same edits user actions make, so a
fix is one undoable step).

``dataset`` is anything with ``n_features``, ``n_samples``, ``task``
(``regression`` / ``binary`` / ``multiclass``), ``n_classes`` and
``n_outputs`` - a :class:`nnstudio.data.Dataset` or a summary of one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from nnstudio.project.document import LayerSpec, Project

ERROR, WARNING = "error", "warning"
CE_LOSSES = {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}
CONSTANT_INITS = {"zeros", "ones"}


@dataclass
class Fix:
    """A one-click repair: a label for the button and the edits it applies."""

    label: str
    edits: list[tuple] = field(default_factory=list)


@dataclass
class Problem:
    severity: str
    code: str
    message: str
    layer: int | None = None
    fix: Fix | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def _output(project: Project) -> tuple[int | None, str | None]:
    """Index of the output Dense layer and the activation the network ends with."""
    dense = [i for i, s in enumerate(project.layers) if s.type == "Dense"]
    if not dense:
        return None, None
    out = dense[-1]
    act = project.layers[out].params["activation"]
    for s in project.layers[out + 1:]:
        if s.type == "Activation":
            act = s.params["activation"]
    return out, act


def _structure(project: Project) -> list[Problem]:
    layers = project.layers
    probs: list[Problem] = []
    inputs = [i for i, s in enumerate(layers) if s.type == "Input"]
    if not inputs:
        probs.append(Problem(ERROR, "no_input", "The network has no Input layer. Every network starts with one: "
                             "it passes the data's features on without computing anything.", None,
                             Fix("Add an Input layer", [("insert_layer", 0, LayerSpec.make("Input").to_dict())])))
    elif inputs[0] != 0:
        probs.append(Problem(ERROR, "input_not_first", "The Input layer must come first.", inputs[0],
                             Fix("Move the Input layer to the start", [("move_layer", inputs[0], 0)])))
    for extra in inputs[1:]:
        probs.append(Problem(ERROR, "extra_input", "A Sequential network has exactly one Input layer.", extra,
                             Fix("Remove this extra Input layer", [("remove_layer", extra)])))
    if not any(s.type == "Dense" for s in layers):
        probs.append(Problem(ERROR, "no_output", "The network has no Dense layer, so nothing is computed. "
                             "Add at least an output layer.", None,
                             Fix("Add a Dense output layer",
                                 [("insert_layer", len(layers), LayerSpec.make("Dense", units=1, activation="sigmoid").to_dict())])))
    if layers and layers[-1].type == "Dropout":
        probs.append(Problem(ERROR, "dropout_last", "Dropout cannot be the last layer: the output would be "
                             "randomly zeroed while training.", len(layers) - 1,
                             Fix("Remove the trailing Dropout", [("remove_layer", len(layers) - 1)])))
    for i, s in enumerate(layers):
        if s.type == "Dense" and (not isinstance(s.params["units"], int) or s.params["units"] < 1):
            probs.append(Problem(ERROR, "bad_units", f"Layer {i} needs at least 1 unit.", i,
                                 Fix("Use 1 unit", [("set_layer", i, "units", 1)])))
        if s.type == "Dropout" and not 0.0 <= float(s.params["rate"]) < 1.0:
            probs.append(Problem(ERROR, "bad_rate", f"Dropout rate must be in [0, 1); layer {i} has "
                                 f"{s.params['rate']}.", i, Fix("Use rate 0.5", [("set_layer", i, "rate", 0.5)])))
    return probs


def _against_data(project: Project, ds) -> list[Problem]:
    probs: list[Problem] = []
    layers = project.layers
    if layers and layers[0].type == "Input":
        size = layers[0].params.get("size")
        if size is not None and size != ds.n_features:
            probs.append(Problem(ERROR, "input_size", f"The Input layer expects {size} features but the dataset "
                                 f"has {ds.n_features}. The input size must equal the number of features.", 0,
                                 Fix(f"Follow the dataset ({ds.n_features} features)", [("set_layer", 0, "size", None)])))
    out, act = _output(project)
    loss = project.training["loss"]
    one_hot = bool(project.dataset.get("one_hot"))
    if out is None:
        return probs
    units = layers[out].params["units"]
    if ds.task == "regression":
        want = ds.n_outputs
        if act in ("softmax", "sigmoid", "step") or loss in CE_LOSSES or units != want:
            edits = [("set_layer", out, "units", want)] if units != want else []
            if act != "linear":
                edits.append(("set_layer", out, "activation", "linear"))
                for i in range(out + 1, len(layers)):
                    if layers[i].type == "Activation":
                        edits.append(("set_layer", i, "activation", "linear"))
            if loss in CE_LOSSES:
                edits.append(("set_training", "loss", "mean_squared_error"))
            probs.append(Problem(ERROR, "regression_output", "The target is a real number (regression): the output "
                                 f"layer needs a linear activation and one unit per target ({want}), with a loss such as "
                                 f"MSE. Now: {units} unit(s), '{act}', loss '{loss}'.", out,
                                 Fix("Linear output, one unit per target, MSE", edits)))
        return probs
    k = ds.n_classes
    if ds.task == "multiclass":
        if act == "sigmoid":
            probs.append(Problem(ERROR, "sigmoid_multiclass", f"A sigmoid output cannot choose among {k} classes: use "
                                 f"softmax with one unit per class.", out,
                                 Fix(f"Softmax with {k} units", [("set_layer", out, "activation", "softmax"),
                                                                ("set_layer", out, "units", k)]
                                     + ([("set_training", "loss", "sparse_categorical_crossentropy")]
                                        if loss == "binary_crossentropy" else []))))
        elif units != k:
            probs.append(Problem(ERROR, "output_units", f"The dataset has {k} classes but the output layer has "
                                 f"{units} unit(s); a multi-class output needs one unit per class.", out,
                                 Fix(f"Use {k} output units", [("set_layer", out, "units", k)])))
        if loss == "binary_crossentropy" and act != "sigmoid":
            probs.append(Problem(ERROR, "bce_multiclass", "Binary cross-entropy is for two classes; with "
                                 f"{k} classes use (sparse) categorical cross-entropy.", out,
                                 Fix("Use sparse categorical cross-entropy",
                                     [("set_training", "loss", "sparse_categorical_crossentropy")])))
    elif ds.task == "binary":
        if act == "softmax" and loss == "binary_crossentropy":
            probs.append(Problem(ERROR, "softmax_bce", "A softmax output with binary cross-entropy does not work: "
                                 "softmax over one unit is always 1. Binary classification uses one sigmoid unit.", out,
                                 Fix("One sigmoid output unit", [("set_layer", out, "activation", "sigmoid"),
                                                                 ("set_layer", out, "units", 1)])))
        elif loss == "binary_crossentropy" and units != 1:
            probs.append(Problem(ERROR, "output_units", f"Binary cross-entropy needs one output unit (the probability "
                                 f"of class 1); the output layer has {units}.", out,
                                 Fix("Use 1 output unit", [("set_layer", out, "units", 1)])))
        elif loss in ("categorical_crossentropy", "sparse_categorical_crossentropy") and units != 2:
            probs.append(Problem(ERROR, "output_units", f"With {loss} a two-class problem needs 2 output units "
                                 f"(one per class); the output layer has {units}.", out,
                                 Fix("Use 2 output units", [("set_layer", out, "units", 2)])))
        if loss == "binary_crossentropy" and act not in ("sigmoid",) and act != "softmax":
            probs.append(Problem(WARNING, "bce_not_sigmoid", f"Binary cross-entropy expects a probability; the output "
                                 f"activation '{act}' does not give one. Use sigmoid.", out,
                                 Fix("Sigmoid output", [("set_layer", out, "activation", "sigmoid")])))
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy") and act not in ("softmax",):
        probs.append(Problem(WARNING, "ce_not_softmax", f"{loss} expects class probabilities from a softmax output; "
                             f"this output uses '{act}'.", out,
                             Fix("Softmax output", [("set_layer", out, "activation", "softmax")])))
    if loss == "categorical_crossentropy" and not one_hot:
        probs.append(Problem(ERROR, "label_format", "categorical_crossentropy expects one-hot labels, but this "
                             "dataset's labels are class numbers (0, 1, 2, ...). Use sparse categorical "
                             "cross-entropy, or switch the labels to one-hot.", out,
                             Fix("Use sparse_categorical_crossentropy",
                                 [("set_training", "loss", "sparse_categorical_crossentropy")])))
    if loss == "sparse_categorical_crossentropy" and one_hot:
        probs.append(Problem(ERROR, "label_format", "sparse_categorical_crossentropy expects class numbers, but the "
                             "labels are one-hot vectors. Use categorical cross-entropy.", out,
                             Fix("Use categorical_crossentropy", [("set_training", "loss", "categorical_crossentropy")])))
    if loss == "binary_crossentropy" and one_hot and ds.task == "binary":
        probs.append(Problem(ERROR, "label_format", "binary cross-entropy takes 0/1 labels, not one-hot vectors.",
                             out, Fix("Use class numbers", [("set_dataset", {**project.dataset, "one_hot": False})])))
    if loss in ("mean_squared_error", "mean_absolute_error"):
        probs.append(Problem(WARNING, "mse_classification", f"'{loss}' on a classification task trains poorly; "
                             "cross-entropy is the usual loss for probabilities.", out,
                             Fix("Use the matching cross-entropy",
                                 [("set_training", "loss", "binary_crossentropy" if ds.task == "binary"
                                   else "sparse_categorical_crossentropy")])))
    return probs


def _training(project: Project, ds) -> list[Problem]:
    probs: list[Problem] = []
    layers = project.layers
    out, _ = _output(project)
    for i, s in enumerate(layers):
        if s.type != "Dense":
            continue
        hidden = out is not None and i != out
        if hidden and s.params["kernel_initializer"] in CONSTANT_INITS:
            probs.append(Problem(WARNING, "constant_init", f"Layer {i} starts with every weight "
                                 f"'{s.params['kernel_initializer']}': all hidden units will stay identical, because "
                                 "each receives the same gradient (the symmetry is never broken).", i,
                                 Fix("Use glorot_uniform", [("set_layer", i, "kernel_initializer", "glorot_uniform")])))
        if s.params["activation"] == "step":
            probs.append(Problem(WARNING, "step_backprop", f"Layer {i} uses the step function, whose derivative is 0 "
                                 "everywhere: backpropagation gets no gradient through it, so the layers before it "
                                 "(and its own weights) do not learn.", i,
                                 Fix("Use sigmoid", [("set_layer", i, "activation", "sigmoid")])))
    t = project.training
    if ds is not None:
        val = float(t.get("validation_split") or 0.0)
        n_val = math.ceil(ds.n_samples * val) if val > 0 else 0
        n_train = ds.n_samples - n_val
        if not 0.0 <= val < 1.0:
            probs.append(Problem(ERROR, "val_split", f"Validation split must be in [0, 1); it is {val}.", None,
                                 Fix("Use 0.2", [("set_training", "validation_split", 0.2)])))
        elif n_train < 1:
            probs.append(Problem(ERROR, "val_split", f"A validation split of {val} leaves no training samples "
                                 f"out of {ds.n_samples}.", None, Fix("Use no validation split", [("set_training", "validation_split", 0.0)])))
        elif val > 0 and n_val < 1:
            probs.append(Problem(WARNING, "val_split", "The validation split is too small to hold any sample.", None))
        elif t["batch_size"] > n_train:
            probs.append(Problem(WARNING, "batch_size", f"Batch size {t['batch_size']} is larger than the "
                                 f"{n_train} training samples: every epoch is a single full batch.", None,
                                 Fix(f"Use batch size {n_train}", [("set_training", "batch_size", n_train)])))
    if t["batch_size"] < 1:
        probs.append(Problem(ERROR, "batch_size", "Batch size must be at least 1.", None,
                             Fix("Use 32", [("set_training", "batch_size", 32)])))
    if t["epochs"] < 1:
        probs.append(Problem(ERROR, "epochs", "Train for at least 1 epoch.", None, Fix("Use 100", [("set_training", "epochs", 100)])))
    if not t["learning_rate"] > 0:
        probs.append(Problem(ERROR, "learning_rate", "The learning rate must be positive.", None,
                             Fix("Use 0.01", [("set_training", "learning_rate", 0.01)])))
    es = t["early_stopping"]
    if es.get("enabled") and str(es.get("monitor", "")).startswith("val_") and not t.get("validation_split"):
        probs.append(Problem(WARNING, "early_stopping_no_val", f"Early stopping watches '{es['monitor']}' but there is "
                             "no validation split, so it will watch nothing.", None,
                             Fix("Use a 0.2 validation split", [("set_training", "validation_split", 0.2)])))
    return probs


def validate(project: Project, dataset=None) -> list[Problem]:
    """Every problem of ``project`` (errors first), checked against ``dataset`` if given."""
    probs = _structure(project)
    if dataset is not None and not any(p.is_error for p in probs):
        probs += _against_data(project, dataset)
    probs += _training(project, dataset)
    return sorted(probs, key=lambda p: 0 if p.is_error else 1)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
