"""Loss (and accuracy) over epochs while training: long-lived curves fed with buffer views.

The curves are built once; each applied frame hands them views of the controller's history
columns (``setData``, no copies), at most 60 times a second. Long runs stay smooth with peak
downsampling and clip-to-view; the finite check is skipped while every value is finite.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..formatting import format_number
from ..widgets import LiveLabel
from . import Throttle
from .axis_ticks import ChoiceAxis, RoomyAxis
from .axis_ticks import tick_font
from .loss_fit import fit_title, strip_fits, title_font

# loaded with the first plot shown (not at start-up); every plot draws this way
pg.setConfigOptions(imageAxisOrder="row-major", antialias=False)

TRAIN_COLOUR, TEST_COLOUR = "#212121", "#8a8a8a"
"""Neutral greys (solid train, dashed test) in both plots: orange and blue mean classes."""
LOSS_DRAW_INTERVAL = 1.0 / 20.0
"""A loss curve needs no more; fewer redraws leave GUI time for the heat map and the canvas."""
FIGURES_INTERVAL = 0.2
"""The figures line above the plot (latest losses, accuracy) changes at most this often while
training: each new text makes the window lay itself out again (a label's new text always asks
its parents), and nobody reads five numbers faster. The last state is always shown."""


def _nice_above(v: float) -> float:
    """The smallest round number (1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k) ≥ v: axis ends that
    change rarely."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    e = 10.0 ** np.floor(np.log10(v))
    return float(next(m * e for m in (1, 1.5, 2, 3, 4, 5, 6, 8, 10) if m * e >= v * (1 - 1e-12)))


def _curve(plot: pg.PlotItem, colour: str, name: str, style=None) -> pg.PlotDataItem:
    pen = pg.mkPen(colour, width=1)
    if style is not None:
        pen.setStyle(style)
    item = plot.plot([], [], pen=pen, name=name)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item


class LossPlot(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        pg.setConfigOptions(imageAxisOrder="row-major")
        self.controller = controller
        self._classification_shown = None
        self._xmax, self._yrange = 0.0, None
        self._finite = {"train_loss": True, "test_loss": True}
        self._checked = 0

        self.plot_widget = pg.PlotWidget(background="w", axisItems={
            "left": RoomyAxis("left"), "bottom": RoomyAxis("bottom")})   # labels never touch
        self.plot_widget.setMenuEnabled(False)
        self.plot_widget.setMinimumHeight(120)
        p = self.plot = self.plot_widget.getPlotItem()
        p.setLabel("left", self.tr("loss"))
        # the key sits above the plot (a legend inside would cover the curves' start)
        self.train_curve = _curve(p, TRAIN_COLOUR, self.tr("train"))
        self.test_curve = _curve(p, TEST_COLOUR, self.tr("test"), Qt.DashLine)
        self.train_curve.setSkipFiniteCheck(True)

        self.accuracy_widget = pg.PlotWidget(background="w", axisItems={
            "left": ChoiceAxis("left", [[(0.0, "0"), (0.5, "0.5"), (1.0, "1")],
                                        [(0.0, "0"), (1.0, "1")]]),
            "bottom": RoomyAxis("bottom")})
        self.accuracy_widget.setMenuEnabled(False)
        self.accuracy_widget.setFixedHeight(110)
        a = self.accuracy_plot = self.accuracy_widget.getPlotItem()
        a.setLabel("left", self.tr("accuracy"))
        a.setLabel("bottom", self.tr("epoch"))
        a.setYRange(0.0, 1.0, padding=0.1)
        a.setXLink(p)
        self.train_accuracy_curve = _curve(a, TRAIN_COLOUR, self.tr("train"))
        self.test_accuracy_curve = _curve(a, TEST_COLOUR, self.tr("test"), Qt.DashLine)
        for item in (p, a):
            item.layout.setContentsMargins(2, 8, 8, 2)   # end tick labels stay inside
            item.disableAutoRange()
            item.getViewBox().setMouseEnabled(x=False, y=False)
            item.getAxis("left").setWidth(52)          # both plots' x axes line up
            item.getAxis("left").enableAutoSIPrefix(False)

        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.log_box.toggled.connect(self.set_log)
        self.log_x_box = QCheckBox(self.tr("Log epochs"))
        self.log_x_box.setToolTip(self.tr("Show the epochs on a logarithmic axis: the first "
                                          "epochs of a long run get room"))
        self.log_x_box.toggled.connect(self.set_log_x)
        self.figures = LiveLabel()
        self.figures.setTextFormat(Qt.RichText)
        self.figures.setToolTip(self.tr("The latest loss (and accuracy) on the training and the "
                                        "test data"))
        self.key_label = QLabel(
            f"<span style='color:{TRAIN_COLOUR}'>━</span> {self.tr('train')} &nbsp; "
            f"<span style='color:{TEST_COLOUR}'>╌</span> {self.tr('test')}")
        self.readout = LiveLabel(" ")
        self.readout.setMinimumWidth(10)
        self.readout.setStyleSheet("color: #555;")
        self.figures.setWordWrap(True)       # wraps instead of widening the dock (1024×768)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.figures, 1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.key_label)
        second.addWidget(self.readout, 1)
        second.addWidget(self.log_box)
        second.addWidget(self.log_x_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.accuracy_widget)

        self._throttle = Throttle(self._draw, LOSS_DRAW_INTERVAL, parent=self)
        self._figures_throttle = Throttle(self._show_figures, FIGURES_INTERVAL, parent=self)
        self._proxies = [pg.SignalProxy(w.scene().sigMouseMoved, rateLimit=60, slot=self._hover)
                         for w in (self.plot_widget, self.accuracy_widget)]
        controller.doc.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, change) -> None:
        """Frames add rows (drawn ≤ LOSS_DRAW_INTERVAL); a replaced history is drawn anew."""
        if change.history or change.document:
            self.reload()
        elif change.frame is not None or change.data:
            self._throttle()

    # ------------------------------------------------------------ public
    def set_log(self, on: bool) -> None:
        """Logarithmic loss axis (the finite check comes back on: log10(0) is −∞)."""
        if self.log_box.isChecked() != bool(on):
            self.log_box.setChecked(bool(on))
            return
        self.plot.setLogMode(y=bool(on))
        self._apply_skip()
        self._yrange, self._checked = None, 0
        self._throttle.now()

    def is_log(self) -> bool:
        return self.log_box.isChecked()

    def set_log_x(self, on: bool) -> None:
        """Logarithmic epoch axis (epoch 0 has no place on it and is left out)."""
        if self.log_x_box.isChecked() != bool(on):
            self.log_x_box.setChecked(bool(on))
            return
        for item in (self.plot, self.accuracy_plot):
            item.setLogMode(x=bool(on))
        self._xmax, self._yrange, self._checked = 0.0, None, 0
        self._throttle.now()

    def figures_text(self) -> str:
        """The latest train / test loss and accuracy, always shown (no hover needed)."""
        h = self.controller.history
        if h.n == 0:
            return self.tr("Loss: not trained yet")
        k = h.n - 1
        parts = [self.tr("Train loss <b>%1</b>").replace(
            "%1", format_number(h.column("train_loss")[k], 4))]
        test = h.column("test_loss")[k]
        if np.isfinite(test):
            parts.append(self.tr("test loss <b>%1</b>").replace("%1", format_number(test, 4)))
        acc, tacc = h.column("train_accuracy")[k], h.column("test_accuracy")[k]
        if np.isfinite(acc):
            text = self.tr("accuracy <b>%1 %</b>").replace("%1", format_number(100 * acc, 4))
            if np.isfinite(tacc):
                text += self.tr(" (test <b>%1 %</b>)").replace("%1", format_number(100 * tacc, 4))
            parts.append(text)
        return " · ".join(parts)

    def reload(self) -> None:
        """Whole history again (a reset, a load, an undone run)."""
        self._finite = {"train_loss": True, "test_loss": True}
        self._checked = 0
        self._xmax, self._yrange = 0.0, None
        self._throttle.now()
        self.readout.setText(" ")
        self.figures.setText(self.figures_text())

    # ------------------------------------------------------------ drawing
    def _apply_skip(self) -> None:
        log = self.is_log()
        self.train_curve.setSkipFiniteCheck(self._finite["train_loss"] and not log)
        self.test_curve.setSkipFiniteCheck(self._finite["test_loss"] and not log)

    def _draw(self) -> None:
        h = self.controller.history
        n = h.n
        if self._checked > n:
            self._checked = 0
        for name in self._finite:
            if self._finite[name] and n > self._checked:
                self._finite[name] = bool(np.isfinite(h.column(name)[self._checked:n]).all())
        self._apply_skip()
        self._update_ranges(h, self._checked, n)
        self._checked = n
        if getattr(self.controller, "running", False):
            self._figures_throttle()
        else:
            self._figures_throttle.now()
        x = h.column("epoch")
        self.train_curve.setData(x, h.column("train_loss"))
        test = h.column("test_loss")
        if n and not np.isfinite(test[-1]):
            self.test_curve.setData([], [])         # no test set in this run
        else:
            self.test_curve.setData(x, test)
        classification = self._classification()
        if classification != self._classification_shown:      # (re-laying out costs)
            self._classification_shown = classification
            self.fit()
        if classification:
            self.train_accuracy_curve.setData(x, h.column("train_accuracy"))
            self.test_accuracy_curve.setData(x, h.column("test_accuracy"))

    def _show_figures(self) -> None:
        self.figures.setText(self.figures_text())

    def fit(self) -> None:
        """The accuracy strip only where it leaves the loss curve room; titles that fit."""
        strip = bool(self._classification_shown) and strip_fits(self)
        if strip != self.accuracy_widget.isVisibleTo(self):
            self.accuracy_widget.setVisible(strip)
            self.plot.setLabel("bottom", None if strip else self.tr("epoch"))
        left = self.plot.getAxis("left")                # wide enough for title and ticks
        width = (QFontMetricsF(tick_font(left)).horizontalAdvance("0.00") + left.style["tickLength"]
                 + QFontMetricsF(title_font(left)).height() + 10)
        for plot in (self.plot, self.accuracy_plot):       # (both: their x axes line up)
            if abs(plot.getAxis("left").width() - max(52, width)) > 1:
                plot.getAxis("left").setWidth(round(max(52, width)))
        for axis in (self.plot.getAxis("left"), self.plot.getAxis("bottom"),
                     self.accuracy_plot.getAxis("left"), self.accuracy_plot.getAxis("bottom")):
            fit_title(axis)

    def resizeEvent(self, event) -> None:      # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:      # noqa: N802: fonts (presentation), language
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.LanguageChange):
            QTimer.singleShot(0, self, self.fit)

    def _update_ranges(self, h, start: int, n: int) -> None:
        """Axis ranges that only grow, in nice steps: most frames leave the axes alone, so a
        redraw repaints the curves only (auto-range would re-lay out both axes every frame)."""
        if n == 0:
            self.plot.setRange(xRange=(0, 1), yRange=(0, 1) if not self.is_log() else (-3, 0),
                               padding=0)
            return
        epochs = h.column("epoch")
        last = float(epochs[-1])
        if last > self._xmax:
            self._xmax = _nice_above(last * 1.25)
            if self.log_x_box.isChecked():
                first = epochs[epochs > 0]
                lo = np.floor(np.log10(first[0])) if first.size else -1.0
                self.plot.setXRange(float(lo), float(np.log10(self._xmax)), padding=0)
            else:
                self.plot.setXRange(0, self._xmax, padding=0)
        values = self._range_values(h, n)
        if not values.size:
            return
        if self.is_log():          # the view is in log10 units; whole decades
            lo, hi = float(np.floor(np.log10(values.min()))), float(np.ceil(np.log10(values.max())))
        else:
            lo, hi = 0.0, _nice_above(float(values.max()) * 1.05)
        old = self._yrange
        # grow at once; shrink only when the data needs less than half the axis (few re-layouts)
        if old is None or lo < old[0] or hi > old[1] or (hi - lo) < 0.5 * (old[1] - old[0]):
            self._yrange = (lo, hi if hi > lo else lo + 1.0)
            self.plot.setYRange(*self._yrange, padding=0)

    @staticmethod
    def _range_values(h, n: int) -> np.ndarray:
        """What the loss axis must show: the untrained loss (the start of the drop) and the
        recent half of the run, so after a spike the axis follows the curve down again."""
        recent = n // 2
        with np.errstate(all="ignore"):
            v = np.concatenate([h.column("train_loss")[:1], h.column("test_loss")[:1],
                                h.column("train_loss")[recent:n], h.column("test_loss")[recent:n]])
            return v[np.isfinite(v) & (v > 0)]

    def _classification(self) -> bool:
        """True unless the data (or, without data, the history) is a regression problem."""
        from ..data_commands import current_split
        doc = getattr(self.controller, "doc", None)
        split = current_split(doc) if doc is not None else None
        if split is not None:
            return split[0].kind != "regression"
        h = self.controller.history
        return h.n == 0 or bool(np.isfinite(h.column("train_accuracy")[-1]))

    # ------------------------------------------------------------ hover readout
    def _hover(self, args) -> None:
        pos = args[0]
        h = self.controller.history
        if h.n == 0:
            return
        for widget in (self.plot_widget, self.accuracy_widget):
            vb = widget.getPlotItem().getViewBox()
            if widget.isVisible() and vb.sceneBoundingRect().contains(pos):
                x = vb.mapSceneToView(pos).x()
                break
        else:
            return
        epochs = h.column("epoch")
        k = int(np.clip(np.searchsorted(epochs, x), 0, h.n - 1))
        if k > 0 and abs(epochs[k - 1] - x) < abs(epochs[k] - x):
            k -= 1
        self.readout.setText(self.readout_text(k))

    def readout_text(self, k: int) -> str:
        """'epoch 12.3 — train 0.0421, test 0.0533' for history row ``k``."""
        h = self.controller.history
        test = h.column("test_loss")[k]
        text = (self.tr("epoch %1 — train %2, test %3") if np.isfinite(test)
                else self.tr("epoch %1 — train %2"))
        return (text.replace("%1", format_number(h.column("epoch")[k], 4))
                .replace("%2", format_number(h.column("train_loss")[k], 3))
                .replace("%3", format_number(test, 3)))
