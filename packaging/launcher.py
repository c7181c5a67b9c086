"""Entry point of the frozen nnstudio app (PyInstaller script of packaging/nnstudio.spec).

It only hands over to ``nnstudio.cli.main()``; all behaviour lives in the package.
"""

import os
import sys


def _ensure_streams() -> None:
    # A windowed (console=False) build on Windows/macOS has sys.stdout/stderr set to
    # None; argparse's --help/--version and error messages would crash writing to
    # them. Send them to the null device instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    _ensure_streams()
    from nnstudio.cli import main

    sys.exit(main())
