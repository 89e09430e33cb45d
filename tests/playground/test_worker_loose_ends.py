"""The training worker's loose ends: a config change is never lost, Pause is bounded, and an
exception in the worker reaches the user (doc.error) and the test run (sys.excepthook)."""
import sys
import threading
import time
from dataclasses import replace

import pytest

from playground.document import Document
from playground.resources import load_example
from playground.training import controller as controller_module
from playground.training.controller import TrainingController
from playground.training.worker import TrainWorker

from .event_loop import spin


@pytest.fixture
def session(qtbot):
    doc = Document(load_example("circle.json"))
    c = TrainingController(doc)
    yield doc, c
    c.shutdown()


def test_a_config_handed_over_while_the_worker_takes_one_is_not_lost(session):
    doc, c = session
    worker = TrainWorker(0, c._ensure_trainer(), doc.project.features)
    configs = [replace(c._config(), batch_size=k) for k in range(1, 2001)]
    taken, done = [], threading.Event()

    def take():
        while not done.is_set():
            got = worker._take_config()
            if got is not None:
                taken.append(got)
    t = threading.Thread(target=take, daemon=True)
    t.start()
    for cfg in configs:
        worker.set_config(cfg)
    time.sleep(0.05)
    done.set()
    t.join(5)
    last = worker._take_config()
    seen = taken + ([last] if last is not None else [])
    assert seen[-1].batch_size == 2000                       # the newest always arrives


def test_pause_is_bounded_even_if_the_worker_is_stuck(qtbot, session, monkeypatch):
    doc, c = session
    monkeypatch.setenv("BACKPROP_TRAINING", "thread")       # a stuck slice in this process
    monkeypatch.setattr(controller_module, "PAUSE_TIMEOUT_MS", 200)
    release = threading.Event()
    real = TrainWorker._slice

    def stuck(self, per_step, deadline):
        release.wait(10)                                     # one very long slice
        return real(self, per_step, deadline)
    monkeypatch.setattr(TrainWorker, "_slice", stuck)
    assert c.play()
    spin(100)
    start = time.perf_counter()
    c.pause()
    assert time.perf_counter() - start < 2.0 and not c.running
    release.set()
    spin(2000, until=lambda: not c._abandoned)
    assert c._abandoned == []


def test_an_exception_in_the_worker_is_reported(qtbot, session, monkeypatch):
    doc, c = session
    monkeypatch.setenv("BACKPROP_TRAINING", "thread")
    errors, hooked = [], []
    doc.error.connect(errors.append)

    def broken(self, per_step, deadline):
        raise RuntimeError("boom in the worker")
    monkeypatch.setattr(TrainWorker, "_slice", broken)
    monkeypatch.setattr(sys, "excepthook", lambda *a: hooked.append(a))
    assert c.play()
    spin(5000, until=lambda: not c.running)
    assert not c.running
    assert any("boom in the worker" in e for e in errors)
    assert hooked and hooked[0][0] is RuntimeError
