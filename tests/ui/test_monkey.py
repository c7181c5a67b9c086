"""Monkey test: seeded random user actions on the main window; nothing may crash, log critical or hang.

The actions are what a user does: menus and toolbar actions, palette drags
onto the canvas, clicks and keys on the canvas, values typed into the
inspector and data panel, undo/redo, Train/Pause/Step/Stop, lessons and their
"Set it up for me", showing/floating docks. Dialogs a menu opens answer
Cancel (recorded, not failed). The test fails on any exception (pytest-qt
captures exceptions raised in Qt's event loop; ``sys.excepthook`` too), on a
Qt critical or fatal message (``qtlog``, pytest-qt's qInstallMessageHandler),
on an action that takes longer than :data:`HANG_S`, and (the suite's autouse
fixtures) on a thread or window left behind.

CI runs a few hundred actions per seed; ``NNSTUDIO_MONKEY_ACTIONS=5000``
(and ``NNSTUDIO_MONKEY_SEEDS=0,1,2,...``) for a long run. ``-s`` prints the
action counts; a failure prints the seed and the last actions.
"""

from __future__ import annotations

import collections
import os
import random
import sys
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QtMsgType, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QSlider,
    QSpinBox,
    QTabBar,
)
from test_builder_support import drop_on_canvas, palette_mime

from nnstudio.project import LAYER_TYPES, Project

ACTIONS = int(os.environ.get("NNSTUDIO_MONKEY_ACTIONS", "150"))
SEEDS = [int(s) for s in os.environ.get("NNSTUDIO_MONKEY_SEEDS", "1,2").split(",") if s.strip()]
HANG_S = 15.0
#: actions a monkey must not take: they end the session or leave the process
SKIP_TEXT = ("quit", "exit", "close window", "종료")
STATS: collections.Counter = collections.Counter()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if STATS:
        print("\nmonkey actions:", dict(sorted(STATS.items())))


@pytest.fixture
def answer_dialogs_cancel(monkeypatch):
    """Every dialog the monkey opens answers Cancel at once (counted, not a failure)."""
    def box(*_a, **_k):
        STATS["dialog answered"] += 1
        return QMessageBox.StandardButton.Cancel

    for kind in ("question", "warning", "critical", "information", "about", "aboutQt"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box))
    monkeypatch.setattr(QMessageBox, "exec", lambda self, *a, **k: box())
    monkeypatch.setattr(QDialog, "exec", lambda self, *a, **k: (box(), QDialog.DialogCode.Rejected)[1])
    for kind in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, kind, staticmethod(lambda *a, **k: (box(), ("", ""))[1]))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: (box(), "")[1]))
    for kind in ("getText", "getMultiLineText", "getItem"):
        monkeypatch.setattr(QInputDialog, kind, staticmethod(lambda *a, **k: (box(), ("", False))[1]))
    for kind in ("getInt", "getDouble"):
        monkeypatch.setattr(QInputDialog, kind, staticmethod(lambda *a, **k: (box(), (0, False))[1]))


# -- the actions ----------------------------------------------------------------------------------
def _visible(widgets):
    return [x for x in widgets if x.isVisible() and x.isEnabled()]


def _reachable_actions(w) -> list[QAction]:
    """Actions a user can reach: the menu bar (recursively) and the toolbars."""
    from PySide6.QtWidgets import QToolBar

    found, menus = [], [a.menu() for a in w.menuBar().actions() if a.menu()]
    while menus:
        menu = menus.pop()
        menu.aboutToShow.emit()  # menus filled on demand (recent files, examples)
        for a in menu.actions():
            (menus.append(a.menu()) if a.menu() else found.append(a))
    for bar in w.findChildren(QToolBar):
        found += [a for a in bar.actions() if not a.menu()]
    return [a for a in found if a.isEnabled() and a.isVisible() and not a.isSeparator()
            and not any(s in a.text().lower().replace("&", "") for s in SKIP_TEXT)]


def act_menu_action(w, rnd):
    actions = _reachable_actions(w)
    if actions:
        a = rnd.choice(actions)
        STATS["menu/toolbar action"] += 1
        a.trigger()


def act_palette_drag(w, rnd):
    view = w.canvas
    pos = QPoint(rnd.randrange(5, max(6, view.viewport().width() - 5)),
                 rnd.randrange(5, max(6, view.viewport().height() - 5)))
    STATS["palette drag"] += 1
    drop_on_canvas_safely(w, palette_mime(w, rnd.choice(LAYER_TYPES)), pos)


def drop_on_canvas_safely(w, mime, pos):
    try:
        drop_on_canvas(w, mime, pos)
    except AssertionError:  # the canvas refused the drag here (e.g. while training): fine
        STATS["drag refused"] += 1


def act_canvas_mouse(w, rnd, qtbot):
    vp = w.canvas.viewport()
    pos = QPoint(rnd.randrange(0, max(1, vp.width())), rnd.randrange(0, max(1, vp.height())))
    kind = rnd.choice(["click", "click", "double", "drag", "wheel"])
    STATS[f"canvas {kind}"] += 1
    if kind == "click":
        qtbot.mouseClick(vp, rnd.choice([Qt.LeftButton, Qt.LeftButton, Qt.RightButton]), pos=pos)
    elif kind == "double":
        qtbot.mouseDClick(vp, Qt.LeftButton, pos=pos)
    elif kind == "drag":
        end = pos + QPoint(rnd.randrange(-150, 150), rnd.randrange(-80, 80))
        qtbot.mousePress(vp, Qt.LeftButton, pos=pos)
        qtbot.mouseMove(vp, end)
        qtbot.mouseRelease(vp, Qt.LeftButton, pos=end)
    else:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QWheelEvent

        ev = QWheelEvent(QPointF(pos), QPointF(vp.mapToGlobal(pos)), QPoint(0, 0),
                         QPoint(0, rnd.choice([-120, 120])), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(vp, ev)


def act_key(w, rnd, qtbot):
    target = rnd.choice([w.canvas, w])
    key, mod = rnd.choice([(Qt.Key_Delete, Qt.NoModifier), (Qt.Key_Space, Qt.NoModifier),
                           (Qt.Key_Z, Qt.ControlModifier), (Qt.Key_Y, Qt.ControlModifier),
                           (Qt.Key_Left, Qt.NoModifier), (Qt.Key_Right, Qt.NoModifier),
                           (Qt.Key_Escape, Qt.NoModifier), (Qt.Key_Tab, Qt.NoModifier)])
    STATS["key"] += 1
    qtbot.keyClick(target, key, mod)


def act_edit_widget(w, rnd):
    """A value typed into a visible spin box, combo box, check box or slider (inspector, data panel, ...)."""
    widgets = _visible(w.findChildren(QAbstractSpinBox) + w.findChildren(QComboBox)
                       + w.findChildren(QCheckBox) + w.findChildren(QSlider))
    if not widgets:
        return
    x = rnd.choice(widgets)
    STATS["edit " + type(x).__name__] += 1
    if isinstance(x, QSpinBox) or isinstance(x, QSlider):
        lo, hi = x.minimum(), x.maximum()
        x.setValue(rnd.choice([lo, hi, lo + (hi - lo) // 2, rnd.randint(lo, min(hi, lo + 100))]))
    elif isinstance(x, QDoubleSpinBox):
        lo, hi = x.minimum(), x.maximum()
        x.setValue(rnd.choice([lo, hi, rnd.uniform(lo, hi), lo + (hi - lo) * 0.001]))
    elif isinstance(x, QComboBox) and x.count():
        x.setCurrentIndex(rnd.randrange(x.count()))
    elif isinstance(x, QCheckBox):
        x.click()


def act_button(w, rnd):
    buttons = [b for b in _visible(w.findChildren(QAbstractButton))
               if not any(s in b.text().lower().replace("&", "") for s in SKIP_TEXT)]
    if buttons:
        b = rnd.choice(buttons)
        STATS["button"] += 1
        b.click()


def act_undo_redo(w, rnd):
    stack = w.state.undo_stack
    STATS["undo/redo"] += 1
    for _ in range(rnd.randint(1, 4)):
        (stack.undo if rnd.random() < 0.6 else stack.redo)()


def act_training(w, rnd):
    c = w.training
    if c is None:
        return
    what = rnd.choice(["train", "pause", "step", "stop", "step_epoch", "train", "stop"])
    STATS[f"training {what}"] += 1
    if what == "train":
        c.train()
    elif what == "pause":
        c.pause()
    elif what == "step":
        c.step("batch")
    elif what == "step_epoch":
        c.step("epoch")
    else:
        c.stop()


def act_lesson(w, rnd):
    browser = getattr(w, "lessons", None) or getattr(w, "lesson_browser", None)
    if browser is None:
        return act_button(w, rnd)
    from nnstudio.lessons import registry

    lessons = registry.lessons()
    lesson = rnd.choice(lessons)
    STATS["lesson open"] += 1
    opener = getattr(browser, "open_lesson", None)
    if opener is not None:
        opener(lesson.id if hasattr(lesson, "id") else lesson)


def act_dock(w, rnd):
    dock = rnd.choice(list(w.docks.values()))
    what = rnd.choice(["toggle", "raise", "float", "show"])
    STATS[f"dock {what}"] += 1
    if what == "toggle":
        dock.setVisible(not dock.isVisible())
    elif what == "raise":
        dock.show()
        dock.raise_()
    elif what == "float":
        dock.setFloating(not dock.isFloating())
    else:
        dock.show()


def act_tab(w, rnd):
    bars = _visible(w.findChildren(QTabBar))
    if bars:
        bar = rnd.choice(bars)
        if bar.count():
            STATS["tab"] += 1
            bar.setCurrentIndex(rnd.randrange(bar.count()))


def _close_popups():
    popup = QApplication.activePopupWidget()
    if popup is not None:
        STATS["popup closed"] += 1
        popup.close()
    modal = QApplication.activeModalWidget()
    if modal is not None:
        STATS["modal closed"] += 1
        (modal.reject if isinstance(modal, QDialog) else modal.close)()


MOVES = [(act_menu_action, 6), (act_palette_drag, 5), (act_canvas_mouse, 8), (act_key, 5), (act_edit_widget, 10),
         (act_button, 6), (act_undo_redo, 5), (act_training, 6), (act_lesson, 2), (act_dock, 4), (act_tab, 4)]


def _needs_bot(fn):
    return fn in (act_canvas_mouse, act_key)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_actions_never_crash_log_critical_or_hang(qtbot, qtlog, answer_dialogs_cancel, seed, tmp_path,
                                                        monkeypatch):
    from nnstudio.ui.main_window import MainWindow

    monkeypatch.chdir(tmp_path)  # anything a random "save" writes stays in the test's folder
    rnd = random.Random(seed)
    w = MainWindow(Project.default(), restore_layout=False)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    moves, weights = zip(*MOVES)
    done: list[str] = []
    closer = QTimer()  # a popup menu or modal dialog a click opened (in C++, not via exec) is closed again
    closer.setInterval(150)
    closer.timeout.connect(_close_popups)
    closer.start()
    hooks = []
    old_hook = sys.excepthook
    sys.excepthook = lambda *exc: (hooks.append(exc), old_hook(*exc))
    try:
        for i in range(ACTIONS):
            move = rnd.choices(moves, weights)[0]
            done.append(move.__name__)
            t0 = time.perf_counter()
            try:
                move(w, rnd, qtbot) if _needs_bot(move) else move(w, rnd)
                qtbot.wait(rnd.choice([0, 0, 1, 5, 20]))
            except Exception as exc:
                raise AssertionError(f"seed {seed}, action {i} {move.__name__} raised {exc!r}; "
                                     f"last actions: {done[-12:]}") from exc
            took = time.perf_counter() - t0
            assert took < HANG_S, f"seed {seed}, action {i} {move.__name__} took {took:.1f} s: {done[-12:]}"
            assert not hooks, f"seed {seed}, action {i} {move.__name__}: uncaught {hooks[0][1]!r}; {done[-12:]}"
            if not w.isVisible():  # an action closed the window: start a fresh one, as a user would
                STATS["window reopened"] += 1
                w = MainWindow(Project.default(), restore_layout=False)
                w.resize(1366, 768)
                w.show()
        STATS["actions"] += ACTIONS
        # training must come to rest: stop ends any run within a few seconds
        if w.training is not None:
            w.training.stop()
            qtbot.waitUntil(lambda: not w.training.is_active(), timeout=10000)
    finally:
        closer.stop()
        sys.excepthook = old_hook
        if w.training is not None:
            w.training.shutdown(5000, save=False)
        w.state.undo_stack.setClean()
        for dock in w.docks.values():
            dock.setFloating(False)
        w.close()
        w.deleteLater()
    critical = [r for r in qtlog.records if r.type in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)]
    assert not critical, f"seed {seed}: Qt critical messages: {[r.message for r in critical][:5]}"
