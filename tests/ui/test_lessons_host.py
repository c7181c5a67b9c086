"""Lessons in the real main window: set-ups, undo, checks after training, comparison runs,
classroom mode, projector zoom, language and remembered progress (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextBrowser  # noqa: E402

from nnstudio.lessons import registry  # noqa: E402
from nnstudio.project import DEFAULT_DATASET, DEFAULT_TRAINING, LAYER_DEFAULTS  # noqa: E402
from nnstudio.ui import settings as app_settings  # noqa: E402
from nnstudio.ui.lessons import LessonBrowser  # noqa: E402
from nnstudio.ui.lessons.classroom import docks_for  # noqa: E402


@pytest.fixture
def settings_dir(tmp_path):
    """Every QSettings of the test lives in a temp folder (never the user's own)."""
    app_settings.use_settings_folder(tmp_path)
    s = app_settings.settings()
    s.clear()
    s.sync()
    yield tmp_path


@pytest.fixture
def make_window(qtbot, settings_dir):
    made = []

    def make(show: bool = False):
        from nnstudio.ui.main_window import MainWindow

        w = MainWindow(restore_layout=False)  # closed below (qtbot would close it first, with a save prompt)
        if w.training is not None:  # nobody looks at the heavy live views in these tests
            w.training.set_wanted(heat=False, grid=False, confusion=False)
        if show:
            w.resize(1400, 900)
            w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        if w.training is not None:
            w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()


def _snapshot(project) -> dict:
    return {"layers": [la.to_dict() for la in project.layers], "training": dict(project.training),
            "dataset": dict(project.dataset), "state": project.state}


def _assert_matches_setup(w, setup: dict) -> None:
    p = w.state.project
    if "layers" in setup:
        assert [la.type for la in p.layers] == [d["type"] for d in setup["layers"]]
        for spec, want in zip(p.layers, setup["layers"]):
            for key in LAYER_DEFAULTS[spec.type]:
                expected = want.get(key, LAYER_DEFAULTS[spec.type][key])
                assert spec.params[key] == expected, (spec.type, key)
        assert list(w.canvas.canvas_scene.blocks) == [la.id for la in p.layers]
    if "training" in setup:
        for key, value in setup["training"].items():
            if key == "early_stopping":
                for k2, v2 in value.items():
                    assert p.training["early_stopping"][k2] == v2
            else:
                assert p.training[key] == value, key
        untouched = set(DEFAULT_TRAINING) - set(setup["training"])
        assert all(p.training[k] == DEFAULT_TRAINING[k] for k in untouched)
    if "dataset" in setup:
        for key in DEFAULT_DATASET:
            assert p.dataset[key] == setup["dataset"].get(key, DEFAULT_DATASET[key]), key
        assert w.state.dataset is not None, w.state.dataset_error


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_step_sets_up_and_undoes(make_window, qtbot, lang):
    w = make_window()
    host = w.lessons
    assert "nnstudio.ui.lessons" not in w.plugin_errors
    host.set_language(lang)
    button = host.panel.findChild(QPushButton, "lessonSetupButton")
    text = host.panel.findChild(QTextBrowser, "lessonText")
    applied = 0
    for lesson in registry.lessons():
        host.open_lesson(lesson.id)
        assert host.page.showing_panel() and host.panel.lesson is lesson
        for i, step in enumerate(lesson.steps):
            host.panel.set_step(i)
            assert text.toPlainText().strip(), (lesson.id, step.id)
            assert step.title(lang) in host.panel.title.text()
            if step.widget:
                assert host.panel.interaction is not None
            assert button.isHidden() == (step.setup is None)
            if step.setup is None:
                continue
            before = _snapshot(w.state.project)
            depth = w.state.undo_stack.count()
            qtbot.mouseClick(button, Qt.LeftButton)
            _assert_matches_setup(w, step.setup)
            assert w.state.undo_stack.count() in (depth, depth + 1)  # one entry (none if already set up)
            if w.state.undo_stack.count() == depth + 1:
                w.state.undo_stack.undo()
                assert _snapshot(w.state.project) == before, (lesson.id, step.id)
                w.state.undo_stack.redo()
                _assert_matches_setup(w, step.setup)
            applied += 1
    assert applied == sum(1 for les in registry.lessons() for s in les.steps if s.setup)


def test_start_page_help_action_and_language_follow_settings(make_window, qtbot):
    w = make_window()
    host = w.lessons
    assert not w.docks["lesson"].isHidden() and not host.page.showing_panel()  # first launch: the list
    assert host.settings.value("lessons/seen_start", False, type=bool)
    assert w.findChild(type(host.action), "lessonsAction") in w.menus["help"].actions()
    w2 = make_window()
    assert w2.docks["lesson"].isHidden()  # later launches: closed until Help > Lessons
    w2.lessons.action.trigger()
    assert not w2.docks["lesson"].isHidden() and w2.lessons.browser.list.count() == len(registry.lessons())

    host.open_lesson("perceptron")
    app_settings.set_language("ko")
    assert host.follow_settings()
    lesson = registry.get("perceptron")
    assert host.panel.lang == "ko" and lesson.steps[0].title("ko") in host.panel.title.text()
    assert "restart" in host.page.notice.text() or "starts" in host.page.notice.text()
    assert lesson.title("ko") in host.browser.list.item(0).text()
    assert not host.follow_settings()  # unchanged: nothing to do


def test_classroom_mode_shows_only_lesson_panels_and_restores(make_window, qtbot):
    w = make_window(show=True)
    host = w.lessons
    host.open_lesson("layers")
    w.docks["problems"].show()
    before = {name: d.isHidden() for name, d in w.docks.items()}
    action = w.findChild(type(host.action), "classroomAction")
    assert action in w.menus["view"].actions() and action.isCheckable()
    action.trigger()
    wanted = docks_for(registry.get("layers").panels)
    assert {"palette", "inspector", "activations", "lesson"} <= wanted
    for name, dock in w.docks.items():
        assert dock.isHidden() == (name not in wanted), name
    # a step that wants more panels shows them while classroom mode is on
    host.open_lesson("batches", "stepping")
    assert not w.docks["data_view"].isHidden() and w.docks["inspector"].isHidden()
    action.trigger()
    assert not action.isChecked()
    after = {name: d.isHidden() for name, d in w.docks.items()}
    assert after == before


def test_check_message_after_training(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("initialization", "zeros")
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonSetupButton"), Qt.LeftButton)
    assert w.state.push([("set_training", "epochs", 3)], "shorter")  # a quick run for the test
    with qtbot.waitSignal(host.checked, timeout=20000) as blocker:
        w.training.train()
    passed, message = blocker.args
    assert passed and "identical" in message
    label = host.panel.findChild(QLabel, "lessonCheckResult")
    assert label.text().startswith("✓") and message in label.text()
    assert "zeros" in host.browser.progress("initialization")


def test_perceptron_widget_check(make_window, qtbot):
    host = make_window().lessons
    host.open_lesson("perceptron", "xor-fails")
    widget = host.panel.interaction
    with qtbot.waitSignal(host.checked, timeout=5000) as blocker:
        widget.run_to_end()
    assert blocker.args[0] and "never settles" in blocker.args[1]
    assert "✓" in host.panel.findChild(QLabel, "lessonCheckResult").text()


def test_compare_runs_are_kept_and_overlaid(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("overfitting", "compare")
    step = host.panel.current_step()
    requests = []
    host.panel.compareRequested.connect(requests.append)
    host.panel.compareRequested.disconnect(host.run_compare)  # run it with few epochs below
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonCompareButton"), Qt.LeftButton)
    variants = requests[0][:3]
    with qtbot.waitSignal(host.compare.done, timeout=60000) as blocker:
        assert host.run_compare(variants, epochs=2)
    kept, completed = blocker.args
    labels = [v.label_text("en") for v in step.compare[:3]]
    assert completed and kept == labels
    assert [r["name"] for r in w.training.runs] == labels
    assert [r["name"] for r in w.state.project.state["runs"]] == labels
    assert all(len(r["history"]["loss"]) == 2 for r in w.training.runs)
    loss_view = w.training_views["loss_plot"]
    assert len(loss_view.run_curves) == 2 * len(labels)  # loss + val loss per run
    _, y = loss_view.run_curves[0].getData()
    assert list(y) == pytest.approx(w.training.runs[0]["history"]["loss"])


def test_stepping_highlights_the_mini_batch(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("batches", "stepping")
    assert not w.docks["data_view"].isHidden()
    qtbot.mouseClick(host.panel.findChild(QPushButton, "lessonSetupButton"), Qt.LeftButton)
    with qtbot.waitSignal(w.state.batchChanged, timeout=10000) as blocker:
        assert w.training.step("batch")
    indices = blocker.args[0]
    assert len(indices) == 32
    assert sorted(w.data_view.batch_idx.tolist()) == sorted(int(i) for i in indices)


def test_progress_persists_across_browsers(make_window, qtbot, settings_dir):
    host = make_window().lessons
    host.open_lesson("layers")
    lesson = registry.get("layers")
    plain = [s.id for s in lesson.steps if s.predict is None and s.check is None]
    for _ in range(len(lesson.steps) - 1):
        host.panel.next_step()
    done = host.browser.progress("layers")
    assert done and set(done) <= set(plain)
    fresh = LessonBrowser(QSettings(app_settings.ORG, app_settings.APP))
    qtbot.addWidget(fresh)
    assert fresh.progress("layers") == done
    row = fresh.lesson_ids().index("layers")
    assert f"{len(done)}/{len(lesson.steps)}" in fresh.list.item(row).text()
    host.open_lesson("layers")  # ticks come back when the lesson is opened again
    assert host.panel.step_list.item(lesson.step_ids.index(done[0])).text().startswith("✓")


def test_projector_zoom(make_window, qtbot):
    w = make_window()
    classroom = w.lessons.classroom
    app = QApplication.instance()
    base = app.font().pointSizeF()
    try:
        w.findChild(type(classroom.action), "zoomUiInAction").trigger()
        assert app_settings.ui_zoom() == 110
        assert app.font().pointSizeF() == pytest.approx(base * 1.1, rel=0.02)
        axis = w.training_views["loss_plot"].item.getAxis("left")
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(app.font().pointSizeF())
        assert classroom.zoom_in_action.shortcuts()[0].toString() == "Ctrl+Alt+="
    finally:
        classroom.zoom_step(0)
    assert app_settings.ui_zoom() == 100 and app.font().pointSizeF() == pytest.approx(base)
