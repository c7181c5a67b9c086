"""The lesson browser: every lesson in order with its progress.

Progress is stored in QSettings under ``lessons/progress/<lesson_id>`` as the
list of done step ids. Double-click or "Open" emits ``lessonOpened(lesson_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from nnstudio.lessons import registry

KEY = "lessons/progress/{}"


def _as_list(value) -> list[str]:
    """QSettings returns a str for one-element lists in INI files, None for none."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class LessonBrowser(QWidget):
    """Ordered lesson list with "done / total" per lesson."""

    lessonOpened = Signal(str)

    def __init__(self, settings: QSettings | None = None, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("lessonBrowser")
        self.settings = settings if settings is not None else QSettings("nnstudio", "nnstudio")
        self.lang = registry.normalize_lang(lang)
        self.list = QListWidget(objectName="lessonList")
        self.summary = QLabel("", objectName="lessonSummary")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(objectName="lessonOpenButton")
        self.reset_button = QPushButton(objectName="lessonResetButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.summary)
        lay.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show_summary)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.reset_button.clicked.connect(self._reset_selected)
        self.refresh()

    # -------------------------------------------------------------- progress
    def progress(self, lesson_id: str) -> list[str]:
        """Done step ids of a lesson (only ids that still exist)."""
        valid = set(registry.get(lesson_id).step_ids)
        return [s for s in _as_list(self.settings.value(KEY.format(lesson_id))) if s in valid]

    def mark_step_done(self, lesson_id: str, step_id: str) -> None:
        """Record a done step (connect ``LessonPanel.stepCompleted`` here)."""
        done = self.progress(lesson_id)
        if step_id not in done and step_id in registry.get(lesson_id).step_ids:
            done.append(step_id)
            self.settings.setValue(KEY.format(lesson_id), done)
            self.settings.sync()
            self.refresh()

    def reset_progress(self, lesson_id: str) -> None:
        self.settings.remove(KEY.format(lesson_id))
        self.settings.sync()
        self.refresh()

    # ------------------------------------------------------------------ view
    def set_language(self, lang: str) -> None:
        self.lang = registry.normalize_lang(lang)
        self.refresh()

    def refresh(self) -> None:
        self.open_button.setText(self.tr("Open lesson"))
        self.reset_button.setText(self.tr("Reset progress"))
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for les in registry.lessons():
            done = len(self.progress(les.id))
            total = len(les.steps)
            mark = "✓ " if done == total else ""
            item = QListWidgetItem(self.tr("{0}{1}. {2} — {3}/{4}").format(mark, les.order, les.title(self.lang),
                                                                        done, total))
            item.setData(Qt.UserRole, les.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def lesson_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]

    def selected_lesson(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def open_selected(self) -> None:
        lid = self.selected_lesson()
        if lid:
            self.lessonOpened.emit(lid)

    def _reset_selected(self) -> None:
        lid = self.selected_lesson()
        if lid:
            self.reset_progress(lid)

    def _show_summary(self, row: int) -> None:
        if row < 0:
            self.summary.setText("")
            return
        les = registry.get(self.list.item(row).data(Qt.UserRole))
        self.summary.setText(les.summary(self.lang))
