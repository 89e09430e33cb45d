"""Reading a document's JSON values field by field: each reader checks one value's type and
range and names the field (``path``) in the DocumentError it raises. ``core.project_io``, the
lessons, the digit sets and the exercises read their documents with these."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import array_codec
from .divergence import PARAMETER_LIMIT
from .errors import DocumentError
from .messages import Message as M
from .network import MAX_LAYER_SIZE

VALUE_LIMIT = PARAMETER_LIMIT
"""Every weight, bias, input, target and data point of a document lies within ±1e6: beyond
that a loss can overflow to ∞ (a target of 1.797e308), and a document that saved such a loss
could not be opened again. Training keeps weights within the same bound (core.divergence)."""

TYPE_NAMES = {dict: ("object", "an object"), list: ("list", "a list"), str: ("string", "a string"),
              bool: ("bool", "true/false"), type(None): ("null", "null")}


def type_name(v: Any) -> M:
    code, text = TYPE_NAMES.get(type(v), ("number", "a number") if isinstance(v, (int, float))
                                 else ("other", type(v).__name__))
    return M(f"type.{code}", text)


def read_obj(v, path: str) -> dict:
    if not isinstance(v, dict):
        raise DocumentError(path, M("doc.expected_object", "expected an object, got {got}", got=type_name(v)))
    return v


def shown(v) -> str:
    """A number as it appears in a message: never thousands of digits."""
    text = f"{v:g}" if isinstance(v, float) else str(v)
    return text if len(text) <= 24 else f"{text[:12]}…({len(text)} digits)"


def read_num(v, path: str, lo: float | None = None, hi: float | None = None) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise DocumentError(path, M("doc.expected_number", "expected a number, got {got}", got=type_name(v)))
    try:
        v = float(v)
    except OverflowError:  # a JSON integer literal with hundreds of digits
        raise DocumentError(path, M("doc.expected_finite_got", "expected a finite number, got {got}",
                                     got=shown(v))) from None
    if not math.isfinite(v):
        raise DocumentError(path, M("doc.expected_finite", "expected a finite number"))
    if lo is not None and v < lo:
        raise DocumentError(path, M("doc.at_least", "must be ≥ {lo}, got {got}", lo=f"{lo:g}", got=f"{v:g}"))
    if hi is not None and v > hi:
        raise DocumentError(path, M("doc.at_most", "must be ≤ {hi}, got {got}", hi=f"{hi:g}", got=f"{v:g}"))
    return v


def read_int(v, path: str, lo: int | None = None, hi: int | None = None) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        else:
            raise DocumentError(path, M("doc.expected_int", "expected a whole number, got {got}",
                                         got=type_name(v)))
    if lo is not None and v < lo:
        raise DocumentError(path, M("doc.at_least", "must be ≥ {lo}, got {got}", lo=lo, got=shown(v)))
    if hi is not None and v > hi:
        raise DocumentError(path, M("doc.at_most", "must be ≤ {hi}, got {got}", hi=hi, got=shown(v)))
    return v


def read_opt(v, path: str, conv, *args):
    return None if v is None else conv(v, path, *args)


def read_str(v, path: str, choices=None, max_len: int = 10_000) -> str:
    if not isinstance(v, str):
        raise DocumentError(path, M("doc.expected_string", "expected a string, got {got}", got=type_name(v)))
    if len(v) > max_len:
        raise DocumentError(path, M("doc.text_too_long", "text longer than {n} characters", n=max_len))
    if choices is not None and v not in choices:
        raise DocumentError(path, M("doc.not_one_of", "{value} is not one of: {choices}", value=repr(v),
                                     choices=", ".join(choices)))
    return v


def read_vector(v, path: str, n: int | None = None, max_len: int = MAX_LAYER_SIZE) -> np.ndarray:
    """Numbers within ±VALUE_LIMIT (weights, biases, samples, points)."""
    if not isinstance(v, list):
        raise DocumentError(path, M("doc.expected_numbers", "expected a list of numbers, got {got}",
                                     got=type_name(v)))
    if len(v) > max_len:
        raise DocumentError(path, M("doc.too_many_numbers", "at most {n} numbers, got {got}", n=max_len,
                                     got=len(v)))
    if n is not None and len(v) != n:
        raise DocumentError(path, M("doc.count", "expected {n} numbers, got {got}", n=n, got=len(v)))
    return np.array([read_num(x, f"{path}[{i}]", -VALUE_LIMIT, VALUE_LIMIT) for i, x in enumerate(v)],
                    dtype=np.float64)


def read_matrix(v, path: str, rows: int, cols: int, kind=float) -> np.ndarray:
    if kind is float and array_codec.is_encoded(v):
        return array_codec.decode(v, path, "float64", (rows, cols), -VALUE_LIMIT, VALUE_LIMIT)
    what = M("doc.bools", "true/false values") if kind is bool else M("doc.numbers", "numbers")
    if not isinstance(v, list):
        raise DocumentError(path, M("doc.matrix_type", "expected {rows}×{cols} {what}, got {got}",
                                     rows=rows, cols=cols, what=what, got=type_name(v)))
    bad_row = next((i for i, r in enumerate(v) if not isinstance(r, list)), None)
    if bad_row is not None:
        raise DocumentError(f"{path}[{bad_row}]", M("doc.row_type", "expected a row of {cols} {what}, got {got}",
                                                    cols=cols, what=what, got=type_name(v[bad_row])))
    lengths = {len(r) for r in v}
    if len(lengths) <= 1 and (len(v), lengths.pop() if lengths else cols) != (rows, cols):
        raise DocumentError(path, M("doc.matrix_shape", "expected {rows}×{cols} {what}, got {got_rows}×{got_cols}",
                                     rows=rows, cols=cols, what=what, got_rows=len(v),
                                     got_cols=len(v[0]) if v else 0))
    if len(v) != rows:  # ragged as well as the wrong height
        raise DocumentError(path, M("doc.matrix_rows", "expected {rows}×{cols} {what}, got {got} rows",
                                     rows=rows, cols=cols, what=what, got=len(v)))
    short = next((i for i, r in enumerate(v) if len(r) != cols), None)
    if short is not None:  # ragged: name the first row that does not fit
        raise DocumentError(f"{path}[{short}]", M("doc.ragged_row",
                                                  "expected {cols} {what} (row {row} of {rows}×{cols}), got {got}",
                                                  cols=cols, what=what, row=short + 1, rows=rows,
                                                  got=len(v[short])))
    if kind is bool:
        out = np.empty((rows, cols), dtype=bool)
        for i, r in enumerate(v):
            for j, x in enumerate(r):
                if not isinstance(x, bool):
                    raise DocumentError(f"{path}[{i}][{j}]", M("doc.expected_bool", "expected true or false, got {got}",
                                                               got=type_name(x)))
                out[i, j] = x
        return out
    # fast path (a 1024 × 1024 layer in ~0.1 s): only JSON numbers, all finite and within
    # ±VALUE_LIMIT once converted; anything else is named entry by entry below
    if all(type(x) is float or type(x) is int for r in v for x in r):
        try:
            out = np.array(v, dtype=np.float64).reshape(rows, cols)
        except OverflowError:  # an integer literal beyond the float range
            out = None
        if out is not None and np.isfinite(out).all() and np.abs(out).max(initial=0) <= VALUE_LIMIT:
            return out
    return np.array([[read_num(x, f"{path}[{i}][{j}]", -VALUE_LIMIT, VALUE_LIMIT) for j, x in enumerate(r)]
                     for i, r in enumerate(v)],
                    dtype=np.float64).reshape(rows, cols)


def check_keys(d: dict, path: str, allowed: set[str]) -> None:
    unknown = sorted(set(d) - allowed)
    if unknown:
        raise DocumentError(f"{path}.{unknown[0]}" if path else unknown[0], M("doc.unknown_field", "unknown field"))
