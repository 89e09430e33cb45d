"""Classroom files: validated field by field, Qt-free, round trip."""
import json
import subprocess
import sys

import pytest

from core import classroom
from core.control_names import CONTROL_NAMES
from core.errors import DocumentError

from ..conftest import ROOT

GOOD = {"format": "backprop-playground-classroom", "version": 1, "title": "Step by step",
        "hide": ["menu.file", "data"], "lock": ["canvas.edit"], "highlight": ["step.forward"],
        "document": "worked_example_2_2_1_relu", "lesson": "forward", "presentation": True,
        "language": "zh_CN"}


def _refused(edit) -> DocumentError:
    d = json.loads(json.dumps(GOOD))
    edit(d)
    with pytest.raises(DocumentError) as info:
        classroom.loads(json.dumps(d))
    return info.value


def test_a_good_file_loads_and_round_trips(tmp_path):
    c = classroom.loads(json.dumps(GOOD), str(tmp_path))
    assert c.hide == ("menu.file", "data") and c.lock == ("canvas.edit",)
    assert c.highlight == ("step.forward",) and c.presentation and c.language == "zh_CN"
    assert c.resolve("a.json") == str(tmp_path / "a.json")
    again = classroom.loads(classroom.dumps(c), str(tmp_path))
    assert again == c
    minimal = classroom.loads('{"format": "backprop-playground-classroom", "version": 1}')
    assert minimal.hide == minimal.lock == () and not minimal.presentation


def test_every_control_name_is_accepted():
    d = dict(GOOD, hide=list(CONTROL_NAMES), lock=list(CONTROL_NAMES))
    assert classroom.loads(json.dumps(d)).hide == CONTROL_NAMES


@pytest.mark.parametrize("edit, path, words", [
    (lambda d: d.__setitem__("format", "backprop-playground"), "format", "not a classroom file"),
    (lambda d: d.__setitem__("version", 2), "version", "version 2 is not supported"),
    (lambda d: d.pop("version"), "version", "missing"),
    (lambda d: d.__setitem__("lock", ["canvas.edit", "step.fly"]), "lock[1]", "unknown control 'step.fly'"),
    (lambda d: d.__setitem__("hide", "data"), "hide", "expected a list of control names"),
    (lambda d: d.__setitem__("highlight", [3]), "highlight[0]", "unknown control"),
    (lambda d: d.__setitem__("presentation", "yes"), "presentation", "expected true or false"),
    (lambda d: d.__setitem__("language", "fr"), "language", "is not one of"),
    (lambda d: d.__setitem__("document", 7), "document", "expected a string"),
    (lambda d: d.__setitem__("lessons", "x"), "lessons", "unknown field"),
])
def test_malformed_files_are_refused_naming_the_field(edit, path, words):
    e = _refused(edit)
    assert e.path == path and words in str(e), str(e)


def test_not_json_and_not_an_object():
    with pytest.raises(DocumentError, match="not valid JSON"):
        classroom.loads("{")
    with pytest.raises(DocumentError, match="expected an object"):
        classroom.loads("[]")
    with pytest.raises(DocumentError, match="at most"):
        classroom.loads(" " * (classroom.MAX_BYTES + 1))


def test_core_classroom_never_imports_qt():
    code = ("import sys, json; from core import classroom; "
            "classroom.loads(json.dumps({'format': 'backprop-playground-classroom', 'version': 1})); "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
