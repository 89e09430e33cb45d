"""The Document as one transactional session: one ``changed`` per push, undo and redo of every
command type, never a state the loader would refuse, and undo/redo that return every state
exactly (a hypothesis property test over random edits, training runs and undo/redo)."""
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core import DatasetSpec, load_project_text, session
from core.errors import EngineError
from core.project_io import dumps, project_to_dict, validate
from playground import structure_edits
from playground.commands import SetParameter, SetSample, SetSettings
from playground.data_commands import (AddPoints, ClearPoints, RemovePoints, ReplaceDataset,
                                      SetDataSpec, SetFeatures, full_dataset)
from playground.document import Document
from playground.resources import load_example
from playground.training.controller import TrainingController


class Recorder:
    """Counts the Document's notifications and checks the state every view is shown."""

    def __init__(self, doc):
        self.doc, self.steps, self.frames, self.bad = doc, 0, 0, []
        doc.changed.connect(self._on_changed)

    def _on_changed(self, change):
        if change.frame is not None:        # a live training frame (not an undo step)
            self.frames += 1
            return
        self.steps += 1
        try:
            validate(self.doc.project)
        except EngineError as exc:          # pragma: no cover - the failure is the report
            self.bad.append(str(exc))

    def take(self) -> int:
        n, self.steps = self.steps, 0
        return n


@pytest.fixture
def circle(qtbot):
    doc = Document(load_example("circle.json"))
    controller = TrainingController(doc)
    yield doc, controller
    controller.shutdown()


@pytest.fixture
def worked(qtbot):
    return Document(load_example("worked_example_2_2_1_relu.json"))


def _w(doc):
    return doc.network.layer(1).weights[0, 0] + 0.25


EDITS = {
    "parameter": lambda d, c: d.undo_stack.push(SetParameter(d, ("W", 1, 0, 0), _w(d))),
    "bias": lambda d, c: d.undo_stack.push(SetParameter(d, ("b", 2, 0), -0.3)),
    "structure": lambda d, c: structure_edits.add_neuron(d, 1),
    "remove neuron": lambda d, c: structure_edits.remove_neuron(d, 1, 0),
    "add layer": lambda d, c: structure_edits.add_layer(d, 1),
    "activation": lambda d, c: structure_edits.set_activation(d, 1, "relu"),
    "hidden activations": lambda d, c: structure_edits.set_activations(d, [1, 2], "sigmoid", "h"),
    "output": lambda d, c: structure_edits.set_output(d, "sigmoid", "binary_cross_entropy", "o"),
    "mask": lambda d, c: structure_edits.set_link_enabled(d, 1, 0, 0, False),
    "sample": lambda d, c: d.undo_stack.push(SetSample(d, [0.5, -0.5], d.project.sample_y)),
    "settings": lambda d, c: d.undo_stack.push(SetSettings(d, "lr", optimizer=replace(
        d.project.optimizer, learning_rate=0.5))),
    "data set": lambda d, c: d.undo_stack.push(SetDataSpec(d, DatasetSpec("blobs", n_classes=4))),
    "noise": lambda d, c: d.undo_stack.push(SetDataSpec(d, replace(d.project.dataset, noise=0.3))),
    "features": lambda d, c: d.undo_stack.push(SetFeatures(d, ("x1", "x2", "sin(x1)"))),
    "add points": lambda d, c: d.undo_stack.push(AddPoints(d, [(1.0, 2.0, 1.0)])),
    "remove points": lambda d, c: d.undo_stack.push(RemovePoints(d, [0, 3])),
    "clear points": lambda d, c: d.undo_stack.push(ClearPoints(d)),
    "import points": lambda d, c: d.undo_stack.push(ReplaceDataset(
        d, full_dataset(DatasetSpec("xor", n_points=40)))),
    "training run": lambda d, c: c.step_epoch(),
    "reset weights": lambda d, c: c.reset_weights(new_seed=True),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_one_change_per_push_undo_and_redo(circle, name):
    doc, controller = circle
    rec = Recorder(doc)
    before = dumps(doc.project)
    EDITS[name](doc, controller)
    assert doc.undo_stack.count() == 1, name
    assert rec.take() == 1
    after = dumps(doc.project)
    assert after != before
    doc.undo_stack.undo()
    assert rec.take() == 1 and dumps(doc.project) == before
    doc.undo_stack.redo()
    assert rec.take() == 1 and dumps(doc.project) == after
    assert rec.bad == []


def test_one_change_for_the_step_by_step_update(worked):
    rec = Recorder(worked)
    worked.step_forward()
    assert rec.take() == 1                          # navigation: one change, no undo step
    worked.apply_update()
    assert rec.take() == 1 and worked.update_applied and worked.undo_stack.count() == 1
    worked.undo_stack.undo()
    assert rec.take() == 1 and not worked.update_applied
    worked.undo_stack.redo()
    assert rec.take() == 1 and worked.update_applied
    assert rec.bad == []


def test_a_refused_edit_changes_nothing_and_says_why(qtbot, worked):
    rec = Recorder(worked)
    with qtbot.waitSignal(worked.error) as blocker:
        worked.undo_stack.push(SetSettings(worked, "loss", loss="binary_cross_entropy"))
    assert "binary_cross_entropy" in blocker.args[0] or "sigmoid" in blocker.args[0]
    assert worked.undo_stack.count() == 0 and rec.take() == 0
    assert worked.project.loss == "half_squared_error"


def test_a_drag_is_one_step(worked):
    rec = Recorder(worked)
    for v in (0.1, 0.2, 0.3):
        worked.undo_stack.push(SetParameter(worked, ("W", 1, 0, 0), v, merge_key="drag"))
    assert worked.undo_stack.count() == 1 and rec.take() == 3
    worked.undo_stack.undo()
    assert worked.network.layer(1).weights[0, 0] == load_example(
        "worked_example_2_2_1_relu.json").network.layer(1).weights[0, 0]


def test_a_zero_step_run_leaves_no_history_point(qtbot, circle):
    """Play then Pause with no step, or a run whose first frame diverges, left a history row
    that no undo step owned (the document differed from the file while the title said
    unmodified). Counters, history and undo now agree."""
    doc, controller = circle
    file_state = project_to_dict(doc.project)
    controller.play()
    controller.pause()                               # at once: usually zero steps
    if doc.undo_stack.count() == 0:
        assert doc.history.n == len(doc.project.history)
        assert project_to_dict(doc.live_project()) == file_state
    doc.undo_stack.setIndex(0)
    assert doc.history.n == len(doc.project.history)
    assert project_to_dict(doc.live_project()) == file_state and not doc.modified


def test_a_diverging_run_keeps_counters_history_and_undo_in_agreement(qtbot, circle):
    doc, controller = circle
    p = session.set_activations(doc.project, range(1, doc.network.depth + 1), "linear")
    doc.apply(session.set_settings(p, optimizer=replace(p.optimizer, learning_rate=50.0)))
    doc.undo_stack.setClean()
    start = project_to_dict(doc.project)
    reasons = []
    controller.finished.connect(lambda reason, _m: reasons.append(reason))
    for _ in range(3):
        controller.step_epoch()
    assert "diverged" in reasons
    assert np.isfinite(doc.history.column("train_loss")).all()
    assert all(np.all(np.isfinite(w)) for w, _b in doc.network.get_params())
    assert doc.history.n == len(doc.project.history)     # no live row without its step
    doc.undo_stack.setIndex(0)
    assert project_to_dict(doc.live_project()) == start and doc.history.n == 0


# ---------------------------------------------------------------- the property
ACTIONS = st.sampled_from(["parameter", "structure", "remove neuron", "activation", "mask",
                           "sample", "settings", "noise", "features", "add points",
                           "remove points", "training run", "reset weights", "output",
                           "undo", "undo", "redo"])


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=st.lists(ACTIONS, min_size=1, max_size=12))
@example(actions=["mask", "structure", "undo", "parameter"])     # a refused edit after an undo
def test_undo_and_redo_return_every_state_exactly(qtbot, tmp_path, actions):
    file_text = dumps(load_example("circle.json"))
    doc = Document(load_project_text(file_text))
    controller = TrainingController(doc)
    rec = Recorder(doc)
    states = {0: project_to_dict(doc.project)}
    try:
        for k, name in enumerate(actions):
            before = doc.undo_stack.index()
            if name == "undo":
                doc.undo_stack.undo()
            elif name == "redo":
                doc.undo_stack.redo()
            else:
                EDITS[name](doc, controller)
            i = doc.undo_stack.index()
            state = project_to_dict(doc.live_project())
            if name not in ("undo", "redo") and i != before:      # a new step: no redo branch
                states = {j: s for j, s in states.items() if j < i}
                states[i] = state
            assert states[i] == state, (k, name)
            # every intermediate state can be saved and reopened as it is
            path = tmp_path / "state.json"
            doc.save(str(path))
            reopened = load_project_text(path.read_text(encoding="utf-8"))
            assert project_to_dict(reopened) == state
        top = doc.undo_stack.count()
        assert set(states) == set(range(top + 1))
        doc.undo_stack.setIndex(0)
        assert project_to_dict(doc.live_project()) == project_to_dict(load_project_text(file_text))
        assert doc.history.n == len(load_project_text(file_text).history)
        for i in range(1, top + 1):
            doc.undo_stack.setIndex(i)
            assert project_to_dict(doc.live_project()) == states[i], i
        assert rec.bad == []
    finally:
        controller.shutdown()


def test_a_refused_edit_keeps_redo_and_the_clean_state(qtbot):
    """Undo, then an edit the engine refuses (a weight on a disabled link): the user is told
    why, and the stack is as it was — the step undone can still be redone, the document is
    still unmodified where it was, and nothing was announced as an edit."""
    doc = Document(load_example("circle.json"))
    EDITS["mask"](doc, None)                      # disable W1[1,1]
    doc.undo_stack.setClean()
    EDITS["structure"](doc, None)
    doc.undo_stack.undo()
    assert doc.undo_stack.isClean() and doc.undo_stack.canRedo()
    errors, announced = [], []
    doc.error.connect(errors.append)
    doc.undo_stack.before_edit.connect(announced.append)
    before = project_to_dict(doc.project)
    EDITS["parameter"](doc, None)                 # W1[1,1] is disabled: refused
    assert errors and "disabled" in errors[0]
    assert announced == [] and project_to_dict(doc.project) == before
    assert doc.undo_stack.count() == 2 and doc.undo_stack.index() == 1
    assert doc.undo_stack.isClean() and doc.undo_stack.canRedo()
    doc.undo_stack.redo()
    assert doc.network.sizes[1] == load_example("circle.json").network.sizes[1] + 1
