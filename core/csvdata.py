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
from .messages import Message as M

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
        raise DataError(M("csv.empty", "the {column} value is empty", column=column), line)
    try:
        if "_" in text:  # float() would take "1_000"; a CSV number never has one
            raise ValueError
        value = float(text)
    except ValueError:
        raise DataError(M("csv.not_a_number", "{text} is not a number", text=repr(text)), line) from None
    if not math.isfinite(value):
        raise DataError(M("csv.not_finite", "{column} is {text}; only finite numbers are allowed",
                          column=column, text=repr(text)), line)
    if abs(value) > MAX_ABS:
        raise DataError(M("csv.out_of_range", "{column} = {text} is outside the allowed range ±{limit}",
                          column=column, text=text, limit=f"{MAX_ABS:,.0f}"), line)
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
                    raise DataError(M("csv.unknown_kind", "unknown kind {kind}; use one of {kinds}",
                                      kind=repr(m.group(1)), kinds=", ".join(KINDS)), line_no)
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
                hint = M("csv.semicolons", "; the values seem to be separated by ';' (a spreadsheet's "
                         "export in some languages): save the file with commas, x1,x2,label")
            elif "\t" in line and len(line.split("\t")) == 3:
                hint = M("csv.tabs", "; the values seem to be separated by tabs: use commas, x1,x2,label")
            raise DataError(M("csv.fields_hint", "expected 3 comma-separated values, got {got}{hint}",
                              got=len(fields), hint=hint), line_no)
        if len(rows) >= MAX_ROWS:
            raise DataError(M("csv.too_many_rows", "too many rows: at most {n} points are allowed",
                              n=f"{MAX_ROWS:,}"), line_no)
        rows.append(tuple(_number(f, c, line_no) for f, c in zip(fields, COLUMNS)))
        line_nos.append(line_no)
    if not rows:
        raise DataError(M("csv.no_rows", "no data rows"))
    arr = np.array(rows, dtype=np.float64)
    if kind is not None:  # a declared kind: name the first row whose label does not fit it
        labels = arr[:, 2]
        if kind == "binary":
            bad, rule = np.abs(labels) != 1.0, M("csv.binary_labels", "binary labels must be +1 or -1")
        elif kind == "multiclass":
            bad = ~((labels >= 0) & (labels < MAX_CLASSES) & (labels == np.floor(labels)))
            rule = M("csv.class_labels", "multi-class labels must be whole numbers 0 … {last}",
                     last=MAX_CLASSES - 1)
        else:
            bad, rule = np.zeros(labels.shape, dtype=bool), ""
        if bad.any():
            i = int(np.argmax(bad))
            raise DataError(M("csv.label_kind", "{rule} (the file says # kind: {kind}), got {got}", rule=rule,
                              kind=kind, got=repr(float(labels[i]))), line_nos[i])
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
            raise DataError(M("csv.too_large", "{name} is too large for a data file (over {mb} MB)",
                              name=name, mb=MAX_FILE_BYTES // 2**20))
        with open(name, "r", encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except UnicodeDecodeError:
        raise DataError(M("csv.not_utf8", "{name} is not UTF-8 text", name=name)) from None
    except OSError as e:
        raise DataError(M("csv.cannot_read", "cannot read {name}: {error}", name=name,
                          error=e.strerror or e)) from None
    return read_csv(text)


def save_csv(data: Dataset, path) -> None:
    """Write ``write_csv(data)`` to ``path`` as UTF-8, atomically: a temporary file beside it
    replaces it only once completely written, so a failed export leaves the old file intact."""
    name = os.fspath(path)
    try:
        atomic_write(name, write_csv(data))      # an export that fails keeps the old file
    except (OSError, UnicodeError) as e:
        raise DataError(M("csv.cannot_write", "cannot write {name}: {error}", name=name,
                          error=getattr(e, 'strerror', None) or e)) from None
