"""NetworkScene: the network drawn as neurons in layer columns joined by weighted links.

The scene mirrors the Document. It builds one item per neuron, and one per weight layer that
paints all its links, when the structure changes; a column of more than COLLAPSE_ABOVE neurons
draws its first and last few and a "… N more" marker (dotted lines summarise the links not
drawn), so any network the loader accepts opens at once — the others stay reachable through
the marker and the inspector. It restyles links when parameters change (only the ones a
``Change`` names, and only pens that really change), and recomputes every displayed value from
``doc.cursor`` on each change, so a label never shows a stale number. It never writes to
the engine: its header buttons and inline editor push undoable commands. Mouse and keyboard
gestures (select, edit, context menu) are the view's.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene

from .. import structure_edits as edits
from ..formatting import format_number
from ..widgets import activation_label, symbol_text
from .hit_test import nearest_link, segment_distance
from .inline_editing import InlineEditing
from .input_image import IMAGE_SIZE, InputImageItem, image_side
from .items import (ButtonItem, InlineEditor, LabelItem, LayerHeaderItem, MoreItem,
                    NeuronItem)
from .links import LinkItem, LinkLayerItem, link_style
from .palette import (HIGHLIGHT, HOVER, LABEL_LINE_HEIGHT, LABEL_PIXEL_SIZE,
                      MIN_TEXT_PIXELS, NEURON_RADIUS, Z_HALO, Z_HIGHLIGHT, Z_LINK,
                      Z_LINK_LABEL, Z_SELECTED_LINK, label_fonts)

DEFAULT_DIGITS = 6          # significant digits on the canvas: every digit the seeds print
BIG_NET_LINKS = 200         # from this many links, link labels show only on hover/selection
COLLAPSE_ABOVE = 40         # a column with more neurons draws only the first and last few
SHOW_FIRST, SHOW_LAST = 6, 2
ZOOM_GESTURE_MS = 180       # a zoom gesture ends this long after its last step
CONTROL_SCALE = 0.9         # headers and buttons keep ≥ 0.9 × their size on screen (if room)
MAX_CONTROL_K = 5.0         # … growing at most 5× in scene units (they stay above the neurons)
NEURON_PITCH = 140.0        # vertical distance between neuron centres
COLUMN_SPACING, COLUMN_SPACING_BIG = 300.0, 230.0
COLUMN_SPACING_SMALL_NET = 420.0   # room for every two-line link label of a textbook-size net
HEADER_GAP = 70.0           # from the top neuron's centre up to the header title
LABEL_FRACTIONS = sorted((k / 30 for k in range(3, 22)), key=lambda t: abs(t - 1 / 3))  # spots
STAGE_TINT_HALF = 0.42     # the current column's tint, in column spacings either side
STAGE_TINTS = {"forward": QColor(21, 101, 192, 28), "backward": QColor(198, 40, 40, 26),
               "loss": QColor(255, 160, 0, 34)}
FEATURE_NAMES = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂",
                 "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}


class NetworkScene(QGraphicsScene):
    """The canvas. Signals: ``graph_requested(ref)`` ("Show as computational graph" on a
    neuron) and ``layout_changed()`` (items were rebuilt; views refit)."""

    graph_requested = Signal(object)
    layout_changed = Signal()
    neuron_hovered = Signal(object)     # ("neuron", layer, i) while the mouse is over it, then None

    def __init__(self, doc, selection, parent=None):
        super().__init__(parent)
        self.doc, self.selection = doc, selection
        self.setItemIndexMethod(QGraphicsScene.NoIndex)   # pens change often; few hit tests
        self.setBackgroundBrush(QColor("#fbfbfd"))
        self._weights = self._forward = self._backward = True
        self._step_values = True        # the sample and its step (off in the training layout)
        self._digits = DEFAULT_DIGITS
        self._root: QGraphicsRectItem | None = None
        self._neurons: dict[tuple[int, int], NeuronItem] = {}
        self._links: dict[tuple[int, int, int], LinkItem] = {}
        self._link_layers: dict[int, LinkLayerItem] = {}
        self._shown: list[list[int]] = []         # per neuron layer: the neurons drawn
        self._slot: dict[tuple[int, int], int] = {}
        self._slots: list[int] = []               # per neuron layer: rows taken (with marker)
        self._more: dict[int, MoreItem] = {}
        self._input_image: InputImageItem | None = None   # a digits document's input column
        self._view_scale = 1.0
        self.rebuilt_for_document = True          # views fit a new document, keep zoom on edits
        self._headers: dict[int, LayerHeaderItem] = {}
        self._insert_buttons: dict[int, ButtonItem] = {}
        self._edit_lock = (False, False)          # (locked, hidden): see set_editing_locked
        self._columns: list[float] = []
        self._built_for: tuple | None = None
        self._many = False
        self._neuron_labels_shown = (True, QGraphicsItem.DeviceCoordinateCache, ())
        self._hovered: LinkItem | None = None
        self._selected = None                     # NeuronItem | LinkItem | None
        self._labelled: set[LinkItem] = set()     # links whose label is currently shown
        self._cursor, self._updated = None, False  # as of the last refresh
        self._editing = InlineEditing(self)
        self._gesture_end = QTimer(self, singleShot=True, interval=ZOOM_GESTURE_MS)
        self._gesture_end.timeout.connect(self.end_zoom_gesture)
        doc.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selection)
        self.rebuild()

    # ================================================================ public API
    def set_display(self, weights: bool = True, forward: bool = True, backward: bool = True) -> None:
        """Which values the canvas shows: weights and biases, z and a, δ and ∂L/∂w."""
        self._weights, self._forward, self._backward = bool(weights), bool(forward), bool(backward)
        self._refresh_values()

    def set_step_values(self, on: bool) -> None:
        """Show the step-by-step sample (x, y, z, a, δ, ∂L/∂w, L) or, in the training layout
        where the data set is trained on instead, only the parameters (w, b)."""
        self._step_values = bool(on)
        self._refresh_values()

    def shows_step_values(self) -> bool:
        return self._step_values

    def set_digits(self, digits: int) -> None:
        """Significant digits of the numbers drawn on the canvas (default 6)."""
        self._digits = max(1, int(digits))
        self._place_link_labels()          # wider numbers may no longer fit apart
        self._refresh_values()

    def neuron_item(self, layer: int, i: int) -> NeuronItem:
        """The item of neuron i of neuron layer ``layer`` (0 = inputs … L = outputs)."""
        return self._neurons[(layer, i)]

    def link_item(self, l: int, i: int, j: int) -> LinkItem:
        """The item of weight W[l][i, j] (weight layer l = 1 … L)."""
        return self._links[(l, i, j)]

    def header_item(self, layer: int) -> LayerHeaderItem:
        """A column's header; ``.buttons`` holds add_neuron, remove_neuron (and remove_layer)."""
        return self._headers[layer]

    def set_editing_locked(self, locked: bool, hidden: bool = False) -> None:
        """A lesson or classroom file locks (or hides) editing on the canvas: the header and
        insert buttons are disabled (or hidden) and no value opens in the inline editor."""
        self._edit_lock = (bool(locked or hidden), bool(hidden))
        if self._edit_lock[0]:
            self.cancel_edit()
        self._apply_edit_lock()

    def editing_locked(self) -> bool:
        return self._edit_lock[0]

    def _apply_edit_lock(self) -> None:
        locked, hidden = self._edit_lock
        buttons = [b for h in self._headers.values() for b in h.childItems()
                   if isinstance(b, ButtonItem)] + list(self._insert_buttons.values())
        for b in buttons:
            if not hasattr(b, "enabled_unlocked"):
                b.enabled_unlocked = b.isEnabled()
            b.setEnabled(b.enabled_unlocked and not locked)
            b.setVisible(not hidden)

    def insert_layer_button(self, index: int) -> ButtonItem:
        """The "+" between columns index − 1 and index: inserts hidden layer ``index``."""
        return self._insert_buttons[index]

    def highlighted_layer(self) -> int | None:
        """The neuron layer whose column is tinted for the current stage (None: none)."""
        return self._stage_layer(self.doc.cursor)

    def network_rect(self) -> QRectF:
        """The area the network occupies (what a view's ``fit_to_view`` shows)."""
        return self.sceneRect()

    def is_big(self) -> bool:
        """True from BIG_NET_LINKS drawn links: link labels on hover only, neurons cached when
        zoomed out (see ``set_view_scale``)."""
        return self._many

    def link_count(self) -> int:
        """How many links are drawn one by one (all of them unless a column is collapsed)."""
        return len(self._links)

    def shown_neurons(self, layer: int) -> list[int]:
        """The neurons of a layer drawn one by one (all, unless it has > COLLAPSE_ABOVE)."""
        return list(self._shown[layer])

    def more_item(self, layer: int) -> MoreItem | None:
        """The "… N more" marker of a collapsed column (None if every neuron is drawn)."""
        return self._more.get(layer)

    def input_image_item(self) -> InputImageItem | None:
        """The picture that stands for the input column of a digit network (None: circles)."""
        return self._input_image

    def link_layer_item(self, l: int) -> LinkLayerItem:
        """The item that paints every drawn link of weight layer l."""
        return self._link_layers[l]

    def shows_all_link_labels(self) -> bool:
        """True if every link's label is on screen. Big networks (≥ 200 links) and weight
        layers too dense for their labels to fit apart show them on hover or selection only."""
        return all(link.label_pos is not None for link in self._links.values())

    # ================================================================ building
    def rebuild(self) -> None:
        """Recreate every item from the Document (after a structure change)."""
        self.cancel_edit()
        if self._root is not None:
            self.removeItem(self._root)          # deletes every item below it
        self._neurons, self._links, self._headers, self._insert_buttons = {}, {}, {}, {}
        self._link_layers, self._more = {}, {}
        self._hovered, self._selected, self._labelled = None, None, set()
        self._input_image = None
        net = self.doc.network
        sizes = net.sizes
        self._built_for = self._shape_key()
        side = self._built_for[-1]
        self._plan_columns(sizes)
        drawn = [len(a) * len(b) for a, b in zip(self._shown, self._shown[1:])]
        self._many = sum(drawn) >= BIG_NET_LINKS
        self._neuron_labels_shown = (True, QGraphicsItem.DeviceCoordinateCache, ())
        # a network that learns a data set sits between the data and the plots (TF Playground's
        # compact columns; its weights show on hover); a textbook net gets room for every label
        compact = self._many or bool(self.doc.project.features)
        spacing = (COLUMN_SPACING_BIG if compact else
                   COLUMN_SPACING_SMALL_NET if max(sizes) <= 4 else COLUMN_SPACING)
        # the input picture is wider than a neuron: the other columns move right to make room
        shift = IMAGE_SIZE / 2 - NEURON_RADIUS if side else 0.0
        self._columns = [c * spacing + (shift if c else 0.0) for c in range(len(sizes))]
        self._root = root = QGraphicsRectItem()
        root.setFlag(QGraphicsItem.ItemHasNoContents, True)
        self.addItem(root)
        self._stage_rect = QGraphicsRectItem(root)
        self._stage_rect.setPen(Qt.NoPen)
        self._stage_rect.setZValue(Z_HIGHLIGHT)
        self._halo = QGraphicsLineItem(root)
        self._halo.setZValue(Z_HALO)
        self._halo.hide()
        self._selected_line = QGraphicsLineItem(root)    # the selected link, over its halo
        self._selected_line.setZValue(Z_SELECTED_LINK)
        self._selected_line.hide()
        self._hover_halo = QGraphicsLineItem(root)
        self._hover_halo.setZValue(Z_HALO)
        self._hover_halo.hide()
        captions = self._input_captions()
        for layer, n in enumerate(sizes):
            kind = "input" if layer == 0 else "output" if layer == len(sizes) - 1 else "hidden"
            for i in self._shown[layer]:
                caption = captions[i] if layer == 0 else symbol_text("a", layer, i)
                item = self._neurons[(layer, i)] = NeuronItem(("neuron", layer, i), kind, caption)
                item.setParentItem(root)
                item.setPos(self._neuron_pos(layer, i))
                item.on_hover = self._on_neuron_hover
            if layer == 0 and side:
                self._input_image = InputImageItem(side, lambda j: captions[j], root)
                self._input_image.setPos(self._columns[0], 0.0)
            elif len(self._shown[layer]) < n:
                self._add_more_item(layer, n, captions)
        r = NEURON_RADIUS
        for l in range(1, len(sizes)):
            links = []
            for i in self._shown[l]:
                p2 = self._neuron_pos(l, i)
                for j in self._shown[l - 1]:
                    p1 = self._neuron_pos(l - 1, j)
                    link = LinkItem(("link", l, i, j), p1.x() + r, p1.y(), p2.x() - r, p2.y())
                    link.on_hover = self._on_link_hover
                    self._links[(l, i, j)] = link
                    links.append(link)
            self._link_layers[l] = LinkLayerItem(links, self._summary_lines(l), root)
        self._build_headers(sizes, net.activations, spacing)
        self._apply_edit_lock()
        self._loss_label = LabelItem(root, anchor_center=True)
        self._loss_label.setPos(self._columns[-1] + r + 62, 0)
        self._loss_label.setZValue(Z_LINK_LABEL)
        top = self._header_y() - 24
        bottom = (max(self._slots) - 1) / 2 * NEURON_PITCH + r + 6 * LABEL_LINE_HEIGHT + 14
        self._stage_span = (top, bottom)
        left = -IMAGE_SIZE / 2 - 30 if side else -80
        self.setSceneRect(QRectF(left, top - 10, self._columns[-1] - left + 150, bottom - top + 20))
        self.selection.validate(sizes)
        self._place_link_labels()
        self._restyle_links()
        self._refresh_values()
        self._on_selection(self.selection.ref)
        self.set_view_scale(self._view_scale)
        self.layout_changed.emit()

    def _shape_key(self) -> tuple:
        """What the items are built from: a change here means a rebuild."""
        net = self.doc.network
        return (tuple(net.sizes), tuple(net.activations), self.doc.project.features,
                image_side(self.doc.project))

    def _plan_columns(self, sizes: list[int]) -> None:
        """Which neurons each column draws, and in which row (a collapsed column puts its
        "… more" marker in the row after the first SHOW_FIRST; a digit network's input column
        is one picture, IMAGE_SIZE high, and draws no circle)."""
        self._shown, self._slot, self._slots = [], {}, []
        side = image_side(self.doc.project)
        for layer, n in enumerate(sizes):
            if layer == 0 and side:
                self._shown.append([])
                self._slots.append(int(math.ceil(IMAGE_SIZE / NEURON_PITCH)) + 1)
                continue
            if n > COLLAPSE_ABOVE:
                shown = list(range(SHOW_FIRST)) + list(range(n - SHOW_LAST, n))
                rows = list(range(SHOW_FIRST)) + [SHOW_FIRST + 1 + k for k in range(SHOW_LAST)]
            else:
                shown = rows = list(range(n))
            self._shown.append(shown)
            self._slot.update({(layer, i): row for i, row in zip(shown, rows)})
            self._slots.append(rows[-1] + 1)

    def _row_pos(self, layer: int, row: float) -> QPointF:
        return QPointF(self._columns[layer], (row - (self._slots[layer] - 1) / 2) * NEURON_PITCH)

    def _neuron_pos(self, layer: int, i: int) -> QPointF:
        return self._row_pos(layer, self._slot[(layer, i)])

    def _add_more_item(self, layer: int, n: int, captions: list[str]) -> None:
        hidden = list(range(SHOW_FIRST, n - SHOW_LAST))
        name = (lambda i: captions[i]) if layer == 0 else (lambda i: symbol_text("a", layer, i))
        text = self.tr("… %1 more").replace("%1", f"{len(hidden):,}")
        tip = self.tr("%1 neurons (%2 … %3) are not drawn one by one; the dotted lines stand "
                      "for their links. Click to show one of them in the inspector.").replace(
            "%1", f"{len(hidden):,}").replace("%2", name(hidden[0])).replace("%3", name(hidden[-1]))
        item = self._more[layer] = MoreItem(layer, hidden, text, tip, self._root)
        item.setPos(self._row_pos(layer, SHOW_FIRST))

    def _summary_lines(self, l: int) -> list[QLineF]:
        """Dotted lines from a "… more" marker to the other column's drawn neurons (and to
        its marker): they stand for the links of the neurons not drawn."""
        r, lines = NEURON_RADIUS, []
        left, right = self._more.get(l - 1), self._more.get(l)
        half = MoreItem.WIDTH / 2
        if l == 1 and self._input_image is not None:     # every pixel feeds every neuron
            x0 = self._columns[0] + IMAGE_SIZE / 2
            ends = [(self._neuron_pos(1, i), r) for i in self._shown[1]]
            ends += [(right.pos(), half)] if right is not None else []
            for k in range(5):
                y0 = (k / 4 - 0.5) * IMAGE_SIZE * 0.9
                lines += [QLineF(x0, y0, p2.x() - w, p2.y()) for p2, w in ends]
            return lines
        if left is not None:
            p1 = left.pos()
            for i in self._shown[l]:
                p2 = self._neuron_pos(l, i)
                lines.append(QLineF(p1.x() + half, p1.y(), p2.x() - r, p2.y()))
        if right is not None:
            p2 = right.pos()
            for j in self._shown[l - 1]:
                p1 = self._neuron_pos(l - 1, j)
                lines.append(QLineF(p1.x() + r, p1.y(), p2.x() - half, p2.y()))
            if left is not None:
                lines.append(QLineF(left.pos().x() + half, left.pos().y(), p2.x() - half, p2.y()))
        return lines

    def _header_y(self) -> float:
        return -(max(self._slots) - 1) / 2 * NEURON_PITCH - NEURON_RADIUS - HEADER_GAP

    def _input_captions(self) -> list[str]:
        features, n = self.doc.project.features, self.doc.network.input_size
        if features is not None and len(features) == n:
            return [FEATURE_NAMES.get(f, f) for f in features]
        return [symbol_text("x", None, j) for j in range(n)]

    def _build_headers(self, sizes: list[int], activations: list[str], spacing: float) -> None:
        y, last, doc = self._header_y(), len(sizes) - 1, self.doc
        side = image_side(self.doc.project)
        for layer, n in enumerate(sizes):
            if layer == 0 and side:
                title = self.tr("Input: %1×%1 image (%2 pixels)").replace("%1", str(side)).replace(
                    "%2", f"{n:,}")
            elif layer == 0:
                title = self.tr("Input")
            elif layer == last:
                title = self.tr("Output (%1)").replace("%1", activation_label(activations[-1]))
            else:
                title = self.tr("Layer %1 (%2)").replace("%1", str(layer)).replace(
                    "%2", activation_label(activations[layer - 1]))
            header = self._headers[layer] = LayerHeaderItem(layer, title)
            header.setParentItem(self._root)
            header.setPos(self._columns[layer], y)
            hidden = 0 < layer < last
            xs = (-22.0, 0.0, 22.0) if hidden else (-11.0, 11.0)
            header.add_button(ButtonItem(
                "remove_neuron", "−", self.tr("Remove the last neuron of this layer"),
                lambda l=layer, k=n: edits.remove_neuron(doc, l, k - 1), enabled=n > 1), xs[0], 24)
            header.add_button(ButtonItem("add_neuron", "+", self.tr("Add a neuron to this layer"),
                                         lambda l=layer: edits.add_neuron(doc, l)), xs[1], 24)
            if hidden:
                header.add_button(ButtonItem("remove_layer", "×", self.tr("Remove this hidden layer"),
                                             lambda l=layer: edits.remove_layer(doc, l)), xs[2], 24)
            if layer > 0:
                button = self._insert_buttons[layer] = ButtonItem(
                    "insert_layer", "+", self.tr("Insert a hidden layer here"),
                    lambda l=layer: edits.add_layer(doc, l), self._root, round=True)
                button.setPos(self._columns[layer] - spacing / 2, y + 24)

    def _place_link_labels(self) -> None:
        """Find each link a label spot (a third of the way along, or nearby along the link)
        that overlaps no other label and no neuron. A weight layer where some label finds no
        spot shows its labels only on hover or selection, as do all links of a big network."""
        for link in self._links.values():
            link.label_pos = None
        if self._many:
            return
        advance, pad = label_fonts()[2].horizontalAdvance, 2 * LabelItem.PAD
        number = "−0." + "0" * self._digits
        w, h = advance("∂L/∂w = " + number) + pad, 2 * LABEL_LINE_HEIGHT + pad + 2
        sizes, r = self.doc.network.sizes, NEURON_RADIUS
        blocked = {layer: [] for layer in range(len(sizes))}     # neurons and their labels
        for (layer, _i), item in self._neurons.items():
            p = item.pos()
            lines = 1 if layer == 0 else 5 if layer == len(sizes) - 1 else 4
            bw = advance((item.caption if layer == 0 else "z") + " = " + number) + pad
            blocked[layer] += [QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), QRectF(
                p.x() - bw / 2, p.y() + r, bw, lines * LABEL_LINE_HEIGHT + 8)]
        for l in range(1, len(sizes)):
            taken, spots = blocked[l - 1] + blocked[l], {}
            for key in (link.ref[1:] for link in self._link_layers[l].links):
                line = self._links[key].line()
                for t in LABEL_FRACTIONS:
                    p = line.pointAt(t)
                    rect = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
                    if not any(rect.intersects(o) for o in taken):
                        spots[key] = p
                        taken.append(rect)
                        break
                else:
                    break                      # this layer is too dense: hover labels only
            if len(spots) == len(self._link_layers[l].links):
                for key, p in spots.items():
                    self._links[key].label_pos = p

    # ================================================================ restyling
    def _on_changed(self, change) -> None:
        if change.frame_only:
            return                      # the network changes with the ≤ 12 Hz syncs only
        if change.document or self._shape_key() != self._built_for:
            self.rebuilt_for_document = bool(change.document)
            self.rebuild()
            self.rebuilt_for_document = False
            return
        if change.training:
            # the training controller already limits these to ≤ 12 a second; restyling now
            # lets the neuron thumbnails of the same frame share the one repaint
            self._refresh_all()
            return
        if change.structure or (change.params and not change.refs):
            self._restyle_links()            # e.g. a link was enabled/disabled: no rebuild
        elif change.params:
            self._restyle_links([r[1:] for r in change.refs if r[0] == "W"])
        self._refresh_values()

    def _refresh_all(self) -> None:
        self._restyle_links()
        self._refresh_values()

    def _restyle_links(self, keys=None) -> int:
        """Give links the pen their weight asks for (only the (l, i, j) ``keys`` if given).
        Returns how many pens changed."""
        layers, changed, links = self.doc.network.layers, 0, self._links
        restyled = set()
        if keys is not None:
            for l, i, j in keys:
                link = links.get((l, i, j))
                if link is None:
                    continue                     # in a collapsed column: not drawn
                layer = layers[l - 1]
                if link.set_style(link_style(float(layer.weights[i, j]), bool(layer.mask[i, j]))):
                    changed += 1
                    restyled.add(l)
        else:
            for l, layer in enumerate(layers, start=1):      # link_style, vectorised
                rows, cols = self._shown[l], self._shown[l - 1]
                w, mask = layer.weights, layer.mask
                if len(rows) < w.shape[0] or len(cols) < w.shape[1]:
                    w, mask = w[np.ix_(rows, cols)], mask[np.ix_(rows, cols)]
                width = np.round((1.0 + 9.0 * np.minimum(np.abs(w), 5.0) / 5.0) * 4) / 4
                kind = np.where(w > 0, "positive", np.where(w < 0, "negative", "zero"))
                kind, width = np.where(mask, kind, "disabled"), np.where(mask, width, 1.0)
                before = changed
                for i, k_row, w_row in zip(rows, kind.tolist(), width.tolist()):
                    for j, style in zip(cols, zip(k_row, w_row)):
                        changed += links[(l, i, j)].set_style(style)
                if changed > before:
                    restyled.add(l)
        for l in restyled:
            self._link_layers[l].restyled()
        if isinstance(self._selected, LinkItem):
            self._place_halo(self._selected)
        return changed

    # ================================================================ values
    @property
    def _frozen_mark(self) -> str:
        """Appended to a parameter that is not trained (frozen)."""
        return " " + QCoreApplication.translate("NetworkScene", "(frozen)")

    def _fmt(self, value) -> str:
        return format_number(float(value), self._digits)

    def _refresh_values(self) -> None:
        """Recompute every label from the Document and its step cursor."""
        doc, net = self.doc, self.doc.network
        c = self._cursor = doc.cursor if self._step_values else None
        p, last, f = doc.project, net.depth, self._fmt
        if self._input_image is not None:
            self._input_image.set_values(p.sample_x)
        updated = self._updated = c is not None and (doc.update_applied or c.shows_update())
        for (layer, i), item in self._neurons.items():
            lines = []
            if layer == 0:
                if self._step_values:
                    lines.append((f"{item.caption} = {f(p.sample_x[i])}", "plain", False))
            else:
                if c is not None and self._forward and c.shows_forward(layer):
                    lines.append((f"z = {f(c.forward_trace.z[layer - 1][0, i])}", "forward", False))
                    lines.append((f"a = {f(c.forward_trace.a[layer - 1][0, i])}", "forward", False))
                if layer == last and self._step_values:
                    lines.append((f"y = {f(p.sample_y[i])}", "plain", False))
                if c is not None and self._backward and c.shows_backward(layer):
                    lines.append((f"δ = {f(c.backward_trace.delta[layer - 1][0, i])}",
                                  "backward", False))
                if self._weights:
                    frozen = "" if net.layers[layer - 1].trainable_biases[i] else self._frozen_mark
                    lines.append((f"b = {f(net.layers[layer - 1].biases[i])}{frozen}",
                                  "update" if updated else "param", updated))
            item.set_lines(lines)
        shown = c is not None and self._forward and c.shows_loss()
        self._loss_label.set_lines([(f"L = {f(c.loss)}", "backward", True)] if shown else [])
        links = self._labelled | {x for x in (self._hovered, self._selected) if isinstance(x, LinkItem)}
        links |= {link for link in self._links.values() if link.label_pos is not None}
        for link in links:
            self._update_link_label(link)
        self._refresh_stage(c)

    def _link_lines(self, link: LinkItem) -> list[tuple[str, str, bool]]:
        _, l, i, j = link.ref
        layer, c, updated = self.doc.network.layers[l - 1], self._cursor, self._updated
        if not layer.mask[i, j]:
            return []
        lines = []
        if self._weights:
            frozen = "" if layer.trainable_weights[i, j] else self._frozen_mark
            lines.append((f"w = {self._fmt(layer.weights[i, j])}{frozen}",
                          "update" if updated else "param", updated))
        if self._backward and c is not None and c.shows_backward(l):
            grad = c.backward_trace.dW[l - 1][i, j]
            lines.append((f"∂L/∂w = {self._fmt(grad)}", "backward", False))
        return lines

    def _update_link_label(self, link: LinkItem) -> None:
        front = link is self._hovered or link is self._selected
        lines = self._link_lines(link) if front or link.label_pos is not None else []
        if not lines:
            if link.label is not None:
                link.label.hide()
            self._labelled.discard(link)
            return
        if link.label is None:
            link.label = LabelItem(self._root, anchor_center=True)
            link.label.owner = link
        link.label.setPos(link.label_pos if link.label_pos is not None else link.label_point())
        link.label.set_lines(lines)
        link.label.setZValue(Z_LINK_LABEL + (1 if front else 0))
        link.label.show()
        self._labelled.add(link)

    def _stage_layer(self, c) -> int | None:
        if c is None:
            return None
        if c.stage.kind in ("forward", "backward"):
            return c.stage.layer
        return self.doc.network.depth if c.stage.kind == "loss" else None

    def _refresh_stage(self, c) -> None:
        layer = self._stage_layer(c)
        if layer is None:
            self._stage_rect.hide()
            return
        top, bottom = self._stage_span
        half = (self._columns[1] - self._columns[0]) * STAGE_TINT_HALF
        tint = QRectF(self._columns[layer] - half, top, 2 * half, bottom - top)
        self._stage_rect.setRect(tint.intersected(self.sceneRect()))   # the output's ends at the edge
        self._stage_rect.setBrush(STAGE_TINTS[c.stage.kind])
        self._stage_rect.show()

    # ================================================================ selection and hover
    def _on_selection(self, ref) -> None:
        old, self._selected = self._selected, self._item_for(ref)
        if self._input_image is not None:
            self._input_image.set_selected(ref[2] if ref is not None and ref[0] == "neuron"
                                           and ref[1] == 0 else None)
        for layer, more in self._more.items():      # a selected neuron that is not drawn
            hidden = (ref is not None and ref[0] == "neuron" and ref[1] == layer
                      and (layer, ref[2]) not in self._neurons)
            more.set_detail(self.tr("selected: %1").replace("%1", self._caption(layer, ref[2]))
                            if hidden else "")
        if isinstance(old, NeuronItem):
            old.set_highlighted(False)
        elif isinstance(old, LinkItem):
            old.setZValue(Z_LINK)
            self._halo.hide()
            self._selected_line.hide()
            self._update_link_label(old)
        new = self._selected
        if isinstance(new, NeuronItem):
            new.set_highlighted(True)
        elif isinstance(new, LinkItem):
            new.setZValue(Z_SELECTED_LINK)
            self._place_halo(new)
            self._update_link_label(new)

    def _place_halo(self, link: LinkItem) -> None:
        _show_halo(self._halo, link, HIGHLIGHT, 110, 8)
        self._selected_line.setPen(link.pen())
        self._selected_line.setLine(link.line())
        self._selected_line.show()

    def _caption(self, layer: int, i: int) -> str:
        return self._input_captions()[i] if layer == 0 else symbol_text("a", layer, i)

    def _item_for(self, ref):
        if ref is None:
            return None
        items = self._neurons if ref[0] == "neuron" else self._links
        return items.get(tuple(ref[1:]))

    def _on_neuron_hover(self, item, entered: bool) -> None:
        item.set_hovered(entered)
        self.neuron_hovered.emit(item.ref if entered else None)

    def set_thumbnails(self, images) -> None:
        """``images[(layer, i)]`` = QImage of that neuron's output over the data plane (layers
        0 … L); neurons missing from ``images`` lose their thumbnail."""
        for key, item in self._neurons.items():
            item.set_thumbnail(images.get(key))

    def _on_link_hover(self, link: LinkItem, entered: bool) -> None:
        previous = self._hovered
        if entered:
            self._hovered = link
            if previous is not None and previous is not link:
                self._update_link_label(previous)
        elif previous is link:
            self._hovered = None
        self._update_link_label(link)
        self._show_hover_halo()

    def hovered_link(self) -> LinkItem | None:
        return self._hovered

    def _show_hover_halo(self) -> None:
        """The link under the mouse gets a thin halo of its own (the selected one keeps its)."""
        link = self._hovered
        if link is None or link is self._selected:
            self._hover_halo.hide()
            return
        _show_halo(self._hover_halo, link, HOVER, 90, 5)

    def is_control_at(self, pos: QPointF) -> bool:
        """True over a header button or the inline editor (they take their own clicks)."""
        item = self.itemAt(pos, QTransform())
        while item is not None and not isinstance(item, ButtonItem) and item is not self._editing.proxy:
            item = item.parentItem()
        return item is not None

    def header_at(self, pos: QPointF) -> LayerHeaderItem | None:
        """The column title at ``pos`` (not its buttons), if any."""
        for item in self.items(pos):
            if isinstance(item, ButtonItem):
                return None
            if isinstance(item, LayerHeaderItem):
                return item
        return None

    def set_view_scale(self, scale: float) -> None:
        """The view's zoom: headers and their buttons grow in scene units when zoomed out, so
        they stay near CONTROL_PIXELS tall on screen (up to what the column spacing allows)."""
        self._view_scale = scale
        if not self.in_zoom_gesture():     # during one, the last level of detail is scaled
            self._show_neuron_labels(scale)
        if len(self._columns) > 1:
            spacing = self._columns[1] - self._columns[0]
        else:
            spacing = COLUMN_SPACING
        want = CONTROL_SCALE / max(scale, 1e-3)
        for header in self._headers.values():
            k_title = max(1.0, min(want, 0.9 * spacing / header.title_width()))
            # a column's buttons take ≤ 60 % of the spacing, the round "insert" button ≤ 25 %:
            # they never meet between two columns
            k_buttons = max(1.0, min(want, 0.6 * spacing / header.buttons_width(), MAX_CONTROL_K))
            compact = k_buttons < want and len(header.buttons) > 2
            if compact:            # room for − and + only: they grow further
                k_buttons = max(1.0, min(want, 0.6 * spacing / header.buttons_width(True),
                                         MAX_CONTROL_K))
            header.set_scales(k_title, k_buttons, compact)
        for button in self._insert_buttons.values():
            k = max(1.0, min(want, 0.25 * spacing / ButtonItem.SIZE, MAX_CONTROL_K))
            if abs(button.scale() - k) > 1e-3:
                button.setScale(k)

    def _show_neuron_labels(self, scale: float) -> None:
        """Level of detail of a big network's neurons (ordinary networks: none). Zoomed out
        (below 1:1) each neuron and its label are drawn once at their own size into a pixmap
        and scaled (a zoom step used to run 640 paint() calls at the new scale); their labels
        are hidden while their text would be too small to draw (LabelItem paints nothing then),
        and the captions follow the same rule as when drawn directly."""
        cached = self._many and scale < 1
        shown = not self._many or scale * LABEL_PIXEL_SIZE >= MIN_TEXT_PIXELS
        mode = QGraphicsItem.ItemCoordinateCache if cached else QGraphicsItem.DeviceCoordinateCache
        # the scale a cached neuron is painted for: its caption is drawn iff it would be
        captions = tuple(sorted({scale * item.caption_pixels() >= MIN_TEXT_PIXELS
                                 for item in self._neurons.values()})) if cached else ()
        state = (shown, mode, captions)
        if state == self._neuron_labels_shown:
            return
        self._neuron_labels_shown = state
        for item in self._neurons.values():
            item.label.setVisible(shown)
            item.label.setCacheMode(mode)
            if cached:
                drawn = scale * item.caption_pixels() >= MIN_TEXT_PIXELS
                item.fixed_lod = 1.0 if drawn else 0.99 * MIN_TEXT_PIXELS / item.caption_pixels()
                item.setCacheMode(QGraphicsItem.ItemCoordinateCache)
            else:
                item.fixed_lod = None
                item.setCacheMode(QGraphicsItem.NoCache)
            item.update()

    def zoom_gesture(self) -> None:
        """A zoom step (wheel, keys): until the gesture ends (ZOOM_GESTURE_MS without a step),
        the link layers may draw their last pixmaps scaled instead of every line anew."""
        for item in self._link_layers.values():
            item.scaled_cache_ok = True
        self._gesture_end.start()

    def in_zoom_gesture(self) -> bool:
        return self._gesture_end.isActive()

    def end_zoom_gesture(self) -> None:
        """Back to sharp links at the scale the gesture ended at (one full repaint)."""
        self._gesture_end.stop()
        self._show_neuron_labels(self._view_scale)
        for item in self._link_layers.values():
            if item.scaled_cache_ok:
                item.scaled_cache_ok = False
                item.update()

    def more_at(self, pos: QPointF) -> MoreItem | None:
        """The "… more" marker of a collapsed column at ``pos``, if any."""
        for item in self.items(pos):
            if isinstance(item, MoreItem):
                return item
        return None

    def ref_at(self, pos: QPointF, tolerance: float = 5.0):
        """The neuron or link at ``pos``; a link counts within ``tolerance`` scene units of
        its stroke (found by distance to the segments: links are not items of their own)."""
        if self._input_image is not None:
            j = self._input_image.index_at(pos)
            if j is not None:
                return ("neuron", 0, j)
        area = QRectF(pos.x() - tolerance, pos.y() - tolerance, 2 * tolerance, 2 * tolerance)
        label, marker = None, False
        for item in self.items(area):
            parent = item.parentItem()
            owner = parent if isinstance(parent, NeuronItem) else getattr(item, "owner", None) or item
            if isinstance(owner, NeuronItem):
                return owner.ref
            if isinstance(owner, LinkItem) and label is None:
                label = owner.ref                    # on a link's label
            marker = marker or isinstance(owner, MoreItem)
        if label is not None or marker:
            return label
        if isinstance(self._selected, LinkItem):     # the selected link is drawn on top
            sel = self._selected
            if segment_distance(sel.line(), pos) - sel.pen().widthF() / 2 <= tolerance:
                return sel.ref
        return nearest_link(self._link_layers.values(), pos, tolerance)

    def hover_at(self, pos: QPointF | None, tolerance: float = 5.0) -> None:
        """The mouse is at ``pos`` (None: it left): the link under it (none over a neuron)
        shows its label, as item hover events would."""
        ref = self.ref_at(pos, tolerance) if pos is not None else None
        link = self._links.get(ref[1:]) if ref is not None and ref[0] == "link" else None
        if link is self._hovered:
            return
        if self._hovered is not None:
            self._on_link_hover(self._hovered, False)
        if link is not None:
            self._on_link_hover(link, True)

    # ================================================================ inline editing
    def active_editor(self) -> InlineEditor | None:
        """The open inline editor (a QLineEdit), or None."""
        return self._editing.active()

    def begin_edit(self, ref) -> InlineEditor | None:
        """Open the inline editor on a link (its weight), a hidden/output neuron (its bias) or
        an input neuron (the sample's x_j). Returns the editor, or None if it cannot be edited."""
        return self._editing.begin(ref)

    def cancel_edit(self) -> None:
        """Close the inline editor without changing anything."""
        self._editing.cancel()

    def drawn_neuron(self, layer: int, i: int) -> NeuronItem | None:
        """The neuron's item, or None where a collapsed column does not draw it."""
        return self._neurons.get((layer, i))

    def refresh_link_label(self, key: tuple[int, int, int]) -> None:
        """Redraw the label of link (l, i, j) if it is drawn (after the editor covered it)."""
        if key in self._links:
            self._update_link_label(self._links[key])


def _show_halo(halo: QGraphicsLineItem, link: LinkItem, colour: QColor, alpha: int,
               wider: float) -> None:
    """``halo`` drawn along ``link``: ``wider`` units wider than its pen, round-capped."""
    color = QColor(colour)
    color.setAlpha(alpha)
    pen = QPen(color, link.pen().widthF() + wider)
    pen.setCapStyle(Qt.RoundCap)
    halo.setPen(pen)
    halo.setLine(link.line())
    halo.show()
