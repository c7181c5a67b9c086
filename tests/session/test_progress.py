"""One Progress class: the CLI's per-epoch lines are made from the same Progress the studio's worker sends."""

from __future__ import annotations

import io

from nnstudio.project import LayerSpec, Project
from nnstudio.project.build import load_dataset
from nnstudio.session import TrainingRun
from nnstudio.session.progress import Progress, ProgressReporter


def _project(epochs: int) -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=3, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.training.update(batch_size=32, epochs=epochs, validation_split=0.25, seed=3)
    return p


def test_the_cli_reporter_prints_progress_lines_of_each_epoch():
    p = _project(3)
    run = TrainingRun(p, load_dataset(p))
    out = io.StringIO()
    reporter = ProgressReporter(out, run.initial_epoch, run.epochs)
    run.fit([reporter])
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("[" + "#" * 20 + "] epoch 3/3")
    assert "val_loss" in lines[-1] and "ETA" in lines[-1]
    last = reporter.last_progress
    assert isinstance(last, Progress)
    n_train = len(run.train_idx)
    assert last.epoch == 2 and last.samples == 3 * n_train and last.batches == -(-n_train // 32)
    assert last.iteration == 3 * last.batches and last.line() == lines[-1]
    assert last.loss == run.outcome().trained.history["loss"][-1]


def test_a_continued_run_counts_its_own_epochs_in_the_bar():
    p = Progress(epoch=5, batch=4, batches=4, iteration=24, loss=0.5, samples=0, elapsed=2.0,
                 epochs=[(5, {"loss": 0.5})], first_epoch=4, last_epoch=8)
    assert p.line() == "[##########..........] epoch 6/8  loss 0.5000  ETA 0:02"  # 2 of its 4 epochs done


def test_the_worker_sends_the_same_progress_class():
    import pytest

    pytest.importorskip("PySide6")
    from nnstudio.ui.training import messages, worker

    assert messages.Progress is Progress and worker.Progress is Progress
