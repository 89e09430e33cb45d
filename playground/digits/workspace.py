"""The Digits workspace: the three steps on the left, the pad and the insight views on the right.

It is a view of the Document: steps 1–2 become one undo step each (``BuildDigitModel``,
``SetSettings``), a fit runs in a worker thread and lands as one ``TrainingRun`` step, and the
pad / confusion matrix / gallery / weight images are recomputed from the document's network
(while a fit runs, from the worker's latest epoch).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from core import problem
from core.digit_preprocess import preprocess
from core.digit_projects import PRESETS, digit_project, preset_project
from core.digits import MAX_VALUE, DigitsSpec
from core.errors import EngineError
from ..engine_text import error_text
from core.forward import predict
from core.losses import check_pairing, get_loss
from core.optim import OptimizerConfig
from core.project import History

from ..commands import SetSample, SetSettings, TrainingRun
from .commands import BuildDigitModel
from .fit_worker import FitWorker, start_fit
from .images import ImageView, ProbabilityBars
from .insights import ConfusionView, MisclassifiedGallery, WeightImages
from .pad import DrawingPad
from .steps import StepsColumn


class PadPanel(QWidget):
    """The pad, what the network sees (the preprocessed image) and its class probabilities."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.pad = DrawingPad()
        left.addWidget(self.pad, 1)
        row = QHBoxLayout()
        self.clear = QPushButton(self.tr("Clear"))
        self.undo = QPushButton(self.tr("Undo stroke"))
        self.clear.setToolTip(self.tr("Wipe the drawing pad to draw a new digit"))
        self.undo.setToolTip(self.tr("Remove the last stroke drawn on the pad"))
        self.clear.clicked.connect(self.pad.clear)
        self.undo.clicked.connect(self.pad.undo_stroke)
        row.addWidget(self.clear)
        row.addWidget(self.undo)
        left.addLayout(row)
        lay.addLayout(left, 3)
        right = QVBoxLayout()
        self.seen = ImageView(self.tr("What the network sees"))
        self.seen.setMaximumSize(190, 210)
        right.addWidget(self.seen, 1)
        self.prediction = QLabel()
        right.addWidget(self.prediction)
        self.bars = ProbabilityBars()
        right.addWidget(self.bars, 3)
        send = QHBoxLayout()
        send.addWidget(QLabel(self.tr("True digit:")))
        self.label = QSpinBox(minimum=0, maximum=9)
        self.label.setToolTip(self.tr("The digit you meant to draw: the target y of the step "
                                      "(0–9)"))
        send.addWidget(self.label)
        send.addStretch(1)
        right.addLayout(send)
        self.send = QPushButton(self.tr("Step through it…"))
        self.send.setToolTip(self.tr("Make this image the sample of the step-by-step view "
                                     "(forward and backward of one digit, every number shown)"))
        right.addWidget(self.send)
        lay.addLayout(right, 2)


class DigitsWorkspace(QWidget):
    show_step_view = Signal()        # the main window switches to the Network tab

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("DigitsWorkspace")
        self.doc = doc
        self.steps = StepsColumn()
        self.pad_panel = PadPanel()
        self.confusion = ConfusionView()
        self.gallery = MisclassifiedGallery()
        self.weights = WeightImages()
        self.views = QTabWidget()
        self.views.addTab(self.pad_panel, self.tr("Draw a digit"))
        self.views.addTab(self.confusion, self.tr("Confusion matrix"))
        self.views.addTab(self.gallery, self.tr("Misclassified"))
        self.views.addTab(self.weights, self.tr("First-layer weights"))
        for i, tip in enumerate((self.tr("Draw a digit with the mouse and see what the network "
                                         "predicts for it"),
                                 self.tr("How often each true digit (row) was predicted as each "
                                         "digit (column), on the test images"),
                                 self.tr("Test images the network gets wrong, with its guess"),
                                 self.tr("Each first-layer neuron's weights drawn as an image: "
                                         "the pattern it responds to"))):
            self.views.setTabToolTip(i, tip)
        split = QSplitter()
        split.addWidget(self.steps)
        split.addWidget(self.views)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split)

        self._thread = self._worker = None
        self._stale = True
        self._run = None                # the fit in progress: old params/history, new records
        self._preview_params = None     # the worker's latest parameters during a fit
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh_insights)
        self._pad_timer = QTimer(self, singleShot=True, interval=15)
        self._pad_timer.timeout.connect(self.update_pad)

        s = self.steps
        s.structure.build_requested.connect(self.build)
        s.structure.preset_chosen.connect(self.apply_preset)
        s.compile.compile_requested.connect(self.compile)
        s.fit.fit_requested.connect(self.fit)
        s.fit.cancel_requested.connect(self.cancel)
        self._pad_from_data = False     # the pad holds a test image whose label is known
        self.pad_panel.pad.changed.connect(self.update_pad)
        self.pad_panel.pad.stroke_started.connect(self._on_stroke_started)
        self.pad_panel.pad.stroke_moved.connect(self._pad_timer.start)
        self.pad_panel.send.clicked.connect(self.send_pad_to_step_view)
        self.gallery.image_chosen.connect(self.load_into_pad)
        doc.changed.connect(self._on_changed)
        doc.undo_stack.before_edit.connect(self._before_edit)
        self._show_document()

    # ------------------------------------------------------------ reading the document
    @property
    def project(self):
        return self.doc.project

    @property
    def spec(self) -> DigitsSpec | None:
        return self.project.digits

    def _on_changed(self, change) -> None:
        if self._run is not None:
            return
        if not self.isVisible():        # a hidden tab costs nothing; it catches up when shown
            self._stale = True
            return
        if change.document or change.structure or change.config or change.data:
            self._show_document()
        elif change.params or change.training:
            self.steps.fit.show_history(self.project.history)
            self._refresh.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self._run is None:
            self._show_document()

    def _show_document(self) -> None:
        self._stale = False
        p, s = self.project, self.steps
        has = p.digits is not None
        s.hint.setText("" if has else self.tr(
            "This document has no digit images. Choose a preset or a structure in step 1 and "
            "press Build — or open a digits example (File ▸ Examples)."))
        s.hint.setVisible(not has)
        s.compile.setEnabled(has)
        s.fit.setEnabled(has)
        if has:
            s.structure.show_project(p)
            s.compile.show_project(p)
            self.pad_panel.pad.set_side(p.digits.side)
        s.fit.show_history(p.history)
        self._refresh.start()

    # ------------------------------------------------------------ steps 1 and 2
    def _optimizer_from_widgets(self) -> tuple[str, OptimizerConfig, int, str]:
        c = self.steps.compile
        l2 = c.l2.value()
        opt = OptimizerConfig(method=c.method.currentData(), learning_rate=c.learning_rate.value(),
                              regularization="l2" if l2 > 0 else "none", regularization_rate=l2)
        return c.loss.currentData(), opt, c.batch.value(), c.precision.currentData()

    def build(self) -> None:
        st = self.steps.structure
        try:
            sizes = st.sizes()
            loss, opt, batch, precision = self._optimizer_from_widgets()
            spec = DigitsSpec(st.data_set.currentData(),
                              0.8 if st.data_set.currentData() == "mnist_5k" else 0.75, 0)
            seed = (self.project.init_seed + 1) if self.project.digits is not None else 0
            p = digit_project(spec, sizes[1:-1], st.hidden_act.currentData(),
                              st.output_act.currentData(), loss, opt, batch,
                              init_seed=seed, training_seed=seed, precision=precision)
        except EngineError as exc:
            QMessageBox.warning(self, self.tr("Cannot build this network"), error_text(exc))
            return
        self.doc.undo_stack.push(BuildDigitModel(self.doc, p, self.tr("Build %1 network")
                                                 .replace("%1", "-".join(map(str, sizes)))))

    def apply_preset(self, key: str) -> None:
        p = preset_project(key)
        self.steps.fit.epochs.setValue(PRESETS[key]["epochs"])
        self.doc.undo_stack.push(BuildDigitModel(self.doc, p, self.tr("Preset: %1").replace("%1", p.title)))

    def compile(self) -> None:
        loss, opt, batch, precision = self._optimizer_from_widgets()
        try:
            check_pairing(get_loss(loss), self.project.network.layers[-1].activation)
        except EngineError as exc:
            QMessageBox.warning(self, self.tr("Cannot compile"), error_text(exc))
            return
        self.doc.undo_stack.push(SetSettings(self.doc, self.tr("Compile: loss and optimizer"),
                                             loss=loss, optimizer=opt, batch_size=batch,
                                             precision=precision))

    # ------------------------------------------------------------ step 3
    @property
    def fitting(self) -> bool:
        return self._run is not None

    def fit(self) -> None:
        if self.fitting or self.spec is None:
            return
        p = self.project
        try:
            data = p.train_data()
            cfg = replace(p.train_config(max_epochs=None, target_loss=None),
                          seed=p.training_seed + len(p.history))
        except EngineError as exc:
            QMessageBox.warning(self, self.tr("Cannot fit"), error_text(exc))
            return
        epochs = self.steps.fit.epochs.value()
        first = p.history.epoch[-1] if len(p.history) else 0.0
        self._run = {"old_params": p.network.get_params(), "old_history": p.history,
                     "records": [], "epochs": epochs, "first": first, "data": data}
        fs = self.steps.fit
        fs.set_running(True)
        self.steps.structure.setEnabled(False)
        self.steps.compile.setEnabled(False)
        fs.progress.setValue(0)
        fs.progress.setFormat(self.tr("epoch 0 of %1").replace("%1", str(epochs)))
        fs.add_log(self.tr("Fit: %1 epochs, %2 training / %3 test images, %4")
                   .replace("%1", str(epochs)).replace("%2", str(len(data.x_train)))
                   .replace("%3", str(len(data.x_test))).replace("%4", p.precision))
        self._worker = FitWorker(p.network, data, cfg, epochs, first)
        self._worker.progress.connect(self._on_progress)
        self._worker.epoch_done.connect(self._on_epoch)
        self._worker.finished.connect(self._on_finished)
        self._thread = start_fit(self._worker)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _before_edit(self, cmd) -> None:
        """Another edit of the document while fitting: stop the fit and drop its result."""
        if self.fitting and not isinstance(cmd, TrainingRun):
            self._run["discard"] = True
            self.cancel()

    def _on_progress(self, epochs_done: float) -> None:
        if self._run is None:
            return
        fs, total = self.steps.fit, self._run["epochs"]
        fs.progress.setValue(int(1000 * min(1.0, epochs_done / total)))
        fs.progress.setFormat(self.tr("epoch %1 of %2").replace("%1", f"{epochs_done:.1f}")
                              .replace("%2", str(total)))

    def _on_epoch(self, rec: dict) -> None:
        if self._run is None:
            return
        self._run["records"].append(rec)
        i = len(self._run["records"])
        fs = self.steps.fit
        fs.add_log(self.tr("Epoch %1: %2 / %3").replace("%1", f"{rec['epoch']:.0f}")
                   .replace("%2", str(rec["correct"])).replace("%3", str(rec["total"])))
        fs.progress.setValue(int(1000 * i / self._run["epochs"]))
        fs.progress.setFormat(self.tr("epoch %1 of %2").replace("%1", str(i))
                              .replace("%2", str(self._run["epochs"])))
        fs.show_history(self._history_with(self._run["old_history"], self._run["records"]))
        self._preview_params = rec["params"]
        data = self._run["data"]
        self._show_test_results(data.labels_test.astype(np.intp), rec["predicted"])
        self.weights.set_weights(rec["first_weights"], self.spec.side)
        self.update_pad()

    @staticmethod
    def _history_with(h: History, records) -> History:
        cols = {k: list(getattr(h, k)) for k in
                ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")}
        for r in records:
            for k in cols:
                cols[k].append(r[k])
        return History(steps=h.steps, **{k: tuple(v) for k, v in cols.items()})

    def _on_finished(self, result: dict) -> None:
        run, self._run = self._run, None
        self._preview_params = None
        self._worker = None
        fs = self.steps.fit
        fs.set_running(False)
        self.steps.structure.setEnabled(True)
        self.steps.compile.setEnabled(True)
        if result.get("error"):
            fs.add_log(self.tr("Fit failed: %1").replace("%1", result["error"]))
            QMessageBox.warning(self, self.tr("Fit failed"), result["error"])
        elif run is not None and not run.get("discard") and result["steps"] > 0:
            words = {"max_epochs": self.tr("done"), "stopped": self.tr("cancelled"),
                     "diverged": self.tr("diverged: the last finite weights were kept")}
            fs.add_log(self.tr("Fit %1 after %2 epochs").replace("%1", words.get(result["reason"], ""))
                       .replace("%2", f"{result['epochs']:.2f}"))
            hist = replace(self._history_with(run["old_history"], run["records"]),
                           steps=run["old_history"].steps + result["steps"])
            self.doc.undo_stack.push(TrainingRun(
                self.doc, self.doc.project, result["params"], hist,
                self.tr("Fit %1 epochs").replace("%1", f"{result['epochs']:.3g}")))
        elif run is not None and run.get("discard"):
            fs.add_log(self.tr("Fit stopped: the document was edited"))
        fs.progress.setFormat(self.tr("idle"))
        self._show_document()

    def wait_for_fit(self, timeout_ms: int = 60000) -> bool:
        """Block until the worker thread has ended (used when the window closes)."""
        if self._thread is not None:
            return self._thread.wait(timeout_ms)
        return True

    # ------------------------------------------------------------ pad and insights
    def _network(self):
        net = self.project.network
        if self._preview_params is not None:
            net = net.copy()
            net.set_params(self._preview_params)
        return net

    def update_pad(self) -> None:
        panel, spec = self.pad_panel, self.spec
        if spec is None:
            panel.bars.set_values(None)
            panel.prediction.setText(self.tr("No digit network yet"))
            return
        side = spec.side
        if panel.pad.is_empty():
            panel.seen.set_image(None)
            panel.bars.set_values(None)
            panel.prediction.setText(self.tr("Draw a digit on the pad"))
            return
        img = preprocess(panel.pad.ink(), side)
        panel.seen.set_image(img, MAX_VALUE[side])
        out = predict(self._network(), img.reshape(1, -1) / MAX_VALUE[side])[0]
        act = self.project.network.layers[-1].activation
        panel.bars.set_values(out, normalised=act == "softmax")
        self.last_image, self.last_output = img, out
        if not self._pad_from_data:
            panel.label.setValue(int(np.argmax(out)))
        panel.prediction.setText(self.tr("Prediction: %1").replace("%1", str(int(np.argmax(out)))))

    def refresh_insights(self) -> None:
        spec = self.spec
        if spec is None or self.fitting:
            self.update_pad()
            return
        data = spec.data()
        _, te = spec.split_indices()
        net = self.project.network
        out = predict(net, data.inputs(te))
        pred = problem.predicted_classes(out, "multiclass", net.layers[-1].activation)
        self._show_test_results(data.labels[te].astype(np.intp), pred)
        self.weights.set_weights(net.layers[0].weights, spec.side)
        self.update_pad()

    def _show_test_results(self, true, pred) -> None:
        spec = self.spec
        data = spec.data()
        _, te = spec.split_indices()
        counts = np.zeros((10, 10), dtype=np.int64)
        np.add.at(counts, (true, np.clip(pred, 0, 9)), 1)
        self.confusion.set_counts(counts)
        self.gallery.set_items(data.images[te], true, pred, MAX_VALUE[spec.side])

    def _on_stroke_started(self) -> None:
        if self.pad_panel.pad.is_empty():
            self._pad_from_data = False

    def load_into_pad(self, image, label: int) -> None:
        self.views.setCurrentWidget(self.pad_panel)
        self._pad_from_data = True
        self.pad_panel.pad.set_image(image)
        self.pad_panel.label.setValue(int(label))

    def send_pad_to_step_view(self) -> None:
        spec = self.spec
        if spec is None or self.pad_panel.pad.is_empty() or self.fitting:
            return
        img = preprocess(self.pad_panel.pad.ink(), spec.side)
        y = np.zeros(10)
        y[self.pad_panel.label.value()] = 1.0
        self.doc.undo_stack.push(SetSample(self.doc, img.reshape(-1) / MAX_VALUE[spec.side], y))
        self.show_step_view.emit()
