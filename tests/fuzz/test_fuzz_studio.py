"""Property test, studio half: schema-valid odd documents open in the main window without a crash.

One window opens every generated document through File > Open (a refused file
shows its named message and leaves the project alone), draws every panel,
saves it again and steps one batch of training when the validator allows it.
pytest-qt fails the test on any exception raised inside Qt's event loop.
"""

from __future__ import annotations

import json

from fuzz_strategies import documents, examples
from hypothesis import given, settings
from PySide6.QtWidgets import QApplication, QMessageBox

from nnstudio.project import Project, load_project


def test_generated_documents_open_show_save_and_step_in_the_studio(qtbot, tmp_path_factory, monkeypatch):
    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(Project.default(), restore_layout=False)
    w.resize(1366, 768)
    w.show()
    for name in ("data_view", "decision", "activations", "problems"):
        if name in w.docks:
            w.docks[name].show()
    shown: list = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    try:
        _open_all(w, qtbot, tmp_path_factory, shown)
    finally:
        if w.training is not None:
            w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()
        w.deleteLater()


def _open_all(w, qtbot, tmp_path_factory, shown):
    @settings(**examples(15))
    @given(doc=documents())
    def one(doc):
        _open_one(w, qtbot, tmp_path_factory, shown, doc)

    one()


def _open_one(w, qtbot, tmp_path_factory, shown, doc):
    shown.clear()
    path = tmp_path_factory.mktemp("studio") / "doc.nnstudio"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = w.state.project
    if not w.files.open_project(path, ask=False):
        assert len(shown) == 1 and "doc.nnstudio" in shown[0]
        assert w.state.project is before
        return
    w.grab()  # paint every visible panel
    QApplication.processEvents()
    assert w.files.save()
    assert load_project(path).name == w.state.project.name
    c = w.training
    if c is not None and c.train_blocked_reason() is None:
        with qtbot.waitSignal(c.finished, timeout=20000):
            c.step("batch")
        qtbot.waitUntil(lambda: not c.is_active(), timeout=5000)
        w.grab()
    w.state.undo_stack.setClean()
