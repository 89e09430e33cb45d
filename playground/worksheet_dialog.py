"""File ▸ Export worksheet…: the current document's forward/backward table as a PDF for the
learner (blanks) and, if asked, a separate answer key beside it (``NAME-answers.pdf``), in
English or Chinese whatever the window's language.

Building and writing the PDFs takes well under a second for the largest network a worksheet
allows (core.worksheet.MAX_ROWS; tests/benchmarks/bench_worksheet.py), so it runs on the GUI
thread behind a busy cursor."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QMessageBox,
                               QPushButton, QWidget)

from core import worksheet
from core.errors import EngineError

from . import i18n
from .engine_text import error_text
from .widgets import arg
from .worksheet_pdf import worksheet_html, write_pdf

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def answers_path(path: str) -> str:
    root, ext = os.path.splitext(path)
    return f"{root}-answers{ext or '.pdf'}"


class WorksheetDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle(self.tr("Export worksheet"))
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language())))
        self.answers_check = QCheckBox(self.tr("Also write the answer key (a separate file)"))
        self.answers_check.setChecked(True)
        self.path_edit = QLineEdit(self._default_path())
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.path_edit, 1)
        h.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow("", self.answers_check)
        form.addRow(self.tr("File"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.written: list[str] = []
        self.resize(560, self.sizeHint().height())

    def _default_path(self) -> str:
        doc = self.window.doc
        folder = os.path.dirname(doc.path) if doc.path else os.path.expanduser("~")
        base = os.path.splitext(os.path.basename(doc.path))[0] if doc.path else "worksheet"
        return os.path.join(folder, f"{base}-worksheet.pdf")

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export worksheet"), self.path_edit.text(),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.path_edit.setText(path)

    def export(self) -> None:
        """Write the sheet (and the key); the dialog stays open with a message if it fails."""
        path = self.path_edit.text().strip()
        if not path:
            QMessageBox.warning(self, self.tr("Export worksheet"), self.tr("Choose a file name."))
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        language = self.language_combo.currentData()
        p = self.window.doc.project
        try:
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                sheet = worksheet.build(p)
                title = p.text("title", language)
                written = [path]
                write_pdf(worksheet_html(sheet, language, False, title), path, title)
                if self.answers_check.isChecked():
                    written.append(answers_path(path))
                    write_pdf(worksheet_html(sheet, language, True, title), written[-1], title)
            finally:
                QApplication.restoreOverrideCursor()
        except (EngineError, ValueError) as exc:
            QMessageBox.critical(self, self.tr("Cannot export worksheet"), error_text(exc))
            return
        except OSError:
            QMessageBox.critical(self, self.tr("Cannot export worksheet"),
                                 arg(self.tr("%1 could not be written."), path))
            return
        self.written = written
        self.window.statusBar().showMessage(
            arg(self.tr("Worksheet written: %1"), " · ".join(written)), 8000)
        self.accept()
