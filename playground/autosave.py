"""Autosave and crash recovery.

While a window has unsaved changes, its session — the document as it stands (with a live
run's history), its file path and the step position — is written every ``INTERVAL_SECONDS``
and after every completed training run, atomically, to the application's data folder
(QStandardPaths.AppDataLocation/autosave; never next to the user's file). Each running
instance writes its own ``session-<id>.json`` and holds ``session-<id>.lock`` (a QLockFile)
for as long as it runs, so instances never overwrite each other's autosave. An explicit save,
a document with nothing unsaved, and a clean exit remove the autosave.

At start, an autosave whose lock nobody holds any more was left by a session that did not
exit cleanly: ``offer_recovery`` asks Restore / Discard / Show file.

``BACKPROP_PLAYGROUND_AUTOSAVE_DIR`` and ``BACKPROP_PLAYGROUND_AUTOSAVE_SECONDS`` redirect the
folder and change the interval (tests; the real app leaves them unset).
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, QUrl

from core.atomic_file import atomic_write
from core.errors import DocumentError, EngineError
from core.project_io import MAX_FILE_BYTES, project_from_dict, project_to_dict

from . import undo_snapshot

INTERVAL_SECONDS = 30.0
FORMAT = "backprop-playground-autosave"
VERSION = 2
"""2 adds the undo history (``playground.undo_snapshot``); version 1 files still restore."""
DIR_ENV = "BACKPROP_PLAYGROUND_AUTOSAVE_DIR"
SECONDS_ENV = "BACKPROP_PLAYGROUND_AUTOSAVE_SECONDS"


def tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


def autosave_dir() -> str:
    folder = os.environ.get(DIR_ENV)
    if not folder:
        base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
        folder = os.path.join(base, "autosave")
    return folder


def _interval() -> float:
    try:
        return max(0.05, float(os.environ.get(SECONDS_ENV, INTERVAL_SECONDS)))
    except ValueError:
        return INTERVAL_SECONDS


def _lock(path: str) -> QLockFile:
    lock = QLockFile(path)
    lock.setStaleLockTime(0)        # stale only when its process is gone, never by age
    return lock


# ---------------------------------------------------------------- the file
def session_text(doc) -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "saved": time.time(),
                       "path": doc.path, "document": project_to_dict(doc.live_project()),
                       "undo": undo_snapshot.snapshot(doc)},
                      ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True)
class Recovered:
    file: str
    """The autosave file."""
    project: object
    path: str | None
    """The document's own file (None: never saved)."""
    saved: float
    """When it was written (seconds since the epoch)."""
    undo: object = None
    """The undo history as ``undo_snapshot.snapshot`` wrote it (validated when restored)."""


def read_session(file: str) -> Recovered:
    """Read an autosave file with the document loader's rules (DocumentError / OSError)."""
    if os.path.getsize(file) > 2 * MAX_FILE_BYTES:
        raise DocumentError("", "the autosave file is too large")
    with open(file, "rb") as fh:
        try:
            d = json.loads(fh.read().decode("utf-8"), parse_constant=lambda c: 1 / 0)
        except (ValueError, ZeroDivisionError, UnicodeDecodeError, RecursionError):
            raise DocumentError("", "the autosave file is not valid JSON") from None
    if not isinstance(d, dict) or d.get("format") != FORMAT or d.get("version") not in (1, VERSION):
        raise DocumentError("format", "not an autosave of this program")
    path = d.get("path")
    if path is not None and not isinstance(path, str):
        raise DocumentError("path", "expected a file name or null")
    saved = d.get("saved")
    if isinstance(saved, bool) or not isinstance(saved, (int, float)):
        raise DocumentError("saved", "expected a time")
    return Recovered(file, project_from_dict(d.get("document")), path, float(saved),
                     d.get("undo"))


# ---------------------------------------------------------------- writing
class AutoSaver(QObject):
    """Keeps this window's autosave current (see the module docstring)."""

    def __init__(self, doc, controller=None, folder: str | None = None,
                 interval: float | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.folder = folder or autosave_dir()
        os.makedirs(self.folder, exist_ok=True)
        self.id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = os.path.join(self.folder, f"session-{self.id}.json")
        self.lock = _lock(os.path.join(self.folder, f"session-{self.id}.lock"))
        self.lock.tryLock(0)
        self.writes = 0
        self._dirty = False
        self.timer = QTimer(self, interval=int(1000 * (interval or _interval())))
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        doc.changed.connect(self._on_changed)
        doc.saved.connect(lambda _path: self.remove())
        doc.path_changed.connect(lambda _path: None if doc.modified else self.remove())
        if controller is not None:
            controller.running_changed.connect(lambda running: None if running else self.save_now())

    def _on_changed(self, change) -> None:
        self._dirty = True

    def tick(self) -> None:
        """The timer: write if anything changed since the last write (and is unsaved)."""
        if self._dirty:
            self.save_now()

    def save_now(self) -> None:
        if not self.doc.modified:
            self.remove()
            return
        try:
            atomic_write(self.file, session_text(self.doc))
        except (OSError, EngineError, ValueError) as exc:
            self.doc.error.emit(tr("The autosave could not be written: %1").replace("%1", str(exc)))
            return
        self._dirty = False
        self.writes += 1

    def remove(self) -> None:
        self._dirty = False
        try:
            os.unlink(self.file)
        except FileNotFoundError:
            pass
        except OSError:
            pass

    def finish(self) -> None:
        """A clean exit: nothing left to recover."""
        self.timer.stop()
        self.remove()
        self.lock.unlock()


# ---------------------------------------------------------------- recovery at start
def orphans(folder: str | None = None) -> list[tuple[str, QLockFile]]:
    """Autosaves of sessions that ended without a clean exit, newest first, each with its
    lock now held by the caller (so a second new instance does not offer it as well)."""
    folder = folder or autosave_dir()
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        if not (name.startswith("session-") and name.endswith(".json")):
            continue
        lock = _lock(os.path.join(folder, name[:-5] + ".lock"))
        if lock.tryLock(0):
            file = os.path.join(folder, name)
            found.append((os.path.getmtime(file), file, lock))
    return [(file, lock) for _, file, lock in sorted(found, reverse=True)]


def _forget(file: str, lock: QLockFile) -> None:
    try:
        os.unlink(file)
    except OSError:
        pass
    lock.unlock()


def offer_recovery(window, autosaver: AutoSaver | None, ask=None) -> bool:
    """Offer the newest autosave left by a crash: Restore / Discard / Show file.
    ``ask(recovered_or_error) -> "restore" | "discard" | "show"`` replaces the dialog in tests.
    True if a session was restored."""
    found = orphans(autosaver.folder if autosaver is not None else None)
    if not found:
        return False
    file, lock = found[0]
    for _other, other_lock in found[1:]:
        other_lock.unlock()         # offered at a later start
    try:
        rec = read_session(file)
    except (EngineError, OSError) as exc:
        rec = exc
    ask = ask or (lambda r: _ask(window, r, file))
    while True:
        answer = ask(rec)
        if answer == "show":
            from PySide6.QtGui import QDesktopServices
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(file)))
            continue
        break
    if answer == "restore" and isinstance(rec, Recovered):
        restore_session(window.doc, rec)
        if autosaver is not None:
            autosaver.save_now()    # this session's own autosave first, then the old one goes
        _forget(file, lock)
        return True
    if answer == "discard":
        _forget(file, lock)
    else:
        lock.unlock()
    return False


def restore_session(doc, rec: Recovered) -> None:
    """The recovered document, with its undo history when that reads back cleanly (a history
    that does not is left out: the document itself always comes back)."""
    if rec.undo is not None:
        try:
            projects, texts, index, clean = undo_snapshot.read(rec.undo)
            if project_to_dict(projects[index]) == project_to_dict(rec.project):
                undo_snapshot.restore(doc, projects, texts, index, clean, rec.path)
                if not doc.modified:
                    doc.undo_stack.resetClean()     # it came from an autosave: not saved yet
                return
        except (DocumentError, EngineError):
            pass
    doc.replace_project(rec.project, rec.path, modified=True)


def _ask(window, rec, file: str) -> str:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(tr("Recover unsaved changes"))
    if isinstance(rec, Recovered):
        name = os.path.basename(rec.path) if rec.path else tr("an untitled document")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(rec.saved))
        box.setText(tr("Backprop Playground did not close normally last time. Unsaved changes "
                       "to %1 were saved automatically at %2.").replace("%1", name).replace("%2", when))
        box.setInformativeText(tr("Restore them, or discard them?"))
        restore = box.addButton(tr("Restore"), QMessageBox.AcceptRole)
    else:
        box.setText(tr("Backprop Playground did not close normally last time, and its "
                       "automatic save cannot be read: %1").replace("%1", str(rec)))
        restore = None
    discard = box.addButton(tr("Discard"), QMessageBox.DestructiveRole)
    show = box.addButton(tr("Show file"), QMessageBox.ActionRole)
    box.setDetailedText(file)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    if clicked is show:
        return "show"
    return "discard" if clicked is discard else "keep"
