"""File ▸ Export worksheet… through the real dialog: a learner's sheet with blanks and a separate
answer key with the engine's values, in English and Chinese (the CJK font embedded in the PDF)."""
import re
import shutil
import subprocess
import zlib

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from core import worksheet
from playground import i18n
from playground.formatting import format_number
from playground.main_window import MainWindow
from playground.worksheet_dialog import answers_path
from playground.worksheet_pdf import worksheet_html

from ..conftest import EXAMPLES


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.open_path(str(EXAMPLES / "worked_example_2_2_1_relu.json"), ask=False)
    yield w
    w.doc.undo_stack.setClean()


def _export(window, qtbot, path, language, answers=True):
    window.act_export_worksheet.trigger()
    dialog = window.worksheet_dialog
    assert dialog.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
    dialog.answers_check.setChecked(answers)
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)   # written by a worker thread
    return dialog


def _pdf_text(path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _font_names(path) -> set[str]:
    data = path.read_bytes()
    names = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data))
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            names |= set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", zlib.decompress(stream)))
        except zlib.error:
            pass
    return {n.decode() for n in names}


def test_english_sheet_has_blanks_and_the_key_has_the_engines_values(window, qtbot, tmp_path):
    out = tmp_path / "sheet.pdf"
    dialog = _export(window, qtbot, out, "en")
    assert dialog.written == [str(out), answers_path(str(out))]
    assert out.stat().st_size > 2000 and (tmp_path / "sheet-answers.pdf").stat().st_size > 2000
    sheet = worksheet.build(window.doc.project)
    learner = worksheet_html(sheet, "en", answers=False)
    key = worksheet_html(sheet, "en", answers=True)
    assert learner.count("class='blank'") == len(sheet.rows)
    for value in ("0.227138", "1.326", "−0.674", "0.671444"):     # L, a², δ², W²′
        assert value not in learner and value in key
    for row in sheet.rows:
        assert format_number(row.value, 6) in key
    text = _pdf_text(tmp_path / "sheet-answers.pdf")
    if text is not None:
        assert "Answer key" in text and "0.227138" in text
        learner_text = _pdf_text(out)
        assert "Worksheet" in learner_text and "0.227138" not in learner_text


def test_chinese_worksheet_embeds_the_bundled_cjk_font(window, qtbot, tmp_path):
    out = tmp_path / "zh.pdf"
    _export(window, qtbot, out, "zh_CN")
    assert i18n.current_language() == "en"                 # the window keeps its language
    fonts = _font_names(out) | _font_names(tmp_path / "zh-answers.pdf")
    assert any("NotoSansCJK" in f for f in fonts), fonts
    text = _pdf_text(tmp_path / "zh-answers.pdf")
    if text is not None:
        assert "答案" in text and "前向传播" in text and "0.227138" in text
        assert "练习表" in _pdf_text(out)


def test_without_the_answer_key_only_the_sheet_is_written(window, qtbot, tmp_path):
    out = tmp_path / "only.pdf"
    _export(window, qtbot, out, "en", answers=False)
    assert out.exists() and not (tmp_path / "only-answers.pdf").exists()


def test_an_unwritable_file_keeps_the_dialog_open_with_a_message(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    window.act_export_worksheet.trigger()
    dialog = window.worksheet_dialog
    dialog.path_edit.setText(str(tmp_path / "no" / "such" / "folder" / "x.pdf"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert "could not be written" in shown[0] and dialog.isVisible()
    dialog.reject()


def test_cancel_while_writing_leaves_no_file(window, qtbot, tmp_path):
    window.act_export_worksheet.trigger()
    dialog = window.worksheet_dialog
    dialog.path_edit.setText(str(tmp_path / "c.pdf"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    job = dialog.job
    assert job is not None and not dialog.buttons.isEnabled()
    from PySide6.QtWidgets import QPushButton
    dialog.progress.findChild(QPushButton).click()       # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)
    assert not job.isRunning()
    assert not (tmp_path / "c.pdf").exists() and not (tmp_path / "c-answers.pdf").exists()
    assert dialog.isVisible() and dialog.written == []
    dialog.reject()


def test_a_network_too_large_is_refused_before_the_dialog(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.open_path(str(EXAMPLES / "digits_8x8_64_32_10.json"), ask=False)
    window.worksheet_dialog = None
    window.act_export_worksheet.trigger()
    assert shown and "too large for a worksheet" in shown[0] and window.worksheet_dialog is None
