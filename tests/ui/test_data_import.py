"""Large CSV files are read in a worker thread with progress and Cancel."""


import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton

from nnstudio.data import CsvCancelled, CsvError, CsvOptions
from nnstudio.ui.data import import_task
from nnstudio.ui.data.csv_dialog import CsvImportDialog
from nnstudio.ui.state import AppState

ROWS = 60_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    """About 2.5 MB: 4 numeric features and a 0/1 label."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(ROWS, 4))
    y = (x[:, 0] + x[:, 1] > 0).astype(int)
    lines = ["f1,f2,f3,f4,label"] + [
        f"{a:.5f},{b:.5f},{c:.5f},{d:.5f},{k}" for (a, b, c, d), k in zip(x, y)]
    path = tmp_path_factory.mktemp("big") / "big.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def state(qtbot):
    s = AppState()
    yield s
    s.deleteLater()


@pytest.fixture
def dialog(qtbot, state):
    d = CsvImportDialog(state)
    d.sync_limit = 10_000  # everything bigger goes through the worker
    d.block = 64 * 1024
    qtbot.addWidget(d)
    yield d
    d.done(0)


def test_read_file_returns_dataset_and_text_and_can_be_cancelled(big_csv):
    seen = []
    ds, text = import_task.read_file(big_csv, CsvOptions(), progress=seen.append, block=256 * 1024)
    assert ds.n_samples == ROWS and ds.n_features == 4 and ds.task == "binary"
    assert text == big_csv.read_text()
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    calls = []

    def cancel_after_three():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CsvCancelled):
        import_task.read_file(big_csv, CsvOptions(), cancel=cancel_after_three, block=256 * 1024)
    with pytest.raises(CsvError, match="limit"):
        import_task.read_file(big_csv, CsvOptions(), max_bytes=1000)


def test_large_file_imports_in_a_thread(dialog, state, big_csv, qtbot):
    assert dialog.open_file(str(big_csv))
    assert dialog.text is None and dialog.head_text  # only the head was read
    assert "whole file" in dialog.findChild(QLabel, "csvSummary").text()
    ok = dialog.findChild(QPushButton, "csvOkButton")
    assert ok.isEnabled()
    values = []
    ok.click()
    thread = dialog.thread
    assert thread is not None
    assert dialog.findChild(QProgressDialog, "csvProgress") is not None
    thread.progress.connect(values.append)
    qtbot.waitUntil(lambda: state.project.dataset["source"] == "csv", timeout=20_000)
    qtbot.waitUntil(lambda: not import_task.running_threads() and dialog.thread is None, timeout=5000)
    assert state.dataset.n_samples == ROWS
    assert state.project.dataset["csv"]["text"] == big_csv.read_text()
    # the studio kept the worker's parse instead of parsing the embedded text again; it is the same data
    from nnstudio.project.build import load_dataset

    again = load_dataset(state.project)
    assert not state.dataset_pending and state.dataset is not again
    np.testing.assert_array_equal(state.dataset.x, again.x)
    np.testing.assert_array_equal(state.dataset.y, again.y)
    assert (state.dataset.feature_names, state.dataset.class_names, state.dataset.source) == \
        (again.feature_names, again.class_names, again.source)
    assert not dialog.isVisible() and dialog.progress is None  # closed (deleted later)
    leftover = dialog.findChild(QProgressDialog, "csvProgress")
    assert leftover is None or not leftover.isVisible()
    assert values == sorted(values)


def test_cancel_leaves_the_project_alone(dialog, state, big_csv, qtbot):
    assert dialog.open_file(str(big_csv))
    dialog.findChild(QPushButton, "csvOkButton").click()
    thread = dialog.thread
    progress = dialog.findChild(QProgressDialog, "csvProgress")
    progress.findChild(QPushButton).click()  # the progress dialog's Cancel button
    assert thread.is_cancelled()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=20_000)
    assert not import_task.running_threads()
    assert state.project.dataset["source"] == "builtin" and state.undo_stack.count() == 0
    assert "cancelled" in dialog.findChild(QLabel, "csvSummary").text()
    assert dialog.findChild(QPushButton, "csvOkButton").isEnabled()  # can try again


def test_closing_the_dialog_joins_a_running_import(dialog, state, big_csv):
    dialog.open_file(str(big_csv))
    dialog.show()
    dialog.findChild(QPushButton, "csvOkButton").click()
    thread = dialog.thread
    dialog.reject()
    assert thread.isFinished() and not import_task.running_threads()
    assert state.project.dataset["source"] == "builtin"


def test_bad_row_deep_in_a_large_file_is_reported(dialog, state, tmp_path, qtbot, big_csv):
    lines = big_csv.read_text().splitlines()
    lines[50_000] = "1.0,2.0,oops,4.0,1"
    path = tmp_path / "late_typo.csv"
    path.write_text("\n".join(lines) + "\n")
    assert dialog.open_file(str(path))  # the head is fine
    dialog.findChild(QPushButton, "csvOkButton").click()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=20_000)
    err = dialog.findChild(QLabel, "csvError").text()
    assert "Row 50001, column 'f3'" in err and "'oops'" in err
    assert not dialog.findChild(QPushButton, "csvOkButton").isEnabled()
    assert state.project.dataset["source"] == "builtin"
