"""Projector mode (Ctrl+Alt+=): fonts, line widths, point sizes and the canvas' neurons scale together,
also in panels built after the zoom changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nnstudio.ui import settings as app_settings


@pytest.fixture
def settings_dir(tmp_path):
    app_settings.use_settings_folder(tmp_path)
    s = app_settings.settings()
    s.clear()
    s.sync()
    # The drawn scale lives on the shared QApplication: an earlier test that zoomed
    # (the monkey test presses Ctrl+Alt+-) must not make this test start from 90 %.
    from PySide6.QtWidgets import QApplication

    from nnstudio.ui import projector

    QApplication.instance().setProperty(projector.SCALE_PROPERTY, None)
    app_settings.apply_ui_zoom(QApplication.instance(), 100)
    yield tmp_path


def _loss_pen(w) -> float:
    return w.training_views["loss_plot"].train_curve.opts["pen"].widthF()


def test_projector_zoom_scales_what_is_drawn(qtbot, settings_dir):
    from nnstudio.ui.main_window import MainWindow

    w = MainWindow(restore_layout=False, workspace="learn")
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    classroom = w.lessons.classroom
    try:
        pen = max(_loss_pen(w), 1.0)  # built now, at 100 %
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=3000)
        qtbot.wait(50)  # the canvas fits itself once shown
        canvas_scale = w.canvas.transform().m11()
        w.canvas.setFocus()
        for _ in range(3):  # 110, 125, 150 %
            qtbot.keyClick(w.canvas, Qt.Key_Equal, Qt.ControlModifier | Qt.AltModifier)
        assert app_settings.ui_zoom() == 150
        assert _loss_pen(w) == pytest.approx(pen * 1.5)
        assert w.canvas.transform().m11() == pytest.approx(canvas_scale * 1.5)
        # the decision map was not built yet: it is built at the projector scale
        assert "decision" not in w.workspaces.built()
        w.workspaces.activate("build")
        decision = w.panel("decision")
        base = type(decision)(w.training)  # the same panel at 100 %, for comparison
        sizes = decision.train_points.opts["size"], base.train_points.opts["size"]
        assert sizes[0] == pytest.approx(sizes[1] * 1.5)
        base.deleteLater()
    finally:
        classroom.zoom_step(0)
        w.state.undo_stack.setClean()
        w.close()
    assert app_settings.ui_zoom() == 100
    assert _loss_pen(w) == pytest.approx(pen)
