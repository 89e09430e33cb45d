"""Small widgets shared by the panels: a number editor that refuses bad input, and helpers.

Notation used in every label (the same as the step panel's ``math_text``): the layer is a
superscript, the 1-based neuron indices a subscript. W²₁,₂ is the weight from neuron 2 of
layer 1 to neuron 1 of layer 2; x₁ is the first input, y₁ the first target.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from .formatting import format_number, parse_number

EDIT_DIGITS = 12          # significant digits while a person edits a value
INVALID_STYLE = "QLineEdit { border: 2px solid #d32f2f; border-radius: 3px; background: #fdecea; }"

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@contextmanager
def blocked_signals(*widgets):
    """Set widget values without their signals firing (views never echo the model back)."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, was in zip(widgets, old):
            w.blockSignals(was)


def symbol_html(base: str, layer: int | None = None, *index: int) -> str:
    """``symbol_html("W", 2, 0, 1)`` → W²<sub>1,2</sub> (indices given 0-based).

    The layer is a Unicode superscript: at normal panel font sizes an HTML <sup> is shrunk
    to a few illegible pixels, a Unicode ² is not."""
    sup = str(layer).translate(_SUP) if layer is not None else ""
    sub = f"<sub>{','.join(str(i + 1) for i in index)}</sub>" if index else ""
    return f"{base}{sup}{sub}"


def symbol_text(base: str, layer: int | None = None, *index: int) -> str:
    """The same symbol in plain Unicode, for places without rich text: W²₁,₂."""
    sup = str(layer).translate(_SUP) if layer is not None else ""
    sub = ",".join(str(i + 1).translate(_SUB) for i in index)
    return f"{base}{sup}{sub}"


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def arg(template: str, *values) -> str:
    """Fill %1 … %9 in a translated template in one pass (like QString::arg)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1])
                  if int(m.group(1)) <= len(values) else m.group(0), template)


def parse_reason(text: str) -> tuple[float | None, str]:
    """(value, "") for acceptable text, else (None, a translated reason)."""
    try:
        return parse_number(text), ""
    except ValueError as exc:
        reason = str(exc)
    if reason == "empty":
        return None, tr("Type a number; the field is empty.")
    if reason == "not a finite number":
        return None, arg(tr("“%1” is not a finite number."), text.strip())
    return None, arg(tr("“%1” is not a number."), text.strip())


class NumberEdit(QLineEdit):
    """A line edit for one finite float.

    Shows ``format_number(value)`` (6 significant digits) and up to 12 while it has focus.
    Enter or leaving the field commits: ``committed(float)`` is emitted only when the text
    parses, passes ``check`` and differs from the current value. Refused text stays visible
    with a red border and the reason as tooltip, ``invalid(str)`` carries the reason (for the
    status bar) and the value is not changed. Escape reverts the text.
    """

    committed = Signal(float)
    invalid = Signal(str)

    def __init__(self, value: float = 0.0, parent=None, *,
                 check: Callable[[float], str | None] | None = None):
        super().__init__(parent)
        self._value = float(value)
        self._check = check
        self._invalid_reason = ""
        self._tooltip = ""
        self._shown = ""
        self.session = 0
        """Increases each time the field gains focus: commands merge within one session."""
        self.commit_on_focus_out = True
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("−0.000000") + 14)
        self._show()

    # ------------------------------------------------------------ model side
    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting anything; clears a refused state.

        While the person is typing in the field (focus and changed text) the text is left
        alone, so a model refresh (e.g. from training) never eats keystrokes."""
        self._value = float(value)
        if self.hasFocus() and self.is_edited():
            return
        with blocked_signals(self):
            self._set_invalid("")
            self._show()

    def is_edited(self) -> bool:
        """The text differs from what the field last showed for its value."""
        return self.text() != self._shown

    def is_invalid(self) -> bool:
        return bool(self._invalid_reason)

    def invalid_reason(self) -> str:
        return self._invalid_reason

    def setToolTip(self, text: str) -> None:     # noqa: N802 (Qt override)
        self._tooltip = text
        if not self._invalid_reason:
            super().setToolTip(text)

    # ------------------------------------------------------------ user side
    def commit(self) -> bool:
        """Take the typed text: True if it was accepted (or unchanged), False if refused."""
        if not self.is_edited() and not self._invalid_reason:
            return True
        value, reason = self._judge()
        if reason:
            return False
        self._set_invalid("")
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.committed.emit(value)
        return True

    def revert(self) -> None:
        self._set_invalid("")
        self._show()

    def check_text(self) -> str:
        """The reason the current text would be refused ('' if acceptable); shows it if so."""
        return self._judge()[1]

    def _judge(self) -> tuple:
        """(value, reason) of the typed text: parsed, then the field's own check; a refusal
        is shown on the field and sent as ``invalid``."""
        value, reason = parse_reason(self.text())
        if value is not None and self._check is not None:
            reason = self._check(value) or ""
        if reason:
            self._set_invalid(reason)
            self.invalid.emit(self._prefixed(reason))
        return value, reason

    # ------------------------------------------------------------ events
    def keyPressEvent(self, event):      # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.commit()
            event.accept()
            return
        if event.key() == Qt.Key_Escape and (self.is_edited() or self._invalid_reason):
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):       # noqa: N802
        super().focusInEvent(event)
        self.session += 1
        if not self._invalid_reason and not self.is_edited():
            self._show(EDIT_DIGITS)
            if event.reason() != Qt.PopupFocusReason:
                # at once, so a key that arrives with the focus (typing over a table cell)
                # replaces the value; and again after a click has placed the cursor, unless
                # typing has begun by then
                self.selectAll()
                QTimer.singleShot(0, self._select_all_if_untouched)

    def _select_all_if_untouched(self) -> None:
        if not self.is_edited():
            self.selectAll()

    def focusOutEvent(self, event):      # noqa: N802
        super().focusOutEvent(event)
        if event.reason() == Qt.PopupFocusReason:
            return
        if self.commit_on_focus_out and (self.is_edited() or self._invalid_reason):
            self.commit()
        if not self._invalid_reason:
            self._show()

    # ------------------------------------------------------------ internals
    def _show(self, digits: int | None = None) -> None:
        if digits is None:
            digits = EDIT_DIGITS if self.hasFocus() else 6
        self._shown = format_number(self._value, digits)
        self.setText(self._shown)
        self.setModified(False)
        self.setCursorPosition(0)

    def _set_invalid(self, reason: str) -> None:
        self._invalid_reason = reason
        self.setProperty("invalid", bool(reason))
        self.setStyleSheet(INVALID_STYLE if reason else "")
        QLineEdit.setToolTip(self, reason or self._tooltip)

    def _prefixed(self, reason: str) -> str:
        name = self.accessibleName()
        return arg(tr("%1: %2"), name, reason) if name else reason


# ---------------------------------------------------------------- readable names



def activation_label(name: str) -> str:
    return {"linear": tr("Linear"), "relu": tr("ReLU"), "leaky_relu": tr("Leaky ReLU"),
            "tanh": tr("tanh"), "sigmoid": tr("Sigmoid"), "softmax": tr("Softmax")}.get(name, name)


def loss_short_label(name: str) -> str:
    """The loss's name alone, short enough for a combo box in a narrow dock."""
    return {"half_squared_error": tr("Half squared error"),
            "binary_cross_entropy": tr("Binary cross-entropy"),
            "softmax_cross_entropy": tr("Softmax cross-entropy")}.get(name, name)


def loss_label(name: str) -> str:
    return {"half_squared_error": tr("Half squared error ½Σ(a−y)²"),
            "binary_cross_entropy": tr("Binary cross-entropy (sigmoid output)"),
            "softmax_cross_entropy": tr("Softmax cross-entropy (softmax output)")}.get(name, name)


def pairing_message(loss_name: str, activation: str, changing_loss: bool = True) -> str:
    """'' if the loss fits the output activation, else a translated reason for refusing."""
    from core.errors import EngineError
    from core.losses import check_pairing, get_loss
    loss = get_loss(loss_name)
    try:
        check_pairing(loss, activation)
        return ""
    except EngineError:
        pass
    need = loss.requires_activation
    if changing_loss and need and need != activation:
        return arg(tr("%1 needs a %2 output layer, but the output layer is %3. "
                      "Change the output activation first."),
                   loss_label(loss_name), activation_label(need), activation_label(activation))
    return arg(tr("A %1 output layer does not fit the loss “%2”. Choose another loss first."),
               activation_label(activation), loss_label(loss_name))


def row_of(*widgets, stretch: int = 0) -> QWidget:
    """Widgets side by side in one borderless widget (a form row with two editors)."""
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        row.addWidget(x, stretch)
    return w


class LiveLabel(QLabel):
    """A label for figures that change at every training frame (epoch, time, losses).

    Its size hint only grows: a label whose hint follows the digits' widths asks the whole
    window to lay itself out again at each change, and the main window then repaints most of
    its area (measured: 350 large repaints in 5 s of training). The hint never shrinks below
    what it has shown, so after the first frames the text changes and only the label repaints.
    ``settle()`` lets it shrink again (a new text that is no longer live)."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self._hint = QSize(0, 0)
        self._min_hint = QSize(0, 0)

    def sizeHint(self) -> QSize:                       # noqa: N802 (Qt override)
        self._hint = self._hint.expandedTo(super().sizeHint())
        return self._hint

    def minimumSizeHint(self) -> QSize:                # noqa: N802 (Qt override)
        self._min_hint = self._min_hint.expandedTo(super().minimumSizeHint())
        return self._min_hint

    def settle(self) -> None:
        self._hint = QSize(0, 0)
        self._min_hint = QSize(0, 0)
        self.updateGeometry()
