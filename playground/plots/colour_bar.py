"""ColourBar: the key of the Output view's colours: the classes (with their swatches), the
binary decision value, or for regression the value range on the diverging scale."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..formatting import format_number
from . import colors


class ColourBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self._mode = ("none", None)
        self._text: list[str] = []

    def sizeHint(self) -> QSize:            # noqa: N802
        return QSize(240, QFontMetrics(self.font()).height() * 2 + 8)

    def minimumSizeHint(self) -> QSize:     # noqa: N802
        return QSize(120, self.sizeHint().height())

    def set_classes(self, names_colours: list[tuple[str, QColor]]) -> None:
        """Discrete swatches, one per class: [('+1', blue), ('−1', orange)] …"""
        self._set(("classes", names_colours), [n for n, _ in names_colours])

    def set_scale(self, lo: float, hi: float, middle: str = "") -> None:
        """The diverging scale from ``lo`` (orange) to ``hi`` (blue), ``middle`` under its centre."""
        self._set(("scale", (lo, hi, middle)), [format_number(lo, 3), middle, format_number(hi, 3)])

    def _set(self, mode, text: list[str]) -> None:
        """Repaint only what changed: the heat map sets its scale at every training frame."""
        if getattr(self, "_mode", None) == mode and getattr(self, "_text", None) == text:
            return
        self._mode, self._text = mode, text
        self.update()

    def texts(self) -> list[str]:
        """The labels drawn (for tests and screen readers)."""
        return [t for t in self._text if t]

    def scale_labels(self) -> list[tuple[QRectF, str]]:
        """Where the scale's end labels and its caption are drawn: the caption between the two
        ends, centred, elided if it is longer than the room between them (never over them)."""
        if self._mode[0] != "scale":
            return []
        fm = QFontMetricsF(self.font())
        h, gap = fm.height(), fm.horizontalAdvance(" ")
        left, right, y = 4.0, self.width() - 4.0, h + 4
        lo, middle, hi = self._text
        lw, hw = fm.horizontalAdvance(lo), fm.horizontalAdvance(hi)
        out = [(QRectF(left, y, lw, h), lo), (QRectF(right - hw, y, hw, h), hi)]
        room = (right - hw - gap) - (left + lw + gap)
        if middle and room > 0:
            text = middle if fm.horizontalAdvance(middle) <= room else \
                fm.elidedText(middle, Qt.ElideRight, room)
            w = fm.horizontalAdvance(text)
            x = min(max((left + right - w) / 2, left + lw + gap), right - hw - gap - w)
            out.append((QRectF(x, y, w, h), text))
        return out

    def caption_elided(self) -> bool:
        labels = self.scale_labels()
        return len(labels) > 2 and labels[2][1] != self._text[1] or \
            (self._mode[0] == "scale" and bool(self._text[1]) and len(labels) == 2)

    def event(self, event) -> bool:
        """A cut caption is whole in the tooltip."""
        if event.type() == QEvent.ToolTip and self.caption_elided():
            QToolTip.showText(event.globalPos(), f"{self._text[1]}\n{self.toolTip()}", self)
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:    # noqa: N802
        kind, arg = self._mode
        if kind == "none":
            return
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        h = fm.height()
        bar = QRectF(4, 2, self.width() - 8, h)
        p.setPen(QPen(QColor("#777"), 1))
        if kind == "scale":
            lo, hi, middle = arg
            grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
            lut = colors.diverging_lut(1.0)
            for k in range(0, 256, 32):
                grad.setColorAt(k / 255, QColor(*lut[k].tolist()))
            grad.setColorAt(1.0, QColor(*lut[255].tolist()))
            p.setBrush(grad)
            p.drawRect(bar)
            y = bar.bottom() + 2
            p.setPen(QColor("#222"))
            for rect, text in self.scale_labels():
                p.drawText(rect, Qt.AlignLeft, text)
        else:
            n = max(len(arg), 1)
            w = bar.width() / n
            for k, (name, colour) in enumerate(arg):
                cell = QRectF(bar.left() + k * w, bar.top(), w, h)
                p.setPen(QPen(QColor("#777"), 1))
                p.setBrush(colour)
                p.drawRect(QRectF(cell.left() + 2, cell.top() + 2, h - 4, h - 4))
                p.setPen(QColor("#222"))
                p.drawText(cell.adjusted(h + 2, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, name)
        p.end()
