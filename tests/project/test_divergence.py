"""Divergence beyond NaN: a loss that explodes stops the run like a NaN does; sane runs are untouched."""

from __future__ import annotations

import pytest

from nnstudio.data.registry import builtins
from nnstudio.project import Project, load_dataset
from nnstudio.project.divergence import DivergenceWatch, threshold
from nnstudio.session.run import TrainingRun


def project_for(name: str, optimizer: str, lr: float, epochs: int = 30) -> Project:
    p = Project.default()
    p.dataset["name"] = name
    ds = load_dataset(p)
    if ds.task == "regression":
        p.layers[-1].params.update(activation="linear", units=ds.n_outputs)
        p.training["loss"] = "mean_squared_error"
    elif ds.task == "multiclass":
        p.layers[-1].params.update(activation="softmax", units=ds.n_classes)
        p.training["loss"] = "sparse_categorical_crossentropy"
    p.training.update(optimizer=optimizer, learning_rate=lr, epochs=epochs)
    return p


def run(p: Project):
    r = TrainingRun(p, load_dataset(p))
    r.fit()
    return r.outcome()


#: learning rate 1e6 on dataset/optimizer pairs (before the watch, 5 of 7 trained to the end worse than untrained)
PAIRS = [("circle", "adam"), ("circle", "sgd"), ("xor", "sgd"), ("xor_quadrants", "sgd"), ("spiral", "rmsprop"),
         ("blobs", "adam"), ("moons", "sgd"), ("plane", "adam"), ("gaussians", "rmsprop"), ("sine", "sgd"),
         ("keras_example", "adagrad")]
#: the pairs whose loss explodes and stays up: these must stop as diverged
EXPLODING = {("circle", "adam"), ("circle", "sgd"), ("xor_quadrants", "sgd"), ("spiral", "rmsprop"),
             ("blobs", "adam"), ("moons", "sgd"), ("plane", "adam"), ("sine", "sgd")}


@pytest.mark.parametrize("name, optimizer", PAIRS, ids=[f"{n}-{o}" for n, o in PAIRS])
def test_learning_rate_1e6_never_ends_worse_than_untrained_without_a_message(name, optimizer):
    p = project_for(name, optimizer, 1e6)
    out = run(p)
    if (name, optimizer) in EXPLODING:
        assert out.stop_reason == "diverged"
        assert out.epochs_done < 30 and out.diverged_at is not None
        if out.divergence is not None:  # finite but exploded ('sine' reaches inf: the engine's own stop)
            assert out.divergence["kind"] == "exploded"
            assert out.divergence["loss"] > threshold(out.divergence["start"])
    if out.stop_reason != "diverged":  # it ran to the end: then it ends no worse than it started
        start = run(project_for(name, optimizer, 1e-12, epochs=1)).trained.history["loss"][0]
        assert out.trained.history["loss"][-1] <= start * 1.05


SANE = [(g.name, opt, lr) for g in builtins() if g.name != "keras_example"
        for opt, lr in (("adam", 0.01), ("sgd", 0.1), ("rmsprop", 0.01))]


@pytest.mark.parametrize("name, optimizer, lr", SANE, ids=[f"{n}-{o}" for n, o, _ in SANE])
def test_sane_learning_rates_train_to_the_end(name, optimizer, lr):
    out = run(project_for(name, optimizer, lr, epochs=15))
    assert out.stop_reason is None, out.divergence
    assert out.epochs_done == 15


def test_continuing_a_trained_network_is_not_stopped_by_noise():
    p = project_for("xor", "sgd", 0.5, epochs=300)
    out = run(p)
    assert out.stop_reason is None
    p.apply(("set_state", out.state()))
    p.training["batch_size"] = 1  # noisy single-sample updates from a tiny loss
    out = run(p)
    assert out.stop_reason is None and out.epochs_done == 300


def test_one_noisy_batch_never_stops_training():
    class Model:
        stop_training = False
        stop_reason = None
        diverged_at = None

    watch = DivergenceWatch()
    watch.set_model(Model())
    watch.on_train_begin()
    for b, loss in enumerate([0.7, 0.6, 50.0, 0.5, 0.5, 0.5, 0.5]):
        watch.on_train_batch_end(b, {"batch_loss": loss})
    assert not watch.model.stop_training  # one spike, averaged over the window
    for b, loss in enumerate([9.0] * 10):
        watch.on_train_batch_end(b, {"batch_loss": loss})
    assert watch.model.stop_training and watch.model.stop_reason == "diverged"


@pytest.mark.parametrize("seed", range(8))
def test_the_watch_stops_at_the_same_batch_as_the_median_rule_computed_every_batch(seed):
    """The watch sorts only when at least half the window is above the limit; the batch it stops
    at is the one where the plain rule (median of the last WINDOW losses every batch) first fires."""
    import statistics

    import numpy as np

    from nnstudio.project.divergence import MIN_BATCHES, WINDOW

    class Model:
        stop_training = False
        stop_reason = None
        diverged_at = None

    rng = np.random.default_rng(seed)
    start = float(rng.uniform(0.1, 2.0))
    limit = threshold(start)
    # losses below the limit with bursts above it of 1-7 batches (the window drops old values)
    losses = [start]
    while len(losses) < 400:
        losses += list(limit * rng.uniform(0.3, 0.99, int(rng.integers(3, 20))))
        losses += list(limit * rng.uniform(1.01, 3.0, int(rng.integers(1, 8))))
    expected = None
    for b in range(1, len(losses)):
        window = losses[max(1, b - WINDOW + 1):b + 1]
        if len(window) >= MIN_BATCHES and statistics.median(window) > limit:
            expected = b
            break
    watch = DivergenceWatch()
    watch.set_model(Model())
    watch.on_train_begin()
    stopped = None
    for b, loss in enumerate(losses):
        watch.on_train_batch_end(b, {"batch_loss": loss})
        if watch.model.stop_training:
            stopped = b
            break
    assert expected is not None and expected >= MIN_BATCHES and stopped == expected
