"""The Import CSV dialog: preview, column choice, clear errors, embedding the CSV."""


import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
)

from nnstudio.data import CsvOptions, load_csv
from nnstudio.ui.data.csv_dialog import CsvImportDialog
from nnstudio.ui.state import AppState

SPECIES = ("setosa", "versicolor", "virginica")


def flowers_csv(n=30, seed=0):
    """Species first (text labels), then 4 numeric features."""
    rng = np.random.default_rng(seed)
    lines = ["species,sepal_length,sepal_width,petal_length,petal_width"]
    for i in range(n):
        k = i % 3
        vals = rng.normal(k + 1.0, 0.3, 4)
        lines.append(SPECIES[k] + "," + ",".join(f"{v:.3f}" for v in vals))
    return "\n".join(lines) + "\n"


@pytest.fixture
def state(qtbot):
    s = AppState()
    yield s
    s.deleteLater()


@pytest.fixture
def dialog(qtbot, state):
    d = CsvImportDialog(state)
    qtbot.addWidget(d)
    return d


def widgets(d):
    return {
        "targets": d.findChild(QListWidget, "csvTargets"),
        "features": d.findChild(QListWidget, "csvFeatures"),
        "ok": d.findChild(QPushButton, "csvOkButton"),
        "error": d.findChild(QLabel, "csvError"),
        "preview": d.findChild(QTableWidget, "csvPreview"),
        "missing": d.findChild(QComboBox, "csvMissing"),
        "classes": d.findChild(QLabel, "csvClassMap"),
    }


def checked(lst):
    return [j for j in range(lst.count()) if lst.item(j).checkState() == Qt.CheckState.Checked]


def test_import_flowers_embeds_csv_and_rechecks_network(dialog, state, tmp_path, qtbot):
    path = tmp_path / "flowers.csv"
    text = flowers_csv()
    path.write_text(text)
    assert dialog.objectName() == "csvImportDialog"
    assert dialog.open_file(str(path))
    w = widgets(dialog)
    assert w["preview"].columnCount() == 5 and w["preview"].rowCount() == 20
    assert w["preview"].item(0, 0).text() == "setosa"
    assert dialog.findChild(QComboBox, "csvDelimiter").currentData() == ","
    assert dialog.findChild(QCheckBox, "csvHeader").isChecked()
    assert dialog.findChild(QCheckBox, "csvStandardize").isChecked()
    # the sniffer proposes the last column; the user picks 'species' instead
    w["targets"].item(4).setCheckState(Qt.CheckState.Unchecked)
    assert not w["ok"].isEnabled()
    assert "No target column" in w["error"].text()
    w["targets"].item(0).setCheckState(Qt.CheckState.Checked)
    assert checked(w["targets"]) == [0]
    assert checked(w["features"]) == [1, 2, 3, 4]
    assert w["ok"].isEnabled(), w["error"].text()
    assert w["error"].text() == ""
    assert "setosa → 0" in w["classes"].text() and "virginica → 2" in w["classes"].text()
    assert "multi-class" in dialog.findChild(QComboBox, "csvTask").currentText()

    w["ok"].click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = state.project.dataset
    assert choice["source"] == "csv" and choice["standardize"] is True
    assert choice["csv"]["filename"] == "flowers.csv"
    assert choice["csv"]["text"] == text
    opts = CsvOptions.from_dict(choice["csv"]["options"])
    assert opts.target_columns == [0] and opts.feature_columns == [1, 2, 3, 4]
    ds = state.dataset
    assert ds.n_features == 4 and ds.task == "multiclass" and ds.class_names == list(SPECIES)
    np.testing.assert_array_equal(ds.y, np.arange(30) % 3)
    # the network check: the default project ends in 1 sigmoid unit
    probs = {p.code: p for p in state.problems}
    assert "input_size" not in probs
    assert state.project.layers[0].params["size"] is None  # the Input layer follows the 4 features
    prob = probs.get("sigmoid_multiclass") or probs["output_units"]
    assert ("set_layer", state.project.layers[-1].id, "units", 3) in prob.fix.edits  # fixes name layers by id
    state.push(prob.fix.edits, prob.fix.label)
    codes = {p.code for p in state.problems}
    assert not codes & {"sigmoid_multiclass", "output_units", "bce_multiclass"}
    # undo twice: the fix, then the import
    state.undo_stack.undo()
    state.undo_stack.undo()
    assert state.project.dataset["source"] == "builtin" and state.project.dataset["name"] == "circle"


def test_missing_values_reported_and_handled(dialog, state):
    text = "a,b,label\n1,2,x\n3,,y\n5,6,x\n7,8,y\n9,10,x\n"
    dialog.set_text(text, "gaps.csv")
    w = widgets(dialog)
    assert not w["ok"].isEnabled()
    assert "missing" in w["error"].text() and "row 3" in w["error"].text().lower()
    w["missing"].setCurrentIndex(w["missing"].findData("drop"))
    assert w["ok"].isEnabled()
    assert "Dropped 1 row" in dialog.findChild(QLabel, "csvMissingInfo").text()
    w["missing"].setCurrentIndex(w["missing"].findData("mean"))
    assert w["ok"].isEnabled()
    assert dialog.dataset.n_samples == 5
    assert dialog.dataset.x[1, 1] == pytest.approx(np.mean([2, 6, 8, 10]))
    w["ok"].click()
    assert CsvOptions.from_dict(state.project.dataset["csv"]["options"]).missing == "mean"
    assert state.dataset.n_samples == 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty"),
        ("a,b,label\n1,2,x\n3,4\n5,6,y\n", "Row 3 has 2 fields"),
        ("a,b,label\n1,2,x\n3,4,y,9\n5,6,y\n", "Row 3 has 4 fields"),
    ],
    ids=["empty", "ragged-short", "ragged-long"],
)
def test_bad_files_show_error_and_keep_ok_disabled(dialog, tmp_path, text, expected):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    dialog.open_file(str(path))
    w = widgets(dialog)
    assert expected in w["error"].text()
    assert not w["ok"].isEnabled()
    w["ok"].click()  # nothing happens
    assert dialog.state.project.dataset["source"] == "builtin"


def test_non_numeric_feature_is_explained(dialog):
    text = "a,b,label\n1,2,x\n3,oops,y\n5,6,x\n7,8,y\n"
    dialog.set_text(text, "typo.csv")
    w = widgets(dialog)
    # the sniffer leaves the text-like column out and says so
    assert checked(w["features"]) == [0]
    assert "'b' is not numeric" in dialog.findChild(QLabel, "csvWarnings").text()
    assert w["ok"].isEnabled()
    w["features"].item(1).setCheckState(Qt.CheckState.Checked)
    err = w["error"].text()
    assert "Row 3, column 'b'" in err and "'oops' is not a number" in err and "value 'oops'" in err
    assert not w["ok"].isEnabled()


def test_binary_garbage_and_id_target_are_refused(dialog, tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert not dialog.open_file(str(path))
    assert "binary file" in widgets(dialog)["error"].text()
    ids = "x,name\n" + "".join(f"{i},person{i}\n" for i in range(60))
    dialog.set_text(ids, "ids.csv")
    assert "ID or free text" in widgets(dialog)["error"].text()
    assert not widgets(dialog)["ok"].isEnabled()


def test_format_overrides_reparse(dialog):
    text = "x;y;label\n1,5;2,0;a\n3,5;4,0;b\n5,5;6,0;a\n7,5;8,0;b\n"
    dialog.set_text(text, "semi.csv")
    assert dialog.findChild(QComboBox, "csvDelimiter").currentData() == ";"
    decimal = dialog.findChild(QComboBox, "csvDecimal")
    assert decimal.currentData() == ","
    assert dialog.dataset.x[0, 0] == pytest.approx(1.5)
    decimal.setCurrentIndex(decimal.findData("."))
    assert "decimal separator" in widgets(dialog)["error"].text()
    assert not widgets(dialog)["ok"].isEnabled()
    decimal.setCurrentIndex(decimal.findData(","))
    header = dialog.findChild(QCheckBox, "csvHeader")
    header.setChecked(False)  # now 'x;y;label' is a data row: an error names it
    assert not widgets(dialog)["ok"].isEnabled() and "Row 1" in widgets(dialog)["error"].text()
    header.setChecked(True)
    assert widgets(dialog)["ok"].isEnabled()
    assert dialog.options().target_columns == [2]


def test_task_override_and_regression(dialog, state):
    text = "x,y\n" + "".join(f"{i},{i % 3}\n" for i in range(12))
    dialog.set_text(text, "small.csv")
    task = dialog.findChild(QComboBox, "csvTask")
    assert dialog.dataset.task == "multiclass"
    task.setCurrentIndex(task.findData("regression"))
    assert dialog.dataset.task == "regression"
    task.setCurrentIndex(task.findData("binary"))
    assert "binary" in widgets(dialog)["error"].text() and not widgets(dialog)["ok"].isEnabled()
    task.setCurrentIndex(task.findData("regression"))
    widgets(dialog)["ok"].click()
    assert state.dataset.task == "regression"
    assert load_csv(state.project.dataset["csv"]["text"],
                    CsvOptions.from_dict(state.project.dataset["csv"]["options"])).task == "regression"


def test_too_large_file_is_refused_with_the_limit(dialog, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(flowers_csv(60))
    dialog.max_bytes = 500
    assert not dialog.open_file(str(path))
    err = widgets(dialog)["error"].text()
    assert "larger than the 500 bytes limit" in err and "smaller sample" in err
    assert not widgets(dialog)["ok"].isEnabled()


def test_import_refused_while_training(dialog, state):
    dialog.set_text(flowers_csv(), "flowers.csv")
    dialog.set_target_columns([0])
    state.set_training_state("running")
    widgets(dialog)["ok"].click()
    assert state.project.dataset["source"] == "builtin"
    assert "Training is running" in widgets(dialog)["error"].text()
    state.set_training_state("idle")
