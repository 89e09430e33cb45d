"""Every control of the window explains itself: walked in the states a teacher reaches (step
layout, a neuron / link / input selected, the weight table, the training layout with each
optimizer, the graph explorer, the digits tab), each visible button, combo box, field, spin box,
slider and tab has a tooltip that says more than the control's own label — in English and in
Chinese."""
import re

import pytest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication,
                               QComboBox, QLineEdit, QScrollBar, QTabBar, QWidget)

from playground import fonts, i18n

from ..conftest import EXAMPLES
from .windows import shown_window

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)


def _norm(text: str) -> str:
    return re.sub(r"[\s&…:：.。,，()（）]", "", text or "").lower()


def _labels(w) -> list[str]:
    out = [w.accessibleName()]
    for name in ("text", "currentText", "placeholderText"):
        f = getattr(w, name, None)
        if f is not None:
            try:
                out.append(f())
            except TypeError:
                pass
    if isinstance(w, QAbstractButton) and w.defaultAction() if hasattr(w, "defaultAction") else False:
        out.append(w.defaultAction().text())
    return [t for t in out if t]


def _problems(window, where: str, extra: int) -> list[str]:
    """Visible controls whose tooltip is missing or merely repeats their label (it must be at
    least ``extra`` characters longer than the longest label it could repeat)."""
    bad = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or isinstance(w, QScrollBar):
            continue
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                tip, text = w.tabToolTip(i), w.tabText(i)
                if len(_norm(tip)) < len(_norm(text)) + extra:
                    bad.append(f"{where}: tab {text!r}: {tip!r}")
            continue
        if not isinstance(w, CONTROLS):
            continue
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):   # the editor inside
            continue
        tip, labels = w.toolTip(), _labels(w)
        longest = max((len(_norm(t)) for t in labels), default=0)
        if (not tip or any(_norm(tip) == _norm(t) for t in labels)
                or len(_norm(tip)) < longest + extra):
            bad.append(f"{where}: {type(w).__name__} {labels[:2]!r}: {tip!r}")
    return bad


def walk(qtbot, w, extra: int) -> list[str]:
    try:
        return _walk(qtbot, w, extra)
    finally:                                 # no unsaved-changes question when the test closes it
        w.training.shutdown()
        w.doc.undo_stack.setClean()


def _walk(qtbot, w, extra: int) -> list[str]:
    app = QApplication.instance()
    bad = _problems(w, "step layout", extra)
    w.docks["weights"].show()
    app.processEvents()
    bad += _problems(w, "weight table", extra)
    for ref in (("neuron", 1, 0), ("neuron", 2, 0), ("link", 2, 0, 0), ("neuron", 0, 0)):
        w.selection.select(ref)
        app.processEvents()
        bad += _problems(w, f"inspector {ref}", extra)
    assert w.open_path(str(EXAMPLES / "circle.json"), ask=False)
    w.training.set_layout("train")
    app.processEvents()
    bad += _problems(w, "training layout", extra)
    panel = w.training.training_panel
    for method in ("momentum", "adam"):
        combo = panel.optimizer_combo
        combo.setCurrentIndex(combo.findData(method))
        combo.activated.emit(combo.currentIndex())
        app.processEvents()
        bad += _problems(w, f"training, {method}", extra)
    w.training.boundary_plot.set_draw_mode(True)
    app.processEvents()
    bad += _problems(w, "drawing points", extra)
    w.tabs.setCurrentWidget(w.graph_page)
    app.processEvents()
    bad += _problems(w, "graph explorer", extra)
    w.tabs.setCurrentWidget(w.digits_page)
    app.processEvents()
    bad += _problems(w, "digits", extra)
    return sorted(set(bad))


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    fonts.install(qapp)
    made = []

    def make(language):
        i18n.set_language(language)
        w = shown_window(qtbot, tmp_path)
        made.append(w)
        return w

    yield make
    for w in made:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
    i18n.set_language("en")


def test_every_control_explains_itself_in_english(qtbot, window):
    w = window("en")
    bad = walk(qtbot, w, extra=12)
    assert not bad, "controls without an explanatory tooltip:\n" + "\n".join(bad)


def test_every_control_explains_itself_in_chinese(qtbot, window):
    w = window("zh_CN")
    bad = walk(qtbot, w, extra=4)           # Chinese says as much in fewer characters
    assert not bad, "controls without an explanatory tooltip:\n" + "\n".join(bad)


def test_the_walk_finds_a_control_that_only_repeats_its_label(qtbot, window):
    w = window("en")
    w.step_panel.forward_button.setToolTip("Forward one layer")
    assert any("Forward one layer" in b for b in _problems(w, "probe", 12))
    w.step_panel.forward_button.setToolTip("")
    assert any("Forward one layer" in b for b in _problems(w, "probe", 12))
    w.step_panel.forward_button.setToolTip("Forward: the next layer")     # a little more, not enough
    assert any("Forward one layer" in b for b in _problems(w, "probe", 12))


def test_the_learning_rate_and_batch_size_have_a_longer_whats_this(qtbot, window):
    w = window("en")
    try:
        assert "w′ = w − η·∂L/∂w" in w.sample_panel.lr_edit.whatsThis()
        panel = w.training.training_panel
        assert "stochastic gradient descent" in panel.batch_spin.whatsThis()
        assert "diverges" in panel.learning_rate_combo.whatsThis()
    finally:
        w.doc.undo_stack.setClean()


def test_a_window_deleted_with_a_tab_tip_update_pending_raises_nothing_later(qtbot, tmp_path):
    """The dock tab tips' update after a layout was a QTimer.singleShot on a bound method: it
    fired after its window was deleted, in whatever test ran next (a RuntimeError from a
    deleted QDockWidget in the event loop)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from playground.main_window import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    w.show()                                # (not qtbot's: it would close the deleted window)
    QApplication.processEvents()
    QCoreApplication.sendEvent(w, QEvent(QEvent.LayoutRequest))     # an update is pending
    assert w.dock_tab_tips._pending
    w.doc.undo_stack.setClean()
    shiboken6.delete(w)
    QApplication.processEvents()            # qtbot fails the test on an exception in here
