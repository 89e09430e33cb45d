"""File ▸ Export worksheet…: the current document's forward/backward table as a PDF for the
learner (blanks) and, if asked, a separate answer key beside it (``NAME-answers.pdf``), in
English or Chinese whatever the window's language.

Laying out and writing the PDFs of the largest worksheet (core.worksheet.MAX_ROWS) takes
seconds (tests/benchmarks/bench_worksheet.py), so they are written by a worker thread (its own
QTextDocument and QPdfWriter: nothing shared with the window) behind a progress dialog whose
Cancel discards the files; the table itself is built on the GUI thread (milliseconds)."""
from __future__ import annotations

import os

from PySide6.QtCore import QThread
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QProgressDialog,
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


class ExportJob(QThread):
    """Writes ``jobs`` [(html, path, title)] one after the other; ``error`` names the path
    that could not be written."""

    def __init__(self, jobs, parent=None):
        super().__init__(parent)
        self.jobs = jobs
        self.cancelled = False
        self.error: str | None = None

    def run(self) -> None:
        for html, path, title in self.jobs:
            if self.cancelled:
                return
            try:
                write_pdf(html, path, title)
            except OSError:
                self.error = path
                return


class WorksheetDialog(QDialog):
    def __init__(self, window, project=None):
        """``project``: the document state to print (default: the window's document; a
        lesson passes the state of its step)."""
        super().__init__(window)
        self.window = window
        self.project = project
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
        self.job: ExportJob | None = None
        self.resize(560, self.sizeHint().height())

    def _default_path(self) -> str:
        doc = self.window.doc
        folder = os.path.dirname(doc.path) if doc.path else os.path.expanduser("~")
        if not os.access(folder, os.W_OK):
            folder = os.path.expanduser("~")       # e.g. a bundled example's folder
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
        p = self.project or self.window.doc.project
        try:
            sheet = worksheet.build(p)
        except (EngineError, ValueError) as exc:
            QMessageBox.critical(self, self.tr("Cannot export worksheet"), error_text(exc))
            return
        title = p.text("title", language)
        jobs = [(worksheet_html(sheet, language, False, title), path, title)]
        if self.answers_check.isChecked():
            jobs.append((worksheet_html(sheet, language, True, title), answers_path(path), title))
        self.job = ExportJob(jobs, self)
        self.progress = QProgressDialog(self.tr("Writing the worksheet…"), self.tr("Cancel"), 0, 0, self)
        self.progress.setWindowTitle(self.tr("Export worksheet"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        self.buttons.setEnabled(False)
        self.job.finished.connect(self._done)
        self.job.start()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True

    def reject(self) -> None:
        self._cancel()                     # Esc while writing: nothing is left behind
        super().reject()

    def wait_for_export(self) -> None:
        """Block until a running export has finished (the window is closing)."""
        if self.job is not None:
            self.job.cancelled = True
            self.job.wait()

    def _done(self) -> None:
        job, self.job = self.job, None
        job.cancelled = job.cancelled or self.progress.wasCanceled()
        self.progress.reset()
        self.buttons.setEnabled(True)
        paths = [path for _h, path, _t in job.jobs]
        if job.cancelled:
            for path in paths:
                if os.path.isfile(path):
                    os.remove(path)        # a cancelled export leaves nothing half-written
            return
        if job.error is not None:
            QMessageBox.critical(self, self.tr("Cannot export worksheet"),
                                 arg(self.tr("%1 could not be written."), job.error))
            return
        self.written = paths
        self.window.statusBar().showMessage(
            arg(self.tr("Worksheet written: %1"), " · ".join(paths)), 8000)
        self.accept()
