"""The main window's actions, menus and toolbar (a part of ``MainWindow``, as ``StepDocks`` and
``FileActions`` are): what each command is called, its shortcut, where it sits."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from .canvas.scene import DEFAULT_DIGITS as CANVAS_DIGITS
from .help import HelpMenu
from .lessons import LessonArea
from .resources import example_names
from .window_language import LanguageMenu

translate = QCoreApplication.translate


def standard_keys(standard, *extra: str) -> list[QKeySequence]:
    """The platform's key sequences for a standard action, then ``extra`` ones, each once: an
    action that carries one sequence twice is an ambiguous shortcut on X11 and never fires."""
    keys: list[QKeySequence] = []
    for k in [*QKeySequence.keyBindings(standard), *(QKeySequence(e) for e in extra)]:
        if not k.isEmpty() and k not in keys:
            keys.append(k)
    return keys


class WindowMenus:
    """Builds the actions (``act_*``), the menu bar (``menus``) and the main toolbar."""

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None,
                checkable=False) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.setCheckable(checkable)
        if slot is not None:
            (act.toggled if checkable else act.triggered).connect(slot)
        return act

    def _build_actions(self) -> None:
        d = self.doc
        self.act_new = self._action(
            translate("MainWindow", "&New"), self.new_document, QKeySequence.New)
        self.act_open = self._action(
            translate("MainWindow", "&Open…"), self.open_dialog, QKeySequence.Open)
        self.act_save = self._action(translate("MainWindow", "&Save"), self.save, QKeySequence.Save)
        self.act_save_as = self._action(
            translate("MainWindow", "Save &As…"), self.save_as, QKeySequence("Ctrl+Shift+S"))
        self.act_export_worksheet = self._action(
            translate("MainWindow", "Export &worksheet…"), self.export_worksheet, None,
            translate("MainWindow", "The forward/backward table as a PDF with blanks, and its answer key"))
        self.act_quit = self._action(
            translate("MainWindow", "&Quit"), self.close, QKeySequence.Quit)
        self.act_undo = self.act_redo = None
        self._make_undo_actions()
        # toolbar buttons keep a short fixed label; the menu items name the command
        stack = d.undo_stack
        self.act_undo_short = self._action(translate("MainWindow", "Undo"), stack.undo)
        self.act_redo_short = self._action(translate("MainWindow", "Redo"), stack.redo)
        self.act_undo_short.setEnabled(stack.canUndo())
        self.act_redo_short.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.act_undo_short.setEnabled)
        stack.canRedoChanged.connect(self.act_redo_short.setEnabled)
        self.act_delete = self._action(
            translate("MainWindow", "&Delete selected neuron"), self.delete_selected,
            QKeySequence.Delete)
        self.act_forward = self._action(
            translate("MainWindow", "&Forward one layer"), self.step_forward, "F6")
        self.act_backward = self._action(
            translate("MainWindow", "&Backward one layer"), self.step_backward, "F7")
        self.act_update = self._action(
            translate("MainWindow", "Apply &update"), d.apply_update, "F8")
        self.act_whole = self._action(translate("MainWindow", "&Whole step"), d.whole_step, "F9")
        self.act_back = self._action(
            translate("MainWindow", "Step &back"), self.step_back, "Shift+F6")
        self.act_reset_step = self._action(
            translate("MainWindow", "&Reset step"), d.reset_step, "Ctrl+F6")
        self.act_reset_doc = self._action(
            translate("MainWindow", "Reset to the document's starting values"), self.reset_document)
        self.act_gradcheck = self._action(
            translate("MainWindow", "&Gradient check"), self.gradient_check, "Ctrl+G",
            translate("MainWindow", "Compare back-propagation with finite differences"))
        self.act_add_layer = self._action(
            translate("MainWindow", "Add hidden &layer"), self.add_hidden_layer)
        self.act_remove_layer = self._action(
            translate("MainWindow", "&Remove last hidden layer"), self.remove_hidden_layer)
        self.act_loss_graph = self._action(
            translate("MainWindow", "Show the loss as a computational &graph"),
            lambda: self.show_as_graph(None))
        self.act_fullscreen = self._action(
            translate("MainWindow", "&Full screen"), self.toggle_fullscreen, "F11")
        self.act_fit = self._action(
            translate("MainWindow", "&Fit network to window"), self.view.fit_to_view, "Ctrl+0")
        self.act_zoom_in = self._action(translate("MainWindow", "Zoom &in"), self.view.zoom_in)
        self.act_zoom_in.setShortcuts(standard_keys(QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="))
        self.act_zoom_out = self._action(
            translate("MainWindow", "Zoom &out"), self.view.zoom_out, QKeySequence.ZoomOut)
        self.act_show_weights = self._action(
            translate("MainWindow", "Show &weights"), self._display_changed, None, None, True)
        self.act_show_forward = self._action(
            translate("MainWindow", "Show z and &a"), self._display_changed, None, None, True)
        self.act_show_backward = self._action(
            translate("MainWindow", "Show δ and &gradients"), self._display_changed, None, None, True)
        for act in (self.act_show_weights, self.act_show_forward, self.act_show_backward):
            act.blockSignals(True)
            act.setChecked(True)
            act.blockSignals(False)

    def _make_undo_actions(self) -> None:
        stack = self.doc.undo_stack
        self.act_undo = stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.act_undo.setShortcut(QKeySequence.Undo)
        self.act_redo = stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.act_redo.setShortcuts(standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))

    def rebuild_undo_actions(self) -> None:
        """New Undo/Redo menu items: a QUndoStack action keeps the prefix it was made with."""
        old = (self.act_undo, self.act_redo)
        self._make_undo_actions()
        for before, after in zip(old, (self.act_undo, self.act_redo)):
            for w in before.associatedObjects():
                if hasattr(w, "insertAction"):
                    w.insertAction(before, after)
                    w.removeAction(before)
            before.setParent(None)
            before.deleteLater()
        if getattr(self, "_controls", None) is not None:
            self._controls.reapply()          # a locked Undo stays locked in the new language

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menus = {}
        m = self.menus["file"] = mb.addMenu(translate("MainWindow", "&File"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(translate("MainWindow", "Open &Recent"))
        self.examples_menu = m.addMenu(translate("MainWindow", "&Examples"))
        self.rebuild_examples_menu()
        self.lessons = LessonArea(self, m)
        m.addAction(self.classroom.act_open)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addAction(self.act_export_worksheet)
        m.addSeparator()
        m.addAction(self.act_quit)
        self._rebuild_recent_menu()

        m = self.menus["edit"] = mb.addMenu(translate("MainWindow", "&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addAction(self.act_delete)

        m = self.view_menu = self.menus["view"] = mb.addMenu(translate("MainWindow", "&View"))
        m.addActions([self.act_show_weights, self.act_show_forward, self.act_show_backward])
        digits_menu = m.addMenu(translate("MainWindow", "Significant &digits"))
        group = QActionGroup(self)
        for n in (3, 4, 5, 6, 8, 10):
            act = digits_menu.addAction(str(n))
            act.setCheckable(True)
            act.setChecked(n == CANVAS_DIGITS)
            group.addAction(act)
            act.triggered.connect(lambda _=False, k=n: self.set_digits(k))
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_fullscreen])
        m.addSeparator()
        for dock in self.docks.values():
            m.addAction(dock.toggleViewAction())
        m.addSeparator()
        self.language_menu = LanguageMenu(self, m)
        self.presentation.build_menu(m)
        m.addSeparator()
        m.addAction(self.classroom.act_unlock)

        m = self.menus["network"] = mb.addMenu(translate("MainWindow", "&Network"))
        m.addActions([self.act_add_layer, self.act_remove_layer])
        m.addSeparator()
        m.addActions([self.act_gradcheck, self.act_loss_graph])

        m = self.step_menu = self.menus["step"] = mb.addMenu(translate("MainWindow", "&Step"))
        m.addActions([self.act_forward, self.act_backward, self.act_update, self.act_whole])
        m.addSeparator()
        m.addActions([self.act_back, self.act_reset_step, self.act_reset_doc])

        self.menus["train"] = self.training.build_menu(mb, self.view_menu)
        self.help = HelpMenu(self)
        self.help.build(mb)
        self.menus["help"] = self.help.menu
        self.act_about = self.help.act_about

    def rebuild_examples_menu(self) -> None:
        """One item per bundled example, titled in the current language."""
        self.examples_menu.clear()
        for name in example_names():
            title, description = self._example_texts(name)
            act = self.examples_menu.addAction(title)
            act.setStatusTip(description)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.open_example(n))

    def _build_toolbar(self) -> None:
        # toolbar buttons show the short icon text; menus keep the full names
        for act, short in ((self.act_forward, translate("MainWindow", "Forward")),
                           (self.act_backward, translate("MainWindow", "Backward")),
                           (self.act_update, translate("MainWindow", "Update")),
                           (self.act_fit, translate("MainWindow", "Fit"))):
            act.setIconText(short)
        tb = self.toolbar = self.addToolBar(translate("MainWindow", "Main"))
        tb.setObjectName("toolbar_main")
        tb.addActions([self.act_new, self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo_short, self.act_redo_short])
        tb.addSeparator()
        tb.addActions([self.act_forward, self.act_backward, self.act_update, self.act_whole, self.act_back])
        tb.addSeparator()
        tb.addActions([self.act_fit, self.act_gradcheck])
        self.training.build_toolbar(tb)
