"""Lesson 2: count the depth and the hidden layers of a few networks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget


def depth_of(sizes) -> tuple[int, int]:
    """(depth, hidden layers) of a network given as layer sizes, input first.

    The input layer computes nothing and is not counted: depth = len(sizes) − 1,
    hidden = depth − 1 (every computing layer but the output).
    """
    if len(sizes) < 2:
        raise ValueError("a network needs an input and at least one computing layer")
    depth = len(sizes) - 1
    return depth, depth - 1


class DepthQuizWidget(QWidget):
    """One row per network: spin boxes for depth and hidden layers, a Check button."""

    completed = Signal()  # every answer right

    def __init__(self, networks=None, parent=None):
        super().__init__(parent)
        self.setObjectName("depthQuiz")
        self.networks = [list(n) for n in (networks or [[2, 1], [2, 2, 1], [4, 8, 8, 3], [32, 64, 256, 5]])]
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("network (input first)")), 0, 0)
        grid.addWidget(QLabel(self.tr("depth")), 0, 1)
        grid.addWidget(QLabel(self.tr("hidden layers")), 0, 2)
        self.depth_spins, self.hidden_spins, self.marks = [], [], []
        for i, sizes in enumerate(self.networks, start=1):
            grid.addWidget(QLabel(" → ".join(str(s) for s in sizes)), i, 0)
            d = QSpinBox(objectName=f"depthSpin{i - 1}")
            h = QSpinBox(objectName=f"hiddenSpin{i - 1}")
            for s in (d, h):
                s.setRange(0, 20)
            mark = QLabel("", objectName=f"depthMark{i - 1}")
            grid.addWidget(d, i, 1)
            grid.addWidget(h, i, 2)
            grid.addWidget(mark, i, 3)
            self.depth_spins.append(d)
            self.hidden_spins.append(h)
            self.marks.append(mark)
        self.check_button = QPushButton(self.tr("Check"), objectName="depthCheck")
        self.result = QLabel("", objectName="depthResult")
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.check_button)
        lay.addWidget(self.result)
        lay.addStretch(1)
        self.check_button.clicked.connect(self.check)

    def set_answer(self, index: int, depth: int, hidden: int) -> None:
        self.depth_spins[index].setValue(int(depth))
        self.hidden_spins[index].setValue(int(hidden))

    def check(self) -> tuple[int, int]:
        """Mark each row; returns (right answers, networks)."""
        right = 0
        for i, sizes in enumerate(self.networks):
            depth, hidden = depth_of(sizes)
            ok = self.depth_spins[i].value() == depth and self.hidden_spins[i].value() == hidden
            right += ok
            self.marks[i].setText("✓" if ok else self.tr("✗ depth {0}, hidden {1}").format(depth, hidden))
        total = len(self.networks)
        if right == total:
            self.result.setText(self.tr("All {0} right. The input layer is never counted.").format(total))
            self.completed.emit()
        else:
            self.result.setText(self.tr("{0} of {1} right. Count only layers that compute: "
                                        "hidden layers plus the output layer.").format(right, total))
        return right, total
