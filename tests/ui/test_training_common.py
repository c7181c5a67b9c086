"""Shared set-up for the training UI tests (projects and a main-window factory).

Imported by the other tests/ui/test_training_*.py modules."""

from __future__ import annotations

from nnstudio.project import LayerSpec, Project


def xor_project(epochs: int = 30) -> Project:
    """2-4-1 tanh/sigmoid on the XOR table, BCE, SGD, no validation split."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="xor", params={})
    p.training.update(loss="binary_crossentropy", optimizer="sgd", learning_rate=0.5, batch_size=4,
                      epochs=epochs, validation_split=0.0, seed=7, dtype="float64")
    return p


def circle_project(epochs: int = 200, n: int = 2000, batch: int = 8, activation: str = "relu") -> Project:
    """A longer run (many batches) on 'circle' with a validation split."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=8, activation=activation),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.dataset.update(name="circle", params={"n_samples": n})
    p.training.update(loss="binary_crossentropy", optimizer="adam", learning_rate=0.01, batch_size=batch,
                      epochs=epochs, validation_split=0.2, seed=3)
    return p


def sine_project(lr: float = 1e3) -> Project:
    """Regression on 'sine' with a linear output, MSE and plain SGD."""
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=16, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="linear")]
    p.dataset.update(name="sine", params={})
    p.training.update(loss="mse", optimizer="sgd", learning_rate=lr, batch_size=8, epochs=50,
                      validation_split=0.2, seed=0)
    return p


def headless_history(project: Project) -> dict:
    """The engine's History for ``project`` trained without any UI."""
    from nnstudio.project.build import (
        build_model,
        load_dataset,
        make_callbacks,
        prepare_data,
    )

    ds = load_dataset(project)
    prepared = prepare_data(project, ds)
    model = build_model(project, ds)
    t = project.training
    h = model.fit(prepared.x_train, prepared.y_train, batch_size=t["batch_size"], epochs=t["epochs"],
                  validation_data=prepared.validation_data, callbacks=make_callbacks(project), verbose=0)
    return h.history


def make_main_window(qtbot, project: Project):
    """A MainWindow (the builder's) with the training plug-in.

    Not registered with ``qtbot.addWidget``: pytest-qt would close it before
    our fixture can mark the document clean (the save prompt would block).
    Close it with :func:`close_window`.
    """
    from nnstudio.ui.main_window import MainWindow

    return MainWindow(project, restore_layout=False)


def close_window(window) -> None:
    """Stop training, forget unsaved changes (no save prompt) and close."""
    if window.training is not None:
        window.training.shutdown(3000, save=False)
    window.state.undo_stack.setClean()
    window.close()
    window.deleteLater()


def test_helpers_build_valid_projects():
    """The helper projects train headless (sanity check of the fixtures themselves)."""
    h = headless_history(xor_project(epochs=3))
    assert len(h["loss"]) == 3
