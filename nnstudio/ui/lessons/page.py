"""The 'lesson' dock's content: the lesson browser or the open lesson's panel, and a notice line.

Also :func:`applicable`: which of a lesson's panels apply to the data's task
(a regression data set has no confusion matrix to show).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from nnstudio.ui.lessons.browser import LessonBrowser
from nnstudio.ui.lessons.panel import LessonPanel

#: panels that show nothing but "for classification datasets" on a regression data set
CLASSIFICATION_ONLY = ("confusion", "confusion_examples")


def applicable(panels, task: str | None) -> list[str]:
    """``panels`` without those that do not apply to ``task`` ('regression', a classification, or None)."""
    if task == "regression":
        return [p for p in panels if p not in CLASSIFICATION_ONLY]
    return list(panels)


class LessonPage(QWidget):
    """The 'lesson' dock's content: the browser page or the panel page, plus a notice line."""

    def __init__(self, browser: LessonBrowser, panel: LessonPanel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPage")
        self.browser, self.panel = browser, panel
        self.stack = QStackedWidget(objectName="lessonStack")
        self.back_button = QPushButton(objectName="lessonBackButton")
        self.back_button.setFlat(True)
        lesson_page = QWidget()
        lay = QVBoxLayout(lesson_page)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        lay.addLayout(top)
        lay.addWidget(panel, 1)
        self.stack.addWidget(browser)
        self.stack.addWidget(lesson_page)
        self.notice = QLabel("", objectName="lessonNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("#lessonNotice { background: #fff8e1; border: 1px solid #e6c36a; padding: 3px; }")
        self.notice.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.addWidget(self.stack, 1)
        outer.addWidget(self.notice)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("◀ All lessons"))

    def show_browser(self) -> None:
        self.stack.setCurrentIndex(0)

    def show_panel(self) -> None:
        self.stack.setCurrentIndex(1)

    def showing_panel(self) -> bool:
        return self.stack.currentIndex() == 1

    def set_notice(self, text: str) -> None:
        """A one-line message under the lesson ('' hides it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
