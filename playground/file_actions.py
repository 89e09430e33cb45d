"""File handling of the main window: new, open (dialog, recent files, examples, drag and drop),
save / save as, and the unsaved-changes question. A mixin of ``MainWindow``: it uses the
window's ``doc``, ``settings``, ``view``, ``training``, ``recent_menu`` and status bar."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import EngineError

from . import i18n
from .document import new_project
from .engine_text import error_text
from .widgets import arg
from .resources import example_texts, load_example

MAX_RECENT = 8
# Strings here are in the "MainWindow" context, written out: at run time QObject.tr() takes
# the context from the instance's class (MainWindow), while lupdate would file a plain tr() in
# this mixin under "FileActions". Literals only, so lupdate can extract them.


class FileActions:
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True if it is fine to discard the current document."""
        self.training.controller.pause()        # a running training becomes an undo step first
        if not self.doc.modified:
            return True
        answer = QMessageBox.warning(
            self, QCoreApplication.translate("MainWindow", "Unsaved changes"),
            QCoreApplication.translate("MainWindow", "The document has unsaved changes. Save them first?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new_document(self) -> None:
        if self.maybe_save():
            self.doc.replace_project(new_project(), None)
            self.view.fit_to_view()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("MainWindow", "Open document"), self._last_dir(),
            QCoreApplication.translate("MainWindow", "Backprop Playground (*.json);;All files (*)"))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a file; a bad file gets a dialog and the current document is untouched."""
        if ask and not self.maybe_save():
            return False
        try:
            self.doc.open(path)
        except (EngineError, OSError) as exc:
            QMessageBox.critical(self, QCoreApplication.translate("MainWindow", "Cannot open document"),
                                 arg(QCoreApplication.translate("MainWindow", "%1 could not be opened:\n%2"),
                                     os.path.basename(path), error_text(exc)))
            return False
        self._add_recent(self.doc.path)
        self.view.fit_to_view()
        return True

    def open_example(self, name: str) -> None:
        if self.maybe_save():
            self.doc.replace_project(load_example(name), None)
            self.view.fit_to_view()

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Save document"), self._last_dir(),
            QCoreApplication.translate("MainWindow", "Backprop Playground (*.json);;All files (*)"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        """Atomic (a failed save keeps the file as it was); a running training becomes its
        undo step first, so the file holds the weights with their history."""
        self.training.controller.pause()
        try:
            self.doc.save(path)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self, QCoreApplication.translate("MainWindow", "Cannot save"),
                                 error_text(exc))
            return False
        self._add_recent(self.doc.path)
        saved = QCoreApplication.translate("MainWindow", "Saved %1")
        self.statusBar().showMessage(saved.replace("%1", path), 4000)
        return True

    def _last_dir(self) -> str:
        recent = self.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def _add_recent(self, path: str | None) -> None:
        if not path:
            return
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            act = self.recent_menu.addAction(os.path.basename(path))
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(files))

    @staticmethod
    def _example_texts(name: str) -> tuple[str, str]:
        """An example's title and description in the current language."""
        try:
            title, description = example_texts(name, i18n.current_language())
        except EngineError:
            return name, ""
        return title or name, description

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(".json"):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls:
            QTimer.singleShot(0, lambda p=urls[0].toLocalFile(): self.open_path(p))
            event.acceptProposedAction()
