"""The Training panel scrolls at 1280×800: scrolled to the bottom, its confusion matrices (five
classes, both languages) are shown whole — the label gets the height its text needs."""
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from playground import fonts, i18n
from playground.main_window import MainWindow

from ..conftest import EXAMPLES


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_confusion_matrix_is_not_cut_off_at_the_bottom(qtbot, qapp, tmp_path, language):
    fonts.install(qapp)
    i18n.set_language(language)
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    try:
        assert w.open_path(str(EXAMPLES / "circle.json"), ask=False)
        w.training.set_layout("train")
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        dp = w.training.data_panel
        qtbot.mouseClick(dp.dataset_buttons["blobs"], Qt.LeftButton)
        dp.classes_spin.setValue(5)
        qtbot.wait(50)
        w.training.act_step_epoch.trigger()
        qtbot.wait(100)
        label = w.training.training_panel.metrics_label
        assert label.text().count("<tr") >= 12                 # two 5-class matrices
        area = w.docks["training"].findChild(QScrollArea)
        bar = area.verticalScrollBar()
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        assert label.height() >= label.heightForWidth(label.width()) - 1
        bottom = label.mapTo(area.viewport(), QPoint(0, label.height())).y()
        assert bottom <= area.viewport().height() + 1, (bottom, area.viewport().height())
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
        i18n.set_language("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_training_layout_fits_a_1024_wide_projector(qtbot, qapp, tmp_path, language):
    """The loss figures wrap instead of widening the Loss dock: the window stays 1024 wide (it
    grew to 1154 px, past the screen, when the figures and both log boxes shared one row)."""
    fonts.install(qapp)
    i18n.set_language(language)
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    try:
        assert w.open_path(str(EXAMPLES / "circle.json"), ask=False)
        w.training.set_layout("train")
        w.resize(1024, 768)
        w.show()
        qtbot.waitExposed(w)
        w.training.act_step_epoch.trigger()           # the figures row gets its numbers
        qtbot.wait(100)
        assert w.minimumSizeHint().width() <= 1024
        assert w.width() == 1024, w.width()
        lp = w.training.loss_plot
        assert lp.figures.isVisible() and lp.log_box.isVisible() and lp.log_x_box.isVisible()
        assert lp.log_box.width() >= lp.log_box.sizeHint().width()     # nothing clipped
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
        i18n.set_language("en")
