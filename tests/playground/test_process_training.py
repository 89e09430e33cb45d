"""Live training in a child process, through the controller: a run ends where the same
Trainer here would, Pause/Play resumes exactly, a child that dies is reported and the next
Play works, and where no child can start the run trains in a thread instead."""

import numpy as np
import pytest

from core import Trainer, train_process
from playground.document import Document
from playground.resources import load_example
from playground.training.controller import TrainingController
from playground.training.process_worker import ProcessTrainWorker

from .event_loop import spin


@pytest.fixture
def session(qtbot, monkeypatch):
    monkeypatch.setenv("BACKPROP_TRAINING", "process")
    doc = Document(load_example("circle.json"))
    c = TrainingController(doc)
    yield doc, c
    c.shutdown()


def _reference(project, epochs):
    t = Trainer(project.network, project.train_data(), project.train_config(snapshot_every=1))
    t.train_steps(t.steps_to_epoch(epochs))
    return t


def _params_equal(a, b):
    return all(np.array_equal(w1, w2) and np.array_equal(b1, b2) for (w1, b1), (w2, b2) in zip(a, b))


def test_a_run_in_the_child_ends_where_the_same_run_here_ends(session):
    doc, c = session
    doc.set_settings(max_epochs=6)
    start = doc.project
    assert c.play()
    assert isinstance(c._worker, ProcessTrainWorker)
    spin(30000, until=lambda: not c.running)
    assert not c.running and doc.history.last_epoch == 6.0
    ref = _reference(start, 6)
    assert _params_equal(doc.network.get_params(), ref.params())
    assert c._trainer.step == ref.step


def test_the_heat_map_follows_every_frame_of_a_child_run(session):
    """The child leaves the output grid to the window's relay: every frame the views get has
    it, computed from that frame's own parameters."""
    from core.view_data import output_grid
    doc, c = session
    doc.set_settings(max_epochs=4)
    seen = []
    doc.changed.connect(lambda change: change.frame is not None and seen.append(change.frame))
    assert c.play()
    spin(30000, until=lambda: not c.running)
    assert len(seen) >= 2 and all(f.grid is not None for f in seen)
    net = doc.network.copy()
    for f in (seen[0], seen[-1]):
        net.set_params(f.snapshot.params)
        assert np.array_equal(f.grid, output_grid(net, doc.project.features))
    assert np.array_equal(doc.derived.output, output_grid(doc.network, doc.project.features))


def test_pause_and_play_resume_exactly(session):
    doc, c = session
    # long enough that Pause lands mid-run on a fast machine too: frames come at ≤ 60 Hz, and
    # one frame's worth of steps is several epochs of this data set
    epochs = 300
    doc.set_settings(max_epochs=epochs)
    start = doc.project
    assert c.play()
    spin(30000, until=lambda: doc.history.last_epoch >= 2)
    c.pause()
    assert not c.running and 0 < doc.history.last_epoch < epochs
    assert c.play()
    spin(60000, until=lambda: not c.running)
    assert doc.history.last_epoch == float(epochs)
    assert _params_equal(doc.network.get_params(), _reference(start, epochs).params())


def test_a_child_that_dies_is_reported_and_the_next_play_works(session):
    doc, c = session
    errors = []
    doc.error.connect(errors.append)
    assert c.play()
    spin(30000, until=lambda: c._worker is not None and c._worker._child is not None
         and doc.history.last_epoch > 0.5)
    c._worker._child.proc.kill()
    spin(10000, until=lambda: not c.running)
    assert not c.running
    assert any("ended unexpectedly" in e for e in errors)
    limit = int(doc.history.last_epoch) + 2
    doc.set_settings(max_epochs=limit)
    assert c.play()
    spin(30000, until=lambda: not c.running)
    assert doc.history.last_epoch == limit


def test_without_child_processes_the_run_trains_in_a_thread(session, monkeypatch):
    doc, c = session
    monkeypatch.setattr(train_process, "child_command", lambda: ["/nonexistent/python"])
    monkeypatch.setattr(train_process, "_idle", [])
    monkeypatch.setattr(train_process, "_unavailable", False)
    doc.set_settings(max_epochs=3)
    start = doc.project
    assert c.play()
    spin(30000, until=lambda: not c.running)
    assert c._worker is None and doc.history.last_epoch == 3.0
    assert train_process._unavailable
    assert _params_equal(doc.network.get_params(), _reference(start, 3).params())
