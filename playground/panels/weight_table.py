"""A spreadsheet view of one weight layer: W (one row per neuron, one column per input) and b.

Cells are edited with a ``NumberEdit``; the model parses what was typed and pushes a
``SetParameter`` command, so every cell edit is one undo step. Disabled links show "off"
greyed out and cannot be edited.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ..commands import SetParameter
from ..formatting import format_number
from ..widgets import NumberEdit, arg, blocked_signals, parse_reason, symbol_text

_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole


class WeightTableModel(QAbstractTableModel):
    """Rows: neurons i of neuron layer l; columns: W[l][i, j] for each input j, then b[l][i]."""

    refused = Signal(str)       # a translated reason; also sent to doc.error

    def __init__(self, doc, layer: int = 1, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._layer = max(1, min(int(layer), doc.network.depth))
        doc.changed.connect(self._on_changed)

    # ------------------------------------------------------------ layer
    def layer(self) -> int:
        return self._layer

    def set_layer(self, l: int) -> None:
        l = max(1, min(int(l), self.doc.network.depth))
        self.beginResetModel()
        self._layer = l
        self.endResetModel()

    def _lay(self):
        return self.doc.network.layer(self._layer)

    def ref(self, index: QModelIndex) -> tuple:
        """("W", l, i, j) or ("b", l, i) for a cell."""
        r, c = index.row(), index.column()
        return ("b", self._layer, r) if c == self._lay().n_in else ("W", self._layer, r, c)

    def _symbol(self, ref: tuple) -> str:
        return symbol_text(ref[0], *ref[1:])

    # ------------------------------------------------------------ reading
    def rowCount(self, parent=QModelIndex()) -> int:         # noqa: N802
        return 0 if parent.isValid() else self._lay().n_out

    def columnCount(self, parent=QModelIndex()) -> int:      # noqa: N802
        return 0 if parent.isValid() else self._lay().n_in + 1

    def _enabled(self, index) -> bool:
        lay, c = self._lay(), index.column()
        return c == lay.n_in or bool(lay.mask[index.row(), c])

    def _value(self, index) -> float:
        lay, r, c = self._lay(), index.row(), index.column()
        return float(lay.biases[r] if c == lay.n_in else lay.weights[r, c])

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        on, v = self._enabled(index), self._value(index)
        if role == _DISPLAY:
            return format_number(v) if on else self.tr("off")
        if role == _EDIT:
            return v
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self._symbol(self.ref(index))
            if not on:
                return arg(self.tr("%1: link disabled (weight held at 0)"), name)
            return arg(self.tr("%1 = %2"), name, format_number(v, 12))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignRight if on else Qt.AlignHCenter) | Qt.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not on:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.FontRole and not on:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section, orientation, role=_DISPLAY):   # noqa: N802
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        l, lay = self._layer, self._lay()
        tip = role == Qt.ItemDataRole.ToolTipRole
        if orientation == Qt.Vertical:
            return (arg(self.tr("Neuron %1 of layer %2"), section + 1, l) if tip
                    else arg(self.tr("Neuron %1"), section + 1))
        if section == lay.n_in:
            return self.tr("Bias b") if tip else self.tr("bias")
        src = symbol_text("x", None, section) if l == 1 else symbol_text("a", l - 1, section)
        return (arg(self.tr("Weights from neuron %1 of layer %2"), section + 1, l - 1) if tip
                else arg(self.tr("from %1"), src))

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self._enabled(index):
            return Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------ writing (commands only)
    def setData(self, index, value, role=_EDIT) -> bool:     # noqa: N802
        if role != _EDIT or not index.isValid() or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        ref = self.ref(index)
        if isinstance(value, str):
            v, reason = parse_reason(value)
        else:
            try:
                v, reason = float(value), ""
            except (TypeError, ValueError):
                v, reason = None, self.tr("not a number")
            if v is not None and not math.isfinite(v):
                reason = self.tr("not a finite number")
        if reason:
            message = arg(self.tr("%1: %2"), self._symbol(ref), reason)
            self.refused.emit(message)
            self.doc.error.emit(message)
            return False
        if v == self._value(index):
            return True
        self.doc.undo_stack.push(SetParameter(self.doc, ref, v, initiator=self))
        self.dataChanged.emit(index, index)
        return True

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        if change.structure or change.document:
            self.set_layer(self._layer)
        elif change.initiator is self:
            return
        elif change.params:
            refs = [r for r in change.refs if r[1] == self._layer]
            if change.refs and not refs:
                return
            if not refs:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self.rowCount() - 1, self.columnCount() - 1))
            for r in refs:
                idx = self.index(r[2], r[3] if r[0] == "W" else self._lay().n_in)
                self.dataChanged.emit(idx, idx)


class NumberDelegate(QStyledItemDelegate):
    """Edits a cell with a ``NumberEdit``; Enter on refused text keeps the editor open, red."""

    refused = Signal(str)

    def createEditor(self, parent, option, index):            # noqa: N802
        edit = NumberEdit(0.0, parent)
        edit.commit_on_focus_out = False       # the delegate commits; the model validates
        model = index.model()
        if hasattr(model, "ref"):
            edit.setAccessibleName(symbol_text(*model.ref(index)))
        edit.invalid.connect(self.refused)
        return edit

    def setEditorData(self, editor, index):                   # noqa: N802
        if not editor.is_edited():
            editor.set_value(float(index.data(_EDIT)))
            # the key that started the editing replaces the value, as in every spreadsheet
            # ("7" typed over 0.5 is 7, not 70.5 or 0.57)
            editor.selectAll()

    def setModelData(self, editor, model, index):             # noqa: N802
        # typed but not yet taken (focus left): the model parses the text; taken on Enter by
        # the NumberEdit itself: its value (equal to the cell's when nothing was typed)
        if editor.is_edited() or editor.is_invalid():
            model.setData(index, editor.text(), _EDIT)
        else:
            model.setData(index, editor.value(), _EDIT)

    def eventFilter(self, editor, event):                     # noqa: N802
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and isinstance(editor, NumberEdit) and editor.check_text()):
            return True
        return super().eventFilter(editor, event)


class WeightTablePanel(QWidget):
    """A layer chooser above the table of that layer's weights and biases."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.model = WeightTableModel(doc, 1, self)
        self.chooser = QComboBox(self)
        self.chooser.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.chooser.setToolTip(self.tr("Which layer's weights the table shows: one row per neuron of "
                                        "the layer, one column per input from the layer before, then "
                                        "the bias"))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setToolTip(self.tr("Double-click a cell (or type) to edit a weight or bias; Enter "
                                     "applies it as one undo step"))
        corner = self.view.findChild(QAbstractButton)
        if corner is not None:                     # the table's top-left corner button
            corner.setToolTip(self.tr("Select every cell of the table"))
        self.delegate = NumberDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(70)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        top = QHBoxLayout()
        label = QLabel(self.tr("Weight layer:"), self)
        label.setBuddy(self.chooser)
        top.addWidget(label)
        top.addWidget(self.chooser)
        top.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addWidget(self.message)
        self.chooser.currentIndexChanged.connect(self._choose)
        self.model.refused.connect(self._show_message)
        self.delegate.refused.connect(self._show_message)
        self.delegate.refused.connect(doc.error)
        self.model.dataChanged.connect(lambda *_: self.message.hide())
        self.model.modelReset.connect(self.message.hide)
        doc.changed.connect(self._on_changed)
        self._fill_chooser()

    def _fill_chooser(self) -> None:
        net = self.doc.network
        with blocked_signals(self.chooser):
            self.chooser.clear()
            for l in range(1, net.depth + 1):
                lay = net.layer(l)
                self.chooser.addItem(arg(self.tr("Layer %1 (%2 × %3)"), l, lay.n_out, lay.n_in), l)
            self.chooser.setCurrentIndex(self.model.layer() - 1)

    def _choose(self, k: int) -> None:
        if k >= 0:
            self.model.set_layer(self.chooser.itemData(k))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _on_changed(self, change) -> None:
        if change.structure or change.document:
            self._fill_chooser()
