"""Classroom mode: the window opened with a teacher's classroom file (``--classroom FILE`` or
File ▸ Open classroom…) hides, locks and highlights the controls it names (through the control
registry, playground/controls.py), loads its document, lesson, language and presentation mode,
and shows a banner saying so, with an Unlock button. View ▸ Unlock (leave classroom mode)
returns to the full app; the document stays as it is.

A classroom file that does not load is refused with the field it is wrong in, and nothing
changes. A classroom's document replaces the current one only after the usual question about
unsaved changes (answered Cancel, the classroom is not opened).
"""
from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QFileDialog, QLabel, QMessageBox, QSizePolicy, QToolBar,
                               QToolButton)

from core import classroom as core_classroom
from core.errors import EngineError

from .engine_text import error_text
from .resources import example_names, load_example
from .widgets import arg

CLASSROOM = "classroom"
"""The control registry's owner name for what a classroom file hides, locks and highlights."""
BANNER_COLOUR = "#ffe0b2"
"""The banner's background (a palette colour, not a style sheet: a style sheet would keep the
banner's font from growing with presentation mode)."""


class ClassroomMode(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active: core_classroom.Classroom | None = None
        self.path: str | None = None
        w = window
        self.act_open = w._action(self.tr("Open &classroom…"), self.open_dialog, None,
                                  self.tr("Open a teacher's classroom file: the controls it names "
                                          "are hidden or locked"))
        self.act_unlock = w._action(self.tr("&Unlock (leave classroom mode)"), self.unlock, None,
                                    self.tr("Show and unlock every control again"))
        self.act_unlock.setEnabled(False)
        w.never_locked = [self.act_unlock]
        self.banner = QToolBar(self.tr("Classroom"), w)
        self.banner.setObjectName("classroom_banner")
        self.banner.setMovable(False)
        self.banner.setFloatable(False)
        self.banner.toggleViewAction().setVisible(False)
        self.banner.setContextMenuPolicy(Qt.PreventContextMenu)
        self.banner.setAutoFillBackground(True)
        palette = self.banner.palette()
        palette.setColor(QPalette.Window, QColor(BANNER_COLOUR))
        palette.setColor(QPalette.WindowText, QColor("#000000"))
        self.banner.setPalette(palette)
        self.banner_label = QLabel()
        self.banner_label.setTextFormat(Qt.RichText)
        self.banner_label.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.banner.addWidget(self.banner_label)
        self.unlock_button = QToolButton()
        self.unlock_button.setDefaultAction(self.act_unlock)
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.banner.addWidget(self.unlock_button)
        w.addToolBarBreak(Qt.TopToolBarArea)
        w.addToolBar(Qt.TopToolBarArea, self.banner)
        self.banner.hide()

    # ------------------------------------------------------------ opening
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open classroom"), os.path.expanduser("~"),
            self.tr("Classroom files (*.json);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Read and apply a classroom file; False (with a message, nothing changed) if it is
        refused or the user keeps the unsaved document."""
        try:
            c = core_classroom.load(path)
            self._check_document(c)
        except (EngineError, OSError) as exc:
            self._refuse(path, error_text(exc))
            return False
        return self.apply(c, path, ask)

    @staticmethod
    def example(name: str | None) -> str | None:
        """The bundled example ``name`` stands for ("circle" or "circle.json"), or None."""
        for known in example_names():
            if name in (known, known.removesuffix(".json")):
                return known
        return None

    def _check_document(self, c) -> None:
        """The document must exist before anything changes (an example or a file)."""
        if c.document is None or self.example(c.document) is not None:
            return
        if not os.path.isfile(c.resolve(c.document)):
            raise EngineError(arg(self.tr("document: there is no example or file named %1"),
                                  c.document))

    def _refuse(self, path: str, reason: str) -> None:
        QMessageBox.critical(self.window, self.tr("Cannot open classroom file"),
                             arg(self.tr("%1 could not be opened:\n%2"), os.path.basename(path), reason))

    def apply(self, c, path: str | None = None, ask: bool = True) -> bool:
        w = self.window
        if c.document is not None:
            if ask and not w.maybe_save():
                return False
            if self.example(c.document) is not None:
                w.doc.replace_project(load_example(self.example(c.document)), None)
                w.view.fit_to_view()
            elif not w.open_path(c.resolve(c.document), ask=False):
                return False
        if c.language is not None:
            from .window_language import switch_language
            switch_language(w, c.language)
        w.controls.clear(CLASSROOM)
        w.controls.hide(c.hide, CLASSROOM)
        w.controls.lock(c.lock, CLASSROOM)
        w.controls.highlight(c.highlight, CLASSROOM)
        self.active, self.path = c, path
        if c.presentation and not w.presentation.active:
            remembered = w.settings.value("presentation")
            w.presentation.set_active(True)
            w.settings.setValue("presentation", remembered if remembered is not None else False)
        if c.lesson is not None:
            self._open_lesson(c)
        self.act_unlock.setEnabled(True)
        self.refresh_banner()
        self.banner.show()
        return True

    def _open_lesson(self, c) -> None:
        """The lesson panel (playground's lessons, when present) opens the named lesson."""
        opener = getattr(self.window, "open_lesson", None)
        if opener is None:
            self.window.statusBar().showMessage(
                arg(self.tr("This version cannot open lessons; %1 was not opened."), c.lesson), 8000)
            return
        opener(c.lesson if c.lesson in getattr(self.window, "lesson_names", lambda: [])()
               else c.resolve(c.lesson))

    # ------------------------------------------------------------ leaving
    def unlock(self) -> None:
        """Back to the full app: every control shown and unlocked (a lesson's too); the
        document stays."""
        self.window.controls.clear()
        self.active = None
        self.act_unlock.setEnabled(False)
        self.banner.hide()

    def refresh_banner(self) -> None:
        c = self.active
        if c is None:
            return
        title = f" — {c.title}" if c.title else ""
        text = arg(self.tr("<b>Classroom mode</b>%1 · some controls are hidden or locked by the "
                           "teacher."), title.replace("&", "&amp;").replace("<", "&lt;"))
        self.banner_label.setText(text)
