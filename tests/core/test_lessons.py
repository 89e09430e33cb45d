"""Lesson files: the bundled ones load, quote the engine's exact numbers and are fully
bilingual; malformed ones are refused with the field named."""
import copy
import json
import re

import pytest

from core import lessons
from core.errors import DocumentError
from core.lesson_goals import Event, goal_met, quoted_value, shown

NAMES = lessons.lesson_names()
NUMBER = re.compile(r"(?<![\w.])[−-]?\d+\.\d+|(?<![\w.])[−-]\d+(?![\w.])")
TAG = re.compile(r"<[^>]+>")
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,})+\b")
PROPER = {"TensorFlow Playground", "Keras", "MNIST", "sigmoid", "ReLU", "tanh", "softmax"}


def _raw(name):
    from importlib import resources
    return json.loads((resources.files("resources") / "lessons" / name).read_bytes())


def _walk(lesson):
    """(step index, step, project the step's quotes refer to)."""
    project = None
    for k, step in enumerate(lesson.steps):
        project = lessons.step_project(step, project)
        yield k, step, project


def test_there_are_six_bundled_lessons_in_teaching_order():
    assert len(NAMES) == 6
    assert [n.split("_")[0] for n in NAMES] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize("name", NAMES)
def test_a_bundled_lesson_loads(name):
    lesson = lessons.load_bundled(name)
    assert lesson.steps and lesson.title.get("zh_CN") != lesson.title.get("en")


@pytest.mark.parametrize("name", NAMES)
def test_every_quoted_number_is_the_engines_value(name):
    lesson = lessons.load_bundled(name)
    graph = None
    for k, step, project in _walk(lesson):
        graph = step.graph or graph
        for q in step.quotes:
            if "of" not in q:
                continue
            truth = quoted_value(project, q["of"], graph)
            assert shown(truth, q["digits"]) == shown(q["value"], q["digits"]), (k, q, truth)


def test_the_lessons_quote_many_engine_values():
    quotes = [q for n in NAMES for s in lessons.load_bundled(n).steps for q in s.quotes if "of" in q]
    assert len(quotes) > 80


@pytest.mark.parametrize("name", NAMES)
def test_every_number_in_a_text_is_a_checked_quote(name):
    lesson = lessons.load_bundled(name)
    for k, step in enumerate(lesson.steps):
        allowed = {shown(q["value"], q["digits"]) for q in step.quotes}
        allowed |= {repr(q["value"]) for q in step.quotes}
        allowed |= {f"{q['value']:.1f}" for q in step.quotes}     # 1.0, 2.0 as the articles write them
        texts = [step.text, *step.hints]
        for text in texts:
            for lang in lessons.LANGUAGES:
                plain = TAG.sub(" ", text.get(lang))
                for number in NUMBER.findall(plain):
                    n = number.replace("−", "-")
                    assert n in allowed or n.lstrip("-") in allowed, (name, k, lang, number)


@pytest.mark.parametrize("name", NAMES)
def test_chinese_texts_have_no_english_prose(name):
    lesson = lessons.load_bundled(name)
    for path, text in lesson.texts():
        zh = TAG.sub(" ", text.by_language["zh_CN"])
        for proper in PROPER:
            zh = zh.replace(proper, "")
        runs = ENGLISH_RUN.findall(zh)
        assert not runs, (name, path, runs)
        if re.search(r"[A-Za-z]{3,}", zh):     # prose, not a bare formula
            assert re.search(r"[\u4e00-\u9fff]", zh), (name, path)


def test_goals_are_pure_functions_of_project_and_event():
    lesson = lessons.load_bundled(NAMES[0])
    p = lessons.step_project(lesson.steps[0])
    assert goal_met({"action": "forward_step"}, p, Event("forward_step", stage="forward"))
    assert not goal_met({"action": "forward_step", "stage": "loss"}, p, Event("forward_step", stage="forward"))
    assert not goal_met({"action": "backward_step"}, p, Event("forward_step"))
    assert goal_met({"goal": "setting", "field": "learning_rate", "value": 0.1}, p, Event("changed"))
    assert not goal_met({"goal": "setting", "field": "learning_rate", "value": 3.0}, p, Event("changed"))
    assert goal_met({"goal": "test_loss_below", "value": 0.1}, p, Event("train", test_loss=0.05))
    assert not goal_met({"goal": "test_loss_below", "value": 0.1}, p, Event("train", test_loss=0.2))
    assert goal_met({"goal": "diverged"}, p, Event("training_finished", reason="diverged"))
    assert not goal_met({"goal": "diverged"}, p, Event("training_finished", reason="stopped"))
    q = {"kind": "loss"}
    assert goal_met({"predict": q}, p, Event("answered", question=q, right=False))
    assert not goal_met({"predict": q}, p, Event("answered", question={"kind": "z"}, right=True))


def test_edits_change_the_document_through_the_session():
    from core.lesson_goals import apply_edits, setting_value
    p = lessons.step_project(lessons.load_bundled(NAMES[0]).steps[0])
    q = apply_edits(p, [{"set": "learning_rate", "value": 3.0}])
    assert setting_value(q, "learning_rate") == 3.0 and setting_value(p, "learning_rate") == 0.1


# ---------------------------------------------------------------- malformed lessons
def _refused(edit) -> DocumentError:
    d = copy.deepcopy(_raw(NAMES[0]))
    edit(d)
    with pytest.raises(DocumentError) as info:
        lessons.lesson_from_dict(d)
    assert info.value.reason_message is not None, "the window needs a code to translate"
    return info.value


@pytest.mark.parametrize("edit, path, code", [
    (lambda d: d.update(format="backprop-playground"), "format", "lesson.format"),
    (lambda d: d.update(version=7), "version", "lesson.version"),
    (lambda d: d.update(colour="red"), "colour", "doc.unknown_field"),
    (lambda d: d.update(steps=[]), "steps", "lesson.steps"),
    (lambda d: d["title"].pop("zh_CN"), "title.zh_CN", "doc.missing"),
    (lambda d: d["steps"][1]["text"].update(zh_CN="  "), "steps[1].text.zh_CN", "lesson.empty_text"),
    (lambda d: d["steps"][1]["text"].update(en="<script>alert(1)</script>"), "steps[1].text.en", "lesson.tag"),
    (lambda d: d["steps"][1].update(highlight=["Step Forward!"]), "steps[1].highlight[0]", "lesson.control_name"),
    (lambda d: d["steps"][1].update(wait={"action": "run_python"}), "steps[1].wait.action", "doc.not_one_of"),
    (lambda d: d["steps"][1].update(wait={"eval": "1+1"}), "steps[1].wait", "lesson.wait_kind"),
    (lambda d: d["steps"][1].update(wait={"goal": "test_loss_below"}), "steps[1].wait.value", "doc.expected_number"),
    (lambda d: d["steps"][0].update(document={"example": "nope.json"}), "steps[0].document.example", "lesson.no_example"),
    (lambda d: d["steps"][0].update(document={"embedded": {"format": "backprop-playground", "version": 2,
                                                           "network": {"input_size": 2, "layers": []}}}),
     "steps[0].document.embedded.network.layers", "doc.layers_list"),
    (lambda d: d["steps"][1].update(edits=[{"set": "learning_rate", "value": "fast"}]),
     "steps[1].edits[0].value", "doc.expected_number"),
    (lambda d: d["steps"][1].update(graph={"formula": "__import__('os')"}), "steps[1].graph.formula", None),
    (lambda d: d["steps"][1].update(quotes=[{"value": 1, "of": {"kind": "secret"}}]),
     "steps[1].quotes[0].of.kind", "doc.not_one_of"),
    (lambda d: d["steps"][1].update(quotes=[{"value": 1, "of": {"kind": "z", "layer": 1}}]),
     "steps[1].quotes[0].of.neuron", "doc.missing"),
    (lambda d: d["steps"][1].update(tab="terminal"), "steps[1].tab", "doc.not_one_of"),
    (lambda d: d["steps"][3].update(wait={"predict": {"kind": "delta", "layer": 2, "neuron": 1, "colour": 1}}),
     "steps[3].wait.predict.colour", "doc.unknown_field"),
    (lambda d: d["steps"][3].update(wait={"predict": {"layer": 2}}), "steps[3].wait.predict.kind", "doc.missing"),
    (lambda d: d["steps"][1].update(lock=["step.teleport"]), "steps[1].lock[0]", "lesson.control_name"),
])
def test_a_malformed_lesson_is_refused_naming_the_field(edit, path, code):
    err = _refused(edit)
    assert err.path == path
    if code is not None:
        assert err.reason_message.code == code


def test_bad_json_and_non_finite_numbers_are_refused():
    with pytest.raises(DocumentError) as info:
        lessons.loads(b"{not json")
    assert info.value.reason_message.code == "doc.not_json"
    text = json.dumps(_raw(NAMES[0])).replace('"value": 0.9', '"value": NaN', 1)
    with pytest.raises(DocumentError):
        lessons.loads(text)


def test_an_enormous_integer_literal_is_refused_as_such_not_as_nesting():
    """Beyond Python's 4300-digit limit json refuses the literal with a ValueError: it was
    reported as "nested too deeply" (the project and classroom files said what it is)."""
    with pytest.raises(DocumentError) as info:
        lessons.loads('{"format": 1' + "0" * 5000 + "}")
    assert info.value.reason_message.code == "doc.invalid" and "digits" in str(info.value)
    with pytest.raises(DocumentError) as info:
        lessons.loads("[" * 100000 + "]" * 100000)
    assert info.value.reason_message.code == "doc.too_deep"
