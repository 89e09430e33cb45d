"""Guided lessons: versioned JSON files, validated field by field like documents.

Format (version 1)::

    {
      "format": "backprop-playground-lesson", "version": 1,
      "id": "forward_backward_2_2_1",                      (letters, digits, _ and -)
      "title": {"en": "…", "zh_CN": "…"},                 (every text: both languages)
      "summary": {"en": "…", "zh_CN": "…"},               (optional)
      "steps": [
        {"title": {…}, "text": {…},                       (text: rich text, a small HTML subset)
         "document": {"example": "worked_example_2_2_1_relu.json"}
                   | {"embedded": { a whole document, checked by core.project_io }},   (optional)
         "edits": [{"set": "learning_rate", "value": 3}, …],  (optional; core.lesson_goals.EDITS)
         "tab": "network" | "graph" | "digits",            (optional: the page to show)
         "layout": "step" | "train",                       (optional: the window's layout)
         "graph": {"formula": "z * (x - y)", "values": {"x": -2, …}},   (optional)
         "highlight": ["step.forward"], "lock": […], "hide": […],        (control names)
         "wait": {"action": "forward_step"} | {"goal": "test_loss_below", "value": 0.1}
               | {"predict": <question>},                 (optional: a step without one is read)
         "hints": [{…}, …],                               (texts)
         "quotes": [{"value": 0.227138, "digits": 6, "of": {"kind": "loss"}}, …]}
      ]
    }

Every number a step's text quotes from the engine is listed in ``quotes`` with what it is the
value of; the test suite recomputes each one (``core.lesson_goals.quoted_value``). Questions
(``predict``) are kept as the objects they are and checked by the exercise module when it is
there. Loading refuses anything else with ``DocumentError(path, Message)`` naming the field:
``steps[2].text.zh_CN: missing``. A lesson holds no code: texts, names and numbers only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .errors import DocumentError
from .messages import Message as M
from .json_text import parse_json
from .json_fields import check_keys, read_int, read_num, read_obj, read_str
from .project_io import project_from_dict

FORMAT = "backprop-playground-lesson"
CURRENT_VERSION = 1
LANGUAGES = ("en", "zh_CN")
MAX_STEPS = 100
MAX_BYTES = 4 * 1024 * 1024
TABS = ("network", "graph", "digits")
LAYOUTS = ("step", "train")
CONTROL_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
LESSON_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
ACTIONS = ("forward_step", "backward_step", "apply_update", "train", "train_epoch",
           "graph_forward", "graph_backward", "graph_descend", "digits_define",
           "digits_compile", "digits_fit", "draw_digit")
GOALS = {"test_loss_below": "value", "train_loss_below": "value",
         "test_accuracy_above": "value", "diverged": None, "setting": "value"}
"""Goal kind → the number field it needs (None: no number)."""
LESSON_CONTROLS = ("data.features", "data.datasets", "graph.forward", "graph.backward",
                   "graph.descend", "digits.define", "digits.compile", "digits.fit", "digits.pad")
"""Controls a lesson may point at beyond the classroom mode's ``core.control_names`` (the
graph explorer's and the digits page's buttons, the feature boxes)."""


def known_controls() -> tuple | None:
    """Every control name a lesson may use, or None where the classroom names are not built in
    (then any name of the right form is taken, and the window ignores one it does not know)."""
    try:
        from .control_names import CONTROL_NAMES
    except ImportError:
        return None
    return tuple(CONTROL_NAMES) + LESSON_CONTROLS


RICH_TAGS = {"b", "i", "u", "p", "br", "sub", "sup", "ul", "ol", "li", "code", "span", "em",
             "strong", "small", "big", "table", "tr", "td", "th"}
_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)[^>]*>")


@dataclass(frozen=True)
class Text:
    """One text in every language of the lesson."""
    by_language: dict

    def get(self, language: str) -> str:
        return self.by_language.get(language) or self.by_language["en"]


@dataclass(frozen=True)
class Step:
    title: Text
    text: Text
    document: dict | None = None          # {"example": name} or {"embedded": <document dict>}
    edits: tuple = ()
    tab: str | None = None
    layout: str | None = None
    graph: dict | None = None             # {"formula": str, "values": {name: float}}
    highlight: tuple = ()
    lock: tuple = ()
    hide: tuple = ()
    wait: dict | None = None
    hints: tuple = ()
    quotes: tuple = ()

    @property
    def question(self) -> dict | None:
        return self.wait.get("predict") if self.wait else None


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    summary: Text | None
    steps: tuple = field(default_factory=tuple)

    def texts(self):
        """(path, Text) for every text of the lesson (what a translation check reads)."""
        yield "title", self.title
        if self.summary is not None:
            yield "summary", self.summary
        for k, s in enumerate(self.steps):
            yield f"steps[{k}].title", s.title
            yield f"steps[{k}].text", s.text
            for h, hint in enumerate(s.hints):
                yield f"steps[{k}].hints[{h}]", hint


# ---------------------------------------------------------------- fields
def _text(v, path: str, rich: bool = False) -> Text:
    d = read_obj(v, path)
    check_keys(d, path, set(LANGUAGES))
    out = {}
    for lang in LANGUAGES:
        if lang not in d:
            raise DocumentError(f"{path}.{lang}", M("doc.missing", "missing"))
        s = read_str(d[lang], f"{path}.{lang}", max_len=20_000).strip()
        if not s:
            raise DocumentError(f"{path}.{lang}", M("lesson.empty_text", "the text is empty"))
        if rich:
            bad = next((t for t in _TAG.findall(s) if t.lower() not in RICH_TAGS), None)
            if bad is not None:
                raise DocumentError(f"{path}.{lang}", M("lesson.tag", "the tag <{tag}> is not allowed in a lesson text",
                                                        tag=bad))
        out[lang] = s
    return Text(out)


def _names(v, path: str) -> tuple:
    if v is None:
        return ()
    if not isinstance(v, list):
        raise DocumentError(path, M("lesson.names_list", "expected a list of control names"))
    out = []
    known = known_controls()
    for i, name in enumerate(v):
        name = read_str(name, f"{path}[{i}]", max_len=80)
        if not CONTROL_NAME.fullmatch(name) or (known is not None and name not in known):
            raise DocumentError(f"{path}[{i}]", M("lesson.control_name",
                                                  "{name} is not a control name (such as step.forward)",
                                                  name=repr(name)))
        out.append(name)
    return tuple(out)


def _document(v, path: str) -> dict:
    d = read_obj(v, path)
    check_keys(d, path, {"example", "embedded"})
    if len(d) != 1:
        raise DocumentError(path, M("lesson.document_one", "expected either example or embedded"))
    if "example" in d:
        name = read_str(d["example"], f"{path}.example", max_len=120)
        if name not in example_names():
            raise DocumentError(f"{path}.example", M("lesson.no_example", "there is no bundled example {name}",
                                                     name=repr(name)))
        return {"example": name}
    try:
        project_from_dict(d["embedded"])
    except DocumentError as exc:      # the document's own field, under this one
        inner = f"{path}.embedded.{exc.path}" if exc.path else f"{path}.embedded"
        raise DocumentError(inner, exc.reason_message or exc.reason) from None
    return {"embedded": d["embedded"]}


def _graph(v, path: str) -> dict:
    from .expression import parse_expression, variables_of
    from .errors import EngineError
    d = read_obj(v, path)
    check_keys(d, path, {"formula", "values"})
    formula = read_str(d.get("formula"), f"{path}.formula", max_len=500)
    try:
        names = set(variables_of(parse_expression(formula)))
    except EngineError as exc:
        raise DocumentError(f"{path}.formula", exc.message or str(exc)) from None
    values = {}
    for name, x in read_obj(d.get("values", {}), f"{path}.values").items():
        if name not in names:
            raise DocumentError(f"{path}.values.{name}", M("lesson.no_variable",
                                                           "the formula has no variable {name}", name=name))
        values[name] = read_num(x, f"{path}.values.{name}", -1e6, 1e6)
    return {"formula": formula, "values": values}


def _wait(v, path: str) -> dict | None:
    if v is None:
        return None
    d = read_obj(v, path)
    if "predict" in d:
        check_keys(d, path, {"predict"})
        return {"predict": check_question(d["predict"], f"{path}.predict")}
    if "action" in d:
        check_keys(d, path, {"action", "stage"})
        out = {"action": read_str(d["action"], f"{path}.action", ACTIONS)}
        if "stage" in d:
            out["stage"] = read_str(d["stage"], f"{path}.stage", ("forward", "loss", "backward", "update"))
        return out
    if "goal" in d:
        goal = read_str(d["goal"], f"{path}.goal", tuple(GOALS))
        if goal == "setting":
            from .lesson_goals import check_setting
            check_keys(d, path, {"goal", "field", "value"})
            fld = read_str(d.get("field"), f"{path}.field", tuple(_setting_names()))
            return {"goal": goal, "field": fld, "value": check_setting(fld, d.get("value"), f"{path}.value")}
        need = GOALS[goal]
        check_keys(d, path, {"goal"} | ({need} if need else set()))
        out = {"goal": goal}
        if need:
            out[need] = read_num(d.get(need), f"{path}.{need}", 0.0)
        return out
    raise DocumentError(path, M("lesson.wait_kind", "expected action, goal or predict"))


def _setting_names():
    from .lesson_goals import EDITS
    return EDITS


def check_question(q, path: str) -> dict:
    """A predict-then-reveal question. The exercise module (``core.exercise``), when there,
    validates it fully; without it the object's ``kind`` must at least be named."""
    try:
        from .exercise import parse_question
    except ImportError:
        d = read_obj(q, path)
        read_str(d.get("kind"), f"{path}.kind", max_len=40)
        return d
    parse_question(q, path)
    return q


def _quotes(v, path: str) -> tuple:
    from .lesson_goals import check_quote
    if v is None:
        return ()
    if not isinstance(v, list):
        raise DocumentError(path, M("lesson.list", "expected a list"))
    return tuple(check_quote(q, f"{path}[{i}]") for i, q in enumerate(v))


def _step(v, path: str) -> Step:
    from .lesson_goals import check_edit
    d = read_obj(v, path)
    check_keys(d, path, {"title", "text", "document", "edits", "tab", "layout", "graph", "highlight",
                    "lock", "hide", "wait", "hints", "quotes"})
    edits = d.get("edits") or []
    if not isinstance(edits, list):
        raise DocumentError(f"{path}.edits", M("lesson.list", "expected a list"))
    hints = d.get("hints") or []
    if not isinstance(hints, list):
        raise DocumentError(f"{path}.hints", M("lesson.list", "expected a list"))
    return Step(
        title=_text(d.get("title"), f"{path}.title"),
        text=_text(d.get("text"), f"{path}.text", rich=True),
        document=_document(d["document"], f"{path}.document") if d.get("document") is not None else None,
        edits=tuple(check_edit(e, f"{path}.edits[{i}]") for i, e in enumerate(edits)),
        tab=read_str(d["tab"], f"{path}.tab", TABS) if d.get("tab") is not None else None,
        layout=read_str(d["layout"], f"{path}.layout", LAYOUTS) if d.get("layout") is not None else None,
        graph=_graph(d["graph"], f"{path}.graph") if d.get("graph") is not None else None,
        highlight=_names(d.get("highlight"), f"{path}.highlight"),
        lock=_names(d.get("lock"), f"{path}.lock"),
        hide=_names(d.get("hide"), f"{path}.hide"),
        wait=_wait(d.get("wait"), f"{path}.wait"),
        hints=tuple(_text(h, f"{path}.hints[{i}]", rich=True) for i, h in enumerate(hints)),
        quotes=_quotes(d.get("quotes"), f"{path}.quotes"))


# ---------------------------------------------------------------- public API
def lesson_from_dict(doc: Any) -> Lesson:
    doc = read_obj(doc, "")
    if doc.get("format") != FORMAT:
        raise DocumentError("format", M("lesson.format", 'not a Backprop Playground lesson (expected "{format}")',
                                        format=FORMAT))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("version", M("doc.version_missing", "missing or not a whole number"))
    if version != CURRENT_VERSION:
        raise DocumentError("version", M("lesson.version", "lesson version {version} is not supported; this program reads version {current}",
                                         version=version, current=CURRENT_VERSION))
    check_keys(doc, "", {"format", "version", "id", "title", "summary", "steps"})
    lid = read_str(doc.get("id"), "id", max_len=64)
    if not LESSON_ID.fullmatch(lid):
        raise DocumentError("id", M("lesson.id", "use letters, digits, _ and - only"))
    steps = doc.get("steps")
    if not isinstance(steps, list) or not steps:
        raise DocumentError("steps", M("lesson.steps", "expected a non-empty list of steps"))
    read_int(len(steps), "steps", 1, MAX_STEPS)
    parsed = tuple(_step(s, f"steps[{k}]") for k, s in enumerate(steps))
    return Lesson(id=lid, title=_text(doc.get("title"), "title"),
                  summary=_text(doc["summary"], "summary") if doc.get("summary") is not None else None,
                  steps=parsed)


def loads(text: str | bytes) -> Lesson:
    if len(text) > MAX_BYTES:
        raise DocumentError("", M("doc.file_too_large", "the file is larger than {mb} MB", mb=MAX_BYTES // 2**20))
    doc = parse_json(text)
    return lesson_from_dict(doc)


def load(path) -> Lesson:
    with open(path, "rb") as fh:
        return loads(fh.read(MAX_BYTES + 1))


def lesson_names() -> list[str]:
    """The bundled lessons' file names, in teaching order (their names start with a number)."""
    folder = resources.files("resources") / "lessons"
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def load_bundled(name: str) -> Lesson:
    return loads((resources.files("resources") / "lessons" / name).read_bytes())


def example_names() -> list[str]:
    folder = resources.files("resources") / "examples"
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def step_project(step: Step, current=None):
    """The document a step starts from: its example or embedded document (a new Project),
    or ``current`` when the step names none; then the step's edits. Raises EngineError."""
    from .project_io import loads as load_project_text
    from .lesson_goals import apply_edits
    p = current
    if step.document is not None:
        if "example" in step.document:
            data = (resources.files("resources") / "examples" / step.document["example"]).read_bytes()
            p = load_project_text(data)
        else:
            p = project_from_dict(step.document["embedded"])
    return apply_edits(p, step.edits) if step.edits and p is not None else p
