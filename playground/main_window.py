"""The main window: the canvas in the centre, panels as docks, menus, toolbar, status bar."""
from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QScrollArea, QTabWidget

from core import check_gradients
from core.errors import EngineError

from .canvas.view import NetworkView
from .document import Document
from .file_actions import FileActions
from .formatting import format_number
from .widgets import LiveLabel
from .exercise.window import ExerciseWindow
from .selection import Selection
from .step_docks import StepDocks
from .training_area import TrainingArea
from .window_menus import WindowMenus
from .presentation import Presentation
from .classroom import ClassroomMode
from . import i18n, structure_edits, tooltips
from .engine_text import error_text

STATUS_MS = 4000
"""How long a passing status message stays (a new document clears it at once)."""
STATUS_TRAINING_SECONDS = 0.5
"""While training, the status bar's sample loss follows the run at most this often."""
STEP_DOCK_KEYS = ("steps", "derivation", "exercise", "inspector", "sample", "weights")


class MainWindow(StepDocks, FileActions, WindowMenus, QMainWindow):
    tab_built = Signal(str, object)     # "graph" | "digits", the widget: built on first use

    def __init__(self, doc: Document | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or QSettings()
        self.doc = doc or Document(parent=self)
        self.selection = Selection(self)
        self.view = NetworkView(self.doc, self.selection, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("Network"))
        # the Computational graph and Digits tabs are built when first shown (or first used):
        # the first window needs neither (nor pyqtgraph, which the digits steps import)
        self._graph_explorer = self._digits = None
        # the explorer's controls are wide: scroll them rather than widen the whole window
        self.graph_page = self._scroll_page()
        self.tabs.addTab(self.graph_page, self.tr("Computational graph"))
        self.digits_page = self._scroll_page()     # so its minimum size never widens the other tabs
        self.tabs.addTab(self.digits_page, self.tr("Digits"))
        self.setCentralWidget(self.tabs)
        self.view.scene().graph_requested.connect(self.show_as_graph)
        self.setAcceptDrops(True)

        self.docks = {}
        # the step docks' panels are built on first show or use, or right after the first
        # paint (step_docks.py): the training layout's first frame does not show them
        self._add_step_docks()
        self.docks["weights"].hide()
        self.training = TrainingArea(self)

        self.loss_label = LiveLabel()
        self._status_at = float("-inf")
        self.statusBar().addPermanentWidget(self.loss_label)
        self._build_actions()
        self.presentation = Presentation(self)
        self.classroom = ClassroomMode(self)
        self._build_menus()
        self._build_toolbar()
        self.exercises = ExerciseWindow(self)     # predict before reveal: dock, Step menu items
        self.exercise = self.exercises.session
        self._controls = None       # ControlRegistry, made on first use (see ``controls``)

        self.doc.changed.connect(self._on_changed)
        self.selection.changed.connect(lambda _ref: self._refresh_actions())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.training.controller.running_changed.connect(lambda _on: self._refresh_actions())
        self._docks_before_graph: list[str] | None = None
        self.doc.path_changed.connect(lambda _p: self._update_title())
        self.doc.error.connect(self.show_error)
        self._update_title()
        self._refresh_status()
        self._refresh_actions()
        tooltips.explain(self)
        self.resize(1280, 800)
        restored = self._restore_layout()
        self.training.set_layout(self.settings.value("layout") or self.training.layout_for_document(),
                                 show_docks=not restored)     # restored docks keep their choice
        self.presentation.restore()

    # ------------------------------------------------------------ construction helpers
    @staticmethod
    def _scroll_page() -> QScrollArea:
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QScrollArea.NoFrame)
        return page

    @property
    def controls(self):
        """What lessons and classroom files hide, lock and highlight (made on first use: it
        names the step docks' buttons, and so builds those docks)."""
        if self._controls is None:
            from .controls import ControlRegistry
            self._controls = ControlRegistry(self)
        return self._controls

    @property
    def graph_explorer(self):
        """The Computational graph tab's explorer (built on first use)."""
        if self._graph_explorer is None:
            from .graph import GraphExplorer
            self._graph_explorer = GraphExplorer(self.doc)
            self.graph_page.setWidget(self._graph_explorer)
            self._graph_explorer.moved.connect(self._refresh_actions)
            tooltips.explain_qt_buttons(self._graph_explorer)
            self.tab_built.emit("graph", self._graph_explorer)
        return self._graph_explorer

    @property
    def digits(self):
        """The Digits tab's workspace (built on first use)."""
        if self._digits is None:
            from .digits import DigitsWorkspace
            self._digits = DigitsWorkspace(self.doc)
            self.digits_page.setWidget(self._digits)
            self._digits.show_step_view.connect(lambda: self.tabs.setCurrentWidget(self.view))
            tooltips.explain_qt_buttons(self._digits)     # its tab bars' arrows
            self.tab_built.emit("digits", self._digits)
        return self._digits

    def _add_dock(self, key: str, title: str, widget, area) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    # ------------------------------------------------------------ state → widgets
    def _on_changed(self, change) -> None:
        if change.frame_only:
            return
        if change.structure or change.document:
            self.selection.validate(self.doc.network.sizes)
        if change.document:
            self.statusBar().clearMessage()      # a message about the last document is stale
        if change.training:
            # a run's parameter syncs (12 a second) change neither the stepping actions (the
            # run's end refreshes them) nor, to a reader, need the sample's loss more often
            # than twice a second: each refresh rebuilds the step cursor (forward + backward)
            now = time.perf_counter()
            if now - self._status_at >= STATUS_TRAINING_SECONDS:
                self._status_at = now
                self._refresh_status()
            return
        self._refresh_status()
        self._refresh_actions()

    def graph_shown(self) -> bool:
        return self.tabs.currentWidget() is self.graph_page

    def _refresh_actions(self) -> None:
        """Actions that cannot apply right now are disabled (and say so by being grey)."""
        ref = self.selection.ref
        net = self.doc.network
        self.act_delete.setEnabled(ref is not None and ref[0] == "neuron" and ref[1] > 0
                                   and net.sizes[ref[1]] > 1)
        self.act_remove_layer.setEnabled(net.depth >= 2)
        c, applied = self.doc.cursor, self.doc.update_applied
        if self.graph_shown():
            e = self.graph_explorer
            forward, backward = e.step_forward_button.isEnabled(), e.step_backward_button.isEnabled()
            back, update = e.back_button.isEnabled(), False
            whole = reset = False
        else:
            nxt = c.next_stage() if c is not None else None
            forward = c is not None and (applied or c.at_end or (nxt is not None and nxt.kind in ("forward", "loss")))
            backward = c is not None and not applied and any(
                s.kind == "backward" for s in c.stages[c.position + 1:])
            update, whole = c is not None and not applied, c is not None
            back = c is not None and (applied or not c.at_start or self.doc.can_step_back_into_previous())
            reset = c is not None and not applied and not c.at_start
        for act, on in ((self.act_forward, forward), (self.act_backward, backward),
                        (self.act_update, update), (self.act_whole, whole),
                        (self.act_back, back), (self.act_reset_step, reset)):
            act.setEnabled(bool(on))

    def _refresh_status(self) -> None:
        c = self.doc.cursor
        if c is not None and c.shows_loss():
            text = (self.tr("Loss before the update: %1") if self.doc.update_applied
                    else self.tr("Loss: %1"))
            self.loss_label.setText(text.replace("%1", format_number(c.loss)))
        else:
            self.loss_label.setText("")

    def _update_title(self) -> None:
        name = self.doc.title(i18n.current_language()) or self.tr("Untitled")
        self.setWindowTitle(self.tr("%1[*] — Backprop Playground").replace("%1", name))
        self.setWindowModified(self.doc.modified)

    def _display_changed(self, _checked=None) -> None:
        self.view.scene().set_display(self.act_show_weights.isChecked(),
                                      self.act_show_forward.isChecked(),
                                      self.act_show_backward.isChecked())

    def set_digits(self, n: int) -> None:
        self.view.scene().set_digits(n)
        self._derivation_digits = max(n, 6)             # derivations never show fewer than 6
        if (panel := self.deferred.built("derivation")) is not None:
            panel.set_digits(self._derivation_digits)
        self.exercises.panel.set_digits(max(n, 6))

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    # ------------------------------------------------------------ the two tabs
    def step_forward(self) -> None:
        """F6 / Forward: the network's step, or the graph's when the graph tab is shown."""
        if self.graph_shown():
            self.graph_explorer.step_forward_button.click()
        else:
            self.doc.step_forward()

    def step_backward(self) -> None:
        if self.graph_shown():
            self.graph_explorer.step_backward_button.click()
        else:
            self.doc.step_backward()

    def step_back(self) -> None:
        if self.graph_shown():
            self.graph_explorer.back_button.click()
        else:
            self.doc.step_back()

    def _on_tab_changed(self, _index: int) -> None:
        """The graph tab takes the whole window: the step docks (which explain the canvas)
        hide while it is shown and come back as they were."""
        page = self.tabs.currentWidget()
        if page is self.graph_page:
            self.graph_explorer                 # noqa: B018 (built on first show)
        elif page is self.digits_page:
            self.digits                         # noqa: B018
        if self.graph_shown() or page is self.digits_page:
            if self._docks_before_graph is None:
                self._docks_before_graph = [k for k in STEP_DOCK_KEYS if self.docks[k].isVisible()]
                for k in self._docks_before_graph:
                    self.docks[k].hide()
        elif self._docks_before_graph is not None:
            for k in self._docks_before_graph:
                self.docks[k].show()
            self._docks_before_graph = None
        self._refresh_actions()

    # ------------------------------------------------------------ commands
    def delete_selected(self) -> None:
        ref = self.selection.ref
        if ref and ref[0] == "neuron":
            structure_edits.remove_neuron(self.doc, ref[1], ref[2])

    def add_hidden_layer(self) -> None:
        structure_edits.add_layer(self.doc, self.doc.network.depth)

    def remove_hidden_layer(self) -> None:
        if self.doc.network.depth < 2:
            self.show_error(self.tr("There is no hidden layer to remove."))
            return
        structure_edits.remove_layer(self.doc, self.doc.network.depth - 1)

    def gradient_check(self) -> None:
        p = self.doc.project
        try:
            result = check_gradients(p.network, p.sample_x, p.sample_y, p.loss)
        except EngineError as exc:
            self.show_error(error_text(exc))
            return
        verdict = (self.tr("Back-propagation agrees with finite differences.")
                   if result.passed(1e-6) else
                   self.tr("Back-propagation and finite differences disagree (a kink such as relu at z = 0 can cause this)."))
        text = self.tr("Largest relative error: %1 (at %2).").replace(
            "%1", f"{result.max_relative_error:.3g}").replace("%2", result.worst)
        self.last_gradcheck = result
        self.statusBar().showMessage(f"{text} {verdict}", 15000)
        QMessageBox.information(self, self.tr("Gradient check"), f"{text}\n{verdict}")

    def show_as_graph(self, ref) -> None:
        """Open the unrolled computational graph of a neuron (or of the loss, for an output
        neuron or ``None``) for the current sample, with the same numbers as the canvas."""
        L = self.doc.network.depth
        if ref is not None and ref[0] == "neuron" and ref[1] == 0:
            self.show_error(self.tr("An input has no computation to show."))
            return
        if ref is None or ref[1] == L:
            ok = self.graph_explorer.show_loss(self.doc)
        else:
            ok = self.graph_explorer.show_neuron(self.doc, ref[1], ref[2])
        if ok is not False:
            self.tabs.setCurrentWidget(self.graph_page)

    def reset_document(self) -> None:
        """Undo everything back to the loaded (or last saved) state."""
        self.doc.undo_stack.setIndex(self.doc.undo_stack.cleanIndex()
                                     if self.doc.undo_stack.cleanIndex() >= 0 else 0)
        self.doc.reset_step()

    def export_worksheet(self) -> None:
        """File ▸ Export worksheet… (a network too large for one is refused at once)."""
        from core.worksheet import check_size
        from .worksheet_dialog import WorksheetDialog
        try:
            check_size(self.doc.project)
        except EngineError as exc:
            QMessageBox.warning(self, self.tr("Export worksheet"), error_text(exc))
            return
        self.worksheet_dialog = WorksheetDialog(self)
        self.worksheet_dialog.open()

    def open_lesson(self, name_or_path: str) -> bool:
        """A bundled lesson by name, or a lesson file (classroom files name one)."""
        return self.lessons.open_named(name_or_path)

    def lesson_names(self) -> list[str]:
        return self.lessons.names()

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def about(self) -> None:
        self.help.show_about()

    # ------------------------------------------------------------ window events
    def _restore_layout(self) -> bool:
        """Window geometry and docks as they were left; False if nothing was remembered."""
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if geometry is not None:
            self.restoreGeometry(geometry)
        return state is not None and self.restoreState(state)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.training.shutdown()
        if getattr(self, "worksheet_dialog", None) is not None:
            self.worksheet_dialog.wait_for_export()
        if self._digits is not None:
            self._digits.cancel()
            self._digits.wait_for_fit()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        event.accept()
