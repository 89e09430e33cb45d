"""Classroom files: what a teacher locks, hides and highlights when the app opens for a lesson
(like TensorFlow Playground's ``*_hide`` URL keys), as versioned JSON validated field by field.

Format (version 1)::

    {
      "format": "backprop-playground-classroom",
      "version": 1,
      "title": "…",                          (optional: shown in the classroom banner)
      "hide": ["menu.file", "data", …],      (optional: control names, core.control_names)
      "lock": ["canvas.edit", …],            (optional)
      "highlight": ["step.forward"],         (optional)
      "lesson": "…",                         (optional: a built-in lesson's name or a lesson file)
      "document": "…",                       (optional: a bundled example's name, or a document
                                              file, relative to the classroom file)
      "presentation": false,                 (optional: start in presentation mode)
      "language": "zh_CN"                    (optional: "en" or "zh_CN")
    }

Loading refuses another ``format``, a ``version`` other than 1 (a newer one is named), unknown
fields, wrong types, unknown control names — each with the field's path (``lock[2]: unknown
control …``). A classroom file names things; it never runs code.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .control_names import UnknownControlError, check_names
from .errors import DocumentError
from .json_text import parse_json
from .messages import Message as M

FORMAT = "backprop-playground-classroom"
VERSION = 1
MAX_BYTES = 256 * 1024
LANGUAGES = ("en", "zh_CN")
FIELDS = ("format", "version", "title", "hide", "lock", "highlight", "lesson", "document",
          "presentation", "language")


@dataclass(frozen=True)
class Classroom:
    hide: tuple[str, ...] = ()
    lock: tuple[str, ...] = ()
    highlight: tuple[str, ...] = ()
    title: str = ""
    lesson: str | None = None
    document: str | None = None
    presentation: bool = False
    language: str | None = None
    folder: str = ""
    """The folder of the file it came from (relative document and lesson paths start there)."""

    def resolve(self, name: str | None) -> str | None:
        """``name`` as a path beside the classroom file (None stays None)."""
        if name is None:
            return None
        return name if os.path.isabs(name) else os.path.join(self.folder, name)


def _type(v) -> M:
    for kind, code, text in ((bool, "bool", "true/false"), (str, "string", "a string"),
                             (list, "list", "a list"), (dict, "object", "an object")):
        if isinstance(v, kind):
            return M(f"type.{code}", text)
    if v is None:
        return M("type.null", "null")
    return M("type.number", "a number")


def _text(d: dict, key: str, limit: int = 1000) -> str | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise DocumentError(key, M("doc.expected_string", "expected a string, got {got}", got=_type(v)))
    if len(v) > limit:
        raise DocumentError(key, M("doc.text_too_long", "text longer than {n} characters", n=limit))
    return v


def _names(d: dict, key: str) -> tuple[str, ...]:
    v = d.get(key, [])
    if not isinstance(v, list):
        raise DocumentError(key, M("doc.expected_names", "expected a list of control names, got {got}",
                                   got=_type(v)))
    for k, name in enumerate(v):
        try:
            check_names([name])
        except UnknownControlError as exc:
            raise DocumentError(f"{key}[{k}]", exc.message) from None
    return check_names(v)


def classroom_from_dict(d, folder: str = "") -> Classroom:
    if not isinstance(d, dict):
        raise DocumentError("", M("doc.expected_object", "expected an object, got {got}", got=_type(d)))
    if d.get("format") != FORMAT:
        raise DocumentError("format", M("classroom.format", 'not a classroom file (expected "{format}")',
                                        format=FORMAT))
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("version", M("doc.version_missing", "missing or not a whole number"))
    if version != VERSION:
        raise DocumentError("version", M("classroom.version",
                                         "version {version} is not supported; this program reads version {current}",
                                         version=version, current=VERSION))
    for key in d:
        if key not in FIELDS:
            raise DocumentError(str(key), M("doc.unknown_field", "unknown field"))
    presentation = d.get("presentation", False)
    if not isinstance(presentation, bool):
        raise DocumentError("presentation", M("doc.expected_bool", "expected true or false, got {got}",
                                              got=_type(presentation)))
    language = _text(d, "language")
    if language is not None and language not in LANGUAGES:
        raise DocumentError("language", M("doc.not_one_of", "{value} is not one of: {choices}",
                                          value=repr(language), choices=", ".join(LANGUAGES)))
    return Classroom(hide=_names(d, "hide"), lock=_names(d, "lock"),
                     highlight=_names(d, "highlight"), title=_text(d, "title") or "",
                     lesson=_text(d, "lesson"), document=_text(d, "document"),
                     presentation=presentation, language=language, folder=folder)


def loads(text: str | bytes, folder: str = "") -> Classroom:
    if len(text) > MAX_BYTES:
        raise DocumentError("", M("classroom.too_large", "a classroom file is at most {kb} KB",
                                  kb=MAX_BYTES // 1024))
    d = parse_json(text, parse_constant=lambda name: None)
    return classroom_from_dict(d, folder)


def load(path: str | os.PathLike) -> Classroom:
    """Read a classroom file: DocumentError naming the field, or OSError."""
    if os.path.getsize(path) > MAX_BYTES:
        raise DocumentError("", M("classroom.too_large", "a classroom file is at most {kb} KB",
                                  kb=MAX_BYTES // 1024))
    with open(path, "rb") as fh:
        return loads(fh.read(MAX_BYTES + 1), os.path.dirname(os.path.abspath(path)))


def dumps(c: Classroom) -> str:
    """The file for ``c`` (what ``loads`` reads back)."""
    d = {"format": FORMAT, "version": VERSION}
    if c.title:
        d["title"] = c.title
    for key in ("hide", "lock", "highlight"):
        if getattr(c, key):
            d[key] = list(getattr(c, key))
    for key in ("lesson", "document", "language"):
        if getattr(c, key) is not None:
            d[key] = getattr(c, key)
    if c.presentation:
        d["presentation"] = True
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
