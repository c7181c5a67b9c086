"""Run several exported scripts in this one process (keeps interop tests fast).

    python run_scripts.py SCRIPT HISTORY_OUT [SCRIPT HISTORY_OUT ...]

Each script runs as ``__main__`` from its own folder with
``NNSTUDIO_HISTORY_OUT`` set, so it writes its per-epoch history as JSON.
"""

import contextlib
import io
import os
import runpy
import sys

if __name__ == "__main__":
    args = sys.argv[1:]
    for script, out in zip(args[::2], args[1::2]):
        os.environ["NNSTUDIO_HISTORY_OUT"] = out
        here = os.getcwd()
        os.chdir(os.path.dirname(os.path.abspath(script)))
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                runpy.run_path(script, run_name="__main__")
        finally:
            os.chdir(here)
