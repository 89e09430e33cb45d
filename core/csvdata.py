"""Points as CSV text: one ``x1,x2,label`` row per point.

Reading accepts an optional header line ``x1,x2,label`` (any case, spaces allowed) before
the first row, skips blank lines and lines starting with ``#``, and reports the first bad row
as ``DataError`` with its 1-based line number (also a label that does not fit a declared kind). The data set's kind is inferred from the
labels as ``datasets.from_points`` does (all ±1 → binary, whole numbers 0 … 9 → multiclass,
otherwise regression) unless a comment line ``# kind: regression`` (or binary / multiclass)
names it; ``write_csv`` writes that line, and ``repr`` of each float, so a round trip is exact.
"""
from __future__ import annotations

import math
import os
import re

import numpy as np

from .atomic_file import atomic_write
from .datasets import KINDS, MAX_CLASSES, Dataset, from_points
from .errors import DataError

HEADER = "x1,x2,label"
COLUMNS = ("x1", "x2", "label")
MAX_ROWS = 100_000
"""The same limit as a document's data points (``project_io.MAX_POINTS``): a CSV the app
imports must also save and reopen."""
MAX_ABS = 1e6
"""Largest magnitude accepted for a coordinate or a label."""
MAX_FILE_BYTES = 256 * 1024 * 1024
_KIND_COMMENT = re.compile(r"#\s*kind\s*:\s*(\S+)\s*$", re.IGNORECASE)
_NEWLINE = re.compile(r"\r\n|\r|\n")  # not str.splitlines: it also splits on \f, \x1c, …


def _number(field: str, column: str, line: int) -> float:
    text = field.strip()
    if not text:
        raise DataError(f"the {column} value is empty", line)
    try:
        if "_" in text:  # float() would take "1_000"; a CSV number never has one
            raise ValueError
        value = float(text)
    except ValueError:
        raise DataError(f"{text!r} is not a number", line) from None
    if not math.isfinite(value):
        raise DataError(f"{column} is {text!r}; only finite numbers are allowed", line)
    if abs(value) > MAX_ABS:
        raise DataError(f"{column} = {text} is outside the allowed range ±{MAX_ABS:,.0f}", line)
    return value


def _is_header(line: str) -> bool:
    return "".join(line.split()).lower() == HEADER


def read_csv(text: str) -> Dataset:
    """Parse ``x1,x2,label`` rows into a Dataset (kind inferred from the labels)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    rows: list[tuple[float, float, float]] = []
    line_nos: list[int] = []
    kind = None
    seen_content = False
    for line_no, raw in enumerate(_NEWLINE.split(text), start=1):
        line = raw.strip()
        if line.startswith("#"):
            m = _KIND_COMMENT.match(line)
            if m:
                kind = m.group(1).lower()
                if kind not in KINDS:
                    raise DataError(f"unknown kind {m.group(1)!r}; use one of {', '.join(KINDS)}",
                                    line_no)
            continue
        if not line:
            continue
        if not seen_content:
            seen_content = True
            if _is_header(line):
                continue
        fields = line.split(",")
        if len(fields) != 3:
            hint = ""
            if ";" in line and len(line.split(";")) == 3:
                hint = ("; the values seem to be separated by ';' (a spreadsheet's export in "
                        "some languages): save the file with commas, x1,x2,label")
            elif "\t" in line and len(line.split("\t")) == 3:
                hint = "; the values seem to be separated by tabs: use commas, x1,x2,label"
            raise DataError(f"expected 3 comma-separated values, got {len(fields)}{hint}", line_no)
        if len(rows) >= MAX_ROWS:
            raise DataError(f"too many rows: at most {MAX_ROWS:,} points are allowed", line_no)
        rows.append(tuple(_number(f, c, line_no) for f, c in zip(fields, COLUMNS)))
        line_nos.append(line_no)
    if not rows:
        raise DataError("no data rows")
    arr = np.array(rows, dtype=np.float64)
    if kind is not None:  # a declared kind: name the first row whose label does not fit it
        labels = arr[:, 2]
        if kind == "binary":
            bad, rule = np.abs(labels) != 1.0, "binary labels must be +1 or -1"
        elif kind == "multiclass":
            bad = ~((labels >= 0) & (labels < MAX_CLASSES) & (labels == np.floor(labels)))
            rule = f"multi-class labels must be whole numbers 0 … {MAX_CLASSES - 1}"
        else:
            bad, rule = np.zeros(labels.shape, dtype=bool), ""
        if bad.any():
            i = int(np.argmax(bad))
            raise DataError(f"{rule} (the file says # kind: {kind}), got {float(labels[i])!r}",
                            line_nos[i])
    return from_points(arr[:, :2], arr[:, 2], kind)


def write_csv(data: Dataset) -> str:
    """CSV text: header ``x1,x2,label``, a ``# kind: …`` comment, then one row per point;
    ``repr`` floats read back bit-identical."""
    lines = [HEADER, f"# kind: {data.kind}"]
    pts, labels = data.points.tolist(), data.labels.tolist()
    lines.extend(f"{x1!r},{x2!r},{lab!r}" for (x1, x2), lab in zip(pts, labels))
    return "\n".join(lines) + "\n"


def load_csv(path) -> Dataset:
    """Read a CSV file (UTF-8, a byte-order mark allowed)."""
    name = os.fspath(path)
    try:
        if os.path.getsize(name) > MAX_FILE_BYTES:
            raise DataError(f"{name} is too large for a data file "
                            f"(over {MAX_FILE_BYTES // 2**20} MB)")
        with open(name, "r", encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except UnicodeDecodeError:
        raise DataError(f"{name} is not UTF-8 text") from None
    except OSError as e:
        raise DataError(f"cannot read {name}: {e.strerror or e}") from None
    return read_csv(text)


def save_csv(data: Dataset, path) -> None:
    """Write ``write_csv(data)`` to ``path`` as UTF-8, atomically: a temporary file beside it
    replaces it only once completely written, so a failed export leaves the old file intact."""
    name = os.fspath(path)
    try:
        atomic_write(name, write_csv(data))      # an export that fails keeps the old file
    except (OSError, UnicodeError) as e:
        raise DataError(f"cannot write {name}: {getattr(e, 'strerror', None) or e}") from None
