"""Autosave and crash recovery: in-process checks of the rules, then the real program killed
with SIGKILL (after edits, and in the middle of a save) and started again."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from core.project_io import project_to_dict
from playground import autosave
from playground.autosave import AutoSaver, offer_recovery, orphans, read_session
from playground.commands import SetParameter
from playground.document import Document
from playground.main_window import MainWindow
from playground.resources import load_example

from ..conftest import EXAMPLES, ROOT

DRIVER = ROOT / "tests" / "playground" / "session_driver.py"


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "autosave"
    d.mkdir()
    return str(d)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    yield w
    w.doc.undo_stack.setClean()


def _edit(doc, value=0.5):
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), value))


def test_writes_only_unsaved_changes_and_removes_on_save_and_exit(qtbot, folder, tmp_path):
    doc = Document(load_example("worked_example_2_2_1_relu.json"))
    saver = AutoSaver(doc, folder=folder, interval=3600)
    saver.tick()
    assert not os.path.exists(saver.file)                 # nothing unsaved: nothing written
    _edit(doc)
    saver.tick()
    assert os.path.exists(saver.file)
    rec = read_session(saver.file)
    assert rec.project.network.layer(1).weights[0, 0] == 0.5 and rec.path is None
    doc.undo_stack.undo()                                  # back to the clean state
    assert not os.path.exists(saver.file)
    _edit(doc, 0.7)
    saver.tick()
    doc.save(str(tmp_path / "mine.json"))                  # an explicit save
    assert not os.path.exists(saver.file)
    _edit(doc, 0.9)
    saver.tick()
    assert os.path.exists(saver.file)
    saver.finish()                                         # a clean exit
    assert not os.path.exists(saver.file) and os.listdir(folder) == []


def test_the_timer_writes_within_the_interval(qtbot, folder):
    doc = Document(load_example("worked_example_2_2_1_relu.json"))
    saver = AutoSaver(doc, folder=folder, interval=0.1)
    _edit(doc)
    qtbot.waitUntil(lambda: os.path.exists(saver.file), timeout=3000)
    saver.finish()


def test_a_completed_training_run_is_saved_at_once(qtbot, folder, window):
    saver = AutoSaver(window.doc, window.training.controller, folder=folder, interval=3600)
    window.doc.replace_project(load_example("circle.json"), None)
    window.training.controller.step_epoch()                # a run that ends
    window.training.controller.play()
    window.training.controller.pause()
    assert os.path.exists(saver.file)
    rec = read_session(saver.file)
    assert project_to_dict(rec.project) == project_to_dict(window.doc.live_project())
    assert len(rec.project.history) >= 1
    saver.finish()


def test_instances_do_not_overwrite_each_other(qtbot, folder):
    docs = [Document(load_example("worked_example_2_2_1_relu.json")) for _ in range(2)]
    savers = [AutoSaver(d, folder=folder, interval=3600) for d in docs]
    for k, (d, s) in enumerate(zip(docs, savers)):
        _edit(d, 0.1 * (k + 1))
        s.tick()
    assert savers[0].file != savers[1].file
    values = [read_session(s.file).project.network.layer(1).weights[0, 0] for s in savers]
    assert values == [pytest.approx(0.1), pytest.approx(0.2)]
    assert orphans(folder) == []                           # both still run: nothing to offer
    for s in savers:
        s.finish()


def test_recovery_restore_discard_and_show(qtbot, folder, window):
    dead = Document(load_example("worked_example_2_2_1_relu.json"))
    dead.path = "/somewhere/mine.json"
    old = AutoSaver(dead, folder=folder, interval=3600)
    _edit(dead, 0.321)
    old.tick()
    old.lock.unlock()                                      # as if its process had died
    mine = AutoSaver(window.doc, folder=folder, interval=3600)
    answers = iter(["show", "restore"])
    shown = []
    from PySide6.QtGui import QDesktopServices
    real = QDesktopServices.openUrl
    QDesktopServices.openUrl = staticmethod(lambda url: shown.append(url) or True)
    try:
        assert offer_recovery(window, mine, ask=lambda rec: next(answers))
    finally:
        QDesktopServices.openUrl = real
    assert shown and shown[0].toLocalFile() == folder
    doc = window.doc
    assert doc.network.layer(1).weights[0, 0] == 0.321 and doc.path == "/somewhere/mine.json"
    assert doc.modified                                    # restored changes are unsaved
    assert not os.path.exists(old.file) and os.path.exists(mine.file)
    # discard
    dead2 = Document(load_example("worked_example_2_2_1_relu.json"))
    other = AutoSaver(dead2, folder=folder, interval=3600)
    _edit(dead2)
    other.tick()
    other.lock.unlock()
    assert not offer_recovery(window, mine, ask=lambda rec: "discard")
    assert not os.path.exists(other.file)
    mine.finish()


def test_an_unreadable_autosave_is_offered_for_discard(qtbot, folder, window):
    with open(os.path.join(folder, "session-1-abc.json"), "w") as fh:
        fh.write("{ not json")
    seen = []
    mine = AutoSaver(window.doc, folder=folder)
    assert not offer_recovery(window, mine, ask=lambda rec: seen.append(rec) or "discard")
    assert isinstance(seen[0], Exception) and "session-1-abc.json" not in os.listdir(folder)
    mine.finish()


def test_the_dialog_offers_restore_discard_and_show_file(qtbot, folder, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    dead = Document(load_example("worked_example_2_2_1_relu.json"))
    old = AutoSaver(dead, folder=folder, interval=3600)
    _edit(dead, 0.75)
    old.tick()
    old.lock.unlock()
    texts = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        texts.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Restore").click()
    QTimer.singleShot(20, click)
    mine = AutoSaver(window.doc, folder=folder, interval=3600)
    assert offer_recovery(window, mine)
    assert {"Restore", "Discard", "Show file"} <= set(texts)
    assert window.doc.network.layer(1).weights[0, 0] == 0.75
    mine.finish()


# ---------------------------------------------------------------- real processes
def _env(folder, seconds="0.5"):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               BACKPROP_PLAYGROUND_AUTOSAVE_DIR=folder,
               BACKPROP_PLAYGROUND_AUTOSAVE_SECONDS=seconds)
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def _start(args, env):
    return subprocess.Popen([sys.executable, str(DRIVER), *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _line(proc, prefix, timeout=60):
    """The first stdout line starting with ``prefix`` (the driver prints nothing else)."""
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if sel.select(timeout=0.5):
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith(prefix):
                return line[len(prefix):].strip()
    proc.kill()
    raise AssertionError(f"no {prefix!r} line; stderr: {proc.stderr.read()[-2000:]}")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_then_restart_restores_the_edits(tmp_path, folder):
    doc_file = tmp_path / "work.json"
    doc_file.write_text((EXAMPLES / "worked_example_2_2_1_relu.json").read_text("utf-8"), "utf-8")
    env = _env(folder)
    proc = _start(["edit", str(doc_file)], env)
    before = json.loads(_line(proc, "READY "))
    assert before["modified"] and before["document"]["network"]["layers"][0]["weights"][0][0] == 0.123456789
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert len([n for n in os.listdir(folder) if n.endswith(".json")]) == 1
    again = _start(["restore"], env)
    after = json.loads(_line(again, "RESTORED "))
    assert again.wait(60) == 0
    assert after["path"] == str(doc_file) and after["modified"]
    assert after["document"] == before["document"]         # every edit is back
    assert doc_file.read_text("utf-8") == (EXAMPLES / "worked_example_2_2_1_relu.json").read_text("utf-8")
    assert [n for n in os.listdir(folder) if n.endswith(".json")] == []   # clean exit


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_during_save_keeps_the_file_whole(tmp_path, folder):
    from core import History, Network, load_project
    from core.project_io import dumps
    p = load_example("worked_example_2_2_1_relu.json")
    p.network = Network.create([2, 120, 120, 1], "tanh", seed=0)
    p.sample_x, p.sample_y = p.sample_x[:2], p.sample_y[:1]
    n = 60_000
    p.history = History(epoch=tuple(float(k) for k in range(n)), train_loss=(0.5,) * n,
                        test_loss=(None,) * n, train_accuracy=(None,) * n,
                        test_accuracy=(None,) * n, steps=n)
    doc_file = tmp_path / "big.json"
    doc_file.write_text(dumps(p), "utf-8")
    original = doc_file.read_text("utf-8")
    env = _env(folder, seconds="3600")
    for delay in (0.1, 0.4):
        proc = _start(["save", str(doc_file)], env)
        _line(proc, "SAVING")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        text = doc_file.read_text("utf-8")                 # whole: the original or a full save
        saved = load_project(doc_file)
        assert text == original or saved.title.startswith("save ")
    # a killed save cannot remove its temporary file; the next start that opens it does
    again = _start(["open", str(doc_file)], env)
    _line(again, "OPENED ")
    assert again.wait(60) == 0
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []
    assert load_project(doc_file).network.sizes == [2, 120, 120, 1]


def test_a_restored_session_brings_back_undo_and_redo(qtbot, folder, window, tmp_path):
    """Three edits after a save, one undone, the process gone: the restore has the same
    document, Undo steps back through the same states to the saved one (which is clean
    again), and Redo brings back the step that was undone before the crash."""
    from playground.commands import SetSettings
    dead = Document(load_example("worked_example_2_2_1_relu.json"))
    dead.save(str(tmp_path / "mine.json"))
    states = [project_to_dict(dead.project)]
    _edit(dead, 0.25)
    states.append(project_to_dict(dead.project))
    dead.undo_stack.push(SetSettings(dead, "batch", batch_size=3))
    states.append(project_to_dict(dead.project))
    _edit(dead, 0.75)
    states.append(project_to_dict(dead.project))
    dead.undo_stack.undo()
    texts = [dead.undo_stack.command(k).text() for k in range(3)]
    old = AutoSaver(dead, folder=folder, interval=3600)
    old.save_now()
    old.lock.unlock()
    mine = AutoSaver(window.doc, folder=folder, interval=3600)
    assert offer_recovery(window, mine, ask=lambda rec: "restore")
    doc, stack = window.doc, window.doc.undo_stack
    assert project_to_dict(doc.project) == states[2] and doc.modified
    assert [stack.command(k).text() for k in range(stack.count())] == texts
    assert doc.path == str(tmp_path / "mine.json")
    stack.redo()
    assert project_to_dict(doc.project) == states[3]
    for k in (2, 1, 0):
        stack.undo()
        assert project_to_dict(doc.project) == states[k]
    assert not doc.modified                                # the saved state is clean again
    mine.finish()


def test_an_unreadable_undo_history_still_restores_the_document(qtbot, folder, window):
    dead = Document(load_example("worked_example_2_2_1_relu.json"))
    _edit(dead, 0.125)
    old = AutoSaver(dead, folder=folder, interval=3600)
    old.save_now()
    old.lock.unlock()
    with open(old.file, encoding="utf-8") as fh:
        data = json.load(fh)
    data["undo"]["states"][0]["network"] = "broken"
    with open(old.file, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    mine = AutoSaver(window.doc, folder=folder, interval=3600)
    assert offer_recovery(window, mine, ask=lambda rec: "restore")
    assert window.doc.network.layer(1).weights[0, 0] == 0.125 and window.doc.modified
    assert window.doc.undo_stack.count() == 0
    mine.finish()
