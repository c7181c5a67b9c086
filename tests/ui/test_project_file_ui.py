"""File menu: open/save through the window, damaged files, unsaved-changes prompts, recent files."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_builder_support import (  # noqa: F401
    close_window,
    isolated_settings,
    make_window,
    two_layer_project,
)

from nnstudio import resources
from nnstudio.project import LayerSpec, load_project
from nnstudio.ui import settings as app_settings


class Recorder:
    """Stands in for a QMessageBox static function: records calls, returns a fixed answer."""

    def __init__(self, answer=QMessageBox.Ok):
        self.calls = []
        self.answer = answer

    def __call__(self, parent, title, text, *args):
        self.calls.append((title, text))
        return self.answer


def test_corrupt_file_shows_a_message_and_keeps_the_project(qtbot, tmp_path, monkeypatch):
    w = make_window(qtbot, two_layer_project())
    try:
        w.state.push([("insert_layer", 1, LayerSpec.make("Dense", units=5).to_dict())], "edit")
        before = [s.to_dict() for s in w.state.project.layers]
        project_obj = w.state.project
        bad = tmp_path / "broken.nnstudio"
        bad.write_text('{"format_version": 1, "layers": [', encoding="utf-8")
        critical = Recorder()
        monkeypatch.setattr(QMessageBox, "critical", critical)
        assert not w.files.open_project(bad, ask=False)
        assert len(critical.calls) == 1
        title, text = critical.calls[0]
        assert "broken.nnstudio" in text and "not valid JSON" in text and "not changed" in text
        assert w.state.project is project_obj
        assert [s.to_dict() for s in w.state.project.layers] == before
        assert w.state.modified and w.state.undo_stack.canUndo()
        future = tmp_path / "future.nnstudio"
        future.write_text('{"format_version": 99, "layers": [], "training": {}, "dataset": {}}', encoding="utf-8")
        assert not w.files.open_project(future, ask=False)
        assert "newer nnstudio" in critical.calls[-1][1]
        assert w.state.project is project_obj
    finally:
        close_window(w)


def test_save_as_open_round_trip_title_and_recent(qtbot, tmp_path, monkeypatch):
    w = make_window(qtbot, two_layer_project())
    try:
        path = tmp_path / "mine"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        w.state.push([("set_layer", 1, "units", 1)], "noop")  # no-op edit: nothing pushed
        w.state.push([("set_training", "epochs", 12)], "epochs")
        assert w.isWindowModified() and "[*]" in w.windowTitle()
        w.save_as_action.trigger()
        saved = tmp_path / "mine.nnstudio"
        assert saved.exists() and not w.isWindowModified()
        assert w.windowTitle().startswith("mine.nnstudio")
        assert load_project(saved).training["epochs"] == 12
        assert app_settings.recent_files()[0] == str(saved.resolve())
        assert any("mine.nnstudio" in a.text() for a in w.recent_menu.actions())
        w.state.push([("set_training", "epochs", 13)], "epochs")
        assert w.isWindowModified()
        w.state.undo_stack.undo()
        assert not w.isWindowModified()  # back at the saved state
        w.state.push([("set_training", "epochs", 14)], "epochs")
        w.save_action.trigger()
        assert load_project(saved).training["epochs"] == 14 and not w.isWindowModified()
        # New, then open it again via the dialog
        w.new_action.trigger()
        assert w.state.file_path is None and w.state.project.training["epochs"] != 14
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
        w.open_action.trigger()
        assert w.state.project.training["epochs"] == 14 and w.state.file_path == saved
    finally:
        close_window(w)


def test_unsaved_changes_prompt_save_discard_cancel(qtbot, tmp_path, monkeypatch):
    w = make_window(qtbot, two_layer_project())
    try:
        w.state.push([("set_training", "epochs", 3)], "epochs")
        ask = Recorder(QMessageBox.Cancel)
        monkeypatch.setattr(QMessageBox, "warning", ask)
        assert not w.files.new_project()
        assert len(ask.calls) == 1 and w.state.project.training["epochs"] == 3
        assert not w.close() and w.isVisible()  # Cancel keeps the window open
        ask.answer = QMessageBox.Discard
        assert w.files.new_project()
        assert w.state.project.training["epochs"] != 3 and not w.state.modified
        w.state.push([("set_training", "epochs", 4)], "epochs")
        ask.answer = QMessageBox.Save
        target = tmp_path / "saved.nnstudio"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        assert w.files.new_project()
        assert load_project(target).training["epochs"] == 4
    finally:
        close_window(w)


def test_open_example_is_unsaved_copy(qtbot):
    w = make_window(qtbot, two_layer_project())
    try:
        actions = {a.objectName(): a for a in w.examples_menu.actions()}
        assert {"example_xor", "example_keras_lesson"} <= set(actions)
        actions["example_keras_lesson"].trigger()
        assert [s.params.get("units") for s in w.state.project.layers[1:]] == [64, 256, 5]
        assert w.state.file_path is None
        assert "20,037 parameters" in w.canvas_panel.summary_label.text()
        assert resources.exists("examples", "xor.nnstudio")
    finally:
        close_window(w)


def test_close_offers_save_then_shuts_training_down(qtbot, monkeypatch):
    w = make_window(qtbot, two_layer_project())
    calls = []

    class FakeTraining:
        def shutdown(self, timeout_ms=2000):
            calls.append(timeout_ms)

    w.training = FakeTraining()
    w.state.push([("set_training", "epochs", 3)], "epochs")
    monkeypatch.setattr(QMessageBox, "warning", Recorder(QMessageBox.Discard))
    assert w.close()
    assert calls and not w.isVisible()
    geometry = app_settings.settings().value("window/geometry")
    assert geometry is not None and not geometry.isEmpty()
