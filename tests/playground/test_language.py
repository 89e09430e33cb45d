"""Choosing the language: translators loaded from the bundle, the View ▸ Language menu, the choice
remembered, applied to the running window at once without losing the document, its undo history
or a running training."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from playground import i18n
from playground.main_window import MainWindow

from ..conftest import EXAMPLES
from .event_loop import spin, spin_until
from .windows import shown_window


@pytest.fixture
def english(qapp):
    i18n.set_language("en")
    yield
    i18n.set_language("en")              # the next test starts in English whatever happened


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, english):
    w = shown_window(qtbot, tmp_path, monkeypatch=monkeypatch, exposed=False)
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()


def test_translators_come_from_the_bundle_with_qts_own(english):
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.set_language("zh_CN")
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("", "Set %1") == "设置 %1"          # module-level tr()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"   # qtbase_zh_CN.qm
    assert QCoreApplication.translate("ViewBox", "View All") == "显示全部"   # pyqtgraph's menus
    assert not i18n.set_language("zh_CN")                                  # already installed
    assert i18n.set_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_first_start_follows_the_system(monkeypatch, tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert i18n.stored_choice(s) == "system"
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.resolve(i18n.stored_choice(s)) == "zh_CN"
    s.setValue(i18n.SETTING, "en")
    assert i18n.resolve(i18n.stored_choice(s)) == "en"
    s.setValue(i18n.SETTING, "klingon")
    assert i18n.stored_choice(s) == "system"


def test_template_texts_map_both_ways_keeping_their_arguments():
    to_zh, to_en = i18n.text_map("en", "zh_CN"), i18n.text_map("zh_CN", "en")
    assert to_zh("Loss: 0.227138") == "损失：0.227138"
    assert to_en("损失：0.227138") == "Loss: 0.227138"
    assert to_zh("Layer 2 (ReLU)") == "第 2 层（ReLU）"
    assert to_zh("<b>Input</b>") == "<b>输入</b>"
    assert to_zh("Something 3 else") is None
    assert to_zh("a: b") is None                      # "%1: %2" alone matches nothing


def test_the_menu_switches_the_running_window_and_is_remembered(qtbot, window):
    doc, stack = window.doc, window.doc.undo_stack
    window.step_panel.forward_button.click()
    window.inspector.selection.select(("neuron", 1, 0))
    window.view.scene().neuron_item(1, 0)
    window.doc.set_bias(1, 0, 0.25)                   # not an undo step; the sample edit below is
    window.sample_panel.x_edits[0].setText("0.8")
    window.sample_panel.x_edits[0].commit()
    count, index = stack.count(), stack.index()
    assert count >= 1
    menu = window.language_menu
    menu.actions["zh_CN"].trigger()
    assert window.settings.value(i18n.SETTING) == "zh_CN"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.docks["steps"].windowTitle() == "单步"
    assert window.step_panel.forward_button.text() == "前向一层"
    assert window.act_undo.text().startswith("撤销")
    assert window.windowTitle().startswith("算例：2-2-1 ReLU 网络")
    assert window.doc is doc and stack.count() == count and stack.index() == index
    assert float(doc.project.sample_x[0]) == 0.8
    assert window.act_undo.isEnabled()
    menu.actions["en"].trigger()
    assert window.settings.value(i18n.SETTING) == "en"
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.step_panel.forward_button.text() == "Forward one layer"
    assert window.act_undo.text().startswith("&Undo")
    stack.undo()
    assert float(doc.project.sample_x[0]) == 0.9
    menu.actions["system"].trigger()
    assert window.settings.value(i18n.SETTING) == "system"


def test_switching_language_keeps_a_running_training(qtbot, window):
    assert window.open_path(str(EXAMPLES / "circle.json"), ask=False)
    c = window.training.controller
    window.training.act_play.trigger()
    try:
        assert spin_until(lambda: c.history.n > 2, timeout_s=10)
        window.language_menu.choose("zh_CN")
        assert c.running
        assert window.training.act_play.text() == "暂停(&P)"
        n = c.history.n
        assert spin_until(lambda: c.history.n > n + 2, timeout_s=10)              # still learning
        assert "训练周期" in window.training.status_label.text()
        window.language_menu.choose("en")
        assert c.running and window.training.act_play.text() == "&Pause"
    finally:
        window.training.act_play.trigger()
    assert not c.running
    assert window.doc.undo_stack.count() >= 1        # the run became one undo step


def test_the_retranslation_walk_runs_without_garbage_collection(qtbot):
    """It collects first and pauses collection while it holds every widget's wrapper, and
    collection is on again afterwards (also when a slot raises)."""
    import gc

    from playground.retranslate import retranslate

    seen = []

    class Command:
        def text(self):
            seen.append(gc.isenabled())
            return "Forward"

        def setText(self, text):               # noqa: N802
            seen.append(text)

    class Stack:
        def count(self):
            return 1

        def command(self, i):
            return Command()

    assert gc.isenabled()
    retranslate("en", "zh_CN", widgets=[], undo_stacks=[Stack()])
    assert seen[0] is False and gc.isenabled()

    class Broken(Command):
        def text(self):
            raise RuntimeError("a deleted object")

    class BrokenStack(Stack):
        def command(self, i):
            return Broken()

    with pytest.raises(RuntimeError):
        retranslate("en", "zh_CN", widgets=[], undo_stacks=[BrokenStack()])
    assert gc.isenabled()
