"""Lessons drive the window: set-ups reset what they do not name, the canvas matches the step,
steps open at their top, the wheel scrolls the lesson (not its sliders), ticks follow the task,
and no step raises another tab over the lesson (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSlider

from nnstudio.lessons import registry
from nnstudio.lessons.setups import canvas_matches
from nnstudio.project import DEFAULT_TRAINING, LayerSpec
from nnstudio.ui import settings as app_settings


@pytest.fixture
def make_window(qtbot, tmp_path):
    app_settings.use_settings_folder(tmp_path)
    s = app_settings.settings()
    s.clear()
    s.setValue("lessons/seen_start", True)
    s.sync()
    made = []

    def make(size=(1366, 900)):
        from nnstudio.ui.main_window import MainWindow

        w = MainWindow(restore_layout=False)
        if w.training is not None:
            w.training.set_wanted(heat=False, grid=False, confusion=False)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        if w.training is not None:
            w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()


def _click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.LeftButton)


def _wheel(widget, dy: int = -120) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (down for dy < 0)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    ev = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, dy), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_opening_lesson_one_puts_the_perceptron_on_the_canvas(make_window):
    w = make_window()
    before = [(la.type, la.params.get("units")) for la in w.state.project.layers]
    assert before == [("Input", None), ("Dense", 8), ("Dense", 1)]  # the 2-8-1 circle network
    w.lessons.open_lesson("perceptron")
    p = w.state.project
    assert [(la.type, la.params.get("units"), la.params.get("activation")) for la in p.layers] == [
        ("Input", None, None), ("Dense", 1, "step")]
    assert p.dataset["name"] == "and" and w.state.dataset.n_samples == 4
    assert list(w.canvas.canvas_scene.blocks) == [la.id for la in p.layers]
    assert "Undo" in w.lessons.page.notice.text()
    w.state.undo_stack.undo()  # one undoable command brings the old network back
    assert [(la.type, la.params.get("units")) for la in w.state.project.layers] == before


def test_a_lesson_never_replaces_the_learners_own_network(make_window):
    w = make_window()
    assert w.state.push([("insert_layer", 1, LayerSpec.make("Dense", units=5).to_dict())], "my layer")
    mine = [la.to_dict() for la in w.state.project.layers]
    w.lessons.open_lesson("perceptron")
    assert [la.to_dict() for la in w.state.project.layers] == mine
    # ... but the step says the canvas is not what it is about, and offers its set-up first
    note = w.findChild(QLabel, "lessonCanvasNote")
    assert note.isVisible() and "canvas" in note.text()
    assert w.findChild(QPushButton, "lessonSetupButton").isVisible()


def test_setup_without_training_block_resets_training_to_defaults(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("perceptron", "xor-network")
    _click(qtbot, host.panel.findChild(QPushButton, "lessonSetupButton"))
    t = w.state.project.training
    assert (t["optimizer"], t["learning_rate"], t["epochs"], t["batch_size"]) == ("sgd", 2.0, 400, 4)
    assert t["speed"] == 30  # the step says "watch": a watchable speed
    host.open_lesson("layers")  # lesson 2, step 1 has layers + dataset but no training block
    assert "training" not in registry.get("layers").steps[0].setup
    assert w.state.project.training == DEFAULT_TRAINING  # opened on the lesson's network
    w.state.push([("set_training", "learning_rate", 2.0), ("set_training", "batch_size", 4)], "mine")
    _click(qtbot, host.panel.findChild(QPushButton, "lessonSetupButton"))
    assert w.state.project.training == DEFAULT_TRAINING
    assert w.train_toolbar.speed.value_label.text() == "full speed"


def test_step_without_setup_offers_the_network_it_is_about(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("layers")
    host.panel.set_step("hidden-layer")  # no set-up: it talks about step 1's network
    note = w.findChild(QLabel, "lessonCanvasNote")
    button = w.findChild(QPushButton, "lessonContextSetupButton")
    assert not note.isVisible() and not button.isVisible()  # the canvas shows that network
    assert w.state.push([("set_layer", 1, "units", 16)], "wider")
    qtbot.waitUntil(lambda: note.isVisible(), timeout=2000)
    assert "step 1" in note.text() and button.isVisible()
    _click(qtbot, button)
    assert canvas_matches(w.state.project, registry.get("layers").steps[0].setup)
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=2000)
    assert w.state.project.layers[1].params["units"] == 4


def test_setup_button_is_the_first_action_and_steps_open_at_their_top(make_window, qtbot):
    w = make_window(size=(1366, 700))
    host = w.lessons
    host.open_lesson("batches", "stepping")
    panel = host.panel
    button = panel.findChild(QPushButton, "lessonSetupButton")
    text = panel.text
    assert button.isVisible() and button.mapTo(panel.page, QPoint(0, 0)).y() < text.mapTo(panel.page, QPoint(0, 0)).y()
    bar = panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the step must be longer than the dock for this test"
    for _ in range(30):
        _wheel(text.viewport())  # the learner scrolls down with the wheel over the text
    assert bar.value() > 0
    assert text.verticalScrollBar().maximum() == 0  # the text has no scroll bar of its own
    host.panel.next_step()
    assert bar.value() == 0
    host.panel.previous_step()
    assert bar.value() == 0 and button.visibleRegion().boundingRect().height() > 0


def test_wheel_over_a_slider_scrolls_the_lesson_and_keeps_the_value(make_window, qtbot):
    w = make_window(size=(1366, 700))
    host = w.lessons
    host.open_lesson("perceptron", "and-gate")
    panel = host.panel
    slider = panel.interaction.findChild(QSlider, "perceptronB")
    assert slider is not None and slider.isVisible()
    bar = panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    panel.scroll.ensureWidgetVisible(slider)
    start, value = bar.value(), slider.value()
    _wheel(slider, -120)
    assert slider.value() == value
    assert bar.value() > start
    _wheel(slider, 120)
    assert slider.value() == value and bar.value() < start + 1
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    slider.setFocus(Qt.MouseFocusReason)  # clicked into: now the wheel is the slider's
    assert slider.hasFocus()
    _wheel(slider, 120)
    assert slider.value() != value


def test_lesson_is_not_hidden_by_a_tab_the_step_raises(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("batches")
    for step in ("stepping", "batch-size", "epoch"):
        host.panel.set_step(step)
        qtbot.wait(10)
        assert host.page.isVisible() and host.panel.text.isVisible(), step
    assert not w.docks["data_view"].isHidden()  # the step's view is still shown


def test_tick_only_after_the_check_passed(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("initialization", "zeros")
    panel = host.panel
    step = panel.current_step()
    row = panel.step_list.item(panel.index)
    panel.choose(step.predict.answer)
    _click(qtbot, panel.findChild(QPushButton, "lessonPredictCheck"))
    assert "Right" in panel.findChild(QLabel, "lessonPredictFeedback").text()
    assert not row.text().startswith("✓")  # answering the quiz is not the task
    _click(qtbot, panel.findChild(QPushButton, "lessonSetupButton"))
    assert w.state.push([("set_training", "epochs", 2)], "short")
    with qtbot.waitSignal(host.checked, timeout=20000) as blocker:
        w.training.train()
    assert blocker.args[0] is True and row.text().startswith("✓")
    assert "zeros" in host.browser.progress("initialization")


def test_failed_check_does_not_tick(make_window, qtbot):
    w = make_window()
    host = w.lessons
    host.open_lesson("perceptron", "xor-network")
    _click(qtbot, host.panel.findChild(QPushButton, "lessonSetupButton"))
    w.train_toolbar.speed.set_speed(None)
    assert w.state.push([("set_training", "epochs", 1)], "one epoch")
    with qtbot.waitSignal(host.checked, timeout=20000) as blocker:
        w.training.train()
    assert blocker.args[0] is False
    assert w.findChild(QLabel, "lessonCheckResult").text().startswith("✗")
    host.panel.next_step() if host.panel.index < len(host.panel.lesson.steps) - 1 else None
    assert "xor-network" not in host.browser.progress("perceptron")


def test_watch_steps_set_a_watchable_speed():
    """Every set-up whose text asks to watch training sets a speed a person can follow."""
    for lesson_id, step_id in (("perceptron", "xor-network"), ("batches", "stepping"), ("ml-vs-dl", "deep-learns")):
        step = registry.get(lesson_id).step(step_id)
        assert "watch" in step.text("en").lower() or "highlights" in step.text("en").lower()
        speed = step.setup["training"].get("speed")
        assert speed is not None and 1 <= speed <= 60, (lesson_id, step_id)


def test_learn_workspace_shows_only_the_visuals_the_step_names(make_window, qtbot):
    w = make_window()
    ws = w.workspaces
    ws.activate("learn")
    host = w.lessons
    host.open_lesson("ml-vs-dl", "features")  # names activations and decision
    qtbot.wait(50)
    visible = {name for name, dock in w.docks.items() if dock.isVisible()}
    assert {"lesson", "activations", "decision"} <= visible
    assert not visible & {"loss_plot", "metric_plot", "data_view", "palette", "inspector"}, visible
    host.panel.set_step("linear-fails")  # names nothing: the lesson's own panels
    qtbot.wait(50)
    visible = {name for name, dock in w.docks.items() if dock.isVisible()}
    assert {"lesson", "decision", "loss_plot"} <= visible and host.page.isVisible()
