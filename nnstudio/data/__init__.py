"""Datasets for nnstudio: built-in generators, truth tables, CSV loading, splits, scaling.

No Qt here (a test parses every import to prove it).  The public API:

* :class:`Dataset`, :func:`describe_columns`, :class:`ColumnStats`
* registry: :func:`builtins`, :func:`get_generator`, :func:`make`, :func:`names`,
  :class:`Generator`, :class:`Param`
* CSV (also as ``nnstudio.data.csv``): :class:`CsvOptions`, :func:`sniff`,
  :func:`sniff_file`, :func:`load_csv`, :func:`read_csv_file`,
  :func:`missing_report`, :class:`CsvError`, :class:`CsvCancelled`
* splitting and scaling: :func:`split_indices`, :func:`check_split`,
  :class:`Standardizer`, :func:`prepare`, :class:`Prepared`
"""

from . import csv
from .csv import (
    CsvOptions,
    CsvSniff,
    MissingReport,
    load_csv,
    missing_report,
    read_csv_file,
    sniff,
    sniff_file,
)
from .dataset import TASKS, ColumnStats, Dataset, describe_columns
from .errors import CsvCancelled, CsvError
from .registry import Generator, Param, builtins, get_generator, make, names
from .split import Prepared, Standardizer, check_split, prepare, split_indices

__all__ = [
    "csv", "CsvOptions", "CsvSniff", "MissingReport", "load_csv", "missing_report",
    "read_csv_file", "sniff", "sniff_file", "TASKS", "ColumnStats", "Dataset",
    "describe_columns", "CsvCancelled", "CsvError", "Generator", "Param", "builtins",
    "get_generator", "make", "names", "Prepared", "Standardizer", "check_split", "prepare",
    "split_indices",
]
