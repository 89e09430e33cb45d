"""Presentation mode on the docks: the title bars' float and close buttons grow with the text,
the canvas fits the network again once the new geometry is known, and no dock's contents are
wider than the dock (nothing cut at its right edge), in either layout and at projector sizes."""
import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from playground import fonts, i18n, presentation
from playground.dock_buttons import title_buttons
from playground.main_window import MainWindow

from ..conftest import EXAMPLES


@pytest.fixture
def make_window(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    made = []

    def make(w=1280, h=800, example=None, layout=None):
        win = MainWindow(settings=QSettings(str(tmp_path / f"s{len(made)}.ini"), QSettings.IniFormat))
        qtbot.addWidget(win)
        made.append(win)
        if example:
            assert win.open_path(str(EXAMPLES / example), ask=False)
        if layout:
            win.training.set_layout(layout)
        win.resize(w, h)
        win.show()
        qtbot.waitExposed(win)
        settle()
        return win

    yield make
    for win in reversed(made):
        if win.presentation.active:
            win.presentation.set_active(False)
        win.training.shutdown()
        win.doc.undo_stack.setClean()


def settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _ink(button) -> tuple[int, int]:
    """Width and height of what the button draws (its pixels unlike the corner's)."""
    img = button.grab().toImage()
    bg = QColor(img.pixel(0, 0))
    xs, ys = [], []
    for y in range(img.height()):
        for x in range(img.width()):
            c = QColor(img.pixel(x, y))
            if abs(c.lightness() - bg.lightness()) > 40:
                xs.append(x)
                ys.append(y)
    return (max(xs) - min(xs) + 1, max(ys) - min(ys) + 1) if xs else (0, 0)


def test_the_docks_float_and_close_buttons_grow_in_presentation_mode(make_window):
    w = make_window(1280, 800)
    dock = w.docks["steps"]
    buttons = title_buttons(dock)
    assert sorted(b.objectName() for b in buttons) == ["qt_dockwidget_closebutton",
                                                        "qt_dockwidget_floatbutton"]
    before = {b.objectName(): (b.size(), _ink(b)) for b in buttons}
    w.presentation.set_active(True)
    settle()
    for dock_key in presentation.KEEP_DOCKS["step"][:2]:
        for b in title_buttons(w.docks[dock_key]):
            size, ink = before[b.objectName()]
            assert b.isVisible()
            assert b.height() >= size.height() * 1.6, (dock_key, b.objectName(), size, b.size())
            assert b.width() >= size.width() * 1.6, (dock_key, b.objectName(), size, b.size())
            now = _ink(b)
            assert now[0] >= ink[0] * 1.5 and now[1] >= ink[1] * 1.5, (b.objectName(), ink, now)
            # the title bar holds them whole, above the dock's contents
            assert b.geometry().bottom() < w.docks[dock_key].widget().geometry().top()
    w.presentation.set_active(False)
    settle()
    assert {b.objectName(): (b.size(), _ink(b)) for b in title_buttons(dock)} == before
    assert all(b.style() is QApplication.style() for b in title_buttons(dock))
    assert dock.style() is QApplication.style() and dock.widget().style() is QApplication.style()
