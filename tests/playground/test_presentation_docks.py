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


def _network_on_screen(view):
    """(the network's rectangle in viewport pixels, the viewport's rectangle)."""
    return view.mapFromScene(view.scene().network_rect()).boundingRect(), view.viewport().rect()


def _assert_fitted(view, where):
    rect, port = _network_on_screen(view)
    assert port.adjusted(-1, -1, 1, 1).contains(rect), (where, rect, port)
    fill = max(rect.width() / port.width(), rect.height() / port.height())
    assert fill >= 0.9, (where, fill, rect, port)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_canvas_fits_the_network_again_after_presentation_mode_turns_on_and_off(
        make_window, qtbot, size):
    """The user zoomed in; F5: once the docks and fonts have settled, the whole network is in view
    and fills it; F5 again: the same at the normal size."""
    w = make_window(*size, example="circle.json", layout="train")
    view = w.view
    for _ in range(4):
        view.zoom_in()
    settle()
    rect, port = _network_on_screen(view)
    assert not port.contains(rect)                          # zoomed in: only a part in view
    w.presentation.act_presentation.trigger()
    settle()
    assert w.presentation.active
    _assert_fitted(view, "presentation")
    for _ in range(3):
        view.zoom_in()
    w.presentation.act_presentation.trigger()
    settle()
    assert not w.presentation.active
    _assert_fitted(view, "normal again")


def test_the_canvas_is_fitted_once_the_new_geometry_is_known(make_window, monkeypatch):
    """The fit runs again after the layout settles, not only with the old viewport size: a view
    whose size does not change (it already had its final size) is fitted all the same."""
    w = make_window(1280, 800, example="circle.json", layout="train")
    calls = []
    original = w.view.fit_to_view
    monkeypatch.setattr(w.view, "fit_to_view", lambda: (calls.append(w.view.viewport().size()),
                                                         original())[1])
    w.presentation.set_active(True)
    immediate = len(calls)
    settle()
    assert len(calls) > immediate                           # refitted after the layout
    assert calls[-1] == w.view.viewport().size()            # … with the final size
    _assert_fitted(w.view, "presentation")


# ------------------------------------------------------------------ nothing cut at a dock's edge
def _overflowing(dock) -> list:
    """Visible widgets of the dock that reach past its right edge, or whose text is wider than
    they are."""
    from PySide6.QtWidgets import QAbstractButton, QLabel
    bad = []
    for c in [dock.widget(), *dock.widget().findChildren(QWidget)]:
        if not c.isVisible():
            continue
        right = c.mapTo(dock, QPoint(c.width(), 0)).x()
        if right > dock.width() + 1:
            bad.append((type(c).__name__, c.objectName(), right, dock.width()))
        if isinstance(c, (QLabel, QAbstractButton)) and not getattr(c, "wordWrap", lambda: False)():
            if c.width() + 1 < c.minimumSizeHint().width():
                bad.append((type(c).__name__, c.text()[:30], c.width(), c.minimumSizeHint().width()))
    return bad


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_no_dock_is_cut_at_its_right_edge_in_presentation_mode(make_window, qapp, size, language):
    """The circle example (training layout) in presentation mode, then the step layout and back:
    every visible dock holds its contents whole, and the window still fits the screen size."""
    fonts.install(qapp)
    i18n.set_language(language)
    try:
        w = make_window(*size, example="circle.json", layout="train")
        w.presentation.set_active(True)
        settle()
        for layout in ("train", "step", "train"):
            if w.training.current_layout != layout:
                w.training.set_layout(layout)
                settle()
            shown = {k for k, d in w.docks.items() if d.isVisible()}
            assert shown == set(presentation.KEEP_DOCKS[layout]) - {"exercise"}, (layout, shown)
            for key in shown:
                assert not _overflowing(w.docks[key]), (layout, key, _overflowing(w.docks[key]))
            assert w.height() <= size[1] and w.width() <= size[0], (layout, w.size())
        w.presentation.set_active(False)
        settle()
        assert w.docks["training"].isVisible() and w.docks["data"].isVisible()
    finally:
        i18n.set_language("en")
