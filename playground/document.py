"""The Document: the one object that holds the current Project and tells the views about it.

Every change is one whole new state: an edit is a pure function in ``core.session`` (project +
edit → new validated project), a command (``commands.py``) keeps the state before and after,
and ``apply`` makes a state current and emits exactly one ``changed(Change)`` — one per push,
undo and redo, whatever the edit touched, so no view ever draws a half-built state. Projects
held here are never modified in place.

Live training is the one exception to undo: each frame the controller hands over becomes the
Document's ``last_frame`` and a row of its ``history`` buffer (one Change per frame, not
undoable); the run as a whole becomes one undo step when it ends. The step cursor (which stage
of one exposed training step has been reached) lives here too, so every view shows the same
stage; its position is saved with the document.
"""
from __future__ import annotations

import os
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import Network, Project, StepCursor, load_project, save_project
from core import session
from core.session import derived_sample  # noqa: F401  (where views look for it)
from core.atomic_file import remove_stale_temps
from core.errors import EngineError
from core.history import HistoryBuffer

from .changes import Change
from .derived import DerivedData
from .engine_text import error_text
from .divergence_text import divergence_text
from .freed_memory import give_back


def default_project() -> Project:
    """The first seed's worked example, straight from the bundled examples."""
    from .resources import DEFAULT_EXAMPLE, load_example
    return load_example(DEFAULT_EXAMPLE)


def new_project() -> Project:
    """File ▸ New: a small network to edit (2 inputs, 2 sigmoid neurons, 1 sigmoid output) with
    round starting weights and a sample, ready to step; no data set."""
    from core import Layer
    net = Network(2, [Layer([[0.5, -0.5], [0.3, 0.8]], [0.0, 0.0], "sigmoid"),
                      Layer([[1.0, -1.0]], [0.0], "sigmoid")])
    return Project(network=net, sample_x=np.array([1.0, 0.5]), sample_y=np.array([1.0]))


class DocumentUndoStack(QUndoStack):
    """An undo stack that announces every push/undo/redo *before* it happens.

    The training controller listens to ``before_edit`` to pause a running training and put
    the run on the stack first, so undo history stays in the order things happened."""

    before_edit = Signal(object)      # the command about to be pushed, or None (undo/redo/load)

    def push(self, cmd) -> None:
        if getattr(cmd, "refused", None) is not None:
            # the edit was refused: say why (its redo reports it) and touch nothing else. Pushed,
            # it would cost the Redo steps after the current one (QUndoStack drops them before
            # it looks at the command) and pause a running training for nothing
            cmd.redo()
            return
        self.before_edit.emit(cmd)
        super().push(cmd)

    def undo(self) -> None:
        self.before_edit.emit(None)
        super().undo()

    def redo(self) -> None:
        self.before_edit.emit(None)
        super().redo()

    def setIndex(self, idx: int) -> None:
        self.before_edit.emit(None)
        super().setIndex(idx)


class Document(QObject):
    changed = Signal(object)          # Change
    path_changed = Signal(object)     # str | None
    error = Signal(str)               # a message to show the user
    saved = Signal(str)               # the path an explicit save wrote

    def __init__(self, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = DocumentUndoStack(self)
        self.project: Project = project if project is not None else default_project()
        self.path: str | None = None
        self.history = HistoryBuffer(self.project.history)
        """The loss history as views draw it: the project's, plus the frames of a live run."""
        self.last_frame = None
        """The newest training frame (parameters, metrics, grid, neuron maps), or None."""
        self._cursor: StepCursor | None = None
        self._position = self.project.step_position
        self._update_applied = False
        self._previous: StepCursor | None = None     # the finished step a new one started after
        self._split = None
        self._reveal_guard = None
        self._guard_open = False
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.derived = DerivedData(self)
        """The heat map, thumbnails and metrics of the current state, computed once per change."""

    def _on_clean_changed(self, _clean: bool) -> None:
        self.path_changed.emit(self.path)

    # ------------------------------------------------------------ reading
    @property
    def network(self) -> Network:
        return self.project.network

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def cursor(self) -> StepCursor | None:
        """The step cursor for the current network and sample (None if it cannot be computed)."""
        if self._cursor is None:
            p = self.project
            try:
                self._cursor = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer,
                                          self._position)
            except (EngineError, ValueError) as exc:
                self.error.emit(error_text(exc))
                return None
        return self._cursor

    @property
    def step_position(self) -> int:
        """The stage reached (what a saved file records; 0 after an applied update)."""
        return 0 if self._update_applied else self._position

    @property
    def update_applied(self) -> bool:
        """True once the cursor's update has been written into the network."""
        return self._update_applied

    # ------------------------------------------------------------ the one way state changes
    def apply(self, project: Project, initiator=None, refs: tuple = (), cursor=None,
              position: int | None = None, applied: bool = False) -> Change:
        """Make ``project`` the current state and emit one Change naming what differs.
        ``project`` must pass the loader's rules (it is checked; DocumentError if not).
        ``cursor``/``position``/``applied``: the step state to show (ApplyUpdate); by default
        the step is recomputed from the new values at the same stage if the shape stayed."""
        session.checked(project)
        old = self.project
        aspects = session.aspects(old, project)
        self.project = project
        if "data" in aspects:
            self._split = None
        if project.history is not old.history and not self._holds(project.history):
            self.history.load(project.history)
        else:
            aspects -= {"history"}      # (a run's commit: the views drew these rows already)
        if cursor is not None:
            self._cursor, self._update_applied, self._previous = cursor, applied, None
            cursor.position = self._position = max(0, min(int(position), len(cursor.stages) - 1))
        elif aspects & {"structure", "params", "sample", "config"} or self._update_applied:
            self._invalidate(keep_position=old.network.sizes == project.network.sizes)
        change = Change.of(aspects, initiator=initiator, refs=refs,
                           step=cursor is not None or bool(aspects & {"structure", "params",
                                                                      "sample", "config"}))
        self.changed.emit(change)
        return change

    def _holds(self, history) -> bool:
        """Whether the live buffer already has exactly ``history``'s rows."""
        h = self.history
        return h.n == len(history) and h.steps == history.steps and h.to_history() == history

    def _invalidate(self, keep_position: bool = True) -> None:
        """Recompute the step from the current values; an edit can never leave stale numbers."""
        if self._cursor is not None and keep_position:
            # values after an edit are recomputed; an applied update is no longer current
            self._position = min(self._cursor.position, len(self._cursor.stages) - 2)
        elif not keep_position:
            self._position = 0
        self._cursor = None
        self._update_applied = False
        self._previous = None

    def push(self, text: str, edit, *args, merge_key=None, initiator=None, refs=(), **kw) -> bool:
        """Run the ``core.session`` edit ``edit(project, *args, **kw)`` and push the result as
        one undo step. A refused edit is reported on ``error`` (nothing changes): False."""
        from .commands import ReplaceState
        try:
            new = edit(self.project, *args, **kw)
        except EngineError as exc:
            self.error.emit(error_text(exc))
            return False
        self.undo_stack.push(ReplaceState(self, new, text, merge_key=merge_key,
                                          initiator=initiator, refs=refs))
        return True

    # ------------------------------------------------------------ direct changes (no undo step)
    # Used by benchmarks, tests and the step-by-step examples; each is one validated Change.
    def set_weight(self, l: int, i: int, j: int, value: float, initiator=None) -> None:
        self.apply(session.set_parameter(self.project, ("W", l, i, j), value), initiator,
                   refs=(("W", l, i, j),))

    def set_bias(self, l: int, i: int, value: float, initiator=None) -> None:
        self.apply(session.set_parameter(self.project, ("b", l, i), value), initiator,
                   refs=(("b", l, i),))

    def set_network(self, net: Network, initiator=None) -> None:
        """Replace the whole network (structure edits, activation, masks); x/y follow sizes."""
        self.apply(session.set_network(self.project, net), initiator)

    def set_params(self, params, initiator=None, training: bool = False) -> None:
        if training:
            self.apply_frame(None, params=params, initiator=initiator)
        else:
            self.apply(session.set_params(self.project, params), initiator)

    def set_sample(self, x, y, initiator=None) -> None:
        self.apply(session.set_sample(self.project, x, y), initiator)

    def set_settings(self, initiator=None, **fields) -> None:
        """Loss, optimizer, batch_size, max_epochs, target_loss, … (validated: EngineError)."""
        self.apply(session.set_settings(self.project, **fields), initiator)

    # ------------------------------------------------------------ training frames
    def apply_frame(self, frame, epoch: float | None = None, steps: int | None = None,
                    params=None, initiator=None) -> Change | None:
        """A live training frame becomes ``last_frame``, and its metrics a history row at
        ``epoch`` (total steps ``steps``) if training went on since the last row; with
        ``params`` the network takes those parameters too. Not undoable: the run becomes one
        step when it ends. A frame whose loss or parameters are not finite numbers is not
        taken (the run has diverged; the last finite state stays): None."""
        snap = getattr(frame, "snapshot", None)
        if snap is not None:
            if not np.isfinite(snap.train_loss) or not _finite_params(snap.params):
                return None
            steps = snap.step if steps is None else int(steps)
            if steps > self.history.steps or (not self.history.n and steps > 0):
                self.history.append(snap.epoch if epoch is None else epoch, snap.train_loss,
                                    snap.test_loss, snap.train_accuracy, snap.test_accuracy)
                self.history.steps = steps
            self.last_frame = frame
        synced = params is not None and _finite_params(params)
        if synced:
            net = self.project.network.copy()
            net.set_params(params)
            self.project = replace(self.project, network=net)
            self._invalidate()
        change = Change(frame=frame, training=synced, params=synced, step=synced,
                        initiator=initiator)
        self.changed.emit(change)
        return change

    def end_run(self) -> None:
        """A run ended without becoming an undo step (no parameter changed): its live rows go,
        so the history, the counters and the undo stack agree again."""
        if self.history.n != len(self.project.history) or self.history.steps != self.project.history.steps:
            self.history.load(self.project.history)
            self.changed.emit(Change(history=True))

    def live_project(self) -> Project:
        """The project as it stands, with a live run's history rows (what a save writes)."""
        p = self.project
        if self.history.n != len(p.history) or self.history.steps != p.history.steps:
            p = replace(p, history=self.history.to_history())
        return replace(p, step_position=self.step_position)

    # ------------------------------------------------------------ data set
    def data_split(self):
        """(train, test) Datasets of the project's data set (cached), or None."""
        if self._split is None and self.project.dataset is not None:
            try:
                self._split = self.project.make_dataset()
            except EngineError as exc:
                self.error.emit(error_text(exc))
                return None
        return self._split

    def train_data(self):
        """Network-ready arrays (core.training.TrainData) for the current data and features."""
        from core.features import feature_matrix
        from core.training import TrainData
        split = self.data_split()
        if split is None or not self.project.features:
            raise EngineError(self.tr("This document has no data set or no input features to train on."))
        train, test = split
        f = self.project.features
        return TrainData.from_labels(feature_matrix(train.points, f), train.labels,
                                     feature_matrix(test.points, f), test.labels, train.kind,
                                     self.network)

    # ------------------------------------------------------------ predict before reveal
    def set_reveal_guard(self, guard) -> None:
        """``guard(stages, proceed) -> bool`` is asked before a step command (Forward, Backward,
        Apply update, Whole step) reveals ``stages`` (``core.stepping.Stage``s, in order; a
        forward stage after an applied update belongs to the next step). True: the guard holds
        the command and calls ``proceed()`` later to run it unguarded (the exercise mode asks
        for predictions first). None removes the guard."""
        self._reveal_guard = guard

    def stages_to_reveal(self, command: str) -> list:
        """The stages ``command`` ("forward", "backward", "update", "whole") would reveal."""
        c = self.cursor
        if c is None:
            return []
        fresh = self._update_applied or (command == "forward" and c.at_end)
        stages = c.stages[1:] if fresh else c.stages[c.position + 1:]
        if command == "forward":
            return list(stages[:1]) if stages and stages[0].kind in ("forward", "loss") else []
        if command == "backward":
            if self._update_applied:
                return []
            kinds = [s.kind for s in stages]
            return list(stages[:kinds.index("backward") + 1]) if "backward" in kinds else []
        if command == "update" and self._update_applied:
            return []
        return list(stages)

    def _held(self, command: str, run) -> bool:
        """Whether the reveal guard holds ``command`` (it will call back to run it)."""
        if self._reveal_guard is None or self._guard_open:
            return False
        stages = self.stages_to_reveal(command)
        if not stages:
            return False

        def proceed():
            self._guard_open = True
            try:
                run()
            finally:
                self._guard_open = False
        return bool(self._reveal_guard(stages, proceed))

    # ------------------------------------------------------------ stepping (not undoable navigation)
    def _move(self, position: int) -> None:
        c = self.cursor
        if c is None:
            return
        c.position = max(0, min(position, len(c.stages) - 1))
        self._position = c.position
        self.changed.emit(Change(step=True))

    def step_forward(self) -> None:
        """Reveal the next forward layer; after the output layer, the loss."""
        c = self.cursor
        if c is None or self._held("forward", self.step_forward):
            return
        if self._update_applied or c.at_end:
            self._start_new_step()
            c = self.cursor
        nxt = c.next_stage()
        if nxt is not None and nxt.kind in ("forward", "loss"):
            self._move(c.position + 1)

    def step_backward(self) -> None:
        """Reveal the next backward layer (computing the loss first if needed)."""
        c = self.cursor
        if c is None or self._update_applied or self._held("backward", self.step_backward):
            return
        target = c.position + 1
        while target < len(c.stages) and c.stages[target].kind in ("forward", "loss"):
            target += 1
        if target < len(c.stages) and c.stages[target].kind == "backward":
            self._move(target)

    def apply_update(self) -> None:
        """Run whatever of the step is left, then write the updated parameters (undoable)."""
        from .commands import ApplyUpdate
        c = self.cursor
        if c is None or self._update_applied or self._held("update", self.apply_update):
            return
        problem = update_divergence(c)
        if problem is not None:
            self.error.emit(divergence_text(problem, during="update"))
            return
        try:
            cmd = ApplyUpdate(self, c)
        except EngineError as exc:
            self.error.emit(error_text(exc))
            return
        self.undo_stack.push(cmd)

    def whole_step(self) -> None:
        if self._held("whole", self.whole_step):
            return
        if self._update_applied:
            self._start_new_step()
        self.apply_update()

    def can_step_back_into_previous(self) -> bool:
        """At the start of a step that began after an applied update: Step back returns to
        that update (its numbers are still the current network's history)."""
        c = self._cursor
        return self._previous is not None and c is not None and c.position == 0

    def step_back(self) -> None:
        c = self.cursor
        if c is None:
            return
        if not self._update_applied and self.can_step_back_into_previous():
            prev, self._previous = self._previous, None
            self._cursor, self._update_applied = prev, True
            prev.position = len(prev.stages) - 1
            self._position = prev.position
            self.changed.emit(Change(step=True))
            return
        if self._update_applied:
            self.undo_stack.undo()       # the ApplyUpdate command; restores the old parameters
            return
        self._move(c.position - 1)

    def reset_step(self) -> None:
        self._move(0)

    def _start_new_step(self) -> None:
        self._previous = self._cursor if self._update_applied else None
        self._position = 0
        self._cursor = None
        self._update_applied = False

    # ------------------------------------------------------------ files
    def replace_project(self, project: Project, path: str | None, modified: bool = False) -> None:
        """A whole new document (New, Open, an example, a restored autosave): undo starts afresh.
        ``modified``: the state has unsaved changes (a restored autosave)."""
        self.undo_stack.before_edit.emit(None)
        session.checked(project)
        self.project = project
        self.history.load(project.history)
        self.last_frame = None
        self._split = None
        self.path = path
        self._cursor = None
        self._position = project.step_position
        self._update_applied = False
        self._previous = None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        if modified:
            self.undo_stack.resetClean()
        self.changed.emit(Change.everything())
        self.path_changed.emit(path)

    def open(self, path: str) -> None:
        """Load a document file; raises DocumentError/OSError and leaves this one untouched."""
        project = load_project(path)
        self.replace_project(project, os.path.abspath(path))
        remove_stale_temps(path)        # left by a save that was killed half way
        give_back()                     # what parsing the file's text freed (big documents)

    def save(self, path: str | None = None) -> None:
        """Write the document atomically (the original stays if it fails: OSError/EngineError)."""
        path = path or self.path
        if path is None:
            raise ValueError("no file name")
        save_project(self.live_project(), path)
        self.path = os.path.abspath(path)
        self.undo_stack.setClean()
        self.path_changed.emit(self.path)
        self.saved.emit(self.path)

    def title(self, language: str = "en") -> str:
        if self.path:
            return os.path.basename(self.path)
        return self.project.text("title", language) or ""


def _finite_params(params) -> bool:
    return all(np.all(np.isfinite(w)) and np.all(np.isfinite(b)) for w, b in params)


def update_divergence(cursor) -> str | None:
    """Would applying this step's update diverge (``core.divergence.check_step``)? The code."""
    from core.backward import loss_and_gradients
    from core.divergence import check_step
    net = cursor.updated_network()
    theta = np.concatenate([np.concatenate([l.weights.ravel(), l.biases]) for l in net.layers])
    with np.errstate(all="ignore"):
        try:
            after = loss_and_gradients(net, cursor.forward_trace.x, cursor.backward_trace.y,
                                       cursor.loss_name).loss
        except Exception:       # noqa: BLE001 — any failure to evaluate is a refusal too
            after = float("nan")
    return check_step(cursor.loss, after, theta)

