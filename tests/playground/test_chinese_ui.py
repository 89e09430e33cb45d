"""The window in Simplified Chinese, walked like a reviewer would: every menu, action, dock title,
button, label, tooltip, table header, context menu, derivation and the dialogs it opens (unsaved
changes, a malformed file, about, gradient check), the graph explorer and the training panels.
No English UI text may remain (proper names, units, file names and maths excepted) and no
translated text may be clipped at 1280×800 — whether the window started in Chinese or was
switched to it while running."""
import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QLabel, QMenu,
                               QMessageBox, QTextEdit, QWidget)

from playground import fonts, i18n, retranslate
from playground.window_language import switch_language

from ..conftest import EXAMPLES
from .windows import shown_window

ALLOWED = set("""
backprop playground tensorflow relu leaky tanh sigmoid softmax sgd adam xavier csv json rmse nan
ctrl shift sin exp log max min fft png english okabe ito prev next null pyqtgraph noto linear
logsumexp softplus sign label return python pyside numpy mit
lgpl gpl bsd clause psf license licence linux apache openblas threadpoolctl fonttools
mnist uci scikit learn epoch correct total xavier out pdf
float keras mse mlxtend alpaydin kaynak lecun cortes
""".split())
"""Proper names, function and method names, file types and key names that stay as they are."""


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)                       # markup
    text = re.sub(r"&\w+;", " ", text)                         # entities
    text = re.sub(r"(?:/[\w.-]+)+", " ", text)                   # paths
    text = re.sub(r"\b[\w.-]+\.(json|csv|png|ts|qm)\b", " ", text)   # file names
    text = re.sub(r"(?m)^[\w.\[\]]+(?=: )", " ", text)          # a document's field: network.layers[0]
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in ALLOWED]


def _widgets(window):
    return [window, *window.findChildren(QWidget)]


def collect(window, where: str, found: dict) -> None:
    """Every text the window shows now, into ``found`` (text → where it was seen)."""
    for slot in retranslate.slots(_widgets(window), [window.doc.undo_stack]):
        if slot.what == "accessibleName":      # for screen readers (Qt names its own in English)
            continue
        text = slot.get()
        if isinstance(text, str) and text.strip():
            found.setdefault(text, f"{where}: {type(slot.owner).__name__}.{slot.what}")
    for edit in window.findChildren(QTextEdit):
        found.setdefault(edit.toPlainText(), f"{where}: {type(edit).__name__} text")
    for view in window.findChildren(QAbstractItemView):
        m = view.model()
        if m is None:
            continue
        for orient, n in ((Qt.Horizontal, m.columnCount()), (Qt.Vertical, m.rowCount())):
            for k in range(n):
                for role in (Qt.DisplayRole, Qt.ToolTipRole):
                    v = m.headerData(k, orient, role)
                    if isinstance(v, str) and v:
                        found.setdefault(v, f"{where}: table header")


def collect_menu(menu: QMenu, where: str, found: dict) -> None:
    for act in menu.actions():
        for text in (act.text(), act.toolTip(), act.statusTip()):
            if text:
                found.setdefault(text, f"{where}: menu item")
        if act.menu():
            collect_menu(act.menu(), where, found)


def while_modal(action, found: dict, where: str) -> None:
    """Run ``action``, which opens a modal dialog; read the dialog's texts and close it."""
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box)
        for w in [box, *box.findChildren(QWidget)]:
            for slot in retranslate._widget_slots(w):
                if slot.get():
                    found.setdefault(slot.get(), f"{where}: {type(w).__name__}.{slot.what}")
        if isinstance(box, QMessageBox):
            found.setdefault(box.text(), f"{where}: message")
            found.setdefault(box.informativeText() or " ", f"{where}: message")
            cancel = box.button(QMessageBox.Cancel) or box.button(QMessageBox.Ok) or box.defaultButton()
            (cancel or box).click() if cancel else box.reject()
        else:
            box.reject()

    QTimer.singleShot(0, read_and_close)
    action()
    assert seen, f"{where}: no dialog opened"


def walk(qtbot, window, tmp_path) -> dict:
    found: dict[str, str] = {}
    app = QApplication.instance()
    doc = window.doc
    collect(window, "start", found)
    for act in window.menuBar().actions():
        collect_menu(act.menu(), "menu bar", found)
    for _ in range(6):                              # forward, loss, backward: every panel text
        window.act_forward.trigger() if doc.cursor.next_stage().kind in ("forward", "loss") \
            else window.act_backward.trigger()
        collect(window, "stepping", found)
    window.selection.select(("neuron", 1, 0))
    collect(window, "neuron selected", found)
    window.selection.select(("link", 2, 0, 0))
    collect(window, "link selected", found)
    window.selection.select(("neuron", 0, 0))
    collect(window, "input selected", found)
    window.act_update.trigger()
    collect(window, "update applied", found)
    for make in (lambda m: window.view._neuron_menu(m, 1, 0), lambda m: window.view._neuron_menu(m, 0, 0),
                 lambda m: window.view._link_menu(m, 2, 0, 0)):
        menu = QMenu(window)
        make(menu)
        collect_menu(menu, "context menu", found)
    window.docks["weights"].show()
    collect(window, "weight table", found)
    window.docks["weights"].hide()
    # dialogs
    while_modal(window.gradient_check, found, "gradient check")
    while_modal(window.about, found, "about")
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "backprop-playground", "version": 1, "network": 3}')
    while_modal(lambda: window.open_path(str(bad), ask=False), found, "malformed file")
    assert doc.modified
    while_modal(window.maybe_save, found, "unsaved changes")
    # the graph explorer
    window.show_as_graph(("neuron", 2, 0))
    for _ in range(4):
        window.graph_explorer.step_forward_button.click()
        collect(window, "graph explorer", found)
    window.graph_explorer.run_backward_button.click()
    collect(window, "graph explorer", found)
    window.graph_explorer.descend_button.click()
    collect(window, "graph explorer descent", found)
    window.graph_explorer.build("max(x, y) * z")
    window.graph_explorer.step_forward_button.click()
    collect(window, "graph explorer formula", found)
    window.tabs.setCurrentIndex(0)
    # the training layout on a data set, one epoch trained
    doc.undo_stack.setClean()
    assert window.open_path(str(EXAMPLES / "circle.json"), ask=False)
    window.training.set_layout("train")
    app.processEvents()
    window.training.act_step_epoch.trigger()
    qtbot.wait(100)
    collect(window, "training layout", found)
    window.training.boundary_plot.set_draw_mode(True)
    collect(window, "drawing points", found)
    assert window.open_path(str(EXAMPLES / "spiral_classifier.json"), ask=False)
    qtbot.wait(50)
    collect(window, "spiral", found)
    doc.undo_stack.setClean()
    return found


def _clipped(window) -> list[str]:
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
            need = w.sizeHint()
        elif isinstance(w, QAbstractButton) and w.text() and type(w).__name__ != "QToolBarExtension":
            need = w.sizeHint()
        else:
            continue
        if w.width() + 1 < need.width() or w.height() + 1 < need.height():
            out.append(f"{type(w).__name__} {w.text()!r}: {w.width()}×{w.height()} < "
                       f"{need.width()}×{need.height()}")
    return out


@pytest.fixture
def chinese(qapp):
    fonts.install(qapp)
    yield
    i18n.set_language("en")


def _check(found: dict) -> None:
    left = {t: where for t, where in found.items() if english_words(t)}
    assert not left, "English left in the Chinese window:\n" + "\n".join(
        f"  {where}: {t[:120]!r} ({', '.join(english_words(t)[:4])})" for t, where in left.items())


def test_a_window_started_in_chinese_has_no_english_left(qtbot, tmp_path, chinese):
    i18n.set_language("zh_CN")
    w = shown_window(qtbot, tmp_path)
    try:
        assert not _clipped(w), _clipped(w)
        found = walk(qtbot, w, tmp_path)
        assert len(found) > 300
        _check(found)
        w.training.set_layout("train")
        QApplication.processEvents()
        assert not _clipped(w), _clipped(w)
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()


def test_a_window_switched_to_chinese_while_running_has_no_english_left(qtbot, tmp_path, chinese):
    i18n.set_language("en")
    w = shown_window(qtbot, tmp_path)
    try:
        w.act_forward.trigger()
        w.sample_panel.x_edits[0].setText("0.7")
        w.sample_panel.x_edits[0].commit()           # an undo step made in English
        switch_language(w, "zh_CN")
        found = walk(qtbot, w, tmp_path)
        _check(found)
        assert not _clipped(w), _clipped(w)
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
