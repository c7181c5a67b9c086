"""The lesson host: wires the lesson browser and panel to the main window.

:class:`LessonHost` owns the 'lesson' dock (a :class:`LessonPage`: the
browser, or the open lesson's :class:`LessonPanel` with a back button) and
connects the panel to the studio:

* "Set it up for me" -> one undoable command
  ``state.push(setup_edits(state.project, as_applied(setup)), text)``
  (training is stopped first, keeping what was trained; a set-up without a
  ``training`` block resets training to the defaults);
* the canvas vs the step: a step without a set-up whose canvas does not show
  the network it talks about (:func:`~nnstudio.lessons.setups.context_setup`)
  says so and offers that set-up; opening a lesson puts its first network on
  the canvas when the canvas holds nothing of the learner's own (the default
  network or a lesson's) — one undoable command;
* the step's panels -> shown without ever covering the lesson (a dock tabbed
  with the lesson is not raised over it), and in the Learn workspace only the
  visuals the step names, large (``window.workspaces.show_for_step``), the
  first one the step names in front; panels that do not apply to the data's
  task (a confusion matrix for a regression data set) are left out
  (:func:`~nnstudio.ui.lessons.page.applicable`), again after a set-up
  changes the data;
* opening a lesson, from the browser, the start page or code, shows the
  canvas in the centre (never the start page over it);
* ``window.training.finished`` -> the current step's check evaluated on the
  project's trained state (``state.project.trained['history']`` and weights)
  with :func:`nnstudio.lessons.checks.evaluate`, shown in the panel;
* the perceptron widget's own training -> the same for lesson 1's checks;
* "Run the comparison" -> :class:`~nnstudio.ui.lessons.compare.CompareRunner`;
* done steps -> ``LessonBrowser.mark_step_done`` (QSettings);
* the app language (QSettings ``ui/language``) -> lesson texts, re-rendered
  at once after the Preferences dialog changes it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from nnstudio.lessons import checks, registry
from nnstudio.lessons.checks import TrainingResult
from nnstudio.lessons.setups import as_applied, canvas_matches, context_setup
from nnstudio.project import Project, setup_edits
from nnstudio.ui import settings as app_settings
from nnstudio.ui.i18n import tr_check
from nnstudio.ui.lessons.browser import LessonBrowser
from nnstudio.ui.lessons.classroom import Classroom
from nnstudio.ui.lessons.compare import CompareRunner
from nnstudio.ui.lessons.page import LessonPage, applicable
from nnstudio.ui.lessons.panel import LessonPanel

SEEN_KEY = "lessons/seen_start"
LAST_KEY = "lessons/last"
#: the lesson column's width (px) for a step with an interaction widget (at most 45% of the window)
WIDGET_WIDTH = 560
#: checks that look at the perceptron widget's training, not the studio's
PERCEPTRON_CHECKS = ("perceptron_converged", "perceptron_not_converged")


class LessonHost(QObject):
    """Everything lessons add to a main window (see module docstring)."""

    #: a step's check ran: (passed, message)
    checked = Signal(bool, str)

    def __init__(self, window, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.state = window.state
        self.settings = settings if settings is not None else app_settings.settings()
        self.lang = app_settings.resolve_language()
        self.browser = LessonBrowser(self.settings, self.lang)
        self.panel = LessonPanel(lang=self.lang)
        self.page = LessonPage(self.browser, self.panel)
        self.dock_area = Qt.LeftDockWidgetArea
        self.dock = window.add_dock(self.page, "lesson", self.tr("Lessons"), self.dock_area)
        self._place_dock()
        self.compare = CompareRunner(window, self)
        self.classroom = Classroom(window, self.panels, self)
        self._epochs_before = 0
        self._wired_interaction = None

        self.action = QAction(self.tr("&Lessons"), window)
        self.action.setObjectName("lessonsAction")
        self.action.setShortcut(QKeySequence("F1"))
        self.action.setStatusTip(self.tr("Browse the lessons and open one beside the canvas"))
        self.action.setToolTip(self.tr("Lessons (F1)"))
        self.action.triggered.connect(lambda _checked=False: self.show_browser())
        window.addAction(self.action)
        help_menu = window.menus["help"]
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.action)
        if first is not None:
            help_menu.insertSeparator(first)
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.action)

        self.browser.lessonOpened.connect(self.open_lesson)
        self.page.back_button.clicked.connect(self.show_browser)
        self.panel.setupRequested.connect(self.apply_setup)
        self.panel.compareRequested.connect(self.run_compare)
        self.panel.stepChanged.connect(self._on_step_changed)
        self.panel.stepCompleted.connect(self.browser.mark_step_done)
        self._note_pending = False
        self._last_task = self._task()
        self.state.networkChanged.connect(self._schedule_note)  # a new dataset: datasetChanged
        self.state.projectReplaced.connect(self._schedule_note)
        self.state.datasetChanged.connect(self._schedule_note)
        self.compare.progress.connect(self.page.set_notice)
        self.compare.done.connect(self._on_compare_done)
        training = getattr(window, "training", None)
        if training is not None:
            training.started.connect(self._on_training_started)
            training.finished.connect(self._on_training_finished)
        prefs = getattr(window, "preferences_action", None)
        if prefs is not None:  # connected after the builder's slot: runs once the dialog has closed
            prefs.triggered.connect(lambda _checked=False: self.follow_settings())

        if not self.settings.value(SEEN_KEY, False, type=bool):
            self.settings.setValue(SEEN_KEY, True)
            self.settings.sync()
            self.show_browser()
        else:
            self.dock.hide()

    def _place_dock(self) -> None:
        """Beside the canvas on the left, sharing the tall slot of the Data panel (as a tab).

        Splitting the right area would only pair the lesson with its first dock
        (the short inspector) and make the window taller than a laptop screen;
        the Data panel's slot is the tallest one, and a step's set-up fills the
        data in for the learner anyway.
        """
        w = self.window
        for name in ("data", "palette"):
            other = w.docks.get(name)
            if other is not None and not other.isFloating() and w.dockWidgetArea(other) == self.dock_area:
                w.tabifyDockWidget(other, self.dock)
                break
        w.resizeDocks([self.dock], [440], Qt.Horizontal)

    # ------------------------------------------------------------------ lessons
    def current_lesson(self):
        return self.panel.lesson if self.page.showing_panel() else None

    def panels(self) -> list[str]:
        """Panels the open lesson and its current step want ('lesson' only when none is open)."""
        lesson = self.current_lesson()
        if lesson is None:
            return ["lesson", "canvas"]
        step = self.panel.current_step()
        return applicable(dict.fromkeys(list(lesson.panels) + list(step.panels if step else ())), self._task())

    def _task(self) -> str | None:
        """The task of the data on the canvas ('regression', 'binary', …; None without data)."""
        ds = getattr(self.state, "dataset", None)
        return getattr(ds, "task", None)

    def _in_learn(self) -> bool:
        return getattr(getattr(self.window, "workspaces", None), "current", None) == "learn"

    def show_browser(self) -> None:
        """Show the 'lesson' dock with the lesson list."""
        self.browser.refresh()
        self.page.show_browser()
        self.page.set_notice("")
        self._show_dock()
        self.classroom.update_docks()
        self._follow_workspace()

    def open_lesson(self, lesson_id: str, step=None) -> None:
        """Open a lesson (at ``step``, an index or id) in the 'lesson' dock, with its remembered progress."""
        lesson = registry.get(lesson_id)
        self.page.set_notice("")
        self.page.show_panel()
        self.panel.set_lesson(lesson, done_steps=self.browser.progress(lesson.id))
        if step is not None:
            self.panel.set_step(step)
        show_canvas = getattr(self.window, "show_canvas", None)
        if show_canvas is not None:  # opened from code or the start page: the canvas, not the start page
            show_canvas()
        self._set_up_on_open()
        if not self._in_learn():  # Learn arranges the step's visuals itself (the first one in front)
            self._raise_panels(applicable(lesson.panels, self._task()), show=False)
        self._show_dock()
        self.classroom.update_docks()
        self._follow_workspace()
        self._raise_step_panels()

    def _show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def _raise_panels(self, panels, show: bool) -> None:
        """Bring the docks of ``panels`` to the front of their tab groups, never over the lesson."""
        beside_lesson = set(self.window.tabifiedDockWidgets(self.dock)) if self.dock is not None else set()
        for name in panels:
            for dock_name in _dock_names(name):
                dock = self.window.docks.get(dock_name)
                if dock is None or dock is self.dock:
                    continue
                if show:
                    dock.show()
                if not dock.isHidden() and dock not in beside_lesson:
                    dock.raise_()
        if self.dock is not None and not self.dock.isHidden():
            self.dock.raise_()

    def _give_room(self) -> None:
        """A step with its own widget (perceptron, explorers) gets a lesson column wide enough to lay it out."""
        if self.dock is None or self.dock.isHidden() or self.dock.isFloating() or self.panel.interaction is None:
            return
        want = min(WIDGET_WIDTH, int(self.window.width() * 0.45))
        if self.dock.width() < want:
            self.window.resizeDocks([self.dock], [want], Qt.Horizontal)

    def _follow_workspace(self) -> None:
        """Learn workspace: only the visuals the step names, large (the workspaces' own mechanism)."""
        ws = getattr(self.window, "workspaces", None)
        show_for_step = getattr(ws, "show_for_step", None)
        if show_for_step is not None:
            show_for_step(self.step_visuals())

    def step_visuals(self) -> list[str] | None:
        """The panels the current step names (the lesson's when it names none); None: no lesson open."""
        lesson = self.current_lesson()
        if lesson is None:
            return None
        step = self.panel.current_step()
        named = list(step.panels) if step is not None and step.panels else list(lesson.panels)
        return list(dict.fromkeys(["lesson", "canvas"] + applicable(named, self._task())))

    def _raise_step_panels(self) -> None:
        """The panels the step names in front of their tab groups, the first one last (so on top).

        Outside Learn they are also shown; in Learn the workspace shows exactly the step's visuals."""
        step = self.panel.current_step() if self.page.showing_panel() else None
        if step is not None:
            self._raise_panels(list(reversed(applicable(step.panels, self._task()))), show=not self._in_learn())

    # ------------------------------------------------------- canvas vs step
    def _lesson_material(self) -> bool:
        """True when the canvas holds nothing of the learner's own: the default network or a lesson's set-up."""
        project = self.state.project
        default = Project.default()
        if canvas_matches(project, {"layers": [la.to_dict() for la in default.layers], "dataset": default.dataset}):
            return True
        return any(canvas_matches(project, st.setup) for les in registry.lessons() for st in les.steps
                   if st.setup is not None)

    def _set_up_on_open(self) -> None:
        """Opening a lesson: put the network its step is about on the canvas (if nothing of the user's is there)."""
        lesson, index = self.panel.lesson, self.panel.index
        ctx = context_setup(lesson, index) if lesson is not None else None
        if ctx is None or canvas_matches(self.state.project, ctx[1]) or not self._lesson_material():
            self.update_canvas_note()
            return
        i, setup = ctx
        self.apply_setup(setup, self.tr("Lesson {0}: {1}").format(lesson.order, lesson.steps[i].title(self.lang)))
        self.update_canvas_note()

    def update_canvas_note(self) -> None:
        """Tell the learner when the canvas is not what the current step is about, and offer to set it up."""
        self._note_pending = False
        lesson, step = self.panel.lesson, self.panel.current_step()
        if not self.page.showing_panel() or step is None:
            self.panel.set_canvas_note("")
            return
        if step.setup is not None:  # its own "Set it up for me" is right there
            self.panel.set_canvas_note("" if canvas_matches(self.state.project, step.setup) else self.tr(
                "The canvas does not show this step's network and data yet: “Set it up for me” puts them there."))
            return
        ctx = context_setup(lesson, self.panel.index)
        if ctx is None or canvas_matches(self.state.project, ctx[1]):
            self.panel.set_canvas_note("")
            return
        i, setup = ctx
        self.panel.set_canvas_note(
            self.tr("This step is about the network of step {0}, “{1}”, but the canvas shows a different "
                    "network or data set.").format(i + 1, lesson.steps[i].title(self.lang)), offer=setup)

    def _schedule_note(self, *_args) -> None:
        if not self._note_pending:
            self._note_pending = True
            QTimer.singleShot(0, self, self._after_change)

    def _after_change(self) -> None:
        """The network or data changed: update the note; a new task may change the step's visuals."""
        self.update_canvas_note()
        task = self._task()
        if task != self._last_task:
            self._last_task = task
            if self.page.showing_panel():
                self.classroom.update_docks()
                self._follow_workspace()

    # ------------------------------------------------------------------- setups
    def _stop_training(self) -> None:
        training = getattr(self.window, "training", None)
        if training is not None and training.is_active():
            training.shutdown(5000)  # keeps what was trained (one undo entry of its own)

    def apply_setup(self, setup: dict, text: str | None = None) -> bool:
        """Apply a step's set-up as ONE undoable command; training is stopped first."""
        if self.compare.is_running():
            self.compare.cancel()
        self._stop_training()
        step, lesson = self.panel.current_step(), self.panel.lesson
        if text is None:
            text = (self.tr("Lesson {0}: {1}").format(lesson.order, step.title(self.lang))
                    if step is not None else self.tr("Lesson set-up"))
        try:
            edits = setup_edits(self.state.project, as_applied(setup))
        except ValueError as exc:
            self.page.set_notice(self.tr("This step's set-up could not be applied: {0}").format(exc))
            return False
        if not self.state.push(edits, text):
            self.page.set_notice(self.state.edit_blocked_reason() or self.tr("The project cannot be changed now."))
            return False
        self.page.set_notice(self.tr("Set up: {0}. Undo (Ctrl+Z) restores your previous network.").format(text))
        canvas = getattr(self.window, "canvas", None)
        if canvas is not None and hasattr(canvas, "fit"):
            QTimer.singleShot(0, canvas, canvas.fit)  # the whole new network in view, once it is drawn
        return True

    def run_compare(self, variants: list, epochs: int | None = None) -> bool:
        """Train the step's variants one after another and overlay their runs (again: stop)."""
        if self.compare.is_running():
            self.compare.cancel()
            return False
        ok = self.compare.start(variants, epochs=epochs)
        if ok:
            self.panel.compare_button.setText(self.tr("Stop the comparison"))
        return ok

    def _on_compare_done(self, kept: list, completed: bool) -> None:
        self.panel.compare_button.setText(self.tr("Run the comparison"))
        step = self.panel.current_step()
        if completed and step is not None and step.compare and step.check is None:
            self.panel.mark_done(step.id)

    # ------------------------------------------------------------------- checks
    def _on_training_started(self) -> None:
        training = self.window.training
        self._epochs_before = len((training.history or {}).get("loss", []))

    def _on_training_finished(self, reason: str) -> None:
        if self.compare.is_running() or reason == "error":
            return
        step = self.panel.current_step() if self.page.showing_panel() else None
        if step is None or step.check is None or step.check.kind in PERCEPTRON_CHECKS:
            return
        self.check_step()

    def training_result(self) -> TrainingResult:
        """The project's trained state as a check input (history, weights, final losses)."""
        project = self.state.project
        st = project.trained or {}
        history = {k: list(v) for k, v in (st.get("history") or {}).items()}
        final, model = {}, None
        try:
            from nnstudio.project.build import build_model

            prepared = self.state.prepared()
            if prepared is not None and st.get("weights"):
                model = build_model(project, self.state.dataset)
                final["loss"] = _loss(model, prepared.x_train, prepared.y_train)
                if prepared.validation_data is not None:
                    final["val_loss"] = _loss(model, prepared.x_val, prepared.y_val)
        except Exception:  # a check without final numbers still runs on the history
            model = None
        epochs = int(project.training.get("epochs", 0)) + self._epochs_before
        return TrainingResult(history=history, model=model, weights=st.get("weights"), final=final,
                              epochs_requested=epochs)

    def check_step(self) -> tuple[bool, str] | None:
        """Evaluate the current step's check on the trained project and show the outcome."""
        step = self.panel.current_step()
        if step is None or step.check is None:
            return None
        try:
            passed, message = checks.evaluate(step.check, self.training_result())
        except (ValueError, TypeError) as exc:
            passed, message = False, str(exc)
        message = tr_check(message)
        self.panel.show_check_result(passed, message)
        self.checked.emit(passed, message)
        return passed, message

    def _check_perceptron(self, step) -> None:
        widget = self.panel.interaction
        if widget is None or self.panel.current_step() is not step:
            return
        passed, message = checks.evaluate(step.check, {"errors": list(widget.history)})
        message = tr_check(message)
        self.panel.show_check_result(passed, message)
        self.checked.emit(passed, message)

    # -------------------------------------------------------------------- steps
    def _on_step_changed(self, lesson_id: str, step_id: str) -> None:
        step = self.panel.current_step()
        widget = self.panel.interaction
        if widget is not None and widget is not self._wired_interaction:
            self._wired_interaction = widget
            if step.check is not None and step.check.kind in PERCEPTRON_CHECKS and hasattr(widget, "trainingFinished"):
                widget.trainingFinished.connect(lambda _conv, _epochs, step=step: self._check_perceptron(step))
        self.settings.setValue(LAST_KEY, f"{lesson_id}/{step_id}")
        self.classroom.update_docks()
        self._follow_workspace()
        # e.g. lesson 5 'stepping': the data view shows the current mini-batch (never over the lesson)
        self._raise_step_panels()
        self._give_room()
        self.update_canvas_note()

    # ----------------------------------------------------------------- language
    def set_language(self, lang: str) -> None:
        """Show lesson texts in ``lang`` ('en' / 'ko'; 'system' follows the OS) at once."""
        self.lang = app_settings.resolve_language(lang)
        self.panel.set_language(self.lang)
        self.browser.set_language(self.lang)

    def follow_settings(self) -> bool:
        """Re-read QSettings ``ui/language``; re-render lessons if it changed. True if it did."""
        lang = app_settings.resolve_language()
        if lang == self.lang:
            return False
        self.set_language(lang)
        self.page.set_notice(self.tr("Lesson texts now follow the new language; menus switch the next time "
                                     "nnstudio starts."))
        return True


def _dock_names(panel: str) -> tuple:
    from nnstudio.ui.lessons.classroom import PANEL_DOCKS

    return PANEL_DOCKS.get(panel, (panel,))


def _loss(model, x, y) -> float:
    out = model.evaluate(x, y, batch_size=max(len(x), 1), verbose=0, return_dict=True)
    return float(out["loss"])
