"""The start page: what the centre of the window shows on the very first launch.

It sits in the Learn workspace, beside the lesson dock's own lesson list
(:class:`~nnstudio.ui.lessons.browser.LessonBrowser`, with the progress
ticks), and offers four real actions: start lesson 1, open an example, a
new network, import a CSV file. Choosing any of them - or a lesson on the
left, or another workspace - puts the canvas back in the centre and opens
the workspace that fits (Learn for lessons, Build & train for the rest).
Help > Start Page shows it again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnstudio.ui.fileactions import example_paths
from nnstudio.ui.icons import standard_icon

SEEN_KEY = "ui/seen_start_page"


class StartPage(QWidget):
    """The start page (objectName ``startPage``); the window connects its signals."""

    #: open lesson (id)
    lessonRequested = Signal(str)
    #: open the example project (path as str)
    exampleRequested = Signal(str)
    newRequested = Signal()
    importCsvRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        from nnstudio.lessons import registry

        title = QLabel(self.tr("Welcome to nnstudio"), self)
        title.setObjectName("startTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("Build, train and see small neural networks. Start with the first lesson "
                               "(every lesson is listed on the left), or pick what you want to do."), self)
        intro.setWordWrap(True)
        lessons = registry.lessons()
        self.first_lesson = lessons[0].id if lessons else None
        self.lesson_button = self._button("startLessonButton", self.tr("▶  Start lesson 1"),
                                          self.tr("Open the first lesson beside the canvas (the Learn workspace)"))
        self.lesson_button.setDefault(True)
        self.lesson_button.setEnabled(self.first_lesson is not None)
        self.lesson_button.clicked.connect(lambda: self.first_lesson and self.lessonRequested.emit(self.first_lesson))
        self.new_button = self._button("startNewButton", self.tr("New network"),
                                       self.tr("Start from an empty network on the canvas (Build & train)"))
        self.new_button.clicked.connect(self.newRequested)
        self.csv_button = self._button("startCsvButton", self.tr("Import CSV…"),
                                       self.tr("Load your own data from a CSV file and build a network for it"))
        self.csv_button.clicked.connect(self.importCsvRequested)
        self.example_buttons = []
        examples = QHBoxLayout()
        examples.addWidget(QLabel(self.tr("Open an example:"), self))
        for path in example_paths():
            button = self._button(f"startExample_{path.stem}", path.stem.replace("_", " "),
                                  self.tr("Open the sample project {name}").format(name=path.name))
            button.clicked.connect(lambda _c=False, p=path: self.exampleRequested.emit(str(p)))
            self.example_buttons.append(button)
            examples.addWidget(button)
        examples.addStretch(1)
        actions = QGridLayout()
        actions.addWidget(self.lesson_button, 0, 0)
        actions.addWidget(self.new_button, 0, 1)
        actions.addWidget(self.csv_button, 0, 2)
        box = QVBoxLayout()
        box.addStretch(1)
        box.addWidget(title)
        box.addWidget(intro)
        box.addSpacing(8)
        box.addLayout(actions)
        box.addLayout(examples)
        box.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 6)
        outer.addStretch(1)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setMinimumHeight(36)
        button.setFocusPolicy(Qt.StrongFocus)
        return button


class StartPageMixin:
    """The main window's start-page handling (mixed into :class:`~nnstudio.ui.main_window.MainWindow`)."""

    def _wire_start_page(self) -> None:
        self.start_page_action = self._action(QCoreApplication.translate("MainWindow", "&Start Page"), "startPageAction", self.show_start_page,
                                              None, None, QCoreApplication.translate("MainWindow", "Show the start page in the centre"))
        help_menu = self.menus["help"]
        help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, self.start_page_action)
        for action in self.workspaces.actions.values():
            action.triggered.connect(lambda _checked=False: self.show_canvas())
        self.state.projectReplaced.connect(self.show_canvas)
        if self.lessons is not None:
            self.lessons.browser.lessonOpened.connect(lambda _lesson: self.show_canvas())
            self.lessons.action.setIcon(standard_icon("help-lessons"))

    def show_start_page(self) -> None:
        """Put the start page in the centre (in the Learn workspace, beside the lesson list)."""
        if self.start_page is None:
            page = self.start_page = StartPage(self)
            page.lessonRequested.connect(self.start_lesson)
            page.exampleRequested.connect(lambda path: self._from_start("build", lambda: self.files.open_example(path)))
            page.newRequested.connect(lambda: self._from_start("build", self.files.new_project))
            page.importCsvRequested.connect(lambda: self._from_start(
                "build", lambda: self.import_csv_action is not None and self.import_csv_action.trigger()))
            self.central.addWidget(page)
        self.workspaces.activate("learn")
        if self.lessons is not None:
            self.lessons.show_browser()
        self.central.setCurrentWidget(self.start_page)

    def showing_start_page(self) -> bool:
        return self.start_page is not None and self.central.currentWidget() is self.start_page

    def show_canvas(self) -> None:
        self.central.setCurrentWidget(self.canvas_panel)

    def start_lesson(self, lesson_id: str) -> None:
        """Open a lesson in the Learn workspace with the canvas in the centre."""
        self.show_canvas()
        self.workspaces.activate("learn")
        if self.lessons is not None:
            self.lessons.open_lesson(lesson_id)

    def _from_start(self, workspace: str, do) -> None:
        self.show_canvas()
        self.workspaces.activate(workspace)
        do()

