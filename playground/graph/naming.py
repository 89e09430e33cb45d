"""Display names of a graph's nodes and symbols of its gates (no maths, no widgets).

Variables keep their names; engine names of an unrolled network (``W1[0,1]``, ``b2[0]``,
``x[0]``, gate labels ``z1[0]``/``a1[0]``) are shown in the app's notation: layer as a
superscript, 1-based indices as subscripts (W¹₁,₂, b²₁, x₁, z¹₁). The output gate is ``f``
(or its label); other gates are q₁, q₂, … (just ``q`` when there is one). Constants are
their value.
"""
from __future__ import annotations

import re

from ..formatting import format_number
from ..widgets import symbol_text

_ENGINE_NAME = re.compile(r"^([A-Za-z]+?)(\d*)\[(\d+(?:,\d+)*)\]$")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

OP_SYMBOLS = {"add": "+", "sub": "−", "mul": "×", "div": "÷", "neg": "neg", "exp": "exp",
              "log": "ln", "max": "max", "min": "min", "relu": "ReLU", "sigmoid": "σ",
              "tanh": "tanh"}


def display_name(name: str) -> str:
    """``W1[0,1]`` → W¹₁,₂; ``x[0]`` → x₁; any other name unchanged."""
    m = _ENGINE_NAME.match(name)
    if not m:
        return name
    base, layer, index = m.groups()
    return symbol_text(base, int(layer) if layer else None, *(int(i) for i in index.split(",")))


def op_symbol(node) -> str:
    """What a node's box shows: the gate symbol, the variable's name, a constant's value."""
    if node.op == "input":
        return display_name(node.name)
    if node.op == "const":
        return format_number(node.const, 4)
    if node.op == "pow":
        p = node.const
        if p == int(p) and 2 <= p <= 9:
            return "( )" + str(int(p)).translate(_SUP)
        return "( )^" + format_number(p, 4)
    return OP_SYMBOLS.get(node.op, node.op)


def node_names(graph) -> dict[int, str]:
    """Node id → the name used in the derivations."""
    taken = {display_name(n) for n in graph.inputs}
    gate_letter = next((c for c in ("q", "u", "v", "s", "t", "g", "h") if c not in taken), "q")
    out_name = "f" if "f" not in taken else "F"
    unnamed = [n.id for n in graph.nodes
               if not n.is_leaf and not n.label and n.id != graph.output]
    names: dict[int, str] = {}
    for node in graph.nodes:
        if node.op == "input":
            names[node.id] = display_name(node.name)
        elif node.op == "const":
            names[node.id] = format_number(node.const, 6)
        elif node.label:
            names[node.id] = display_name(node.label)
        elif node.id == graph.output:
            names[node.id] = out_name
        elif len(unnamed) == 1:
            names[node.id] = gate_letter
        else:
            names[node.id] = gate_letter + str(unnamed.index(node.id) + 1).translate(_SUB)
    return names
