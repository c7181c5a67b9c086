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
