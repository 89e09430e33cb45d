"""Large arrays inside a JSON document: base64 of little-endian bytes, with dtype and shape.

A 784-500-500-10 network has ≈ 650 000 weights; written as JSON number lists that is ~13 MB
and seconds to parse. Encoded, an array is one object::

    {"dtype": "float64", "shape": [500, 784], "base64": "…"}

``dtype`` is ``float64`` (little-endian IEEE 754, 8 bytes), ``float32`` (4 bytes: written by
``encode_exact`` for numbers a float32 training produced — every one of them a float32 value,
so the half-size file reads back to the same float64 numbers, bit for bit) or ``uint8``.
A float64 field accepts float32 storage; nothing else is converted. ``decode`` checks
everything a hand-edited or damaged file can get wrong — unknown keys or dtype, a shape that
does not fit the field, characters outside the base64 alphabet, too few or too many bytes,
non-finite numbers, values out of range — and names the field in its DocumentError.
Never pickle, never eval: the bytes are only ever read as numbers.
"""
from __future__ import annotations

import base64
import binascii
import math
from typing import Sequence

import numpy as np

from .errors import DocumentError
from .messages import Message as M

DTYPES = {"float64": np.dtype("<f8"), "float32": np.dtype("<f4"), "uint8": np.dtype("u1")}
KEYS = {"dtype", "shape", "base64"}
MAX_ITEMS = 8_000_000


def is_encoded(v) -> bool:
    return isinstance(v, dict) and "base64" in v


def encode(a: np.ndarray, dtype: str = "float64") -> dict:
    arr = np.ascontiguousarray(a, dtype=DTYPES[dtype])
    return {"dtype": dtype, "shape": list(arr.shape),
            "base64": base64.b64encode(arr.tobytes()).decode("ascii")}


def encode_exact(a: np.ndarray) -> dict:
    """float32 storage when every number is a float32 value (exactly), float64 otherwise."""
    arr = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore"):
        narrow = arr.astype(np.float32)
    return encode(narrow, "float32") if np.array_equal(narrow, arr) else encode(arr, "float64")


def decode(v, path: str, dtype: str, shape: Sequence[int | None] | None = None,
           lo: float | None = None, hi: float | None = None) -> np.ndarray:
    """The array an encoded object holds, checked; ``None`` in ``shape`` accepts any length."""
    if not isinstance(v, dict):
        raise DocumentError(path, M("array.expected", "expected an encoded array {fields}",
                                    fields="{dtype, shape, base64}"))
    unknown = sorted(set(v) - KEYS)
    if unknown:
        raise DocumentError(f"{path}.{unknown[0]}", M("doc.unknown_field", "unknown field"))
    missing = sorted(KEYS - set(v))
    if missing:
        raise DocumentError(f"{path}.{missing[0]}", M("doc.missing", "missing"))
    if v["dtype"] not in DTYPES:
        raise DocumentError(f"{path}.dtype", M("doc.not_one_of", "{value} is not one of: {choices}",
                                                 value=repr(v['dtype']), choices=", ".join(DTYPES)))
    if v["dtype"] != dtype and not (dtype == "float64" and v["dtype"] == "float32"):
        raise DocumentError(f"{path}.dtype", M("array.dtype", "expected {want}, got {got}", want=dtype,
                                                 got=v['dtype']))
    got = v["shape"]
    if (not isinstance(got, list) or not 1 <= len(got) <= 4
            or any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in got)):
        raise DocumentError(f"{path}.shape", M("array.shape_list", "expected a list of 1 to 4 whole numbers ≥ 0"))
    if shape is not None and (len(got) != len(shape)
                              or any(w is not None and g != w for g, w in zip(got, shape))):
        want = "×".join("n" if w is None else str(w) for w in shape)
        raise DocumentError(f"{path}.shape", M("array.dtype", "expected {want}, got {got}", want=want,
                                                 got="×".join(map(str, got))))
    count = math.prod(got)
    if count > MAX_ITEMS:
        raise DocumentError(f"{path}.shape", M("doc.too_many_numbers", "at most {n} numbers, got {got}",
                                                 n=MAX_ITEMS, got=count))
    text = v["base64"]
    if not isinstance(text, str):
        raise DocumentError(f"{path}.base64", M("array.base64_string", "expected a string of base64 text"))
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise DocumentError(f"{path}.base64", M("array.base64", "not valid base64 text")) from None
    dt = DTYPES[v["dtype"]]
    need = count * dt.itemsize
    if len(raw) != need:
        what = (M("array.truncated", "truncated") if len(raw) < need
                else M("array.too_long", "too long"))
        raise DocumentError(f"{path}.base64", M("array.bytes", "{what}: {shape} {dtype} values need {need} "
                                                "bytes, got {got}", what=what, shape="×".join(map(str, got)),
                                                dtype=v["dtype"], need=need, got=len(raw)))
    arr = np.frombuffer(raw, dtype=dt).reshape(got)
    if dt.kind == "f" and not np.all(np.isfinite(arr)):
        raise DocumentError(path, M("array.not_finite", "expected finite numbers (found NaN or infinity)"))
    if lo is not None and arr.size and arr.min() < lo:
        raise DocumentError(path, M("array.at_least", "values must be ≥ {lo}, found {got}", lo=f"{lo:g}",
                                     got=f"{arr.min():g}"))
    if hi is not None and arr.size and arr.max() > hi:
        raise DocumentError(path, M("array.at_most", "values must be ≤ {hi}, found {got}", hi=f"{hi:g}",
                                     got=f"{arr.max():g}"))
    return arr.astype(np.float64 if dt.kind == "f" else np.uint8, copy=True)
