"""Legible on any laptop and projector: value labels never fitted below 11 px, presentation mode
(one 1.75× factor, docks hidden, high contrast, remembered), PageDown/PageUp stepping, and the
colour schemes (a colour-blind-safe one, swappable class colours)."""
import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from playground import presentation
from playground.canvas.items import LabelItem
from playground.canvas.palette import LABEL_PIXEL_SIZE
from playground.canvas.view import READABLE_PIXELS
from playground.main_window import MainWindow
from playground.plots import colors


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    made = []

    def make(w=1280, h=800, settings=None):
        win = MainWindow(settings=settings or QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(win)
        win.resize(w, h)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    # last made first: each window saved the application font and palette it found, so a
    # second window saved the first one's large font (undone in order, the app is as before)
    for win in reversed(made):
        if win.presentation.active:
            win.presentation.set_active(False)
        win.doc.undo_stack.setClean()
    colors.set_scheme("playground", False)


def _activate(window):
    window.activateWindow()
    window.raise_()
    QTest.qWaitForWindowActive(window, 2000)


def _shown_labels(window):
    """(label item, its rectangle in viewport pixels) of every label with text."""
    view = window.view
    out = []
    for item in view.scene().items():
        if isinstance(item, LabelItem) and item.isVisible() and item.texts():
            out.append((item, view.mapFromScene(item.sceneBoundingRect()).boundingRect()))
    return out


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_every_value_the_step_reaches_is_drawn_at_least_11_px_high(make_window, size):
    w = make_window(*size)
    doc, view = w.doc, w.view
    stages = 0
    while not doc.update_applied:
        presentation.advance(doc)
        QApplication.processEvents()
        stages += 1
        glyph = LABEL_PIXEL_SIZE * view.transform().m11()
        assert glyph >= READABLE_PIXELS - 1e-9, (size, stages, glyph)
        labels = _shown_labels(w)
        assert labels                                       # never drawn as nothing
        stage = doc.cursor.stage
        if stage.kind == "update":         # every layer changed: the canvas scrolls to none
            continue
        layer = stage.layer if stage.layer is not None else doc.network.depth
        neuron = view.scene().neuron_item(layer, 0)
        seen = view.mapFromScene(neuron.sceneBoundingRect()).boundingRect()
        assert view.viewport().rect().intersects(seen), (size, stage)   # the view follows
    assert stages == 2 * doc.network.depth + 2               # forward ×2, loss… update


def test_presentation_mode_scales_hides_docks_contrasts_and_is_remembered(make_window, tmp_path):
    w = make_window(1024, 768)
    app = QApplication.instance()
    font, scale = app.font().pointSizeF(), w.view.transform().m11()
    icons = w.findChild(type(w.addToolBar("probe"))).iconSize()
    assert w.docks["inspector"].isVisible()
    assert w.presentation.act_presentation.shortcut().toString() == "F5"
    _activate(w)
    QTest.keyClick(w.view, Qt.Key_F5)
    assert w.presentation.active and w.settings.value(presentation.SETTING) in (True, "true")
    assert app.font().pointSizeF() == pytest.approx(font * presentation.SCALE)
    assert w.view.transform().m11() >= scale * presentation.SCALE * 0.999
    assert LABEL_PIXEL_SIZE * w.view.transform().m11() >= READABLE_PIXELS * presentation.SCALE - 1e-9
    assert not w.docks["inspector"].isVisible() and not w.docks["sample"].isVisible()
    assert w.docks["steps"].isVisible() and w.docks["derivation"].isVisible()
    assert app.palette().color(QPalette.Window).name() == "#ffffff"
    assert app.palette().color(QPalette.WindowText).name() == "#000000"
    assert w.derivation_panel.browser.font().pointSizeF() >= 10 * 1.25 * presentation.SCALE - 0.01
    tb = w.findChild(type(w.addToolBar("probe2")), "toolbar_main")
    assert tb.iconSize().width() >= round(icons.width() * presentation.SCALE) - 1
    w.presentation.act_presentation.trigger()
    assert not w.presentation.active
    assert app.font().pointSizeF() == pytest.approx(font)
    assert w.docks["inspector"].isVisible()
    w.presentation.act_presentation.trigger()                     # on again, then a new window
    again = make_window(1024, 768, settings=w.settings)
    assert again.presentation.active and again.presentation.act_presentation.isChecked()


def test_page_down_and_page_up_step_forward_and_back(make_window):
    w = make_window()
    doc = w.doc
    _activate(w)
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key_PageDown)
    QTest.keyClick(w.view, Qt.Key_PageDown)
    assert doc.cursor.position == 2
    QTest.keyClick(w.view, Qt.Key_PageUp)
    assert doc.cursor.position == 1
    for _ in range(5):
        QTest.keyClick(w.view, Qt.Key_PageDown)
    assert doc.update_applied                             # … loss, backward ×2, update
    QTest.keyClick(w.view, Qt.Key_PageDown)
    assert not doc.update_applied and doc.cursor.position == 1    # the next step begins


# ------------------------------------------------------------------ colour schemes
def _lab(hex_colours, cvd=None):
    """CIELAB of sRGB colours, optionally as seen with a colour vision deficiency (Machado,
    Oliveira & Fernandes 2009, severity 1)."""
    rgb = np.array([[int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)] for h in hex_colours])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    machado = {
        "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
        "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                   [-0.011820, 0.042940, 0.968881]],
        "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
    }
    if cvd:
        lin = np.clip(lin @ np.array(machado[cvd]).T, 0, 1)
    xyz = lin @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                          [0.0193, 0.1192, 0.9505]]).T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], 1)


@pytest.mark.parametrize("cvd", [None, "protan", "deutan", "tritan"])
def test_the_colour_blind_safe_classes_stay_apart_for_every_kind_of_vision(cvd):
    neg, pos, cat = colors.SCHEMES["okabe_ito"]
    lab = _lab([neg, pos], cvd)
    assert np.linalg.norm(lab[0] - lab[1]) > 40            # ΔE*ab: far apart
    lab = _lab(list(cat), cvd)
    gaps = [np.linalg.norm(lab[i] - lab[j]) for i in range(5) for j in range(i)]
    assert min(gaps) > 10, (cvd, gaps)


def test_the_scheme_and_the_swap_recolour_the_window_and_are_remembered(make_window):
    w = make_window()
    p = w.presentation
    p.scheme_actions["okabe_ito"].trigger()
    assert (colors.NEGATIVE, colors.POSITIVE) == ("#d55e00", "#0072b2")
    assert tuple(colors.diverging_lut()[-1]) == (0x00, 0x72, 0xb2)        # the cache was cleared
    p.act_swap.trigger()
    assert (colors.NEGATIVE, colors.POSITIVE) == ("#0072b2", "#d55e00")
    assert colors.class_colour(1.0, "binary").name() == "#d55e00"
    link = w.view.scene().link_item(1, 0, 0)                              # w = 0.2 > 0
    assert link.pen().color().name() == "#d55e00"
    again = make_window(settings=w.settings)
    assert again.presentation.scheme_actions["okabe_ito"].isChecked() and again.presentation.act_swap.isChecked()
    p.act_swap.trigger()
    p.scheme_actions["playground"].trigger()
    assert (colors.NEGATIVE, colors.POSITIVE) == ("#f59322", "#0877bd")
    assert w.view.scene().link_item(1, 0, 0).pen().color().name() == "#2f7fd1"


def _title_glyph_height(dock) -> int:
    """Height in pixels of the dark text drawn in the dock's title bar (above its widget)."""
    from PySide6.QtGui import QColor
    img = dock.grab().toImage()
    top = dock.widget().geometry().top()
    rows = [y for y in range(top) if any(QColor(img.pixel(x, y)).lightness() < 100
                                         for x in range(min(img.width(), 160)))]
    return rows[-1] - rows[0] + 1 if rows else 0


def test_dock_title_bars_grow_in_presentation_mode(make_window):
    w = make_window(1024, 768)
    dock = w.docks["steps"]
    QApplication.processEvents()
    before = _title_glyph_height(dock)
    assert before >= 6
    w.presentation.set_active(True)
    QApplication.processEvents()
    assert dock.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
    after = _title_glyph_height(dock)
    assert after >= before * 1.5, (before, after)          # painted in the large font, not 9 pt
    w.presentation.set_active(False)
    QApplication.processEvents()
    assert _title_glyph_height(dock) == before


def test_the_document_note_and_styled_labels_grow_in_presentation_mode(make_window):
    w = make_window(1024, 768)
    note = w.derivation_panel.note
    QApplication.processEvents()
    assert note.isVisible() and note.styleSheet()
    base = note.font().pointSizeF()
    w.presentation.set_active(True)
    QApplication.processEvents()
    assert note.font().pointSizeF() == pytest.approx(base * presentation.SCALE)
    w.presentation.set_active(False)
    QApplication.processEvents()
    assert note.font().pointSizeF() == pytest.approx(base)


def test_plot_axes_grow_in_presentation_mode_and_return_to_their_own_size(make_window):
    """Tick labels and ticks 1.75× in presentation mode (an axis drawn in the application font
    was scaled twice: its usual size was read after the application font had grown), and back
    to each axis's own size after (kept on the axis, never read from another one)."""
    import pyqtgraph as pg
    w = make_window(1024, 768)
    w.training.build_plots()
    axes = [a for v in w.findChildren(pg.GraphicsView) for a in v.scene().items()
            if isinstance(a, pg.AxisItem)]
    assert axes
    before = [(QFont(a.style["tickFont"] or QFont()).pointSizeF(), a.style["tickLength"])
              for a in axes]
    w.presentation.set_active(True)
    for a, (size, length) in zip(axes, before):
        assert a.style["tickFont"].pointSizeF() == pytest.approx(size * presentation.SCALE)
        assert a.style["tickLength"] == round(length * presentation.SCALE)
    w.presentation.set_active(False)
    assert [(a.style["tickFont"].pointSizeF(), a.style["tickLength"]) for a in axes] == before
