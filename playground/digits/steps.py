"""The three numbered steps, Keras style: (1) structure, (2) compile, (3) fit.

Each step is a group box that shows the document's current values and sends its edits to
the workspace (which turns them into undo steps); the steps hold no model state of their own.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from core.digit_projects import parse_hidden_sizes

from ..plots.loss_plot import TEST_COLOUR, TRAIN_COLOUR
from core.errors import EngineError
from ..engine_text import error_text
from ..widgets import arg


def _combo(items) -> QComboBox:
    c = QComboBox()
    c.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    c.setMinimumContentsLength(7)
    for text, data in items:
        c.addItem(text, data)
    return c


def _select(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


class StructureStep(QGroupBox):
    """1 — the data set (which fixes the inputs), the hidden layers and the activations."""

    build_requested = Signal()
    preset_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("① Structure"))
        form = QFormLayout(self)
        self.preset = _combo([(self.tr("(choose a preset…)"), ""),
                              (self.tr("Quick: 8×8 digits, 64-32-10"), "digits_8x8_64_32_10"),
                              (self.tr("Seed 001: MNIST 784-30-10, sigmoid"), "seed001_mnist_784_30_10"),
                              (self.tr("Seed 002: MNIST 784-500-500-10, sigmoid + softmax"),
                               "seed002_mnist_784_500_500_10")])
        self.preset.activated.connect(lambda _i: self.preset.currentData()
                                      and self.preset_chosen.emit(self.preset.currentData()))
        self.preset.setToolTip(self.tr("A ready-made model from the articles: fills in the structure "
                                       "and the compile settings and builds it"))
        form.addRow(self.tr("Preset:"), self.preset)
        self.data_set = _combo([(self.tr("8×8 digits (1,797 images)"), "digits_8x8"),
                                (self.tr("MNIST 28×28 (5,000 images)"), "mnist_5k")])
        self.data_set.setToolTip(self.tr("The images to learn from; their size fixes the inputs "
                                         "(8×8 = 64, 28×28 = 784 pixels)"))
        form.addRow(self.tr("Data set:"), self.data_set)
        self.hidden = QLineEdit("30")
        self.hidden.setPlaceholderText(self.tr("e.g. 500, 500 or 30 (empty: no hidden layer)"))
        self.hidden.setToolTip(self.tr("Neurons per hidden layer, separated by commas (1 to 8 layers); "
                                       "empty: the inputs connect straight to the 10 outputs"))
        form.addRow(self.tr("Hidden layers:"), self.hidden)
        acts = [(self.tr("sigmoid"), "sigmoid"), (self.tr("tanh"), "tanh"), (self.tr("ReLU"), "relu")]
        self.hidden_act = _combo(acts)
        self.hidden_act.setToolTip(self.tr("The activation function of every hidden layer (the "
                                           "articles use sigmoid)"))
        form.addRow(self.tr("Hidden:"), self.hidden_act)
        self.output_act = _combo([(self.tr("softmax"), "softmax"), (self.tr("sigmoid"), "sigmoid")])
        self.output_act.setToolTip(self.tr("The activation of the 10 output neurons (one per digit): "
                                           "softmax gives probabilities that sum to 1"))
        form.addRow(self.tr("Output (10):"), self.output_act)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        self.build = QPushButton(self.tr("Build (new random weights)"))
        self.build.setToolTip(self.tr("Make the network with these layers and new random weights "
                                      "(one undo step)"))
        self.build.clicked.connect(self.build_requested)
        form.addRow(self.build)
        for sig in (self.data_set.currentIndexChanged, self.hidden.textChanged):
            sig.connect(self._update_summary)
        self._update_summary()

    def sizes(self) -> list[int]:
        """[inputs, hidden…, 10]; raises EngineError for a bad hidden-layer text."""
        n_in = 64 if self.data_set.currentData() == "digits_8x8" else 784
        return [n_in, *parse_hidden_sizes(self.hidden.text()), 10]

    def _update_summary(self) -> None:
        try:
            sizes = self.sizes()
        except EngineError as exc:
            self.summary.setText(arg(self.tr("Hidden layers: %1"), error_text(exc)))
            self.build.setEnabled(False)
            return
        params = sum(sizes[k + 1] * (sizes[k] + 1) for k in range(len(sizes) - 1))
        self.summary.setText(self.tr("%1  (%2 weights and biases)")
                             .replace("%1", " → ".join(map(str, sizes)))
                             .replace("%2", f"{params:,}"))
        self.build.setEnabled(True)

    def show_project(self, p) -> None:
        if p.digits is None:
            return
        _select(self.data_set, "mnist_5k" if p.digits.side == 28 else "digits_8x8")
        self.hidden.setText(", ".join(str(n) for n in p.network.sizes[1:-1]))
        if p.network.depth > 1:
            _select(self.hidden_act, p.network.layers[0].activation)
        _select(self.output_act, p.network.layers[-1].activation)


LOSS_ITEMS = {"softmax": ("softmax_cross_entropy", "half_squared_error"),
              "sigmoid": ("binary_cross_entropy", "half_squared_error")}


class CompileStep(QGroupBox):
    """2 — the loss, the optimizer, learning rate, batch size and L2 weight decay."""

    compile_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("② Compile: loss, optimizer"))
        form = QFormLayout(self)
        self.loss = _combo([])
        self.loss.setToolTip(self.tr("The loss function the fit minimises (the choices depend on "
                                     "the output activation)"))
        form.addRow(self.tr("Loss:"), self.loss)
        self.method = _combo([(self.tr("SGD (mini-batch)"), "sgd"), (self.tr("Momentum"), "momentum"),
                              (self.tr("Adam"), "adam")])
        self.method.setToolTip(self.tr("How each mini-batch's gradient becomes an update: plain SGD, "
                                       "with momentum, or Adam"))
        form.addRow(self.tr("Optimizer:"), self.method)
        self.learning_rate = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=100.0, value=0.1,
                                            singleStep=0.01)
        self.learning_rate.setToolTip(self.tr("Learning rate η (0.0001–100): each update moves the "
                                              "weights by −η·∂L/∂w"))
        form.addRow(self.tr("Learning rate η:"), self.learning_rate)
        self.batch = QSpinBox(minimum=1, maximum=5000, value=10)
        self.batch.setToolTip(self.tr("Images per update (1–5000): 1 is stochastic gradient descent, "
                                      "larger batches give smoother, fewer steps"))
        form.addRow(self.tr("Batch size:"), self.batch)
        self.l2 = QDoubleSpinBox(decimals=6, minimum=0.0, maximum=10.0, value=0.0, singleStep=0.0001)
        self.l2.setToolTip(self.tr("L2 weight decay λ: the objective gains (λ/2)·Σw², each step "
                                   "shrinks the weights by η·λ·w (biases are not decayed)"))
        form.addRow(self.tr("L2 weight decay λ:"), self.l2)
        self.precision = _combo([(self.tr("float64 (exact)"), "float64"),
                                 (self.tr("float32 (fast)"), "float32")])
        self.precision.setToolTip(self.tr(
            "The arithmetic of Fit. float64: the same numbers the step-by-step view computes. "
            "float32: about twice as fast for 784-input networks; every product is rounded to "
            "float32 (about 7 significant digits). Either way the weights are stored and shown "
            "exactly as trained, and the step-by-step view explains them in float64."))
        form.addRow(self.tr("Precision:"), self.precision)
        self.apply = QPushButton(self.tr("Compile"))
        self.apply.setToolTip(self.tr("Use this loss and optimizer for the next fit (the weights "
                                      "stay)"))
        self.apply.clicked.connect(self.compile_requested)
        form.addRow(self.apply)
        self.set_output("softmax")

    def set_output(self, output_activation: str) -> None:
        current = self.loss.currentData()
        names = {"softmax_cross_entropy": self.tr("cross-entropy −Σ y ln a"),
                 "binary_cross_entropy": self.tr("cross-entropy −Σ[y ln a + (1−y) ln(1−a)]"),
                 "half_squared_error": self.tr("quadratic ½Σ(a − y)² (mse)")}
        self.loss.blockSignals(True)
        self.loss.clear()
        for key in LOSS_ITEMS.get(output_activation, ("half_squared_error",)):
            self.loss.addItem(names[key], key)
        _select(self.loss, current)
        self.loss.blockSignals(False)

    def show_project(self, p) -> None:
        self.set_output(p.network.layers[-1].activation)
        _select(self.loss, p.loss)
        o = p.optimizer
        _select(self.method, o.method)
        self.learning_rate.setValue(o.learning_rate)
        self.batch.setValue(max(1, p.batch_size))
        self.l2.setValue(o.regularization_rate if o.regularization == "l2" else 0.0)
        _select(self.precision, p.precision)


class FitStep(QGroupBox):
    """3 — epochs, Fit / Cancel, a progress bar, live curves and "Epoch i: correct / total"."""

    fit_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("③ Fit"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Epochs:")))
        self.epochs = QSpinBox(minimum=1, maximum=1000, value=10)
        self.epochs.setToolTip(self.tr("How many passes over the training images the fit makes "
                                       "(1–1000)"))
        row.addWidget(self.epochs)
        self.fit = QPushButton(self.tr("Fit"))
        self.fit.setToolTip(self.tr("Train for the chosen epochs in the background; the curves and "
                                    "the test accuracy update as it runs"))
        self.fit.clicked.connect(self.fit_requested)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop the fit; the weights reached so far are kept"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.cancel_requested)
        row.addWidget(self.fit)
        row.addWidget(self.cancel)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("idle"))
        lay.addWidget(self.progress)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        self.plots.setMinimumHeight(120)
        self.loss_plot = self.plots.addPlot(title=self.tr("loss"))
        self.acc_plot = self.plots.addPlot(title=self.tr("accuracy"))
        self.acc_plot.setYRange(0, 1)
        for plot, corner in ((self.loss_plot, (-5, 5)), (self.acc_plot, (-5, -5))):
            plot.addLegend(offset=corner, labelTextColor="#333",
                           brush=pg.mkBrush(255, 255, 255, 200))
            plot.setLabel("bottom", self.tr("epoch"))
            plot.showGrid(x=True, y=True, alpha=0.2)
        pens = {"train": pg.mkPen(TRAIN_COLOUR, width=2),
                "test": pg.mkPen(TEST_COLOUR, width=2, style=Qt.DashLine)}
        self.curves = {}
        for key, plot in (("loss", self.loss_plot), ("accuracy", self.acc_plot)):
            for part, name in (("train", self.tr("train")), ("test", self.tr("test"))):
                self.curves[(key, part)] = plot.plot([], [], pen=pens[part], name=name,
                                                     symbol="o", symbolSize=4,
                                                     symbolBrush=pens[part].color(),
                                                     symbolPen=pens[part].color())
        lay.addWidget(self.plots, 1)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.log.setMinimumHeight(48)
        self.log.setMaximumHeight(110)
        lay.addWidget(self.log)

    def set_running(self, running: bool) -> None:
        self.fit.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.epochs.setEnabled(not running)

    def show_history(self, h) -> None:
        """Curves from the document's history (train/test loss and accuracy per epoch)."""
        ep = list(h.epoch)

        def series(values):
            pts = [(e, v) for e, v in zip(ep, values) if v is not None]
            return [e for e, _ in pts], [v for _, v in pts]
        for (key, part), values in ((("loss", "train"), h.train_loss), (("loss", "test"), h.test_loss),
                                    (("accuracy", "train"), h.train_accuracy),
                                    (("accuracy", "test"), h.test_accuracy)):
            self.curves[(key, part)].setData(*series(values))

    def add_log(self, line: str) -> None:
        self.log.appendPlainText(line)


class StepsColumn(QWidget):
    """① and ② side by side, ③ below them with the room for its curves."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.structure = StructureStep()
        self.compile = CompileStep()
        self.fit = FitStep()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint, 0, 0, 1, 2)
        lay.addWidget(self.structure, 1, 0)
        lay.addWidget(self.compile, 1, 1)
        lay.addWidget(self.fit, 2, 0, 1, 2)
        lay.setRowStretch(2, 1)
        lay.setColumnStretch(0, 1)
        lay.setColumnStretch(1, 1)
        self.structure.output_act.currentIndexChanged.connect(
            lambda _i: self.compile.set_output(self.structure.output_act.currentData()))
        # a new data set suggests its precision (784 inputs: float32, fast; 8×8: float64);
        # step 2 shows it before Build, and the user can change it there
        self.structure.data_set.activated.connect(
            lambda _i: _select(self.compile.precision, "float32"
                               if self.structure.data_set.currentData() == "mnist_5k" else "float64"))
