"""Settings and results of CSV import: :class:`CsvOptions`, :class:`CsvSniff`, :class:`MissingReport`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .errors import CsvError

TASK_CHOICES = ("auto", "regression", "binary", "multiclass")
MISSING_CHOICES = ("error", "drop", "mean")


@dataclass
class CsvOptions:
    """How to read a CSV file. Column numbers are 0-based; negative counts from the end."""

    delimiter: str = ","
    has_header: bool = True
    decimal: str = "."
    target_columns: list = field(default_factory=lambda: [-1])
    feature_columns: list | None = None
    task: str = "auto"
    missing: str = "error"
    #: ``[height, width]`` when every row's features are a picture (row by row), else None
    image_shape: list | None = None

    def validate(self) -> "CsvOptions":
        """Raise CsvError for impossible settings; return self."""
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1 \
                or self.delimiter in '"\r\n' or self.delimiter.isalnum():
            raise CsvError(f"Delimiter {self.delimiter!r} cannot be used. Choose comma, "
                           "semicolon, tab or pipe.")
        if self.decimal not in (".", ","):
            raise CsvError(f"Decimal separator must be '.' or ',', not {self.decimal!r}.")
        if self.decimal == "," and self.delimiter == ",":
            raise CsvError("A decimal comma needs another delimiter: choose semicolon or "
                           "tab (with both set to ',' numbers cannot be told apart).")
        if self.task not in TASK_CHOICES:
            raise CsvError(f"Task must be one of {', '.join(TASK_CHOICES)}, not {self.task!r}.")
        if self.missing not in MISSING_CHOICES:
            raise CsvError(f"Missing-value handling must be one of "
                           f"{', '.join(MISSING_CHOICES)}, not {self.missing!r}.")
        if not isinstance(self.target_columns, (list, tuple)):
            raise CsvError("target_columns must be a list of column numbers.")
        if self.feature_columns is not None and not isinstance(self.feature_columns, (list, tuple)):
            raise CsvError("feature_columns must be a list of column numbers or None.")
        if self.image_shape is not None and not (
                isinstance(self.image_shape, (list, tuple)) and len(self.image_shape) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 4096
                        for v in self.image_shape)):
            raise CsvError("image_shape must be [height, width] (two whole numbers from 1 to "
                           "4096) or null.")
        return self

    def to_dict(self) -> dict:
        """JSON-ready dict of every option."""
        d = asdict(self)
        d["target_columns"] = [int(j) for j in self.target_columns]
        if self.feature_columns is not None:
            d["feature_columns"] = [int(j) for j in self.feature_columns]
        if self.image_shape is not None:
            d["image_shape"] = [int(v) for v in self.image_shape]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "CsvOptions":
        """Rebuild from :meth:`to_dict`; unknown keys or bad values -> CsvError."""
        if not isinstance(d, dict):
            raise CsvError("CSV options must be a JSON object.")
        unknown = set(d) - set(cls.__dataclass_fields__)
        if unknown:
            raise CsvError(f"Unknown CSV option(s): {', '.join(sorted(map(str, unknown)))}.")
        opts = cls(**d)
        for name in ("target_columns", "feature_columns"):
            v = getattr(opts, name)
            if v is not None and (not isinstance(v, (list, tuple)) or not all(
                    isinstance(j, int) and not isinstance(j, bool) for j in v)):
                raise CsvError(f"CSV option {name} must be a list of whole numbers.")
            if v is not None:
                setattr(opts, name, list(v))
        if not isinstance(opts.has_header, bool):
            raise CsvError("CSV option has_header must be true or false.")
        if isinstance(opts.image_shape, tuple):
            opts.image_shape = list(opts.image_shape)
        return opts.validate()


@dataclass
class CsvSniff:
    """The result of :func:`sniff`: guessed options plus a preview."""

    options: CsvOptions
    header: list[str]
    rows: list[list[str]]
    n_rows: int
    column_tasks: list[str]
    warnings: list[str]


@dataclass
class MissingReport:
    """Missing cells (empty, NA, NaN, ?, null) per column and the first rows with any."""

    total: int
    per_column: dict
    first_rows: list[int]

    def message(self) -> str:
        """One sentence for the user, '' when nothing is missing."""
        if not self.total:
            return ""
        cols = ", ".join(f"'{k}' ({v})" for k, v in self.per_column.items() if v)
        rows = ", ".join(map(str, self.first_rows))
        return (f"{self.total} missing value(s) (empty, NA, NaN or ?) in column(s) {cols}; "
                f"first at row(s) {rows}.")
