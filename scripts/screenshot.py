"""Make the README screenshot: the default project trained for a while, every view live.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py docs/screenshot.png [--lang ko]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="nnstudio-shot-"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("output")
    ap.add_argument("--lang", default="en", choices=["en", "ko"])
    ap.add_argument("--epochs", type=int, default=150)
    args = ap.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.project import LayerSpec, Project
    from nnstudio.ui.app import create_app
    from nnstudio.ui.main_window import MainWindow

    app = create_app(lang=args.lang)
    project = Project()
    project.name = "spiral"
    project.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=12, activation="tanh"),
                      LayerSpec.make("Dense", units=8, activation="tanh"),
                      LayerSpec.make("Dense", units=1, activation="sigmoid")]
    project.dataset.update({"name": "spiral", "params": {"n_samples": 300, "noise": 0.1, "seed": 1}})
    project.training.update({"epochs": args.epochs, "learning_rate": 0.03, "batch_size": 16})
    window = MainWindow(project, restore_layout=False)
    window.resize(1500, 950)
    window.show()
    app.processEvents()
    loop = QEventLoop()
    window.training.finished.connect(lambda *_: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    window.training.train()
    loop.exec()
    window.state.select_sample(7)
    for name in ("loss_plot", "decision", "code"):
        dock = window.docks.get(name)
        if dock is not None:
            dock.raise_()
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(args.output)
    window.state.undo_stack.setClean()
    window.close()
    print(f"screenshot {'written to ' + args.output if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
