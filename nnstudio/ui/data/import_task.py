"""Reading a CSV file off the GUI thread.

:func:`read_file` does the work (pure Python, callable from a test without
Qt threads): it streams the file through :func:`nnstudio.data.read_csv_file`
(which checks every row and reports progress) and then reads the text that
the project embeds, checking ``cancel()`` between blocks. :class:`ImportThread`
runs it in a ``QThread`` and reports back only through signals (the worker
never touches a widget).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from nnstudio.data import CsvCancelled, CsvError, CsvOptions, load_csv, read_csv_file
from nnstudio.ui import threads

#: Largest file the import dialog accepts: the project embeds the CSV text.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: Block size for reading the text to embed (tests make it small).
TEXT_BLOCK = 1 << 20

def running_threads() -> list:
    """Import threads that are still running (for tests and shutdown; the registry is nnstudio.ui.threads)."""
    return threads.running_threads(ImportThread)


def human_size(n: int) -> str:
    """``'12.3 MiB'``."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB"):
        if size < 1024:
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def check_size(path: str, max_bytes: int = MAX_IMPORT_BYTES) -> int:
    """The file size in bytes; CsvError (with what to do) if missing or too large."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise CsvError(f"Cannot open {os.path.basename(path)!r}: {exc.strerror or exc}. "
                       "Check that the file exists and you may read it.") from None
    if size > max_bytes:
        raise CsvError(f"The file is {human_size(size)}, larger than the {human_size(max_bytes)} "
                       "limit for data stored inside a project. Use a smaller sample of the data "
                       "(for example the first rows).")
    return size


def read_text(path: str, progress: Callable[[float], None] | None = None,
              cancel: Callable[[], bool] | None = None, block: int | None = None) -> str:
    """The file's text (UTF-8, BOM removed), read in blocks; CsvCancelled when ``cancel()``."""
    block = int(block or TEXT_BLOCK)
    size = max(1, os.path.getsize(path))
    parts: list[bytes] = []
    done = 0
    with open(path, "rb") as f:
        while True:
            if cancel is not None and cancel():
                raise CsvCancelled(f"reading {os.path.basename(path)} was cancelled")
            chunk = f.read(block)
            if not chunk:
                break
            parts.append(chunk)
            done += len(chunk)
            if progress is not None:
                progress(min(1.0, done / size))
    data = b"".join(parts)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:  # let the data package say what the bytes look like (binary, UTF-16, ...)
            load_csv(data[: max(exc.end, 1 << 16)])
        except CsvError as described:
            raise described from None
        raise CsvError(f"Byte {exc.start} of the file is not UTF-8 text. Export it as CSV (UTF-8) "
                       "from your spreadsheet and load that file.") from None


def read_file(path: str, options: CsvOptions, progress: Callable[[float], None] | None = None,
              cancel: Callable[[], bool] | None = None, max_bytes: int = MAX_IMPORT_BYTES,
              block: int | None = None):
    """Check and load the whole file: ``(dataset, text)``.

    Progress runs 0..0.85 while :func:`read_csv_file` parses, then to 1.0
    while the text is read. Raises CsvError (bad file) or CsvCancelled.
    """
    path = os.fspath(path)
    check_size(path, max_bytes)

    def parse_progress(f: float) -> None:
        if progress is not None:
            progress(0.85 * float(f))

    def text_progress(f: float) -> None:
        if progress is not None:
            progress(0.85 + 0.15 * float(f))

    dataset = read_csv_file(path, options, progress=parse_progress, cancel=cancel, max_bytes=max_bytes)
    text = read_text(path, text_progress, cancel, block)
    return dataset, text


class ImportThread(QThread):
    """Runs :func:`read_file` in its own thread; results come back by signal.

    Signals: ``progress(int percent)``, ``succeeded(object dataset, str text)``,
    ``failed(object CsvError)``, ``cancelledRead()``. Exactly one of the last
    three is emitted per run. :meth:`cancel` is safe from the GUI thread.
    """

    progress = Signal(int)
    succeeded = Signal(object, str)
    failed = Signal(object)
    cancelledRead = Signal()

    def __init__(self, path: str, options: CsvOptions, max_bytes: int = MAX_IMPORT_BYTES,
                 block: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportThread")
        self.path = os.fspath(path)
        self.options = CsvOptions.from_dict(options.to_dict())  # a private copy
        self.max_bytes = max_bytes
        self.block = block
        self._cancel = threading.Event()
        self._last_percent = -1
        threads.register_thread(self)

    def cancel(self) -> None:
        """Ask the reader to stop before its next block."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, fraction: float) -> None:
        percent = int(round(100 * fraction))
        if percent != self._last_percent:  # at most 101 signals per file
            self._last_percent = percent
            self.progress.emit(percent)

    def run(self) -> None:  # QThread API
        try:
            dataset, text = read_file(self.path, self.options, self._report, self._cancel.is_set,
                                      self.max_bytes, self.block)
        except CsvCancelled:
            self.cancelledRead.emit()
        except CsvError as exc:
            self.failed.emit(exc)
        except MemoryError:
            self.failed.emit(CsvError("The file does not fit in memory. Use a smaller sample of the data."))
        except Exception as exc:  # never let a worker die silently
            self.failed.emit(CsvError(f"Reading the file failed unexpectedly ({type(exc).__name__}: {exc}). "
                                      "Check that it is a CSV text file."))
        else:
            self.succeeded.emit(dataset, text)
