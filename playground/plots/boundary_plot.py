"""The decision-boundary heat map with the data points, and drawing points onto it.

The image shows the network output over the domain [−6, 6]² (TF Playground's colours), as the
Document's DerivedData hands it over (``playground.derived``: from each training frame, or
computed once after an edit). Multi-output networks show the arg-max class; regression shows
the predicted surface on the labels' scale. Hovering a neuron on the canvas shows its map
large (computed here at full size, or the frame's thumbnail while training).

With "Draw points" on, a left click adds a point of the chosen class, Shift+left click one of
the other class, a right click removes the nearest point; each is one undoable command.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGraphicsItem, QHBoxLayout,
                               QVBoxLayout, QWidget)

from core.boundary import DOMAIN, neuron_grids
from core.errors import EngineError
from core.problem import decision_value

from ..data_commands import AddPoints, RemovePoints, current_split, full_dataset
from ..engine_text import error_text
from ..formatting import format_number
from ..widgets import arg, blocked_signals
from . import SquareHolder, colors
from .axis_ticks import ChoiceAxis, domain_choices
from .fast_image import HeatImageItem
from .colour_bar import ColourBar

# loaded with the first plot shown (not at start-up); every plot draws this way
pg.setConfigOptions(imageAxisOrder="row-major", antialias=False)

RECT = QRectF(DOMAIN[0], DOMAIN[0], DOMAIN[1] - DOMAIN[0], DOMAIN[1] - DOMAIN[0])
PICK_RADIUS = 0.35
"""Data units: a right click removes the nearest point this close (or 8 pixels, if more)."""


class _DrawViewBox(pg.ViewBox):
    """A fixed view of the domain that hands clicks (in data coordinates) to a callback."""

    def __init__(self, on_click):
        super().__init__(lockAspect=False, enableMenu=False)
        self._on_click = on_click

    def mouseClickEvent(self, ev):      # noqa: N802 (pyqtgraph override)
        pos = self.mapSceneToView(ev.scenePos())
        if self._on_click(pos.x(), pos.y(), ev.button(), ev.modifiers()):
            ev.accept()
        else:
            super().mouseClickEvent(ev)


class _PassiveScatter(pg.ScatterPlotItem):
    """Points that take no hover or click: a click on (or near) a point reaches the view box,
    so drawing works everywhere, on top of existing points too."""

    def hoverEvent(self, ev):           # noqa: N802 (pyqtgraph override)
        pass

    def mouseClickEvent(self, ev):      # noqa: N802
        ev.ignore()


class BoundaryPlot(QWidget):
    point_added = Signal(float, float, float)      # x1, x2, label
    point_removed = Signal(int)                    # index in the whole data set

    def __init__(self, doc, controller, parent=None):
        super().__init__(parent)
        pg.setConfigOptions(imageAxisOrder="row-major")
        self.doc, self.controller = doc, controller
        self._neuron: tuple[int, int] | None = None
        self._output: np.ndarray | None = None      # the last output grid shown
        self._draw_kind = (None, 0)

        self.draw_box = QCheckBox(self.tr("Draw points"))
        self.draw_box.setToolTip(self.tr("Click: add a point of the chosen class · Shift+click: "
                                         "the other class · right click: remove a point"))
        self.class_combo = QComboBox()
        self.class_combo.setToolTip(self.tr("Class of the points you draw"))
        self.value_spin = QDoubleSpinBox(minimum=-10.0, maximum=10.0, singleStep=0.1, value=1.0)
        self.value_spin.setToolTip(self.tr("Value of the points you draw"))
        self.discretize_box = QCheckBox(self.tr("Discretize output"))
        self.discretize_box.setToolTip(self.tr("Show only which side of the decision value "
                                               "each place is on"))
        self.test_box = QCheckBox(self.tr("Show test data"))
        self.test_box.setChecked(True)          # every point a person put there stays visible
        self.test_box.setToolTip(self.tr("Test points are drawn with a dark edge; they are "
                                         "never trained on"))
        self.draw_test_box = QCheckBox(self.tr("as test points"))
        self.draw_test_box.setToolTip(self.tr("Drawn points are training points; tick this to "
                                              "draw test points instead"))
        self.discretize_box.toggled.connect(lambda _on: self._redraw_image())
        self.test_box.toggled.connect(lambda on: self.test_scatter.setVisible(on))

        axes = {side: ChoiceAxis(side, domain_choices()) for side in ("bottom", "left")}
        self.plot_widget = pg.PlotWidget(viewBox=_DrawViewBox(self.click_at), background="w",
                                         axisItems=axes)   # ticks every 2, 3 or 6: what fits
        self.plot_widget.setMinimumSize(220, 220)
        p = self.plot_widget.getPlotItem()
        p.hideButtons()
        p.layout.setContentsMargins(2, 10, 12, 2)   # room for the end tick labels (±6)
        p.setRange(xRange=DOMAIN, yRange=DOMAIN, padding=0)
        p.disableAutoRange()
        p.setMouseEnabled(x=False, y=False)
        p.setLabel("bottom", "x₁")
        p.setLabel("left", "x₂")
        self.view_box = p.getViewBox()
        self.image_item = HeatImageItem(axisOrder="row-major")
        self.image_item.setZValue(-10)
        p.addItem(self.image_item)
        edge = pg.mkPen(colors.TRAIN_EDGE, width=1)
        self.train_scatter = _PassiveScatter(size=7, pen=edge, pxMode=True)
        self.test_scatter = _PassiveScatter(size=7, pen=pg.mkPen(colors.TEST_EDGE, width=1))
        self.test_scatter.setVisible(True)
        p.addItem(self.train_scatter)
        p.addItem(self.test_scatter)
        # the heat map under them changes at every training frame; the axes and the points do
        # not: each is painted once into a pixmap and then blitted (about 4 ms a frame less)
        for item in (p.getAxis("bottom"), p.getAxis("left"), self.train_scatter, self.test_scatter):
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.caption = pg.TextItem("", color="#222", fill=pg.mkBrush(255, 255, 255, 200),
                                   anchor=(0, 0))
        self.caption.setPos(DOMAIN[0], DOMAIN[1])
        self.caption.setVisible(False)
        p.addItem(self.caption)

        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for row, widgets in ((row1, (self.draw_box, self.class_combo, self.value_spin,
                                     self.draw_test_box)),
                             (row2, (self.discretize_box, self.test_box))):
            row.setContentsMargins(0, 0, 0, 0)
            for w in widgets:
                row.addWidget(w)
            row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(SquareHolder(self.plot_widget), 1)
        self.colour_bar = ColourBar()
        self.colour_bar.setToolTip(self.tr("What the background colours mean"))
        layout.addWidget(self.colour_bar)

        doc.changed.connect(self._on_changed)
        doc.derived.updated.connect(self._on_derived)
        doc.derived.want("view")
        self.refresh()

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        if change.frame_only:
            return
        if change.data or change.structure or change.document:
            self._update_points()       # cheap: a few hundred points, the split is cached
            self._update_draw_choices()

    def _on_derived(self, frame_only: bool) -> None:
        """Every frame is drawn: the worker sends at most ~60 a second and builds no new one
        before the GUI has drawn the last, so the heat map is the live view at frame rate. A
        neuron's map follows the frames that carry maps (``core.live_loop.MAPS_SECONDS``)."""
        derived = self.doc.derived
        if self._neuron is not None:
            if self.controller.running and derived.neuron_maps is not None:
                if not frame_only:
                    self._show_neuron(derived.neuron_maps)
            elif not self.controller.running:
                self._recompute()
            return
        self._output = derived.output
        self._redraw_image()

    def refresh(self) -> None:
        """Points, drawing choices and the image, from the Document."""
        self._update_points()
        self._update_draw_choices()
        self._output = self.doc.derived.output
        self._redraw_image()

    def _mode(self):
        """('classes', K) | ('value', (lo, hi)) | ('binary', decision value) for the output."""
        net = self.doc.network
        if net.output_size > 1:
            return "classes", net.output_size
        split = current_split(self.doc)
        if split is not None and split[0].kind == "regression":
            return "value", self._value_levels()
        return "binary", decision_value(net.layers[-1].activation)

    def _value_levels(self) -> tuple[float, float]:
        data = full_dataset(self.doc.project.dataset)
        m = float(np.abs(data.labels).max()) if data is not None and len(data) else 1.0
        return -max(m, 1e-6), max(m, 1e-6)

    def _recompute(self) -> None:
        """The hovered neuron's map at full size (the output comes from DerivedData)."""
        features, net = self.doc.project.features, self.doc.network
        if self._neuron is None:
            self._output = self.doc.derived.output
            self._redraw_image()
            return
        if not features or len(features) != net.input_size:
            self.image_item.setVisible(False)
            return
        try:
            self._show_neuron(neuron_grids(net, features, 100))
        except (EngineError, ValueError, IndexError):
            self.image_item.setVisible(False)

    def _redraw_image(self) -> None:
        if self._neuron is not None:
            return
        img = self._output
        if img is None:
            self.image_item.setVisible(False)
            return
        kind, arg = self._mode()
        if kind == "classes":     # class c is drawn as c + ½: the middle of its LUT band
            img = img + np.float32(0.5)
            levels, lut = (0.0, float(arg)), colors.categorical_lut(arg, colors.BACKGROUND_STRENGTH)
        else:
            levels = arg if kind == "value" else ((-1.0, 1.0) if arg == 0.0 else (0.0, 1.0))
            lut = colors.diverging_lut(colors.BACKGROUND_STRENGTH)
            if kind == "binary" and self.discretize_box.isChecked():
                img = np.where(img > arg, np.float32(levels[1]), np.float32(levels[0]))
        self.discretize_box.setEnabled(kind == "binary")
        self._update_colour_bar(kind, arg)
        self.caption.setVisible(False)
        self.image_item.setVisible(True)
        self.image_item.setImage(np.ascontiguousarray(img, dtype=np.float32), autoLevels=False,
                                 levels=levels, lut=lut, rect=RECT)

    def _update_colour_bar(self, kind, arg) -> None:
        if kind == "classes":
            self.colour_bar.set_classes([(self.tr("class %1").replace("%1", str(c)),
                                          colors.class_colour(c, "multiclass")) for c in range(arg)])
        elif kind == "value":
            self.colour_bar.set_scale(arg[0], arg[1], self.tr("predicted value"))
        else:
            lo, hi = (-1.0, 1.0) if arg == 0.0 else (0.0, 1.0)
            self.colour_bar.set_scale(lo, hi, self.tr("decision value %1: −1 below, +1 above")
                                      .replace("%1", format_number(arg, 3)))

    # ------------------------------------------------------------ neuron maps (canvas hover)
    def show_neuron_map(self, layer: int, i: int) -> None:
        """Show neuron ``i`` of neuron layer ``layer`` (0 = inputs) large, until cleared."""
        self._neuron = (int(layer), int(i))
        maps = self.doc.derived.neuron_maps
        if self.controller.running and maps is not None:
            self._show_neuron(maps)
        else:
            self._recompute()

    def neuron_caption(self, layer: int, i: int) -> str:
        """'Input 2', 'Layer 1, neuron 3', 'Output' (or 'Output 2' of several): 1-based."""
        net = self.doc.network
        if layer == 0:
            text = self.tr("Input %1")
        elif layer == net.depth:
            text = self.tr("Output %1") if net.output_size > 1 else self.tr("Output")
        else:
            text = self.tr("Layer %2, neuron %1")
        return text.replace("%1", str(i + 1)).replace("%2", str(layer))

    def clear_neuron_map(self) -> None:
        if self._neuron is None:
            return
        self._neuron = None
        self._output = self.doc.derived.output
        self._redraw_image()

    def _show_neuron(self, maps) -> None:
        layer, i = self._neuron
        if not (0 <= layer < len(maps) and 0 <= i < maps[layer].shape[0]):
            return
        img = np.ascontiguousarray(maps[layer][i], dtype=np.float32)
        act = self.doc.network.layers[layer - 1].activation if layer > 0 else None
        levels = colors.neuron_levels(act, img)
        self.image_item.setVisible(True)
        self.image_item.setImage(img, autoLevels=False, levels=levels,
                                 lut=colors.diverging_lut(colors.BACKGROUND_STRENGTH), rect=RECT)
        self.caption.setText(self.neuron_caption(layer, i))
        self.caption.setVisible(True)

    # ------------------------------------------------------------ points
    def _update_points(self) -> None:
        split = current_split(self.doc)
        for scatter, data in zip((self.train_scatter, self.test_scatter),
                                 split if split is not None else (None, None)):
            if data is None or len(data) == 0:
                scatter.setData([], [])
                continue
            # regression values near 0 are near white: a dark edge keeps those points visible
            pen = (pg.mkPen("#424242", width=1) if data.kind == "regression" else
                   pg.mkPen(colors.TEST_EDGE if scatter is self.test_scatter else colors.TRAIN_EDGE,
                            width=1))
            scatter.setData(pos=data.points, pen=pen,
                            brush=colors.brushes(data.labels, data.kind, self._value_levels()))

    def _update_draw_choices(self) -> None:
        split = current_split(self.doc)
        net = self.doc.network
        if split is not None:
            kind, k = split[0].kind, split[0].n_classes
        elif net.output_size > 1:
            kind, k = "multiclass", net.output_size
        else:
            kind, k = ("regression" if net.layers[-1].activation == "linear" else "binary"), 2
        self.value_spin.setVisible(kind == "regression")
        self.class_combo.setVisible(kind != "regression")
        if (kind, k) == self._draw_kind:
            return
        self._draw_kind = (kind, k)
        with blocked_signals(self.class_combo):
            self.class_combo.clear()
            if kind == "binary":
                # the icon shows the colour: the scheme can change it and swap the two
                self.class_combo.addItem(self._icon(1.0, kind), "+1", 1.0)
                self.class_combo.addItem(self._icon(-1.0, kind), "−1", -1.0)
            elif kind == "multiclass":
                for c in range(k):
                    self.class_combo.addItem(self._icon(c, kind), arg(self.tr("class %1"), c),
                                             float(c))

    def recolour(self) -> None:
        """The colour scheme changed: new class icons, points and heat map."""
        self._draw_kind = None
        self._update_draw_choices()
        self.refresh()

    @staticmethod
    def _icon(label: float, kind: str) -> QIcon:
        pm = QPixmap(12, 12)
        pm.fill(colors.class_colour(label, kind))
        return QIcon(pm)

    def current_label(self, other: bool = False) -> float | None:
        kind, k = self._draw_kind
        if kind == "regression":
            v = self.value_spin.value()
            return -v if other else v
        label = self.class_combo.currentData()
        if label is None:
            return None
        if other:
            label = -label if kind == "binary" else float((int(label) + 1) % max(k, 1))
        return float(label)

    def set_draw_mode(self, on: bool) -> None:
        self.draw_box.setChecked(bool(on))

    def click_at(self, x1: float, x2: float, button=Qt.LeftButton, modifiers=Qt.NoModifier) -> bool:
        """What a click at data coordinates (x1, x2) does; True if it added/removed a point."""
        if not self.draw_box.isChecked():
            return False
        lo, hi = DOMAIN
        if not (lo <= x1 <= hi and lo <= x2 <= hi):
            return False
        if button == Qt.RightButton:
            return self._remove_near(x1, x2)
        if button != Qt.LeftButton:
            return False
        label = self.current_label(other=bool(modifiers & Qt.ShiftModifier))
        if label is None:
            return False
        self.controller.pause()         # the run is committed before the edit captures the state
        try:
            self.doc.undo_stack.push(AddPoints(self.doc, [(x1, x2, label)],
                                               test=self.draw_test_box.isChecked()))
        except EngineError as exc:
            self.doc.error.emit(error_text(exc))
            return False
        self.point_added.emit(float(x1), float(x2), float(label))
        return True

    def _remove_near(self, x1: float, x2: float) -> bool:
        data = full_dataset(self.doc.project.dataset)
        if data is None or len(data) == 0:
            return False
        d = np.hypot(data.points[:, 0] - x1, data.points[:, 1] - x2)
        k = int(np.argmin(d))
        px = self.view_box.viewPixelSize()[0] if self.view_box.width() > 0 else 0.0
        if d[k] > max(PICK_RADIUS, 8 * px):
            return False
        self.controller.pause()
        self.doc.undo_stack.push(RemovePoints(self.doc, [k]))
        self.point_removed.emit(k)
        return True

    def data_to_viewport(self, x1: float, x2: float):
        """Viewport pixel of a data point (for tests that click with the real mouse)."""
        scene = self.view_box.mapViewToScene(pg.Point(x1, x2))
        return self.plot_widget.mapFromScene(scene)
