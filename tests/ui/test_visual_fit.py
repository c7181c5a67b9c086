"""What a learner sees, measured: lesson text wraps inside its column (English and Korean), lesson 4's
regression step shows the loss plot and no classification-only panel, a lesson opened from code shows the
canvas, the Inspect workspace is readable on a laptop, a decision panel built after training draws the
trained weights at once, and Train is off (with the reason) for a step-function output."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from nnstudio.lessons import registry
from nnstudio.project.build import build_model
from nnstudio.project.planes import MAP_SIDE, plane_extent, plane_grid, to_model_space
from nnstudio.ui.lessons.panel import LessonPanel
from nnstudio.ui.main_window import MainWindow
from nnstudio.ui.screenfit import default_geometry
from nnstudio.ui.training.activations import ROW_HEIGHT
from nnstudio.ui.training.backprop import PLOT_MIN_HEIGHT


@pytest.fixture
def opened(qtbot, monkeypatch, fresh_settings):
    """Open the real main window on a forced screen size (as test_screen_fit does)."""
    made = []

    def make(size, workspace="learn"):
        available = QRect(0, 0, *size)
        monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(available))
        w = MainWindow(workspace=workspace)
        w.setWindowState(Qt.WindowNoState)
        w.setGeometry(default_geometry(available))
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()


def _settle(qtbot, w=None):
    for _ in range(3):
        qtbot.wait(30)
    if w is not None:
        w.layout().activate()


def _seen(dock) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _text_fits(text) -> list[str]:
    """What of a StepText the learner would see cut: lines past the right edge, lines below the bottom."""
    doc, width = text.document(), text.viewport().width()
    bad = []
    if abs(doc.pageSize().width() - width) > 0.5:
        bad.append(f"laid out at {doc.pageSize().width()} px in a {width} px column")
    block = doc.begin()
    while block.isValid():
        lay = block.layout()
        for i in range(lay.lineCount()):
            line = lay.lineAt(i)
            if line.x() + line.naturalTextWidth() > width + 1:
                bad.append(f"line {block.text()[:30]!r} is {line.naturalTextWidth():.0f} px wide (column {width})")
        block = block.next()
    if text.height() < doc.size().height():
        bad.append(f"text box {text.height()} px for {doc.size().height():.0f} px of text")
    return bad


@pytest.mark.parametrize("lang", ("en", "ko"))
def test_every_step_text_wraps_inside_a_narrow_lesson_column(qtbot, lang):
    panel = LessonPanel(lang=lang)
    qtbot.addWidget(panel)
    panel.resize(360, 640)
    panel.show()
    qtbot.waitExposed(panel)
    problems = []
    for lesson in registry.lessons():
        panel.set_lesson(lesson)
        for i, step in enumerate(lesson.steps):
            panel.set_step(i)
            QApplication.processEvents()
            panel.page.layout().activate()
            QApplication.processEvents()
            problems += [f"{lesson.order}/{step.id}: {p}" for p in _text_fits(panel.text)]
            if panel.predict_box.isVisible():  # nothing under the quiz box
                if panel.predict_box.geometry().top() < panel.text.geometry().bottom():
                    problems.append(f"{lesson.order}/{step.id}: the quiz box covers the text")
            bar = panel.scroll.horizontalScrollBar()
            if bar.maximum() > 0:
                problems.append(f"{lesson.order}/{step.id}: the page is {bar.maximum()} px wider than the column")
    assert not problems, "\n".join(problems)


def test_lesson4_regression_shows_the_loss_plot_and_no_confusion_matrix(qtbot, opened):
    w = opened((1366, 768))
    w.start_lesson("output-loss")
    panel = w.lessons.panel
    panel.set_step("regression")
    panel.findChild(QPushButton, "lessonSetupButton").click()
    for name in list(w.workspaces.visible()):
        w.panel(name)
    _settle(qtbot, w)
    assert w.state.dataset.task == "regression"
    assert _seen(w.docks["decision"]) and _seen(w.docks["loss_plot"])
    assert w.docks["confusion"].isHidden()
    assert not _text_fits(panel.text)
    assert panel.predict_box.geometry().top() >= panel.text.geometry().bottom()
    # a classification step after it brings the confusion matrix back (after its set-up changed the task)
    panel.set_step("multiclass")
    panel.findChild(QPushButton, "lessonSetupButton").click()
    qtbot.waitUntil(lambda: not w.docks["confusion"].isHidden(), timeout=2000)
    assert w.state.dataset.task != "regression"


def test_a_lesson_opened_from_code_shows_the_canvas_not_the_start_page(qtbot, opened):
    w = opened((1366, 768))
    w.show_start_page()  # as on a first launch (Help > Start Page)
    assert w.showing_start_page()
    w.lessons.open_lesson("batches")
    _settle(qtbot)
    assert not w.showing_start_page() and w.central.currentWidget() is w.canvas_panel
    assert w.workspaces.current == "learn" and _seen(w.docks["lesson"])
    assert w.lessons.current_lesson().id == "batches"


def test_lesson_steps_never_show_the_data_list_in_learn(qtbot, opened):
    w = opened((1366, 768))
    w.start_lesson("batches")
    w.lessons.panel.set_step("stepping")  # names 'data': in Learn that is the data *view*
    _settle(qtbot, w)
    assert w.docks["data"].isHidden() and not w.docks["data_view"].isHidden()
    assert w.docks["lesson"].height() >= 0.8 * w.centralWidget().height()


@pytest.mark.parametrize("size", ((1366, 768), (1920, 1080)), ids=lambda s: f"{s[0]}x{s[1]}")
def test_inspect_is_readable(qtbot, opened, size):
    w = opened(size, "inspect")
    backprop, activations = w.panel("backprop"), w.panel("activations")
    w.docks["activations"].raise_()
    _settle(qtbot, w)
    assert _seen(w.docks["backprop"]) and _seen(w.docks["activations"])
    for plot in (backprop.grad_plot, backprop.update_plot):
        assert plot.height() >= PLOT_MIN_HEIGHT and plot.width() >= 180, plot.size()
        title = plot.getPlotItem().titleLabel
        fm = QFontMetrics(title.item.font())
        assert fm.horizontalAdvance(title.item.toPlainText()) <= plot.width(), title.item.toPlainText()
    # every Dense layer of the default 2-8-1 network in view at once (no scrolling to the second)
    layers = sum(1 for spec in w.state.project.layers if spec.type == "Dense")
    scroll = activations.findChild(QWidget, "activationsScroll") or activations.view.parentWidget().parentWidget()
    assert scroll.height() >= layers * ROW_HEIGHT, (scroll.height(), layers)


def test_a_decision_panel_built_after_training_draws_the_trained_weights(qtbot, opened):
    w = opened((1366, 768), "inspect")
    w.state.push([("set_training", "epochs", 5)], "short run")
    with qtbot.waitSignal(w.training.finished, timeout=30000):
        assert w.training.train()
    assert "decision" not in w.workspaces.built()  # behind a tab in Inspect: never painted yet
    w.workspaces.activate("build")
    qtbot.waitUntil(lambda: "decision" in w.workspaces.built(), timeout=3000)
    dec = w.panel("decision")
    qtbot.waitUntil(lambda: dec.maps is not None, timeout=3000)  # at once, not at the next snapshot
    ds, prepared = w.state.dataset, w.state.prepared()
    grid = plane_grid(plane_extent(ds.x), MAP_SIDE)
    want = build_model(w.state.project, ds).predict(to_model_space(prepared, grid))
    np.testing.assert_allclose(np.asarray(dec.maps.output), want, rtol=1e-4, atol=1e-5)
    assert dec.image.image is not None and dec.image.width() == MAP_SIDE


def test_train_is_off_for_a_step_neuron_and_says_why(qtbot, opened):
    w = opened((1366, 768))
    w.start_lesson("perceptron")  # the 2-1 step neuron on AND
    train = w.train_toolbar.train_action
    w.train_toolbar.update_actions()
    assert not train.isEnabled()
    assert "step function" in train.toolTip() and "slope is 0" in train.toolTip()
    assert not w.training.train()
    assert w.state.push([("set_layer", 1, "activation", "sigmoid")], "sigmoid output")
    w.train_toolbar.update_actions()
    assert train.isEnabled()


def test_lesson5_batch_explorer_fits_the_lesson_column_on_a_1080p_screen(qtbot, opened):
    w = opened((1920, 1080))
    w.start_lesson("batches")
    panel = w.lessons.panel
    panel.set_step("stepping")
    _settle(qtbot, w)
    plot = panel.interaction.plot
    view = panel.scroll.viewport()
    top_left = plot.mapTo(view, plot.rect().topLeft())
    bottom = top_left.y() + plot.height()
    assert plot.height() >= 220 and bottom <= view.height(), (plot.height(), bottom, view.height())
    assert panel.scroll.verticalScrollBar().maximum() == 0  # the whole step in view, nothing to scroll to


def test_lesson2_palette_shows_every_row_and_leaves_the_lesson_the_room(qtbot, opened):
    w = opened((1366, 768))
    w.start_lesson("layers")  # Learn: the lesson and the palette share the left column
    _settle(qtbot, w)
    palette = w.palette_list
    assert _seen(w.docks["palette"]) and _seen(w.docks["lesson"])
    for i in range(palette.count()):  # the descriptions wrap in the narrow column: still every row in full
        assert palette.viewport().rect().contains(palette.visualItemRect(palette.item(i))), i
    assert w.docks["lesson"].height() > 2 * w.docks["palette"].height()
