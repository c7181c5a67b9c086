"""The lesson panel: one lesson's steps, the current step's text, quiz and interaction.

The panel knows nothing of the main window. It emits:

* ``setupRequested(dict)`` — "Set it up for me" (the step's first, prominent
  action) with the step's ``setup``, or — for a step without one whose canvas
  is not what it is about — the set-up it builds on (the host offers that with
  :meth:`LessonPanel.set_canvas_note`); the host applies it with
  ``nnstudio.project.setup_edits``;
* ``compareRequested(list)`` — ``[{"name", "label", "setup"}, ...]`` with each
  variant already merged over the step's setup (``merge_setup``);
* ``stepChanged(lesson_id, step_id)`` and ``stepCompleted(lesson_id, step_id)``.

The host runs a step's check after training and reports it back with
:meth:`LessonPanel.show_check_result`.

A step is ticked done only when its task is done: a passed check (training or
perceptron), else the interaction's own ``completed`` signal, else a finished
comparison, else a right quiz answer; only a plain reading step is ticked by
moving on. The whole step (title, set-up button, text, interaction, compare
button, quiz) is one page in one scroll area that opens at its top; the text
has no scroll bar of its own, tables show all their rows, and the wheel over
an unfocused control scrolls the page (:mod:`.stepview`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from nnstudio.lessons import registry
from nnstudio.lessons.setups import merge_setup
from nnstudio.ui.lessons.stepview import ChoiceRow, Responsive, StepText, WheelGuard, fit_tables, guard_controls
from nnstudio.ui.lessons.widgets import create_widget

TICK = "✓ "
SETUP_STYLE = (
    "QPushButton#lessonSetupButton, QPushButton#lessonContextSetupButton {"
    " font-weight: bold; padding: 6px 16px; border-radius: 4px;"
    " color: white; background: #2e7d32; border: 1px solid #1b5e20; }"
    "QPushButton#lessonSetupButton:hover, QPushButton#lessonContextSetupButton:hover { background: #388e3c; }"
    "QPushButton#lessonSetupButton:focus, QPushButton#lessonContextSetupButton:focus { border: 2px solid #0d47a1; }"
)
NOTE_STYLE = "#lessonCanvasNote { background: #fff8e1; color: #3e2f00; border: 1px solid #e6c36a; padding: 4px; }"


class LessonPanel(QWidget):
    """Steps list with ticks, step text, predict quiz, interaction, setup button, check result."""

    stepChanged = Signal(str, str)
    stepCompleted = Signal(str, str)
    setupRequested = Signal(dict)
    compareRequested = Signal(list)

    def __init__(self, lesson=None, lang: str = "en", parent=None, widget_factory=create_widget):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.lang = registry.normalize_lang(lang)
        self.lesson = None
        self.index = -1
        self.done: set[str] = set()
        self.interaction = None
        self._factory = widget_factory
        self._offered_setup: dict | None = None

        self.title = QLabel("", objectName="lessonTitle")
        self.title.setWordWrap(True)
        self.step_list = QListWidget(objectName="lessonStepList")
        self.text = StepText()
        self.text.setObjectName("lessonText")
        self.text.setOpenExternalLinks(True)
        self.interaction_box = QWidget(objectName="lessonInteraction")
        self.interaction_layout = QVBoxLayout(self.interaction_box)
        self.interaction_layout.setContentsMargins(0, 0, 0, 0)
        self.setup_button = QPushButton(objectName="lessonSetupButton")
        self.setup_button.setDefault(True)
        self.context_button = QPushButton(objectName="lessonContextSetupButton")
        self.canvas_note = QLabel("", objectName="lessonCanvasNote")
        self.canvas_note.setWordWrap(True)
        self.canvas_note.setStyleSheet(NOTE_STYLE)
        self.compare_button = QPushButton(objectName="lessonCompareButton")
        self.predict_box = QGroupBox(objectName="lessonPredict")
        self.predict_question = QLabel("", objectName="lessonPredictQuestion")
        self.predict_question.setWordWrap(True)
        self.choice_group = QButtonGroup(self)
        self.choice_layout = QVBoxLayout()
        self.predict_check = QPushButton(objectName="lessonPredictCheck")
        self.predict_feedback = QLabel("", objectName="lessonPredictFeedback")
        self.predict_feedback.setWordWrap(True)
        pl = QVBoxLayout(self.predict_box)
        pl.addWidget(self.predict_question)
        pl.addLayout(self.choice_layout)
        pl.addWidget(self.predict_check)
        pl.addWidget(self.predict_feedback)
        self.check_result = QLabel("", objectName="lessonCheckResult")
        self.check_result.setWordWrap(True)
        self.prev_button = QPushButton(objectName="lessonPrev")
        self.next_button = QPushButton(objectName="lessonNext")

        right = QWidget(objectName="lessonStepPage")
        right.setStyleSheet(SETUP_STYLE)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 4, 4, 4)
        rl.addWidget(self.title)
        first = QHBoxLayout()  # the step's first action, before its text
        first.addWidget(self.setup_button)
        first.addWidget(self.context_button)
        first.addStretch(1)
        rl.addLayout(first)
        rl.addWidget(self.canvas_note)
        rl.addWidget(self.text)
        rl.addWidget(self.interaction_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        rl.addWidget(self.predict_box)
        rl.addStretch(1)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        # steps above the text: the panel lives in a narrow side dock beside the canvas
        split = QSplitter(Qt.Vertical, objectName="lessonSplitter")
        split.addWidget(self.step_list)
        scroll = QScrollArea(objectName="lessonScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(right)
        self.scroll = scroll
        self.page = right
        self.wheel_guard = WheelGuard(scroll, self)
        self.responsive = Responsive(scroll, self)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 5)
        split.setChildrenCollapsible(False)
        self.step_list.setMinimumHeight(60)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split, 1)
        lay.addWidget(self.check_result)  # outside the scroll area: the check outcome is always in view
        lay.addLayout(nav)

        self.step_list.currentRowChanged.connect(self._on_row)
        self.setup_button.clicked.connect(self.request_setup)
        self.context_button.clicked.connect(self.request_context_setup)
        self.compare_button.clicked.connect(self.request_compare)
        self.predict_check.clicked.connect(self.check_prediction)
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self._retranslate()
        if lesson is not None:
            self.set_lesson(lesson)

    # --------------------------------------------------------------- lessons
    def set_lesson(self, lesson, done_steps=()) -> None:
        """Show a lesson (a ``Lesson`` or its id), optionally with steps already done."""
        self.lesson = registry.get(lesson) if isinstance(lesson, str) else lesson
        self.done = set(done_steps) & set(self.lesson.step_ids)
        self.index = -1
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for _ in self.lesson.steps:
            self.step_list.addItem(QListWidgetItem(""))
        self.step_list.blockSignals(False)
        self._refresh_list()
        self.set_step(0)

    def current_step(self):
        return self.lesson.steps[self.index] if self.lesson is not None and self.index >= 0 else None

    def set_step(self, step) -> None:
        """Go to a step by index or id."""
        if self.lesson is None:
            return
        index = self.lesson.step_ids.index(step) if isinstance(step, str) else int(step)
        index = max(0, min(index, len(self.lesson.steps) - 1))
        if index == self.index:
            return
        self.index = index
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        self._show_step()
        self.stepChanged.emit(self.lesson.id, self.current_step().id)

    def task(self, step=None) -> str:
        """What ticks ``step`` (default: the current one): 'check', 'widget', 'compare', 'quiz' or 'read'."""
        step = step or self.current_step()
        if step is None:
            return "read"
        if step.check is not None:
            return "check"
        widget = self.interaction if step is self.current_step() else None
        if widget is not None and hasattr(widget, "completed"):
            return "widget"
        if step.compare:
            return "compare"
        return "quiz" if step.predict is not None else "read"

    def next_step(self) -> None:
        """Moving on ticks only a plain reading step (any other step is ticked by its own task)."""
        step = self.current_step()
        if step is not None and self.task(step) == "read":
            self.mark_done(step.id)
        self.set_step(self.index + 1)

    def previous_step(self) -> None:
        self.set_step(self.index - 1)

    def mark_done(self, step_id: str) -> None:
        """Tick a step and emit ``stepCompleted`` (once per step)."""
        if self.lesson is None or step_id in self.done or step_id not in self.lesson.step_ids:
            return
        self.done.add(step_id)
        self._refresh_list()
        self.stepCompleted.emit(self.lesson.id, step_id)

    def done_steps(self) -> list[str]:
        return [s for s in self.lesson.step_ids if s in self.done] if self.lesson else []

    # ---------------------------------------------------------------- actions
    def request_setup(self) -> None:
        step = self.current_step()
        if step is not None and step.setup is not None:
            self.setupRequested.emit(dict(step.setup))

    def request_context_setup(self) -> None:
        """Apply the set-up offered by :meth:`set_canvas_note` (a step without its own)."""
        if self._offered_setup is not None:
            self.setupRequested.emit(dict(self._offered_setup))

    def set_canvas_note(self, text: str, offer: dict | None = None) -> None:
        """Say what the canvas shows for this step ('' hides it); ``offer``: a set-up to offer with it."""
        self.canvas_note.setText(text)
        self.canvas_note.setVisible(bool(text))
        self._offered_setup = offer
        self.context_button.setVisible(offer is not None)

    def request_compare(self) -> None:
        step = self.current_step()
        if step is not None and step.compare:
            self.compareRequested.emit([
                {"name": v.name, "label": v.label_text(self.lang), "setup": merge_setup(step.setup, v.setup)}
                for v in step.compare
            ])

    def selected_choice(self) -> int:
        return self.choice_group.checkedId()

    def choose(self, index: int) -> None:
        """Select answer ``index`` (as a click on its radio button would)."""
        self.choice_group.button(index).setChecked(True)

    def check_prediction(self) -> bool | None:
        """Compare the chosen answer with the right one; show the explanation."""
        step = self.current_step()
        if step is None or step.predict is None:
            return None
        choice = self.selected_choice()
        if choice < 0:
            self.predict_feedback.setText(self.tr("Pick an answer first."))
            return None
        right = choice == step.predict.answer
        verdict = self.tr("Right!") if right else self.tr("Not quite.")
        self.predict_feedback.setText(f"{verdict} {step.predict.explain_text(self.lang)}")
        self.predict_feedback.setProperty("correct", right)
        if right and self.task(step) == "quiz":  # a quiz ticks only a step whose task it is
            self.mark_done(step.id)
        return right

    def show_check_result(self, passed: bool, message: str) -> None:
        """Show the outcome of the step's check (run by the host on a training result)."""
        step = self.current_step()
        head = step.check.message(passed, self.lang) if step is not None and step.check else ""
        mark = "✓" if passed else "✗"
        self.check_result.setText(f"{mark} {head} ({message})" if head else f"{mark} {message}")
        self.check_result.setProperty("passed", bool(passed))
        if passed and step is not None:
            self.mark_done(step.id)

    # ---------------------------------------------------------------- language
    def set_language(self, lang: str) -> None:
        """Show lesson texts in ``lang`` ('en' or 'ko'; others fall back to English)."""
        self.lang = registry.normalize_lang(lang)
        self._retranslate()
        if self.lesson is not None:
            self._refresh_list()
            keep = self.index
            self.index = -1
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(keep)
            self.step_list.blockSignals(False)
            self.index = keep
            self._show_step()

    def _retranslate(self) -> None:
        self.setup_button.setText(self.tr("Set it up for me"))
        self.setup_button.setToolTip(self.tr("Put this step's network, data and training settings on the canvas "
                                             "(one undoable change: Ctrl+Z brings back what was there)"))
        self.context_button.setText(self.tr("Set it up for me"))
        self.context_button.setToolTip(self.tr("Put the network and data this step talks about on the canvas "
                                               "(one undoable change)"))
        self.compare_button.setText(self.tr("Run the comparison"))
        self.predict_box.setTitle(self.tr("Predict first"))
        self.predict_check.setText(self.tr("Check my answer"))
        self.prev_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))

    # ------------------------------------------------------------------ view
    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.set_step(row)

    def _refresh_list(self) -> None:
        for i, step in enumerate(self.lesson.steps):
            prefix = TICK if step.id in self.done else "   "
            self.step_list.item(i).setText(f"{prefix}{i + 1}. {step.title(self.lang)}")

    def _show_step(self) -> None:
        step = self.current_step()
        les = self.lesson
        self.title.setText(f"<b>{les.order}. {les.title(self.lang)}</b> — {step.title(self.lang)}")
        text = step.text(self.lang)
        if self.index == 0 and les.intro(self.lang):
            text = les.intro(self.lang) + "\n\n" + text
        self.text.setMarkdown(text)
        self._set_interaction(step)
        self.setup_button.setVisible(step.setup is not None)
        self.set_canvas_note("")
        self.compare_button.setVisible(bool(step.compare))
        self._set_predict(step)
        fit_tables(self.page)
        guard_controls(self.page, self.wheel_guard)
        self.check_result.setText("")
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(les.steps) - 1)
        self.scroll_to_top()

    def scroll_to_top(self) -> None:
        """A step opens at its top (title and set-up button in view)."""
        self.scroll.verticalScrollBar().setValue(0)
        self.scroll.horizontalScrollBar().setValue(0)

    def _set_interaction(self, step) -> None:
        if self.interaction is not None:
            if hasattr(self.interaction, "stop_training"):
                self.interaction.stop_training()
            self.interaction_layout.removeWidget(self.interaction)
            self.interaction.hide()
            self.interaction.setParent(None)  # out of findChild's reach at once; deleted below
            self.interaction.deleteLater()
            self.interaction = None
        if step.widget:
            self.interaction = self._factory(step.widget, step.widget_params, self.interaction_box)
            self.interaction_layout.addWidget(self.interaction)
            done = getattr(self.interaction, "completed", None)
            if done is not None and step.check is None:  # with a check, only the check ticks the step
                sid = step.id
                done.connect(lambda sid=sid: self.mark_done(sid))
        self.interaction_box.setVisible(self.interaction is not None)
        self.responsive.track(self.interaction)

    def _set_predict(self, step) -> None:
        for b in self.choice_group.buttons():
            self.choice_group.removeButton(b)
        while self.choice_layout.count():
            row = self.choice_layout.takeAt(0).widget()
            if row is not None:
                row.hide()
                row.deleteLater()
        self.predict_feedback.setText("")
        p = step.predict
        self.predict_box.setVisible(p is not None)
        if p is None:
            return
        self.predict_question.setText(p.question_text(self.lang))
        for i, text in enumerate(p.choice_texts(self.lang)):
            row = ChoiceRow(text, i)  # a long answer wraps instead of widening the lesson
            self.choice_group.addButton(row.button, i)
            self.choice_layout.addWidget(row)

    def closeEvent(self, event):  # noqa: N802 (Qt name)
        if self.interaction is not None and hasattr(self.interaction, "stop_training"):
            self.interaction.stop_training()
        super().closeEvent(event)
