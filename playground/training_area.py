"""The training side of the main window: the TrainingController, the Data / Training / Output /
Loss docks, neuron thumbnails and hover maps on the canvas, the Train menu and toolbar, the
epoch counter in the status bar, and the two dock layouts (step by step, training).

The window stays a composition: this module builds the pieces and wires them to the one
Document; the pieces themselves live in panels/, plots/, canvas/thumbnails.py and training/.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QLabel, QStyle, QWidget

from .canvas.thumbnails import NeuronThumbnails
from .column_scroll import ColumnScrollArea
from .divergence_text import divergence_text
from .panels.data_panel import DataPanel
from .panels.training_panel import TrainingPanel, can_train
from .training.controller import TrainingController

STEP_DOCKS = ("inspector", "sample", "steps", "derivation")
TRAIN_DOCKS = ("data", "training", "boundary", "loss")
LAYOUTS = ("step", "train")
OUTPUT_SHARE = 0.36
"""The output view's share of the window width in the training layout."""
OUTPUT_MIN_WIDTH = 320


def _scrolling(widget):
    return ColumnScrollArea(widget)


class TrainingArea(QObject):
    layout_shown = Signal(str)
    """A layout's docks were just shown (its name); presentation mode hides what it does not keep."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        doc = self.doc = window.doc
        self.controller = TrainingController(doc, self)
        self.data_panel = DataPanel(doc, self.controller)
        self.training_panel = TrainingPanel(doc, self.controller)
        self._boundary_plot = self._loss_plot = None     # built when first shown (pyqtgraph)
        scene = window.view.scene()
        self.thumbnails = NeuronThumbnails(doc, self.controller, scene, self)
        scene.neuron_hovered.connect(self._on_neuron_hovered)

        window._add_dock("data", self.tr("Data"), _scrolling(self.data_panel), Qt.LeftDockWidgetArea)
        window._add_dock("training", self.tr("Training"), _scrolling(self.training_panel),
                         Qt.LeftDockWidgetArea)
        window._add_dock("boundary", self.tr("Output"), QWidget(), Qt.RightDockWidgetArea)
        window._add_dock("loss", self.tr("Loss"), QWidget(), Qt.RightDockWidgetArea)
        for key in ("boundary", "loss"):
            window.docks[key].visibilityChanged.connect(
                lambda visible: self.build_plots() if visible else None)
        self._sized = False
        self.current_layout = "step"
        self.keep_docks = None
        """None, or (presentation mode) layout name → the docks of it that are shown."""

        self.status_label = QLabel()
        window.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        c = self.controller
        c.running_changed.connect(self._on_running)
        self._status_at = float("-inf")
        c.finished.connect(self._on_finished)
        doc.changed.connect(self._on_doc_changed)
        self._on_running(False)
        window.installEventFilter(self)

    # ------------------------------------------------------------ the plots, built on demand
    def build_plots(self) -> None:
        """Build the heat map and the loss plot (and load pyqtgraph, ~250 ms) the first time
        one of their docks shows or they are asked for; a window that opens step by step
        never waits for them. Each reads the Document and the history as they are then."""
        if self._boundary_plot is not None:
            return
        from .plots.boundary_plot import BoundaryPlot
        from .plots.loss_plot import LossPlot
        self._boundary_plot = BoundaryPlot(self.doc, self.controller)
        self._loss_plot = LossPlot(self.controller)
        docks = self.window.docks
        for key, widget in (("boundary", self._boundary_plot), ("loss", self._loss_plot)):
            placeholder = docks[key].widget()
            docks[key].setWidget(widget)
            placeholder.deleteLater()

    @property
    def boundary_plot(self):
        self.build_plots()
        return self._boundary_plot

    @property
    def loss_plot(self):
        self.build_plots()
        return self._loss_plot

    def plots_built(self) -> bool:
        return self._boundary_plot is not None

    # ------------------------------------------------------------ actions, menu, toolbar
    def _build_actions(self) -> None:
        w, c = self.window, self.controller
        style = w.style()
        self._play_icons = (style.standardIcon(QStyle.SP_MediaPlay),
                            style.standardIcon(QStyle.SP_MediaPause))
        self.act_play = w._action(self.tr("&Play"), c.toggle, "Ctrl+Return",
                                  self.tr("Train continuously on the data set (again: pause)"))
        self.act_step_epoch = w._action(self.tr("Train one &epoch"), c.step_epoch, "Ctrl+E")
        self.act_step_epoch.setIconText(self.tr("One epoch"))
        self.act_reset = w._action(self.tr("&Reset weights"), lambda: c.reset_weights(),
                                   None, self.tr("Back to the same initial weights; clears the history"))
        self.act_reinit = w._action(self.tr("Re-&initialise weights"),
                                    lambda: c.reset_weights(new_seed=True),
                                    None, self.tr("New random initial weights (a new seed)"))
        self.act_layout_step = w._action(self.tr("Step-by-step layout"),
                                         lambda: self.set_layout("step"), "Ctrl+1",
                                         self.tr("Show the stepping and derivation panels"))
        self.act_layout_step.setIconText(self.tr("Step by step"))
        self.act_layout_train = w._action(self.tr("Training layout"),
                                          lambda: self.set_layout("train"), "Ctrl+2",
                                          self.tr("Show the data, training and plot panels"))
        self.act_layout_train.setIconText(self.tr("Training"))
        self.act_thumbnails = w._action(self.tr("Neuron &thumbnails"), self.thumbnails.set_enabled,
                                        None, None, True)
        self.act_thumbnails.blockSignals(True)
        self.act_thumbnails.setChecked(True)
        self.act_thumbnails.blockSignals(False)
        group = QActionGroup(self)
        for act in (self.act_layout_step, self.act_layout_train):
            act.setCheckable(True)
            group.addAction(act)
        self.act_layout_step.setChecked(True)

    def build_menu(self, menubar, view_menu) -> None:
        m = menubar.addMenu(self.tr("&Train"))
        m.addActions([self.act_play, self.act_step_epoch])
        m.addSeparator()
        m.addActions([self.act_reset, self.act_reinit])
        view_menu.addSeparator()
        view_menu.addActions([self.act_layout_step, self.act_layout_train, self.act_thumbnails])
        return m

    def build_toolbar(self, toolbar) -> None:
        toolbar.addSeparator()
        toolbar.addActions([self.act_play, self.act_step_epoch])
        toolbar.addSeparator()
        toolbar.addActions([self.act_layout_step, self.act_layout_train])

    # ------------------------------------------------------------ layouts
    def set_layout(self, name: str, show_docks: bool = True) -> None:
        """Show the docks of one way of working: stepping one sample, or training on data.
        ``show_docks=False`` only records the choice (docks restored from the settings)."""
        self._sized = self._sized or not show_docks
        if name not in LAYOUTS:
            name = "step"
        self.current_layout = name
        self.window.view.scene().set_step_values(name == "step")
        self.window.view.set_keep_readable(name == "step")     # values legible when stepping
        if show_docks:
            shown, hidden = ((STEP_DOCKS, TRAIN_DOCKS) if name == "step"
                             else (TRAIN_DOCKS, STEP_DOCKS))
            docks = self.window.docks
            for key in hidden:
                docks[key].hide()
            deferred = getattr(self.window, "deferred", None)
            if deferred is not None and self.window.isVisible():
                deferred.build_shown(shown)  # built before they show: sized for their content
            # the graph and Digits tabs hold the step docks back (MainWindow._on_tab_changed):
            # a document opened there brings them back with the Network tab, not over the tab
            held = getattr(self.window, "_docks_before_graph", None)
            if held is not None:
                held[:] = [k for k in held if k not in hidden]
            keep = self.keep_docks(name) if self.keep_docks is not None else shown
            for key in shown:
                if key not in keep:
                    continue          # presentation mode: never shown, so the window keeps its size
                if held is not None and key in STEP_DOCKS:
                    if key not in held:
                        held.append(key)
                else:
                    docks[key].show()
            if name == "train" and not self._sized:
                QTimer.singleShot(0, self._first_sizes)
        (self.act_layout_step if name == "step" else self.act_layout_train).setChecked(True)
        self.window.settings.setValue("layout", name)
        if show_docks:
            self.layout_shown.emit(name)

    def _first_sizes(self) -> None:
        """The training docks' sizes the first time they show: the settings taller than the
        data picker, and the output view's share (see ``share_sizes``)."""
        self._sized = True
        w, d = self.window, self.window.docks
        w.resizeDocks([d["data"], d["training"]], [430, 470], Qt.Vertical)
        self.share_sizes()

    def share_sizes(self) -> None:
        """The output view is the centrepiece: its column takes OUTPUT_SHARE of the window's
        width (so it grows with the window) and most of that column's height."""
        w, d = self.window, self.window.docks
        if self.current_layout != "train" or not d["boundary"].isVisible() or d["boundary"].isFloating():
            return
        width = max(OUTPUT_MIN_WIDTH, int(w.width() * OUTPUT_SHARE))
        w.resizeDocks([d["boundary"]], [width], Qt.Horizontal)
        column = d["boundary"].height() + d["loss"].height()
        if column > 0 and d["loss"].isVisible():
            w.resizeDocks([d["boundary"], d["loss"]], [int(column * 0.62), int(column * 0.38)],
                          Qt.Vertical)

    def eventFilter(self, obj, event) -> bool:      # noqa: N802
        if obj is self.window and event.type() == QEvent.Resize and self.current_layout == "train":
            QTimer.singleShot(0, self.share_sizes)
        return False

    def layout_for_document(self) -> str:
        """A document with a data set opens in the training layout, any other step by step."""
        return "train" if self.doc.project.dataset is not None else "step"

    # ------------------------------------------------------------ model → view
    def _on_doc_changed(self, change) -> None:
        if change.data or change.structure or change.document:
            self._enable_actions()
        if change.document:
            self.set_layout(self.layout_for_document())
            self._update_status()
        elif change.history:
            self._update_status()
        elif change.frame is not None:
            self._on_frame_status()

    def _on_neuron_hovered(self, ref) -> None:
        if self._boundary_plot is None:
            return                      # no heat map shown yet: nothing to show it in
        features = self.doc.project.features
        if ref is None or not features:
            self.boundary_plot.clear_neuron_map()
        else:
            self.boundary_plot.show_neuron_map(ref[1], ref[2])

    def _on_running(self, running: bool) -> None:
        self.act_play.setText(self.tr("&Pause") if running else self.tr("&Play"))
        self.act_play.setIcon(self._play_icons[1 if running else 0])
        self._enable_actions()
        self._update_status()

    def _enable_actions(self) -> None:
        running, ok = self.controller.running, can_train(self.doc)
        self.act_play.setEnabled(running or ok)
        self.act_step_epoch.setEnabled(ok and not running)

    def _on_frame_status(self, _frame=None) -> None:
        """The status bar's counter follows training frames at ≤ 10 Hz (as the panel's)."""
        import time
        now = time.perf_counter()
        if not self.controller.running or now - self._status_at >= 0.1:
            self._status_at = now
            self._update_status()

    def _update_status(self, _frame=None) -> None:
        c = self.controller
        if c.running or c.history.n:
            self.status_label.setText(self.training_panel.status_text())
        else:
            self.status_label.setText("")

    def _on_finished(self, reason: str, message: str) -> None:
        if reason == "diverged":
            self.window.statusBar().showMessage(divergence_text(message), 15000)
        elif reason in ("max_epochs", "target_loss"):
            self.window.statusBar().showMessage(self.training_panel.message_label.text(), 8000)

    def shutdown(self) -> None:
        self.controller.shutdown()
