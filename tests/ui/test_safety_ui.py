"""Safety in the window: proposed file names stay in the start folder, file text is plain text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from nnstudio.project import Project, dumps
from nnstudio.ui.fileactions import proposed_path, safe_file_stem


@pytest.mark.parametrize("name, stem", [
    ("../../x", "x"),
    ("/tmp/abs", "tmp_abs"),
    ("C:\\Windows\\evil", "C_Windows_evil"),
    ("a<b>:c|d?*", "a_b_c_d"),
    ("..", "untitled"),
    ("", "untitled"),
    ("con", "con_"),
    ("My XOR (v2)", "My XOR (v2)"),
    ("x" * 300, "x" * 80),
    ("tab\tnew\nline", "tab_new_line"),
    ("학습 모델", "학습 모델"),
])
def test_safe_file_stem(name, stem):
    assert safe_file_stem(name) == stem


@pytest.mark.parametrize("name", ["../../x", "/tmp/abs", "../", "a/../../b", "~root/.ssh/keys", "\\\\server\\share"])
def test_proposed_paths_stay_in_the_start_folder(tmp_path, name):
    path = proposed_path(tmp_path, name, ".nnstudio")
    assert path.parent == tmp_path and path.suffix == ".nnstudio"
    assert path.resolve().parent == tmp_path.resolve()


def _asked(monkeypatch):
    asked = []

    def ask(_parent, _title, default, *_a, **_k):
        asked.append(default)
        return "", ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return asked


def test_save_as_proposes_a_safe_name_in_the_start_folder(window, tmp_path, monkeypatch):
    w = window(Project.default())
    w.state.file_path = tmp_path / "here.nnstudio"
    asked = _asked(monkeypatch)
    for name in ("../../x", "/tmp/abs"):
        w.state.push([("set_name", name)], "rename")
        assert not w.files.save_as()
    assert [Path(a) for a in asked] == [tmp_path / "x.nnstudio", tmp_path / "tmp_abs.nnstudio"]


def test_export_proposes_the_projects_name_and_reports_success(window, tmp_path, monkeypatch):
    w = window(Project.default())
    w.state.file_path = tmp_path / "here.nnstudio"
    w.state.push([("set_name", "Circle demo")], "rename")
    target = tmp_path / "out.py"
    asked = []

    def ask(_parent, _title, default, *_a, **_k):
        asked.append(default)
        return str(target), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    w.code_actions.actions["keras"].trigger()
    assert Path(asked[0]) == tmp_path / "Circle demo.py"
    assert target.exists()
    assert "out.py" in w.statusBar().currentMessage()


def test_problem_messages_quoting_file_text_are_plain_text(window, qtbot):
    p = Project.default()
    p.training["validation_split"] = 0.0
    p.training["early_stopping"].update(enabled=True, monitor="val_<b>bold</b><img src=x>")
    w = window(p)
    labels = [lb for lb in w.findChildren(QLabel, "problemMessage") if "bold" in lb.text()]
    assert labels, "the early-stopping warning quotes the monitor name"
    assert all(lb.textFormat() == Qt.PlainText for lb in labels)
    assert "<b>bold</b>" in labels[0].text()


def test_open_errors_quoting_file_text_are_shown_as_plain_text(window, tmp_path, monkeypatch):
    w = window(Project.default())
    d = json.loads(dumps(Project.default()))
    d["training"]["optimizer"] = "<b>evil</b>"
    bad = tmp_path / "bad.nnstudio"
    bad.write_text(json.dumps(d), encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    assert not w.files.open_project(bad, ask=False)
    assert "&lt;b&gt;evil&lt;/b&gt;" in shown[0] and "<b>evil" not in shown[0]
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(shown[0])  # what the message box renders
    assert "unknown optimizer '<b>evil</b>'" in doc.toPlainText()
    assert "Your current project was not changed." in doc.toPlainText()


def test_layer_and_class_names_from_a_file_are_escaped_in_rich_text_views(window):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

    p = Project.default()
    p.layers[1].name = "<img src=x onerror=1><b>hidden</b>"
    w = window(p)
    panel = w.findChild(QWidget, "activationsPanel")
    title = panel._layer_title(1, None)
    doc = QTextDocument()
    doc.setHtml(title)
    assert "<img src=x onerror=1><b>hidden</b>" in doc.toPlainText()
