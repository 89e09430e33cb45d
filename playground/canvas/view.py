"""NetworkView: the widget that shows a NetworkScene, and the gestures on it.

Wheel (with or without Ctrl) zooms around the mouse; dragging the background pans; the view
fits the network when first shown, after each structure change and on resize until the user
zooms or pans. A click selects a neuron or link, a double-click edits it in place, Delete and
+ remove and add neurons, and right-click opens a menu whose actions push the same undoable
structure edits as the header buttons.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QInputDialog, QMenu

from core.activations import ACTIVATION_NAMES, get_activation

from .. import structure_edits as edits
from ..widgets import activation_label
from .palette import LABEL_PIXEL_SIZE
from .scene import NetworkScene

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.03, 6.0
MAX_FIT_SCALE = 1.4           # a tiny network is not blown up beyond this
READABLE_PIXELS = 11.0        # value labels are never fitted smaller than this on screen
ANTIALIAS_LINKS_BELOW = 1000  # links are drawn antialiased only for smaller networks


class NetworkView(QGraphicsView):
    """Shows ``NetworkScene(doc, selection)`` (``view.scene()``)."""

    def __init__(self, doc, selection, parent=None):
        super().__init__(parent)
        self.doc, self.selection = doc, selection
        self._scene = NetworkScene(doc, selection, self)
        self.setScene(self._scene)
        self.setFrameShape(QFrame.NoFrame)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.DontSavePainterState, True)
        self.setRenderHint(QPainter.TextAntialiasing, True)
        self.setMinimumSize(200, 150)
        self._auto_fit = True
        self.text_scale = 1.0
        self.keep_readable = True      # step by step; the training layout fits the whole network
        self._scene.layout_changed.connect(self._on_layout_changed)
        doc.changed.connect(lambda change: self.follow_step()
                            if change.step and not change.training else None)
        self._on_layout_changed()

    # ------------------------------------------------------------ zoom and fit
    @Slot()
    def fit_to_view(self) -> None:
        """Show the whole network (never magnified beyond MAX_FIT_SCALE)."""
        rect = self._scene.network_rect()
        if rect.isEmpty() or self.viewport().width() < 2:
            return
        self._scene.end_zoom_gesture()         # a jump, not a gesture: drawn sharp at once
        self.fitInView(rect, Qt.KeepAspectRatio)
        scale = min(self.transform().m11(), MAX_FIT_SCALE * self.text_scale)
        readable = self.readable_scale()
        if readable is not None and scale < readable:
            scale = readable      # the numbers stay legible: the canvas grows, the view follows
        if scale != self.transform().m11():
            self.resetTransform()
            self.scale(scale, scale)
        self.centerOn(self._first_view_centre(rect, scale))
        self._auto_fit = True
        self._scene.set_view_scale(self.transform().m11())
        self.follow_step()

    def _first_view_centre(self, rect, scale: float):
        """The whole network when it fits; else (kept legible, it is larger than the view) its
        input side: the left edge at the left, the top at the top, where the step begins."""
        vp = self.viewport()
        w, h = vp.width() / scale, vp.height() / scale
        margin = 8 / scale
        c = rect.center()
        x = c.x() if rect.width() <= w else rect.left() - margin + w / 2
        y = c.y() if rect.height() <= h else rect.top() - margin + h / 2
        return QPointF(x, y)

    def readable_scale(self) -> float | None:
        """The smallest zoom at which the value labels are READABLE_PIXELS high (times the
        presentation factor); None when the network shows no value labels (hover only)."""
        if not self.keep_readable or not self._scene.shows_all_link_labels():
            return None
        return READABLE_PIXELS * self.text_scale / LABEL_PIXEL_SIZE

    def set_keep_readable(self, on: bool) -> None:
        if on != self.keep_readable:
            self.keep_readable = on
            if self._auto_fit:
                self.fit_to_view()

    def set_text_scale(self, factor: float) -> None:
        """Presentation mode: every label, neuron and link drawn ``factor`` times larger."""
        self.text_scale = factor
        self.fit_to_view()

    def follow_step(self) -> None:
        """When the network is larger than the view, keep the layer the step reached in sight."""
        cursor, scene = self.doc.cursor, self._scene
        if cursor is None or not self._auto_fit:
            return
        stage = cursor.stage
        layer = {"forward": stage.layer, "backward": stage.layer}.get(
            stage.kind, self.doc.network.depth if stage.kind == "loss" else None)
        if layer is None:
            return
        # the layer's neurons with their values, and (forward / backward) the previous column:
        # the links between the two carry the weights and gradients just computed
        layers = (layer - 1, layer) if stage.kind in ("forward", "backward") else (layer,)
        boxes = {}
        for l in layers:
            for i in range(self.doc.network.sizes[l]):
                item = scene._neurons.get((l, i))          # None: in a collapsed column
                if item is None:
                    continue
                r = item.sceneBoundingRect() | item.mapRectToScene(item.childrenBoundingRect())
                boxes[l] = r if l not in boxes else boxes[l] | r
        if boxes:
            whole = None
            for r in boxes.values():
                whole = r if whole is None else whole | r
            self.ensureVisible(whole, 20, 20)
            if layer in boxes:                 # too wide for the view: the new layer wins
                self.ensureVisible(boxes[layer], 20, 20)

    @Slot()
    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    @Slot()
    def reset_zoom(self) -> None:
        """Scale 1:1 (one scene unit per pixel), centred on the network."""
        self._scene.end_zoom_gesture()
        self.resetTransform()
        self.centerOn(self._scene.network_rect().center())
        self._auto_fit = False
        self._scene.set_view_scale(1.0)

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        self.scale(factor, factor)
        self._auto_fit = False
        self._scene.zoom_gesture()
        self._scene.set_view_scale(self.transform().m11())

    def _on_layout_changed(self) -> None:
        many = self._scene.link_count() >= ANTIALIAS_LINKS_BELOW
        self.setRenderHint(QPainter.Antialiasing, not many)   # neurons antialias themselves
        # a big network's neurons and labels are cached when zoomed out, then scaled smoothly
        self.setRenderHint(QPainter.SmoothPixmapTransform, self._scene.is_big())
        # an edit keeps the zoom the user chose; a new document (or an unzoomed view) fits
        if self._auto_fit or self._scene.rebuilt_for_document:
            self.fit_to_view()
        else:
            self._scene.set_view_scale(self.transform().m11())

    # ------------------------------------------------------------ events
    def wheelEvent(self, event) -> None:          # noqa: N802 (Qt override)
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self._zoom(ZOOM_STEP ** (delta / 120.0))
        event.accept()

    def mouseMoveEvent(self, event) -> None:      # noqa: N802
        if event.buttons() & Qt.LeftButton:
            self._auto_fit = False                  # the user pans; stop refitting on resize
        elif not event.buttons():
            pos = event.position().toPoint()
            self._scene.hover_at(self.mapToScene(pos), self._tolerance())
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:          # noqa: N802
        self._scene.hover_at(None)
        super().leaveEvent(event)

    def showEvent(self, event) -> None:           # noqa: N802
        super().showEvent(event)
        if self._auto_fit:
            self.fit_to_view()

    def resizeEvent(self, event) -> None:         # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_view()

    def _tolerance(self) -> float:
        return 5.0 / max(self.transform().m11(), 1e-3)      # 5 pixels in scene units

    def _ref_at(self, pos):
        """The neuron or link under a viewport position (links within 5 pixels)."""
        return self._scene.ref_at(self.mapToScene(pos), self._tolerance())

    def choose_hidden_neuron(self, layer: int) -> None:
        """Ask which neuron of a collapsed column to select (the inspector then shows it)."""
        more = self._scene.more_item(layer)
        if more is None:
            return
        n = self.doc.network.sizes[layer]
        first, last = more.hidden[0] + 1, more.hidden[-1] + 1
        number, ok = QInputDialog.getInt(
            self, self.tr("Show a neuron"),
            self.tr("Neuron number (1–%1; %2–%3 are not drawn):").replace("%1", str(n)).replace(
                "%2", str(first)).replace("%3", str(last)), first, 1, n)
        if ok:
            self.selection.select(("neuron", layer, number - 1))

    def mousePressEvent(self, event) -> None:     # noqa: N802
        """Click a neuron or link to select it; the background clears and pans."""
        pos = event.position().toPoint()
        if self._scene.is_control_at(self.mapToScene(pos)):
            super().mousePressEvent(event)
            return
        self._scene.cancel_edit()
        more = self._scene.more_at(self.mapToScene(pos))
        if more is not None and event.button() == Qt.LeftButton:
            event.accept()
            QTimer.singleShot(0, lambda l=more.layer: self.choose_hidden_neuron(l))
            return
        ref = self._ref_at(pos)
        if ref is None:
            if event.button() == Qt.LeftButton:
                self.selection.clear()
            super().mousePressEvent(event)          # nothing takes it: the hand drag starts
            return
        self.selection.select(ref)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:   # noqa: N802
        """Double-click a link or neuron to edit its weight, bias or input value in place;
        a column's title to type its size."""
        pos = event.position().toPoint()
        if self._scene.is_control_at(self.mapToScene(pos)):
            super().mouseDoubleClickEvent(event)
            return
        header = self._scene.header_at(self.mapToScene(pos))
        if self._scene.editing_locked():
            event.accept()                  # locked by a lesson or the teacher: no edits
            return
        if header is not None and event.button() == Qt.LeftButton:
            event.accept()
            QTimer.singleShot(0, lambda l=header.layer: self.ask_layer_size(l))
            return
        ref = self._ref_at(pos)
        if ref is not None and event.button() == Qt.LeftButton:
            self._scene.begin_edit(ref)
            event.accept()

    def keyPressEvent(self, event) -> None:       # noqa: N802
        """Delete removes the selected neuron; + or Insert adds one below it."""
        ref = self.selection.ref
        if (self._scene.active_editor() is None and ref is not None and ref[0] == "neuron"
                and not self._scene.editing_locked()):
            if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
                edits.remove_neuron(self.doc, ref[1], ref[2])
                event.accept()
                return
            if event.key() in (Qt.Key_Plus, Qt.Key_Insert):
                edits.add_neuron(self.doc, ref[1], ref[2] + 1)
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:    # noqa: N802
        if self._scene.editing_locked():
            event.accept()                  # every item of these menus edits the network
            return
        ref = self._ref_at(event.pos())
        header = self._scene.header_at(self.mapToScene(event.pos()))
        if ref is None and header is None:
            menu = self.background_menu()
        elif ref is None:
            menu = self.header_menu(header.layer)
        else:
            self.selection.select(ref)
            menu = self.context_menu(ref)
        menu.exec(event.globalPos())
        menu.deleteLater()
        event.accept()

    # ------------------------------------------------------------ context menu
    def context_menu(self, ref) -> QMenu:
        """The menu for a neuron ("neuron", layer, i) or a link ("link", l, i, j). Every action
        has an object name (add_neuron_above, remove_layer, activation_relu, edit_weight, …)."""
        menu = QMenu(self)
        if ref[0] == "link":
            self._link_menu(menu, *ref[1:])
        else:
            self._neuron_menu(menu, ref[1], ref[2])
        return menu

    def background_menu(self) -> QMenu:
        """The menu on empty canvas: the whole architecture typed at once, fit to view."""
        menu = QMenu(self)
        self._add(menu, "set_hidden_layers", self.tr("Set hidden layers…"), self.ask_hidden_layers)
        self._add(menu, "fit_to_view", self.tr("Fit to view"), self.fit_to_view)
        return menu

    def header_menu(self, layer: int) -> QMenu:
        menu = QMenu(self)
        self._add(menu, "set_layer_size", self.tr("Set layer size…"),
                  lambda: self.ask_layer_size(layer))
        self._add(menu, "set_hidden_layers", self.tr("Set hidden layers…"), self.ask_hidden_layers)
        return menu

    def ask_layer_size(self, layer: int) -> None:
        """Ask for a column's number of neurons and set it in one undoable step."""
        from core.network import MAX_LAYER_SIZE
        n = self.doc.network.sizes[layer]
        size, ok = QInputDialog.getInt(self, self.tr("Layer size"),
                                       self.tr("Neurons in this layer (1–%1):").replace(
                                           "%1", str(MAX_LAYER_SIZE)), n, 1, MAX_LAYER_SIZE)
        if ok and size != n:
            edits.set_layer_size(self.doc, layer, size)

    def ask_hidden_layers(self) -> None:
        """Ask for the hidden layers as "8, 8, 4" and set them in one undoable step; a text
        that is not a list of sizes is refused with the reason, and asked again."""
        text = ", ".join(str(n) for n in self.doc.network.sizes[1:-1])
        label = self.tr("Hidden layer sizes, e.g. 8, 8, 4 (empty: none):")
        while True:
            text, ok = QInputDialog.getText(self, self.tr("Hidden layers"), label, text=text)
            if not ok:
                return
            sizes, reason = edits.parse_hidden_layers(text)
            if sizes is not None:
                if sizes != self.doc.network.sizes[1:-1]:
                    edits.set_hidden_layers(self.doc, sizes)
                return
            self.doc.error.emit(reason)
            label = reason + "\n" + self.tr("Hidden layer sizes, e.g. 8, 8, 4 (empty: none):")

    def _add(self, menu: QMenu, name: str, text: str, slot, enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _link_menu(self, menu: QMenu, l: int, i: int, j: int) -> None:
        enabled = bool(self.doc.network.layers[l - 1].mask[i, j])
        self._add(menu, "edit_weight", self.tr("Edit weight…"),
                  lambda: self._edit_later(("link", l, i, j)), enabled)
        if enabled:
            self._add(menu, "disable_link", self.tr("Disable link"),
                      lambda: edits.set_link_enabled(self.doc, l, i, j, False))
        else:
            self._add(menu, "enable_link", self.tr("Enable link"),
                      lambda: edits.set_link_enabled(self.doc, l, i, j, True))
        layer = self.doc.network.layers[l - 1]
        if layer.trainable_weights[i, j]:
            self._add(menu, "freeze_weight", self.tr("Freeze weight (not trained)"),
                      lambda: edits.set_trainable(self.doc, l, "weight", (i, j), False), enabled)
        else:
            self._add(menu, "unfreeze_weight", self.tr("Unfreeze weight"),
                      lambda: edits.set_trainable(self.doc, l, "weight", (i, j), True))

    def _freeze_menu(self, menu: QMenu, l: int, i: int) -> None:
        """Freeze or unfreeze this neuron's bias, or all weights / biases of its layer."""
        doc, lay = self.doc, self.doc.network.layers[l - 1]
        if lay.trainable_biases[i]:
            self._add(menu, "freeze_bias", self.tr("Freeze bias (not trained)"),
                      lambda: edits.set_trainable(doc, l, "bias", (i,), False))
        else:
            self._add(menu, "unfreeze_bias", self.tr("Unfreeze bias"),
                      lambda: edits.set_trainable(doc, l, "bias", (i,), True))
        sub = menu.addMenu(self.tr("Freeze layer"))
        sub.setObjectName("freeze_layer_menu")
        for kind, on, name, text in (
                ("weight", False, "freeze_layer_weights", self.tr("Freeze all weights into this layer")),
                ("bias", False, "freeze_layer_biases", self.tr("Freeze all biases of this layer")),
                ("weight", True, "unfreeze_layer_weights", self.tr("Unfreeze all weights into this layer")),
                ("bias", True, "unfreeze_layer_biases", self.tr("Unfreeze all biases of this layer"))):
            self._add(sub, name, text,
                      lambda kind=kind, on=on: edits.set_trainable(doc, l, kind, None, on))

    def _neuron_menu(self, menu: QMenu, layer: int, i: int) -> None:
        doc, net = self.doc, self.doc.network
        last = net.depth
        ref = ("neuron", layer, i)
        text = self.tr("Edit input value…") if layer == 0 else self.tr("Edit bias…")
        self._add(menu, "edit_value", text, lambda: self._edit_later(ref))
        menu.addSeparator()
        self._add(menu, "add_neuron_above", self.tr("Add neuron above"),
                  lambda: edits.add_neuron(doc, layer, i))
        self._add(menu, "add_neuron_below", self.tr("Add neuron below"),
                  lambda: edits.add_neuron(doc, layer, i + 1))
        self._add(menu, "remove_neuron", self.tr("Remove neuron"),
                  lambda: edits.remove_neuron(doc, layer, i), net.sizes[layer] > 1)
        self._add(menu, "set_layer_size", self.tr("Set layer size…"),
                  lambda: self.ask_layer_size(layer))
        menu.addSeparator()
        if layer > 0:
            self._add(menu, "insert_layer_before", self.tr("Insert layer before"),
                      lambda: edits.add_layer(doc, layer))
        if layer < last:
            self._add(menu, "insert_layer_after", self.tr("Insert layer after"),
                      lambda: edits.add_layer(doc, layer + 1))
        if 0 < layer < last:
            self._add(menu, "remove_layer", self.tr("Remove layer"),
                      lambda: edits.remove_layer(doc, layer))
        if layer > 0:
            sub = menu.addMenu(self.tr("Activation"))
            sub.setObjectName("activation_menu")
            group = QActionGroup(sub)
            current = net.activations[layer - 1]
            for name in ACTIVATION_NAMES:
                if get_activation(name).output_only and layer != last:
                    continue
                action = self._add(sub, f"activation_{name}", activation_label(name),
                                   lambda n=name: self._set_activation(layer, n))
                action.setCheckable(True)
                action.setChecked(name == current)
                group.addAction(action)
            menu.addSeparator()
            self._freeze_menu(menu, layer, i)
        menu.addSeparator()
        self._add(menu, "show_graph", self.tr("Show as computational graph"),
                  lambda: self._scene.graph_requested.emit(ref))

    def _set_activation(self, layer: int, name: str) -> None:
        if self.doc.network.activations[layer - 1] != name:
            edits.set_activation(self.doc, layer, name)

    def _edit_later(self, ref) -> None:
        """Open the inline editor once the menu has closed (so it keeps the focus)."""
        QTimer.singleShot(0, lambda: self._scene.begin_edit(ref))
