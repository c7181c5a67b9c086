"""pytest-qt: the lesson panel, browser and every step interaction respond to their controls."""

import numpy as np
import pytest

pytest.importorskip("pytestqt")
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QPushButton, QSlider, QTextBrowser  # noqa: E402

from nnstudio.engine import registry as ereg  # noqa: E402
from nnstudio.lessons import registry  # noqa: E402
from nnstudio.ui.lessons import (  # noqa: E402
    ActivationExplorer, BatchExplorer, ChainRuleView, DepthQuizWidget, GateComposerWidget,
    LessonBrowser, LessonPanel, LossExplorer, PerceptronWidget, create_widget,
)
from nnstudio.ui.lessons.explorers import activation_curves  # noqa: E402


@pytest.fixture
def show(qtbot):
    def _show(widget):
        qtbot.addWidget(widget)
        widget.show()
        return widget
    return _show


def test_perceptron_sliders_make_and(show):
    w = show(PerceptronWidget(gate="AND"))
    assert not w.all_correct()
    for name, value in (("perceptronW1", 20), ("perceptronW2", 20), ("perceptronB", -30)):
        w.findChild(QSlider, name).setValue(value)
    assert w.weights() == (1.0, 1.0, -1.5)
    assert w.rows_correct() == [True] * 4
    xs, ys = w.decision_curve.getData()
    assert np.allclose(xs + ys, 1.5)  # the line x1 + x2 = 1.5
    w.set_gate("OR")
    assert w.rows_correct() == [True, False, False, True]


def test_perceptron_trains_step_by_step_with_timer(show, qtbot):
    w = show(PerceptronWidget(gate="NAND", mode="train", interval_ms=1))
    w.findChild(QPushButton, "perceptronStep").click()
    assert "epoch 1" in w.findChild(QLabel, "perceptronStatus").text()
    with qtbot.waitSignal(w.trainingFinished, timeout=5000) as blocker:
        w.findChild(QPushButton, "perceptronTrain").click()
    assert blocker.args[0] is True
    assert w.all_correct() and w.history[-1] == 0


def test_perceptron_xor_never_settles(show):
    w = show(PerceptronWidget(gate="XOR", mode="train", max_epochs=30))
    w.run_to_end()
    assert w.converged is False and len(w.history) == 30
    assert "never settles" in w.findChild(QLabel, "perceptronStatus").text()


def test_gate_composer_table(show):
    w = show(GateComposerWidget())
    assert w.composed_matches()
    t = w.table
    assert [t.item(r, 2).text() for r in range(4)] == ["1", "1", "1", "0"]  # NAND
    assert [t.item(r, 4).text() for r in range(4)] == ["0", "1", "1", "0"]  # AND(NAND, OR)


@pytest.mark.parametrize("name", ereg.names("activation"))
def test_activation_explorer_curves_equal_activation(show, name):
    w = show(ActivationExplorer(activation=name))
    xs, ys = w.f_curve.getData()
    assert np.allclose(xs, w.grid)
    if name != "softmax":
        assert np.allclose(ys, ereg.get("activation", name).obj(w.grid))
    _, dys = w.df_curve.getData()
    assert np.allclose(dys, activation_curves(name, w.grid)[1])


def test_activation_explorer_slider(show):
    w = show(ActivationExplorer(activation="sigmoid"))
    w.findChild(QSlider, "activationZ").setValue(0)
    z, f, df = w.point_values()
    assert (z, f, df) == (0.0, 0.5, 0.25)
    assert "0.5000" in w.findChild(QLabel, "activationValues").text()
    w.combo.setCurrentText("relu")
    w.set_z(2.0)
    assert w.point_values() == (2.0, 2.0, 1.0)


def test_loss_explorer_live_values(show):
    w = show(LossExplorer(mode="binary", target=1, prediction=0.9))
    v = w.losses()
    assert v["mean_squared_error"] == pytest.approx(0.01)
    assert v["binary_crossentropy"] == pytest.approx(-np.log(0.9), rel=1e-5)
    assert v["categorical_crossentropy"] == pytest.approx(v["sparse_categorical_crossentropy"])
    w.findChild(QSlider, "lossPrediction").setValue(100)
    assert w.losses()["binary_crossentropy"] == pytest.approx(-np.log(0.1), rel=1e-5)
    assert w.table.item(2, 1).text() == f"{-np.log(0.1):.4f}"
    w.set_mode("multiclass")
    w.set_target(2)
    w.set_prediction(0.6)
    v = w.losses()
    assert v["binary_crossentropy"] is None
    assert v["categorical_crossentropy"] == pytest.approx(-np.log(0.6), rel=1e-5)
    assert v["categorical_crossentropy"] == pytest.approx(v["sparse_categorical_crossentropy"])


def test_batch_explorer(show):
    w = show(BatchExplorer(n=100, batch_size=32))
    assert w.iterations() == 4
    seen = []
    for _ in range(4):
        seen.extend(w.current_batch().tolist())
        w.findChild(QPushButton, "batchNext").click()
    assert sorted(seen) == list(range(100))  # one epoch covers every sample once
    assert w.epoch == 2 and w.iteration == 1
    w.set_sizes(1000, 32)
    assert "= 32" in w.findChild(QLabel, "batchIterations").text()


def test_chain_rule_view_numbers_agree(show):
    w = show(ChainRuleView(layer=0, row=1, col=1))
    assert w.chain_rule_gradient() == pytest.approx(w.backprop_gradient(), rel=1e-9, abs=1e-12)
    assert w.finite_difference() == pytest.approx(w.backprop_gradient(), rel=1e-4, abs=1e-9)
    w.select_weight(1, 0, 0)
    names, mat = w.factors()
    assert mat.shape == (4, 4) and names[-1] == "product"
    before_w, before_loss = w.weight_value(), w.loss()
    g = w.backprop_gradient()
    w.findChild(QPushButton, "chainRuleApply").click()
    assert w.weight_value() == pytest.approx(before_w - 1.0 * g)
    assert w.loss() < before_loss


def test_depth_quiz(show, qtbot):
    w = show(DepthQuizWidget(networks=[[2, 1], [32, 64, 256, 5]]))
    assert w.check() == (0, 2)
    w.set_answer(0, 1, 0)
    w.set_answer(1, 3, 2)
    with qtbot.waitSignal(w.completed, timeout=1000):
        w.findChild(QPushButton, "depthCheck").click()


def test_create_widget_rejects_unknown():
    with pytest.raises(ValueError, match="unknown lesson widget"):
        create_widget("slideshow")


def test_lesson_panel_shows_steps_and_setup(show, qtbot):
    panel = show(LessonPanel("perceptron"))
    les = registry.get("perceptron")
    assert panel.step_list.count() == len(les.steps)
    assert "perceptron" in panel.findChild(QTextBrowser, "lessonText").toPlainText().lower()
    assert panel.findChild(PerceptronWidget) is not None
    with qtbot.waitSignal(panel.stepChanged) as changed:
        panel.set_step("xor-network")
    assert changed.args == ["perceptron", "xor-network"]
    button = panel.findChild(QPushButton, "lessonSetupButton")
    assert button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.setupRequested) as req:
        qtbot.mouseClick(button, Qt.LeftButton)
    assert req.args[0] == les.step("xor-network").setup
    with qtbot.waitSignal(panel.stepCompleted) as done:
        panel.show_check_result(True, "final accuracy is 100.0%")
    assert done.args == ["perceptron", "xor-network"]
    assert "100.0%" in panel.findChild(QLabel, "lessonCheckResult").text()
    assert panel.step_list.item(len(les.steps) - 1).text().startswith("✓")


def test_lesson_panel_predict_feedback_and_language(show, qtbot):
    panel = show(LessonPanel("perceptron", lang="ko"))
    panel.set_step("and-gate")
    step = registry.get("perceptron").step("and-gate")
    panel.choose((step.predict.answer + 1) % len(step.predict.choices))
    assert panel.check_prediction() is False
    feedback = panel.findChild(QLabel, "lessonPredictFeedback")
    assert step.predict.explain_text("ko") in feedback.text()
    panel.choose(step.predict.answer)
    ticks = []
    panel.stepCompleted.connect(lambda *a: ticks.append(a))
    panel.findChild(QPushButton, "lessonPredictCheck").click()
    assert panel.check_prediction() is True
    assert ticks == []  # the right answer is not the task: the four green rows are
    widget = panel.interaction
    with qtbot.waitSignal(panel.stepCompleted):
        for name, value in (("perceptronW1", 20), ("perceptronW2", 20), ("perceptronB", -30)):
            widget.findChild(QSlider, name).setValue(value)
    assert widget.all_correct() and ticks == [("perceptron", "and-gate")]
    panel.set_language("en")
    assert "AND gate" in panel.text.toPlainText()
    assert panel.findChild(QLabel, "lessonPredictQuestion").text() == step.predict.question_text("en")


def test_lesson_panel_compare_and_every_lesson_opens(show, qtbot):
    panel = show(LessonPanel())
    panel.set_lesson("overfitting")
    panel.set_step("compare")
    with qtbot.waitSignal(panel.compareRequested) as req:
        panel.findChild(QPushButton, "lessonCompareButton").click()
    variants = req.args[0]
    assert [v["name"] for v in variants][0] == "baseline"
    assert variants[1]["setup"]["training"]["early_stopping"]["enabled"] is True
    assert variants[1]["setup"]["training"]["epochs"] == 300  # merged over the step's setup
    for les in registry.lessons():
        panel.set_lesson(les)
        for i in range(len(les.steps)):
            panel.next_step() if i else None
        assert panel.current_step().id == les.steps[-1].id


def test_lesson_browser_progress(show, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    browser = show(LessonBrowser(settings=settings))
    assert browser.lesson_ids() == [les.id for les in registry.lessons()]
    browser.mark_step_done("perceptron", "neuron")
    assert browser.progress("perceptron") == ["neuron"]
    browser.mark_step_done("perceptron", "and-gate")
    total = len(registry.get("perceptron").steps)
    assert f"2/{total}" in browser.list.item(0).text()
    again = LessonBrowser(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(again)
    assert again.progress("perceptron") == ["neuron", "and-gate"]
    browser.list.setCurrentRow(1)
    with qtbot.waitSignal(browser.lessonOpened) as opened:
        browser.findChild(QPushButton, "lessonOpenButton").click()
    assert opened.args == ["layers"]
    browser.reset_progress("perceptron")
    assert browser.progress("perceptron") == []
