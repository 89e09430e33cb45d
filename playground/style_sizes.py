"""Pixel font sizes in widgets' own style sheets (the epoch counter's 15 px), scaled by
presentation mode: a style sheet's size wins over the font presentation mode gives the widget."""
from __future__ import annotations

import re

PX_FONT = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def scale_sheet(sheet: str, factor: float) -> str:
    """``sheet`` with every ``font-size: N px`` times ``factor``."""
    return PX_FONT.sub(lambda m: f"font-size: {round(float(m.group(1)) * factor)}px", sheet)


def scale_sized_widgets(widgets, factor: float) -> list:
    """Scale the pixel font sizes of ``widgets``' style sheets; [(widget, sheet before)]."""
    saved = [(w, w.styleSheet()) for w in widgets if PX_FONT.search(w.styleSheet() or "")]
    for w, sheet in saved:
        w.setStyleSheet(scale_sheet(sheet, factor))
    return saved


def restore_sheets(saved) -> None:
    for w, sheet in saved:
        try:
            w.setStyleSheet(sheet)
        except RuntimeError:              # deleted since (a panel rebuilt its rows)
            pass
