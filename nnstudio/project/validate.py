"""Check a project against its dataset and the lesson's rules (no Qt).

``validate(project, dataset)`` returns a list of :class:`Problem`; each has
a severity (``error`` blocks training, ``warning`` does not), a message that
says what is wrong and why, the layer it concerns (its id) and, where one exists, a
:class:`Fix` made of document edits naming layers by id (the same edits user actions make, so a
fix is one undoable step).

``dataset`` is anything with ``n_features``, ``n_samples``, ``task``
(``regression`` / ``binary`` / ``multiclass``), ``n_classes`` and
``n_outputs`` - a :class:`nnstudio.data.Dataset` or a summary of one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nnstudio.data import features as nnfeatures
from nnstudio.project.document import LayerSpec, Project
from nnstudio.project.layer_kinds import LAYER_KINDS
from nnstudio.project.limits import MAX_PARAMS, MAX_SAMPLES, network_params

ERROR, WARNING = "error", "warning"
CE_LOSSES = {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}
CONSTANT_INITS = {"zeros", "ones"}


@dataclass
class Fix:
    """A one-click repair: a label for the button and the edits it applies.

    ``label`` is ``template`` filled with ``params``; the UI translates the
    template (context ``"Problems"``) and fills it the same way.
    """

    template: str
    edits: list[tuple] = field(default_factory=list)
    params: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.template.format(**self.params)


@dataclass
class Problem:
    """One finding of the validator: ``message`` is ``template`` filled with ``params``."""

    severity: str
    code: str
    template: str
    #: the layer it concerns: its id once :func:`validate` returns it (the rules give an index)
    layer: str | int | None = None
    fix: Fix | None = None
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

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
    last = LAYER_KINDS.get(layers[-1].type) if layers else None
    if last is not None and last.not_last:
        code, template, fix = last.not_last
        probs.append(Problem(ERROR, code, template, len(layers) - 1, Fix(fix, [("remove_layer", len(layers) - 1)])))
    for i, s in enumerate(layers):  # each parameter's own check, from the layer table
        kind = LAYER_KINDS.get(s.type)
        for p in kind.params if kind else ():
            if p.valid is not None and p.problem is not None and not p.valid(s.params.get(p.name)):
                code, template, fix, value = p.problem
                probs.append(Problem(ERROR, code, template, i, Fix(fix, [("set_layer", i, p.name, value)]),
                                     {"i": i, p.name: s.params.get(p.name)}))
    return probs


def _regression(project: Project, ds, out: int, act: str, loss: str) -> list[Problem]:
    layers = project.layers
    units = layers[out].params["units"]
    want = ds.n_outputs
    if act not in ("softmax", "sigmoid", "step") and loss not in CE_LOSSES and units == want:
        return []
    edits: list[tuple] = [("set_layer", out, "units", want)] if units != want else []
    if act != "linear":
        edits.append(("set_layer", out, "activation", "linear"))
        for i in range(out + 1, len(layers)):
            if layers[i].type == "Activation":
                edits.append(("set_layer", i, "activation", "linear"))
    if loss in CE_LOSSES:
        edits.append(("set_training", "loss", "mean_squared_error"))
    return [Problem(ERROR, "regression_output", "The target is a real number (regression): the output layer needs a "
                    "linear activation and one unit per target ({want}), with a loss such as MSE. Now: {units} "
                    "unit(s), '{act}', loss '{loss}'.", out,
                    Fix("Linear output, one unit per target, MSE", edits),
                    {"want": want, "units": units, "act": act, "loss": loss})]


def _classification(project: Project, ds, out: int, act: str, loss: str) -> list[Problem]:
    probs: list[Problem] = []
    units = project.layers[out].params["units"]
    k = ds.n_classes
    if ds.task == "multiclass":
        if act == "sigmoid":
            probs.append(Problem(ERROR, "sigmoid_multiclass", "A sigmoid output cannot choose among {k} classes: use "
                                 "softmax with one unit per class.", out,
                                 Fix("Softmax with {k} units", [("set_layer", out, "activation", "softmax"),
                                                                ("set_layer", out, "units", k)]
                                     + ([("set_training", "loss", "sparse_categorical_crossentropy")]
                                        if loss == "binary_crossentropy" else []), {"k": k}), {"k": k}))
        elif units != k:
            probs.append(Problem(ERROR, "output_units", "The dataset has {k} classes but the output layer has "
                                 "{units} unit(s); a multi-class output needs one unit per class.", out,
                                 Fix("Use {k} output units", [("set_layer", out, "units", k)], {"k": k}),
                                 {"k": k, "units": units}))
        if loss == "binary_crossentropy" and act != "sigmoid":
            probs.append(Problem(ERROR, "bce_multiclass", "Binary cross-entropy is for two classes; with {k} classes "
                                 "use (sparse) categorical cross-entropy.", out,
                                 Fix("Use sparse categorical cross-entropy",
                                     [("set_training", "loss", "sparse_categorical_crossentropy")]), {"k": k}))
    elif ds.task == "binary":
        if act == "softmax" and loss == "binary_crossentropy":
            probs.append(Problem(ERROR, "softmax_bce", "A softmax output with binary cross-entropy does not work: "
                                 "softmax over one unit is always 1. Binary classification uses one sigmoid unit.", out,
                                 Fix("One sigmoid output unit", [("set_layer", out, "activation", "sigmoid"),
                                                                 ("set_layer", out, "units", 1)])))
        elif loss == "binary_crossentropy" and units != 1:
            probs.append(Problem(ERROR, "output_units", "Binary cross-entropy needs one output unit (the probability "
                                 "of class 1); the output layer has {units}.", out,
                                 Fix("Use 1 output unit", [("set_layer", out, "units", 1)]), {"units": units}))
        elif loss in ("categorical_crossentropy", "sparse_categorical_crossentropy") and units != 2:
            probs.append(Problem(ERROR, "output_units", "With {loss} a two-class problem needs 2 output units "
                                 "(one per class); the output layer has {units}.", out,
                                 Fix("Use 2 output units", [("set_layer", out, "units", 2)]),
                                 {"loss": loss, "units": units}))
        if loss == "binary_crossentropy" and act not in ("sigmoid", "softmax"):
            probs.append(Problem(WARNING, "bce_not_sigmoid", "Binary cross-entropy expects a probability; the output "
                                 "activation '{act}' does not give one. Use sigmoid.", out,
                                 Fix("Sigmoid output", [("set_layer", out, "activation", "sigmoid")]), {"act": act}))
    return probs


def _loss_and_labels(project: Project, ds, out: int, act: str, loss: str) -> list[Problem]:
    probs: list[Problem] = []
    one_hot = bool(project.dataset.get("one_hot"))
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy") and act != "softmax":
        probs.append(Problem(WARNING, "ce_not_softmax", "{loss} expects class probabilities from a softmax output; "
                             "this output uses '{act}'.", out,
                             Fix("Softmax output", [("set_layer", out, "activation", "softmax")]),
                             {"loss": loss, "act": act}))
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
        probs.append(Problem(ERROR, "label_format", "Binary cross-entropy takes 0/1 labels, not one-hot vectors.",
                             out, Fix("Use class numbers", [("set_dataset", {**project.dataset, "one_hot": False})])))
    if loss in ("mean_squared_error", "mean_absolute_error"):
        better = "binary_crossentropy" if ds.task == "binary" else "sparse_categorical_crossentropy"
        probs.append(Problem(WARNING, "mse_classification", "'{loss}' on a classification task trains poorly; "
                             "cross-entropy is the usual loss for probabilities.", out,
                             Fix("Use the matching cross-entropy", [("set_training", "loss", better)]), {"loss": loss}))
    return probs


def _against_data(project: Project, ds) -> list[Problem]:
    probs: list[Problem] = []
    layers = project.layers
    if layers and layers[0].type == "Input":
        size = layers[0].params.get("size")
        feats = layers[0].params.get("features")
        bad = nnfeatures.problems(feats, ds.n_features)
        if bad:
            keep = [k for k in feats if k not in bad] or None
            probs.append(Problem(ERROR, "input_features", "The input features {names} do not fit this dataset "
                                 "({n} columns): r and θ need exactly 2 columns, and a feature can only use "
                                 "columns the data has.", 0,
                                 Fix("Drop the features that do not fit", [("set_layer", 0, "features", keep)]),
                                 {"names": ", ".join(bad), "n": ds.n_features}))
        elif feats is not None and not feats:
            probs.append(Problem(ERROR, "input_features", "The Input layer has no features ticked: the network "
                                 "would see nothing. Tick at least one feature.", 0,
                                 Fix("Use the raw columns", [("set_layer", 0, "features", None)])))
        elif size is not None and feats is not None and size != len(feats):
            probs.append(Problem(ERROR, "input_size", "The Input layer expects {size} features but {n} are "
                                 "ticked. The input size must equal the number of features.", 0,
                                 Fix("Follow the ticked features ({n})", [("set_layer", 0, "size", None)],
                                     {"n": len(feats)}),
                                 {"size": size, "n": len(feats)}))
        elif size is not None and feats is None and size != ds.n_features:
            probs.append(Problem(ERROR, "input_size", "The Input layer expects {size} features but the dataset has "
                                 "{n}. The input size must equal the number of features.", 0,
                                 Fix("Follow the dataset ({n} features)", [("set_layer", 0, "size", None)], {"n": ds.n_features}),
                                 {"size": size, "n": ds.n_features}))
    out, act = _output(project)
    if out is None:
        return probs
    loss = project.training["loss"]
    if ds.task == "regression":
        return probs + _regression(project, ds, out, act, loss)
    return probs + _classification(project, ds, out, act, loss) + _loss_and_labels(project, ds, out, act, loss)


def _layers_for_backprop(project: Project) -> list[Problem]:
    probs: list[Problem] = []
    out, _ = _output(project)
    for i, s in enumerate(project.layers):
        if s.type != "Dense":
            continue
        init = s.params["kernel_initializer"]
        if i != out and init in CONSTANT_INITS:
            probs.append(Problem(WARNING, "constant_init", "Layer {i} starts with every weight '{init}': all hidden "
                                 "units will stay identical, because each receives the same gradient (the symmetry "
                                 "is never broken).", i,
                                 Fix("Use glorot_uniform", [("set_layer", i, "kernel_initializer", "glorot_uniform")]),
                                 {"i": i, "init": init}))
        if s.params["activation"] == "step":
            probs.append(Problem(WARNING, "step_backprop", "Layer {i} uses the step function, whose derivative is 0 "
                                 "everywhere: backpropagation gets no gradient through it, so the layers before it "
                                 "(and its own weights) do not learn.", i,
                                 Fix("Use sigmoid", [("set_layer", i, "activation", "sigmoid")]), {"i": i}))
    return probs


def _training(project: Project, ds) -> list[Problem]:
    probs = _layers_for_backprop(project)
    t = project.training
    val = float(t.get("validation_split") or 0.0)
    if not 0.0 <= val < 1.0:
        probs.append(Problem(ERROR, "val_split", "Validation split must be in [0, 1); it is {val}.", None,
                             Fix("Use 0.2", [("set_training", "validation_split", 0.2)]), {"val": val}))
    elif ds is not None:
        from nnstudio.data.split import split_sizes

        n_train, n_val = split_sizes(ds.n_samples, val)  # Keras' rounding
        if n_train < 1:
            probs.append(Problem(ERROR, "val_split", "A validation split of {val} leaves no training samples out "
                                 "of {n}.", None, Fix("Use no validation split", [("set_training", "validation_split", 0.0)]),
                                 {"val": val, "n": ds.n_samples}))
        elif t["batch_size"] > n_train:
            probs.append(Problem(WARNING, "batch_size", "Batch size {b} is larger than the {n} training samples: "
                                 "every epoch is a single full batch.", None,
                                 Fix("Use batch size {n}", [("set_training", "batch_size", n_train)], {"n": n_train}),
                                 {"b": t["batch_size"], "n": n_train}))
    if t["batch_size"] < 1:
        probs.append(Problem(ERROR, "batch_size", "Batch size must be at least 1.", None,
                             Fix("Use 32", [("set_training", "batch_size", 32)])))
    if t["epochs"] < 1:
        probs.append(Problem(ERROR, "epochs", "Train for at least 1 epoch.", None,
                             Fix("Use 100", [("set_training", "epochs", 100)])))
    if not t["learning_rate"] > 0:
        probs.append(Problem(ERROR, "learning_rate", "The learning rate must be positive.", None,
                             Fix("Use 0.01", [("set_training", "learning_rate", 0.01)])))
    es = t["early_stopping"]
    if es.get("enabled") and str(es.get("monitor", "")).startswith("val_") and not val:
        probs.append(Problem(WARNING, "early_stopping_no_val", "Early stopping watches '{monitor}' but there is no "
                             "validation split, so it has nothing to watch.", None,
                             Fix("Use a 0.2 validation split", [("set_training", "validation_split", 0.2)]),
                             {"monitor": es["monitor"]}))
    return probs


def _limits(project: Project, ds) -> list[Problem]:
    """The documented size limits (docs/project-format.md), checked before anything is allocated."""
    probs: list[Problem] = []
    n = network_params(project.layers, ds.n_features if ds is not None else None)
    if n > MAX_PARAMS:
        out, _ = _output(project)
        edits = [("set_layer", i, "units", 64) for i in project.trainable_layers()
                 if i != out and isinstance(project.layers[i].params.get("units"), int)
                 and project.layers[i].params["units"] > 64]
        probs.append(Problem(ERROR, "too_many_params", "The network has {n:,} weights and biases; nnstudio "
                             "trains at most {limit:,}. Use fewer units or layers.", None,
                             Fix("Use at most 64 units in the hidden layers", edits) if edits else None,
                             {"n": n, "limit": MAX_PARAMS}))
    if ds is not None and ds.n_samples > MAX_SAMPLES:
        probs.append(Problem(ERROR, "too_many_samples", "The dataset has {n:,} samples; nnstudio trains on at "
                             "most {limit:,}. Use a smaller file.", None, None,
                             {"n": ds.n_samples, "limit": MAX_SAMPLES}))
    return probs


def validate(project: Project, dataset=None) -> list[Problem]:
    """Every problem of ``project`` (errors first), checked against ``dataset`` if given."""
    probs = _structure(project) + _limits(project, dataset)
    if dataset is not None and not any(p.is_error for p in probs):
        probs += _against_data(project, dataset)
    probs += _training(project, dataset)
    for p in probs:
        _name_layers_by_id(project, p)
    return sorted(probs, key=lambda p: 0 if p.is_error else 1)


def _name_layers_by_id(project: Project, problem: Problem) -> None:
    """The rules name layers by index; a problem and its fix name them by id (they stay right after moves)."""
    layers = project.layers
    if isinstance(problem.layer, int) and 0 <= problem.layer < len(layers):
        problem.layer = layers[problem.layer].id
    if problem.fix is None:
        return
    ids = [s.id for s in layers]  # the network as each edit of the fix finds it
    out: list[tuple] = []
    for edit in problem.fix.edits:
        kind, *args = edit
        if kind == "insert_layer":
            layer = args[1]
            lid = layer.get("id") if isinstance(layer, dict) else getattr(layer, "id", None)
            ids.insert(max(0, min(int(args[0]), len(ids))), lid)
        elif kind in ("remove_layer", "move_layer", "set_layer") and isinstance(args[0], int) \
                and 0 <= args[0] < len(ids) and ids[args[0]] is not None:
            index, lid = args[0], ids[args[0]]
            edit = (kind, lid, *args[1:])
            if kind == "remove_layer":
                ids.pop(index)
            elif kind == "move_layer":
                ids.insert(int(args[1]), ids.pop(index))
        elif kind == "replace_layers":
            ids = [d.get("id") if isinstance(d, dict) else getattr(d, "id", None) for d in args[0]]
        out.append(edit)
    problem.fix.edits = out


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
