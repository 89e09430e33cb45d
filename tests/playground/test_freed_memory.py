"""After a document is read, the heap that parsing its text freed goes back to the system
(playground/freed_memory.py): Document.open trims, and the trim itself releases memory."""
import platform

import numpy as np
import pytest

from core import Network, save_project
from playground import document as document_module
from playground.document import Document
from playground.freed_memory import give_back
from playground.resources import load_example

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")


def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))


@glibc
def test_the_trim_returns_what_many_small_objects_freed():
    # what a big document's text becomes while it is parsed: lists of Python floats (3M
    # floats, ~120 MB); Python returns its own arenas, the lists' blocks stay in the heap
    rows = [[float(i + j) for j in range(1000)] for i in range(3000)]
    del rows
    held = _rss_kb()
    assert give_back()
    assert _rss_kb() < held - 5_000             # measured: ~10 MB more back by the trim

def test_opening_a_document_trims_once_it_is_read(qtbot, tmp_path, monkeypatch):
    project = load_example("worked_example_2_2_1_relu.json")
    project.network = Network.create([2, 64, 64, 1], "tanh", seed=3)
    path = tmp_path / "wide.json"
    save_project(project, path)
    calls = []
    doc = Document(load_example("worked_example_2_2_1_relu.json"))
    monkeypatch.setattr(document_module, "give_back",
                        lambda: calls.append(doc.network.sizes) or True)
    doc.open(str(path))
    assert calls == [[2, 64, 64, 1]]            # after the new project is in place
    assert np.array_equal(doc.network.layers[1].weights, project.network.layers[1].weights)
