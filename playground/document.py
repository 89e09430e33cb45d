"""The Document: the one object that owns and mutates the current Project.

Views read from it and listen to ``changed(Change)``; editors push commands (``commands.py``)
onto its undo stack, and the commands call the mutators below. The step cursor (which stage
of one exposed training step has been reached) lives here too, so every view shows the same
stage.
"""
from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QObject, Signal

from .divergence_text import divergence_text
from PySide6.QtGui import QUndoStack

from core import Network, Project, StepCursor, load_project, save_project
from core.errors import EngineError

from .changes import Change


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

    def __init__(self, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = DocumentUndoStack(self)
        self.project: Project = project if project is not None else default_project()
        self.path: str | None = None
        self._cursor: StepCursor | None = None
        self._position = 0
        self._update_applied = False
        self._previous: StepCursor | None = None     # the finished step a new one started after
        self._split = None
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

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
                self.error.emit(str(exc))
                return None
        return self._cursor

    @property
    def update_applied(self) -> bool:
        """True once the cursor's update has been written into the network."""
        return self._update_applied

    def _emit(self, **kw) -> None:
        self.changed.emit(Change(**kw))

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

    # ------------------------------------------------------------ mutators (commands call these)
    def set_weight(self, l: int, i: int, j: int, value: float, initiator=None) -> None:
        self.network.set_weight(l, i, j, value)
        self._invalidate()
        self._emit(params=True, refs=(("W", l, i, j),), step=True, initiator=initiator)

    def set_bias(self, l: int, i: int, value: float, initiator=None) -> None:
        self.network.set_bias(l, i, value)
        self._invalidate()
        self._emit(params=True, refs=(("b", l, i),), step=True, initiator=initiator)

    def set_network(self, net: Network, initiator=None) -> None:
        """Replace the whole network (structure edits, activation, masks); x/y follow sizes."""
        old_sizes = self.network.sizes
        p = self.project
        p.network = net.copy()
        p.sample_x = _resized(p.sample_x, net.input_size)
        p.sample_y = _resized(p.sample_y, net.output_size)
        if p.features is not None and len(p.features) != net.input_size:
            p.features = None
        self._invalidate(keep_position=old_sizes == net.sizes)
        self._emit(structure=True, params=True, sample=True, step=True, initiator=initiator)

    def set_params(self, params, initiator=None, training: bool = False) -> None:
        self.network.set_params(params)
        self._invalidate()
        self._emit(params=True, step=True, training=training, initiator=initiator)

    def set_sample(self, x, y, initiator=None) -> None:
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        y = np.asarray(y, dtype=np.float64).reshape(-1)
        if x.shape != (self.network.input_size,) or y.shape != (self.network.output_size,):
            raise EngineError("the sample does not fit the network")
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise EngineError("sample values must be finite numbers")
        self.project.sample_x = derived_sample(self.project.features, x.copy())
        self.project.sample_y = y.copy()
        self._invalidate()
        self._emit(sample=True, step=True, initiator=initiator)

    def set_settings(self, initiator=None, **fields) -> None:
        """Change Project settings: loss, optimizer, batch_size, max_epochs, target_loss, …"""
        for key, value in fields.items():
            if not hasattr(self.project, key):
                raise AttributeError(key)
            setattr(self.project, key, value)
        self._invalidate()
        self._emit(config=True, step=True, initiator=initiator)

    # ------------------------------------------------------------ data set
    def data_split(self):
        """(train, test) Datasets of the project's data set (cached), or None."""
        if self._split is None and self.project.dataset is not None:
            try:
                self._split = self.project.make_dataset()
            except EngineError as exc:
                self.error.emit(str(exc))
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

    def set_dataset(self, spec, initiator=None) -> None:
        """Replace the data-set spec (generator settings or custom points)."""
        self.project.dataset = spec
        self._split = None
        self._emit(data=True, initiator=initiator)

    def set_features(self, features, net: Network, initiator=None) -> None:
        """Change the input features together with the network whose inputs follow them."""
        self.project.features = tuple(features) if features else None
        self.project.sample_x = derived_sample(self.project.features,
                                               _resized(self.project.sample_x, net.input_size))
        self.set_network(net, initiator=initiator)
        self.project.features = tuple(features) if features else None
        self.project.sample_x = derived_sample(self.project.features, self.project.sample_x)
        self._emit(data=True, initiator=initiator)

    def set_history(self, history, initiator=None) -> None:
        self.project.history = history
        self._emit(training=True, initiator=initiator)

    # ------------------------------------------------------------ stepping (not undoable navigation)
    def _move(self, position: int) -> None:
        c = self.cursor
        if c is None:
            return
        c.position = max(0, min(position, len(c.stages) - 1))
        self._position = c.position
        self._emit(step=True)

    def step_forward(self) -> None:
        """Reveal the next forward layer; after the output layer, the loss."""
        c = self.cursor
        if c is None:
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
        if c is None or self._update_applied:
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
        if c is None or self._update_applied:
            return
        problem = update_divergence(c)
        if problem is not None:
            self.error.emit(divergence_text(problem, during="update"))
            return
        self.undo_stack.push(ApplyUpdate(self, c))

    def whole_step(self) -> None:
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
            self._emit(step=True)
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

    # used by ApplyUpdate
    def _write_update(self, cursor: StepCursor, params) -> None:
        self.network.set_params(params)
        self._cursor = cursor
        cursor.position = len(cursor.stages) - 1
        self._position = cursor.position
        self._update_applied = True
        self._previous = None
        self._emit(params=True, step=True)

    def _unwrite_update(self, cursor: StepCursor, old_params) -> None:
        self.network.set_params(old_params)
        self._cursor = cursor
        cursor.position = len(cursor.stages) - 2
        self._position = cursor.position
        self._update_applied = False
        self._previous = None
        self._emit(params=True, step=True)

    # ------------------------------------------------------------ files
    def replace_project(self, project: Project, path: str | None) -> None:
        self.undo_stack.before_edit.emit(None)
        self.project = project
        self._split = None
        self.path = path
        self._cursor = None
        self._position = 0
        self._update_applied = False
        self._previous = None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.changed.emit(Change.everything())
        self.path_changed.emit(path)

    def open(self, path: str) -> None:
        """Load a document file; raises DocumentError/OSError and leaves this one untouched."""
        project = load_project(path)
        self.replace_project(project, os.path.abspath(path))

    def save(self, path: str | None = None) -> None:
        path = path or self.path
        if path is None:
            raise ValueError("no file name")
        save_project(self.project, path)
        self.path = os.path.abspath(path)
        self.undo_stack.setClean()
        self.path_changed.emit(self.path)

    def title(self) -> str:
        if self.path:
            return os.path.basename(self.path)
        return self.project.title or ""


def derived_sample(features, x: np.ndarray) -> np.ndarray:
    """The sample with every derived feature (x₁², sin x₁, …) computed from its x₁ and x₂
    entries, so the canvas never shows x₁ = 1 beside x₁² = 0. Unchanged without features or
    when x₁ or x₂ is not itself an input."""
    if not features or len(features) != x.size or "x1" not in features or "x2" not in features:
        return x
    from core.features import feature_matrix
    raw = np.array([[x[features.index("x1")], x[features.index("x2")]]])
    return feature_matrix(raw, features)[0]


def _resized(v: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n)
    out[:min(n, v.size)] = v[:n]
    return out


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

