"""Guided lessons in the window: the lesson dock, File ▸ Lessons and File ▸ Open lesson…
(``core.lessons`` reads and checks the files; ``runner`` runs one; ``panel`` shows it)."""
from __future__ import annotations

import json
import os
from importlib import resources

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import lessons
from core.errors import EngineError

from ..engine_text import error_text
from ..widgets import arg
from .panel import LessonPanel
from .runner import LessonRunner

__all__ = ["LessonArea", "LessonPanel", "LessonRunner"]


def bundled_title(name: str, language: str) -> str:
    """A bundled lesson's title in ``language`` (``Text.get``), read from its JSON alone: the
    menu does not need every lesson parsed and checked at start. A file that does not read
    this way is loaded (and checked) as before; a bad one is listed by its file name."""
    try:
        doc = json.loads((resources.files("resources") / "lessons" / name).read_bytes())
        title = doc["title"]
        text = title.get(language) or title["en"]
        if isinstance(text, str) and text:
            return text
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        pass
    try:
        return lessons.load_bundled(name).title.get(language)
    except EngineError:
        return name


class LessonArea(QObject):
    def __init__(self, window, file_menu):
        super().__init__(window)
        self.window = window
        self.runner = LessonRunner(window)
        self.panel = LessonPanel(self.runner)
        window._add_dock("lesson", self.tr("Lesson"), self.panel, Qt.RightDockWidgetArea)
        self.dock = window.docks["lesson"]
        self.dock.hide()
        self.runner.error.connect(self._show_error)
        self.act_open = window._action(self.tr("Open &lesson…"), self.open_dialog)
        self.menu = file_menu.addMenu(self.tr("&Lessons"))
        file_menu.addAction(self.act_open)
        self.rebuild_menu()

    def rebuild_menu(self) -> None:
        """One item per bundled lesson, titled in the current language."""
        from ..i18n import current_language
        self.menu.clear()
        for name in lessons.lesson_names():
            title = bundled_title(name, current_language())
            act = self.menu.addAction(title)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.open_bundled(n))

    def refresh(self) -> None:
        """After a language switch: the menu and the step in the new language."""
        self.rebuild_menu()
        self.panel.refresh()

    # ------------------------------------------------------------ opening
    def open_bundled(self, name: str) -> bool:
        return self.start(lessons.load_bundled(name))

    @staticmethod
    def names() -> list[str]:
        """What ``open_named`` takes for a bundled lesson: its file name or that without .json."""
        files = lessons.lesson_names()
        return files + [n[:-5] for n in files]

    def open_named(self, name_or_path: str) -> bool:
        """A bundled lesson by name (a classroom file's ``lesson``), else a lesson file."""
        files = lessons.lesson_names()
        for candidate in (name_or_path, f"{name_or_path}.json"):
            if candidate in files:
                return self.open_bundled(candidate)
        return self.open_path(name_or_path)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open lesson"), os.path.expanduser("~"),
            self.tr("Backprop Playground lessons (*.json);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """A lesson file; a bad one gets a dialog naming the field, and nothing changes."""
        try:
            lesson = lessons.load(path)
        except (EngineError, OSError) as exc:
            QMessageBox.critical(self.window, self.tr("Cannot open lesson"),
                                 arg(self.tr("%1 could not be opened:\n%2"), os.path.basename(path),
                                     error_text(exc)))
            return False
        return self.start(lesson)

    def start(self, lesson) -> bool:
        first = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        derivation = self.window.docks.get("derivation")
        if first and derivation is not None and derivation.isVisible():
            # the step's text is what is read now: it gets two thirds of the column
            self.window.resizeDocks([derivation, self.dock], [1, 2], Qt.Vertical)
        return self.runner.start(lesson)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Lesson"), message)
