"""Fixtures shared by the UI tests (the root conftest sets up Qt and the leak checks)."""

import pytest
from test_training_common import close_window, make_main_window


@pytest.fixture
def window(qtbot):
    """A factory of main windows with every plug-in (training included), each closed after the test.

    Modules that need a differently built window (builder, lessons) define their own ``window``.
    """
    made = []

    def make(project):
        w = make_main_window(qtbot, project)
        made.append(w)
        return w

    yield make
    for w in made:
        close_window(w)


@pytest.fixture
def fresh_settings(tmp_path):
    """Empty remembered settings in a folder of this test (a first launch)."""
    from nnstudio.ui import settings as app_settings

    app_settings.use_settings_folder(tmp_path)
    s = app_settings.settings()
    s.clear()
    s.sync()
    yield tmp_path


@pytest.fixture
def studio(qtbot, fresh_settings):
    """A factory of real main windows as the app opens them, shown at a given size.

    ``studio(size=(w, h), **kwargs)``: ``kwargs`` go to ``MainWindow`` (``workspace``,
    ``restore_layout``...). Each window's run is stopped and the window closed after the test.
    """
    made = []

    def make(size=(1366, 740), **kwargs):
        from nnstudio.ui.main_window import MainWindow

        w = MainWindow(**kwargs)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.training.shutdown(3000, save=False)
        w.state.undo_stack.setClean()
        w.close()
