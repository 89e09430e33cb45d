"""The one place that decides how numbers look in the window."""
from __future__ import annotations

import math

MINUS = "\u2212"   # a real minus sign, not a hyphen
DEFAULT_DIGITS = 6


class NumberFormat:
    """Significant-digit formatting shared by the canvas, panels and derivations."""

    def __init__(self, digits: int = DEFAULT_DIGITS):
        self.digits = digits

    def __call__(self, value: float | None) -> str:
        return format_number(value, self.digits)


def format_number(value: float | None, digits: int = DEFAULT_DIGITS) -> str:
    """``digits`` significant digits, no trailing zeros, a true minus sign; '—' for None."""
    if value is None:
        return "—"
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else MINUS + "∞"
    if v == 0:
        return "0"
    text = f"{v:.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        text = f"{mant}e{int(exp)}"
    return text.replace("-", MINUS)


def parse_number(text: str) -> float:
    """Parse what a person typed: accepts the minus sign and a decimal comma; finite only.

    Raises ValueError with a short reason.
    """
    cleaned = text.strip().replace(MINUS, "-").replace("\u2013", "-").replace(",", ".")
    if not cleaned:
        raise ValueError("empty")
    try:
        v = float(cleaned)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(v):
        raise ValueError("not a finite number")
    return v
