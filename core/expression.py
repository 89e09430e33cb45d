"""Formula text → scalar ``Graph``, through a whitelist over Python's ``ast`` (never eval).

Accepted: numbers, variable names, ``+ − * /``, ``**`` with a constant number as exponent,
unary ``−``/``+``, and calls of ``exp log relu sigmoid tanh`` (one argument) and ``max min``
(two or more). Everything else is refused with an ``ExpressionError`` saying what and why.

Limits, checked before the work they protect: at most ``MAX_LENGTH`` characters, brackets and
runs of signs at most ``MAX_DEPTH`` deep (before ``ast.parse``, which recurses), the parsed
tree at most ``MAX_DEPTH`` levels and ``MAX_NODES`` nodes.

Every use of a variable refers to one input node, so gradients from all uses add up
(``x*x`` gives ∂f/∂x = 2x). A negative number literal (``-2``) becomes one constant.
"""
from __future__ import annotations

import ast
import math
import re

from .errors import EngineError
from .messages import Message as M
from .scalar_graph import Graph, GraphBuilder, GraphError, Value

MAX_LENGTH = 2000
MAX_DEPTH = 100
MAX_NODES = 500

FUNCTIONS: dict[str, int] = {"exp": 1, "log": 1, "relu": 1, "sigmoid": 1, "tanh": 1,
                             "max": 0, "min": 0}
"""Function name → number of arguments (0: two or more)."""

_BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}
_SIGN_RUN = re.compile(r"[-+~](?:\s*[-+~])*")

_REFUSED = {
    ast.Attribute: M("expr.attribute", "attribute access with '.'"),
    ast.Subscript: M("expr.indexing", "indexing with [ ]"), ast.Slice: M("expr.slices", "slices"),
    ast.Lambda: "lambda", ast.ListComp: M("expr.comprehensions", "comprehensions"),
    ast.SetComp: M("expr.comprehensions", "comprehensions"),
    ast.DictComp: M("expr.comprehensions", "comprehensions"),
    ast.GeneratorExp: M("expr.comprehensions", "comprehensions"),
    ast.Compare: M("expr.comparisons", "comparisons"), ast.BoolOp: "'and' / 'or'",
    ast.IfExp: "'if … else'", ast.List: M("expr.lists", "lists"),
    ast.Tuple: M("expr.tuples", "tuples (or a stray comma)"), ast.Set: M("expr.sets", "sets"),
    ast.Dict: M("expr.dicts", "dictionaries"), ast.JoinedStr: "f-strings",
    ast.FormattedValue: "f-strings", ast.NamedExpr: "':='",
    ast.Starred: M("expr.unpacking", "'*' unpacking"), ast.Await: "await", ast.Yield: "yield",
    ast.YieldFrom: "yield",
}


class ExpressionError(EngineError, ValueError):
    """A formula was refused: a syntax error, a forbidden construct, or too large."""


def parse_expression(text: str) -> Graph:
    """Parse ``text`` (e.g. ``"(x + y) * z"``) into a Graph; raise ExpressionError if refused."""
    tree = _parse(text)
    builder = GraphBuilder()
    try:
        out = _Converter(builder).convert(tree.body)
        return builder.build(out)
    except GraphError as err:  # e.g. an invalid constant
        raise ExpressionError(str(err)) from None


def variables_of(graph: Graph) -> list[str]:
    """The variable names, in order of first appearance (the order of the input nodes)."""
    return list(graph.inputs)


def _parse(text: str) -> ast.Expression:
    if not isinstance(text, str):
        raise ExpressionError(M("expr.not_text", "a formula must be text"))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(M("expr.too_long", "the formula is too long ({n} characters; at most {most})",
                                n=len(text), most=MAX_LENGTH))
    text = text.strip()
    if not text:
        raise ExpressionError(M("expr.empty", "the formula is empty"))
    depth = deepest = 0
    for ch in text:
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    signs = max((sum(c in "+-~" for c in m.group()) for m in _SIGN_RUN.finditer(text)), default=0)
    if deepest > MAX_DEPTH or signs > MAX_DEPTH:
        raise ExpressionError(M("expr.too_deep", "the formula is nested more than {n} levels deep", n=MAX_DEPTH))
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as err:
        if err.offset:
            raise ExpressionError(M("expr.syntax_at", "not a valid formula at column {column}: {error}",
                                    column=err.offset, error=err.msg)) from None
        raise ExpressionError(M("expr.syntax", "not a valid formula: {error}", error=err.msg)) from None
    except (RecursionError, MemoryError, ValueError, OverflowError):
        raise ExpressionError(M("expr.too_complex", "the formula is too complex to read")) from None
    _check_size(tree)
    return tree


def _check_size(tree: ast.Expression) -> None:
    """Depth and node count of the tree, walked without recursion."""
    stack = [(tree.body, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(M("expr.too_deep", "the formula is nested more than {n} levels deep", n=MAX_DEPTH))
        if isinstance(node, ast.expr):
            count += 1
            if count > MAX_NODES:
                raise ExpressionError(M("expr.too_many_parts", "the formula has more than {n} parts", n=MAX_NODES))
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _number(node: ast.AST) -> float | None:
    """The value of a number literal, optionally signed (``2``, ``-0.5``); else None."""
    sign = 1.0
    while isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        sign = -sign if isinstance(node.op, ast.USub) else sign
        node = node.operand
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        try:
            v = float(node.value)
        except OverflowError:
            raise ExpressionError(M("expr.number_too_large", "the number {value} is too large",
                                        value=node.value)) from None
        if not math.isfinite(v):
            raise ExpressionError(M("expr.not_finite", "numbers must be finite"))
        return sign * v
    return None


class _Converter:
    """Turns a size-checked tree into builder nodes (recursion ≤ MAX_DEPTH levels)."""

    def __init__(self, builder: GraphBuilder):
        self.b = builder

    def convert(self, node: ast.AST) -> Value:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            what = _REFUSED.get(type(node), type(node).__name__)
            raise ExpressionError(M("expr.not_allowed", "not allowed in a formula: {what}", what=what))
        return method(node)

    def _BinOp(self, node: ast.BinOp) -> Value:
        if isinstance(node.op, ast.Pow):
            p = _number(node.right)
            if p is None:
                raise ExpressionError(M("expr.exponent", "the exponent of ** must be a constant number (x**2); "
                                        "for a variable exponent write exp(y*log(x))"))
            return self.b.apply("pow", self.convert(node.left), const=p)
        if isinstance(node.op, ast.BitXor):
            raise ExpressionError(M("expr.caret", "use ** for powers (x**2), not ^"))
        op = _BINOPS.get(type(node.op))
        if op is None:
            raise ExpressionError(M("expr.operators", "only the operators + - * / ** are allowed"))
        return self.b.apply(op, self.convert(node.left), self.convert(node.right))

    def _UnaryOp(self, node: ast.UnaryOp) -> Value:
        if isinstance(node.op, ast.UAdd):
            return self.convert(node.operand)
        if not isinstance(node.op, ast.USub):
            raise ExpressionError(M("expr.signs", "only the signs + and - may stand before a value"))
        value = _number(node)
        if value is not None:
            return self.b.const(value)
        return self.b.apply("neg", self.convert(node.operand))

    def _Call(self, node: ast.Call) -> Value:
        if not isinstance(node.func, ast.Name):
            raise ExpressionError(M("expr.call_by_name", "only the functions {names} may be called, by name",
                                    names=", ".join(FUNCTIONS)))
        name = node.func.id
        if name not in FUNCTIONS:
            raise ExpressionError(M("expr.unknown_function", "unknown function {name} (known: {names})",
                                    name=repr(name), names=", ".join(FUNCTIONS)))
        if node.keywords:
            raise ExpressionError(M("expr.keywords", "{name}() takes no keyword arguments", name=name))
        n, want = len(node.args), FUNCTIONS[name]
        if (want and n != want) or (not want and n < 2):
            if want == 1:
                raise ExpressionError(M("expr.one_argument", "{name}() takes one argument, got {n}",
                                        name=name, n=n))
            raise ExpressionError(M("expr.two_arguments", "{name}() takes two or more arguments, got {n}",
                                    name=name, n=n))
        return self.b.apply(name, *(self.convert(a) for a in node.args))

    def _Name(self, node: ast.Name) -> Value:
        name = node.id
        if name in FUNCTIONS:
            raise ExpressionError(M("expr.is_function", "{name} is a function: write {name}(…)", name=name))
        if name.startswith("_"):
            raise ExpressionError(M("expr.underscore", "names starting with '_' are not allowed ({name})", name=name))
        return self.b.input(name)

    def _Constant(self, node: ast.Constant) -> Value:
        value = _number(node)
        if value is not None:
            return self.b.const(value)
        v = node.value
        if isinstance(v, bool):
            raise ExpressionError(M("expr.bool", "{value} is not a number", value=v))
        if isinstance(v, (str, bytes)):
            raise ExpressionError(M("expr.quotes", "text in quotes is not allowed; only numbers and names"))
        if isinstance(v, complex):
            raise ExpressionError(M("expr.complex", "complex numbers are not allowed"))
        raise ExpressionError(M("expr.value_not_allowed", "{value} is not allowed in a formula", value=repr(v)))
