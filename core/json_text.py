"""JSON text → Python values for every document reader (projects, lessons, classrooms): one
decoding, one parser, and one set of messages for text that is not a document at all. Each
reader checks the size its own way before and validates the values after."""
from __future__ import annotations

import json

from .errors import DocumentError
from .messages import Message as M


def reject_constant(name: str):
    raise DocumentError("", M("doc.constant", "{name} is not allowed in a document (numbers must be finite)",
                              name=name))


def parse_json(text: str | bytes, parse_constant=reject_constant):
    """The JSON value of ``text`` (bytes: UTF-8, with or without a BOM). NaN and ±Infinity
    go to ``parse_constant`` (by default refused). DocumentError says what is wrong."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError("", M("doc.not_utf8", "the file is not UTF-8 text ({reason} at byte {byte})",
                                      reason=exc.reason, byte=exc.start)) from None
    try:
        return json.loads(text, parse_constant=parse_constant)
    except json.JSONDecodeError as exc:
        raise DocumentError("", M("doc.not_json", "not valid JSON: {error} (line {line}, column {column})",
                                  error=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except ValueError as exc:  # e.g. an integer literal beyond Python's 4300-digit limit
        raise DocumentError("", M("doc.invalid", "not a valid document: {error}",
                                  error=str(exc).split(";")[0])) from None
    except RecursionError:
        raise DocumentError("", M("doc.too_deep", "not a valid document: nested too deeply")) from None
