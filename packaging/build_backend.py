"""PEP 517 build backend: setuptools' own, behind one clear message on a too old Python.

pip checks `requires-python` of a source tree or an sdist only after it has downloaded and
resolved every dependency (on Python 3.10 that took 40 s here and, with an older pip, many
minutes without a word). This backend is imported before any of that, so an old interpreter
stops at once with a message that says what to do. Keep it importable by any Python 3.
"""
import sys

if sys.version_info < (3, 11):
    sys.exit(
        "error: Backprop Playground needs Python 3.11 or newer; this is Python %d.%d.%d (%s).\n"
        "  Debian 12: sudo apt-get install python3 python3-venv (3.11)\n"
        "  Ubuntu 22.04: sudo apt-get install python3.11 python3.11-venv, then create the venv\n"
        "  with: python3.11 -m venv .venv" % (sys.version_info[:3] + (sys.executable,)))

from setuptools.build_meta import *  # noqa: E402,F401,F403
