"""What the engine tells a person, as data: a code, an English template and its parameters.

The engine never chooses a display language. ``str(message)`` is the English text (the command
line shows it, the tests read it); the window looks the code up in its own table
(``playground/engine_text.py``) and fills the translated template with the same parameters, so an
error reads in the language the window is in. A parameter may itself be a Message (``got a
string``), rendered the same way.
"""
from __future__ import annotations

import string


class Message:
    __slots__ = ("code", "template", "params")

    def __init__(self, code: str, template: str, **params):
        self.code = code
        self.template = template
        self.params = params

    def render(self, template: str | None = None, param=str) -> str:
        """The text with ``template`` (default: the English one); ``param`` renders each value."""
        values = {k: param(v) for k, v in self.params.items()}
        return string.Formatter().vformat(template or self.template, (), _Keep(values))

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {str(self)!r})"

    def __eq__(self, other) -> bool:
        return (isinstance(other, Message) and (self.code, self.template, self.params)
                == (other.code, other.template, other.params))

    def __hash__(self) -> int:
        return hash((self.code, self.template))


class _Keep(dict):
    """A placeholder without a value stays as it is instead of raising."""

    def __missing__(self, key):
        return "{" + key + "}"

