"""Presentation mode at projector sizes: the plots' tick labels, the colour bar's labels and the
axis titles never run into each other; cut texts are whole in tooltips; the epoch counter grows."""
import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, QSettings
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from playground import fonts, i18n
from playground.main_window import MainWindow
from playground.full_text_tip import tooltip_text
from playground.plots.axis_ticks import tick_font
from playground.plots.loss_fit import title_font

from ..conftest import EXAMPLES


def settle(rounds: int = 30) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


@pytest.fixture
def window(qtbot, qapp, tmp_path, monkeypatch, request):
    """The circle example in the training layout, one epoch trained; ``request.param``:
    ((width, height), language, presentation mode on)."""
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    (w_, h_), language, presenting = request.param
    fonts.install(qapp)
    i18n.set_language(language)
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    assert win.open_path(str(EXAMPLES / "circle.json"), ask=False)
    win.training.set_layout("train")
    win.resize(w_, h_)
    win.show()
    qtbot.waitExposed(win)
    settle()
    if presenting:
        win.presentation.set_active(True)
        settle()
    win.training.act_step_epoch.trigger()
    qtbot.waitUntil(lambda: win.training.controller.history.n > 0, timeout=5000)
    settle()
    yield win
    if win.presentation.active:
        win.presentation.set_active(False)
    win.training.shutdown()
    win.doc.undo_stack.setClean()
    i18n.set_language("en")


PRESENTING_1024 = [((1024, 768), lang, True) for lang in ("en", "zh_CN")]


def drawn_labels(axis) -> list[tuple[QRectF, str]]:
    """The tick labels the axis draws: at pyqtgraph's positions, with the full font-metric
    size of each text in the axis' tick font."""
    img = QImage(10, 10, QImage.Format_ARGB32)
    p = QPainter(img)
    p.setFont(tick_font(axis))
    specs = axis.generateDrawSpecs(p)
    p.end()
    fm = QFontMetricsF(tick_font(axis))
    out = []
    for rect, _flags, text in specs[2]:
        w, h = fm.horizontalAdvance(text), fm.height()
        c = rect.center()
        out.append((QRectF(c.x() - w / 2, c.y() - h / 2, w, h), text))
    return out


def assert_apart(axis, where):
    labels = drawn_labels(axis)
    assert len(labels) >= 2, (where, labels)
    for (r0, t0), (r1, t1) in zip(labels, labels[1:]):
        assert not r0.intersects(r1), (where, t0, r0, t1, r1)


@pytest.mark.parametrize("window", PRESENTING_1024, indirect=True)
def test_heat_map_ticks_never_overlap_in_presentation_at_1024x768(window):
    plot = window.training.boundary_plot.plot_widget.getPlotItem()
    for side in ("bottom", "left"):
        axis = plot.getAxis(side)
        assert_apart(axis, side)
        texts = [t for _, t in drawn_labels(axis)]
        assert {"−6", "0", "6"} <= set(texts), (side, texts)


@pytest.mark.parametrize("window", [((1280, 800), "en", False)], indirect=True)
def test_heat_map_ticks_stay_every_2_outside_presentation(window):
    plot = window.training.boundary_plot.plot_widget.getPlotItem()
    for side in ("bottom", "left"):
        texts = [t for _, t in drawn_labels(plot.getAxis(side))]
        assert texts == ["−6", "−4", "−2", "0", "2", "4", "6"], (side, texts)
    assert window.training.loss_plot.accuracy_widget.isVisible()      # room for both plots


@pytest.mark.parametrize("window", PRESENTING_1024, indirect=True)
def test_loss_and_accuracy_ticks_and_titles_never_overlap(window):
    lp = window.training.loss_plot
    plots = [lp.plot] + ([lp.accuracy_plot] if lp.accuracy_widget.isVisible() else [])
    for plot in plots:
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            if not axis.isVisible() or not plot.isVisible():
                continue
            assert_apart(axis, side)
            if axis.label.isVisible() and axis.labelText:
                length = axis.size().height() if side == "left" else axis.size().width()
                shown = axis.label.toPlainText()
                assert QFontMetricsF(title_font(axis)).horizontalAdvance(shown) <= length, shown
    # the loss axis' title and its tick labels do not meet: the title is left of the labels
    left = lp.plot.getAxis("left")
    title = left.mapRectToParent(left.label.mapRectToParent(left.label.boundingRect()))
    ticks = [left.mapRectToParent(r) for r, _ in drawn_labels(left)]
    assert all(title.right() <= r.left() + 1 for r in ticks), (title, ticks)
    # what the strip showed is still in the figures line
    assert "%" in lp.figures.text()


@pytest.mark.parametrize("window", PRESENTING_1024, indirect=True)
def test_colour_bar_caption_never_meets_its_end_labels(window, qtbot):
    bar = window.training.boundary_plot.colour_bar
    for width in (bar.width(), 260, 160):
        bar.resize(width, bar.height())
        labels = bar.scale_labels()
        assert len(labels) >= 2
        for i, (r0, t0) in enumerate(labels):
            assert r0.left() >= 0 and r0.right() <= bar.width(), (t0, r0, width)
            for r1, t1 in labels[i + 1:]:
                assert not r0.intersects(r1), (width, t0, r0, t1, r1)
    assert bar.caption_elided()                          # 160 px: the caption is cut …
    QApplication.sendEvent(bar, QHelpEvent(QEvent.ToolTip, QPoint(5, 5), bar.mapToGlobal(QPoint(5, 5))))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert bar._text[1] in QToolTip.text()               # … and whole in the tooltip
    QToolTip.hideText()


@pytest.mark.parametrize("window", [((1024, 768), "zh_CN", True)], indirect=True)
def test_output_combo_tooltip_holds_its_whole_text(window, qtbot):
    combo = window.training.training_panel.output_combo
    full = combo.currentText()
    assert QFontMetricsF(combo.font()).horizontalAdvance(full) > combo.width() - 30   # cut
    QApplication.sendEvent(combo, QHelpEvent(QEvent.ToolTip, QPoint(5, 5),
                                             combo.mapToGlobal(QPoint(5, 5))))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith(full) and tooltip_text(combo) == QToolTip.text()
    QToolTip.hideText()


@pytest.mark.parametrize("window", [((1280, 800), "en", False)], indirect=True)
def test_epoch_counter_grows_with_presentation_mode(window):
    label = window.training.training_panel.epoch_label
    before = QFontMetricsF(label.font()).height()
    window.presentation.set_active(True)
    settle()
    assert QFontMetricsF(label.font()).height() >= before * 1.6
    window.presentation.set_active(False)
    settle()
    assert QFontMetricsF(label.font()).height() == pytest.approx(before)


@pytest.mark.parametrize("window", PRESENTING_1024, indirect=True)
def test_the_output_view_keeps_its_share_of_the_column_when_presenting(window):
    """The 1.75× text moves the split between the heat map and the loss curves towards the
    curves; once presentation mode settles the output view has its usual share again."""
    d = window.docks
    column = d["boundary"].height() + d["loss"].height()
    assert d["boundary"].height() >= 0.6 * column, (d["boundary"].height(), column)
