"""A combo box whose current text can be cut (a narrow dock, presentation mode's larger font)
shows that text whole at the top of its tooltip, above what the tooltip explains."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QToolTip


def tooltip_text(combo: QComboBox) -> str:
    """The current text, then the combo's own tooltip."""
    return "\n".join(t for t in (combo.currentText(), combo.toolTip()) if t)


class _FullTextTip(QObject):
    def eventFilter(self, obj, event) -> bool:     # noqa: N802 (Qt override)
        if event.type() == QEvent.ToolTip and isinstance(obj, QComboBox) and obj.currentText():
            QToolTip.showText(event.globalPos(), tooltip_text(obj), obj)
            return True
        return False


def show_full_text_in_tooltip(combo: QComboBox) -> None:
    combo.installEventFilter(_FullTextTip(combo))
