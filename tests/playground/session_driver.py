"""Drives the real application (``playground.app.main``: the window, the autosave, the recovery
question, ``app.exec``) in a process of its own, for the crash tests in test_autosave.py.

    python tests/playground/session_driver.py edit FILE      edits, waits for the autosave,
                                                             prints READY <state>, trains on
    python tests/playground/session_driver.py restore        answers Restore, prints the state
    python tests/playground/session_driver.py save FILE      saves FILE over and over
    python tests/playground/session_driver.py open FILE      opens FILE, exits cleanly

Only ``QApplication.exec`` is wrapped, to schedule the actions once the event loop runs; the
rest is the program as a user starts it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _window():
    from PySide6.QtWidgets import QApplication
    from playground.main_window import MainWindow
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _state(doc) -> str:
    from core.project_io import project_to_dict
    return json.dumps({"path": doc.path, "modified": doc.modified,
                       "document": project_to_dict(doc.live_project())})


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def edit() -> None:
    from PySide6.QtCore import QTimer
    from playground.commands import SetParameter, SetSample
    window = _window()
    doc = window.doc
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), 0.123456789))
    doc.undo_stack.push(SetSample(doc, [0.25, -4.5], doc.project.sample_y))
    saver = window.autosaver
    start = saver.writes

    def wait_for_autosave():
        if saver.writes > start:
            _say("READY " + _state(doc))
            return                  # the test kills the process now
        QTimer.singleShot(20, wait_for_autosave)
    wait_for_autosave()


def restore() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            button = next(b for b in box.buttons() if b.text() == "Restore")
            button.click()
            QTimer.singleShot(50, report)
            return
        QTimer.singleShot(20, answer)

    def report():
        doc = _window().doc
        _say("RESTORED " + _state(doc))
        doc.undo_stack.setClean()
        QApplication.instance().quit()
    answer()


def save(path: str) -> None:
    from PySide6.QtCore import QTimer
    from core import session
    window = _window()
    count = {"n": 0}

    def again():
        doc = window.doc
        doc.apply(session.set_settings(doc.project, title=f"save {count['n']}"))
        if count["n"] == 0:
            _say("SAVING")
        window.save()
        count["n"] += 1
        QTimer.singleShot(0, again)
    again()


def open_and_quit() -> None:
    from PySide6.QtWidgets import QApplication
    _say("OPENED " + _state(_window().doc))
    QApplication.instance().quit()


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    mode, rest = sys.argv[1], sys.argv[2:]
    actions = {"edit": edit, "restore": restore, "save": lambda: save(rest[0]),
               "open": open_and_quit}
    real_exec = QApplication.exec

    def exec_with_actions(*args):
        QTimer.singleShot(100, actions[mode])
        return real_exec()
    QApplication.exec = exec_with_actions
    from playground.app import main as app_main
    return app_main(rest[:1])


if __name__ == "__main__":
    sys.exit(main())
