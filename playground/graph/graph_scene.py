"""The scalar graph as a QGraphicsScene: one box per node, one arrow per use of a value.

Items only paint; ``GraphScene.refresh(stepper)`` restyles them from the graph's numbers.
A box shows the gate symbol (or variable name, or constant), the gate's name in small grey,
its forward value above in blue once the forward pass reached it, and its gradient below in
red once a gradient arrived (pale and italic while more uses still have to send theirs).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsPolygonItem,
                               QGraphicsScene, QGraphicsSimpleTextItem)

from ..formatting import format_number
from ..math_text import BACKWARD_COLOR, FORWARD_COLOR
from ..widgets import arg
from .layout import layout_graph
from .naming import op_symbol

PARTIAL_COLOR = "#e57373"
PORT_GAP = 8.0          # vertical distance between the input arrows of a many-input gate
LABEL_GAP = 3.0         # between a box and its value (above) or gradient (below)
ROW_SPACING = 6.0       # between one node's gradient and the next node's value in a column
LABEL_POINTS = 9.5
EDGE_IDLE, EDGE_DONE = QColor("#b0b7bf"), QColor("#546e7a")
FILL = {"input": "#eef6e6", "const": "#f3f3f3", "gate": "#ffffff"}
HIGHLIGHT_FILL = {"forward": "#dcebfb", "backward": "#fde2e2"}


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def _font(point_size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class _Label(QGraphicsSimpleTextItem):
    """A number on a translucent white ground, so arrows passing behind stay out of its way."""

    def paint(self, painter, option, widget=None):
        if self.text():
            painter.fillRect(self.boundingRect(), QColor(255, 255, 255, 215))
        super().paint(painter, option, widget)


class NodeItem(QGraphicsItem):
    """One node: a rounded box, its value above and its gradient below."""

    def __init__(self, node, name: str, is_output: bool):
        super().__init__()
        self.node_id = node.id
        self.kind = "gate" if not node.is_leaf else node.op
        self.symbol = op_symbol(node)
        self.name = name if self.kind == "gate" else ""
        self.is_output = is_output
        self.symbol_font, self.name_font = _font(12, bold=True), _font(8.5)
        w = max(QFontMetricsF(self.symbol_font).horizontalAdvance(self.symbol),
                QFontMetricsF(self.name_font).horizontalAdvance(self.name)) + 20
        h = max(44.0 if self.name else 32.0, PORT_GAP * (len(node.inputs) - 1) + 16.0)
        self.rect = QRectF(-max(w, 54.0) / 2, -h / 2, max(w, 54.0), h)
        self.value_item = _Label(self)
        self.value_item.setFont(_font(LABEL_POINTS, bold=True))
        self.value_item.setBrush(QColor(FORWARD_COLOR))
        self.grad_item = _Label(self)
        self.grad_item.setFont(_font(LABEL_POINTS, bold=True))
        self.highlight: str | None = None
        self.computed = False
        self.setZValue(2)

    # ------------------------------------------------------------ accessors
    def value_text(self) -> str:
        return self.value_item.text()

    def grad_text(self) -> str:
        return self.grad_item.text()

    def in_port(self, slot: int, n: int) -> QPointF:
        gap = min(12.0, (self.rect.height() - 12) / max(n - 1, 1))
        dy = (slot - (n - 1) / 2.0) * gap if n > 1 else 0.0
        return self.mapToScene(QPointF(self.rect.left(), dy))

    def out_port(self) -> QPointF:
        return self.mapToScene(QPointF(self.rect.right(), 0.0))

    # ------------------------------------------------------------ state
    def set_state(self, value: str, grad: str, partial: bool, highlight: str | None,
                  computed: bool) -> None:
        self.value_item.setText(value)
        self.grad_item.setText(grad)
        font = self.grad_item.font()
        font.setItalic(partial)
        self.grad_item.setFont(font)
        self.grad_item.setBrush(QColor(PARTIAL_COLOR if partial else BACKWARD_COLOR))
        for item, above in ((self.value_item, True), (self.grad_item, False)):
            r = item.boundingRect()
            y = self.rect.top() - r.height() - LABEL_GAP if above else self.rect.bottom() + LABEL_GAP
            item.setPos(-r.width() / 2, y)
        tip = [self.name or self.symbol]
        if value:
            tip.append(arg(tr("value: %1"), value))
        if grad:
            tip.append(arg(tr("gradient so far: %1 (more uses still to come)") if partial
                           else tr("gradient: %1"), grad))
        self.setToolTip("\n".join(tip))
        if (highlight, computed) != (self.highlight, self.computed):
            self.highlight, self.computed = highlight, computed
            self.update()

    # ------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:            # noqa: N802
        return self.rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter, option, widget=None):
        color = {"forward": FORWARD_COLOR, "backward": BACKWARD_COLOR}.get(self.highlight)
        pen = QPen(QColor(color) if color else QColor("#37474f" if self.computed else "#9aa4ad"))
        pen.setWidthF(3.0 if color else (2.0 if self.is_output else 1.3))
        if not self.computed and not color:
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(HIGHLIGHT_FILL.get(self.highlight) or FILL[self.kind])))
        radius = self.rect.height() / 2 if self.kind == "gate" else 6.0
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setPen(QColor("#212121" if self.computed or color else "#616161"))
        painter.setFont(self.symbol_font)
        top = self.rect.adjusted(0, 3 if self.name else 0, 0, -15 if self.name else 0)
        painter.drawText(top, Qt.AlignCenter, self.symbol)
        if self.name:
            painter.setPen(QColor("#616161"))
            painter.setFont(self.name_font)
            painter.drawText(self.rect.adjusted(0, 0, 0, -4), Qt.AlignHCenter | Qt.AlignBottom,
                             self.name)


class EdgeItem(QGraphicsPathItem):
    """An arrow from a value to one input slot of a gate (a cubic curve)."""

    def __init__(self, source: NodeItem, target: NodeItem, slot: int, n_slots: int):
        super().__init__()
        self.source, self.target, self.slot = source, target, slot
        a, b = source.out_port(), target.in_port(slot, n_slots)
        dx = max(40.0, (b.x() - a.x()) * 0.5)
        path = QPainterPath(a)
        end = QPointF(b.x() - 7, b.y())
        path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(end.x() - dx, b.y()), end)
        self.setPath(path)
        self.arrow = QGraphicsPolygonItem(
            QPolygonF([b, QPointF(b.x() - 9, b.y() - 4.5), QPointF(b.x() - 9, b.y() + 4.5)]), self)
        self.setZValue(1)
        self.set_state("idle")

    def set_state(self, state: str) -> None:
        """idle (not computed), done (value passed), gradient (gradient sent back), active."""
        color = {"idle": EDGE_IDLE, "done": EDGE_DONE, "gradient": QColor(BACKWARD_COLOR),
                 "forward_active": QColor(FORWARD_COLOR),
                 "backward_active": QColor(BACKWARD_COLOR)}[state]
        pen = QPen(color, 2.6 if state.endswith("active") else 1.4)
        if state == "gradient":
            color.setAlpha(140)
            pen.setColor(color)
        self.setPen(pen)
        self.arrow.setPen(QPen(color, 1))
        self.arrow.setBrush(QBrush(color))


class GraphScene(QGraphicsScene):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items_by_id: dict[int, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self.graph = None

    def set_graph(self, graph, names: dict[int, str], inputs_near: bool = False) -> None:
        self.clear()
        self.graph = graph
        self.items_by_id, self.edges = {}, []
        for node in graph.nodes:
            item = NodeItem(node, names[node.id], node.id == graph.output)
            self.addItem(item)
            self.items_by_id[node.id] = item
        label = QFontMetricsF(_font(LABEL_POINTS, bold=True)).height() + 1.0
        space = 2 * (label + LABEL_GAP) + ROW_SPACING    # value above, gradient below
        extent = {k: item.rect.height() + space for k, item in self.items_by_id.items()}
        layout = layout_graph(graph, inputs_near, extent)
        for k, item in self.items_by_id.items():
            item.setPos(*layout.position[k])
        for node in graph.nodes:
            for slot, i in enumerate(node.inputs):
                edge = EdgeItem(self.items_by_id[i], self.items_by_id[node.id], slot,
                                len(node.inputs))
                self.addItem(edge)
                self.edges.append(edge)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-40, -40, 40, 40))

    def refresh(self, stepper, digits: int = 6) -> None:
        graph = self.graph
        current = stepper.current
        stepped = stepper.stepped_backward()
        for node in graph.nodes:
            partial = node.grad is not None and any(
                c not in stepped for c in graph.consumers(node.id))
            highlight = current[0] if current and current[1] == node.id else None
            self.items_by_id[node.id].set_state(
                "" if node.value is None else format_number(node.value, digits),
                "" if node.grad is None else format_number(node.grad, digits),
                partial, highlight, node.value is not None)
        for edge in self.edges:
            t = edge.target.node_id
            if current and current[1] == t:
                state = current[0] + "_active"
            elif t in stepped:
                state = "gradient"
            elif graph.nodes[t].value is not None:
                state = "done"
            else:
                state = "idle"
            edge.set_state(state)
