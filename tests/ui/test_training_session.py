"""The studio trains through nnstudio.session like the CLI: same history file, one commit per run."""

from __future__ import annotations

from test_training_common import circle_project, xor_project

from nnstudio.cli import main as cli_main
from nnstudio.project import load_project, save_project


def test_gui_export_csv_equals_cli_history_export(window, qtbot, tmp_path, capsys):
    w = window(xor_project(epochs=6))
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        w.training.train()
    # a NaN and a missing value: both written as an empty cell by the one writer
    w.training.history["val_loss"] = [0.5, float("nan"), 0.25]
    gui = tmp_path / "gui.csv"
    w.training_views["loss_plot"].export_csv(str(gui))
    project = w.state.project
    project.state["history"] = {k: list(v) for k, v in w.training.history.items()}
    path = tmp_path / "p.nnstudio"
    save_project(project, path)
    assert cli_main(["export", str(path), "--format", "history", "-o", str(tmp_path / "cli.csv")]) == 0
    capsys.readouterr()
    text = gui.read_text(encoding="utf-8")
    assert text == (tmp_path / "cli.csv").read_text(encoding="utf-8")
    assert text.splitlines()[2].split(",")[-1] == "" and len(text.splitlines()) == 7


def test_pause_commits_nothing_and_stop_commits_once(window, qtbot):
    w = window(circle_project(epochs=400))
    c = w.training
    c.train()
    qtbot.waitUntil(lambda: c.epochs_trained >= 1, timeout=10000)
    c.pause()
    qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    assert w.state.undo_stack.count() == 0 and not w.state.modified
    assert w.state.project.state is None
    for _ in range(2):
        c.resume()
        qtbot.waitUntil(lambda: w.state.training_state == "running", timeout=5000)
        c.pause()
        qtbot.waitUntil(lambda: w.state.training_state == "paused", timeout=5000)
    assert w.state.undo_stack.count() == 0 and not w.state.modified
    with qtbot.waitSignal(c.finished, timeout=5000):
        c.stop()
    assert w.state.undo_stack.count() == 1 and w.state.modified
    st = w.state.project.state
    assert st["epochs_trained"] == c.epochs_trained == len(st["history"]["loss"]) == len(c.history["loss"])
    # the live iteration curve stays after the commit (the controller knows its own edit)
    assert len(c.iter_loss) > 0


def test_saved_and_reloaded_history_continues(window, qtbot, tmp_path):
    w = window(xor_project(epochs=4))
    with qtbot.waitSignal(w.training.finished, timeout=10000):
        w.training.train()
    path = tmp_path / "x.nnstudio"
    save_project(w.state.project, path)
    assert load_project(path).state["epochs_trained"] == 4
