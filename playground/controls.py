"""The control registry: stable names for the main window's controls, so a lesson (or a teacher's
classroom file) can hide, lock or highlight them without knowing the widgets.

API::

    reg = ControlRegistry(window)          # window: playground.main_window.MainWindow
    reg.names()                            # every name, in core.control_names.CONTROL_NAMES order
    reg.hide(["menu.file", "data"])        # hidden (added to what is hidden already)
    reg.lock(["canvas.edit", "step.update"])   # disabled, a padlock badge, a "locked" tooltip
    reg.highlight(["step.forward"])        # a thick coloured outline (replaces the last highlight)
    # (View ▸ Unlock, the classroom banner's action, is never locked: window.never_locked)
    reg.show(names) / reg.unlock(names) / reg.unhighlight(names)    # undo for some names
    reg.clear()                            # everything shown, unlocked, unhighlighted
    reg.hidden(), reg.locked(), reg.highlighted()    # the names currently so

Every command takes ``owner=`` (default ``"lesson"``; classroom mode uses ``"classroom"``): each
owner has its own sets and a control is hidden / locked / highlighted while any owner says so, so
a lesson's ``clear("lesson")`` at its next step never unlocks what the teacher's classroom file
locked. ``clear()`` without an owner releases everything; ``hidden(owner)`` etc. ask one owner.

``hide``, ``lock`` and ``highlight`` validate every name first and raise
``core.control_names.UnknownControlError`` (code ``controls.unknown``, parameters ``name`` and
``names``; ``playground.engine_text.error_text`` renders it in the window's language) before
changing anything. The state holds against the window's own refreshes: an action the window
re-enables after a step, or a dock a layout switch shows again, stays locked or hidden until the
registry says otherwise; then it gets the state the window last asked for.

Names (see core/control_names.py) and what each covers — "the X action" means its menu item,
its toolbar button and its keyboard shortcut together:

    step                the Step dock (and its View-menu toggle)
    step.forward        Forward one layer: the action (F6) and the Step dock's button
    step.backward       Backward one layer (F7) and its button
    step.update         Apply update (F8) and its button
    step.whole          Whole step (F9) and its button
    step.back           Step back (Shift+F6) and its button
    step.reset          Reset step (Ctrl+F6) and its button
    step.reset_document Reset to the document's starting values
    step.clicker        PageDown / PageUp (presentation clickers)
    derivation, inspector, sample, weights     those docks
    data                the Data dock (data sets, noise, features, CSV)
    training            the Training dock
    training.play       Play/Pause (Ctrl+Return) and the dock's button
    training.step_epoch Train one epoch (Ctrl+E) and the dock's button
    training.reset      Reset weights, training.reinit Re-initialise weights (actions and buttons)
    training.learning_rate, training.speed, training.batch_size, training.optimizer (with μ, β₁,
    β₂, ε), training.regularization (with its rate), training.activation (hidden activation),
    training.output (output and loss), training.init (initialisation and seed), training.stop
    (stop at epoch / loss)      those fields of the Training dock, and the same settings in the
                        Sample dock (learning rate, optimizer and μ, regularization, loss)
    output, loss        the Output (decision boundary) and Loss docks
    canvas              the Network tab (the canvas)
    canvas.edit         editing on the canvas: header and insert buttons, in-place editing,
                        Delete/+ keys, context menus, and Network ▸ Add/Remove hidden layer,
                        Edit ▸ Delete selected neuron
    graph_explorer      the Computational graph tab, digits the Digits tab
    menu.file … menu.help   a whole menu (File, Edit, View, Network, Step, Train, Help): its title
                        and every action in it (so the shortcuts go too); toolbar the main toolbar
    file.open           New, Open…, Open Recent (dropping a file on the window still opens
                        it); file.save Save, Save As…; file.examples File ▸ Examples
    edit.undo           Undo and Redo (menu items, toolbar buttons, shortcuts)
    file.export_worksheet   File ▸ Export worksheet…
    network.gradient_check  Gradient check; view.layout the two layout switches (Ctrl+1, Ctrl+2);
    view.language       View ▸ Language; view.presentation Presentation mode (F5)

A locked control also shows a padlock badge (toolbar buttons, panel buttons, fields, tabs,
menu titles, docks); an item inside a menu is greyed and says why in its tooltip and the status
bar. Highlights outline the same places in HIGHLIGHT_COLOUR, 4 px (scaled in presentation mode).
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from core.control_names import CONTROL_NAMES, check_names

from .control_parts import ActionPart, CanvasEditPart, DockPart, MenuPart, Part, TabPart, WidgetPart

OWNER = "lesson"
"""The default owner of what is hidden, locked and highlighted (classroom mode uses "classroom")."""


class ControlRegistry(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._parts: dict[str, list[Part]] = _build(window)
        assert tuple(self._parts) == CONTROL_NAMES, "controls and core.control_names disagree"
        # per owner ("lesson", "classroom", …): what it hides, locks and highlights
        self._state: dict[str, dict[str, set[str]]] = {}

    def _of(self, owner: str) -> dict[str, set[str]]:
        return self._state.setdefault(owner, {"hide": set(), "lock": set(), "highlight": set()})

    def _union(self, kind: str) -> set[str]:
        return set().union(*(s[kind] for s in self._state.values()))

    # ------------------------------------------------------------ queries
    def names(self) -> tuple[str, ...]:
        return CONTROL_NAMES

    def hidden(self, owner: str | None = None) -> tuple[str, ...]:
        got = self._union("hide") if owner is None else self._of(owner)["hide"]
        return tuple(n for n in CONTROL_NAMES if n in got)

    def locked(self, owner: str | None = None) -> tuple[str, ...]:
        got = self._union("lock") if owner is None else self._of(owner)["lock"]
        return tuple(n for n in CONTROL_NAMES if n in got)

    def highlighted(self, owner: str | None = None) -> tuple[str, ...]:
        got = self._union("highlight") if owner is None else self._of(owner)["highlight"]
        return tuple(n for n in CONTROL_NAMES if n in got)

    def parts(self, name: str) -> list[Part]:
        """What ``name`` stands for (tests look at the widgets through these)."""
        return list(self._parts[check_names([name])[0]])

    # ------------------------------------------------------------ commands
    def hide(self, names, owner: str = OWNER) -> None:
        self._of(owner)["hide"] |= set(check_names(names))
        self._apply()

    def show(self, names, owner: str = OWNER) -> None:
        self._of(owner)["hide"] -= set(check_names(names))
        self._apply()

    def lock(self, names, owner: str = OWNER) -> None:
        self._of(owner)["lock"] |= set(check_names(names))
        self._apply()

    def unlock(self, names, owner: str = OWNER) -> None:
        self._of(owner)["lock"] -= set(check_names(names))
        self._apply()

    def highlight(self, names, owner: str = OWNER) -> None:
        """Outline exactly ``names`` for ``owner`` (an empty list removes its highlights)."""
        self._of(owner)["highlight"] = set(check_names(names))
        self._apply()

    def unhighlight(self, names, owner: str = OWNER) -> None:
        self._of(owner)["highlight"] -= set(check_names(names))
        self._apply()

    def clear(self, owner: str | None = None) -> None:
        """Release what ``owner`` hides, locks and highlights (None: every owner's)."""
        if owner is None:
            self._state = {}
        else:
            self._state.pop(owner, None)
        self._apply()

    # ------------------------------------------------------------ applying
    def reapply(self) -> None:
        """Apply the state again (after the window made some of its actions anew)."""
        self._apply()

    def _apply(self) -> None:
        """Each part's state is the union over the names that include it (a menu's actions
        are also named on their own): computed afresh, so removing one name never unlocks
        what another still locks."""
        hidden, locked, lit = self._union("hide"), self._union("lock"), self._union("highlight")
        state: dict[int, tuple[Part, bool, bool, bool]] = {}
        for name, parts in self._parts.items():
            for part in parts:
                _p, h, l, g = state.get(id(part), (part, False, False, False))
                state[id(part)] = (part, h or name in hidden, l or name in locked,
                                   g or name in lit)
        for part, hidden, locked, lit in state.values():
            part.set_state(hidden, locked, lit)
        self._refresh_window()

    def _refresh_window(self) -> None:
        """What unlocked controls should be now (the window decides it from the document)."""
        w = self.window
        w._refresh_actions()
        w.training._enable_actions()
        w.step_panel.refresh()
        w.training.training_panel.refresh()
        w.training.training_panel._enable_buttons()


def _layout_wants(w, dock) -> bool | None:
    """Whether the current layout (and presentation mode) shows ``dock``; None for a dock no
    layout decides (the weight table)."""
    from .presentation import KEEP_DOCKS
    from .training_area import STEP_DOCKS, TRAIN_DOCKS
    key = next(k for k, d in w.docks.items() if d is dock)
    layout = w.training.current_layout
    if w.presentation.active and key in STEP_DOCKS + TRAIN_DOCKS:
        return key in KEEP_DOCKS.get(layout, ())
    if key in STEP_DOCKS or key in TRAIN_DOCKS:
        return key in (STEP_DOCKS if layout == "step" else TRAIN_DOCKS)
    return None


def _build(w) -> dict[str, list[Part]]:
    t, tp, sp, sa = w.training, w.training.training_panel, w.step_panel, w.sample_panel
    parts: dict[str, list[Part]] = {}
    shared: dict[int, Part] = {}
    getters: list[ActionPart] = []

    def one(obj) -> Part:
        """One Part per object: names that share an object share its Part."""
        if callable(obj) and not isinstance(obj, QObject):
            getters.append(ActionPart(obj, w))       # an action the window makes anew
            return getters[-1]
        for part in getters:
            if part.action is obj:
                return part
        if id(obj) not in shared:
            if isinstance(obj, QDockWidget):
                shared[id(obj)] = DockPart(obj, lambda d=obj: _layout_wants(w, d))
            elif isinstance(obj, QMenu):
                shared[id(obj)] = MenuPart(obj, w, one)
            elif isinstance(obj, QWidget):
                shared[id(obj)] = WidgetPart(obj)
            else:
                shared[id(obj)] = ActionPart(obj, w)
        return shared[id(obj)]

    def add(name, *objs, extra=()):
        parts[name] = [one(o) for o in objs] + list(extra)

    add("step", w.docks["steps"])
    add("step.forward", w.act_forward, sp.forward_button)
    add("step.backward", w.act_backward, sp.backward_button)
    add("step.update", w.act_update, sp.update_button)
    add("step.whole", w.act_whole, sp.whole_button)
    add("step.back", w.act_back, sp.back_button)
    add("step.reset", w.act_reset_step, sp.reset_button)
    add("step.reset_document", w.act_reset_doc)
    add("step.clicker", w.presentation.act_next, w.presentation.act_previous)
    for key in ("derivation", "inspector", "sample", "weights", "data", "training"):
        add(key, w.docks[key])
    add("training.play", t.act_play, tp.play_button)
    add("training.step_epoch", t.act_step_epoch, tp.step_button)
    add("training.reset", t.act_reset, tp.reset_button)
    add("training.reinit", t.act_reinit, tp.reinit_button)
    add("training.learning_rate", tp.learning_rate_combo, sa.lr_edit)
    add("training.speed", tp.speed_combo)
    add("training.batch_size", tp.batch_spin)
    add("training.optimizer", tp.optimizer_combo, tp.momentum_edit, tp.beta1_edit, tp.beta2_edit,
        tp.epsilon_edit, sa.method_combo, sa.momentum_edit)
    add("training.regularization", tp.regularization_combo, tp.reg_rate_edit, sa.reg_combo, sa.reg_edit)
    add("training.activation", tp.activation_combo)
    add("training.output", tp.output_combo, sa.loss_combo)
    add("training.init", tp.init_combo, tp.init_seed_spin)
    add("training.stop", tp.max_epochs_spin, tp.target_loss_edit)
    add("output", w.docks["boundary"])
    add("loss", w.docks["loss"])
    add("canvas", extra=[TabPart(w.tabs, w.view)])
    add("canvas.edit", w.act_delete, w.act_add_layer, w.act_remove_layer,
        extra=[CanvasEditPart(w.view)])
    add("graph_explorer", extra=[TabPart(w.tabs, w.graph_page)])
    add("digits", extra=[TabPart(w.tabs, w.digits_page)])
    for key in ("file", "edit", "view", "network", "step", "train", "help"):
        add(f"menu.{key}", w.menus[key])
    add("toolbar", w.toolbar)
    add("file.open", w.act_new, w.act_open, w.recent_menu)
    add("file.save", w.act_save, w.act_save_as)
    add("file.examples", w.examples_menu)
    add("edit.undo", lambda: w.act_undo, lambda: w.act_redo, w.act_undo_short, w.act_redo_short)
    add("file.export_worksheet", w.act_export_worksheet)
    add("network.gradient_check", w.act_gradcheck)
    add("view.layout", t.act_layout_step, t.act_layout_train)
    add("view.language", w.language_menu.menu)
    add("view.presentation", w.presentation.act_presentation)
    return parts
