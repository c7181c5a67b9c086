"""Errors raised by :mod:`nnstudio.data` that a user can cause.

Every message says what is wrong *and* what to do about it, so the UI and
the CLI can show it as is.
"""

from __future__ import annotations


class CsvError(ValueError):
    """A CSV file (or a split of it) cannot be used as a dataset.

    Attributes
    ----------
    row:
        1-based line number in the file, header included (the number a
        spreadsheet shows), or ``None`` when the problem is not in one row.
    column:
        Column name (header text, or ``'column N'`` without a header), or
        ``None``.
    value:
        The offending cell text, or ``None``.
    """

    def __init__(self, message: str, *, row: int | None = None,
                 column: str | None = None, value: str | None = None):
        super().__init__(message)
        self.row = row
        self.column = column
        self.value = value


class CsvCancelled(Exception):
    """Reading a CSV file was cancelled by the user (``cancel()`` returned True).

    Deliberately not a :class:`CsvError`: cancelling is not a problem with
    the file and needs no message.
    """
