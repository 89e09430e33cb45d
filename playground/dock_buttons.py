"""The float and close buttons of the docks' title bars, scaled with presentation mode.

QDockWidget places its title buttons where its style's ``subElementRect`` says, and each button
sizes itself (``sizeHint``) and draws its icon from its own style's small-icon size and button
margin; neither follows the font. So presentation mode gives each dock, and the two buttons in its
title bar, a proxy of the application's style whose small-icon size and button margin are
``factor`` times larger (a widget's style does not pass to its children: the dock's contents keep
the application style). Factor 1 gives them the application style again.
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QProxyStyle, QStyle

BUTTON_NAMES = ("qt_dockwidget_closebutton", "qt_dockwidget_floatbutton")
"""Qt's object names for the title bar's buttons (QDockWidgetTitleButton)."""
SCALED_METRICS = (QStyle.PM_SmallIconSize, QStyle.PM_DockWidgetTitleBarButtonMargin)


class ScaledDockStyle(QProxyStyle):
    """The application's style with title-bar buttons ``factor`` times larger."""

    def __init__(self, factor: float):
        super().__init__(QApplication.style().name())
        self.factor = factor

    def pixelMetric(self, metric, option=None, widget=None) -> int:   # noqa: N802 (Qt override)
        value = super().pixelMetric(metric, option, widget)
        if metric in SCALED_METRICS:
            return round(value * self.factor)
        return value


_STYLES: dict[float, ScaledDockStyle] = {}
"""One proxy per factor, kept alive here (a widget does not own the style it is given)."""


def title_buttons(dock: QDockWidget) -> list[QAbstractButton]:
    return [b for b in dock.findChildren(QAbstractButton) if b.objectName() in BUTTON_NAMES
            and b.parent() is dock]


def scale_dock_buttons(dock: QDockWidget, factor: float) -> None:
    """Draw ``dock``'s float and close buttons ``factor`` times their usual size (1: as usual)."""
    if factor == 1.0:
        style = None
    else:
        style = _STYLES.get(factor)
        if style is None or style.baseStyle().name() != QApplication.style().name():
            style = _STYLES[factor] = ScaledDockStyle(factor)
    for widget in [dock, *title_buttons(dock)]:
        if widget.style() is not (style or QApplication.style()):
            widget.setStyle(style)
