"""Engine errors carry a code and parameters; the window renders them in its language, the engine
and the command line keep English."""
import ast
import json

import pytest
from PySide6.QtCore import QCoreApplication

from core import DocumentError, load_project_text
from core.csvdata import read_csv
from core.errors import DataError, ShapeError
from core.messages import Message
from playground import engine_text, i18n

from ..conftest import EXAMPLES, ROOT


def core_templates() -> dict[str, str]:
    """Every Message("code", "English template", …) written in core/ (constant codes)."""
    out = {}
    for path in sorted((ROOT / "core").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("M", "Message")
                    and len(node.args) >= 2 and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                out[node.args[0].value] = node.args[1].value
    return out


def test_the_window_knows_every_code_with_the_same_english_template():
    found = core_templates()
    assert len(found) > 60
    wrong = {c: t for c, t in found.items() if engine_text.TEMPLATES.get(c) != t}
    assert not wrong, ("playground/engine_text.py TEMPLATES must list these codes with core's English "
                       f"text (then run `python packaging/translations.py` and translate): {wrong}")
    from core.json_fields import TYPE_NAMES
    for code, text in TYPE_NAMES.values():
        assert code == "other" or engine_text.TEMPLATES[f"type.{code}"] == text


@pytest.fixture
def chinese(qapp):
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def _doc_error(edit) -> DocumentError:
    d = json.loads((EXAMPLES / "worked_example_2_2_1_relu.json").read_text(encoding="utf-8"))
    edit(d)
    with pytest.raises(DocumentError) as info:
        load_project_text(json.dumps(d))
    return info.value


def test_a_malformed_document_reads_in_chinese_while_str_stays_english(chinese):
    e = _doc_error(lambda d: d["network"]["layers"][0].__setitem__("weights", [[0.2, 0.3]]))
    assert str(e) == "network.layers[0].weights: expected 2×2 numbers, got 1×2"
    assert engine_text.error_text(e) == "network.layers[0].weights: 应为 2×2 的数，实际为 1×2"
    e = _doc_error(lambda d: d.__setitem__("network", "three"))
    assert engine_text.error_text(e) == "network: 应为对象，实际为字符串"      # nested message
    e = _doc_error(lambda d: d.__setitem__("version", 9))
    assert "由更新版本的程序写入" in engine_text.error_text(e)


def test_csv_and_network_errors_read_in_chinese(chinese):
    with pytest.raises(DataError) as info:
        read_csv("x1,x2,label\n1,2,3,4\n")
    assert str(info.value) == "line 2: expected 3 comma-separated values, got 4"
    assert engine_text.error_text(info.value) == "第 2 行：应为 3 个以逗号分隔的值，实际为 4 个"
    from core import Layer, Network
    net = Network(2, [Layer([[1.0, 2.0]], [0.0], "linear")])
    with pytest.raises(ShapeError) as info:
        net.remove_neuron(1, 0)
    assert engine_text.error_text(info.value) == "每层至少保留一个神经元；请改为删除该层"


def test_a_parameter_with_braces_or_percent_signs_is_not_expanded(chinese):
    m = Message("net.not_a_number", "{what}: {value} is not a number", what="{value} %1", value="'x'")
    assert engine_text.render(m) == "{value} %1：'x' 不是数"
    assert str(m) == "{value} %1: 'x' is not a number"


def test_an_unknown_code_or_a_changed_template_shows_the_english_text(chinese):
    assert engine_text.render(Message("no.such.code", "plain {x}", x=1)) == "plain 1"
    assert engine_text.render(Message("net.max_layers", "changed {n}", n=3)) == "changed 3"
    assert QCoreApplication.translate("EngineMessages", "missing") == "缺失"


def test_formula_errors_and_divergence_read_in_chinese(chinese):
    from core.expression import ExpressionError, parse_expression
    from playground.divergence_text import divergence_text
    with pytest.raises(ExpressionError) as info:
        parse_expression("x ^ 2")
    assert str(info.value) == "use ** for powers (x**2), not ^"
    assert engine_text.error_text(info.value) == "乘方请用 **（x**2），不要用 ^"
    with pytest.raises(ExpressionError) as info:
        parse_expression("[x, y]")
    assert engine_text.error_text(info.value) == "公式中不允许：列表"
    assert divergence_text("parameters", "update").startswith("这次更新发散：某个权重超出了")


def test_every_code_has_a_chinese_translation(chinese):
    kept = {"type.null"}                 # JSON's null is written the same in Chinese
    untranslated = [code for code, template in engine_text.TEMPLATES.items() if code not in kept
                    and QCoreApplication.translate(engine_text.CONTEXT, template) in ("", template)]
    assert QCoreApplication.translate(engine_text.CONTEXT, "null") == "null"
    assert not untranslated, f"codes without a Chinese translation: {untranslated}"


def test_training_optimizer_data_and_loss_refusals_read_in_chinese(chinese):
    from dataclasses import replace

    from core import datasets, losses
    from core.errors import EngineError
    from core.optim import OptimizerConfig
    from core.scalar_graph import GraphError
    from core.training import TrainConfig
    from core.expression import parse_expression
    cases = [
        (lambda: replace(OptimizerConfig(), momentum=2.0),
         "momentum must be ≥ 0 and ≤ 0.999999, got 2.0", "动量 μ必须 ≥ 0 且 ≤ 0.999999，实际为 2.0"),
        (lambda: OptimizerConfig(epsilon=0.0), None, "Adam 的 ε必须 > 0 且 ≤ 1，实际为 0.0"),
        (lambda: TrainConfig(batch_size=-1), "batch size must be ≥ 0 (0 = the whole training set)",
         "批量大小必须 ≥ 0（0 = 整个训练集）"),
        (lambda: datasets.generate("circle", noise=0.9), None, "噪声必须在 0 到 0.5 之间（0–50 %），实际为 0.9"),
        (lambda: datasets.generate("circle", n_points=0), None, "数据点个数必须在 1 到"),
        (lambda: losses.check_pairing(losses.get_loss("binary_cross_entropy"), "softmax"), None,
         "损失函数 binary_cross_entropy 需要 sigmoid 输出层，而不是 softmax"),
    ]
    for make, english, chinese_text in cases:
        with pytest.raises(EngineError) as info:
            make()
        if english is not None:
            assert str(info.value) == english
        assert engine_text.error_text(info.value).startswith(chinese_text), engine_text.error_text(info.value)
    g = parse_expression("log(x)")
    g.set_inputs({"x": -1.0})
    with pytest.raises(GraphError) as info:
        g.forward()
    assert str(info.value).startswith("log of a non-positive value (-1) at node")
    assert engine_text.error_text(info.value).startswith("对非正数取对数（-1），位于节点")


def test_an_optimizer_refusal_shows_chinese_in_the_chinese_window(qtbot, tmp_path, chinese):
    """Typing β₁ = 2 into the training panel: the field says why in Chinese, the status bar too."""
    from PySide6.QtCore import QSettings
    from playground.main_window import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    try:
        assert w.open_path(str(EXAMPLES / "circle.json"), ask=False)
        w.training.set_layout("train")
        w.show()
        panel = w.training.training_panel
        edit = panel.beta1_edit
        messages = []
        w.doc.error.connect(messages.append)
        edit.invalid.connect(messages.append)
        edit.setFocus()
        edit.selectAll()
        from PySide6.QtCore import Qt
        qtbot.keyClicks(edit, "2")
        qtbot.keyClick(edit, Qt.Key_Return)
        tip = edit.toolTip()
        assert "Adam 的 β₁必须 ≥ 0 且 ≤ 0.999999" in tip + "".join(messages), (tip, messages)
        assert w.doc.project.optimizer.beta1 == 0.9
        w.doc.push("x", lambda p: replace_optimizer(p))
        assert messages and "动量 μ必须" in messages[-1], messages
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()


def replace_optimizer(project):
    from dataclasses import replace
    return replace(project, optimizer=replace(project.optimizer, momentum=5.0))


# ------------------------------------------------------------------ every error core can raise
GUARD_MODULES = ("network", "explain", "unroll", "forward", "backward")
"""Their errors reach the window (shape checks, the step explanations, the graph explorer)."""
TABLE_DRIVEN = {("classroom.py", "_type"), ("json_fields.py", "type_name"),
                ("exercise_diagnosis.py", "message")}
"""Functions that re-make a Message from a table of constant ones (checked with the tables)."""


def _engine_error_names() -> set[str]:
    import core.errors
    from core.expression import ExpressionError
    from core.scalar_graph import GraphError
    names = {n for n, o in vars(core.errors).items()
             if isinstance(o, type) and issubclass(o, core.errors.EngineError)}
    return names | {ExpressionError.__name__, GraphError.__name__}


def _raises_with_text(path) -> list[str]:
    """``raise SomeEngineError("English")`` / ``(f"…")``: an error without a code. DocumentError
    is left out (its first argument is the field's path; its reason is checked elsewhere)."""
    names = _engine_error_names() - {"DocumentError"}
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            func = node.exc.func
            name = getattr(func, "id", getattr(func, "attr", None))
            if name in names and isinstance(node.exc.args[0], (ast.Constant, ast.JoinedStr)):
                out.append(f"{path.name}:{node.lineno}: {ast.unparse(node.exc.args[0])[:70]}")
    return out


def test_every_shape_error_and_every_guard_of_the_step_and_graph_modules_carries_a_code():
    """Shape errors anywhere in core, and every error of the modules the step view and the graph
    explorer run, are Messages: the window renders them in its language."""
    core_dir = ROOT / "core"
    bare = [hit for path in sorted(core_dir.glob("*.py")) for hit in _raises_with_text(path)
            if path.stem in GUARD_MODULES or "ShapeError" in hit.split(": ", 1)[0]
            or _is_shape_error(path, hit)]
    assert not bare, f"give these errors a code and parameters (core.messages.Message): {bare}"


def _is_shape_error(path, hit) -> bool:
    line = int(hit.split(":")[1])
    return "ShapeError" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_every_message_in_core_has_a_constant_code_and_template():
    """So that ``core_templates`` finds every code core can raise, and the window lists it."""
    loose = []
    for path in sorted((ROOT / "core").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)] + [tree]:
            if (path.name, getattr(func, "name", None)) in TABLE_DRIVEN:
                continue
            for node in ast.iter_child_nodes(func) if func is tree else ast.walk(func):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("M", "Message"):
                    if len(node.args) < 2 or not all(isinstance(a, ast.Constant) for a in node.args[:2]):
                        loose.append(f"{path.name}:{node.lineno}")
    assert not loose, loose
    from core.classroom import _type
    for value in (True, "s", [], {}, None):
        assert engine_text.TEMPLATES[_type(value).code] == _type(value).template


def _codes_of(stems) -> dict[str, str]:
    out = {}
    for stem in stems:
        tree = ast.parse((ROOT / "core" / f"{stem}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("M", "Message")
                    and len(node.args) >= 2):
                out[node.args[0].value] = node.args[1].value
    return out


def test_shape_and_guard_messages_read_in_chinese_without_english_words(chinese):
    import re
    codes = _codes_of(GUARD_MODULES)
    codes["graph.too_many_nodes"] = _codes_of(["scalar_graph"])["graph.too_many_nodes"]
    assert {"net.layer_inputs", "forward.batch_shape", "backward.incomplete", "unroll.count",
            "explain.no_quantity", "graph.too_many_nodes"} <= set(codes)
    kept = {"softmax", "exp", "log"}                  # a function's name stays as it is
    english = {}
    for code, template in codes.items():
        params = {k: 7 for k in re.findall(r"\{(\w+)\}", template)}
        text = engine_text.render(Message(code, template, **params))
        assert text != Message(code, template, **params).render(), code   # translated at all
        words = set(re.findall(r"[A-Za-z]{3,}", text)) - kept
        if words:
            english[code] = (text, words)
    assert not english, english


def test_network_shape_errors_render_their_parameters_in_chinese(chinese):
    from core import Layer, Network
    from core.forward import forward
    net = Network(2, [Layer([[0.2, 0.3], [0.4, 0.5]], [0.1, 0.2], "relu"),
                      Layer([[0.5, 0.6]], [0.4], "linear")])
    with pytest.raises(ShapeError) as info:
        forward(net, [1.0, 2.0, 3.0])
    assert str(info.value) == "x: expected 2 values per sample, got shape (3,)"     # CLI: English
    assert engine_text.error_text(info.value) == "x：每个样本应有 2 个值，实际形状为 (3,)"
    with pytest.raises(ShapeError) as info:
        Network(3, net.layers)
    assert str(info.value) == "layer 1: expects 2 inputs but layer 0 has 3 neurons"
    assert engine_text.error_text(info.value) == "第 1 层：需要 2 个输入，但第 0 层有 3 个神经元"


def test_the_graph_explorer_refuses_a_large_network_in_chinese(qtbot, tmp_path, chinese):
    """Show the loss of the 784-30-10 digits network as a graph: too many gates for the explorer;
    the Chinese window says so in Chinese."""
    import re

    from PySide6.QtCore import QSettings

    from core.unroll import MAX_UNROLL_NODES
    from playground.main_window import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    try:
        assert w.open_path(str(EXAMPLES / "digits_seed001_mnist_784_30_10.json"), ask=False)
        w.resize(1280, 800)
        w.show()
        w.act_loss_graph.trigger()
        label = w.graph_explorer.error_label
        assert not label.isHidden(), label.text()
        assert f"计算图将超过 {MAX_UNROLL_NODES} 个节点" in label.text(), label.text()
        assert not re.findall(r"[A-Za-z]{3,}", label.text()), label.text()
    finally:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
